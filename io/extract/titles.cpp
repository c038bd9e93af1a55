// Titles and the bodies they name: "US ambassador X" (US), "FCC chairman Y" (FCC), "Culture
// Secretary Z" (the context's state), "the prime minister of Chile, Ana Ruiz", offices named
// before their holders; which state a bare title serves (part of recognise(), mentions.cpp).
#include <limits>

#include "io/extract/run.hpp"

namespace stakegraph::io::extract {

namespace {
// Whether a body's folded name is a ministry's or department's (a minister's body).
bool ministry_like(const std::string& key) {
  return key.find("ministry") != std::string::npos || key.find("department") != std::string::npos ||
         key.find("office") != std::string::npos || key.find("secretariat") != std::string::npos;
}
}  // namespace

void ArticleRun::title_ties(std::size_t si) {
  const Sentence& s = L_.sentences[si];
  std::vector<Mention>& ms = sent_mentions_[si];
  const std::size_t b = s.first, e = s.last;
  // Mark title and role modifiers: "US ambassador Richard Grenell" (US), "FCC chairman Ajit
  // Pai" (FCC), "Canada's ambassador, John McCallum" (Canada), "a Huawei spokesperson".
  // Governments that send a titled envoy in this sentence ("US ambassador X"): a bare title
  // of the same sentence ("met Economy Minister Y") is of another government.
  std::vector<int> envoy_governments;
  // The states of the persons titled in this sentence, with where each person's name ends:
  // "U.S. Trade Representative X wrote to Agriculture Minister Y": a bare title after X, not
  // joined to X by "and" or a comma, is of another state than X's.
  std::vector<std::pair<int, std::size_t>> titled_governments;
  for (std::size_t i = 0; i < ms.size(); ++i) {
    Mention& m = ms[i];
    if (m.flags & kPronoun) {
      if (!(m.flags & kPossessive)) continue;
    }
    std::size_t j = m.e;
    // A state with a title ("US Secretary", "US President" of "US President X"): the title
    // goes on.
    bool role = (m.flags & kGeneric) && m.e > m.b && is(m.e - 1, kGovTitles);
    // "Peru detained Marc Dubois": right after a name, a participle title is its verb.
    if (j < e && !(m.flags & kPossessive) &&
        (eq(f(j), "detained") || eq(f(j), "jailed") || eq(f(j), "exiled")))
      continue;
    // A modifier of the title ("WFP country director X", "Acme's chief financial officer X")
    // is a word of the title when a title word follows it.
    auto title_modifier = [&](std::size_t q) {
      const std::string_view w = f(q);
      return q + 1 < e && is_word(q + 1) && is(q + 1, kRoleTitles) &&
             (eq(w, "country") || eq(w, "regional") || eq(w, "managing") || eq(w, "financial") ||
              eq(w, "operating") || eq(w, "technology") || eq(w, "technical") || eq(w, "acting") ||
              eq(w, "interim") || eq(w, "military") || eq(w, "legal") || eq(w, "policy") ||
              eq(w, "press"));
    };
    while (j < e && j < m.e + 5 && is_word(j) && !tok(j).cap &&
           (is(j, kRoleTitles) || title_modifier(j))) {
      role = true;
      ++j;
    }
    // Capitalised titles ("Secretary of State") are words of the title as well.
    while (j < e && j < m.e + 6 && is_word(j) &&
           (is(j, kRoleTitles) || (eq(f(j), "of") && role) || (role && eq(f(j), "state")))) {
      role = true;
      ++j;
    }
    if (!role) continue;
    // An apposition may follow: "Canada's ambassador, John McCallum"; "in London".
    std::size_t p = j;
    if (p + 1 < e && is(p, kLocativePreps) && tok(p + 1).cap) p += 2;
    if (p < e && eq(f(p), ",")) ++p;
    int person = -1;
    std::size_t person_end = p;
    for (std::size_t q = i + 1; q < ms.size(); ++q) {
      if (ms[q].b == p) {
        for (int id : ms[q].ents)
          if (ents_[static_cast<std::size_t>(id)].kind == Kind::kPerson) {
            person = id;
            person_end = ms[q].e;
          }
      }
    }
    if (person < 0 && !(m.flags & kPronoun)) {
      // Speaker organisation: "a Huawei spokesperson said".
      if (j > m.e && (eq(f(j - 1), "spokesperson") || eq(f(j - 1), "spokesman") ||
                      eq(f(j - 1), "spokeswoman")))
        m.flags |= kModifier;
      continue;
    }
    if (person < 0) continue;
    m.flags |= kModifier;
    if (ents_[static_cast<std::size_t>(m.ents[0])].kind == Kind::kGovernment)
      titled_governments.emplace_back(m.ents[0], person_end);
    for (std::size_t t = m.e > m.b ? m.e - 1 : m.b; t < j; ++t)
      if (eq(f(t), "ambassador") || eq(f(t), "envoy") || eq(f(t), "consul") || eq(f(t), "diplomat"))
        envoy_governments.push_back(m.ents[0]);
    keep_room_for_entities(4);  // entity_for() below must not move pe
    Ent& pe = ents_[static_cast<std::size_t>(person)];
    int owner = m.ents[0];
    // A minister's department when the article names it: "Commerce Secretary" -> US
    // Commerce Department.
    for (std::size_t t = m.e; t < j; ++t) {
      if (!tok(t).cap || is(t, kGovTitles) || eq(f(t), "chief") || eq(f(t), "vice")) continue;
      for (std::size_t x = 0; x < ents_.size(); ++x) {
        if (ents_[x].kind != Kind::kAgency) continue;
        const std::string& fk = ents_[x].key;
        if ((eq(f(j - 1), "minister") || eq(f(j - 1), "secretary")) && !ministry_like(fk)) continue;
        if (fk.find(f(t)) != std::string::npos) owner = static_cast<int>(x);
      }
    }
    if (pe.part_of.empty()) pe.part_of = ents_[static_cast<std::size_t>(owner)].name;
    add_alias(person, surface(m.b, j) + (p > j ? surface(j, p) : std::string()));
  }
  // A body whose name is an office, right before a person ("U.S. Trade Representative Carla
  // Hills", an alias of the trade office): the person holds it.
  for (std::size_t q = 1; q < ms.size(); ++q) {
    const Mention& m = ms[q];
    const Mention& o = ms[q - 1];
    if (m.ents.size() != 1 || o.ents.size() != 1 || o.e != m.b || o.e < o.b + 2 ||
        (o.flags & (kPossessive | kPronoun | kLocative)))
      continue;
    keep_room_for_entities(4);  // entity_for() below must not move pe
    Ent& pe = ents_[static_cast<std::size_t>(m.ents[0])];
    const Ent& body = ents_[static_cast<std::size_t>(o.ents[0])];
    if (pe.kind == Kind::kPerson && pe.part_of.empty() && body.kind == Kind::kAgency &&
        (is(o.e - 1, kGovTitles) || eq(f(o.e - 1), "representative"))) {
      pe.part_of = body.name;
      if (const int g = government_of(o.ents[0]); g >= 0) titled_governments.emplace_back(g, m.e);
    }
  }
  // A title of a state in apposition before its holder: "the prime minister of Chile, Ana
  // Ruiz,", "the foreign minister of Peru, Mr Vela".
  for (std::size_t q = 1; q < ms.size(); ++q) {
    const Mention& m = ms[q];
    const Mention& o = ms[q - 1];
    if (m.ents.size() != 1 || o.ents.size() != 1 || o.b < b + 2 || !eq(f(o.b - 1), "of") ||
        !is(o.b - 2, kGovTitles) || o.e >= m.b || !eq(f(o.e), ","))
      continue;
    bool gap_ok = true;  // only an honorific between the comma and the name
    for (std::size_t x = o.e + 1; x < m.b; ++x)
      gap_ok = gap_ok && (eq(f(x), "mr") || eq(f(x), "mrs") || eq(f(x), "ms") || eq(f(x), "dr") ||
                          eq(f(x), "."));
    keep_room_for_entities(4);  // entity_for() below must not move pe
    Ent& pe = ents_[static_cast<std::size_t>(m.ents[0])];
    if (gap_ok && m.b <= o.e + 3 && pe.kind == Kind::kPerson && pe.part_of.empty() &&
        ents_[static_cast<std::size_t>(o.ents[0])].kind == Kind::kGovernment)
      pe.part_of = ents_[static_cast<std::size_t>(o.ents[0])].name;
  }
  // A demonym's title in apposition before its holder: "the Chilean ambassador, Ana Ruiz,".
  for (const Mention& m : ms) {
    if (m.ents.size() != 1 || m.b < b + 3 || !eq(f(m.b - 1), ",") || !is(m.b - 2, kGovTitles))
      continue;
    keep_room_for_entities(4);  // entity_for() below must not move pe
    Ent& pe = ents_[static_cast<std::size_t>(m.ents[0])];
    if (pe.kind != Kind::kPerson || !pe.part_of.empty()) continue;
    std::size_t t = m.b - 2;  // back over the title's words to its demonym
    while (t > b && is_word(t - 1) && !tok(t - 1).cap && is(t - 1, kRoleTitles)) --t;
    for (std::size_t d = t; d-- > b && d + 2 >= t;) {
      const LexiconEntry* dm = nullptr;
      if (match_demonym(d, t, &dm) == t - d && dm) {
        if (const int g = entity_for(*dm); g >= 0 && (d == b || !tok(d - 1).cap))
          pe.part_of = ents_[static_cast<std::size_t>(g)].name;
        break;
      }
    }
  }
  // Bare titles before persons: "Prime Minister Justin Trudeau", "Culture Secretary Oliver
  // Dowden": the person speaks for the context government.
  for (auto& m : ms) {
    if (m.ents.size() != 1) continue;
    keep_room_for_entities(4);  // entity_for() below must not move pe
    Ent& pe = ents_[static_cast<std::size_t>(m.ents[0])];
    if (pe.kind != Kind::kPerson || !pe.part_of.empty()) continue;
    std::size_t t = m.b;
    bool gov_title = false, org_title = false;
    std::size_t title_start = t;
    while (t > b && is_word(t - 1) && is(t - 1, kRoleTitles)) {
      // "jailed activist X" is a title; "Lyon detained X" is a verb after its subject.
      if ((eq(f(t - 1), "detained") || eq(f(t - 1), "jailed") || eq(f(t - 1), "exiled")) &&
          t - 1 > b && (tok(t - 2).cap || tok(t - 2).type != TokenType::kWord))
        break;
      --t;
      if (is(t, kGovTitles)) gov_title = true;
      if (eq(f(t), "founder") || eq(f(t), "ceo") || eq(f(t), "chairman") || eq(f(t), "executive") ||
          eq(f(t), "spokesman") || eq(f(t), "spokesperson"))
        org_title = true;
      title_start = t;
    }
    // "military spokesman Colonel X", "a police spokeswoman, Y": the state's forces speak,
    // not the company or group last named.
    std::string_view state_sector;
    if (org_title && title_start > b && !tok(title_start - 1).cap &&
        (eq(f(title_start - 1), "military") || eq(f(title_start - 1), "army") ||
         eq(f(title_start - 1), "police") || eq(f(title_start - 1), "government"))) {
      state_sector = f(title_start - 1);
      org_title = false;
      gov_title = true;
    }
    // The portfolio before a government title: "Fisheries Minister X".
    // (Not a demonym: "Chilean ambassador X" names X's state, below.)
    if (title_start > b && title_start < m.b && is(title_start, kGovTitles) &&
        tok(title_start - 1).cap && is_word(title_start - 1) &&
        [&] {
          const LexiconEntry* dm = nullptr;
          return match_demonym(title_start - 1, title_start, &dm) == 0;
        }() &&
        std::none_of(ms.begin(), ms.end(),
                     [&](const Mention& o) { return o.b < title_start && o.e >= title_start; }))
      --title_start;
    if (title_start == m.b) continue;
    // Possessor: "the company's founder Ren Zhengfei".
    if (title_start > b && tok(title_start - 1).type == TokenType::kPossessive) {
      for (const auto& o : ms)
        if (o.e == title_start && !o.ents.empty()) {
          pe.part_of = ents_[static_cast<std::size_t>(o.ents[0])].name;
        }
      if (!pe.part_of.empty()) continue;
    }
    // The body of the title's portfolio, when the article names it: every portfolio word
    // of the title is in the body's name ("Fisheries Minister" -> "Ministry of Fisheries";
    // "Foreign Trade Minister" is not of the "Ministry of Economy, Trade and Industry").
    bool minister_of_agency = false;
    bool any_portfolio = false;
    for (std::size_t x = title_start; x < m.b; ++x)
      any_portfolio |= tok(x).cap && !is(x, kGovTitles) && !eq(f(x), "chief") &&
                       !eq(f(x), "vice") && !eq(f(x), "prime");
    // (A minister's or secretary's body is a ministry or department: "Communications
    // Minister" is not of the communications regulator.)
    bool ministerial = false;
    for (std::size_t x = title_start; x < m.b; ++x)
      ministerial |= eq(f(x), "minister") || eq(f(x), "secretary");
    for (std::size_t y = 0; y < ents_.size() && any_portfolio; ++y) {
      if (ents_[y].kind != Kind::kAgency) continue;
      if (ministerial && !ministry_like(ents_[y].key)) continue;
      bool all = true;
      for (std::size_t x = title_start; x < m.b && all; ++x)
        if (tok(x).cap && !is(x, kGovTitles) && !eq(f(x), "chief") && !eq(f(x), "vice") &&
            !eq(f(x), "prime"))
          all = ents_[y].key.find(f(x)) != std::string::npos;
      if (all) {
        pe.part_of = ents_[y].name;
        minister_of_agency = true;
      }
    }
    if (minister_of_agency) continue;
    // A minister without a portfolio right after a ministry spoke ("The Ministry of X said
    // ... 'quote,' Vice Minister Y said"): of that ministry, when this or the sentence
    // before names one.
    bool minister = false;
    for (std::size_t x = title_start; x < m.b; ++x) minister |= eq(f(x), "minister");
    if (minister && !any_portfolio && !org_title) {
      int ministry = -1;
      auto scan = [&](const std::vector<Mention>& list, std::size_t before) {
        for (const auto& o : list)
          if (o.b < before && o.ents.size() == 1 &&
              ents_[static_cast<std::size_t>(o.ents[0])].kind == Kind::kAgency &&
              ents_[static_cast<std::size_t>(o.ents[0])].key.starts_with("ministry"))
            ministry = o.ents[0];
      };
      if (si > 0 && L_.sentences[si - 1].paragraph + 1 >= L_.sentences[si].paragraph)
        scan(sent_mentions_[si - 1], std::numeric_limits<std::size_t>::max());
      const int before = ministry;
      scan(ms, title_start);
      if (ministry >= 0) {
        pe.part_of = ents_[static_cast<std::size_t>(ministry)].name;
        // named in the sentence before: the evidence is this one's ("discourse:title")
        pe.part_of_from_context = ministry == before;
        continue;
      }
    }
    // The title names its country: "Canadian Industry Minister Ana Ruiz".
    int titled = -1;
    for (std::size_t d = title_start; d-- > b && d + 3 >= title_start;) {
      const LexiconEntry* dm = nullptr;
      if (match_demonym(d, title_start, &dm) == title_start - d && dm) {
        titled = entity_for(*dm);
        break;
      }
    }
    if (titled >= 0 && gov_title && !org_title) {
      pe.part_of = ents_[static_cast<std::size_t>(titled)].name;
      add_alias(m.ents[0], surface(title_start, m.e));
      continue;
    }
    if (gov_title && !org_title) {
      // "A British minister said ... Corporate Affairs Minister X": the same title with a
      // demonym earlier in the article names X's state.
      int g = -1;
      std::string_view title_word;
      for (std::size_t x = title_start; x < m.b; ++x)
        if (is(x, kGovTitles)) title_word = f(x);
      for (std::size_t q = 0; q < si && g < 0 && !title_word.empty(); ++q)
        for (std::size_t d = L_.sentences[q].first; d + 1 < L_.sentences[q].last && g < 0; ++d) {
          const LexiconEntry* dm = nullptr;
          const std::size_t dn = match_demonym(d, L_.sentences[q].last, &dm);
          if (dn == 0 || dm == nullptr || d + dn >= L_.sentences[q].last) continue;
          if (f(d + dn) == title_word && (d == 0 || eq(f(d - 1), "a") || eq(f(d - 1), "an")))
            g = entity_for(*dm);
        }
      if (g < 0) {
        g = context_government(si, title_start, envoy_governments);
        bool other = false;  // g is the state of a person this one acts with, not joins
        for (const auto& [tg, end] : titled_governments)
          other |= tg == g && end < title_start && !eq(f(end), "and") && !eq(f(end), ",") &&
                   !eq(f(end), "or");
        if (other) {
          // Another state named before the title in this sentence, else none.
          std::vector<int> others = envoy_governments;
          for (const auto& tg : titled_governments) others.push_back(tg.first);
          g = context_government(si, title_start, others);
          bool here = false;
          for (const auto& o : ms)
            if (o.b < title_start)
              for (int x : o.ents) here |= x == g;
          if (!here) g = -1;
        }
      }
      if (g >= 0) {
        pe.part_of = ents_[static_cast<std::size_t>(g)].name;
        pe.part_of_from_context = true;
        // The state's forces, when the article names them ("the Peruvian army").
        if (eq(state_sector, "military") || eq(state_sector, "army"))
          for (const Ent& force : ents_)
            if (force.kind == Kind::kAgency && force.part_of == pe.part_of &&
                (force.key.find("army") != std::string::npos ||
                 force.key.find("military") != std::string::npos ||
                 force.key.find("armed forces") != std::string::npos)) {
              pe.part_of = force.name;
              break;
            }
      }
    } else if (org_title && !gov_title) {
      // "Chief executive Anna Berg said ...": an officer of the company the article is
      // about, the latest one named before her.
      for (std::size_t r = recent_.size(); r-- > lookback_floor(recent_);) {
        const Ent& o = ents_[static_cast<std::size_t>(recent_[r])];
        if (o.typed &&
            (o.kind == Kind::kOrganization || o.kind == Kind::kVendor ||
             o.kind == Kind::kOperator) &&
            recent_[r] != m.ents[0]) {
          pe.part_of = o.name;
          pe.part_of_from_context = true;
          break;
        }
      }
    }
    add_alias(m.ents[0], surface(title_start, m.e));
  }
}

}  // namespace stakegraph::io::extract
