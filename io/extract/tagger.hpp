// Part-of-speech tagging of the extractor's tokens (io/extract_text.hpp) with a coarse tag set,
// the universal part-of-speech tags of Universal Dependencies less SYM, INTJ and X: NOUN,
// PROPN, VERB, AUX, ADJ, ADV, DET, ADP, PRON, CCONJ, SCONJ, NUM, PART, PUNCT.
//
// How a token gets its tag, in order:
//  1. The token's type: punctuation and quotes PUNCT (symbols such as '$' and '%' too), numbers
//     NUM, the possessive "'s" PART (AUX after "it", "he", "she", "that", "there", "what",
//     "who": "it's"), "n't" PART.
//  2. Capitals: a word in capitals ("EU", "U.S.") is PROPN; a capitalised word inside a
//     sentence is PROPN (words of a name or title: "Foreign Minister Ana Ruiz"), except a
//     closed-class word ("The", "I") and an adjective before a lower-case word (a demonym:
//     "Chinese officials"). A capitalised first word is read as its lower-case self when WordNet
//     has it as a common word, unless a capitalised name follows ("Halden Energy"); otherwise
//     (unknown, or only a proper noun in WordNet: "Paris") it is PROPN.
//  3. Closed classes: the grammar words (determiners, pronouns, prepositions -- kPrepositions
//     of io/extract/words.hpp and more --, conjunctions, auxiliaries and modals, number words,
//     "not", "to") from lists in tagger.cpp.
//  4. Open classes: WordNet's classes of the word or of its base (word_classes.hpp, morphy
//     rules), the one of largest weight; an unknown word by its suffix (-ly ADV; -ing, -ed
//     VERB; -ous, -ful, -ive, -able, -ible, -al, -ic, -less, -ish ADJ; a hyphenated word before
//     a noun ADJ; else NOUN).
//  5. Context rules, left to right, choosing among the classes a word can have:
//     after a determiner, a possessive, an adjective or a number: no verb ("the cut" NOUN;
//     "the said agreement" ADJ); after a preposition: no verb unless -ing;
//     after a modal or "did"/"does"/"do" (adverbs and "not" skipped): a bare verb is VERB;
//     after "to": a bare verb is VERB (then "to" is PART) when an object follows or its verb
//     weight is at least a quarter of its noun weight ("to fund the plan" VERB, "went to
//     court." NOUN);
//     after a form of "have" (adverbs and "not" skipped): a participle is VERB ("-ed", an
//     irregular form, or a bare form whose verb weight is at least its noun weight: "has cut");
//     after a form of "be": a participle or "-ing" form is VERB (passive, progressive) unless
//     WordNet weighs it more as an adjective;
//     after a subject pronoun ("they", "it", "who"): VERB if it can be one;
//     after a noun or name and before a determiner, pronoun, name, number or "to": a word
//     that can be a verb is VERB ("the ministry plans to", "Halden holds a stake");
//     after "and", "or", "but" in a sentence with a verb: VERB, with that verb's (or its
//     auxiliary's) -s ending when it has one ("employs 90 people and supplies parts");
//     right after a verb: its object, a noun, unless an -ing form ("suspended work");
//     before a possessive "'s": a noun ("the firm's");
//     an -ing or -ed form before a noun, opening the sentence or after a determiner: ADJ
//     ("Rising costs", "the detained men"); an adverb before a noun: ADJ ("more homes");
//     an -s form that no rule made a verb is a plural noun ("Shares fell").
//  6. Closed words whose class depends on the next word: "that", "this", "these", "those"
//     DET before a noun, adjective or number (else "that" is PRON after a noun and before a
//     verb -- a relative --, SCONJ otherwise; the others PRON); "her" DET before a noun or
//     adjective, else PRON; "to" PART before a verb, else ADP; "have", "do" forms AUX before
//     a verb, else VERB; "after", "before", "since", "until", "as" SCONJ before a clause (a
//     subject pronoun, or a noun phrase and a verb), else ADP; "there" PRON before a form of
//     "be", else ADV; "about", "around" before a number ADV; a capitalised "May" inside a
//     sentence is PROPN.
//
// Conventions: possessive determiners ("its", "their", "his") are DET (UD: PRON); copular
// "be" is AUX; particles of phrasal verbs ("up", "out", "off") are ADP; "when", "where",
// "while" as subordinators SCONJ; ordinals and "many", "few" as WordNet weighs them.
// Accuracy: measured on hand-tagged news sentences (tests/data/tagger/news.tsv, written for
// the project); see io/extract/README.md.
//
// Complexity: O(tokens x (log W + word length)) for a table of W words; no allocation per
// token beyond the result.
// References: the tag set: J. Nivre et al., "Universal Dependencies v2", LREC 2020; the
// method (a lexicon's most frequent class, then contextual rules) after E. Brill, "A simple
// rule-based part of speech tagger", ANLP 1992 (the rules here are written by hand, not learnt).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "io/extract/word_classes.hpp"
#include "io/extract_text.hpp"

namespace stakegraph::io::extract {

enum class Pos : std::uint8_t {
  kNoun,
  kPropn,
  kVerb,
  kAuxVerb,
  kAdj,
  kAdv,
  kDet,
  kAdp,
  kPron,
  kCconj,
  kSconj,
  kNum,
  kPart,
  kPunct
};
inline constexpr std::size_t kPosCount = 14;

// "NOUN", "PROPN", ... ; and back (nullopt for an unknown name).
std::string_view pos_name(Pos p);
std::optional<Pos> parse_pos(std::string_view name);

struct TagOptions {
  const WordClassTable* table = nullptr;  // nullptr: WordClassTable::shipped()
};

struct TagResult {
  std::vector<Pos> tags;  // one a token, in order
};

// Tags the tokens of one sentence (its first word is the sentence's first). Throws
// graph::Error only when the shipped table is needed and missing. Empty input, empty result.
TagResult tag_sentence(std::span<const Token> tokens, const TagOptions& options = {});

// Whether a word (folded: lower case) can be tagged other than PROPN when it opens a sentence
// capitalised: it is a grammar word, or WordNet gives it (or its base) a common class. A cheap
// test (O(word length)) before tagging a sentence only to learn that its first word is a name.
bool common_word(std::string_view folded, const TagOptions& options = {});

// Whether a word (folded) as written is the bare form of a verb in WordNet ("build", "fund",
// "help"; not "builds", "Ghana", "the"): after "to" it opens an infinitive, not the object of
// the preposition. O(word length).
bool bare_verb(std::string_view folded, const TagOptions& options = {});

// Tags every token of a layout, sentence by sentence (a dateline's tokens as a sentence of
// their own). result.tags has layout.tokens.size() entries.
TagResult tag_layout(const TextLayout& layout, const TagOptions& options = {});

}  // namespace stakegraph::io::extract
