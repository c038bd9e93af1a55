// One node of a version 3 .sgpb file with its edges and their evidence (io::load_sgpb_node,
// what `show` reads). Oracle: the same file loaded whole (io::load_sgpb): the node found by
// Graph::find_node, its out- and in-edges in order with every field, their evidence and the
// articles it cites. Files are written with small frames, so that the evidence of the graph
// spans many frames and an edge's evidence may continue in the next one.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "graph/generate.hpp"
#include "graph/graph.hpp"
#include "graph/subgraph.hpp"
#include "io/error.hpp"
#include "io/formats/sgpb.hpp"
#include "io/formats/sgpb_v3.hpp"
#include "proto/stakegraph.pb.h"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::io {
namespace {

class SgpbNodeTest : public test_support::TempDirTest {
 public:
  std::string put(const std::string& name, const std::string& bytes) const {
    return write(name, bytes);
  }
};

// story_graph (tests/test_graphs.hpp: United States with aliases "US" and "Washington" and an
// attribute; Huawei with evidence from two articles, hedged and dated) merged with a random
// graph (evidence on every edge), more evidence items on every third edge (up to 5), an
// evidence item citing an article the file does not hold, and a self-loop:
//
//   Huawei --supplies--> operators ...   Huawei --reports--> Huawei (self-loop)
graph::Graph node_graph() {
  graph::Graph g = test_support::story_graph();
  g.merge(test_support::random_graph(30, 120, 11));
  const auto hw = *g.find_node("Huawei");
  graph::Evidence self;
  self.text = "Huawei on itself";
  g.add_evidence(g.add_edge(hw, hw, graph::Relation::kReports), self);
  std::size_t k = 0;
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it, ++k)
    for (std::size_t i = 0; k % 3 == 0 && i < k % 6; ++i) {
      graph::Evidence ev;
      ev.sentence = static_cast<std::uint32_t>(100 + i);
      ev.text = "item " + std::to_string(k) + "." + std::to_string(i);
      ev.speaker = i % 2 ? "a spokesman" : "";
      ev.confidence = 0.25f * static_cast<float>(i % 4);
      ev.date = i == 1 ? 20210304 : graph::kNoDate;
      g.add_evidence(*it, ev);
    }
  return g;
}

std::string describe_evidence(const graph::Graph& g, const graph::Evidence& ev) {
  std::ostringstream s;
  s << "    \"" << ev.text << "\" s" << ev.sentence << " " << ev.start << "-" << ev.end
    << (ev.hedged ? " hedged" : "") << " by '" << ev.speaker << "' rule '" << ev.rule << "' c"
    << ev.confidence << " m" << ev.mentions << " n" << ev.sources << " d" << ev.date;
  if (ev.article != graph::kNoArticle) {
    const graph::Article& a = g.articles()[ev.article];
    s << " article " << a.id << " '" << a.title << "' " << a.date << " " << a.source << " " << a.url
      << " " << a.path << " " << a.text_hash;
  }
  return s.str() + "\n";
}

std::string describe_edge(const graph::Graph& g, graph::EdgeRef e) {
  const graph::EdgeData& d = g.edge(e);
  std::ostringstream s;
  s << "  " << g.node(g.source(e)).id << " -" << graph::relation_name(d.relation) << "-> "
    << g.node(g.target(e)).id << " (" << g.node(g.source(e)).name << ", "
    << g.node(g.target(e)).name << ", " << graph::kind_name(g.node(g.source(e)).kind) << ", "
    << graph::kind_name(g.node(g.target(e)).kind) << ") sign " << int(d.sign) << " weight "
    << (d.weight ? std::to_string(*d.weight) : "none") << " goldstein "
    << (d.goldstein ? std::to_string(*d.goldstein) : "none") << " seen " << d.first_seen << ".."
    << d.last_seen << " items " << d.evidence.size() << "\n";
  for (const graph::Evidence& ev : d.evidence) s << describe_evidence(g, ev);
  return s.str();
}

// The node and its edges as `show` walks them: out-edges, then in-edges, in order.
std::string describe(const graph::Graph& g, graph::NodeIndex v) {
  const graph::NodeData& d = g.node(v);
  std::string s = d.id + " '" + d.name + "' " + std::string(graph::kind_name(d.kind)) + "\n";
  for (const auto& a : d.aliases) s += " alias " + a + "\n";
  for (const auto& [k, val] : d.attributes) s += " " + k + "=" + val + "\n";
  const auto& bg = g.boost_graph();
  s += "out\n";
  for (auto [it, end] = boost::out_edges(v, bg); it != end; ++it) s += describe_edge(g, *it);
  s += "in\n";
  for (auto [it, end] = boost::in_edges(v, bg); it != end; ++it) s += describe_edge(g, *it);
  return s;
}

