// Rendering through Graphviz (io/render/renderer.hpp): the whole path from a Graph to the output
// bytes (drawing rules, cgraph build, layout, render) on news-like graphs of 50..2000 nodes
// with about two edges per node, each edge with one or more evidence sentences.
//   BM_RenderSvg/<nodes>      automatic layout (dot up to 300 nodes, sfdp above)
//   BM_RenderSvgLayout/<engine>/200   one engine at 200 nodes (0 dot, 1 neato, 2 fdp, 3 sfdp, 4
//   circo) BM_RenderPng/<nodes>, BM_RenderPdf/<nodes>   cairo output BM_WriteDot/<nodes>       DOT
//   text only (no layout): the export used by extract/convert
// The Graphviz work runs on the renderer's own thread (io/render/renderer.hpp), so times are wall
// clock (UseRealTime); the calling thread only waits.
//   build/bench/render_bench --benchmark_filter='BM_RenderSvg/200'
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>
#include <string>

#include "graph/graph.hpp"
#include "io/render/dot.hpp"
#include "io/render/renderer.hpp"

namespace {

using namespace stakegraph;

// Power-law-ish endpoints (a few hubs, many leaves), all kinds and relations, names of
// realistic length, one to three evidence sentences per edge (a quarter hedged).
graph::Graph news_like_graph(std::size_t nodes, unsigned seed) {
  graph::Graph g;
  std::mt19937_64 rng(seed);
  const auto article = g.add_article({.id = "bench", .title = "Bench article", .date = 20200101});
  for (std::size_t i = 0; i < nodes; ++i)
    g.add_node("Stakeholder number " + std::to_string(i), static_cast<graph::Kind>(1 + i % 8));
  std::uniform_real_distribution<double> u(0.0, 1.0);
  auto pick = [&] {
    return static_cast<graph::NodeIndex>(
        std::min<double>(static_cast<double>(nodes - 1),
                         std::exp(u(rng) * std::log(static_cast<double>(nodes))) - 1));
  };
  const std::size_t edges = 2 * nodes;
  for (std::size_t i = 0; g.edge_count() < edges && i < 20 * edges; ++i) {
    const auto s = pick(), t = pick();
    if (s == t) continue;
    const auto e = g.add_edge(s, t, static_cast<graph::Relation>(1 + rng() % 25));
    const std::size_t k = 1 + rng() % 3;
    for (std::size_t j = 0; j < k; ++j) {
      graph::Evidence ev;
      ev.article = article;
      ev.sentence = static_cast<std::uint32_t>(i * 3 + j);
      ev.start = ev.sentence * 80;
      ev.end = ev.start + 70;
      ev.text = "Sentence " + std::to_string(ev.sentence) +
                " says that one stakeholder acted towards another one.";
      ev.hedged = rng() % 4 == 0;
      g.add_evidence(e, ev);
    }
  }
  return g;
}

void render_case(benchmark::State& state, const graph::Graph& g, io::ImageFormat format,
                 const io::RenderOptions& options) {
  io::Renderer renderer;
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string out = renderer.render(g, format, options);
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["nodes"] = static_cast<double>(g.node_count());
  state.counters["edges"] = static_cast<double>(g.edge_count());
  state.counters["out_bytes"] = static_cast<double>(bytes);
}

void BM_RenderSvg(benchmark::State& state) {
  const auto g = news_like_graph(static_cast<std::size_t>(state.range(0)), 42);
  render_case(state, g, io::ImageFormat::kSvg, {});
}
BENCHMARK(BM_RenderSvg)
    ->Arg(50)
    ->Arg(100)
    ->Arg(200)
    ->Arg(300)
    ->Arg(1000)
    ->Arg(2000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_RenderSvgLayout(benchmark::State& state) {
  const auto g = news_like_graph(static_cast<std::size_t>(state.range(1)), 42);
  io::RenderOptions o;
  o.layout = static_cast<io::Layout>(state.range(0));
  state.SetLabel(std::string(io::layout_name(*o.layout)));
  render_case(state, g, io::ImageFormat::kSvg, o);
}
BENCHMARK(BM_RenderSvgLayout)
    ->ArgsProduct({{0, 1, 2, 3, 4}, {200}})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_RenderPng(benchmark::State& state) {
  const auto g = news_like_graph(static_cast<std::size_t>(state.range(0)), 42);
  render_case(state, g, io::ImageFormat::kPng, {});
}
BENCHMARK(BM_RenderPng)->Arg(50)->Arg(200)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_RenderPdf(benchmark::State& state) {
  const auto g = news_like_graph(static_cast<std::size_t>(state.range(0)), 42);
  render_case(state, g, io::ImageFormat::kPdf, {});
}
BENCHMARK(BM_RenderPdf)->Arg(50)->Arg(200)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_WriteDot(benchmark::State& state) {
  const auto g = news_like_graph(static_cast<std::size_t>(state.range(0)), 42);
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::ostringstream out;
    io::write_dot(g, out);
    bytes = out.str().size();
    benchmark::DoNotOptimize(bytes);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["nodes"] = static_cast<double>(g.node_count());
}
BENCHMARK(BM_WriteDot)->Arg(200)->Arg(2000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
