#include "cli/weight_option.hpp"

#include "graph/error.hpp"

namespace stakegraph::cli {

void add_weight_option(CLI::App* sub, WeightOption& o, const std::string& what) {
  sub->add_option("--weight", o.value,
                  "weight | evidence | none: the file's own edge weights (an edge without one "
                  "counts 1), evidence counts, or 1 per edge (unweighted). Default: weight when "
                  "some edge of the file has one, else evidence; " +
                      what)
      ->check(CLI::IsMember({"weight", "evidence", "none"}));
  sub->add_flag("--weighted", o.weighted,
                "the default, kept for old scripts: the file's own weights when it has some, "
                "else evidence counts");
}

graph::WeightSource resolve_weight(const WeightOption& o, const graph::Graph& g) {
  return resolve_weight(o, graph::has_weights(g));
}

graph::WeightSource resolve_weight(const WeightOption& o, bool file_has_weights) {
  // Unset (with or without --weighted): the file's own weights when it has some, else
  // evidence counts (issue 15); --weight none gives the unweighted results.
  if (o.value.empty())
    return file_has_weights ? graph::WeightSource::kWeight : graph::WeightSource::kEvidence;
  const auto s = graph::parse_weight_source(o.value);
  if (!s) throw graph::InvalidArgument("--weight: one of weight, evidence, none");
  if (o.weighted && *s == graph::WeightSource::kNone)
    throw graph::InvalidArgument("--weighted contradicts --weight none");
  return *s;
}

}  // namespace stakegraph::cli