std::string describe(const SgpbNodeLoad& r) {
  return r.node ? describe(r.graph, *r.node) : std::string("no node");
}

std::uint64_t le(const std::string& b, std::size_t at, int n) {
  std::uint64_t v = 0;
  for (int i = n - 1; i >= 0; --i)
    v = v << 8 | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
  return v;
}

void put_le(std::string& s, std::uint64_t v, int n) {
  for (int i = 0; i < n; ++i) s.push_back(static_cast<char>(v >> (8 * i)));
}

// The node index's frames: Frame fields 9 (chunks; with edge lists, the directory too) and 10
// (the directory of a file written before the edge lists), io/formats/sgpb_v3_index.hpp.
bool is_index(int body) { return body == 9 || body == 10; }

// The Frame body field numbers of a version 3 file's frames before the footer, from its
// footer (read here, independently of the library's reader).
std::string kinds_of(const std::string& bytes) {
  const std::uint64_t footer_at = le(bytes, bytes.size() - 16, 8);
  pb::Frame f;
  EXPECT_TRUE(f.ParseFromString(bytes.substr(footer_at + 8, le(bytes, footer_at, 4))));
  return f.footer().frame_kinds();
}

// The file as a writer wrote it before the node index existed: the same frames without the
// index's, the footer's frame index and the trailer rewritten.
std::string without_index(const std::string& bytes) {
  const std::uint64_t footer_at = le(bytes, bytes.size() - 16, 8);
  pb::Frame f;
  EXPECT_TRUE(f.ParseFromString(bytes.substr(footer_at + 8, le(bytes, footer_at, 4))));
  pb::Frame out_footer;
  pb::Footer& footer = *out_footer.mutable_footer();
  footer = f.footer();
  footer.clear_frame_lengths();
  std::string kinds, out = bytes.substr(0, sizeof kSgpbMagic);
  std::uint64_t at = sizeof kSgpbMagic;
  for (int i = 0; i < f.footer().frame_lengths_size(); ++i) {
    const std::uint64_t n = f.footer().frame_lengths(i);
    const char kind = f.footer().frame_kinds()[static_cast<std::size_t>(i)];
    if (!is_index(kind)) {
      out += bytes.substr(at, 8 + n);
      footer.add_frame_lengths(static_cast<std::uint32_t>(n));
      kinds.push_back(kind);
    }
    at += 8 + n;
  }
  footer.set_frame_kinds(kinds);
  footer.set_frame_count(kinds.size());
  const std::string payload = out_footer.SerializeAsString();
  const std::uint64_t new_footer_at = out.size();
  put_le(out, payload.size(), 4);
  put_le(out,
         ::crc32(0L, reinterpret_cast<const Bytef*>(payload.data()),
                 static_cast<uInt>(payload.size())),
         4);
  out += payload;
  put_le(out, new_footer_at, 8);
  out += std::string(kSgpbTrailerMagic, sizeof kSgpbTrailerMagic);
  return out;
}

std::string bytes_of(const graph::Graph& g, std::size_t frame_bytes, bool edge_lists = true) {
  std::ostringstream out;
  if (edge_lists)
    write_sgpb(g, out, {.target_frame_bytes = frame_bytes});
  else
    write_sgpb_v3_without_edge_lists(g, out, {.target_frame_bytes = frame_bytes});
  return out.str();
}

// The file with its node index (as written today), without it (as written before the index)
// and with the index as written before it had edge lists.
std::vector<std::string> both_files(const SgpbNodeTest& t, const graph::Graph& g,
                                    std::size_t frame_bytes) {
  const std::string bytes = bytes_of(g, frame_bytes);
  const std::string kinds = kinds_of(bytes);
  EXPECT_NE(kinds.find(char{9}), std::string::npos);
  EXPECT_EQ(kinds.find(char{10}), std::string::npos);
  EXPECT_EQ(kinds.back(), char{9});
  const std::string old = without_index(bytes);
  EXPECT_LT(old.size(), bytes.size());
  const std::string old_index = bytes_of(g, frame_bytes, false);
  EXPECT_EQ(kinds_of(old_index).back(), char{10});
  EXPECT_EQ(without_index(old_index), old);
  return {t.put("indexed.sgpb", bytes), t.put("old.sgpb", old), t.put("old_index.sgpb", old_index)};
}

