// Large graphs (issue 6): the whole pipeline on graphs of the GDELT-calibrated generator
// (graph::gdelt_profile, seed 42: min degree 1, the sample's kind, relation and self-loop
// mix, hub kinds, about 0.62 nodes per edge, one evidence sentence per edge) at 10^5 and
// 10^6 edges, and 10^7 with STAKEGRAPH_BENCH_LARGE=1:
//   BM_LargeGenerate/<edges>    generate_graph (the Graph with evidence and text)
//   BM_LargeSave/<edges>        io::save_sgpb (MB/s of file written)
//   BM_LargeBuildCsr/<edges>    graph::build_csr, the analytics view the CLI builds
//                               (undirected, unweighted); counter csr_bytes_per_edge, and
//                               csr_dw_bytes_per_edge for the largest view (directed, weighted)
//   BM_LargePageRank/<edges>    graph::pagerank, default options (as `centrality --metric
//                               pagerank`)
//   BM_LargeComponents/<edges>  graph::connected_components
//   BM_LargeBetweennessSampled/<edges>  graph::betweenness_centrality, 32 sampled sources
//   BM_LargeLouvain/<edges>     graph::louvain, one run, seed 1
//   BM_LargeRenderTop100/<edges>  rank the nodes by degree, take the induced subgraph of the
//                               top 100 (io::select_for_drawing) and render it to SVG
//                               (io::Renderer), as `render --top 100`: the hubs are tied by
//                               many relations (about 9,000 among the top 100 at 10^5 edges),
//                               so parallel edges are merged (one per ordered pair) and the
//                               engine is sfdp (counters: relations, drawn_edges)
//   BM_LargeLoad/<edges>        io::load_sgpb of the file saved above
// The cases of one size run one after the other on one graph (built once, outside the timed
// loops, and dropped before the next size, so that only one large graph is in memory); each
// case builds what it needs when run alone. The load case drops the graph first, so that it
// measures the memory of the loaded graph. The .sgpb file goes to $TMPDIR (or /tmp) and is
// removed at exit. Time is wall clock (UseRealTime); CPU is the CPU time of the whole process
// (MeasureProcessCPUTime: every thread). Counters: edges, nodes; peak_rss_mb = the process's
// peak resident set so far (getrusage), graph_bytes_per_edge = heap of the Graph per edge.
//   build/bench/large_bench --benchmark_filter='/1000000/'
//   STAKEGRAPH_BENCH_LARGE=1 TMPDIR=/big/dir build/bench/large_bench
//   --benchmark_filter='/10000000/'
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "graph/betweenness.hpp"
#include "graph/centrality.hpp"
#include "graph/communities.hpp"
#include "graph/components.hpp"
#include "graph/csr.hpp"
#include "graph/generate.hpp"
#include "graph/graph.hpp"
#include "io/formats/sgpb.hpp"
#include "io/render/renderer.hpp"

namespace {

using namespace stakegraph;
namespace fs = std::filesystem;

constexpr std::uint64_t kSeed = 42;
constexpr std::uint32_t kBetweennessSamples = 32;
constexpr std::size_t kRenderTop = 100;

double heap_bytes() {
  const auto m = mallinfo2();
  return static_cast<double>(m.uordblks + m.hblkhd);
}

double peak_rss_mb() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

// The one size in memory: its graph, its analytics view and its saved file.
class Fixture {
 public:
  ~Fixture() { reset(0); }

  void reset(std::int64_t edges) {
    if (!path_.empty()) fs::remove(path_);
    path_.clear();
    graph_.reset();
    csr_.reset();
    edges_ = edges;
  }
  std::int64_t edges() const { return edges_; }
  graph::GenerateOptions options() const {
    graph::GenerateOptions o = graph::gdelt_profile(static_cast<std::uint64_t>(edges_), kSeed);
    return o;
  }

  // For `edges`: switches size when needed (dropping the previous one).
  Fixture& at(std::int64_t edges) {
    if (edges != edges_) reset(edges);
    return *this;
  }
  void drop_graph() {
    graph_.reset();
    csr_.reset();
  }
  void set_graph(std::unique_ptr<graph::Graph> g) { graph_ = std::move(g); }
  const graph::Graph& graph() {
    if (!graph_) graph_ = std::make_unique<graph::Graph>(graph::generate_graph(options()));
    return *graph_;
  }
  void set_csr(std::unique_ptr<graph::Csr> c) { csr_ = std::move(c); }
  const graph::Csr& csr() {
    if (!csr_) csr_ = std::make_unique<graph::Csr>(graph::build_csr(graph()));
    return *csr_;
  }
  // The saved file; written (untimed) when no save case ran yet.
  const std::string& path() {
    if (path_.empty() || !fs::exists(path_)) {
      path_ = file_name();
      io::save_sgpb(graph(), path_);
    }
    return path_;
  }
  std::string file_name() {
    path_ = (fs::temp_directory_path() / ("stakegraph_large_bench_" + std::to_string(::getpid()) +
                                          "_" + std::to_string(edges_) + ".sgpb"))
                .string();
    return path_;
  }

