// The extractor's closed word lists (grammar words, not actors) and the small text
// helpers the stages share. Every list owns one bit of a token's class mask (TokenIndex), so
// testing whether a token is in a list is one AND. At most 64 lists.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/ontology.hpp"

namespace stakegraph::io::extract {

using graph::Kind;
using graph::Relation;

// A closed list of grammar words. Every list owns one bit of a token's class mask
// (TokenIndex, computed once per token), so testing a token is one AND; in() tests any text.
class WordSet;
inline std::vector<const WordSet*>& word_sets() {
  static std::vector<const WordSet*> sets;
  return sets;
}
class WordSet final {
 public:
  WordSet(std::initializer_list<std::string_view> words)
      : WordSet(std::vector<std::string_view>(words)) {}
  explicit WordSet(std::vector<std::string_view> words) : words_(std::move(words)) {
    if (word_sets().size() >= 64) throw std::logic_error("more than 64 word lists");
    bit_ = std::uint64_t{1} << word_sets().size();
    word_sets().push_back(this);
  }
  WordSet(const WordSet&) = delete;
  WordSet& operator=(const WordSet&) = delete;
  std::uint64_t bit() const noexcept { return bit_; }
  const std::vector<std::string_view>& words() const noexcept { return words_; }
  bool contains(std::string_view w) const noexcept {
    return std::find(words_.begin(), words_.end(), w) != words_.end();
  }