// With the node index and without it (a file written before it), by id and by name.
TEST_F(SgpbNodeTest, EveryNodeEqualsTheWholeGraph) {
  for (const std::string& file : both_files(*this, node_graph(), 300)) {
    const graph::Graph g = load_sgpb(file);
    ASSERT_GT(g.node_count(), 30u);
    std::size_t with_evidence = 0;
    for (graph::NodeIndex v = 0; v < g.node_count(); ++v) {
      for (const std::string& q : {g.node(v).id, g.node(v).name}) {
        const auto r = load_sgpb_node(file, {.node = q});
        ASSERT_TRUE(r.has_value());
        ASSERT_TRUE(r->node.has_value()) << file << " " << q;
        EXPECT_EQ(describe(*r), describe(g, *g.find_node(q))) << file << " " << q;
        with_evidence += r->graph.evidence_count() > 0;
      }
    }
    EXPECT_GT(with_evidence, 50u) << file;
  }
}

// The file without the index is read whole as the file with it (the index adds nothing to
// the graph), and the topology readers skip the index.
TEST_F(SgpbNodeTest, FilesWithAndWithoutTheIndexHoldTheSameGraph) {
  const auto files = both_files(*this, node_graph(), 300);
  const graph::Graph a = load_sgpb(files[0]), b = load_sgpb(files[1]), c = load_sgpb(files[2]);
  ASSERT_EQ(a.node_count(), b.node_count());
  ASSERT_EQ(a.node_count(), c.node_count());
  for (graph::NodeIndex v = 0; v < a.node_count(); ++v) {
    EXPECT_EQ(describe(a, v), describe(b, v));
    EXPECT_EQ(describe(a, v), describe(c, v));
  }
  // The topology reader reads no index frame: only the footer is larger (by the index
  // frames' entries in its frame index).
  const auto indexed = load_sgpb_topology(files[0]).bytes_read;
  const auto old = load_sgpb_topology(files[1]).bytes_read;
  const auto index_bytes =
      std::filesystem::file_size(files[0]) - std::filesystem::file_size(files[1]);
  EXPECT_GE(indexed, old);
  EXPECT_LT(indexed - old, index_bytes / 10) << index_bytes;
}

// With the index, a node of low degree is found and read without scanning the tables: far
// fewer bytes than the scan of the same file without the index (which reads every node and
// edge table).
TEST_F(SgpbNodeTest, TheIndexReadsAFractionOfTheScan) {
  graph::Graph g = test_support::random_graph(3000, 30000, 5);
  const auto lone = g.add_node("Lone Node", graph::Kind::kPerson);
  g.add_alias(lone, "The Hermit");
  graph::Evidence ev;
  ev.text = "a sentence of our own about the hermit";
  g.add_evidence(g.add_edge(lone, 7, graph::Relation::kConsult), ev);
  const auto files = both_files(*this, g, 4000);
  const graph::Graph whole = load_sgpb(files[1]);
  for (const std::string q : {"Lone Node", "the hermit", "node 7"}) {
    const auto indexed = load_sgpb_node(files[0], {.node = q, .evidence_edges = 20});
    const auto scanned = load_sgpb_node(files[1], {.node = q, .evidence_edges = 20});
    ASSERT_TRUE(indexed && indexed->node && scanned && scanned->node) << q;
    EXPECT_EQ(describe(*indexed), describe(*scanned)) << q;
    EXPECT_EQ(indexed->graph.node(*indexed->node).id, whole.node(*whole.find_node(q)).id) << q;
    EXPECT_LT(indexed->bytes_read * 4, scanned->bytes_read) << q;
  }
  const auto lone_read = load_sgpb_node(files[0], {.node = "Lone Node"});
  EXPECT_EQ(describe(*lone_read), describe(whole, lone));
}

