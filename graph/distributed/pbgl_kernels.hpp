// The Parallel BGL forms of connected components, single-source distances and betweenness (Engine::
// kParallelBgl in algorithms.hpp), behind a header free of PBGL's own (pbgl_graph.hpp, which
// only the pbgl_*.cpp files include: PBGL headers take minutes to
// compile). Collective; every rank passes its block and the options rank 0 sent it.
#pragma once

#include <boost/mpi/communicator.hpp>
#include <cstdint>
#include <vector>

#include "graph/components.hpp"
#include "graph/distributed/local_csr.hpp"

namespace stakegraph::graph::distributed {

// PBGL's connected_components (weak components of a directed view); the result on rank 0
// only, relabelled canonically as graph::connected_components.
ComponentsResult pbgl_connected_components(const boost::mpi::communicator& comm,
                                           const LocalCsr& local);

struct PbglSearch {
  std::uint32_t source = 0;
  bool in_rows = false;               // follow the in-rows (a reversed search, directed view)
  bool unit = true;                   // hops: BFS; otherwise delta-stepping over `costs`
  std::vector<double> costs;          // per entry of the followed rows (unit: empty)
  double delta = 1.0;                 // delta-stepping bucket width
  std::vector<std::uint8_t> blocked;  // nodes never entered (empty: none)
};

// This rank's distances (by local node; +infinity when unreached): PBGL's distributed
// breadth_first_search with a distance recorder, or its delta_stepping_shortest_paths.
std::vector<double> pbgl_distances(const boost::mpi::communicator& comm, const LocalCsr& local,
                                   const PbglSearch& search);

// PBGL's distributed brandes_betweenness_centrality (hop counts): on rank 0, per node, the
// sum over `sources` (empty: every node) of the source's dependencies (ordered pairs; the
// caller halves an undirected view and normalizes); other ranks: empty. Each source's search
// is collective over the ranks. Time O(k E) work, with a message round per BFS level per
// source; memory per rank O(its entries + V / p) plus PBGL's incoming lists (one entry per
// shortest-path arc into a local vertex).
std::vector<double> pbgl_betweenness_sums(const boost::mpi::communicator& comm,
                                          const LocalCsr& local,
                                          const std::vector<std::uint32_t>& sources);

}  // namespace stakegraph::graph::distributed
