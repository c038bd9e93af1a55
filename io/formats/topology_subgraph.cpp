#include "io/formats/topology_subgraph.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "graph/error.hpp"
#include "graph/names.hpp"

namespace stakegraph::io {

std::optional<std::uint32_t> find_node(const TopologyArrays& t, std::string_view query) {
  const std::string folded = graph::fold_name(query);
  if (!folded.empty()) {
    for (std::size_t v = 0; v < t.node_count(); ++v)
      if (graph::fold_name(t.name(v)) == folded) return static_cast<std::uint32_t>(v);
    for (const auto& [v, alias] : t.aliases)
      if (graph::fold_name(graph::clean_name(alias)) == folded)
        return static_cast<std::uint32_t>(v);
  }
  for (std::size_t v = 0; v < t.node_count(); ++v)
    if (t.id(v) == query) return static_cast<std::uint32_t>(v);
  return std::nullopt;
}

graph::Csr constrained_csr(const TopologyArrays& t, const ConstrainedCsrOptions& o) {
  if (t.node_count() >= 0xFFFFFFFFu)
    throw graph::InvalidArgument("graph too large for the CSR view");
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  std::vector<float> weights;
  std::size_t w = 0;
  graph::EdgeData e;
  for (std::size_t i = 0; i < t.edge_count(); ++i) {
    e.weight.reset();
    if (w < t.weights.size() && t.weights[w].first == i) e.weight = t.weights[w++].second;
    const std::uint32_t s = t.sources[i], d = t.targets[i];
    if (o.skip_self_loops && s == d) continue;
    if (!o.allowed.empty() && (!o.allowed[s] || !o.allowed[d])) continue;
    if (!o.relations.empty() &&
        std::find(o.relations.begin(), o.relations.end(), t.relations[i]) == o.relations.end())
      continue;
    if (o.reversed)
      pairs.emplace_back(d, s);
    else
      pairs.emplace_back(s, d);
    if (o.weighted) {
      e.relation = t.relations[i];
      e.unloaded_evidence = t.evidence[i];
      weights.push_back(static_cast<float>(graph::edge_weight(e, o.source)));
    }
  }
  return graph::build_csr(static_cast<std::uint32_t>(t.node_count()), pairs, weights,
                          {.directed = o.directed, .weighted = o.weighted});
}

InducedGraph induced_graph(const TopologyArrays& t, const std::vector<std::uint32_t>& nodes) {
  constexpr std::uint32_t kOut = 0xFFFFFFFFu;
  std::vector<std::uint32_t> index(t.node_count(), kOut);
  InducedGraph out;
  graph::Graph& g = out.graph;
  for (const std::uint32_t v : nodes) {
    if (v >= t.node_count()) throw graph::InvalidArgument("induced_graph: node out of range");
    index[v] = static_cast<std::uint32_t>(g.add_node_with_id(t.id(v), t.name(v), t.kinds[v]));
  }
  std::size_t w = 0;
  for (std::size_t i = 0; i < t.edge_count(); ++i) {
    while (w < t.weights.size() && t.weights[w].first < i) ++w;
    const std::uint32_t s = index[t.sources[i]], d = index[t.targets[i]];
    if (s == kOut || d == kOut) continue;
    graph::EdgeData e;
    e.relation = t.relations[i];
    e.unloaded_evidence = t.evidence[i];
    if (w < t.weights.size() && t.weights[w].first == i) e.weight = t.weights[w].second;
    out.edges.push_back(g.append_edge_unchecked(s, d, std::move(e)));
    out.edge_numbers.push_back(i);
  }
  return out;
}

}  // namespace stakegraph::io
