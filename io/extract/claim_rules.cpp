// Rules of relations() on claims attributed to a speaker outside the claim's own clause:
// "Chile violated the treaty, Peru said", "According to Peru, Chile violated the treaty",
// "Chile, Peru said, had violated the treaty", "Peru said Chile had violated the treaty",
// with accusers the text does not name ("..., prosecutors said"), and the accused of a relative
// clause ("Chile, which Peru accused of spying, ..."); and claims about a subject that no verb of
// accusing states ("X is alleged to have ...", "allegations that X ...", "X was found guilty of
// ...").
#include "io/extract/run.hpp"

namespace stakegraph::io::extract {

void ArticleRun::claim_rules() {
  const std::size_t si = cur_.si;
  std::vector<Mention>& ms = *cur_.ms;
  const std::size_t b = cur_.b, e = cur_.e;
  if (!has_words(kWrongdoing)) return;
  auto named_actor = [&](const Mention* m) {
    return m && actor(*m) && !(m->flags & (kPronoun | kPossessive));
  };
  // The speaker and where the attributed clause lies ([cb, ce)).
  const Mention* speaker = nullptr;
  std::size_t cb = b, ce = e;
  std::size_t paren_b = e, paren_e = e;  // a parenthetical ", Y said," inside the clause
  if (b + 3 < e && eq(f(b), "according") && eq(f(b + 1), "to")) {
    const Mention* m = first_mention_after(b + 2, b + 6, false);
    std::size_t comma = m ? m->e : e;
    while (comma < e && comma < b + 10 && !eq(f(comma), ",")) ++comma;
    if (named_actor(m) && comma < e) {
      speaker = m;
      cb = comma + 1;
    }
  }
  for (std::size_t v = b + 2; !speaker && v < e; ++v) {
    if (!is(v, kSpeechVerbs)) continue;
    // ", Y said." closing the sentence, or ", Y said," inside it.
    const Mention* m = nullptr;
    for (const auto& o : ms)
      if (o.e == v) m = &o;
    // The speaker's noun phrase may begin before its name ("the Peruvian foreign ministry",
    // "Peru's foreign ministry"); the comma may close a quotation ('"Chile broke the
    // treaty," Peru said.').
    std::size_t comma = m ? m->b : b;
    while (comma > b + 1 && comma + 4 > (m ? m->b : b) && !eq(f(comma - 1), ",") &&
           tok(comma - 1).type != TokenType::kQuote &&
           (eq(f(comma - 1), "the") || tok(comma - 1).type == TokenType::kPossessive ||
            tok(comma - 1).cap))
      --comma;
    if (comma > b + 1 && tok(comma - 1).type == TokenType::kQuote) --comma;
    if (!named_actor(m) || comma <= b + 1 || !eq(f(comma - 1), ",")) continue;
    std::size_t after = v + 1;
    while (after < e && (eq(f(after), "on") || eq(f(after), "in") || calendar_word(after))) ++after;
    if (after >= e || eq(f(after), ".")) {
      speaker = m;
      ce = comma - 1;
      if (tok(cb).type == TokenType::kQuote) ++cb;
    } else if (eq(f(after), ",")) {
      speaker = m;
      paren_b = comma - 1;
      paren_e = after + 1;
    }
  }
  // Accusers the text does not name: ", prosecutors said." closing the sentence; or
  // "Officials said (that) ..." / "Y said (that) ..." opening it.
  bool unnamed = false;
  for (std::size_t v = b + 2; !speaker && !unnamed && v < e; ++v) {
    if (!is(v, kSpeechVerbs) || !is(v - 1, kClaimSources)) continue;
    std::size_t c = v - 1;
    while (c > b && c + 4 > v && !eq(f(c), ",")) --c;
    std::size_t after = v + 1;
    while (after < e && (eq(f(after), "on") || eq(f(after), "in") || calendar_word(after))) ++after;
    if (eq(f(c), ",") && (after >= e || eq(f(after), "."))) {
      unnamed = true;
      ce = c;
    }
  }
  if (!speaker && !unnamed) {
    // The speaker opens the sentence: a named actor or unnamed accusers, then the verb.
    std::size_t v = b;
    const Mention* front = mention_at(b);
    if (named_actor(front))
      v = front->e;
    else {
      while (v < e && v < b + 4 && !is(v, kClaimSources)) ++v;
      if (v < e && is(v, kClaimSources))
        ++v;
      else
        v = b;
    }
    if (v > b && v < e && is(v, kSpeechVerbs) && !eq(f(v), "told")) {
      std::size_t c = v + 1;
      while (c < e && (eq(f(c), "on") || calendar_word(c))) ++c;
      if (c < e && eq(f(c), "that")) ++c;
      if (c < e && mention_at(c)) {
        if (named_actor(front))
          speaker = front;
        else
          unnamed = true;
        cb = c;
      }
    }
  }
  if (!speaker && !unnamed) return;
  // The accused: the clause's first named actor, then (past a parenthetical, auxiliaries
  // and adverbs) a verb of wrongdoing.
  const Mention* who = nullptr;
  for (const auto& o : ms)
    if (o.b >= cb && o.e <= ce && &o != speaker && !(o.b >= paren_b && o.e <= paren_e)) {
      who = &o;
      break;
    }
  if (!named_actor(who) || who->b != cb) return;
  std::size_t v = who->e;
  if (v == paren_b) v = paren_e;
  while (v < ce && (is(v, kAux) || is(v, kAdverbs))) ++v;
  if (v >= ce || !is(v, kWrongdoing) || negated(who->e, v)) return;
  auto [lb, le] = np_label(v, 10);
  le = std::min(le, ce);
  if (le <= lb) return;
  const int al = allegation(surface(lb, le), si);
  if (speaker)
    for (int x : speaker->ents) add(x, al, Relation::kAccuse, "attributed-wrongdoing", si);
  for (int y : who->ents) add(al, y, Relation::kImplicates, "attributed-wrongdoing", si);
}

void ArticleRun::subject_claims() {
  const std::size_t si = cur_.si;
  const std::vector<Mention>& ms = *cur_.ms;
  const std::size_t b = cur_.b, e = cur_.e;
  auto named = [&](const Mention* m) {
    return m && actor(*m) && !(m->flags & (kPronoun | kPossessive));
  };
  // The claim's label from `from` (past "have"/"be"/"been" and auxiliaries).
  auto label_from = [&](std::size_t from) {
    while (from < e && (is(from, kAux) || is(from, kAdverbs) || eq(f(from), "have") ||
                        eq(f(from), "been") || eq(f(from), "be")))
      ++from;
    return np_label(from, 10);
  };
  auto claim = [&](std::size_t lb, std::size_t le, const std::vector<int>& accused,
                   const std::vector<int>& accuser, const char* rule) {
    // The claim ends before the main clause's verb ("that X bribed officials were denied").
    for (std::size_t z = lb + 1; z < le; ++z)
      if (is(z, kCopulas) || is(z, kAux)) {
        le = z;
        break;
      }
    if (le <= lb || accused.empty()) return;
    const int al = allegation(surface(lb, le), si);
    for (int x : accuser) add(x, al, Relation::kAccuse, rule, si);
    for (int y : accused) add(al, y, Relation::kImplicates, rule, si);
  };
  for (std::size_t k = b + 1; k + 2 < e; ++k) {
    const std::string_view w = f(k);
    // "X is alleged to have paid bribes".
    if (eq(w, "alleged") && eq(f(k + 1), "to") && (is(k - 1, kCopulas) || eq(f(k - 1), "be"))) {
      std::vector<int> who;
      std::size_t se = b;
      if (!subject_of(k - 1, who, &se) || negated(se, k)) continue;
      auto [lb, le] = label_from(k + 2);
      claim(lb, le, who, {}, "alleged-to");
      continue;
    }
    // "allegations that X paid bribes", "Peru's accusations that Chile spied on it".
    if (is(k, kAllegationNouns) && eq(f(k + 1), "that")) {
      const Mention* m = mention_at(k + 2);
      if (!named(m)) continue;
      std::size_t v = m->e;
      while (v < e && (is(v, kAux) || is(v, kAdverbs))) ++v;
      if (v >= e || !is_word(v) || tok(v).cap || negated(m->e, v)) continue;
      const bool strong = eq(w, "allegations") || eq(w, "allegation") || eq(w, "accusations") ||
                          eq(w, "accusation") || eq(w, "charges") || eq(w, "suspicions");
      auto [lb, le] = np_label(v, 10);
      bool wrong = strong;
      for (std::size_t z = lb; z < le; ++z) wrong |= is(z, kWrongdoing) || is(z, kCrimeWords);
      if (!wrong) continue;
      // Whose claims: a possessor right before ("Peru's (new) allegations").
      std::vector<int> accuser;
      for (const auto& o : ms)
        if ((o.flags & kPossessive) && !(o.flags & kPronoun) && actor(o) && o.e <= k &&
            o.e + 2 >= k)
          accuser = o.ents;
      claim(lb, le, m->ents, accuser, "claim-that");
      continue;
    }
    // "Peru said Chile was behind the bombing", "... was responsible for the attack": the act
    // is a claim against X, by the one who said so.
    if ((eq(w, "behind") || (eq(w, "responsible") && eq(f(k + 1), "for"))) && is(k - 1, kCopulas)) {
      const std::size_t from = eq(w, "behind") ? k + 1 : k + 2;
      // The accused is named right before the copula ("said Chile was behind").
      const Mention* acc = nullptr;
      for (const auto& o : ms)
        if (o.e + 1 == k && named(&o)) acc = &o;
      if (!acc || negated(acc->e, k)) continue;
      const std::vector<int> who = acc->ents;
      const std::size_t se = acc->b;
      if (from < e && (eq(f(from), "the") || eq(f(from), "a") || eq(f(from), "an") ||
                       eq(f(from), "this") || eq(f(from), "last"))) {
        auto [lb, le] = np_label(from, 8);
        if (le <= lb || mention_at(lb) || tok(lb).cap) continue;
        // The speaker: the subject of a verb of speech before the accused.
        std::vector<int> accuser;
        for (std::size_t v = b + 1; v < se && v < k; ++v)
          if (is(v, kSpeechVerbs) || eq(f(v), "believes") || eq(f(v), "concluded")) {
            std::size_t ve = b;
            subject_of(v, accuser, &ve);
            break;
          }
        claim(lb, le, who, accuser, "behind");
      }
      continue;
    }
    // "Norway said the attack had been carried out by Chinese hackers": an act of the
    // clause's subject, done by X in the passive, is a claim against X by the speaker.
    if (eq(w, "by") && k >= b + 4 &&
        (eq(f(k - 1), "perpetrated") || eq(f(k - 1), "orchestrated") || eq(f(k - 1), "committed") ||
         eq(f(k - 1), "staged") || eq(f(k - 1), "conducted") ||
         (eq(f(k - 1), "out") && eq(f(k - 2), "carried")))) {
      std::size_t p = eq(f(k - 1), "out") ? k - 2 : k - 1;  // the participle
      if (!is(p - 1, kBeForms)) continue;
      std::size_t s0 = p - 1;  // the subject "the <noun>" before "was"/"had been"
      while (s0 > b && (is(s0 - 1, kAux) || is(s0 - 1, kBeForms))) --s0;
      if (s0 < b + 2 || !eq(f(s0 - 2), "the") || mention_at(s0 - 1) || tok(s0 - 1).cap) continue;
      const Mention* named_by = nullptr;
      const std::vector<int> accused =
          actor_or_state_at(k + 1 < e && eq(f(k + 1), "the") ? k + 2 : k + 1, &named_by);
      if (accused.empty()) continue;
      std::vector<int> accuser;
      for (std::size_t v = b + 1; v + 2 < s0; ++v)
        if (is(v, kSpeechVerbs)) {
          std::size_t ve = b;
          subject_of(v, accuser, &ve);
          break;
        }
      claim(s0 - 1, s0, accused, accuser, "carried-out-by");
      continue;
    }
    // "X alleged widespread fraud in the vote", "X documented abuses by the army", "X said
    // the vote was marred by fraud": a wrong named as a noun is X's claim, against whoever
    // "by Y" names.
    {
      std::size_t from = e, verb = k;
      if ((is(k, kAllegeVerbs) || eq(w, "documented") || eq(w, "exposed") || eq(w, "uncovered")) &&
          !eq(f(k + 1), "that") && is_word(k + 1) && !tok(k + 1).cap)
        from = k + 1;
      else if ((eq(w, "marred") || eq(w, "tainted") || eq(w, "plagued") || eq(w, "overshadowed")) &&
               eq(f(k + 1), "by") && is(k - 1, kCopulas)) {
        from = k + 2;
        // The claim is the speaker's: the subject of a verb of speech before.
        verb = b;
        for (std::size_t v = b + 1; v < k; ++v)
          if (is(v, kSpeechVerbs)) {
            verb = v;
            break;
          }
      }
      if (from < e) {
        auto [lb, le] = np_label(from, 9);
        bool wrong = false;
        std::size_t by = le;
        for (std::size_t z = lb; z < le; ++z) {
          if (eq(f(z), "by") && by == le) by = z;
          if (by == le) wrong |= is(z, kCrimeWords) || is(z, kWrongdoing);
        }
        std::vector<int> accuser;
        std::size_t se = b;
        if (wrong && by > lb && !mention_at(lb) && verb > b && subject_of(verb, accuser, &se) &&
            !negated(se, k)) {
          std::vector<int> accused;
          if (by < le)
            if (const Mention* m = first_mention_after(by + 1, by + 4, false); named(m))
              accused = m->ents;
          const int al = allegation(surface(lb, by), si);
          for (int x : accuser) add(x, al, Relation::kAccuse, "alleged-wrong", si);
          for (int y : accused) add(al, y, Relation::kImplicates, "alleged-wrong", si);
          continue;
        }
      }
    }
    // "attributed the attack to X": the act is a claim against X by the subject.
    if ((eq(w, "attributed") || eq(w, "attributes") || eq(w, "attribute")) && k > b) {
      std::vector<int> accuser;
      std::size_t se = b;
      if (!subject_of(k, accuser, &se) || negated(se, k)) continue;
      std::size_t to = k + 1;
      while (to < e && to < k + 10 && !eq(f(to), "to") && !eq(f(to), ",")) ++to;
      if (to + 1 >= e || !eq(f(to), "to")) continue;
      const Mention* m = first_mention_after(to + 1, to + 7, false);
      // "to Iran's intelligence service": the possessor when its body is not named.
      if (m && (m->flags & kPossessive) && !(m->flags & kPronoun) && actor(*m)) {
        if (!(mention_at(m->e) && actor(*mention_at(m->e)))) {
          std::vector<int> accused = m->ents;
          auto [lb, le] = np_label(k + 1, 8);
          le = std::min(le, to);
          if (le > lb && !mention_at(lb)) claim(lb, le, accused, accuser, "attributed-to");
          continue;
        }
      }
      if (!named(m)) continue;
      auto [lb, le] = np_label(k + 1, 8);
      le = std::min(le, to);
      if (le <= lb || mention_at(lb)) continue;
      claim(lb, le, m->ents, accuser, "attributed-to");
      continue;
    }
    // "X was found guilty of fraud", "X pleaded guilty to bribery", "X was implicated in a
    // bribery scheme", "X admitted to dumping waste".
    std::size_t from = e;
    if (eq(w, "guilty") && (eq(f(k + 1), "of") || eq(f(k + 1), "to")))
      from = k + 2;
    else if (eq(w, "implicated") && eq(f(k + 1), "in") && is(k - 1, kCopulas))
      from = k + 2;
    else if ((eq(w, "admitted") || eq(w, "admits") || eq(w, "confessed")) && eq(f(k + 1), "to") &&
             k + 2 < e && ends_with(f(k + 2), "ing"))
      from = k + 2;
    if (from >= e) continue;
    std::size_t h = k;  // the verb whose subject is the accused
    while (h > b && (eq(f(h - 1), "found") || eq(f(h - 1), "pleaded") || eq(f(h - 1), "pled") ||
                     is(h - 1, kCopulas) || is(h - 1, kAux)))
      --h;
    std::vector<int> who;
    std::size_t se = b;
    if (!subject_of(h < k ? h : k, who, &se) || negated(se, k)) continue;
    auto [lb, le] = np_label(from, 9);
    if (le <= lb || mention_at(lb)) continue;
    claim(lb, le, who, {}, "guilty-of");
  }
}

void ArticleRun::thing_claims() {
  const std::size_t si = cur_.si;
  const std::vector<Mention>& ms = *cur_.ms;
  const std::size_t b = cur_.b, e = cur_.e;
  if (!has_words(kWrongdoing)) return;
  // The one who says so: the subject of the nearest verb of speech or claim before `at`.
  auto speaker_before = [&](std::size_t at) {
    std::vector<int> who;
    for (std::size_t v = at; v-- > b;) {
      if (!is(v, kSpeechVerbs) && !eq(f(v), "alleged") && !eq(f(v), "claimed") &&
          !eq(f(v), "charged") && !eq(f(v), "insisted"))
        continue;
      std::size_t se = b;
      if (!subject_of(v, who, &se) || negated(se, v)) who.clear();
      break;
    }
    return who;
  };
  for (std::size_t k = b + 2; k < e; ++k) {
    if (!is(k, kWrongdoing)) continue;
    // "the election had been rigged in favour of X", "the tender was manipulated by X":
    // a wrong done to a thing, stated by a speaker, implicating whom it favoured or who did it.
    if (ends_with(f(k), "ed") && is(k - 1, kBeForms)) {
      std::size_t be = k - 1;
      while (be > b && (is(be - 1, kAux) || eq(f(be - 1), "been") || eq(f(be - 1), "had") ||
                        eq(f(be - 1), "have") || eq(f(be - 1), "has") || eq(f(be - 1), "not") ||
                        eq(f(be - 1), "never") || is(be - 1, kAdverbs)))
        --be;
      // The thing: "the" and lower-case words right before ("the presidential election").
      std::size_t nb = be;
      while (nb > b && nb + 4 > be && is_word(nb - 1) && !tok(nb - 1).cap &&
             !is(nb - 1, kSpeechVerbs) && !eq(f(nb - 1), "that") && !eq(f(nb - 1), "the"))
        --nb;
      if (nb == be || nb <= b || !eq(f(nb - 1), "the") || mention_covering(nb)) continue;
      bool denied = false;  // "had not been rigged", "was never manipulated"
      for (std::size_t z = be; z < k; ++z)
        denied |= eq(f(z), "not") || eq(f(z), "never") || eq(f(z), "n't");
      if (denied) continue;
      std::vector<int> accused;
      std::size_t q = k + 1;
      if (q + 2 < e && eq(f(q), "in") && (eq(f(q + 1), "favour") || eq(f(q + 1), "favor")) &&
          eq(f(q + 2), "of"))
        q += 3;
      else if (q < e && eq(f(q), "by"))
        ++q;
      else
        q = e;
      if (q < e)
        if (const Mention* m = first_mention_after(q, q + 4, true);
            m && actor(*m) && !(m->flags & kPronoun))
          accused = m->ents;
      const std::vector<int> accuser = speaker_before(nb - 1);
      if (accuser.empty() && accused.empty()) continue;
      const int al = allegation(std::string(f(k)) + " " + surface(nb, be), si);
      for (int x : accuser) add(x, al, Relation::kAccuse, "thing-wronged", si);
      for (int y : accused)
        if (std::find(accuser.begin(), accuser.end(), y) == accuser.end())
          add(al, y, Relation::kImplicates, "thing-wronged", si);
      continue;
    }
    // "observers from X reported widespread irregularities", "X documented abuses".
    if (!ends_with(f(k), "ed") && k >= b + 2) {
      std::size_t v = k - 1;
      while (v > b && v + 3 > k && is_word(v) && !tok(v).cap && !eq(f(v), "reported") &&
             !eq(f(v), "documented") && !eq(f(v), "found") && !eq(f(v), "cited") &&
             !eq(f(v), "noted") && !eq(f(v), "observed") && !eq(f(v), "recorded"))
        --v;
      if (!(eq(f(v), "reported") || eq(f(v), "documented") || eq(f(v), "found") ||
            eq(f(v), "cited") || eq(f(v), "noted") || eq(f(v), "observed") || eq(f(v), "recorded")))
        continue;
      std::vector<int> who;
      std::size_t se = b;
      if (!subject_of(v, who, &se) || negated(se, v)) {
        // "observers from the African Union reported": the body they came from.
        who.clear();
        for (const auto& m : ms)
          if (m.e <= v && m.b >= b + 2 && eq(f(m.b - 1), "from") && actor(m) &&
              !(m.flags & kPronoun) &&
              (is(m.b - 2, kClaimSources) || eq(f(m.b - 2), "observers") ||
               eq(f(m.b - 2), "monitors") || eq(f(m.b - 2), "the")))
            who = m.ents;
      }
      if (who.empty()) continue;
      auto [lb, le] = np_label(v + 1, 8);
      for (std::size_t z = lb + 1; z < le; ++z)
        if (eq(f(z), "including") || eq(f(z), "in") || eq(f(z), "at")) le = z;
      if (le <= lb || mention_covering(lb)) continue;
      const int al = allegation(surface(lb, le), si);
      for (int x : who) add(x, al, Relation::kAccuse, "wrong-reported", si);
    }
  }
}

}  // namespace stakegraph::io::extract
