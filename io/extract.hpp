// Rule-based extraction of the stakeholder graph from one article (shared/ONTOLOGY.md).
//
// Pipeline per article (its graph alone; io/extract_pipeline.hpp merges the articles): tokens and
// sentences (io/extract_text.hpp); a first pass types unknown capitalised names by context cues
// ("operator X", "X Telecom", "X, a carrier", "minister X", "X said") into an article gazetteer; a
// second pass recognises mentions (lexicon and gazetteer n-grams, demonym + role nouns "Chinese
// authorities", institution phrases "Kenya's High Court", coreference of "the company" / "it" /
// "he"), groups coordinated mentions ("BT, EE and Three"), and applies the verb lexicon in active
// and passive voice, with complements ("urged X to ..."), reciprocals, negation (no edge), hedging,
// reported speech (`reports`, "according to the daily X"), reified allegations, judgements ("X said
// the government was wrong", "X was dismayed by Y"), warnings ("X warned that it would cut supplies
// to Y": THREATEN), possessors as subjects ("X's customers include Y"), titles and appositions ("X,
// Spain's foreign minister": `part_of`), ownership, alliances and operators' markets.
// Speed: every token is looked up once (TokenIndex: its lexicon token id and a bit mask of
// the grammar word lists it belongs to), so rules test words by a bit AND; lexicon matches
// are memoised per token; per-token buffers are reused from article to article.
// Every edge carries the evidence of its sentence: byte span in the body, sentence index,
// text, hedged flag, speaker, rule name and confidence. A sentence already seen in another
// article (same normalized text: syndicated copy) adds no evidence.
// Complexity: O(tokens * max lexicon phrase length) per article, plus O(mentions) per verb.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/edit.hpp"
#include "graph/graph.hpp"
#include "io/article.hpp"
#include "io/lexicon.hpp"

namespace stakegraph::io::extract::dictionary {
struct Dictionaries;  // io/extract/dictionary/dictionary.hpp
}

namespace stakegraph::io {

struct TokenIndex;      // per-extractor word index (io/extract/run.hpp)
struct ExtractScratch;  // per-extractor reusable buffers (io/extract/run.hpp)

struct ExtractOptions {
  // Keep nodes of typed actors that take part in no relation (lexicon actors, named
  // persons and organisations). Untyped names are kept only when they take part in one.
  bool keep_unrelated_actors = true;
  // Event-data dictionaries (CAMEO verb patterns, actor and agent codes): verbs the lexicon
  // does not know give events through their CAMEO code (mapped to PLOVER; the edge's
  // evidence rule is "cameo:<code>:<verb block>"), and actors they name carry their code
  // (node attribute "code"). Not owned; nullptr: the lexicon alone. For a verb both know,
  // the lexicon's event type stands and the edge keeps the CAMEO code when its PLOVER type
  // agrees; with a verbs dictionary of the user's own (Dictionaries::user_verbs) the
  // dictionary's code decides the type.
  const extract::dictionary::Dictionaries* dictionaries = nullptr;
  // Also make entities of the actors the dictionaries name (with their code), as an
  // event-data coder does. Off for news by default: the shipped actor lists name many
  // words that are actors only in some contexts (entity precision on the dev set fell from
  // 0.96 to 0.87 with them); on when the user passes dictionaries of their own.
  bool dictionary_actors = false;
  // With dictionary_actors off: the dictionaries' international and non-state bodies (actor
  // codes IGO..., NGO...) still become entities when named by two words or more or by an
  // acronym ("World Food Programme", "UNICEF"): few such names are anything else.
  bool dictionary_bodies = true;
};

struct ExtractStats {
  std::size_t articles = 0;
  std::size_t sentences = 0;
  std::size_t bytes = 0;
  std::size_t edges = 0;  // edge mentions produced (before merging)
  std::size_t skipped_syndicated = 0;
};

// Sentences already ingested: normalized sentence key -> key of the article that first gave
// it. Open addressing (linear probing) in a flat array of 16-byte slots kept between 3/8 and
// 3/4 full: 21 to 43 bytes per distinct sentence that produced an edge. Such a sentence also
// keeps its text (about 150 bytes) as evidence in the graph, so the table grows more slowly
// than the graph itself, and not at all with syndicated copies.
class SeenSentences final {
 public:
  // Records `key` as given by `article` unless known; returns the article that first gave it.
  std::uint64_t emplace(std::uint64_t key, std::uint64_t article);
  std::size_t size() const noexcept { return size_; }
  std::size_t memory_bytes() const noexcept { return slots_.size() * sizeof(Slot); }

 private:
  struct Slot {
    std::uint64_t key = 0;  // 0: empty (a key 0 is stored as 1)
    std::uint64_t article = 0;
  };
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

// One article's extraction: its graph and counts.
struct ArticleGraph {
  graph::Graph graph;
  ExtractStats stats;
};

// How an article's graph joins the graph of the articles before it (graph::merge_graph): a
// node joins the node its canonical name names (name or alias) and only that one (an alias
// of the article's node is no match), a dictionary code replaces the one the node had, dates
// come from the evidence, and an edge between two nodes that turn out to be one is left out.
graph::MergeOptions extraction_merge_options();

class Extractor final {
 public:
  explicit Extractor(const Lexicon& lexicon, ExtractOptions options = {});
  Extractor(Extractor&&) noexcept;
  ~Extractor();

  // The graph of `article` alone: its article record (index 0), the nodes it names (in the
  // order the text first names them) and its edges with their evidence (in the order of the
  // text). Sentences already given by another article (remembered by this extractor) add
  // no evidence and are counted in stats.skipped_syndicated.
  ArticleGraph extract(const ArticleText& article);

  // extract(article) merged into `g` with extraction_merge_options(): the graph the
  // pipeline (io/extract_pipeline.hpp) builds. Re-extracting the same article changes
  // nothing.
  ExtractStats extract(const ArticleText& article, graph::Graph& g);

  // Remembers the sentences of the evidence already in `g` (so syndicated copies of
  // articles ingested earlier add no evidence).
  void remember(const graph::Graph& g);

  // The distinct sentences remembered (those that gave an edge) and their memory.
  const SeenSentences& seen() const noexcept { return seen_; }

 private:
  const Lexicon& lex_;
  ExtractOptions options_;
  std::shared_ptr<const TokenIndex> index_;  // rebuilt when the lexicon grows
  // Lexicon::fold_key() of names and surfaces met in earlier articles (at most about
  // kFoldMemoMax entries: cleared when larger).
  static constexpr std::size_t kFoldMemoMax = std::size_t{1} << 15;
  std::unordered_map<std::string, std::string> fold_memo_;
  std::unique_ptr<ExtractScratch> scratch_;
  SeenSentences seen_;  // normalized sentence hash -> article id hash that first gave it
};

// Hash of a sentence's normalized text (lower case, letters and digits only).
std::uint64_t sentence_key(std::string_view text);

}  // namespace stakegraph::io
