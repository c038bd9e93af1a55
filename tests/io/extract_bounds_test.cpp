// Extraction cost stays linear on pathological text (issue 13, item 10): sentences are capped
// (kMaxSentenceTokens, kMaxSentenceBytes in io/extract_text.hpp), so a text without
// punctuation, an unclosed quotation or a repeated clause yields output bounded linearly in
// the input. Speed is measured by bench/tools/extract_bombs.py, not here.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "graph/graph.hpp"
#include "io/article.hpp"
#include "io/extract.hpp"
#include "io/extract_text.hpp"
#include "io/lexicon.hpp"

namespace stakegraph::io {
namespace {

using graph::Relation;

const Lexicon& lex() {
  static const Lexicon l = Lexicon::load();
  return l;
}

std::string repeat(const std::string& unit, std::size_t bytes) {
  std::string out;
  while (out.size() + unit.size() <= bytes) out += unit;
  return out;
}

// Known names separated by spaces, no punctuation (seeded).
std::string names_text(std::size_t bytes) {
  const std::vector<std::string> names = {"Huawei",  "ZTE", "Nokia",    "Ericsson", "Canada",
                                          "Denmark", "BT",  "Vodafone", "Reuters",  "NATO"};
  std::mt19937 rng(7);
  std::string out;
  for (;;) {
    const std::string& w = names[rng() % names.size()];
    if (out.size() + w.size() + 1 > bytes) break;
    out += w + " ";
  }
  return out;
}

struct Output {
  std::size_t edges = 0, evidence = 0, evidence_bytes = 0;
};

Output extract(const std::string& body) {
  ArticleText a;
  a.id = "bomb";
  a.body = body;
  graph::Graph g;
  Extractor ex(lex());
  ex.extract(a, g);
  Output o;
  for (auto [ei, ee] = boost::edges(g.boost_graph()); ei != ee; ++ei) {
    ++o.edges;
    for (const auto& ev : g.edge(*ei).evidence) {
      ++o.evidence;
      o.evidence_bytes += ev.text.size() + ev.speaker.size() + ev.rule.size();
    }
  }
  return o;
}

// Every sentence within the caps; the sentences tile the tokens in order.
void expect_capped(const std::string& body) {
  const TextLayout L = split_text(body);
  ASSERT_FALSE(L.sentences.empty());
  std::uint32_t next = 0;
  for (const auto& s : L.sentences) {
    EXPECT_EQ(s.first, next);
    EXPECT_GT(s.last, s.first);
    EXPECT_LE(s.last - s.first, kMaxSentenceTokens);
    if (s.last - s.first > 1) {
      EXPECT_LE(s.end - s.start, kMaxSentenceBytes);
    }
    next = s.last;
  }
  EXPECT_EQ(next, L.tokens.size());
}

TEST(ExtractSentenceCaps, TextWithoutPunctuationIsSplitAtTheTokenCap) {
  const std::string body = repeat("the Minister of the Ministry of ", 64 * 1024);
  expect_capped(body);
  // 6 tokens a unit: full sentences of exactly the cap.
  EXPECT_EQ(split_text(body).sentences[0].last, kMaxSentenceTokens);
  expect_capped(names_text(64 * 1024));
}

TEST(ExtractSentenceCaps, SplitAtTheLastClauseBreakOfTheSecondHalf) {
  // Words w0 ... with a comma after word 200, and after word 20 (first half: not used).
  std::string body;
  for (std::size_t i = 0; i < 2 * kMaxSentenceTokens; ++i) {
    body += "w" + std::to_string(i);
    body += (i == 20 || i == 200) ? ", " : " ";
  }
  const TextLayout L = split_text(body);
  expect_capped(body);
  ASSERT_GE(L.sentences.size(), 2u);
  // Tokens: w0..w20 (21), ',' , w21..w200 (180), ',': the break after token 202.
  EXPECT_EQ(L.sentences[0].last, 203u);
  const std::string first =
      body.substr(L.sentences[0].start, L.sentences[0].end - L.sentences[0].start);
  EXPECT_TRUE(first.ends_with(" w200,")) << first.substr(first.size() - 20);
}

TEST(ExtractSentenceCaps, BytesCapSplitsSentencesOfHugeGaps) {
  // Two words apart by more than the byte cap (spaces only: no paragraph break).
  const std::string body = "Canada" + std::string(kMaxSentenceBytes + 10, ' ') + "accused Huawei.";
  const TextLayout L = split_text(body);
  expect_capped(body);
  ASSERT_EQ(L.sentences.size(), 2u);
  EXPECT_EQ(body.substr(L.sentences[0].start, L.sentences[0].end - L.sentences[0].start), "Canada");
}

TEST(ExtractSentenceCaps, LongRealSentenceIsKept) {
  // 153 words and commas, 184 tokens (longer than any sentence of the dev set or the Reuters
  // sample): one sentence, below both caps.
  std::string body = "Canada accused Huawei";
  for (int i = 0; i < 30; ++i) body += ", said officials in city " + std::to_string(i);
  body += ".";
  const TextLayout L = split_text(body);
  ASSERT_EQ(L.sentences.size(), 1u);
  EXPECT_LT(L.sentences[0].last - L.sentences[0].first, kMaxSentenceTokens);
}

TEST(ExtractSentenceCaps, UnclosedQuoteDoesNotMakeTheRestOneQuotation) {
  const std::string body =
      "\xE2\x80\x9C"
      "Canada accused Huawei of spying. Denmark banned ZTE. Norway criticised "
      "Nokia, Reuters said.";
  const TextLayout L = split_text(body);
  EXPECT_EQ(L.sentences.size(), 3u);
  ArticleText a;
  a.id = "q";
  a.body = body;
  graph::Graph g;
  Extractor(lex()).extract(a, g);
  auto dk = g.find_named("Denmark"), zte = g.find_named("ZTE");
  ASSERT_TRUE(dk && zte);
  auto e = g.find_edge(*dk, *zte, Relation::kSanction);
  ASSERT_TRUE(e);
  // The second sentence is no part of the quotation: no speaker, its own span.
  EXPECT_EQ(g.edge(*e).evidence.at(0).text, "Denmark banned ZTE.");
  EXPECT_EQ(g.edge(*e).evidence.at(0).speaker, "");
}

// Output (edges, evidence items, evidence text bytes) grows linearly with the input: at most
// a fixed number of times the input's bytes, and 4 times the input gives at most about 4
// times the output. Before the caps, 1 MiB of names gave a 324 MB graph (one sentence
// stored with every edge).
TEST(ExtractBounds, PathologicalInputsGiveLinearOutput) {
  const std::size_t small = 16 * 1024, large = 64 * 1024;
  struct Pattern {
    const char* name;
    std::string (*make)(std::size_t);
  };
  const Pattern patterns[] = {
      {"accused", [](std::size_t n) { return repeat("Canada accused Huawei. ", n); }},
      {"names", names_text},
      {"quote",
       [](std::size_t n) {
         return "\xE2\x80\x9C" + repeat("Canada accused Huawei of spying. ", n);
       }},
      {"said", [](std::size_t n) { return repeat("He said they said it. ", n); }},
      {"minister", [](std::size_t n) { return repeat("the Minister of the Ministry of ", n); }},
      {"names-verbs",
       [](std::size_t n) {
         return repeat("Canada accused Huawei and ZTE and Nokia criticised Denmark ", n);
       }},
  };
  for (const auto& p : patterns) {
    SCOPED_TRACE(p.name);
    const Output a = extract(p.make(small)), b = extract(p.make(large));
    EXPECT_LE(b.evidence_bytes, 8 * large) << b.evidence_bytes;
    EXPECT_LE(b.evidence, large / 4);
    EXPECT_LE(b.edges, b.evidence);
    // Linear: 4 times the input, at most 5 times the output (and some slack for tiny counts).
    EXPECT_LE(b.evidence_bytes, 5 * a.evidence_bytes + 4096);
    EXPECT_LE(b.evidence, 5 * a.evidence + 16);
  }
}

}  // namespace
}  // namespace stakegraph::io
