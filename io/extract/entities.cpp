// Entities of an article: naming, aliases, lexicon and gazetteer matches, and the
// governments an article is about.
#include "io/extract/run.hpp"

namespace stakegraph::io::extract {

const std::string& ArticleRun::fold(const std::string& text) {
  auto it = fold_memo_.find(text);
  if (it == fold_memo_.end()) it = fold_memo_.emplace(text, Lexicon::fold_key(text)).first;
  return it->second;
}

int ArticleRun::entity_named(const std::string& name, Kind kind, bool typed) {
  const std::string& key = fold(name);
  auto it = by_name_.find(key);
  if (it != by_name_.end()) {
    Ent& e = ents_[static_cast<std::size_t>(it->second)];
    if (!e.typed && typed) {
      e.typed = true;
      e.kind = kind;
    }
    return it->second;
  }
  Ent e;
  e.name = name;
  e.key = key;
  e.kind = kind;
  e.typed = typed;
  ents_.push_back(std::move(e));
  gov_counts_.push_back(0);
  int id = static_cast<int>(ents_.size() - 1);
  by_name_.emplace(key, id);
  return id;
}

bool ArticleRun::company_like(int id) const {
  if (id < 0) return false;
  const Ent& en = ents_[static_cast<std::size_t>(id)];
  if (en.kind == Kind::kVendor || en.kind == Kind::kOperator) return true;
  if (en.kind != Kind::kOrganization) return false;
  for (const auto& d : en.described_as)
    if (d == "company" || d == "firm" || d == "maker" || d == "manufacturer" || d == "supplier" ||
        d == "producer" || d == "contractor")
      return true;
  const std::size_t sp = en.name.rfind(' ');
  if (sp == std::string::npos) return false;
  std::string last = en.name.substr(sp + 1);
  for (auto& c : last) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!last.empty() && last.back() == '.') last.pop_back();
  return in(kCompanyNouns, last) || in(kTechCompanyNouns, last) || in(kOperatorSuffix, last) ||
         last == "corp" || last == "inc" || last == "ltd" || last == "plc" || last == "llc" ||
         last == "co" || last == "holdings";
}

bool ArticleRun::named_here(int id) const {
  for (const auto& m : *cur_.ms)
    if (std::find(m.ents.begin(), m.ents.end(), id) != m.ents.end()) return true;
  return false;
}

