// Save and load of the native .sgpb file at 10^3..10^7 edges (MB/s), and bytes per edge in
// memory (Graph model) and on disk. Each edge carries one evidence record with a ~60-byte
// sentence, as extraction produces.
//   build/bench/io_bench --benchmark_filter='Sgpb.*/1000000'
// Loads: version 3 whole (BM_SgpbLoad), version 2 whole (BM_SgpbLoadV2, files written before
// version 3), version 3 topology alone (BM_SgpbLoadTopology), the topology as arrays
// (BM_SgpbLoadArrays) and the analytics view from them (BM_SgpbLoadArraysCsr; against
// BM_SgpbLoadTopologyCsr, the Graph then its view: what the analytics read before).
// And one edge with many evidence items (issue 13: duplicate detection was a linear scan per
// item, quadratic per edge): add_evidence, and a JSON file that lists the edge once with N
// items or N times with one item each. Time per item should stay flat as N grows.
//   build/bench/io_bench --benchmark_filter='OneEdge'
#include <benchmark/benchmark.h>

#include <malloc.h>

#include <filesystem>
#include <optional>
#include <random>
#include <string>

#include "graph/csr.hpp"
#include "graph/graph.hpp"
#include "io/formats/formats.hpp"
#include "io/formats/json_format.hpp"
#include "io/formats/sgpb.hpp"
#include "io/formats/sgpb_v3.hpp"
#include "io/formats/topology_arrays.hpp"

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

