// Events of the event-data dictionaries' verb patterns that the lexicon's verbs did not take.
#include "io/extract/run.hpp"

#include "io/extract/dictionary/plover.hpp"

namespace stakegraph::io::extract {

namespace {
// Whether a word can be a past participle: regular ("closed"), strong ("taken", "shown") or
// one of the common irregular ones.
bool looks_participle(std::string_view w) {
  if (w.ends_with("ed") || w.ends_with("en") || w.ends_with("wn") || w.ends_with("ght") ||
      w.ends_with("come"))
    return true;
  static constexpr std::string_view kIrregular[] = {
      "cut",  "put",    "set",   "hit",   "shut",  "met",    "held",  "sent",  "made",
      "paid", "sold",   "told",  "kept",  "left",  "lost",   "won",   "led",   "fled",
      "read", "spread", "quit",  "split", "bid",   "struck", "hung",  "begun", "done",
      "gone", "said",   "built", "spent", "lent",  "dealt",  "meant", "felt",  "run",
      "come", "become", "let",   "laid",  "found", "stood"};
  return std::find(std::begin(kIrregular), std::end(kIrregular), w) != std::end(kIrregular);
}
}  // namespace

void ArticleRun::dictionary_verb_events() {
  const std::size_t si = cur_.si;
  std::vector<Mention>& ms = *cur_.ms;
  const std::size_t b = cur_.b, e = cur_.e;
  std::vector<int>& last_subject = cur_.last_subject;
  // Verbs of the event-data dictionaries (CAMEO verb patterns) that the lexicon's verb
  // patterns did not take: the clause's subject does the event to the pattern's target
  // ("+"), else to the first actor after the verb in its clause; in the passive, the
  // by-agent does it to the subject. A word after a determiner, a possessive or a
  // preposition is a noun, not a verb; the event needs both a subject and a target.
  if (dict_ != nullptr) {
    dtoks_.clear();
    for (std::size_t k = b; k < e; ++k) dtoks_.push_back(tok(k).folded);
    actor_start_.assign(e - b, 0);
    for (const auto& m : ms)
      if (m.b >= b && m.b < e && actor(m)) actor_start_[m.b - b] = 1;
    extract::dictionary::MatchOptions mo;
    mo.actor_start = actor_start_;
    for (std::size_t k = b; k < e; ++k) {
      if (tok(k).type != TokenType::kWord || tok(k).cap || mention_covering(k)) continue;
      bool taken = false;
      for (const VerbHit& hit : cur_.hits) taken |= k >= hit.h && k < hit.he;
      if (taken) continue;
      if (k > b) {
        const std::string_view pw = f(k - 1);
        if (eq(pw, "the") || eq(pw, "a") || eq(pw, "an") || eq(pw, "its") || eq(pw, "their") ||
            eq(pw, "his") || eq(pw, "her") || eq(pw, "our") || eq(pw, "this") || eq(pw, "these") ||
            eq(pw, "those") || tok(k - 1).type == TokenType::kPossessive ||
            (is(k - 1, kPrepositions) && !eq(pw, "to")))
          continue;
      }
      // So is a bare form before "of" after a determiner and its modifiers: "the
      // unconditional release of X", "a swift withdrawal of".
      if (noun_before_of(k)) continue;
      // After "has"/"had" a verb is a participle: "has close ties" is an adjective.
      if (k > b && (eq(f(k - 1), "has") || eq(f(k - 1), "have") || eq(f(k - 1), "had")) &&
          !looks_participle(f(k)))
        continue;
      // A verb of saying takes a clause, not an actor, as its object ("X said Y opposed
      // the plan"); only "told" and "warned" have an addressee.
      if (is(k, kSpeechVerbs) && !eq(f(k), "told") && !eq(f(k), "warned")) continue;
      // A word followed by "is", "has", "will" is the noun its verb agrees with ("the
      // airlift is funded"), not a verb.
      if (k + 1 < e && (is(k + 1, kBeForms) || is(k + 1, kAux))) continue;
      const std::size_t cs = clause_start(k);
      std::size_t ce = k + 1;
      while (ce < e && !eq(f(ce), ";") && !eq(f(ce), "which") && !is_who(ce) &&
             !(is(ce, kSubordinators) && !eq(f(ce), "as")))
        ++ce;
      // Not inside a complement clause ("said that X would help Y": the speaker's claim,
      // not an act).
      if ((cs < e && eq(f(cs), "that")) || (cs > b && eq(f(cs - 1), "that"))) continue;
      const auto vm = dict_->verbs.match(dtoks_, k - b, cs - b, ce - b, mo);
      if (!vm.verb || !vm.has_event()) continue;
      // Competing in a market is no event of PLOVER's (CAMEO's verbs file has "compete"
      // under 110, disapprove): "X has been competing with Y for contracts".
      if (f(k).starts_with("compet")) continue;
      const std::size_t ve = b + vm.verb_end;
      // Passive: "<be> <participle> by <agent>"; "<be> <verb>ing" is the progressive
      // ("is acting", "will be hosting"), as is_passive() reads it.
      bool passive = false;
      for (std::size_t q = k; q-- > cs && q + 3 > k;)
        if (is(q, kBeForms) && !ends_with(f(k), "ing")) passive = true;
      const std::string_view code = passive && !vm.passive_code.empty() ? vm.passive_code : vm.code;
      if (code.empty()) continue;
      // A user's verbs dictionary codes its own codes too (dictionary/plover.hpp).
      const auto coded =
          dict_->user_verbs ? extract::dictionary::user_event : extract::dictionary::plover_event;
      const extract::dictionary::PloverEvent pe = coded(code);
      if (!pe.is_event()) continue;
      std::vector<int> subj;
      std::size_t subj_end = b;
      if (!subject_of(k, subj, &subj_end)) continue;
      // A negation the pattern spells out ("didn't clash over": &NEGATVAUXVRB) is coded by it.
      const std::size_t pb = b + vm.pre_begin, pe_ = b + vm.pre_end;
      const bool spelled = vm.pre_end > vm.pre_begin && pb >= subj_end && pe_ <= k;
      if (spelled ? negated(subj_end, pb) || negated(pe_, k) : negated(subj_end, k)) continue;
      // The verb heads its subject's predicate: between them only auxiliaries, adverbs, a
      // date ("on Monday"), a parenthetical between commas ("X, a maker of Y, accused") or
      // an intention ("is about to", "has decided to"; the event is said to come).
      bool predicate = subj_end <= k;
      for (std::size_t q = subj_end; q < k && predicate;) {
        // A name right after the subject is in its noun phrase ("Bree Prime Minister
        // Romendacil clashed": the title, then the name).
        if (q == subj_end && q > b && tok(q).cap && !eq(f(q - 1), ",")) {
          if (const Mention* m = mention_at(q); m && m->e <= k) {
            q = m->e;
            continue;
          }
        }
        // So is an agent noun of the dictionaries right after it ("Washington security
        // officials are about to": the subject's own officials).
        if (q == subj_end && q > b) {
          const auto ag = dict_->agents.longest(dtoks_, q - b);
          if (ag && q + ag.length <= k) {
            q += ag.length;
            continue;
          }
        }
        if (spelled && q >= pb && q < pe_) {
          ++q;  // the pattern's own words
          continue;
        }
        if (is(q, kIntentWords) && q + 2 <= k && eq(f(q + 1), "to")) {
          q += 2;
          continue;
        }
        // The subject's own words about itself: "X said (that) it opposed Y".
        if (is(q, kSpeechVerbs)) {
          std::size_t r = q + 1;
          if (r < k && eq(f(r), "that")) ++r;
          if (r < k && (eq(f(r), "it") || eq(f(r), "he") || eq(f(r), "she"))) {
            q = r + 1;
            continue;
          }
        }
        if (eq(f(q), ",")) {
          std::size_t c2 = q + 1;
          while (c2 < k && !eq(f(c2), ",")) ++c2;
          if (c2 >= k) {
            predicate = false;
            break;
          }
          q = c2 + 1;
          continue;
        }
        if (is(q, kAux) || is(q, kAdverbs) || is(q, kBeForms) || eq(f(q), "on") ||
            eq(f(q), "last") || eq(f(q), "this") || eq(f(q), "week") || eq(f(q), "month") ||
            eq(f(q), "year") || eq(f(q), "also") || eq(f(q), "then") ||
            tok(q).type == TokenType::kNumber || (tok(q).cap && is(q, kSkip)))
          ++q;
        else
          predicate = false;
      }
      if (!predicate) continue;
      std::vector<int> src = subj, dst;
      if (passive) {
        const Mention* agent = nullptr;
        for (std::size_t q = ve; q < ce && q < ve + 6 && !agent; ++q)
          if (eq(f(q), "by")) agent = first_mention_after(q + 1, q + 5, true);
        if (!agent) continue;
        src = agent->ents;
        dst = subj;
      } else if (vm.compound && subj.size() >= 2) {
        // "% HAVE *": the compound actor's members do it to one another ("X and Y have
        // delayed their meeting"), as PETRARCH codes '%'.
        dst = subj;
      } else {
        // The pattern's target slot, else the direct object: an actor within a few words
        // (determiners and modifiers) after the verb.
        const Mention* t = vm.target ? mention_at(b + *vm.target) : nullptr;
        // A verb followed by a clause ("insisted that", "plans to", "called it") has no
        // direct object of its own.
        std::size_t after = ve;
        while (after < ce && is(after, kAdverbs)) ++after;
        const bool clause_follows =
            after < e && (eq(f(after), "that") || eq(f(after), "to") || eq(f(after), "whether") ||
                          eq(f(after), "if") || eq(f(after), "it"));
        // The direct object: an actor within four words after the verb, else after the
        // pattern's own object words ("restored full diplomatic ties with Y"); never in a
        // that-clause ("said in a statement that it backs Y").
        // One who acts "together with", "alongside" or "along with" the subject is no object.
        auto object_after = [&](std::size_t from) {
          std::size_t limit = std::min(ce, from + 4);
          for (std::size_t q = from; q < limit; ++q)
            if (eq(f(q), "that") || co_agent_at(q)) limit = q;
          return first_mention_after(from, limit, true);
        };
        if (!t && !clause_follows) t = object_after(ve);
        if (!t && !clause_follows && b + vm.post_end > ve) t = object_after(b + vm.post_end);
        // As an event coder codes (the user's actor dictionaries): the first actor named in
        // the rest of the verb's clause, however far, a place too ("criticized the closure of
        // inns in X").
        bool far = false;
        for (std::size_t q = ve; !t && !clause_follows && code_actors_ && q < ce; ++q)
          if (const Mention* m = mention_at(q);
              m && !m->ents.empty() && !(m->flags & (kModifier | kPronoun)))
            t = m, far = true;
        const int jailer =
            pe.relation == Relation::kRequest
                ? jailer_of_release(ve, t && !(t->flags & kPossessive) ? t->b : ce, si)
                : -1;
        if (jailer >= 0) {
          dst = {jailer};
        } else if (t && (actor(*t) || far) && !(t->flags & (kUntyped | kPronoun))) {
          dst = t->ents;
        } else if (subj.size() >= 2 && !vm.passive_code.empty() && vm.passive_code == vm.code) {
          // A symmetric code ("[064:064]") with a compound subject and no object: the
          // members do it to one another ("X and Y renewed diplomatic ties").
          dst = subj;
        } else {
          continue;
        }
      }
      std::string rule = "cameo:" + std::string(code) + ":" + std::string(vm.block_name);
      // The jailer of a release demanded may be named only before: a discourse tie.
      if (!std::all_of(dst.begin(), dst.end(), [&](int y) { return named_here(y); }))
        rule = "discourse:" + rule;
      // "challenge the result at the Constitutional Court": a case taken to a court asks it.
      Relation rel = pe.relation;
      if ((rel == Relation::kReject || rel == Relation::kAccuse) && dst.size() == 1 && !passive)
        for (const auto& m : ms)
          if (m.b >= ve && m.ents == dst && court_venue(m)) {
            rel = Relation::kRequest;
            rule += "+court";
            break;
          }
      // An act the actor says it would do, or would do only if, is a threat: "X said it
      // would take legal action against Y", "would halt exports unless ..." (as the
      // lexicon's verbs, verb_events.cpp).
      if (graph::relation_sign(rel) < 0 && rel != Relation::kThreaten &&
          rel != Relation::kRequest && rel != Relation::kAccuse && rel != Relation::kReject &&
          !passive) {
        bool would = false, cond = false, reported = false;
        for (std::size_t q = subj_end; q < k; ++q)
          would |= eq(f(q), "would") || eq(f(q), "could") || eq(f(q), "might");
        for (std::size_t q = ve; q < ce; ++q) cond |= eq(f(q), "if") || eq(f(q), "unless");
        for (std::size_t q = b; q < k; ++q) reported |= is(q, kSpeechVerbs);
        if (would && (cond || reported)) {
          rel = Relation::kThreaten;
          rule += "+intent";
        }
      }
      // A pair the lexicon already gave an event in this sentence keeps that one.
      auto coded_here = [&](int x, int y) {
        for (std::size_t q = cands_.size(); q-- > 0 && cands_[q].sentence == static_cast<int>(si);)
          if (cands_[q].s == x && cands_[q].t == y && graph::is_event(cands_[q].r)) return true;
        return false;
      };
      for (int x : src)
        for (int y : dst)
          if (!coded_here(x, y)) add(x, y, rel, rule, si, 0.6f);
      // "[042:043]" in the active voice: the second code is the target's side of the event,
      // done to the subject ("X visited Y": Y hosts X), as PETRARCH codes it.
      if (!passive && !vm.passive_code.empty() && vm.passive_code != code) {
        const auto back = coded(vm.passive_code);
        if (back.is_event())
          for (int x : src)
            for (int y : dst)
              if (x != y && !coded_here(y, x))
                add(y, x, back.relation,
                    "cameo:" + std::string(vm.passive_code) + ":" + std::string(vm.block_name), si,
                    0.6f);
      }
      last_subject = subj;
      k = std::max(k, ve - 1);
    }
  }
}

}  // namespace stakegraph::io::extract
