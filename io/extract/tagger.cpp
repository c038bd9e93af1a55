#include "io/extract/tagger.hpp"

#include <array>
#include <unordered_map>

#include "io/extract/words.hpp"

namespace stakegraph::io::extract {
namespace {

constexpr std::array<std::string_view, kPosCount> kPosNames = {
    "NOUN", "PROPN", "VERB",  "AUX",   "ADJ", "ADV",  "DET",
    "ADP",  "PRON",  "CCONJ", "SCONJ", "NUM", "PART", "PUNCT"};

// The closed classes (general English grammar words). Words whose class depends on the next
// word are listed with their usual class and settled by resolve_closed().
const std::unordered_map<std::string_view, Pos>& closed_words() {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string_view, Pos>();
    auto add = [m](Pos p, std::initializer_list<std::string_view> ws) {
      for (auto w : ws) (*m)[w] = p;
    };
    for (auto w : kPrepositions.words()) (*m)[w] = Pos::kAdp;  // io/extract/words.hpp
    add(Pos::kAdp, {"during",     "despite", "amid",   "amidst", "amongst", "beyond", "behind",
                    "above",      "below",   "upon",   "per",    "along",   "beside", "besides",
                    "throughout", "onto",    "unlike", "except", "than",    "after",  "before",
                    "since",      "until",   "till",   "up",     "out",     "down",   "as"});
    add(Pos::kDet, {"a",    "an",     "the",     "each",    "every", "some",  "any",  "no",  "all",
                    "both", "either", "neither", "another", "whose", "my",    "your", "his", "its",
                    "our",  "their",  "this",    "that",    "these", "those", "her"});
    add(Pos::kPron,
        {"i",       "me",       "you",       "he",         "him",        "she",        "it",
         "we",      "us",       "they",      "them",       "myself",     "yourself",   "himself",
         "herself", "itself",   "ourselves", "yourselves", "themselves", "mine",       "yours",
         "hers",    "ours",     "theirs",    "who",        "whom",       "what",       "which",
         "whoever", "whatever", "something", "anything",   "nothing",    "everything", "someone",
         "anyone",  "everyone", "somebody",  "anybody",    "everybody",  "nobody",     "none"});
    add(Pos::kCconj, {"and", "or", "but", "nor"});
    add(Pos::kSconj, {"because", "although", "though", "whereas", "unless", "if", "whether",
                      "while", "lest", "when", "where", "whenever", "wherever"});
    add(Pos::kAuxVerb,
        {"am",    "is",    "are",    "was", "were",  "be",     "been",  "being", "will",
         "would", "shall", "should", "can", "could", "may",    "might", "must",  "ought",
         "wo",    "ca",    "have",   "has", "had",   "having", "do",    "does",  "did"});
    add(Pos::kNum,
        {"zero",     "one",      "two",     "three",     "four",     "five",     "six",
         "seven",    "eight",    "nine",    "ten",       "eleven",   "twelve",   "thirteen",
         "fourteen", "fifteen",  "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
         "thirty",   "forty",    "fifty",   "sixty",     "seventy",  "eighty",   "ninety",
         "hundred",  "thousand", "million", "billion",   "trillion"});
    add(Pos::kPart, {"not", "n't", "to"});
    add(Pos::kAdv, {"there"});
    return m;
  }();
  return *map;
}

bool one_of(std::string_view w, std::initializer_list<std::string_view> ws) {
  for (auto x : ws)
    if (w == x) return true;
  return false;
}
bool is_modal(std::string_view w) {
  return one_of(
      w, {"will", "would", "shall", "should", "can", "could", "may", "might", "must", "wo", "ca"});
}
bool is_be(std::string_view w) {
  return one_of(w, {"am", "is", "are", "was", "were", "be", "been", "being"});
}
bool is_have(std::string_view w) { return one_of(w, {"have", "has", "had", "having"}); }
bool is_do(std::string_view w) { return one_of(w, {"do", "does", "did"}); }
bool is_subject_pronoun(std::string_view w) {
  return one_of(w, {"i", "you", "he", "she", "it", "we", "they", "who"});
}
bool ends_with(std::string_view s, std::string_view suf) {
  return s.size() > suf.size() + 1 && s.substr(s.size() - suf.size()) == suf;
}

// What the tagger knows of one token.
struct Info {
  Pos tag = Pos::kPunct;
  ClassWeights w;      // open classes it can have (proper weights counted as noun)
  bool open = false;   // an open-class word: context rules may change its tag
  bool bare = false;   // a listed verb form (not found by a suffix rule)
  bool word = false;   // a word token (not punctuation, number, 's, n't)
  bool lower = false;  // written in lower case
  std::string_view suffix;
};

std::uint32_t weight(const Info& t, Pos p) {
  switch (p) {
    case Pos::kNoun:
      return t.w[WordClass::kNoun] + t.w[WordClass::kProper];
    case Pos::kVerb:
      return t.w[WordClass::kVerb];
    case Pos::kAdj:
      return t.w[WordClass::kAdj];
    case Pos::kAdv:
      return t.w[WordClass::kAdv];
    default:
      return 0;
  }
}
bool can(const Info& t, Pos p) { return weight(t, p) > 0; }

// The allowed open class of largest weight (ties: noun, verb, adjective, adverb); `fallback`
// when none is allowed.
Pos best(const Info& t, std::initializer_list<Pos> allowed, Pos fallback) {
  Pos out = fallback;
  std::uint32_t top = 0;
  for (Pos p : allowed)
    if (weight(t, p) > top) {
      top = weight(t, p);
      out = p;
    }
  return out;
}

// The class of an unknown lower-case word, by its suffix.
Pos by_suffix(std::string_view w) {
  if (ends_with(w, "ly")) return Pos::kAdv;
  if (ends_with(w, "ing") || ends_with(w, "ed")) return Pos::kVerb;
  for (std::string_view s : {"ous", "ful", "ive", "able", "ible", "al", "ic", "less", "ish"})
    if (ends_with(w, s)) return Pos::kAdj;
  return Pos::kNoun;
}

void set_weight(Info& t, Pos p) {
  switch (p) {
    case Pos::kVerb:
      t.w[WordClass::kVerb] = 1;
      break;
    case Pos::kAdj:
      t.w[WordClass::kAdj] = 1;
      break;
    case Pos::kAdv:
      t.w[WordClass::kAdv] = 1;
      break;
    default:
      t.w[WordClass::kNoun] = 1;
  }
}

bool nominal(Pos p) { return p == Pos::kNoun || p == Pos::kPropn; }

class Tagger {
 public:
  Tagger(std::span<const Token> tokens, const WordClassTable& table)
      : tok_(tokens), table_(table), info_(tokens.size()) {}

