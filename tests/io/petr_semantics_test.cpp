// PETRARCH dictionary semantics the PETRARCH unit-test records exercise (issue 11), each on a
// tiny dictionary of our own and a sentence of our own. The oracle is PETRARCH 2's documented
// behaviour (its dictionaries' comments and PETRreader/PETRtree), written out by hand here.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.hpp"
#include "io/extract/dictionary/compose.hpp"
#include "io/extract/dictionary/plover.hpp"
#include "tests/support/extract_support.hpp"

namespace stakegraph::io {
namespace {

using graph::Relation;
using namespace extract_support;
namespace dict = extract::dictionary;

// The rule of the edge s -r-> t ("" when there is none).
std::string rule_of(const graph::Graph& g, const std::string& s, Relation r, const std::string& t) {
  auto sv = g.find_named(s), tv = g.find_named(t);
  if (!sv || !tv) return "";
  auto e = g.find_edge(*sv, *tv, r);
  return e ? g.edge(*e).evidence.front().rule : "";
}

TEST(PetrOwnCodes, AUserDictionarysOwnCodeIsStillAnEvent) {
  // PETRARCH codes whatever code its dictionary gives ("901" is in no CAMEO table): for a
  // user's dictionary the event stays, typed related_to, its code kept.
  const dict::PloverEvent own = dict::user_event("901");
  EXPECT_TRUE(own.is_event());
  EXPECT_TRUE(own.own);
  EXPECT_FALSE(own.known);
  EXPECT_EQ(own.relation, Relation::kRelatedTo);
  EXPECT_EQ(own.sign, 0);
  // The table's codes are read as plover_event reads them.
  const dict::PloverEvent accuse = dict::user_event("112");
  EXPECT_TRUE(accuse.known);
  EXPECT_FALSE(accuse.own);
  EXPECT_EQ(accuse.relation, Relation::kAccuse);
  // No code, "---" and statements are no events.
  EXPECT_FALSE(dict::user_event("").is_event());
  EXPECT_FALSE(dict::user_event("---").is_event());
  EXPECT_FALSE(dict::user_event("010").is_event());
  // The shipped path is unchanged: an unknown code is no event.
  EXPECT_FALSE(dict::plover_event("901").is_event());
}

TEST(PetrOwnCodes, AVerbPatternWithAnOwnCodeMakesAnEdge) {
  //   Canada --abandon [* DIPLOMATIC TIES: 901]--> Iran
  dict::Dictionaries d;
  d.verbs =
      dict::parse_verbs("--- ABANDON [345] ---\nABANDON\n- * DIPLOMATIC TIES [901]\n", "my.verbs");
  d.user_verbs = true;
  ExtractOptions o;
  o.dictionaries = &d;
  ArticleText a;
  a.id = "t";
  a.body = "Canada will abandon diplomatic ties with Iran.";
  graph::Graph g;
  Extractor(lex(), o).extract(a, g);
  EXPECT_EQ(rule_of(g, "Canada", Relation::kRelatedTo, "Iran"), "cameo:901:ABANDON") << dump(g);
  // The same dictionary as the shipped one (not the user's): 901 is no CAMEO event.
  d.user_verbs = false;
  graph::Graph g2;
  Extractor(lex(), o).extract(a, g2);
  EXPECT_EQ(rule_of(g2, "Canada", Relation::kRelatedTo, "Iran"), "") << dump(g2);
}

// A tiny agents + actors set of our own (PETRARCH formats).
dict::Dictionaries agent_dictionaries() {
  dict::Dictionaries d;
  d.agents =
      dict::parse_agents("SOLDIER [~MIL]\nOFFICIAL [~GOV]\nAID_AGENCY [NGO~]\n", "my.agents");
  d.actors = dict::parse_actors("GONDOR [GON]\nWHITE_HOUSE [USAGOV]\n", "my.actors");
  return d;
}

TEST(PetrAgents, AnAgentTakesTheActorOfItsPrepositionalPhrase) {
  const dict::Dictionaries d = agent_dictionaries();
  using V = std::vector<std::string_view>;
  //   [soldiers]agent MIL  from  [gondor]actor GON   ->  GONMIL over tokens 0..2
  const V t1 = {"soldiers", "from", "gondor", "marched"};
  const auto c1 = dict::agent_of_actor(d, t1, 0);
  EXPECT_EQ(c1.length, 3u);
  EXPECT_EQ(c1.code, "GONMIL");
  EXPECT_EQ(c1.actor_at, 2u);
  EXPECT_EQ(c1.actor_length, 1u);
  // "the" after the preposition; GOV already in USAGOV is not added twice.
  const V t2 = {"officials", "in", "the", "white", "house", "said"};
  const auto c2 = dict::agent_of_actor(d, t2, 0);
  EXPECT_EQ(c2.length, 5u);
  EXPECT_EQ(c2.code, "USAGOV");
  // A prefix agent goes before the actor's code.
  const V t3 = {"aid", "agencies", "of", "gondor"};
  EXPECT_EQ(dict::agent_of_actor(d, t3, 0).code, "NGOGON");
  // No preposition of belonging, no actor, or no agent: nothing composed.
  const V t4 = {"soldiers", "near", "gondor"};
  EXPECT_FALSE(dict::agent_of_actor(d, t4, 0));
  const V t5 = {"soldiers", "from", "mordor"};
  EXPECT_FALSE(dict::agent_of_actor(d, t5, 0));
  const V t6 = {"farmers", "from", "gondor"};
  EXPECT_FALSE(dict::agent_of_actor(d, t6, 0));
  EXPECT_EQ(dict::with_agent("GON", "MIL", false), "GONMIL");
  EXPECT_EQ(dict::with_agent("GONMIL", "MIL", false), "GONMIL");
  EXPECT_EQ(dict::with_agent("GON", "", false), "GON");
}

TEST(PetrAgents, TheComposedActorIsTheEventsSource) {
  //   [Soldiers from Gondor]GONMIL --attacked [190]--> [Mordor]MOR
  dict::Dictionaries d = agent_dictionaries();
  d.actors = dict::parse_actors("GONDOR [GON]\nMORDOR [MOR]\n", "my.actors");
  d.verbs = dict::parse_verbs("--- ATTACK [190] ---\nATTACK\n", "my.verbs");
  d.user_verbs = true;
  ExtractOptions o;
  o.dictionaries = &d;
  o.dictionary_actors = true;
  ArticleText a;
  a.id = "t";
  a.body = "Soldiers from Gondor attacked Mordor.";
  graph::Graph g;
  Extractor(lex(), o).extract(a, g);
  auto s = g.find_named("Soldiers from Gondor");
  ASSERT_TRUE(s.has_value()) << dump(g);
  std::string code;
  for (const auto& [k, v] : g.node(*s).attributes)
    if (k == "code") code = v;
  EXPECT_EQ(code, "GONMIL") << dump(g);
  EXPECT_TRUE(rule_of(g, "Soldiers from Gondor", Relation::kAssault, "Mordor")
                  .starts_with("cameo:190:ATTACK"))
      << dump(g);
  // Part of the actor it names, not of the other government in the sentence.
  EXPECT_FALSE(has(g, "Soldiers from Gondor", Relation::kPartOf, "Mordor")) << dump(g);
}

// The graph of `body` with a user's verbs dictionary `verbs` (the lexicon's actors).
graph::Graph with_verbs(const std::string& verbs, const std::string& body) {
  dict::Dictionaries d;
  d.verbs = dict::parse_verbs(verbs, "my.verbs");
  d.user_verbs = true;
  ExtractOptions o;
  o.dictionaries = &d;
  ArticleText a;
  a.id = "t";
  a.body = body;
  graph::Graph g;
  Extractor(lex(), o).extract(a, g);
  return g;
}

TEST(PetrNegation, APatternThatSpellsOutTheNegationCodesIt) {
  // PETRARCH's "- &NEG * OVER EFFORTS [904]": the negated verb has its own code. A negation
  // no pattern names still means no event.
  const std::string verbs =
      "&NEG\n+DID_NOT\n+WILL_NOT\n\n--- CLASH [223] ---\nCLASH\n"
      "- &NEG * OVER EFFORTS [904]\n- * OVER EFFORTS [121]\n";
  //   Canada --did not clash over efforts [904]--> Iran
  const auto g1 = with_verbs(verbs, "Canada did not clash over the efforts of Iran.");
  EXPECT_EQ(rule_of(g1, "Canada", Relation::kRelatedTo, "Iran"), "cameo:904:CLASH") << dump(g1);
  //   Canada --clashed over efforts [121]--> Iran
  const auto g2 = with_verbs(verbs, "Canada clashed over the efforts of Iran.");
  EXPECT_EQ(rule_of(g2, "Canada", Relation::kReject, "Iran"), "cameo:121:CLASH") << dump(g2);
  //   Canada -/- did not clash with -/-> Iran   (no pattern names the negation)
  const auto g3 = with_verbs(verbs, "Canada did not clash with Iran.");
  EXPECT_EQ(g3.edge_count(), 0u) << dump(g3);
}

TEST(PetrProgressive, BeWithAnIngFormIsNoPassive) {
  // "is acting with Y": the progressive, Canada acts (PETRARCH: ACT [100], DEMAND -> REQUEST);
  // "was condemned by": the passive, the by-agent acts.
  const std::string verbs = "--- ACT [100] ---\nACT\n\n--- CONDEMN [122] ---\nCONDEMN\n";
  const auto g1 = with_verbs(verbs, "Canada is acting strangely with Iran.");
  EXPECT_EQ(rule_of(g1, "Canada", Relation::kRequest, "Iran"), "cameo:100:ACT") << dump(g1);
  const auto g2 = with_verbs(verbs, "Canada was condemned by Iran.");
  EXPECT_TRUE(rule_of(g2, "Iran", Relation::kReject, "Canada").starts_with("cameo:122:CONDEMN"))
      << dump(g2);
}

TEST(PetrCompound, APercentSlotMakesTheMembersActOnOneAnother) {
  // "- % HAVE * [191]": Canada and Iran have delayed (their talks): each does it to the other.
  //   Canada <--191--> Iran
  const std::string verbs = "--- DELAY [031] ---\nDELAY\n- % HAVE * [191]\n";
  const auto g = with_verbs(verbs, "Canada and Iran have delayed their talks.");
  EXPECT_EQ(rule_of(g, "Canada", Relation::kCoerce, "Iran"), "cameo:191:DELAY") << dump(g);
  EXPECT_EQ(rule_of(g, "Iran", Relation::kCoerce, "Canada"), "cameo:191:DELAY") << dump(g);
  // "their meeting": after a possessive the -ing form is a noun, no meeting held; the
  // delay is still each one's to the other.
  const auto g3 = with_verbs(verbs, "Canada and Iran have delayed their meeting.");
  EXPECT_EQ(rule_of(g3, "Canada", Relation::kCoerce, "Iran"), "cameo:191:DELAY") << dump(g3);
  EXPECT_EQ(rule_of(g3, "Iran", Relation::kCoerce, "Canada"), "cameo:191:DELAY") << dump(g3);
  EXPECT_EQ(g3.edge_count(), 2u) << dump(g3);
  // Without the '%' pattern the pronoun object is no target: no event.
  const auto g2 =
      with_verbs("--- DELAY [031] ---\nDELAY\n", "Canada and Iran have delayed their talks.");
  EXPECT_EQ(g2.edge_count(), 0u) << dump(g2);
}

TEST(PetrSubjects, ANameAfterTheSubjectsTitleIsInItsNounPhrase) {
  // "<country> Prime Minister <name> clashed over ...": the name is no word between subject
  // and verb (PETRARCH reads the whole noun phrase as the source).
  //   [Argentum Prime Minister]ARGGOV [Velma Ross]  --clashed over efforts [121]--> Boravia
  dict::Dictionaries d;
  d.actors = dict::parse_actors("ARGENTUM [ARG]\nVELMA_ROSS [ARG]\nBORAVIA [BOR]\n", "my.actors");
  d.agents = dict::parse_agents("PRIME_MINISTER [~GOV]\n", "my.agents");
  d.verbs = dict::parse_verbs("--- CLASH [223] ---\nCLASH\n- * OVER EFFORTS [121]\n", "my.verbs");
  d.user_verbs = true;
  ExtractOptions o;
  o.dictionaries = &d;
  o.dictionary_actors = true;
  ArticleText a;
  a.id = "t";
  a.body = "Argentum Prime Minister Velma Ross clashed over the efforts of Boravia.";
  graph::Graph g;
  Extractor(lex(), o).extract(a, g);
  bool coded = false;
  for (auto [ei, ee] = boost::edges(g.boost_graph()); ei != ee; ++ei)
    coded |= g.node(g.target(*ei)).name == "Boravia" &&
             g.edge(*ei).evidence.front().rule.starts_with("cameo:121:CLASH");
  EXPECT_TRUE(coded) << dump(g);
}

TEST(PetrSubjects, AnAgentNounAfterTheSubjectIsInItsNounPhrase) {
  // "<place> security officials are about to restore ties with Y": the agent noun is no word
  // between subject and verb.
  //   [Washington]USAGOV [security officials]~GOV  --restore [064]--> Iran
  dict::Dictionaries d;
  d.actors = dict::parse_actors("WASHINGTON [USAGOV]\nIRAN [IRN]\n", "my.actors");
  d.agents = dict::parse_agents("SECURITY_OFFICIALS [~GOV]\n", "my.agents");
  d.verbs = dict::parse_verbs("--- RESTORE [064] ---\nRESTORE\n", "my.verbs");
  d.user_verbs = true;
  ExtractOptions o;
  o.dictionaries = &d;
  o.dictionary_actors = true;
  ArticleText a;
  a.id = "t";
  a.body = "Washington security officials are about to restore full ties with Iran.";
  graph::Graph g;
  Extractor(lex(), o).extract(a, g);
  bool coded = false;
  for (auto [ei, ee] = boost::edges(g.boost_graph()); ei != ee; ++ei)
    coded |= g.node(g.target(*ei)).name == "Iran" &&
             g.edge(*ei).evidence.front().rule.starts_with("cameo:064:RESTORE");
  EXPECT_TRUE(coded) << dump(g);
}

// Whether some edge src -> dst carries a rule starting with `rule`.
bool coded_edge(const graph::Graph& g, const std::string& src, const std::string& dst,
                const std::string& rule) {
  for (auto [ei, ee] = boost::edges(g.boost_graph()); ei != ee; ++ei)
    if (g.node(g.source(*ei)).name == src && g.node(g.target(*ei)).name == dst &&
        g.edge(*ei).evidence.front().rule.starts_with(rule))
      return true;
  return false;
}

dict::Dictionaries coordination_dictionaries() {
  dict::Dictionaries d;
  d.actors = dict::parse_actors("NORVALE [NRV]\nBASTOR [BST]\nKELMIR [KLM]\nTHE_HIGHLANDS [HGL]\n",
                                "my.actors");
  d.verbs = dict::parse_verbs("--- PRAISE [051] ---\nPRAISE\n", "my.verbs");
  d.user_verbs = true;
  return d;
}

TEST(PetrSubjects, AConjunctOpeningWithTheAndAdjectivesIsCoordinated) {
  // "X and the <adjectives> Y <verb>": both conjuncts do it (after "the" comes a noun
  // phrase, never the sentence's verb).
  //   [Norvale] and the [old rival Bastor] --praise [051]--> Kelmir
  //   Norvale --051--> Kelmir, Bastor --051--> Kelmir
  const dict::Dictionaries d = coordination_dictionaries();
  ExtractOptions o;
  o.dictionaries = &d;
  o.dictionary_actors = true;
  for (const char* body : {"Norvale and the old rival Bastor praised Kelmir on Monday.",
                           "Norvale and the Bastor praised Kelmir on Monday."}) {
    ArticleText a;
    a.id = "t";
    a.body = body;
    graph::Graph g;
    Extractor(lex(), o).extract(a, g);
    EXPECT_TRUE(coded_edge(g, "Norvale", "Kelmir", "cameo:051:PRAISE")) << body << dump(g);
    EXPECT_TRUE(coded_edge(g, "Bastor", "Kelmir", "cameo:051:PRAISE")) << body << dump(g);
  }
}

TEST(PetrSubjects, AnActorSpelledWithItsArticleMatchesMidSentence) {
  // "THE_HIGHLANDS [HGL]": "the Highlands" in a list is that actor, and the list goes on.
  //   Norvale, [the Highlands] and Bastor --praise [051]--> Kelmir
  const dict::Dictionaries d = coordination_dictionaries();
  ExtractOptions o;
  o.dictionaries = &d;
  o.dictionary_actors = true;
  ArticleText a;
  a.id = "t";
  a.body = "Norvale, the Highlands and Bastor praised Kelmir on Monday.";
  graph::Graph g;
  Extractor(lex(), o).extract(a, g);
  bool highlands = false;
  for (auto [vi, ve] = boost::vertices(g.boost_graph()); vi != ve; ++vi)
    for (const auto& [key, value] : g.node(*vi).attributes)
      highlands |= key == "code" && value == "HGL";
  EXPECT_TRUE(highlands) << dump(g);
  EXPECT_TRUE(coded_edge(g, "Norvale", "Kelmir", "cameo:051:PRAISE")) << dump(g);
  EXPECT_TRUE(coded_edge(g, "Bastor", "Kelmir", "cameo:051:PRAISE")) << dump(g);
}

// The actor code of the node named `name` ("" when none).
std::string code_of(const graph::Graph& g, const std::string& name) {
  auto v = g.find_named(name);
  if (!v) return "";
  for (const auto& [k, val] : g.node(*v).attributes)
    if (k == "code") return val;
  return "";
}

TEST(PetrPossessives, APossessorsAgentTakesThePossessorsCode) {
  // PETRARCH reads "<actor>'s [modifiers] <agent> [name]" as one noun phrase: the possessor's
  // code, then the agent's; a name after the title is in it, whatever actor it is alone.
  //   [Norvale's able and wise minister Ada Pell]NRV+GOV --praise [051]--> Kelmir
  //   Kelmir --praise [051]--> [Norvale's government]NRV+GOV
  dict::Dictionaries d = coordination_dictionaries();
  d.actors = dict::parse_actors("NORVALE [NRV]\nKELMIR [KLM]\nADA_PELL [BST]\n", "my.actors");
  d.agents = dict::parse_agents("MINISTER [~GOV]\nGOVERNMENT [~GOV]\n", "my.agents");
  ExtractOptions o;
  o.dictionaries = &d;
  o.dictionary_actors = true;
  ArticleText a;
  a.id = "t";
  a.body =
      "Norvale's able and wise minister Ada Pell praised Kelmir on Monday. "
      "Kelmir praised Norvale's government on Tuesday.";
  graph::Graph g;
  Extractor(lex(), o).extract(a, g);
  const std::string minister = "Norvale's able and wise minister Ada Pell";
  EXPECT_EQ(code_of(g, minister), "NRVGOV") << dump(g);
  EXPECT_TRUE(coded_edge(g, minister, "Kelmir", "cameo:051:PRAISE")) << dump(g);
  EXPECT_EQ(code_of(g, "Norvale's government"), "NRVGOV") << dump(g);
  EXPECT_TRUE(coded_edge(g, "Kelmir", "Norvale's government", "cameo:051:PRAISE")) << dump(g);
  // A possessed noun that is no agent keeps the possessor alone: no composed actor.
  ArticleText a2;
  a2.id = "t2";
  a2.body = "Norvale's refusal to talk angered the government of Kelmir.";
  graph::Graph g2;
  Extractor(lex(), o).extract(a2, g2);
  EXPECT_FALSE(g2.find_named("Norvale's refusal to talk angered the government").has_value())
      << dump(g2);
}

// The codes of the sources of edges to `dst` coded `rule`, sorted.
std::vector<std::string> source_codes(const graph::Graph& g, const std::string& dst,
                                      const std::string& rule) {
  std::vector<std::string> out;
  for (auto [ei, ee] = boost::edges(g.boost_graph()); ei != ee; ++ei)
    if (g.node(g.target(*ei)).name == dst && g.edge(*ei).evidence.front().rule.starts_with(rule))
      out.push_back(code_of(g, g.node(g.source(*ei)).name));
  std::sort(out.begin(), out.end());
  return out;
}

TEST(PetrCompound, AnAgentOverAListIsTheAgentOfEachActor) {
  // "<agent> of A, B and C" is A's, B's and C's agent (PETRARCH codes each conjunct); the
  // agent noun in lower case after "the" is still the noun phrase's head.
  //   [The delegates of Norvale, Bastor and Kelmir] --praise [051]--> the Highlands
  //   NRVGOV, BSTGOV, KLMGOV --051--> HGL
  dict::Dictionaries d = coordination_dictionaries();
  d.agents = dict::parse_agents("DELEGATE [~GOV]\n", "my.agents");
  ExtractOptions o;
  o.dictionaries = &d;
  o.dictionary_actors = true;
  ArticleText a;
  a.id = "t";
  a.body = "The delegates of Norvale, Bastor and Kelmir praised the Highlands on Monday.";
  graph::Graph g;
  Extractor(lex(), o).extract(a, g);
  EXPECT_EQ(source_codes(g, "the Highlands", "cameo:051:PRAISE"),
            (std::vector<std::string>{"BSTGOV", "KLMGOV", "NRVGOV"}))
      << dump(g);
  // One actor after the agent: its agent alone; the list after the verb is the target.
  //   [delegates of Norvale]NRVGOV --051--> Bastor, Kelmir
  ArticleText a2;
  a2.id = "t2";
  a2.body = "The delegates of Norvale praised Bastor and Kelmir on Monday.";
  graph::Graph g2;
  Extractor(lex(), o).extract(a2, g2);
  EXPECT_EQ(source_codes(g2, "Bastor", "cameo:051:PRAISE"), (std::vector<std::string>{"NRVGOV"}))
      << dump(g2);
  EXPECT_EQ(source_codes(g2, "Kelmir", "cameo:051:PRAISE"), (std::vector<std::string>{"NRVGOV"}))
      << dump(g2);
}

TEST(PetrCompound, ACompoundActorCodeCodesEachMember) {
  // TABARI's compound code "[A/B]": one name for several actors, each coded alone.
  //   [the Highlands]HGA/HGB --praise [051]--> Kelmir   =>   HGA --051--> KLM, HGB --051--> KLM
  dict::Dictionaries d = coordination_dictionaries();
  d.actors = dict::parse_actors("THE_HIGHLANDS [HGA/HGB]\nKELMIR [KLM]\n", "my.actors");
  ExtractOptions o;
  o.dictionaries = &d;
  o.dictionary_actors = true;
  ArticleText a;
  a.id = "t";
  a.body = "The Highlands praised Kelmir on Monday.";
  graph::Graph g;
  Extractor(lex(), o).extract(a, g);
  EXPECT_EQ(source_codes(g, "Kelmir", "cameo:051:PRAISE"), (std::vector<std::string>{"HGA", "HGB"}))
      << dump(g);
}

TEST(PetrCompound, ASymmetricCodeWithNoObjectIsDoneToOneAnother) {
  // "[064:064]": the event is the same from either side; with a compound subject and no
  // object, each member does it to the other.
  //   Canada <--renewed diplomatic ties [064]--> Iran
  const std::string verbs = "--- RENEW [---] ---\nRENEW\n- * DIPLOMATIC [064:064]\n";
  const auto g = with_verbs(verbs, "Canada and Iran have renewed diplomatic ties.");
  EXPECT_EQ(rule_of(g, "Canada", Relation::kCooperate, "Iran"), "cameo:064:RENEW") << dump(g);
  EXPECT_EQ(rule_of(g, "Iran", Relation::kCooperate, "Canada"), "cameo:064:RENEW") << dump(g);
  // A one-sided code names no partner: no event.
  const auto g2 = with_verbs("--- RENEW [---] ---\nRENEW\n- * DIPLOMATIC [064]\n",
                             "Canada and Iran have renewed diplomatic ties.");
  EXPECT_EQ(g2.edge_count(), 0u) << dump(g2);
}

TEST(PetrTargets, TheFirstActorOfTheVerbsClauseIsTheTargetHoweverFar) {
  // As PETRARCH codes a verb phrase: with no actor right after the verb, the first actor
  // named later in its clause is the target, a place after "in" too.
  //   Norvale --arranged [for the reopening of two old inns in] [Kelmir] [031]--> Kelmir
  dict::Dictionaries d = coordination_dictionaries();
  d.verbs = dict::parse_verbs("--- ARRANGE [031] ---\nARRANGE\n", "my.verbs");
  ExtractOptions o;
  o.dictionaries = &d;
  o.dictionary_actors = true;
  ArticleText a;
  a.id = "t";
  a.body = "Norvale has arranged for the reopening of two old inns in Kelmir.";
  graph::Graph g;
  Extractor(lex(), o).extract(a, g);
  EXPECT_TRUE(coded_edge(g, "Norvale", "Kelmir", "cameo:031:ARRANGE")) << dump(g);
  // Not past the clause: "which" opens another.
  ArticleText a2;
  a2.id = "t2";
  a2.body = "Norvale has arranged the reopening, which angered Kelmir.";
  graph::Graph g2;
  Extractor(lex(), o).extract(a2, g2);
  EXPECT_FALSE(coded_edge(g2, "Norvale", "Kelmir", "cameo:031:ARRANGE")) << dump(g2);
}

}  // namespace
}  // namespace stakegraph::io