// Load of a file of format `version`: whole (load_sgpb) or, with `topology`, the topology
// alone (load_sgpb_topology: node and edge tables of a version 3 file; MB/s counts the
// whole file's bytes, of which it reads `read_fraction`).
void sgpb_load(benchmark::State& state, std::uint32_t version, bool topology) {
  const auto edges = static_cast<std::size_t>(state.range(0));
  const std::string path = bench_path();
  {
    const graph::Graph g = news_like_graph(edges, 42);
    io::save_sgpb(g, path, {.format_version = version});
  }
  const auto size = std::filesystem::file_size(path);
  double mem = 0, read = static_cast<double>(size);
  for (auto _ : state) {
    const std::size_t heap0 = heap_in_use();
    if (topology) {
      io::SgpbTopology t = io::load_sgpb_topology(path);
      read = static_cast<double>(t.bytes_read);
      mem = static_cast<double>(heap_in_use() - heap0);
      benchmark::DoNotOptimize(t);
    } else {
      graph::Graph g = io::load_sgpb(path);
      mem = static_cast<double>(heap_in_use() - heap0);
      benchmark::DoNotOptimize(g);
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
  state.counters["mem_bytes_per_edge_loaded"] = mem / static_cast<double>(edges);
  state.counters["file_bytes_per_edge"] = static_cast<double>(size) / static_cast<double>(edges);
  state.counters["read_fraction"] = read / static_cast<double>(size);
  std::filesystem::remove(path);
}

void BM_SgpbLoad(benchmark::State& state) { sgpb_load(state, io::kSgpbFormatVersion, false); }
// The layout before version 3 (as files written before it), read whole.
void BM_SgpbLoadV2(benchmark::State& state) { sgpb_load(state, 2, false); }
void BM_SgpbLoadTopology(benchmark::State& state) { sgpb_load(state, 3, true); }

// What the analytics commands read when they need no graph::Graph (io/formats/topology_arrays.hpp):
// the topology of a version 3 file as arrays, then (with `csr`) the undirected analytics
// view built from them, the arrays' edges released as the commands do. Against
// BM_SgpbLoadTopologyCsr: load_sgpb_topology then graph::build_csr of the Graph (the path
// before). mem_bytes_per_edge_loaded: heap in use after the load (and the view).
void sgpb_load_view(benchmark::State& state, bool arrays, bool csr) {
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
    if (arrays) {
      std::optional<io::TopologyArrays> t = io::load_topology_arrays(path);
      if (csr) {
        graph::Csr c = io::csr_of(*t);
        t->release_edges();
        mem = static_cast<double>(heap_in_use() - heap0);
        benchmark::DoNotOptimize(c);
      } else {
        mem = static_cast<double>(heap_in_use() - heap0);
      }
      benchmark::DoNotOptimize(t);
    } else {
      io::SgpbTopology t = io::load_sgpb_topology(path);
      graph::Csr c = graph::build_csr(t.graph);
      mem = static_cast<double>(heap_in_use() - heap0);
      benchmark::DoNotOptimize(c);
      benchmark::DoNotOptimize(t);
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
  state.counters["mem_bytes_per_edge_loaded"] = mem / static_cast<double>(edges);
  state.counters["file_bytes_per_edge"] = static_cast<double>(size) / static_cast<double>(edges);
  std::filesystem::remove(path);
}

void BM_SgpbLoadArrays(benchmark::State& state) { sgpb_load_view(state, true, false); }
void BM_SgpbLoadArraysCsr(benchmark::State& state) { sgpb_load_view(state, true, true); }
void BM_SgpbLoadTopologyCsr(benchmark::State& state) { sgpb_load_view(state, false, true); }

graph::Evidence numbered_evidence(std::uint32_t article, std::uint32_t i) {
  graph::Evidence ev;
  ev.article = article;
  ev.sentence = i;
  ev.start = i * 64;
  ev.end = ev.start + 60;
  ev.text = "Sentence " + std::to_string(i) + " in which one actor acts upon another one.";
  return ev;
}

void BM_AddEvidenceOneEdge(benchmark::State& state) {
  const auto items = static_cast<std::uint32_t>(state.range(0));
  std::vector<graph::Evidence> evidence;
  for (std::uint32_t i = 0; i < items; ++i) evidence.push_back(numbered_evidence(0, i));
  for (auto _ : state) {
    graph::Graph g;
    const auto a = g.add_article({.id = "bench"});
    const auto e = g.add_edge(g.add_node("A", graph::Kind::kGovernment),
                              g.add_node("B", graph::Kind::kVendor), graph::Relation::kSanction);
    for (const auto& ev : evidence) {
      graph::Evidence copy = ev;
      copy.article = a;
      g.add_evidence(e, std::move(copy));
    }
    benchmark::DoNotOptimize(g);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * items));
}

// The JSON text of nodes A and B and `items` evidence items on A -SANCTION-> B: in one edge
// element (`repeat` false) or in `items` elements of the same edge.
std::string one_edge_json(std::uint32_t items, bool repeat) {
  std::string out =
      "{\"format_version\": 1, \"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}],"
      " \"edges\": [";
  auto item = [](std::uint32_t i) {
    return "{\"article\": \"bench\", \"sentence\": " + std::to_string(i) +
           ", \"text\": \"Sentence " + std::to_string(i) +
           " in which one actor acts upon another one.\"}";
  };
  const std::string head =
      R"({"source": "a", "target": "b", "relation": "SANCTION", "evidence": [)";
  if (!repeat) out += head;
  for (std::uint32_t i = 0; i < items; ++i) {
    if (repeat)
      out += (i ? ", " : "") + head + item(i) + "]}";
    else
      out += (i ? ", " : "") + item(i);
  }
  if (!repeat) out += "]}";
  return out + "]}";
}

void BM_JsonLoadOneEdge(benchmark::State& state) {
  const auto items = static_cast<std::uint32_t>(state.range(0));
  const std::string text = one_edge_json(items, state.range(1) != 0);
  for (auto _ : state) {
    graph::Graph g = io::parse_json(text, "bench.json");
    benchmark::DoNotOptimize(g);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * items));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

BENCHMARK(BM_AddEvidenceOneEdge)
    ->Arg(1000)
    ->Arg(80'000)
    ->Arg(320'000)
    ->Arg(1'280'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_JsonLoadOneEdge)
    ->ArgsProduct({{1000, 80'000, 320'000, 1'280'000}, {0, 1}})
    ->ArgNames({"items", "repeated"})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_SgpbSave)
    ->Arg(1000)
    ->Arg(1'000'000)
    ->Arg(10'000'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_SgpbLoad)
    ->Arg(1000)
    ->Arg(1'000'000)
    ->Arg(10'000'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_SgpbLoadV2)
    ->Arg(1000)
    ->Arg(1'000'000)
    ->Arg(10'000'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_SgpbLoadTopology)
    ->Arg(1000)
    ->Arg(1'000'000)
    ->Arg(10'000'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_SgpbLoadArrays)
    ->Arg(1000)
    ->Arg(1'000'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_SgpbLoadArraysCsr)
    ->Arg(1000)
    ->Arg(1'000'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_SgpbLoadTopologyCsr)
    ->Arg(1000)
    ->Arg(1'000'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
