#include "cli/filters.hpp"

#include "cli/analytics.hpp"
#include "cli/common.hpp"

namespace stakegraph::cli {

void add_filter_options(CLI::App* sub, FilterFlags& f, const std::string& subgraph_help) {
  // One value per occurrence, so that `--kind vendor GRAPH` leaves GRAPH alone.
  sub->add_option("--kind", f.kinds, "keep only nodes of this kind (repeatable)")
      ->allow_extra_args(false);
  sub->add_option("--relation", f.relations, "keep only edges of this relation (repeatable)")
      ->allow_extra_args(false);
  sub->add_option("--since", f.since, "keep evidence dated on or after YYYY-MM-DD");
  sub->add_option("--until", f.until, "keep evidence dated on or before YYYY-MM-DD");
  sub->add_flag("--no-hedged", f.no_hedged, "drop hedged evidence (and edges left without)");
  if (!subgraph_help.empty()) sub->add_flag("--subgraph", f.subgraph, subgraph_help);
}

graph::FilterOptions filter_of(const FilterFlags& f) {
  graph::FilterOptions filter = make_filter(f.kinds, f.relations, f.since, f.until);
  filter.exclude_hedged = f.no_hedged;
  return filter;
}

std::string describe_filters(const FilterFlags& f) {
  std::string s;
  auto add = [&s](const std::string& option, const std::string& value) {
    if (!s.empty()) s += ' ';
    s += option;
    if (!value.empty()) s += ' ' + value;
  };
  for (const auto& k : f.kinds) add("--kind", k);
  for (const auto& r : f.relations) add("--relation", r);
  if (!f.since.empty()) add("--since", f.since);
  if (!f.until.empty()) add("--until", f.until);
  if (f.no_hedged) add("--no-hedged", "");
  return s;
}

graph::FilterOptions printed_filter(const FilterFlags& f) {
  graph::FilterOptions filter = filter_of(f);
  filter.drop_isolated = f.on_edges();
  return filter;
}

std::vector<bool> printed_nodes(const graph::Graph& g, const FilterFlags& f) {
  std::vector<bool> mask(g.node_count(), true);
  if (!f.any()) return mask;
  const graph::FilterOptions filter = printed_filter(f);
  const graph::Graph kept = graph::filter(g, filter);
  mask.assign(g.node_count(), false);
  for (graph::NodeIndex v = 0; v < kept.node_count(); ++v)
    if (auto w = g.find_by_id(kept.node(v).id)) mask[*w] = true;
  return mask;
}

bool parts_filters(const FilterFlags& f, std::optional<graph::FilterOptions>& shown,
                   std::optional<graph::FilterOptions>& computed) {
  shown.reset();
  computed.reset();
  if (!f.any()) return true;
  const graph::FilterOptions filter = filter_of(f);  // a bad kind or date first
  if (filter_reads_evidence(filter)) return false;
  if (f.subgraph)
    computed = filter;
  else
    shown = printed_filter(f);
  return true;
}

}  // namespace stakegraph::cli
