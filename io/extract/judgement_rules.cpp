// Judgements and feelings: "called X a commendable decision", "the move was wrong", denials by
// judgement ("called the allegations baseless"), innocence claimed, claims faced, "X was
// dismayed by Y".
#include "io/extract/run.hpp"

namespace stakegraph::io::extract {

void ArticleRun::judgement_rules() {
  const std::size_t si = cur_.si;
  std::vector<Mention>& ms = *cur_.ms;
  const std::size_t b = cur_.b, e = cur_.e;
  // "called it a commendable decision" / "called the decision disappointing".
  for (std::size_t k = b; k < e && has_words(kCalledVerbs); ++k) {
    if (!is(k, kCalledVerbs)) continue;
    int sign = 0;
    for (std::size_t z = k + 1; z < std::min(e, k + 7); ++z) {
      if (is(z, kPositiveAdj)) sign = 1;
      if (is(z, kNegativeAdj)) sign = -1;
    }
    if (sign == 0) continue;
    std::vector<int> subj;
    std::size_t se = b;
    if (!subject_of(k, subj, &se) || negated(se, k)) continue;
    std::vector<int> dst;
    if (const Mention* t = first_mention_after(k + 1, k + 3, true)) {
      if (!(t->flags & kPronoun)) dst = t->ents;
    }
    if (dst.empty() && main_event_ >= 0) dst = {cands_[static_cast<std::size_t>(main_event_)].s};
    emit_all(subj, dst, sign > 0 ? Relation::kSupport : Relation::kAccuse, "called-adjective");
  }
  // Judgements: "<NP> was/is <judging adjective>". The NP is an event noun ("the move was
  // disappointing": the article's main actor is judged) or an actor ("the government was
  // wrong to ..."). The judge is the subject of the speech verb that introduces the clause
  // ("X said/wrote that ..."), else the quotation's speaker; for an event noun, else the
  // subject of the clause. A negated judgement ("was not wrong") is no edge.
  const bool judging = has_words(kNegativeAdj) || has_words(kPositiveAdj);
  for (std::size_t k = b; k + 2 < e && judging && has_words(kCopulas); ++k) {
    if (!(eq(f(k + 1), "was") || eq(f(k + 1), "is") || eq(f(k + 1), "were") || eq(f(k + 1), "are")))
      continue;
    int sign = 0;
    bool negative_form = false;
    for (std::size_t z = k + 2; z < std::min(e, k + 6) && sign == 0; ++z) {
      if (eq(f(z), ",") || eq(f(z), ".") || eq(f(z), ";") || eq(f(z), "that") ||
          eq(f(z), "because"))
        break;
      if (is(z, kNegators)) negative_form = true;
      if (is(z, kNegativeAdj))
        sign = -1;
      else if (is(z, kPositiveAdj))
        sign = 1;
    }
    if (sign == 0 || negative_form) continue;
    // The judged: the main actor for an event noun, else an actor mention ending at k.
    std::vector<int> judged;
    std::size_t np = k;
    if (is(k, kEventNouns)) {
      if (main_event_ < 0) continue;
      judged = {cands_[static_cast<std::size_t>(main_event_)].s};
      while (np > b && is_word(np - 1) && !tok(np - 1).cap && !is(np - 1, kSpeechVerbs) &&
             !eq(f(np - 1), "that"))
        --np;  // "the government's decision": start of the noun phrase
    } else {
      const Mention* jm = nullptr;
      for (const auto& m : ms)
        if (m.e == k + 1 && actor(m) && !(m.flags & (kPronoun | kPossessive))) jm = &m;
      if (!jm) continue;
      judged = jm->ents;
      np = jm->b;
    }
    // The judge.
    std::vector<int> judge;
    std::size_t se = b;
    std::size_t speech = e;
    for (std::size_t v = b; v < np; ++v)
      if (is(v, kSpeechVerbs)) speech = v;
    if (speech < e) {
      if (!subject_of(speech, judge, &se) || negated(se, speech)) continue;
    } else if (!speakers_[si].empty()) {
      auto it = by_name_.find(fold(speakers_[si]));
      if (it != by_name_.end()) judge = {it->second};
    } else if (is(k, kEventNouns)) {
      if (!subject_of(k, judge, &se)) continue;
    }
    if (judge.empty()) continue;
    const bool from_before =
        !std::all_of(judged.begin(), judged.end(), [&](int y) { return named_here(y); });
    emit_all(judge, judged, sign > 0 ? Relation::kSupport : Relation::kAccuse,
             !is(k, kEventNouns) ? "speaker-judgement"
             : from_before       ? "discourse:event-judgement"
                                 : "event-judgement");
  }
  // Denials by judgement: "X called the allegations baseless", "X said the claims were
  // false": X rejects the latest claim made against it (else the latest claim).
  // A lawsuit or complaint judged so denies the claim it makes ("called the lawsuit baseless").
  for (std::size_t k = b; k + 1 < e && !allegations_.empty(); ++k) {
    const bool suit = eq(f(k), "lawsuit") || eq(f(k), "suit") || eq(f(k), "complaint");
    if ((!is(k, kAllegationNouns) && !suit) || eq(f(k), "reports") || eq(f(k), "concerns"))
      continue;
    static constexpr std::string_view kDenials[] = {
        "baseless",   "false",      "unfounded",   "untrue",    "groundless",     "fabricated",
        "absurd",     "ridiculous", "nonsense",    "lies",      "inaccurate",     "slanderous",
        "defamatory", "fake",       "motivated",   "meritless", "malicious",      "provocation",
        "smear",      "propaganda", "fabrication", "fiction",   "disinformation", "misinformation",
        "hoax",       "lie",        "slander"};
    std::size_t z = k + 1;
    while (z < e && z < k + 5 &&
           (is(z, kCopulas) || is(z, kAdverbs) || eq(f(z), "as") || eq(f(z), "completely") ||
            eq(f(z), "politically") || eq(f(z), "a") || eq(f(z), "an") || eq(f(z), "pure") ||
            eq(f(z), "deliberate") || eq(f(z), "blatant")))
      ++z;
    if (z >= e || std::find(std::begin(kDenials), std::end(kDenials), f(z)) == std::end(kDenials))
      continue;
    // The one who says so: the subject of the saying verb before the claim noun.
    std::size_t v = k;
    while (v > b && !(is(v - 1, kSpeechVerbs) || eq(f(v - 1), "called") ||
                      eq(f(v - 1), "described") || eq(f(v - 1), "dismissed")))
      --v;
    std::vector<int> who;
    std::size_t se = b;
    if (v == b) {
      // Inside a quotation: its speaker ('"These claims are false," X said').
      if (speakers_[si].empty() || negated(k, z)) continue;
      auto it = by_name_.find(fold(speakers_[si]));
      if (it == by_name_.end()) continue;
      who = {it->second};
    } else if (!subject_of(v - 1, who, &se) || negated(se, v - 1) || negated(k, z)) {
      continue;
    }
    const int al = latest_claim_against(who);
    for (int x : who) add(x, al, Relation::kReject, "claim-judged-false", si);
  }
  // Innocence claimed: "X said it had done nothing wrong", "X insisted it had complied with
  // all regulations", "X maintained its innocence": X rejects the latest claim against it.
  for (std::size_t k = b + 2; k + 1 < e && !allegations_.empty(); ++k) {
    const bool innocence =
        (eq(f(k), "nothing") && eq(f(k + 1), "wrong")) || eq(f(k), "innocence") ||
        eq(f(k), "innocent") ||
        ((eq(f(k), "complied") || eq(f(k), "complies")) && eq(f(k + 1), "with")) ||
        (eq(f(k), "acted") &&
         (eq(f(k + 1), "lawfully") || eq(f(k + 1), "legally") || eq(f(k + 1), "properly")));
    if (!innocence) continue;
    std::size_t v = k;
    while (v > b && !(is(v - 1, kSpeechVerbs) || eq(f(v - 1), "maintained") ||
                      eq(f(v - 1), "maintains") || eq(f(v - 1), "insists")))
      --v;
    if (v == b) continue;
    std::vector<int> who;
    std::size_t se = b;
    if (!subject_of(v - 1, who, &se) || negated(se, v - 1)) continue;
    const int al = latest_claim_against(who);
    if (al < 0) continue;
    for (int x : who) add(x, al, Relation::kReject, "innocence-claimed", si);
    break;
  }
  // Claims faced: "X faces charges of fraud", "X faced accusations that it misled Y", "X is
  // under investigation for bribery": a claim against X by no one the clause names.
  for (std::size_t k = b + 1; k + 3 < e; ++k) {
    const bool faces =
        eq(f(k), "faces") || eq(f(k), "face") || eq(f(k), "faced") || eq(f(k), "facing");
    const bool under = eq(f(k), "under") && k > b && is(k - 1, kCopulas);
    if (!faces && !under) continue;
    std::size_t z = k + 1;
    while (z < e && z < k + 4 && is_word(z) && !tok(z).cap && !is(z, kAllegationNouns) &&
           !is(z, kPrepositions) && !eq(f(z), "investigation") && !eq(f(z), "probe"))
      ++z;
    if (z + 1 >= e) continue;
    const std::string_view noun = f(z);
    const bool claim_noun =
        (faces && (is(z, kAllegationNouns) || eq(noun, "lawsuit") || eq(noun, "lawsuits") ||
                   eq(noun, "prosecution") || eq(noun, "trial") || eq(noun, "indictment"))) ||
        eq(noun, "investigation") || eq(noun, "probe") || eq(noun, "scrutiny");
    if (!claim_noun || eq(noun, "concerns") || eq(noun, "reports")) continue;
    std::size_t p = z + 1;
    if (!(eq(f(p), "of") || eq(f(p), "over") || eq(f(p), "for") || eq(f(p), "that"))) continue;
    ++p;
    // "that it misled Y": the claim is the clause after its pronoun subject.
    if (eq(f(p - 1), "that") && p < e && is(p, kPronouns)) ++p;
    if (p < e && (eq(f(p), "suspected") || eq(f(p), "alleged"))) ++p;
    auto [lb, le] = np_label(p, 10);
    if (le <= lb) continue;
    std::vector<int> accused;
    std::size_t se = b;
    if (!subject_of(under ? k - 1 : k, accused, &se) || negated(se, k)) continue;
    const int al = allegation(surface(lb, le), si);
    for (int y : accused) add(al, y, Relation::kImplicates, "claim-faced", si);
  }
  // Feelings: "X was dismayed by Y", "X said it was stunned that <event>": X judges Y, or
  // the article's main actor when no actor follows.
  const bool feeling = has_words(kNegativeEmotion) || has_words(kPositiveEmotion);
  for (std::size_t z = b + 1; z < e && feeling; ++z) {
    const int sign = is(z, kNegativeEmotion) ? -1 : is(z, kPositiveEmotion) ? 1 : 0;
    if (sign == 0) continue;
    std::size_t c = z;  // the copula before, past adverbs and quotes
    while (c > b && (tok(c - 1).type == TokenType::kQuote || is(c - 1, kAdverbs) ||
                     ends_with(f(c - 1), "ly")))
      --c;
    if (c == b || !is(c - 1, kCopulas)) continue;
    std::vector<int> judge;
    std::size_t se = b;
    if (!subject_of(c - 1, judge, &se) || negated(se, z)) continue;
    std::size_t after = z + 1;
    while (after < e && tok(after).type == TokenType::kQuote) ++after;
    std::vector<int> judged;
    if (after < e && (eq(f(after), "by") || eq(f(after), "at") || eq(f(after), "with") ||
                      eq(f(after), "over"))) {
      // The object of the feeling: "by X", "by the conduct of (the) X".
      std::size_t o = after + 1;
      if (o < e && (eq(f(o), "the") || eq(f(o), "a") || eq(f(o), "an"))) ++o;
      const Mention* t = mention_at(o);
      if (!t) {
        std::size_t q = o;
        while (q < e && q < o + 2 && is_word(q) && !tok(q).cap && !eq(f(q), "of")) ++q;
        if (q > o && q + 1 < e && eq(f(q), "of")) {
          ++q;
          if (q < e && eq(f(q), "the")) ++q;
          t = mention_at(q);
        }
      }
      if (t && actor(*t)) judged = t->ents;
    } else if (after < e && eq(f(after), "that") && main_event_ >= 0) {
      if (const Mention* t = first_mention_after(after + 1, after + 4, true))
        judged = t->ents;
      else
        judged = {cands_[static_cast<std::size_t>(main_event_)].s};
    }
    emit_all(judge, judged, sign > 0 ? Relation::kSupport : Relation::kAccuse, "feeling");
  }
}

}  // namespace stakegraph::io::extract
