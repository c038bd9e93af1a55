// libFuzzer target: the event-data dictionary readers (io/extract/dictionary): the first byte
// picks the reader (verbs, actors, agents, discards; PETRARCH format or, after the derived
// header in the input, the derived TSV), strict or lenient. A reader must reject malformed
// input with io::ParseError, never crash or hang. What it accepts must survive every
// look-up over a fixed sentence at every token, and its derived TSV must read back to the
// same TSV (the converter's round trip).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/extract/dictionary/dictionary.hpp"
#include "tests/fuzz/fuzz_common.hpp"

namespace {

using namespace stakegraph::io::extract::dictionary;

// Written for this target: words the seeds' entries use, so mutated entries meet them.
const std::vector<std::string_view>& sentence() {
  static const std::vector<std::string_view> t = {
      "the", "united",  "states", "accused", "the",     "police", "of",          "torture",
      "and", "carried", "out",    "air",     "strikes", "with",   "dollars",     "world",
      "cup", "u.n.",    "in",     "court",   "from",    "afar",   "congressman", "ministers"};
  return t;
}

template <class D, class W>
void round_trip(const D& d, W write,
                D (*parse)(std::string_view, const std::string&, const ReadOptions&)) {
  const std::string tsv = write(d);
  std::string again;
  try {
    again = write(parse(tsv, "round-trip.tsv", ReadOptions{}));
  } catch (const stakegraph::graph::Error& e) {
    stakegraph::fuzz::fail(std::string("derived TSV of an accepted dictionary refused: ") +
                           e.what());
  }
  stakegraph::fuzz::check(again == tsv, "derived TSV does not read back the same");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  ReadOptions ro;
  ro.lenient = (data[0] & 4) != 0;
  const auto& t = sentence();
  try {
    switch (data[0] & 3) {
      case 0: {
        const VerbDictionary d = parse_verbs(text, "fuzz.verbs", ro);
        for (std::size_t v = 0; v < t.size(); ++v) {
          const VerbMatch m = d.match(t, v, 0, t.size());
          if (!m.verb) continue;
          stakegraph::fuzz::check(m.verb_begin <= v && v < m.verb_end && m.verb_end <= t.size(),
                                  "verb span outside the sentence");
          for (auto slot : {m.source, m.target, m.compound})
            stakegraph::fuzz::check(!slot || *slot < t.size(), "slot outside the sentence");
        }
        round_trip(d, write_verbs_tsv, parse_verbs);
        break;
      }
      case 1: {
        const ActorDictionary d = parse_actors(text, "fuzz.actors", ro);
        for (std::size_t i = 0; i < t.size(); ++i)
          for (Date date : {Date{0}, Date{19950101}, Date{20200101}}) {
            const ActorMatch m = d.longest(t, i, date);
            stakegraph::fuzz::check(i + m.length <= t.size(), "actor match past the end");
          }
        round_trip(d, write_actors_tsv, parse_actors);
        break;
      }
      case 2: {
        const AgentDictionary d = parse_agents(text, "fuzz.agents", ro);
        for (std::size_t i = 0; i < t.size(); ++i)
          stakegraph::fuzz::check(i + d.longest(t, i).length <= t.size(),
                                  "agent match past the end");
        round_trip(d, write_agents_tsv, parse_agents);
        break;
      }
      default: {
        const DiscardList d = parse_discards(text, "fuzz.discards", ro);
        const DiscardMatch m = d.find(t);
        stakegraph::fuzz::check(m.at + m.length <= t.size(), "discard match past the end");
        round_trip(d, write_discards_tsv, parse_discards);
        break;
      }
    }
  } catch (const stakegraph::io::ParseError&) {
    return 0;
  }
  return 0;
}
