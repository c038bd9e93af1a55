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
    for (std::uint64_t i = count[v]; i < count[v + 1]; ++i)
      row.emplace_back(to[i], weighted ? w[i] : 1.0f);
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

// Rows of the arcs from[i] -> to[i] (i in edge order, self-loops skipped), then, when
// `reversed` is set too, to[i] -> from[i]: counted by row, scattered in that order (the order
// fill_rows's counting sort gives), each row then sorted and merged in place as fill_rows
// merges it (the same sort of the same sequence: the same sums).
void rows_in_place(std::uint32_t n, const std::vector<std::uint32_t>& from,
                   const std::vector<std::uint32_t>& to, const std::vector<float>& w, bool weighted,
                   bool forward, bool reversed, std::vector<std::uint64_t>& offsets,
                   std::vector<std::uint32_t>& cols, std::vector<float>& vals) {
  offsets.assign(static_cast<std::size_t>(n) + 1, 0);
  const std::size_t m = from.size();
  for (std::size_t i = 0; i < m; ++i) {
    if (from[i] == to[i]) continue;
    if (forward) ++offsets[from[i] + 1];
    if (reversed) ++offsets[to[i] + 1];
  }
  std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
  cols.assign(offsets[n], 0);
  vals.assign(weighted ? offsets[n] : 0, 0.0f);
  // offsets[v] is row v's next free place while the arcs are scattered (then the start of
  // row v + 1: shifted back after).
  const auto scatter = [&](const std::vector<std::uint32_t>& a,
                           const std::vector<std::uint32_t>& b) {
    for (std::size_t i = 0; i < m; ++i) {
      if (a[i] == b[i]) continue;
      const std::uint64_t k = offsets[a[i]]++;
      cols[k] = b[i];
      if (weighted) vals[k] = w.empty() ? 1.0f : w[i];
    }
  };
  if (forward) scatter(from, to);
  if (reversed) scatter(to, from);
  for (std::uint32_t v = n; v > 0; --v) offsets[v] = offsets[v - 1];
  offsets[0] = 0;
  std::vector<std::pair<std::uint32_t, float>> row;
  std::uint64_t out = 0, begin = 0;
  for (std::uint32_t v = 0; v < n; ++v) {
    const std::uint64_t end = offsets[v + 1];
    row.clear();
    for (std::uint64_t i = begin; i < end; ++i)
      row.emplace_back(cols[i], weighted ? vals[i] : 1.0f);
    std::sort(row.begin(), row.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    const std::uint64_t row_start = out;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (out > row_start && cols[out - 1] == row[i].first) {
        if (weighted) vals[out - 1] += row[i].second;
        continue;
      }
      cols[out] = row[i].first;
      if (weighted) vals[out] = row[i].second;
      ++out;
    }
    begin = end;
    offsets[v + 1] = out;
  }
  cols.resize(out);
  vals.resize(weighted ? out : 0);
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

Csr build_csr_from_arrays(std::uint32_t n, std::vector<std::uint32_t>&& sources,
                          std::vector<std::uint32_t>&& targets, std::vector<float>&& weights,
                          const CsrOptions& o) {
  if (sources.size() != targets.size() || (!weights.empty() && weights.size() != sources.size()))
    throw InvalidArgument("build_csr: sources, targets and weights differ in length");
  for (std::size_t i = 0; i < sources.size(); ++i)
    if (sources[i] >= n || targets[i] >= n)
      throw InvalidArgument("build_csr: node id out of range");
  Csr c;
  c.n = n;
  c.directed = o.directed;
  c.weighted = o.weighted;
  // The input is kept until the last rows are filled.
  std::vector<std::uint32_t> from = std::move(sources), to = std::move(targets);
  std::vector<float> w = std::move(weights);
  const auto free_input = [&] {
    std::vector<std::uint32_t>().swap(from);
    std::vector<std::uint32_t>().swap(to);
    std::vector<float>().swap(w);
  };
  if (o.directed) {
    rows_in_place(n, from, to, w, o.weighted, true, false, c.offsets, c.targets, c.weights);
    rows_in_place(n, from, to, w, o.weighted, false, true, c.in_offsets, c.in_sources,
                  c.in_weights);
  } else {
    rows_in_place(n, from, to, w, o.weighted, true, true, c.offsets, c.targets, c.weights);
  }
  free_input();
  // Spare room (parallel edges merged) freed when it is more than an eighth: a copy costs
  // time and, while it is made, memory.
  const auto trim = [](auto& v) {
    if (v.capacity() - v.size() > v.size() / 8) v.shrink_to_fit();
  };
  trim(c.targets);
  trim(c.in_sources);
  trim(c.weights);
  trim(c.in_weights);
  return c;
}

}  // namespace stakegraph::graph
