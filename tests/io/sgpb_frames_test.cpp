// Reading a .sgpb file by frame ranges (io/formats/sgpb_frames.hpp): the index lists every frame
// without reading the payloads; a range reads only its own frames (bytes_read is exactly
// their payloads), and the ranges together give the nodes and edges that load_sgpb reads
// (the oracle), split edges included; damage is reported for the range that holds it.
#include "io/formats/sgpb_frames.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <tuple>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/formats/sgpb.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::io {
namespace {

namespace fs = std::filesystem;

class SgpbFramesTest : public test_support::TempDirTest {
 protected:
  // random_graph(300, 900) in frames of about 2 KiB: dozens of node and edge frames.
  std::string small_frames(const std::string& name, const graph::Graph& g,
                           std::size_t max_frame = kMaxFrameBytes) {
    const std::string p = path(name);
    // Frame ranges read versions 1 and 2 (the layout of version 2).
    save_sgpb(g, p,
              {.target_frame_bytes = 2048, .max_frame_bytes = max_frame, .format_version = 2});
    return p;
  }
};

// Edge endpoints and relation -> evidence count, from a Graph (the oracle) ...
using EdgeCounts = std::map<std::tuple<std::string, std::string, int>, std::uint64_t>;
EdgeCounts counts_of(const graph::Graph& g) {
  EdgeCounts out;
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it)
    out[{g.node(g.source(*it)).id, g.node(g.target(*it)).id,
         static_cast<int>(g.edge(*it).relation)}] += g.edge(*it).evidence.size();
  return out;
}
// ... and from the records of frame ranges (continued pieces add to their edge).
void add_records(const SgpbFramesContent& c, EdgeCounts& out, std::uint64_t& edges) {
  for (const SgpbEdgeRecord& e : c.edges) {
    out[{e.source, e.target, static_cast<int>(e.relation)}] += e.evidence;
    if (!e.continued) ++edges;
  }
}

TEST_F(SgpbFramesTest, IndexListsEveryFrameWithoutReadingPayloads) {
  const graph::Graph g = test_support::random_graph(300, 900, 5);
  const std::string p = small_frames("g.sgpb", g);
  const SgpbFrameIndex x = index_sgpb(p);
  ASSERT_GT(x.frames.size(), 10u);
  EXPECT_EQ(x.frames.front().section, SgpbSection::kHeader);
  EXPECT_EQ(x.frames.back().section, SgpbSection::kFooter);
  EXPECT_EQ(x.node_count, g.node_count());
  EXPECT_EQ(x.edge_count, g.edge_count());
  std::uint64_t bytes = sizeof kSgpbMagic;
  for (const SgpbFrameInfo& f : x.frames) {
    EXPECT_EQ(f.offset, bytes);
    bytes += f.bytes();
  }
  EXPECT_EQ(bytes, fs::file_size(p));
  EXPECT_EQ(x.file_bytes, bytes);
  // Magic, 9 bytes per frame, and the header and footer payloads: nothing else.
  const std::uint64_t expected =
      sizeof kSgpbMagic + 9 * x.frames.size() + x.frames.front().length + x.frames.back().length;
  EXPECT_EQ(x.bytes_read, expected);
  EXPECT_LT(x.bytes_read, fs::file_size(p) / 4);
}

TEST_F(SgpbFramesTest, RangesReadOnlyTheirFramesAndTogetherGiveTheGraph) {
  const graph::Graph g = test_support::random_graph(300, 900, 7);
  const std::string p = small_frames("g.sgpb", g);
  const SgpbFrameIndex x = index_sgpb(p);
  // Three ranges cut at arbitrary frames.
  const std::size_t n = x.frames.size();
  const std::size_t cuts[] = {0, n / 3, n / 2 + 1, n};
  std::vector<std::string> ids;
  EdgeCounts records;
  std::uint64_t edges = 0;
  for (int i = 0; i < 3; ++i) {
    const SgpbFramesContent c = read_sgpb_frames(p, x, cuts[i], cuts[i + 1]);
    std::uint64_t payload = 0;
    for (std::size_t f = cuts[i]; f < cuts[i + 1]; ++f) {
      const SgpbSection s = x.frames[f].section;
      if (s == SgpbSection::kNodes || s == SgpbSection::kEdges) payload += x.frames[f].length;
    }
    EXPECT_EQ(c.bytes_read, payload) << "range " << i;
    ids.insert(ids.end(), c.node_ids.begin(), c.node_ids.end());
    add_records(c, records, edges);
  }
  ASSERT_EQ(ids.size(), g.node_count());
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v) EXPECT_EQ(ids[v], g.node(v).id);
  EXPECT_EQ(edges, g.edge_count());
  EXPECT_EQ(records, counts_of(g));
  EXPECT_EQ(read_sgpb_frames(p, x, 2, 2).bytes_read, 0u);
  EXPECT_THROW(read_sgpb_frames(p, x, 3, n + 1), graph::InvalidArgument);
}

