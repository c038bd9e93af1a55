// The options of what a drawing shows, shared by `render` and `report`: --kind, --relation,
// --since, --until, --no-hedged, --focus, --depth, --path, --top, --by, --clusters,
// --subgraph, --weight; their usage checks; and the selection: the graph file loaded, the
// weight resolved on it, and io::select_drawing (io/render/draw_selection.hpp, which says
// what is drawn, in which order, and its complexity) called with these options.
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
#include "io/render/draw_selection.hpp"
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

// Adds GRAPH and the selection options to `sub` (--path only when `with_path`).
void add_selection_options(CLI::App* sub, SelectionOptions& o, bool with_path);

// Usage checks that need no input: --clusters, --by, --depth. Throws graph::InvalidArgument.
void check_selection(const SelectionOptions& o);

// The options of io::select_drawing for `o` (source: the file; weight left to the caller,
// who resolves it on the loaded graph), the focus and path ends found by cli::resolve_node
// (suggesting the closest names). Throws graph::InvalidArgument as check_selection and for
// an unknown kind, relation or date.
io::DrawSelectionOptions draw_selection_options(const SelectionOptions& o);

// The graph to draw (owned) and its drawing options: `draw` as given (title, legend, layout)
// with the focus, the path highlight and the clusters set, every index referring to `graph`,
// and merge_parallel decided from `merge_parallel` (nullopt: automatic, io/render/renderer.hpp).
struct DrawnSelection {
  std::shared_ptr<const graph::Graph> graph;
  io::DrawOptions draw;
  graph::WeightSource weight = graph::WeightSource::kNone;  // resolved on the whole file
};

// Loads o.graph and runs io::select_drawing on it. Throws graph::NotFound for an unknown
// node (suggesting the closest names) or a missing path, graph::InvalidArgument when the
// focus is left out by the filters or more than io::kMaxRenderNodes nodes remain, and the
// loader's errors.
DrawnSelection select_drawing(const SelectionOptions& o, const io::DrawOptions& draw,
                              std::optional<bool> merge_parallel);

}  // namespace stakegraph::cli
