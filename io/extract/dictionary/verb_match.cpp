// VerbDictionary look-ups: the verb form at a token and the best pattern of its block, a flat
// approximation of PETRARCH 2's tree matching (PETRtree.py, VerbPhrase.match_pattern): the
// pattern's words must occur in order before ('pre') and after ('post') the verb inside the
// clause, with at most six words before each of them (kMaxPatternGap); {A B} and (PREP ...) phrases
// are their words in order; &SYNSET matches any member phrase; WORD_ matches the word only, WORD
// also its inflections
// (-s, -es, -'s, -ed, -d, -ing, -ies, -ied, doubled consonant); ^ needs at least one word;
// $, + and % bind to the first word of their gap (or the first actor start in it, when the
// caller marks actors). The most specific matching pattern wins, the first written on ties.
// The span of the pattern's pre-verb words is returned: a pattern that spells out a negation
// ("&NEGATVAUXVRB * OVER EFFORTS") codes the negated verb itself.
#include <algorithm>
#include <utility>

#include "io/extract/dictionary/dictionary.hpp"

namespace stakegraph::io::extract::dictionary {

namespace {

constexpr std::size_t kMaxPatternGap = 6;

struct TokenIds {
  std::uint32_t id = kNoId;
  std::uint32_t stem = kNoId;
};

struct Slots {
  std::optional<std::size_t> source, target, compound;
  std::optional<std::size_t> first;  // the first word matched
  std::size_t end = 0;               // after the last word matched
};

struct Matcher {
  const std::vector<TokenIds>& ids;  // indexed from `base`
  std::size_t base;
  const std::vector<Synset>& synsets;
  std::span<const std::uint8_t> actors;

  const TokenIds& at(std::size_t i) const { return ids[i - base]; }

  // Length of the longest member of synset s at token i (0 = none), within [i, hi).
  std::size_t synset_at(const Synset& s, std::size_t i, std::size_t hi) const {
    const std::uint32_t first = at(i).id;
    if (first == kNoId || !std::binary_search(s.first_ids.begin(), s.first_ids.end(), first))
      return 0;
    std::size_t best = 0;
    for (const auto& m : s.members) {
      if (m.size() <= best || i + m.size() > hi) continue;
      std::size_t k = 0;
      while (k < m.size() && at(i + k).id == m[k]) ++k;
      if (k == m.size()) best = m.size();
    }
    return best;
  }

  // Length of the element's match at token i (0 = none); words and synsets only.
  std::size_t element_at(const PatternElement& e, std::size_t i, std::size_t hi) const {
    if (e.type == PatternElement::Type::kWord) {
      const TokenIds& t = at(i);
      return (t.id == e.id || (!e.exact && t.stem == e.id)) ? 1 : 0;
    }
    return synset_at(synsets[e.id], i, hi);
  }

  // Binds a slot inside the gap [lo, hi): its first token, or its first actor start.
  std::optional<std::size_t> bind(std::size_t lo, std::size_t hi) const {
    if (lo >= hi) return std::nullopt;
    if (actors.empty()) return lo;
    for (std::size_t i = lo; i < hi && i < actors.size(); ++i)
      if (actors[i]) return i;
    return std::nullopt;
  }

