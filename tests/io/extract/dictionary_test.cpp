// Event-data dictionaries: the four PETRARCH-format readers on small snippets written for
// these tests, their errors (file and line), inflections, date ranges, longest matches, verb
// patterns with slots, prepositional phrases and synsets; the derived TSV round trip; the
// shipped set (data/dictionaries) and PETRARCH's validation dictionaries (tests/data/petrarch).
#include "io/extract/dictionary/dictionary.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/extract/dictionary/plover.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph::io::extract::dictionary {
namespace {

// Splits a lowercase sentence on blanks into word views (kept alive by the caller's string).
std::vector<std::string_view> toks(const std::string& s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.data() + i, j - i);
    i = j;
  }
  return out;
}

// The message of the ParseError thrown by f, or "" when none is thrown.
template <class F>
std::string parse_error(F f) {
  try {
    f();
  } catch (const io::ParseError& e) {
    return e.what();
  }
  return "";
}

bool has_form(const VerbDictionary& d, std::string_view head, std::string_view back = "") {
  for (const auto& f : d.verb_forms()) {
    if (d.word(f.head) != head) continue;
    std::string b;
    for (auto id : f.back) b += (b.empty() ? "" : " ") + std::string(d.word(id));
    if (b == back) return true;
  }
  return false;
}

// ---- verbs ----------------------------------------------------------------------------------

const char* const kVerbs = R"(# test verbs
&CURRENCY
+DOLLAR
+EURO_
+HARD_CASH

&AUXV_
+WILL

---  ACCUSE   [112]  ---
ACCUSE  # the block's first verb
HURRY
PLAY
FIX
CHARGE {CHARGES CHARGED CHARGING} [---]
+CARRY_OUT
WIRE_+TAP {WIRE_+TAPS WIRE_+TAPPED WIRE_+TAPPING}
- * + (OF SPYING)                 [1121]   # ACCUSE
- * (OF {WAR CRIMES})             [1122]
- $ * + (IN COURT)                [115]
- * &CURRENCY                     [1041]
- * FRAUD_                        [1123]
- * (FROM ^)                      [042:043]
- * (BEFORE JUDGE)                [:173]

<!-- a comment
     over two lines -->
---  MEET   [---]  ---
MEET {MEETS MET MEETING}
- * (WITH +)                      [040]
~ a (a b ATTACK) SAY = a b 015
)";

TEST(VerbReader, BlocksFormsPatternsSynsets) {
  const VerbDictionary d = parse_verbs(kVerbs, "test.verbs");
  ASSERT_EQ(d.blocks().size(), 2u);
  EXPECT_EQ(d.blocks()[0].name, "ACCUSE");
  EXPECT_EQ(d.blocks()[0].code, "112");
  EXPECT_EQ(d.blocks()[1].code, "---");
  EXPECT_EQ(d.patterns().size(), 8u);
  EXPECT_EQ(d.transformations().size(), 1u);
  ASSERT_EQ(d.synsets().size(), 2u);
  // &CURRENCY: DOLLAR + DOLLARS, EURO_ (no plural), HARD CASH + HARD CASHES.
  EXPECT_EQ(d.synsets()[0].members.size(), 5u);
  EXPECT_EQ(d.synsets()[1].members.size(), 1u);  // &AUXV_: no plurals
  EXPECT_EQ(d.patterns()[0].text, "* + (OF SPYING)");
  EXPECT_EQ(d.patterns()[0].code, "1121");
  EXPECT_EQ(d.patterns()[0].line, 18u);
  EXPECT_EQ(d.patterns()[0].specificity, 2u);
  EXPECT_EQ(d.patterns()[1].specificity, 3u);
}

TEST(VerbReader, RegularFormsAsPetrarchMakesThem) {
  const VerbDictionary d = parse_verbs(kVerbs, "test.verbs");
  for (const char* f : {"accuse", "accuses", "accused", "accusing"})
    EXPECT_TRUE(has_form(d, f)) << f;
  // PETRARCH: Y -> IES, +ED, +ING; we add -IED after a consonant and -YS after a vowel.
  for (const char* f : {"hurries", "hurryed", "hurried", "hurrying", "plays", "played", "playing",
                        "fixes", "fixed", "fixing"})
    EXPECT_TRUE(has_form(d, f)) << f;
  // Irregular forms given: no generated ones.
  EXPECT_TRUE(has_form(d, "charged"));
  EXPECT_TRUE(has_form(d, "met"));
  EXPECT_FALSE(has_form(d, "meeted"));
  // Multi-word verbs: generated forms keep the words after the head.
  EXPECT_TRUE(has_form(d, "carried", "out"));
  EXPECT_TRUE(has_form(d, "carrying", "out"));
  EXPECT_FALSE(has_form(d, "carry"));  // "carry" alone is no verb of this block
}

