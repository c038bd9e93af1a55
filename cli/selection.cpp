#include "cli/selection.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
#include <utility>

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

namespace stakegraph::cli {
namespace {

// Clusters of `whole` (the options of `clusters`' defaults, so that a camp has the same
// number in `clusters` and in the diagram), set on the nodes of `drawn` found by id.
void add_clusters(const graph::Graph& whole, const graph::Graph& drawn, const std::string& method,
                  io::DrawOptions& draw) {
  std::vector<std::uint32_t> membership;
  std::string word;
  if (method == "components") {
    membership = graph::connected_components(graph::build_csr(whole)).membership;
    word = "component";
  } else if (method == "louvain") {
    membership = graph::louvain(graph::build_csr(whole), {.restarts = 4}).membership;
    word = "community";
  } else {  // camps
    membership = graph::camps(graph::build_signed(whole)).membership;
    word = "camp";
  }
  draw.cluster_of.assign(drawn.node_count(), -1);
  for (graph::NodeIndex v = 0; v < drawn.node_count(); ++v) {
    const auto w = &whole == &drawn ? std::optional<graph::NodeIndex>(v)
                                    : whole.find_by_id(drawn.node(v).id);
    if (!w) continue;
    const std::uint32_t c = membership[*w];
    draw.cluster_of[v] = static_cast<int>(c);
    draw.cluster_labels.emplace(static_cast<int>(c), word + " " + std::to_string(c + 1));
  }
}

}  // namespace

std::vector<graph::NodeIndex> rank_nodes(const graph::Graph& g, const std::string& by,
                                         graph::WeightSource weight) {
  const bool weighted = weight != graph::WeightSource::kNone;
  std::vector<double> scores;
  if (by == "degree") {
    scores = graph::degree_centrality(graph::build_csr(g, {.weighted = weighted, .source = weight}),
                                      {.weighted = weighted})
                 .scores;
  } else if (by == "pagerank") {
    graph::require_positive_weights(g, weight, true, "pagerank");
    graph::PageRankOptions p;
    p.weighted = weighted;
    scores = graph::pagerank(
                 graph::build_csr(g, {.directed = true, .weighted = weighted, .source = weight}), p)
                 .scores;
  } else {  // betweenness
    graph::require_positive_weights(g, weight, false, "betweenness");
    graph::BetweennessOptions b;
    if (g.node_count() > kExactBetweennessUpTo) b.samples = kBetweennessSamples;
    b.cost = weighted ? graph::EdgeCost::kInverseWeight : graph::EdgeCost::kHops;
    scores = graph::betweenness_centrality(
                 graph::build_csr(g, {.weighted = weighted, .source = weight}), b)
                 .scores;
  }
  std::vector<graph::NodeIndex> order(g.node_count());
  std::iota(order.begin(), order.end(), graph::NodeIndex{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](graph::NodeIndex a, graph::NodeIndex b) { return scores[a] > scores[b]; });
  return order;
}

void add_selection_options(CLI::App* sub, SelectionOptions& o, bool with_path) {
  sub->add_option("GRAPH", o.graph, "graph file (.sgpb, .json, .graphml, .csv)")->required();
  auto* focus = sub->add_option("--focus", o.focus, "draw the ego network of this node");
  sub->add_option("--depth", o.depth, "hops around --focus (default 1)")->needs(focus);
  if (with_path)
    sub->add_option("--path", o.path, "highlight a shortest path FROM TO and fade the rest")
        ->expected(2);
  sub->add_option("--clusters", o.clusters,
                  "draw boxes around components, louvain communities or camps of the whole "
                  "graph (numbered as `clusters` numbers them)");
  add_weight_option(sub, o.weight,
                    "ranks --top (strength, weighted PageRank, betweenness with hops costing "
                    "1 / weight) and costs --path hops");
  sub->add_flag("--subgraph", o.subgraph,
                "compute --clusters on the drawn nodes only (default: on the whole graph)");
  auto* top = sub->add_option("--top", o.top, "draw only the N highest-ranked nodes");
  sub->add_option("--by", o.by, "ranking for --top: degree, pagerank or betweenness")->needs(top);
  // One value per occurrence, so that `--kind vendor GRAPH` leaves GRAPH alone.
  sub->add_option("--kind", o.kinds, "keep only nodes of this kind (repeatable)")
      ->allow_extra_args(false);
  sub->add_option("--relation", o.relations, "keep only edges of this relation (repeatable)")
      ->allow_extra_args(false);
  sub->add_option("--since", o.since, "keep evidence dated on or after YYYY-MM-DD");
  sub->add_option("--until", o.until, "keep evidence dated on or before YYYY-MM-DD");
  sub->add_flag("--no-hedged", o.no_hedged, "drop hedged evidence (and edges left without)");
}

void check_selection(const SelectionOptions& o) {
  if (!o.clusters.empty() && o.clusters != "components" && o.clusters != "louvain" &&
      o.clusters != "camps")
    throw graph::InvalidArgument("--clusters: unknown method '" + o.clusters +
                                 "' (one of: components, louvain, camps)");
  if (o.by != "degree" && o.by != "pagerank" && o.by != "betweenness")
    throw graph::InvalidArgument("--by: unknown ranking '" + o.by +
                                 "' (one of: degree, pagerank, betweenness)");
  if (o.depth < 0) throw graph::InvalidArgument("--depth must be 0 or more");
}

DrawnSelection select_drawing(const SelectionOptions& o, const io::DrawOptions& draw,
                              std::optional<bool> merge_parallel) {
  check_selection(o);
  graph::FilterOptions filter = make_filter(o.kinds, o.relations, o.since, o.until);
  filter.exclude_hedged = o.no_hedged;

  graph::Graph loaded = io::load_graph(o.graph);
  // As `centrality` and `path`: the file's own weights when it has some, else evidence.
  const graph::WeightSource weight = resolve_weight(o.weight, loaded);
  // Clusters are the whole graph's (as `clusters` computes them), unless --subgraph.
  std::optional<graph::Graph> whole;
  if (!o.clusters.empty() && !o.subgraph) whole = loaded;
  if (!filter.selects_everything()) loaded = graph::filter(loaded, filter);
  if (!o.focus.empty()) {
    const auto center = loaded.find_node(o.focus);
    if (!center) {
      if (!filter.selects_everything() && io::load_graph(o.graph).find_node(o.focus))
        throw graph::InvalidArgument(o.graph + ": node '" + o.focus +
                                     "' is left out by the --kind/--relation/--since/--until/"
                                     "--no-hedged filters");
      resolve_node(loaded, o.focus, o.graph);  // throws, suggesting the closest names
    }
    loaded = graph::ego_network(loaded, *center, {.depth = o.depth});
  }
  // From here on every index and edge reference refers to *selected, which is never moved
  // again (edge references point into it).
  const auto selected = std::make_shared<const graph::Graph>(std::move(loaded));
  const graph::Graph& g = *selected;

  io::RenderOptions opts;
  opts.draw = draw;
  opts.merge_parallel = merge_parallel;
  if (!o.focus.empty()) opts.draw.focus = g.find_node(o.focus);
  std::vector<graph::NodeIndex> path_nodes;
  if (!o.path.empty()) {
    const graph::NodeIndex from = resolve_node(g, o.path[0], o.graph);
    const graph::NodeIndex to = resolve_node(g, o.path[1], o.graph);
    graph::PathOptions po;
    if (weight != graph::WeightSource::kNone) {
      graph::require_positive_weights(g, weight, false, "a weighted path");
      po.cost = graph::EdgeCost::kInverseWeight;
      po.weights = weight;
    }
    const graph::PathResult r = graph::shortest_path(g, from, to, po);
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
    const std::vector<graph::NodeIndex> ranked = rank_nodes(g, o.by, weight);
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
    throw graph::InvalidArgument(o.graph + ": " + std::to_string(drawn_nodes) +
                                 " nodes are too many to draw (limit " +
                                 std::to_string(io::kMaxRenderNodes) +
                                 "): narrow it with --top N or --focus NODE --depth D");
  // The drawn graph: `g`, or the top selection of it (which select_for_drawing owns).
  io::Selection s = io::select_for_drawing(g, opts);
  DrawnSelection out{s.graph.get() == &g ? selected : std::move(s.graph), std::move(s.draw),
                     weight};
  // The renderer refuses too many drawn edges too (io/render/renderer.hpp); here with the advice.
  const std::size_t drawn_edges = io::drawn_edge_count(*out.graph, out.draw.merge_parallel);
  if (drawn_edges > io::kMaxRenderEdges)
    throw graph::InvalidArgument(
        o.graph + ": " + std::to_string(drawn_edges) + " edges are too many to draw (limit " +
        std::to_string(io::kMaxRenderEdges) +
        (out.draw.merge_parallel ? ", parallel edges merged" : "") +
        "): narrow it with --top N or --focus NODE --depth D");
  if (!o.clusters.empty())
    add_clusters(whole ? *whole : *out.graph, *out.graph, o.clusters, out.draw);
  return out;
}

}  // namespace stakegraph::cli
