// GDELT import speed: rows per second for `import_gdelt` (parse, resolve actors, add edges
// and evidence) on plain and gzip files, and for the reader alone, at 10^5 and 10^6 rows
// (10^7 with STAKEGRAPH_BENCH_LARGE=1). The input is made in setup by resampling the real
// rows of tests/data/gdelt/gdelt1_events_sample_710rows.tsv (fixed seed) with fresh
// GLOBALEVENTIDs, so every row is imported, none is a duplicate.
//   build/bench/gdelt_bench --benchmark_filter='ImportGdelt/1000000'
// Counters: items_per_second = rows/s; heap_mb = heap in use after the run (the graph);
// scan_heap_mb for the reader alone (flat in the file size: it streams).
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "graph/graph.hpp"
#include "io/gdelt/gdelt.hpp"

namespace {

using namespace stakegraph;
namespace fs = std::filesystem;

const fs::path kSample =
    fs::path(STAKEGRAPH_TEST_DATA_DIR) / "gdelt/gdelt1_events_sample_710rows.tsv";

double heap_mb() {
  const auto m = mallinfo2();
  return static_cast<double>(m.uordblks + m.hblkhd) / (1024.0 * 1024.0);
}

// The generated inputs, one per (rows, gzip), removed at exit.
class Inputs {
 public:
  ~Inputs() {
    for (const auto& [key, path] : files_) fs::remove(path);
  }
  // Empty when the sample is absent.
  const std::string& get(std::int64_t rows, bool gz) {
    const auto key = std::make_pair(rows, gz);
    if (auto it = files_.find(key); it != files_.end()) return it->second;
    std::string& path = files_[key];
    std::ifstream in(kSample, std::ios::binary);
    std::vector<std::string> sample;
    for (std::string line; std::getline(in, line);) sample.push_back(line);
    if (sample.empty()) return path;
    path = (fs::temp_directory_path() / ("stakegraph_gdelt_bench_" + std::to_string(::getpid()) +
                                         "_" + std::to_string(rows) + (gz ? ".tsv.gz" : ".tsv")))
               .string();
    std::mt19937_64 rng(42);
    std::uniform_int_distribution<std::size_t> pick(0, sample.size() - 1);
    gzFile z = gz ? gzopen(path.c_str(), "wb6") : nullptr;
    std::ofstream out;
    if (!gz) out.open(path, std::ios::binary);
    std::string buf;
    for (std::int64_t i = 0; i < rows; ++i) {
      const std::string& line = sample[pick(rng)];
      buf += std::to_string(100000000 + i);  // a fresh GLOBALEVENTID
      buf.append(line, line.find('\t'));
      buf += '\n';
      if (buf.size() > (1u << 20) || i + 1 == rows) {
        if (z) {
          gzwrite(z, buf.data(), static_cast<unsigned>(buf.size()));
        } else {
          out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
        }
        buf.clear();
      }
    }
    if (z) gzclose(z);
    return path;
  }

 private:
  std::map<std::pair<std::int64_t, bool>, std::string> files_;
};

Inputs& inputs() {
  static Inputs in;
  return in;
}

void import_case(benchmark::State& state, bool gz) {
  const std::string& file = inputs().get(state.range(0), gz);
  if (file.empty()) {
    state.SkipWithError("tests/data/gdelt sample absent");
    return;
  }
  const double file_mb = static_cast<double>(fs::file_size(file)) / (1024.0 * 1024.0);
  std::uint64_t rows = 0, imported = 0;
  double heap = 0;
  std::size_t edges = 0, nodes = 0;
  for (auto _ : state) {
    graph::Graph g;
    const io::GdeltImportResult r = io::import_gdelt(g, {file});
    rows += r.rows;
    imported = r.imported_rows;
    heap = heap_mb();
    edges = g.edge_count();
    nodes = g.node_count();
    benchmark::DoNotOptimize(g);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(rows));
  state.counters["imported"] = static_cast<double>(imported);
  state.counters["edges"] = static_cast<double>(edges);
  state.counters["nodes"] = static_cast<double>(nodes);
  state.counters["heap_mb"] = heap;
  state.counters["file_mb"] = file_mb;
}

void BM_ImportGdelt(benchmark::State& state) { import_case(state, false); }
void BM_ImportGdeltGz(benchmark::State& state) { import_case(state, true); }

// The streaming reader alone: parse every row, keep nothing.
void BM_ScanGdelt(benchmark::State& state) {
  const std::string& file = inputs().get(state.range(0), false);
  if (file.empty()) {
    state.SkipWithError("tests/data/gdelt sample absent");
    return;
  }
  std::uint64_t rows = 0, ids = 0;
  const double before = heap_mb();
  double peak = 0;
  for (auto _ : state) {
    io::GdeltReader rd(file);
    io::GdeltReader::Status st;
    while (rd.next(st)) {
      ++rows;
      if (st == io::GdeltReader::Status::kEvent) ids += rd.event().event_id & 1;
      if ((rows & 0xFFFF) == 0) peak = std::max(peak, heap_mb() - before);
    }
  }
  benchmark::DoNotOptimize(ids);
  state.SetItemsProcessed(static_cast<std::int64_t>(rows));
  state.counters["scan_heap_mb"] = peak;
}

void sizes(benchmark::internal::Benchmark* b) {
  b->Arg(100000)->Arg(1000000);
  const char* large = std::getenv("STAKEGRAPH_BENCH_LARGE");
  if (large && std::string(large) == "1") b->Arg(10000000);
  b->Unit(benchmark::kMillisecond)->UseRealTime();
}

BENCHMARK(BM_ImportGdelt)->Apply(sizes);
BENCHMARK(BM_ImportGdeltGz)->Apply(sizes);
BENCHMARK(BM_ScanGdelt)->Apply(sizes);
BENCHMARK(BM_ImportGdelt)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