TEST(VerbMatch, DefaultCodeMultiWordAndPassive) {
  const VerbDictionary d = parse_verbs(kVerbs, "test.verbs");
  std::string s = "the army carried out the raid";
  auto t = toks(s);
  VerbMatch m = d.find_verb(t, 2);
  ASSERT_TRUE(m.verb);
  EXPECT_EQ(m.verb_begin, 2u);
  EXPECT_EQ(m.verb_end, 4u);
  EXPECT_EQ(m.code, "112");
  EXPECT_FALSE(d.find_verb(t, 3).verb);  // "out" is not a head

  std::string s2 = "police wire tapped the office";
  auto t2 = toks(s2);
  m = d.find_verb(t2, 2);
  ASSERT_TRUE(m.verb);
  EXPECT_EQ(m.verb_begin, 1u);
  EXPECT_EQ(m.block_name, "ACCUSE");

  std::string s3 = "they charged him";  // CHARGE [---]: no event without a pattern
  auto t3 = toks(s3);
  m = d.match(t3, 1, 0, t3.size());
  EXPECT_TRUE(m.verb);
  EXPECT_FALSE(m.has_event());

  std::string s4 = "rebels met in the capital";  // block --- and no pattern: nothing
  auto t4 = toks(s4);
  EXPECT_FALSE(d.match(t4, 1, 0, t4.size()).has_event());
  std::string s5 = "rebels met with the army";
  auto t5 = toks(s5);
  m = d.match(t5, 1, 0, t5.size());
  EXPECT_EQ(m.code, "040");
  ASSERT_TRUE(m.target);
  EXPECT_EQ(*m.target, 3u);  // the first word after "with"
}

TEST(VerbMatch, SlotsPrepositionsSpecificity) {
  const VerbDictionary d = parse_verbs(kVerbs, "test.verbs");
  //  0      1       2   3  4  5
  std::string s = "china accused the us of spying";
  auto t = toks(s);
  VerbMatch m = d.match(t, 1, 0, t.size());
  ASSERT_NE(m.pattern, nullptr);
  EXPECT_EQ(m.code, "1121");
  EXPECT_EQ(m.pattern_text, "* + (OF SPYING)");
  ASSERT_TRUE(m.target);
  EXPECT_EQ(*m.target, 2u);  // first word of the gap
  // With actors marked, the slot binds to the actor.
  std::vector<std::uint8_t> actors(t.size(), 0);
  actors[0] = actors[3] = 1;
  MatchOptions mo;
  mo.actor_start = actors;
  m = d.match(t, 1, 0, t.size(), mo);
  ASSERT_TRUE(m.target);
  EXPECT_EQ(*m.target, 3u);
  // No word between the verb and "of": the + slot cannot bind.
  std::string s2 = "china accused of spying";
  auto t2 = toks(s2);
  m = d.match(t2, 1, 0, t2.size());
  EXPECT_EQ(m.code, "112");
  EXPECT_EQ(m.pattern, nullptr);

  // The more specific pattern wins: (OF {WAR CRIMES}) has 3 words, "* + (OF SPYING)" 2.
  std::string s3 = "they accused the general of war crimes and spying";
  auto t3 = toks(s3);
  m = d.match(t3, 1, 0, t3.size());
  EXPECT_EQ(m.code, "1122");

  // Source and target around the verb, prepositional phrase after: "$ * + (IN COURT)".
  //  0      1       2   3    4   5
  std::string s4 = "police accused the man in court";
  auto t4 = toks(s4);
  m = d.match(t4, 1, 0, t4.size());
  EXPECT_EQ(m.code, "115");
  ASSERT_TRUE(m.source && m.target);
  EXPECT_EQ(*m.source, 0u);
  EXPECT_EQ(*m.target, 2u);
  // The clause ends before "court": no match, the block's default.
  m = d.match(t4, 1, 0, 5);
  EXPECT_EQ(m.code, "112");
  // Nothing before the verb in the clause: "$" cannot bind.
  m = d.match(t4, 1, 1, t4.size());
  EXPECT_EQ(m.code, "112");
  EXPECT_EQ(m.post_end, m.verb_end);  // no pattern: right after the verb
  // At most six words before a pattern word: seven, and "* + (OF SPYING)" does not match.
  std::string s5 = "china accused the man a b c d of spying";
  auto t5 = toks(s5);
  EXPECT_EQ(d.match(t5, 1, 0, t5.size()).code, "1121");
  std::string s6 = "china accused the man a b c d e of spying";
  auto t6 = toks(s6);
  EXPECT_EQ(d.match(t6, 1, 0, t6.size()).code, "112");
  // post_end: after the pattern's last word ("court").
  m = d.match(t4, 1, 0, t4.size());
  EXPECT_EQ(m.post_end, 6u);
  m = d.match(t, 1, 0, t.size());
  EXPECT_EQ(m.post_end, 6u);  // after "spying"
}