// With evidence_edges N: the node's first N edges in show's order (out-edges, then in-edges)
// have their evidence, equal to the whole graph's; the others only their counts.
TEST_F(SgpbNodeTest, EvidenceOfTheFirstEdgesOnly) {
  save_sgpb(node_graph(), path("g.sgpb"), {.target_frame_bytes = 300});
  const graph::Graph g = load_sgpb(path("g.sgpb"));
  for (const std::string name : {"Huawei", "United States", "node 4"}) {
    const graph::NodeIndex v = *g.find_node(name);
    for (const std::size_t n : {1, 2, 3, 7}) {
      const auto r = load_sgpb_node(path("g.sgpb"), {.node = name, .evidence_edges = n});
      ASSERT_TRUE(r && r->node);
      std::vector<graph::EdgeRef> whole, part;
      const auto list = [](const graph::Graph& h, graph::NodeIndex u,
                           std::vector<graph::EdgeRef>& out) {
        for (auto [it, end] = boost::out_edges(u, h.boost_graph()); it != end; ++it)
          out.push_back(*it);
        for (auto [it, end] = boost::in_edges(u, h.boost_graph()); it != end; ++it)
          if (h.source(*it) != u) out.push_back(*it);
      };
      list(g, v, whole);
      list(r->graph, *r->node, part);
      ASSERT_EQ(whole.size(), part.size()) << name;
      for (std::size_t i = 0; i < whole.size(); ++i) {
        const graph::EdgeData& d = r->graph.edge(part[i]);
        EXPECT_EQ(d.evidence_total(), g.edge(whole[i]).evidence.size()) << name << " " << i;
        if (i < n) {
          EXPECT_EQ(describe_edge(r->graph, part[i]), describe_edge(g, whole[i]))
              << name << " " << i;
        } else {
          EXPECT_TRUE(d.evidence.empty()) << name << " " << i;
        }
      }
    }
  }
}

// Names, aliases and ids resolve to the node Graph::find_node finds in the whole graph
// (a name before an alias before an id; case, accents and a leading "the" folded).
TEST_F(SgpbNodeTest, FindsTheNodeAsTheGraphDoes) {
  for (const std::string& file : both_files(*this, node_graph(), 300)) {
    const graph::Graph g = load_sgpb(file);
    std::vector<std::string> queries = {"huawei",
                                        "HUAWEI",
                                        "Washington",
                                        "us",
                                        "US",
                                        "the chinese company",
                                        "wall street journal",
                                        "The Wall Street Journal",
                                        "Ren Zhengfei",
                                        "node 7",
                                        "NODE  7",
                                        "node-7",
                                        "nobody",
                                        "",
                                        "  "};
    for (graph::NodeIndex v = 0; v < g.node_count(); v += 3) {
      queries.push_back(g.node(v).id);
      queries.push_back(g.node(v).name);
    }
    for (const std::string& q : queries) {
      const auto r = load_sgpb_node(file, {.node = q});
      ASSERT_TRUE(r.has_value());
      const auto expected = g.find_node(q);
      ASSERT_EQ(r->node.has_value(), expected.has_value()) << file << " '" << q << "'";
      if (expected) {
        EXPECT_EQ(r->graph.node(*r->node).id, g.node(*expected).id) << file << " '" << q << "'";
      }
    }
  }
}

TEST_F(SgpbNodeTest, OtherFilesAreNotRead) {
  save_sgpb(node_graph(), path("v2.sgpb"), {.format_version = 2});
  EXPECT_FALSE(load_sgpb_node(path("v2.sgpb"), {.node = "Huawei"}).has_value());
  EXPECT_FALSE(load_sgpb_node("-", {.node = "Huawei"}).has_value());
  EXPECT_THROW(load_sgpb_node(path("missing.sgpb"), {.node = "Huawei"}), graph::NotFound);
}

// Only the evidence frames that hold the node's evidence are read: a node with one edge reads
// a small part of a file whose evidence spans many frames.
TEST_F(SgpbNodeTest, ReadsOnlyTheEvidenceFramesItNeeds) {
  graph::Graph g = test_support::random_graph(200, 2000, 3);
  const auto lone = g.add_node("Lone Node", graph::Kind::kPerson);
  graph::Evidence ev;
  ev.text = "the only sentence about the lone node";
  g.add_evidence(g.add_edge(lone, 0, graph::Relation::kConsult), ev);
  save_sgpb(g, path("g.sgpb"), {.target_frame_bytes = 2000});
  const auto size = std::filesystem::file_size(path("g.sgpb"));
  const auto r = load_sgpb_node(path("g.sgpb"), {.node = "Lone Node"});
  ASSERT_TRUE(r && r->node);
  EXPECT_EQ(describe(*r), describe(load_sgpb(path("g.sgpb")), lone));
  const auto topology = load_sgpb_topology(path("g.sgpb")).bytes_read;
  // The tables (the neighbours' node tables twice), the articles, one evidence frame.
  EXPECT_LT(r->bytes_read, topology + (size - topology) / 4) << size;
}

