// Names beyond the lexicon (pass 1 over the sentences): capitalised names typed by their head
// nouns and context cues (the event-data dictionaries' actors: dictionary_names.cpp).
#include "io/extract/run.hpp"

#include "io/extract/tagger.hpp"

namespace stakegraph::io::extract {

namespace {

// The kind an apposition's head noun gives the name before it ("Nordlys, a subsidiary of
// ..."; "Kora, a regulator"): that of a singular institution noun of kAnaphors when its
// readings agree, else an organization ("a tech giant" is no vendor by that word alone).
Kind apposition_head_kind(std::string_view w) {
  for (const AnaphorHead& a : kAnaphors)
    if (!a.plural && w == a.word)
      return a.kinds[0] == a.kinds[1] && a.kinds[1] == a.kinds[2] ? a.kinds[0]
                                                                  : Kind::kOrganization;
  // A plural description before coordinated names ("carmakers X and Y").
  if (w.size() > 4 && w.ends_with("makers")) return apposition_head_kind(w.substr(0, w.size() - 1));
  return Kind::kUnspecified;
}

}  // namespace

bool ArticleRun::place_begins_name(std::size_t from, std::size_t e) const {
  std::size_t j = from;
  while (j < e && j < from + 3 && tok(j).cap && tok(j).type == TokenType::kWord) {
    const LexiconEntry* other = nullptr;
    if (match_lexicon(j, e, &other, false) > 0) return false;
    ++j;
  }
  if (j == from || (j < e && tok(j).cap && tok(j).type == TokenType::kWord)) return false;
  const std::string_view last = f(j - 1);
  return is(j - 1, kCompanyNouns) || is(j - 1, kTechCompanyNouns) || is(j - 1, kOperatorSuffix) ||
         eq(last, "daily") || eq(last, "times") || eq(last, "herald") || eq(last, "tribune") ||
         eq(last, "gazette");
}

// A lower-case particle inside a person's name (Arabic "bin", Dutch and German "van", "von
// der", Romance "de", "da", "dos", "del"): written between capitalised words.
bool ArticleRun::name_particle(std::size_t k) const {
  static constexpr std::string_view kParticles[] = {"bin", "ibn", "bint",  "al", "von", "van",
                                                    "der", "den", "de",    "da", "di",  "dos",
                                                    "das", "del", "della", "du", "le",  "la"};
  const Token& t = tok(k);
  return t.type == TokenType::kWord && !t.cap && in_list(kParticles, f(k));
}

// Pass 1: unknown capitalised names typed by their context.
bool ArticleRun::common_opener(std::size_t k) {
  const auto& ss = L_.sentences;
  const auto it = std::upper_bound(ss.begin(), ss.end(), k,
                                   [](std::size_t t, const Sentence& s) { return t < s.first; });
  if (it == ss.begin() || k >= std::prev(it)->last) return false;  // a dateline's token
  const std::size_t si = static_cast<std::size_t>(std::prev(it) - ss.begin());
  const Sentence& s = ss[si];
  if (pos_.size() != L_.tokens.size()) {
    pos_.assign(L_.tokens.size(), Pos::kPunct);
    pos_done_.assign(ss.size(), 0);
  }
  // An unknown word, or a proper noun only, is a name to the tagger: no need to tag.
  if (!pos_done_[si] && !common_word(f(k))) return false;
  if (!pos_done_[si]) {
    // Only the sentence's first words are asked about: the tag of a word depends on the first
    // pass of the next two or three and on the tags before it (tagger.hpp), so tagging the
    // first eight gives the first two words the tags the whole sentence would, at a fraction
    // of the cost (most of the time is the look-ups of the words' classes).
    const std::size_t n = std::min<std::size_t>(s.last - s.first, 8);
    const TagResult r = tag_sentence(std::span<const Token>(L_.tokens).subspan(s.first, n));
    std::copy(r.tags.begin(), r.tags.end(), pos_.begin() + s.first);
    pos_done_[si] = 1;
  }
  const Pos p = pos_[k];
  if (p == Pos::kPropn || p == Pos::kNoun || p == Pos::kNum) return false;
  if (p == Pos::kAdj) return k + 1 < s.last && pos_[k + 1] == Pos::kNoun;
  return true;
}

void ArticleRun::type_unknown_names(const Sentence& s, std::vector<char>& covered) {
  const std::size_t b = s.first, e = s.last;
  if (dict_ != nullptr && (code_actors_ || code_bodies_)) dictionary_actors(s, covered);
  // Where a country's name ends right before token j: the token its name starts at.
  std::vector<std::pair<std::size_t, std::size_t>> country_ends;  // (end, start)
  for (std::size_t k = b; k < e;) {
    const LexiconEntry* le = nullptr;
    std::size_t n = match_lexicon(k, e, &le, k == b);
    // A city that begins a longer name is part of it: "Nairobi Tech Daily" (a country may
    // begin a company's name too, but there it still says where the company is).
    if (n > 0 && le && le->kind == Kind::kGovernment && fold(surface(k, k + n)) != fold(le->name) &&
        place_begins_name(k + n, e)) {
      ++k;
      continue;
    }
    // So does a company's name begin another's: "Verizon Wireless", "Siemens Energy" are
    // companies of their own (a unit or a former one), not Verizon or Siemens.
    if (n > 0 && le && le->kind != Kind::kGovernment && le->kind != Kind::kPerson &&
        place_begins_name(k + n, e)) {
      ++k;
      continue;
    }
    if (n > 0) {
      for (std::size_t j = k; j < k + n; ++j) covered[j] = 1;
      if (le && le->kind == Kind::kGovernment) country_ends.emplace_back(k + n, k);
      k += n;
      continue;
    }
    ++k;
  }
  // "drinks maker X", "a chocolate maker": a maker of goods named before it that are no
  // network or technology equipment is a company, not a vendor (ONTOLOGY.md).
  auto maker_of_goods = [&](std::size_t k) {
    static constexpr std::string_view kMakers[] = {"maker",         "makers",   "manufacturer",
                                                   "manufacturers", "producer", "producers"};
    static constexpr std::string_view kTechGoods[] = {
        "equipment", "network",  "networking", "telecom",     "telecoms",      "telecommunications",
        "handset",   "phone",    "smartphone", "chip",        "device",        "computer",
        "gear",      "software", "hardware",   "electronics", "semiconductor", "semiconductors",
        "server",    "router",   "antenna",    "satellite",   "camera",        "surveillance",
        "5g",        "mobile"};
    static constexpr std::string_view kNoGoods[] = {
        "a",     "an",      "the",     "its",     "their",   "his",   "her",
        "rival", "largest", "biggest", "leading", "top",     "major", "main",
        "big",   "second",  "third",   "fellow",  "another", "other"};
    if (k <= b || !in_list(kMakers, f(k))) return false;
    const std::size_t p = k - 1;
    return is_word(p) && tok(p).type == TokenType::kWord && !in_list(kNoGoods, f(p)) &&
           !in_list(kTechGoods, f(p)) && !is(p, kTechCompanyNouns) && !ends_with(f(p), "est") &&
           !covered[p];
  };
  // Heads of bodies named for their purpose ("Centre for Cyber Security").
  auto for_purpose = [&](std::size_t k) {
    static constexpr std::string_view kHeads[] = {
        "centre",     "center",     "institute", "office",      "organization", "organisation",
        "commission", "council",    "committee", "agency",      "foundation",   "alliance",
        "coalition",  "campaign",   "society",   "association", "federation",   "network",
        "forum",      "initiative", "authority", "programme",   "program",      "secretariat"};
    return in_list(kHeads, f(k));
  };
  auto name_like = [&](std::size_t k) {
    const Token& t = tok(k);
    return t.type == TokenType::kWord && t.cap && !covered[k] && !hyphen_modifier(k);
  };
  for (std::size_t k = b; k < e;) {
    if (!name_like(k)) {
      ++k;
      continue;
    }
    std::size_t j = k + 1;
    while (j < e) {
      if (name_like(j)) {
        ++j;
        continue;
      }
      // A person's name may hold lower-case particles between its capitalised words
      // ("Mohammed bin Salman", "Ursula von der Leyen", "Lula da Silva").
      if (name_particle(j)) {
        std::size_t m = j + 1;
        if (m < e && name_particle(m)) ++m;
        if (m < e && name_like(m) && !tok(k).all_caps) {
          j = m + 1;
          continue;
        }
      }
      // A possessive inside an institution's name ("Cotton Growers' Federation"): kept when
      // the name goes on to an organisation or agency head noun.
      if (tok(j).type == TokenType::kPossessive && j + 1 < e && name_like(j + 1) && j - k <= 3) {
        std::size_t m = j + 1;
        while (m < e && name_like(m)) ++m;
        if (is(m - 1, kOrgSuffix) || is(m - 1, kAgencySuffix)) {
          j = m;
          continue;
        }
      }
      // "Ministry of Economy, Trade and Industry": a body's portfolio list, with commas,
      // closed by "and"; each item one to three name words (a list of known actors is not
      // name words, and an unclosed list is an enumeration, not a name).
      if (eq(f(j), ",") && j + 1 < e && name_like(j + 1)) {
        bool body_of = false;
        for (std::size_t q = k + 1; q < j; ++q)
          if (eq(f(q), "of")) {
            body_of = is(q - 1, kAgencySuffix);
            break;
          }
        std::size_t m = j + 1;
        bool closed = false, short_items = true;
        while (body_of && m < e) {
          const std::size_t item = m;
          while (m < e && name_like(m)) ++m;
          short_items &= m - item <= 3 && !by_name_.count(fold(surface(item, m)));
          if (m + 1 < e && eq(f(m), ",") && name_like(m + 1)) {
            ++m;
            continue;
          }
          if (m + 1 < e && eq(f(m), "and") && name_like(m + 1)) {
            const std::size_t last = ++m;
            while (m < e && name_like(m)) ++m;
            short_items &= m - last <= 3 && !by_name_.count(fold(surface(last, m)));
            closed = true;
          }
          break;
        }
        if (body_of && closed && short_items) {
          j = m;
          continue;
        }
      }
      // A name introduced by its kind ("rights group Friends of the Earth") may go on with
      // "of the".
      if (eq(f(j), "of") && j + 2 < e && eq(f(j + 1), "the") && name_like(j + 2) && k > b &&
          is(k - 1, kLowerOrgNouns) && !tok(k - 1).cap && j - k <= 3) {
        j += 2;
        while (j < e && name_like(j)) ++j;
        continue;
      }
      // A company "of <Place>" is located there ("Kessel Motors of Turin").
      if ((eq(f(j), "of") || eq(f(j), "and") || eq(f(j), "for") || eq(f(j), "de") ||
           eq(f(j), "&")) &&
          j + 1 < e && name_like(j + 1) && j - k <= 4 &&
          !(eq(f(j), "of") && (is(j - 1, kCompanyNouns) || is(j - 1, kTechCompanyNouns)))) {
        // "Federation of Andean Miners"; not "Ghana and Togo" (covered by the lexicon).
        std::size_t m = j + 1;
        while (m < e && name_like(m)) ++m;
        // "Ministry of Science and Technology": a body's portfolio may be coordinated.
        bool body_of = false;
        for (std::size_t q = k + 1; q < j; ++q)
          if (eq(f(q), "of") || (eq(f(q), "for") && for_purpose(q - 1))) {
            body_of = is(q - 1, kAgencySuffix) || is(q - 1, kOrgSuffix);
            break;
          }
        // Two actors already named are two, not one: "Voltara Mining and Kestrel Holdings";
        // so is a company name that ends in its trade or form before "and" (but "Ministry of
        // Fisheries and Oceans", "Marks and Spencer" are one).
        bool has_of = false;
        for (std::size_t q = k; q < j; ++q) has_of |= eq(f(q), "of");
        // A union of trades is one name: "the Transport and General Workers Union", "the
        // Steel and Metal Workers union".
        bool trades_union = m < e && eq(f(m), "union");
        for (std::size_t q = j + 1; q < m; ++q)
          trades_union |= eq(f(q), "workers") || eq(f(q), "employees") || eq(f(q), "union");
        if (eq(f(j), "and") && trades_union) {
          j = m;
          continue;
        }
        if (eq(f(j), "and") &&
            (by_name_.count(fold(surface(k, j))) || by_name_.count(fold(surface(j + 1, m))) ||
             (!has_of && j - k >= 2 && (is(j - 1, kCompanyNouns) || is(j - 1, kOrgSuffix)))))
          break;
        // "Centre for Cyber Security", "Institute for Fiscal Studies": a body "for" its
        // purpose is one name.
        if (is(m - 1, kOrgSuffix) || is(m - 1, kAgencySuffix) || eq(f(j), "of") ||
            (eq(f(j), "for") && for_purpose(j - 1)) || (m < e && is(m, kAgencySuffix)) ||
            (eq(f(j), "and") && body_of && m - j <= 3)) {
          j = m;
          continue;
        }
      }
      break;
    }
    // "Tesla Chief Executive Elon Musk": a company's name, its officer's title and the
    // officer's name in one capitalised run are two names; the company's ends here (the
    // title and the person are the next run's).
    std::size_t company_end = 0;
    if (j - k >= 4) {
      static constexpr std::string_view kOfficerTitles[] = {"chief",      "ceo",     "chairman",
                                                            "chairwoman", "founder", "president"};
      static constexpr std::string_view kTitleModifiers[] = {
          "vice", "deputy", "former", "acting", "interim", "senior", "assistant", "executive"};
      for (std::size_t t = k + 1; t + 2 < j && t <= k + 3 && company_end == 0; ++t) {
        if (!in_list(kOfficerTitles, f(t))) continue;
        std::size_t after = t;
        while (after < j && is(after, kRoleTitles)) ++after;
        bool before_ok = true;
        for (std::size_t q = k; q < t; ++q)
          before_ok &= !is(q, kRoleTitles) && !in_list(kTitleModifiers, f(q)) && !is(q, kSkip);
        if (before_ok && j - after >= 2 && j - after <= 3) company_end = t;
      }
    }
    if (company_end > 0) j = company_end;
    std::size_t start = k, end = j;
    k = j;
    // The head noun of the name: the word before its first "of"/"for" ("Ministry of
    // Agriculture", "Competition Commission of India"), else its last word.
    auto head_of = [&](std::size_t from, std::size_t to) {
      for (std::size_t m = from + 1; m < to; ++m)
        if (eq(f(m), "of") || eq(f(m), "for")) return m - 1;
      return to - 1;
    };
    auto institutional = [&](std::size_t h) {
      return is(h, kOrgSuffix) || is(h, kAgencySuffix) || is(h, kOperatorSuffix) ||
             is(h, kCompanyNouns) || is(h, kTechCompanyNouns);
    };
    // Sentence-initial function words and month/day names are not names; titles and
    // adjectives before a person's name are not part of it, but they are part of an
    // institution's name ("National Transport Safety Board", "Federal Court").
    // A one-word institution's name after its country's counts as two words ("Peru
    // Telecommunications", though "telecommunications" may also open a minister's title).
    bool country_before = false;
    for (const auto& ce : country_ends) country_before |= ce.first == start && start > b;
    const bool named_institution =
        (end - start >= 2 || (country_before && tok(start).cap && !is(start, kSkip))) &&
        institutional(head_of(start, end));
    std::size_t demonym_start = end;            // where a leading demonym was cut off, if one was
    const LexiconEntry* cut_demonym = nullptr;  // and its country
    for (;;) {
      const LexiconEntry* dmy = nullptr;
      if (start < end && named_institution && is(start, kSkip) && !is(start, kRoleTitles) &&
          !is(start, kNameAdjectives) && !eq(f(start), "state"))
        ++start;
      else if (start < end && !named_institution &&
               (is(start, kSkip) || is(start, kRoleTitles) || eq(f(start), "of")))
        ++start;
      // The portfolio before a title is part of it: "Agriculture Minister Devendra Rawal",
      // also of two or three words ("Corporate Affairs Minister Michael Howard").
      else if (!named_institution && start + 2 < end && is(start + 1, kGovTitles))
        start += 2;
      else if (!named_institution && start + 3 < end &&
               (is(start + 2, kGovTitles) || (start + 4 < end && is(start + 3, kGovTitles))) &&
               !is(start, kGovTitles) && !is(start + 1, kGovTitles))
        start += is(start + 2, kGovTitles) ? 3 : 4;
      else if (start < end && named_institution && eq(f(start), "of"))
        ++start;
      // "Rival Norvell Systems said": a description that opens the sentence.
      else if (start == b && start + 2 <= end &&
               (in_list(kNameDescriptors, f(start)) || ends_with(f(start), "makers") ||
                ends_with(f(start), "maker")))
        ++start;
      // A common word that opens the sentence ("Elsewhere", "Rising", "Asked about it"): the
      // tagger reads it as an adverb, adjective, verb or grammar word, not a name.
      else if (start < end && !named_institution &&
               (start == b || (start == b + 1 && tok(b).type == TokenType::kQuote)) &&
               common_opener(start))
        ++start;
      else if (start + 1 < end && match_demonym(start, end, &dmy) > 0) {
        demonym_start = start;
        cut_demonym = dmy;
        start += match_demonym(start, end, &dmy);
      } else
        break;
    }
    while (end > start && (eq(f(end - 1), "of") || eq(f(end - 1), "and"))) --end;
    if (start >= end) continue;
    // A nationality word is never a name of its own ("according to Japanese newspapers").
    if (const LexiconEntry* dmy = nullptr; match_demonym(start, end, &dmy) == end - start) continue;
    // Headline-like all-capitals words are not names unless short acronyms.
    std::string name = surface(start, end);
    if (name.size() < 2) continue;
    const std::string_view prev = start > b ? f(start - 1) : std::string_view();
    const std::string_view prev2 = start > b + 1 ? f(start - 2) : std::string_view();
    const std::string_view next = end < e ? f(end) : std::string_view();
    const std::string_view next2 = end + 1 < e ? f(end + 1) : std::string_view();
    // A one-word company or body name after its country's ("Kenya Airways", "Ghana Ports"):
    // the country is part of the name (below), which is two words long.
    bool after_country = false;
    for (const auto& ce : country_ends) after_country |= ce.first == start && tok(start).cap;
    const std::size_t len =
        end - start +
        (end - start == 1 && after_country && start > b && institutional(head_of(start, end)) ? 1
                                                                                              : 0);
    // Documents and things are no actors: "the Entity List", "the Patriot Act" (an
    // investment fund owns things: a name ending in "Fund" is kept).
    if (len >= 2 && is(end - 1, kNotActors) && !eq(f(end - 1), "fund")) continue;
    std::size_t particles = 0;  // lower-case words of a person's name ("da", "von der")
    for (std::size_t m = start; m < end; ++m) particles += name_particle(m) ? 1 : 0;
    Kind kind = Kind::kUnspecified;
    bool is_lower_org = false;
    const std::size_t head = head_of(start, end);
    // "Name (ACR)": the acronym names the same actor from here on.
    // Also after the body's country: "Competition Commission of India (CCI)".
    std::size_t acr = end;
    if (acr + 1 < e && eq(f(acr), "of"))
      for (const auto& [cend, cstart] : country_ends)
        if (cstart == acr + 1) acr = cend;
    const bool acronym = acr + 2 < e && eq(f(acr), "(") && eq(f(acr + 2), ")") &&
                         tok(acr + 1).all_caps && tok(acr + 1).folded.size() <= 8;
    // The last word of a newspaper's or a site's name ("Nairobi Tech Daily", "Lagos Herald").
    const std::string_view last = f(end - 1);
    const bool media_head =
        len >= 2 &&
        (eq(last, "daily") || eq(last, "times") || eq(last, "herald") || eq(last, "tribune") ||
         eq(last, "gazette") || eq(last, "chronicle") || eq(last, "post") || eq(last, "observer"));
    if (company_end > 0)
      kind = Kind::kOrganization;
    else if (is(end - 1, kOperatorSuffix) && len >= 2)
      kind = Kind::kOperator;
    else if (media_head)
      kind = Kind::kMedia;
    else if (is(head, kAgencySuffix) && len >= 2)
      kind = Kind::kAgency;
    // A country's organisation is its agency: "India's Central Drugs Standard Control
    // Organisation".
    else if ((eq(f(head), "organisation") || eq(f(head), "organization")) && len >= 2 &&
             start >= b + 2 && tok(start - 1).type == TokenType::kPossessive &&
             std::any_of(country_ends.begin(), country_ends.end(),
                         [&](const auto& ce) { return ce.first == start - 1; }))
      kind = Kind::kAgency;
    else if (is(head, kOrgSuffix) && len >= 2)
      kind = Kind::kOrganization;
    // Company names that open with their kind in Spanish, Portuguese, French or Italian
    // ("Grupo Vela", "Banco Ardiles", "Groupe Marin").
    else if (len >= 2 &&
             (eq(f(start), "grupo") || eq(f(start), "groupe") || eq(f(start), "gruppo") ||
              eq(f(start), "banco") || eq(f(start), "banque") || eq(f(start), "compania") ||
              eq(f(start), "companhia") || eq(f(start), "empresa") || eq(f(start), "industrias")))
      kind = Kind::kOrganization;
    else if (is(head, kTechCompanyNouns) && len >= 2)
      kind = Kind::kVendor;
    else if (is(head, kCompanyNouns) && len >= 2)
      kind = Kind::kOrganization;
    // "the rights group Friends of the Earth": a kind before a name says the name's kind;
    // so does a body's ("Brazil's environmental agency Ibama", "the antitrust watchdog X").
    else if (start > b && is(start - 1, kLowerOrgNouns) && !tok(start - 1).cap && len <= 6 &&
             !is(start, kRoleTitles))
      kind = Kind::kOrganization;
    else if (start > b && !tok(start - 1).cap && len <= 4 && !is(start, kRoleTitles) &&
             (eq(prev, "agency") || eq(prev, "regulator") || eq(prev, "watchdog") ||
              eq(prev, "authority") || eq(prev, "ministry") || eq(prev, "inspectorate")))
      kind = Kind::kAgency;
    // "state-owned Petrobras", "China's state-run CNOOC": a state's company.
    else if (start > b && len <= 4 && !is(start, kRoleTitles) &&
             (eq(prev, "state-owned") || eq(prev, "state-run") || eq(prev, "state-controlled") ||
              eq(prev, "government-owned")))
      kind = Kind::kOrganization;
    // "the mining company Serra Alta", "state lender Banco X": the head noun of a description
    // right before a name types it (a person's role before a name is a title, below).
    else if (start > b && !tok(start - 1).cap && is_word(start - 1) && len <= 4 &&
             !is(start, kRoleTitles) && !is(start - 1, kPersonRoles) &&
             apposition_head_kind(prev) != Kind::kUnspecified)
      kind = apposition_head_kind(prev) == Kind::kVendor && maker_of_goods(start - 1)
                 ? Kind::kOrganization
                 : apposition_head_kind(prev);
    // "Peru's mining regulator, Osinergmin, fined ...": the body named in apposition.
    else if (eq(prev, ",") && start >= b + 2 && len <= 4 && !is(start, kRoleTitles) &&
             !tok(start - 2).cap && eq(next, ",") &&
             (eq(prev2, "agency") || eq(prev2, "regulator") || eq(prev2, "watchdog") ||
              eq(prev2, "authority") || eq(prev2, "inspectorate")))
      kind = Kind::kAgency;
    // "Environmental group Friends of ..." is that kind, not a name of its own.
    else if (end + 1 < e && is(end, kLowerOrgNouns) && !tok(end).cap && tok(end + 1).cap &&
             tok(end + 1).type == TokenType::kWord)
      continue;
    else if (end < e && is(end, kLowerOrgNouns) && !tok(end).cap && len <= 3) {
      kind = Kind::kOrganization;
      is_lower_org = true;
    } else if ((start > b && is(start - 1, kOperatorCue)) ||
               (eq(prev, "provider") && eq(prev2, "telecoms")))
      kind = Kind::kOperator;
    else if (start > b && is(start - 1, kVendorCue) && len <= 3)
      kind = Kind::kVendor;
    else if (start > b && is(start - 1, kMediaCue) && len <= 4)
      kind = Kind::kMedia;
    // ("told Parliament": a body addressed is no medium.)
    else if ((eq(prev, "told") || (eq(prev, "to") && eq(prev2, "according"))) && len <= 4 &&
             !is(end - 1, kAgencySuffix) && !is(end - 1, kOrgSuffix))
      kind = Kind::kMedia;
    else if (len >= 2 && len - particles <= 4 && start > b && is(start - 1, kRoleTitles))
      kind = Kind::kPerson;
    // An occupation before a name: "marathon runner Titus Ekiru", "the lawyer Ana Ruiz".
    else if (len >= 2 && len - particles <= 3 && start > b && is(start - 1, kPersonRoles) &&
             !tok(start - 1).cap)
      kind = Kind::kPerson;
    // A surname after a capitalised title: "President Biden", "Chancellor Scholz".
    // (Not a word the article writes in lower case: "Minister Says Pressure Grows" is a
    // headline in capitals.)
    else if (len == 1 && start > b && in_list(kPersonNouns, f(start - 1)) && tok(start - 1).cap &&
             !tok(start).all_caps && tok(start).folded.size() > 2 &&
             !lower_words_.contains(tok(start).folded) && cls_[start] == 0)
      kind = Kind::kPerson;
    else if (len >= 2 && len <= 3 && eq(prev, ",") && start >= b + 2 && [&] {
               // "Huawei's chief financial officer, Meng Wanzhou"; "China's ambassador in
               // London, Liu Xiaoming" (a place after the role).
               std::size_t r = start - 2;
               std::size_t places = 0;
               while (r > b + 1 && tok(r).cap && places < 3) --r, ++places;
               if (places > 0 && !(eq(f(r), "in") || eq(f(r), "at") || eq(f(r), "to")))
                 return false;
               if (places > 0) --r;
               return is(r, kPersonRoles);
             }())
      kind = Kind::kPerson;
    else if (len >= 2 && len <= 3 && eq(next, ",") && end + 2 < e && [&] {
               // "Ana Lopez, Spain's foreign minister"; "Jan Olsen, minister of defence".
               std::size_t r = end + 1;
               const LexiconEntry* le = nullptr;
               const std::size_t n = match_lexicon(r, e, &le, false);
               if (n > 0 && r + n < e && tok(r + n).type == TokenType::kPossessive) r += n + 1;
               for (std::size_t q = r; q < std::min(e, r + 3) && is_word(q); ++q)
                 if (is(q, kPersonRoles)) return true;
               return false;
             }())
      kind = Kind::kPerson;
    // "Vattenfall's chief executive", "Orvento's shares": a name whose possessive governs a
    // company's officer or stock is a company's.
    else if (end + 1 < e && tok(end).type == TokenType::kPossessive && len <= 3 && [&] {
               std::size_t r = end + 1;
               while (r < e && r < end + 3 &&
                      (eq(f(r), "chief") || eq(f(r), "managing") || eq(f(r), "former") ||
                       eq(f(r), "largest")))
                 ++r;
               return r < e && !tok(r).cap && in_list(kCompanyOf, f(r));
             }())
      kind = Kind::kOrganization;
    else if (eq(next, ",") &&
             (eq(next2, "a") || eq(next2, "an") || eq(next2, "the") ||
              // "Vattenfall, Sweden's state-owned utility,": a possessor opens the apposition.
              (end + 2 < e && tok(end + 1).cap && tok(end + 2).type == TokenType::kPossessive))) {
      // Apposition: "Michael Kovrig, a former Canadian diplomat"; "Skycom, a firm". The
      // head noun is the last cue before a boundary or preposition ("a Green Party
      // campaign manager" is a person, "a maker of pumps" a vendor).
      for (std::size_t m = end + 2; m < std::min(e, end + 8); ++m) {
        std::string_view w = f(m);
        if (eq(w, ",") || eq(w, ".") || eq(w, "that") || is_who(m) || eq(w, "which") ||
            (is(m, kPrepositions) && kind != Kind::kUnspecified))
          break;
        if (tok(m).cap && m + 1 < e && !eq(f(m + 1), ",") && !eq(f(m + 1), ".")) continue;
        if (is(m, kPersonRoles) && len >= 2)
          kind = Kind::kPerson;
        else if (eq(w, "carrier") || eq(w, "operator") || eq(w, "provider"))
          kind = Kind::kOperator;
        else if (maker_of_goods(m))
          kind = Kind::kOrganization;
        else if (eq(w, "maker") || eq(w, "manufacturer") || eq(w, "chipmaker") || eq(w, "vendor") ||
                 eq(w, "designer") || eq(w, "supplier"))
          kind = Kind::kVendor;
        else if (eq(w, "newspaper") || eq(w, "broadcaster") || eq(w, "daily"))
          kind = Kind::kMedia;
        else if (eq(w, "firm") || eq(w, "company") || eq(w, "group") || eq(w, "bank") ||
                 eq(w, "organisation") || eq(w, "organization") || eq(w, "charity") ||
                 eq(w, "party") || eq(w, "movement") || eq(w, "body"))
          kind = Kind::kOrganization;
        else if (const Kind hk = apposition_head_kind(w); hk != Kind::kUnspecified)
          kind = hk;
      }
    } else if (len >= 2 && len <= 3 && end < e && is(end, kSpeechVerbs)) {
      kind = Kind::kPerson;
    } else if (len >= 2 && len <= 3 && eq(next, ",") && eq(next2, "who")) {
      kind = Kind::kPerson;
    } else if (len >= 2 && len <= 3 && start > b &&
               (eq(prev, "appointed") || eq(prev, "nominated") || eq(prev, "sacked") ||
                eq(prev, "fired") || eq(prev, "dismissed"))) {
      // One appointed or dismissed to or from a post: "appointed Elena Ruiz to ...".
      kind = Kind::kPerson;
    }
    if (kind == Kind::kUnspecified) {
      if (end < e && is(end, kReportVerbs) && (eq(next, "reported") || eq(next, "reports")))
        kind = Kind::kMedia;
    }
    // "Russia's Gazneft", "Chile's Cordillera": one unknown word owned by a country is a
    // company or body of it (a person met before is found by name, not here).
    if (kind == Kind::kUnspecified && len == 1 && start >= b + 2 &&
        tok(start - 1).type == TokenType::kPossessive && !tok(start).all_caps &&
        std::any_of(country_ends.begin(), country_ends.end(),
                    [&](const auto& ce) { return ce.first == start - 1; })) {
      int g = -1;
      if (match_gazetteer(start, end, &g) == 0) kind = Kind::kOrganization;
    }
    // A name defined with an acronym is an institution's.
    if (kind == Kind::kUnspecified && acronym && len >= 2) kind = Kind::kOrganization;
    // Two capitalised words joined by a hyphen before a verb ("Rolls-Royce will supply",
    // "Hewlett-Packard said"): a company's name (a demonym pair, "Franco-German", is none).
    if (kind == Kind::kUnspecified && end - start == 1 && end < e &&
        (is(end, kAux) || is(end, kSpeechVerbs) || is(end, kBeForms))) {
      const std::string w = surface(start, end);
      const std::size_t h = w.find('-');
      const LexiconEntry* dm = nullptr;
      if (h != std::string_view::npos && h > 1 && h + 2 < w.size() && w[0] >= 'A' && w[0] <= 'Z' &&
          w[h + 1] >= 'A' && w[h + 1] <= 'Z' && w.find('-', h + 1) == w.npos &&
          match_demonym(start, end, &dm) == 0)
        kind = Kind::kOrganization;
    }
    // "Volta and Kestrova", "Diageo, Sorvan and Kestrova": one name coordinated after a
    // company's is a company of the same kind (one or two words, not a person's shape).
    if (kind == Kind::kUnspecified && len <= 2 && start >= b + 2 &&
        (eq(prev, "and") || eq(prev, ",")) && !tok(start).all_caps && end < e && !tok(end).cap) {
      for (std::size_t w = start - 1; w-- > b && w + 5 >= start && kind == Kind::kUnspecified;) {
        int g = -1;
        const LexiconEntry* le = nullptr;
        Kind k2 = Kind::kUnspecified;
        if (match_gazetteer(w, start - 1, &g) == start - 1 - w && g >= 0)
          k2 = ents_[static_cast<std::size_t>(g)].kind;
        else if (match_lexicon(w, start - 1, &le, w == b) == start - 1 - w && le)
          k2 = le->kind;
        if (k2 == Kind::kOrganization || k2 == Kind::kVendor || k2 == Kind::kOperator) kind = k2;
      }
    }
    if (kind == Kind::kUnspecified) continue;
    // A body or company whose name opens with its country's ("Kenya Revenue Authority",
    // "Ghana Airways"): the country is part of the name.
    // The name without the country is the body's too when two words or more remain ("the
    // Maritime Alliance" after "the United States Maritime Alliance").
    std::string without_country;
    if (kind != Kind::kPerson && !is_lower_org && institutional(head) && start > b)
      for (const auto& [cend, cstart] : country_ends)
        if (cend == start && tok(start - 1).cap) {
          if (end - start >= 2) without_country = surface(start, end);
          start = cstart;
          name = surface(start, end);
          gaz_max_ = std::max(gaz_max_, end - start);
          break;
        }
    if (is_lower_org) name = surface(start, end + 1);
    // A political party is named with its nation's demonym ("the Mongolian People's
    // Party"); the name without it is an alias.
    std::string short_party;
    // So is a movement's or a force's ("the Syrian Democratic Forces").
    if (kind == Kind::kOrganization && demonym_start < start &&
        (eq(f(head), "party") || eq(f(head), "forces") || eq(f(head), "front") ||
         eq(f(head), "movement")) &&
        end - start >= 2) {
      short_party = name;
      name = surface(demonym_start, end);
    }
    // A shorter form of a person's name already met ("Lula da Silva" after "Luiz Inacio
    // Lula da Silva"): every capitalised word of it is a word of that person's name.
    if (kind == Kind::kPerson) {
      int same = -1;
      for (std::size_t m = start; m < end && same != -2; ++m) {
        if (!tok(m).cap) continue;
        int g = -1;
        if (match_gazetteer(m, m + 1, &g) != 1 ||
            ents_[static_cast<std::size_t>(g)].kind != Kind::kPerson || (same >= 0 && g != same))
          same = -2;
        else
          same = g;
      }
      if (same >= 0) {
        add_gazetteer(fold(name), same);
        gaz_max_ = std::max(gaz_max_, end - start);
        continue;
      }
    }
    // A state's ministry named with its demonym is named as one named with its possessor
    // ("the Chadian Defence Ministry" is "Chad's Defence Ministry", the "Defence Ministry of
    // Chad"); the bare name is an alias.
    if (kind == Kind::kAgency && cut_demonym != nullptr && demonym_start < start &&
        cut_demonym->kind == Kind::kGovernment && head == end - 1 && end - start <= 3 &&
        (eq(f(head), "ministry") || eq(f(head), "department"))) {
      without_country = name;
      name += " of " + cut_demonym->name;
    }
    int id = entity_named(name, kind, true);
    if (!without_country.empty() && !by_name_.count(fold(without_country))) {
      add_gazetteer(fold(without_country), id);
      add_alias(id, without_country);
    }
    if (!short_party.empty()) {
      add_gazetteer(fold(short_party), id);
      add_alias(id, short_party);
    }
    add_gazetteer(fold(name), id);
    gaz_max_ = std::max(gaz_max_, len + (is_lower_org ? 1 : 0));
    if (acronym) {
      add_gazetteer(std::string(tok(acr + 1).folded), id);
      add_alias(id, surface(acr + 1, acr + 2));
    }
    // A company is called by the first word of its name ("Ostara" for "Ostara
    // Pharmaceuticals") when that word is no common word of names.
    if ((kind == Kind::kOrganization || kind == Kind::kVendor || kind == Kind::kOperator) &&
        len >= 2 &&
        (is(head, kCompanyNouns) || is(head, kTechCompanyNouns) || is(head, kOperatorSuffix) ||
         eq(f(head), "group") || eq(f(head), "holdings") || eq(f(head), "corp") ||
         eq(f(head), "bank") || eq(f(head), "corporation") || eq(f(head), "company") ||
         eq(f(head), "inc") || eq(f(head), "ltd") || eq(f(head), "plc") ||
         eq(f(head), "holding")) &&
        tok(start).folded.size() > 2 && tid_[start] == Lexicon::kNoToken && cls_[start] == 0 &&
        !tok(start).all_caps) {
      add_gazetteer(std::string(tok(start).folded), id);
      add_alias(id, surface(start, start + 1));
    }
    // ... by its name without its legal form ("Andes Copper" for "Andes Copper Corp",
    // "Nordvik" for "Nordvik ASA") ...
    static constexpr std::string_view kLegalForms[] = {
        "corp", "corporation", "inc", "incorporated", "ltd",  "limited", "plc", "llc", "co",
        "sa",   "ag",          "nv",  "spa",          "gmbh", "ab",      "asa", "oyj", "bhd"};
    if ((kind == Kind::kOrganization || kind == Kind::kVendor || kind == Kind::kOperator) &&
        len >= 3 && end - start >= 3 && in_list(kLegalForms, f(end - 1))) {
      const std::string shorter = surface(start, end - 1);
      if (!by_name_.count(fold(shorter))) {
        add_gazetteer(fold(shorter), id);
        add_alias(id, shorter);
      }
    }
    // ... and by its name without the trade ("Polar Crest" for "Polar Crest Seafood").
    if ((kind == Kind::kOrganization || kind == Kind::kVendor || kind == Kind::kOperator) &&
        len >= 3 && head == end - 1 &&
        (is(head, kCompanyNouns) || is(head, kTechCompanyNouns) || is(head, kOperatorSuffix)) &&
        !is(end - 2, kCompanyNouns) && !is(end - 2, kTechCompanyNouns) &&
        tid_[start] == Lexicon::kNoToken) {
      const std::string shorter = surface(start, end - 1);
      if (!by_name_.count(fold(shorter))) {
        add_gazetteer(fold(shorter), id);
        add_alias(id, shorter);
      }
    }
    if (kind == Kind::kPerson) {
      // Later mentions by one part of the name ("Meng", "Merkel").
      for (std::size_t m = start; m < end; ++m)
        if (tok(m).folded.size() > 2 && tok(m).cap) add_gazetteer(std::string(tok(m).folded), id);
    }
    // Leave the covered marks: names typed here are found by the gazetteer in pass 2.
  }
}

}  // namespace stakegraph::io::extract