 private:
  std::int64_t edges_ = 0;
  std::unique_ptr<graph::Graph> graph_;
  std::unique_ptr<graph::Csr> csr_;
  std::string path_;
};

Fixture& fixture(std::int64_t edges) {
  static Fixture f;
  return f.at(edges);
}

void common_counters(benchmark::State& state, std::int64_t edges, std::uint64_t nodes) {
  state.counters["edges"] = static_cast<double>(edges);
  state.counters["nodes"] = static_cast<double>(nodes);
  state.counters["peak_rss_mb"] = peak_rss_mb();
}

void generate_case(benchmark::State& state, std::int64_t m) {
  Fixture& f = fixture(m);
  const graph::GenerateOptions o = f.options();
  double bytes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    f.drop_graph();
    const double before = heap_bytes();
    state.ResumeTiming();
    auto g = std::make_unique<graph::Graph>(graph::generate_graph(o));
    state.PauseTiming();
    bytes = heap_bytes() - before;
    f.set_graph(std::move(g));
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * m);
  state.counters["graph_bytes_per_edge"] = bytes / static_cast<double>(m);
  state.counters["evidence"] = static_cast<double>(f.graph().evidence_count());
  common_counters(state, m, f.graph().node_count());
}

void save_case(benchmark::State& state, std::int64_t m) {
  Fixture& f = fixture(m);
  const graph::Graph& g = f.graph();
  const std::string path = f.file_name();
  for (auto _ : state) io::save_sgpb(g, path);
  const auto size = fs::file_size(path);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
  state.counters["file_bytes_per_edge"] = static_cast<double>(size) / static_cast<double>(m);
  common_counters(state, m, g.node_count());
}

void build_csr_case(benchmark::State& state, std::int64_t m) {
  Fixture& f = fixture(m);
  const graph::Graph& g = f.graph();
  std::size_t bytes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    f.set_csr(nullptr);
    state.ResumeTiming();
    auto c = std::make_unique<graph::Csr>(graph::build_csr(g));
    bytes = c->memory_bytes();
    f.set_csr(std::move(c));
  }
  state.SetItemsProcessed(state.iterations() * m);
  state.counters["csr_bytes_per_edge"] = static_cast<double>(bytes) / static_cast<double>(m);
  {
    const graph::Csr dw = graph::build_csr(g, {.directed = true, .weighted = true});
    state.counters["csr_dw_bytes_per_edge"] =
        static_cast<double>(dw.memory_bytes()) / static_cast<double>(m);
  }
  common_counters(state, m, g.node_count());
}

void pagerank_case(benchmark::State& state, std::int64_t m) {
  const graph::Csr& c = fixture(m).csr();
  std::uint32_t iterations = 0;
  for (auto _ : state) {
    const graph::CentralityResult r = graph::pagerank(c);
    iterations = r.iterations;
    benchmark::DoNotOptimize(r.scores.data());
  }
  state.counters["iterations"] = iterations;
  common_counters(state, m, c.n);
}

void components_case(benchmark::State& state, std::int64_t m) {
  const graph::Csr& c = fixture(m).csr();
  graph::ComponentsResult r;
  for (auto _ : state) {
    r = graph::connected_components(c);
    benchmark::DoNotOptimize(r.membership.data());
  }
  std::vector<std::uint32_t> sizes(r.count, 0);
  for (std::uint32_t x : r.membership) ++sizes[x];
  state.counters["components"] = r.count;
  state.counters["largest"] = sizes.empty() ? 0 : *std::max_element(sizes.begin(), sizes.end());
  common_counters(state, m, c.n);
}

void betweenness_case(benchmark::State& state, std::int64_t m) {
  const graph::Csr& c = fixture(m).csr();
  for (auto _ : state) {
    const graph::CentralityResult r =
        graph::betweenness_centrality(c, {.samples = kBetweennessSamples, .seed = 1});
    benchmark::DoNotOptimize(r.scores.data());
  }
  state.counters["samples"] = kBetweennessSamples;
  common_counters(state, m, c.n);
}