TEST(VerbMatch, StemsExactWordsSynsetsSkipsAndPassive) {
  const VerbDictionary d = parse_verbs(kVerbs, "test.verbs");
  auto code = [&](const std::string& s) {
    auto t = toks(s);
    return std::string(d.match(t, 1, 0, t.size()).code);
  };
  EXPECT_EQ(code("they accused him of fraud"), "1123");
  EXPECT_EQ(code("they accused him of frauds"), "112");  // FRAUD_ is exact
  EXPECT_EQ(code("they accused him of spy"), "112");
  EXPECT_EQ(code("they accused him of spyings"), "1121");  // SPYING is a stem
  EXPECT_EQ(code("they accused her of stealing dollars"), "1041");
  EXPECT_EQ(code("they accused her of taking hard cash"), "1041");  // multi-word member
  EXPECT_EQ(code("they accused her of taking euros"), "112");       // EURO_: no plural
  EXPECT_EQ(code("they accused her of taking euro"), "1041");
  EXPECT_EQ(code("they accused them from"), "112");  // ^ needs a word
  EXPECT_EQ(code("they accused them from afar"), "042");
  std::string s = "he accused before the judge";
  auto t = toks(s);
  VerbMatch m = d.match(t, 1, 0, t.size());
  EXPECT_EQ(m.code, "");
  EXPECT_EQ(m.passive_code, "173");
  EXPECT_TRUE(m.has_event());
  s = "they accused them from afar";
  t = toks(s);
  EXPECT_EQ(d.match(t, 1, 0, t.size()).passive_code, "043");
}

TEST(VerbReader, MalformedLinesNameFileAndLine) {
  auto err = [](const std::string& text) {
    return parse_error([&] { parse_verbs(text, "bad.verbs"); });
  };
  EXPECT_EQ(err("---  ACCUSE  ---\n"),
            "bad.verbs:1: verb block header without [code] (expected --- NAME [code] ---)");
  EXPECT_EQ(err("---  ACCUSE [112] ---\nACCUSE\n- * SPYING\n"),
            "bad.verbs:3: pattern without a final [code]");
  EXPECT_EQ(err("---  ACCUSE [112] ---\n- SPYING [1121]\n"),
            "bad.verbs:2: pattern without '*' (the verb's place)");
  EXPECT_EQ(err("---  ACCUSE [112] ---\n- * {WAR CRIMES [1121]\n"),
            "bad.verbs:2: '{' without '}' in pattern");
  EXPECT_EQ(err("---  ACCUSE [112] ---\n- * &NOPE [1121]\n"),
            "bad.verbs:2: synset &NOPE is not defined before its use");
  EXPECT_EQ(err("ACCUSE\n"),
            "bad.verbs:1: verb or pattern outside a verb block "
            "(--- NAME [code] ---)");
  EXPECT_EQ(err("---  ACCUSE [1 2] ---\n"), "bad.verbs:1: bad code [1 2]");
  EXPECT_EQ(err("---  ACCUSE [112] ---\nHURRY {HURRIES\n"), "bad.verbs:2: '{' without '}'");
  EXPECT_EQ(err("---  ACCUSE [112] ---\nCARRY_OUT\n"),
            "bad.verbs:2: multi-word verb 'CARRY_OUT' needs '+' before its verb word "
            "(+CARRY_OUT, WIRE_+TAP)");
  // Lenient: PETRARCH skips a pattern with an undefined synset; so do we, with a warning.
  ReadOptions lenient;
  lenient.lenient = true;
  const VerbDictionary d =
      parse_verbs("---  A [010] ---\nA\n- * &NOPE [011]\n", "l.verbs", lenient);
  EXPECT_EQ(d.patterns().size(), 0u);
  ASSERT_EQ(d.warnings().size(), 1u);
  EXPECT_EQ(d.warnings()[0].line, 3u);
}

