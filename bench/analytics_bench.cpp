// Analytics benchmarks on generated power-law graphs (graph/generate.hpp: Chung-Lu, exponent
// 2.3, n = E / 5 nodes, so the mean degree is 10), from 10^3 to 10^7 edges. Graphs are built
// once per size, outside the timed loops. Counters: edges, nodes, and for BM_BuildCsr the
// CSR's memory in bytes per edge. BM_Betweenness and BM_BetweennessBoost run the same
// graphs side by side: our CSR Brandes kernel against Boost.Graph's
// brandes_betweenness_centrality on an adjacency_list built from the same edges.
//
//   build-x/bench/analytics_bench --benchmark_filter='BM_(PageRank|BFS)/'
#include <benchmark/benchmark.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <map>
#include <memory>

#include "graph/betweenness.hpp"
#include "graph/centrality.hpp"
#include "graph/csr.hpp"
#include "graph/generate.hpp"
#include "graph/paths.hpp"
#include "graph/traversal.hpp"

namespace {

using namespace stakegraph::graph;

const GeneratedEdges& edges_for(std::int64_t m) {
  static std::map<std::int64_t, std::unique_ptr<GeneratedEdges>> cache;
  auto& slot = cache[m];
  if (!slot) {
    GenerateOptions o;
    o.nodes = static_cast<std::uint32_t>(std::max<std::int64_t>(m / 5, 10));
    o.edges = static_cast<std::uint64_t>(m);
    o.seed = 42;
    slot = std::make_unique<GeneratedEdges>(generate_edges(o));
  }
  return *slot;
}

const Csr& csr_for(std::int64_t m, bool weighted = false) {
  static std::map<std::pair<std::int64_t, bool>, std::unique_ptr<Csr>> cache;
  auto& slot = cache[{m, weighted}];
  if (!slot) {
    const GeneratedEdges& e = edges_for(m);
    std::vector<float> w;
    if (weighted) {
      w.resize(e.edges.size());
      for (std::size_t i = 0; i < w.size(); ++i) w[i] = 1.0f + static_cast<float>(i % 5);
    }
    slot = std::make_unique<Csr>(build_csr(e.nodes, e.edges, w, {.weighted = weighted}));
  }
  return *slot;
}

void set_counters(benchmark::State& state, const Csr& c) {
  state.counters["nodes"] = c.n;
  state.counters["edges"] = static_cast<double>(state.range(0));
}

void BM_Generate(benchmark::State& state) {
  for (auto _ : state) {
    GenerateOptions o;
    o.nodes = static_cast<std::uint32_t>(state.range(0) / 5);
    o.edges = static_cast<std::uint64_t>(state.range(0));
    o.seed = 7;
    benchmark::DoNotOptimize(generate_edges(o));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Generate)->RangeMultiplier(10)->Range(1000, 10000000)->Unit(benchmark::kMillisecond);

void BM_BuildCsr(benchmark::State& state) {
  const GeneratedEdges& e = edges_for(state.range(0));
  std::size_t bytes = 0;
  std::uint32_t n = 0;
  for (auto _ : state) {
    const Csr c = build_csr(e.nodes, e.edges, {}, {});
    bytes = c.memory_bytes();
    n = c.n;
  }
  state.counters["nodes"] = n;
  state.counters["edges"] = static_cast<double>(state.range(0));
  state.counters["bytes_per_edge"] =
      static_cast<double>(bytes) / static_cast<double>(state.range(0));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_BuildCsr)->RangeMultiplier(10)->Range(1000, 10000000)->Unit(benchmark::kMillisecond);

void BM_BuildCsrWeighted(benchmark::State& state) {
  const GeneratedEdges& e = edges_for(state.range(0));
  std::vector<float> w(e.edges.size(), 2.0f);
  std::size_t bytes = 0;
  for (auto _ : state) {
    const Csr c = build_csr(e.nodes, e.edges, w, {.weighted = true});
    bytes = c.memory_bytes();
  }
  state.counters["bytes_per_edge"] =
      static_cast<double>(bytes) / static_cast<double>(state.range(0));
}
BENCHMARK(BM_BuildCsrWeighted)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_BFS(benchmark::State& state) {
  const Csr& c = csr_for(state.range(0));
  BfsWorkspace ws(c.n);
  const Adjacency a = out_adjacency(c);
  std::uint32_t reached = 0;
  for (auto _ : state) {
    reached = ws.run(a, 0);  // node 0 is the largest hub: the whole giant component
    benchmark::DoNotOptimize(reached);
  }
  set_counters(state, c);
  state.counters["reached"] = reached;
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(c.entries()));
}
BENCHMARK(BM_BFS)->RangeMultiplier(10)->Range(1000, 10000000)->Unit(benchmark::kMillisecond);

void BM_Dijkstra(benchmark::State& state) {
  const Csr& c = csr_for(state.range(0), true);
  for (auto _ : state) benchmark::DoNotOptimize(distances_from(c, 0, EdgeCost::kInverseWeight));
  set_counters(state, c);
}
BENCHMARK(BM_Dijkstra)->RangeMultiplier(10)->Range(1000, 10000000)->Unit(benchmark::kMillisecond);

void BM_PageRank(benchmark::State& state) {
  const Csr& c = csr_for(state.range(0));
  std::uint32_t iterations = 0;
  for (auto _ : state) {
    // graph-tool's stopping rule (total L1 change < 1e-6) for the peer comparison.
    const auto r = pagerank(c, {.tolerance = 1e-6 / c.n});
    iterations = r.iterations;
    benchmark::DoNotOptimize(r.scores.data());
  }
  set_counters(state, c);
  state.counters["iterations"] = iterations;
}
BENCHMARK(BM_PageRank)->RangeMultiplier(10)->Range(1000, 10000000)->Unit(benchmark::kMillisecond);

void BM_Eigenvector(benchmark::State& state) {
  const Csr& c = csr_for(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(eigenvector_centrality(c).scores.data());
  set_counters(state, c);
}
BENCHMARK(BM_Eigenvector)
    ->RangeMultiplier(10)
    ->Range(1000, 10000000)
    ->Unit(benchmark::kMillisecond);

void BM_Degree(benchmark::State& state) {
  const Csr& c = csr_for(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(degree_centrality(c).scores.data());
  set_counters(state, c);
}
BENCHMARK(BM_Degree)->RangeMultiplier(10)->Range(1000, 10000000)->Unit(benchmark::kMillisecond);

// All-sources kernels are O(V E): exact up to 10^5 edges.
void BM_Closeness(benchmark::State& state) {
  const Csr& c = csr_for(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(closeness_centrality(c).scores.data());
  set_counters(state, c);
}
BENCHMARK(BM_Closeness)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(50000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);

void BM_Harmonic(benchmark::State& state) {
  const Csr& c = csr_for(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(harmonic_centrality(c).scores.data());
  set_counters(state, c);
}
BENCHMARK(BM_Harmonic)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_Betweenness(benchmark::State& state) {
  const Csr& c = csr_for(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(betweenness_centrality(c).scores.data());
  set_counters(state, c);
}
BENCHMARK(BM_Betweenness)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(50000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);

void BM_BetweennessWeighted(benchmark::State& state) {
  const Csr& c = csr_for(state.range(0), true);
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        betweenness_centrality(c, {.cost = EdgeCost::kInverseWeight}).scores.data());
  }
  set_counters(state, c);
}
BENCHMARK(BM_BetweennessWeighted)->Arg(1000)->Arg(10000)->Arg(50000)->Unit(benchmark::kMillisecond);

// Sampled: 64 sources, so it scales to 10^7 edges.
void BM_BetweennessSampled(benchmark::State& state) {
  const Csr& c = csr_for(state.range(0));
  for (auto _ : state) {
    benchmark::DoNotOptimize(betweenness_centrality(c, {.samples = 64, .seed = 1}).scores.data());
  }
  set_counters(state, c);
}
BENCHMARK(BM_BetweennessSampled)
    ->RangeMultiplier(10)
    ->Range(1000, 10000000)
    ->Unit(benchmark::kMillisecond);

// Boost.Graph's Brandes on the same graphs (single-threaded; setup outside the loop).
void BM_BetweennessBoost(benchmark::State& state) {
  const Csr& c = csr_for(state.range(0));
  using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  G g(c.n);
  for (std::uint32_t u = 0; u < c.n; ++u)
    for (std::uint64_t i = c.offsets[u]; i < c.offsets[u + 1]; ++i)
      if (u < c.targets[i]) boost::add_edge(u, c.targets[i], g);
  std::vector<double> scores(c.n);
  for (auto _ : state) {
    boost::brandes_betweenness_centrality(
        g, boost::make_iterator_property_map(scores.begin(), boost::get(boost::vertex_index, g)));
    benchmark::DoNotOptimize(scores.data());
  }
  set_counters(state, c);
}
BENCHMARK(BM_BetweennessBoost)->Arg(1000)->Arg(10000)->Arg(50000)->Unit(benchmark::kMillisecond);

// Our kernel on one thread, for a like-for-like comparison with Boost.
void BM_BetweennessOneThread(benchmark::State& state) {
  const Csr& c = csr_for(state.range(0));
  for (auto _ : state) {
    benchmark::DoNotOptimize(betweenness_centrality(c, {.threads = 1}).scores.data());
  }
  set_counters(state, c);
}
BENCHMARK(BM_BetweennessOneThread)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(50000)
    ->Unit(benchmark::kMillisecond);

// Directed view of the same edges (out-rows top-down, in-rows bottom-up), one thread.
void BM_BetweennessDirected(benchmark::State& state) {
  const GeneratedEdges& e = edges_for(state.range(0));
  const Csr c = build_csr(e.nodes, e.edges, {}, {.directed = true});
  for (auto _ : state) {
    benchmark::DoNotOptimize(betweenness_centrality(c, {.threads = 1}).scores.data());
  }
  set_counters(state, c);
}
BENCHMARK(BM_BetweennessDirected)->Arg(10000)->Arg(50000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
