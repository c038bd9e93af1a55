#include "graph/csr.hpp"

#include <algorithm>
#include <numeric>

#include "graph/error.hpp"

namespace stakegraph::graph {
namespace {

struct Arc {
  std::uint32_t from, to;
  float w;
};

// Counting sort by `from`, then sort each row by `to` and merge duplicates (summing weights).
void fill_rows(std::uint32_t n, std::vector<Arc>& arcs, bool weighted,
               std::vector<std::uint64_t>& offsets, std::vector<std::uint32_t>& targets,
               std::vector<float>& weights) {
  std::vector<std::uint64_t> count(static_cast<std::size_t>(n) + 1, 0);
  for (const Arc& a : arcs) ++count[a.from + 1];
  std::partial_sum(count.begin(), count.end(), count.begin());
  std::vector<std::uint32_t> to(arcs.size());
  std::vector<float> w(weighted ? arcs.size() : 0);
  {
    std::vector<std::uint64_t> next(count.begin(), count.end() - 1);
    for (const Arc& a : arcs) {
      const std::uint64_t i = next[a.from]++;
      to[i] = a.to;
      if (weighted) w[i] = a.w;
    }
  }
  arcs.clear();
  arcs.shrink_to_fit();
  offsets.assign(static_cast<std::size_t>(n) + 1, 0);
  targets.clear();
  weights.clear();
  targets.reserve(to.size());
  if (weighted) weights.reserve(to.size());
  std::vector<std::pair<std::uint32_t, float>> row;
  for (std::uint32_t v = 0; v < n; ++v) {
    row.clear();
    for (std::uint64_t i = count[v]; i < count[v + 1]; ++i) row.emplace_back(to[i], weighted ? w[i] : 1.0f);
    std::sort(row.begin(), row.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (!targets.empty() && targets.size() > offsets[v] && targets.back() == row[i].first) {
        if (weighted) weights.back() += row[i].second;
        continue;
      }
      targets.push_back(row[i].first);
      if (weighted) weights.push_back(row[i].second);
    }
    offsets[v + 1] = targets.size();
  }
  targets.shrink_to_fit();
  weights.shrink_to_fit();
}

Csr build_from_arcs(std::uint32_t n, std::vector<Arc> arcs, const CsrOptions& o) {
  Csr c;
  c.n = n;
  c.directed = o.directed;
  c.weighted = o.weighted;
  if (o.directed) {
    std::vector<Arc> reversed;
    reversed.reserve(arcs.size());
    for (const Arc& a : arcs) reversed.push_back({a.to, a.from, a.w});
    fill_rows(n, arcs, o.weighted, c.offsets, c.targets, c.weights);
    fill_rows(n, reversed, o.weighted, c.in_offsets, c.in_sources, c.in_weights);
  } else {
    const std::size_t m = arcs.size();
    arcs.reserve(2 * m);
    for (std::size_t i = 0; i < m; ++i) arcs.push_back({arcs[i].to, arcs[i].from, arcs[i].w});
    fill_rows(n, arcs, o.weighted, c.offsets, c.targets, c.weights);
  }
  return c;
}

}  // namespace

std::size_t Csr::memory_bytes() const {
  return offsets.capacity() * sizeof(std::uint64_t) + targets.capacity() * sizeof(std::uint32_t) +
         weights.capacity() * sizeof(float) + in_offsets.capacity() * sizeof(std::uint64_t) +
         in_sources.capacity() * sizeof(std::uint32_t) + in_weights.capacity() * sizeof(float);
}

Csr build_csr(const Graph& g, const CsrOptions& o) {
  if (g.node_count() >= 0xFFFFFFFFu) throw InvalidArgument("graph too large for the CSR view");
  std::vector<Arc> arcs;
  // The undirected view doubles the arcs in place: room for both directions at once.
  arcs.reserve(o.directed ? g.edge_count() : 2 * g.edge_count());
  const auto& bg = g.boost_graph();
  for (auto [it, end] = boost::edges(bg); it != end; ++it) {
    const auto s = static_cast<std::uint32_t>(boost::source(*it, bg));
    const auto t = static_cast<std::uint32_t>(boost::target(*it, bg));
    if (s == t) continue;
    arcs.push_back({s, t, static_cast<float>(edge_weight(bg[*it], o.source))});
  }
  return build_from_arcs(static_cast<std::uint32_t>(g.node_count()), std::move(arcs), o);
}

Csr build_csr(std::uint32_t n, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges,
              const std::vector<float>& weights, const CsrOptions& o) {
  if (!weights.empty() && weights.size() != edges.size())
    throw InvalidArgument("build_csr: weights and edges differ in length");
  std::vector<Arc> arcs;
  arcs.reserve(o.directed ? edges.size() : 2 * edges.size());
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const auto [s, t] = edges[i];
    if (s >= n || t >= n) throw InvalidArgument("build_csr: node id out of range");
    if (s == t) continue;
    arcs.push_back({s, t, weights.empty() ? 1.0f : weights[i]});
  }
  return build_from_arcs(n, std::move(arcs), o);
}

}  // namespace stakegraph::graph
