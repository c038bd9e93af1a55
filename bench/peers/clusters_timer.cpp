// Times our Louvain and connected components on a graph given as an edge list file ("u v"
// per line, 0-based node ids, as python-igraph's Graph.write_edgelist writes it), so that
// bench/peers/clusters_peers.py can compare them with igraph and graph-tool on the very same
// graph. Google Benchmark program; the edge list path is the first non-flag argument.
//   build/bench/clusters_timer EDGES.txt --benchmark_format=json
// Benchmarks: BM_PeerLouvain/seed:S (default options, one seeded run; counters modularity
// and communities), BM_PeerLouvain/restarts:R (seeds 1..R, the best kept; the runs share
// the OpenMP threads), BM_PeerComponents, BM_PeerCsrBuild (edge list -> CSR).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "graph/communities.hpp"
#include "graph/components.hpp"
#include "graph/csr.hpp"

namespace {

using namespace stakegraph;

struct Input {
  std::uint32_t n = 0;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  graph::Csr csr;
};

Input read_edges(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  Input g;
  std::uint64_t a = 0, b = 0;
  while (in >> a >> b) {
    if (a >= 0xFFFFFFFFull || b >= 0xFFFFFFFFull) throw std::runtime_error(path + ": id too large");
    g.edges.emplace_back(static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b));
    g.n = std::max<std::uint32_t>(g.n, static_cast<std::uint32_t>(std::max(a, b) + 1));
  }
  if (!in.eof()) throw std::runtime_error(path + ": not an edge list of integer pairs");
  g.csr = graph::build_csr(g.n, g.edges, {});
  return g;
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (argc != 2) {
    std::cerr << "usage: clusters_timer EDGES.txt [--benchmark_...]\n";
    return 2;
  }
  Input input;
  try {
    input = read_edges(argv[1]);
  } catch (const std::exception& e) {
    std::cerr << "clusters_timer: " << e.what() << "\n";
    return 1;
  }
  const Input* g = &input;
  for (int seed = 1; seed <= 5; ++seed) {
    benchmark::RegisterBenchmark(("BM_PeerLouvain/seed:" + std::to_string(seed)).c_str(),
                                 [g, seed](benchmark::State& state) {
                                   graph::CommunityResult r;
                                   for (auto _ : state) {
                                     r = graph::louvain(g->csr,
                                                        {.seed = static_cast<std::uint64_t>(seed)});
                                     benchmark::DoNotOptimize(r.membership.data());
                                   }
                                   state.counters["modularity"] = r.modularity;
                                   state.counters["communities"] = r.count;
                                 })
        ->Unit(benchmark::kMillisecond);
  }
  for (int restarts : {2, 4}) {
    benchmark::RegisterBenchmark(("BM_PeerLouvain/restarts:" + std::to_string(restarts)).c_str(),
                                 [g, restarts](benchmark::State& state) {
                                   graph::CommunityResult r;
                                   for (auto _ : state) {
                                     r = graph::louvain(g->csr, {.seed = 1, .restarts = restarts});
                                     benchmark::DoNotOptimize(r.membership.data());
                                   }
                                   state.counters["modularity"] = r.modularity;
                                   state.counters["communities"] = r.count;
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
  }
  benchmark::RegisterBenchmark("BM_PeerComponents", [g](benchmark::State& state) {
    graph::ComponentsResult r;
    for (auto _ : state) {
      r = graph::connected_components(g->csr);
      benchmark::DoNotOptimize(r.count);
    }
    state.counters["components"] = r.count;
  })->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_PeerCsrBuild", [g](benchmark::State& state) {
    for (auto _ : state) {
      graph::Csr c = graph::build_csr(g->n, g->edges, {});
      benchmark::DoNotOptimize(c.targets.data());
    }
  })->Unit(benchmark::kMillisecond);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