 private:
  std::vector<std::string_view> words_;
  std::uint64_t bit_ = 0;
};

inline bool in(const WordSet& s, std::string_view w) { return s.contains(w); }

// Equality with a string literal whose length is known at compile time (the comparison is
// inlined: most tested words are a few bytes).
template <std::size_t N>
bool eq(std::string_view a, const char (&lit)[N]) {
  return a.size() == N - 1 && std::memcmp(a.data(), lit, N - 1) == 0;
}

// ---- word lists (grammar, not actors) ----
inline const WordSet kPrepositions = {
    "of",     "in",      "to",      "for",   "with",    "from",    "by",     "at",      "on",
    "about",  "against", "over",    "into",  "through", "near",    "across", "outside", "inside",
    "within", "under",   "between", "among", "toward",  "towards", "via",    "off",     "around"};
inline const WordSet kLocativePreps = {"in",     "at",     "near",    "through", "across",
                                       "around", "inside", "outside", "within",  "throughout",
                                       "off",    "across", "via"};
inline const WordSet kBeForms = {"is", "are", "was", "were", "been", "being",
                                 "be", "got", "get", "gets", "'s"};
inline const WordSet kAdverbs = {
    "also",        "already",      "effectively", "formally",  "reportedly", "since",
    "then",        "later",        "now",         "still",     "just",       "recently",
    "repeatedly",  "consistently", "always",      "allegedly", "officially", "again",
    "quickly",     "slightly",     "jointly",     "publicly",  "privately",  "strongly",
    "firmly",      "previously",   "initially",   "further",   "eventually", "finally",
    "immediately", "temporarily"};
inline const WordSet kAux = {"has",   "have", "had",  "will",  "would", "could", "should", "may",
                             "might", "can",  "must", "shall", "did",   "does",  "do",     "is",
                             "are",   "was",  "were", "be",    "been",  "being"};
inline const WordSet kSubordinators = {
    "after", "before",  "when", "while", "whereas", "although", "though", "because", "unless",
    "if",    "whether", "but",  "until", "once",    "as",       "so",     "since",   "where"};
inline const WordSet kNegators = {"not", "n't", "never", "neither", "nor", "without"};
inline const WordSet kNoNouns = {"plans",     "plan",   "evidence", "intention", "intentions",
                                 "sign",      "proof",  "decision", "role",      "company",
                                 "companies", "longer", "one",      "reason",    "interest"};
inline const WordSet kHedges = {
    "reportedly",  "allegedly",   "claims",   "claimed",     "claim",       "perception",
    "suggests",    "suggested",   "may",      "might",       "could",       "possibly",
    "considering", "rumoured",    "rumored",  "speculation", "purportedly", "apparently",
    "supposedly",  "unconfirmed", "expected", "privately"};
inline const WordSet kGovRoles = {
    "government", "governments",    "authorities", "officials",   "official",     "ministers",
    "minister",   "prosecutors",    "diplomats",   "diplomat",    "leaders",      "leader",
    "lawmakers",  "administration", "regime",      "counterpart", "counterparts", "president",
    "envoy",      "negotiators",    "chancellor",  "secretary",   "premier",      "prime",
    "cabinet",    "state",          "side",        "delegation",  "spokesman"};
// Institution nouns: "<Demonym> <inst>" and "<Country>'s <inst>" are agencies.
inline const WordSet kInstitutions = {
    "police",       "navy",        "navies",      "army",      "armies",     "military",
    "militaries",   "parliament",  "parliaments", "court",     "courts",     "senate",
    "congress",     "legislature", "coastguard",  "judiciary", "commission", "ministry",
    "regulator",    "agency",      "department",  "tribunal",  "assembly",   "junta",
    "intelligence", "forces",      "guard",       "bank",      "council",    "bureau",
    "office",       "directorate", "regulators"};
// Nouns of a person's role that are also titles before a name ("Minister Ana Ruiz", "Ruiz,
// the minister"): the common part of kRoleTitles and kPersonRoles.
// clang-format off
inline constexpr std::string_view kPersonNouns[] = {
    "president", "minister", "secretary", "chancellor", "ambassador", "spokesman", "spokeswoman",
    "spokesperson", "chairman", "chairwoman", "ceo", "founder", "chief", "leader", "governor",
    "senator", "mp", "lawmaker", "journalist", "diplomat", "envoy", "officer", "executive",
    "director", "commissioner", "judge", "general", "commander", "king", "queen", "prince",
    "premier", "mayor", "mr", "mrs", "ms", "dr", "professor", "analyst", "activist", "official",
    "head", "boss", "representative", "candidate", "worker", "attorney", "prosecutor", "adviser",
    "advisor", "counsel", "daughter", "son", "wife", "husband", "member", "national", "colonel",
    "captain", "admiral", "director-general", "secretary-general", "attorney-general",
    "inspector-general"};
// clang-format on
inline std::vector<std::string_view> person_nouns_and(
    std::initializer_list<std::string_view> more) {
  std::vector<std::string_view> words(std::begin(kPersonNouns), std::end(kPersonNouns));
  words.insert(words.end(), more);
  return words;
}
// Words of a title before a name: person nouns, portfolios and modifiers ("Finance", "acting").
// clang-format off
inline const WordSet kRoleTitles(person_nouns_and({
    "chair", "deputy", "vice", "prime", "foreign", "finance", "defence", "defense", "trade",
    "commerce", "interior", "culture", "economy", "cabinet", "state", "former", "senior", "aid",
    "opposition", "rebel", "co-founder", "tourism", "justice", "health", "energy", "industry",
    "digital", "communications", "telecoms", "telecommunications", "labour", "home", "environment",
    "transport", "us", "financial", "operating", "technology", "security", "lieutenant",
    "sergeant", "pope", "archbishop", "sheikh", "emir", "sultan", "acting", "interim", "then",
    "exiled", "jailed", "detained", "veteran", "top", "managing", "mines", "mining",
    "agriculture", "fisheries", "education", "petroleum", "housing", "planning", "sports",
    "youth", "immigration", "infrastructure", "science", "investment", "aviation", "employment",
    "forestry"}));
// clang-format on
// Nouns naming a person by role or occupation ("the dissident", "a lawyer").
// clang-format off
inline const WordSet kPersonRoles(person_nouns_and({
    "dissident", "businessman", "businesswoman", "student", "writer", "blogger", "lawyer",
    "politician", "economist", "researcher", "scientist", "engineer", "citizen", "priest",
    "cleric", "reporter", "manager", "organiser", "organizer", "coordinator", "campaigner",
    "strategist", "pilot", "farmer", "negotiator"}));
// clang-format on
inline const WordSet kGovTitles = {
    "president", "minister", "secretary", "chancellor", "commissioner", "ambassador",
    "premier",   "envoy",    "diplomat",  "governor",   "senator",      "mp",
    "lawmaker",  "mayor",    "cabinet",   "king",       "queen",        "prime"};
inline const WordSet kSpeechVerbs = {"said",      "says",     "told",     "added",    "wrote",
                                     "argued",    "insisted", "stressed", "noted",    "explained",
                                     "warned",    "claimed",  "tweeted",  "declared", "announced",
                                     "commented", "replied",  "responded"};
inline const WordSet kReportVerbs = {"reported", "reports", "reporting", "said",      "says",
                                     "claims",   "claimed", "suggests",  "suggested", "revealed",
                                     "wrote",    "writes",  "cited",     "quoted",    "disclosed",
                                     "learned",  "learnt"};
inline const WordSet kOrgSuffix = {
    "party",         "movement", "brigade",     "brotherhood", "front",      "association",
    "federation",    "union",    "group",       "council",     "institute",  "foundation",
    "league",        "alliance", "coalition",   "society",     "committee",  "organisation",
    "organization",  "forum",    "club",        "trust",       "fund",       "corp",
    "inc",           "ltd",      "plc",         "company",     "holdings",   "partners",
    "consortium",    "network",  "army",        "militia",     "guard",      "guards",
    "congress",      "bank",     "llc",         "co",          "university", "church",
    "gang",          "cartel",   "rebels",      "tigers",      "programme",  "program",
    "confederation", "chamber",  "cooperative", "syndicate",   "collective", "corporation",
    "initiative",    "campaign", "holding"};
inline const WordSet kAgencySuffix = {
    "bureau",       "agency",    "commission",     "ministry",   "department", "board",
    "office",       "authority", "court",          "police",     "service",    "directorate",
    "centre",       "center",    "administration", "parliament", "senate",     "assembly",
    "inspectorate", "regulator", "secretariat",    "tribunal"};
inline const WordSet kOperatorSuffix = {
    "telecom", "telekom",   "mobile",  "cellular", "telecommunications",
    "telco",   "broadband", "wireless"};
// Head nouns of company names ("Ostara Pharmaceuticals", "Pinecrest Capital"): the name is an
// organization; kTechCompanyNouns make it a vendor (ONTOLOGY.md: makers of network, telecom or
// technology equipment).
// clang-format off
inline const WordSet kCompanyNouns = {
    "aerospace", "airways", "airlines", "airline", "air", "engines", "capital", "seeds",
    "genetics", "pharmaceuticals", "pharmaceutical", "pharma", "energy", "minerals", "mining",
    "metals", "steel", "motors", "foods", "ventures", "logistics", "shipping", "industries",
    "chemicals", "insurance", "securities", "investments", "resources", "enterprises", "petroleum",
    "oil", "agritech", "fintech", "biotech", "therapeutics", "sciences", "laboratories", "labs",
    "pharmacy", "pharmacies", "hospital", "automotive", "construction", "properties", "airport",
    "railways", "mills", "textiles", "breweries", "brewery", "fisheries", "dairy", "trading",
    "retail", "stores", "supermarkets", "bancorp", "financial", "healthcare", "health", "gas",
    "power", "utilities", "cement", "coal", "copper", "gold", "uranium", "lithium", "agro",
    "agrochemicals", "farms", "foods", "beverages", "brands", "apparel", "airlines", "cargo",
    "freight", "ports", "terminals", "maritime", "lines", "express", "exports", "corporation",
    "incorporated", "limited", "gmbh", "ag", "sa", "nv", "bv", "spa", "pte", "solutions",
    "materials", "seafood", "entertainment", "games", "studios", "pictures", "publishing",
    "aviation", "defence", "defense", "shipbuilding", "rail", "transport", "renewables", "solar",
    "nuclear", "agriculture", "packaging", "plastics", "hotels", "resorts", "casinos", "leisure",
    "cruises", "medical", "diagnostics", "biosciences", "biologics", "vaccines", "realty",
    "estates", "consulting", "advisors", "advisers", "exploration", "drilling", "refining",
    "fertilizers", "fertilisers", "tobacco", "motor", "automobiles", "apparel", "cosmetics"};
// clang-format on
inline const WordSet kTechCompanyNouns = {
    "semiconductor", "semiconductors", "electronics",      "robotics",
    "technologies",  "microsystems",   "microelectronics", "chips",
    "software",      "computing",      "devices",          "instruments",
    "systems",       "components",     "equipment",        "cloud",
    "tech",          "technology",     "dynamics"};
// What a company sells when it sells part of itself or of another: "sold its stake in X".
inline const WordSet kStakeNouns = {
    "stake", "stakes",     "shares",   "shareholding", "holding", "holdings",   "interest",
    "unit",  "subsidiary", "division", "business",     "arm",     "operations", "assets"};
// Capitalised words that begin many names but are no name of their own ("Southern Cross
// Pharmacy" is not "Southern").
inline const WordSet kNameAdjectives = {
    "southern", "northern",      "eastern",  "western", "central",  "general", "united",
    "national", "international", "global",   "first",   "royal",    "new",     "great",
    "american", "federal",       "state",    "public",  "people's", "peoples", "democratic",
    "free",     "independent",   "regional", "city",    "north",    "south",   "east",
    "west",     "grand",         "big",      "old",     "high",     "supreme"};
inline const WordSet kLowerOrgNouns = {"gang",  "rebels", "militia",  "cartel",
                                       "group", "party",  "movement", "insurgents"};
inline const WordSet kOperatorCue = {"operator", "operators", "carrier", "carriers",
                                     "telco",    "telcos",    "isp",     "provider"};
inline const WordSet kVendorCue = {
    "chipmaker", "chipmakers",   "vendor",        "vendors",  "supplier", "suppliers", "maker",
    "makers",    "manufacturer", "manufacturers", "designer", "firms",    "giant"};
inline const WordSet kMediaCue = {"newspaper", "daily",   "broadcaster", "magazine",
                                  "outlet",    "website", "site",        "journal",
                                  "tabloid",   "weekly",  "agency"};
// Heads of definite descriptions and the kinds they may refer to.
struct AnaphorHead {
  std::string_view word;
  std::array<Kind, 3> kinds;
  bool plural;
};
// Antecedents are searched among the last kLookback mentions, groups or subjects only
// (issue 13: a text that repeats an unresolvable anaphor made each search scan the whole
// article, quadratic in its length). A wire article has far fewer mentions than that.
inline constexpr std::size_t kLookback = 256;
template <class V>
std::size_t lookback_floor(const V& v) {
  return v.size() > kLookback ? v.size() - kLookback : 0;
}

inline constexpr AnaphorHead kAnaphors[] = {
    {"company", {Kind::kVendor, Kind::kOperator, Kind::kOrganization}, false},
    {"companies", {Kind::kVendor, Kind::kOperator, Kind::kOrganization}, true},
    {"firm", {Kind::kVendor, Kind::kOperator, Kind::kOrganization}, false},
    {"firms", {Kind::kVendor, Kind::kOperator, Kind::kOrganization}, true},
    {"vendor", {Kind::kVendor, Kind::kVendor, Kind::kVendor}, false},
    {"vendors", {Kind::kVendor, Kind::kVendor, Kind::kVendor}, true},
    {"supplier", {Kind::kVendor, Kind::kVendor, Kind::kVendor}, false},
    {"suppliers", {Kind::kVendor, Kind::kVendor, Kind::kVendor}, true},
    {"maker", {Kind::kVendor, Kind::kVendor, Kind::kVendor}, false},
    {"chipmaker", {Kind::kVendor, Kind::kVendor, Kind::kVendor}, false},
    {"designer", {Kind::kVendor, Kind::kVendor, Kind::kVendor}, false},
    {"giant", {Kind::kVendor, Kind::kOperator, Kind::kOrganization}, false},
    {"carrier", {Kind::kOperator, Kind::kOperator, Kind::kOperator}, false},
    {"carriers", {Kind::kOperator, Kind::kOperator, Kind::kOperator}, true},
    {"operator", {Kind::kOperator, Kind::kOperator, Kind::kOperator}, false},
    {"telco", {Kind::kOperator, Kind::kOperator, Kind::kOperator}, false},
    {"regulator", {Kind::kAgency, Kind::kAgency, Kind::kAgency}, false},
    {"agency", {Kind::kAgency, Kind::kAgency, Kind::kAgency}, false},
    {"commission", {Kind::kAgency, Kind::kAgency, Kind::kAgency}, false},
    {"department", {Kind::kAgency, Kind::kAgency, Kind::kAgency}, false},
    {"ministry", {Kind::kAgency, Kind::kAgency, Kind::kAgency}, false},
    {"bureau", {Kind::kAgency, Kind::kAgency, Kind::kAgency}, false},
    {"bank", {Kind::kOrganization, Kind::kOrganization, Kind::kOrganization}, false},
    {"group", {Kind::kOrganization, Kind::kOrganization, Kind::kOrganization}, false},
    {"association", {Kind::kOrganization, Kind::kOrganization, Kind::kOrganization}, false},
    {"bloc", {Kind::kOrganization, Kind::kGovernment, Kind::kOrganization}, false},
    {"alliance", {Kind::kOrganization, Kind::kOrganization, Kind::kOrganization}, false},
    {"newspaper", {Kind::kMedia, Kind::kMedia, Kind::kMedia}, false},
    {"paper", {Kind::kMedia, Kind::kMedia, Kind::kMedia}, false},
    {"site", {Kind::kMedia, Kind::kMedia, Kind::kMedia}, false},
    {"broadcaster", {Kind::kMedia, Kind::kMedia, Kind::kMedia}, false},
    {"daily", {Kind::kMedia, Kind::kMedia, Kind::kMedia}, false},
    {"court", {Kind::kAgency, Kind::kAgency, Kind::kAgency}, false},
    {"tribunal", {Kind::kAgency, Kind::kAgency, Kind::kAgency}, false},
    {"board", {Kind::kAgency, Kind::kAgency, Kind::kOrganization}, false},
    {"watchdog", {Kind::kAgency, Kind::kAgency, Kind::kAgency}, false},
    {"authority", {Kind::kAgency, Kind::kAgency, Kind::kAgency}, false},
    {"party", {Kind::kOrganization, Kind::kOrganization, Kind::kOrganization}, false},
    {"union", {Kind::kOrganization, Kind::kOrganization, Kind::kOrganization}, false},
    {"federation", {Kind::kOrganization, Kind::kOrganization, Kind::kOrganization}, false},
    {"manufacturer", {Kind::kVendor, Kind::kOrganization, Kind::kOrganization}, false},
    {"drugmaker", {Kind::kOrganization, Kind::kOrganization, Kind::kOrganization}, false},
    {"carmaker", {Kind::kOrganization, Kind::kOrganization, Kind::kOrganization}, false},
    {"automaker", {Kind::kOrganization, Kind::kOrganization, Kind::kOrganization}, false},
    {"airline", {Kind::kOrganization, Kind::kOrganization, Kind::kOrganization}, false},
    {"miner", {Kind::kOrganization, Kind::kOrganization, Kind::kOrganization}, false},
    {"lender", {Kind::kOrganization, Kind::kOrganization, Kind::kOrganization}, false},
    {"insurer", {Kind::kOrganization, Kind::kOrganization, Kind::kOrganization}, false},
    {"retailer", {Kind::kOrganization, Kind::kOrganization, Kind::kOrganization}, false},
    {"conglomerate", {Kind::kOrganization, Kind::kOrganization, Kind::kOrganization}, false},
    {"utility", {Kind::kOrganization, Kind::kOrganization, Kind::kOrganization}, false},
    {"producer", {Kind::kOrganization, Kind::kOrganization, Kind::kOrganization}, false},
    {"exporter", {Kind::kOrganization, Kind::kOrganization, Kind::kOrganization}, false},
    {"refiner", {Kind::kOrganization, Kind::kOrganization, Kind::kOrganization}, false},
    {"developer", {Kind::kOrganization, Kind::kOrganization, Kind::kOrganization}, false},
    {"subsidiary", {Kind::kOrganization, Kind::kVendor, Kind::kOperator}, false},
    {"police", {Kind::kAgency, Kind::kAgency, Kind::kAgency}, false},
    {"army", {Kind::kAgency, Kind::kAgency, Kind::kAgency}, false},
    {"prosecutor", {Kind::kAgency, Kind::kAgency, Kind::kAgency}, false},
    // "both countries", "the two sides": the states (or parties) named together before.
    {"countries", {Kind::kGovernment, Kind::kGovernment, Kind::kGovernment}, true},
    {"nations", {Kind::kGovernment, Kind::kGovernment, Kind::kGovernment}, true},
    {"governments", {Kind::kGovernment, Kind::kGovernment, Kind::kGovernment}, true},
    {"neighbours", {Kind::kGovernment, Kind::kGovernment, Kind::kGovernment}, true},
    {"neighbors", {Kind::kGovernment, Kind::kGovernment, Kind::kGovernment}, true},
    {"sides", {Kind::kGovernment, Kind::kOrganization, Kind::kAgency}, true},
};
// Trade nouns and the words of company names that say the trade (general knowledge).
inline constexpr std::pair<std::string_view, std::array<std::string_view, 6>> kTradeNames[] = {
    {"drugmaker",
     {"pharma", "pharmaceutical", "pharmaceuticals", "laboratories", "biotech", "drugs"}},
    {"miner", {"mining", "minerals", "resources", "metals", "copper", "gold"}},
    {"carmaker", {"motors", "motor", "auto", "automotive", "cars", "autos"}},
    {"automaker", {"motors", "motor", "auto", "automotive", "cars", "autos"}},
    {"airline", {"airlines", "airways", "air", "aviation", "", ""}},
    {"lender", {"bank", "capital", "finance", "financial", "credit", "bancorp"}},
    {"insurer", {"insurance", "assurance", "re", "", "", ""}},
    {"chipmaker",
     {"semiconductor", "semiconductors", "chips", "micro", "silicon", "microelectronics"}},
    {"manufacturer", {"industries", "manufacturing", "works", "pharma", "motors", "electronics"}},
};
// Heads that name a kind of institution by a word of its name: "the ministry" is a ministry
// of the article, never another agency.
inline const WordSet kNamedHeads = {"ministry", "commission", "department", "bureau",
                                    "court",    "tribunal",   "board",      "party",
                                    "union",    "federation", "bank",       "association",
                                    "alliance", "police",     "army",       "prosecutor"};
inline const WordSet kAnaphorHeads([] {
  std::vector<std::string_view> words;
  for (const auto& a : kAnaphors) words.push_back(a.word);
  return words;
}());
inline const WordSet kEventNouns = {
    "decision",  "move",         "news",        "ruling",       "ban",         "plan",
    "step",      "blow",         "measure",     "measures",     "policy",      "exclusion",
    "verdict",   "announcement", "designation", "listing",      "order",       "prohibition",
    "arrest",    "detention",    "sanctions",   "restrictions", "action",      "actions",
    "grounding", "recall",       "fine",        "penalty",      "judgment",    "judgement",
    "crackdown", "suspension",   "steps",       "deal",         "agreement",   "accord",
    "pact",      "contract",     "merger",      "takeover",     "acquisition", "attack",
    "attacks",   "raid",         "bombing",     "shelling",     "killing",     "killings",
    "invasion",  "offensive",    "incursion",   "massacre",     "airstrike",   "airstrikes",
    "arrests",   "expulsion",    "expulsions"};
inline const WordSet kAllegationNouns = {
    "accusations", "accusation", "allegations", "allegation",  "findings",
    "conclusions", "assertions", "assertion",   "claims",      "claim",
    "charges",     "charge",     "wrongdoing",  "suggestions", "suspicions",
    "concerns",    "reports",    "report",      "involvement", "responsibility"};
inline const WordSet kCrimeWords = {"espionage",    "spying",
                                    "backdoors",    "backdoor",
                                    "surveillance", "sabotage",
                                    "fraud",        "corruption",
                                    "bribery",      "theft",
                                    "hacking",      "cyberattacks",
                                    "cyberattack",  "money-laundering",
                                    "laundering",   "smuggling",
                                    "terrorism",    "war crimes",
                                    "abuses",       "genocide",
                                    "misled",       "stealing",
                                    "spy",          "spied",
                                    "vote-buying",  "irregularities",
                                    "torture",      "embezzlement",
                                    "extortion",    "trafficking",
                                    "intimidation", "manipulation",
                                    "evasion",      "price-fixing",
                                    "collusion",    "kickbacks",
                                    "bribes",       "infringement",
                                    "negligence",   "misconduct",
                                    "defamation",   "discrimination",
                                    "harassment",   "plagiarism"};
inline const WordSet kPositiveAdj = {"commendable", "welcome",  "right",    "good", "great",
                                     "important",   "positive", "sensible", "wise", "excellent",
                                     "courageous",  "correct",  "justified"};
inline const WordSet kNegativeAdj = {
    "disappointing",  "wrong",     "unacceptable",  "regrettable",  "unfair",      "unjust",
    "discriminatory", "misguided", "politically",   "absurd",       "outrageous",  "deplorable",
    "short-sighted",  "mistake",   "irresponsible", "hypocritical", "unjustified", "unwarranted",
    "protectionist",  "illegal",   "unlawful",      "provocative",  "arbitrary",   "reckless"};
// The judge's own feeling about an act or an actor: "X was dismayed by Y".
inline const WordSet kNegativeEmotion = {
    "disappointed", "dismayed", "stunned",    "shocked",  "surprised", "alarmed", "angered",
    "outraged",     "troubled", "frustrated", "appalled", "furious",   "angry"};
inline const WordSet kPositiveEmotion = {"pleased",  "delighted", "encouraged",
                                         "grateful", "satisfied", "glad"};
inline const WordSet kCopulas = {"is", "was", "are", "were", "been", "remains", "remained"};

// Sentence-initial function words, month/day names and titles: not names (pass 1).
inline const WordSet kSkip = {
    "the",        "a",          "an",         "in",        "on",        "at",         "but",
    "and",        "it",         "he",         "she",       "they",      "we",         "i",
    "this",       "that",       "these",      "those",     "there",     "some",       "many",
    "after",      "when",       "while",      "if",        "as",        "for",        "its",
    "his",        "her",        "their",      "our",       "under",     "with",       "from",
    "by",         "separately", "meanwhile",  "however",   "according", "only",       "both",
    "either",     "all",        "no",         "monday",    "tuesday",   "wednesday",  "thursday",
    "friday",     "saturday",   "sunday",     "january",   "february",  "march",      "april",
    "may",        "june",       "july",       "august",    "september", "october",    "november",
    "december",   "mr",         "mrs",        "ms",        "dr",        "president",  "prime",
    "minister",   "secretary",  "chancellor", "vice",      "chief",     "culture",    "economy",
    "foreign",    "commerce",   "finance",    "defence",   "defense",   "trade",      "cabinet",
    "state",      "former",     "future",     "emergency", "mps",       "ambassador", "chairman",
    "chipmakers", "congress",   "lawmakers",  "thousands", "hundreds",  "dozens",     "one",
    "two",        "three",      "four",       "five",      "ten",       "first",      "new",
    "we",         "you",        "our",        "what",      "why",       "how",        "who",
    "which",      "where",      "federal",    "national",  "internet",  "is",         "was",
    "today",      "yesterday",  "tomorrow",   "tonight",   "now",       "earlier",    "later",
    "meanwhile",  "overnight"};
// Capitalised words that do not start an untyped name.
// Geographic head nouns: a capitalised name ending in one is a place ("Gulf of Aden").
inline const WordSet kPlaceNouns = {
    "strait",  "straits",   "gulf",        "sea",       "ocean",    "river",  "lake",
    "island",  "islands",   "peninsula",   "mountains", "valley",   "desert", "coast",
    "bay",     "canal",     "province",    "region",    "district", "county", "square",
    "street",  "avenue",    "airport",     "harbour",   "harbor",   "basin",  "delta",
    "plateau", "highlands", "archipelago", "channel",   "mount",    "hills",  "plain",
    "plains",  "oblast",    "prefecture"};
// Words before a verb that make it an intention, not a deed.
inline const WordSet kIntentWords = {
    "would", "will",   "plans",   "plan",     "planned",  "intends", "intend",  "intended", "aims",
    "wants", "agreed", "pledged", "vowed",    "promised", "offered", "ready",   "willing",  "hopes",
    "seeks", "about",  "set",     "expected", "due",      "poised",  "decided", "planning"};
// Adjectives between a possessor and a tie noun ("X's largest customer").
inline const WordSet kTieAdjectives = {
    "largest",   "biggest",        "main",    "key",  "top",     "major",    "single",    "only",
    "principal", "second-largest", "leading", "sole", "primary", "longtime", "long-time", "chief"};
// Nouns for what was asked of someone: "rejected the demand".
inline const WordSet kRequestNouns = {"demand", "demands", "request",   "requests", "call", "calls",
                                      "appeal", "appeals", "ultimatum", "plea",     "pleas"};
// Nouns for a state's executive: "the government of X" is X.
inline const WordSet kStateNouns = {"government", "governments", "authorities", "administration",
                                    "cabinet",    "leadership",  "regime",      "junta"};
inline const WordSet kNotNames = {
    "i",         "monday",   "tuesday",  "wednesday", "thursday",   "friday", "saturday", "sunday",
    "january",   "february", "march",    "april",     "may",        "june",   "july",     "august",
    "september", "october",  "november", "december",  "mr",         "mrs",    "ms",       "dr",
    "president", "prime",    "minister", "secretary", "chancellor", "vice",   "chief",    "mps",
    "the",       "a",        "we",       "our",       "us",         "you",    "your"};
// Last words of names of documents and things, not actors.
inline const WordSet kNotActors = {"act",  "law",  "bill",  "treaty", "agreement", "accord",
                                   "list", "fund", "store", "day",    "week",      "year"};
// "fighters of X": X is the subject.
inline const WordSet kGroupNouns = {
    "fighters",   "members",    "rebels",        "troops",          "supporters",
    "militants",  "soldiers",   "gunmen",        "officials",       "leaders",
    "forces",     "units",      "jets",          "ships",           "observers",
    "monitors",   "inspectors", "investigators", "representatives", "delegates",
    "delegation", "envoys",     "diplomats",     "negotiators",     "lawyers",
    "experts",    "spokesman",  "spokeswoman",   "spokesperson",    "lawyer",
    "official"};
// Unnamed accusers whose words make a claim ("X laundered money, prosecutors said").
inline const WordSet kClaimSources = {"prosecutors",    "officials",  "investigators", "police",
                                      "regulators",     "critics",    "lawmakers",     "auditors",
                                      "authorities",    "inspectors", "activists",     "indictment",
                                      "lawsuit",        "complaint",  "documents",     "filings",
                                      "whistleblowers", "opponents",  "witnesses"};
// Trigger words of rules that scan every token of a sentence.
inline const WordSet kPronouns = {"it",  "its", "he",   "his",   "she",
                                  "her", "him", "they", "their", "them"};
inline const WordSet kDescriptionDets = {"the", "both", "either", "this"};
inline const WordSet kCalledVerbs = {"called", "calls", "described", "describes"};
inline const WordSet kAllegeVerbs = {"allege", "alleged", "alleges", "alleging"};
// Verbs of a finding ("the regulator found that X had ..."): a claim when what follows is
// wrongdoing.
inline const WordSet kFindVerbs = {"found",       "finds",     "ruled",     "rules",
                                   "ruling",      "concluded", "concludes", "determined",
                                   "established", "said",      "says",      "stated"};
// Words of wrongdoing, verbs and nouns (general English).
inline const WordSet kWrongdoing = {
    "abused",       "abusing",        "violated",       "violating",     "breached",
    "breaching",    "manipulated",    "lied",           "manipulating",  "colluded",
    "rigged",       "rigging",        "concealed",      "evaded",        "bribed",
    "defrauded",    "falsified",      "misused",        "overcharged",   "smuggled",
    "laundered",    "embezzled",      "cheated",        "exploited",     "discriminated",
    "harassed",     "mislabelled",    "mislabeled",     "understated",   "inflated",
    "misuse",       "abuse",          "manipulation",   "violation",     "violations",
    "breach",       "breaches",       "irregularities", "embezzlement",  "evasion",
    "collusion",    "cartel",         "dumping",        "mismanagement", "negligence",
    "intimidation", "harassment",     "discrimination", "wrongdoing",    "misconduct",
    "cover-up",     "kickbacks",      "price-fixing",   "vote-buying",   "vote-rigging",
    "failed",       "misrepresented", "illegally",      "unlawfully"};
inline const WordSet kRiskFrames = {"perception", "fears",    "suspicion", "suspicions",
                                    "risks",      "concerns", "fear"};
inline const WordSet kMarketNouns = {"operators", "carriers"};
inline const WordSet kRequestNoun = {"request"};
inline const WordSet kHedgeFrames = {"according", "said", "expected", "believed"};
inline const WordSet kWarnVerbs = {"warned", "warning", "warns", "warn"};
inline const WordSet kWho = {"who"};
inline const WordSet kNumberWords = {"two",     "three", "four", "five",     "six",      "seven",
                                     "eight",   "nine",  "ten",  "dozens",   "dozen",    "some",
                                     "several", "many",  "more", "hundreds", "thousands"};
inline const WordSet kCustomerNouns = {"customers", "clients", "buyers"};
inline const WordSet kSupplierNouns = {"suppliers", "vendors", "providers"};

// Small word lists of single rules, outside the 64 class bits (tested with in_list).
inline constexpr std::string_view kOfCompany[] = {
    "merger",      "takeover",     "acquisition", "sale",      "purchase",   "shares",
    "stake",       "shareholders", "shareholder", "owner",     "owners",     "unit",
    "subsidiary",  "parent",       "executives",  "employees", "staff",      "chairman",
    "founder",     "customers",    "rival",       "rivals",    "bankruptcy", "collapse",
    "management",  "workers",      "investors",   "creditors", "lawyers",    "spokesman",
    "spokeswoman", "spokesperson", "percent",     "control"};  // mentions.cpp
inline constexpr std::string_view kSites[] = {
    "targets", "positions", "bases",    "sites", "facilities",    "villages", "towns",
    "camps",   "posts",     "outposts", "areas", "infrastructure"};  // verb_events.cpp
inline constexpr std::string_view kMoney[] = {
    "million", "billion", "trillion",  "euros",  "euro",   "dollars", "dollar", "pounds", "yuan",
    "yen",     "rupees",  "$",         "€",      "£",      "dlrs",    "us",     "won",    "francs",
    "rand",    "naira",   "pesos",     "reais",  "rubles", "roubles", "lira",   "kronor", "crowns",
    "ringgit", "baht",    "shillings", "dinars", "rupiah"};  // clause.cpp, verb_claims.cpp
inline constexpr std::string_view kCompanyOf[] = {
    "executive",   "ceo",          "chairman", "chairwoman",   "spokesman",
    "spokeswoman", "spokesperson", "shares",   "shareholders", "board",
    "subsidiary",  "unit",         "parent",   "stock",        "headquarters"};  // names.cpp
// Words that describe an actor before its name at a sentence's start ("Rival Norvell
// Systems said ..."): no part of the name.
inline constexpr std::string_view kNameDescriptors[] = {
    "rival",      "fellow",    "smaller",    "larger",       "struggling", "embattled",
    "troubled",   "parent",    "lender",     "carmaker",     "automaker",  "drugmaker",
    "chipmaker",  "retailer",  "insurer",    "broadcaster",  "miner",      "operator",
    "supplier",   "regulator", "watchdog",   "manufacturer", "startup",    "conglomerate",
    "publisher",  "developer", "contractor", "producer",     "exporter",   "importer",
    "distributor"};  // mentions.cpp, names.cpp
// Verbs of an order that restricts its addressee ("ordered X to halt sales").
inline constexpr std::string_view kRestrictiveVerbs[] = {
    "ground", "halt",   "stop", "suspend", "cease",     "close",  "shut",  "recall", "withdraw",
    "pull",   "freeze", "end",  "scrap",   "dismantle", "remove", "divest"};  // verb_events.cpp
// The event type an event noun names ("the arrest": COERCE), when it names one.
inline std::optional<Relation> event_noun_relation(std::string_view w) {
  static constexpr std::pair<std::string_view, Relation> kNouns[] = {
      {"arrest", Relation::kCoerce},       {"detention", Relation::kCoerce},
      {"crackdown", Relation::kCoerce},    {"ban", Relation::kSanction},
      {"sanctions", Relation::kSanction},  {"restrictions", Relation::kSanction},
      {"fine", Relation::kSanction},       {"penalty", Relation::kSanction},
      {"suspension", Relation::kSanction}, {"prohibition", Relation::kSanction},
      {"exclusion", Relation::kSanction},  {"grounding", Relation::kSanction},
      {"listing", Relation::kSanction},    {"designation", Relation::kSanction},
      {"deal", Relation::kAgree},          {"agreement", Relation::kAgree},
      {"accord", Relation::kAgree},        {"pact", Relation::kAgree},
      {"contract", Relation::kAgree},      {"attack", Relation::kAssault},
      {"attacks", Relation::kAssault},     {"raid", Relation::kAssault},
      {"bombing", Relation::kAssault},     {"shelling", Relation::kAssault},
      {"killing", Relation::kAssault},     {"killings", Relation::kAssault},
      {"invasion", Relation::kAssault},    {"offensive", Relation::kAssault},
      {"incursion", Relation::kAssault},   {"massacre", Relation::kAssault},
      {"airstrike", Relation::kAssault},   {"airstrikes", Relation::kAssault},
      {"arrests", Relation::kCoerce},      {"expulsion", Relation::kCoerce},
      {"expulsions", Relation::kCoerce}};
  for (const auto& [noun, r] : kNouns)
    if (noun == w) return r;
  return std::nullopt;
}

template <std::size_t N>
bool in_list(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

inline bool ends_with(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

}  // namespace stakegraph::io::extract
