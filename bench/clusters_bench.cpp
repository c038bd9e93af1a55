// Clusters at 10^3..10^7 edges on seeded power-law graphs (static fitness model, degree
// exponent 2.3, average degree 20, as igraph's Static_Power_Law(n, 10 n, exponent_out=2.3)):
// Louvain (one run, default options), connected components (ours and Boost.Graph's on the
// same graph), strong components, label propagation, and camps on the graph with random
// signs. Counters: modularity (Louvain, label propagation), frustration ratio (camps), edges.
//   build/bench/clusters_bench --benchmark_filter='BM_Louvain/1000000'
//   build/bench/clusters_bench --benchmark_filter='/(1000|10000|100000|1000000)$'
#include <benchmark/benchmark.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/connected_components.hpp>
#include <cmath>
#include <map>
#include <random>
#include <utility>
#include <vector>

#include "graph/camps.hpp"
#include "graph/communities.hpp"
#include "graph/components.hpp"
#include "graph/csr.hpp"

namespace {

using namespace stakegraph;
using EdgeList = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

// Static fitness model (Goh, Kahng, Kim 2001): node i has fitness (i + 1)^(-1/(exponent-1));
// both endpoints of an edge are drawn proportionally to fitness; self-loops and repeated
// pairs are redrawn. Seeded and self-contained.
EdgeList power_law_edges(std::uint32_t n, std::size_t m, double exponent, std::uint64_t seed) {
  const double alpha = 1.0 / (exponent - 1.0);
  std::vector<double> cumulative(n);
  double total = 0.0;
  for (std::uint32_t i = 0; i < n; ++i) {
    total += std::pow(static_cast<double>(i) + 1.0, -alpha);
    cumulative[i] = total;
  }
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0.0, total);
  auto draw = [&] {
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u(rng));
    return static_cast<std::uint32_t>(std::min<std::ptrdiff_t>(it - cumulative.begin(), n - 1));
  };
  std::vector<std::uint64_t> keys;
  keys.reserve(m + m / 8);
  while (keys.size() < m) {
    while (keys.size() < m + m / 16 + 16) {
      std::uint32_t a = draw(), b = draw();
      if (a == b) continue;
      if (a > b) std::swap(a, b);
      keys.push_back(static_cast<std::uint64_t>(a) << 32 | b);
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  }
  // Keep a seeded random subset of exactly m distinct pairs.
  for (std::size_t i = keys.size(); i > 1; --i) std::swap(keys[i - 1], keys[rng() % i]);
  keys.resize(m);
  EdgeList edges;
  edges.reserve(m);
  for (std::uint64_t k : keys)
    edges.emplace_back(static_cast<std::uint32_t>(k >> 32), static_cast<std::uint32_t>(k));
  return edges;
}

struct Fixture {
  std::uint32_t n = 0;
  EdgeList edges;
  graph::Csr csr;
};

// One graph per size, built once (outside the timed loops).
const Fixture& fixture(std::size_t m) {
  static std::map<std::size_t, Fixture> cache;
  auto it = cache.find(m);
  if (it != cache.end()) return it->second;
  Fixture f;
  f.n = static_cast<std::uint32_t>(std::max<std::size_t>(10, m / 10));
  f.edges = power_law_edges(f.n, m, 2.3, 42);
  f.csr = graph::build_csr(f.n, f.edges, {});
  return cache.emplace(m, std::move(f)).first->second;
}

void BM_Louvain(benchmark::State& state) {
  const Fixture& f = fixture(static_cast<std::size_t>(state.range(0)));
  graph::CommunityResult r;
  for (auto _ : state) {
    r = graph::louvain(f.csr, {.seed = 1});
    benchmark::DoNotOptimize(r.membership.data());
  }
  state.counters["modularity"] = r.modularity;
  state.counters["communities"] = r.count;
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(f.edges.size()));
}

void BM_LouvainNoRefine(benchmark::State& state) {
  const Fixture& f = fixture(static_cast<std::size_t>(state.range(0)));
  graph::CommunityResult r;
  for (auto _ : state) {
    r = graph::louvain(f.csr, {.seed = 1, .refine = false});
    benchmark::DoNotOptimize(r.membership.data());
  }
  state.counters["modularity"] = r.modularity;
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(f.edges.size()));
}

void BM_Components(benchmark::State& state) {
  const Fixture& f = fixture(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    const graph::ComponentsResult r = graph::connected_components(f.csr);
    benchmark::DoNotOptimize(r.count);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(f.edges.size()));
}

