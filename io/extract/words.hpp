// The extractor's closed word lists (grammar words, not actors) and the small text
// helpers the stages share. The lists are data files, compiled in: kFooBar is
// data/words/foo_bar.txt (or .tsv for a table); the build turns data/words/ into the
// generated header io/extract/word_data.hpp (io/extract/words_gen.cpp, data/README.md)
// and this header declares the lists under the names the rules use. Every WordSet owns
// one bit of a token's class mask (TokenIndex), so testing whether a token is in a list
// is one AND. At most 64 WordSets.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/ontology.hpp"
#include "io/extract/word_data.hpp"  // generated from data/words/ at build time

namespace stakegraph::io::extract {

using graph::Kind;
using graph::Relation;

// A closed list of grammar words. Every list owns one bit of a token's class mask
// (TokenIndex, computed once per token), so testing a token is one AND; in() tests any text.
class WordSet;
inline std::vector<const WordSet*>& word_sets() {
  static std::vector<const WordSet*> sets;
  return sets;
}
class WordSet final {
 public:
  WordSet(std::initializer_list<std::string_view> words)
      : WordSet(std::vector<std::string_view>(words)) {}
  template <std::size_t N>
  explicit WordSet(const std::string_view (&words)[N])
      : WordSet(std::vector<std::string_view>(std::begin(words), std::end(words))) {}
  explicit WordSet(std::vector<std::string_view> words) : words_(std::move(words)) {
    if (word_sets().size() >= 64) throw std::logic_error("more than 64 word lists");
    bit_ = std::uint64_t{1} << word_sets().size();
    word_sets().push_back(this);
  }
  WordSet(const WordSet&) = delete;
  WordSet& operator=(const WordSet&) = delete;
  std::uint64_t bit() const noexcept { return bit_; }
  const std::vector<std::string_view>& words() const noexcept { return words_; }
  bool contains(std::string_view w) const noexcept {
    return std::find(words_.begin(), words_.end(), w) != words_.end();
  }

