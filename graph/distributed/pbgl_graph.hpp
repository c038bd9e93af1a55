// The Parallel BGL graph that the PBGL-backed kernels (components.cpp, distances.cpp) run on:
// a distributed compressed_sparse_row_graph (boost/graph/distributed/
// compressed_sparse_row_graph.hpp) over an mpi_process_group, with PBGL's block distribution
// (boost::parallel::block), which is the BlockPartition of local_csr.hpp: rank r owns the
// vertices [begin(r), begin(r + 1)) and the out-edges of those vertices only.
//
// It is built from a rank's LocalCsr without any communication: the rank passes the entries
// of its own rows (one direction, or both for weak components), each edge carrying the cost
// the search adds along it. Construction uses PBGL's constructor from an unsorted edge range
// (edges_are_unsorted: each rank passes only its own rows' entries, which the constructor
// keeps since their sources are local). Two defects of PBGL 1.74 are worked around here: that
// constructor dereferences its end iterator (index_to_vertex_iterator reads *end, a crash on
// a rank with no edge), so the edge vector carries one valid sentinel past the range it
// passes; and the in-place constructor from sources and targets does not compile (it calls
// a member that Boost 1.74's CSR no longer has).
// Vertex descriptors are PBGL's (owner, local index) pairs packed in one integer: global(v)
// turns one back into the global node index.
// Memory per rank: 16 bytes (source, target) plus 8 (cost) per local entry while building,
// then PBGL's CSR (8 bytes per entry plus the cost, 8 per local vertex).
// Warnings: the PBGL headers are system headers (/usr/include), so GCC does not report
// warnings inside them; BOOST_BIND_GLOBAL_PLACEHOLDERS (set on the target,
// graph/distributed/CMakeLists.txt) silences the `#pragma message` of boost/bind.hpp that
// mpi_process_group.hpp includes.
#pragma once

// use_mpi.hpp first: every PBGL header refuses to compile without it (#error).
#include <boost/graph/use_mpi.hpp>

#include <boost/graph/distributed/compressed_sparse_row_graph.hpp>
#include <boost/graph/distributed/mpi_process_group.hpp>
#include <boost/graph/parallel/distribution.hpp>
#include <boost/property_map/parallel/parallel_property_maps.hpp>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "graph/distributed/local_csr.hpp"

namespace stakegraph::graph::distributed {

struct PbglEdge {
  double cost = 1.0;  // what a search adds along this edge
};

using PbglGraph = boost::compressed_sparse_row_graph<
    boost::directedS, boost::no_property, PbglEdge, boost::no_property,
    boost::distributedS<boost::graph::distributed::mpi_process_group>>;
using PbglVertex = boost::graph_traits<PbglGraph>::vertex_descriptor;

// Which rows of the LocalCsr become the out-edges of the PBGL graph.
enum class PbglRows {
  kOut,   // out-rows
  kIn,    // in-rows (directed views; a reversed search)
  kBoth,  // out-rows and in-rows (weak components: every edge both ways)
};

struct PbglBuildOptions {
  PbglRows rows = PbglRows::kOut;
  // Cost of the entry at position i of the chosen rows (`in`: of the in-rows); empty: 1.0.
  std::vector<double> out_costs, in_costs;
  // Nodes never entered: entries towards them are left out (empty: none).
  std::vector<std::uint8_t> blocked;
};

// This rank's part of the distributed graph. Collective (PBGL synchronizes the process
// group). Requires local.part.n > 0.
inline PbglGraph build_pbgl_graph(const boost::graph::distributed::mpi_process_group& pg,
                                  const LocalCsr& local, const PbglBuildOptions& o) {
  std::vector<std::pair<std::size_t, std::size_t>> edges;  // global indices
  std::vector<PbglEdge> props;
  auto add = [&](const std::vector<std::uint64_t>& offsets, const std::vector<std::uint32_t>& ids,
                 const std::vector<double>& costs) {
    for (std::uint32_t lv = 0; lv < local.local_count(); ++lv) {
      for (std::uint64_t i = offsets[lv]; i < offsets[lv + 1]; ++i) {
        const std::uint32_t w = ids[i];
        if (!o.blocked.empty() && o.blocked[w] != 0) continue;
        edges.emplace_back(local.first + lv, w);
        props.push_back({costs.empty() ? 1.0 : costs[i]});
      }
    }
  };
  if (o.rows != PbglRows::kIn || !local.directed) add(local.offsets, local.targets, o.out_costs);
  if (o.rows != PbglRows::kOut && local.directed)
    add(local.in_offsets, local.in_sources, o.in_costs);
  const auto m = static_cast<std::ptrdiff_t>(edges.size());
  edges.emplace_back(0, 0);  // the sentinel that the constructor reads at the end
  props.emplace_back();
  return PbglGraph(boost::edges_are_unsorted, edges.begin(), edges.begin() + m, props.begin(),
                   local.part.n, pg, boost::parallel::block(pg, local.part.n));
}

// The global node index of a PBGL vertex.
// (Property maps: boost::make_iterator_property_map(vector.begin(), get(vertex_index, g))
// over this graph is a distributed property map, parallel_property_maps.hpp: a write to a
// remote vertex is sent to its owner.)
inline std::uint32_t global_index(const PbglGraph& g, PbglVertex v) {
  const auto owner_local = get(boost::vertex_global, g, v);
  return static_cast<std::uint32_t>(g.distribution().global(owner_local.first, owner_local.second));
}

}  // namespace stakegraph::graph::distributed
