#include "io/extract.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "graph/error.hpp"
#include "io/extract/dictionary/dictionary.hpp"
#include "io/extract/dictionary/plover.hpp"
#include "io/extract_text.hpp"

namespace stakegraph::io {

using graph::Kind;
using graph::Relation;

std::uint64_t sentence_key(std::string_view text) {
  // Byte -> the byte kept in the key (ASCII letters lower-cased, digits, every non-ASCII
  // byte), or 0 for a byte left out.
  static constexpr auto kKeep = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 0; c < 256; ++c) {
      if (c >= 'A' && c <= 'Z') t[static_cast<std::size_t>(c)] = static_cast<unsigned char>(c + 32);
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
        t[static_cast<std::size_t>(c)] = static_cast<unsigned char>(c);
    }
    return t;
  }();
  // The kept bytes are packed eight to a word and each word is mixed in with one
  // multiplication (murmur-style), instead of one dependent multiplication per byte.
  auto mix = [](std::uint64_t h, std::uint64_t w) {
    w *= 0x87c37b91114253d5ull;
    w = (w << 31) | (w >> 33);
    h ^= w * 0x4cf5ad432745937full;
    return ((h << 27) | (h >> 37)) * 5 + 0x52dce729;
  };
  std::uint64_t h = 0xcbf29ce484222325ull, word = 0;
  std::size_t kept = 0;
  for (unsigned char c : text) {
    const unsigned char k = kKeep[c];
    if (k == 0) continue;
    word = (word << 8) | k;
    if (++kept % 8 == 0) {
      h = mix(h, word);
      word = 0;
    }
  }
  h = mix(h, word) ^ kept;
  // Final avalanche (murmur3 fmix64).
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 33);
}

namespace {

// A closed list of grammar words. Every list owns one bit of a token's class mask
// (TokenIndex, computed once per token), so testing a token is one AND; in() tests any text.
class WordSet;
std::vector<const WordSet*>& word_sets() {
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

bool in(const WordSet& s, std::string_view w) { return s.contains(w); }

// Equality with a string literal whose length is known at compile time (the comparison is
// inlined: most tested words are a few bytes).
template <std::size_t N>
bool eq(std::string_view a, const char (&lit)[N]) {
  return a.size() == N - 1 && std::memcmp(a.data(), lit, N - 1) == 0;
}

// ---- word lists (grammar, not actors) ----
const WordSet kPrepositions = {"of", "in", "to", "for", "with", "from", "by", "at", "on",
                               "about", "against", "over", "into", "through", "near",
                               "across", "outside", "inside", "within", "under", "between",
                               "among", "toward", "towards", "via", "off", "around"};
const WordSet kLocativePreps = {"in", "at", "near", "through", "across", "around", "inside",
                                "outside", "within", "throughout", "off", "across", "via"};
const WordSet kBeForms = {"is", "are", "was", "were", "been", "being", "be", "got", "get", "gets", "'s"};
const WordSet kAdverbs = {"also", "already", "effectively", "formally", "reportedly", "since",
                          "then", "later", "now", "still", "just", "recently", "repeatedly",
                          "consistently", "always", "allegedly", "officially", "again",
                          "quickly", "slightly", "jointly", "publicly", "privately",
                          "strongly", "firmly", "previously", "initially", "further",
                          "eventually", "finally", "immediately", "temporarily"};
const WordSet kAux = {"has", "have", "had", "will", "would", "could", "should", "may", "might",
                      "can", "must", "shall", "did", "does", "do", "is", "are", "was", "were",
                      "be", "been", "being"};
const WordSet kSubordinators = {"after", "before", "when", "while", "whereas", "although",
                                "though", "because", "unless", "if", "whether", "but", "until",
                                "once", "as", "so", "since", "where"};
const WordSet kNegators = {"not", "n't", "never", "neither", "nor", "without"};
const WordSet kNoNouns = {"plans", "plan", "evidence", "intention", "intentions", "sign",
                          "proof", "decision", "role", "company", "companies", "longer",
                          "one", "reason", "interest"};
const WordSet kHedges = {"reportedly", "allegedly", "claims", "claimed", "claim", "perception",
                         "suggests", "suggested", "may", "might", "could", "possibly",
                         "considering", "rumoured", "rumored", "speculation", "purportedly",
                         "apparently", "supposedly", "unconfirmed", "expected", "privately"};
const WordSet kGovRoles = {"government", "governments", "authorities", "officials", "official",
                           "ministers", "minister", "prosecutors", "diplomats", "diplomat",
                           "leaders", "leader", "lawmakers", "administration", "regime",
                           "counterpart", "counterparts", "president", "envoy", "negotiators",
                           "chancellor", "secretary", "premier", "prime",
                           "cabinet", "state", "side", "delegation", "spokesman"};
// Institution nouns: "<Demonym> <inst>" and "<Country>'s <inst>" are agencies.
const WordSet kInstitutions = {"police", "navy", "navies", "army", "armies", "military",
                               "militaries", "parliament", "parliaments", "court", "courts",
                               "senate", "congress", "legislature", "coastguard", "judiciary",
                               "commission", "ministry", "regulator", "agency", "department",
                               "tribunal", "assembly", "junta", "intelligence", "forces",
                               "guard", "bank", "council", "bureau", "office", "directorate"};
const WordSet kRoleTitles = {
    "president", "minister", "secretary", "chancellor", "ambassador", "spokesman",
    "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair", "ceo", "founder",
    "chief", "leader", "governor", "senator", "mp", "lawmaker", "journalist", "diplomat",
    "envoy", "officer", "executive", "director", "commissioner", "judge", "general",
    "commander", "king", "queen", "prince", "premier", "mayor", "deputy", "mr", "mrs", "ms",
    "dr", "professor", "analyst", "activist", "official", "head", "boss", "representative",
    "candidate", "vice", "prime", "foreign", "finance", "defence", "defense", "trade",
    "commerce", "interior", "culture", "economy", "cabinet", "state", "former", "senior",
    "worker", "aid", "opposition", "rebel", "attorney", "prosecutor", "adviser", "advisor",
    "counsel", "co-founder", "founder", "daughter", "son", "wife", "husband", "member",
    "tourism", "justice", "health", "energy", "industry", "digital", "communications",
    "telecoms", "telecommunications", "labour", "home", "environment", "transport", "us",
    "financial", "operating", "technology", "security", "national", "colonel", "lieutenant",
    "sergeant", "captain", "admiral", "pope", "archbishop", "sheikh", "emir", "sultan",
    "chief", "acting", "interim", "then", "exiled", "jailed", "detained", "veteran", "top",
    "managing"};
const WordSet kPersonRoles = {
    "president", "minister", "secretary", "chancellor", "ambassador", "spokesman",
    "spokeswoman", "spokesperson", "chairman", "chairwoman", "ceo", "founder", "leader",
    "governor", "senator", "mp", "lawmaker", "journalist", "diplomat", "envoy", "officer",
    "executive", "director", "commissioner", "judge", "general", "commander", "king", "queen",
    "prince", "premier", "mayor", "mr", "mrs", "ms", "dr", "professor", "analyst", "activist",
    "official", "representative", "candidate", "worker", "attorney", "prosecutor", "adviser",
    "advisor", "daughter", "son", "wife", "husband", "member", "dissident", "businessman",
    "businesswoman", "student", "writer", "blogger", "lawyer", "politician", "economist",
    "researcher", "scientist", "engineer", "colonel", "captain", "admiral", "chief", "head",
    "boss", "counsel", "founder", "citizen", "national", "priest", "cleric", "reporter",
    "manager", "organiser", "organizer", "coordinator", "campaigner", "strategist",
    "spokeswoman", "spokesperson", "spokesman", "pilot", "farmer", "negotiator"};
const WordSet kGovTitles = {"president", "minister", "secretary", "chancellor", "ambassador",
                            "premier", "envoy", "diplomat", "governor", "senator", "mp",
                            "lawmaker", "mayor", "cabinet", "king", "queen", "prime"};
const WordSet kSpeechVerbs = {"said", "says", "told", "added", "wrote", "argued", "insisted",
                              "stressed", "noted", "explained", "warned", "claimed", "tweeted",
                              "declared", "announced", "commented", "replied", "responded"};
const WordSet kReportVerbs = {"reported", "reports", "reporting", "said", "says", "claims",
                              "claimed", "suggests", "suggested", "revealed", "wrote",
                              "writes", "cited", "quoted", "disclosed", "learned", "learnt"};
const WordSet kOrgSuffix = {"party", "movement", "brigade", "brotherhood", "front",
                            "association", "federation", "union", "group", "council",
                            "institute", "foundation", "league", "alliance", "coalition",
                            "society", "committee", "organisation", "organization", "forum",
                            "club", "trust", "fund", "corp", "inc", "ltd", "plc", "company",
                            "holdings", "partners", "consortium", "network", "army",
                            "militia", "guard", "guards", "congress", "bank", "llc", "co",
                            "university", "church", "gang", "cartel", "rebels", "tigers",
                            "programme", "program", "confederation", "chamber", "cooperative",
                            "syndicate", "collective", "corporation", "initiative", "campaign"};
const WordSet kAgencySuffix = {"bureau", "agency", "commission", "ministry", "department", "board",
                               "office", "authority", "court", "police", "service",
                               "directorate", "centre", "center", "administration",
                               "parliament", "senate", "assembly", "inspectorate",
                               "regulator", "secretariat", "tribunal"};
const WordSet kOperatorSuffix = {"telecom", "telekom", "mobile", "cellular", "telecommunications",
                                 "telco", "broadband"};
// Head nouns of company names ("Ostara Pharmaceuticals", "Pinecrest Capital"): the name is an
// organization; kTechCompanyNouns make it a vendor (ONTOLOGY.md: makers of network, telecom or
// technology equipment).
const WordSet kCompanyNouns = {
    "aerospace", "airways", "airlines", "airline", "engines", "capital", "seeds", "genetics",
    "pharmaceuticals", "pharmaceutical", "pharma", "energy", "minerals", "mining", "metals",
    "steel", "motors", "foods", "ventures", "logistics", "shipping", "industries", "chemicals",
    "insurance", "securities", "investments", "resources", "enterprises", "petroleum", "oil",
    "agritech", "fintech", "biotech", "therapeutics", "sciences", "laboratories", "labs",
    "pharmacy", "pharmacies", "hospital", "automotive", "construction", "properties", "airport",
    "railways", "mills", "textiles", "breweries", "brewery", "fisheries", "dairy", "trading",
    "retail", "stores", "supermarkets", "bancorp", "financial", "healthcare", "health",
    "gas", "power", "utilities", "cement", "coal", "copper", "gold", "uranium", "lithium",
    "agro", "agrochemicals", "farms", "foods", "beverages", "brands", "apparel", "airlines",
    "cargo", "freight", "ports", "terminals", "maritime", "lines", "express", "exports",
    "corporation", "incorporated", "limited", "gmbh", "ag", "sa", "nv", "bv", "spa", "pte"};
const WordSet kTechCompanyNouns = {"semiconductor", "semiconductors", "electronics", "robotics",
                                   "technologies", "microsystems", "microelectronics", "chips",
                                   "software", "computing", "devices", "instruments"};
// Capitalised words that begin many names but are no name of their own ("Southern Cross
// Pharmacy" is not "Southern").
const WordSet kNameAdjectives = {"southern", "northern", "eastern", "western", "central",
                                 "general", "united", "national", "international", "global",
                                 "first", "royal", "new", "great", "american", "federal",
                                 "state", "public", "people's", "peoples", "democratic", "free",
                                 "independent", "regional", "city", "north", "south", "east",
                                 "west", "grand", "big", "old", "high", "supreme"};
const WordSet kLowerOrgNouns = {"gang", "rebels", "militia", "cartel", "group", "party",
                                "movement", "insurgents"};
const WordSet kOperatorCue = {"operator", "operators", "carrier", "carriers", "telco",
                              "telcos", "isp", "provider"};
const WordSet kVendorCue = {"chipmaker", "chipmakers", "vendor", "vendors", "supplier",
                            "suppliers", "maker", "makers", "manufacturer", "manufacturers",
                            "designer", "firms", "giant"};
const WordSet kMediaCue = {"newspaper", "daily", "broadcaster", "magazine", "outlet",
                           "website", "site", "journal", "tabloid", "weekly", "agency"};
// Heads of definite descriptions and the kinds they may refer to.
struct AnaphorHead {
  std::string_view word;
  std::array<Kind, 3> kinds;
  bool plural;
};
// Antecedents are searched among the last kLookback mentions, groups or subjects only
// (issue 13: a text that repeats an unresolvable anaphor made each search scan the whole
// article, quadratic in its length). A wire article has far fewer mentions than that.
constexpr std::size_t kLookback = 256;
template <class V>
std::size_t lookback_floor(const V& v) {
  return v.size() > kLookback ? v.size() - kLookback : 0;
}

constexpr AnaphorHead kAnaphors[] = {
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
    {"subsidiary", {Kind::kOrganization, Kind::kVendor, Kind::kOperator}, false},
};
// Heads that name a kind of institution by a word of its name: "the ministry" is a ministry
// of the article, never another agency.
const WordSet kNamedHeads = {"ministry", "commission", "department", "bureau", "court",
                             "tribunal", "board", "party", "union", "federation", "bank",
                             "association", "alliance"};
const WordSet kAnaphorHeads([] {
  std::vector<std::string_view> words;
  for (const auto& a : kAnaphors) words.push_back(a.word);
  return words;
}());
const WordSet kEventNouns = {"decision", "move", "news", "ruling", "ban", "plan", "step",
                             "blow", "measure", "measures", "policy", "exclusion", "verdict",
                             "announcement", "designation", "listing", "order", "prohibition",
                             "arrest", "detention", "sanctions", "restrictions"};
const WordSet kAllegationNouns = {"accusations", "accusation", "allegations", "allegation",
                                  "findings", "conclusions", "assertions", "assertion",
                                  "claims", "claim", "charges", "charge", "wrongdoing",
                                  "suggestions", "suspicions", "concerns", "reports"};
const WordSet kCrimeWords = {"espionage", "spying", "backdoors", "backdoor", "surveillance",
                             "sabotage", "fraud", "corruption", "bribery", "theft", "hacking",
                             "cyberattacks", "cyberattack", "money-laundering", "laundering",
                             "smuggling", "terrorism", "war crimes", "abuses", "genocide",
                             "misled", "stealing", "spy", "spied"};
const WordSet kPositiveAdj = {"commendable", "welcome", "right", "good", "great", "important",
                              "positive", "sensible", "wise", "excellent", "courageous",
                              "correct", "justified"};
const WordSet kNegativeAdj = {"disappointing", "wrong", "unacceptable", "regrettable",
                              "unfair", "unjust", "discriminatory", "misguided", "politically",
                              "absurd", "outrageous", "deplorable", "short-sighted", "mistake",
                              "irresponsible", "hypocritical", "unjustified", "unwarranted"};
// The judge's own feeling about an act or an actor: "X was dismayed by Y".
const WordSet kNegativeEmotion = {"disappointed", "dismayed", "stunned", "shocked", "surprised",
                                  "alarmed", "angered", "outraged", "troubled", "frustrated",
                                  "appalled", "furious", "angry"};
const WordSet kPositiveEmotion = {"pleased", "delighted", "encouraged", "grateful", "satisfied",
                                  "glad"};
const WordSet kCopulas = {"is", "was", "are", "were", "been", "remains", "remained"};

// Sentence-initial function words, month/day names and titles: not names (pass 1).
const WordSet kSkip = {"the", "a", "an", "in", "on", "at", "but", "and", "it", "he", "she", "they",
                       "we", "i", "this", "that", "these", "those", "there", "some", "many",
                       "after", "when", "while", "if", "as", "for", "its", "his", "her", "their",
                       "our", "under", "with", "from", "by", "separately", "meanwhile", "however",
                       "according", "only", "both", "either", "all", "no", "monday", "tuesday",
                       "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                       "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december", "mr", "mrs", "ms", "dr", "president",
                       "prime", "minister", "secretary", "chancellor", "vice", "chief", "culture",
                       "economy", "foreign", "commerce", "finance", "defence", "defense", "trade",
                       "cabinet", "state", "former", "future", "emergency", "mps", "ambassador",
                       "chairman", "chipmakers", "congress", "lawmakers", "thousands", "hundreds",
                       "dozens", "one", "two", "three", "four", "five", "ten", "first", "new", "we",
                       "you", "our", "what", "why", "how", "who", "which", "where", "federal",
                       "national", "internet", "is", "was", "today", "yesterday", "tomorrow",
                       "tonight", "now", "earlier", "later", "meanwhile", "overnight"};
// Capitalised words that do not start an untyped name.
const WordSet kNotNames = {"i", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                           "sunday", "january", "february", "march", "april", "may", "june", "july",
                           "august", "september", "october", "november", "december", "mr", "mrs",
                           "ms", "dr", "president", "prime", "minister", "secretary", "chancellor",
                           "vice", "chief", "mps", "the", "a"};
// Last words of names of documents and things, not actors.
const WordSet kNotActors = {"act", "law", "bill", "treaty", "agreement", "accord", "list", "fund",
                            "store", "day", "week", "year"};
// "fighters of X": X is the subject.
const WordSet kGroupNouns = {"fighters", "members", "rebels", "troops", "supporters", "militants",
                             "soldiers", "gunmen", "officials", "leaders", "forces", "units",
                             "jets", "ships"};
// Trigger words of rules that scan every token of a sentence.
const WordSet kPronouns = {"it", "its", "he", "his", "she", "her", "him", "they", "their", "them"};
const WordSet kDescriptionDets = {"the", "both", "either", "this"};
const WordSet kCalledVerbs = {"called", "calls", "described", "describes"};
const WordSet kAllegeVerbs = {"allege", "alleged", "alleges", "alleging"};
const WordSet kRiskFrames = {"perception", "fears", "suspicion", "suspicions", "risks", "concerns",
                             "fear"};
const WordSet kMarketNouns = {"operators", "carriers"};
const WordSet kRequestNoun = {"request"};
const WordSet kHedgeFrames = {"according", "said", "expected", "believed"};
const WordSet kWarnVerbs = {"warned", "warning", "warns", "warn"};
const WordSet kWho = {"who"};
const WordSet kCustomerNouns = {"customers", "clients", "buyers"};
const WordSet kSupplierNouns = {"suppliers", "vendors", "providers"};

enum MFlag : std::uint16_t {
  kPossessive = 1,   // followed by 's
  kLocative = 2,     // a place after "in", "at", ...
  kPronoun = 4,
  kAnaphor = 8,      // definite description ("the company")
  kModifier = 16,    // inside a title or role phrase ("US ambassador X": US)
  kUntyped = 32,     // unknown capitalised name without a type cue
  kAfterPrep = 64,   // directly after a preposition
  kGeneric = 128,    // demonym + role noun ("Chinese officials")
};

struct Ent {
  std::string name;
  std::string key;  // Lexicon::fold_key(name)
  Kind kind = Kind::kOrganization;
  std::string part_of;
  std::string country;     // iso3 or government name
  std::vector<std::string> aliases;
  std::vector<std::string> alias_keys;  // fold_key of each alias
  bool typed = true;
  bool keep = false;
  bool home_checked = false;  // an agency's government looked for (agency_government())
  bool part_of_from_context = false;  // part_of of a bare title: the context's government
  int first_sentence = -1;
  int mentions = 0;
  std::string lexicon_parent;  // part_of from the lexicon (background knowledge)
  std::string code;            // event-data actor code (CAMEO), when a dictionary gave one
  std::string label_words;     // allegations: the content words
};

struct Mention {
  std::uint32_t b = 0, e = 0;  // token range
  std::vector<int> ents;
  std::uint16_t flags = 0;
};

struct Candidate {
  int s = -1, t = -1;
  Relation r = Relation::kUnspecified;
  std::string rule;
  float confidence = 0.8f;
  bool hedged = false;
  int sentence = -1;
};

bool ends_with(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

}  // namespace

// Index of the folded words the extractor knows: each word's lexicon token id and its
// word-list class mask, found by one probe of an open-addressing table, so that a token is
// looked up once per article instead of once per rule.
struct TokenIndex {
  struct Word {
    std::uint32_t offset = 0, length = 0;  // the word in pool
    std::uint32_t lex_id = Lexicon::kNoToken;
    std::uint64_t classes = 0;
  };
  // Open addressing: 8 bytes a slot (tag = high hash bits | 1, 0 when empty; word index), so
  // a probe touches one cache line; the word itself is compared only on a tag match.
  struct Slot {
    std::uint32_t tag = 0, word = 0;
  };
  std::string pool;
  std::vector<Word> words;
  std::vector<Slot> slots;
  std::size_t mask = 0;
  std::size_t vocab_size = 0;  // size of the lexicon vocabulary indexed

  static std::uint64_t hash(std::string_view w) {
    std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a
    for (unsigned char c : w) {
      h ^= c;
      h *= 0x100000001b3ull;
    }
    return h;
  }
  static std::uint32_t tag_of(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32) | 1u; }
  std::string_view text(const Word& w) const {
    return std::string_view(pool).substr(w.offset, w.length);
  }
  const Word* find(std::string_view w, std::uint64_t h) const {
    const std::uint32_t tag = tag_of(h);
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& sl = slots[i];
      if (sl.tag == 0) return nullptr;
      if (sl.tag == tag && text(words[sl.word]) == w) return &words[sl.word];
    }
  }
  Word& insert(std::string_view w) {
    const std::uint64_t h = hash(w);
    const std::uint32_t tag = tag_of(h);
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& sl = slots[i];
      if (sl.tag == tag && text(words[sl.word]) == w) return words[sl.word];
      if (sl.tag == 0) {
        sl.tag = tag;
        sl.word = static_cast<std::uint32_t>(words.size());
        Word& nw = words.emplace_back();
        nw.offset = static_cast<std::uint32_t>(pool.size());
        nw.length = static_cast<std::uint32_t>(w.size());
        pool.append(w);
        return nw;
      }
    }
  }
  explicit TokenIndex(const Lexicon& lex) {
    const auto& vocab = lex.vocabulary();
    std::size_t n = vocab.size();
    for (const WordSet* ws : word_sets()) n += ws->words().size();
    std::size_t capacity = 64;
    while (capacity < 2 * n) capacity *= 2;  // load at most 1/2
    slots.assign(capacity, Slot{});
    mask = capacity - 1;
    words.reserve(n);
    vocab_size = vocab.size();
    for (std::size_t id = 0; id < vocab.size(); ++id)
      insert(vocab[id]).lex_id = static_cast<std::uint32_t>(id);
    for (const WordSet* ws : word_sets())
      for (std::string_view w : ws->words()) insert(w).classes |= ws->bit();
  }
};

