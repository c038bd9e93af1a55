// Rules of relations() on appositions and clauses: titles in apposition, heads of
// bodies, allies, markets, warnings of consequences, requests, claims and perceived risks.
#include "io/extract/run.hpp"

namespace stakegraph::io::extract {

void ArticleRun::apposition_rules() {
  const std::size_t si = cur_.si;
  std::vector<Mention>& ms = *cur_.ms;
  const std::size_t b = cur_.b, e = cur_.e;
  // A body and who runs or owns it, in a relative clause whose subject is named: "the Air
  // Service (UNAS), which the WFP manages" (part_of), "Kestrel Mobile, which Norvell owns"
  // (owns).
  for (std::size_t k = b + 1; k + 2 < e; ++k) {
    if (!(eq(f(k), "which") || eq(f(k), "that")) || !eq(f(k - 1), ",")) continue;
    const Mention* ante = nullptr;  // the name before the comma, past an acronym in brackets
    std::size_t before = k - 1;
    if (before >= b + 3 && eq(f(before - 1), ")") && eq(f(before - 3), "(")) before -= 3;
    for (const auto& o : ms)
      if (o.e == before && o.ents.size() == 1 && actor(o) && !(o.flags & kPronoun)) ante = &o;
    const Mention* runner = mention_at(eq(f(k + 1), "the") ? k + 2 : k + 1);
    if (!ante || !runner || !actor(*runner) || (runner->flags & (kPronoun | kPossessive)) ||
        runner->ents.size() != 1 || runner->e >= e)
      continue;
    std::size_t v = runner->e;
    if (v < e && (is(v, kAux) || is(v, kAdverbs))) ++v;  // "which X has run", "also owns"
    if (v >= e) continue;
    const std::string_view w = f(v);
    const int body = ante->ents[0], owner = runner->ents[0];
    if (body == owner || negated(runner->e, v)) continue;
    if (eq(w, "manages") || eq(w, "managed") || eq(w, "runs") || eq(w, "run") ||
        eq(w, "operates") || eq(w, "operated") || eq(w, "oversees") || eq(w, "administers"))
      add(body, owner, Relation::kPartOf, "relative-runs", si);
    else if (eq(w, "owns") || eq(w, "owned") || eq(w, "controls") || eq(w, "controlled"))
      add(owner, body, Relation::kOwns, "relative-owns", si);
  }
  // Titles in apposition: "Ed Brewster, a spokesman for Huawei", "Jan Olsen, minister of
  // defence of Norway", "Ana Lopez, Spain's foreign minister" (part_of). After the role
  // word, "of" phrases that name no actor are passed over ("of defence of Norway"); "in
  // <country>" counts for a government title ("a senior lawmaker in Norway").
  for (std::size_t i = 0; i < ms.size(); ++i) {
    const Mention& m = ms[i];
    if (m.ents.size() != 1 || m.e + 2 >= e || !eq(f(m.e), ",")) continue;
    if (ents_[static_cast<std::size_t>(m.ents[0])].kind != Kind::kPerson) continue;
    std::size_t k = m.e + 1;
    const bool determiner = eq(f(k), "a") || eq(f(k), "an") || eq(f(k), "the");
    if (determiner) ++k;
    // An apposition opens with a determiner, a name or a title: "X, met Y's minister" is
    // X's verb, not X's title.
    if (!determiner && !mention_at(k) && !is(k, kPersonRoles) && !is(k, kRoleTitles)) continue;
    auto part_of_ok = [&](const Mention* o) {
      if (!o || o->ents.empty() || o == &m || (o->flags & kUntyped)) return false;
      // A place inside a longer name ("the London Stock Exchange") is not the body.
      if (o->e < e && tok(o->e).cap && tok(o->e).type == TokenType::kWord &&
          !(o->flags & kPossessive))
        return false;
      const Kind ok = ents_[static_cast<std::size_t>(o->ents[0])].kind;
      return ok != Kind::kPerson && ok != Kind::kAllegation && ok != Kind::kMedia;
    };
    // "<Country>'s (foreign) minister".
    if (const Mention* o = mention_at(k); o && (o->flags & kPossessive) && part_of_ok(o)) {
      bool role = false;
      for (std::size_t r = o->e; r < std::min<std::size_t>(e, o->e + 4) && is_word(r) && !role; ++r)
        role = is(r, kPersonRoles);
      if (role) add(m.ents[0], o->ents[0], Relation::kPartOf, "apposition:role", si);
      continue;
    }
    // "<Person>, a <Body> <role>": "Ana Brook, a Green Party campaign manager".
    if (const Mention* o = mention_at(k); o && part_of_ok(o) && !(o->flags & kPossessive)) {
      bool role = false;
      for (std::size_t r = o->e; r < std::min<std::size_t>(e, o->e + 3) && is_word(r) && !role; ++r)
        role = is(r, kPersonRoles);
      if (role) {
        add(m.ents[0], o->ents[0], Relation::kPartOf, "apposition:role", si);
        continue;
      }
    }
    bool role = false, gov_role = false;
    for (; k < std::min<std::size_t>(e, m.e + 12); ++k) {
      if (is(k, kPersonRoles)) role = true;
      if (is(k, kGovTitles)) gov_role = true;
      const bool prep = eq(f(k), "for") || eq(f(k), "of") || eq(f(k), "at") || eq(f(k), "with") ||
                        (eq(f(k), "in") && gov_role);
      if (role && prep) {
        const Mention* o = mention_at(k + 1);
        if (!o && k + 2 < e && eq(f(k + 1), "the")) o = mention_at(k + 2);
        if (part_of_ok(o) && !(eq(f(k), "in") && ents_[static_cast<std::size_t>(o->ents[0])].kind !=
                                                     Kind::kGovernment)) {
          add(m.ents[0], o->ents[0], Relation::kPartOf, "apposition:role", si);
          break;
        }
        if (eq(f(k), "of") && !o && k + 1 < e && is_word(k + 1) && !tok(k + 1).cap) continue;
        break;
      }
      if (eq(f(k), ",") || (!role && k > m.e + 6)) break;
    }
  }
  // "<Person> of the <Body>": "Tomas Reyes of the Green Party" (a body, not a country: "of
  // Canada" is where the person is from).
  for (const auto& m : ms) {
    if (m.ents.size() != 1 || m.e + 2 >= e || !eq(f(m.e), "of")) continue;
    Ent& pe = ents_[static_cast<std::size_t>(m.ents[0])];
    // An untyped two- or three-word name "of the <party or group>" is a person's.
    const bool untyped_name =
        (m.flags & kUntyped) && m.e - m.b >= 2 && m.e - m.b <= 3 && eq(f(m.e + 1), "the");
    if (pe.kind != Kind::kPerson && !untyped_name) continue;
    const Mention* o = mention_at(eq(f(m.e + 1), "the") ? m.e + 2 : m.e + 1);
    if (!o || o->ents.size() != 1 || (o->flags & (kUntyped | kPossessive))) continue;
    const Kind ok = ents_[static_cast<std::size_t>(o->ents[0])].kind;
    if (untyped_name && ok != Kind::kOrganization) continue;
    if (ok == Kind::kOrganization || ok == Kind::kAgency || ok == Kind::kVendor ||
        ok == Kind::kOperator) {
      if (untyped_name) {
        pe.kind = Kind::kPerson;
        pe.typed = true;
      }
      add(m.ents[0], o->ents[0], Relation::kPartOf, "person-of", si);
    }
  }
  // "<Body>, part of <Body>" and "<Company>, a unit of <Company>".
  for (const auto& m : ms) {
    if (m.ents.size() != 1 || m.e + 3 >= e || !eq(f(m.e), ",") || (m.flags & kPossessive)) continue;
    std::size_t k = m.e + 1;
    if (eq(f(k), "a") || eq(f(k), "an") || eq(f(k), "the")) ++k;
    while (k < e && k < m.e + 5 && is_word(k) && !tok(k).cap && !eq(f(k), "part") &&
           !eq(f(k), "unit") && !eq(f(k), "subsidiary") && !eq(f(k), "arm") &&
           !eq(f(k), "division") && !eq(f(k), "branch") && !eq(f(k), "wing"))
      ++k;
    if (k + 2 >= e || !eq(f(k + 1), "of")) continue;
    const bool part = eq(f(k), "part") || eq(f(k), "branch") || eq(f(k), "wing");
    const bool unit =
        eq(f(k), "unit") || eq(f(k), "subsidiary") || eq(f(k), "arm") || eq(f(k), "division");
    if (!part && !unit) continue;
    std::size_t o_at = k + 2;
    while (o_at < e && o_at < k + 6 && is_word(o_at) && !tok(o_at).cap) ++o_at;
    const Mention* o = mention_at(o_at);
    // "a unit of Canada's Northbridge Resources": the possessed name owns, not its country.
    if (o && (o->flags & kPossessive) && !(o->flags & kPronoun))
      if (const Mention* owned = mention_at(o->e); owned && actor(*owned)) o = owned;
    if (!o || o->ents.size() != 1 || (o->flags & kUntyped) || o->ents[0] == m.ents[0]) continue;
    const Kind mk = ents_[static_cast<std::size_t>(m.ents[0])].kind;
    const bool companies =
        mk == Kind::kOrganization || mk == Kind::kVendor || mk == Kind::kOperator;
    if (unit && companies)
      add(o->ents[0], m.ents[0], Relation::kOwns, "apposition:unit", si);
    else
      add(m.ents[0], o->ents[0], Relation::kPartOf, "apposition:part", si);
  }
  // Heads of bodies: "X, ..., who chairs/heads/leads Y": X is part of Y.
  for (std::size_t k = b + 1; k + 1 < e && has_words(kWho); ++k) {
    if (!is_who(k)) continue;
    const std::string_view v = f(k + 1);
    if (!(eq(v, "chairs") || eq(v, "heads") || eq(v, "leads") || eq(v, "runs") ||
          eq(v, "chaired") || eq(v, "headed") || eq(v, "led") || eq(v, "ran")))
      continue;
    const Mention* body = first_mention_after(k + 2, k + 5, true);
    if (!body || body->ents.empty()) continue;
    const Kind bk = ents_[static_cast<std::size_t>(body->ents[0])].kind;
    if (bk == Kind::kPerson || bk == Kind::kAllegation || bk == Kind::kMedia) continue;
    const Mention* person = nullptr;  // the nearest person before, in the same clause
    for (const auto& pm : ms)
      if (pm.e <= k && pm.e + 14 > k && pm.ents.size() == 1 &&
          !(pm.flags & (kPronoun | kPossessive)) &&
          ents_[static_cast<std::size_t>(pm.ents[0])].kind == Kind::kPerson)
        person = &pm;
    for (std::size_t z = person ? person->e : k; z < k; ++z)
      if (eq(f(z), ";") || eq(f(z), "which") || eq(f(z), "that")) person = nullptr;
    if (person) add(person->ents[0], body->ents[0], Relation::kPartOf, "heads", si);
  }
  // "X, a Kestrel subsidiary,": the company named in the apposition owns X.
  for (const auto& m : ms) {
    if (m.ents.size() != 1 || m.e + 3 >= e || !eq(f(m.e), ",") ||
        !(eq(f(m.e + 1), "a") || eq(f(m.e + 1), "an")) || (m.flags & kPronoun))
      continue;
    const Mention* o = mention_at(m.e + 2);
    if (o == nullptr || o->ents.size() != 1 || o->ents[0] == m.ents[0] || o->e >= e ||
        (o->flags & kPronoun))
      continue;
    static constexpr std::string_view kUnitNouns[] = {"subsidiary", "unit", "affiliate",
                                                      "division",   "arm",  "subsidiaries"};
    const Kind ok = ents_[static_cast<std::size_t>(o->ents[0])].kind;
    const Kind mk = ents_[static_cast<std::size_t>(m.ents[0])].kind;
    const auto company = [](Kind k) {
      return k == Kind::kOrganization || k == Kind::kVendor || k == Kind::kOperator ||
             k == Kind::kMedia;
    };
    if (in_list(kUnitNouns, f(o->e)) && company(ok) && company(mk))
      add(o->ents[0], m.ents[0], Relation::kOwns, "apposition:subsidiary", si);
  }
  // "X, its (main) ally": allied_with.
  for (std::size_t i = 0; i < ms.size(); ++i) {
    const Mention& m = ms[i];
    if (m.e + 2 >= e || !eq(f(m.e), ",") || (!eq(f(m.e + 1), "its") && !eq(f(m.e + 1), "their")))
      continue;
    bool ally = false;
    for (std::size_t k = m.e + 2; k < std::min<std::size_t>(e, m.e + 6); ++k)
      if (eq(f(k), "ally") || eq(f(k), "allies") || eq(f(k), "partner")) ally = true;
    if (!ally) continue;
    for (std::size_t j = i; j-- > 0;)
      if (actor(ms[j]) && !(ms[j].flags & kPronoun)) {
        for (int x : ms[j].ents)
          for (int y : m.ents) add(x, y, Relation::kAlliedWith, "apposition:ally", si);
        break;
      }
  }
  // Operators' markets: "British operators", "the country's operators", "Japan's three big
  // operators", "the UK, where BT ... are customers".
  for (std::size_t i = 0; i < ms.size(); ++i) {
    const Mention& m = ms[i];
    if (m.ents.size() != 1) continue;
    int g = m.ents[0];
    if (ents_[static_cast<std::size_t>(g)].kind != Kind::kGovernment) continue;
    bool market = false;
    for (std::size_t k = m.e; k < std::min<std::size_t>(e, m.e + 4); ++k)
      if (eq(f(k), "operators") || eq(f(k), "carriers") || eq(f(k), "telcos")) market = true;
    if (m.e + 1 < e && eq(f(m.e), ",") && eq(f(m.e + 1), "where")) market = true;
    if (!market) continue;
    pending_markets_.emplace_back(g, si);
  }
  if (sent_mentions_[si].empty()) {
  }
  {
    // British operators (demonym + operators) are recognised as government mentions
    // only when a role noun follows; look for them directly.
    for (std::size_t k = b; k + 1 < e && has_words(kMarketNouns); ++k) {
      if (!is(k + 1, kMarketNouns)) continue;
      const LexiconEntry* d = nullptr;
      if (match_demonym(k, k + 1, &d) > 0 && d) pending_markets_.emplace_back(entity_for(*d), si);
    }
  }
  for (const auto& [g, gs] : pending_markets_) {
    if (gs != si && gs + 1 != si) continue;
    for (const auto& m : ms)
      for (int id : m.ents)
        if (ents_[static_cast<std::size_t>(id)].kind == Kind::kOperator && !(m.flags & kModifier))
          add(id, g, Relation::kOperatesIn, gs == si ? "market" : "discourse:market", si, 0.6f);
  }
  // Warnings of consequences: "X warned (Y) that Z would/will <verb> ...", "X wrote to Y
  // warning that ...": X threatens the warned party. The warned party is the object of the
  // warning, else the addressee of the message ("wrote to Y", "told Y"; a titled person
  // stands for the government they are part of), else the actor a consequence is aimed at
  // ("would cut supplies to Y").
  for (std::size_t k = b; k + 2 < e && has_words(kWarnVerbs); ++k) {
    if (!is(k, kWarnVerbs)) continue;
    std::size_t j = k + 1;
    const Mention* object = mention_at(j);
    if (object && actor(*object))
      j = object->e;
    else
      object = nullptr;
    if (j >= e || !eq(f(j), "that")) continue;
    bool consequence = false;
    for (std::size_t z = j + 1; z < std::min(e, j + 14) && !eq(f(z), ";"); ++z)
      consequence |= eq(f(z), "would") || eq(f(z), "will");
    if (!consequence) continue;
    std::vector<int> warner;
    std::size_t se = b;
    if (!subject_of(k, warner, &se) || negated(se, k)) continue;
    bool already = false;  // the verb lexicon's "warned Y" already made the edge
    for (const auto& c : cands_)
      already |= c.sentence == static_cast<int>(si) && c.r == Relation::kThreaten;
    if (already) continue;
    std::vector<int> warned;
    if (object) {
      warned = object->ents;
    } else {
      // The addressee: "wrote to (title words) Y" / "told Y" between the warner and k.
      for (const auto& m : ms) {
        if (m.b < se || m.e > k || !actor(m) || (m.flags & kPronoun)) continue;
        std::size_t t = m.b;
        while (t > se && is_word(t - 1) && is(t - 1, kRoleTitles)) --t;
        const bool to_addressee = (t > se && eq(f(t - 1), "to") && t >= b + 2 &&
                                   (is(t - 2, kSpeechVerbs) || eq(f(t - 2), "letter"))) ||
                                  (t > se && (eq(f(t - 1), "told") || eq(f(t - 1), "tells")));
        if (!to_addressee) continue;
        warned = m.ents;
        for (int& w : warned) {
          const Ent& we = ents_[static_cast<std::size_t>(w)];
          if (we.kind != Kind::kPerson || we.part_of.empty()) continue;
          auto it = by_name_.find(fold(we.part_of));
          if (it != by_name_.end() &&
              ents_[static_cast<std::size_t>(it->second)].kind == Kind::kGovernment)
            w = it->second;
        }
      }
      // The target of a consequence: "would cut gas supplies to Y".
      for (std::size_t z = j + 1; warned.empty() && z + 1 < std::min(e, j + 16); ++z) {
        if (!(eq(f(z), "to") || eq(f(z), "against") || eq(f(z), "on") || eq(f(z), "with")))
          continue;
        if (const Mention* t = first_mention_after(z + 1, z + 3, true)) warned = t->ents;
      }
    }
    emit_all(warner, warned, Relation::kThreaten, "warning");
  }
  // Possessor as subject: "<A>'s (biggest) customers include X, Y and Z" (A supplies them),
  // "<A>'s suppliers include X" (X supplies A).
  for (const auto& m : ms) {
    if (!(has_words(kCustomerNouns) || has_words(kSupplierNouns))) break;
    if (!(m.flags & kPossessive) || m.ents.empty()) continue;
    std::size_t k = m.e;
    while (k < e && k < m.e + 3 && is_word(k) && !tok(k).cap && !is(k, kCustomerNouns) &&
           !is(k, kSupplierNouns))
      ++k;
    if (k + 2 >= e || !(is(k, kCustomerNouns) || is(k, kSupplierNouns))) continue;
    const std::string_view v = f(k + 1);
    if (!(eq(v, "include") || eq(v, "includes") || eq(v, "included") || eq(v, "are") ||
          eq(v, "were") || eq(v, "comprise")))
      continue;
    const Mention* t = first_mention_after(k + 2, k + 6, true);
    if (!t || negated(k + 1, t->b)) continue;
    const bool customers = is(k, kCustomerNouns);
    for (int x : m.ents)
      for (int y : t->ents)
        if (customers)
          add(x, y, Relation::kSupplies, "possessor:customers", si);
        else
          add(y, x, Relation::kSupplies, "possessor:suppliers", si);
  }
  // "at the request of X": X requests the sentence's main actor.
  for (std::size_t k = b; k + 3 < e && has_words(kRequestNoun); ++k) {
    if (eq(f(k), "at") && eq(f(k + 1), "the") && eq(f(k + 2), "request") && eq(f(k + 3), "of")) {
      const Mention* x = first_mention_after(k + 4, k + 8, false);
      if (!x) continue;
      // By index over the candidates so far: add() appends to cands_.
      for (std::size_t ci = 0, nc = cands_.size(); ci < nc; ++ci) {
        const Candidate& c = cands_[ci];
        if (c.sentence != static_cast<int>(si) || !graph::is_event(c.r)) continue;
        const int requested = c.s;
        for (int y : x->ents) add(y, requested, Relation::kRequest, "request-of", si);
      }
    }
  }
  // Allegations stated as claims: "X allege(s) that <claim>".
  const bool wrong_words =
      (has_words(kFindVerbs) || has_words(kSpeechVerbs)) &&
      (has_words(kWrongdoing) || (has_words(kCrimeWords) && has_words(kFindVerbs)) ||
       without_consent(b, e));
  for (std::size_t k = b;
       k + 1 < e && (has_words(kAllegeVerbs) || wrong_words || has_words(kSubordinators)); ++k) {
    // "X said (that) Y had violated Z": what a speaker says another actor did wrong is a
    // claim when the clause's verb is a wrongdoing.
    if (is(k, kSpeechVerbs) && !is(k, kAllegeVerbs)) {
      std::size_t th = eq(f(k + 1), "that") ? k + 2 : k + 1;
      if (eq(f(k), "told")) {  // "told reporters that Y had lied"; not "told Y that"
        th = e;
        for (std::size_t q = k + 2; q < std::min(e, k + 5); ++q) {
          if (mention_at(q - 1)) break;
          if (eq(f(q), "that")) {
            th = q + 1;
            break;
          }
        }
      }
      const Mention* who = th < e ? mention_at(th) : nullptr;
      if (!who || !actor(*who) || (who->flags & (kPronoun | kPossessive))) continue;
      std::size_t v = who->e;
      while (v < e && (is(v, kAux) || is(v, kAdverbs))) ++v;
      if (v >= e || !(is(v, kWrongdoing) || without_consent(v, std::min(e, v + 12))) ||
          negated(who->e, v))
        continue;
      std::vector<int> subj;
      std::size_t se = b;
      if (!subject_of(k, subj, &se)) continue;
      auto [lb, le2] = np_label(v, 10);
      if (le2 <= lb) continue;
      const int al = allegation(surface(lb, le2), si);
      for (int x : subj) add(x, al, Relation::kAccuse, "said-wrongdoing", si);
      for (int y : who->ents) add(al, y, Relation::kImplicates, "said-wrongdoing", si);
      continue;
    }
    // "is investigating whether X misled investors": the question is a claim against X.
    const bool inquiry =
        eq(f(k + 1), "whether") &&
        (f(k).starts_with("investigat") || f(k).starts_with("prob") || f(k).starts_with("examin"));
    if (!eq(f(k + 1), "that") && !inquiry) continue;
    if (!is(k, kAllegeVerbs) && !inquiry) {
      // "found that X had abused its position": a finding of wrongdoing is a claim.
      if (!is(k, kFindVerbs)) continue;
      bool wrong = false;
      for (std::size_t z = k + 2; z < std::min(e, k + 14) && !eq(f(z), ";"); ++z)
        wrong |= is(z, kWrongdoing) || is(z, kCrimeWords);
      wrong |= without_consent(k + 2, std::min(e, k + 20));
      // "without (their) consent" is the wrong, not a negation of the act.
      std::size_t neg_end = std::min(e, k + 14);
      for (std::size_t z = k + 2; z < neg_end; ++z)
        if (eq(f(z), "without")) neg_end = z;
      if (!wrong || negated(k + 2, neg_end)) continue;
    }
    std::vector<int> subj;
    std::size_t se = b;
    // "The lawsuit alleges that X ...": a claim without an actor to make it still implicates.
    const bool has_subject = subject_of(k, subj, &se);
    if (!has_subject && !is(k, kAllegeVerbs) && !inquiry) continue;
    const Mention* acc = first_mention_after(k + 2, k + 6, false);
    if (!is(k, kAllegeVerbs) && (!acc || acc->b > k + 3)) continue;  // a finding names whom
    if (!has_subject && (!acc || acc->b > k + 3)) continue;
    // The claim is what the accused did: the clause after its subject ("alleged that the
    // ruling party had bought votes": "bought votes").
    std::size_t from = k + 2;
    if (acc) {
      from = acc->e;
      while (from < e && (is(from, kAux) || is(from, kAdverbs))) ++from;
    }
    // "X fined Y, ruling that it had ...": a pronoun is the other actor, not the finder.
    if (acc && (acc->flags & kPronoun) && acc->ents == subj)
      for (const auto& m : ms)
        if (m.e <= k && actor(m) && !(m.flags & kPronoun) && m.ents != subj) acc = &m;
    auto [lb, le2] = np_label(from, 10);
    // The label keeps its "without (their) consent".
    if (le2 > lb && eq(f(le2 - 1), "without")) le2 = std::min(e, le2 + 2);
    if (le2 > lb && le2 < e && (eq(f(le2 - 1), "their") || eq(f(le2 - 1), "its")) && is_word(le2))
      ++le2;
    if (le2 <= lb) continue;
    int al = allegation(surface(lb, le2), si);
    for (int x : subj) add(x, al, Relation::kAccuse, "allege", si);
    if (acc)
      for (int y : acc->ents) add(al, y, Relation::kImplicates, "allege", si);
  }
  // Perceived risks: "a perception that Huawei ... backdoors that could be used for
  // espionage": an allegation implicating the company.
  if (has_words(kRiskFrames) && has_words(kCrimeWords)) {
    std::size_t crime_at = b;  // the first crime word
    while (!is(crime_at, kCrimeWords)) ++crime_at;
    bool already = false;
    for (const auto& c : cands_)
      if (c.sentence == static_cast<int>(si) && (c.r == Relation::kImplicates)) already = true;
    if (!already && !negated(b, e)) {
      std::size_t lb = crime_at;
      // Back to the noun that starts the claim ("backdoors that could be used for").
      for (std::size_t k = crime_at; k > b && k + 8 > crime_at; --k)
        if (is(k - 1, kCrimeWords) || eq(f(k - 1), "of")) {
          lb = eq(f(k - 1), "of") ? k : k - 1;
          if (eq(f(k - 1), "of")) break;
        }
      std::size_t le2 = crime_at + 1;
      int accused = -1;
      for (const auto& m : ms)
        for (int id : m.ents) {
          Kind kd = ents_[static_cast<std::size_t>(id)].kind;
          if (accused < 0 && (kd == Kind::kVendor || kd == Kind::kOperator || kd == Kind::kPerson))
            accused = id;
        }
      if (accused >= 0) {
        int al = allegation(surface(lb, le2), si);
        add(al, accused, Relation::kImplicates, "perceived-risk", si, 0.6f);
      }
    }
  }
}

}  // namespace stakegraph::io::extract
