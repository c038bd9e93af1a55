// Clause helpers of relations(): mentions at a token, clause boundaries, subjects,
// objects, negation and the passive, over the sentence in ArticleRun::cur_.
#include "io/extract/run.hpp"

namespace stakegraph::io::extract {

bool ArticleRun::has_words(const WordSet& ws) const {
  const std::uint64_t words = cur_.words;
  return (words & ws.bit()) != 0;
}

const Mention* ArticleRun::mention_at(std::size_t k) const {
  const std::vector<Mention>& ms = *cur_.ms;
  const std::size_t b = cur_.b, e = cur_.e;
  if (k < b || k >= e || at_[k - b] < 0) return nullptr;
  return &ms[static_cast<std::size_t>(at_[k - b])];
}

std::vector<int> ArticleRun::actor_or_state_at(std::size_t k, const Mention** named) {
  if (named) *named = nullptr;
  if (const Mention* m = mention_at(k); m && actor(*m) && !(m->flags & kPronoun)) {
    if (named) *named = m;
    return m->ents;
  }
  const LexiconEntry* dm = nullptr;
  if (k < cur_.e && match_demonym(k, cur_.e, &dm) > 0 && dm) return {entity_for(*dm)};
  return {};
}

std::size_t ArticleRun::past_pronoun_subject(std::size_t c, std::size_t end) const {
  const std::string_view w = f(c);
  if (c + 2 >= end || !(eq(w, "it") || eq(w, "he") || eq(w, "she") || eq(w, "they") || eq(w, "we")))
    return c;
  ++c;
  while (c + 1 < end && (is(c, kAux) || is(c, kCopulas))) ++c;
  return c;
}

const Mention* ArticleRun::mention_covering(std::size_t k) const {
  const std::vector<Mention>& ms = *cur_.ms;
  const std::size_t b = cur_.b, e = cur_.e;
  if (k < b || k >= e || cover_[k - b] < 0) return nullptr;
  return &ms[static_cast<std::size_t>(cover_[k - b])];
}

bool ArticleRun::actor(const Mention& m) {
  return !(m.flags & (kModifier | kLocative)) && !m.ents.empty();
}

// Whether [from, to) says an act was done without consent or permission ("sent the data to
// servers abroad without their consent"): a wrongdoing, whatever the verb.
bool ArticleRun::without_consent(std::size_t from, std::size_t to) const {
  for (std::size_t z = from; z + 1 < to; ++z) {
    if (!eq(f(z), "without")) continue;
    for (std::size_t q = z + 1; q < std::min(to, z + 4); ++q)
      if (eq(f(q), "consent") || eq(f(q), "permission") || eq(f(q), "authorisation") ||
          eq(f(q), "authorization") || eq(f(q), "approval") || eq(f(q), "licence") ||
          eq(f(q), "license") || eq(f(q), "knowledge"))
        return true;
  }
  return false;
}

// Clause start before token h.
std::size_t ArticleRun::clause_start(std::size_t h) const {
  const std::size_t b = cur_.b, e = cur_.e;
  std::size_t cs = b;
  for (std::size_t k = b; k < h; ++k) {
    std::string_view w = f(k);
    if (eq(w, ";") || eq(w, ":") || (tok(k).type == TokenType::kQuote && k + 1 < h && k > b)) {
      cs = k + 1;
    } else if (is(k, kSubordinators) && !mention_covering(k)) {
      if (eq(w, "as") && !(k > b && eq(f(k - 1), ","))) continue;
      if (eq(w, "since") && k + 1 < e && tok(k + 1).type == TokenType::kNumber) continue;
      cs = k + 1;
    } else if ((eq(w, "which") || is_who(k) || eq(w, "whose")) && k > b && eq(f(k - 1), ",")) {
      // ", which ... ," closed before h: the verb belongs to the main clause.
      std::size_t c2 = k + 1;
      while (c2 < h && !eq(f(c2), ",")) ++c2;
      if (c2 < h) {
        k = c2;
        continue;
      }
      cs = k;
    } else if ((eq(w, "which") || is_who(k) || eq(w, "whose")) && [&] {
                 // A relative clause without a comma before it but closed by one before
                 // h ("a member of X who chairs Y, said"): the verb is the main clause's.
                 std::size_t c2 = k + 1;
                 while (c2 < h && !eq(f(c2), ",")) ++c2;
                 if (c2 >= h) return false;
                 k = c2;
                 return true;
               }()) {
      continue;
    } else if (eq(w, "that") || eq(w, "which") || is_who(k) || eq(w, "whose")) {
      cs = k;  // relative or complement: handled by the caller
    } else if ((eq(w, "said") || eq(w, "says") || eq(w, "told") || eq(w, "tells") ||
                eq(w, "added") || eq(w, "insisted") || eq(w, "stressed") || eq(w, "noted") ||
                eq(w, "argued") || eq(w, "believes") || eq(w, "believed")) &&
               k + 2 < h && k > b && !mention_covering(k)) {
      // A reported clause without "that" ("X said Y would ..."): its own subject. After
      // "told", the one spoken to comes first ("told Reuters it would ...").
      std::size_t start = k + 1;
      if (eq(w, "told") || eq(w, "tells")) {
        if (const Mention* to = mention_at(start))
          start = to->e;
        else if (is_word(start) && !tok(start).cap)
          ++start;  // "told reporters"
      }
      // Only a subject of its own, named or described, right after the verb: "X said it
      // would ..." and "X said he had given Y a warning" are still X's; "its chief said the
      // company would ..." is the company's.
      std::size_t at = start;
      if (at < h && (eq(f(at), "the") || eq(f(at), "a") || eq(f(at), "an"))) ++at;
      bool clause = false;
      const Mention* m = mention_at(start);
      if (!m) m = mention_at(at);
      if (m) clause = m->e <= h && actor(*m) && !(m->flags & kPronoun);
      if (clause && start < h) cs = start;
    } else if (eq(w, "and") && k + 1 < h &&
               !(mention_covering(k) && mention_covering(k)->ents.size() == 1)) {  // in a name
      const Mention* nm = mention_at(k + 1);
      bool det = eq(f(k + 1), "the") || eq(f(k + 1), "its") || eq(f(k + 1), "a");
      // ("X and the Y" coordinated into one mention: no clause.)
      if (!nm && !(det && k + 2 < e && (mention_at(k + 2) || mention_covering(k))) &&
          !tok(k + 1).cap)
        cs = k;
    }
  }
  return cs;
}

// Subject of the verb at h: the first actor mention of its clause.
bool ArticleRun::subject_of(std::size_t h, std::vector<int>& out, std::size_t* subj_end) const {
  const std::vector<Mention>& ms = *cur_.ms;
  const std::size_t b = cur_.b;
  const std::vector<int>& last_subject = cur_.last_subject;
  // "<X> was wrong to <h>", "<X> is expected to <h>": X is the subject of the infinitive.
  if (h >= b + 3 && eq(f(h - 1), "to")) {
    std::size_t c = h - 2;
    while (c > b && c + 5 > h && !is(c, kCopulas) && is_word(c) && !tok(c).cap) --c;
    if (is(c, kCopulas))
      for (const auto& m : ms)
        if (m.e == c && actor(m) && !((m.flags & kPronoun) && (m.flags & kPossessive))) {
          out = m.ents;
          if (subj_end) *subj_end = m.e;
          return true;
        }
  }
  // "expected X to <h>", "allowed the company to <h>": the infinitive's subject is the
  // object between; it is the main subject's act no more. No subject is given then.
  if (h >= b + 3 && eq(f(h - 1), "to")) {
    static constexpr std::string_view kObjectControl[] = {
        "expected",   "expects", "expect",  "wanted",    "wants",    "allowed",
        "allows",     "forced",  "forces",  "required",  "requires", "encouraged",
        "encourages", "invited", "invites", "persuaded", "enabled",  "enables",
        "permitted",  "permits", "helped",  "helps"};
    for (std::size_t c = h - 2; c > b && c + 6 > h; --c) {
      if (std::find(std::begin(kObjectControl), std::end(kObjectControl), f(c - 1)) !=
          std::end(kObjectControl))
        return false;
      if (!is_word(c) || is(c, kAux) || is(c, kCopulas)) break;
    }
  }
  std::size_t cs = clause_start(h);
  if (cs < h && (eq(f(cs), "which") || is_who(cs) || eq(f(cs), "that"))) {
    // Relative clause: the antecedent is the nearest actor mention before the pronoun,
    // skipping an apposition ("the United States, its main security ally, which").
    const Mention* ante = nullptr;
    // ("According to X, a plan that ...": X is the source of the report, no antecedent.)
    for (const auto& m : ms)
      if (m.e <= cs && actor(m) && !(m.flags & kPronoun) &&
          according_to(m.b, b) == std::string_view::npos) {
        bool ok = true;
        for (std::size_t k = m.e; k < cs; ++k)
          if (eq(f(k), "that") || eq(f(k), "which") || eq(f(k), ";")) ok = false;
        if (ok || !ante) ante = &m;
      }
    // "who" stands for a person: "Park, a Labour lawmaker, who accused ...": the person
    // before the apposition, not the party inside it.
    if (is_who(cs) && ante && ante->ents.size() == 1 &&
        ents_[static_cast<std::size_t>(ante->ents[0])].kind != Kind::kPerson)
      for (const auto& m : ms)
        if (m.e + 2 <= ante->b && m.b + 12 >= cs && actor(m) && !(m.flags & kPronoun) &&
            m.ents.size() == 1 &&
            ents_[static_cast<std::size_t>(m.ents[0])].kind == Kind::kPerson && eq(f(m.e), ","))
          ante = &m;
    // "X, which Kenya says is backed by Y": the reported clause's subject is the antecedent
    // (the speaker inside the relative clause is not).
    for (std::size_t z = cs + 2; z < h && ante; ++z) {
      if (!is(z, kSpeechVerbs) && !eq(f(z), "believe") && !eq(f(z), "believes")) continue;
      bool gap = z + 1 < h;
      for (std::size_t q = z + 1; q < h; ++q)
        gap = gap && (is(q, kBeForms) || is(q, kAux) || is(q, kAdverbs));
      if (gap) {
        out = ante->ents;
        if (subj_end) *subj_end = ante->e;
        return true;
      }
    }
    // A subject inside the relative clause ("a charge the company has denied").
    for (const auto& m : ms)
      if (m.b > cs && m.b < h && actor(m) && !(m.b > 0 && is(m.b - 1, kPrepositions))) {
        out = m.ents;
        if (subj_end) *subj_end = m.e;
        return true;
      }
    if (eq(f(cs), "that") && cs > b && !mention_covering(cs - 1) && is_word(cs - 1) &&
        !tok(cs - 1).cap && ante && ante->e + 1 != cs) {
      // "said that ..." complement without a subject of its own: none.
      bool complement = is(cs - 1, kSpeechVerbs) || is(cs - 1, kReportVerbs) ||
                        eq(f(cs - 1), "believe") || eq(f(cs - 1), "concluded");
      if (complement) return false;
    }
    if (ante) {
      out = ante->ents;
      if (subj_end) *subj_end = cs;
      return true;
    }
    return false;
  }
  // A participle after a comma ("X fined Y, alleging ..."): its subject is the sentence's,
  // never a name after the sentence's verb (that is the verb's object).
  const bool participle = h > b + 1 && eq(f(h - 1), ",") && ends_with(f(h), "ing") && !tok(h).cap;
  for (const auto& m : ms) {
    if (m.b < cs || m.b >= h) continue;
    if (!actor(m)) continue;
    if (participle) {
      bool object = false;
      for (const VerbHit& vh : cur_.hits) object |= vh.h < m.b;
      if (object) continue;
    }
    std::size_t pp = m.b > b && eq(f(m.b - 1), "the") ? m.b - 1 : m.b;
    // "officials of X", "observers from X", "lawyers for X", "officials at X": the group
    // speaks for X.
    bool group_of = pp > b + 1 &&
                    (eq(f(pp - 1), "of") || eq(f(pp - 1), "from") || eq(f(pp - 1), "for") ||
                     eq(f(pp - 1), "at")) &&
                    is(pp - 2, kGroupNouns);
    if (m.b > cs && is(m.b - 1, kPrepositions) && !eq(f(m.b - 1), "by") && !group_of &&
        !(pp < m.b && group_of))
      continue;
    // "analysts quoted by Reuters criticised ...": the agent of a reduced relative after a
    // common noun is no subject.
    if (pp >= cs + 3 && eq(f(pp - 1), "by") && ends_with(f(pp - 2), "ed") && is_word(pp - 3) &&
        (!tok(pp - 3).cap || pp - 3 == b) && !mention_covering(pp - 3) && !is(pp - 3, kBeForms) &&
        !is(pp - 3, kAux) && !is(pp - 3, kAdverbs))
      continue;
    // The source in "according to the daily X" is no subject.
    if (m.b > cs && according_to(m.b, b) != std::string_view::npos) continue;
    if (pp < m.b && pp > cs && is(pp - 1, kPrepositions) && !group_of) continue;
    if ((m.flags & kPossessive) && !(m.flags & kPronoun)) {
      // "Huawei's founder, Ren Zhengfei, ..." - the possessor is not the subject
      // unless nothing else is.
      bool other = false;
      for (const auto& m2 : ms) {
        if (!(m2.b > m.b && m2.b < h && actor(m2) && !(m2.flags & kPossessive))) continue;
        // Only a name in the possessed noun phrase itself (or its apposition), not an object
        // after the verb ("Chile's government fined X, accusing it of ...": Chile acts).
        bool prep = false;
        for (std::size_t z = m.e; z < m2.b; ++z) prep |= is(z, kPrepositions);
        for (const VerbHit& vh : cur_.hits) prep |= vh.h >= m.e && vh.h < m2.b;
        if (prep) continue;
        // An unknown name inside the possessed noun phrase is a product or brand, not an
        // actor: "Huawei's in-house Kirin processors are built on ...".
        const bool brand = (m2.flags & kUntyped) && m2.b <= m.e + 2 && m2.e < h && is_word(m2.e) &&
                           !tok(m2.e).cap && !is(m2.e, kCopulas) && !is(m2.e, kAux);
        if (!brand) other = true;
      }
      if (other) continue;
      // "Kenya's main opposition party accused ...": the possessed body acts, not the
      // possessor; with no name for that body there is no subject.
      bool body_possessed = false;
      for (std::size_t z = m.e; z < h && z < m.e + 5 && is_word(z) && !is(z, kAux); ++z)
        body_possessed |= !tok(z).cap && (is(z, kOrgSuffix) || is(z, kAnaphorHeads)) &&
                          (!is(z, kInstitutions) || eq(f(z), "bank")) && !eq(f(z), "militia");
      if (body_possessed) continue;
      // "said the union's demands were unrealistic and accused it of ...": a possessed thing
      // that is the subject of another verb before h leaves its possessor no subject of h.
      std::size_t z = m.e;
      while (z < h && z < m.e + 3 && is_word(z) && !tok(z).cap && !is(z, kCopulas) &&
             !is(z, kAux) && !is(z, kBeForms))
        ++z;
      if (z > m.e && z + 1 < h && (is(z, kCopulas) || is(z, kAux) || is(z, kBeForms))) continue;
    }
    if ((m.flags & kPronoun) && (m.flags & kPossessive)) continue;
    out = m.ents;
    if (subj_end) *subj_end = m.e;
    return true;
  }
  // Coordinated verb phrase: "... and warned Ottawa": the previous subject.
  if (cs > b &&
      (eq(f(cs), "and") || eq(f(cs - 1), ",") || eq(f(cs), ",") || eq(f(cs - 1), "but") ||
       eq(f(cs - 1), "and") || eq(f(cs), "but")) &&
      !last_subject.empty()) {
    out = last_subject;
    if (subj_end) *subj_end = cs;
    return true;
  }
  if (cs == b || eq(f(cs - 1), ",")) {
    // A participle clause after a comma shares the sentence subject.
    for (const auto& m : ms)
      if (m.b < h && actor(m) && !(m.b > b && is(m.b - 1, kPrepositions))) {
        // A name after the sentence's verb is its object ("Regulators fined X, alleging
        // ..."): the subject is then unnamed.
        bool object = false;
        for (const VerbHit& vh : cur_.hits) object |= vh.h < m.b;
        if (cs != b && !object) {
          out = m.ents;
          if (subj_end) *subj_end = m.e;
          return true;
        }
        break;
      }
  }
  return false;
}

const Mention* ArticleRun::first_mention_after(std::size_t from, std::size_t limit,
                                               bool stop_at_boundary) const {
  const std::size_t e = cur_.e;
  for (std::size_t k = from; k < std::min(limit, e); ++k) {
    if (stop_at_boundary &&
        (eq(f(k), ";") || eq(f(k), "which") || is_who(k) || co_agent_at(k) ||
         (is(k, kSubordinators) && !eq(f(k), "as") && !eq(f(k), "since")) ||
         // ", accusing Y of ...": a participle clause of its own
         (eq(f(k), ",") && k + 1 < e && ends_with(f(k + 1), "ing") && !tok(k + 1).cap) ||
         // ", and the army said ...": a clause of its own
         (eq(f(k), ",") && k + 1 < e && (eq(f(k + 1), "and") || eq(f(k + 1), "but")) && k > from &&
          !mention_covering(k - 1)) ||
         // "backed its unit and urged the regulator to ...": a second
         // verb of the subject's, with its own object
         ((eq(f(k), "and") || eq(f(k), "but")) && k > from &&
          std::any_of(cur_.hits.begin(), cur_.hits.end(),
                      [&](const VerbHit& vh) { return vh.h == k + 1; }))))
      return nullptr;
    // "..., the State Department said.", "..., said the ministry": the speaker follows,
    // never an object.
    if (eq(f(k), ",") && k + 1 < e && (is(k + 1, kSpeechVerbs) || [&] {
          const Mention* sp = mention_at(k + 1);
          if (sp == nullptr && k + 2 < e && eq(f(k + 1), "the")) sp = mention_at(k + 2);
          return sp != nullptr && sp->e < e && is(sp->e, kSpeechVerbs);
        }()))
      return nullptr;
    if (const Mention* m = mention_at(k))
      if (actor(*m)) {
        if ((m->flags & kPronoun) && (m->flags & kPossessive)) continue;
        // "by Japan's Mitsuda Corp": the possessed name is the one meant; the possessor
        // says where it is from.
        if ((m->flags & kPossessive) && m->e < std::min(limit, e))
          if (const Mention* n = mention_at(m->e); n && actor(*n) && !(n->flags & kPronoun))
            return n;
        return m;
      }
  }
  return nullptr;
}

bool ArticleRun::negated(std::size_t from, std::size_t h) const {
  const std::size_t b = cur_.b, e = cur_.e;
  // "X refused to sign, accusing Y of ...": a participle clause has no negation of its own.
  if (h > from && h > b && eq(f(h - 1), ",") && ends_with(f(h), "ing")) return false;
  for (std::size_t k = from; k < h; ++k) {
    std::string_view w = f(k);
    if (is(k, kNegators)) return true;
    if (eq(w, "no") && k + 1 < e && is(k + 1, kNoNouns)) return true;
    if (eq(w, "yet") && k + 1 < e && eq(f(k + 1), "to")) return true;
    if ((eq(w, "failed") || eq(w, "declined") || eq(w, "refused")) && k + 1 < e &&
        eq(f(k + 1), "to") && k + 2 < h)
      return true;
    // "denied backing X", "denies ever having armed X": the act is denied.
    if ((eq(w, "denied") || eq(w, "denies") || eq(w, "deny") || eq(w, "denying")) &&
        ends_with(f(h), "ing") && k + 4 > h) {
      bool between = true;
      for (std::size_t z = k + 1; z < h; ++z)
        between = between && (eq(f(z), "ever") || eq(f(z), "having") || eq(f(z), "it") ||
                              eq(f(z), "they") || eq(f(z), "its"));
      if (between) return true;
    }
  }
  return false;
}

bool ArticleRun::is_passive(std::size_t h, std::size_t he) const {
  const std::size_t b = cur_.b, e = cur_.e;
  if (he < e && eq(f(he), "by")) return true;
  if (ends_with(f(h), "ing")) return false;
  std::size_t k = h;
  for (int steps = 0; k > b && steps < 4; ++steps) {
    --k;
    std::string_view w = f(k);
    if (is(k, kBeForms)) return true;
    if (is(k, kAdverbs) || ends_with(w, "ly") || eq(w, "not") || eq(w, "n't") || eq(w, "has") ||
        eq(w, "have") || eq(w, "had"))
      continue;
    break;
  }
  return false;
}

void ArticleRun::emit_all(const std::vector<int>& src, const std::vector<int>& dst, Relation r,
                          const std::string& rule) {
  const std::size_t si = cur_.si;
  for (int x : src)
    for (int y : dst) add(x, y, r, rule, si);
}

// Allegation helpers.
std::pair<std::size_t, std::size_t> ArticleRun::np_label(std::size_t from,
                                                         std::size_t max_tokens) const {
  const std::size_t e = cur_.e;
  std::size_t k = from;
  while (k < e && (eq(f(k), "the") || eq(f(k), "a") || eq(f(k), "an"))) ++k;
  std::size_t end = k;
  // ("and" inside a name goes on: "to shut out Cable and Wireless".)
  while (end < e && end < k + max_tokens && !eq(f(end), ",") && !eq(f(end), ".") &&
         !eq(f(end), ";") && tok(end).type != TokenType::kQuote &&
         (!eq(f(end), "and") || mention_covering(end)) && !eq(f(end), "because") &&
         !eq(f(end), "after") && !eq(f(end), "but"))
    ++end;
  while (end > k && (is(end - 1, kPrepositions) || eq(f(end - 1), "the") || eq(f(end - 1), "a") ||
                     eq(f(end - 1), "an") || eq(f(end - 1), "without")))
    --end;
  return std::make_pair(k, end);
}

std::pair<std::size_t, std::size_t> ArticleRun::claim_for(std::size_t k, std::size_t h,
                                                          bool penalty) const {
  const std::size_t e = cur_.e;
  const std::string_view hv = f(h);
  const bool charge = hv.starts_with("charg") || hv.starts_with("indict");
  const bool accuse =
      hv.starts_with("accus") || hv.starts_with("suspect") || hv.starts_with("convict");
  // A participle that states the claim after the act: "sued X, alleging (that) it ...",
  // "fined X, accusing it of ...", "sued X, claiming breach of contract".
  // A penalty's amount and date may come first ("fined X $12 million on Monday, saying the
  // company had ..."); a penalty's reason given by "saying" is a claim too.
  std::size_t pk = k;
  while (penalty && pk < e && pk < k + 2 && tok(pk).cap && is_word(pk)) ++pk;  // "Mines"
  while (penalty && pk < e && pk < k + 8 && !eq(f(pk), ",") &&
         !(mention_at(pk) && actor(*mention_at(pk))) && !eq(f(pk), "and") && !eq(f(pk), "but") &&
         !eq(f(pk), "."))
    ++pk;
  if (penalty && pk + 3 < e && eq(f(pk), ",") && eq(f(pk + 1), "saying")) {
    std::size_t c = pk + 2;
    if (eq(f(c), "that")) ++c;
    // The clause is about the one penalised: a pronoun or a description ("the company").
    if (is(c, kPronouns) && !eq(f(c), "we") && !eq(f(c), "they"))
      ++c;
    else if (eq(f(c), "the") && c + 1 < e && is_word(c + 1) && !tok(c + 1).cap)
      c += 2;
    else
      return {0, 0};
    while (c + 1 < e && (is(c, kAux) || is(c, kCopulas))) ++c;
    auto [lb, le] = np_label(c, 9);
    for (std::size_t z = lb + 1; z < le; ++z)  // "... a spill that polluted": the head only
      if (eq(f(z), "that") || eq(f(z), "which")) le = z;
    if (le <= lb || mention_at(lb) || !is_word(lb) || tok(lb).cap) return {0, 0};
    return {lb, le};
  }
  if (k + 2 < e && eq(f(k), ",") &&
      (eq(f(k + 1), "alleging") || eq(f(k + 1), "claiming") || eq(f(k + 1), "accusing"))) {
    std::size_t c = k + 2;
    if (eq(f(k + 1), "accusing")) {
      if (c + 2 >= e || !(is(c, kPronouns) || mention_at(c))) return {0, 0};
      c = mention_at(c) ? mention_at(c)->e : c + 1;
      if (c + 1 >= e || !eq(f(c), "of")) return {0, 0};
      ++c;
    }
    if (c < e && eq(f(c), "that")) ++c;
    c = past_pronoun_subject(c, e);  // "that it had misled investors" -> "misled investors"
    auto [lb, le] = np_label(c, 9);
    if (le <= lb || mention_at(lb)) return {0, 0};
    return {lb, le};
  }
  // A penalty's amount before its reason: "fined X 2.4 billion euros for ...".
  if (penalty) {
    std::size_t q = k;
    while (q < e && q < k + 6 && (tok(q).type == TokenType::kNumber || in_list(kMoney, f(q)))) ++q;
    if (q > k && q + 1 < e && eq(f(q), "for")) k = q;
  }
  if (k + 3 < e && eq(f(k), "on") && eq(f(k + 1), "suspicion") && eq(f(k + 2), "of"))
    k += 2;
  else if (k + 3 < e && eq(f(k), "on") && eq(f(k + 1), "charges") && eq(f(k + 2), "of"))
    k += 2;
  // An inquiry or a suit "over" a wrong ("investigating X over suspected fraud", "opened a
  // probe into X over ..."): the verb or a noun of its object says so.
  const auto inquiry_word = [](std::string_view w) {
    return w.starts_with("investigat") || w.starts_with("prob") || w.starts_with("sue") ||
           w.starts_with("prosecut") || w.starts_with("inquir") || w.starts_with("enquir") ||
           w == "lawsuit" || w == "suit";
  };
  bool inquiry = inquiry_word(hv);
  for (std::size_t z = h + 1; z < k && z < h + 6 && !inquiry; ++z) inquiry = inquiry_word(f(z));
  if (k + 1 >= e ||
      !((eq(f(k), "with") && charge) || eq(f(k), "for") || (eq(f(k), "over") && inquiry) ||
        (eq(f(k), "of") && (accuse || eq(f(k - 1), "suspicion") || eq(f(k - 1), "charges")))))
    return {0, 0};
  auto [lb, le] = np_label(k + 1, 9);
  for (std::size_t z = lb; z < le; ++z)  // "of fraud by a court": the agent is no part
    if (eq(f(z), "by")) {
      le = z;
      break;
    }
  if (lb < le && (eq(f(lb), "suspected") || eq(f(lb), "alleged") || eq(f(lb), "possible"))) ++lb;
  if (le <= lb || mention_at(lb)) return {0, 0};
  bool claim = charge || accuse || eq(f(k), "of") || hv.starts_with("blam");
  for (std::size_t z = lb; z < le; ++z) claim |= is(z, kWrongdoing) || is(z, kCrimeWords);
  // A penalty is for a wrong ("fined X for misleading investors"); criticism for an act is
  // criticism of the actor ("criticised X for passing a law"), not a claim.
  claim |= penalty && ends_with(f(lb), "ing") && !tok(lb).cap && is_word(lb) &&
           !eq(f(lb), "nothing") && !eq(f(lb), "something");
  return claim ? std::make_pair(lb, le) : std::make_pair(std::size_t{0}, std::size_t{0});
}

int ArticleRun::latest_claim_against(const std::vector<int>& denier) const {
  if (allegations_.empty()) return -1;
  // Walks back past claims against the denier that are the latest claim itself: when the
  // article's last claim and an earlier one both implicate the denier, a denial answers the
  // earlier (the one the article reported first, usually the finding it leads with).
  int al = allegations_.back();
  for (std::size_t q = cands_.size(); q-- > 0 && al == allegations_.back();)
    if (cands_[q].r == Relation::kImplicates && !denier.empty() && cands_[q].t == denier[0])
      al = cands_[q].s;
  return al;
}

int ArticleRun::jailer_of_release(std::size_t from, std::size_t limit, std::size_t si) const {
  const std::size_t b = cur_.b;
  limit = std::min({limit, cur_.e, from + 8});
  for (std::size_t k = from; k < limit; ++k) {
    if (eq(f(k), ".") || eq(f(k), ";")) break;
    if (!eq(f(k), "release") && !eq(f(k), "freedom")) continue;
    std::vector<int> held;
    bool anyone = false;
    // Past modifiers: "his immediate release", "Varga's unconditional release".
    std::size_t d = k;
    while (d > from && d + 2 > k && is_word(d - 1) && !tok(d - 1).cap &&
           (ends_with(f(d - 1), "ate") || ends_with(f(d - 1), "al") || ends_with(f(d - 1), "ly")))
      --d;
    if (k + 1 < cur_.e && eq(f(k + 1), "of")) {
      for (const auto& m : *cur_.ms)
        if (m.b >= k + 2 && m.b < k + 6 && held.empty() && !(m.flags & kPronoun)) held = m.ents;
    } else if (d > b && (eq(f(d - 1), "his") || eq(f(d - 1), "her") || eq(f(d - 1), "their"))) {
      anyone = true;
    } else if (d > b + 1 && tok(d - 1).type == TokenType::kPossessive) {
      for (const auto& m : *cur_.ms)
        if (m.e == d - 1 && !(m.flags & kPronoun)) held = m.ents;
    }
    if (held.empty() && !anyone) return -1;
    for (std::size_t q = cands_.size(); q-- > 0;) {
      const Candidate& c = cands_[q];
      if (static_cast<int>(si) - c.sentence > 6) break;
      if (c.r == Relation::kCoerce &&
          (anyone || std::find(held.begin(), held.end(), c.t) != held.end()))
        return c.s;
    }
    return -1;
  }
  return -1;
}

bool ArticleRun::noun_before_of(std::size_t k) const {
  const std::size_t b = cur_.b, e = cur_.e;
  if (k + 1 >= e || !eq(f(k + 1), "of") || ends_with(f(k), "ed") || ends_with(f(k), "ing"))
    return false;
  const auto det = [&](std::size_t z) {
    return eq(f(z), "the") || eq(f(z), "a") || eq(f(z), "an");
  };
  std::size_t q = k;
  while (q > b && q + 3 > k && is_word(q - 1) && !tok(q - 1).cap && !is(q - 1, kAux) &&
         !is(q - 1, kPrepositions) && !det(q - 1))
    --q;
  return q > b && q < k && det(q - 1);
}

}  // namespace stakegraph::io::extract
