#include "io/render/draw_selection.hpp"

#include <algorithm>
#include <numeric>

#include "graph/betweenness.hpp"
#include "graph/centrality.hpp"
#include "graph/csr.hpp"
#include "graph/error.hpp"
#include "graph/paths.hpp"
#include "io/render/selection.hpp"

namespace stakegraph::io {
namespace {

// The word of a cluster's caption ("camp 2").
std::string cluster_word(graph::ClusterMethod m) {
  switch (m) {
    case graph::ClusterMethod::kComponents:
    case graph::ClusterMethod::kStrongComponents:
      return "component";
    case graph::ClusterMethod::kCamps:
      return "camp";
    case graph::ClusterMethod::kLouvain:
    case graph::ClusterMethod::kLabelPropagation:
      break;
  }
  return "community";
}

// Clusters of `whole` (the defaults of `clusters`, so that a cluster has the same number in
// `clusters` and in the diagram), set on the nodes of `drawn` found by id.
void add_clusters(const graph::Graph& whole, const graph::Graph& drawn, graph::ClusterMethod method,
                  DrawOptions& draw) {
  const std::vector<std::uint32_t> membership =
      graph::cluster(whole, {.method = method}).membership;
  const std::string word = cluster_word(method);
  draw.cluster_of.assign(drawn.node_count(), -1);
  for (graph::NodeIndex v = 0; v < drawn.node_count(); ++v) {
    const auto w =
        &whole == &drawn ? std::optional<graph::NodeIndex>(v) : whole.find_by_id(drawn.node(v).id);
    if (!w) continue;
    const std::uint32_t c = membership[*w];
    draw.cluster_of[v] = static_cast<int>(c);
    draw.cluster_labels.emplace(static_cast<int>(c), word + " " + std::to_string(c + 1));
  }
}

graph::NodeIndex resolve(const graph::Graph& g, const std::string& name,
                         const DrawSelectionOptions& o) {
  if (o.resolve) return o.resolve(g, name);
  if (const auto v = g.find_node(name)) return *v;
  throw graph::NotFound(o.source + ": no node named '" + name + "'");
}

std::string too_many(const DrawSelectionOptions& o, std::size_t count, const char* what,
                     std::size_t limit, const char* note) {
  return o.source + ": " + std::to_string(count) + " " + what + " are too many to draw (limit " +
         std::to_string(limit) + note + "): narrow it with --top N or --focus NODE --depth D";
}

}  // namespace

std::string_view node_ranking_name(NodeRanking r) noexcept {
  switch (r) {
    case NodeRanking::kDegree:
      return "degree";
    case NodeRanking::kPageRank:
      return "pagerank";
    case NodeRanking::kBetweenness:
      return "betweenness";
  }
  return "";
}

std::optional<NodeRanking> parse_node_ranking(std::string_view name) noexcept {
  for (const NodeRanking r :
       {NodeRanking::kDegree, NodeRanking::kPageRank, NodeRanking::kBetweenness})
    if (node_ranking_name(r) == name) return r;
  return std::nullopt;
}

std::vector<graph::NodeIndex> rank_nodes(const graph::Graph& g, NodeRanking by,
                                         graph::WeightSource weight) {
  const bool weighted = weight != graph::WeightSource::kNone;
  std::vector<double> scores;
  switch (by) {
    case NodeRanking::kDegree:
      scores =
          graph::degree_centrality(graph::build_csr(g, {.weighted = weighted, .source = weight}),
                                   {.weighted = weighted})
              .scores;
      break;
    case NodeRanking::kPageRank: {
      graph::require_positive_weights(g, weight, true, "pagerank");
      graph::PageRankOptions p;
      p.weighted = weighted;
      scores =
          graph::pagerank(
              graph::build_csr(g, {.directed = true, .weighted = weighted, .source = weight}), p)
              .scores;
      break;
    }
    case NodeRanking::kBetweenness: {
      graph::require_positive_weights(g, weight, false, "betweenness");
      graph::BetweennessOptions b;
      if (g.node_count() > kExactBetweennessUpTo) b.samples = kBetweennessSamples;
      b.cost = weighted ? graph::EdgeCost::kInverseWeight : graph::EdgeCost::kHops;
      scores = graph::betweenness_centrality(
                   graph::build_csr(g, {.weighted = weighted, .source = weight}), b)
                   .scores;
      break;
    }
  }
  std::vector<graph::NodeIndex> order(g.node_count());
  std::iota(order.begin(), order.end(), graph::NodeIndex{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](graph::NodeIndex a, graph::NodeIndex b) { return scores[a] > scores[b]; });
  return order;
}

DrawnSelection select_drawing(graph::Graph g, const DrawSelectionOptions& o) {
  if (o.depth < 0) throw graph::InvalidArgument("--depth must be 0 or more");
  // Clusters are the whole graph's (as `clusters` computes them), unless clusters_on_drawn.
  std::optional<graph::Graph> whole;
  if (o.clusters && !o.clusters_on_drawn) whole = g;
  const bool focus_in_whole = !o.focus.empty() && g.find_node(o.focus).has_value();
  if (!o.filter.selects_everything()) g = graph::filter(g, o.filter);
  if (!o.focus.empty()) {
    const auto center = g.find_node(o.focus);
    if (!center) {
      if (!o.filter.selects_everything() && focus_in_whole)
        throw graph::InvalidArgument(o.source + ": node '" + o.focus +
                                     "' is left out by the --kind/--relation/--since/--until/"
                                     "--no-hedged filters");
      resolve(g, o.focus, o);  // throws (the resolver may suggest the closest names)
      throw graph::NotFound(o.source + ": no node named '" + o.focus + "'");
    }
    g = graph::ego_network(g, *center, {.depth = o.depth});
  }
  // From here on every index and edge reference refers to *selected, which is never moved
  // again (edge references point into it).
  const auto selected = std::make_shared<const graph::Graph>(std::move(g));
  const graph::Graph& sg = *selected;

  RenderOptions opts;
  opts.draw = o.draw;
  opts.merge_parallel = o.merge_parallel;
  if (!o.focus.empty()) opts.draw.focus = sg.find_node(o.focus);
  std::vector<graph::NodeIndex> path_nodes;
  if (o.path) {
    const graph::NodeIndex from = resolve(sg, o.path->first, o);
    const graph::NodeIndex to = resolve(sg, o.path->second, o);
    graph::PathOptions po;
    if (o.weight != graph::WeightSource::kNone) {
      graph::require_positive_weights(sg, o.weight, false, "a weighted path");
      po.cost = graph::EdgeCost::kInverseWeight;
      po.weights = o.weight;
    }
    const graph::PathResult r = graph::shortest_path(sg, from, to, po);
    if (r.paths.empty())
      throw graph::NotFound(o.source + ": no path between '" + sg.node(from).name + "' and '" +
                            sg.node(to).name + "' in the graph drawn");
    path_nodes = r.paths.front().nodes(from);
    opts.draw.highlighted_nodes = path_nodes;
    for (const graph::PathHop& hop : r.paths.front().hops)
      opts.draw.highlighted_edges.push_back(hop.edge);
  }

  if (o.top > 0 && o.top < sg.node_count()) {
    // The top N of the ranking, plus the path's nodes when they are not among them.
    const std::vector<graph::NodeIndex> ranked = rank_nodes(sg, o.by, o.weight);
    std::vector<bool> in(sg.node_count(), false);
    for (std::size_t i = 0; i < o.top; ++i) in[ranked[i]] = true;
    opts.ranking = path_nodes;
    for (graph::NodeIndex v : path_nodes) in[v] = false;
    for (std::size_t i = 0; i < o.top; ++i)
      if (in[ranked[i]]) opts.ranking.push_back(ranked[i]);
    opts.top = opts.ranking.size();
  }
  const std::size_t drawn_nodes = opts.top > 0 ? opts.top : sg.node_count();
  if (drawn_nodes > kMaxRenderNodes)
    throw graph::InvalidArgument(too_many(o, drawn_nodes, "nodes", kMaxRenderNodes, ""));
  // The drawn graph: `sg`, or the top selection of it (which select_for_drawing owns).
  Selection s = select_for_drawing(sg, opts);
  DrawnSelection out{s.graph.get() == &sg ? selected : std::move(s.graph), std::move(s.draw)};
  // The renderer refuses too many drawn edges too (io/render/renderer.hpp); here with advice.
  const std::size_t drawn_edges = drawn_edge_count(*out.graph, out.draw.merge_parallel);
  if (drawn_edges > kMaxRenderEdges)
    throw graph::InvalidArgument(
        too_many(o, drawn_edges, "edges", kMaxRenderEdges,
                 out.draw.merge_parallel ? ", parallel edges merged" : ""));
  if (o.clusters) add_clusters(whole ? *whole : *out.graph, *out.graph, *o.clusters, out.draw);
  return out;
}

}  // namespace stakegraph::io