// ---- actors ---------------------------------------------------------------------------------

const char* const kActors = R"(# test actors
UNITED_STATES_  [USA]
+UNITED_STATES_OF_AMERICA
+WASHINGTON
UNITED_KINGDOM [GBR] # a comment
BAN_KI-MOON
+SECRETARY-GENERAL_BAN
	[IGOUNO >20070101]
	[KORGOV 20040117-20061231]
KOFI_ANNAN_
	[IGOUNO 970101-061231]
	[ELI]
OLD_KING
	[XYZGOV <19000101]
U.N._
)";

TEST(ActorReader, LongestMatchAndCodes) {
  const ActorDictionary d = parse_actors(kActors, "test.actors");
  EXPECT_EQ(d.entries().size(), 6u);
  EXPECT_EQ(d.phrase_count(), 8u);  // U.N. has no code: not indexed
  std::string s = "the united states of america and the united kingdom";
  auto t = toks(s);
  ActorMatch m = d.longest(t, 1);
  EXPECT_EQ(m.length, 4u);
  EXPECT_EQ(m.code, "USA");
  EXPECT_EQ(d.entries()[m.entry].phrases[0], "united states");
  m = d.longest(t, 7);
  EXPECT_EQ(m.length, 2u);
  EXPECT_EQ(m.code, "GBR");
  EXPECT_FALSE(d.longest(t, 0));
  EXPECT_FALSE(d.longest(t, 2));  // "states" alone
  std::string u = "u.n. says";
  EXPECT_FALSE(d.longest(toks(u), 0));
}

TEST(ActorReader, DateRestrictions) {
  const ActorDictionary d = parse_actors(kActors, "test.actors");
  std::string s = "ban ki-moon kofi annan old king";
  auto t = toks(s);
  EXPECT_EQ(d.longest(t, 0, 20050601).code, "KORGOV");
  EXPECT_EQ(d.longest(t, 0, 20061231).code, "KORGOV");  // range ends inclusive
  EXPECT_EQ(d.longest(t, 0, 20070101).code, "IGOUNO");  // ">D": on or after
  EXPECT_EQ(d.longest(t, 0, 20030101).code, "");        // no restriction, no default
  EXPECT_EQ(d.longest(t, 0, 0).code, "IGOUNO");         // latest: the open-ended one
  EXPECT_EQ(d.longest(t, 2, 19990101).code, "IGOUNO");  // YYMMDD 970101 = 1997
  EXPECT_EQ(d.longest(t, 2, 20070101).code, "ELI");     // after the range: the default
  EXPECT_EQ(d.longest(t, 2, 0).code, "ELI");
  EXPECT_EQ(d.longest(t, 4, 18991231).code, "XYZGOV");  // "<D": before
  EXPECT_EQ(d.longest(t, 4, 19000101).code, "");
  EXPECT_EQ(d.longest(t, 4, 0).code, "XYZGOV");  // only one: it ends last
}

TEST(ActorReader, MalformedLinesNameFileAndLine) {
  auto err = [](const std::string& text) {
    return parse_error([&] { parse_actors(text, "bad.actors"); });
  };
  EXPECT_EQ(err("CHINA [CHN\n"), "bad.actors:1: '[' without ']'");
  EXPECT_EQ(err("\n\tCHINA\n\t[CHN 20071399]\n"),
            "bad.actors:3: bad date '20071399' in code restriction [CHN 20071399] (expected "
            "YYYYMMDD or YYMMDD)");
  EXPECT_EQ(err("\t[CHN]\n"), "bad.actors:1: code restriction before any actor name");
  EXPECT_EQ(err("+BEIJING\n"), "bad.actors:1: synonym '+...' before any actor name");
  EXPECT_EQ(err("A [X 20100101-20000101]\n"),
            "bad.actors:1: date range [X 20100101-20000101] ends before it starts");
}

// ---- agents ---------------------------------------------------------------------------------

const char* const kAgents = R"(<!-- test agents -->
!PERSON! = MAN, WOMAN
POLICE {} [~COP]
MINISTER [~GOV]
COMPANY [~BUS]
BUS [~BUS]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
CONGRESS!PERSON! [~LEG]
HUMAN_RIGHTS_BODY  [NGO~]
)";

