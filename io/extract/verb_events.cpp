// Events from the lexicon's verb patterns: heads (longest forms first), objects and
// prepositions, subjects, the passive, complements, claims and denials.
#include "io/extract/run.hpp"

#include "io/extract/dictionary/plover.hpp"

namespace stakegraph::io::extract {

void ArticleRun::verb_events() {
  const std::size_t si = cur_.si;
  std::vector<Mention>& ms = *cur_.ms;
  const std::size_t b = cur_.b, e = cur_.e;
  std::vector<int>& last_subject = cur_.last_subject;
  // Regions where a verb is the complement of a request or threat whose target is named:
  // its own relation is not the speaker's stance.
  std::vector<std::pair<std::size_t, std::size_t>> suppressed;
  // The consequences in a warning ("warned (Y) that it would cut supplies to Y") are not
  // acts: the warning is the edge (below).
  for (std::size_t k = b; k + 2 < e && has_words(kWarnVerbs); ++k) {
    if (!is(k, kWarnVerbs)) continue;
    std::size_t j = k + 1;
    if (const Mention* o = mention_at(j)) j = o->e;
    if (j >= e || !eq(f(j), "that")) continue;
    for (std::size_t z = j + 1; z < std::min(e, j + 14) && !eq(f(z), ";"); ++z)
      if (eq(f(z), "would") || eq(f(z), "will")) {
        suppressed.emplace_back(j, e);
        break;
      }
  }

  find_verb_hits();
  const std::vector<VerbHit>& hits = cur_.hits;
  constexpr std::size_t kObjectWindow = 18;  // as find_verb_hits()

  for (const VerbHit& hit : hits) {
    const VerbPattern& vp = *hit.p;
    const std::size_t h = hit.h, he = hit.he;
    bool skip = false;
    for (const auto& [x, y] : suppressed)
      if (h >= x && h < y) skip = true;
    if (skip) continue;
    // "accused X of attacking Y", "suspected of helping Y": the act is what the allegation
    // says (claims), not an event of the sentence's subject.
    if (h >= b + 2 && eq(f(h - 1), "of") && ends_with(f(h), "ing")) {
      static constexpr std::string_view kAccusing[] = {
          "accused",    "accuses",     "accusing",   "accuse",      "suspected", "suspects",
          "suspect",    "charged",     "convicted",  "guilty",      "blamed",    "indicted",
          "accusation", "accusations", "allegation", "allegations", "suspicion", "suspicions"};
      bool accused = false;
      for (std::size_t z = h - 1; z-- > b && z + 10 > h && !accused;)
        accused = in_list(kAccusing, f(z));
      if (accused) continue;
    }
    std::vector<int> subj;
    std::size_t subj_end = b;
    bool has_subj = subject_of(h, subj, &subj_end);
    // An apposition ("the miner, a unit of Y,"): its subject is the noun phrase before the
    // comma, a named actor or no one (never the sentence's subject).
    if (h >= b + 3 && (eq(f(h - 1), "a") || eq(f(h - 1), "an")) && eq(f(h - 2), ",") &&
        (!graph::is_event(vp.relation))) {
      has_subj = false;
      subj.clear();
      for (const auto& m : ms)
        if (m.e + 2 == h && actor(m) && !(m.flags & (kPronoun | kPossessive))) {
          subj = m.ents;
          subj_end = m.e;
          has_subj = true;
        }
      if (!has_subj) continue;
    }
    // "India's ban on rice exports hit Bangladesh": the subject is the event the possessor
    // did, no actor (but "Canada's decision to ban X" is Canada's ban).
    if (has_subj && subj_end < h && h > b && !eq(f(h - 1), "to") &&
        (event_noun_relation(f(subj_end)) || is(subj_end, kEventNouns)) &&
        std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
          return m.e == subj_end && (m.flags & kPossessive) && !(m.flags & kPronoun);
        }))
      continue;
    if (negated(has_subj ? subj_end : clause_start(h), h)) continue;
    // A threatened act did not happen: "threatened sanctions against X", "warned of
    // tariffs on X" (the threat is the edge).
    if (vp.relation != Relation::kThreaten && h > b &&
        (eq(f(h - 1), "threatened") || eq(f(h - 1), "threatens") || eq(f(h - 1), "threaten") ||
         eq(f(h - 1), "threatening") ||
         (h > b + 1 && eq(f(h - 1), "of") && (eq(f(h - 2), "warned") || eq(f(h - 2), "warns")))))
      continue;
    // Nouns, not verbs: "faces charges", "over suspected fraud" (a participle between a
    // preposition and its noun).
    if (h > b && (eq(f(h - 1), "faces") || eq(f(h - 1), "face") || eq(f(h - 1), "faced") ||
                  eq(f(h - 1), "facing")))
      continue;
    if (h > b && he < e && is(h - 1, kPrepositions) && ends_with(f(h), "ed") && is_word(he) &&
        !tok(he).cap && !is(he, kPrepositions) && !eq(f(h - 1), "by") && !eq(f(h - 1), "to"))
      continue;
    // Negated object: "names no company".
    if (he < e && eq(f(he), "no")) continue;
    Relation r = vp.relation;
    // A condition is no fact: "warned X of consequences if it joined Y" (no tie to Y), "will
    // sue X if the talks fail" (no suit).
    if (const std::size_t cs = clause_start(h);
        cs > b && (eq(f(cs - 1), "if") || eq(f(cs - 1), "unless")))
      continue;
    // "a wholly owned unit of Y", "the controlled company": a participle before a noun
    // modifies it; the tie is the noun's ("unit of").
    // So is any participle there: "the disputed islands", "a banned party".
    // After a number too: "released two detained drivers", "freed 40 jailed activists".
    if ((r == Relation::kOwns || ends_with(f(he - 1), "ed")) && h > b &&
        (eq(f(h - 1), "a") || eq(f(h - 1), "an") || eq(f(h - 1), "the") ||
         tok(h - 1).type == TokenType::kNumber || is(h - 1, kNumberWords)) &&
        he < e && is_word(he) && !is(he, kPrepositions))
      continue;
    // "settle charges", "faces charges", "dropped charges": after a verb, "charges" is the
    // noun ("arrested X on charges of fraud" is read as a claim in verb_claims).
    if ((eq(f(h), "charges") || eq(f(h), "charge")) && h > b && is_word(h - 1) && !tok(h - 1).cap &&
        !is(h - 1, kAdverbs) && !is(h - 1, kAux) && !is(h - 1, kPrepositions) && !is_who(h - 1) &&
        !eq(f(h - 1), "which") && !eq(f(h - 1), "that"))
      continue;
    // A form after a determiner and before an auxiliary is a noun, the clause's subject:
    // "the attack had been carried out by X", "the ban was lifted".
    if (h > b && he == h + 1 && he < e && graph::is_event(r) &&
        (eq(f(h - 1), "the") || eq(f(h - 1), "a") || eq(f(h - 1), "an")) &&
        (is(he, kAux) || is(he, kBeForms)))
      continue;
    // A participle tie right after a common noun is that noun's, not the clause subject's:
    // "blamed hackers linked to X", "a group working for X".
    // (Goods before a supply or ownership participle are its object: "an ingredient sourced
    // from X".)
    if ((r == Relation::kLinkedTo || r == Relation::kPartOf || r == Relation::kMemberOf ||
         r == Relation::kAlliedWith) &&
        h > b && (ends_with(f(h), "ed") || ends_with(f(h), "ing")) && is_word(h - 1) &&
        !tok(h - 1).cap && tok(h - 1).type == TokenType::kWord && !mention_covering(h - 1) &&
        !is(h - 1, kAux) && !is(h - 1, kBeForms) && !is(h - 1, kAdverbs) &&
        !ends_with(f(h - 1), "ly") && !is_who(h - 1) && !eq(f(h - 1), "which") &&
        !eq(f(h - 1), "that") && !eq(f(h - 1), "and") && !eq(f(h - 1), "or") &&
        !eq(f(h - 1), "not") && !eq(f(h - 1), "percent") && !eq(f(h - 1), "cent"))
      continue;
    // A form after a determiner and before a participle is a noun with a reduced relative
    // ("criticised the sanctions imposed by X", "a ban announced on Monday").
    if (h > b && he + 1 < e && he == h + 1 &&
        (eq(f(h - 1), "the") || eq(f(h - 1), "a") || eq(f(h - 1), "its") || eq(f(h - 1), "their") ||
         eq(f(h - 1), "these")) &&
        ends_with(f(he), "ed") && !tok(he).cap && !is(he, kAux))
      continue;
    // A request named by a noun is the thing asked, not an act of asking by the clause's
    // subject: "rejected the demand", "welcomed their call for talks", "the request from X".
    if (r == Relation::kRequest && h > b &&
        (eq(f(h - 1), "the") || eq(f(h - 1), "a") || eq(f(h - 1), "an") || eq(f(h - 1), "its") ||
         eq(f(h - 1), "their") || eq(f(h - 1), "his") || eq(f(h - 1), "her") ||
         eq(f(h - 1), "this") || eq(f(h - 1), "that") || eq(f(h - 1), "these") ||
         tok(h - 1).type == TokenType::kPossessive))
      continue;
    // A bare event form after a determiner is its noun: "concern over the arrest", "a
    // strike by workers" (the act, not an act of the clause's subject; a possessor's
    // "Peru's support for Chile" is its own, in sentence_rules).
    if (h > b && he == h + 1 && graph::is_event(r) && !ends_with(f(h), "ed") &&
        !ends_with(f(h), "ing") &&
        (eq(f(h - 1), "the") || eq(f(h - 1), "a") || eq(f(h - 1), "an") || eq(f(h - 1), "this") ||
         eq(f(h - 1), "these") || eq(f(h - 1), "those")))
      continue;
    // ... and one before "of" after a determiner and its modifiers: "called for the
    // unconditional release of X" (no release).
    if (he == h + 1 && graph::is_event(r) && noun_before_of(h)) continue;
    // An -ing form after a possessive is a noun: "delayed their meeting" (no meeting held).
    if (h > b && ends_with(f(h), "ing") &&
        (eq(f(h - 1), "their") || eq(f(h - 1), "its") || eq(f(h - 1), "his") ||
         eq(f(h - 1), "her") || eq(f(h - 1), "our") || tok(h - 1).type == TokenType::kPossessive))
      continue;
    // Idioms: "hit with sanctions" is no attack; "export controls on X" names no owner.
    if (r == Relation::kAssault && eq(f(h), "hit") && he < e && eq(f(he), "with")) continue;
    if (r == Relation::kOwns && eq(f(h), "controls") && he < e &&
        (eq(f(he), "on") || eq(f(he), "over")))
      continue;
    // "seeking to buy X": an intention, no request.
    if (r == Relation::kRequest && (f(h).starts_with("seek") || eq(f(h), "sought")) && he < e &&
        eq(f(he), "to"))
      continue;
    // Retaliation promised is a threat: "X will retaliate against Y".
    if (r == Relation::kSanction && f(h).starts_with("retaliat") && h > b &&
        (eq(f(h - 1), "will") || eq(f(h - 1), "would")))
      r = Relation::kThreaten;
    // An act vowed or threatened is a threat: "vowed to retaliate against X".
    if (graph::relation_sign(r) < 0 && r != Relation::kThreaten && r != Relation::kRequest &&
        r != Relation::kReject && h >= b + 2 && eq(f(h - 1), "to") &&
        (eq(f(h - 2), "vowed") || eq(f(h - 2), "vows") || eq(f(h - 2), "threatened") ||
         eq(f(h - 2), "threatens") || eq(f(h - 2), "pledged") || eq(f(h - 2), "promised")))
      r = Relation::kThreaten;
    // Conditional threats: "would halt exports to X unless ...".
    if (graph::relation_sign(r) < 0 && r != Relation::kThreaten && r != Relation::kRequest &&
        r != Relation::kAccuse && r != Relation::kReject) {
      bool modal = false, cond = false, would = false;
      for (std::size_t k = subj_end; k < h; ++k) {
        if (eq(f(k), "would") || eq(f(k), "will")) modal = true;
        if (eq(f(k), "would") || eq(f(k), "could") || eq(f(k), "might")) would = true;
      }
      for (std::size_t k = h; k < e; ++k)
        if (eq(f(k), "unless") || eq(f(k), "if")) cond = true;
      // ... and reported intent: "X said it would take legal action against Y" (not yet
      // done; "said it will" announces).
      bool reported = false;
      for (std::size_t k = cur_.b; would && k < h; ++k) reported |= is(k, kSpeechVerbs);
      if ((modal && cond) || (would && reported)) r = Relation::kThreaten;
    }
    // Cooperation said to come is an agreement to cooperate: "said it would work with X",
    // "plans to partner with X".
    if (r == Relation::kCooperate) {
      for (std::size_t k = has_subj ? subj_end : clause_start(h); k < h; ++k)
        if (is(k, kIntentWords)) r = Relation::kAgree;
    }
    // Locate the object word and target.
    std::size_t obj_at = he;
    if (!vp.objects.empty()) {
      for (std::size_t m = he; m < std::min(e, he + kObjectWindow); ++m) {
        bool hitw = false;
        for (const auto& o : vp.objects) {
          const std::size_t on = phrase_at(m, e, o);
          if (on > 0) {
            obj_at = m + on;
            hitw = true;
            break;
          }
        }
        if (hitw) break;
      }
    }
    const Mention* target = nullptr;
    bool prep_found = false;
    if (!vp.preps.empty()) {
      for (std::size_t m = obj_at; m < std::min(e, obj_at + 12) && !prep_found; ++m) {
        // A tie's noun governs its own phrase: "suppliers in Europe, including X of Munich"
        // is no "supplier of Munich".
        if (!graph::is_event(vp.relation) && vp.objects.empty() && eq(f(m), ",")) break;
        for (const auto& pr : vp.preps) {
          const std::size_t pn = phrase_at(m, e, pr);
          if (pn > 0) {
            prep_found = true;
            // Not into a relative clause: "sanctions on companies that supply the army".
            target = first_mention_after(m + pn, m + pn + 7, false);
            for (std::size_t z = m + pn; target && z < target->b; ++z)
              if ((eq(f(z), "that") || eq(f(z), "which") || is_who(z)) && z > m + pn &&
                  !tok(z - 1).cap && is_word(z - 1))
                target = nullptr;
            // The pattern's own preposition governs the name right after it even when that
            // name reads as a place ("a stake in Novera", "bought from Tarsk"): an untyped
            // name or a state, not a modifier; for events only after a non-locative word.
            std::size_t at = m + pn;
            if (at < e && (eq(f(at), "the") || eq(f(at), "a"))) ++at;
            const Mention* direct = at < e ? mention_at(at) : nullptr;
            // So does a locative one right after the pattern's object noun ("closed its
            // embassy in X").
            const bool after_object = !vp.objects.empty() && m == obj_at && m > he && pn == 1;
            if (direct && direct != target && !direct->ents.empty() &&
                (direct->flags & kLocative) && !(direct->flags & (kModifier | kPronoun)) &&
                (!graph::is_event(r) || !is(m + pn - 1, kLocativePreps) || after_object))
              target = direct;
            // "air strikes on targets in Syria", "attacks on positions of the army": sites
            // named by where or whose they are stand for that actor.
            if (!target && graph::is_event(r) && at + 2 < e && in_list(kSites, f(at)) &&
                (eq(f(at + 1), "in") || eq(f(at + 1), "of") || eq(f(at + 1), "across"))) {
              std::size_t w = at + 2;
              if (w < e && eq(f(w), "the")) ++w;
              const Mention* site = w < e ? mention_at(w) : nullptr;
              if (site && !site->ents.empty() && !(site->flags & kPronoun)) target = site;
            }
            break;
          }
        }
      }
      // "provided Moldova with 50 million euros", "supplied X with drones": the indirect
      // object right after the head is the target when the pattern's preposition is absent.
      if (!prep_found && graph::is_event(r) && he < e) {
        const Mention* io = mention_at(he);
        if (io && actor(*io) && !(io->flags & (kPossessive | kModifier)) && io->e + 1 < e &&
            eq(f(io->e), "with")) {
          target = io;
          prep_found = true;
        }
      }
      // "Y, in which X holds a stake": the pattern's preposition fronted with "which" names
      // the antecedent before it.
      if (!prep_found)
        for (std::size_t w = h; w-- > b + 2 && w + 8 >= h;) {
          if (!(eq(f(w), "which") || eq(f(w), "whom"))) continue;
          for (const auto& pr : vp.preps)
            if (pr == f(w - 1) && eq(f(w - 2), ","))
              for (const auto& m : ms)
                if (m.e <= w - 2 && m.e + 2 >= w - 2 && actor(m) &&
                    std::all_of(&tok(m.e), &tok(m.e) + (w - 2 - m.e), [](const Token& t) {
                      return !t.cap && t.type == TokenType::kWord;
                    })) {
                  target = &m;
                  prep_found = true;
                }
          break;
        }
    } else {
      // Direct object: the first actor after the head in the clause, or inside the
      // object span for patterns with an object noun ("use Huawei equipment").
      std::size_t from = he;
      while (from < e && is(from, kAdverbs)) ++from;
      std::size_t limit = from + 14;
      if (vp.reciprocal) {
        // "A and B agreed on Monday to launch patrols in the Gulf": the partner of a
        // reciprocal verb is its direct object, never the object of an infinitive
        // complement or a place after a locative preposition.
        for (std::size_t k = from; k < std::min(e, limit); ++k)
          if (eq(f(k), "to") && k + 1 < e && tok(k + 1).type == TokenType::kWord &&
              !mention_at(k + 1)) {
            limit = k;
            break;
          }
      }
      if (!(from < e && (eq(f(from), "that") || eq(f(from), "whether") || eq(f(from), "if"))))
        target = first_mention_after(from, limit, true);
      if (target && vp.reciprocal && target->b > b && is(target->b - 1, kLocativePreps))
        target = nullptr;
      // "extradited the suspect to Chile": a name after "to" past the object is where the
      // object goes, not the object.
      // ("assets belonging to X" are X's.)
      if (target && r == Relation::kCoerce && target->b > from + 1 &&
          (eq(f(target->b - 1), "to") || eq(f(target->b - 1), "into")) &&
          !ends_with(f(target->b - 2), "ing") && !ends_with(f(target->b - 2), "ed"))
        target = nullptr;
    }
    // "sanctioned several companies, including X and Y": with no actor named as the object,
    // the members the group noun lists are its targets.
    if (!target && !prep_found && (graph::is_event(r) || !vp.objects.empty())) {
      std::size_t from = he;
      for (std::size_t k = from; k + 1 < std::min(e, from + 14); ++k) {
        if (eq(f(k), ";") || eq(f(k), "that") || eq(f(k), "which") || eq(f(k), "but")) break;
        if (k > from && eq(f(k), "including") && eq(f(k - 1), ",")) {
          const Mention* t = first_mention_after(k + 1, k + 2, true);
          if (t && actor(*t) && !(t->flags & (kPronoun | kLocative))) target = t;
          break;
        }
      }
    }
    // "suspended Voltara's licence": the object noun's possessor is the target.
    if (!target && !vp.objects.empty() && obj_at > he)
      for (const auto& m : ms)
        if ((m.flags & kPossessive) && !(m.flags & kPronoun) && actor(m) && m.b >= he &&
            m.e < obj_at && m.e + 4 >= obj_at)
          target = &m;
    bool by_follows = false;
    for (std::size_t k = he; k < std::min(e, he + 12); ++k) {
      if (eq(f(k), "by")) by_follows = true;
      if (eq(f(k), ";") || eq(f(k), "which") || eq(f(k), ",")) break;
    }
    const bool nominal = ends_with(vp.name, "-of") && graph::is_event(r);
    // "Chile's criticism of Peru": the possessive is the agent, not a passive "is".
    const bool possessed_nominal = nominal && h > b && tok(h - 1).type == TokenType::kPossessive;
    const bool passive = ((is_passive(h, he) && !possessed_nominal) || (nominal && by_follows)) &&
                         r != Relation::kLinkedTo && r != Relation::kPartOf &&
                         r != Relation::kMemberOf && (graph::is_event(r) || by_follows) &&
                         // "is funded by a grant from Y": a form that ends in "by" is
                         // passive already and names its agent itself.
                         !(he > h + 1 && eq(f(he - 1), "by"));
    if (nominal && !passive) {
      // "the arrest of X": the agent is a possessor right before ("Canada's arrest of").
      if (!(h > b && tok(h - 1).type == TokenType::kPossessive)) continue;
    }
    std::vector<int> src, dst;
    std::string rule = vp.name;
    // With event-data dictionaries, the lexicon's event carries the CAMEO code the verb
    // dictionary gives this verb when both agree on the PLOVER type.
    if (dict_ != nullptr && graph::is_event(r)) {
      if (dtoks_.size() != e - b) {
        dtoks_.clear();
        for (std::size_t k = b; k < e; ++k) dtoks_.push_back(tok(k).folded);
      }
      const auto vm = dict_->verbs.match(dtoks_, h - b, clause_start(h) - b, e - b);
      const std::string_view code = passive && !vm.passive_code.empty() ? vm.passive_code : vm.code;
      // A verbs dictionary of the user's own decides the type when the two differ.
      const auto pe = dict_->user_verbs ? extract::dictionary::user_event(code)
                                        : extract::dictionary::plover_event(code);
      if (vm.verb && !code.empty() && (pe.relation == r || (dict_->user_verbs && pe.is_event()))) {
        r = pe.relation;
        rule = "cameo:" + std::string(code) + ":" + std::string(vm.block_name) + ":" + rule;
      }
    }
    if (passive) {
      // Agent after "by"; patient is the subject (or the prepositional target).
      const Mention* agent = nullptr;
      std::vector<int> market_state;  // "banned from the Australian market"
      for (std::size_t k = he; k < std::min(e, he + 12); ++k) {
        if (eq(f(k), "by")) {
          agent = first_mention_after(k + 1, k + 6, false);
          break;
        }
        if (eq(f(k), ";") || eq(f(k), "which")) break;
      }
      if (!agent) {
        // "frozen out of the US market", "barred from Britain's networks".
        for (std::size_t k = he; k < std::min(e, he + 5); ++k)
          if (eq(f(k), "of") || eq(f(k), "from")) {
            const Mention* g = first_mention_after(k + 1, k + 4, false);
            if (!g) {
              for (const auto& m : ms)
                if (m.b > k && m.b < k + 4 && (m.flags & kPossessive)) g = &m;
            }
            if (g && ents_[static_cast<std::size_t>(g->ents[0])].kind == Kind::kGovernment) {
              agent = g;
              rule += "+market";
            } else if (!g) {
              // "banned from the Australian market": the demonym's country.
              std::size_t q = k + 1;
              if (q < e && eq(f(q), "the")) ++q;
              const LexiconEntry* dm = nullptr;
              if (q + 1 < e && match_demonym(q, e, &dm) > 0 && dm &&
                  (eq(f(q + 1), "market") || eq(f(q + 1), "markets") || eq(f(q + 1), "network") ||
                   eq(f(q + 1), "networks"))) {
                market_state = {entity_for(*dm)};
                rule += "+market";
              }
            }
            break;
          }
      }
      // "X was charged with fraud", "X is suspected of bribery", "X was fined (by Y) for
      // misleading investors": the wrong is a claim against the subject, by the agent.
      if (has_subj &&
          (r == Relation::kAccuse || r == Relation::kSanction || r == Relation::kCoerce)) {
        // "was convicted of fraud by X": the wrong comes before the agent.
        const bool wrong_first =
            he < e && (eq(f(he), "of") || eq(f(he), "for") || eq(f(he), "with"));
        std::size_t k = agent && agent->b >= he && !wrong_first ? agent->e : he;
        // "accused by activists of ...": an accuser the text does not name.
        if (!agent && k + 2 < e && eq(f(k), "by"))
          for (std::size_t q = k + 1; q < std::min(e, k + 4); ++q)
            if (eq(f(q), "of")) {
              k = q;
              break;
            }
        k = skip_time_phrase(k, e);
        auto [lb, le2] = claim_for(k, h, r != Relation::kAccuse);
        if (le2 > lb) {
          int al = allegation(surface(lb, le2), si);
          if (agent)
            for (int x : agent->ents)
              add(x, al, Relation::kAccuse, rule + ":passive+allegation", si);
          for (int y : subj) add(al, y, Relation::kImplicates, rule + ":passive+allegation", si);
          if (r == Relation::kAccuse) continue;
        }
      }
      // "Both companies were placed on the Entity List": a sanction or arrest without a
      // by-agent is the act of the state or agency the last sentences had as subject.
      std::vector<int> implied;
      std::size_t be = h;
      while (be > b && is(be - 1, kAdverbs)) --be;
      const bool plain_passive =
          be > b &&
          (eq(f(be - 1), "was") || eq(f(be - 1), "were") || eq(f(be - 1), "been") ||
           eq(f(be - 1), "is") || eq(f(be - 1), "are")) &&
          [&] {
            for (std::size_t z = clause_start(h); z < h; ++z)
              if (eq(f(z), "would") || eq(f(z), "could") || eq(f(z), "might") || eq(f(z), "that") ||
                  eq(f(z), "which") || eq(f(z), "if"))
                return false;
            // "X said 300 activists had been jailed": the jailed are the reported clause's
            // own subject, not the speaker.
            for (std::size_t z = has_subj ? subj_end : h; z < h; ++z)
              if (is(z, kSpeechVerbs) || is(z, kReportVerbs)) return false;
            return true;
          }();
      if (!agent && has_subj && plain_passive &&
          (r == Relation::kSanction || r == Relation::kCoerce))
        for (std::size_t q = recent_actors_.size();
             q-- > 0 && q + 4 >= recent_actors_.size() && implied.empty();) {
          const int c = recent_actors_[q];
          const Kind ck = ents_[static_cast<std::size_t>(c)].kind;
          if ((ck == Kind::kGovernment || ck == Kind::kAgency) &&
              std::find(subj.begin(), subj.end(), c) == subj.end())
            implied = {c};
        }
      if (!agent && implied.empty() && market_state.empty()) continue;
      src = agent ? agent->ents : !market_state.empty() ? market_state : implied;
      if (!agent && market_state.empty()) rule += "+implied-agent";
      // "condemned the attack by X": after a determiner the verb is a noun, and its patient
      // is only the one its preposition names ("the attack by X on Y"), never the subject.
      const bool noun_use =
          h > b && (eq(f(h - 1), "the") || eq(f(h - 1), "a") || eq(f(h - 1), "an"));
      // "The decision was welcomed by X": an event named as the subject is the article's
      // main event, judged by the agent (as "X welcomed the decision").
      const auto event_subject = [&] {
        if (has_subj || !agent || main_event_ < 0 || !graph::is_event(r) ||
            cands_[static_cast<std::size_t>(main_event_)].sentence >= static_cast<int>(si))
          return false;
        std::size_t v = h;  // the form of "be" before the participle, past adverbs
        while (v > b && is(v - 1, kAdverbs)) --v;
        if (nominal || v == b || !is(v - 1, kBeForms)) return false;
        const std::size_t cs = clause_start(h);
        return cs + 2 < h && (eq(f(cs), "the") || eq(f(cs), "this")) && is(cs + 1, kEventNouns) &&
               cs + 2 == v - 1;
      };
      if (prep_found && target && target != agent)
        dst = target->ents;
      else if (has_subj && !noun_use)
        dst = subj;
      else if (event_subject()) {
        const Candidate& me = cands_[static_cast<std::size_t>(main_event_)];
        dst = {r == Relation::kRetreat || r == Relation::kConcede ? me.t : me.s};
        rule += "+event";
      } else
        continue;
      // Goods right before a supply participle are what is supplied, to no one named:
      // "recalled tablets sold by Y", "an ingredient supplied by Y".
      if (r == Relation::kSupplies && !is_passive(h, h) && he < e && eq(f(he), "by") && h > b &&
          is_word(h - 1) && !tok(h - 1).cap && !mention_covering(h - 1) && !is(h - 1, kAux) &&
          !is(h - 1, kBeForms) && !is(h - 1, kAdverbs) && !eq(f(h - 1), "and") &&
          !eq(f(h - 1), "or") && !eq(f(h - 1), ",") && !is_who(h - 1) && !eq(f(h - 1), "which") &&
          !eq(f(h - 1), "that") && !is(h - 1, kCustomerNouns))
        continue;
      // The patient of a reduced relative is the noun right before: "a designer owned by".
      if (!is_passive(h, h) && he < e && eq(f(he), "by") && h > b) {
        const Mention* near = nullptr;
        for (const auto& m : ms)
          if (m.e <= h && actor(m)) near = &m;
        if (near && !prep_found) dst = near->ents;
      }
      rule += ":passive";
    } else {
      // Without a subject only a claim stands: "... accused X of Y" still implicates X.
      if (!has_subj && !(r == Relation::kAccuse && target)) continue;
      src = subj;
      const std::size_t rc = clause_start(h);
      // The object slot is empty when the clause ends right after the verb.
      const bool ends_here = he >= e || eq(f(he), ",") || eq(f(he), ".") || eq(f(he), ";");
      const bool relative_object = ends_here && rc > b && rc < h && subj_end > rc &&
                                   subj_end <= h && (eq(f(rc), "which") || eq(f(rc), "whom"));
      if (target && !relative_object) {
        dst = target->ents;
        // "protested against the arrest of X": X suffered the act; the stance is against
        // whoever did it (the latest such act against X), else against no one named.
        if ((r == Relation::kProtest || r == Relation::kAccuse || r == Relation::kReject) &&
            target->b >= he + 2 && eq(f(target->b - 1), "of") &&
            !(target->flags & (kPronoun | kPossessive)))
          if (const auto act = event_noun_relation(f(target->b - 2));
              act && (*act == Relation::kCoerce || *act == Relation::kSanction)) {
            std::vector<int> doer;
            for (std::size_t q = cands_.size(); q-- > 0 && doer.empty();) {
              if (static_cast<int>(si) - cands_[q].sentence > 6) break;
              if (cands_[q].r == *act &&
                  std::find(dst.begin(), dst.end(), cands_[q].t) != dst.end())
                doer = {cands_[q].s};
            }
            if (doer.empty()) continue;
            dst = doer;
            rule += "+patient";
          }
        // An object pronoun is never its own clause's subject ("X sued Y, accusing it of
        // ..."): when the object acts or is blamed ("accusing it of", "urged it to", "fined
        // it for"), it is the last other actor named before it, else no one the text names.
        // ("rejected it" is mostly a thing: left to the rules below.)
        const std::size_t a = target->e;
        if ((target->flags & kPronoun) && !(target->flags & kPossessive) && dst == src &&
            r != Relation::kReject && a < e &&
            (eq(f(a), "of") || eq(f(a), "for") || eq(f(a), "to") || eq(f(a), "with"))) {
          dst.clear();
          for (const auto& m : ms)
            if (m.e <= target->b && actor(m) && !(m.flags & (kPronoun | kPossessive)) &&
                m.ents != src)
              dst = m.ents;
          if (dst.empty()) continue;
        }
      } else if (relative_object) {
        // "X, which Y owns": a relative clause with a subject of its own has the antecedent
        // as its object.
        const std::size_t a = eq(f(rc - 1), ",") ? rc - 1 : rc;
        for (const auto& m : ms)
          if (m.e == a && actor(m) && !(m.flags & (kPronoun | kPossessive))) dst = m.ents;
      }
      // "a member of Merkel's party": the group is the possessed noun, not the person.
      if ((r == Relation::kMemberOf || r == Relation::kPartOf) && target &&
          (target->flags & kPossessive) && !(target->flags & kPronoun) &&
          ents_[static_cast<std::size_t>(target->ents[0])].kind == Kind::kPerson)
        continue;
    }
    // A stake sold to no one named, for a reason ("sold its shares in X over human rights
    // concerns", "citing ..."), is a divestment: a sanction of X.
    if (r == Relation::kSupplies && !passive && !prep_found && has_subj &&
        (eq(f(h), "sold") || eq(f(h), "sells") || eq(f(h), "sell") || eq(f(h), "selling"))) {
      const Mention* owned = nullptr;
      for (std::size_t k = he; k + 2 < std::min(e, he + 8) && !owned; ++k)
        if (is(k, kStakeNouns) && eq(f(k + 1), "in"))
          if (const Mention* m = mention_at(k + 2); m && actor(*m) && !(m->flags & kPronoun))
            owned = m;
      bool reason = false;
      for (std::size_t k = owned ? owned->e : e; k < std::min(e, owned ? owned->e + 4 : e); ++k)
        reason |= eq(f(k), "over") || eq(f(k), "citing") || eq(f(k), "amid") ||
                  (eq(f(k), "because") && k + 1 < e && eq(f(k + 1), "of"));
      if (owned && reason) {
        for (int x : src)
          for (int y : owned->ents) add(x, y, Relation::kSanction, "verb:divest", si);
        continue;
      }
    }
    // A sale of a company, or of a stake in one, changes its owner; it supplies nothing:
    // "sold its 30 percent stake in X to Y", "agreed to sell X to Y" (Y owns X).
    if (r == Relation::kSupplies && !passive && prep_found && target &&
        (eq(f(h), "sold") || eq(f(h), "sells") || eq(f(h), "sell") || eq(f(h), "selling"))) {
      bool stake = false;
      const Mention* owned = nullptr;
      for (std::size_t k = he; k < target->b; ++k) {
        stake |= is(k, kStakeNouns);
        const Mention* m = mention_at(k);
        if (!m || !actor(*m) || (m->flags & kPronoun) || owned) continue;
        const Kind kk = ents_[static_cast<std::size_t>(m->ents[0])].kind;
        if (kk == Kind::kOrganization || kk == Kind::kVendor || kk == Kind::kOperator ||
            kk == Kind::kMedia)
          owned = m;
      }
      if (stake || owned) {
        if (owned)
          for (int y : target->ents)
            for (int x : owned->ents) add(y, x, Relation::kOwns, "verb:sold-to", si);
        continue;
      }
    }
    // Complement clauses: "urged X to <verb> Y".
    if (vp.complement || r == Relation::kThreaten) {
      std::size_t to = h;
      for (std::size_t k = he; k < std::min(e, he + 8); ++k)
        if (eq(f(k), "to") && k + 1 < e && is_word(k + 1)) {
          to = k;
          break;
        }
      if (to != h) {
        bool named_target = target && target->b < to;
        // "threatened to cut supplies to Y": the threatened act did not happen.
        if (named_target || r == Relation::kThreaten) suppressed.emplace_back(to, e);
        if (!named_target && vp.complement) {
          target = nullptr;
          dst.clear();
        }
      } else if (vp.complement_only) {
        continue;
      }
      // "ordered X to <verb>": the infinitive right after the addressee, which must be named.
      if (vp.complement_only && (!target || to != target->e)) continue;
      // An order to stop, ground, recall or close restricts its addressee as a ban does:
      // "ordered the airline to ground its jets" is a request and a sanction.
      if (vp.complement_only && to + 1 < e && has_subj && eq(f(h), "ordered") &&
          in_list(kRestrictiveVerbs, f(to + 1)))
        for (int x : src)
          for (int y : dst) add(x, y, Relation::kSanction, rule + "+restrictive", si);
      // So does an order to pay a penalty: "ordered the miner to pay $2 billion in damages".
      if (vp.complement_only && to + 2 < e && has_subj && eq(f(h), "ordered") &&
          eq(f(to + 1), "pay")) {
        bool penalty = false;
        for (std::size_t q = to + 2; q < std::min(e, to + 10) && !eq(f(q), ","); ++q)
          penalty |= eq(f(q), "damages") || eq(f(q), "fine") || eq(f(q), "fines") ||
                     eq(f(q), "penalty") || eq(f(q), "penalties") || eq(f(q), "compensation") ||
                     eq(f(q), "reparations");
        if (penalty)
          for (int x : src)
            for (int y : dst) add(x, y, Relation::kSanction, rule + "+penalty", si);
      }
    }
    // "joined X in condemning Y", "joined X to demand Y": acting together, no membership.
    if (r == Relation::kMemberOf && eq(f(h), "joined") && target && target->e + 1 < e &&
        ((eq(f(target->e), "in") && ends_with(f(target->e + 1), "ing")) ||
         eq(f(target->e), "to"))) {
      r = Relation::kCooperate;
      rule += ":together";
    }
    // "demanded his release", "called for the release of X": of whoever holds X.
    if (r == Relation::kRequest && !passive && has_subj)
      if (const int jailer =
              jailer_of_release(he, target && !(target->flags & kPossessive) ? target->b : e, si);
          jailer >= 0) {
        dst = {jailer};
        target = nullptr;
        rule += "+release";
      }
    // Allegations and denials (verb_claims.cpp).
    if (verb_claims({vp, h, he, r, rule, src, dst, target, passive, has_subj})) continue;
    // "rejected the demand", "turned down the offer": the one who made it.
    if (dst.empty() && (r == Relation::kReject || r == Relation::kSupport) && has_subj) {
      bool request_np = false, offer_np = false;
      for (std::size_t k = he; k < std::min(e, he + 5) && !eq(f(k), ","); ++k) {
        if (is(k, kRequestNouns)) request_np = true;
        if (eq(f(k), "offer") || eq(f(k), "proposal") || eq(f(k), "invitation")) offer_np = true;
      }
      for (std::size_t q = cands_.size(); q-- > 0 && (request_np || offer_np);) {
        const Candidate& c = cands_[q];
        if (static_cast<int>(si) - c.sentence > 3) break;
        if (((request_np && c.r == Relation::kRequest) || (offer_np && c.r == Relation::kAgree)) &&
            std::find(subj.begin(), subj.end(), c.s) == subj.end()) {
          dst = {c.s};
          rule += "+request";
          break;
        }
      }
    }
    // "opposed the plan", "backed its proposal": the one who put the thing forward, when a
    // clause before said so ("Brazil proposed a tariff").
    if (dst.empty() && has_subj &&
        (r == Relation::kReject || r == Relation::kSupport || r == Relation::kAccuse ||
         r == Relation::kAgree || r == Relation::kConcede || r == Relation::kProtest) &&
        proposal_owner(he, std::min(e, he + 5), subj, dst))
      rule += "+proposal";
    // "X said it would appeal", "both companies plan to appeal": a bare appeal is against
    // the latest penalty or charge the text gave the appellant, within a few sentences.
    if (dst.empty() && vp.name == "verb:appeal-bare" && has_subj &&
        (he >= e || eq(f(he), ".") || eq(f(he), ",") || eq(f(he), ";") || eq(f(he), "against")))
      for (std::size_t q = cands_.size(); q-- > 0;) {
        const Candidate& c = cands_[q];
        if (static_cast<int>(si) - c.sentence > 3) break;
        if ((c.r == Relation::kSanction || c.r == Relation::kCoerce) &&
            std::find(subj.begin(), subj.end(), c.t) != subj.end() &&
            std::find(subj.begin(), subj.end(), c.s) == subj.end()) {
          dst = {c.s};
          rule += "+penalty";
          break;
        }
      }
    // A bare appeal names no one else ("appealed for calm").
    if (dst.empty() && vp.name == "verb:appeal-bare") continue;
    // "condemned the Chinese action", "welcomed the Peruvian decision": the act's owner is
    // named by the demonym before the event noun (whatever the window found further on).
    if (graph::is_event(r) && has_subj && he + 2 < e &&
        (eq(f(he), "the") || eq(f(he), "a") || eq(f(he), "an"))) {
      const LexiconEntry* dm = nullptr;
      const std::size_t dn = tok(he + 1).cap ? match_demonym(he + 1, e, &dm) : 0;
      if (dn > 0 && dm && he + 1 + dn < e && is(he + 1 + dn, kEventNouns))
        if (const int owner = entity_for(*dm);
            owner >= 0 && std::find(src.begin(), src.end(), owner) == src.end()) {
          dst = {owner};
          rule += "+event-owner";
        }
    }
    // Event anaphora: "welcomed the news", "called the decision disappointing" (not for
    // opposition: "opposes the merger" names no one who proposed it).
    if (dst.empty() && graph::is_event(r) && main_event_ >= 0 && vp.name != "verb:oppose" &&
        cands_[static_cast<std::size_t>(main_event_)].sentence < static_cast<int>(si)) {
      bool event_np = false;
      std::size_t event_at = e;
      for (std::size_t k = he; k < std::min(e, he + 8); ++k)
        if (is(k, kEventNouns) || (eq(f(k), "it") && k == he)) {
          event_np = true;
          if (event_at == e) event_at = k;
        }
      if (event_np) {
        // The noun may say which act it is: "defended the arrest" is the latest arrest's,
        // not the article's first event's.
        std::size_t picked = static_cast<std::size_t>(main_event_);
        if (event_at < e)
          if (const auto kind = event_noun_relation(f(event_at)))
            for (std::size_t q = cands_.size(); q-- > 0;) {
              if (static_cast<int>(si) - cands_[q].sentence > 4) break;
              if (cands_[q].r == *kind && cands_[q].sentence < static_cast<int>(si)) {
                picked = q;
                break;
              }
            }
        const Candidate& me = cands_[picked];
        if (r == Relation::kRetreat || r == Relation::kConcede)
          dst = {me.t};
        else
          dst = {me.s};
        // A pact has two parties: "A and B signed a pact ... C welcomed the deal" judges
        // both (the act was mutual when the text gave it both ways, or its noun says so).
        static constexpr std::string_view kMutualNouns[] = {
            "agreement",   "agreements", "deal",  "deals",     "pact",  "accord",    "treaty",
            "partnership", "alliance",   "truce", "ceasefire", "talks", "memorandum"};
        const bool mutual_act = me.r == Relation::kSupport || me.r == Relation::kAgree ||
                                me.r == Relation::kCooperate || me.r == Relation::kConsult;
        bool both = false;
        for (const Candidate& c : cands_)
          both |= c.sentence == me.sentence && c.s == me.t && c.t == me.s && c.r == me.r;
        if (mutual_act && me.t >= 0 &&
            (both || (event_at < e && in_list(kMutualNouns, f(event_at)))) &&
            r != Relation::kRetreat && r != Relation::kConcede && me.t != me.s)
          dst.push_back(me.t);
        // An official does not judge the pact of the state it serves ("the ministers signed
        // the deal"): neither the speaker nor its own government is a party judged here.
        std::erase_if(dst, [&](int t) {
          for (int x : src)
            if (x == t || ents_[static_cast<std::size_t>(x)].part_of ==
                              ents_[static_cast<std::size_t>(t)].name)
              return true;
          return false;
        });
        if (dst.empty()) continue;
        rule += "+event";
      }
    }
    // Praise and blame by adjective: "called it a commendable decision".
    if (vp.name == "verb:praise" || r == Relation::kAccuse || r == Relation::kSupport) {
      // nothing extra
    }
    // Reciprocal: "A and B agreed".
    // A bare reciprocal verb has no object of its own: "A and B met in Lima", "agreed that
    // ...", not "A and B met their targets".
    const bool bare_ok =
        !vp.objects.empty() || he >= e ||
        !(eq(f(he), "the") || eq(f(he), "a") || eq(f(he), "an") || eq(f(he), "their") ||
          eq(f(he), "its") || eq(f(he), "his") || eq(f(he), "her") || eq(f(he), "our") ||
          tok(he).type == TokenType::kNumber);
    if (vp.reciprocal && dst.empty() && src.size() >= 2 && bare_ok) {
      for (int x : src)
        for (int y : src)
          if (x != y) add(x, y, r, rule + ":reciprocal", si);
      last_subject = src;
      continue;
    }
    if (dst.empty() && r == Relation::kSupplies && vp.reverse && vp.name == "verb:customer-of") {
      // "its customers", "Nokia's biggest customers": the possessor is the vendor (the
      // possessor rule below), not the vendor the text is about.
      std::size_t p = h;
      while (p > b && p + 3 > h && is_word(p - 1) && !tok(p - 1).cap && !eq(f(p - 1), "its") &&
             !eq(f(p - 1), "their"))
        --p;
      if (p > b && (tok(p - 1).type == TokenType::kPossessive || eq(f(p - 1), "its") ||
                    eq(f(p - 1), "their")))
        continue;
      // "BT, EE and Three are all customers": of the vendor the text is about.
      for (std::size_t q = recent_subjects_.size(); q-- > lookback_floor(recent_subjects_);) {
        int c = recent_subjects_[q];
        if (ents_[static_cast<std::size_t>(c)].kind == Kind::kVendor) {
          dst = {c};
          break;
        }
      }
      rule = "discourse:" + rule.substr(5) + "-topic";
    }
    // "Ukraine shot down a Russian drone over Kyiv": the actor itself, named as a place after
    // the object, is no target; the object's demonym may name one.
    if (!dst.empty() && dst == src && graph::is_event(r) && !vp.reverse) dst.clear();
    if (dst.empty() && graph::is_event(r) && !passive && !(vp.reciprocal && src.size() >= 2)) {
      // "sanctions against Japanese companies", "ban Chinese firms", "lifted its embargo on
      // Venezuelan oil", "expelled two Russian diplomats": the state behind them.
      for (std::size_t k = he; k < std::min(e, obj_at + 14); ++k) {
        if (eq(f(k), ";") || eq(f(k), "if") || eq(f(k), "unless") || eq(f(k), "because") ||
            eq(f(k), "which") || eq(f(k), "that"))
          break;
        const LexiconEntry* d = nullptr;
        if (tok(k).cap && match_demonym(k, e, &d) > 0 && d && k + 1 < e && is_word(k + 1)) {
          dst = {entity_for(*d)};
          rule += "+demonym";
          break;
        }
      }
    }
    if (dst.empty()) {
      if (has_subj) last_subject = src;
      continue;
    }
    // Ends read by their kinds: people arrested, envoys summoned, recalls, giving
    // (endpoint_rules.cpp).
    if (!endpoint_rules({vp, h, he, r, rule, src, dst, target, passive, has_subj}, r, rule))
      continue;
    if (vp.reverse) std::swap(src, dst);
    emit_all(src, dst, r, rule);
    // An ultimatum: "told X to withdraw or face sanctions" also threatens X.
    if (r == Relation::kRequest && !vp.reverse)
      for (std::size_t z = he; z + 1 < e && z < he + 20 && !eq(f(z), ";"); ++z)
        if (eq(f(z), "or") && (eq(f(z + 1), "face") || eq(f(z + 1), "risk"))) {
          emit_all(src, dst, Relation::kThreaten, rule + "+ultimatum");
          break;
        }
    if (has_subj) last_subject = subj;
  }
}

}  // namespace stakegraph::io::extract
