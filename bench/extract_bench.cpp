// Extraction speed: sentences/s and bytes/s per core on a corpus of at least 10 MB built by
// repeating the sample articles and the 1987 Reuters texts, with the shipped lexicon (the
// same that produces the README's dev-set scores). Every edge is produced and counted.
// Rates are per second of CPU time of the benchmark thread (the machine is shared: wall
// time depends on the load), so "sentences/s" is sentences per second per core.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <optional>

#include "graph/graph.hpp"
#include "io/article.hpp"
#include "io/extract.hpp"
#include "io/extract/dictionary/dictionary.hpp"
#include "io/lexicon.hpp"

namespace {

namespace fs = std::filesystem;
using namespace stakegraph;

std::vector<io::ArticleText> base_articles() {
  std::vector<io::ArticleText> out;
  std::vector<std::string> paths = {std::string(STAKEGRAPH_SOURCE_DIR) + "/samples/articles"};
  const std::string reuters = std::string(STAKEGRAPH_SOURCE_DIR) +
                              "/tests/data/reuters/reuters21578_uk_japan_telecom_row_1987.jsonl";
  if (fs::exists(reuters)) paths.push_back(reuters);
  for (const auto& f : io::list_article_files(paths))
    io::for_each_article(f, [&](io::ArticleText& a) { out.push_back(a); });
  return out;
}

// `dictionaries`: with the shipped event-data dictionaries (CAMEO verb patterns), as
// `stakegraph extract` runs by default; loading them is outside the timed loop.
void extract_corpus(benchmark::State& state, bool dictionaries) {
  const io::Lexicon lex = io::Lexicon::load();
  std::optional<io::extract::dictionary::Dictionaries> dicts;
  if (dictionaries) dicts = io::extract::dictionary::load_dictionaries();
  io::ExtractOptions options;
  options.dictionaries = dicts ? &*dicts : nullptr;
  const auto base = base_articles();
  std::vector<io::ArticleText> corpus;
  std::size_t bytes = 0;
  const std::size_t target = static_cast<std::size_t>(state.range(0)) << 20;
  for (std::size_t copy = 0; bytes < target; ++copy)
    for (const auto& a : base) {
      io::ArticleText c = a;
      c.id += "#" + std::to_string(copy);  // distinct articles (syndication dedup still applies)
      bytes += c.body.size();
      corpus.push_back(std::move(c));
    }
  std::size_t sentences = 0, edges = 0;
  for (auto _ : state) {
    io::Extractor ex(lex, options);
    graph::Graph g;
    std::size_t s = 0, e = 0;
    for (const auto& a : corpus) {
      auto st = ex.extract(a, g);
      s += st.sentences;
      e += st.edges + st.skipped_syndicated;
    }
    benchmark::DoNotOptimize(g.edge_count());
    sentences += s;
    edges += e;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["edges"] =
      benchmark::Counter(static_cast<double>(edges) / static_cast<double>(state.iterations()));
  state.counters["MB"] = static_cast<double>(bytes) / (1 << 20);
  state.counters["sentences"] =
      static_cast<double>(sentences) / static_cast<double>(state.iterations());
}
void BM_Extract(benchmark::State& state) { extract_corpus(state, false); }
BENCHMARK(BM_Extract)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond);
void BM_ExtractWithDictionaries(benchmark::State& state) { extract_corpus(state, true); }
BENCHMARK(BM_ExtractWithDictionaries)->Arg(1)->Arg(10)->Unit(benchmark::kMillisecond);

// The same corpus with a new Extractor for every copy of the base articles: its memo of
// folded names and its sentence memory start empty each time, so that no copy profits from
// having seen the same text before (a corpus of distinct articles would not). A bound on
// what the repetition of the corpus adds to BM_Extract's rate.
void BM_ExtractFreshPerCopy(benchmark::State& state) {
  const io::Lexicon lex = io::Lexicon::load();
  const auto base = base_articles();
  std::size_t bytes = 0, copies = 0;
  const std::size_t target = static_cast<std::size_t>(state.range(0)) << 20;
  for (; bytes < target; ++copies)
    for (const auto& a : base) bytes += a.body.size();
  std::size_t sentences = 0;
  for (auto _ : state) {
    for (std::size_t copy = 0; copy < copies; ++copy) {
      io::Extractor ex(lex);
      graph::Graph g;
      for (const auto& a : base) sentences += ex.extract(a, g).sentences;
      benchmark::DoNotOptimize(g.edge_count());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["MB"] = static_cast<double>(bytes) / (1 << 20);
}
BENCHMARK(BM_ExtractFreshPerCopy)->Arg(10)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
