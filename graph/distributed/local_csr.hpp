// A CSR view (graph/csr.hpp) distributed over the ranks of an MPI communicator: rank r owns
// the nodes of one contiguous block [first, last) (block partition, the same as Parallel BGL's
// boost::parallel::block: the first n mod p ranks own floor(n / p) + 1 nodes, the others
// floor(n / p), in rank order) and holds
// only those nodes' rows: out-rows, and on a directed view in-rows too, with their weights.
// Neighbour ids are global node indices.
//
// How the rows get there: rank 0 has read the graph file and built the single-process Csr;
// scatter_csr sends each rank its block's rows (point-to-point, one message per array), so a
// rank other than 0 never holds more than its own rows. broadcast_csr instead gives every
// rank the whole Csr (betweenness, which runs whole searches per source).
// Memory per rank: 12 bytes per local CSR entry (16 weighted) plus 8 per local node; the
// transfer sends each entry once.
// Collective: every function here must be called by every rank of the communicator.
#pragma once

#include <algorithm>
#include <boost/mpi/communicator.hpp>
#include <cstdint>
#include <vector>

#include "graph/csr.hpp"
#include "graph/traversal.hpp"

namespace stakegraph::graph::distributed {

// The block partition of n nodes over p ranks.
struct BlockPartition {
  std::uint32_t n = 0;
  int ranks = 1;
  // The first node of rank r (begin(ranks) = n): r * floor(n / p) + min(r, n mod p).
  std::uint32_t begin(int r) const {
    const auto p = static_cast<std::uint32_t>(ranks), k = static_cast<std::uint32_t>(r);
    return k * (n / p) + std::min(k, n % p);
  }
  std::uint32_t size(int r) const { return begin(r + 1) - begin(r); }
  int owner(std::uint32_t v) const;
};

struct LocalCsr {
  BlockPartition part;
  int rank = 0;
  std::uint32_t first = 0, last = 0;  // owned nodes [first, last)
  bool directed = false;
  bool weighted = false;
  std::vector<std::uint64_t> offsets;     // last - first + 1, from 0
  std::vector<std::uint32_t> targets;     // global ids
  std::vector<float> weights;             // empty when unweighted
  std::vector<std::uint64_t> in_offsets;  // directed only
  std::vector<std::uint32_t> in_sources;
  std::vector<float> in_weights;

  std::uint32_t local_count() const { return last - first; }
  std::uint64_t bytes() const;
};

// Rank 0 passes its Csr, the others nullptr. Returns this rank's block.
LocalCsr scatter_csr(const boost::mpi::communicator& comm, const Csr* root);

// Rank 0 passes its Csr as `root` (and `copy` is left alone); the others pass nullptr and
// receive the whole Csr in `copy`.
void broadcast_csr(const boost::mpi::communicator& comm, const Csr* root, Csr& copy);

// Every rank passes its block and receives the whole Csr, the blocks joined in rank order
// (MPI_Allgatherv of each array): equal to the Csr whose scatter gives the blocks. For a
// kernel that replicates the graph (betweenness) when no rank has read it whole.
// Memory per rank: the whole Csr; communication: every entry to every rank.
Csr gather_csr(const boost::mpi::communicator& comm, const LocalCsr& local);

// Whether some rank's block holds a weight that a weighted search cannot use (not positive or
// not finite), when rank 0's `cost` is not kHops (rank 0's cost is broadcast first, so the
// other ranks' `cost` is ignored). The check of graph::check_costs on blocks; collective, and
// every rank gets the same answer. Time O(local edges) per rank.
bool any_unusable_weight(const boost::mpi::communicator& comm, const LocalCsr& local,
                         EdgeCost cost);

}  // namespace stakegraph::graph::distributed
