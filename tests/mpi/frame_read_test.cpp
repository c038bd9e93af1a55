// The distributed read of a .sgpb file by frame ranges (cli/mpi/frame_read.hpp), under
// `mpirun -np 1`, 2 and 4: every rank's block of rows equals its block of the
// single-process Csr (graph::build_csr of load_sgpb, scattered: the oracle), in the four
// views (undirected/directed, unweighted/weighted); each rank holds the ids of its own nodes
// only; each rank read its own frames only (its bytes are its frames' payloads, and the
// ranks' frames do not overlap); PageRank and components on the rows read equal the
// single-process kernels; and a damaged frame fails every rank with the reader's rank and
// reason.
#include <gtest/gtest.h>

#include <unistd.h>
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
#include "io/formats/sgpb_frames.hpp"

namespace {

namespace mpi = boost::mpi;
namespace sg = stakegraph::graph;
namespace dist = stakegraph::graph::distributed;
namespace fs = std::filesystem;
using stakegraph::cli::mpi_cli::DistributedGraph;
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
    fs::path p = fs::temp_directory_path() / ("sg_frame_read_" + std::to_string(pid));
    if (world().rank() == 0) fs::create_directories(p);
    world().barrier();
    return p;
  }();
  return d;
}

// A generated graph (self-loops, parallel relations, evidence) written by rank 0 in frames
// of about 4 KiB: many frames of nodes and of edges.
std::string graph_file() {
  static const std::string p = [] {
    const std::string file = (dir() / "g.sgpb").string();
    if (world().rank() == 0) {
      sg::GenerateOptions o;
      o.nodes = 1200;
      o.edges = 5000;
      o.seed = 17;
      o.self_loop_share = 0.02;
      stakegraph::io::save_sgpb(sg::generate_graph(o), file,
                                {.target_frame_bytes = 4096, .format_version = 2});
    }
    world().barrier();
    return file;
  }();
  return p;
}

TEST(FrameRead, BlocksEqualTheSingleProcessCsr) {
  const std::string file = graph_file();
  const sg::Graph g = stakegraph::io::load_sgpb(file);  // the oracle, on every rank
  for (bool directed : {false, true}) {
    for (bool weighted : {false, true}) {
      SCOPED_TRACE(std::string(directed ? "directed" : "undirected") +
                   (weighted ? " weighted" : ""));
      const sg::CsrOptions opts{.directed = directed, .weighted = weighted};
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
      for (std::uint32_t lv = 0; lv < got.rows.local_count(); ++lv)
        EXPECT_EQ(got.ids[lv], g.node(got.rows.first + lv).id);
    }
  }
}

TEST(FrameRead, EachRankReadsOnlyItsFrames) {
  const std::string file = graph_file();
  const DistributedGraph got = read_distributed(world(), file, {});
  const auto index = stakegraph::io::index_sgpb(file);
  const auto& s = got.stats;
  // Its bytes: the payloads of its frames (rank 0: and the index).
  std::uint64_t payload = 0;
  for (std::uint64_t f = s.node_frames_first; f < s.node_frames_last; ++f) {
    EXPECT_EQ(index.frames[f].section, stakegraph::io::SgpbSection::kNodes);
    payload += index.frames[f].length;
  }
  for (std::uint64_t f = s.edge_frames_first; f < s.edge_frames_last; ++f) {
    EXPECT_EQ(index.frames[f].section, stakegraph::io::SgpbSection::kEdges);
    payload += index.frames[f].length;
  }
  EXPECT_EQ(s.bytes_read, payload + (world().rank() == 0 ? index.bytes_read : 0));
  // The ranges of the ranks tile the node frames and the edge frames, in rank order.
  std::vector<std::vector<std::uint64_t>> all;
  mpi::all_gather(world(),
                  std::vector<std::uint64_t>{s.node_frames_first, s.node_frames_last,
                                             s.edge_frames_first, s.edge_frames_last},
                  all);
  std::uint64_t node_frames = 0, edge_frames = 0;
  for (const auto& f : index.frames) {
    node_frames += f.section == stakegraph::io::SgpbSection::kNodes;
    edge_frames += f.section == stakegraph::io::SgpbSection::kEdges;
  }
  ASSERT_GT(edge_frames, 8u);
  std::uint64_t nodes_covered = 0, edges_covered = 0, next_node = 0, next_edge = 0;
  for (const auto& r : all) {
    if (r[1] > r[0]) {
      EXPECT_GE(r[0], next_node);
      next_node = r[1];
    }
    if (r[3] > r[2]) {
      EXPECT_GE(r[2], next_edge);
      next_edge = r[3];
    }
    nodes_covered += r[1] - r[0];
    edges_covered += r[3] - r[2];
  }
  EXPECT_EQ(nodes_covered, node_frames);
  EXPECT_EQ(edges_covered, edge_frames);
  // With several ranks, no rank reads more than about its share (half the file at most).
  if (world().size() > 1) {
    EXPECT_LT(s.bytes_read, index.file_bytes / 2 + index.bytes_read);
  }
}

TEST(FrameRead, KernelsOnTheRowsReadEqualTheSingleProcessKernels) {
  const std::string file = graph_file();
  const sg::Graph g = stakegraph::io::load_sgpb(file);
  for (bool directed : {false, true}) {
    const sg::Csr c = sg::build_csr(g, {.directed = directed, .weighted = true});
    const DistributedGraph got =
        read_distributed(world(), file, {.directed = directed, .weighted = true});
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

TEST(FrameRead, ADamagedFrameFailsEveryRankNamingTheReader) {
  const std::string file = graph_file();
  const auto index = stakegraph::io::index_sgpb(file);
  // The last edge frame (read by the last rank) gets a flipped byte.
  std::size_t k = index.frames.size() - 2;
  const std::string bad = (dir() / "bad.sgpb").string();
  if (world().rank() == 0) {
    std::ifstream in(file, std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    bytes[index.frames[k].offset + 8 + index.frames[k].length / 2] ^= 0x40;
    std::ofstream(bad, std::ios::binary) << bytes;
  }
  world().barrier();
  const std::string reader = "rank " + std::to_string(world().size() - 1) + ": ";
  try {
    read_distributed(world(), bad, {});
    FAIL() << "no error";
  } catch (const RankError& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.rfind(reader, 0), 0u) << what;
    EXPECT_NE(what.find("byte offset " + std::to_string(index.frames[k].offset)), std::string::npos)
        << what;
    EXPECT_NE(what.find("checksum mismatch"), std::string::npos) << what;
  }
  // A truncated file: rank 0's index refuses it, and every rank learns it.
  const std::string cut = (dir() / "cut.sgpb").string();
  if (world().rank() == 0) fs::copy_file(file, cut, fs::copy_options::overwrite_existing);
  if (world().rank() == 0) fs::resize_file(cut, index.frames[k].offset + 5);
  world().barrier();
  try {
    read_distributed(world(), cut, {});
    FAIL() << "no error";
  } catch (const RankError& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.rfind("rank 0: ", 0), 0u) << what;
    EXPECT_NE(what.find("truncated"), std::string::npos) << what;
  }
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
