// Sentence-level rules of relations(): reports by media, verbs of the event-data
// dictionaries, state bodies and titles, compound and possessive ties, judgements, feelings.
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

void ArticleRun::sentence_rules() {
  const std::size_t si = cur_.si;
  std::vector<Mention>& ms = *cur_.ms;
  const std::size_t b = cur_.b, e = cur_.e;
  std::vector<int>& last_subject = cur_.last_subject;
  // ---- sentence-level rules ----
  // Reports by media.
  for (const auto& m : ms) {
    if (m.ents.size() != 1) continue;
    int media = m.ents[0];
    if (ents_[static_cast<std::size_t>(media)].kind != Kind::kMedia) continue;
    std::size_t k = m.e;
    while (k < e && (eq(f(k), "has") || eq(f(k), "had") || eq(f(k), "also") ||
                     eq(f(k), "newspaper") || eq(f(k), "have")))
      ++k;
    std::vector<int> targets;
    if (k < e && is(k, kReportVerbs)) {
      std::size_t v = k + 1;
      while (v < e && (eq(f(v), "on") || tok(v).cap || eq(f(v), ","))) {
        if (eq(f(v), "on") && v + 1 < e && tok(v + 1).cap)
          v += 2;
        else
          break;
      }
      if (v < e && eq(f(v), "that")) {
        if (const Mention* t = first_mention_after(v + 1, v + 10, false)) targets = t->ents;
      } else {
        if (const Mention* t = first_mention_after(v, v + 10, false))
          if (ents_[static_cast<std::size_t>(t->ents[0])].kind != Kind::kMedia) targets = t->ents;
        if (targets.empty()) {
          for (const auto& o : ms)
            if (o.b < m.b && actor(o) && !(o.flags & kPronoun) &&
                ents_[static_cast<std::size_t>(o.ents[0])].kind != Kind::kMedia &&
                !(o.b > b && is(o.b - 1, kPrepositions))) {
              targets = o.ents;
              break;
            }
        }
      }
    } else if (according_to(m.b, b) != std::string_view::npos) {
      for (const auto& c : cands_)
        if (c.sentence == static_cast<int>(si) && graph::is_event(c.r)) targets.push_back(c.s);
      if (targets.empty())
        for (const auto& o : ms)
          if (actor(o) && &o != &m &&
              ents_[static_cast<std::size_t>(o.ents[0])].kind != Kind::kMedia)
            targets = o.ents;
    } else if (m.b > b && (eq(f(m.b - 1), "told") || eq(f(m.b - 1), "tells"))) {
      for (const auto& o : ms)
        if (o.e <= m.b - 1 && o.e + 4 >= m.b && !o.ents.empty() && !(o.flags & kLocative))
          targets = o.ents;
      if (targets.empty() && !speakers_[si].empty()) {
        auto it = by_name_.find(fold(speakers_[si]));
        if (it != by_name_.end()) targets = {it->second};
      }
    } else if (m.b > b && (eq(f(m.b - 1), "in") || eq(f(m.b - 1), "by")) && m.b >= b + 2 &&
               (eq(f(m.b - 2), "report") || eq(f(m.b - 2), "article") ||
                eq(f(m.b - 2), "interview"))) {
      std::size_t v = m.e;
      while (v < e && !is(v, kReportVerbs) && v < m.e + 3) ++v;
      if (v < e && is(v, kReportVerbs))
        if (const Mention* t = first_mention_after(v + 1, v + 10, false)) targets = t->ents;
    }
    for (int t : targets) add(media, t, Relation::kReports, "reports", si, 0.7f);
  }
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
      while (ce < e && !eq(f(ce), ";") && !eq(f(ce), "which") && !eq(f(ce), "who") &&
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
        auto object_after = [&](std::size_t from) {
          std::size_t limit = std::min(ce, from + 4);
          for (std::size_t q = from; q < limit; ++q)
            if (eq(f(q), "that")) limit = q;
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
        if (t && (actor(*t) || far) && !(t->flags & (kUntyped | kPronoun))) {
          dst = t->ents;
        } else if (subj.size() >= 2 && !vm.passive_code.empty() && vm.passive_code == vm.code) {
          // A symmetric code ("[064:064]") with a compound subject and no object: the
          // members do it to one another ("X and Y renewed diplomatic ties").
          dst = subj;
        } else {
          continue;
        }
      }
      const std::string rule = "cameo:" + std::string(code) + ":" + std::string(vm.block_name);
      // A pair the lexicon already gave an event in this sentence keeps that one.
      auto coded_here = [&](int x, int y) {
        for (std::size_t q = cands_.size(); q-- > 0 && cands_[q].sentence == static_cast<int>(si);)
          if (cands_[q].s == x && cands_[q].t == y && graph::is_event(cands_[q].r)) return true;
        return false;
      };
      for (int x : src)
        for (int y : dst)
          if (!coded_here(x, y)) add(x, y, pe.relation, rule, si, 0.6f);
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
  // A state body named in the article (not from the lexicon) belongs to a government: the
  // one its name or its possessor names ("Competition Commission of India", "India's
  // Competition Commission", "the German Federal Aviation Office"), else the government the
  // article is about (the most mentioned one so far).
  for (const auto& m : ms) {
    if (m.ents.size() != 1 || (m.flags & (kPronoun | kGeneric))) continue;
    const int id = m.ents[0];
    if (ents_[static_cast<std::size_t>(id)].kind != Kind::kAgency ||
        ents_[static_cast<std::size_t>(id)].home_checked ||
        !ents_[static_cast<std::size_t>(id)].part_of.empty())
      continue;
    ents_[static_cast<std::size_t>(id)].home_checked = true;
    int gov = -1;
    for (std::size_t k = m.b; k < m.e && gov < 0; ++k) {
      const LexiconEntry* le = nullptr;
      if (match_demonym(k, m.e, &le) > 0 && le)
        gov = entity_for(*le);
      else if (match_lexicon(k, e, &le, k == b) > 0 && le && le->kind == Kind::kGovernment &&
               k + match_lexicon(k, e, &le, k == b) <= m.e)
        gov = entity_for(*le);
    }
    for (const auto& o : ms) {
      if (gov >= 0) break;
      // ("the country's Supreme Court": the possessive ends the description's mention)
      if (o.ents.size() == 1 && (o.e + 1 == m.b || o.e == m.b) && (o.flags & kPossessive) &&
          !(o.flags & kPronoun) &&
          ents_[static_cast<std::size_t>(o.ents[0])].kind == Kind::kGovernment)
        gov = o.ents[0];
    }
    // "the Office for X (OX) of the Organization for Y": an international body's office is
    // part of it, and no state's agency.
    {
      std::size_t q = m.e;
      if (q + 3 < e && eq(f(q), "(") && eq(f(q + 2), ")")) q += 3;
      std::size_t at = q + 1;
      if (at + 1 < e && eq(f(at), "the")) ++at;
      if (gov < 0 && at < e && eq(f(q), "of"))
        if (const Mention* o = mention_at(at);
            o && o->ents.size() == 1 && o->ents[0] != id &&
            ents_[static_cast<std::size_t>(o->ents[0])].kind == Kind::kOrganization &&
            !(o->flags & kPronoun)) {
          ents_[static_cast<std::size_t>(id)].kind = Kind::kOrganization;
          ents_[static_cast<std::size_t>(id)].part_of =
              ents_[static_cast<std::size_t>(o->ents[0])].name;
          continue;
        }
    }
    // "the Competition Board of Kenya" (also its full name).
    if (gov < 0 && m.e + 1 < e && eq(f(m.e), "of"))
      if (const Mention* o = mention_at(m.e + 1);
          o && o->ents.size() == 1 &&
          ents_[static_cast<std::size_t>(o->ents[0])].kind == Kind::kGovernment) {
        gov = o->ents[0];
        if (!(o->flags & kPossessive)) add_alias(id, surface(m.b, o->e));
      }
    if (gov < 0 && m.b > b) {
      for (std::size_t d = m.b; d-- > b && d + 3 >= m.b;) {
        const LexiconEntry* dm = nullptr;
        if (match_demonym(d, m.b, &dm) == m.b - d && dm) {
          gov = entity_for(*dm);
          break;
        }
      }
    }
    // "Japan may follow, although its Ministry of X said ...": the government "its" stands
    // for, the nearest one named before it in the paragraph.
    if (gov < 0 && m.b > b && eq(f(m.b - 1), "its"))
      gov = context_government(si, m.b - 1, {}, true);
    if (gov < 0) gov = home_government({});
    if (gov >= 0 && gov != id)
      ents_[static_cast<std::size_t>(id)].part_of = ents_[static_cast<std::size_t>(gov)].name;
  }
  // Titles, roles and appositions: part_of for persons; lexicon background for agencies.
  for (const auto& m : ms) {
    for (int id : m.ents) {
      const Ent& en = ents_[static_cast<std::size_t>(id)];
      if (!en.part_of.empty() && (en.kind == Kind::kPerson || en.kind == Kind::kAgency ||
                                  (en.kind == Kind::kOrganization && en.part_of_body))) {
        // Copies: government_named() may add an entity, which moves ents_ (and `en`).
        const Kind kind = en.kind;
        const bool from_context = en.part_of_from_context;
        const std::string part_of = en.part_of;
        int parent = -1;
        auto it = by_name_.find(fold(part_of));
        if (it != by_name_.end())
          parent = it->second;
        else
          parent = government_named(part_of);
        add(id, parent, Relation::kPartOf,
            kind != Kind::kPerson ? "institution"
            : from_context        ? "discourse:title"
                                  : "title",
            si, 0.8f);
      }
    }
  }
  // "Alphabet-owned Google", "a Tarsk-controlled bank": the owner named in a compound.
  for (std::size_t k = b; k + 1 < e; ++k) {
    if (!tok(k).cap || tok(k).type != TokenType::kWord) continue;
    const std::string_view w = f(k);
    std::size_t cut = 0;
    if (ends_with(w, "-owned"))
      cut = 6;
    else if (ends_with(w, "-controlled"))
      cut = 11;
    if (cut == 0 || w.size() <= cut + 1) continue;
    const Mention* owned = mention_at(k + 1);
    if (!owned || !actor(*owned) || owned->ents.size() != 1) continue;
    const std::string surf = surface(k, k + 1);
    const std::string owner_name = surf.substr(0, surf.size() - cut);
    if (lex_.find_demonym(owner_name) != nullptr) continue;  // "Chinese-owned": no owner named
    // "State-owned", "Family-controlled", "Majority-owned": a kind of owner, not a name.
    static constexpr std::string_view kOwnerWords[] = {
        "state",  "government", "family",  "foreign",  "privately", "publicly", "majority",
        "wholly", "partly",     "jointly", "employee", "locally",   "military", "party"};
    if (std::find(std::begin(kOwnerWords), std::end(kOwnerWords), fold(owner_name)) !=
        std::end(kOwnerWords))
      continue;
    int owner = -1;
    if (const LexiconEntry* le = lex_.find(owner_name))
      owner = entity_for(*le);
    else if (auto it = gazetteer_.find(fold(owner_name)); it != gazetteer_.end())
      owner = it->second;
    else
      owner = entity_named(owner_name, Kind::kOrganization, true);
    add(owner, owned->ents[0], Relation::kOwns, "compound-owned", si);
  }
  // "Kenyan state-owned Tarn Telecom", "the Chinese state-owned firm X": the demonym's state
  // owns the company.
  for (std::size_t k = b + 1; k + 1 < e; ++k) {
    const std::string_view w = f(k);
    if (!(eq(w, "state-owned") || eq(w, "state-controlled") || eq(w, "government-owned") ||
          eq(w, "state-run")))
      continue;
    const LexiconEntry* dm = nullptr;
    if (!tok(k - 1).cap || match_demonym(k - 1, k, &dm) == 0 || !dm) continue;
    std::size_t q = k + 1;
    while (q < e && q < k + 3 && is_word(q) && !tok(q).cap) ++q;
    const Mention* owned = q < e ? mention_at(q) : nullptr;
    if (!owned || !actor(*owned) || owned->ents.size() != 1) continue;
    const int owner = entity_for(*dm);
    if (owner != owned->ents[0]) add(owner, owned->ents[0], Relation::kOwns, "state-owned", si);
  }
  // Where the noun phrase the possessive at `at` describes ends: before "Y, X's ...",
  // "Y is X's ...", "Y, which is X's ..." (at itself when nothing comes before).
  auto described_before = [&](std::size_t at) {
    std::size_t p = at;
    if (p > b && (eq(f(p - 1), "is") || eq(f(p - 1), "was") || eq(f(p - 1), "remains") ||
                  eq(f(p - 1), "became")))
      --p;
    if (p > b && eq(f(p - 1), "which")) --p;
    if (p > b && eq(f(p - 1), ",")) --p;
    return p;
  };
  // "Y, X's largest customer", "Y is X's main supplier": a supply tie named by a
  // possessive. Y is the apposed name before, or the subject of a copula ("is", "which is").
  for (const auto& m : ms) {
    if (!(m.flags & kPossessive) || (m.flags & kPronoun) || m.ents.size() != 1 || !actor(m))
      continue;
    std::size_t k = m.e;
    while (k < e && k < m.e + 3 && is(k, kTieAdjectives)) ++k;
    if (k >= e) continue;
    const bool customer =
        is(k, kCustomerNouns) || eq(f(k), "customer") || eq(f(k), "client") || eq(f(k), "buyer");
    const bool supplier =
        is(k, kSupplierNouns) || eq(f(k), "supplier") || eq(f(k), "vendor") || eq(f(k), "provider");
    if (!customer && !supplier) continue;
    if (k + 1 < e && eq(f(k + 1), "of")) continue;  // "X's customer of choice"
    const std::size_t p = described_before(m.b);
    const Mention* y = nullptr;
    for (const auto& o : ms)
      if (o.e == p && actor(o) && !(o.flags & kPossessive) && &o != &m) y = &o;
    if (!y || p == m.b) continue;
    for (int other : y->ents) {
      if (customer)
        add(m.ents[0], other, Relation::kSupplies, "possessive-customer", si);
      else
        add(other, m.ents[0], Relation::kSupplies, "possessive-supplier", si);
    }
  }
  // Ownership named by a possessive: "Y, X's parent company" and "X's owner, Y" (Y owns X);
  // "Y, X's mining arm", "X's subsidiary, Y" and "X's Y unit" (X owns Y).
  for (const auto& m : ms) {
    if (!(m.flags & kPossessive) || (m.flags & kPronoun) || m.ents.size() != 1 || !actor(m))
      continue;
    std::size_t k = m.e;
    const Mention* inner = nullptr;  // "X's Y unit"
    while (k < e && k < m.e + 3) {
      if (const Mention* in = mention_at(k); in && actor(*in) && !inner && in->ents.size() == 1) {
        inner = in;
        k = in->e;
        continue;
      }
      if (!is_word(k) || tok(k).cap) break;
      const std::string_view w = f(k);
      if (eq(w, "parent") || eq(w, "owner") || eq(w, "unit") || eq(w, "subsidiary") ||
          eq(w, "arm") || eq(w, "division") || eq(w, "affiliate") || eq(w, "shareholder"))
        break;
      ++k;
    }
    if (k >= e) continue;
    const std::string_view noun = f(k);
    // "X's largest shareholder, Y": a shareholder owns part of X.
    const bool up = eq(noun, "parent") || eq(noun, "owner") || eq(noun, "shareholder");
    const bool down = eq(noun, "unit") || eq(noun, "subsidiary") || eq(noun, "arm") ||
                      eq(noun, "division") || eq(noun, "affiliate");
    if (!up && !down) continue;
    std::size_t ne = k + 1;
    if (ne < e && (eq(f(ne), "company") || eq(f(ne), "group") || eq(f(ne), "firm"))) ++ne;
    if (ne < e && eq(f(ne), "of")) continue;
    const Mention* y = down ? inner : nullptr;
    if (inner && up) continue;
    if (!y) {
      const std::size_t p = described_before(m.b);
      if (p != m.b)
        for (const auto& o : ms)
          if (o.e == p && actor(o) && !(o.flags & kPossessive) && &o != &m && o.ents.size() == 1)
            y = &o;
    }
    if (!y && ne + 1 < e && eq(f(ne), ",")) {
      const Mention* o = mention_at(ne + 1);
      if (o && actor(*o) && o->ents.size() == 1 && o->e < e &&
          (eq(f(o->e), ",") || eq(f(o->e), ".")))
        y = o;
    }
    if (!y || y->ents[0] == m.ents[0]) continue;
    if (up)
      add(y->ents[0], m.ents[0], Relation::kOwns, "possessive-parent", si);
    else
      add(m.ents[0], y->ents[0], Relation::kOwns, "possessive-unit", si);
  }
  // "the Bureau of Mines of the Andean Development Bank", "the Office for Fair Elections
  // (OFE) of the Union of Andean States": a body of a named body is part of it.
  for (const auto& m : ms) {
    if (m.ents.size() != 1 || (m.flags & (kPronoun | kPossessive | kGeneric))) continue;
    const Kind ak = ents_[static_cast<std::size_t>(m.ents[0])].kind;
    if (ak != Kind::kAgency && ak != Kind::kOrganization) continue;
    std::size_t k = m.e;
    if (k + 2 < e && eq(f(k), "(") && eq(f(k + 2), ")")) k += 3;
    if (!(k + 2 < e && eq(f(k), "of") && eq(f(k + 1), "the"))) continue;
    const Mention* o = mention_at(k + 2);
    if (!o || o->ents.size() != 1 || o->ents[0] == m.ents[0] || !actor(*o)) continue;
    const Kind bk = ents_[static_cast<std::size_t>(o->ents[0])].kind;
    // The second is named as a body ("Bank", "Union", "Organization"), not a place.
    auto body_named = [&](const Mention& x) {
      for (std::size_t q = x.b; q < x.e; ++q)
        if (is(q, kOrgSuffix) || is(q, kAgencySuffix)) return true;
      return false;
    };
    if ((bk == Kind::kAgency || bk == Kind::kOrganization) && body_named(*o))
      add(m.ents[0], o->ents[0], Relation::kPartOf, "body-of-body", si);
  }
  // "Y, Peru's largest copper miner": a company that is a country's largest (biggest,
  // leading, ...) of its trade operates in that country.
  for (const auto& m : ms) {
    if (!(m.flags & kPossessive) || (m.flags & kPronoun) || m.ents.size() != 1 || !actor(m) ||
        ents_[static_cast<std::size_t>(m.ents[0])].kind != Kind::kGovernment)
      continue;
    std::size_t k = m.e;
    while (k < e && k < m.e + 3 && is(k, kTieAdjectives)) ++k;
    if (k == m.e || k >= e || !is_word(k) || tok(k).cap || is(k, kPersonRoles) ||
        is(k, kCustomerNouns) || is(k, kSupplierNouns))
      continue;
    const std::size_t p = described_before(m.b);
    if (p == m.b) continue;
    for (const auto& o : ms) {
      if (o.e != p || !actor(o) || (o.flags & kPossessive) || o.ents.size() != 1) continue;
      const Kind ok = ents_[static_cast<std::size_t>(o.ents[0])].kind;
      if (ok == Kind::kOrganization || ok == Kind::kVendor || ok == Kind::kOperator)
        add(o.ents[0], m.ents[0], Relation::kOperatesIn, "possessive-market", si);
    }
  }
  // Penalties as nouns: "Chile's ban on Peruvian fish" (the possessor bans), "the fine
  // imposed on X by Y" (the by-agent imposes). The target is the actor (or the country of
  // the demonym) right after "on"/"against".
  for (std::size_t k = b; k < e; ++k) {
    const std::string_view w = f(k);
    if (!(eq(w, "ban") || eq(w, "sanctions") || eq(w, "embargo") || eq(w, "tariffs") ||
          eq(w, "fine") || eq(w, "penalty") || eq(w, "boycott") || eq(w, "curbs")))
      continue;
    auto target_after = [&](std::size_t q) -> std::vector<int> {
      if (q < e && eq(f(q), "the")) ++q;
      return q < e ? actor_or_state_at(q) : std::vector<int>{};
    };
    std::vector<int> src, dst;
    std::size_t p = k;  // the possessor: "Chile's (new) ban"
    while (p > b && p + 2 > k && tok(p - 1).type == TokenType::kWord && !tok(p - 1).cap) --p;
    for (const auto& m : ms)
      if ((m.flags & kPossessive) && !(m.flags & kPronoun) && actor(m) &&
          (m.e == p || (m.e + 1 == p && tok(m.e).type == TokenType::kPossessive)))
        src = m.ents;
    if (!src.empty() && k + 1 < e && (eq(f(k + 1), "on") || eq(f(k + 1), "against")))
      dst = target_after(k + 2);
    // "the fine imposed on X by Y".
    if (src.empty() && k + 3 < e &&
        (eq(f(k + 1), "imposed") || eq(f(k + 1), "levied") || eq(f(k + 1), "slapped")) &&
        eq(f(k + 2), "on")) {
      dst = target_after(k + 3);
      for (std::size_t q = k + 3; q < std::min(e, k + 9) && !dst.empty(); ++q)
        if (eq(f(q), "by")) {
          if (const Mention* a = first_mention_after(q + 1, q + 3, false); a && actor(*a))
            src = a->ents;
          break;
        }
    }
    // "the sanctions against X were imposed by Y".
    if (src.empty() && k + 2 < e && (eq(f(k + 1), "on") || eq(f(k + 1), "against"))) {
      dst = target_after(k + 2);
      std::size_t q = k + 3;
      while (q < std::min(e, k + 8) && !eq(f(q), "imposed") && !eq(f(q), "introduced") &&
             !eq(f(q), "announced") && !eq(f(q), "levied") && !eq(f(q), ","))
        ++q;
      if (!dst.empty() && q + 2 < e && !eq(f(q), ",") && eq(f(q + 1), "by"))
        if (const Mention* a = first_mention_after(q + 2, q + 4, false); a && actor(*a))
          src = a->ents;
    }
    if (src.empty() || dst.empty() || negated(b, k)) continue;
    for (int x : src)
      for (int y : dst)
        if (x != y) add(x, y, Relation::kSanction, "nominal:penalty", si);
  }
  // "<Government> sanctions/blacklisting/ban ... X": SANCTION.
  for (const auto& m : ms) {
    if (m.ents.size() != 1 || m.e >= e) continue;
    if (ents_[static_cast<std::size_t>(m.ents[0])].kind != Kind::kGovernment) continue;
    std::string_view nw = f(m.e);
    if (!(eq(nw, "sanctions") || eq(nw, "blacklisting") || eq(nw, "ban") || eq(nw, "embargo") ||
          eq(nw, "restrictions") || eq(nw, "curbs")))
      continue;
    if (negated(b, m.b)) continue;
    for (const auto& t : ms)
      if (t.b > m.e && t.b < m.e + 10 && actor(t) &&
          ents_[static_cast<std::size_t>(t.ents[0])].kind != Kind::kGovernment) {
        for (int y : t.ents) add(m.ents[0], y, Relation::kSanction, "nominal:sanctions", si);
        break;
      }
  }
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
    emit_all(judge, judged, sign > 0 ? Relation::kSupport : Relation::kAccuse,
             is(k, kEventNouns) ? "event-judgement" : "speaker-judgement");
  }
  // Denials by judgement: "X called the allegations baseless", "X said the claims were
  // false": X rejects the latest claim made against it (else the latest claim).
  for (std::size_t k = b; k + 1 < e && has_words(kAllegationNouns) && !allegations_.empty(); ++k) {
    if (!is(k, kAllegationNouns) || eq(f(k), "reports") || eq(f(k), "concerns")) continue;
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
