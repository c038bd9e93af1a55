// Rules of relations() on events named by nouns and clauses rather than by a verb with its
// object: listings ("X is on a US trade blacklist"), threats by condition or vow ("warned that
// it would respond if Y joined Z", "vowed countermeasures against Y"), demands with a clause
// ("demanded that Y release ..."), talks between two actors, nominal arrests ("the arrest of
// two Chilean activists by Bolivian police") and offered aid ("offered Y a loan").
#include "io/extract/run.hpp"

namespace stakegraph::io::extract {

void ArticleRun::event_rules() {
  const std::size_t si = cur_.si;
  const std::size_t b = cur_.b, e = cur_.e;
  // Listed: "X is on a US trade blacklist", "X has been on Washington's entity list since
  // 2019": the state whose list it is sanctions X.
  for (std::size_t k = b + 2; k < e; ++k) {
    const bool black = eq(f(k), "blacklist");
    if (!black && !eq(f(k), "list")) continue;
    std::size_t on = k;
    while (on > b && on + 6 > k && !eq(f(on), "on")) --on;
    if (!eq(f(on), "on") || on == b) continue;
    const std::string_view pw = f(on - 1);
    if (!(is(on - 1, kCopulas) || eq(pw, "been") || eq(pw, "remains") || eq(pw, "remained") ||
          eq(pw, "stays") || eq(pw, "remain")))
      continue;
    std::vector<int> lister;
    bool kind_ok = black;
    for (std::size_t q = on + 1; q < k; ++q) {
      kind_ok |= eq(f(q), "entity") || eq(f(q), "sanctions") || eq(f(q), "trade");
      if (!lister.empty()) continue;
      const Mention* named = nullptr;  // a state lists: a government named, or a demonym's
      std::vector<int> x = actor_or_state_at(q, &named);
      if (!named || ents_[static_cast<std::size_t>(named->ents[0])].kind == Kind::kGovernment)
        lister = std::move(x);
    }
    std::vector<int> listed;
    std::size_t se = b;
    if (!kind_ok || lister.empty() || !subject_of(on - 1, listed, &se) || negated(se, k)) continue;
    for (int x : lister)
      for (int y : listed)
        if (x != y) add(x, y, Relation::kSanction, "listed", si);
  }
  // Conditional threats: "X warned that it would respond if Y joined Z", "X threatened to
  // close the strait if Y attacked": the one the condition names is the one threatened.
  // Vowed retaliation: "X vowed countermeasures against Y".
  for (std::size_t k = b + 1; k + 2 < e; ++k) {
    const std::string_view w = f(k);
    const bool warn = is(k, kWarnVerbs) || w.starts_with("threaten");
    const bool vow = eq(w, "vowed") || eq(w, "vows") || eq(w, "promised") || eq(w, "pledged");
    if (!warn && !vow) continue;
    std::vector<int> src;
    std::size_t se = b;
    if (!subject_of(k, src, &se) || negated(se, k)) continue;
    const Mention* t = nullptr;
    if (warn) {
      // Only when no one is warned directly ("warned Y that ...": the verb rules).
      if (const Mention* o = mention_at(k + 1); o && actor(*o)) continue;
      // "warned that Y would face sanctions": Y is threatened.
      if (eq(f(k + 1), "that"))
        if (const Mention* y = mention_at(k + 2); y && actor(*y) && !(y->flags & kPronoun)) {
          std::size_t q = y->e;
          while (q < e && q < y->e + 3 && (is(q, kAux) || is(q, kAdverbs))) ++q;
          if (q < e &&
              (eq(f(q), "face") || eq(f(q), "faces") || eq(f(q), "suffer") || eq(f(q), "pay")))
            t = y;
        }
      for (std::size_t q = k + 1; q + 1 < e && !t; ++q) {
        if (eq(f(q), ";")) break;
        if (eq(f(q), "if") || eq(f(q), "unless")) {
          t = first_mention_after(q + 1, q + 4, false);
          break;
        }
      }
    } else {
      std::size_t q = k + 1;
      while (q < e && q < k + 3 && is_word(q) && !tok(q).cap) {
        const std::string_view n = f(q);
        if (eq(n, "countermeasures") || eq(n, "retaliation") || eq(n, "revenge") ||
            eq(n, "reprisals") || eq(n, "response")) {
          if (q + 2 < e && eq(f(q + 1), "against")) t = first_mention_after(q + 2, q + 5, false);
          break;
        }
        ++q;
      }
    }
    if (!t || !actor(*t) || (t->flags & kPronoun)) continue;
    for (int x : src)
      for (int y : t->ents)
        if (x != y)
          add(x, y, Relation::kThreaten, warn ? "conditional-threat" : "vowed-retaliation", si);
  }
  // Demands with a clause: "X demanded that Y release the workers", "X urged that Y ..."
  // ("insisted that" asserts, it does not ask).
  for (std::size_t k = b + 1; k + 2 < e; ++k) {
    const std::string_view w = f(k);
    if (!(eq(w, "demanded") || eq(w, "demands") || eq(w, "urged") || eq(w, "urges") ||
          eq(w, "asked") || eq(w, "requested")) ||
        !eq(f(k + 1), "that"))
      continue;
    const Mention* t = mention_at(k + 2);
    if (!t || !actor(*t) || (t->flags & (kPronoun | kPossessive))) continue;
    std::vector<int> src;
    std::size_t se = b;
    if (!subject_of(k, src, &se) || negated(se, k)) continue;
    for (int x : src)
      for (int y : t->ents)
        if (x != y) add(x, y, Relation::kRequest, "demand-that", si);
  }
  // Talks between two actors: "talks between X and Y", "negotiations between X and Y".
  for (std::size_t k = b; k + 4 < e; ++k) {
    const std::string_view w = f(k);
    if (!(eq(w, "talks") || eq(w, "negotiations") || eq(w, "meeting") || eq(w, "summit")) ||
        !eq(f(k + 1), "between"))
      continue;
    const Mention* x = first_mention_after(k + 2, k + 4, false);
    if (!x || !actor(*x) || (x->flags & kPronoun) || negated(b, k)) continue;
    std::vector<int> sides = x->ents;  // "X and Y" may be one coordinated mention
    if (sides.size() < 2) {
      if (x->e + 1 >= e || !eq(f(x->e), "and")) continue;
      const Mention* y = first_mention_after(x->e + 1, x->e + 3, false);
      if (!y || !actor(*y) || (y->flags & kPronoun)) continue;
      sides.insert(sides.end(), y->ents.begin(), y->ents.end());
    }
    for (int p : sides)
      for (int q : sides)
        if (p != q) add(p, q, Relation::kConsult, "talks-between", si);
  }
  // Nominal arrests: "the arrest of two Chilean activists by Bolivian police", "the
  // detention of X by Y": the agent after "by", the detained actor or the demonym's state.
  for (std::size_t k = b; k + 4 < e; ++k) {
    const std::string_view w = f(k);
    if (!(eq(w, "arrest") || eq(w, "arrests") || eq(w, "detention") || eq(w, "expulsion") ||
          eq(w, "deportation")) ||
        !eq(f(k + 1), "of"))
      continue;
    std::vector<int> held;
    std::size_t by = e;
    for (std::size_t q = k + 2; q < std::min(e, k + 9); ++q) {
      if (eq(f(q), "by")) {
        by = q;
        break;
      }
      if (eq(f(q), ",") || eq(f(q), ";")) break;
      if (!held.empty()) continue;
      const Mention* named = nullptr;  // a demonym only when capitalised
      held = actor_or_state_at(q, &named);
      if (!named && !tok(q).cap) held.clear();
    }
    if (held.empty() || by >= e) continue;
    const Mention* agent = first_mention_after(by + 1, by + 4, false);
    if (!agent || !actor(*agent) || (agent->flags & kPronoun) || negated(b, k)) continue;
    for (int x : agent->ents)
      for (int y : held)
        if (x != y) add(x, y, Relation::kCoerce, "nominal-arrest", si);
  }
  pressure_rules();
  // "X followed suit", "Y is expected to do the same": the latest act, by X, on its target.
  for (std::size_t k = b; k + 1 < e; ++k) {
    const std::string_view w = f(k);
    const bool follow =
        (eq(w, "follow") || eq(w, "followed") || eq(w, "follows") || eq(w, "following")) &&
        eq(f(k + 1), "suit");
    const bool same = (eq(w, "do") || eq(w, "did") || eq(w, "does") || eq(w, "doing")) &&
                      k + 2 < e && eq(f(k + 1), "the") && eq(f(k + 2), "same");
    if (!follow && !same) continue;
    std::vector<int> src;
    std::size_t se = b;
    if (!subject_of(k, src, &se) || negated(se, k)) continue;
    for (std::size_t q = cands_.size(); q-- > 0;) {
      const Candidate c = cands_[q];  // (add() may grow cands_)
      if (static_cast<int>(si) - c.sentence > 3) break;
      if (!graph::is_event(c.r) || c.s < 0 || c.t < 0 ||
          std::find(src.begin(), src.end(), c.s) != src.end())
        continue;
      for (int x : src)
        if (x != c.t)
          add(x, c.t, c.r, named_here(c.t) ? "followed-suit" : "discourse:followed-suit", si);
      break;
    }
  }
  // "accused X of ... and vowed to take resolute measures in response": a vow to respond,
  // naming no one, threatens the one the vower has just accused or rejected.
  for (std::size_t k = b + 1; k + 2 < e; ++k) {
    const std::string_view w = f(k);
    if (!(eq(w, "vowed") || eq(w, "vows") || eq(w, "pledged") || eq(w, "threatened") ||
          eq(w, "threatens")) ||
        !eq(f(k + 1), "to"))
      continue;
    bool respond = false;
    for (std::size_t q = k + 2; q < std::min(e, k + 7) && !eq(f(q), ","); ++q)
      respond |= eq(f(q), "measures") || eq(f(q), "countermeasures") || eq(f(q), "retaliate") ||
                 eq(f(q), "retaliation") || eq(f(q), "respond") || eq(f(q), "response") ||
                 eq(f(q), "reciprocate");
    if (!respond) continue;
    bool named = false;  // "retaliate against Y": the verb rules have it
    for (std::size_t q = k + 2; q < std::min(e, k + 9); ++q)
      named |= (eq(f(q), "against") || eq(f(q), "on")) && first_mention_after(q + 1, q + 3, false);
    if (named) continue;
    std::vector<int> src;
    std::size_t se = b;
    if (!subject_of(k, src, &se) || negated(se, k)) continue;
    for (std::size_t q = cands_.size(); q-- > 0;) {
      const Candidate c = cands_[q];
      if (c.sentence != static_cast<int>(si)) break;
      if (!(c.r == Relation::kAccuse || c.r == Relation::kReject || c.r == Relation::kProtest) ||
          std::find(src.begin(), src.end(), c.s) == src.end() || c.t < 0 ||
          ents_[static_cast<std::size_t>(c.t)].kind == Kind::kAllegation)
        continue;
      for (int x : src)
        if (x != c.t) add(x, c.t, Relation::kThreaten, "vowed-response", si);
      break;
    }
  }
  // Aid offered: "X offered Y a loan", "X offered Y financial assistance".
  for (std::size_t k = b + 1; k + 2 < e; ++k) {
    if (!(eq(f(k), "offered") || eq(f(k), "offers") || eq(f(k), "promised") || eq(f(k), "pledged")))
      continue;
    const Mention* t = mention_at(k + 1);
    if (!t || !actor(*t) || (t->flags & (kPronoun | kPossessive))) continue;
    bool aid = false;
    for (std::size_t q = t->e; q < std::min<std::size_t>(e, t->e + 4) && !aid; ++q) {
      const std::string_view n = f(q);
      aid = eq(n, "loan") || eq(n, "loans") || eq(n, "aid") || eq(n, "assistance") ||
            eq(n, "credit") || eq(n, "grant") || eq(n, "grants") || eq(n, "funding") ||
            eq(n, "support") || eq(n, "weapons") || eq(n, "help");
    }
    if (!aid) continue;
    std::vector<int> src;
    std::size_t se = b;
    if (!subject_of(k, src, &se) || negated(se, k)) continue;
    for (int x : src)
      for (int y : t->ents)
        if (x != y) add(x, y, Relation::kAid, "offered-aid", si);
  }
}

}  // namespace stakegraph::io::extract

