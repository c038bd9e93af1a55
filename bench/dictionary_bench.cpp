// Event-data dictionaries: load time and memory of the full shipped set (data/dictionaries,
// derived TSV) and of PETRARCH's original text files (../shared/data/petrarch2, when present),
// and the per-sentence look-up cost of what the extractor does with them: discard check,
// actor and agent longest matches at every token, verb pattern match at every verb form.
// Sentences come from the sample articles (lowercased, split on non-letters); rates are per
// second of CPU time of the benchmark thread, so "sentences/s" is per core.
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/extract/dictionary/dictionary.hpp"

namespace {

namespace fs = std::filesystem;
namespace dict = stakegraph::io::extract::dictionary;

// Resident set size in bytes (from /proc/self/statm).
double rss_bytes() {
  std::ifstream in("/proc/self/statm");
  long size = 0, resident = 0;
  in >> size >> resident;
  return static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE));
}

void BM_LoadDictionaries(benchmark::State& state) {
  std::size_t mem = 0;
  for (auto _ : state) {
    const dict::Dictionaries d = dict::load_dictionaries();
    mem = d.memory_bytes();
    benchmark::DoNotOptimize(mem);
  }
  // Heap bytes in use for one load kept alive (glibc's count of allocated bytes), and the
  // resident size of the whole process with it.
  const std::size_t before = mallinfo2().uordblks;
  const dict::Dictionaries keep = dict::load_dictionaries();
  state.counters["heap_MB"] = static_cast<double>(mallinfo2().uordblks - before) / 1e6;
  state.counters["rss_MB"] = rss_bytes() / 1e6;
  state.counters["estimate_MB"] = static_cast<double>(mem) / 1e6;  // memory_bytes()
  state.counters["patterns"] = static_cast<double>(keep.verbs.patterns().size());
  state.counters["actor_phrases"] = static_cast<double>(keep.actors.phrase_count());
}
BENCHMARK(BM_LoadDictionaries)->Unit(benchmark::kMillisecond);

void BM_LoadPetrarchText(benchmark::State& state) {
  const std::string p = std::string(STAKEGRAPH_SOURCE_DIR) + "/../shared/data/petrarch2/";
  if (!fs::exists(p + "CAMEO.2.0.txt")) {
    state.SkipWithError("../shared/data/petrarch2 absent");
    return;
  }
  dict::LoadOptions lo;
  lo.shipped = false;
  lo.read.lenient = true;
  lo.files = {p + "CAMEO.2.0.txt",
              p + "Phoenix.Countries.actors.txt",
              p + "Phoenix.International.actors.txt",
              p + "Phoenix.MilNonState.actors.txt",
              p + "Phoenix.agents.txt",
              p + "Phoenix.discards.txt"};
  for (auto _ : state) {
    const dict::Dictionaries d = dict::load_dictionaries(lo);
    benchmark::DoNotOptimize(d.verbs.patterns().size());
  }
}
BENCHMARK(BM_LoadPetrarchText)->Unit(benchmark::kMillisecond);

// Sentences of the sample articles as lowercase words.
std::vector<std::vector<std::string>> sentences() {
  std::vector<std::vector<std::string>> out;
  for (const auto& e :
       fs::directory_iterator(std::string(STAKEGRAPH_SOURCE_DIR) + "/samples/articles")) {
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    std::vector<std::string> cur;
    std::string w;
    for (char c : ss.str() + ".") {
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '\'') {
        w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        continue;
      }
      if (!w.empty()) cur.push_back(std::move(w)), w.clear();
      if ((c == '.' || c == '\n' || c == '?' || c == '!') && cur.size() > 2)
        out.push_back(std::move(cur)), cur.clear();
    }
  }
  return out;
}

void BM_SentenceLookups(benchmark::State& state) {
  const dict::Dictionaries d = dict::load_dictionaries();
  const auto sents = sentences();
  std::vector<std::vector<std::string_view>> views;
  std::size_t words = 0;
  for (const auto& s : sents) {
    views.emplace_back(s.begin(), s.end());
    words += s.size();
  }
  std::size_t events = 0, actors = 0, verbs = 0;
  for (auto _ : state) {
    for (const auto& t : views) {
      if (d.discards.find(t)) continue;
      for (std::size_t i = 0; i < t.size(); ++i) {
        if (auto a = d.actors.longest(t, i, 20190501)) {
          ++actors;
          i += a.length - 1;
        } else if (auto g = d.agents.longest(t, i)) {
          ++actors;
          i += g.length - 1;
        }
      }
      for (std::size_t v = 0; v < t.size(); ++v) {
        const dict::VerbMatch m = d.verbs.match(t, v, 0, t.size());
        verbs += m.verb;
        events += m.has_event();
      }
    }
  }
  state.counters["sentences/s"] = benchmark::Counter(
      static_cast<double>(views.size()) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
  state.counters["sentences"] = static_cast<double>(views.size());
  state.counters["words_per_sentence"] =
      static_cast<double>(words) / static_cast<double>(views.size());
  state.counters["verbs_per_sentence"] = static_cast<double>(verbs) /
                                         static_cast<double>(state.iterations()) /
                                         static_cast<double>(views.size());
  benchmark::DoNotOptimize(events + actors);
}
BENCHMARK(BM_SentenceLookups)->Unit(benchmark::kMillisecond);

}  // namespace
BENCHMARK_MAIN();