// The frames of the undamaged file: [start, end) of each, from the frame heads.
std::vector<std::pair<std::size_t, std::size_t>> frames_of(const std::string& bytes) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t at = sizeof kSgpbMagic; at + 16 < bytes.size();) {
    const auto* b = reinterpret_cast<const unsigned char*>(bytes.data() + at);
    const std::size_t n = b[0] | b[1] << 8 | b[2] << 16 | static_cast<std::size_t>(b[3]) << 24;
    out.emplace_back(at, at + 8 + n);
    at += 8 + n;
  }
  return out;
}

// Every byte flipped and every truncation: either an io::ParseError naming the byte offset of
// the damaged frame (of the frame the damage is in, for a flip; at or before the cut, for a
// truncation), or, when the damage is in a frame the node does not need, the same result as
// the undamaged file. A file that is no longer taken as version 3 is read whole (as show
// does), which fails. `edge_lists` false: the index as written before its edge lists.
void damage_sweep(SgpbNodeTest& t, bool edge_lists, std::size_t edges) {
  // A smaller graph than node_graph (every byte is tried): story_graph and a few edges, and
  // two self-loops (so that the index has its self-loop array).
  graph::Graph g = test_support::story_graph();
  g.merge(test_support::random_graph(8, 16, 2));
  const auto hw = *g.find_node("Huawei");
  g.add_edge(hw, hw, graph::Relation::kReports);
  g.add_edge(hw, hw, graph::Relation::kConsult);
  const std::string bytes = bytes_of(g, 120, edge_lists);
  const SgpbNodeOptions o{.node = "Huawei", .evidence_edges = edges, .edges = edges};
  const auto describe_load = [](const SgpbNodeLoad& r) {
    return describe(r) + " degrees " + std::to_string(r.out_degree) + " " +
           std::to_string(r.in_degree) + " " + std::to_string(r.edge_total);
  };
  const std::string good = describe_load(*load_sgpb_node(t.put("good.sgpb", bytes), o));
  const auto frames = frames_of(bytes);
  ASSERT_GT(frames.size(), 12u);
  // The node index's frames are among those swept (chunks and the directory).
  const std::string kinds = kinds_of(bytes);
  ASSERT_GT(std::count(kinds.begin(), kinds.end(), char{9}), 3);
  ASSERT_EQ(kinds.back(), edge_lists ? char{9} : char{10});
  std::size_t errors = 0, harmless = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    for (const bool truncate : {false, true}) {
      std::string damaged = bytes;
      if (truncate)
        damaged.resize(i);
      else
        damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
      const std::string p = t.put("d.sgpb", damaged);
      const std::string what = (truncate ? "cut at " : "flipped ") + std::to_string(i);
      try {
        const auto r = load_sgpb_node(p, o);
        if (!r) {
          EXPECT_THROW(load_sgpb(p), ParseError) << what;
          ++errors;
          continue;
        }
        EXPECT_EQ(describe_load(*r), good) << what;
        ++harmless;
      } catch (const ParseError& e) {
        ++errors;
        EXPECT_NE(std::string(e.what()).find("byte offset"), std::string::npos) << what;
        if (truncate) {
          EXPECT_LE(e.offset(), i) << what << ": " << e.what();
          continue;
        }
        std::size_t start = 0;
        for (const auto& [from, to] : frames)
          if (from <= i && i < to) start = from;
        // The header frame and the footer are checked as by the other readers (the footer's
        // damage is located by walking the frames from the header).
        if (start > frames.front().first && start < frames.back().first) {
          EXPECT_EQ(e.offset(), start) << what << ": " << e.what();
        }
      } catch (const std::exception& e) {
        ADD_FAILURE() << what << ": not a ParseError: " << e.what();
      }
    }
  }
  EXPECT_GT(errors, bytes.size());
  EXPECT_GT(harmless, 0u);  // the evidence frames of other edges are not read
}

TEST_F(SgpbNodeTest, DamageIsAnErrorAtTheFrameOrHarmless) { damage_sweep(*this, true, 0); }

// Only the first edges read (SgpbNodeOptions::edges): the edge lists' records, entries and
// self-loop counts damaged, or frames not read at all.
TEST_F(SgpbNodeTest, DamageWithTheFirstEdgesOnly) { damage_sweep(*this, true, 2); }

