// The topology of a version 3 .sgpb file as arrays (io/formats/topology_arrays.hpp). Oracles: the
// same file loaded as a graph::Graph (io::load_sgpb) for the nodes, the edges and the
// analytics view (graph::build_csr of that graph, every option), graph::find_bad_weight for
// the weight check, and io::load_sgpb_topology (the graph reader of the same tables) for
// damaged and truncated files: the same error, with the same byte offset, or none.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>

#include "graph/csr.hpp"
#include "graph/edge_weight.hpp"
#include "graph/graph.hpp"
#include "io/error.hpp"
#include "io/formats/formats.hpp"
#include "io/formats/sgpb.hpp"
#include "io/formats/sgpb_v3.hpp"
#include "io/formats/sgpb_v3_tables.hpp"
#include "io/formats/topology_arrays.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::io {
namespace {

using graph::WeightSource;

class TopologyArraysTest : public test_support::TempDirTest {};

// The little-endian number of `n` bytes at `at`.
std::uint64_t le(const std::string& b, std::size_t at, int n) {
  std::uint64_t v = 0;
  for (int i = n - 1; i >= 0; --i)
    v = v << 8 | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
  return v;
}

// story_graph (drawn in tests/test_graphs.hpp: symmetric allied_with stored once with the
// smaller node first, one user weight of 0.5) merged with a random graph (user weights 1 to
// 10 on every edge, parallel edges of several relations), plus a self-loop with evidence.
graph::Graph mixed_graph() {
  graph::Graph g = test_support::story_graph();
  g.merge(test_support::random_graph(40, 160, 5));
  const auto hw = *g.find_node("Huawei");
  graph::Evidence ev;
  ev.text = "Huawei on itself";
  g.add_evidence(g.add_edge(hw, hw, graph::Relation::kReports), ev);
  return g;
}

void expect_same_csr(const graph::Csr& a, const graph::Csr& b, const std::string& what) {
  EXPECT_EQ(a.n, b.n) << what;
  EXPECT_EQ(a.directed, b.directed) << what;
  EXPECT_EQ(a.weighted, b.weighted) << what;
  EXPECT_EQ(a.offsets, b.offsets) << what;
  EXPECT_EQ(a.targets, b.targets) << what;
  EXPECT_EQ(a.weights, b.weights) << what;  // bit-equal floats: same sums in the same order
  EXPECT_EQ(a.in_offsets, b.in_offsets) << what;
  EXPECT_EQ(a.in_sources, b.in_sources) << what;
  EXPECT_EQ(a.in_weights, b.in_weights) << what;
}

TEST_F(TopologyArraysTest, EqualsTheGraphLoadedWhole) {
  save_sgpb(mixed_graph(), path("g.sgpb"));
  const graph::Graph g = load_sgpb(path("g.sgpb"));
  const std::optional<TopologyArrays> t = load_topology_arrays(path("g.sgpb"));
  ASSERT_TRUE(t.has_value());
  ASSERT_EQ(t->node_count(), g.node_count());
  ASSERT_EQ(t->edge_count(), g.edge_count());
  EXPECT_EQ(t->article_count, g.articles().size());
  EXPECT_EQ(t->evidence_count, g.evidence_count());
  EXPECT_LT(t->bytes_read, std::filesystem::file_size(path("g.sgpb")));  // no evidence read
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v) {
    EXPECT_EQ(t->id(v), g.node(v).id);
    EXPECT_EQ(t->name(v), g.node(v).name);
    EXPECT_EQ(t->kinds[v], g.node(v).kind);
  }
  std::size_t i = 0, weighted = 0;
  const auto& bg = g.boost_graph();
  for (auto [it, end] = boost::edges(bg); it != end; ++it, ++i) {
    EXPECT_EQ(t->sources[i], g.source(*it)) << i;
    EXPECT_EQ(t->targets[i], g.target(*it)) << i;
    EXPECT_EQ(t->relations[i], bg[*it].relation) << i;
    EXPECT_EQ(t->evidence[i], bg[*it].evidence_total()) << i;
    if (bg[*it].weight) {
      ASSERT_LT(weighted, t->weights.size());
      EXPECT_EQ(t->weights[weighted].first, i);
      EXPECT_EQ(t->weights[weighted++].second, *bg[*it].weight);
    }
  }
  EXPECT_EQ(weighted, t->weights.size());
  EXPECT_TRUE(has_weights(*t));
  for (const bool directed : {false, true})
    for (const WeightSource s :
         {WeightSource::kNone, WeightSource::kEvidence, WeightSource::kWeight})
      for (const bool w : {false, true}) {
        const graph::CsrOptions o{.directed = directed, .weighted = w, .source = s};
        expect_same_csr(csr_of(*t, o), graph::build_csr(g, o),
                        std::string(directed ? "directed " : "undirected ") +
                            std::string(graph::weight_source_name(s)) + (w ? " weighted" : ""));
      }
  TopologyArrays copy = *t;
  copy.release_edges();
  EXPECT_EQ(copy.edge_count(), 0u);
  EXPECT_EQ(copy.id(3), t->id(3));
  EXPECT_LT(copy.memory_bytes(), t->memory_bytes());
}

