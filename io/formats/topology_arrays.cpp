#include "io/formats/topology_arrays.hpp"

#include <algorithm>

#include "graph/error.hpp"
#include "graph/graph.hpp"

namespace stakegraph::io {
namespace {

// Calls f(edge number, EdgeData) for every edge in order, the EdgeData holding what
// graph::edge_weight reads (relation, user weight, evidence count as unloaded evidence).
template <class F>
void for_each_edge_data(const TopologyArrays& t, F&& f) {
  graph::EdgeData e;
  std::size_t w = 0;
  for (std::size_t i = 0; i < t.edge_count(); ++i) {
    e.relation = t.relations[i];
    e.unloaded_evidence = t.evidence[i];
    e.weight.reset();
    if (w < t.weights.size() && t.weights[w].first == i) e.weight = t.weights[w++].second;
    f(i, e);
  }
}

}  // namespace

void TopologyArrays::release_edges() {
  std::vector<std::uint32_t>().swap(sources);
  std::vector<std::uint32_t>().swap(targets);
  std::vector<graph::Relation>().swap(relations);
  std::vector<std::uint32_t>().swap(evidence);
  std::vector<std::pair<std::uint64_t, double>>().swap(weights);
}

std::size_t TopologyArrays::memory_bytes() const noexcept {
  return kinds.capacity() * sizeof(graph::Kind) + ids.capacity() + names.capacity() +
         (id_ends.capacity() + name_ends.capacity()) * sizeof(std::uint64_t) +
         (sources.capacity() + targets.capacity() + evidence.capacity()) * sizeof(std::uint32_t) +
         relations.capacity() * sizeof(graph::Relation) +
         weights.capacity() * sizeof(std::pair<std::uint64_t, double>) +
         aliases.capacity() * sizeof(std::pair<std::uint64_t, std::string>);
}

std::size_t NodeLabels::at(std::size_t v) const noexcept {
  return static_cast<std::size_t>(std::lower_bound(nodes.begin(), nodes.end(), v) - nodes.begin());
}

bool has_weights(const TopologyArrays& t) noexcept { return !t.weights.empty(); }

bool weights_allowed(const TopologyArrays& t, graph::WeightSource source, bool allow_zero) {
  if (source != graph::WeightSource::kWeight) return true;  // counts are >= 1
  bool ok = true;
  for_each_edge_data(t, [&](std::size_t i, const graph::EdgeData& e) {
    if (!ok || t.sources[i] == t.targets[i]) return;
    const double w = graph::edge_weight(e, source);
    ok = allow_zero ? w >= 0.0 : w > 0.0;  // false for NaN
  });
  return ok;
}

namespace {

std::vector<float> weights_of(const TopologyArrays& t, const graph::CsrOptions& options) {
  std::vector<float> weights;  // none for the unweighted view (every entry 1)
  if (options.weighted) {
    weights.resize(t.edge_count());
    for_each_edge_data(t, [&](std::size_t i, const graph::EdgeData& e) {
      weights[i] = static_cast<float>(graph::edge_weight(e, options.source));
    });
  }
  return weights;
}

void check_size(const TopologyArrays& t) {
  if (t.node_count() >= 0xFFFFFFFFu)
    throw graph::InvalidArgument("graph too large for the CSR view");
}

}  // namespace

graph::Csr csr_of(const TopologyArrays& t, const graph::CsrOptions& options) {
  check_size(t);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs(t.edge_count());
  for (std::size_t i = 0; i < t.edge_count(); ++i) pairs[i] = {t.sources[i], t.targets[i]};
  return graph::build_csr(static_cast<std::uint32_t>(t.node_count()), pairs, weights_of(t, options),
                          options);
}

graph::Csr take_csr(TopologyArrays& t, const graph::CsrOptions& options) {
  check_size(t);
  std::vector<float> weights = weights_of(t, options);
  std::vector<std::uint32_t> sources = std::move(t.sources), targets = std::move(t.targets);
  t.release_edges();
  return graph::build_csr_from_arrays(static_cast<std::uint32_t>(t.node_count()),
                                      std::move(sources), std::move(targets), std::move(weights),
                                      options);
}

}  // namespace stakegraph::io
