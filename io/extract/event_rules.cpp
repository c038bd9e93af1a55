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
