// Distributed analytics over MPI (Boost.MPI, Parallel BGL): the kernels that stakegraph-mpi runs in
// place of the single-process ones of graph/, with the same options, the same conventions and the
// same results (within floating-point rounding of sums taken in another order: 1e-9).
//
// Every function is collective: rank 0 passes the single-process input (the Csr it built
// from the graph file it read) and the options; the other ranks pass nullptr and default
// options, receive the options from rank 0 and their part of the graph (local_csr.hpp), and
// return an empty result. The full result is gathered on rank 0.
//
// Algorithms, and where each comes from (bench/mpi.md has the cost model):
// - pagerank: the power iteration of graph::pagerank (NetworkX's definition, dangling mass
//   spread by the personalization vector) over the block-partitioned in-rows; the iterate is
//   replicated (all-gathered each step: 8 bytes per node per rank). Parallel BGL's page_rank
//   is not used: it computes another quantity (rank = (1 - d) + d * sum, no teleport
//   normalization, dangling mass lost), which does not equal stakegraph's PageRank.
// - connected_components: each rank builds a union-find forest of its rows' edges, and the
//   forests are merged up a binary tree (log2 p rounds, at most n - 1 edges per message);
//   rank 0 relabels canonically (graph::relabel_by_size), so ids equal the single-process
//   ones. O(n) memory per rank.
// - distances (BFS levels; delta-stepping for costs): level-synchronous frontier exchange
//   with all-to-all messages of (node, distance) to the owner of each node, Meyer and Sanders
//   2003 delta-stepping for costs (light and heavy edges in one phase: a label-correcting
//   variant), the same rule as Parallel BGL's delta_stepping_shortest_paths.
// - Engine::kParallelBgl runs the last two with Parallel BGL instead (pbgl_kernels.hpp):
//   its connected_components, its distributed breadth_first_search with a distance recorder
//   and its delta_stepping_shortest_paths, on a PBGL distributed compressed_sparse_row_graph
//   with PBGL's block distribution (= BlockPartition). Same results (tests/mpi compare both
//   engines with the single-process kernels at 1, 2 and 4 ranks). Not the default, for a
//   measured reason (bench/mpi.md, "Parallel BGL's kernels against the Boost.MPI ones"):
//   on 10^6 edges, one rank, PBGL's components took 2.9 s, its BFS 2.2 s and its
//   delta-stepping 2.1 s where the Boost.MPI kernels took 0.031 s, 0.18 s and 1.3 s, with
//   1.5 to 3 times the peak memory per rank; it stayed slower at 2 and 4 ranks.
// - betweenness: the graph is replicated on every rank (the scheme of Parallel BGL's
//   non_distributed_brandes_betweenness_centrality) and the sources are split round-robin;
//   each rank runs Brandes for its sources and the score vectors are summed on rank 0.
//   Engine::kParallelBgl with hop counts runs PBGL's distributed Brandes instead (the rows
//   stay partitioned; pbgl_betweenness.cpp says which PBGL defect it works around).
#pragma once

#include <boost/mpi/communicator.hpp>
#include <cstdint>
#include <vector>

#include "graph/betweenness.hpp"
#include "graph/centrality.hpp"
#include "graph/components.hpp"
#include "graph/csr.hpp"
#include "graph/distributed/local_csr.hpp"
#include "graph/traversal.hpp"

namespace stakegraph::graph::distributed {

// graph::pagerank, distributed. Throws InvalidArgument (on rank 0, before any communication
// of the graph) for the options graph::pagerank refuses.
CentralityResult pagerank(const boost::mpi::communicator& comm, const Csr* root,
                          PageRankOptions options = {});

// Which implementation runs the kernels that exist in both (see above). Rank 0's choice
// is used: the other ranks receive it.
enum class Engine : int { kBoostMpi = 0, kParallelBgl = 1 };

// graph::connected_components, distributed (weak components of a directed view).
ComponentsResult connected_components(const boost::mpi::communicator& comm, const Csr* root,
                                      Engine engine = Engine::kBoostMpi);

// The same two kernels on rows the ranks already hold (every rank passes its block, e.g.
// read from its frames of the graph file: cli/mpi/frame_read.hpp); the options are rank 0's.
CentralityResult pagerank(const boost::mpi::communicator& comm, const LocalCsr& local,
                          PageRankOptions options = {});
ComponentsResult connected_components(const boost::mpi::communicator& comm, const LocalCsr& local,
                                      Engine engine = Engine::kBoostMpi);

struct DistanceOptions {
  std::uint32_t source = 0;
  EdgeCost cost = EdgeCost::kHops;
  bool reverse = false;               // follow in-rows (distances to the source)
  std::vector<std::uint8_t> blocked;  // nodes never entered (empty: none); the source is not
  double delta = 0.0;                 // delta-stepping bucket width; 0: the mean entry cost
  Engine engine = Engine::kBoostMpi;
};

struct DistanceResult {
  std::vector<double> dist;  // rank 0: by node, +infinity when unreached
  std::uint32_t rounds = 0;  // BFS levels or delta-stepping phases
};

// graph::distances_from, distributed: hop distances by BFS levels, costs by delta-stepping.
DistanceResult distances(const boost::mpi::communicator& comm, const Csr* root,
                         DistanceOptions options = {});
// The same on the blocks the ranks already hold (every rank passes its block; the options are
// rank 0's).
DistanceResult distances(const boost::mpi::communicator& comm, const LocalCsr& local,
                         DistanceOptions options = {});

// graph::betweenness_centrality, distributed over sources (exact, or the same sampled sources
// as the single-process kernel for the same seed). Engine::kParallelBgl with hop counts runs
// Parallel BGL's distributed Brandes instead (pbgl_kernels.hpp: the rows stay partitioned,
// each source's search is collective); with costs it runs the Boost.MPI kernel.
CentralityResult betweenness(const boost::mpi::communicator& comm, const Csr* root,
                             BetweennessOptions options = {}, Engine engine = Engine::kBoostMpi);

// The same on the blocks the ranks already hold (every rank passes its block; the options
// are rank 0's): the whole Csr is gathered on every rank (gather_csr) instead of broadcast
// from rank 0, so no rank needs to have read the whole graph file. Engine::kParallelBgl with
// hop counts runs PBGL's Brandes on the blocks themselves.
CentralityResult betweenness(const boost::mpi::communicator& comm, const LocalCsr& local,
                             BetweennessOptions options = {}, Engine engine = Engine::kBoostMpi);

// graph::modularity of `membership` (rank 0's; labels below n) on the undirected view held in
// blocks, equal to it bit for bit: the sums run over the rows in node order as graph::modularity
// adds them, passed from rank to rank in rank order (each rank continues the running sums over
// its own rows), so the result does not depend on the number of ranks. Returned on rank 0.
// Throws InvalidArgument on every rank for a directed view or a membership of the wrong size.
// Cost: membership broadcast (4 V bytes), 16 V bytes passed p times, O(E / p) time per rank
// (one rank at a time).
double modularity(const boost::mpi::communicator& comm, const LocalCsr& local,
                  std::vector<std::uint32_t> membership, double resolution = 1.0);

}  // namespace stakegraph::graph::distributed
