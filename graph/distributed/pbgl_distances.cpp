// Single-source distances over the block-partitioned CSR (graph/distributed/pbgl_kernels.hpp),
// by Parallel BGL. Each rank builds its part of a PBGL graph (pbgl_graph.hpp) from its rows
// (in-rows for a reversed search on a directed view), leaving out the entries towards
// blocked nodes, each edge carrying its cost (1, the weight, or 1 / weight, as doubles: the
// costs graph::distances_from adds).
// - Hops (or an unweighted view): PBGL's distributed breadth_first_search (boost/graph/
//   distributed/breadth_first_search.hpp: level-synchronous, a distributed queue per level)
//   with a record_distances visitor on tree edges. The distance map is a distributed
//   property map with the vertex_distance role, so that concurrent writes to a node keep the
//   smallest: a rank may see a remote node as undiscovered after another rank discovered it
//   at an earlier level and write a larger level, which the minimum discards.
// - Costs: PBGL's delta_stepping_shortest_paths (boost/graph/distributed/
//   delta_stepping_shortest_paths.hpp: Meyer and Sanders 2003, light edges relaxed within a
//   bucket until it empties, then heavy edges) with the given bucket width.
// Both leave numeric_limits<double>::max() on unreached nodes, turned into +infinity. The
// final distances are least sums of costs along a path, added hop by hop from the source
// as graph::distances_from adds them, so both give the same doubles.
// Cost: PBGL's: O((V + E) / p) local work per rank and one message per crossing edge
// relaxed, one synchronization per BFS level and per light-edge round of delta-stepping.

// use_mpi.hpp first: every PBGL header refuses to compile without it (#error).
#include <boost/graph/use_mpi.hpp>

#include <boost/graph/distributed/breadth_first_search.hpp>
#include <boost/graph/distributed/delta_stepping_shortest_paths.hpp>
#include <limits>

#include "graph/distributed/pbgl_graph.hpp"
#include "graph/distributed/pbgl_kernels.hpp"

namespace stakegraph::graph::distributed {

std::vector<double> pbgl_distances(const boost::mpi::communicator& comm, const LocalCsr& local,
                                   const PbglSearch& s) {
  constexpr double kUnreached = std::numeric_limits<double>::max();
  PbglBuildOptions build{.rows = s.in_rows ? PbglRows::kIn : PbglRows::kOut, .blocked = s.blocked};
  (s.in_rows ? build.in_costs : build.out_costs) = s.costs;
  boost::graph::distributed::mpi_process_group pg(comm);
  const PbglGraph g = build_pbgl_graph(pg, local, build);
  std::vector<double> dist(local.local_count(), kUnreached);
  auto dmap = boost::make_iterator_property_map(dist.begin(), get(boost::vertex_index, g));
  const PbglVertex source = vertex(s.source, g);
  if (s.unit) {
    set_property_map_role(boost::vertex_distance, dmap);
    if (s.source >= local.first && s.source < local.last) dist[s.source - local.first] = 0.0;
    boost::breadth_first_search(g, source,
                                boost::visitor(boost::make_bfs_visitor(
                                    boost::record_distances(dmap, boost::on_tree_edge()))));
    synchronize(dmap);  // boost::parallel::synchronize: every pending write delivered
  } else {
    boost::graph::distributed::delta_stepping_shortest_paths(
        g, source, boost::dummy_property_map(), dmap, get(&PbglEdge::cost, g), s.delta);
  }
  for (double& d : dist)
    if (d == kUnreached) d = std::numeric_limits<double>::infinity();
  return dist;
}

}  // namespace stakegraph::graph::distributed