TEST(AgentReader, PluralsSubstitutionsAndLongestMatch) {
  const AgentDictionary d = parse_agents(kAgents, "test.agents");
  auto code = [&](const std::string& s) {
    auto t = toks(s);
    AgentMatch m = d.longest(t, 0);
    return m ? std::string(m.code) + (m.prefix ? "~" : "") + "/" + std::to_string(m.length)
             : std::string("-");
  };
  EXPECT_EQ(code("police said"), "COP/1");
  EXPECT_EQ(code("polices"), "-");  // {}: no plural
  EXPECT_EQ(code("minister"), "GOV/1");
  EXPECT_EQ(code("ministers"), "GOV/1");
  EXPECT_EQ(code("companies"), "BUS/1");  // Y -> IES
  EXPECT_EQ(code("buses"), "BUS/1");      // S -> SES
  EXPECT_EQ(code("attorney general"), "JUD/2");
  EXPECT_EQ(code("attorneys general"), "JUD/2");
  EXPECT_EQ(code("congressman"), "LEG/1");
  EXPECT_EQ(code("congresswoman"), "LEG/1");
  EXPECT_EQ(code("congressperson"), "-");  // not in the set
  EXPECT_EQ(code("human rights body"), "NGO~/3");
  EXPECT_EQ(code("human rights"), "-");
}

TEST(AgentReader, MalformedLinesNameFileAndLine) {
  auto err = [](const std::string& text) {
    return parse_error([&] { parse_agents(text, "bad.agents"); });
  };
  EXPECT_EQ(err("POLICE\n"), "bad.agents:1: agent without a [~CODE]");
  EXPECT_EQ(err("\nPOLICE [COP]\n"), "bad.agents:2: agent code 'COP' must start or end with '~'");
  EXPECT_EQ(err("POLICE {POLICES [~COP]\n"), "bad.agents:1: '{' without '}'");
  EXPECT_EQ(err("CONGRESS!PERSON! [~LEG]\n"),
            "bad.agents:1: substitution marker !PERSON! is not defined");
  ReadOptions lenient;
  lenient.lenient = true;
  const AgentDictionary d = parse_agents("ISLAMIC_EXTREMIST\nPOLICE {} [~COP]\n", "l", lenient);
  EXPECT_EQ(d.entries().size(), 1u);
  ASSERT_EQ(d.warnings().size(), 1u);
  EXPECT_EQ(d.warnings()[0].line, 1u);
}

// ---- discards -------------------------------------------------------------------------------

TEST(DiscardReader, StoryAndSentenceStemsAndExactEnds) {
  const DiscardList d = parse_discards("+WORLD CUP\nBASEBALL  # sports\nGRAND PRIX_\n", "t");
  ASSERT_EQ(d.entries().size(), 3u);
  auto at = [&](const std::string& s) {
    auto t = toks(s);
    DiscardMatch m = d.find(t);
    return m ? std::to_string(m.at) + (m.story ? "story" : "sentence") + std::to_string(m.length)
             : std::string("-");
  };
  EXPECT_EQ(at("the world cup final"), "1story2");
  EXPECT_EQ(at("world cups"), "0story2");  // the last word is a stem
  EXPECT_EQ(at("they played baseballs"), "2sentence1");
  EXPECT_EQ(at("the grand prix"), "1sentence2");
  EXPECT_EQ(at("the grand prixs"), "-");  // PRIX_ is exact
  EXPECT_EQ(at("the world said"), "-");
  EXPECT_EQ(parse_error([] { parse_discards("WORLD [CUP]\n", "bad.discards"); }),
            "bad.discards:1: a discard is a plain phrase (no [ ] { }): 'WORLD [CUP]'");
}

// ---- derived format, kinds, CAMEO -> PLOVER -------------------------------------------------

