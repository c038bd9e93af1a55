#include "io/formats/legacy_weights.hpp"

#include <algorithm>
#include <string_view>

namespace stakegraph::io {

void upgrade_legacy_weights(graph::Graph& g) {
  const auto& bg = g.boost_graph();
  for (auto [it, end] = boost::edges(bg); it != end; ++it) {
    graph::EdgeData& d = g.edge_data(*it);
    const bool gdelt = std::any_of(d.evidence.begin(), d.evidence.end(), [](const auto& ev) {
      return std::string_view(ev.rule).starts_with("gdelt:");
    });
    if (gdelt) {
      if (!d.goldstein) d.goldstein = d.weight.value_or(0.0);
      d.weight.reset();
    } else if (d.weight == 1.0) {
      d.weight.reset();
    }
  }
}

}  // namespace stakegraph::io