  std::vector<Pos> run() {
    for (std::size_t i = 0; i < tok_.size(); ++i) first_pass(i);
    for (std::size_t i = 0; i < tok_.size(); ++i)
      if (info_[i].open) context(i);
    for (std::size_t i = 0; i < tok_.size(); ++i) resolve_closed(i);
    std::vector<Pos> out(tok_.size());
    for (std::size_t i = 0; i < tok_.size(); ++i) out[i] = info_[i].tag;
    return out;
  }

 private:
  std::string_view w(std::size_t i) const { return tok_[i].folded; }
  bool has(std::size_t i) const { return i < tok_.size(); }
  // A capitalised word here is read as a sentence's first word: nothing but punctuation
  // before it, or it follows a quotation mark or a colon.
  bool starts(std::size_t i) const {
    if (i == 0) return true;
    const Token& p = tok_[i - 1];
    if (p.type == TokenType::kQuote || w(i - 1) == ":") return true;
    for (std::size_t j = 0; j < i; ++j)
      if (tok_[j].type != TokenType::kPunct && tok_[j].type != TokenType::kQuote) return false;
    return true;
  }
  // The next token that is not an adverb or "not"/"n't" (tags as of now), or size().
  std::size_t skip_adverbs(std::size_t i) const {
    while (has(i) && (info_[i].tag == Pos::kAdv || w(i) == "not" || w(i) == "n't")) ++i;
    return i;
  }
  bool lower_word(std::size_t i) const { return has(i) && info_[i].word && info_[i].lower; }
  bool capital_word(std::size_t i) const {
    return has(i) && tok_[i].type == TokenType::kWord && tok_[i].cap;
  }

