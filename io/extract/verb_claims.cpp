// Claims read from a verb hit: what an accusation, a charge or a penalty is for, a wrong
// blamed without a named culprit, and denials (the claim denied, the accuser named).
#include "io/extract/run.hpp"

namespace stakegraph::io::extract {

bool ArticleRun::verb_claims(const HitReading& hr) {
  const std::size_t si = cur_.si;
  const std::vector<Mention>& ms = *cur_.ms;
  const std::size_t b = cur_.b, e = cur_.e;
  const VerbPattern& vp = hr.vp;
  const std::size_t h = hr.h, he = hr.he;
  const Relation r = hr.r;
  const std::string& rule = hr.rule;
  std::vector<int>& src = hr.src;
  const std::vector<int>& dst = hr.dst;
  const Mention* target = hr.target;
  const bool passive = hr.passive, has_subj = hr.has_subj;
  // Allegations: "accused X of <claim>", "designated X as <threat>", "denied <claim>".
  // Where the words about the target's wrong begin: past its acronym in brackets
  // ("accused the National Party (NP) of ...") and a time phrase ("accused X in March of").
  auto after_target = [&] {
    std::size_t k = target->e;
    if (k + 2 < e && eq(f(k), "(") && tok(k + 1).all_caps && eq(f(k + 2), ")")) k += 3;
    // Past the amount of a fine: "fined X 3 billion won for ...".
    std::size_t q = k;
    while (q < e && q < k + 5 && (tok(q).type == TokenType::kNumber || in_list(kMoney, f(q)))) ++q;
    if (q > k && q < e && in_list(kMoney, f(q - 1))) k = q;
    return skip_time_phrase(k, e);
  };
  if ((r == Relation::kAccuse || r == Relation::kSanction || r == Relation::kCoerce) && target &&
      !dst.empty() && !passive) {
    const std::size_t k = after_target();
    // "charged X with fraud", "fined X for misleading investors", "blamed X for the
    // collapse": the wrong the act is for is a claim of the actor against X; a penalty
    // or an arrest stays an edge of its own.
    // "convicted X of fraud": the conviction stays an edge of its own.
    if (k < e &&
        (!eq(f(k), "of") || (r != Relation::kAccuse &&
                             f(h).starts_with("convict")))) {  // "accused X of": below, with "as"
      auto [lb, le2] = claim_for(k, h, r != Relation::kAccuse);
      if (le2 > lb) {
        int al = allegation(surface(lb, le2), si);
        for (int x : src) add(x, al, Relation::kAccuse, rule + "+allegation", si);
        for (int y : dst) add(al, y, Relation::kImplicates, rule + "+allegation", si);
        if (r == Relation::kAccuse) return true;
      }
    }
  }
  if (r == Relation::kAccuse && target && !dst.empty()) {
    const std::size_t k = after_target();
    // Past a coordinated target, find "of"/"as".
    if (k < e && (eq(f(k), "of") || eq(f(k), "as"))) {
      auto [lb, le2] = np_label(k + 1, 9);
      // "accused X of <claim>" always states a claim; "designated X as <noun>" only when
      // the noun is one of wrongdoing or risk.
      bool claim = eq(f(k), "of");
      for (std::size_t z = lb; z < le2; ++z)
        claim |= is(z, kCrimeWords) || eq(f(z), "threat") || eq(f(z), "threats") ||
                 eq(f(z), "risk") || eq(f(z), "risks") || eq(f(z), "acting") ||
                 eq(f(z), "espionage");
      if (claim && le2 > lb) {
        int al = allegation(surface(lb, le2), si);
        for (int x : src) add(x, al, Relation::kAccuse, rule + "+allegation", si);
        for (int y : dst) add(al, y, Relation::kImplicates, rule + "+allegation", si);
        return true;
      }
    }
  }
  // "criticised the misuse of public funds": blame of a wrongdoing without a named
  // culprit is a claim of its own (implicating whoever "by X" names).
  if (r == Relation::kAccuse && has_subj && !passive &&
      (dst.empty() || (target && target->b > he + 1 && eq(f(target->b - 1), "by")) ||
       (target && target->b > he + 2 && eq(f(target->b - 2), "by")))) {
    auto [lb, le2] = np_label(he, 9);
    if (lb + 1 < le2 && eq(f(lb), "of")) ++lb;  // "on charges of money laundering"
    if (lb + 1 < le2 && eq(f(lb), "on")) ++lb;  // "(which it) blamed on sabotage"
    bool wrong = false;
    // The wrongdoing is the object's head, before any "by X".
    for (std::size_t z = lb; z < le2 && !eq(f(z), "by"); ++z)
      wrong |= is(z, kWrongdoing) || is(z, kCrimeWords);
    // "accused the government of rigging the count": the claim is what follows "of" when
    // the words before it name no wrongdoing (an accused the text does not make an actor).
    for (std::size_t z = lb; z + 1 < le2; ++z) {
      if (is(z, kWrongdoing) || is(z, kCrimeWords)) break;
      if (eq(f(z), "of") && z > lb && (f(h).starts_with("accus") || f(h).starts_with("suspect"))) {
        lb = z + 1;
        // "accused X of <act>" states a claim whatever the act ("of buying votes").
        wrong |= ends_with(f(lb), "ing") && !tok(lb).cap;
        break;
      }
    }
    // "investigating whether X misled Y": the question is the claim (apposition_rules).
    if (lb < e && eq(f(lb), "whether")) return true;
    if (wrong && le2 > lb && !(lb < e && (eq(f(lb), "that") || eq(f(lb), "it")))) {
      std::size_t end = le2;
      const Mention* by = nullptr;
      for (std::size_t z = lb; z < le2; ++z)
        if (eq(f(z), "by")) {
          by = first_mention_after(z + 1, z + 4, false);
          end = z;
          break;
        }
      if (end > lb) {
        int al = allegation(surface(lb, end), si);
        for (int x : src) add(x, al, Relation::kAccuse, rule + "+allegation", si);
        if (by)
          for (int y : by->ents) add(al, y, Relation::kImplicates, rule + "+allegation", si);
        // "A and B accused each other of X": the claim is against both.
        const bool each_other = he + 1 < e && ((eq(f(he), "each") && eq(f(he + 1), "other")) ||
                                               (eq(f(he), "one") && eq(f(he + 1), "another")));
        if (each_other && src.size() >= 2)
          for (int y : src) add(al, y, Relation::kImplicates, rule + "+each-other", si);
        return true;
      }
    }
  }
  if (r == Relation::kReject) {
    std::size_t k = he;
    // "rejected those claims", "dismissed her accusations": determiners of the claim noun.
    while (k < e &&
           (is(k, kAdverbs) || eq(f(k), "such") || eq(f(k), "the") || eq(f(k), "these") ||
            eq(f(k), "those") || eq(f(k), "this") || eq(f(k), "their") || eq(f(k), "his") ||
            eq(f(k), "her") || eq(f(k), "its") || eq(f(k), "all") || eq(f(k), "any")))
      ++k;
    // "denied allegations that it spied on X": the claim is the clause after the noun.
    if (k + 1 < e && is(k, kAllegationNouns) && eq(f(k + 1), "that")) ++k;
    // The denied claim [lb, le2) becomes an allegation the subject rejects and that
    // implicates it.
    const auto deny_claim = [&](std::size_t lb, std::size_t le2) {
      const int al = allegation(surface(lb, le2), si);
      for (int x : src) {
        add(x, al, Relation::kReject, rule + "+allegation", si);
        add(al, x, Relation::kImplicates, rule + "+denial", si);
      }
    };
    if (k < e && eq(f(k), "that")) {
      auto [lb, le2] = np_label(k + 1, 10);
      bool claim = false;
      for (std::size_t z = lb; z < le2; ++z) claim |= is(z, kCrimeWords);
      // "denied that it coerced its dealers": a denial of what the denier did is a claim;
      // so is one about what it owns or makes ("denied that its products were unsafe").
      if (k + 2 < e && (eq(f(k + 1), "it") || eq(f(k + 1), "he") || eq(f(k + 1), "she") ||
                        eq(f(k + 1), "they") || eq(f(k + 1), "its") || eq(f(k + 1), "their")))
        claim = true;
      if (claim && le2 > lb && has_subj) {
        // The label is what was done: "that it had misled X" -> "misled X".
        lb = past_pronoun_subject(lb, le2);
        deny_claim(lb, le2);
        return true;
      }
      return true;  // "denied that ..." without a claim word: no edge to an actor
    }
    // "denied backing the rebels", "denies having spied on X": what is denied is the
    // denier's own act, a claim against it (the act itself is negated: negated()).
    std::size_t act = k;
    if (act < e && eq(f(act), "ever")) ++act;
    const bool having = act < e && eq(f(act), "having");
    if (having) ++act;
    // Only a gerund right after the verb, with words of its own after it: "denied any
    // wrongdoing", "rejected the ruling" and "denied wrongdoing." name things, not acts.
    const bool gerund_act = act + 1 < e && (having || ends_with(f(act), "ing")) &&
                            is_word(act + 1) && !eq(f(act + 1), "and") && !eq(f(act + 1), "or") &&
                            !eq(f(act), "wrongdoing");
    if (k == he && gerund_act && !tok(act).cap && is_word(act) && !mention_at(act) && has_subj) {
      auto [lb, le2] = np_label(act, 10);
      if (le2 > lb) {
        deny_claim(lb, le2);
        return true;
      }
    }
    bool claim_object = k < e && is(k, kAllegationNouns);
    // "denied responsibility for the spill", "denies any involvement in the attack": the
    // claim is named here, against the denier.
    if (claim_object && k + 2 < e && (eq(f(k), "responsibility") || eq(f(k), "involvement")) &&
        (eq(f(k + 1), "for") || eq(f(k + 1), "in")) && is_word(k + 2) && has_subj) {
      auto [lb, le2] = np_label(k, 8);
      if (le2 > lb + 2) {
        deny_claim(lb, le2);
        return true;
      }
    }
    // "denied accusations by X", "rejected claims from X": X made them against the denier.
    if (claim_object && k + 2 < e && (eq(f(k + 1), "by") || eq(f(k + 1), "from")))
      if (const Mention* by = first_mention_after(k + 2, k + 5, false)) {
        for (int x : src)
          for (int y : by->ents)
            if (x != y) {
              add(x, y, Relation::kReject, rule + "+accuser", si);
              add(y, x, Relation::kAccuse, rule + "+accuser", si);
            }
        return true;
      }
    bool claim_before = false;
    std::size_t claim_at = h;
    for (std::size_t z = (h > b + 8 ? h - 8 : b); z < h; ++z)
      if (is(z, kAllegationNouns) && !target) {
        claim_before = true;
        claim_at = z;
      }
    // "an allegation (that) the company denied": the denier is the relative clause's
    // subject, between the claim and the verb.
    if (claim_before)
      for (const auto& m : ms)
        if (m.b > claim_at && m.e <= h && m.e + 2 >= h && actor(m)) src = m.ents;
    if ((claim_object || claim_before ||
         (!target && !allegations_.empty() && !vp.preps.size() &&
          (k >= e || eq(f(k), ".") || eq(f(k), ",")))) &&
        !allegations_.empty()) {
      const int al = latest_claim_against(src);
      for (int x : src) add(x, al, Relation::kReject, rule + "+allegation", si);
      return true;
    }
    // "denied any wrongdoing" with no claim made before: the denial names the claim.
    if (allegations_.empty() && !target && k < e && has_subj &&
        (is(k, kCrimeWords) || eq(f(k), "wrongdoing"))) {
      auto [lb, le2] = np_label(k, 6);
      if (le2 > lb) {
        deny_claim(lb, le2);
        return true;
      }
    }
    if (claim_object) return true;
  }
  return false;
}

}  // namespace stakegraph::io::extract
