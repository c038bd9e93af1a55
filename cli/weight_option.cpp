#include "cli/weight_option.hpp"

#include "graph/error.hpp"

namespace stakegraph::cli {

void add_weight_option(CLI::App* sub, WeightOption& o, const std::string& what) {
  sub->add_option("--weight", o.value,
                  "weight | evidence | none: the file's own edge weights (an edge without one "
                  "counts 1), evidence counts, or 1 per edge (the default); " + what)
      ->check(CLI::IsMember({"weight", "evidence", "none"}));
  sub->add_flag("--weighted", o.weighted,
                "weighted by the file's own weights when it has some, else by evidence counts");
}

graph::WeightSource resolve_weight(const WeightOption& o, const graph::Graph& g) {
  // Unset: unweighted as before --weight existed (the results of every command and script
  // stay what they were); --weighted: the file's own weights when it has some, else evidence.
  if (o.value.empty())
    return o.weighted ? graph::default_weight_source(g) : graph::WeightSource::kNone;
  const auto s = graph::parse_weight_source(o.value);
  if (!s) throw graph::InvalidArgument("--weight: one of weight, evidence, none");
  if (o.weighted && *s == graph::WeightSource::kNone)
    throw graph::InvalidArgument("--weighted contradicts --weight none");
  return *s;
}

}  // namespace stakegraph::cli
