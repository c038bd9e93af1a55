// The distributed read of a .sgpb file of format version 3 by table ranges
// (cli/mpi/frame_read.hpp, io/formats/sgpb_v3_frames.hpp), under `mpirun -np 1`, 2 and 4: every
// rank's block of rows equals its block of the single-process Csr (graph::build_csr of the graph
// loaded whole by io::load_sgpb, scattered: the oracle), in the four views and under each
// weight source; each rank holds the ids and names of its own nodes only, read from the node
// tables that hold its block and no others; the ranks' edge tables tile the file's; PageRank
// and components on the rows equal the single-process kernels; and a damaged or truncated
// file fails every rank with the file, the byte offset and the rank that read the damage.
#include <gtest/gtest.h>

#include <unistd.h>
#include <boost/graph/adjacency_list.hpp>
#include <boost/mpi/collectives/all_gather.hpp>
#include <boost/mpi/collectives/broadcast.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>
#include <filesystem>
#include <fstream>

#include "cli/mpi/frame_read.hpp"
#include "graph/centrality.hpp"
#include "graph/components.hpp"
#include "graph/distributed/algorithms.hpp"
#include "graph/generate.hpp"
#include "io/formats/sgpb.hpp"
#include "io/formats/sgpb_v3_frames.hpp"

namespace {

namespace mpi = boost::mpi;
namespace sg = stakegraph::graph;
namespace sio = stakegraph::io;
namespace dist = stakegraph::graph::distributed;
namespace fs = std::filesystem;
using stakegraph::cli::mpi_cli::DistributedGraph;
using stakegraph::cli::mpi_cli::gather_names;
using stakegraph::cli::mpi_cli::RankError;
using stakegraph::cli::mpi_cli::read_distributed;

mpi::communicator& world() {
  static mpi::communicator c;
  return c;
}

// A scratch directory shared by the ranks (rank 0's pid).
fs::path dir() {
  static const fs::path d = [] {
    int pid = ::getpid();
    mpi::broadcast(world(), pid, 0);
    fs::path p = fs::temp_directory_path() / ("sg_frame_read_v3_" + std::to_string(pid));
    if (world().rank() == 0) fs::create_directories(p);
    world().barrier();
    return p;
  }();
  return d;
}

// A generated graph (self-loops, parallel and symmetric relations, evidence; every seventh
// edge with a user weight) written by rank 0 as version 3 in tables of about 4 KiB: many
// node tables and many edge tables.
std::string graph_file() {
  static const std::string p = [] {
    const std::string file = (dir() / "g3.sgpb").string();
    if (world().rank() == 0) {
      sg::GenerateOptions o;
      o.nodes = 1500;
      o.edges = 6000;
      o.seed = 23;
      o.self_loop_share = 0.02;
      o.evidence_text = false;
      sg::Graph g = sg::generate_graph(o);
      int i = 0;
      for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it, ++i)
        if (i % 7 == 0) g.edge_data(*it).weight = 0.25 + (i % 5);
      sio::save_sgpb(g, file, {.target_frame_bytes = 4096, .format_version = 3});
    }
    world().barrier();
    return file;
  }();
  return p;
}

sio::SgpbV3Index index_of(const std::string& file) {
  const std::optional<sio::SgpbV3Index> x = sio::index_sgpb_v3(file);
  if (!x) throw std::runtime_error(file + ": not a version 3 file");
  return *x;
}

TEST(FrameReadV3, TheFileHasManyTables) {
  const sio::SgpbV3Index x = index_of(graph_file());
  EXPECT_GT(x.node_tables.size(), 8u);
  EXPECT_GT(x.edge_tables.size(), 8u);
  EXPECT_EQ(x.node_count, 1500u);
}

TEST(FrameReadV3, BlocksEqualTheSingleProcessCsr) {
  const std::string file = graph_file();
  const sg::Graph g = sio::load_sgpb(file);  // the oracle, on every rank
  for (bool directed : {false, true}) {
    for (sg::WeightSource source :
         {sg::WeightSource::kNone, sg::WeightSource::kEvidence, sg::WeightSource::kWeight}) {
      const bool weighted = source != sg::WeightSource::kNone;
      SCOPED_TRACE(std::string(directed ? "directed " : "undirected ") +
                   std::string(sg::weight_source_name(source)));
      const sg::CsrOptions opts{.directed = directed, .weighted = weighted, .source = source};
      const sg::Csr c = sg::build_csr(g, opts);
      const dist::LocalCsr want = dist::scatter_csr(world(), world().rank() == 0 ? &c : nullptr);
      const DistributedGraph got = read_distributed(world(), file, opts);
      EXPECT_EQ(got.rows.part.n, c.n);
      EXPECT_EQ(got.rows.first, want.first);
      EXPECT_EQ(got.rows.last, want.last);
      EXPECT_EQ(got.rows.offsets, want.offsets);
      EXPECT_EQ(got.rows.targets, want.targets);
      EXPECT_EQ(got.rows.weights, want.weights);
      EXPECT_EQ(got.rows.in_offsets, want.in_offsets);
      EXPECT_EQ(got.rows.in_sources, want.in_sources);
      EXPECT_EQ(got.rows.in_weights, want.in_weights);
      ASSERT_EQ(got.ids.size(), got.rows.local_count());
      ASSERT_EQ(got.names.size(), got.rows.local_count());
      for (std::uint32_t lv = 0; lv < got.rows.local_count(); ++lv) {
        EXPECT_EQ(got.ids[lv], g.node(got.rows.first + lv).id);
        EXPECT_EQ(got.names[lv], g.node(got.rows.first + lv).name);
      }
    }
  }
}

