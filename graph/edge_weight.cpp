#include "graph/edge_weight.hpp"

#include <cmath>
#include <sstream>
#include <string>

#include "graph/error.hpp"

namespace stakegraph::graph {

std::string_view weight_source_name(WeightSource s) noexcept {
  switch (s) {
    case WeightSource::kNone:
      return "none";
    case WeightSource::kEvidence:
      return "evidence";
    case WeightSource::kWeight:
      return "weight";
  }
  return "none";
}

std::optional<WeightSource> parse_weight_source(std::string_view name) noexcept {
  if (name == "none") return WeightSource::kNone;
  if (name == "evidence") return WeightSource::kEvidence;
  if (name == "weight") return WeightSource::kWeight;
  return std::nullopt;
}

double edge_weight(const EdgeData& e, WeightSource source) noexcept {
  switch (source) {
    case WeightSource::kNone:
      return 1.0;
    case WeightSource::kEvidence:
      return e.evidence_total() == 0 ? 1.0 : static_cast<double>(e.evidence_total());
    case WeightSource::kWeight:
      return e.weight.value_or(1.0);
  }
  return 1.0;
}

bool has_weights(const Graph& g) noexcept {
  const auto& bg = g.boost_graph();
  for (auto [it, end] = boost::edges(bg); it != end; ++it)
    if (bg[*it].weight) return true;
  return false;
}

WeightSource default_weight_source(const Graph& g) noexcept {
  return has_weights(g) ? WeightSource::kWeight : WeightSource::kEvidence;
}

std::optional<EdgeRef> find_bad_weight(const Graph& g, WeightSource source, bool allow_zero) {
  if (source != WeightSource::kWeight) return std::nullopt;  // counts are >= 1
  const auto& bg = g.boost_graph();
  for (auto [it, end] = boost::edges(bg); it != end; ++it) {
    if (boost::source(*it, bg) == boost::target(*it, bg)) continue;
    const double w = edge_weight(bg[*it], source);
    const bool ok = allow_zero ? w >= 0.0 : w > 0.0;  // false for NaN
    if (!ok) return *it;
  }
  return std::nullopt;
}

void require_positive_weights(const Graph& g, WeightSource source, bool allow_zero,
                              std::string_view what) {
  const auto bad = find_bad_weight(g, source, allow_zero);
  if (!bad) return;
  const EdgeData& d = g.edge(*bad);
  std::ostringstream w;
  w << edge_weight(d, source);
  throw InvalidArgument(std::string(what) + " needs " + (allow_zero ? "non-negative" : "positive") +
                        " edge weights: edge '" + g.node(g.source(*bad)).name + "' -> '" +
                        g.node(g.target(*bad)).name + "' (" +
                        std::string(relation_name(d.relation)) + ") has weight " + w.str() +
                        "; use --weight evidence or --weight none");
}

}  // namespace stakegraph::graph