// Files that are not version 3 .sgpb files are for the graph loader.
TEST_F(TopologyArraysTest, OtherFilesAreNotArrays) {
  const graph::Graph g = test_support::story_graph();
  save_sgpb(g, path("v2.sgpb"), {.format_version = 2});
  EXPECT_FALSE(load_topology_arrays(path("v2.sgpb")).has_value());
  EXPECT_FALSE(load_topology_arrays("-").has_value());
  save_sgpb(g, path("v3.sgpb"));
  std::filesystem::copy_file(path("v3.sgpb"), path("v3.json"));
  EXPECT_FALSE(load_topology_arrays(path("v3.json")).has_value());  // by extension
  EXPECT_THROW(load_topology_arrays(path("missing.sgpb")), graph::NotFound);
}

// weights_allowed says what graph::find_bad_weight says on the same graph: a zero weight,
// a negative weight, and a negative weight on a self-loop (skipped).
TEST_F(TopologyArraysTest, WeightCheckEqualsTheGraphs) {
  for (const double bad : {0.0, -2.0}) {
    for (const bool loop : {false, true}) {
      graph::Graph g = test_support::random_graph(12, 30, 3, false);
      const graph::NodeIndex a = 2, b = loop ? 2 : 7;
      g.add_edge(a, b, graph::Relation::kSanction, bad);
      save_sgpb(g, path("w.sgpb"));
      const graph::Graph whole = load_sgpb(path("w.sgpb"));
      const TopologyArrays t = *load_topology_arrays(path("w.sgpb"));
      for (const WeightSource s :
           {WeightSource::kNone, WeightSource::kEvidence, WeightSource::kWeight})
        for (const bool zero : {false, true}) {
          const bool expected = !graph::find_bad_weight(whole, s, zero).has_value();
          EXPECT_EQ(weights_allowed(t, s, zero), expected)
              << bad << (loop ? " loop " : " ") << graph::weight_source_name(s) << zero;
        }
    }
  }
}

// Outcome of a reader on a file: "" or the error message.
template <class Read>
std::string outcome(Read&& read) {
  try {
    read();
    return "";
  } catch (const std::exception& e) {
    return e.what();
  }
}

// Every byte flipped and every truncation: the arrays reader (or, for a file it does not
// take as version 3, the graph reader, as the commands do) fails exactly when the graph
// reader of the same tables fails, with the same message (the byte offset of the frame).
TEST_F(TopologyArraysTest, DamageIsTheSameErrorAsTheGraphReader) {
  std::ostringstream out;
  write_sgpb(test_support::story_graph(), out, {.target_frame_bytes = 200});
  const std::string bytes = out.str();
  std::size_t errors = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    for (const bool truncate : {false, true}) {
      std::string damaged = bytes;
      if (truncate)
        damaged.resize(i);
      else
        damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
      const std::string p = write("d.sgpb", damaged);
      const std::string graph_reader = outcome([&] { load_sgpb_topology(p); });
      // As the commands do: a file the arrays reader does not take goes to the graph reader.
      const std::string arrays_reader = outcome([&] {
        if (!load_topology_arrays(p)) load_sgpb_topology(p);
      });
      EXPECT_EQ(arrays_reader, graph_reader) << (truncate ? "cut at " : "flipped ") << i;
      errors += !graph_reader.empty();
    }
  }
  EXPECT_GT(errors, bytes.size());  // most damage is detected (not skipped evidence frames)
}