TEST(FrameReadV3, EachRankReadsOnlyItsTables) {
  const std::string file = graph_file();
  const DistributedGraph got = read_distributed(world(), file, {});
  const sio::SgpbV3Index x = index_of(file);
  const auto& s = got.stats;
  const std::uint64_t node0 = 1, edge0 = 1 + x.node_tables.size();
  // Its node tables: exactly those that hold a node of its block.
  std::uint64_t bytes = world().rank() == 0 ? x.bytes_read : 0;
  for (std::size_t k = 0; k < x.node_tables.size(); ++k) {
    const auto& t = x.node_tables[k];
    const bool mine = t.first < got.rows.last && t.first + t.count > got.rows.first;
    const bool read = node0 + k >= s.node_frames_first && node0 + k < s.node_frames_last;
    EXPECT_EQ(read, mine) << "node table " << k;
    if (read) bytes += t.bytes();
  }
  EXPECT_EQ(s.nodes, got.rows.local_count());
  for (std::uint64_t f = s.edge_frames_first; f < s.edge_frames_last; ++f) {
    ASSERT_GE(f, edge0);
    ASSERT_LT(f - edge0, x.edge_tables.size());
    bytes += x.edge_tables[f - edge0].bytes();
  }
  // Its bytes: its tables, whole (rank 0: and the index).
  EXPECT_EQ(s.bytes_read, bytes);
  // The edge ranges of the ranks tile the edge tables, in rank order.
  std::vector<std::vector<std::uint64_t>> all;
  mpi::all_gather(
      world(), std::vector<std::uint64_t>{s.edge_frames_first, s.edge_frames_last, s.edges}, all);
  std::uint64_t next = edge0, edges = 0;
  for (const auto& r : all) {
    if (r[1] == r[0]) continue;
    EXPECT_EQ(r[0], next);
    next = r[1];
    edges += r[2];
  }
  EXPECT_EQ(next, edge0 + x.edge_tables.size());
  EXPECT_EQ(edges, x.edge_count);
  // With several ranks, each reads about its share of the tables (half the file at most).
  if (world().size() > 1) {
    EXPECT_LT(s.bytes_read, x.file_bytes / 2 + x.bytes_read);
  }
}

TEST(FrameReadV3, RankZeroGathersTheNamesItPrints) {
  const std::string file = graph_file();
  const sg::Graph g = sio::load_sgpb(file);
  const DistributedGraph got = read_distributed(world(), file, {});
  const std::vector<std::uint32_t> nodes{1499, 0, 750, 3, 1499};
  const std::vector<std::string> names = gather_names(world(), got, nodes);
  if (world().rank() != 0) {
    EXPECT_TRUE(names.empty());
    return;
  }
  ASSERT_EQ(names.size(), nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) EXPECT_EQ(names[i], g.node(nodes[i]).name);
}

TEST(FrameReadV3, KernelsOnTheRowsReadEqualTheSingleProcessKernels) {
  const std::string file = graph_file();
  const sg::Graph g = sio::load_sgpb(file);
  for (bool directed : {false, true}) {
    const sg::CsrOptions opts{
        .directed = directed, .weighted = true, .source = sg::WeightSource::kWeight};
    const sg::Csr c = sg::build_csr(g, opts);
    const DistributedGraph got = read_distributed(world(), file, opts);
    const sg::PageRankOptions po{.weighted = true};
    const auto pr = dist::pagerank(world(), got.rows, po);
    const auto cc = dist::connected_components(world(), got.rows);
    if (world().rank() != 0) continue;
    const auto want = sg::pagerank(c, po);
    EXPECT_EQ(pr.iterations, want.iterations);
    ASSERT_EQ(pr.scores.size(), want.scores.size());
    for (std::size_t v = 0; v < want.scores.size(); ++v)
      EXPECT_NEAR(pr.scores[v], want.scores[v], 1e-9);
    const auto wcc = sg::connected_components(c);
    EXPECT_EQ(cc.membership, wcc.membership);
    EXPECT_EQ(cc.count, wcc.count);
  }
}

