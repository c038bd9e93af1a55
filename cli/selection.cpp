#include "cli/selection.hpp"

#include <optional>
#include <utility>

#include "cli/common.hpp"
#include "graph/error.hpp"
#include "io/formats/formats.hpp"

namespace stakegraph::cli {

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
  if (!io::parse_node_ranking(o.by))
    throw graph::InvalidArgument("--by: unknown ranking '" + o.by +
                                 "' (one of: degree, pagerank, betweenness)");
  if (o.depth < 0) throw graph::InvalidArgument("--depth must be 0 or more");
  if (!o.path.empty() && o.path.size() != 2)
    throw graph::InvalidArgument("--path takes two nodes: FROM TO");
}

io::DrawSelectionOptions draw_selection_options(const SelectionOptions& o) {
  check_selection(o);
  io::DrawSelectionOptions d;
  d.source = o.graph;
  d.filter = make_filter(o.kinds, o.relations, o.since, o.until);
  d.filter.exclude_hedged = o.no_hedged;
  d.focus = o.focus;
  d.depth = o.depth;
  if (!o.path.empty()) d.path = std::make_pair(o.path.at(0), o.path.at(1));
  d.top = o.top;
  d.by = *io::parse_node_ranking(o.by);
  if (!o.clusters.empty()) d.clusters = graph::parse_cluster_method(o.clusters);
  d.clusters_on_drawn = o.subgraph;
  const std::string file = o.graph;
  d.resolve = [file](const graph::Graph& g, const std::string& name) {
    return resolve_node(g, name, file);
  };
  return d;
}

DrawnSelection select_drawing(const SelectionOptions& o, const io::DrawOptions& draw,
                              std::optional<bool> merge_parallel) {
  io::DrawSelectionOptions d = draw_selection_options(o);  // usage errors before loading
  graph::Graph loaded = io::load_graph(o.graph);
  // As `centrality` and `path`: the file's own weights when it has some, else evidence.
  const graph::WeightSource weight = resolve_weight(o.weight, loaded);
  d.weight = weight;
  d.draw = draw;
  d.merge_parallel = merge_parallel;
  io::DrawnSelection s = io::select_drawing(std::move(loaded), d);
  return DrawnSelection{std::move(s.graph), std::move(s.draw), weight};
}

}  // namespace stakegraph::cli