// Per-token buffers of an extractor, reused from article to article (no allocation once
// they have grown to the largest article).
struct ExtractScratch {
  TextLayout layout;
  std::vector<std::uint32_t> tid;
  std::vector<std::uint64_t> cls, th;
  std::vector<int> at, cover;
  std::vector<std::uint8_t> lex_len;
  std::vector<const LexiconEntry*> lex_entry;
};

namespace {

class ArticleRun {
 public:
  ArticleRun(const Lexicon& lex, const TokenIndex& index, const std::string& body,
             std::unordered_map<std::string, std::string>& fold_memo, ExtractScratch& scratch)
      : L_(scratch.layout), lex_(lex), body_(body), fold_memo_(fold_memo),
        tid_(scratch.tid), cls_(scratch.cls), th_(scratch.th), at_(scratch.at),
        cover_(scratch.cover), lex_len_(scratch.lex_len), lex_entry_(scratch.lex_entry) {
    split_text(body_, L_);
    ents_.reserve(32);  // an article names a few dozen actors: few reallocations
    gov_counts_.reserve(32);
    tid_.clear();
    cls_.clear();
    th_.clear();
    lex_len_.assign(L_.tokens.size(), kUnmatched);
    lex_entry_.assign(L_.tokens.size(), nullptr);
    for (const Token& t : L_.tokens) {
      th_.push_back(TokenIndex::hash(t.folded));
      const TokenIndex::Word* sl = index.find(t.folded, th_.back());
      tid_.push_back(sl ? sl->lex_id : Lexicon::kNoToken);
      cls_.push_back(sl ? sl->classes : 0);
    }
  }

  void run();

  TextLayout& L_;
  const extract::dictionary::Dictionaries* dict_ = nullptr;  // optional (ExtractOptions)
  graph::Date date_ = graph::kNoDate;                         // the article's (actor codes)
  bool code_actors_ = false;  // ExtractOptions::dictionary_actors
  std::vector<Ent> ents_;
  std::vector<Candidate> cands_;
  std::vector<std::vector<Mention>> sent_mentions_;
  std::vector<std::string> speakers_;   // per sentence
  std::vector<bool> hedged_;            // per sentence

 private:
  // ---- helpers on tokens ----
  const Token& tok(std::size_t k) const { return L_.tokens[k]; }
  std::string_view raw(std::size_t k) const {
    return std::string_view(body_).substr(tok(k).start, tok(k).end - tok(k).start);
  }
  std::string_view f(std::size_t k) const { return tok(k).folded; }
  // Whether token k is a word of the list `s`.
  bool is(std::size_t k, const WordSet& s) const { return (cls_[k] & s.bit()) != 0; }
  bool is_word(std::size_t k) const {
    return tok(k).type == TokenType::kWord || tok(k).type == TokenType::kNumber;
  }
  std::string surface(std::size_t b, std::size_t e) const {
    if (b >= e) return {};
    return body_.substr(tok(b).start, tok(e - 1).end - tok(b).start);
  }

  // Number of tokens of `phrase` (folded words joined by single spaces) when tokens
  // [k, end) start with it, else 0. No allocation.
  std::size_t phrase_at(std::size_t k, std::size_t end, std::string_view phrase) const {
    std::size_t n = 0, pos = 0;  // folded tokens never contain a space
    while (true) {
      if (k + n >= end) return 0;
      const std::string_view w = f(k + n);
      if (phrase.compare(pos, w.size(), w) != 0) return 0;
      const std::size_t after = pos + w.size();
      ++n;
      if (after == phrase.size()) return n;
      if (phrase[after] != ' ') return 0;
      pos = after + 1;
    }
  }

  // Position of "according" when the mention starting at token mb closes an "according to
  // (descriptor)* <mention>" phrase ("according to the business daily X", "according to
  // the German newspaper X"), else npos. Descriptor words: lower-case words that are not
  // prepositions, and demonyms; at most five.
  std::size_t according_to(std::size_t mb, std::size_t b) const {
    std::size_t d = mb;
    for (int words = 0; d > b && words <= 5; ++words) {
      const std::size_t p = d - 1;
      if (eq(f(p), "to")) break;
      const LexiconEntry* dem = nullptr;
      const bool descriptor = (is_word(p) && !tok(p).cap && !is(p, kPrepositions)) ||
                              (tok(p).cap && match_demonym(p, p + 1, &dem) == 1);
      if (!descriptor) return std::string_view::npos;
      d = p;
    }
    if (d >= b + 2 && eq(f(d - 1), "to") && eq(f(d - 2), "according")) return d - 2;
    return std::string_view::npos;
  }

  // Lexicon::fold_key(text), memoised for the article.
  const std::string& fold(const std::string& text);
  int entity_for(const LexiconEntry& le);
  int entity_named(const std::string& name, Kind kind, bool typed);
  int government_named(const std::string& name);
  void add_alias(int ent, const std::string& alias);

  void type_unknown_names(const Sentence& s, std::vector<char>& covered);
  void dictionary_actors(const Sentence& s, std::vector<char>& covered);
  // Longest lexicon form at token k; `end` must be the end of k's sentence and
  // `sentence_start` whether k starts it (memoised per token).
  std::size_t match_lexicon(std::size_t k, std::size_t end, const LexiconEntry** out,
                            bool sentence_start) const;
  std::size_t match_lexicon_uncached(std::size_t k, std::size_t end, const LexiconEntry** out,
                                     bool sentence_start) const;
  std::size_t match_gazetteer(std::size_t k, std::size_t end, int* ent) const;
  std::size_t match_demonym(std::size_t k, std::size_t end, const LexiconEntry** out) const;

  void recognise(std::size_t si);
  void group_coordination(std::vector<Mention>& ms);
  int resolve_anaphor(std::size_t si, std::size_t k, std::size_t head, bool plural,
                      std::vector<int>& out);
  // The governments of the article, most mentioned first; `exclude` are never chosen.
  int home_government(const std::vector<int>& exclude = {}) const;
  // The government of a bare title or role noun (see the definition).
  int context_government(std::size_t si, std::size_t before_token,
                         const std::vector<int>& exclude = {}) const;