// A copy of the file by rank 0, changed by `edit`.
std::string damaged(const std::string& name, const std::function<void(std::string&)>& edit) {
  const std::string out = (dir() / name).string();
  if (world().rank() == 0) {
    std::ifstream in(graph_file(), std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    edit(bytes);
    std::ofstream(out, std::ios::binary | std::ios::trunc) << bytes;
  }
  world().barrier();
  return out;
}

// The error of read_distributed on `file`, on every rank ("" when none).
std::string error_of(const std::string& file) {
  try {
    read_distributed(world(), file, {});
  } catch (const RankError& e) {
    return e.what();
  }
  return "";
}

TEST(FrameReadV3, ADamagedEdgeTableFailsEveryRankNamingTheReaderAndTheOffset) {
  const sio::SgpbV3Index x = index_of(graph_file());
  const sio::SgpbV3Table t = x.edge_tables.back();  // read by the last rank
  const std::string bad =
      damaged("bad_edges.sgpb", [&](std::string& b) { b[t.offset + 8 + t.length / 2] ^= 0x40; });
  const std::string what = error_of(bad);
  const std::string reader = "rank " + std::to_string(world().size() - 1) + ": ";
  EXPECT_EQ(what.rfind(reader + bad + ": byte offset " + std::to_string(t.offset), 0), 0u) << what;
  EXPECT_NE(what.find("checksum mismatch"), std::string::npos) << what;
}

TEST(FrameReadV3, ADamagedNodeTableFailsTheRankThatOwnsItsNodes) {
  const sio::SgpbV3Index x = index_of(graph_file());
  const sio::SgpbV3Table t = x.node_tables.front();  // holds node 0: rank 0 reads it alone
  const std::string bad =
      damaged("bad_nodes.sgpb", [&](std::string& b) { b[t.offset + 8 + t.length - 3] ^= 0x01; });
  const std::string what = error_of(bad);
  EXPECT_EQ(what.rfind("rank 0: " + bad + ": byte offset " + std::to_string(t.offset), 0), 0u)
      << what;
  EXPECT_NE(what.find("checksum mismatch"), std::string::npos) << what;
}

TEST(FrameReadV3, ANodeTableHeadThatLiesIsCaught) {
  // The second node table's count (read by rank 0 from its first bytes, before its CRC is
  // checked) changed along with a matching CRC would be a forgery; here only the count
  // changes, so the index sees node tables that do not follow each other.
  const sio::SgpbV3Index x = index_of(graph_file());
  const sio::SgpbV3Table t = x.node_tables[1];
  const std::string bad = damaged("bad_head.sgpb", [&](std::string& b) {
    // Frame tag, length varint (up to 2 bytes for 4 KiB), first tag + varint, count tag.
    const std::size_t at = t.offset + 8;
    std::size_t p = at + 1;
    while (static_cast<unsigned char>(b[p]) & 0x80) ++p;
    ++p;  // past the length
    ASSERT_EQ(b[p], 0x08);
    ++p;
    while (static_cast<unsigned char>(b[p]) & 0x80) ++p;
    ++p;  // past first
    ASSERT_EQ(b[p], 0x10);
    b[p + 1] = static_cast<char>(static_cast<unsigned char>(b[p + 1]) ^ 0x01);
  });
  const std::string what = error_of(bad);
  EXPECT_EQ(what.rfind("rank 0: " + bad + ": byte offset ", 0), 0u) << what;
  EXPECT_NE(what.find("node table"), std::string::npos) << what;
}

TEST(FrameReadV3, ATruncatedFileFailsEveryRankFromRankZero) {
  const sio::SgpbV3Index x = index_of(graph_file());
  const sio::SgpbV3Table t = x.edge_tables[x.edge_tables.size() / 2];
  const std::string cut = damaged("cut.sgpb", [&](std::string& b) { b.resize(t.offset + 5); });
  const std::string what = error_of(cut);
  EXPECT_EQ(what.rfind("rank 0: " + cut + ": byte offset ", 0), 0u) << what;
  EXPECT_NE(what.find("truncated"), std::string::npos) << what;
}

}  // namespace

int main(int argc, char** argv) {
  mpi::environment env(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  if (world().rank() != 0) {
    auto& listeners = ::testing::UnitTest::GetInstance()->listeners();
    delete listeners.Release(listeners.default_result_printer());
  }
  const int code = RUN_ALL_TESTS();
  world().barrier();
  if (world().rank() == 0) fs::remove_all(dir());
  return code;
}