namespace stakegraph::io::extract {

// Pressure as a noun: who presses ("pressure from X", "X's pressure", "X stepped up pressure")
// and who is pressed ("pressure on Y", "Y came under / faces pressure"). Yielding to it
// concedes ("Y bowed to pressure from X"); resisting it rejects ("Y resisted pressure from X").
void ArticleRun::pressure_rules() {
  const std::size_t si = cur_.si;
  const std::size_t b = cur_.b, e = cur_.e;
  auto any = [](std::string_view w, std::initializer_list<std::string_view> ws) {
    for (std::string_view x : ws)
      if (w == x) return true;
    return false;
  };
  for (std::size_t k = b; k < e; ++k) {
    if (!(eq(f(k), "pressure") || eq(f(k), "pressures"))) continue;
    // The words before the noun: its adjectives ("mounting", "strong", "U.S.") back to the
    // verb that takes it.
    auto under_w = [&](std::string_view w) {
      return w == "under" || any(w, {"faces", "faced", "face", "facing"});
    };
    auto resist_w = [&](std::string_view w) {
      return any(w, {"resisted", "resist", "resists", "resisting", "defied", "defy", "defies",
                     "rebuffed", "withstood"});
    };
    auto exert_w = [&](std::string_view w) {
      return any(w, {"put", "puts", "putting", "exerted", "exert", "exerting", "applied", "apply",
                     "applying", "increased", "intensified", "piled", "up", "mounted", "kept",
                     "maintained"});
    };
    std::size_t v = k;
    while (v > b && v + 4 > k && is_word(v - 1) && !is(v - 1, kPrepositions) &&
           !eq(f(v - 1), "the") && !is(v - 1, kAux) && !is(v - 1, kBeForms) && !under_w(f(v - 1)) &&
           !resist_w(f(v - 1)) && !exert_w(f(v - 1)) && mention_at(v - 1) == nullptr &&
           mention_covering(v - 1) == nullptr)
      --v;
    // "X's pressure", "Washington's mounting pressure": the possessor presses.
    std::vector<int> src, dst;
    std::size_t vp = v;  // one past the verb that takes the noun
    if (v > b && tok(v - 1).type == TokenType::kPossessive)
      if (const Mention* m = mention_covering(v - 2); m && actor(*m) && !(m->flags & kPronoun)) {
        src = m->ents;
        vp = m->b;
      }
    if (src.empty() && v > b)
      if (const Mention* m = mention_covering(v - 1);
          m && m->e == v && (m->flags & kPossessive) && actor(*m) && !(m->flags & kPronoun)) {
        src = m->ents;
        vp = m->b;
      }
    // "pressure from X", "pressure on Y" (either order, a few words apart).
    for (std::size_t q = k + 1; q + 1 < e && q < k + 8; ++q) {
      if (eq(f(q), ",") || eq(f(q), ";") || eq(f(q), "that")) break;
      const bool from = eq(f(q), "from"), on = eq(f(q), "on") || eq(f(q), "upon");
      if (!from && !on) continue;
      const Mention* m = first_mention_after(q + 1, q + 3, false);
      if (!m || !actor(*m) || (m->flags & kPronoun)) continue;
      if (from && src.empty()) src = m->ents;
      if (on && dst.empty()) dst = m->ents;
      q = m->e - 1;
    }
    const std::string_view verb = vp > b ? f(vp - 1) : std::string_view();
    const std::string_view verb2 = vp > b + 1 ? f(vp - 2) : std::string_view();
    const bool under = under_w(verb);
    const bool yield = eq(verb, "to") && any(verb2, {"bowed", "bow", "bows", "bowing", "yielded",
                                                     "yield", "caved", "succumbed", "in"});
    const bool resist = resist_w(verb);
    const bool exert = exert_w(verb);
    // The verb's subject: "came under", "is under", "gave in to", "stepped up".
    std::vector<int> subj;
    if (under || yield || resist || exert) {
      std::size_t h = vp - 1;
      if (eq(verb, "under") || yield) {
        if (h == b) continue;
        --h;
      }
      if (h > b && (eq(f(h), "up") || eq(f(h), "in"))) --h;
      std::size_t se = b;
      if (!subject_of(h, subj, &se) || negated(se, h)) continue;
    }
    // "held firm despite pressure from X", "the ministry's position is unchanged amid
    // pressure from X": the clause's first actor is pressed.
    if ((eq(verb, "despite") || eq(verb, "amid")) && !src.empty() && vp > b) {
      for (std::size_t q = clause_start(vp - 1); q + 1 < vp && subj.empty(); ++q)
        if (const Mention* m = mention_at(q); m && actor(*m) && !m->ents.empty()) subj = m->ents;
      if (negated(b, vp - 1)) subj.clear();
      for (int x : src)
        for (int y : subj)
          if (x != y) add(x, y, Relation::kRequest, "despite-pressure", si);
      continue;
    }
    if (under && !src.empty() && !subj.empty()) {
      for (int x : src)
        for (int y : subj)
          if (x != y) add(x, y, Relation::kRequest, "under-pressure", si);
    } else if (yield && !src.empty()) {
      for (int x : subj)
        for (int y : src)
          if (x != y) add(x, y, Relation::kConcede, "bowed-to-pressure", si);
    } else if (resist && !src.empty()) {
      for (int x : subj)
        for (int y : src)
          if (x != y) add(x, y, Relation::kReject, "resisted-pressure", si);
    } else if (exert && !dst.empty()) {
      for (int x : src.empty() ? subj : src)
        for (int y : dst)
          if (x != y) add(x, y, Relation::kRequest, "exerted-pressure", si);
    } else if (!src.empty() && !dst.empty() && !negated(b, k)) {
      for (int x : src)  // "pressure from X on Y", "X's pressure on Y"
        for (int y : dst)
          if (x != y) add(x, y, Relation::kRequest, "pressure-on", si);
    }
  }
}

}  // namespace stakegraph::io::extract
