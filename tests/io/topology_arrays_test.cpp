// The topology of a version 3 .sgpb file as arrays (io/topology_arrays.hpp). Oracles: the
// same file loaded as a graph::Graph (io::load_sgpb) for the nodes, the edges and the
// analytics view (graph::build_csr of that graph, every option), graph::find_bad_weight for
// the weight check, and io::load_sgpb_topology (the graph reader of the same tables) for
// damaged and truncated files: the same error, with the same byte offset, or none.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "graph/csr.hpp"
#include "graph/edge_weight.hpp"
#include "graph/graph.hpp"
#include "io/error.hpp"
#include "io/sgpb.hpp"
#include "io/sgpb_v3.hpp"
#include "io/topology_arrays.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::io {
namespace {

using graph::WeightSource;

class TopologyArraysTest : public test_support::TempDirTest {};

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
    for (const WeightSource s : {WeightSource::kNone, WeightSource::kEvidence, WeightSource::kWeight})
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
      for (const WeightSource s : {WeightSource::kNone, WeightSource::kEvidence, WeightSource::kWeight})
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
      if (truncate) damaged.resize(i);
      else damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
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

}  // namespace
}  // namespace stakegraph::io
