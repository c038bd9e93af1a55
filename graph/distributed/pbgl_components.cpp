// Connected components over the block-partitioned CSR (graph/distributed/pbgl_kernels.hpp), by
// Parallel BGL's connected_components (boost/graph/distributed/connected_components.hpp:
// the distributed algorithm of Buš and Tvrdík, 2001; local components first, then rounds of
// hooking roots over the edges that cross ranks and pointer jumping until no root changes).
// Each rank builds its part of the PBGL graph from its rows, in both directions on a
// directed view (weak components), and PBGL leaves in the parent map, for every node, the
// root of its component. The roots are gathered on rank 0 (4 bytes per node) and relabelled
// canonically (graph::relabel_by_size: largest first, ties by smallest node), so the ids
// equal graph::connected_components's.
// The parent map is asked for alone (the component map is PBGL's dummy_property_map): PBGL's
// own numbering (number_components_from_parents with a component map) searches a list of
// the rank's roots for every vertex, O(V^2 / p) on a graph with many small components (a
// news graph has many isolated nodes), and all-gathers every root to every rank.
// Cost: PBGL's: O((V + E) / p) local work per round, O(log V) rounds in the worst case, the
// messages of the crossing edges each round; the gather sends 4 V bytes to rank 0.

// use_mpi.hpp first: every PBGL header refuses to compile without it (#error).
#include <boost/graph/use_mpi.hpp>

#include <boost/graph/distributed/connected_components.hpp>
#include <boost/mpi/collectives/gatherv.hpp>
#include <string>

#include "graph/distributed/pbgl_graph.hpp"
#include "graph/distributed/pbgl_kernels.hpp"

namespace stakegraph::graph::distributed {

namespace mpi = boost::mpi;

ComponentsResult pbgl_connected_components(const mpi::communicator& comm, const LocalCsr& local) {
  const std::uint32_t n = local.part.n;
  ComponentsResult res;
  if (n == 0) return res;
  boost::graph::distributed::mpi_process_group pg(comm);
  const PbglGraph g = build_pbgl_graph(pg, local, {.rows = PbglRows::kBoth});
  std::vector<PbglVertex> parent(num_vertices(g));
  auto parents = boost::make_iterator_property_map(parent.begin(), get(boost::vertex_index, g));
  boost::graph::distributed::connected_components(g, boost::dummy_property_map(), parents);
  std::vector<std::uint32_t> roots(local.local_count());
  for (std::uint32_t lv = 0; lv < local.local_count(); ++lv)
    roots[lv] = global_index(g, parent[lv]);
  std::vector<int> sizes(static_cast<std::size_t>(comm.size()));
  for (int r = 0; r < comm.size(); ++r)
    sizes[static_cast<std::size_t>(r)] = static_cast<int>(local.part.size(r));
  if (comm.rank() != 0) {
    mpi::gatherv(comm, roots.data(), static_cast<int>(roots.size()), 0);
    return res;
  }
  res.membership.resize(n);
  mpi::gatherv(comm, roots.data(), static_cast<int>(roots.size()), res.membership.data(), sizes, 0);
  res.count = relabel_by_size(res.membership);
  return res;
}

}  // namespace stakegraph::graph::distributed