  void first_pass(std::size_t i) {
    const Token& t = tok_[i];
    Info& in = info_[i];
    switch (t.type) {
      case TokenType::kPunct:
      case TokenType::kQuote:
        in.tag = Pos::kPunct;
        return;
      case TokenType::kNumber:
        in.tag = Pos::kNum;
        return;
      case TokenType::kNegation:
        in.tag = Pos::kPart;
        return;
      case TokenType::kPossessive:
        in.tag = i > 0 && one_of(w(i - 1), {"it", "he", "she", "that", "there", "what", "who"})
                     ? Pos::kAuxVerb
                     : Pos::kPart;
        return;
      case TokenType::kWord:
        break;
    }
    in.word = true;
    in.lower = !t.cap && !t.all_caps;
    const std::string_view word = w(i);
    const auto& closed = closed_words();
    const auto c = closed.find(word);
    if (t.all_caps) {
      in.tag = Pos::kPropn;
      return;
    }
    if (t.cap && !starts(i)) {
      // Inside a sentence: a name, unless a grammar word ("The", "I") or a demonym before a
      // lower-case word ("Chinese officials").
      if (c != closed.end() && word != "may") {
        in.tag = c->second;
        return;
      }
      const WordLookup l = table_.classes(word);
      in.tag = l.weights[WordClass::kAdj] > 0 && lower_word_ahead(i) ? Pos::kAdj : Pos::kPropn;
      return;
    }
    if (c != closed.end()) {
      in.tag = c->second;
      return;
    }
    const WordLookup l = table_.classes(word);
    in.w = l.weights;
    in.bare = l.bare_verb;
    in.suffix = l.suffix;
    const bool common = can(in, Pos::kVerb) || can(in, Pos::kAdj) || can(in, Pos::kAdv) ||
                        in.w[WordClass::kNoun] > 0;
    if (t.cap) {
      // A sentence's first word: a common word unless unknown, only a proper noun, or the
      // first word of a longer name.
      const bool name_follows = capital_word(i + 1) && !closed.count(w(i + 1));
      if (!common || name_follows) {
        in.tag = Pos::kPropn;
        return;
      }
    }
    if (in.w.empty()) {
      const bool hyphen = word.find('-') != std::string_view::npos;
      const Pos guess = hyphen && lower_word_ahead(i) ? Pos::kAdj : by_suffix(word);
      set_weight(in, guess);
    }
    in.open = true;
    in.tag = best(in, {Pos::kNoun, Pos::kVerb, Pos::kAdj, Pos::kAdv}, Pos::kNoun);
  }

  // The next token is a lower-case word that is not a grammar word.
  bool lower_word_ahead(std::size_t i) const {
    return has(i + 1) && tok_[i + 1].type == TokenType::kWord && !tok_[i + 1].cap &&
           !tok_[i + 1].all_caps && !closed_words().count(w(i + 1));
  }
  // The token can start an object or complement: a determiner, pronoun, name or number.
  bool object_start(std::size_t j) const {
    if (!has(j)) return false;
    const Pos p = info_[j].tag;
    return p == Pos::kDet || p == Pos::kPron || p == Pos::kPropn || p == Pos::kNum;
  }

