// What changed between two graphs: nodes and edges that appear or disappear, and pairs of
// nodes whose tie changes sign. Used on two graph files, or on one graph cut at a date (the
// evidence before it against the evidence after it: graph/subgraph.hpp filters).
//
// Conventions:
// - Nodes are matched by id, edges by (source id, target id, relation); evidence is not
//   compared (an edge in both graphs is unchanged, whatever its evidence).
// - A pair's sign is the sign of the sum, over the edges between the two nodes (either
//   direction), of the edge's sign times its evidence count (an edge without evidence counts
//   once): +1 cooperative, -1 conflictual, 0 neutral or balanced. A sign change is a pair
//   with edges in both graphs whose sign differs.
// - Results are in the order of `after`'s (added) and `before`'s (removed) nodes and edges;
//   sign changes in the order of `before`'s node pairs (smaller index first).
// Complexity: O(V + E) expected time and memory (hash maps of ids and edge keys).
#pragma once

#include <cstdint>
#include <vector>

#include "graph/graph.hpp"

namespace stakegraph::graph {

struct SignChange {
  NodeIndex a_before = 0, b_before = 0;  // the pair in `before`
  NodeIndex a_after = 0, b_after = 0;    // the same pair in `after`
  int before = 0;                        // the pair's sign in each graph
  int after = 0;
  std::vector<EdgeRef> before_edges;  // the pair's edges in each graph
  std::vector<EdgeRef> after_edges;
};

struct GraphDiff {
  std::vector<NodeIndex> nodes_added;    // nodes of `after` whose id `before` lacks
  std::vector<NodeIndex> nodes_removed;  // nodes of `before` whose id `after` lacks
  std::vector<EdgeRef> edges_added;      // edges of `after` that `before` lacks
  std::vector<EdgeRef> edges_removed;    // edges of `before` that `after` lacks
  std::vector<SignChange> sign_changes;

  bool empty() const noexcept {
    return nodes_added.empty() && nodes_removed.empty() && edges_added.empty() &&
           edges_removed.empty() && sign_changes.empty();
  }
};

// The differences from `before` to `after` (see the file comment). Indices and edge
// references point into the graph they name, which must outlive the result.
GraphDiff diff_graphs(const Graph& before, const Graph& after);

}  // namespace stakegraph::graph
