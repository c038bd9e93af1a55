// Part-of-speech tagging speed (io/extract/tagger.hpp): the sample articles' bodies,
// tokenized once outside the loop, tagged with the shipped word classes (loaded before the
// loop); and the load of the shipped table itself (a fresh parse of data/wordnet).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "io/extract/tagger.hpp"
#include "io/extract/word_classes.hpp"
#include "io/extract_text.hpp"

namespace {

using namespace stakegraph;

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The sample articles (samples/articles/*.txt), each as one text.
std::vector<std::string> sample_texts() {
  std::vector<std::string> out;
  const std::filesystem::path dir =
      std::filesystem::path(STAKEGRAPH_SOURCE_DIR) / "samples/articles";
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".txt") out.push_back(slurp(e.path()));
  return out;
}

void BM_TagSamples(benchmark::State& state) {
  std::vector<io::TextLayout> layouts;
  for (const std::string& t : sample_texts()) layouts.push_back(io::split_text(t));
  std::size_t tokens = 0;
  for (const auto& l : layouts) tokens += l.tokens.size();
  const auto& table = io::extract::WordClassTable::shipped();
  io::extract::TagOptions o;
  o.table = &table;
  for (auto _ : state)
    for (const auto& l : layouts) benchmark::DoNotOptimize(io::extract::tag_layout(l, o));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens * state.iterations()),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagSamples)->Unit(benchmark::kMicrosecond);

void BM_LoadWordClasses(benchmark::State& state) {
  const std::string path = std::string(STAKEGRAPH_SOURCE_DIR) + "/data/wordnet/wordclasses.tsv";
  for (auto _ : state) benchmark::DoNotOptimize(io::extract::WordClassTable::load(path).size());
}
BENCHMARK(BM_LoadWordClasses)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