  void context(std::size_t i) {
    Info& in = info_[i];
    // The nearest earlier token that is not an adverb or "not" (and that token's word).
    std::size_t p = i;
    while (p > 0 && (info_[p - 1].tag == Pos::kAdv || w(p - 1) == "not" || w(p - 1) == "n't")) --p;
    const bool has_prev = p > 0;
    const std::size_t prev = has_prev ? p - 1 : 0;
    const Pos pt = has_prev ? info_[prev].tag : Pos::kPunct;
    const std::string_view pw = has_prev ? w(prev) : std::string_view();
    const bool direct = has_prev && prev + 1 == i;  // nothing skipped
    const bool at_start = starts(i);
    const bool next_object = object_start(i + 1) || (has(i + 1) && w(i + 1) == "to");
    const bool noun_next =
        has(i + 1) && info_[i + 1].open && info_[i + 1].lower && can(info_[i + 1], Pos::kNoun);
    const bool after_det =
        direct && (pt == Pos::kDet || pt == Pos::kNum || pt == Pos::kAdj ||
                   (pt == Pos::kPart && tok_[prev].type == TokenType::kPossessive));
    const bool ing_ed = ends_with(w(i), "ing") || ends_with(w(i), "ed");

    // A participle before a noun, opening a sentence or after a determiner, is an adjective
    // ("Rising costs", "the detained men").
    if (ing_ed && can(in, Pos::kVerb) && noun_next && (at_start || after_det)) {
      in.tag = Pos::kAdj;
      return;
    }
    // A word before a possessive is a noun.
    if (has(i + 1) && tok_[i + 1].type == TokenType::kPossessive && can(in, Pos::kNoun)) {
      in.tag = Pos::kNoun;
      return;
    }
    // "more", "much", "most" before a noun are adjectives.
    if (in.tag == Pos::kAdv && can(in, Pos::kAdj) && noun_next) {
      in.tag = Pos::kAdj;
      return;
    }
    const std::size_t n_classes =
        can(in, Pos::kNoun) + can(in, Pos::kVerb) + can(in, Pos::kAdj) + can(in, Pos::kAdv);
    if (n_classes < 2) return;
    // A plural noun or a verb's -s form ("costs", "talks"): a noun unless the context makes
    // it a verb (rules below).
    const bool s_form = ends_with(w(i), "s") && !in.bare && can(in, Pos::kNoun);

    // After a modal or "do": a bare verb.
    if (has_prev && (is_modal(pw) || is_do(pw)) && in.bare) {
      in.tag = Pos::kVerb;
      return;
    }
    // After "to": a bare verb when an object follows or it is not mostly a noun.
    if (direct && pw == "to" && in.bare &&
        (next_object || 4 * weight(in, Pos::kVerb) >= weight(in, Pos::kNoun))) {
      in.tag = Pos::kVerb;
      return;
    }
    const bool participle = can(in, Pos::kVerb) &&
                            (in.suffix == "ed" || ends_with(w(i), "ed") || ends_with(w(i), "en") ||
                             (in.bare && weight(in, Pos::kVerb) >= weight(in, Pos::kNoun)));
    // After "have": a participle.
    if (has_prev && is_have(pw) && participle && !s_form && in.suffix != "ing") {
      in.tag = Pos::kVerb;
      return;
    }
    // After "be": a passive participle or a progressive -ing, unless mostly an adjective.
    if (has_prev && is_be(pw) && can(in, Pos::kVerb) && (ing_ed || ends_with(w(i), "en")) &&
        weight(in, Pos::kVerb) >= weight(in, Pos::kAdj)) {
      in.tag = Pos::kVerb;
      return;
    }
    // After a determiner, possessive, adjective or number: no verb; an adjective that no
    // noun follows is a noun if it can be ("a fine of").
    if (after_det) {
      if (in.tag == Pos::kVerb || in.tag == Pos::kAdv) {
        if (can(in, Pos::kAdj) && noun_next)
          in.tag = Pos::kAdj;
        else
          in.tag = best(in, {Pos::kNoun, Pos::kAdj}, in.tag);
      }
      const bool nominal_next = noun_next || (has(i + 1) && (info_[i + 1].tag == Pos::kNoun ||
                                                             info_[i + 1].tag == Pos::kPropn ||
                                                             info_[i + 1].tag == Pos::kAdj));
      if (in.tag == Pos::kAdj && !nominal_next && pt == Pos::kDet && can(in, Pos::kNoun) &&
          has(i + 1) &&
          (info_[i + 1].tag == Pos::kAdp || info_[i + 1].tag == Pos::kPunct ||
           info_[i + 1].tag == Pos::kDet))
        in.tag = Pos::kNoun;
      return;
    }
    // After a preposition: no verb, unless an -ing form.
    if (direct && pt == Pos::kAdp && in.tag == Pos::kVerb && !ends_with(w(i), "ing")) {
      in.tag = best(in, {Pos::kNoun, Pos::kAdj}, in.tag);
      return;
    }
    // After a subject pronoun: a verb.
    if (has_prev && pt == Pos::kPron && is_subject_pronoun(pw) && can(in, Pos::kVerb)) {
      in.tag = Pos::kVerb;
      return;
    }
    // Between a noun or name and an object: a verb.
    if (direct && nominal(pt) && can(in, Pos::kVerb) && next_object) {
      in.tag = Pos::kVerb;
      return;
    }
    // After "and", "or", "but" in a sentence that has a verb: a verb, with the same -s ending
    // as that verb or its auxiliary ("employs 90 people and supplies parts", "has denied it
    // and plans to").
    if (direct && pt == Pos::kCconj && can(in, Pos::kVerb)) {
      for (std::size_t k = prev; k-- > 0;) {
        if (info_[k].tag != Pos::kVerb && info_[k].tag != Pos::kAuxVerb) continue;
        std::size_t a = k;  // the verb's auxiliary, if it has one
        while (a > 0 && (info_[a - 1].tag == Pos::kAdv || w(a - 1) == "not")) --a;
        const bool aux_s = a > 0 && info_[a - 1].tag == Pos::kAuxVerb && ends_with(w(a - 1), "s");
        if (!s_form || ends_with(w(k), "s") || aux_s) {
          in.tag = Pos::kVerb;
          return;
        }
        break;
      }
    }
    // Right after a verb: its object, a noun, unless an -ing form ("suspended work").
    if (direct && pt == Pos::kVerb && in.tag == Pos::kVerb && can(in, Pos::kNoun) &&
        !ends_with(w(i), "ing")) {
      in.tag = Pos::kNoun;
      return;
    }
    if (s_form && in.tag == Pos::kVerb) in.tag = Pos::kNoun;
  }

