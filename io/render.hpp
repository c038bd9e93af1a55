// Rendering through Graphviz, in process (cgraph + gvc C API; never the `dot` program).
//
// Renderer is the only code in stakegraph that calls Graphviz. Graphviz 2.42 keeps global
// state (error hooks, the cgraph string dictionaries, plugin loaders) and is not
// thread-safe, so every Graphviz call of every Renderer runs on ONE dedicated thread owned by
// this module; Renderer methods hand their work to it and wait, so they may be called from
// any thread. That thread owns the one GVC context of the process: created when the first
// Renderer is, freed (gvFreeContext) when the thread stops at exit. One context, not one per
// Renderer, because in 2.42 (a) the pango text plugin caches a pointer into a context's font
// table, so creating a context after freeing another reads freed memory (found with ASan),
// and (b) every gvContext leaks its copy of the plugin configuration (gvconfig). Every graph
// is agclose'd and every layout gvFreeLayout'ed before a call returns, also when it throws.
// Graphviz messages are captured (never printed): errors become graph::Error, warnings are
// kept in warnings(). gvLayout may return success after reporting an error (2.42: dot's
// "trouble in init_rank" on clusters); such a layout is an error and is deliberately not
// freed, because gvFreeLayout then frees memory twice (found with ASan); its memory is lost.
// io/dot.cpp sets newrank, which avoids that trigger (and, with clusters, the double free
// that dot's old ranking causes through labelled flat edges even without an error).
//
// Layout engines: dot (layered; draws cluster boxes), neato, fdp (draws cluster boxes), sfdp
// (multilevel force-directed, for large graphs), circo. Without an explicit engine, dot is
// used up to kAutoSfdpAbove nodes and kAutoSfdpAboveEdges drawn edges, and sfdp above
// (fdp above, with clusters). Parallel edges are merged (DrawOptions::merge_parallel) when
// the graph drawn has more than kAutoMergeAbove edges, unless the caller says. Clusters need
// dot or fdp. Drawings are refused above max_nodes (kMaxRenderNodes by default) and above
// max_edges drawn edges (kMaxRenderEdges, counted after merging): select fewer nodes first
// (a top-N ranking, an ego network).
// Time: dot is roughly quadratic in practice (crossing minimisation); sfdp about
// O(V log V + E) per level; circo is the slowest (about 7 s at 200 nodes, 400 edges) and is
// meant for small graphs. Figures: bench/render_bench.cpp.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.hpp"
#include "io/dot.hpp"

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
  DrawOptions draw;                       // indices refer to the graph passed to render
  std::optional<Layout> layout;           // nullopt: automatic (see the file comment)
  std::vector<graph::NodeIndex> ranking;  // best first; with top > 0 only the first `top`
  std::size_t top = 0;                    // nodes of the ranking are drawn (induced subgraph)
  std::size_t max_nodes = kMaxRenderNodes;  // 0: no limit
  std::size_t max_edges = kMaxRenderEdges;  // drawn edges, after merging; 0: no limit
  std::optional<bool> merge_parallel;     // nullopt: automatic (kAutoMergeAbove); else it
                                          // replaces draw.merge_parallel
};

// The engine used for a drawing of `node_count` nodes and `edge_count` drawn edges. Throws
// graph::InvalidArgument when clusters are asked for with an engine that does not draw them.
Layout choose_layout(std::size_t node_count, std::size_t edge_count,
                     const RenderOptions& options);

// A node's box after layout, in points (1/72 inch), centre (x, y), full width and height.
struct NodeBox {
  std::string id;
  double x = 0, y = 0, width = 0, height = 0;
};

// The graph actually drawn: the ranking's top selection applied, every index of `draw`
// remapped to it, draw.merge_parallel decided (RenderOptions::merge_parallel). Without a selection (top = 0 or >= node count) `graph` points at the
// input graph, which must then outlive the Selection; otherwise it owns the subgraph.
// Exposed for tests and callers that want to report what was drawn.
struct Selection {
  std::shared_ptr<const graph::Graph> graph;
  DrawOptions draw;
};
Selection select_for_drawing(const graph::Graph& g, const RenderOptions& options);

class Renderer final {
 public:
  // Starts the Graphviz thread and its context on first use. Throws graph::Error if Graphviz
  // cannot start.
  Renderer();
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  // The bytes of the drawing in `format` (SVG text, PNG, PDF, or DOT text). Throws
  // graph::InvalidArgument for too many nodes or edges or clusters with the wrong engine, and
  // graph::Error when Graphviz fails (e.g. no cairo plugin for PNG/PDF).
  std::string render(const graph::Graph& g, ImageFormat format, const RenderOptions& options = {});

  // render() to a file, written atomically (io::AtomicFile). Format from the extension;
  // graph::InvalidArgument when it is not .svg, .png, .pdf or .dot. Other errors name
  // `path` ("OUT.svg: graphviz: layout with dot failed: ...", "OUT.svg: out of memory
  // while drawing").
  void render_to_file(const graph::Graph& g, const std::string& path,
                      const RenderOptions& options = {});

  // Lays the graph out and returns every node's box (same selection and engine as render).
  std::vector<NodeBox> layout_boxes(const graph::Graph& g, const RenderOptions& options = {});

  // Low level: build `doc` through cgraph and write it as DOT (agwrite), or lay it out with
  // `layout` and render it. Used by write_dot and the functions above.
  void write_dot(const DotDocument& doc, std::ostream& out);
  std::string render_document(const DotDocument& doc, Layout layout, ImageFormat format);

  // The device formats this Graphviz has a plugin for ("svg", "png", "pdf", ...).
  std::vector<std::string> available_formats();

  // Warnings Graphviz reported during this renderer's calls, oldest first.
  const std::vector<std::string>& warnings() const noexcept { return warnings_; }

 private:
  std::vector<std::string> warnings_;
};

}  // namespace stakegraph::io