// A file whose index was written before the edge lists: damage in its incidence arrays and
// its directory.
TEST_F(SgpbNodeTest, DamageOfAnIndexWithoutEdgeLists) { damage_sweep(*this, false, 2); }

// With SgpbNodeOptions::edges N, a file with edge lists gives the node's first N edges in
// show's order (out-edges, then in-edges that are not self-loops), equal to the whole
// graph's with their evidence, and no other; the degrees (out and in as Boost counts them, a
// self-loop in both) and the number of edges are the whole graph's. Files without the edge
// lists give every edge, with the same degrees. Huawei has a self-loop (node_graph).
TEST_F(SgpbNodeTest, FirstEdgesAndDegreesFromTheEdgeLists) {
  const auto files = both_files(*this, node_graph(), 300);
  const graph::Graph g = load_sgpb(files[0]);
  const auto& bg = g.boost_graph();
  std::size_t cut = 0;
  for (std::size_t f = 0; f < files.size(); ++f) {
    for (graph::NodeIndex v = 0; v < g.node_count(); ++v) {
      std::vector<graph::EdgeRef> whole;
      for (auto [it, end] = boost::out_edges(v, bg); it != end; ++it) whole.push_back(*it);
      for (auto [it, end] = boost::in_edges(v, bg); it != end; ++it)
        if (g.source(*it) != v) whole.push_back(*it);
      for (const std::size_t n : {0, 1, 2, 3, 7}) {
        const std::string what = files[f] + " " + g.node(v).id + " " + std::to_string(n);
        const auto r =
            load_sgpb_node(files[f], {.node = g.node(v).id, .evidence_edges = n, .edges = n});
        ASSERT_TRUE(r && r->node) << what;
        EXPECT_EQ(r->out_degree, boost::out_degree(v, bg)) << what;
        EXPECT_EQ(r->in_degree, boost::in_degree(v, bg)) << what;
        EXPECT_EQ(r->edge_total, whole.size()) << what;
        const graph::NodeIndex u = *r->node;
        const auto& rg = r->graph.boost_graph();
        std::vector<graph::EdgeRef> part;
        for (auto [it, end] = boost::out_edges(u, rg); it != end; ++it) part.push_back(*it);
        for (auto [it, end] = boost::in_edges(u, rg); it != end; ++it)
          if (r->graph.source(*it) != u) part.push_back(*it);
        const std::size_t expected = f == 0 && n != 0 ? std::min(n, whole.size()) : whole.size();
        ASSERT_EQ(part.size(), expected) << what;
        EXPECT_EQ(r->graph.edge_count(), expected) << what;
        cut += expected < whole.size();
        for (std::size_t i = 0; i < part.size(); ++i) {
          if (n == 0 || i < n) {
            EXPECT_EQ(describe_edge(r->graph, part[i]), describe_edge(g, whole[i]))
                << what << " " << i;
          }
        }
      }
    }
  }
  EXPECT_GT(cut, 20u);
  const auto hw = *g.find_node("Huawei");
  EXPECT_EQ(boost::out_degree(hw, bg) + boost::in_degree(hw, bg),
            load_sgpb_node(files[0], {.node = "Huawei", .edges = 1})->edge_total + 1);
}

// A hub's first edges only: a node with 2,000 out-edges, 1,000 in-edges and two self-loops
// read with edges 5 reads a small part of what reading all its edges reads (the edge tables,
// evidence frames and neighbours' node tables of those 5 edges only).
//
//   hub --CONSULT--> leaf 0 .. leaf 1999;  leaf 2000 .. leaf 2999 --ACCUSE--> hub;
//   hub --REPORTS--> hub, hub --REQUEST--> hub
TEST_F(SgpbNodeTest, AHubReadsOnlyItsFirstEdges) {
  graph::Graph g;
  const auto hub = g.add_node("The Hub", graph::Kind::kGovernment);
  for (int i = 0; i < 3000; ++i) {
    const auto leaf = g.add_node("leaf " + std::to_string(i), graph::Kind::kOrganization);
    graph::Evidence ev;
    ev.text = "a sentence of ours about leaf " + std::to_string(i);
    if (i < 2000)
      g.add_evidence(g.add_edge(hub, leaf, graph::Relation::kConsult), ev);
    else
      g.add_evidence(g.add_edge(leaf, hub, graph::Relation::kAccuse), ev);
  }
  g.add_edge(hub, hub, graph::Relation::kReports);
  g.add_edge(hub, hub, graph::Relation::kRequest);
  save_sgpb(g, path("hub.sgpb"), {.target_frame_bytes = 2000});
  const graph::Graph whole = load_sgpb(path("hub.sgpb"));
  const auto five = load_sgpb_node(path("hub.sgpb"), {.node = "the hub", .edges = 5});
  const auto all = load_sgpb_node(path("hub.sgpb"), {.node = "the hub"});
  ASSERT_TRUE(five && five->node && all && all->node);
  EXPECT_EQ(five->graph.edge_count(), 5u);
  EXPECT_EQ(all->graph.edge_count(), 3002u);
  for (const auto* r : {&*five, &*all}) {
    EXPECT_EQ(r->out_degree, 2002u);
    EXPECT_EQ(r->in_degree, 1002u);
    EXPECT_EQ(r->edge_total, 3002u);
  }
  EXPECT_EQ(describe(*all), describe(whole, hub));
  EXPECT_LT(five->bytes_read * 10, all->bytes_read);
}

