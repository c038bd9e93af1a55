#include "graph/betweenness.hpp"

#include <omp.h>

#include <cmath>
#include <limits>
#include <numeric>
#include <queue>
#include <vector>

#include "graph/error.hpp"

namespace stakegraph::graph {
namespace {

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Uniform in [0, bound), unbiased (rejection of the short last block).
std::uint64_t uniform_below(std::uint64_t& state, std::uint64_t bound) {
  const std::uint64_t threshold = (0 - bound) % bound;
  for (;;) {
    const std::uint64_t x = splitmix64(state);
    if (x >= threshold) return x % bound;
  }
}

// k distinct nodes of 0..n-1, uniformly (partial Fisher-Yates).
std::vector<std::uint32_t> sample_sources(std::uint32_t n, std::uint32_t k, std::uint64_t seed) {
  std::vector<std::uint32_t> all(n);
  std::iota(all.begin(), all.end(), 0u);
  std::uint64_t state = seed;
  for (std::uint32_t i = 0; i < k; ++i) {
    const auto j = i + static_cast<std::uint32_t>(uniform_below(state, n - i));
    std::swap(all[i], all[j]);
  }
  all.resize(k);
  return all;
}

// Per-thread state of the unweighted kernel. coeff[v] = (1 + delta(v)) / sigma(v): what a
// predecessor w of v multiplies by sigma(w) to get v's share of delta(w). The forward pass
// records each node's successors (dist + 1) contiguously in succ[first[v] .. last[v]), so that
// the backward pass reads only those (about a quarter of the entries on power-law graphs)
// instead of rescanning every row.
struct HopState {
  HopState(std::uint32_t n, std::uint64_t entries)
      : dist(n, -1), sigma(n), coeff(n), order(n), first(n), last(n), succ(entries + 1) {}
  std::vector<std::int32_t> dist;
  std::vector<double> sigma, coeff;
  std::vector<std::uint32_t> order;
  std::vector<std::uint64_t> first, last;
  std::vector<std::uint32_t> succ;
};

void accumulate_hops(const Adjacency& a, std::uint32_t s, HopState& st, double* bc) {
  std::int32_t* dist = st.dist.data();
  double* sigma = st.sigma.data();
  double* coeff = st.coeff.data();
  std::uint32_t* order = st.order.data();
  std::uint32_t* succ = st.succ.data();
  const std::uint64_t* off = a.offsets;
  const std::uint32_t* tg = a.targets;

  // BFS: distances and successor lists.
  dist[s] = 0;
  order[0] = s;
  std::uint32_t head = 0, tail = 1;
  std::uint64_t pos = 0;
  while (head < tail) {
    const std::uint32_t v = order[head++];
    const std::int32_t next = dist[v] + 1;
    st.first[v] = pos;
    for (std::uint64_t i = off[v], end = off[v + 1]; i < end; ++i) {
      const std::uint32_t w = tg[i];
      std::int32_t dw = dist[w];
      if (dw < 0) {  // taken once per node: well predicted
        dist[w] = dw = next;
        order[tail++] = w;
      }
      succ[pos] = w;        // branch-free: the test dw == next is unpredictable
      pos += dw == next;
    }
    st.last[v] = pos;
  }
  // Path counts along the successor lists, in BFS order.
  for (std::uint32_t k = 1; k < tail; ++k) sigma[order[k]] = 0.0;
  sigma[s] = 1.0;
  for (std::uint32_t k = 0; k < tail; ++k) {
    const std::uint32_t v = order[k];
    const double sv = sigma[v];
    for (std::uint64_t i = st.first[v], end = st.last[v]; i < end; ++i) sigma[succ[i]] += sv;
  }
  for (std::uint32_t k = tail; k-- > 1;) {
    const std::uint32_t w = order[k];
    double acc = 0.0;
    for (std::uint64_t i = st.first[w], end = st.last[w]; i < end; ++i) acc += coeff[succ[i]];
    bc[w] += sigma[w] * acc;
    coeff[w] = acc + 1.0 / sigma[w];
  }
  for (std::uint32_t k = 0; k < tail; ++k) dist[order[k]] = -1;
}

// Per-thread state of the costed kernel (Dijkstra).
struct CostState {
  explicit CostState(std::uint32_t n)
      : dist(n, std::numeric_limits<double>::infinity()), sigma(n, 0.0), coeff(n), done(n, 0) {
    order.reserve(n);
  }
  std::vector<double> dist, sigma, coeff;
  std::vector<std::uint8_t> done;
  std::vector<std::uint32_t> order, touched;
  using Entry = std::pair<double, std::uint32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap;
};

void accumulate_costs(const Adjacency& a, EdgeCost cost, std::uint32_t s, CostState& st,
                      double* bc) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  st.dist[s] = 0.0;
  st.sigma[s] = 1.0;
  st.touched.push_back(s);
  st.heap.emplace(0.0, s);
  while (!st.heap.empty()) {
    const auto [d, v] = st.heap.top();
    st.heap.pop();
    if (st.done[v]) continue;
    st.done[v] = 1;
    st.order.push_back(v);
    const double sv = st.sigma[v];
    for (std::uint64_t i = a.offsets[v]; i < a.offsets[v + 1]; ++i) {
      const std::uint32_t w = a.targets[i];
      const double nd = d + a.cost(i, cost);
      if (nd < st.dist[w]) {
        if (st.dist[w] == kInf) st.touched.push_back(w);
        st.dist[w] = nd;
        st.sigma[w] = sv;
        st.heap.emplace(nd, w);
      } else if (nd == st.dist[w] && !st.done[w]) {
        st.sigma[w] += sv;
      }
    }
  }
  for (std::size_t k = st.order.size(); k-- > 1;) {
    const std::uint32_t w = st.order[k];
    const double dw = st.dist[w];
    double acc = 0.0;
    for (std::uint64_t i = a.offsets[w]; i < a.offsets[w + 1]; ++i) {
      const std::uint32_t v = a.targets[i];
      if (st.dist[v] == dw + a.cost(i, cost)) acc += st.coeff[v];
    }
    bc[w] += st.sigma[w] * acc;
    st.coeff[w] = acc + 1.0 / st.sigma[w];
  }
  for (std::uint32_t v : st.touched) {
    st.dist[v] = kInf;
    st.sigma[v] = 0.0;
    st.done[v] = 0;
  }
  st.touched.clear();
  st.order.clear();
}

}  // namespace