void louvain_case(benchmark::State& state, std::int64_t m) {
  const graph::Csr& c = fixture(m).csr();
  graph::CommunityResult r;
  for (auto _ : state) {
    r = graph::louvain(c, {.seed = 1});
    benchmark::DoNotOptimize(r.membership.data());
  }
  state.counters["modularity"] = r.modularity;
  state.counters["communities"] = r.count;
  common_counters(state, m, c.n);
}

void render_case(benchmark::State& state, std::int64_t m) {
  Fixture& f = fixture(m);
  const graph::Graph& g = f.graph();
  const graph::Csr& c = f.csr();
  io::Renderer renderer;
  std::size_t svg_bytes = 0, drawn_edges = 0, relations = 0;
  for (auto _ : state) {
    // Rank by degree (distinct neighbours, the analytics view's degree), best first.
    const graph::CentralityResult d = graph::degree_centrality(c);
    std::vector<graph::NodeIndex> ranking(c.n);
    std::iota(ranking.begin(), ranking.end(), graph::NodeIndex{0});
    std::partial_sort(ranking.begin(), ranking.begin() + static_cast<std::ptrdiff_t>(kRenderTop),
                      ranking.end(), [&](graph::NodeIndex a, graph::NodeIndex b) {
                        return d.scores[a] > d.scores[b] || (d.scores[a] == d.scores[b] && a < b);
                      });
    ranking.resize(kRenderTop);
    io::RenderOptions o;
    o.ranking = std::move(ranking);
    o.top = kRenderTop;
    const io::Selection s = io::select_for_drawing(g, o);
    relations = s.graph->edge_count();
    drawn_edges = io::drawn_edge_count(*s.graph, s.draw.merge_parallel);
    io::RenderOptions draw;  // automatic engine and merging, as the CLI
    draw.draw = s.draw;
    const std::string svg = renderer.render(*s.graph, io::ImageFormat::kSvg, draw);
    svg_bytes = svg.size();
    benchmark::DoNotOptimize(svg.data());
  }
  state.counters["drawn_nodes"] = kRenderTop;
  state.counters["drawn_edges"] = static_cast<double>(drawn_edges);
  state.counters["relations"] = static_cast<double>(relations);
  state.counters["svg_kb"] = static_cast<double>(svg_bytes) / 1024.0;
  common_counters(state, m, g.node_count());
}

void load_case(benchmark::State& state, std::int64_t m) {
  Fixture& f = fixture(m);
  const std::string path = f.path();
  f.drop_graph();
  const auto size = fs::file_size(path);
  double bytes = 0;
  std::uint64_t nodes = 0;
  for (auto _ : state) {
    const double before = heap_bytes();
    auto g = std::make_unique<graph::Graph>(io::load_sgpb(path));
    state.PauseTiming();
    bytes = heap_bytes() - before;
    nodes = g->node_count();
    g.reset();
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
  state.counters["graph_bytes_per_edge"] = bytes / static_cast<double>(m);
  common_counters(state, m, nodes);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::int64_t> sizes = {100'000, 1'000'000};
  const char* large = std::getenv("STAKEGRAPH_BENCH_LARGE");
  if (large && std::string(large) == "1") sizes.push_back(10'000'000);
  using Case = void (*)(benchmark::State&, std::int64_t);
  const std::pair<const char*, Case> cases[] = {
      {"BM_LargeGenerate", generate_case},
      {"BM_LargeSave", save_case},
      {"BM_LargeBuildCsr", build_csr_case},
      {"BM_LargePageRank", pagerank_case},
      {"BM_LargeComponents", components_case},
      {"BM_LargeBetweennessSampled", betweenness_case},
      {"BM_LargeLouvain", louvain_case},
      {"BM_LargeRenderTop100", render_case},
      {"BM_LargeLoad", load_case},
  };
  // Size-major order: every case of one size, then the next size (one graph in memory).
  for (const std::int64_t m : sizes) {
    for (const auto& [name, run] : cases) {
      benchmark::RegisterBenchmark((std::string(name) + "/" + std::to_string(m)).c_str(),
                                   [run = run, m](benchmark::State& s) { run(s, m); })
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime()
          ->MeasureProcessCPUTime();
    }
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  // Remove the saved file now (the fixture is a function-local static).
  fixture(0);
  return 0;
}