bool ArticleRun::court_venue(const Mention& m) const {
  if (m.ents.size() != 1 || m.b < cur_.b + 2) return false;
  const Ent& en = ents_[static_cast<std::size_t>(m.ents[0])];
  if (en.kind != Kind::kAgency) return false;
  std::string low = en.name;
  for (auto& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (low.find("court") == std::string::npos && low.find("tribunal") == std::string::npos)
    return false;
  std::size_t p = m.b;
  if (eq(f(p - 1), "the")) --p;
  return p > cur_.b && (eq(f(p - 1), "at") || eq(f(p - 1), "in") || eq(f(p - 1), "before") ||
                        eq(f(p - 1), "to") || eq(f(p - 1), "with"));
}

int ArticleRun::entity_for(const LexiconEntry& le) {
  if (auto c = by_entry_.find(&le); c != by_entry_.end()) return c->second;
  auto it = by_name_.find(fold(le.name));
  if (it != by_name_.end()) {
    by_entry_.emplace(&le, it->second);
    return it->second;
  }
  int id = entity_named(le.name, le.kind, true);
  by_entry_.emplace(&le, id);
  Ent& e = ents_[static_cast<std::size_t>(id)];
  e.lexicon_parent = le.part_of;
  if (le.kind == Kind::kAgency || le.kind == Kind::kPerson) e.part_of = le.part_of;
  e.country = le.country;
  return id;
}

int ArticleRun::government_named(const std::string& name) {
  if (const LexiconEntry* le = lex_.find(name)) return entity_for(*le);
  return entity_named(name, Kind::kGovernment, true);
}

void ArticleRun::add_alias(int ent, const std::string& alias) {
  if (ent < 0) return;
  Ent& e = ents_[static_cast<std::size_t>(ent)];
  // Fast path: the very same surface is already there (no folding needed).
  if (alias == e.name) return;
  for (const auto& a : e.aliases)
    if (a == alias) return;
  const std::string& k = fold(alias);
  if (k.empty() || k == e.key) return;
  for (const auto& a : e.alias_keys)
    if (a == k) return;
  e.aliases.push_back(alias);
  e.alias_keys.push_back(k);
}

// Longest lexicon match starting at token k (tokens [k, end)); returns its length.
std::size_t ArticleRun::match_lexicon(std::size_t k, std::size_t end, const LexiconEntry** out,
                                      bool sentence_start) const {
  // Every caller passes the sentence end and sentence_start == (k is the sentence's first
  // token): the result depends on k alone and is computed once per token.
  if (lex_len_[k] != kUnmatched) {
    if (lex_len_[k] > 0) *out = lex_entry_[k];
    return lex_len_[k];
  }
  const std::size_t best = match_lexicon_uncached(k, end, out, sentence_start);
  if (best < kUnmatched) {
    lex_len_[k] = static_cast<std::uint8_t>(best);
    lex_entry_[k] = best > 0 ? *out : nullptr;
  }
  return best;
}

std::size_t ArticleRun::match_lexicon_uncached(std::size_t k, std::size_t end,
                                               const LexiconEntry** out,
                                               bool sentence_start) const {
  std::size_t best = 0;
  const std::size_t max_n = std::min(lex_.max_phrase_tokens(), end - k);
  std::uint32_t node = Lexicon::kTrieRoot;
  for (std::size_t n = 1; n <= max_n; ++n) {
    const Token& t = tok(k + n - 1);
    if (t.type == TokenType::kQuote) break;
    node = lex_.trie_step(node, tid_[k + n - 1]);
    if (node == Lexicon::kTrieRoot) break;  // no form has this prefix
    bool needs_cap = false;
    const LexiconEntry* e = lex_.form_at(node, &needs_cap);
    if (!e) continue;
    if (needs_cap && !tok(k).cap && tok(k).type != TokenType::kNumber) continue;
    if (e->exact_case && sentence_start && n == 1 && !initial_exact_name(k)) continue;
    // A one-word title with its article ("The Australian", "The Times") is that title only
    // with the article: "Australian wine" is no newspaper.
    // "the Australian market": after a lower-case article and before a lower-case word the
    // word is the adjective.
    if (e->exact_case && n == 1 && e->name.starts_with("The ") &&
        !(k > 0 && tok(k - 1).folded == "the" &&
          (tok(k - 1).cap || k + 1 >= end || !is_word(k + 1) || tok(k + 1).cap)))
      continue;
    // "polluting the Amazon", "the Shell of the building": a company's one-word name after
    // "the" and before no word of its own is a common noun or a place, not the company
    // (companies are named without the article: "Amazon said", "the Amazon deal").
    if (n == 1 && k > 0 && tok(k - 1).folded == "the" && !e->name.starts_with("The ") &&
        (e->kind == Kind::kOrganization || e->kind == Kind::kVendor ||
         e->kind == Kind::kOperator) &&
        (k + 1 >= end || !is_word(k + 1) || is(k + 1, kPrepositions) ||
         tok(k + 1).folded == "and" || tok(k + 1).folded == "or"))
      continue;
    *out = e;
    best = n;
  }
  return best;
}

bool ArticleRun::initial_exact_name(std::size_t k) const {
  const std::string_view w = tok(k).folded;
  if (lower_words_.contains(w)) return false;
  if (inner_caps_.contains(w)) return true;
  if (k + 1 >= L_.tokens.size() || !is_word(k + 1) || tok(k + 1).cap) return false;
  const std::uint32_t node = lex_.trie_step(Lexicon::kTrieRoot, tid_[k + 1]);
  return is(k + 1, kSpeechVerbs) || (node != Lexicon::kTrieRoot && lex_.verbs_at(node) != nullptr);
}

std::size_t ArticleRun::match_gazetteer(std::size_t k, std::size_t end, int* ent) const {
  if (!gaz_first_.count(th_[k])) return 0;  // no key starts with this word
  if (!tok(k).cap && !gaz_lower_first_.count(th_[k])) return 0;
  std::string key;
  std::size_t best = 0;
  for (std::size_t n = 1; n <= std::min(gaz_max_, end - k); ++n) {
    if (n > 1) key.push_back(' ');
    key += tok(k + n - 1).folded;
    auto it = gazetteer_.find(key);
    if (it != gazetteer_.end()) {
      *ent = it->second;
      best = n;
    }
  }
  return best;
}

std::size_t ArticleRun::match_demonym(std::size_t k, std::size_t end,
                                      const LexiconEntry** out) const {
  if (!tok(k).cap) return 0;
  std::size_t best = 0;
  std::uint32_t node = Lexicon::kTrieRoot;
  for (std::size_t n = 1; n <= std::min<std::size_t>(3, end - k); ++n) {
    node = lex_.trie_step(node, tid_[k + n - 1]);
    if (node == Lexicon::kTrieRoot) break;
    if (const LexiconEntry* e = lex_.demonym_at(node)) {
      *out = e;
      best = n;
    }
  }
  return best;
}

int ArticleRun::home_government(const std::vector<int>& exclude) const {
  int best = -1, count = 0;
  for (std::size_t i = 0; i < ents_.size(); ++i)
    if (ents_[i].kind == Kind::kGovernment && gov_counts_[i] > count &&
        std::find(exclude.begin(), exclude.end(), static_cast<int>(i)) == exclude.end())
      best = static_cast<int>(i), count = gov_counts_[i];
  return best;
}

// The government a bare title or role noun belongs to: the most recent government
// mentioned earlier in the same paragraph, else the article's most mentioned one.
int ArticleRun::context_government(std::size_t si, std::size_t before_token,
                                   const std::vector<int>& exclude, bool skip_modifiers) const {
  const std::uint32_t para = L_.sentences[si].paragraph;
  for (std::size_t j = si + 1; j-- > 0;) {
    if (L_.sentences[j].paragraph != para) break;
    const auto& ms = sent_mentions_[j];
    for (std::size_t m = ms.size(); m-- > 0;) {
      if (j == si && ms[m].b >= before_token) continue;
      if (ms[m].flags & kLocative) continue;
      // A country that says where a company is from ("Mexico's Grupo Vela") is no government
      // acting in the paragraph.
      if ((ms[m].flags & kPossessive) && m + 1 < ms.size() && ms[m + 1].b == ms[m].e &&
          ms[m + 1].ents.size() == 1) {
        const Kind k = ents_[static_cast<std::size_t>(ms[m + 1].ents[0])].kind;
        if (k == Kind::kOrganization || k == Kind::kVendor || k == Kind::kOperator ||
            k == Kind::kMedia)
          continue;
      }
      // ... and so is one named by an indefinite demonym phrase ("a French envoy").
      if (skip_modifiers &&
          ((ms[m].flags & kModifier) || ((ms[m].flags & kGeneric) && ms[m].b > 0 &&
                                         (eq(f(ms[m].b - 1), "a") || eq(f(ms[m].b - 1), "an")))))
        continue;
      for (int e : ms[m].ents)
        if (ents_[static_cast<std::size_t>(e)].kind == Kind::kGovernment &&
            std::find(exclude.begin(), exclude.end(), e) == exclude.end())
          return e;
      // A state body named earlier in the same sentence speaks for its state ("a U.S.
      // Senate committee, Commerce Secretary X and ...": X is the US's).
      if (j == si && ms[m].ents.size() == 1 &&
          ents_[static_cast<std::size_t>(ms[m].ents[0])].kind == Kind::kAgency)
        if (const int g = government_of(ms[m].ents[0]);
            g >= 0 && std::find(exclude.begin(), exclude.end(), g) == exclude.end())
          return g;
    }
  }
  if (const int home = home_government(exclude); home >= 0) return home;
  // No state acts in the article: the one it is set in, named as a place ("marched in
  // Belgrade against President X": X is Serbia's).
  for (std::size_t j = 0; j <= si && j < sent_mentions_.size(); ++j)
    for (const auto& m : sent_mentions_[j]) {
      if (j == si && m.b >= before_token) break;
      for (int e : m.ents)
        if (ents_[static_cast<std::size_t>(e)].kind == Kind::kGovernment &&
            std::find(exclude.begin(), exclude.end(), e) == exclude.end())
          return e;
    }
  return -1;
}

int ArticleRun::government_of(int agency) const {
  // Up the part_of chain, by name (the article's entities, else the lexicon's entries: "US
  // Senate" -> "US Congress" -> "United States"), at most four steps, to a government the
  // article has.
  auto entity_with_name = [&](const std::string& name) {
    for (std::size_t x = 0; x < ents_.size(); ++x)
      if (ents_[x].name == name) return static_cast<int>(x);
    return -1;
  };
  std::string name = ents_[static_cast<std::size_t>(agency)].part_of;
  for (int step = 0; step < 4 && !name.empty(); ++step) {
    if (const int x = entity_with_name(name); x >= 0) {
      if (ents_[static_cast<std::size_t>(x)].kind == Kind::kGovernment) return x;
      name = ents_[static_cast<std::size_t>(x)].part_of;
      if (!name.empty()) continue;
    }
    const LexiconEntry* le = lex_.find(name);
    if (le == nullptr) return -1;
    if (le->kind == Kind::kGovernment) return entity_with_name(le->name);
    name = le->part_of;
  }
  return -1;
}

bool ArticleRun::country_named(const std::string& iso3) {
  if (auto it = country_named_.find(iso3); it != country_named_.end()) return it->second;
  bool named = false;
  for (const auto& sent : L_.sentences)
    for (std::size_t k = sent.first; k < sent.last && !named; ++k) {
      const LexiconEntry* le = nullptr;
      if (match_lexicon(k, sent.last, &le, k == sent.first) > 0 && le &&
          le->kind == Kind::kGovernment && le->iso3 == iso3)
        named = true;
      else if (match_demonym(k, sent.last, &le) > 0 && le && le->iso3 == iso3)
        named = true;
    }
  country_named_.emplace(iso3, named);
  return named;
}

int ArticleRun::foreign_institution(const LexiconEntry& le, std::size_t si, std::size_t k,
                                    std::size_t end) {
  if (le.kind != Kind::kAgency || le.country.empty()) return -1;
  // Only a bare name: no country word inside ("the US Congress" is the US's).
  for (std::size_t q = k; q < end; ++q) {
    const LexiconEntry* g = nullptr;
    if (match_demonym(q, end, &g) > 0) return -1;
    if (match_lexicon(q, end, &g, false) > 0 && g && g->kind == Kind::kGovernment) return -1;
  }
  // Only a generic name: the lexicon's own name is it with a country before ("Congress" of
  // "US Congress"); "Bundestag" names one body anywhere.
  const std::size_t from = eq(f(k), "the") ? k + 1 : k;
  if (from >= end) return -1;
  const std::string bare = fold(surface(from, end));
  const std::string full = fold(le.name);
  if (full.size() <= bare.size() + 1 || !full.ends_with(bare) ||
      full[full.size() - bare.size() - 1] != ' ')
    return -1;
  if (country_named(le.country)) return -1;
  const int gov = context_government(si, k);
  if (gov < 0) return -1;
  const Ent& g = ents_[static_cast<std::size_t>(gov)];
  const LexiconEntry* ge = lex_.find(g.name);
  if (g.kind != Kind::kGovernment || ge == nullptr || ge->iso3.empty() || ge->iso3 == le.country)
    return -1;
  const std::string gov_name = g.name;
  const int id = entity_named(surface(from, end) + " of " + gov_name, Kind::kAgency, true);
  ents_[static_cast<std::size_t>(id)].part_of = gov_name;
  return id;
}

}  // namespace stakegraph::io::extract