  // The token starts a clause: a subject pronoun, or a noun phrase and then a verb.
  bool clause_ahead(std::size_t j) const {
    if (!has(j)) return false;
    if (info_[j].tag == Pos::kPron && is_subject_pronoun(w(j))) return true;
    for (std::size_t k = j; has(k) && k < j + 6; ++k) {
      const Pos p = info_[k].tag;
      if (p == Pos::kVerb || p == Pos::kAuxVerb) return k > j;
      if (!(p == Pos::kDet || p == Pos::kAdj || nominal(p) || p == Pos::kNum ||
            (p == Pos::kPart && tok_[k].type == TokenType::kPossessive)))
        return false;
    }
    return false;
  }

  void resolve_closed(std::size_t i) {
    if (!info_[i].word || info_[i].open || info_[i].tag == Pos::kPropn) return;
    const std::string_view word = w(i);
    Info& in = info_[i];
    const bool next_nominal =
        has(i + 1) && (info_[i + 1].tag == Pos::kNoun || info_[i + 1].tag == Pos::kAdj ||
                       info_[i + 1].tag == Pos::kNum || info_[i + 1].tag == Pos::kPropn);
    if (word == "that") {
      const bool after_verb = i > 0 && info_[i - 1].tag == Pos::kVerb;
      const bool np_place =
          starts(i) ||
          (i > 0 && (info_[i - 1].tag == Pos::kAdp || info_[i - 1].tag == Pos::kCconj));
      if (next_nominal && (np_place || (!after_verb && !clause_ahead(i + 1))))
        in.tag = Pos::kDet;
      else if (i > 0 && nominal(info_[i - 1].tag) && has(i + 1) &&
               (info_[skip_adverbs(i + 1)].tag == Pos::kVerb ||
                info_[skip_adverbs(i + 1)].tag == Pos::kAuxVerb))
        in.tag = Pos::kPron;
      else
        in.tag = Pos::kSconj;
    } else if (one_of(word, {"this", "these", "those"})) {
      in.tag = next_nominal ? Pos::kDet : Pos::kPron;
    } else if (word == "her") {
      in.tag = has(i + 1) && (info_[i + 1].tag == Pos::kNoun || info_[i + 1].tag == Pos::kAdj ||
                              info_[i + 1].tag == Pos::kPropn)
                   ? Pos::kDet
                   : Pos::kPron;
    } else if (word == "to") {
      in.tag = has(i + 1) && info_[skip_adverbs(i + 1)].tag == Pos::kVerb && info_[i + 1].word
                   ? Pos::kPart
                   : Pos::kAdp;
    } else if (is_have(word) || is_do(word)) {
      std::size_t j = skip_adverbs(i + 1);
      if (is_do(word) && has(j) && info_[j].tag == Pos::kPron) j = skip_adverbs(j + 1);
      const bool verb_follows = has(j) && (info_[j].tag == Pos::kVerb || w(j) == "been");
      in.tag = verb_follows ? Pos::kAuxVerb : Pos::kVerb;
    } else if (one_of(word, {"after", "before", "since", "until", "till", "as"})) {
      in.tag = clause_ahead(i + 1) ? Pos::kSconj : Pos::kAdp;
    } else if (one_of(word, {"about", "around"}) && has(i + 1) && info_[i + 1].tag == Pos::kNum) {
      in.tag = Pos::kAdv;  // "about 300"
    } else if (word == "there") {
      in.tag = has(i + 1) && is_be(w(i + 1)) ? Pos::kPron : Pos::kAdv;
    }
    // "to" before a form of "be" or "have" ("to be", "to have") is PART too.
    if (word == "to" && has(i + 1) && (is_be(w(i + 1)) || is_have(w(i + 1)))) in.tag = Pos::kPart;
  }

