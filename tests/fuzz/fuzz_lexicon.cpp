// libFuzzer target: the lexicon text-format parser (io/lexicon.hpp, Lexicon::add_text, over
// Protobuf's TextFormat parser and proto/lexicon.proto) must reject malformed input with a
// graph::Error (ParseError with line and column), never crash, hang or allocate without
// bound. Every lookup of the entries of a lexicon it accepts must work, and the
// extractor must run with it on a fixed article without throwing and keep the evidence
// contract (the span of every evidence holds its text).
#include <cstddef>
#include <cstdint>
#include <string>

#include "graph/error.hpp"
#include "io/article.hpp"
#include "io/extract.hpp"
#include "io/lexicon.hpp"
#include "tests/fuzz/fuzz_common.hpp"

namespace {

using namespace stakegraph;

// Written for this target: names, demonyms, verbs and structures the shipped lexicon
// knows, so that mutated lexicon entries meet them.
constexpr const char* kBody =
    "Washington urged Germany to ban Huawei from its 5G network, officials said on Monday.\n"
    "The U.S. Commerce Department added ZTE to the entity list. Chinese authorities "
    "condemned the move, and Beijing accused the United States of bullying.\n"
    "\"We reject the allegations,\" said Huawei's chairman, Ren Zhengfei. Vodafone and BT, "
    "which buy equipment from Huawei, said they would comply.\n"
    "The European Commission reportedly plans to sanction three vendors; Nokia and Ericsson "
    "were not named. Britain's National Cyber Security Centre allegedly warned operators.\n";

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  stakegraph::fuzz::fail_on_protobuf_log();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  io::Lexicon lex;
  try {
    lex.add_text(text, "fuzz.textpb");
  } catch (const graph::Error&) {
    return 0;
  }
  for (const io::LexiconEntry& e : lex.entries()) {
    lex.find(e.name);
    lex.canonical_name(e.name);
    lex.kind_of(e.name);
    for (const auto& a : e.aliases) lex.find(a);
    for (const auto& d : e.demonyms) lex.find_demonym(d);
    if (!e.iso2.empty()) lex.government_by_iso(e.iso2);
    if (!e.iso3.empty()) lex.government_by_iso(e.iso3);
  }
  for (const io::VerbPattern& v : lex.verbs())
    for (const auto& f : v.forms) lex.verbs_with_form(f);

  io::ArticleText article;
  article.id = "fixed";
  article.body = kBody;
  graph::Graph g;
  io::Extractor(lex).extract(article, g);
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
    for (const graph::Evidence& ev : g.edge(*it).evidence) {
      fuzz::check(ev.start <= ev.end && ev.end <= article.body.size() &&
                      article.body.compare(ev.start, ev.end - ev.start, ev.text) == 0,
                  "evidence span does not hold its text");
    }
  }
  return 0;
}