TEST(DerivedFormat, RoundTripKeepsEveryLookUp) {
  const VerbDictionary v = parse_verbs(kVerbs, "test.verbs");
  const std::string vt = write_verbs_tsv(v);
  EXPECT_EQ(vt.rfind("#stakegraph-dictionary\tverbs\t1\n", 0), 0u);
  const VerbDictionary v2 = parse_verbs(vt, "verbs.tsv");
  EXPECT_EQ(v2.blocks().size(), v.blocks().size());
  EXPECT_EQ(v2.patterns().size(), v.patterns().size());
  EXPECT_EQ(v2.verb_forms().size(), v.verb_forms().size());
  EXPECT_EQ(v2.synsets()[0].members.size(), v.synsets()[0].members.size());
  EXPECT_EQ(write_verbs_tsv(v2), vt);
  for (const std::string s :
       {"china accused the us of spying", "they accused him of fraud",
        "they accused her of taking hard cash", "police accused the man in court"}) {
    auto t = toks(s);
    EXPECT_EQ(v.match(t, 1, 0, t.size()).code, v2.match(t, 1, 0, t.size()).code) << s;
  }
  const ActorDictionary a = parse_actors(kActors, "test.actors");
  const ActorDictionary a2 = parse_actors(write_actors_tsv(a), "actors.tsv");
  EXPECT_EQ(write_actors_tsv(a2), write_actors_tsv(a));
  std::string s = "ban ki-moon";
  EXPECT_EQ(a2.longest(toks(s), 0, 20050601).code, "KORGOV");
  const AgentDictionary g = parse_agents(kAgents, "test.agents");
  const AgentDictionary g2 = parse_agents(write_agents_tsv(g), "agents.tsv");
  EXPECT_EQ(g2.entries().size(), g.entries().size());
  EXPECT_EQ(write_agents_tsv(g2), write_agents_tsv(g));
  const DiscardList d = parse_discards("+WORLD CUP\nGRAND PRIX_\n", "t");
  EXPECT_EQ(write_discards_tsv(parse_discards(write_discards_tsv(d), "d.tsv")),
            write_discards_tsv(d));
  // A bad derived row names its line.
  EXPECT_EQ(parse_error(
                [] { parse_actors("#stakegraph-dictionary\tactors\t1\nactor\tchina\n", "a.tsv"); }),
            "a.tsv:2: expected 3 tab-separated fields, found 2");
  EXPECT_EQ(parse_error([] { parse_actors("#stakegraph-dictionary\tverbs\t1\n", "v.tsv"); }),
            "v.tsv:1: a derived verbs file, not actors");
}

// Findings of fuzz_dictionary, kept as tests: each input must read back from its derived TSV.
TEST(DerivedFormat, FuzzFindingsRoundTrip) {
  // A date before year 1000 is written with 8 digits.
  const ActorDictionary a = parse_actors("OLD [XXX <00040118]\n", "a");
  EXPECT_EQ(write_actors_tsv(parse_actors(write_actors_tsv(a), "a.tsv")), write_actors_tsv(a));
  // A synset without members; blanks other than ' ' between {...} forms; a tab in a name.
  const VerbDictionary v = parse_verbs(
      "&EMPTY\n---  MEET\tUP [040] ---\nMEET {MEETS\tMET}\n~ a (b\tc) X = a b 1\n", "v");
  ASSERT_EQ(v.synsets().size(), 1u);
  EXPECT_TRUE(v.synsets()[0].members.empty());
  EXPECT_EQ(v.blocks()[0].name, "MEET UP");
  EXPECT_TRUE(has_form(v, "met"));
  const std::string tsv = write_verbs_tsv(v);
  EXPECT_EQ(write_verbs_tsv(parse_verbs(tsv, "v.tsv")), tsv);
  // '|' separates names in the derived TSV: refused inside a name or a synset member.
  EXPECT_EQ(parse_error([] { parse_actors("A|B [X]\n", "bad.actors"); }),
            "bad.actors:1: '|' in an actor name");
  EXPECT_EQ(parse_error([] { parse_verbs("&S\n+A|B\n", "bad.verbs"); }),
            "bad.verbs:2: a synset member holds only words: 'A|B'");
  EXPECT_EQ(parse_error([] { parse_actors("A [X@Y]\n", "bad.actors"); }),
            "bad.actors:1: bad character in code 'X@Y'");
}

TEST(Kinds, DetectedByHeaderNameOrContent) {
  EXPECT_EQ(detect_kind("x.txt", "#stakegraph-dictionary\tagents\t1\n"), Kind::kAgents);
  EXPECT_EQ(detect_kind("Phoenix.agents.txt", "X [Y]\n"), Kind::kAgents);
  EXPECT_EQ(detect_kind("CAMEO.2.0.txt", kVerbs), Kind::kVerbs);
  EXPECT_EQ(detect_kind("a.txt", kAgents), Kind::kAgents);
  EXPECT_EQ(detect_kind("b.txt", kActors), Kind::kActors);
  EXPECT_EQ(detect_kind("c.txt", "WORLD CUP\n"), Kind::kDiscards);
}

