#include "graph/centrality.hpp"

#include <omp.h>

#include <algorithm>
#include <cmath>

#include "graph/error.hpp"

namespace stakegraph::graph {
namespace {

int thread_count(int requested) { return requested > 0 ? requested : omp_get_max_threads(); }

// Below these sizes a parallel region costs more than it saves.
constexpr std::uint32_t kParallelSources = 128;     // all-sources kernels: nodes
constexpr std::uint64_t kParallelSweep = 1u << 20;  // power iterations: nodes + entries

double row_weight(const Adjacency& a, std::uint32_t v) {
  if (a.weights == nullptr) return static_cast<double>(a.offsets[v + 1] - a.offsets[v]);
  double s = 0.0;
  for (std::uint64_t i = a.offsets[v]; i < a.offsets[v + 1]; ++i) s += a.weights[i];
  return s;
}

// Distances to every node `u` (incoming on a directed Csr): calls visit(u, r, total, harm)
// with r = nodes reaching u (u included), total = sum of their distances, harm = sum of
// 1 / distance. One traversal per node, in parallel.
template <typename Visit>
void for_each_incoming_distances(const Csr& c, const ClosenessOptions& o, Visit visit) {
  check_costs(c, o.cost);
  const Adjacency a = in_adjacency(c);
  const bool costed = o.cost != EdgeCost::kHops && !c.weights.empty();
  const auto n = static_cast<std::int64_t>(c.n);
#pragma omp parallel num_threads(thread_count(o.threads)) if (c.n >= kParallelSources)
  {
    if (costed) {
      DijkstraWorkspace ws(c.n);
#pragma omp for schedule(dynamic, 16)
      for (std::int64_t u = 0; u < n; ++u) {
        const std::uint32_t r = ws.run(a, static_cast<std::uint32_t>(u), o.cost);
        double total = 0.0, harm = 0.0;
        for (std::uint32_t i = 1; i < r; ++i) {
          const double d = ws.dist()[ws.order()[i]];
          total += d;
          harm += 1.0 / d;
        }
        visit(static_cast<std::uint32_t>(u), r, total, harm);
      }
    } else {
      BfsWorkspace ws(c.n);
#pragma omp for schedule(dynamic, 16)
      for (std::int64_t u = 0; u < n; ++u) {
        const std::uint32_t r = ws.run(a, static_cast<std::uint32_t>(u));
        std::uint64_t total = 0;
        double harm = 0.0;
        for (std::uint32_t i = 1; i < r; ++i) {
          const std::int32_t d = ws.dist()[ws.order()[i]];
          total += static_cast<std::uint64_t>(d);
          harm += 1.0 / d;
        }
        visit(static_cast<std::uint32_t>(u), r, static_cast<double>(total), harm);
      }
    }
  }
}

}  // namespace

CentralityResult degree_centrality(const Csr& c, const DegreeOptions& o) {
  CentralityResult r;
  r.scores.assign(c.n, 0.0);
  const Adjacency out = out_adjacency(c);
  const Adjacency in = in_adjacency(c);
  for (std::uint32_t v = 0; v < c.n; ++v) {
    auto measure = [&](const Adjacency& a) {
      return o.weighted ? row_weight(a, v) : static_cast<double>(a.offsets[v + 1] - a.offsets[v]);
    };
    if (!c.directed || o.mode == DegreeMode::kOut) {
      r.scores[v] = measure(out);
    } else if (o.mode == DegreeMode::kIn) {
      r.scores[v] = measure(in);
    } else {
      r.scores[v] = measure(out) + measure(in);
    }
  }
  if (o.normalized) {
    const double scale = c.n > 1 ? 1.0 / (c.n - 1.0) : 0.0;
    for (double& s : r.scores) s *= scale;
  }
  return r;
}

CentralityResult closeness_centrality(const Csr& c, const ClosenessOptions& o) {
  CentralityResult res;
  res.scores.assign(c.n, 0.0);
  const double n = c.n;
  for_each_incoming_distances(c, o, [&](std::uint32_t u, std::uint32_t r, double total, double) {
    if (total <= 0.0 || c.n <= 1) return;  // reaches nobody
    if (o.normalized) {
      const double reached = r - 1.0;
      res.scores[u] = (reached / total) * (reached / (n - 1.0));
    } else {
      res.scores[u] = 1.0 / total;
    }
  });
  return res;
}

CentralityResult harmonic_centrality(const Csr& c, const ClosenessOptions& o) {
  CentralityResult res;
  res.scores.assign(c.n, 0.0);
  const double scale = o.normalized ? (c.n > 1 ? 1.0 / (c.n - 1.0) : 0.0) : 1.0;
  for_each_incoming_distances(c, o, [&](std::uint32_t u, std::uint32_t, double, double harm) {
    res.scores[u] = harm * scale;
  });
  return res;
}

CentralityResult pagerank(const Csr& c, const PageRankOptions& o) {
  if (!(o.damping >= 0.0 && o.damping < 1.0))
    throw InvalidArgument("pagerank: damping must be in [0, 1)");
  if (!(o.tolerance > 0.0)) throw InvalidArgument("pagerank: tolerance must be positive");
  CentralityResult res;
  const std::uint32_t n = c.n;
  if (n == 0) return res;
  for (std::uint32_t v : o.personalization)
    if (v >= n) throw InvalidArgument("pagerank: personalization node out of range");

  // The teleport distribution: uniform (1 / n each, no vector: 8 bytes per node less) or
  // the personalization's.
  std::vector<double> p;
  if (!o.personalization.empty()) {
    p.assign(n, 0.0);
    for (std::uint32_t v : o.personalization) p[v] = 1.0;
    double sum = 0.0;
    for (double x : p) sum += x;
    for (double& x : p) x /= sum;
  }
  const double uniform = 1.0 / n;

  const Adjacency out = out_adjacency(c);
  const Adjacency in = in_adjacency(c);
  const bool weighted = o.weighted && in.weights != nullptr;
  std::vector<double> inv_out(n, 0.0);
  std::vector<std::uint32_t> dangling;
  for (std::uint32_t v = 0; v < n; ++v) {
    const double w =
        weighted ? row_weight(out, v) : static_cast<double>(out.offsets[v + 1] - out.offsets[v]);
    if (w > 0.0) {
      inv_out[v] = 1.0 / w;
    } else {
      dangling.push_back(v);
    }
  }

  std::vector<double> x(n, 1.0 / n), next(n), contrib(n);
  const double alpha = o.damping;
  const auto sn = static_cast<std::int64_t>(n);
  const int threads = thread_count(o.threads);
  const bool parallel = c.n + c.entries() >= kParallelSweep;
  res.converged = false;
  for (std::uint32_t it = 0; it < o.max_iterations; ++it) {
    double dangling_sum = 0.0;
    for (std::uint32_t v : dangling) dangling_sum += x[v];
#pragma omp parallel for num_threads(threads) schedule(static) if (parallel)
    for (std::int64_t v = 0; v < sn; ++v) contrib[v] = x[v] * inv_out[v];
    double err = 0.0;
#pragma omp parallel for num_threads(threads) schedule(static, 1024) reduction(+ : err) if (parallel)
    for (std::int64_t v = 0; v < sn; ++v) {
      double s = 0.0;
      const std::uint64_t end = in.offsets[v + 1];
      if (weighted) {
        for (std::uint64_t i = in.offsets[v]; i < end; ++i)
          s += contrib[in.targets[i]] * static_cast<double>(in.weights[i]);
      } else {
        for (std::uint64_t i = in.offsets[v]; i < end; ++i) s += contrib[in.targets[i]];
      }
      const double pv = p.empty() ? uniform : p[v];
      const double value = alpha * (s + dangling_sum * pv) + (1.0 - alpha) * pv;
      next[v] = value;
      err += std::abs(value - x[v]);
    }
    x.swap(next);
    res.iterations = it + 1;
    if (err < n * o.tolerance) {
      res.converged = true;
      break;
    }
  }
  res.scores = std::move(x);
  return res;
}

CentralityResult eigenvector_centrality(const Csr& c, const EigenvectorOptions& o) {
  if (!(o.tolerance > 0.0)) throw InvalidArgument("eigenvector: tolerance must be positive");
  CentralityResult res;
  const std::uint32_t n = c.n;
  if (n == 0) return res;
  const Adjacency in = in_adjacency(c);
  const bool weighted = o.weighted && in.weights != nullptr;
  std::vector<double> x(n, 1.0 / n), next(n);
  const auto sn = static_cast<std::int64_t>(n);
  const int threads = thread_count(o.threads);
  const bool parallel = c.n + c.entries() >= kParallelSweep;
  res.converged = false;
  for (std::uint32_t it = 0; it < o.max_iterations; ++it) {
    double norm2 = 0.0;
#pragma omp parallel for num_threads(threads) schedule(static, 1024) reduction(+ : norm2) if (parallel)
    for (std::int64_t v = 0; v < sn; ++v) {
      double s = x[v];  // the identity term: iterate with A^T + I
      const std::uint64_t end = in.offsets[v + 1];
      if (weighted) {
        for (std::uint64_t i = in.offsets[v]; i < end; ++i)
          s += x[in.targets[i]] * static_cast<double>(in.weights[i]);
      } else {
        for (std::uint64_t i = in.offsets[v]; i < end; ++i) s += x[in.targets[i]];
      }
      next[v] = s;
      norm2 += s * s;
    }
    double norm = std::sqrt(norm2);
    if (norm == 0.0) norm = 1.0;
    double err = 0.0;
#pragma omp parallel for num_threads(threads) schedule(static) reduction(+ : err) if (parallel)
    for (std::int64_t v = 0; v < sn; ++v) {
      next[v] /= norm;
      err += std::abs(next[v] - x[v]);
    }
    x.swap(next);
    res.iterations = it + 1;
    if (err < n * o.tolerance) {
      res.converged = true;
      break;
    }
  }
  res.scores = std::move(x);
  return res;
}

}  // namespace stakegraph::graph
