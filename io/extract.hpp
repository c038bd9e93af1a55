// Rule-based extraction of the stakeholder graph from one article (shared/ONTOLOGY.md).
//
// Pipeline per article: tokens and sentences (io/extract_text.hpp); a first pass types
// unknown capitalised names by context cues ("operator X", "X Telecom", "X, a carrier",
// "minister X", "X said") into an article gazetteer; a second pass recognises mentions
// (lexicon and gazetteer n-grams, demonym + role nouns "Chinese authorities", institution
// phrases "Kenya's High Court", coreference of "the company" / "it" / "he"), groups
// coordinated mentions ("BT, EE and Three"), and applies the verb lexicon in active and
// passive voice, with complements ("urged X to ..."), reciprocals, negation (no edge),
// hedging, reported speech (`reports`), reified allegations, titles and appositions
// (`part_of`), ownership, alliances and operators' markets.
// Every edge carries the evidence of its sentence: byte span in the body, sentence index,
// text, hedged flag, speaker, rule name and confidence. A sentence already seen in another
// article (same normalized text: syndicated copy) adds no evidence.
// Complexity: O(tokens * max lexicon phrase length) per article, plus O(mentions) per verb.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "graph/graph.hpp"
#include "io/article.hpp"
#include "io/lexicon.hpp"

namespace stakegraph::io {

struct ExtractOptions {
  // Keep nodes of typed actors that take part in no relation (lexicon actors, named
  // persons and organisations). Untyped names are kept only when they take part in one.
  bool keep_unrelated_actors = true;
};

struct ExtractStats {
  std::size_t articles = 0;
  std::size_t sentences = 0;
  std::size_t bytes = 0;
  std::size_t edges = 0;     // edge mentions produced (before merging)
  std::size_t skipped_syndicated = 0;
};

class Extractor final {
 public:
  explicit Extractor(const Lexicon& lexicon, ExtractOptions options = {});

  // Extracts `article` and merges it into `g` (article record, nodes, edges, evidence).
  // Re-extracting the same article changes nothing.
  ExtractStats extract(const ArticleText& article, graph::Graph& g);

  // Remembers the sentences of the evidence already in `g` (so syndicated copies of
  // articles ingested earlier add no evidence).
  void remember(const graph::Graph& g);

 private:
  const Lexicon& lex_;
  ExtractOptions options_;
  // normalized sentence hash -> article id hash that first contributed it
  std::unordered_map<std::uint64_t, std::uint64_t> seen_;
};

// Hash of a sentence's normalized text (lower case, letters and digits only).
std::uint64_t sentence_key(std::string_view text);

}  // namespace stakegraph::io