// Without labels (and without edges): the same kinds, relations, counts and (with edges)
// edge arrays as the labeled load; load_node_labels gives the labeled load's ids and names
// for any nodes, asked in any order and with repeats, across the node tables (small
// frames: several tables); take_csr equals csr_of.
TEST_F(TopologyArraysTest, WithoutLabelsTheSameArraysAndLabelsOnDemand) {
  std::ostringstream bytes;
  write_sgpb(mixed_graph(), bytes, {.target_frame_bytes = 300});
  const std::string p = write("small.sgpb", bytes.str());
  const TopologyArrays all = *load_topology_arrays(p);
  const TopologyArrays bare = *load_topology_arrays(p, {.labels = false});
  const TopologyArrays counts = *load_topology_arrays(p, {.labels = false, .edges = false});
  ASSERT_GT(all.node_table_ends.size(), 2u);
  EXPECT_EQ(bare.node_table_ends, all.node_table_ends);
  EXPECT_EQ(all.node_table_ends.back(), all.node_count());
  EXPECT_TRUE(all.labeled);
  EXPECT_FALSE(bare.labeled);
  EXPECT_TRUE(bare.ids.empty() && bare.names.empty() && bare.aliases.empty());
  EXPECT_FALSE(all.aliases.empty());
  for (const TopologyArrays* t : {&bare, &counts}) {
    EXPECT_EQ(t->kinds, all.kinds);
    EXPECT_EQ(t->relations, all.relations);
    EXPECT_EQ(t->edge_count(), all.edge_count());
    EXPECT_EQ(t->article_count, all.article_count);
    EXPECT_EQ(t->evidence_count, all.evidence_count);
  }
  EXPECT_EQ(bare.sources, all.sources);
  EXPECT_EQ(bare.targets, all.targets);
  EXPECT_EQ(bare.evidence, all.evidence);
  EXPECT_EQ(bare.weights, all.weights);
  EXPECT_TRUE(counts.sources.empty() && counts.targets.empty() && counts.evidence.empty());
  const auto last = static_cast<std::uint32_t>(all.node_count() - 1);
  std::vector<std::uint32_t> every(all.node_count());
  for (std::uint32_t v = 0; v <= last; ++v) every[v] = last - v;
  for (const std::vector<std::uint32_t>& wanted :
       {std::vector<std::uint32_t>{last, 5, 0, 5, 17}, std::vector<std::uint32_t>{}, every}) {
    for (const TopologyArrays* t : {&bare, &all}) {
      const NodeLabels l = load_node_labels(*t, wanted);
      std::vector<std::uint32_t> sorted = wanted;
      std::sort(sorted.begin(), sorted.end());
      sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
      EXPECT_EQ(l.nodes, sorted);
      for (const std::uint32_t v : wanted) {
        EXPECT_EQ(l.id(v), all.id(v)) << v;
        EXPECT_EQ(l.name(v), all.name(v)) << v;
      }
    }
  }
  EXPECT_THROW(load_node_labels(bare, {last + 1}), graph::InvalidArgument);
  for (const bool directed : {false, true})
    for (const WeightSource s :
         {WeightSource::kNone, WeightSource::kEvidence, WeightSource::kWeight})
      for (const bool w : {false, true}) {
        const graph::CsrOptions o{.directed = directed, .weighted = w, .source = s};
        TopologyArrays taken = bare;
        expect_same_csr(take_csr(taken, o), csr_of(all, o),
                        std::string(directed ? "take directed " : "take undirected ") +
                            std::string(graph::weight_source_name(s)) + (w ? " weighted" : ""));
        EXPECT_EQ(taken.edge_count(), 0u);
        EXPECT_EQ(taken.kinds, all.kinds);
      }
}

// The frame holding byte `at` of a .sgpb file, its checksum set again after an edit (the
// frames from byte 8: length, CRC-32, payload).
void fix_checksum(std::string& bytes, std::size_t at) {
  std::size_t frame = 8;
  while (frame + 8 + le(bytes, frame, 4) <= at) frame += 8 + le(bytes, frame, 4);
  const std::uint32_t crc = detail::crc_of(bytes.substr(frame + 8, le(bytes, frame, 4)));
  for (int i = 0; i < 4; ++i) bytes[frame + 4 + i] = static_cast<char>(crc >> (8 * i));
}

// `from` replaced by `to` (same length) in the file's bytes, checksum fixed: a file whose
// frames are sound but whose content a writer from a Graph never makes.
std::string edited(std::string bytes, const std::string& from, const std::string& to) {
  const std::size_t at = bytes.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  EXPECT_EQ(from.size(), to.size());
  bytes.replace(at, from.size(), to);
  fix_checksum(bytes, at);
  return bytes;
}

