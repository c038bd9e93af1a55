// stakegraph render GRAPH -o OUT.(svg|png|pdf|dot): the relationship diagram through Graphviz
// (io/render.hpp, drawing rules in io/dot.hpp).
//
// Order of work: the filters (--kind, --relation, --since, --until, --no-hedged), then the
// ego network (--focus, --depth), then the shortest path (--path, undirected, by hops), then
// the top-N selection (--top, --by; the path's nodes are always kept), then the size check
// (more than io::kMaxRenderNodes nodes is refused with a hint), then clusters on the nodes
// actually drawn, then layout and output (atomic).
#include <algorithm>
#include <iostream>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "graph/betweenness.hpp"
#include "graph/camps.hpp"
#include "graph/centrality.hpp"
#include "graph/communities.hpp"
#include "graph/components.hpp"
#include "graph/csr.hpp"
#include "graph/error.hpp"
#include "graph/paths.hpp"
#include "graph/subgraph.hpp"
#include "io/formats.hpp"
#include "io/printable.hpp"
#include "io/render.hpp"

namespace stakegraph::cli {
namespace {

struct RenderCliOptions {
  std::string graph;
  std::string output;
  std::string layout;
  std::string focus;
  int depth = 1;
  std::vector<std::string> path;
  std::string clusters;
  std::size_t top = 0;
  std::string by = "degree";
  std::vector<std::string> kinds;
  std::vector<std::string> relations;
  std::string since;
  std::string until;
  bool no_hedged = false;
  bool no_legend = false;
  std::string title;
  std::string parallel = "auto";
};

// Betweenness above this many nodes is estimated from this many sampled sources.
constexpr std::uint32_t kExactBetweennessUpTo = 3000;
constexpr std::uint32_t kBetweennessSamples = 500;

std::vector<graph::NodeIndex> rank_nodes(const graph::Graph& g, const std::string& by) {
  std::vector<double> scores;
  if (by == "degree") {
    scores = graph::degree_centrality(graph::build_csr(g)).scores;
  } else if (by == "pagerank") {
    scores = graph::pagerank(graph::build_csr(g, {.directed = true})).scores;
  } else {  // betweenness
    graph::BetweennessOptions b;
    if (g.node_count() > kExactBetweennessUpTo) b.samples = kBetweennessSamples;
    scores = graph::betweenness_centrality(graph::build_csr(g), b).scores;
  }
  std::vector<graph::NodeIndex> order(g.node_count());
  std::iota(order.begin(), order.end(), graph::NodeIndex{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](graph::NodeIndex a, graph::NodeIndex b) { return scores[a] > scores[b]; });
  return order;
}

void add_clusters(const graph::Graph& g, const std::string& method, io::DrawOptions& draw) {
  std::vector<std::uint32_t> membership;
  std::string word;
  if (method == "components") {
    membership = graph::connected_components(graph::build_csr(g)).membership;
    word = "component";
  } else if (method == "louvain") {
    membership = graph::louvain(graph::build_csr(g)).membership;
    word = "community";
  } else {  // camps
    membership = graph::camps(graph::build_signed(g)).membership;
    word = "camp";
  }
  draw.cluster_of.assign(membership.begin(), membership.end());
  for (std::uint32_t c : membership)
    draw.cluster_labels.emplace(static_cast<int>(c), word + " " + std::to_string(c + 1));
}

void run_render(const RenderCliOptions& o) {
  // Usage errors first, before any work.
  const auto format = io::image_format_from_path(o.output);
  if (!format)
    throw graph::InvalidArgument(o.output +
                                 ": cannot tell the output format: use .svg, .png, .pdf or .dot");
  io::RenderOptions opts;
  if (!o.layout.empty()) {
    opts.layout = io::parse_layout(o.layout);
    if (!opts.layout)
      throw graph::InvalidArgument("--layout: unknown layout '" + o.layout +
                                   "' (one of: dot, neato, fdp, sfdp, circo)");
  }
  if (!o.clusters.empty()) {
    if (o.clusters != "components" && o.clusters != "louvain" && o.clusters != "camps")
      throw graph::InvalidArgument("--clusters: unknown method '" + o.clusters +
                                   "' (one of: components, louvain, camps)");
    if (opts.layout && !io::layout_draws_clusters(*opts.layout))
      throw graph::InvalidArgument("--clusters needs --layout dot or fdp (" +
                                   std::string(io::layout_name(*opts.layout)) +
                                   " does not draw cluster boxes)");
  }
  if (o.by != "degree" && o.by != "pagerank" && o.by != "betweenness")
    throw graph::InvalidArgument("--by: unknown ranking '" + o.by +
                                 "' (one of: degree, pagerank, betweenness)");
  if (o.depth < 0) throw graph::InvalidArgument("--depth must be 0 or more");
  if (o.parallel == "merge") {
    opts.merge_parallel = true;
  } else if (o.parallel == "separate") {
    opts.merge_parallel = false;
  } else if (o.parallel != "auto") {
    throw graph::InvalidArgument("--parallel-edges: unknown choice '" + o.parallel +
                                 "' (one of: auto, merge, separate)");
  }
  graph::FilterOptions filter = make_filter(o.kinds, o.relations, o.since, o.until);
  filter.exclude_hedged = o.no_hedged;

  graph::Graph g = io::load_graph(o.graph);
  if (!filter.selects_everything()) g = graph::filter(g, filter);

  if (!o.focus.empty()) {
    const auto center = g.find_node(o.focus);
    if (!center) {
      if (!filter.selects_everything() && io::load_graph(o.graph).find_node(o.focus))
        throw graph::InvalidArgument(o.graph + ": node '" + o.focus +
                                     "' is left out by the --kind/--relation/--since/--until/"
                                     "--no-hedged filters");
      resolve_node(g, o.focus, o.graph);  // throws, suggesting the closest names
    }
    g = graph::ego_network(g, *center, {.depth = o.depth});
  }

  // Everything below refers to `g`; select_for_drawing maps it onto the nodes drawn.
  opts.draw.title = o.title;
  opts.draw.legend = !o.no_legend;
  if (!o.focus.empty()) opts.draw.focus = g.find_node(o.focus);
  std::vector<graph::NodeIndex> path_nodes;
  if (!o.path.empty()) {
    const graph::NodeIndex from = resolve_node(g, o.path[0], o.graph);
    const graph::NodeIndex to = resolve_node(g, o.path[1], o.graph);
    const graph::PathResult r = graph::shortest_path(g, from, to);
    if (r.paths.empty())
      throw graph::NotFound(o.graph + ": no path between '" + g.node(from).name + "' and '" +
                            g.node(to).name + "' in the graph drawn");
    path_nodes = r.paths.front().nodes(from);
    opts.draw.highlighted_nodes = path_nodes;
    for (const graph::PathHop& hop : r.paths.front().hops)
      opts.draw.highlighted_edges.push_back(hop.edge);
  }

  if (o.top > 0 && o.top < g.node_count()) {
    // The top N of the ranking, plus the path's nodes when they are not among them.
    const std::vector<graph::NodeIndex> ranked = rank_nodes(g, o.by);
    std::vector<bool> in(g.node_count(), false);
    for (std::size_t i = 0; i < o.top; ++i) in[ranked[i]] = true;
    opts.ranking = path_nodes;
    for (graph::NodeIndex v : path_nodes) in[v] = false;
    for (std::size_t i = 0; i < o.top; ++i)
      if (in[ranked[i]]) opts.ranking.push_back(ranked[i]);
    opts.top = opts.ranking.size();
  }
  const std::size_t drawn_nodes = opts.top > 0 ? opts.top : g.node_count();
  if (drawn_nodes > io::kMaxRenderNodes)
    throw graph::InvalidArgument(
        o.graph + ": " + std::to_string(drawn_nodes) + " nodes are too many to draw (limit " +
        std::to_string(io::kMaxRenderNodes) + "): narrow it with --top N or --focus NODE --depth D");
  // The drawn graph: `g`, or the top selection of it. The selection's edge references point
  // into its own graph, so that graph is drawn as it is (never copied).
  io::Selection drawn = io::select_for_drawing(g, opts);
  opts.draw = std::move(drawn.draw);
  opts.ranking.clear();
  opts.top = 0;
  const graph::Graph& to_draw = *drawn.graph;
  if (!o.clusters.empty()) add_clusters(to_draw, o.clusters, opts.draw);

  io::Renderer renderer;
  renderer.render_to_file(to_draw, o.output, opts);
  for (const auto& w : renderer.warnings())
    std::cerr << "stakegraph: warning: " << io::printable(o.output + ": graphviz: " + w) << "\n";
}

}  // namespace

void setup_render(CLI::App& app) {
  auto opts = std::make_shared<RenderCliOptions>();
  CLI::App* sub = app.add_subcommand(
      "render",
      "Draw the graph through Graphviz as SVG (with tooltips), PNG, PDF or DOT.\n"
      "Shapes and colours by node kind, edge colour by sign (green cooperative, red\n"
      "conflictual, grey neutral), dashed when all evidence is hedged, thicker with more\n"
      "evidence. Layout: dot up to " +
          std::to_string(io::kAutoSfdpAbove) + " nodes and " +
          std::to_string(io::kAutoSfdpAboveEdges) +
          " edges, sfdp above (fdp with --clusters);\n"
          "more than " + std::to_string(io::kMaxRenderNodes) +
          " nodes are refused: narrow with --top or --focus.");
  sub->add_option("GRAPH", opts->graph, "graph file (.sgpb, .json, .graphml, .csv)")->required();
  sub->add_option("-o,--output", opts->output, "output file: .svg, .png, .pdf or .dot")
      ->required();
  sub->add_option("--layout", opts->layout, "dot, neato, fdp, sfdp or circo (default: by size)");
  auto* focus = sub->add_option("--focus", opts->focus, "draw the ego network of this node");
  sub->add_option("--depth", opts->depth, "hops around --focus (default 1)")->needs(focus);
  sub->add_option("--path", opts->path, "highlight a shortest path FROM TO and fade the rest")
      ->expected(2);
  sub->add_option("--clusters", opts->clusters,
                  "draw boxes around components, louvain communities or camps");
  auto* top = sub->add_option("--top", opts->top, "draw only the N highest-ranked nodes");
  sub->add_option("--by", opts->by, "ranking for --top: degree, pagerank or betweenness")
      ->needs(top);
  sub->add_option("--kind", opts->kinds, "keep only nodes of this kind (repeatable)")
      ->allow_extra_args(false);
  sub->add_option("--relation", opts->relations, "keep only edges of this relation (repeatable)")
      ->allow_extra_args(false);
  sub->add_option("--since", opts->since, "keep evidence dated on or after YYYY-MM-DD");
  sub->add_option("--until", opts->until, "keep evidence dated on or before YYYY-MM-DD");
  sub->add_flag("--no-hedged", opts->no_hedged, "drop hedged evidence (and edges left without)");
  sub->add_flag("--no-legend", opts->no_legend, "leave the legend out");
  sub->add_option("--title", opts->title, "title above the legend");
  sub->add_option("--parallel-edges", opts->parallel,
                  "auto, merge or separate: draw the relations from one node to another as\n"
                  "one edge labelled with them all (auto: merge when the graph drawn has\n"
                  "more than " +
                      std::to_string(io::kAutoMergeAbove) + " edges)");
  sub->callback([opts] { run_render(*opts); });
}

}  // namespace stakegraph::cli
