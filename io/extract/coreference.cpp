// Coreference within the article: a pronoun or definite description resolved to the recent
// entities it can stand for, and coordinated mentions grouped ("A and B", "A, B and C").
#include "io/extract/run.hpp"

namespace stakegraph::io::extract {

// Resolves a definite description or pronoun to recent entities; returns the count.
int ArticleRun::resolve_anaphor(std::size_t si, std::size_t k, std::size_t head, bool plural,
                                std::vector<int>& out) {
  const AnaphorHead* h = nullptr;
  if (!is(head, kAnaphorHeads)) return 0;
  for (const auto& a : kAnaphors)
    if (a.word == f(head)) h = &a;
  if (!h) return 0;
  // A demonym or "<Place>-based" constrains the home country.
  std::string country;
  for (std::size_t m = k; m < head; ++m) {
    const LexiconEntry* d = nullptr;
    if (match_demonym(m, head, &d) > 0 && d) country = d->iso3;
  }
  auto kind_ok = [&](int e) {
    Kind kd = ents_[static_cast<std::size_t>(e)].kind;
    return kd == h->kinds[0] || kd == h->kinds[1] || kd == h->kinds[2];
  };
  auto country_ok = [&](int e) {
    if (country.empty()) return true;
    const Ent& en = ents_[static_cast<std::size_t>(e)];
    return en.country.empty() || en.country == country;
  };
  if (plural || h->plural) {
    // Coordinated mentions earlier in this sentence first ("Nokia and Ericsson ... the two
    // European vendors").
    {
      std::vector<Mention> cur = sent_mentions_[si];
      group_coordination(cur);
      for (std::size_t q = cur.size(); q-- > 0;) {
        if (cur[q].ents.size() < 2) continue;
        bool ok = true;
        for (int e : cur[q].ents) ok = ok && kind_ok(e) && country_ok(e);
        if (ok) {
          out = cur[q].ents;
          return static_cast<int>(out.size());
        }
      }
    }
    for (std::size_t g = groups_.size(); g-- > lookback_floor(groups_);) {
      bool ok = true;
      for (int e : groups_[g]) ok = ok && kind_ok(e) && country_ok(e);
      if (ok && groups_[g].size() >= 2) {
        out = groups_[g];
        return static_cast<int>(out.size());
      }
    }
    // Never named together ("Serbia recalled its envoy to Montenegro ... the US urged both
    // countries"): the latest pair of that kind the article has shown acting on each other
    // (an event between them), neither of them the description's clause's actor (the nearest
    // mention before it).
    if (h->plural && !eq(f(head), "sides")) {
      int actor = -1;
      for (const auto& m : sent_mentions_[si])
        if (m.e <= k && m.ents.size() == 1) actor = m.ents[0];
      for (std::size_t c = cands_.size(); c-- > 0;) {
        const Candidate& cd = cands_[c];
        if (cd.s < 0 || cd.t < 0 || cd.s == cd.t || cd.s == actor || cd.t == actor ||
            !graph::is_event(cd.r) || static_cast<std::size_t>(cd.sentence) >= si ||
            !kind_ok(cd.s) || !kind_ok(cd.t) || !country_ok(cd.s) || !country_ok(cd.t))
          continue;
        out = {cd.s, cd.t};
        return 2;
      }
    }
    return 0;
  }
  // "the ministry", "the court": an entity whose name has that word, or none.
  if (is(head, kNamedHeads)) {
    for (std::size_t r = recent_.size(); r-- > lookback_floor(recent_);) {
      const Ent& en = ents_[static_cast<std::size_t>(recent_[r])];
      if (kind_ok(recent_[r]) && en.typed &&
          (" " + en.key + " ").find(" " + std::string(f(head)) + " ") != std::string::npos) {
        out = {recent_[r]};
        return 1;
      }
    }
    for (const auto& m : sent_mentions_[si])
      for (int e : m.ents)
        if (kind_ok(e) && (" " + ents_[static_cast<std::size_t>(e)].key + " ")
                                  .find(" " + std::string(f(head)) + " ") != std::string::npos) {
          out = {e};
          return 1;
        }
    return 0;
  }
  // A bare description repeats the head of a fuller one ("the armed group ... the group"):
  // the entity so described most recently.
  if (head <= k + 1)
    for (std::size_t r = recent_.size(); r-- > lookback_floor(recent_);) {
      const Ent& en = ents_[static_cast<std::size_t>(recent_[r])];
      if (kind_ok(recent_[r]) && std::find(en.described_as.begin(), en.described_as.end(),
                                           f(head)) != en.described_as.end()) {
        out = {recent_[r]};
        return 1;
      }
    }
  // A trade noun prefers a company whose name says that trade ("the drugmaker": "Ostara
  // Pharmaceuticals" over a shipping line mentioned since).
  for (const auto& [trade, words] : kTradeNames) {
    if (trade != f(head)) continue;
    for (std::size_t r = recent_.size(); r-- > lookback_floor(recent_);) {
      const Ent& en = ents_[static_cast<std::size_t>(recent_[r])];
      if (!kind_ok(recent_[r]) || !en.typed) continue;
      const std::string padded = " " + en.key + " ";
      for (std::string_view w : words)
        if (!w.empty() && padded.find(" " + std::string(w) + " ") != std::string::npos) {
          out = {recent_[r]};
          return 1;
        }
    }
  }
  // "Vela's chief executive said the company ...", "a Vela spokesman said, adding that the
  // company ...": the company the speaker speaks for.
  {
    bool speech_before = false;
    for (std::size_t z = L_.sentences[si].first; z < k; ++z) speech_before |= is(z, kSpeechVerbs);
    if (speech_before)
      for (const auto& m : sent_mentions_[si]) {
        if (m.b >= k || m.ents.size() != 1 || !kind_ok(m.ents[0]) ||
            !(m.flags & (kPossessive | kModifier)) || (m.flags & kPronoun))
          continue;
        bool role = false;
        for (std::size_t z = m.e; z < k && z < m.e + 4; ++z) role |= is(z, kPersonRoles);
        if (role) {
          out = {m.ents[0]};
          return 1;
        }
      }
  }
  // Prefer entities of earlier sentences (an entity rarely is "the company" of its own
  // clause), most recent first.
  for (std::size_t r = recent_.size(); r-- > lookback_floor(recent_);) {
    int e = recent_[r];
    if (kind_ok(e) && country_ok(e) && ents_[static_cast<std::size_t>(e)].typed) {
      out = {e};
      return 1;
    }
  }
  // First mention of the article: an antecedent earlier in the same sentence.
  for (const auto& m : sent_mentions_[si])
    for (int e : m.ents)
      if (kind_ok(e) && country_ok(e) && ents_[static_cast<std::size_t>(e)].typed) {
        out = {e};
        return 1;
      }
  return 0;
}

void ArticleRun::group_coordination(std::vector<Mention>& ms) {
  std::vector<Mention> out;
  out.reserve(ms.size());
  for (std::size_t i = 0; i < ms.size(); ++i) {
    Mention& m = ms[i];
    // "X and its partner Y": the possessive (X's, whatever it was resolved to) stands
    // between two conjuncts.
    if (!out.empty() && (m.flags & kPronoun) && (m.flags & kPossessive) && i + 1 < ms.size() &&
        (eq(f(m.b), "its") || eq(f(m.b), "their")) && m.b == out.back().e + 1 &&
        eq(f(out.back().e), "and") && !(out.back().flags & (kPronoun | kPossessive)) &&
        ms[i + 1].b > m.e && ms[i + 1].b <= m.e + 3 && !(ms[i + 1].flags & kPronoun))
      continue;
    if (!out.empty()) {
      Mention& p = out.back();
      const std::uint16_t bad = kPossessive | kPronoun | kModifier | kLocative;
      // The next conjunct may open with "the" and adjectives ("X, the Y and Z", "X and the
      // old rival Z"): after "the" only a noun phrase comes, never a verb of the sentence.
      std::size_t mb = m.b;
      if (mb > p.e + 1) {
        std::size_t d = mb;
        // ("X and its partner Y": the possessive is X's, Y the second conjunct.)
        auto det = [&](std::size_t q) {
          return eq(f(q), "the") || eq(f(q), "its") || eq(f(q), "their");
        };
        while (d > p.e + 1 && d + 3 > mb && is_word(d - 1) && !tok(d - 1).cap && !det(d - 1) &&
               !is(d - 1, kSkip) && !is(d - 1, kPrepositions) && !is(d - 1, kAux) &&
               !is(d - 1, kBeForms) && !is(d - 1, kNegators))
          --d;
        if (d > p.e && det(d - 1) && (eq(f(d - 1), "the") || d < mb) &&
            (eq(f(d - 2), ",") || eq(f(d - 2), "and") || eq(f(d - 2), "or")))
          mb = d - 1;
      }
      bool sep_ok = mb > p.e && mb - p.e <= 2;
      for (std::size_t k = p.e; sep_ok && k < mb; ++k)
        sep_ok = eq(f(k), ",") || eq(f(k), "and") || eq(f(k), "or");
      if (sep_ok && mb - p.e == 2)
        sep_ok = eq(f(p.e), ",") && (eq(f(p.e + 1), "and") || eq(f(p.e + 1), "or"));
      // "A, B and C": a comma alone only when an "and" closes the list later.
      if (sep_ok && mb - p.e == 1 && eq(f(p.e), ",")) {
        bool closes = false;
        for (std::size_t k = m.e; k < std::min<std::size_t>(m.e + 2, L_.tokens.size()); ++k)
          if (eq(f(k), "and") || eq(f(k), "or") || eq(f(k), ",")) closes = true;
        sep_ok = closes;
      }
      if (sep_ok && !(p.flags & bad) && !(m.flags & (kPronoun | kModifier | kLocative)) &&
          !(m.flags & kAnaphor) && !(p.flags & kAnaphor) && !(p.flags & kUntyped) &&
          !(m.flags & kUntyped)) {
        bool kinds_ok = true;
        Kind k0 = ents_[static_cast<std::size_t>(p.ents[0])].kind;
        Kind k1 = ents_[static_cast<std::size_t>(m.ents[0])].kind;
        // Persons do not coordinate with states ("Trudeau and Canada" is rare in lists).
        if ((k0 == Kind::kPerson) != (k1 == Kind::kPerson)) kinds_ok = false;
        if (kinds_ok) {
          p.e = m.e;
          for (int e : m.ents) p.ents.push_back(e);
          p.flags |= (m.flags & kPossessive);
          continue;
        }
      }
    }
    out.push_back(std::move(m));
  }
  ms = std::move(out);
}

}  // namespace stakegraph::io::extract