  std::span<const Token> tok_;
  const WordClassTable& table_;
  std::vector<Info> info_;
};

}  // namespace

std::string_view pos_name(Pos p) { return kPosNames[static_cast<std::size_t>(p)]; }

std::optional<Pos> parse_pos(std::string_view name) {
  for (std::size_t i = 0; i < kPosCount; ++i)
    if (kPosNames[i] == name) return static_cast<Pos>(i);
  return std::nullopt;
}

TagResult tag_sentence(std::span<const Token> tokens, const TagOptions& o) {
  TagResult r;
  if (tokens.empty()) return r;
  const WordClassTable& table = o.table ? *o.table : WordClassTable::shipped();
  r.tags = Tagger(tokens, table).run();
  return r;
}

bool common_word(std::string_view folded, const TagOptions& o) {
  if (closed_words().count(folded)) return true;
  const WordClassTable& table = o.table ? *o.table : WordClassTable::shipped();
  const ClassWeights w = table.classes(folded).weights;
  return w[WordClass::kNoun] || w[WordClass::kVerb] || w[WordClass::kAdj] || w[WordClass::kAdv];
}

bool bare_verb(std::string_view folded, const TagOptions& o) {
  if (closed_words().count(folded)) return false;
  const WordClassTable& table = o.table ? *o.table : WordClassTable::shipped();
  const WordLookup l = table.classes(folded);
  return l.bare_verb && l.weights[WordClass::kVerb] > 0;
}

TagResult tag_layout(const TextLayout& layout, const TagOptions& o) {
  TagResult r;
  r.tags.assign(layout.tokens.size(), Pos::kPunct);
  if (layout.tokens.empty()) return r;
  const WordClassTable& table = o.table ? *o.table : WordClassTable::shipped();
  const std::span<const Token> all(layout.tokens);
  auto tag_range = [&](std::uint32_t b, std::uint32_t e) {
    if (b >= e) return;
    const std::vector<Pos> t = Tagger(all.subspan(b, e - b), table).run();
    std::copy(t.begin(), t.end(), r.tags.begin() + b);
  };
  tag_range(layout.dateline_first, layout.dateline_last);
  for (const Sentence& s : layout.sentences) tag_range(s.first, s.last);
  return r;
}

}  // namespace stakegraph::io::extract