  void relations(std::size_t si);
  void add(int s, int t, Relation r, const std::string& rule, std::size_t si, float conf = 0.8f);
  int allegation(const std::string& label, std::size_t si);

  const Lexicon& lex_;
  std::vector<std::string_view> dtoks_;  // a sentence's folded tokens (dictionary look-ups)
  std::vector<std::uint8_t> actor_start_;
  const std::string& body_;

  std::unordered_map<std::string, int> by_name_;     // folded canonical name -> ent
  std::unordered_map<std::string, std::string>& fold_memo_;  // text -> fold_key(text)
  std::vector<std::uint32_t>& tid_;                  // per token: lexicon token id
  std::vector<std::uint64_t>& cls_;                  // per token: word-list class mask
  std::vector<std::uint64_t>& th_;                   // per token: TokenIndex::hash(folded)
  std::vector<int>& at_;     // relations(): per token, the mention starting at it
  std::vector<int>& cover_;  // and the mention covering it
  static constexpr std::uint8_t kUnmatched = 0xFF;
  std::vector<std::uint8_t>& lex_len_;             // match_lexicon() memo: length
  std::vector<const LexiconEntry*>& lex_entry_;    // and entry
  std::vector<std::uint64_t> sent_words_;  // per sentence: OR of its tokens' class masks
  std::unordered_map<const LexiconEntry*, int> by_entry_;  // lexicon entry -> ent
  std::unordered_map<std::string, int> gazetteer_;   // folded surface -> ent (article)
  std::unordered_set<std::uint64_t> gaz_first_;      // TokenIndex::hash of keys' first words
  void add_gazetteer(const std::string& key, int ent) {
    gazetteer_.emplace(key, ent);
    gaz_first_.insert(TokenIndex::hash(std::string_view(key).substr(0, key.find(' '))));
  }
  std::size_t gaz_max_ = 1;
  std::vector<int> recent_;      // entity ids in order of mention (most recent last)
  std::vector<int> recent_subjects_;
  std::vector<int> gov_counts_;  // per entity
  std::size_t group_sentence_ = 0;  // sentence of the last group
  std::vector<std::vector<int>> groups_;
  int main_event_ = -1;          // index into cands_
  std::vector<std::pair<int, std::size_t>> pending_markets_;  // (government, sentence)
  std::vector<int> allegations_;
};

const std::string& ArticleRun::fold(const std::string& text) {
  auto it = fold_memo_.find(text);
  if (it == fold_memo_.end()) it = fold_memo_.emplace(text, Lexicon::fold_key(text)).first;
  return it->second;
}

int ArticleRun::entity_named(const std::string& name, Kind kind, bool typed) {
  const std::string& key = fold(name);
  auto it = by_name_.find(key);
  if (it != by_name_.end()) {
    Ent& e = ents_[static_cast<std::size_t>(it->second)];
    if (!e.typed && typed) {
      e.typed = true;
      e.kind = kind;
    }
    return it->second;
  }
  Ent e;
  e.name = name;
  e.key = key;
  e.kind = kind;
  e.typed = typed;
  ents_.push_back(std::move(e));
  gov_counts_.push_back(0);
  int id = static_cast<int>(ents_.size() - 1);
  by_name_.emplace(key, id);
  return id;
}

int ArticleRun::entity_for(const LexiconEntry& le) {
  if (auto c = by_entry_.find(&le); c != by_entry_.end()) return c->second;
  auto it = by_name_.find(fold(le.name));
  if (it != by_name_.end()) {
    by_entry_.emplace(&le, it->second);
    return it->second;
  }
  int id = entity_named(le.name, le.kind, true);
  by_entry_.emplace(&le, id);
  Ent& e = ents_[static_cast<std::size_t>(id)];
  e.lexicon_parent = le.part_of;
  if (le.kind == Kind::kAgency || le.kind == Kind::kPerson) e.part_of = le.part_of;
  e.country = le.country;
  return id;
}

int ArticleRun::government_named(const std::string& name) {
  if (const LexiconEntry* le = lex_.find(name)) return entity_for(*le);
  return entity_named(name, Kind::kGovernment, true);
}

void ArticleRun::add_alias(int ent, const std::string& alias) {
  if (ent < 0) return;
  Ent& e = ents_[static_cast<std::size_t>(ent)];
  // Fast path: the very same surface is already there (no folding needed).
  if (alias == e.name) return;
  for (const auto& a : e.aliases)
    if (a == alias) return;
  const std::string& k = fold(alias);
  if (k.empty() || k == e.key) return;
  for (const auto& a : e.alias_keys)
    if (a == k) return;
  e.aliases.push_back(alias);
  e.alias_keys.push_back(k);
}

// Longest lexicon match starting at token k (tokens [k, end)); returns its length.
std::size_t ArticleRun::match_lexicon(std::size_t k, std::size_t end, const LexiconEntry** out,
                                      bool sentence_start) const {
  // Every caller passes the sentence end and sentence_start == (k is the sentence's first
  // token): the result depends on k alone and is computed once per token.
  if (lex_len_[k] != kUnmatched) {
    if (lex_len_[k] > 0) *out = lex_entry_[k];
    return lex_len_[k];
  }
  const std::size_t best = match_lexicon_uncached(k, end, out, sentence_start);
  if (best < kUnmatched) {
    lex_len_[k] = static_cast<std::uint8_t>(best);
    lex_entry_[k] = best > 0 ? *out : nullptr;
  }
  return best;
}

std::size_t ArticleRun::match_lexicon_uncached(std::size_t k, std::size_t end,
                                               const LexiconEntry** out,
                                               bool sentence_start) const {
  std::size_t best = 0;
  const std::size_t max_n = std::min(lex_.max_phrase_tokens(), end - k);
  std::uint32_t node = Lexicon::kTrieRoot;
  for (std::size_t n = 1; n <= max_n; ++n) {
    const Token& t = tok(k + n - 1);
    if (t.type == TokenType::kQuote) break;
    node = lex_.trie_step(node, tid_[k + n - 1]);
    if (node == Lexicon::kTrieRoot) break;  // no form has this prefix
    bool needs_cap = false;
    const LexiconEntry* e = lex_.form_at(node, &needs_cap);
    if (!e) continue;
    if (needs_cap && !tok(k).cap && tok(k).type != TokenType::kNumber) continue;
    if (e->exact_case && sentence_start && n == 1) continue;
    *out = e;
    best = n;
  }
  return best;
}

std::size_t ArticleRun::match_gazetteer(std::size_t k, std::size_t end, int* ent) const {
  if (!tok(k).cap || !gaz_first_.count(th_[k])) return 0;  // no key starts with this word
  std::string key;
  std::size_t best = 0;
  for (std::size_t n = 1; n <= std::min(gaz_max_, end - k); ++n) {
    if (n > 1) key.push_back(' ');
    key += tok(k + n - 1).folded;
    auto it = gazetteer_.find(key);
    if (it != gazetteer_.end()) {
      *ent = it->second;
      best = n;
    }
  }
  return best;
}

std::size_t ArticleRun::match_demonym(std::size_t k, std::size_t end,
                                      const LexiconEntry** out) const {
  if (!tok(k).cap) return 0;
  std::size_t best = 0;
  std::uint32_t node = Lexicon::kTrieRoot;
  for (std::size_t n = 1; n <= std::min<std::size_t>(3, end - k); ++n) {
    node = lex_.trie_step(node, tid_[k + n - 1]);
    if (node == Lexicon::kTrieRoot) break;
    if (const LexiconEntry* e = lex_.demonym_at(node)) {
      *out = e;
      best = n;
    }
  }
  return best;
}

int ArticleRun::home_government(const std::vector<int>& exclude) const {
  int best = -1, count = 0;
  for (std::size_t i = 0; i < ents_.size(); ++i)
    if (ents_[i].kind == Kind::kGovernment && gov_counts_[i] > count &&
        std::find(exclude.begin(), exclude.end(), static_cast<int>(i)) == exclude.end())
      best = static_cast<int>(i), count = gov_counts_[i];
  return best;
}

// The government a bare title or role noun belongs to: the most recent government
// mentioned earlier in the same paragraph, else the article's most mentioned one.
int ArticleRun::context_government(std::size_t si, std::size_t before_token,
                                   const std::vector<int>& exclude) const {
  const std::uint32_t para = L_.sentences[si].paragraph;
  for (std::size_t j = si + 1; j-- > 0;) {
    if (L_.sentences[j].paragraph != para) break;
    const auto& ms = sent_mentions_[j];
    for (std::size_t m = ms.size(); m-- > 0;) {
      if (j == si && ms[m].b >= before_token) continue;
      if (ms[m].flags & kLocative) continue;
      for (int e : ms[m].ents)
        if (ents_[static_cast<std::size_t>(e)].kind == Kind::kGovernment &&
            std::find(exclude.begin(), exclude.end(), e) == exclude.end())
          return e;
    }
  }
  return home_government(exclude);
}

// Kind of an actor from its event-data code (CAMEO actor codes: a 3-letter country, then
// 3-letter agent codes): a country alone or with GOV is a government; IGO, NGO, a business
// (BUS), a party (PTY), rebels (REB, INS) an organization; any other agent (MIL, COP, JUD,
// LEG, SPY ...) an agency.
Kind kind_of_code(std::string_view code) {
  if (code.size() <= 3) return Kind::kGovernment;
  const std::string_view rest = code.substr(3);
  if (rest == "GOV" || rest == "ELI") return Kind::kGovernment;
  for (std::string_view org : {"IGO", "NGO", "BUS", "PTY", "REB", "INS", "MED", "EDU", "LAB",
                               "REL", "OPP", "CVL", "UAF", "IMG", "NGM", "SEP"})
    if (code.find(org) != std::string_view::npos) return Kind::kOrganization;
  if (code.substr(0, 3) == "IGO" || code.substr(0, 3) == "NGO") return Kind::kOrganization;
  return Kind::kAgency;
}

// Pass 1 with event-data dictionaries: actors the dictionary names (a capitalised phrase,
// or an agent phrase after a country's demonym: "Israeli police") become entities with
// their code; lexicon actors it names get the code too.
void ArticleRun::dictionary_actors(const Sentence& s, std::vector<char>& covered) {
  const std::size_t b = s.first, e = s.last;
  dtoks_.clear();
  for (std::size_t k = b; k < e; ++k) dtoks_.push_back(tok(k).folded);
  const auto date = static_cast<extract::dictionary::Date>(date_ > 0 ? date_ : 0);
  for (std::size_t k = b; k < e;) {
    if (!tok(k).cap || covered[k]) {
      ++k;
      continue;
    }
    const auto am = dict_->actors.longest(dtoks_, k - b, date);
    if (!am || am.code.empty()) {
      ++k;
      continue;
    }
    std::size_t n = am.length;
    std::string code(am.code);
    // "<demonym or country> <agent>": the agent's code after the country's.
    if (code.size() == 3 && k + n < e) {
      const auto ag = dict_->agents.longest(dtoks_, k + n - b);
      if (ag && !ag.prefix) {
        code += std::string(ag.code);
        n += ag.length;
      }
    }
    const LexiconEntry* le = nullptr;
    const std::size_t ln = match_lexicon(k, e, &le, k == b);
    int id = -1;
    if (ln == n && le) {
      id = entity_for(*le);
    } else if (ln > n) {
      k += ln;
      continue;
    } else {
      const Kind kind = kind_of_code(code);
      // A demonym names its country ("Israeli troops": an agency of Israel).
      const LexiconEntry* dm = nullptr;
      if (code.size() > 3 && match_demonym(k, e, &dm) > 0 && dm && kind != Kind::kGovernment) {
        id = entity_named(surface(k, k + n), kind, true);
        ents_[static_cast<std::size_t>(id)].part_of = dm->name;
      } else if (kind == Kind::kGovernment && code.size() == 3 && match_demonym(k, e, &dm) > 0 &&
                 dm) {
        id = entity_for(*dm);
      } else {
        id = entity_named(surface(k, k + n), kind, true);
      }
      add_gazetteer(fold(surface(k, k + n)), id);
      gaz_max_ = std::max(gaz_max_, n);
    }
    Ent& en = ents_[static_cast<std::size_t>(id)];
    if (en.code.empty()) en.code = code;
    for (std::size_t j = k; j < k + n; ++j) covered[j] = 1;
    k += n;
  }
}

// Pass 1: unknown capitalised names typed by their context.
void ArticleRun::type_unknown_names(const Sentence& s, std::vector<char>& covered) {
  const std::size_t b = s.first, e = s.last;
  if (dict_ != nullptr && code_actors_) dictionary_actors(s, covered);
  for (std::size_t k = b; k < e;) {
    const LexiconEntry* le = nullptr;
    std::size_t n = match_lexicon(k, e, &le, k == b);
    if (n > 0) {
      for (std::size_t j = k; j < k + n; ++j) covered[j] = 1;
      k += n;
      continue;
    }
    ++k;
  }
  auto name_like = [&](std::size_t k) {
    const Token& t = tok(k);
    return t.type == TokenType::kWord && t.cap && !covered[k];
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
      // A company "of <Place>" is located there ("Kessel Motors of Turin").
      if ((eq(f(j), "of") || eq(f(j), "and") || eq(f(j), "for") || eq(f(j), "de") || eq(f(j), "&")) &&
          j + 1 < e && name_like(j + 1) && j - k <= 4 &&
          !(eq(f(j), "of") && (is(j - 1, kCompanyNouns) || is(j - 1, kTechCompanyNouns)))) {
        // "Federation of Andean Miners"; not "Ghana and Togo" (covered by the lexicon).
        std::size_t m = j + 1;
        while (m < e && name_like(m)) ++m;
        if (is(m - 1, kOrgSuffix) || is(m - 1, kAgencySuffix) || eq(f(j), "of") ||
            (m < e && is(m, kAgencySuffix))) {
          j = m;
          continue;
        }
      }
      break;
    }
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
    const bool named_institution = end - start >= 2 && institutional(head_of(start, end));
    for (;;) {
      const LexiconEntry* dmy = nullptr;
      if (start < end && named_institution && is(start, kSkip) && !is(start, kRoleTitles) &&
          !is(start, kNameAdjectives) && !eq(f(start), "state"))
        ++start;
      else if (start < end && !named_institution &&
               (is(start, kSkip) || is(start, kRoleTitles) || eq(f(start), "of")))
        ++start;
      // The portfolio before a title is part of it: "Agriculture Minister Devendra Rawal".
      else if (!named_institution && start + 2 < end && is(start + 1, kGovTitles))
        start += 2;
      else if (start < end && named_institution && eq(f(start), "of"))
        ++start;
      else if (start + 1 < end && match_demonym(start, end, &dmy) > 0)
        start += match_demonym(start, end, &dmy);
      else
        break;
    }
    while (end > start && (eq(f(end - 1), "of") || eq(f(end - 1), "and"))) --end;
    if (start >= end) continue;
    // Headline-like all-capitals words are not names unless short acronyms.
    std::string name = surface(start, end);
    if (name.size() < 2) continue;
    const std::string_view prev = start > b ? f(start - 1) : std::string_view();
    const std::string_view prev2 = start > b + 1 ? f(start - 2) : std::string_view();
    const std::string_view next = end < e ? f(end) : std::string_view();
    const std::string_view next2 = end + 1 < e ? f(end + 1) : std::string_view();
    const std::size_t len = end - start;
    Kind kind = Kind::kUnspecified;
    bool is_lower_org = false;
    const std::size_t head = head_of(start, end);
    // "Name (ACR)": the acronym names the same actor from here on.
    const bool acronym = end + 2 < e && eq(f(end), "(") && eq(f(end + 2), ")") &&
                         tok(end + 1).all_caps && tok(end + 1).folded.size() <= 8;
    if (is(end - 1, kOperatorSuffix) && len >= 2) kind = Kind::kOperator;
    else if (is(head, kAgencySuffix) && len >= 2) kind = Kind::kAgency;
    else if (is(head, kOrgSuffix) && len >= 2) kind = Kind::kOrganization;
    else if (is(head, kTechCompanyNouns) && len >= 2) kind = Kind::kVendor;
    else if (is(head, kCompanyNouns) && len >= 2) kind = Kind::kOrganization;
    else if (end < e && is(end, kLowerOrgNouns) && !tok(end).cap && len <= 3) {
      kind = Kind::kOrganization;
      is_lower_org = true;
    } else if ((start > b && is(start - 1, kOperatorCue)) || (eq(prev, "provider") && eq(prev2, "telecoms")))
      kind = Kind::kOperator;
    else if (start > b && is(start - 1, kVendorCue) && len <= 3)
      kind = Kind::kVendor;
    else if (start > b && is(start - 1, kMediaCue) && len <= 4)
      kind = Kind::kMedia;
    else if ((eq(prev, "told") || (eq(prev, "to") && eq(prev2, "according"))) && len <= 4)
      kind = Kind::kMedia;
    else if (len >= 2 && len <= 4 && start > b && is(start - 1, kRoleTitles))
      kind = Kind::kPerson;
    else if (len >= 2 && len <= 3 && eq(prev, ",") && start >= b + 2 &&
             [&] {
               // "Huawei's chief financial officer, Meng Wanzhou"; "China's ambassador in
               // London, Liu Xiaoming" (a place after the role).
               std::size_t r = start - 2;
               std::size_t places = 0;
               while (r > b + 1 && tok(r).cap && places < 3) --r, ++places;
               if (places > 0 && !(eq(f(r), "in") || eq(f(r), "at") || eq(f(r), "to"))) return false;
               if (places > 0) --r;
               return is(r, kPersonRoles);
             }())
      kind = Kind::kPerson;
    else if (len >= 2 && len <= 3 && eq(next, ",") && end + 2 < e &&
             [&] {
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
    else if (eq(next, ",") && (eq(next2, "a") || eq(next2, "an") || eq(next2, "the"))) {
      // Apposition: "Michael Kovrig, a former Canadian diplomat"; "Skycom, a firm". The
      // head noun is the last cue before a boundary or preposition ("a Green Party
      // campaign manager" is a person, "a maker of pumps" a vendor).
      for (std::size_t m = end + 2; m < std::min(e, end + 8); ++m) {
        std::string_view w = f(m);
        if (eq(w, ",") || eq(w, ".") || eq(w, "that") || eq(w, "who") || eq(w, "which") ||
            (is(m, kPrepositions) && kind != Kind::kUnspecified))
          break;
        if (tok(m).cap && m + 1 < e && !eq(f(m + 1), ",") && !eq(f(m + 1), ".")) continue;
        if (is(m, kPersonRoles) && len >= 2) kind = Kind::kPerson;
        else if (eq(w, "carrier") || eq(w, "operator") || eq(w, "provider")) kind = Kind::kOperator;
        else if (eq(w, "maker") || eq(w, "manufacturer") || eq(w, "chipmaker") || eq(w, "vendor") ||
                 eq(w, "designer") || eq(w, "supplier"))
          kind = Kind::kVendor;
        else if (eq(w, "newspaper") || eq(w, "broadcaster") || eq(w, "daily"))
          kind = Kind::kMedia;
        else if (eq(w, "firm") || eq(w, "company") || eq(w, "group") || eq(w, "bank") ||
                 eq(w, "organisation") || eq(w, "organization") || eq(w, "charity") ||
                 eq(w, "party") || eq(w, "movement") || eq(w, "body"))
          kind = Kind::kOrganization;
      }
    } else if (len >= 2 && len <= 3 && end < e && is(end, kSpeechVerbs)) {
      kind = Kind::kPerson;
    } else if (len >= 2 && len <= 3 && eq(next, ",") && eq(next2, "who")) {
      kind = Kind::kPerson;
    }
    if (kind == Kind::kUnspecified) {
      if (end < e && is(end, kReportVerbs) && (eq(next, "reported") || eq(next, "reports"))) kind = Kind::kMedia;
    }
    // A name defined with an acronym is an institution's.
    if (kind == Kind::kUnspecified && acronym && len >= 2) kind = Kind::kOrganization;
    if (kind == Kind::kUnspecified) continue;
    if (is_lower_org) name = surface(start, end + 1);
    int id = entity_named(name, kind, true);
    add_gazetteer(fold(name), id);
    gaz_max_ = std::max(gaz_max_, len + (is_lower_org ? 1 : 0));
    if (acronym) {
      add_gazetteer(std::string(tok(end + 1).folded), id);
      add_alias(id, surface(end + 1, end + 2));
    }
    // A company is called by the first word of its name ("Ostara" for "Ostara
    // Pharmaceuticals") when that word is no common word of names.
    if ((kind == Kind::kOrganization || kind == Kind::kVendor || kind == Kind::kOperator) &&
        len >= 2 &&
        (is(head, kCompanyNouns) || is(head, kTechCompanyNouns) || is(head, kOperatorSuffix) ||
         eq(f(head), "group") || eq(f(head), "holdings") || eq(f(head), "corp") ||
         eq(f(head), "inc") || eq(f(head), "ltd") || eq(f(head), "plc")) &&
        tok(start).folded.size() > 2 && tid_[start] == Lexicon::kNoToken &&
        cls_[start] == 0 && !tok(start).all_caps) {
      add_gazetteer(std::string(tok(start).folded), id);
      add_alias(id, surface(start, start + 1));
    }
    if (kind == Kind::kPerson) {
      // Later mentions by one part of the name ("Meng", "Merkel").
      for (std::size_t m = start; m < end; ++m)
        if (tok(m).folded.size() > 2) add_gazetteer(std::string(tok(m).folded), id);
    }
    // Leave the covered marks: names typed here are found by the gazetteer in pass 2.
  }
}

// Resolves a definite description or pronoun to recent entities; returns the count.
int ArticleRun::resolve_anaphor(std::size_t si, std::size_t k, std::size_t head, bool plural,
                                std::vector<int>& out) {
  const AnaphorHead* h = nullptr;
  if (!is(head, kAnaphorHeads)) return 0;
  for (const auto& a : kAnaphors)
    if (a.word == f(head)) h = &a;
  if (!h) return 0;
  // A demonym or "<Place>-based" constrains the home country.
  std::string country;
  for (std::size_t m = k; m < head; ++m) {
    const LexiconEntry* d = nullptr;
    if (match_demonym(m, head, &d) > 0 && d) country = d->iso3;
  }
  auto kind_ok = [&](int e) {
    Kind kd = ents_[static_cast<std::size_t>(e)].kind;
    return kd == h->kinds[0] || kd == h->kinds[1] || kd == h->kinds[2];
  };
  auto country_ok = [&](int e) {
    if (country.empty()) return true;
    const Ent& en = ents_[static_cast<std::size_t>(e)];
    return en.country.empty() || en.country == country;
  };
  if (plural || h->plural) {
    // Coordinated mentions earlier in this sentence first ("Nokia and Ericsson ... the two
    // European vendors").
    {
      std::vector<Mention> cur = sent_mentions_[si];
      group_coordination(cur);
      for (std::size_t q = cur.size(); q-- > 0;) {
        if (cur[q].ents.size() < 2) continue;
        bool ok = true;
        for (int e : cur[q].ents) ok = ok && kind_ok(e) && country_ok(e);
        if (ok) {
          out = cur[q].ents;
          return static_cast<int>(out.size());
        }
      }
    }
    for (std::size_t g = groups_.size(); g-- > lookback_floor(groups_);) {
      bool ok = true;
      for (int e : groups_[g]) ok = ok && kind_ok(e) && country_ok(e);
      if (ok && groups_[g].size() >= 2) {
        out = groups_[g];
        return static_cast<int>(out.size());
      }
    }
    return 0;
  }
  // "the ministry", "the court": an entity whose name has that word, or none.
  if (is(head, kNamedHeads)) {
    for (std::size_t r = recent_.size(); r-- > lookback_floor(recent_);) {
      const Ent& en = ents_[static_cast<std::size_t>(recent_[r])];
      if (kind_ok(recent_[r]) && en.typed &&
          (" " + en.key + " ").find(" " + std::string(f(head)) + " ") != std::string::npos) {
        out = {recent_[r]};
        return 1;
      }
    }
    for (const auto& m : sent_mentions_[si])
      for (int e : m.ents)
        if (kind_ok(e) && (" " + ents_[static_cast<std::size_t>(e)].key + " ")
                                  .find(" " + std::string(f(head)) + " ") != std::string::npos) {
          out = {e};
          return 1;
        }
    return 0;
  }
  // Prefer entities of earlier sentences (an entity rarely is "the company" of its own
  // clause), most recent first.
  for (std::size_t r = recent_.size(); r-- > lookback_floor(recent_);) {
    int e = recent_[r];
    if (kind_ok(e) && country_ok(e) && ents_[static_cast<std::size_t>(e)].typed) {
      out = {e};
      return 1;
    }
  }
  // First mention of the article: an antecedent earlier in the same sentence.
  for (const auto& m : sent_mentions_[si])
    for (int e : m.ents)
      if (kind_ok(e) && country_ok(e) && ents_[static_cast<std::size_t>(e)].typed) {
        out = {e};
        return 1;
      }
  return 0;
}

void ArticleRun::group_coordination(std::vector<Mention>& ms) {
  std::vector<Mention> out;
  out.reserve(ms.size());
  for (auto& m : ms) {
    if (!out.empty()) {
      Mention& p = out.back();
      const std::uint16_t bad = kPossessive | kPronoun | kModifier | kLocative;
      bool sep_ok = m.b > p.e && m.b - p.e <= 2;
      for (std::size_t k = p.e; sep_ok && k < m.b; ++k)
        sep_ok = eq(f(k), ",") || eq(f(k), "and") || eq(f(k), "or");
      if (sep_ok && m.b - p.e == 2) sep_ok = eq(f(p.e), ",") && (eq(f(p.e + 1), "and") || eq(f(p.e + 1), "or"));
      // "A, B and C": a comma alone only when an "and" closes the list later.
      if (sep_ok && m.b - p.e == 1 && eq(f(p.e), ",")) {
        bool closes = false;
        for (std::size_t k = m.e; k < std::min<std::size_t>(m.e + 2, L_.tokens.size()); ++k)
          if (eq(f(k), "and") || eq(f(k), "or") || eq(f(k), ",")) closes = true;
        sep_ok = closes;
      }
      if (sep_ok && !(p.flags & bad) && !(m.flags & (kPronoun | kModifier | kLocative)) &&
          !(m.flags & kAnaphor) && !(p.flags & kAnaphor) &&
          !(p.flags & kUntyped) && !(m.flags & kUntyped)) {
        bool kinds_ok = true;
        Kind k0 = ents_[static_cast<std::size_t>(p.ents[0])].kind;
        Kind k1 = ents_[static_cast<std::size_t>(m.ents[0])].kind;
        // Persons do not coordinate with states ("Trudeau and Canada" is rare in lists).
        if ((k0 == Kind::kPerson) != (k1 == Kind::kPerson)) kinds_ok = false;
        if (kinds_ok) {
          p.e = m.e;
          for (int e : m.ents) p.ents.push_back(e);
          p.flags |= (m.flags & kPossessive);
          continue;
        }
      }
    }
    out.push_back(std::move(m));
  }
  ms = std::move(out);
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
        if (m.ents.empty() && !groups_.empty() && group_sentence_ + 1 >= si) m.ents = groups_.back();
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
        if (!person && first_here && (eq(w, "it") || eq(w, "its"))) {
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
        if (eq(w, "its") || eq(w, "his") || eq(w, "their") || (eq(w, "her") && k + 1 < e && is_word(k + 1)))
          m.flags |= kPossessive;
        ms.push_back(std::move(m));
      }
      ++k;
      continue;
    }
    // Definite descriptions: the (adj)* head; "both firms", "either company".
    if (is(k, kDescriptionDets)) {
      std::size_t j = k + 1;
      bool plural = eq(w, "both");
      while (j < e && j < k + 5 && is_word(j) && (!tok(j).cap || ends_with(f(j), "-based")) &&
             !is(j, kPrepositions) &&
             !eq(f(j), "country") && !eq(f(j), "government") && !eq(f(j), "chancellery") &&
             !eq(f(j), "administration") && !is(j, kAnaphorHeads)) {
        if (eq(f(j), "two") || eq(f(j), "three")) plural = true;
        ++j;
      }
      // Allow a capitalised demonym inside ("the Chinese company", "the two European vendors").
      if (j < e && tok(j).cap) {
        const LexiconEntry* d = nullptr;
        std::size_t dn = match_demonym(j, e, &d);
        if (dn == 0 && (eq(f(j), "european") || eq(f(j), "asian") || eq(f(j), "western"))) dn = 1;
        if (dn > 0) j += dn;
        while (j < e && j < k + 6 && is_word(j) && !tok(j).cap && !is(j, kAnaphorHeads))
          ++j;
      }
      if (j < e) {
        const bool is_head = is(j, kAnaphorHeads);
        // "the company's founder": still the company.
        if (is_head && !(j + 1 < e && tok(j + 1).cap && !eq(f(j), "site"))) {
          std::vector<int> out;
          // Apposition: "ARM, the chip designer ..." is ARM itself.
          if (k >= b + 2 && eq(f(k - 1), ",") && !ms.empty() && ms.back().e == k - 1 &&
              !(ms.back().flags & (kPronoun | kModifier | kLocative)) && ms.back().ents.size() == 1)
            out = ms.back().ents;
          if (!out.empty() || resolve_anaphor(si, k, j, plural, out) > 0) {
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
          int g = context_government(si, k);
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
    // Bare role nouns for the home government: "by ministers", "officials say".
    if ((eq(w, "ministers") || eq(w, "officials")) && !tok(k).cap && k > b &&
        !tok(k - 1).cap && !eq(f(k - 1), "government") && !eq(f(k - 1), "cybersecurity")) {
      int g = context_government(si, k);
      if (g >= 0 && (eq(f(k - 1), "by") || (k + 1 < e && (eq(f(k + 1), "say") || eq(f(k + 1), "said"))))) {
        m.ents = {g};
        m.e = static_cast<std::uint32_t>(k + 1);
        m.flags = kAnaphor;
        ms.push_back(std::move(m));
        ++k;
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
        (k + dn >= e || !is_word(k + dn) || is(k + dn, kAux) ||
         is(k + dn, kPrepositions) || eq(f(k + dn), "are") || eq(f(k + dn), "were"))) {
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
      // Skip modifiers ("opposition", "state") up to a role or institution noun.
      std::size_t h = j;
      while (h < e && h < j + 3 && is_word(h) && !tok(h).cap && !is(h, kGovRoles) &&
             !is(h, kInstitutions) && !eq(f(h), "air") && !eq(f(h), "armed") && !eq(f(h), "coast") &&
             !eq(f(h), "high") && !eq(f(h), "supreme"))
        ++h;
      if (h < e && (is(h, kGovRoles) || is(h, kInstitutions) || eq(f(h), "air") ||
                    eq(f(h), "armed") || eq(f(h), "coast") || ((eq(f(h), "high") || eq(f(h), "supreme")) &&
                    h + 1 < e && eq(f(h + 1), "court")))) {
        const bool indefinite = k > b && (eq(f(k - 1), "a") || eq(f(k - 1), "an"));
        std::size_t he = h + 1;
        std::string inst(f(h));
        if ((eq(inst, "air") || eq(inst, "armed") || eq(inst, "coast") || eq(inst, "high") ||
             eq(inst, "supreme")) && he < e) {
          inst += " " + std::string(f(he));
          ++he;
        }
        const bool is_inst = is(h, kInstitutions) || he > h + 1;
        const bool generic_inst = eq(inst, "intelligence") || eq(inst, "bank") || eq(inst, "office") ||
                                  eq(inst, "council") || eq(inst, "department") || eq(inst, "agency") ||
                                  eq(inst, "ministry") || eq(inst, "regulator") || eq(inst, "commission") ||
                                  eq(inst, "bureau") || eq(inst, "directorate") || eq(inst, "forces") ||
                                  eq(inst, "guard") || eq(inst, "assembly");
        m.e = static_cast<std::uint32_t>(he);
        for (const LexiconEntry* g : govs) {
          int gid = entity_for(*g);
          if (is_inst && !indefinite && !generic_inst) {
            // An institution of that state: "Bolivian police" -> agency part_of Bolivia.
            std::string sing = inst;
            if (eq(sing, "navies")) sing = "navy";
            else if (eq(sing, "armies")) sing = "army";
            else if (eq(sing, "militaries")) sing = "military";
            else if (eq(sing, "courts")) sing = "court";
            else if (eq(sing, "parliaments")) sing = "parliament";
            std::string dem_word = g->demonyms.empty() ? g->name : g->demonyms[0];
            std::string nm = dem_word + " ";
            std::string titled;
            for (std::size_t c = 0; c < sing.size(); ++c)
              titled.push_back(c == 0 || sing[c - 1] == ' ' ? static_cast<char>(std::toupper(static_cast<unsigned char>(sing[c]))) : sing[c]);
            if (eq(sing, "police")) titled = "police";
            nm += titled;
            int aid = entity_named(nm, Kind::kAgency, true);
            ents_[static_cast<std::size_t>(aid)].part_of = g->name;
            if (govs.size() == 1) add_alias(aid, surface(k, he));
            m.ents.push_back(aid);
            ++gov_counts_[static_cast<std::size_t>(gid)];
          } else {
            m.ents.push_back(gid);
            ++gov_counts_[static_cast<std::size_t>(gid)];
            if (govs.size() == 1 && !indefinite && is(h, kGovRoles))
              add_alias(gid, surface(k, he));
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
      add_alias(id, surf);
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
      if (le->kind == Kind::kGovernment && m.e + 1 < e &&
          tok(m.e).type == TokenType::kPossessive) {
        std::size_t h = m.e + 1;
        while (h < e && h < m.e + 5 && is_word(h) && !is(h, kInstitutions) &&
               !is(h, kPersonRoles) && !is(h, kPrepositions))
          ++h;
        bool inst_here = h < e && is(h, kInstitutions);
        if (inst_here && h + 1 < e && (eq(f(h + 1), "forces") || eq(f(h + 1), "court"))) ++h;
        bool name_follows = h + 2 < e && eq(f(h + 1), ",") && tok(h + 2).cap;
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
          int aid = entity_named(canon, Kind::kAgency, true);
          ents_[static_cast<std::size_t>(aid)].part_of = le->name;
          add_alias(aid, nm);
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
    } else if (tok(k).cap && tok(k).type == TokenType::kWord && k > b) {
      // Untyped capitalised span (a relation participant only).
      std::size_t j = k;
      std::size_t k0 = k;
      while (k0 < e && tok(k0).cap && is(k0, kRoleTitles)) ++k0;
      if (k0 > k) {
        k = k0;
        continue;
      }
      while (j < e && tok(j).cap && tok(j).type == TokenType::kWord && j < k + 5) {
        const LexiconEntry* x = nullptr;
        int gz = -1;
        if (j > k && (match_lexicon(j, e, &x, false) > 0 || match_gazetteer(j, e, &gz) > 0)) break;
        ++j;
      }
      const LexiconEntry* dmy = nullptr;
      if (!is(k, kNotNames) && j > k && !(j == k + 1 && match_demonym(k, e, &dmy) > 0) &&
          !is(j - 1, kNotActors)) {
        int id = entity_named(surface(k, j), Kind::kOrganization, false);
        m.ents = {id};
        m.e = static_cast<std::uint32_t>(j);
        m.flags = kUntyped;
        if (is(k - 1, kLocativePreps) || eq(f(k - 1), "of") || eq(f(k - 1), "to") ||
            eq(f(k - 1), "from"))
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
    if (k > b && is(k - 1, kLocativePreps)) {
      for (int id : m.ents)
        if (ents_[static_cast<std::size_t>(id)].kind == Kind::kGovernment) m.flags |= kLocative;
    }
    if (k > b && (eq(f(k - 1), "the") || eq(f(k - 1), "a")) && k > b + 1 &&
        is(k - 2, kLocativePreps)) {
      for (int id : m.ents)
        if (ents_[static_cast<std::size_t>(id)].kind == Kind::kGovernment) m.flags |= kLocative;
    }
    for (int id : m.ents)
      if (ents_[static_cast<std::size_t>(id)].kind == Kind::kGovernment && !(m.flags & kLocative))
        ++gov_counts_[static_cast<std::size_t>(id)];
    k = m.e;
    ms.push_back(std::move(m));
  }
  // Mark title and role modifiers: "US ambassador Richard Grenell" (US), "FCC chairman Ajit
  // Pai" (FCC), "Canada's ambassador, John McCallum" (Canada), "a Huawei spokesperson".
  // Governments that send a titled envoy in this sentence ("US ambassador X"): a bare title
  // of the same sentence ("met Economy Minister Y") is of another government.
  std::vector<int> envoy_governments;
  for (std::size_t i = 0; i < ms.size(); ++i) {
    Mention& m = ms[i];
    if (m.flags & kPronoun) {
      if (!(m.flags & kPossessive)) continue;
    }
    std::size_t j = m.e;
    // A state with a title ("US Secretary", "US President" of "US President X"): the title
    // goes on.
    bool role = (m.flags & kGeneric) && m.e > m.b && is(m.e - 1, kGovTitles);
    while (j < e && j < m.e + 5 && is_word(j) && !tok(j).cap && is(j, kRoleTitles)) {
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
    for (std::size_t q = i + 1; q < ms.size(); ++q) {
      if (ms[q].b == p) {
        for (int id : ms[q].ents)
          if (ents_[static_cast<std::size_t>(id)].kind == Kind::kPerson) person = id;
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
    for (std::size_t t = m.e > m.b ? m.e - 1 : m.b; t < j; ++t)
      if (eq(f(t), "ambassador") || eq(f(t), "envoy") || eq(f(t), "consul") || eq(f(t), "diplomat"))
        envoy_governments.push_back(m.ents[0]);
    Ent& pe = ents_[static_cast<std::size_t>(person)];
    int owner = m.ents[0];
    // A minister's department when the article names it: "Commerce Secretary" -> US
    // Commerce Department.
    for (std::size_t t = m.e; t < j; ++t) {
      if (!tok(t).cap || is(t, kGovTitles) || eq(f(t), "chief") || eq(f(t), "vice")) continue;
      for (std::size_t x = 0; x < ents_.size(); ++x) {
        if (ents_[x].kind != Kind::kAgency) continue;
        const std::string& fk = ents_[x].key;
        if (fk.find(f(t)) != std::string::npos) owner = static_cast<int>(x);
      }
    }
    if (pe.part_of.empty()) pe.part_of = ents_[static_cast<std::size_t>(owner)].name;
    add_alias(person, surface(m.b, j) + (p > j ? surface(j, p) : std::string()));
  }
  // Bare titles before persons: "Prime Minister Justin Trudeau", "Culture Secretary Oliver
  // Dowden": the person speaks for the context government.
  for (auto& m : ms) {
    if (m.ents.size() != 1) continue;
    Ent& pe = ents_[static_cast<std::size_t>(m.ents[0])];
    if (pe.kind != Kind::kPerson || !pe.part_of.empty()) continue;
    std::size_t t = m.b;
    bool gov_title = false, org_title = false;
    std::size_t title_start = t;
    while (t > b && is_word(t - 1) && is(t - 1, kRoleTitles)) {
      --t;
      if (is(t, kGovTitles)) gov_title = true;
      if (eq(f(t), "founder") || eq(f(t), "ceo") || eq(f(t), "chairman") || eq(f(t), "executive") ||
          eq(f(t), "spokesman") || eq(f(t), "spokesperson"))
        org_title = true;
      title_start = t;
    }
    // The portfolio before a government title: "Fisheries Minister X".
    if (title_start > b && title_start < m.b && is(title_start, kGovTitles) &&
        tok(title_start - 1).cap && is_word(title_start - 1) &&
        std::none_of(ms.begin(), ms.end(), [&](const Mention& o) {
          return o.b < title_start && o.e >= title_start;
        }))
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
    bool minister_of_agency = false;
    for (std::size_t x = title_start; x < m.b; ++x) {
      if (!tok(x).cap || is(x, kGovTitles) || eq(f(x), "chief") || eq(f(x), "vice") ||
          eq(f(x), "prime") || eq(f(x), "foreign"))
        continue;
      for (std::size_t y = 0; y < ents_.size(); ++y) {
        if (ents_[y].kind != Kind::kAgency) continue;
        if (ents_[y].key.find(f(x)) != std::string::npos) {
          pe.part_of = ents_[y].name;
          minister_of_agency = true;
        }
      }
    }
    if (minister_of_agency) continue;
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
      int g = context_government(si, title_start, envoy_governments);
      if (g >= 0) {
        pe.part_of = ents_[static_cast<std::size_t>(g)].name;
        pe.part_of_from_context = true;
      }
    }
    add_alias(m.ents[0], surface(title_start, m.e));
  }
  group_coordination(ms);
}

void ArticleRun::add(int s, int t, Relation r, const std::string& rule, std::size_t si,
                     float conf) {
  if (s < 0 || t < 0 || s == t) return;
  const Ent& se = ents_[static_cast<std::size_t>(s)];
  const Ent& te = ents_[static_cast<std::size_t>(t)];
  if (se.key == te.key) return;
  // Sanity of endpoint kinds per the ontology.
  if (r == Relation::kSupplies &&
      (se.kind == Kind::kGovernment || se.kind == Kind::kPerson || se.kind == Kind::kMedia ||
       te.kind == Kind::kMedia || te.kind == Kind::kPerson || se.kind == Kind::kAgency ||
       te.kind == Kind::kGovernment || te.kind == Kind::kAgency))
    return;
  if (r == Relation::kReports && se.kind != Kind::kMedia) return;
  if (r == Relation::kOperatesIn && te.kind != Kind::kGovernment) return;
  if (r == Relation::kOwns && (te.kind == Kind::kGovernment || te.kind == Kind::kPerson)) return;
  if (se.kind == Kind::kAllegation && r != Relation::kImplicates) return;
  if (te.kind == Kind::kAllegation && r != Relation::kAccuse && r != Relation::kReject) return;
  Candidate c;
  c.s = s;
  c.t = t;
  c.r = r;
  c.rule = rule;
  c.confidence = conf;
  c.sentence = static_cast<int>(si);
  c.hedged = hedged_[si];
  cands_.push_back(std::move(c));
  if (graph::is_event(r) && main_event_ < 0) main_event_ = static_cast<int>(cands_.size() - 1);
}

int ArticleRun::allegation(const std::string& label, std::size_t si) {
  // Content words (>= 5 letters) identify the claim within an article.
  std::vector<std::string> words;
  std::string w;
  for (char ch : label + " ") {
    if (std::isalpha(static_cast<unsigned char>(ch))) {
      w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
    } else {
      if (w.size() >= 5) words.push_back(w.substr(0, 6));
      w.clear();
    }
  }
  for (int a : allegations_) {
    const std::string& lw = ents_[static_cast<std::size_t>(a)].label_words;
    for (const auto& x : words)
      if (in(kCrimeWords, x) || x == "espion" || x == "spying" || x == "threat" || x == "securi")
        if (lw.find(" " + x + " ") != std::string::npos) return a;
  }
  int id = entity_named(label, Kind::kAllegation, true);
  Ent& e = ents_[static_cast<std::size_t>(id)];
  e.label_words = " ";
  for (const auto& x : words) e.label_words += x + " ";
  e.first_sentence = static_cast<int>(si);
  allegations_.push_back(id);
  return id;
}

void ArticleRun::relations(std::size_t si) {
  dtoks_.clear();  // filled on demand for this sentence (dictionary look-ups)
  const Sentence& s = L_.sentences[si];
  std::vector<Mention>& ms = sent_mentions_[si];
  const std::size_t b = s.first, e = s.last;

  // Per token of the sentence: the first mention (in ms order) starting at it, and the
  // first covering it; and the word lists the sentence has words of.
  at_.assign(e - b, -1);
  cover_.assign(e - b, -1);
  for (std::size_t q = ms.size(); q-- > 0;) {
    const Mention& m = ms[q];
    if (m.b >= b && m.b < e) at_[m.b - b] = static_cast<int>(q);
    for (std::size_t k = std::max<std::size_t>(m.b, b); k < std::min<std::size_t>(m.e, e); ++k)
      cover_[k - b] = static_cast<int>(q);
  }
  const std::uint64_t words = sent_words_[si];
  auto has_words = [&](const WordSet& ws) { return (words & ws.bit()) != 0; };
  auto mention_at = [&](std::size_t k) -> const Mention* {
    if (k < b || k >= e || at_[k - b] < 0) return nullptr;
    return &ms[static_cast<std::size_t>(at_[k - b])];
  };
  auto mention_covering = [&](std::size_t k) -> const Mention* {
    if (k < b || k >= e || cover_[k - b] < 0) return nullptr;
    return &ms[static_cast<std::size_t>(cover_[k - b])];
  };
  auto actor = [&](const Mention& m) {
    return !(m.flags & (kModifier | kLocative)) && !m.ents.empty();
  };
  // Clause start before token h.
  auto clause_start = [&](std::size_t h) {
    std::size_t cs = b;
    for (std::size_t k = b; k < h; ++k) {
      std::string_view w = f(k);
      if (eq(w, ";") || eq(w, ":") || (tok(k).type == TokenType::kQuote && k + 1 < h && k > b)) {
        cs = k + 1;
      } else if (is(k, kSubordinators) && !mention_covering(k)) {
        if (eq(w, "as") && !(k > b && eq(f(k - 1), ","))) continue;
        if (eq(w, "since") && k + 1 < e && tok(k + 1).type == TokenType::kNumber) continue;
        cs = k + 1;
      } else if ((eq(w, "which") || eq(w, "who") || eq(w, "whose")) && k > b && eq(f(k - 1), ",")) {
        // ", which ... ," closed before h: the verb belongs to the main clause.
        std::size_t c2 = k + 1;
        while (c2 < h && !eq(f(c2), ",")) ++c2;
        if (c2 < h) {
          k = c2;
          continue;
        }
        cs = k;
      } else if ((eq(w, "which") || eq(w, "who") || eq(w, "whose")) && [&] {
                   // A relative clause without a comma before it but closed by one before
                   // h ("a member of X who chairs Y, said"): the verb is the main clause's.
                   std::size_t c2 = k + 1;
                   while (c2 < h && !eq(f(c2), ",")) ++c2;
                   if (c2 >= h) return false;
                   k = c2;
                   return true;
                 }()) {
        continue;
      } else if (eq(w, "that") || eq(w, "which") || eq(w, "who") || eq(w, "whose")) {
        cs = k;  // relative or complement: handled by the caller
      } else if (eq(w, "and") && k + 1 < h) {
        const Mention* nm = mention_at(k + 1);
        bool det = eq(f(k + 1), "the") || eq(f(k + 1), "its") || eq(f(k + 1), "a");
        if (!nm && !(det && k + 2 < e && mention_at(k + 2)) && !tok(k + 1).cap) cs = k;
      }
    }
    return cs;
  };
  std::vector<int> last_subject;
  // Subject of the verb at h: the first actor mention of its clause.
  auto subject_of = [&](std::size_t h, std::vector<int>& out, std::size_t* subj_end) -> bool {
    // "<X> was wrong to <h>", "<X> is expected to <h>": X is the subject of the infinitive.
    if (h >= b + 3 && eq(f(h - 1), "to")) {
      std::size_t c = h - 2;
      while (c > b && c + 5 > h && !is(c, kCopulas) && is_word(c) && !tok(c).cap) --c;
      if (is(c, kCopulas))
        for (const auto& m : ms)
          if (m.e == c && actor(m) && !((m.flags & kPronoun) && (m.flags & kPossessive))) {
            out = m.ents;
            if (subj_end) *subj_end = m.e;
            return true;
          }
    }
    std::size_t cs = clause_start(h);
    if (cs < h && (eq(f(cs), "which") || eq(f(cs), "who") || eq(f(cs), "that"))) {
      // Relative clause: the antecedent is the nearest actor mention before the pronoun,
      // skipping an apposition ("the United States, its main security ally, which").
      const Mention* ante = nullptr;
      for (const auto& m : ms)
        if (m.e <= cs && actor(m) && !(m.flags & kPronoun)) {
          bool ok = true;
          for (std::size_t k = m.e; k < cs; ++k)
            if (eq(f(k), "that") || eq(f(k), "which") || eq(f(k), ";")) ok = false;
          if (ok || !ante) ante = &m;
        }
      // A subject inside the relative clause ("a charge the company has denied").
      for (const auto& m : ms)
        if (m.b > cs && m.b < h && actor(m) && !(m.b > 0 && is(m.b - 1, kPrepositions))) {
          out = m.ents;
          if (subj_end) *subj_end = m.e;
          return true;
        }
      if (eq(f(cs), "that") && cs > b && !mention_covering(cs - 1) && is_word(cs - 1) &&
          !tok(cs - 1).cap && ante && ante->e + 1 != cs) {
        // "said that ..." complement without a subject of its own: none.
        bool complement = is(cs - 1, kSpeechVerbs) || is(cs - 1, kReportVerbs) ||
                          eq(f(cs - 1), "believe") || eq(f(cs - 1), "concluded");
        if (complement) return false;
      }
      if (ante) {
        out = ante->ents;
        if (subj_end) *subj_end = cs;
        return true;
      }
      return false;
    }
    for (const auto& m : ms) {
      if (m.b < cs || m.b >= h) continue;
      if (!actor(m)) continue;
      std::size_t pp = m.b > b && eq(f(m.b - 1), "the") ? m.b - 1 : m.b;
      bool group_of = pp > b + 1 && eq(f(pp - 1), "of") && is(pp - 2, kGroupNouns);
      if (m.b > cs && is(m.b - 1, kPrepositions) && !eq(f(m.b - 1), "by") && !group_of &&
          !(pp < m.b && group_of))
        continue;
      // The source in "according to the daily X" is no subject.
      if (m.b > cs && according_to(m.b, b) != std::string_view::npos) continue;
      if (pp < m.b && pp > cs && is(pp - 1, kPrepositions) && !group_of) continue;
      if ((m.flags & kPossessive) && !(m.flags & kPronoun)) {
        // "Huawei's founder, Ren Zhengfei, ..." - the possessor is not the subject
        // unless nothing else is.
        bool other = false;
        for (const auto& m2 : ms) {
          if (!(m2.b > m.b && m2.b < h && actor(m2) && !(m2.flags & kPossessive))) continue;
          // An unknown name inside the possessed noun phrase is a product or brand, not an
          // actor: "Huawei's in-house Kirin processors are built on ...".
          const bool brand = (m2.flags & kUntyped) && m2.b <= m.e + 2 && m2.e < h &&
                             is_word(m2.e) && !tok(m2.e).cap && !is(m2.e, kCopulas) &&
                             !is(m2.e, kAux);
          if (!brand) other = true;
        }
        if (other) continue;
      }
      if ((m.flags & kPronoun) && (m.flags & kPossessive)) continue;
      out = m.ents;
      if (subj_end) *subj_end = m.e;
      return true;
    }
    // Coordinated verb phrase: "... and warned Ottawa": the previous subject.
    if (cs > b &&
        (eq(f(cs), "and") || eq(f(cs - 1), ",") || eq(f(cs), ",") || eq(f(cs - 1), "but") ||
         eq(f(cs - 1), "and") || eq(f(cs), "but")) &&
        !last_subject.empty()) {
      out = last_subject;
      if (subj_end) *subj_end = cs;
      return true;
    }
    if (cs == b || eq(f(cs - 1), ",")) {
      // A participle clause after a comma shares the sentence subject.
      for (const auto& m : ms)
        if (m.b < h && actor(m) && !(m.b > b && is(m.b - 1, kPrepositions))) {
          if (cs != b) {
            out = m.ents;
            if (subj_end) *subj_end = m.e;
            return true;
          }
          break;
        }
    }
    return false;
  };
  auto first_mention_after = [&](std::size_t from, std::size_t limit,
                                 bool stop_at_boundary) -> const Mention* {
    for (std::size_t k = from; k < std::min(limit, e); ++k) {
      if (stop_at_boundary && (eq(f(k), ";") || eq(f(k), "which") || eq(f(k), "who") ||
                               (is(k, kSubordinators) && !eq(f(k), "as") && !eq(f(k), "since"))))
        return nullptr;
      if (const Mention* m = mention_at(k))
        if (actor(*m)) {
          if ((m->flags & kPronoun) && (m->flags & kPossessive)) continue;
          return m;
        }
    }
    return nullptr;
  };
  auto negated = [&](std::size_t from, std::size_t h) {
    for (std::size_t k = from; k < h; ++k) {
      std::string_view w = f(k);
      if (is(k, kNegators)) return true;
      if (eq(w, "no") && k + 1 < e && is(k + 1, kNoNouns)) return true;
      if (eq(w, "yet") && k + 1 < e && eq(f(k + 1), "to")) return true;
      if ((eq(w, "failed") || eq(w, "declined") || eq(w, "refused")) && k + 1 < e && eq(f(k + 1), "to") &&
          k + 2 < h)
        return true;
    }
    return false;
  };
  auto is_passive = [&](std::size_t h, std::size_t he) {
    if (he < e && eq(f(he), "by")) return true;
    if (ends_with(f(h), "ing")) return false;
    std::size_t k = h;
    for (int steps = 0; k > b && steps < 4; ++steps) {
      --k;
      std::string_view w = f(k);
      if (is(k, kBeForms)) return true;
      if (is(k, kAdverbs) || ends_with(w, "ly") || eq(w, "not") || eq(w, "n't") || eq(w, "has") ||
          eq(w, "have") || eq(w, "had"))
        continue;
      break;
    }
    return false;
  };
  auto emit_all = [&](const std::vector<int>& src, const std::vector<int>& dst, Relation r,
                      const std::string& rule) {
    for (int x : src)
      for (int y : dst) add(x, y, r, rule, si);
  };

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

  struct Hit {
    std::size_t h, he;
    const VerbPattern* p;
  };
  std::vector<Hit> hits;
  // Find verb heads (longest forms first), patterns with objects/preps before bare ones. The
  // object noun may follow an apposition ("added X, a maker of Y, to its blacklist").
  constexpr std::size_t kObjectWindow = 18;
  const auto& verbs = lex_.verbs();
  for (std::size_t k = b; k < e; ++k) {
    if (!is_word(k) && !eq(f(k), "'s")) continue;
    if (mention_covering(k)) {
      // Words inside a mention can still be heads of noun patterns ("Entity List")
      continue;
    }
    struct VerbKey {
      std::size_t n;
      const std::vector<std::size_t>* cands;
    };
    VerbKey keys[4];
    std::size_t nkeys = 0;
    std::uint32_t vnode = Lexicon::kTrieRoot;
    for (std::size_t n = 1; n <= 4 && k + n <= e; ++n) {
      vnode = lex_.trie_step(vnode, tid_[k + n - 1]);
      if (vnode == Lexicon::kTrieRoot) break;
      if (const auto* c = lex_.verbs_at(vnode)) keys[nkeys++] = {n, c};
    }
    const VerbPattern* best = nullptr;
    std::size_t best_n = 0;
    int best_score = -1;
    for (std::size_t ki = 0; ki < nkeys; ++ki) {
      const std::size_t n = keys[ki].n;
      for (std::size_t vi : *keys[ki].cands) {
        const VerbPattern& vp = verbs[vi];
        {
          // Check the object constraint now: it decides between patterns.
          bool obj_ok = vp.objects.empty();
          std::size_t obj_at = k + n;
          if (!vp.objects.empty()) {
            for (std::size_t m = k + n; m < std::min(e, k + n + kObjectWindow); ++m) {
              if (eq(f(m), ";") || eq(f(m), ".") ) break;
              for (const auto& o : vp.objects) {
                const std::size_t on = phrase_at(m, e, o);
                if (on > 0) {
                  obj_ok = true;
                  obj_at = m + on;
                  break;
                }
              }
              if (obj_ok) break;
            }
          }
          if (!obj_ok) continue;
          bool prep_ok = vp.preps.empty();
          if (!vp.preps.empty()) {
            for (std::size_t m = obj_at; m < std::min(e, obj_at + 12); ++m) {
              for (const auto& pr : vp.preps)
                if (phrase_at(m, e, pr) > 0) prep_ok = true;
              if (prep_ok) break;
            }
          }
          int score = static_cast<int>(n) * 4 + (vp.objects.empty() ? 0 : 2) +
                      (vp.preps.empty() ? 0 : 1) + (prep_ok ? 1 : 0);
          if (!prep_ok && !vp.preps.empty() && vp.objects.empty() &&
              vp.relation != Relation::kSupplies)
            continue;
          if (score > best_score) {
            best = &vp;
            best_n = n;
            best_score = score;
          }
        }
      }
    }
    if (best) {
      hits.push_back({k, k + best_n, best});
      std::size_t skip_to = k + best_n;
      if (!best->objects.empty()) {
        for (std::size_t m = k + best_n; m < std::min(e, k + best_n + kObjectWindow); ++m) {
          bool hitw = false;
          for (const auto& o : best->objects)
            if (o == tok(m).folded) hitw = true;
          if (hitw) {
            skip_to = m + 1;
            break;
          }
        }
      }
      k = skip_to - 1;
    }
  }

  // Allegation helpers.
  auto np_label = [&](std::size_t from, std::size_t max_tokens) {
    std::size_t k = from;
    while (k < e && (eq(f(k), "the") || eq(f(k), "a") || eq(f(k), "an"))) ++k;
    std::size_t end = k;
    while (end < e && end < k + max_tokens && !eq(f(end), ",") && !eq(f(end), ".") && !eq(f(end), ";") &&
           tok(end).type != TokenType::kQuote && !eq(f(end), "and") && !eq(f(end), "because") &&
           !eq(f(end), "after") && !eq(f(end), "but"))
      ++end;
    while (end > k && is(end - 1, kPrepositions)) --end;
    return std::make_pair(k, end);
  };

  for (const Hit& hit : hits) {
    const VerbPattern& vp = *hit.p;
    const std::size_t h = hit.h, he = hit.he;
    bool skip = false;
    for (const auto& [x, y] : suppressed)
      if (h >= x && h < y) skip = true;
    if (skip) continue;
    std::vector<int> subj;
    std::size_t subj_end = b;
    bool has_subj = subject_of(h, subj, &subj_end);
    if (negated(has_subj ? subj_end : clause_start(h), h)) continue;
    // Negated object: "names no company".
    if (he < e && eq(f(he), "no")) continue;
    Relation r = vp.relation;
    // Conditional threats: "would halt exports to X unless ...".
    if (graph::relation_sign(r) < 0 && r != Relation::kThreaten && r != Relation::kRequest &&
        r != Relation::kAccuse && r != Relation::kReject) {
      bool modal = false, cond = false;
      for (std::size_t k = subj_end; k < h; ++k)
        if (eq(f(k), "would") || eq(f(k), "will")) modal = true;
      for (std::size_t k = h; k < e; ++k)
        if (eq(f(k), "unless") || eq(f(k), "if")) cond = true;
      if (modal && cond) r = Relation::kThreaten;
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
        for (const auto& pr : vp.preps) {
          const std::size_t pn = phrase_at(m, e, pr);
          if (pn > 0) {
            prep_found = true;
            target = first_mention_after(m + pn, m + pn + 7, false);
            break;
          }
        }
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
    }
    bool by_follows = false;
    for (std::size_t k = he; k < std::min(e, he + 12); ++k) {
      if (eq(f(k), "by")) by_follows = true;
      if (eq(f(k), ";") || eq(f(k), "which") || eq(f(k), ",") ) break;
    }
    const bool nominal = ends_with(vp.name, "-of") && graph::is_event(r);
    const bool passive = (is_passive(h, he) || (nominal && by_follows)) &&
                         r != Relation::kLinkedTo && r != Relation::kPartOf &&
                         r != Relation::kMemberOf && (graph::is_event(r) || by_follows);
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
      const std::string_view code = passive && !vm.passive_code.empty() ? vm.passive_code
                                                                         : vm.code;
      if (vm.verb && !code.empty() &&
          extract::dictionary::plover_event(code).relation == r)
        rule = "cameo:" + std::string(code) + ":" + std::string(vm.block_name) + ":" + rule;
    }
    if (passive) {
      // Agent after "by"; patient is the subject (or the prepositional target).
      const Mention* agent = nullptr;
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
            }
            break;
          }
      }
      if (!agent) continue;
      src = agent->ents;
      if (prep_found && target && target != agent) dst = target->ents;
      else if (has_subj) dst = subj;
      else continue;
      // The patient of a reduced relative is the noun right before: "a designer owned by".
      if (!is_passive(h, h) && he < e && eq(f(he), "by") && h > b) {
        const Mention* near = nullptr;
        for (const auto& m : ms)
          if (m.e <= h && actor(m)) near = &m;
        if (near && !prep_found) dst = near->ents;
      }
      rule += ":passive";
    } else {
      if (!has_subj) continue;
      src = subj;
      if (target) dst = target->ents;
      // "a member of Merkel's party": the group is the possessed noun, not the person.
      if ((r == Relation::kMemberOf || r == Relation::kPartOf) && target &&
          (target->flags & kPossessive) && !(target->flags & kPronoun) &&
          ents_[static_cast<std::size_t>(target->ents[0])].kind == Kind::kPerson)
        continue;
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
      }
    }
    // Allegations: "accused X of <claim>", "designated X as <threat>", "denied <claim>".
    if (r == Relation::kAccuse && target && !dst.empty()) {
      std::size_t k = target->e;
      // Past a coordinated target, find "of"/"as".
      if (k < e && (eq(f(k), "of") || eq(f(k), "as"))) {
        auto [lb, le2] = np_label(k + 1, 9);
        // "accused X of <claim>" always states a claim; "designated X as <noun>" only when
        // the noun is one of wrongdoing or risk.
        bool claim = eq(f(k), "of");
        for (std::size_t z = lb; z < le2; ++z)
          claim |= is(z, kCrimeWords) || eq(f(z), "threat") || eq(f(z), "threats") ||
                   eq(f(z), "risk") || eq(f(z), "risks") || eq(f(z), "acting") || eq(f(z), "espionage");
        if (claim && le2 > lb) {
          int al = allegation(surface(lb, le2), si);
          for (int x : src) add(x, al, Relation::kAccuse, rule + "+allegation", si);
          for (int y : dst) add(al, y, Relation::kImplicates, rule + "+allegation", si);
          continue;
        }
      }
    }
    if (r == Relation::kReject) {
      std::size_t k = he;
      while (k < e && (is(k, kAdverbs) || eq(f(k), "such") || eq(f(k), "the") || eq(f(k), "these") ||
                       eq(f(k), "all") || eq(f(k), "any")))
        ++k;
      if (k < e && eq(f(k), "that")) {
        auto [lb, le2] = np_label(k + 1, 10);
        bool claim = false;
        for (std::size_t z = lb; z < le2; ++z) claim |= is(z, kCrimeWords);
        // "denied that it coerced its dealers": a denial of what the denier did is a claim.
        if (k + 2 < e && (eq(f(k + 1), "it") || eq(f(k + 1), "he") || eq(f(k + 1), "she") ||
                          eq(f(k + 1), "they")))
          claim = true;
        if (claim && le2 > lb && has_subj) {
          int al = allegation(surface(lb, le2), si);
          for (int x : src) {
            add(x, al, Relation::kReject, rule + "+allegation", si);
            add(al, x, Relation::kImplicates, rule + "+denial", si);
          }
          continue;
        }
        continue;  // "denied that ..." without a claim word: no edge to an actor
      }
      bool claim_object = k < e && is(k, kAllegationNouns);
      bool claim_before = false;
      for (std::size_t z = (h > b + 8 ? h - 8 : b); z < h; ++z)
        if (is(z, kAllegationNouns) && !target) claim_before = true;
      if ((claim_object || claim_before || (!target && !allegations_.empty() && !vp.preps.size() &&
                                             (k >= e || eq(f(k), ".") || eq(f(k), ",")))) &&
          !allegations_.empty()) {
        // The latest claim against the denier, else the latest claim.
        int al = allegations_.back();
        for (std::size_t q = cands_.size(); q-- > 0 && al == allegations_.back();)
          if (cands_[q].r == Relation::kImplicates && !src.empty() && cands_[q].t == src[0])
            al = cands_[q].s;
        for (int x : src) add(x, al, Relation::kReject, rule + "+allegation", si);
        continue;
      }
      if (claim_object) continue;
    }
    // Event anaphora: "welcomed the news", "called the decision disappointing".
    if (dst.empty() && graph::is_event(r) && main_event_ >= 0 &&
        cands_[static_cast<std::size_t>(main_event_)].sentence < static_cast<int>(si)) {
      bool event_np = false;
      for (std::size_t k = he; k < std::min(e, he + 8); ++k)
        if (is(k, kEventNouns) || (eq(f(k), "it") && k == he)) event_np = true;
      if (event_np) {
        const Candidate& me = cands_[static_cast<std::size_t>(main_event_)];
        if (r == Relation::kRetreat || r == Relation::kConcede) dst = {me.t};
        else dst = {me.s};
        rule += "+event";
      }
    }
    // Praise and blame by adjective: "called it a commendable decision".
    if (vp.name == "verb:praise" || r == Relation::kAccuse || r == Relation::kSupport) {
      // nothing extra
    }
    // Reciprocal: "A and B agreed".
    if (vp.reciprocal && dst.empty() && src.size() >= 2) {
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
      while (p > b && p + 3 > h && is_word(p - 1) && !tok(p - 1).cap &&
             !eq(f(p - 1), "its") && !eq(f(p - 1), "their"))
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
    if (dst.empty() && graph::is_event(r) && graph::relation_sign(r) < 0 && !passive) {
      // "sanctions against Japanese companies", "ban Chinese firms": the state behind them.
      for (std::size_t k = obj_at; k < std::min(e, obj_at + 14); ++k) {
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
    if (vp.reverse) std::swap(src, dst);
    emit_all(src, dst, r, rule);
    if (has_subj) last_subject = subj;
  }

  // ---- sentence-level rules ----
  // Reports by media.
  for (const auto& m : ms) {
    if (m.ents.size() != 1) continue;
    int media = m.ents[0];
    if (ents_[static_cast<std::size_t>(media)].kind != Kind::kMedia) continue;
    std::size_t k = m.e;
    while (k < e && (eq(f(k), "has") || eq(f(k), "had") || eq(f(k), "also") || eq(f(k), "newspaper") ||
                     eq(f(k), "have")))
      ++k;
    std::vector<int> targets;
    if (k < e && is(k, kReportVerbs)) {
      std::size_t v = k + 1;
      while (v < e && (eq(f(v), "on") || tok(v).cap || eq(f(v), ","))) {
        if (eq(f(v), "on") && v + 1 < e && tok(v + 1).cap) v += 2;
        else break;
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
          if (actor(o) && &o != &m && ents_[static_cast<std::size_t>(o.ents[0])].kind != Kind::kMedia)
            targets = o.ents;
    } else if (m.b > b && (eq(f(m.b - 1), "told") || eq(f(m.b - 1), "tells"))) {
      for (const auto& o : ms)
        if (o.e <= m.b - 1 && o.e + 4 >= m.b && !o.ents.empty() &&
            !(o.flags & kLocative))
          targets = o.ents;
      if (targets.empty() && !speakers_[si].empty()) {
        auto it = by_name_.find(fold(speakers_[si]));
        if (it != by_name_.end()) targets = {it->second};
      }
    } else if (m.b > b && (eq(f(m.b - 1), "in") || eq(f(m.b - 1), "by")) && m.b >= b + 2 &&
               (eq(f(m.b - 2), "report") || eq(f(m.b - 2), "article") || eq(f(m.b - 2), "interview"))) {
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
      for (const Hit& hit : hits) taken |= k >= hit.h && k < hit.he;
      if (taken) continue;
      if (k > b) {
        const std::string_view pw = f(k - 1);
        if (eq(pw, "the") || eq(pw, "a") || eq(pw, "an") || eq(pw, "its") || eq(pw, "their") ||
            eq(pw, "his") || eq(pw, "her") || eq(pw, "our") || eq(pw, "this") ||
            eq(pw, "these") || eq(pw, "those") || tok(k - 1).type == TokenType::kPossessive ||
            (is(k - 1, kPrepositions) && !eq(pw, "to")))
          continue;
      }
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
      const std::size_t ve = b + vm.verb_end;
      // Passive: "<be> <participle> by <agent>".
      bool passive = false;
      for (std::size_t q = k; q-- > cs && q + 3 > k;)
        if (is(q, kBeForms)) passive = true;
      const std::string_view code =
          passive && !vm.passive_code.empty() ? vm.passive_code : vm.code;
      if (code.empty()) continue;
      const extract::dictionary::PloverEvent pe = extract::dictionary::plover_event(code);
      if (!pe.is_event()) continue;
      std::vector<int> subj;
      std::size_t subj_end = b;
      if (!subject_of(k, subj, &subj_end) || negated(subj_end, k)) continue;
      // The verb heads its subject's predicate: between them only auxiliaries, adverbs, a
      // date ("on Monday") or a parenthetical between commas ("X, a maker of Y, accused").
      bool predicate = subj_end <= k;
      for (std::size_t q = subj_end; q < k && predicate;) {
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
      } else {
        // The pattern's target slot, else the direct object: an actor within a few words
        // (determiners and modifiers) after the verb.
        const Mention* t = vm.target ? mention_at(b + *vm.target) : nullptr;
        // A verb followed by a clause ("insisted that", "plans to", "called it") has no
        // direct object of its own.
        std::size_t after = ve;
        while (after < ce && is(after, kAdverbs)) ++after;
        const bool clause_follows =
            after < e && (eq(f(after), "that") || eq(f(after), "to") ||
                          eq(f(after), "whether") || eq(f(after), "if") || eq(f(after), "it"));
        if (!t && !clause_follows) t = first_mention_after(ve, std::min(ce, ve + 4), true);
        if (!t || !actor(*t) || (t->flags & (kUntyped | kPronoun))) continue;
        dst = t->ents;
      }
      const std::string rule =
          "cameo:" + std::string(code) + ":" + std::string(vm.block_name);
      for (int x : src)
        for (int y : dst) add(x, y, pe.relation, rule, si, 0.6f);
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
      if (match_demonym(k, m.e, &le) > 0 && le) gov = entity_for(*le);
      else if (match_lexicon(k, e, &le, k == b) > 0 && le && le->kind == Kind::kGovernment &&
               k + match_lexicon(k, e, &le, k == b) <= m.e)
        gov = entity_for(*le);
    }
    for (const auto& o : ms) {
      if (gov >= 0) break;
      if (o.ents.size() == 1 && o.e + 1 == m.b && (o.flags & kPossessive) &&
          !(o.flags & kPronoun) &&
          ents_[static_cast<std::size_t>(o.ents[0])].kind == Kind::kGovernment)
        gov = o.ents[0];
    }
    // "the Competition Board of Kenya".
    if (gov < 0 && m.e + 1 < e && eq(f(m.e), "of"))
      if (const Mention* o = mention_at(m.e + 1); o && o->ents.size() == 1 &&
          ents_[static_cast<std::size_t>(o->ents[0])].kind == Kind::kGovernment)
        gov = o->ents[0];
    if (gov < 0 && m.b > b) {
      for (std::size_t d = m.b; d-- > b && d + 3 >= m.b;) {
        const LexiconEntry* dm = nullptr;
        if (match_demonym(d, m.b, &dm) == m.b - d && dm) {
          gov = entity_for(*dm);
          break;
        }
      }
    }
    if (gov < 0) gov = home_government({});
    if (gov >= 0 && gov != id)
      ents_[static_cast<std::size_t>(id)].part_of = ents_[static_cast<std::size_t>(gov)].name;
  }
  // Titles, roles and appositions: part_of for persons; lexicon background for agencies.
  for (const auto& m : ms) {
    for (int id : m.ents) {
      const Ent& en = ents_[static_cast<std::size_t>(id)];
      if (!en.part_of.empty() && (en.kind == Kind::kPerson || en.kind == Kind::kAgency)) {
        // Copies: government_named() may add an entity, which moves ents_ (and `en`).
        const Kind kind = en.kind;
        const bool from_context = en.part_of_from_context;
        const std::string part_of = en.part_of;
        int parent = -1;
        auto it = by_name_.find(fold(part_of));
        if (it != by_name_.end()) parent = it->second;
        else parent = government_named(part_of);
        add(id, parent, Relation::kPartOf,
            kind != Kind::kPerson ? "institution" : from_context ? "discourse:title" : "title",
            si, 0.8f);
      }
    }
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
      if (eq(f(z), ",") || eq(f(z), ".") || eq(f(z), ";") || eq(f(z), "that") || eq(f(z), "because")) break;
      if (is(z, kNegators)) negative_form = true;
      if (is(z, kNegativeAdj)) sign = -1;
      else if (is(z, kPositiveAdj)) sign = 1;
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
      if (const Mention* t = first_mention_after(after + 1, after + 4, true)) judged = t->ents;
      else judged = {cands_[static_cast<std::size_t>(main_event_)].s};
    }
    emit_all(judge, judged, sign > 0 ? Relation::kSupport : Relation::kAccuse, "feeling");
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
    if (eq(f(k), "a") || eq(f(k), "an") || eq(f(k), "the")) ++k;
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
      for (std::size_t r = o->e; r < std::min<std::size_t>(e, o->e + 3) && is_word(r) && !role;
           ++r)
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
    const bool untyped_name = (m.flags & kUntyped) && m.e - m.b >= 2 && m.e - m.b <= 3 &&
                              eq(f(m.e + 1), "the");
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
    if (m.ents.size() != 1 || m.e + 3 >= e || !eq(f(m.e), ",") || (m.flags & kPossessive))
      continue;
    std::size_t k = m.e + 1;
    if (eq(f(k), "a") || eq(f(k), "an") || eq(f(k), "the")) ++k;
    while (k < e && k < m.e + 5 && is_word(k) && !tok(k).cap && !eq(f(k), "part") &&
           !eq(f(k), "unit") && !eq(f(k), "subsidiary") && !eq(f(k), "arm") &&
           !eq(f(k), "division") && !eq(f(k), "branch") && !eq(f(k), "wing"))
      ++k;
    if (k + 2 >= e || !eq(f(k + 1), "of")) continue;
    const bool part = eq(f(k), "part") || eq(f(k), "branch") || eq(f(k), "wing");
    const bool unit = eq(f(k), "unit") || eq(f(k), "subsidiary") || eq(f(k), "arm") ||
                      eq(f(k), "division");
    if (!part && !unit) continue;
    std::size_t o_at = k + 2;
    while (o_at < e && o_at < k + 6 && is_word(o_at) && !tok(o_at).cap) ++o_at;
    const Mention* o = mention_at(o_at);
    if (!o || o->ents.size() != 1 || (o->flags & kUntyped) || o->ents[0] == m.ents[0]) continue;
    const Kind mk = ents_[static_cast<std::size_t>(m.ents[0])].kind;
    const bool companies = mk == Kind::kOrganization || mk == Kind::kVendor ||
                           mk == Kind::kOperator;
    if (unit && companies) add(o->ents[0], m.ents[0], Relation::kOwns, "apposition:unit", si);
    else add(m.ents[0], o->ents[0], Relation::kPartOf, "apposition:part", si);
  }
  // Heads of bodies: "X, ..., who chairs/heads/leads Y": X is part of Y.
  for (std::size_t k = b + 1; k + 1 < e && has_words(kWho); ++k) {
    if (!eq(f(k), "who")) continue;
    const std::string_view v = f(k + 1);
    if (!(eq(v, "chairs") || eq(v, "heads") || eq(v, "leads") || eq(v, "runs") || eq(v, "chaired") ||
          eq(v, "headed") || eq(v, "led") || eq(v, "ran")))
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
  // "X, its (main) ally": allied_with.
  for (std::size_t i = 0; i < ms.size(); ++i) {
    const Mention& m = ms[i];
    if (m.e + 2 >= e || !eq(f(m.e), ",") || (!eq(f(m.e + 1), "its") && !eq(f(m.e + 1), "their"))) continue;
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
    if (object && actor(*object)) j = object->e;
    else object = nullptr;
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
        if (!(eq(f(z), "to") || eq(f(z), "against") || eq(f(z), "on") || eq(f(z), "with"))) continue;
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
    if (!(eq(v, "include") || eq(v, "includes") || eq(v, "included") || eq(v, "are") || eq(v, "were") ||
          eq(v, "comprise")))
      continue;
    const Mention* t = first_mention_after(k + 2, k + 6, true);
    if (!t || negated(k + 1, t->b)) continue;
    const bool customers = is(k, kCustomerNouns);
    for (int x : m.ents)
      for (int y : t->ents)
        if (customers) add(x, y, Relation::kSupplies, "possessor:customers", si);
        else add(y, x, Relation::kSupplies, "possessor:suppliers", si);
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
  for (std::size_t k = b; k + 1 < e && has_words(kAllegeVerbs); ++k) {
    if (!is(k, kAllegeVerbs) || !eq(f(k + 1), "that")) continue;
    std::vector<int> subj;
    std::size_t se = b;
    if (!subject_of(k, subj, &se)) continue;
    const Mention* acc = first_mention_after(k + 2, k + 6, false);
    // The claim is what the accused did: the clause after its subject ("alleged that the
    // ruling party had bought votes": "bought votes").
    std::size_t from = k + 2;
    if (acc) {
      from = acc->e;
      while (from < e && (is(from, kAux) || is(from, kAdverbs))) ++from;
    }
    auto [lb, le2] = np_label(from, 10);
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
  if (!last_subject.empty()) recent_subjects_.push_back(last_subject[0]);
}

void ArticleRun::run() {
  const std::size_t ns = L_.sentences.size();
  sent_mentions_.assign(ns, {});
  speakers_.assign(ns, {});
  hedged_.assign(ns, false);
  sent_words_.assign(ns, 0);
  std::vector<char> covered(L_.tokens.size(), 0);
  for (const auto& s : L_.sentences) type_unknown_names(s, covered);
  for (std::size_t si = 0; si < ns; ++si) {
    const Sentence& s = L_.sentences[si];
    std::uint64_t words = 0;
    for (std::size_t k = s.first; k < s.last; ++k) words |= cls_[k];
    sent_words_[si] = words;
    // Hedging.
    if (words & kHedges.bit()) {
      for (std::size_t k = s.first; k < s.last && !hedged_[si]; ++k)
        // Capitalised "May" is the month or a name, not the modal.
        if (is(k, kHedges) && !(tok(k).cap && eq(f(k), "may"))) hedged_[si] = true;
    }
    if (!hedged_[si] && (words & kHedgeFrames.bit())) {
      for (std::size_t k = s.first; k < s.last; ++k) {
        std::string_view w = f(k);
        if (eq(w, "according") && k + 1 < s.last && eq(f(k + 1), "to")) hedged_[si] = true;
        if ((eq(w, "said") || eq(w, "expected") || eq(w, "believed")) && k > s.first &&
            (eq(f(k - 1), "is") || eq(f(k - 1), "are")) && k + 1 < s.last && eq(f(k + 1), "to"))
          hedged_[si] = true;
      }
    }
    recognise(si);
    auto& ms = sent_mentions_[si];
    // Speaker of a quotation: "..." X said / said X.
    bool has_quote = false;
    for (std::size_t k = s.first; k < s.last; ++k)
      has_quote |= tok(k).type == TokenType::kQuote && !eq(f(k), "'");
    if (has_quote) {
      for (std::size_t k = s.first; k < s.last; ++k) {
        if (!is(k, kSpeechVerbs)) continue;
        for (const auto& m : ms)
          if ((m.e == k || m.b == k + 1) && !m.ents.empty())
            speakers_[si] = ents_[static_cast<std::size_t>(m.ents[0])].name;
        if (!speakers_[si].empty()) break;
      }
    }
    for (const auto& m : ms) {
      if (m.ents.size() >= 2) {
        groups_.push_back(m.ents);
        group_sentence_ = si;
      }
    }
    relations(si);
    for (const auto& m : ms)
      for (int id : m.ents) {
        Ent& en = ents_[static_cast<std::size_t>(id)];
        ++en.mentions;
        if (en.first_sentence < 0) en.first_sentence = static_cast<int>(si);
        if (!(m.flags & (kModifier | kLocative))) recent_.push_back(id);
        if (!(m.flags & (kLocative | kUntyped)) && en.typed &&
            !(en.kind == Kind::kGovernment && (m.flags & kModifier)))
          en.keep = true;
      }
  }
}

}  // namespace

std::uint64_t SeenSentences::emplace(std::uint64_t key, std::uint64_t article) {
  if (key == 0) key = 1;
  if (4 * (size_ + 1) > 3 * slots_.size()) {  // at most 3/4 full
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : 2 * old.size(), Slot{});
    size_ = 0;
    for (const Slot& s : old)
      if (s.key != 0) emplace(s.key, s.article);
  }
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;;
       i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.key == key) return s.article;
    if (s.key == 0) {
      s.key = key;
      s.article = article;
      ++size_;
      return article;
    }
  }
}

Extractor::Extractor(const Lexicon& lexicon, ExtractOptions options)
    : lex_(lexicon),
      options_(options),
      index_(std::make_shared<const TokenIndex>(lexicon)),
      scratch_(std::make_unique<ExtractScratch>()) {}

Extractor::Extractor(Extractor&&) noexcept = default;
Extractor::~Extractor() = default;

void Extractor::remember(const graph::Graph& g) {
  for (auto [ei, ee] = boost::edges(g.boost_graph()); ei != ee; ++ei)
    for (const auto& ev : g.edge(*ei).evidence) {
      if (ev.article == graph::kNoArticle || ev.text.empty()) continue;
      std::uint64_t art = sentence_key(g.articles()[ev.article].id);
      seen_.emplace(sentence_key(ev.text), art);
    }
}

ExtractStats Extractor::extract(const ArticleText& article, graph::Graph& g) {
  ExtractStats st;
  st.articles = 1;
  st.bytes = article.body.size();
  if (index_->vocab_size != lex_.vocabulary().size())
    index_ = std::make_shared<const TokenIndex>(lex_);
  // Folded names recur from article to article; the memo is bounded (cleared between
  // articles only, so references into it stay valid during one).
  if (fold_memo_.size() > kFoldMemoMax) fold_memo_.clear();
  ArticleRun run(lex_, *index_, article.body, fold_memo_, *scratch_);
  run.dict_ = options_.dictionaries;
  run.date_ = article.date;
  run.code_actors_ = options_.dictionary_actors;
  run.run();
  st.sentences = run.L_.sentences.size();

  graph::Article ga;
  ga.id = article.id;
  ga.title = article.title;
  ga.date = article.date;
  ga.source = article.source;
  ga.url = article.url;
  ga.path = article.path;
  ga.text_hash = text_hash(article.body);
  const std::uint32_t aidx = g.add_article(ga);
  const std::uint64_t art_key = sentence_key(article.id);

  // Nodes: endpoints of relations, and typed actors the text names.
  std::vector<int> used(run.ents_.size(), 0);
  for (const auto& c : run.cands_) {
    used[static_cast<std::size_t>(c.s)] = 1;
    used[static_cast<std::size_t>(c.t)] = 1;
  }
  std::vector<std::optional<graph::NodeIndex>> node(run.ents_.size());
  auto node_of = [&](std::size_t i) -> graph::NodeIndex {
    if (node[i]) return *node[i];
    const auto& en = run.ents_[i];
    // As g.add_node() and g.add_alias(), which fold every name of the node to compare; a
    // name already there byte for byte is skipped without folding (re-ingested actors).
    auto known = [&](graph::NodeIndex v, const std::string& name) {
      const auto& nd = g.node(v);
      return name == nd.name || std::find(nd.aliases.begin(), nd.aliases.end(), name) != nd.aliases.end();
    };
    std::optional<graph::NodeIndex> found = g.find_named(en.name);
    graph::NodeIndex v;
    if (found) {
      v = *found;
      if (!known(v, en.name)) g.add_alias(v, en.name);
    } else {
      v = g.add_node(en.name, en.kind);
    }
    for (const auto& a : en.aliases)
      if (!known(v, a)) g.add_alias(v, a);
    if (!en.code.empty()) g.set_attribute(v, "code", en.code);
    node[i] = v;
    return v;
  };
  for (std::size_t i = 0; i < run.ents_.size(); ++i) {
    const auto& en = run.ents_[i];
    bool keep = used[i] || (options_.keep_unrelated_actors && en.keep && en.typed &&
                            en.kind != Kind::kAllegation);
    if (keep) node_of(i);
  }
  // Edges with evidence; a sentence seen in another article (syndicated copy) adds none.
  const std::string_view body = article.body;
  int keyed_sentence = -1;  // candidates come sentence by sentence: key each sentence once
  std::uint64_t key = 0;
  for (const auto& c : run.cands_) {
    const Sentence& s = run.L_.sentences[static_cast<std::size_t>(c.sentence)];
    const std::string_view text = body.substr(s.start, s.end - s.start);
    if (c.sentence != keyed_sentence) {
      key = sentence_key(text);
      keyed_sentence = c.sentence;
    }
    if (seen_.emplace(key, art_key) != art_key) {  // first given by another article
      ++st.skipped_syndicated;
      continue;
    }
    graph::NodeIndex sv = node_of(static_cast<std::size_t>(c.s));
    graph::NodeIndex tv = node_of(static_cast<std::size_t>(c.t));
    if (sv == tv) continue;
    graph::EdgeRef e = g.add_edge(sv, tv, c.r);
    graph::Evidence ev;
    ev.article = aidx;
    ev.sentence = static_cast<std::uint32_t>(c.sentence);
    ev.start = s.start;
    ev.end = s.end;
    ev.text = std::string(text);
    ev.hedged = c.hedged;
    ev.speaker = run.speakers_[static_cast<std::size_t>(c.sentence)];
    ev.rule = c.rule;
    ev.confidence = c.confidence;
    g.add_evidence(e, std::move(ev));
    ++st.edges;
  }
  return st;
}

}  // namespace stakegraph::io
