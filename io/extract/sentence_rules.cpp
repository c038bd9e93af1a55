// Sentence-level rules of relations(): reports by media, the dictionaries' verbs
// (dictionary_events.cpp), state bodies and titles, compound and possessive ties, penalties
// named by nouns, judgements and feelings (judgement_rules.cpp).
#include "io/extract/run.hpp"

namespace stakegraph::io::extract {

void ArticleRun::sentence_rules() {
  const std::size_t si = cur_.si;
  std::vector<Mention>& ms = *cur_.ms;
  const std::size_t b = cur_.b, e = cur_.e;
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
      // A claim it reports: the one the claim implicates ("According to X, Y bribed ...").
      if (targets.empty())
        for (const auto& c : cands_)
          if (c.sentence == static_cast<int>(si) && c.r == Relation::kImplicates)
            targets.push_back(c.t);
      // Else the first actor after it outside a relative clause, the reported clause's
      // subject ("a provision that would have locked X out was dropped after Y intervened":
      // Y).
      if (targets.empty())
        for (const auto& o : ms) {
          if (!actor(o) || &o == &m || o.b < m.e ||
              ents_[static_cast<std::size_t>(o.ents[0])].kind == Kind::kMedia)
            continue;
          bool relative = false;
          for (std::size_t z = m.e; z < o.b; ++z)
            relative |= eq(f(z), "that") || eq(f(z), "which") || is_who(z);
          if (relative) continue;
          targets = o.ents;
          break;
        }
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
    // "According to a report by/in X, Y is ...": X reports what the sentence's actors do.
    if (targets.empty()) {
      std::size_t p = m.b;
      if (p > b && eq(f(p - 1), "the")) --p;
      if (p >= b + 5 && (eq(f(p - 1), "by") || eq(f(p - 1), "in")) &&
          (eq(f(p - 2), "report") || eq(f(p - 2), "article")) &&
          (eq(f(p - 3), "a") || eq(f(p - 3), "an") || eq(f(p - 3), "the")) && eq(f(p - 4), "to") &&
          eq(f(p - 5), "according")) {
        for (const auto& c : cands_)
          if (c.sentence == static_cast<int>(si) && graph::is_event(c.r)) targets.push_back(c.s);
        if (targets.empty())
          for (const auto& o : ms)
            if (o.b > m.e && actor(o) &&
                ents_[static_cast<std::size_t>(o.ents[0])].kind != Kind::kMedia) {
              targets = o.ents;
              break;
            }
      }
    }
    for (int t : targets) add(media, t, Relation::kReports, "reports", si, 0.7f);
  }
  dictionary_verb_events();
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
    int owner = -1;
    const Mention* owned = nullptr;
    if (tok(k - 1).cap && match_demonym(k - 1, k, &dm) > 0 && dm) {
      owner = entity_for(*dm);
      std::size_t q = k + 1;
      while (q < e && q < k + 3 && is_word(q) && !tok(q).cap) ++q;
      owned = q < e ? mention_at(q) : nullptr;
    } else if (k >= b + 2 && tok(k - 1).type == TokenType::kPossessive) {
      // "X, Sweden's state-owned utility,": the possessor state owns the name before.
      const Mention* st = nullptr;
      for (const auto& o : ms)
        if (o.e == k && (o.flags & kPossessive) && o.ents.size() == 1 &&
            ents_[static_cast<std::size_t>(o.ents[0])].kind == Kind::kGovernment)
          st = &o;
      if (!st) continue;
      owner = st->ents[0];
      if (st->b >= b + 2 && eq(f(st->b - 1), ",")) {
        for (const auto& o : ms)
          if (o.e + 1 == st->b && !(o.flags & (kPossessive | kPronoun))) owned = &o;
      } else {
        // "Brazil's state-run Petrobras", "Peru's state-owned oil company Petroperu".
        std::size_t q = k + 1;
        while (q < e && q < k + 4 && is_word(q) && !tok(q).cap) ++q;
        owned = q < e ? mention_at(q) : nullptr;
      }
    }
    if (owner < 0 || !owned || !actor(*owned) || owned->ents.size() != 1) continue;
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
    // Past what the trade is and where from: "X's Chinese cloud provider, Y".
    {
      const LexiconEntry* dmy = nullptr;
      std::size_t q = k;
      while (q < e && q < k + 3 &&
             ((is_word(q) && !tok(q).cap && !is(q, kPrepositions) && !is(q, kAux) &&
               !is(q, kBeForms) && !eq(f(q), "and") && !eq(f(q), "or") && !is(q, kSupplierNouns) &&
               !eq(f(q), "supplier") && !eq(f(q), "provider") && !eq(f(q), "vendor") &&
               !eq(f(q), "contractor")) ||
              (tok(q).cap && match_demonym(q, e, &dmy) == 1)))
        ++q;
      if (q < e && q > k &&
          (is(q, kSupplierNouns) || eq(f(q), "supplier") || eq(f(q), "provider") ||
           eq(f(q), "vendor") || eq(f(q), "contractor")))
        k = q;
    }
    if (k >= e) continue;
    const bool customer =
        is(k, kCustomerNouns) || eq(f(k), "customer") || eq(f(k), "client") || eq(f(k), "buyer");
    const bool supplier = is(k, kSupplierNouns) || eq(f(k), "supplier") || eq(f(k), "vendor") ||
                          eq(f(k), "provider") || eq(f(k), "contractor");
    if (!customer && !supplier) continue;
    if (k + 1 < e && eq(f(k + 1), "of")) continue;  // "X's customer of choice"
    const std::size_t p = described_before(m.b);
    const Mention* y = nullptr;
    for (const auto& o : ms)
      if (o.e == p && actor(o) && !(o.flags & kPossessive) && &o != &m) y = &o;
    if (p == m.b) y = nullptr;
    // ... or named after it: "X's main contractor, Y,".
    if (!y && k + 2 < e && eq(f(k + 1), ","))
      if (const Mention* a = mention_at(k + 2); a && actor(*a) && !(a->flags & kPossessive)) y = a;
    if (!y) continue;
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
  // Violence as a noun with its possessor: "Russia's invasion of Ukraine", "Israel's
  // strikes on Gaza": the possessor attacks the actor right after "on", "against" or "of".
  for (std::size_t k = b + 2; k + 2 < e; ++k) {
    // (The preposition first: the noun table is a scan.)
    if (!(eq(f(k + 1), "on") || eq(f(k + 1), "against") || eq(f(k + 1), "of"))) continue;
    bool possessive = false;
    for (std::size_t z = k; z-- > b && z + 4 > k;)
      possessive |= tok(z).type == TokenType::kPossessive;
    if (!possessive) continue;
    const auto rel = event_noun_relation(f(k));
    if (!rel || *rel != Relation::kAssault) continue;
    std::size_t p = k;  // the possessor: "Russia's (full-scale) invasion"
    while (p > b && p + 3 > k && tok(p - 1).type == TokenType::kWord && !tok(p - 1).cap) --p;
    std::vector<int> src;
    for (const auto& m : ms)
      if ((m.flags & kPossessive) && !(m.flags & kPronoun) && actor(m) && m.e == p) src = m.ents;
    if (src.empty() || negated(b, k)) continue;
    std::size_t q = k + 2;
    if (q < e && eq(f(q), "the")) ++q;
    const std::vector<int> dst = q < e ? actor_or_state_at(q) : std::vector<int>{};
    for (int x : src)
      for (int y : dst)
        if (x != y) add(x, y, Relation::kAssault, "nominal:assault", si);
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
  judgement_rules();
}

}  // namespace stakegraph::io::extract
