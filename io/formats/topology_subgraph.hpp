// Parts of a graph given as version 3 topology arrays (io/formats/topology_arrays.hpp), for the
// query commands (`neighbors`, `path`) that print a few nodes of a large graph: find a node, search
// the arrays, and build a graph::Graph of the nodes the answer can involve only, on which the
// same graph/ functions then give the answer they give on the whole graph.
//
// Conventions:
// - Node numbers are the file's (TopologyArrays order). find_node finds a node as
//   graph::Graph::find_node does in the same file loaded whole: by folded name (the first
//   node in file order), else by alias (the first node in file order that has it), else by id.
// - induced_graph keeps the nodes' file order and the edges' file order, so that node
//   indices, out-edge and in-edge lists, edge iteration and CSR rows of the result are the
//   whole graph's restricted to those nodes: an order-dependent result (BFS, Dijkstra ties,
//   sorting) is the same on both. Its nodes carry id, name and kind (no aliases, no
//   attributes); its edges relation, user weight and evidence count (as
//   EdgeData::unloaded_evidence), no sign, Goldstein mean, dates or evidence.
// Complexity: find_node O(V + aliases) name folds; constrained_csr O(V + E log d) as
// graph::build_csr; induced_graph O(V + E) scan plus O(k + m) graph building for k nodes and
// m edges kept.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "graph/csr.hpp"
#include "graph/edge_weight.hpp"
#include "graph/graph.hpp"
#include "graph/ontology.hpp"
#include "io/formats/topology_arrays.hpp"

namespace stakegraph::io {

// The node named, aliased or with id `query`; nullopt when none.
std::optional<std::uint32_t> find_node(const TopologyArrays& t, std::string_view query);

// Which edges a search walks and what they weigh: graph/paths.cpp's view of the same graph.
struct ConstrainedCsrOptions {
  bool directed = false;
  bool weighted = false;  // weights read by `source`
  graph::WeightSource source = graph::WeightSource::kEvidence;
  std::vector<graph::Relation> relations;  // empty: all
  std::vector<std::uint8_t> allowed;       // per node, 0: its edges are dropped; empty: all
  bool skip_self_loops = false;
  bool reversed = false;  // every edge taken from target to source (distances *to* a node)
};

// graph::build_csr of the edges that pass `o` (pairs and float weights in file order).
graph::Csr constrained_csr(const TopologyArrays& t, const ConstrainedCsrOptions& o);

struct InducedGraph {
  graph::Graph graph;
  std::vector<graph::EdgeRef> edges;        // the graph's edges in the order added ...
  std::vector<std::uint64_t> edge_numbers;  // ... and the file's number of each
};

// The nodes `nodes` (file numbers, sorted, unique) and every edge among them.
// Throws graph::InvalidArgument for a node number out of range.
InducedGraph induced_graph(const TopologyArrays& t, const std::vector<std::uint32_t>& nodes);

}  // namespace stakegraph::io