TEST(Plover, CameoCodesMapThroughTheGdeltTable) {
  PloverEvent e = plover_event("112");
  EXPECT_TRUE(e.is_event());
  EXPECT_EQ(e.relation, graph::Relation::kAccuse);
  EXPECT_EQ(e.sign, -1);
  e = plover_event("040");
  EXPECT_EQ(e.relation, graph::Relation::kConsult);
  EXPECT_EQ(e.sign, 1);
  e = plover_event("010");
  EXPECT_TRUE(e.known);
  EXPECT_TRUE(e.statement);
  EXPECT_FALSE(e.is_event());
  EXPECT_FALSE(plover_event("999").known);
}

// ---- files ----------------------------------------------------------------------------------

class DictionaryFiles : public test_support::TempDirTest {};

TEST_F(DictionaryFiles, MissingFileAndUserFilesReplaceTheirKind) {
  LoadOptions lo;
  lo.shipped = false;
  lo.files = {path("none.verbs")};
  EXPECT_THROW(load_dictionaries(lo), graph::NotFound);
  {
    std::ofstream(path("my.actors")) << "ATLANTIS [ATL]\n";
    std::ofstream(path("bad.agents")) << "\nPOLICE [~COP\n";
  }
  lo.files = {path("my.actors")};
  const Dictionaries d = load_dictionaries(lo);
  EXPECT_EQ(d.actors.entries().size(), 1u);
  EXPECT_TRUE(d.verbs.blocks().empty());
  EXPECT_FALSE(d.user_verbs);
  { std::ofstream(path("my.verbs")) << "--- WELCOME [040] ---\nWELCOME\n"; }
  lo.files = {path("my.verbs")};
  EXPECT_TRUE(load_dictionaries(lo).user_verbs);
  lo.files = {path("bad.agents")};
  try {
    load_dictionaries(lo);
    FAIL() << "no error";
  } catch (const io::ParseError& e) {
    EXPECT_EQ(std::string(e.what()), path("bad.agents") + ":2: '[' without ']'");
    EXPECT_EQ(e.line(), 2u);
  }
}

TEST_F(DictionaryFiles, EmptyJunkAndTruncatedFilesAreErrors) {
  // (contents, file name, expected message after "<path>")
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"", "e.verbs", ": no verbs entries (an empty or comment-only file)"},
      {"# only a comment\n<!-- and this -->\n", "c.actors",
       ": no actors entries (an empty or comment-only file)"},
      {"\n\n", "e.discards", ": no discards entries (an empty or comment-only file)"},
      {std::string("GIF89a\x01\x00\x02junk", 13), "j.agents",
       ": byte offset 7: binary data (a NUL byte), not a "
       "dictionary"},
      {"---  ACCUSE [112] ---\nACCUSE\n- * (OF SPY", "t.verbs",
       ":3: pattern without a final [code]"},
      {"---  ACCUSE [112] ---\nACCUSE\n- * (OF SPY [1121]", "t2.verbs",
       ":3: '(' without ')' in pattern"},
      {"CHINA [CHN]\nJAPAN [JP", "t.actors", ":2: '[' without ']'"},
      {"POLICE [~CO", "t.agents", ":1: '[' without ']'"},
      {"hello world\nthis is not a dictionary\n", "x.verbs",
       ":1: verb or pattern outside a verb block (--- NAME [code] ---)"},
      {"hello world\n", "x.agents", ":1: agent without a [~CODE]"},
  };
  for (const auto& [content, name, message] : cases) {
    { std::ofstream(path(name), std::ios::binary) << content; }
    LoadOptions lo;
    lo.shipped = false;
    lo.files = {path(name)};
    try {
      load_dictionaries(lo);
      ADD_FAILURE() << name << ": no error";
    } catch (const io::ParseError& e) {
      EXPECT_EQ(std::string(e.what()), path(name) + message) << name;
    }
  }
  LoadOptions lo;
  lo.shipped = false;
  lo.files = {dir_.string()};
  EXPECT_THROW(load_dictionaries(lo), graph::Error);  // a directory
}

const Dictionaries& shipped() {
  static const Dictionaries d = load_dictionaries();
  return d;
}

