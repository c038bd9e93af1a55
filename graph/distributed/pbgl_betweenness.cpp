// Betweenness from Parallel BGL (graph/distributed/pbgl_kernels.hpp): PBGL's distributed
// brandes_betweenness_centrality on the block-partitioned CSR (pbgl_graph.hpp), each source's
// search run by all ranks together.
// PBGL 1.74 defect worked around: its short overloads (graph + centrality map) keep the
// dependencies in the graph's edges_size_type, an unsigned integer, so the factor
// sigma(v) / sigma(w) of Brandes' accumulation is an integer division and the scores come out
// truncated (measured: 286 where the exact value is 658.085 on a 200-node random graph). The
// full overload is called here with our own maps: dependencies and distances in double,
// path counts in uint64 (exact up to 2^64 shortest paths per pair).
// The result is the sum over the sources of the dependencies (ordered pairs: an undirected
// view has both arcs of each edge); dist::betweenness scales it as the single-process kernel.
#include <boost/graph/use_mpi.hpp>

#include <boost/graph/distributed/betweenness_centrality.hpp>
#include <boost/mpi/collectives/gatherv.hpp>

#include "graph/distributed/pbgl_graph.hpp"
#include "graph/distributed/pbgl_kernels.hpp"

namespace stakegraph::graph::distributed {

namespace mpi = boost::mpi;

std::vector<double> pbgl_betweenness_sums(const mpi::communicator& comm, const LocalCsr& local,
                                          const std::vector<std::uint32_t>& sources) {
  const std::uint32_t n = local.part.n;
  std::vector<double> out;
  if (n == 0) return out;
  boost::graph::distributed::mpi_process_group pg(comm);
  const PbglGraph g = build_pbgl_graph(pg, local, {.rows = PbglRows::kOut});
  const auto count = num_vertices(g);
  std::vector<double> bc(count, 0.0), distance(count), dependency(count);
  std::vector<std::vector<PbglVertex>> incoming(count);
  std::vector<std::uint64_t> paths(count);
  const auto index = get(boost::vertex_index, g);
  boost::queue<PbglVertex> queue;  // empty: every vertex is a source
  for (std::uint32_t s : sources) queue.push(vertex(s, g));
  boost::brandes_betweenness_centrality(
      g, boost::make_iterator_property_map(bc.begin(), index), boost::dummy_property_map(),
      boost::make_iterator_property_map(incoming.begin(), index),
      boost::make_iterator_property_map(distance.begin(), index),
      boost::make_iterator_property_map(dependency.begin(), index),
      boost::make_iterator_property_map(paths.begin(), index), index, queue, 1.0);
  std::vector<int> sizes(static_cast<std::size_t>(comm.size()));
  for (int r = 0; r < comm.size(); ++r)
    sizes[static_cast<std::size_t>(r)] = static_cast<int>(local.part.size(r));
  if (comm.rank() != 0) {
    mpi::gatherv(comm, bc.data(), static_cast<int>(local.local_count()), 0);
    return out;
  }
  out.resize(n);
  mpi::gatherv(comm, bc.data(), static_cast<int>(local.local_count()), out.data(), sizes, 0);
  return out;
}

}  // namespace stakegraph::graph::distributed