 private:
  std::vector<std::string_view> words_;
  std::uint64_t bit_ = 0;
};

inline bool in(const WordSet& s, std::string_view w) { return s.contains(w); }

// Equality with a string literal whose length is known at compile time (the comparison is
// inlined: most tested words are a few bytes).
template <std::size_t N>
bool eq(std::string_view a, const char (&lit)[N]) {
  return a.size() == N - 1 && std::memcmp(a.data(), lit, N - 1) == 0;
}

// ---- word lists (grammar, not actors): kFooBar is data/words/foo_bar.txt ----
inline const WordSet kPrepositions(word_data::kPrepositions);
inline const WordSet kLocativePreps(word_data::kLocativePreps);
inline const WordSet kBeForms(word_data::kBeForms);
inline const WordSet kAdverbs(word_data::kAdverbs);
inline const WordSet kAux(word_data::kAux);
inline const WordSet kSubordinators(word_data::kSubordinators);
inline const WordSet kNegators(word_data::kNegators);
inline const WordSet kNoNouns(word_data::kNoNouns);
inline const WordSet kHedges(word_data::kHedges);
inline const WordSet kGovRoles(word_data::kGovRoles);
inline const WordSet kInstitutions(word_data::kInstitutions);
using word_data::kPersonNouns;
template <std::size_t N>
std::vector<std::string_view> person_nouns_and(const std::string_view (&more)[N]) {
  std::vector<std::string_view> words(std::begin(kPersonNouns), std::end(kPersonNouns));
  words.insert(words.end(), std::begin(more), std::end(more));
  return words;
}
inline const WordSet kRoleTitles(person_nouns_and(word_data::kRoleTitles));
inline const WordSet kPersonRoles(person_nouns_and(word_data::kPersonRoles));
inline const WordSet kGovTitles(word_data::kGovTitles);
inline const WordSet kSpeechVerbs(word_data::kSpeechVerbs);
inline const WordSet kReportVerbs(word_data::kReportVerbs);
inline const WordSet kOrgSuffix(word_data::kOrgSuffix);
inline const WordSet kAgencySuffix(word_data::kAgencySuffix);
inline const WordSet kOperatorSuffix(word_data::kOperatorSuffix);
inline const WordSet kCompanyNouns(word_data::kCompanyNouns);
inline const WordSet kTechCompanyNouns(word_data::kTechCompanyNouns);
inline const WordSet kStakeNouns(word_data::kStakeNouns);
inline const WordSet kNameAdjectives(word_data::kNameAdjectives);
inline const WordSet kLowerOrgNouns(word_data::kLowerOrgNouns);
inline const WordSet kOperatorCue(word_data::kOperatorCue);
inline const WordSet kVendorCue(word_data::kVendorCue);
inline const WordSet kMediaCue(word_data::kMediaCue);
// Heads of definite descriptions and the kinds they may refer to.
using AnaphorHead = word_data::AnaphorsRow;
// Antecedents are searched among the last kLookback mentions, groups or subjects only
// (issue 13: a text that repeats an unresolvable anaphor made each search scan the whole
// article, quadratic in its length). A wire article has far fewer mentions than that.
inline constexpr std::size_t kLookback = 256;
template <class V>
std::size_t lookback_floor(const V& v) {
  return v.size() > kLookback ? v.size() - kLookback : 0;
}

using word_data::kAnaphors;       // data/words/anaphors.tsv
using word_data::kProposalNouns;  // data/words/proposal_nouns.tsv (proposal_rules.cpp)
using word_data::kTradeNames;     // data/words/trade_names.tsv
inline const WordSet kNamedHeads(word_data::kNamedHeads);
inline const WordSet kAnaphorHeads([] {
  std::vector<std::string_view> words;
  for (const auto& a : kAnaphors) words.push_back(a.word);
  return words;
}());
inline const WordSet kEventNouns(word_data::kEventNouns);
inline const WordSet kAllegationNouns(word_data::kAllegationNouns);
inline const WordSet kCrimeWords(word_data::kCrimeWords);
inline const WordSet kPositiveAdj(word_data::kPositiveAdj);
inline const WordSet kNegativeAdj(word_data::kNegativeAdj);
inline const WordSet kNegativeEmotion(word_data::kNegativeEmotion);
inline const WordSet kPositiveEmotion(word_data::kPositiveEmotion);
inline const WordSet kCopulas(word_data::kCopulas);

inline const WordSet kSkip(word_data::kSkip);
inline const WordSet kPlaceNouns(word_data::kPlaceNouns);
inline const WordSet kIntentWords(word_data::kIntentWords);
inline const WordSet kTieAdjectives(word_data::kTieAdjectives);
inline const WordSet kRequestNouns(word_data::kRequestNouns);
inline const WordSet kStateNouns(word_data::kStateNouns);
inline const WordSet kNotNames(word_data::kNotNames);
inline const WordSet kNotActors(word_data::kNotActors);
inline const WordSet kGroupNouns(word_data::kGroupNouns);
inline const WordSet kClaimSources(word_data::kClaimSources);
// Trigger words of rules that scan every token of a sentence.
inline const WordSet kPronouns(word_data::kPronouns);
inline const WordSet kDescriptionDets(word_data::kDescriptionDets);
inline const WordSet kCalledVerbs(word_data::kCalledVerbs);
inline const WordSet kAllegeVerbs(word_data::kAllegeVerbs);
inline const WordSet kFindVerbs(word_data::kFindVerbs);
inline const WordSet kWrongdoing(word_data::kWrongdoing);
inline const WordSet kRiskFrames(word_data::kRiskFrames);
inline const WordSet kMarketNouns(word_data::kMarketNouns);
inline const WordSet kRequestNoun(word_data::kRequestNoun);
inline const WordSet kHedgeFrames(word_data::kHedgeFrames);
inline const WordSet kWarnVerbs(word_data::kWarnVerbs);
inline const WordSet kWho(word_data::kWho);
inline const WordSet kNumberWords(word_data::kNumberWords);
inline const WordSet kCustomerNouns(word_data::kCustomerNouns);
inline const WordSet kSupplierNouns(word_data::kSupplierNouns);

// Small word lists of single rules, outside the 64 class bits (tested with in_list).
using word_data::kCompanyOf;         // names.cpp
using word_data::kMoney;             // clause.cpp, verb_claims.cpp
using word_data::kNameDescriptors;   // mentions.cpp, names.cpp
using word_data::kOfCompany;         // mentions.cpp
using word_data::kRestrictiveVerbs;  // verb_events.cpp
using word_data::kSites;             // verb_events.cpp
// The event type an event noun names ("the arrest": COERCE), when it names one.
// The table: data/words/event_noun_relations.tsv.
inline std::optional<Relation> event_noun_relation(std::string_view w) {
  for (const auto& [noun, relation] : word_data::kEventNounRelations)
    if (noun == w) return relation;
  return std::nullopt;
}

template <std::size_t N>
bool in_list(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

inline bool ends_with(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

}  // namespace stakegraph::io::extract