TEST(ShippedDictionaries, CountsAndGeneralKnowledge) {
  const Dictionaries& d = shipped();
  EXPECT_EQ(d.files.size(), 4u);
  EXPECT_GE(d.verbs.blocks().size(), 300u);
  EXPECT_GE(d.verbs.patterns().size(), 4500u);
  EXPECT_GE(d.verbs.synsets().size(), 40u);
  EXPECT_GE(d.actors.entries().size(), 10000u);
  EXPECT_GE(d.actors.phrase_count(), 30000u);
  EXPECT_GE(d.agents.entries().size(), 2000u);
  EXPECT_GE(d.discards.entries().size(), 300u);

  std::string s = "the united states accused china of spying";
  auto t = toks(s);
  EXPECT_EQ(d.actors.longest(t, 1).code, "USA");
  EXPECT_EQ(d.actors.longest(t, 1).length, 2u);
  EXPECT_EQ(d.actors.longest(t, 4).code, "CHN");
  VerbMatch v = d.verbs.match(t, 3, 0, t.size());
  ASSERT_TRUE(v.verb);
  EXPECT_EQ(v.block_name, "BLAME");  // CAMEO.2.0 lists ACCUSE in the BLAME block [112]
  EXPECT_EQ(v.code.substr(0, 2), "11");
  EXPECT_EQ(plover_event(v.code).relation, graph::Relation::kAccuse);
  std::string s2 = "they will accuse him";
  auto t2 = toks(s2);
  EXPECT_EQ(d.verbs.match(t2, 2, 0, t2.size()).code, "112");

  std::string a = "police minister";
  auto ta = toks(a);
  EXPECT_EQ(d.agents.longest(ta, 0).code, "COP");
  EXPECT_EQ(d.agents.longest(ta, 1).code, "GOV");
  std::string r = "russia and the united nations";
  auto tr = toks(r);
  EXPECT_EQ(d.actors.longest(tr, 0).code, "RUS");
  EXPECT_EQ(d.actors.longest(tr, 3).code, "IGOUNO");
  EXPECT_GT(d.memory_bytes(), 1u << 20);
}

// The example in dictionary.hpp's header comment, as written there.
TEST(ShippedDictionaries, TheHeaderExample) {
  const Dictionaries& d = shipped();
  std::string s = "the united states accused the police of torture";
  const auto t = toks(s);
  EXPECT_FALSE(d.discards.find(t));
  const ActorMatch a = d.actors.longest(t, 1, 20190501);
  EXPECT_EQ(a.length, 2u);
  EXPECT_EQ(a.code, "USA");
  EXPECT_EQ(d.agents.longest(t, 5).code, "COP");
  const VerbMatch v = d.verbs.match(t, 3, 0, t.size());
  EXPECT_EQ(v.block_name, "BLAME");
  EXPECT_EQ(v.code, "1122");
  EXPECT_EQ(v.pattern_text, "* (OF TORTURE)");
  const PloverEvent p = plover_event(v.code);
  EXPECT_EQ(p.relation, graph::Relation::kAccuse);
  EXPECT_EQ(p.sign, -1);
  EXPECT_EQ(d.verbs.match(t, 3, 0, 4).code, "112");  // "accused" alone
}

// PETRARCH's validation dictionaries and unit-test records, copied into tests/data/petrarch.
const std::string kPetr = std::string(STAKEGRAPH_SOURCE_DIR) + "/tests/data/petrarch/";

TEST(PetrarchValidation, AllFourDictionariesLoadStrictly) {
  LoadOptions lo;
  lo.shipped = false;
  lo.files = {kPetr + "PETR.Validate.verbs.txt", kPetr + "PETR.Validate.actors.txt",
              kPetr + "PETR.Validate.agents.txt", kPetr + "PETR.Validate.discards.txt"};
  const Dictionaries d = load_dictionaries(lo);
  EXPECT_GE(d.verbs.blocks().size(), 20u);
  EXPECT_GE(d.verbs.patterns().size(), 100u);
  EXPECT_GE(d.actors.entries().size(), 100u);
  EXPECT_GE(d.agents.entries().size(), 50u);
  EXPECT_GE(d.discards.entries().size(), 5u);
  EXPECT_TRUE(d.verbs.warnings().empty());
  // The validation agents define !PERSON!: CONGRESSMAN is a legislator.
  std::string s = "congressman";
  EXPECT_EQ(d.agents.longest(toks(s), 0).code, "LEG");
}

TEST(PetrarchValidation, UnitTestRecordsArePresent) {
  std::ifstream in(kPetr + "PETR.UnitTest.records.xml");
  ASSERT_TRUE(in) << "tests/data/petrarch/PETR.UnitTest.records.xml";
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string x = ss.str();
  std::size_t n = 0;
  for (std::size_t p = x.find("<Sentence "); p != std::string::npos;
       p = x.find("<Sentence ", p + 1))
    ++n;
  EXPECT_GE(n, 250u);
  EXPECT_TRUE(std::filesystem::exists(kPetr + "LICENSE"));
}

}  // namespace
}  // namespace stakegraph::io::extract::dictionary
