// What a drawing shows, shared by `render` and `report`, from a loaded graph, in this order:
// the filters, the ego network (focus, depth), the shortest path (undirected; by hops, or
// costing 1 / weight with a weight source), the top-N ranking (the path's nodes are always
// kept), the node count check, select_for_drawing (io/render/selection.hpp), the drawn edge
// count check, then the cluster boxes (graph/cluster.hpp with the defaults of `clusters`, so
// that a cluster has the same number in `clusters` and in the diagram): of the whole graph,
// or with clusters_on_drawn of the nodes actually drawn. No Graphviz call.
// Complexity: O(V + E + evidence) for the filters and the ego network, plus the ranking
// (degree O(V + E), PageRank O((V + E) * iterations), betweenness O(V E), sampled above
// kExactBetweennessUpTo nodes), the path (Dijkstra O((V + E) log V)) and the clusters.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/cluster.hpp"
#include "graph/edge_weight.hpp"
#include "graph/graph.hpp"
#include "graph/subgraph.hpp"
#include "io/render/dot.hpp"

namespace stakegraph::io {

enum class NodeRanking { kDegree, kPageRank, kBetweenness };
// "degree", "pagerank", "betweenness".
std::string_view node_ranking_name(NodeRanking r) noexcept;
// The inverse of node_ranking_name (exact match); nullopt for another name.
std::optional<NodeRanking> parse_node_ranking(std::string_view name) noexcept;

// Betweenness above this many nodes is estimated from kBetweennessSamples sampled sources.
inline constexpr std::uint32_t kExactBetweennessUpTo = 3000;
inline constexpr std::uint32_t kBetweennessSamples = 500;

// Nodes of `g` best first by `by` (PageRank on the directed view); ties keep node order.
// With `weight` (not kNone) as `centrality` does by default: degree is strength, PageRank
// follows edges by weight and a betweenness hop costs 1 / weight; PageRank and betweenness
// need positive weights (throws graph::InvalidArgument naming the edge otherwise).
std::vector<graph::NodeIndex> rank_nodes(const graph::Graph& g, NodeRanking by,
                                         graph::WeightSource weight = graph::WeightSource::kNone);

// Finds a node by name, alias or id in the graph given, or throws graph::NotFound.
using NodeResolver = std::function<graph::NodeIndex(const graph::Graph&, const std::string&)>;

struct DrawSelectionOptions {
  std::string source;           // the graph's file, named in the error messages
  graph::FilterOptions filter;  // applied first
  std::string focus;            // "": no ego network
  int depth = 1;                // hops around the focus (>= 0)
  std::optional<std::pair<std::string, std::string>> path;  // FROM, TO: highlighted
  std::size_t top = 0;                                      // 0: every node; else the top N by `by`
  NodeRanking by = NodeRanking::kDegree;
  graph::WeightSource weight = graph::WeightSource::kNone;  // --top ranking, --path costs
  std::optional<graph::ClusterMethod> clusters;             // cluster boxes
  bool clusters_on_drawn = false;      // clusters of the drawn nodes, not the whole
  std::optional<bool> merge_parallel;  // nullopt: automatic (selection.hpp)
  DrawOptions draw;                    // title, legend... as given
  // Finds the focus and the path's ends (default: graph::Graph::find_node, else
  // graph::NotFound "SOURCE: no node named 'X'").
  NodeResolver resolve;
};

// The graph to draw (owned) and its drawing options: `draw` as given with the focus, the path
// highlight and the clusters set, every index referring to `graph`, merge_parallel decided.
struct DrawnSelection {
  std::shared_ptr<const graph::Graph> graph;
  DrawOptions draw;
};

// Runs the selection described in the file comment on `g`. Throws graph::NotFound for an
// unknown node (options.resolve) or a missing path, graph::InvalidArgument for a negative
// depth, a focus left out by the filters, more than kMaxRenderNodes nodes or kMaxRenderEdges
// drawn edges (with the advice to narrow), and what the ranking and clusters throw.
DrawnSelection select_drawing(graph::Graph g, const DrawSelectionOptions& options);

}  // namespace stakegraph::io
