// libFuzzer target: the article readers (io/article.hpp) and the extractor (io/extract.hpp)
// on what they read.
//
// The input is read as the CLI reads standard input: JSON Lines when its first non-blank
// character is '{' (for_each_jsonl_article), else one text or Markdown article
// (parse_text_article). Readers may throw graph::Error (invalid UTF-8, a line that is not a
// JSON object); articles read before a bad JSON line are still extracted. The extractor must
// take any article a reader produced without throwing, and its output must keep the
// evidence contract: every evidence names an article of the graph and its byte span
// [start, end) lies in that article's body and holds exactly the evidence text. Extracting
// the same articles again must change nothing. The shipped lexicon (data/lexicon and
// iso-codes) is loaded once.
#include <cstddef>
#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "graph/error.hpp"
#include "io/article.hpp"
#include "io/extract.hpp"
#include "io/lexicon.hpp"
#include "tests/fuzz/fuzz_common.hpp"

namespace {

using namespace stakegraph;

const io::Lexicon& lexicon() {
  static const io::Lexicon lex = io::Lexicon::load();
  return lex;
}

void check_evidence(const graph::Graph& g, const std::map<std::string, std::string>& bodies) {
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
    for (const graph::Evidence& ev : g.edge(*it).evidence) {
      fuzz::check(ev.article < g.articles().size(), "evidence names no article of the graph");
      const auto body = bodies.find(g.articles()[ev.article].id);
      fuzz::check(body != bodies.end(), "evidence names an article that was not extracted");
      fuzz::check(ev.start <= ev.end && ev.end <= body->second.size(),
                  "evidence span [" + std::to_string(ev.start) + ", " + std::to_string(ev.end) +
                      ") outside a body of " + std::to_string(body->second.size()) + " bytes");
      fuzz::check(body->second.compare(ev.start, ev.end - ev.start, ev.text) == 0,
                  "evidence text is not the body's bytes at its span");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  lexicon();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::size_t first = text.find_first_not_of(" \t\r\n\f\v");
  const bool jsonl = first != std::string::npos && text[first] == '{';

  std::vector<io::ArticleText> articles;
  try {
    if (jsonl) {
      std::istringstream in(text);
      io::for_each_jsonl_article(in, "fuzz.jsonl",
                                 [&](io::ArticleText& a) { articles.push_back(a); });
    } else {
      articles.push_back(io::parse_text_article(text, "fuzz.txt"));
    }
  } catch (const graph::Error&) {
    // Articles before the error (JSON Lines) are still extracted.
  }

  std::map<std::string, std::string> bodies;
  for (const auto& a : articles) {
    fuzz::check(bodies.emplace(a.id, a.body).second, "two articles with the id '" + a.id + "'");
  }
  graph::Graph g;
  io::Extractor extractor(lexicon());
  for (const auto& a : articles) extractor.extract(a, g);
  check_evidence(g, bodies);

  const std::size_t nodes = g.node_count(), edges = g.edge_count(), evidence = g.evidence_count(),
                    count = g.articles().size();
  for (const auto& a : articles) extractor.extract(a, g);
  fuzz::check(g.node_count() == nodes && g.edge_count() == edges &&
                  g.evidence_count() == evidence && g.articles().size() == count,
              "extracting the same articles again changed the graph");
  return 0;
}
