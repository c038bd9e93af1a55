#include "io/render/selection.hpp"

#include <filesystem>

#include "graph/error.hpp"
#include "graph/subgraph.hpp"
#include "io/text.hpp"

namespace stakegraph::io {

std::string_view image_format_name(ImageFormat f) noexcept {
  switch (f) {
    case ImageFormat::kSvg:
      return "svg";
    case ImageFormat::kPng:
      return "png";
    case ImageFormat::kPdf:
      return "pdf";
    case ImageFormat::kDot:
      return "dot";
  }
  return "";
}

std::optional<ImageFormat> image_format_from_path(const std::string& path) noexcept {
  const std::string ext = lower(std::filesystem::path(path).extension().string());
  if (ext == ".svg") return ImageFormat::kSvg;
  if (ext == ".png") return ImageFormat::kPng;
  if (ext == ".pdf") return ImageFormat::kPdf;
  if (ext == ".dot" || ext == ".gv") return ImageFormat::kDot;
  return std::nullopt;
}

std::string_view layout_name(Layout l) noexcept {
  switch (l) {
    case Layout::kDot:
      return "dot";
    case Layout::kNeato:
      return "neato";
    case Layout::kFdp:
      return "fdp";
    case Layout::kSfdp:
      return "sfdp";
    case Layout::kCirco:
      return "circo";
  }
  return "";
}

std::optional<Layout> parse_layout(std::string_view name) noexcept {
  const std::string s = lower(name);
  for (Layout l : {Layout::kDot, Layout::kNeato, Layout::kFdp, Layout::kSfdp, Layout::kCirco})
    if (s == layout_name(l)) return l;
  return std::nullopt;
}

bool layout_draws_clusters(Layout l) noexcept { return l == Layout::kDot || l == Layout::kFdp; }

Layout choose_layout(std::size_t node_count, std::size_t edge_count, const RenderOptions& options) {
  const bool clusters = !options.draw.cluster_of.empty();
  if (options.layout) {
    if (clusters && !layout_draws_clusters(*options.layout))
      throw graph::InvalidArgument("clusters are drawn only by the dot and fdp layouts, not " +
                                   std::string(layout_name(*options.layout)));
    return *options.layout;
  }
  if (node_count <= kAutoSfdpAbove && edge_count <= kAutoSfdpAboveEdges) return Layout::kDot;
  return clusters ? Layout::kFdp : Layout::kSfdp;
}

namespace {

bool merging(const graph::Graph& drawn, const RenderOptions& options) {
  return options.merge_parallel.value_or(options.draw.merge_parallel ||
                                         drawn.edge_count() > kAutoMergeAbove);
}

}  // namespace

Selection select_for_drawing(const graph::Graph& g, const RenderOptions& options) {
  if (options.top == 0 || options.top >= g.node_count()) {
    Selection s{std::shared_ptr<const graph::Graph>(&g, [](const graph::Graph*) {}), options.draw};
    s.draw.merge_parallel = merging(g, options);
    return s;
  }
  std::vector<graph::NodeIndex> keep;
  std::vector<bool> taken(g.node_count(), false);
  for (graph::NodeIndex v : options.ranking) {
    if (keep.size() == options.top) break;
    if (v < g.node_count() && !taken[v]) {
      taken[v] = true;
      keep.push_back(v);
    }
  }
  Selection s{std::make_shared<const graph::Graph>(graph::induced_subgraph(g, keep)), {}};
  const graph::Graph& h = *s.graph;
  const DrawOptions& from = options.draw;
  DrawOptions& to = s.draw;
  to.title = from.title;
  to.legend = from.legend;
  to.layout = from.layout;
  to.cluster_labels = from.cluster_labels;
  auto map_node = [&](graph::NodeIndex v) -> std::optional<graph::NodeIndex> {
    if (v >= g.node_count()) throw graph::InvalidArgument("drawing: node index out of range");
    return h.find_by_id(g.node(v).id);
  };
  if (!from.cluster_of.empty()) {
    if (from.cluster_of.size() != g.node_count())
      throw graph::InvalidArgument("drawing: cluster_of does not have one entry per node");
    to.cluster_of.assign(h.node_count(), -1);
    for (graph::NodeIndex v = 0; v < g.node_count(); ++v)
      if (auto w = map_node(v)) to.cluster_of[*w] = from.cluster_of[v];
  }
  for (graph::NodeIndex v : from.highlighted_nodes)
    if (auto w = map_node(v)) to.highlighted_nodes.push_back(*w);
  for (graph::EdgeRef e : from.highlighted_edges) {
    const auto s2 = map_node(g.source(e)), t2 = map_node(g.target(e));
    if (!s2 || !t2) continue;
    if (auto f = h.find_edge(*s2, *t2, g.edge(e).relation)) to.highlighted_edges.push_back(*f);
  }
  if (from.focus) to.focus = map_node(*from.focus);
  to.merge_parallel = merging(h, options);
  return s;
}

PreparedDrawing prepare_drawing(const graph::Graph& g, const RenderOptions& options) {
  Selection s = select_for_drawing(g, options);
  const std::size_t n = s.graph->node_count();
  if (options.max_nodes != 0 && n > options.max_nodes)
    throw graph::InvalidArgument("refusing to draw " + std::to_string(n) + " nodes (the limit is " +
                                 std::to_string(options.max_nodes) + "): select fewer nodes first");
  const std::size_t edges = drawn_edge_count(*s.graph, s.draw.merge_parallel);
  if (options.max_edges != 0 && edges > options.max_edges)
    throw graph::InvalidArgument("refusing to draw " + std::to_string(edges) +
                                 " edges (the limit is " + std::to_string(options.max_edges) +
                                 "): select fewer nodes first");
  const Layout layout = choose_layout(n, edges, options);
  s.draw.layout = std::string(layout_name(layout));
  DotDocument doc = make_dot_document(*s.graph, s.draw);
  return {std::move(s), layout, std::move(doc)};
}

}  // namespace stakegraph::io