// With labels, two nodes of one id, or two ASCII names that fold alike, are refused as the
// graph reader refuses them (same message, same byte offset: the node table of the second
// node); names that fold alike but not both ASCII (kept by Graph: files written before
// names were accent-folded) are read, the hashes of two ASCII names that fold alike
// ("Societe", "SOCIETE", after "Société") sending the reader to its exact check, which
// finds no fault. Without labels duplicates are not looked for (the file is read); a name
// that folds to nothing (punctuation, or no-break spaces that cleaning drops) is refused
// either way.
//   nodes: Alpha One, Alpha Two, Beta (ids alpha-one, alpha-two, beta), Société, Societe,
//   SOCIETE (kept: the first of their folded name is not ASCII); edge Alpha One -> Beta.
TEST_F(TopologyArraysTest, DuplicatesAreRefusedAsByTheGraphReader) {
  graph::Graph g;
  const auto a = g.add_node("Alpha One", graph::Kind::kGovernment);
  g.add_node("Alpha Two", graph::Kind::kVendor);
  const auto b = g.add_node("Beta", graph::Kind::kVendor);
  g.add_node("Soci\xC3\xA9t\xC3\xA9", graph::Kind::kMedia);
  g.add_node_with_id("societe-1", "Societe", graph::Kind::kMedia);
  g.add_node_with_id("societe-2", "SOCIETE", graph::Kind::kMedia);
  g.add_edge(a, b, graph::Relation::kAccuse);
  std::ostringstream out;
  write_sgpb(g, out, {.target_frame_bytes = 60});  // a node table or two per node
  const std::string good = out.str();
  const struct {
    std::string bytes, error;
  } cases[] = {
      {good, ""},
      {edited(good, "alpha-two", "alpha-one"), "duplicate node id 'alpha-one'"},
      {edited(good, "Alpha Two", "ALPHA one"), "duplicate node name 'ALPHA one'"},
      {edited(good, "Alpha Two", "alpha-One"), "duplicate node name 'alpha-One'"},
      {edited(good, "Beta", "B  a"), ""},  // cleaned "B a": no other
      {edited(good, "Beta", "...."), "node 'beta' has an empty name"},
      {edited(good, "Beta", "\xC2\xA0\xC2\xA0"), "node 'beta' has an empty name"},
  };
  for (const auto& c : cases) {
    const std::string p = write("dup.sgpb", c.bytes);
    const std::string graph_reader = outcome([&] { load_sgpb_topology(p); });
    EXPECT_EQ(outcome([&] { load_topology_arrays(p); }), graph_reader) << c.error;
    const bool duplicate = c.error.find("duplicate") != std::string::npos;
    EXPECT_EQ(outcome([&] { load_topology_arrays(p, {.labels = false}); }),
              duplicate ? "" : graph_reader)
        << c.error;
    if (c.error.empty()) {
      EXPECT_EQ(graph_reader, "");
      EXPECT_EQ(load_topology_arrays(p, {.labels = false})->node_count(), 6u);
    } else {
      EXPECT_NE(graph_reader.find(c.error), std::string::npos) << graph_reader;
      EXPECT_NE(graph_reader.find("byte offset "), std::string::npos) << graph_reader;
    }
  }
  // The cleaned name: "B  a" is read as "B a", as Graph reads it.
  const std::string p = write("clean.sgpb", edited(good, "Beta", "B  a"));
  const TopologyArrays bare = *load_topology_arrays(p, {.labels = false});
  EXPECT_EQ(load_node_labels(bare, {2}).name(2), "B a");
  EXPECT_EQ(load_topology_arrays(p)->name(2), "B a");
}

// load_node_labels checks what it reads again: a damaged node table it reads is an error
// naming its byte offset, damage in one it does not read is harmless, and a file replaced
// by another graph since the arrays were read is an error.
TEST_F(TopologyArraysTest, LabelsOfADamagedOrChangedFile) {
  std::ostringstream out;
  write_sgpb(mixed_graph(), out, {.target_frame_bytes = 300});
  const std::string bytes = out.str();
  const std::string p = write("l.sgpb", bytes);
  const TopologyArrays bare = *load_topology_arrays(p, {.labels = false});
  const TopologyArrays all = *load_topology_arrays(p);
  ASSERT_GT(bare.node_table_ends.size(), 2u);
  // The second node table: after the header frame and the first table.
  const std::size_t first = 8 + 8 + le(bytes, 8, 4);
  const std::size_t second = first + 8 + le(bytes, first, 4);
  std::string damaged = bytes;
  damaged[second + 20] = static_cast<char>(damaged[second + 20] ^ 0x5A);
  write("l.sgpb", damaged);
  const auto in_second = static_cast<std::uint32_t>(bare.node_table_ends[0]);
  try {
    load_node_labels(bare, {0, in_second});
    ADD_FAILURE() << "damaged table read";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.offset(), second) << e.what();
  }
  EXPECT_EQ(load_node_labels(bare, {0}).id(0), all.id(0));  // the first table only
  save_sgpb(test_support::story_graph(), p);
  EXPECT_THROW(load_node_labels(bare, {0}), ParseError);
}

}  // namespace
}  // namespace stakegraph::io