// show --since/--until (SgpbNodeOptions::since/until): the edges whose own dates miss the
// range are left out when the file says edge dates hold their evidence's dates. Oracle: the
// whole graph filtered by graph::filter, the node's edges described as above.
//
//   A --CONSULT--> B    one item dated 2020-03-01                seen 2020-03-01
//   A --ACCUSE-->  C    undated items in articles of 2022-05-10
//                       and 2022-06-01                           seen 2022-05-10 .. 2022-06-01
//   D --SUPPORT--> A    one undated item                         seen 2021-01-01 .. 2021-12-31
//                                                                (given, not from evidence)
//   A --REPORTS--> E    one undated item                         no dates
//   A --REQUEST--> A    (self-loop) one item dated 2023-01-15    seen 2023-01-15
graph::Graph dated_graph() {
  graph::Graph g;
  const auto a = g.add_node("A", graph::Kind::kGovernment);
  const auto b = g.add_node("B", graph::Kind::kVendor);
  const auto c = g.add_node("C", graph::Kind::kVendor);
  const auto d = g.add_node("D", graph::Kind::kPerson);
  const auto e = g.add_node("E", graph::Kind::kOrganization);
  const auto item = [&](const std::string& text, graph::Date date, std::uint32_t article) {
    graph::Evidence ev;
    ev.text = text;
    ev.date = date;
    ev.article = article;
    return ev;
  };
  const auto may = g.add_article({.id = "may", .title = "In May", .date = 20220510});
  const auto june = g.add_article({.id = "june", .title = "In June", .date = 20220601});
  g.add_evidence(g.add_edge(a, b, graph::Relation::kConsult),
                 item("A consults B", 20200301, graph::kNoArticle));
  const auto ac = g.add_edge(a, c, graph::Relation::kAccuse);
  g.add_evidence(ac, item("A accuses C", graph::kNoDate, may));
  g.add_evidence(ac, item("A accuses C again", graph::kNoDate, june));
  const auto da = g.add_edge(d, a, graph::Relation::kSupport);
  g.edge_data(da).first_seen = 20210101;
  g.edge_data(da).last_seen = 20211231;
  g.add_evidence(da, item("D supports A", graph::kNoDate, graph::kNoArticle));
  g.add_evidence(g.add_edge(a, e, graph::Relation::kReports),
                 item("A reports on E", graph::kNoDate, graph::kNoArticle));
  g.add_evidence(g.add_edge(a, a, graph::Relation::kRequest),
                 item("A asks itself", 20230115, graph::kNoArticle));
  return g;
}

struct DateRange {
  graph::Date since, until;
};

// The node `q` of `file` read with the range and filtered, against the whole graph filtered.
void expect_filtered_equal(const std::string& file, const graph::Graph& whole, const std::string& q,
                           DateRange r, std::uint64_t* cut = nullptr) {
  const graph::FilterOptions f{.since = r.since, .until = r.until};
  const auto part = load_sgpb_node(file, {.node = q, .since = r.since, .until = r.until});
  ASSERT_TRUE(part && part->node) << file << " " << q;
  const graph::Graph a = graph::filter(part->graph, f), b = graph::filter(whole, f);
  const std::string id = whole.node(*whole.find_node(q)).id;
  EXPECT_EQ(describe(a, *a.find_by_id(id)), describe(b, *b.find_by_id(id)))
      << file << " " << q << " " << r.since << ".." << r.until;
  if (cut) *cut = part->edges_cut_by_dates;
}

