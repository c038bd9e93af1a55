// Save and load of the native .sgpb file at 10^3..10^7 edges (MB/s), and bytes per edge in
// memory (Graph model) and on disk. Each edge carries one evidence record with a ~60-byte
// sentence, as extraction produces.
//   build/bench/io_bench --benchmark_filter='Sgpb.*/1000000'
#include <benchmark/benchmark.h>

#include <malloc.h>

#include <filesystem>
#include <random>
#include <string>

#include "graph/graph.hpp"
#include "io/sgpb.hpp"

namespace {

using namespace stakegraph;

std::size_t heap_in_use() { return mallinfo2().uordblks + mallinfo2().hblkhd; }

// Power-law-ish endpoints (a few hubs, many leaves), mixed kinds and relations.
graph::Graph news_like_graph(std::size_t edges, unsigned seed) {
  graph::Graph g;
  std::mt19937_64 rng(seed);
  const std::size_t nodes = std::max<std::size_t>(16, edges / 8);
  g.reserve_nodes(nodes);
  const auto article = g.add_article({.id = "bench", .title = "bench", .date = 20200101});
  for (std::size_t i = 0; i < nodes; ++i)
    g.add_node("actor " + std::to_string(i), static_cast<graph::Kind>(1 + i % 8));
  std::uniform_real_distribution<double> u(0.0, 1.0);
  auto pick = [&] {  // P(i) ~ 1 / (i+1): Zipf via inverse transform on log scale
    return static_cast<graph::NodeIndex>(
        std::min<double>(nodes - 1, std::exp(u(rng) * std::log(static_cast<double>(nodes))) - 1));
  };
  std::size_t made = 0;
  for (std::size_t i = 0; made < edges; ++i) {
    const auto s = pick(), t = pick();
    const auto r = static_cast<graph::Relation>(1 + rng() % 25);
    const std::size_t before = g.edge_count();
    const auto e = g.add_edge(s, t, r);
    if (g.edge_count() == before) continue;
    graph::Evidence ev;
    ev.article = article;
    ev.sentence = static_cast<std::uint32_t>(i);
    ev.start = static_cast<std::uint32_t>(i * 64);
    ev.end = ev.start + 60;
    ev.text = "Sentence " + std::to_string(i) + " in which one actor acts upon another one.";
    ev.rule = "bench";
    g.add_evidence(e, std::move(ev));
    ++made;
  }
  return g;
}

std::string bench_path() {
  return (std::filesystem::temp_directory_path() / "stakegraph_io_bench.sgpb").string();
}

void BM_SgpbSave(benchmark::State& state) {
  const auto edges = static_cast<std::size_t>(state.range(0));
  const std::size_t heap0 = heap_in_use();
  const graph::Graph g = news_like_graph(edges, 42);
  const double mem = static_cast<double>(heap_in_use() - heap0);
  const std::string path = bench_path();
  for (auto _ : state) io::save_sgpb(g, path);
  const auto size = std::filesystem::file_size(path);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
  state.counters["edges"] = static_cast<double>(g.edge_count());
  state.counters["file_bytes_per_edge"] = static_cast<double>(size) / static_cast<double>(edges);
  state.counters["mem_bytes_per_edge"] = mem / static_cast<double>(edges);
  std::filesystem::remove(path);
}

void BM_SgpbLoad(benchmark::State& state) {
  const auto edges = static_cast<std::size_t>(state.range(0));
  const std::string path = bench_path();
  {
    const graph::Graph g = news_like_graph(edges, 42);
    io::save_sgpb(g, path);
  }
  const auto size = std::filesystem::file_size(path);
  double mem = 0;
  for (auto _ : state) {
    const std::size_t heap0 = heap_in_use();
    graph::Graph g = io::load_sgpb(path);
    mem = static_cast<double>(heap_in_use() - heap0);
    benchmark::DoNotOptimize(g);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
  state.counters["mem_bytes_per_edge_loaded"] = mem / static_cast<double>(edges);
  std::filesystem::remove(path);
}

BENCHMARK(BM_SgpbSave)->Arg(1000)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SgpbLoad)->Arg(1000)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
