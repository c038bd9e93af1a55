// Mentions (pass 2, sentence by sentence): pronouns and definite descriptions, lexicon
// and gazetteer names, demonyms, institutions, titles (coreference.cpp resolves and groups).
#include "io/extract/run.hpp"

#include <limits>

namespace stakegraph::io::extract {

// A sentence's first word is capitalised whatever it is. It is taken for a name when it
// acts: a single word right before a verb of the lexicon or of speech ("Greenpeace
// condemned ...", "Vantro said ..."), which the article never writes in lower case, and
// which is no function word, plural noun or -ly adverb ("Officials said", "Today"), nor a
// common word to the part-of-speech tagger ("Unhappy shareholders accused", common_opener).
bool ArticleRun::initial_name(std::size_t k, std::size_t e) {
  // "Spotify, which had complained ...": the antecedent of a relative clause is a noun
  // phrase, and one unknown capitalised word there is a name.
  const bool relative_after =
      k + 2 < e && eq(f(k + 1), ",") && (eq(f(k + 2), "which") || eq(f(k + 2), "who"));
  if (!relative_after && (k + 1 >= e || tok(k + 1).cap || !is_word(k + 1))) return false;
  const std::string_view w = f(k);
  // An acronym opens a sentence as a name does ("UEFA expressed support"); a longer word in
  // capitals is a headline's or a dateline's.
  if (tok(k).all_caps && w.size() > 6) return false;
  if (w.size() < 3 || ends_with(w, "ly") ||
      (ends_with(w, "s") && !ends_with(w, "ss") && !tok(k).all_caps) || cls_[k] != 0 ||
      tid_[k] != Lexicon::kNoToken || common_opener(k))
    return false;
  const std::uint32_t node = lex_.trie_step(Lexicon::kTrieRoot, tid_[k + 1]);
  if (!relative_after && !is(k + 1, kSpeechVerbs) &&
      (node == Lexicon::kTrieRoot || lex_.verbs_at(node) == nullptr))
    return false;
  return !lower_words_.contains(w);
}

// A sentence's first word opens a name of several capitalised words ("Norsk Hydro signed
// ...") when it is no word of the lists or the lexicon and the article never writes it in
// lower case.
bool ArticleRun::initial_span(std::size_t k, std::size_t e) const {
  if (k + 1 >= e || !tok(k + 1).cap || tok(k + 1).type != TokenType::kWord || tok(k).all_caps)
    return false;
  const std::string_view w = f(k);
  return w.size() >= 3 && !ends_with(w, "ly") && !in_list(kNameDescriptors, w) && cls_[k] == 0 &&
         cls_[k + 1] == 0 && tid_[k] == Lexicon::kNoToken && !lower_words_.contains(w);
}

// The agency of a state's institution, named by the state's demonym ("Bolivian police",
// "Peruvian Navy"), part of the state; `inst` may be plural ("navies").
int ArticleRun::state_institution(const LexiconEntry& g, std::string_view inst) {
  static constexpr std::pair<std::string_view, std::string_view> kSingular[] = {
      {"navies", "navy"},
      {"armies", "army"},
      {"militaries", "military"},
      {"courts", "court"},
      {"parliaments", "parliament"},
      {"regulators", "regulator"}};
  std::string sing(inst);
  for (const auto& [pl, sg] : kSingular)
    if (inst == pl) sing = sg;
  std::string titled;
  for (std::size_t c = 0; c < sing.size(); ++c)
    titled.push_back(c == 0 || sing[c - 1] == ' '
                         ? static_cast<char>(std::toupper(static_cast<unsigned char>(sing[c])))
                         : sing[c]);
  if (sing == "police") titled = "police";
  const std::string nm = (g.demonyms.empty() ? g.name : g.demonyms[0]) + " " + titled;
  const int aid = entity_named(nm, Kind::kAgency, true);
  ents_[static_cast<std::size_t>(aid)].part_of = g.name;
  return aid;
}

void ArticleRun::recognise(std::size_t si) {
  const Sentence& s = L_.sentences[si];
  std::vector<Mention>& ms = sent_mentions_[si];
  const std::size_t b = s.first, e = s.last;
  // A definite description or government noun ending at token j ("the company", "the
  // government's"): a mention of `ents`, possessive when "'s" follows.
  auto push_description = [&](Mention& m, std::vector<int> ents, std::size_t j) {
    m.ents = std::move(ents);
    m.e = static_cast<std::uint32_t>(j + 1);
    m.flags = kAnaphor;
    if (j + 1 < e && tok(j + 1).type == TokenType::kPossessive) {
      m.flags |= kPossessive;
      m.e = static_cast<std::uint32_t>(j + 2);
    }
    ms.push_back(std::move(m));
  };
  for (std::size_t k = b; k < e;) {
    const std::string_view w = f(k);
    Mention m;
    m.b = static_cast<std::uint32_t>(k);
    // Pronouns.
    if (is(k, kPronouns)) {
      bool person = eq(w, "he") || eq(w, "his") || eq(w, "she") || eq(w, "her") || eq(w, "him");
      bool plural = eq(w, "they") || eq(w, "their") || eq(w, "them");
      int found = -1;
      if (plural) {
        std::vector<Mention> cur = ms;
        group_coordination(cur);
        for (std::size_t q = cur.size(); q-- > 0 && m.ents.empty();)
          if (cur[q].ents.size() >= 2 && !(cur[q].flags & kLocative)) m.ents = cur[q].ents;
        if (m.ents.empty() && !groups_.empty() && group_sentence_ + 1 >= si)
          m.ents = groups_.back();
      } else {
        for (std::size_t r = recent_.size(); r-- > lookback_floor(recent_);) {
          const Ent& en = ents_[static_cast<std::size_t>(recent_[r])];
          if (!en.typed || en.kind == Kind::kAllegation || en.kind == Kind::kMedia) continue;
          if ((en.kind == Kind::kPerson) == person) {
            found = recent_[r];
            break;
          }
        }
        // "it" prefers the subject of its own sentence, then the last subject.
        const Mention* first_here = nullptr;
        for (const auto& pm : ms)
          if (!(pm.flags & (kPronoun | kLocative | kModifier)) && pm.ents.size() == 1 &&
              ents_[static_cast<std::size_t>(pm.ents[0])].kind != Kind::kPerson &&
              ents_[static_cast<std::size_t>(pm.ents[0])].kind != Kind::kMedia) {
            first_here = &pm;
            break;
          }
        // "it" as an object ("fined X, accusing it of ..."): not its own clause's subject,
        // but the last other actor named before it in the sentence.
        const bool object_it = eq(w, "it") && k > b && is_word(k - 1) && !tok(k - 1).cap &&
                               !is(k - 1, kSpeechVerbs) && !is(k - 1, kSubordinators) &&
                               !eq(f(k - 1), "that") && !eq(f(k - 1), "and") &&
                               !eq(f(k - 1), "but") && !is(k - 1, kPrepositions);
        const Mention* last_other = nullptr;
        // A venue is no antecedent: "filed a case against X at the Y Court, accusing it of".
        auto venue = [&](const Mention& pm) {
          std::size_t q = pm.b;
          if (q > b && eq(f(q - 1), "the")) --q;
          return q > b && (eq(f(q - 1), "at") || eq(f(q - 1), "before"));
        };
        if (object_it && first_here)
          for (const auto& pm : ms)
            if (&pm != first_here && !venue(pm) &&
                !(pm.flags & (kPronoun | kLocative | kModifier)) && pm.ents.size() == 1 &&
                pm.ents[0] != first_here->ents[0] &&
                ents_[static_cast<std::size_t>(pm.ents[0])].kind != Kind::kPerson &&
                ents_[static_cast<std::size_t>(pm.ents[0])].kind != Kind::kMedia)
              last_other = &pm;
        if (!person && last_other) {
          found = last_other->ents[0];
        } else if (!person && first_here && (eq(w, "it") || eq(w, "its"))) {
          found = first_here->ents[0];
        } else if (!person && !recent_subjects_.empty() && (eq(w, "it"))) {
          int cand = recent_subjects_.back();
          if (ents_[static_cast<std::size_t>(cand)].kind != Kind::kPerson) found = cand;
        }
        if (found >= 0) m.ents = {found};
      }
      if (!m.ents.empty()) {
        m.e = static_cast<std::uint32_t>(k + 1);
        m.flags = kPronoun;
        // "its operators", "his ..." are possessive determiners: not actors themselves
        // except before role nouns.
        if (eq(w, "its") || eq(w, "his") || eq(w, "their") ||
            (eq(w, "her") && k + 1 < e && is_word(k + 1)))
          m.flags |= kPossessive;
        ms.push_back(std::move(m));
      }
      ++k;
      continue;
    }
    // "Police detained X", "police said": with no determiner, the police the article named
    // ("the National Police Agency"), if it named one.
    if (eq(w, "police") && (k == b || !tok(k - 1).cap) &&
        !(k > b && (is(k - 1, kDescriptionDets) || tok(k - 1).type == TokenType::kPossessive))) {
      std::vector<int> out;
      if (resolve_anaphor(si, k, k, false, out) > 0) {
        push_description(m, std::move(out), k);
        ++k;
        continue;
      }
    }
    // Definite descriptions: the (adj)* head; "both firms", "either company".
    if (is(k, kDescriptionDets)) {
      std::size_t j = k + 1;
      bool plural = eq(w, "both");
      while (j < e && j < k + 5 && is_word(j) && (!tok(j).cap || ends_with(f(j), "-based")) &&
             !is(j, kPrepositions) && !eq(f(j), "country") && !eq(f(j), "government") &&
             !eq(f(j), "chancellery") && !eq(f(j), "administration") && !is(j, kAnaphorHeads)) {
        if (eq(f(j), "two") || eq(f(j), "three")) plural = true;
        ++j;
      }
      // Allow a capitalised demonym inside ("the Chinese company", "the two European vendors").
      if (j < e && tok(j).cap) {
        const LexiconEntry* d = nullptr;
        std::size_t dn = match_demonym(j, e, &d);
        if (dn == 0 && (eq(f(j), "european") || eq(f(j), "asian") || eq(f(j), "western"))) dn = 1;
        if (dn > 0) j += dn;
        while (j < e && j < k + 6 && is_word(j) && !tok(j).cap && !is(j, kAnaphorHeads)) ++j;
      }
      // "the European Union" is a name the lexicon knows, not "the union" described.
      bool known_name = false;
      if (j < e && tok(j).cap) {
        const LexiconEntry* x = nullptr;
        known_name = match_lexicon(k + 1, e, &x, false) > j - k - 1;
      }
      if (j < e && !known_name) {
        const bool is_head = is(j, kAnaphorHeads);
        // "the company's founder": still the company.
        if (is_head && !(j + 1 < e && tok(j + 1).cap && !eq(f(j), "site"))) {
          std::vector<int> out;
          // Apposition: "ARM, the chip designer ..." is ARM itself.
          if (k >= b + 2 && eq(f(k - 1), ",") && !ms.empty() && ms.back().e == k - 1 &&
              !(ms.back().flags & (kPronoun | kModifier | kLocative)) && ms.back().ents.size() == 1)
            out = ms.back().ents;
          if (!out.empty() || resolve_anaphor(si, k, j, plural, out) > 0) {
            if (out.size() == 1 && j > k + 1) {
              auto& da = ents_[static_cast<std::size_t>(out[0])].described_as;
              if (std::find(da.begin(), da.end(), f(j)) == da.end()) da.emplace_back(f(j));
            }
            push_description(m, std::move(out), j);
            k = j + 1;
            continue;
          }
        }
        // "the government", "the chancellery", "the country's": the home government.
        const bool government_head =
            eq(f(j), "government") || eq(f(j), "chancellery") || eq(f(j), "administration");
        if (government_head ||
            (eq(f(j), "country") && j + 1 < e && tok(j + 1).type == TokenType::kPossessive)) {
          // "Mali expelled a French envoy. The government ...": Mali's, not France's.
          int g = context_government(si, k, {}, government_head);
          if (government_head && g < 0) g = home_government();
          bool demonym_before = false;
          for (std::size_t m2 = k + 1; m2 < j; ++m2) demonym_before |= tok(m2).cap;
          if (g >= 0 && !demonym_before) {
            push_description(m, {g}, j);
            k = j + 1;
            continue;
          }
        }
      }
    }
    // Bare role nouns for the home government: "by ministers", "officials say"; and
    // "cooperating with the authorities", "handed to the authorities": the state the
    // paragraph is about (an agency named "... Authorities" is a name, capitalised).
    const bool authorities = eq(w, "authorities") && !tok(k).cap && k > b && eq(f(k - 1), "the") &&
                             !(k >= b + 2 && tok(k - 2).type == TokenType::kPossessive);
    const bool officials =
        (eq(w, "ministers") || eq(w, "officials")) && !tok(k).cap && k > b && !tok(k - 1).cap &&
        !eq(f(k - 1), "government") && !eq(f(k - 1), "cybersecurity") &&
        (eq(f(k - 1), "by") || (k + 1 < e && (eq(f(k + 1), "say") || eq(f(k + 1), "said"))));
    if (authorities || officials) {
      const int g = context_government(si, k);
      if (g >= 0) {
        m.ents = {g};
        m.e = static_cast<std::uint32_t>(k + 1);
        m.flags = kAnaphor;
        ms.push_back(std::move(m));
        ++k;
        continue;
      }
    }
    // "police in Kenya", "the army in Myanmar": the state's force, as "Kenyan police".
    if (k + 2 < e && eq(f(k + 1), "in") &&
        (eq(w, "police") || eq(w, "army") || eq(w, "military") || eq(w, "navy") ||
         eq(w, "coastguard"))) {
      const LexiconEntry* g = nullptr;
      const std::size_t gl = match_lexicon(k + 2, e, &g, false);
      if (gl > 0 && g->kind == Kind::kGovernment) {
        m.ents = {state_institution(*g, w)};
        m.e = static_cast<std::uint32_t>(k + 2 + gl);
        m.flags = kGeneric;
        ++gov_counts_[static_cast<std::size_t>(entity_for(*g))];
        ms.push_back(std::move(m));
        k += 2 + gl;
        continue;
      }
    }
    // Lexicon and gazetteer.
    const LexiconEntry* le = nullptr;
    std::size_t n = match_lexicon(k, e, &le, k == b);
    int gent = -1;
    std::size_t gn = match_gazetteer(k, e, &gent);
    // Demonym phrases: "Chinese authorities", "Egyptian and Greek navies",
    // "South African air force".
    const LexiconEntry* dem = nullptr;
    std::size_t dn = match_demonym(k, e, &dem);
    if (dn > 0 && dn >= n && gn <= dn && k > b && eq(f(k - 1), "the") &&
        (k + dn >= e || !is_word(k + dn) || is(k + dn, kAux) || is(k + dn, kPrepositions) ||
         eq(f(k + dn), "are") || eq(f(k + dn), "were"))) {
      // "the British would threaten ...": the people for their state.
      int gid = entity_for(*dem);
      m.ents = {gid};
      m.e = static_cast<std::uint32_t>(k + dn);
      m.flags = kGeneric;
      ++gov_counts_[static_cast<std::size_t>(gid)];
      ms.push_back(std::move(m));
      k += dn;
      continue;
    }
    if (dn > 0 && dn >= n && gn <= dn) {
      std::vector<const LexiconEntry*> govs = {dem};
      std::size_t j = k + dn;
      while (j + 1 < e && (eq(f(j), "and") || eq(f(j), ","))) {
        const LexiconEntry* d2 = nullptr;
        std::size_t dn2 = match_demonym(j + 1, e, &d2);
        if (dn2 == 0) break;
        govs.push_back(d2);
        j = j + 1 + dn2;
      }
      // A state's fighting men act for it as its forces do ("Indian troops", "Russian
      // soldiers"): the state, no agency of their own.
      const auto force_noun = [&](std::size_t z) {
        return eq(f(z), "troops") || eq(f(z), "soldiers");
      };
      // Skip modifiers ("opposition", "state") up to a role or institution noun.
      std::size_t h = j;
      while (h < e && h < j + 3 && is_word(h) && !tok(h).cap && !is(h, kGovRoles) &&
             !force_noun(h) && !is(h, kInstitutions) && !eq(f(h), "air") && !eq(f(h), "armed") &&
             !eq(f(h), "coast") && !eq(f(h), "high") && !eq(f(h), "supreme"))
        ++h;
      if (h < e &&
          (is(h, kGovRoles) || is(h, kInstitutions) || force_noun(h) || eq(f(h), "air") ||
           eq(f(h), "armed") || eq(f(h), "coast") ||
           ((eq(f(h), "high") || eq(f(h), "supreme")) && h + 1 < e && eq(f(h + 1), "court")))) {
        const bool indefinite = k > b && (eq(f(k - 1), "a") || eq(f(k - 1), "an"));
        std::size_t he = h + 1;
        std::string inst(f(h));
        if ((eq(inst, "air") || eq(inst, "armed") || eq(inst, "coast") || eq(inst, "high") ||
             eq(inst, "supreme")) &&
            he < e) {
          inst += " " + std::string(f(he));
          ++he;
        }
        const bool is_inst = is(h, kInstitutions) || force_noun(h) || he > h + 1;
        const bool generic_inst =
            eq(inst, "intelligence") || eq(inst, "bank") || eq(inst, "office") ||
            eq(inst, "council") || eq(inst, "department") || eq(inst, "agency") ||
            eq(inst, "ministry") || eq(inst, "regulator") || eq(inst, "commission") ||
            eq(inst, "bureau") || eq(inst, "directorate") || eq(inst, "forces") ||
            eq(inst, "guard") || eq(inst, "assembly") || force_noun(h);
        m.e = static_cast<std::uint32_t>(he);
        for (const LexiconEntry* g : govs) {
          int gid = entity_for(*g);
          if (is_inst && !indefinite && !generic_inst) {
            // An institution of that state: "Bolivian police" -> agency part_of Bolivia.
            const int aid = state_institution(*g, inst);
            if (govs.size() == 1) add_alias(aid, surface(k, he));
            m.ents.push_back(aid);
            ++gov_counts_[static_cast<std::size_t>(gid)];
          } else {
            m.ents.push_back(gid);
            ++gov_counts_[static_cast<std::size_t>(gid)];
            if (govs.size() == 1 && !indefinite && is(h, kGovRoles)) add_alias(gid, surface(k, he));
          }
        }
        m.flags = kGeneric;
        if (he < e && tok(he).type == TokenType::kPossessive) {
          m.flags |= kPossessive;
          m.e = static_cast<std::uint32_t>(he + 1);
        }
        ms.push_back(std::move(m));
        k = he;
        continue;
      }
    }
    if (gn > 0 && gn >= n) {
      m.ents = {gent};
      m.e = static_cast<std::uint32_t>(k + gn);
    } else if (n > 0) {
      int id = entity_for(*le);
      m.ents = {id};
      m.e = static_cast<std::uint32_t>(k + n);
      std::string surf = surface(k, k + n);
      // "Peru: Congress voted to remove the president": a bare name the lexicon gives one
      // state's institution ("Congress", "the Senate" are the US's) is, in an article that
      // never names that state, the institution of the state the sentence is about.
      if (const int local = foreign_institution(*le, si, k, k + n); local >= 0)
        id = local, m.ents = {id};
      else
        add_alias(id, surf);
      // "the European Commission ... the Commission": an alias whose last word is a body's
      // head stands for it by that word alone, capitalised, later in the article.
      if (n >= 2 && tok(k + n - 1).cap && is(k + n - 1, kAgencySuffix) &&
          fold(surf) != fold(ents_[static_cast<std::size_t>(id)].name) &&
          !gazetteer_.count(std::string(f(k + n - 1))))
        add_gazetteer(std::string(f(k + n - 1)), id);
      // "Huawei UK", "Vodafone Germany": a company's national arm is the company.
      if (le->kind == Kind::kVendor || le->kind == Kind::kOperator) {
        const LexiconEntry* le2 = nullptr;
        std::size_t n2 = m.e < e ? match_lexicon(m.e, e, &le2, false) : 0;
        if (n2 > 0 && le2->kind == Kind::kGovernment && tok(m.e).start == tok(m.e - 1).end + 1) {
          add_alias(id, surface(k, m.e + n2));
          m.e = static_cast<std::uint32_t>(m.e + n2);
        }
      }
      // "<Country>'s <words> <institution>": an agency of that country ("Kenya's High
      // Court", "Nepal's anti-graft commission") unless a name follows in apposition.
      if (le->kind == Kind::kGovernment && m.e + 1 < e && tok(m.e).type == TokenType::kPossessive) {
        // Institution nouns, and the heads of a regulator's description ("Britain's
        // competition watchdog"; not "authority": measured, it cost the held-out articles an
        // entity and relation precision).
        const auto institution = [&](std::size_t z) {
          return is(z, kInstitutions) || eq(f(z), "watchdog") || eq(f(z), "inspectorate");
        };
        std::size_t h = m.e + 1;
        while (h < e && h < m.e + 5 && is_word(h) && !institution(h) && !is(h, kPersonRoles) &&
               !is(h, kPrepositions))
          ++h;
        bool inst_here = h < e && institution(h);
        // "Brazil's largest bank", "Japan's biggest commercial bank": one of many, no
        // institution of the state; a bank of the state is its central bank.
        for (std::size_t z = m.e + 1; inst_here && z < h; ++z) inst_here = !ranking_word(z);
        if (inst_here && eq(f(h), "bank") &&
            !(h > m.e + 1 && (eq(f(h - 1), "central") || eq(f(h - 1), "reserve"))))
          inst_here = false;
        if (inst_here && h + 1 < e && (eq(f(h + 1), "forces") || eq(f(h + 1), "court"))) ++h;
        // "Mali's military government", "its army-backed rulers": the state itself.
        static constexpr std::string_view kStateHeads[] = {
            "government",  "regime",         "junta",      "rulers",
            "authorities", "administration", "leadership", "leaders"};
        if (inst_here && h + 1 < e && in_list(kStateHeads, f(h + 1))) inst_here = false;
        // ... or directly: "Brazil's environmental agency Ibama" is Ibama.
        bool name_follows =
            (h + 2 < e && eq(f(h + 1), ",") && tok(h + 2).cap) ||
            (h + 1 < e && tok(h + 1).cap && tok(h + 1).type == TokenType::kWord && !tok(h).cap);
        if (inst_here && !name_follows && !(h + 1 < e && is(h + 1, kInstitutions))) {
          std::string inst = surface(m.e + 1, h + 1);
          std::string nm = std::string(surf) + "'s " + inst;
          // Canonical: "<Institution> of <Country>".
          std::string canon;
          std::string lower_inst = inst;
          bool first = true;
          for (std::size_t c = 0; c < lower_inst.size(); ++c) {
            char ch = lower_inst[c];
            if (first || (c > 0 && (lower_inst[c - 1] == ' '))) {
              ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            }
            first = false;
            canon.push_back(ch);
          }
          canon += " of " + le->name;
          // A body with a name of its own: "China's Ministry of Commerce" is the "Ministry of
          // Commerce" (also "Chinese Ministry of Commerce"), not a "Ministry of China".
          std::size_t named_end = h + 1;
          bool own_name = false;
          if (tok(h).cap && named_end + 1 < e && eq(f(named_end), "of") && tok(named_end + 1).cap &&
              is_word(named_end + 1)) {
            named_end += 1;
            while (named_end < e && tok(named_end).cap && is_word(named_end)) ++named_end;
            if (named_end + 1 < e && eq(f(named_end), "and") && tok(named_end + 1).cap) {
              ++named_end;
              while (named_end < e && tok(named_end).cap && is_word(named_end)) ++named_end;
            }
            canon = surface(m.e + 1, named_end);
            nm = std::string(surf) + "'s " + canon;
            h = named_end - 1;
            own_name = true;
          }
          int aid = entity_named(canon, Kind::kAgency, true);
          ents_[static_cast<std::size_t>(aid)].part_of = le->name;
          add_alias(aid, nm);
          if (own_name && !le->demonyms.empty()) add_alias(aid, le->demonyms[0] + " " + canon);
          ++gov_counts_[static_cast<std::size_t>(id)];
          Mention gm;
          gm.b = m.b;
          gm.e = m.e + 1;
          gm.ents = {id};
          gm.flags = kModifier | kPossessive;
          ms.push_back(gm);
          m.ents = {aid};
          m.b = static_cast<std::uint32_t>(m.e + 1);
          m.e = static_cast<std::uint32_t>(h + 1);
          ms.push_back(std::move(m));
          k = h + 1;
          continue;
        }
      }
    } else if (tok(k).cap && tok(k).type == TokenType::kWord &&
               (k > b || initial_name(k, e) || initial_span(k, e))) {
      // Untyped capitalised span (a relation participant only).
      std::size_t j = k;
      std::size_t k0 = k;
      while (k0 < e && tok(k0).cap && is(k0, kRoleTitles)) ++k0;
      if (k0 > k) {
        k = k0;
        continue;
      }
      if (hyphen_modifier(k)) {
        ++k;
        continue;
      }
      // "Carmakers X and Y said": a description opening the sentence is no word of a name.
      if (k == b && k + 1 < e && tok(k + 1).cap &&
          (ends_with(f(k), "makers") || ends_with(f(k), "maker"))) {
        ++k;
        continue;
      }
      while (j < e && tok(j).cap && tok(j).type == TokenType::kWord && j < k + 5 &&
             !hyphen_modifier(j)) {
        const LexiconEntry* x = nullptr;
        int gz = -1;
        if (j > k && (match_lexicon(j, e, &x, false) > 0 || match_gazetteer(j, e, &gz) > 0)) break;
        ++j;
      }
      const LexiconEntry* dmy = nullptr;
      // "Istanbul Mayor Ekrem Imamoglu": a place and a title before a known name are the
      // title's words, not a name of their own.
      if (int gz = -1; j > k && j < e && is(j - 1, kRoleTitles) && match_gazetteer(j, e, &gz) > 0 &&
                       gz >= 0 && ents_[static_cast<std::size_t>(gz)].kind == Kind::kPerson) {
        k = j;
        continue;
      }
      if (j > k && is(j - 1, kPlaceNouns)) {
        // A place named by its geographic head ("Strait of Hormuz", "Red Sea", "Lake Kivu
        // region") is where things happen, never an actor.
        k = j;
        while (k + 1 < e && eq(f(k), "of") && tok(k + 1).cap) {
          k += 2;
          while (k < e && tok(k).cap && tok(k).type == TokenType::kWord) ++k;
        }
        continue;
      }
      if (j > k && j < e && eq(f(j), "of") && is(j - 1, kPlaceNouns)) {
        k = j;
        continue;
      }
      // A region's adjective alone is no actor ("European companies"), as a demonym is not.
      static constexpr std::string_view kRegionAdjectives[] = {
          "european",     "african",   "asian", "arab",   "western", "eastern", "nordic",  "baltic",
          "scandinavian", "caribbean", "latin", "balkan", "gulf",    "pacific", "atlantic"};
      if (j == k + 1 && in_list(kRegionAdjectives, f(k)) && j < e && !tok(j).cap) {
        k = j;
        continue;
      }
      if (!is(k, kNotNames) && j > k && !(j == k + 1 && match_demonym(k, e, &dmy) > 0) &&
          !is(j - 1, kNotActors)) {
        int id = entity_named(surface(k, j), Kind::kOrganization, false);
        m.ents = {id};
        m.e = static_cast<std::uint32_t>(j);
        m.flags = kUntyped;
        // A name after "of" is a place ("the port of Callao") unless the noun before is
        // one of a company's ("the merger of X", "shareholders of X", "executives of X").
        const bool of_company = k > b + 1 && eq(f(k - 1), "of") && in_list(kOfCompany, f(k - 2));
        if (k > b && !of_company &&
            (is(k - 1, kLocativePreps) || eq(f(k - 1), "of") || eq(f(k - 1), "to") ||
             eq(f(k - 1), "from")))
          m.flags |= kLocative;
      } else {
        ++k;
        continue;
      }
    } else {
      ++k;
      continue;
    }
    if (m.e < e && tok(m.e).type == TokenType::kPossessive) {
      m.flags |= kPossessive;
      ++m.e;
    }
    // ("lashed out at X", "took aim at X", "fired at X", "angry at X": "at" after a word of
    // aiming or anger names a target, not a place.)
    const bool aimed_at =
        k > b + 1 && eq(f(k - 1), "at") &&
        (eq(f(k - 2), "out") || eq(f(k - 2), "back") || eq(f(k - 2), "aim") ||
         eq(f(k - 2), "fired") || eq(f(k - 2), "fire") || eq(f(k - 2), "shot") ||
         eq(f(k - 2), "swipe") || eq(f(k - 2), "jab") || eq(f(k - 2), "angry") ||
         eq(f(k - 2), "furious") || eq(f(k - 2), "anger") || eq(f(k - 2), "finger"));
    if (k > b && is(k - 1, kLocativePreps) && !aimed_at) {
      for (int id : m.ents)
        if (ents_[static_cast<std::size_t>(id)].kind == Kind::kGovernment) m.flags |= kLocative;
    }
    // "near the border with Colombia": a country that a border is shared with is a place.
    const bool border_with =
        k > b + 1 && eq(f(k - 1), "with") &&
        (eq(f(k - 2), "border") || eq(f(k - 2), "frontier") || eq(f(k - 2), "boundary"));
    if (border_with || (k > b && (eq(f(k - 1), "the") || eq(f(k - 1), "a")) && k > b + 1 &&
                        is(k - 2, kLocativePreps))) {
      for (int id : m.ents)
        if (ents_[static_cast<std::size_t>(id)].kind == Kind::kGovernment) m.flags |= kLocative;
    }
    // "suppliers in Germany and Europe": a name no list types, joined to a place, is a
    // place too (a country there may still be a group's: "officials in X and Y").
    if (k > b + 1 && (eq(f(k - 1), "and") || eq(f(k - 1), "or")) && !ms.empty() &&
        ms.back().e + 1 == k && (ms.back().flags & kLocative) && (m.flags & kUntyped))
      m.flags |= kLocative;
    for (int id : m.ents)
      if (ents_[static_cast<std::size_t>(id)].kind == Kind::kGovernment && !(m.flags & kLocative))
        ++gov_counts_[static_cast<std::size_t>(id)];
    k = m.e;
    ms.push_back(std::move(m));
  }
  // A body named right after the acronym of a state or an international body it belongs
  // to: "UN Office for the Coordination of X (OCHA)", "EU Border Agency": the acronym is a
  // modifier, the body acts and is part of it (an international body's body is no state's
  // agency).
  for (std::size_t i = 0; i + 1 < ms.size(); ++i) {
    Mention& m = ms[i];
    const Mention& n = ms[i + 1];
    if (n.b != m.e || m.ents.size() != 1 || n.ents.size() != 1 || m.ents[0] == n.ents[0] ||
        (m.flags & (kPronoun | kPossessive | kModifier | kLocative)) ||
        (n.flags & (kPronoun | kGeneric)))
      continue;
    const Kind mk = ents_[static_cast<std::size_t>(m.ents[0])].kind;
    Ent& body = ents_[static_cast<std::size_t>(n.ents[0])];
    // The modifier is an acronym ("UN", "EU", "OSCE"): a longer name before a body is
    // more often an actor of its own.
    if (m.e != m.b + 1 || !tok(m.b).all_caps) continue;
    if (!(mk == Kind::kGovernment || mk == Kind::kOrganization) ||
        !(body.kind == Kind::kAgency ||
          (body.kind == Kind::kOrganization && mk == Kind::kOrganization)))
      continue;
    m.flags |= kModifier;
    if (!body.part_of.empty()) continue;
    body.part_of = ents_[static_cast<std::size_t>(m.ents[0])].name;
    if (mk == Kind::kOrganization) {  // an international body's
      body.kind = Kind::kOrganization;
      body.part_of_body = true;
    }
  }
  title_ties(si);
  // "The IMF's executive board approved ...", "the bank's management said": a body's own
  // governing organ acts for it, as one mention.
  for (std::size_t q = 0; q + 1 <= ms.size(); ++q) {
    Mention& m = ms[q];
    if (m.ents.size() != 1 || !(m.flags & kPossessive) || (m.flags & kPronoun) || m.e >= e)
      continue;
    const Kind k = ents_[static_cast<std::size_t>(m.ents[0])].kind;
    if (k == Kind::kPerson || k == Kind::kAllegation) continue;
    std::size_t j = m.e;
    if (j + 1 < e && (eq(f(j), "executive") || eq(f(j), "governing") || eq(f(j), "supervisory")))
      ++j;
    if (!(eq(f(j), "board") || eq(f(j), "council") || eq(f(j), "leadership") ||
          eq(f(j), "management") || eq(f(j), "secretariat")) ||
        (j + 1 < e && (tok(j + 1).type == TokenType::kPossessive || eq(f(j + 1), "of"))))
      continue;
    if (q + 1 < ms.size() && ms[q + 1].b <= j) continue;  // a name of its own follows
    m.e = static_cast<std::uint32_t>(j + 1);
    m.flags &= static_cast<std::uint16_t>(~kPossessive);
  }
  // "the government of Kenya", "the authorities of Peru": the state itself, as one mention.
  {
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // (new start, old start)
    for (Mention& m : ms)
      if (m.ents.size() == 1 && m.b >= b + 2 && eq(f(m.b - 1), "of") && is(m.b - 2, kStateNouns) &&
          ents_[static_cast<std::size_t>(m.ents[0])].kind == Kind::kGovernment) {
        std::size_t start = m.b - 2;
        if (start > b && (eq(f(start - 1), "the") || eq(f(start - 1), "its"))) --start;
        spans.emplace_back(start, m.b);
        m.b = static_cast<std::uint32_t>(start);
        m.flags &= static_cast<std::uint16_t>(~(kLocative | kModifier));
      }
    for (const auto& span : spans)
      ms.erase(std::remove_if(
                   ms.begin(), ms.end(),
                   [&span](const Mention& o) { return o.b >= span.first && o.e <= span.second; }),
               ms.end());
    if (!spans.empty())
      std::stable_sort(ms.begin(), ms.end(),
                       [](const Mention& x, const Mention& y) { return x.b < y.b; });
  }
  // A compound actor's mention is one of its members (names.cpp: Ent::members).
  for (Mention& m : ms) {
    std::vector<int> out;
    for (int id : m.ents) {
      const auto& mem = ents_[static_cast<std::size_t>(id)].members;
      if (mem.empty())
        out.push_back(id);
      else
        out.insert(out.end(), mem.begin(), mem.end());
    }
    m.ents = std::move(out);
  }
  group_coordination(ms);
}

}  // namespace stakegraph::io::extract
