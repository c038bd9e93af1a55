// The drawing selection: which nodes are drawn (a ranking's top N), with which layout engine,
// output format and limits. No Graphviz call: io/render/renderer.hpp draws the selection.
//
// Layout engines: dot (layered; draws cluster boxes), neato, fdp (draws cluster boxes), sfdp
// (multilevel force-directed, for large graphs), circo. Without an explicit engine, dot is
// used up to kAutoSfdpAbove nodes and kAutoSfdpAboveEdges drawn edges, and sfdp above
// (fdp above, with clusters). Parallel edges are merged (DrawOptions::merge_parallel) when
// the graph drawn has more than kAutoMergeAbove edges, unless the caller says. Clusters need
// dot or fdp. Drawings are refused above max_nodes (kMaxRenderNodes by default) and above
// max_edges drawn edges (kMaxRenderEdges, counted after merging): select fewer nodes first
// (a top-N ranking, an ego network).
// Complexity: select_for_drawing is O(V + E) (an induced subgraph when top > 0).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.hpp"
#include "io/render/dot.hpp"

namespace stakegraph::io {

enum class ImageFormat { kSvg, kPng, kPdf, kDot };
std::string_view image_format_name(ImageFormat f) noexcept;
// From the extension of `path`: .svg, .png, .pdf, .dot/.gv (case-insensitive).
std::optional<ImageFormat> image_format_from_path(const std::string& path) noexcept;

enum class Layout { kDot, kNeato, kFdp, kSfdp, kCirco };
std::string_view layout_name(Layout l) noexcept;
// "dot", "neato", "fdp", "sfdp", "circo" (case-insensitive); nullopt otherwise.
std::optional<Layout> parse_layout(std::string_view name) noexcept;
// True for the engines that draw cluster boxes (dot, fdp).
bool layout_draws_clusters(Layout l) noexcept;

// Above this many nodes `dot` takes too long (tens of seconds at ~500 nodes): the automatic
// choice is sfdp (fdp with clusters).
inline constexpr std::size_t kAutoSfdpAbove = 300;
// Likewise above this many drawn edges, whatever the node count (dot on the top 100 nodes
// of a news graph, tied by thousands of edges, takes many minutes).
inline constexpr std::size_t kAutoSfdpAboveEdges = 600;
// Above this many edges in the graph drawn, parallel edges are merged by default: one edge
// per ordered pair of nodes.
inline constexpr std::size_t kAutoMergeAbove = 300;
// Drawings with more nodes than this are refused unless the caller raises max_nodes: the
// result is unreadable and the layout takes minutes.
inline constexpr std::size_t kMaxRenderNodes = 2000;
// Likewise drawings with more drawn edges than this (after parallel edges are merged):
// 2,000 nodes tied by 100,000 distinct pairs ran for over 300 s in sfdp; on a loaded
// machine 10,000 distinct pairs took 54 s and 20,000 took 209 s.
inline constexpr std::size_t kMaxRenderEdges = 10000;

// PNG output: 96 dots per inch, scaled down (never up) to fit kMaxPngPixels on its longer
// side; SVG and PDF are vector drawings and keep their natural size.
inline constexpr int kPngDpi = 96;
inline constexpr int kMaxPngPixels = 6000;

struct RenderOptions {
  DrawOptions draw;                         // indices refer to the graph passed to render
  std::optional<Layout> layout;             // nullopt: automatic (see the file comment)
  std::vector<graph::NodeIndex> ranking;    // best first; with top > 0 only the first `top`
  std::size_t top = 0;                      // nodes of the ranking are drawn (induced subgraph)
  std::size_t max_nodes = kMaxRenderNodes;  // 0: no limit
  std::size_t max_edges = kMaxRenderEdges;  // drawn edges, after merging; 0: no limit
  std::optional<bool> merge_parallel;       // nullopt: automatic (kAutoMergeAbove); else it
                                            // replaces draw.merge_parallel
};

// The engine used for a drawing of `node_count` nodes and `edge_count` drawn edges. Throws
// graph::InvalidArgument when clusters are asked for with an engine that does not draw them.
Layout choose_layout(std::size_t node_count, std::size_t edge_count, const RenderOptions& options);

// A node's box after layout, in points (1/72 inch), centre (x, y), full width and height.
struct NodeBox {
  std::string id;
  double x = 0, y = 0, width = 0, height = 0;
};

// The graph actually drawn: the ranking's top selection applied, every index of `draw`
// remapped to it, draw.merge_parallel decided (RenderOptions::merge_parallel). Without a
// selection (top = 0 or >= node count) `graph` points at the input graph, which must then
// outlive the Selection; otherwise it owns the subgraph.
// Exposed for tests and callers that want to report what was drawn.
struct Selection {
  std::shared_ptr<const graph::Graph> graph;
  DrawOptions draw;
};
Selection select_for_drawing(const graph::Graph& g, const RenderOptions& options);

// The selection to draw, its engine and its document, with every check done: throws
// graph::InvalidArgument above max_nodes or max_edges, or for clusters with an engine that does
// not draw them (choose_layout).
struct PreparedDrawing {
  Selection selection;
  Layout layout = Layout::kDot;
  DotDocument doc;
};
PreparedDrawing prepare_drawing(const graph::Graph& g, const RenderOptions& options);

}  // namespace stakegraph::io