double betweenness_sampling_bound(std::uint32_t n, std::uint32_t k, double confidence) {
  if (!(confidence > 0.0 && confidence < 1.0))
    throw InvalidArgument("betweenness: confidence must be in (0, 1)");
  if (k == 0) throw InvalidArgument("betweenness: the number of samples must be positive");
  if (k >= n || n <= 2) return 0.0;
  const double nn = n;
  return nn / (nn - 1.0) * std::sqrt(std::log(2.0 * nn / (1.0 - confidence)) / (2.0 * k));
}

CentralityResult betweenness_centrality(const Csr& c, const BetweennessOptions& o) {
  if (!(o.confidence > 0.0 && o.confidence < 1.0))
    throw InvalidArgument("betweenness: confidence must be in (0, 1)");
  check_costs(c, o.cost);
  const std::uint32_t n = c.n;
  CentralityResult res;
  res.scores.assign(n, 0.0);
  if (n == 0) return res;

  const bool sampled = o.samples > 0 && o.samples < n;
  std::vector<std::uint32_t> sources;
  if (sampled) sources = sample_sources(n, o.samples, o.seed);
  const auto source_count = static_cast<std::int64_t>(sampled ? sources.size() : n);
  const Adjacency a = out_adjacency(c);
  const bool costed = o.cost != EdgeCost::kHops && !c.weights.empty();
  const int threads = o.threads > 0 ? o.threads : omp_get_max_threads();

  std::vector<std::vector<double>> partial(static_cast<std::size_t>(threads));
#pragma omp parallel num_threads(threads) if (source_count >= 64)
  {
    std::vector<double>& bc = partial[static_cast<std::size_t>(omp_get_thread_num())];
    bc.assign(n, 0.0);
    if (costed) {
      CostState st(n);
#pragma omp for schedule(dynamic, 4)
      for (std::int64_t i = 0; i < source_count; ++i) {
        const std::uint32_t s = sampled ? sources[i] : static_cast<std::uint32_t>(i);
        accumulate_costs(a, o.cost, s, st, bc.data());
      }
    } else {
      HopState st(n, c.entries());
#pragma omp for schedule(dynamic, 4)
      for (std::int64_t i = 0; i < source_count; ++i) {
        const std::uint32_t s = sampled ? sources[i] : static_cast<std::uint32_t>(i);
        accumulate_hops(a, s, st, bc.data());
      }
    }
  }
  for (const auto& bc : partial) {
    if (bc.empty()) continue;
    for (std::uint32_t v = 0; v < n; ++v) res.scores[v] += bc[v];
  }

  // Scale the ordered-pair sum: n / k for sampling, then the convention's factor.
  double scale = sampled ? static_cast<double>(n) / o.samples : 1.0;
  double pair_scale = 1.0;  // ordered-pair sum -> returned units
  if (o.normalized) {
    pair_scale = n > 2 ? 1.0 / ((n - 1.0) * (n - 2.0)) : 0.0;
  } else if (!c.directed) {
    pair_scale = 0.5;
  }
  scale *= pair_scale;
  for (double& s : res.scores) s *= scale;
  if (sampled) {
    res.samples = o.samples;
    // The bound is on the normalized scale; the ordered-pair scale is (n - 1)(n - 2) times it.
    const double normalized_bound = betweenness_sampling_bound(n, o.samples, o.confidence);
    res.error_bound = normalized_bound * (n - 1.0) * (n - 2.0) * pair_scale;
  }
  return res;
}

}  // namespace stakegraph::graph