// Boost.Graph's connected_components on its own CSR graph (both arc directions), the
// structure a caller would build from our CSR: the build is timed, as it would be paid.
void BM_ComponentsBgl(benchmark::State& state) {
  const Fixture& f = fixture(static_cast<std::size_t>(state.range(0)));
  using BglCsr = boost::compressed_sparse_row_graph<boost::directedS>;
  std::vector<std::uint32_t> comp(f.n);
  for (auto _ : state) {
    std::vector<std::pair<std::size_t, std::size_t>> arcs;
    arcs.reserve(f.csr.targets.size());
    for (std::uint32_t v = 0; v < f.n; ++v)
      for (std::uint64_t i = f.csr.offsets[v]; i < f.csr.offsets[v + 1]; ++i)
        arcs.emplace_back(v, f.csr.targets[i]);
    const BglCsr g(boost::edges_are_sorted, arcs.begin(), arcs.end(), f.n);
    const auto count = boost::connected_components(g, comp.data());
    benchmark::DoNotOptimize(count);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(f.edges.size()));
}

// Boost.Graph's search alone on a prebuilt graph (no build).
void BM_ComponentsBglSearchOnly(benchmark::State& state) {
  const Fixture& f = fixture(static_cast<std::size_t>(state.range(0)));
  using BglCsr = boost::compressed_sparse_row_graph<boost::directedS>;
  std::vector<std::pair<std::size_t, std::size_t>> arcs;
  for (std::uint32_t v = 0; v < f.n; ++v)
    for (std::uint64_t i = f.csr.offsets[v]; i < f.csr.offsets[v + 1]; ++i)
      arcs.emplace_back(v, f.csr.targets[i]);
  const BglCsr g(boost::edges_are_sorted, arcs.begin(), arcs.end(), f.n);
  std::vector<std::uint32_t> comp(f.n);
  for (auto _ : state) {
    const auto count = boost::connected_components(g, comp.data());
    benchmark::DoNotOptimize(count);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(f.edges.size()));
}

void BM_StrongComponents(benchmark::State& state) {
  const Fixture& f = fixture(static_cast<std::size_t>(state.range(0)));
  const graph::Csr directed = graph::build_csr(f.n, f.edges, {}, {.directed = true});
  for (auto _ : state) {
    const graph::ComponentsResult r = graph::strong_components(directed);
    benchmark::DoNotOptimize(r.count);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(f.edges.size()));
}

void BM_LabelPropagation(benchmark::State& state) {
  const Fixture& f = fixture(static_cast<std::size_t>(state.range(0)));
  graph::CommunityResult r;
  for (auto _ : state) {
    r = graph::label_propagation(f.csr, {.seed = 1});
    benchmark::DoNotOptimize(r.membership.data());
  }
  state.counters["modularity"] = r.modularity;
  state.counters["sweeps"] = r.iterations;
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(f.edges.size()));
}

// Camps on the power-law graph with signs from a planted split into 8 sides (+ inside, -
// across) and 10% of the signs flipped, so that there is structure to find.
void BM_Camps(benchmark::State& state) {
  const Fixture& f = fixture(static_cast<std::size_t>(state.range(0)));
  std::mt19937_64 rng(7);
  std::vector<std::uint32_t> side(f.n);
  for (auto& s : side) s = static_cast<std::uint32_t>(rng() % 8);
  std::vector<graph::SignedEdge> signed_edges;
  signed_edges.reserve(f.edges.size());
  for (const auto& [a, b] : f.edges) {
    double w = side[a] == side[b] ? 1.0 : -1.0;
    if (rng() % 10 == 0) w = -w;
    signed_edges.push_back({a, b, w});
  }
  const graph::SignedGraph g = graph::build_signed(f.n, signed_edges);
  graph::CampsResult r;
  for (auto _ : state) {
    r = graph::camps(g, {.seed = 1});
    benchmark::DoNotOptimize(r.membership.data());
  }
  state.counters["frustration_ratio"] = r.frustration / static_cast<double>(signed_edges.size());
  state.counters["planted_ratio"] =
      graph::frustration(g, side) / static_cast<double>(signed_edges.size());
  state.counters["camps"] = r.count;
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(f.edges.size()));
}

void sizes(benchmark::internal::Benchmark* b) {
  for (std::int64_t m = 1000; m <= 10'000'000; m *= 10) b->Arg(m);
  b->Unit(benchmark::kMillisecond);
}

BENCHMARK(BM_Louvain)->Apply(sizes);
BENCHMARK(BM_LouvainNoRefine)->Apply(sizes);
BENCHMARK(BM_Components)->Apply(sizes);
BENCHMARK(BM_ComponentsBgl)->Apply(sizes);
BENCHMARK(BM_ComponentsBglSearchOnly)->Apply(sizes);
BENCHMARK(BM_StrongComponents)->Apply(sizes);
BENCHMARK(BM_LabelPropagation)->Apply(sizes);
BENCHMARK(BM_Camps)->Apply(sizes);

}  // namespace

BENCHMARK_MAIN();
