#include "cli/weight_option.hpp"

#include "graph/error.hpp"

namespace stakegraph::cli {

void add_weight_option(CLI::App* sub, WeightOption& o, const std::string& what) {
  sub->add_option("--weight", o.value,
                  "weight | evidence | none: the file's own edge weights, evidence counts, or "
                  "1 per edge (default: weight when the file has weights, else evidence); " +
                      what)
      ->check(CLI::IsMember({"weight", "evidence", "none"}));
  sub->add_flag("--weighted", o.weighted,
                "kept for old scripts: the default --weight (not with --weight none)");
}

graph::WeightSource resolve_weight(const WeightOption& o, const graph::Graph& g) {
  if (o.value.empty()) return graph::default_weight_source(g);
  const auto s = graph::parse_weight_source(o.value);
  if (!s) throw graph::InvalidArgument("--weight: one of weight, evidence, none");
  if (o.weighted && *s == graph::WeightSource::kNone)
    throw graph::InvalidArgument("--weighted contradicts --weight none");
  return *s;
}

}  // namespace stakegraph::cli