TEST_F(SgpbNodeTest, DateRangeLeavesOutTheEdgesItMisses) {
  const graph::Graph g = dated_graph();
  // (range, edges of A cut): A-B, A-C, D-A, A-E, A-A.
  const std::vector<std::pair<DateRange, std::uint64_t>> cases = {
      {{20220101, graph::kNoDate}, 3},  // A-C and A-A kept
      {{graph::kNoDate, 20201231}, 4},  // A-B kept
      {{20210601, 20210630}, 4},        // D-A kept: no dated item, its dates meet the range
      {{20220520, 20220531}, 4},        // A-C read (its dates meet it), dropped by the filter
      {{graph::kNoDate, 20991231}, 1},  // A-E (no dates) only
      {{20990101, graph::kNoDate}, 5},
  };
  const auto files = both_files(*this, g, 200);
  for (const std::string& file : files) {
    const graph::Graph whole = load_sgpb(file);
    for (const auto& [range, expected] : cases) {
      for (const std::string q : {"A", "B", "C", "D", "E"}) {
        std::uint64_t cut = 0;
        expect_filtered_equal(file, whole, q, range, &cut);
        // Only the file with the edge lists' index says that dates hold the evidence's.
        if (q == "A") {
          EXPECT_EQ(cut, file == files[0] ? expected : 0u) << file;
        }
      }
    }
  }
}

// An edge whose dates were given apart from its evidence (A-B seen in 2019, its item dated
// 2020-03-01): the file does not say that dates hold the evidence's, nothing is cut, and the
// output is still the filter's (which goes by the item's date).
TEST_F(SgpbNodeTest, DatesApartFromTheEvidenceCutNothing) {
  graph::Graph g = dated_graph();
  const auto ab = *g.find_edge(*g.find_node("A"), *g.find_node("B"), graph::Relation::kConsult);
  g.edge_data(ab).first_seen = 20190101;
  g.edge_data(ab).last_seen = 20190201;
  save_sgpb(g, path("g.sgpb"), {.target_frame_bytes = 200});
  const graph::Graph whole = load_sgpb(path("g.sgpb"));
  for (const DateRange r : {DateRange{20200101, 20201231}, DateRange{20190101, 20190201},
                            DateRange{graph::kNoDate, 20191231}}) {
    std::uint64_t cut = 1;
    expect_filtered_equal(path("g.sgpb"), whole, "A", r, &cut);
    EXPECT_EQ(cut, 0u);
  }
}

// A generated graph (dated articles, power-law degrees): every node against the filtered
// whole graph for several ranges; the cut leaves out edges and, for the hub and a narrow
// range, most of its edges (fewer bytes read: the node and index frames remain).
TEST_F(SgpbNodeTest, DateRangeOnAGeneratedGraph) {
  const graph::Graph g = graph::generate_graph(
      {.nodes = 300, .edges = 2500, .seed = 3, .first_date = 20200101, .last_date = 20231231});
  save_sgpb(g, path("gen.sgpb"), {.target_frame_bytes = 1500});
  const graph::Graph whole = load_sgpb(path("gen.sgpb"));
  std::uint64_t cut_total = 0;
  for (const DateRange r : {DateRange{20220101, graph::kNoDate},
                            DateRange{graph::kNoDate, 20200630}, DateRange{20210301, 20210315}}) {
    for (graph::NodeIndex v = 0; v < whole.node_count(); ++v) {
      if (boost::degree(v, whole.boost_graph()) == 0) continue;
      std::uint64_t cut = 0;
      expect_filtered_equal(path("gen.sgpb"), whole, whole.node(v).id, r, &cut);
      cut_total += cut;
    }
  }
  EXPECT_GT(cut_total, 1000u);
  graph::NodeIndex hub = 0;
  for (graph::NodeIndex v = 0; v < whole.node_count(); ++v)
    if (boost::degree(v, whole.boost_graph()) > boost::degree(hub, whole.boost_graph())) hub = v;
  const std::string id = whole.node(hub).id;
  const auto all = load_sgpb_node(path("gen.sgpb"), {.node = id});
  const auto narrow =
      load_sgpb_node(path("gen.sgpb"), {.node = id, .since = 20210301, .until = 20210315});
  ASSERT_TRUE(all && narrow);
  EXPECT_GT(narrow->edges_cut_by_dates * 3, narrow->edge_total * 2);
  EXPECT_LT(narrow->bytes_read, all->bytes_read);
}

}  // namespace
}  // namespace stakegraph::io
