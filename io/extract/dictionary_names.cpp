// Names from the event-data dictionaries (pass 1 over the sentences, with dictionaries):
// actors and agents the dictionaries name, agents over lists of actors, compound codes.
#include "io/extract/run.hpp"

#include "io/extract/dictionary/compose.hpp"

namespace stakegraph::io::extract {

// Kind of an actor from its event-data code (CAMEO actor codes: a 3-letter country, then
// 3-letter agent codes): a country alone or with GOV is a government; IGO, NGO, a business
// (BUS), a party (PTY), rebels (REB, INS) an organization; any other agent (MIL, COP, JUD,
// LEG, SPY ...) an agency.
Kind kind_of_code(std::string_view code) {
  // A body's own code is no country's ("IGO", "NGO", "MNC" alone: three letters too).
  if ((code.starts_with("IGO") || code.starts_with("NGO") || code.starts_with("MNC")))
    return Kind::kOrganization;
  if (code.size() <= 3) return Kind::kGovernment;
  const std::string_view rest = code.substr(3);
  if (rest == "GOV" || rest == "ELI") return Kind::kGovernment;
  for (std::string_view org : {"IGO", "NGO", "BUS", "PTY", "REB", "INS", "MED", "EDU", "LAB", "REL",
                               "OPP", "CVL", "UAF", "IMG", "NGM", "SEP", "MNC"})
    if (code.find(org) != std::string_view::npos) return Kind::kOrganization;
  return Kind::kAgency;
}

// The entity of an international or non-state body with this actor code, or -1: such a
// code names one body, whatever synonym the text uses.
int ArticleRun::body_with_code(std::string_view code) const {
  if (!(code.starts_with("IGO") || code.starts_with("NGO") || code.starts_with("MNC"))) return -1;
  for (std::size_t x = 0; x < ents_.size(); ++x)
    if (ents_[x].code == code) return static_cast<int>(x);
  return -1;
}

// Pass 1 with event-data dictionaries: actors the dictionary names (a capitalised phrase,
// or an agent phrase after a country's demonym: "Israeli police") become entities with
// their code; lexicon actors it names get the code too.
void ArticleRun::dictionary_actors(const Sentence& s, std::vector<char>& covered) {
  const std::size_t b = s.first, e = s.last;
  dtoks_.clear();
  for (std::size_t k = b; k < e; ++k) dtoks_.push_back(tok(k).folded);
  const auto date = static_cast<extract::dictionary::Date>(date_ > 0 ? date_ : 0);
  for (std::size_t k = b; k < e;) {
    // "soldiers from Gondor": the agent with its actor's code (dictionary/compose.hpp).
    if (code_actors_ && !covered[k])
      if (const auto ca = extract::dictionary::agent_of_actor(*dict_, dtoks_, k - b, date)) {
        const int id = entity_named(surface(k, k + ca.length), kind_of_code(ca.code), true);
        add_gazetteer(fold(surface(k, k + ca.length)), id, !tok(k).cap);
        gaz_max_ = std::max(gaz_max_, ca.length);
        Ent& en = ents_[static_cast<std::size_t>(id)];
        if (en.code.empty()) en.code = ca.code;
        // Part of the actor it names, not of the article's most mentioned government.
        if (en.part_of.empty() && kind_of_code(ca.code) != Kind::kGovernment)
          en.part_of = surface(b + ca.actor_at, b + ca.actor_at + ca.actor_length);
        const std::size_t end = agent_over_list(b, k, k + ca.length, e, b + ca.actor_at, id);
        for (std::size_t j = k; j < end; ++j) covered[j] = 1;
        k = end;
        continue;
      }
    // A name the actors dictionary spells with its article ("THE_SHIRE") is one in lower
    // case mid-sentence too ("X, the Shire and Y"); with the whole actor lists only (the
    // shipped bodies keep their capitalised names).
    const bool article = code_actors_ && eq(tok(k).folded, "the") && k + 1 < e && tok(k + 1).cap;
    if ((!tok(k).cap && !article) || covered[k]) {
      ++k;
      continue;
    }
    const auto am = dict_->actors.longest(dtoks_, k - b, date);
    if (!am || am.code.empty()) {
      ++k;
      continue;
    }
    std::size_t n = am.length;
    std::string code(am.code);
    // Without the whole actor lists: only international and non-state bodies named by
    // several words or an acronym.
    // The lexicon's own actors stay the lexicon's ("The European Union").
    if (!code_actors_) {
      // A multinational company (MNC) too, by one capitalised word unless it opens the
      // sentence as no name would ("Shell said", not "Total exports rose").
      const bool company = code.starts_with("MNC");
      bool body = (code.starts_with("IGO") || code.starts_with("NGO") || company) &&
                  (n >= 2 || tok(k).all_caps || (company && (k > b || initial_name(k, e)))) &&
                  !eq(tok(k).folded, "the");
      for (std::size_t j = k; j < k + n && body; ++j) {
        const LexiconEntry* other = nullptr;
        body = match_lexicon(j, e, &other, j == b) == 0;
      }
      if (!body) {
        ++k;
        continue;
      }
    }
    // "<demonym or country> <agent>": the agent's code after the country's.
    if (code.size() == 3 && k + n < e) {
      const auto ag = dict_->agents.longest(dtoks_, k + n - b);
      if (ag && !ag.prefix) {
        code += std::string(ag.code);
        n += ag.length;
      } else if (code_actors_) {
        n += possessed_agent(b, k + n, e, code);
      }
    }
    const LexiconEntry* le = nullptr;
    const std::size_t ln = match_lexicon(k, e, &le, k == b);
    int id = -1;
    if (ln == n && le) {
      id = entity_for(*le);
    } else if (ln > n) {
      k += ln;
      continue;
    } else if (const int same = body_with_code(code); same >= 0) {
      // Another name of a body already named ("WFP" after "World Food Programme").
      id = same;
      add_alias(id, surface(k, k + n));
    } else {
      const Kind kind = kind_of_code(code);
      // A demonym names its country ("Israeli troops": an agency of Israel).
      const LexiconEntry* dm = nullptr;
      if (code.size() > 3 && match_demonym(k, e, &dm) > 0 && dm && kind != Kind::kGovernment) {
        id = entity_named(surface(k, k + n), kind, true);
        ents_[static_cast<std::size_t>(id)].part_of = dm->name;
      } else if (kind == Kind::kGovernment && code.size() == 3 && match_demonym(k, e, &dm) > 0 &&
                 dm) {
        id = entity_for(*dm);
      } else {
        id = entity_named(surface(k, k + n), kind, true);
      }
      add_gazetteer(fold(surface(k, k + n)), id);
      gaz_max_ = std::max(gaz_max_, n);
    }
    Ent& en = ents_[static_cast<std::size_t>(id)];
    if (en.code.empty()) en.code = code;
    if (code_actors_) compound_code_members(id, surface(k, k + n));
    for (std::size_t j = k; j < k + n; ++j) covered[j] = 1;
    k += n;
  }
}

// "<agent> of A, B and C" (tokens [k, end) are "<agent> of A", A at `actor_at`, entity
// `first`): the agent of each actor of the list, as PETRARCH codes each conjunct of the
// noun phrase ("the ambassadors of A, B and C": A's, B's and C's ambassadors). The list
// closes with "and" or "or"; the whole span becomes one compound entity whose members are
// the agents. Returns the end of the span taken (`end` when there is no list).
std::size_t ArticleRun::agent_over_list(std::size_t b, std::size_t k, std::size_t end,
                                        std::size_t e, std::size_t actor_at, int first) {
  const auto ag = dict_->agents.longest(dtoks_, k - b);
  if (!ag) return end;
  const auto date = static_cast<extract::dictionary::Date>(date_ > 0 ? date_ : 0);
  const std::string head = surface(k, actor_at);          // "ambassadors of", "officials in the"
  std::vector<std::pair<std::size_t, std::size_t>> more;  // further actors' tokens
  std::size_t j = end;
  bool closed = false;
  while (!closed) {
    std::size_t q = j;
    if (q < e && eq(f(q), ",")) ++q;
    if (q < e && (eq(f(q), "and") || eq(f(q), "or"))) {
      ++q;
      closed = true;
    }
    if (q == j || q >= e || !tok(q).cap) break;
    const auto am = dict_->actors.longest(dtoks_, q - b, date);
    if (!am || am.code.empty()) break;
    more.emplace_back(q, q + am.length);
    j = q + am.length;
  }
  if (!closed || more.empty()) return end;
  std::vector<int> members = {first};
  for (const auto& [q, qe] : more) {
    const auto am = dict_->actors.longest(dtoks_, q - b, date);
    const std::string code = extract::dictionary::with_agent(am.code, ag.code, ag.prefix);
    const int id = entity_named(head + " " + surface(q, qe), kind_of_code(code), true);
    Ent& en = ents_[static_cast<std::size_t>(id)];
    if (en.code.empty()) en.code = code;
    if (en.part_of.empty() && kind_of_code(code) != Kind::kGovernment) en.part_of = surface(q, qe);
    members.push_back(id);
  }
  const int group = entity_named(surface(k, j), ents_[static_cast<std::size_t>(first)].kind, true);
  ents_[static_cast<std::size_t>(group)].members = std::move(members);
  add_gazetteer(fold(surface(k, j)), group, !tok(k).cap);
  gaz_max_ = std::max(gaz_max_, j - k);
  return j;
}

// An actor with a compound code ("THE_SHIRE [FRO/BIL/SAM]": TABARI's name for several actors
// at once) stands for one member a code, each coded alone ("The Shire (FRO)").
void ArticleRun::compound_code_members(int id, const std::string& surface_name) {
  const std::string code = ents_[static_cast<std::size_t>(id)].code;
  if (code.find('/') == std::string::npos || !ents_[static_cast<std::size_t>(id)].members.empty())
    return;
  std::vector<int> members;
  for (std::size_t p = 0; p <= code.size();) {
    std::size_t q = code.find('/', p);
    if (q == std::string::npos) q = code.size();
    if (q > p) {
      const std::string part = code.substr(p, q - p);
      const int m = entity_named(surface_name + " (" + part + ")", kind_of_code(part), true);
      if (ents_[static_cast<std::size_t>(m)].code.empty())
        ents_[static_cast<std::size_t>(m)].code = part;
      members.push_back(m);
    }
    p = q + 1;
  }
  if (members.size() > 1) ents_[static_cast<std::size_t>(id)].members = std::move(members);
}

// "<actor>'s [modifiers] <agent>" from token `at` (the "'s"): the possessor's agent, its code
// after the actor's ("Gondor's government": GON + GOV; "Gondor's new foreign minister"), as
// PETRARCH reads a possessive noun phrase. Up to three modifiers (adjectives, "and", a title
// word: "Norvale's able and trusted minister"), none a function word, a verb's participle or
// an actor. Returns the tokens taken (0: none) and appends the agent's code to `code`.
// `b` is the sentence's first token (dtoks_ holds its folded words).
std::size_t ArticleRun::possessed_agent(std::size_t b, std::size_t at, std::size_t e,
                                        std::string& code) const {
  if (at + 1 >= e || tok(at).type != TokenType::kPossessive) return 0;
  for (std::size_t q = at + 1; q < e && q <= at + 4; ++q) {
    const auto ag = dict_->agents.longest(dtoks_, q - b);
    if (ag && !ag.prefix) {
      code = extract::dictionary::with_agent(code, ag.code, false);
      // A name right after the title is in its noun phrase: "Norvale's trusted minister
      // Ada Pell" is Norvale's government, whatever actor the name alone would be.
      std::size_t r = q + ag.length;
      while (r < e && r < q + ag.length + 3 && tok(r).type == TokenType::kWord && tok(r).cap &&
             !is(r, kSkip))
        ++r;
      return r - at;
    }
    // q is a modifier when the next word may still be the agent.
    const std::string_view w = f(q);
    if (tok(q).type != TokenType::kWord || is(q, kPrepositions) || is(q, kAux) || is(q, kBeForms) ||
        is(q, kNegators) || eq(w, "the") || eq(w, "a") || eq(w, "an") ||
        (w.size() > 3 && w.ends_with("ed")) || (tok(q).cap && dict_->actors.longest(dtoks_, q - b)))
      return 0;
  }
  return 0;
}

// Whether the capitalised words from `from` (one to three, in no lexicon name) end in the
// head noun of a company, a newspaper or an organisation: then a place before them is the
// first word of that name.
}  // namespace stakegraph::io::extract
