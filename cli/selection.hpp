// What a drawing shows, shared by `render` and `report`: the selection options (--kind,
// --relation, --since, --until, --no-hedged, --focus, --depth, --path, --top, --by,
// --clusters), their usage checks, and the selection itself, in this order: the filters, the
// ego network (--focus, --depth), the shortest path (--path, undirected, by hops), the top-N
// ranking (--top, --by; the path's nodes are always kept), the size check (more than
// io::kMaxRenderNodes nodes is refused with a hint), io::select_for_drawing, then clusters:
// computed on the whole graph like `clusters` (the same numbers), or with --subgraph on the
// nodes actually drawn.
// Complexity: loading plus O(V + E + evidence) for the filters and the ego network, plus the
// ranking (degree O(V + E), PageRank O((V + E) * iterations), betweenness O(V E), sampled
// above kExactBetweennessUpTo nodes) and the clusters (camps: see graph/camps.hpp).
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/weight_option.hpp"
#include "graph/edge_weight.hpp"
#include "graph/graph.hpp"
#include "io/render/renderer.hpp"

namespace stakegraph::cli {

struct SelectionOptions {
  std::string graph;  // the graph file
  std::string focus;
  int depth = 1;
  std::vector<std::string> path;  // empty, or FROM TO
  std::string clusters;           // "", components, louvain or camps
  std::size_t top = 0;
  std::string by = "degree";
  std::vector<std::string> kinds;
  std::vector<std::string> relations;
  std::string since;
  std::string until;
  bool no_hedged = false;
  bool subgraph = false;  // --clusters on the drawn nodes, not the whole graph
  WeightOption weight;    // --weight: the ranking for --top and the --path costs
};

// Betweenness above this many nodes is estimated from kBetweennessSamples sampled sources.
inline constexpr std::uint32_t kExactBetweennessUpTo = 3000;
inline constexpr std::uint32_t kBetweennessSamples = 500;

// Adds GRAPH and the selection options to `sub` (--path only when `with_path`).
void add_selection_options(CLI::App* sub, SelectionOptions& o, bool with_path);

// Usage checks that need no input: --clusters, --by, --depth. Throws graph::InvalidArgument.
void check_selection(const SelectionOptions& o);

// The graph to draw (owned) and its drawing options: `draw` as given (title, legend, layout)
// with the focus, the path highlight and the clusters set, every index referring to `graph`,
// and merge_parallel decided from `merge_parallel` (nullopt: automatic, io/render/renderer.hpp).
struct DrawnSelection {
  std::shared_ptr<const graph::Graph> graph;
  io::DrawOptions draw;
  graph::WeightSource weight = graph::WeightSource::kNone;  // resolved on the whole file
};

// Runs the selection described in the file comment. Throws graph::NotFound for an unknown
// node (suggesting the closest names) or a missing path, graph::InvalidArgument when the
// focus is left out by the filters or more than io::kMaxRenderNodes nodes remain, and the
// loader's errors.
DrawnSelection select_drawing(const SelectionOptions& o, const io::DrawOptions& draw,
                              std::optional<bool> merge_parallel);

// Nodes of `g` best first by "degree", "pagerank" (directed) or "betweenness" (sampled above
// kExactBetweennessUpTo nodes); ties keep node order. With `weight` (not kNone) as
// `centrality` does by default: degree is strength, PageRank follows edges by weight and a
// betweenness hop costs 1 / weight; PageRank and betweenness need positive weights (throws
// graph::InvalidArgument naming the edge otherwise).
std::vector<graph::NodeIndex> rank_nodes(const graph::Graph& g, const std::string& by,
                                         graph::WeightSource weight = graph::WeightSource::kNone);

}  // namespace stakegraph::cli