TEST_F(SgpbFramesTest, SplitEdgesAreReadAsContinuedPieces) {
  // One edge with 400 evidence items, in frames of at most 4 KiB: format version 2.
  //   a --support (400 evidence)--> b,  b --reject--> c
  graph::Graph g;
  const auto a = g.add_node("Alpha", graph::Kind::kVendor);
  const auto b = g.add_node("Beta", graph::Kind::kGovernment);
  const auto c = g.add_node("Gamma", graph::Kind::kMedia);
  const auto art = g.add_article({.id = "art", .date = 20200101});
  const auto e = g.add_edge(a, b, graph::Relation::kSupport);
  for (std::uint32_t i = 0; i < 400; ++i) {
    graph::Evidence ev;
    ev.article = art;
    ev.sentence = i;
    ev.text = "evidence sentence number " + std::to_string(i);
    g.add_evidence(e, ev);
  }
  g.add_edge(b, c, graph::Relation::kReject);
  const std::string p = small_frames("split.sgpb", g, 4096);
  const SgpbFrameIndex x = index_sgpb(p);
  EXPECT_EQ(x.format_version, 2u);
  EdgeCounts records;
  std::uint64_t edges = 0, continued = 0;
  for (std::size_t f = 0; f < x.frames.size(); ++f) {
    const SgpbFramesContent part = read_sgpb_frames(p, x, f, f + 1);
    for (const auto& r : part.edges) continued += r.continued;
    add_records(part, records, edges);
  }
  EXPECT_GT(continued, 0u);
  EXPECT_EQ(edges, 2u);
  EXPECT_EQ(records, counts_of(load_sgpb(p)));
}

std::string slurp(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST_F(SgpbFramesTest, DamageIsReportedByTheRangeThatHoldsIt) {
  const graph::Graph g = test_support::random_graph(300, 900, 9);
  const std::string p = small_frames("g.sgpb", g);
  const SgpbFrameIndex x = index_sgpb(p);
  // Flip a byte in the middle of the last edge frame's payload: the index is unchanged.
  std::size_t k = x.frames.size() - 2;
  ASSERT_EQ(x.frames[k].section, SgpbSection::kEdges);
  std::string bytes = slurp(p);
  bytes[x.frames[k].offset + 8 + x.frames[k].length / 2] ^= 0x20;
  const std::string bad = write("bad.sgpb", bytes);
  const SgpbFrameIndex y = index_sgpb(bad);
  EXPECT_EQ(y.frames.size(), x.frames.size());
  EXPECT_NO_THROW(read_sgpb_frames(bad, y, 0, k));
  try {
    read_sgpb_frames(bad, y, k - 1, k + 1);
    FAIL() << "no error";
  } catch (const io::ParseError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(bad), std::string::npos) << what;
    EXPECT_NE(what.find("byte offset " + std::to_string(x.frames[k].offset)), std::string::npos)
        << what;
    EXPECT_NE(what.find("checksum mismatch"), std::string::npos) << what;
  }
  // Truncated: the index refuses the file, naming the frame cut short.
  const std::string cut = write("cut.sgpb", bytes.substr(0, x.frames[k].offset + 20));
  try {
    index_sgpb(cut);
    FAIL() << "no error";
  } catch (const io::ParseError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("truncated"), std::string::npos) << what;
    EXPECT_NE(what.find("byte offset " + std::to_string(x.frames[k].offset)), std::string::npos)
        << what;
  }
  // Not a graph file; a missing one.
  EXPECT_THROW(index_sgpb(write("x.sgpb", "hello world, no graph here")), io::ParseError);
  EXPECT_THROW(index_sgpb(path("missing.sgpb")), graph::NotFound);
  EXPECT_FALSE(sgpb_frames_readable(path("missing.sgpb")));
}

// Format version 3 files are not read by frame ranges: index_sgpb says so at the header,
// and sgpb_frames_readable tells readers (stakegraph-mpi) to read them whole instead.
TEST_F(SgpbFramesTest, Version3IsNotReadByFrameRanges) {
  const graph::Graph g = test_support::random_graph(30, 60, 2);
  save_sgpb(g, path("v3.sgpb"));
  save_sgpb(g, path("v2.sgpb"), {.format_version = 2});
  EXPECT_TRUE(sgpb_frames_readable(path("v2.sgpb")));
  EXPECT_FALSE(sgpb_frames_readable(path("v3.sgpb")));
  try {
    index_sgpb(path("v3.sgpb"));
    ADD_FAILURE() << "version 3 indexed";
  } catch (const io::ParseError& e) {
    EXPECT_EQ(e.offset(), 8u);
    EXPECT_NE(std::string(e.what()).find("format version 3"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace stakegraph::io