  // Matches the elements in order inside [lo, hi), greedily from the left.
  // `anchored`: lo is the verb's end, and the gap limit holds from there (after the verb);
  // before the verb, the first word may be anywhere from the clause's start.
  bool sequence(const std::vector<PatternElement>& elems, std::size_t lo, std::size_t hi,
                bool anchored, Slots& slots) const {
    std::size_t pos = lo;
    std::vector<const PatternElement*> pending;  // slots and skips waiting for their gap
    auto settle = [&](std::size_t gap_end) {
      std::size_t from = pos;
      for (const PatternElement* p : pending) {
        if (p->type == PatternElement::Type::kSkip) {
          if (from >= gap_end) return false;
          ++from;  // a skip takes at least one word
          continue;
        }
        auto at_tok = bind(from, gap_end);
        if (!at_tok) return false;
        (p->type == PatternElement::Type::kSource   ? slots.source
         : p->type == PatternElement::Type::kTarget ? slots.target
                                                    : slots.compound) = *at_tok;
        from = *at_tok + 1;
      }
      return true;
    };
    for (const PatternElement& e : elems) {
      if (e.type != PatternElement::Type::kWord && e.type != PatternElement::Type::kSynset) {
        pending.push_back(&e);
        continue;
      }
      bool found = false;
      // At most six words before each word of the pattern: a pattern does not reach into a
      // later clause ("X said Y opposed the plan" is no "said * PLAN").
      const bool limited = anchored || pos > lo;
      for (std::size_t j = pos; j < hi && (!limited || j < pos + kMaxPatternGap + 1); ++j) {
        const std::size_t len = element_at(e, j, hi);
        if (len == 0) continue;
        if (!pending.empty()) {
          Slots saved = slots;
          if (!settle(j)) {
            slots = saved;
            continue;
          }
          pending.clear();
        }
        if (!slots.first) slots.first = j;
        pos = j + len;
        found = true;
        break;
      }
      if (!found) return false;
    }
    if (!pending.empty() && !settle(hi)) return false;
    slots.end = pos;
    return true;
  }
};

// "042:043" -> active "042", passive "043"; "---" -> none.
void split_code(std::string_view code, std::string_view& active, std::string_view& passive) {
  active = passive = {};
  if (code.empty() || code == "---") return;
  const std::size_t colon = code.find(':');
  active = code.substr(0, colon);
  if (colon != std::string_view::npos) passive = code.substr(colon + 1);
  if (active == "---") active = {};
  if (passive == "---") passive = {};
}

}  // namespace

VerbMatch VerbDictionary::find_verb(Tokens tokens, std::size_t v) const {
  VerbMatch r;
  if (v >= tokens.size()) return r;
  const std::uint32_t head = words_.find(tokens[v]);
  if (head == kNoId) return r;
  auto it = forms_by_head_.find(head);
  if (it == forms_by_head_.end()) return r;
  const VerbForm* best = nullptr;
  std::size_t best_words = 0, best_end = 0;
  for (std::uint32_t fi : it->second) {
    const VerbForm& f = forms_[fi];
    if (f.front.size() > v) continue;
    bool ok = true;
    for (std::size_t k = 0; k < f.front.size() && ok; ++k)
      ok = words_.find(tokens[v - f.front.size() + k]) == f.front[k];
    // Words after the head: in order, each within two words of the one before ("called the
    // strike off" is rare; "carried out" is the rule).
    std::size_t pos = v + 1;
    for (std::size_t k = 0; k < f.back.size() && ok; ++k) {
      ok = false;
      for (std::size_t j = pos; j < tokens.size() && j < pos + 3; ++j)
        if (words_.find(tokens[j]) == f.back[k]) {
          pos = j + 1;
          ok = true;
          break;
        }
    }
    if (!ok) continue;
    const std::size_t n = f.front.size() + f.back.size();
    if (!best || n > best_words) {
      best = &f;
      best_words = n;
      best_end = pos;
    }
  }
  if (!best) return r;
  r.verb = true;
  r.verb_begin = v - best->front.size();
  r.verb_end = best_end;
  r.post_end = best_end;
  r.block = best->block;
  r.block_name = blocks_[best->block].name;
  split_code(best->code.empty() ? std::string_view(blocks_[best->block].code)
                                : std::string_view(best->code),
             r.code, r.passive_code);
  return r;
}

VerbMatch VerbDictionary::match(Tokens tokens, std::size_t v, std::size_t clause_begin,
                                std::size_t clause_end, const MatchOptions& options) const {
  VerbMatch r = find_verb(tokens, v);
  if (!r.verb) return r;
  clause_end = std::min(clause_end, tokens.size());
  clause_begin = std::min(clause_begin, r.verb_begin);
  clause_end = std::max(clause_end, r.verb_end);
  const VerbBlock& block = blocks_[r.block];
  if (block.patterns.empty()) return r;

  thread_local std::vector<TokenIds> ids;
  ids.assign(clause_end - clause_begin, TokenIds{});
  for (std::size_t i = clause_begin; i < clause_end; ++i) {
    TokenIds& t = ids[i - clause_begin];
    t.id = words_.find(tokens[i]);
    if (t.id != kNoId && t.id < stem_of_.size()) t.stem = stem_of_[t.id];
  }
  const Matcher m{ids, clause_begin, synsets_, options.actor_start};
  const Pattern* best = nullptr;
  Slots best_slots;
  std::pair<std::size_t, std::size_t> best_pre{0, 0};
  for (std::uint32_t pi : block.patterns) {
    const Pattern& p = patterns_[pi];
    if (best && p.specificity <= best->specificity) continue;
    Slots s;
    if (!m.sequence(p.pre, clause_begin, r.verb_begin, false, s)) continue;
    const std::size_t pre_begin = s.first.value_or(0), pre_end = s.first ? s.end : 0;
    if (!m.sequence(p.post, r.verb_end, clause_end, true, s)) continue;
    best = &p;
    best_slots = s;
    best_pre = {pre_begin, pre_end};
  }
  if (!best) return r;
  r.pattern = best;
  r.pattern_text = best->text;
  split_code(best->code, r.code, r.passive_code);
  r.source = best_slots.source;
  r.target = best_slots.target;
  r.compound = best_slots.compound;
  r.post_end = std::max(r.verb_end, best_slots.end);
  r.pre_begin = best_pre.first;
  r.pre_end = best_pre.second;
  return r;
}

}  // namespace stakegraph::io::extract::dictionary
