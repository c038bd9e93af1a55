// General-English extraction rules added for news outside the dev set's topics (issue 11),
// each on sentences written for this test: no sentence here comes from an evaluation article,
// and the names are invented.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "graph/graph.hpp"
#include "io/article.hpp"
#include "io/extract.hpp"
#include "io/extract/dictionary/dictionary.hpp"
#include "io/lexicon.hpp"

namespace stakegraph::io {
namespace {

using graph::Kind;
using graph::Relation;

const Lexicon& lex() {
  static const Lexicon l = Lexicon::load();
  return l;
}

const extract::dictionary::Dictionaries& dicts() {
  static const extract::dictionary::Dictionaries d = extract::dictionary::load_dictionaries();
  return d;
}

graph::Graph run(const std::string& body, bool with_dictionaries = false) {
  ArticleText a;
  a.id = "t";
  a.body = body;
  graph::Graph g;
  ExtractOptions o;
  if (with_dictionaries) o.dictionaries = &dicts();
  Extractor ex(lex(), o);
  ex.extract(a, g);
  return g;
}

bool has(const graph::Graph& g, const std::string& s, Relation r, const std::string& t) {
  auto sv = g.find_named(s), tv = g.find_named(t);
  return sv && tv && g.find_edge(*sv, *tv, r).has_value();
}

std::string dump(const graph::Graph& g) {
  std::string out;
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v)
    out += "node " + g.node(v).name + " (" + std::string(graph::kind_name(g.node(v).kind)) + ")\n";
  for (auto [ei, ee] = boost::edges(g.boost_graph()); ei != ee; ++ei)
    out += g.node(g.source(*ei)).name + " -" +
           std::string(graph::relation_name(g.edge(*ei).relation)) + "-> " +
           g.node(g.target(*ei)).name + "\n";
  return out;
}

Kind kind_of(const graph::Graph& g, const std::string& name) {
  auto v = g.find_named(name);
  return v ? g.node(*v).kind : Kind::kUnspecified;
}

bool has_alias(const graph::Graph& g, const std::string& name, const std::string& alias) {
  auto v = g.find_named(name);
  if (!v) return false;
  const auto& a = g.node(*v).aliases;
  return std::find(a.begin(), a.end(), alias) != a.end();
}

// ---- names beyond the lexicon ----
TEST(GeneralNames, InstitutionKeepsItsAdjectivesAndTitleWords) {
  // "National" and "Transport" are title words before a person's name ("Transport Minister
  // X"), but part of an institution's name.
  auto g = run("The National Transport Safety Board fined Lakemont Robotics on Monday.");
  EXPECT_EQ(kind_of(g, "National Transport Safety Board"), Kind::kAgency) << dump(g);
  EXPECT_FALSE(g.find_named("Safety Board").has_value()) << dump(g);
  EXPECT_TRUE(has(g, "National Transport Safety Board", Relation::kSanction, "Lakemont Robotics"))
      << dump(g);
}

TEST(GeneralNames, HeadNounBeforeOfTypesTheName) {
  auto g = run(
      "The Ministry of Fisheries criticised Harlow Seafoods. The Teachers' Union of Westria "
      "accused the ministry of neglect.");
  EXPECT_EQ(kind_of(g, "Ministry of Fisheries"), Kind::kAgency) << dump(g);
  EXPECT_EQ(kind_of(g, "Teachers' Union of Westria"), Kind::kOrganization) << dump(g);
}

TEST(GeneralNames, CompanyHeadNounsShortNamesAndPlaces) {
  auto g = run(
      "Ostrava Pharmaceuticals buys its packaging from Kessel Plastics of Turin. Ostrava said "
      "sales rose.");
  EXPECT_EQ(kind_of(g, "Ostrava Pharmaceuticals"), Kind::kOrganization) << dump(g);
  // "of Turin" says where the company is, not its name.
  EXPECT_FALSE(g.find_named("Kessel Plastics of Turin").has_value()) << dump(g);
  EXPECT_TRUE(has_alias(g, "Ostrava Pharmaceuticals", "Ostrava")) << dump(g);
}

TEST(GeneralNames, SentenceInitialTimeWordIsNoPartOfAName) {
  auto g = run("Today Harbor Telecom accused Lakemont Robotics of fraud.");
  EXPECT_TRUE(g.find_named("Harbor Telecom").has_value()) << dump(g);
  EXPECT_FALSE(g.find_named("Today Harbor Telecom").has_value()) << dump(g);
  EXPECT_FALSE(g.find_named("Today").has_value()) << dump(g);
}

TEST(GeneralNames, AcronymDefinedInBrackets) {
  auto g = run(
      "The Coastal Fisheries Authority (CFA) suspended the licence of Brine Foods. The CFA "
      "accused Brine Foods of overfishing.");
  EXPECT_TRUE(has_alias(g, "Coastal Fisheries Authority", "CFA")) << dump(g);
  auto cfa = g.find_named("CFA");
  ASSERT_TRUE(cfa.has_value()) << dump(g);
  EXPECT_EQ(g.node(*cfa).name, "Coastal Fisheries Authority");
}

TEST(GeneralNames, AppositionHeadNounDecidesTheKind) {
  // "party" comes first, but the head of the apposition is "manager": a person.
  auto g = run("Ana Brook, a Green Party campaign manager, criticised the plan.");
  EXPECT_EQ(kind_of(g, "Ana Brook"), Kind::kPerson) << dump(g);
  EXPECT_TRUE(has(g, "Ana Brook", Relation::kPartOf, "Green Party")) << dump(g);
}

// ---- ties ----
TEST(GeneralTies, TitleDemonymGivesThePersonsCountry) {
  // The last country mentioned (Japan) is not the minister's.
  auto g = run(
      "Japan raised tariffs on steel. Canadian Trade Minister Ana Ruiz said Ottawa would "
      "respond.");
  EXPECT_TRUE(has(g, "Ana Ruiz", Relation::kPartOf, "Canada")) << dump(g);
  EXPECT_FALSE(has(g, "Ana Ruiz", Relation::kPartOf, "Japan")) << dump(g);
}

TEST(GeneralTies, StateBodyNamedInTheArticleBelongsToItsGovernment) {
  auto g = run(
      "The Competition Board of Kenya fined Sokoni Mills. Kenya's Revenue Authority "
      "froze the accounts of Sokoni Mills.");
  EXPECT_TRUE(has(g, "Competition Board", Relation::kPartOf, "Kenya")) << dump(g);
  EXPECT_TRUE(has(g, "Revenue Authority", Relation::kPartOf, "Kenya")) << dump(g);
}

TEST(GeneralTies, StakeInIsOwnership) {
  auto g = run("Orvane Capital holds a 25 percent stake in Lakemont Robotics.");
  EXPECT_TRUE(has(g, "Orvane Capital", Relation::kOwns, "Lakemont Robotics")) << dump(g);
}

TEST(GeneralTies, BuyingFromAndSellingTo) {
  auto g = run(
      "Lakemont Robotics buys its motors from Kessel Motors. Tarvo Energy sold batteries to "
      "Lakemont Robotics.");
  EXPECT_TRUE(has(g, "Kessel Motors", Relation::kSupplies, "Lakemont Robotics")) << dump(g);
  EXPECT_TRUE(has(g, "Tarvo Energy", Relation::kSupplies, "Lakemont Robotics")) << dump(g);
}

TEST(GeneralTies, PersonOfABody) {
  auto g = run("Senator Mira Solt of the Green Party criticised the plan.");
  EXPECT_TRUE(has(g, "Mira Solt", Relation::kPartOf, "Green Party")) << dump(g);
}

TEST(GeneralTies, PortfolioBeforeATitleIsNoPartOfTheName) {
  auto g = run(
      "The Ministry of Fisheries met growers. Fisheries Minister Lena Holt said the quota "
      "would stay.");
  EXPECT_TRUE(g.find_named("Lena Holt").has_value()) << dump(g);
  EXPECT_FALSE(g.find_named("Fisheries Minister Lena Holt").has_value() &&
               g.node(*g.find_named("Fisheries Minister Lena Holt")).name ==
                   "Fisheries Minister Lena Holt")
      << dump(g);
  EXPECT_TRUE(has(g, "Lena Holt", Relation::kPartOf, "Ministry of Fisheries")) << dump(g);
}

TEST(GeneralTies, UntypedNameOfAPartyIsAPerson) {
  auto g = run("The vote went to Oren Valdis of the Unity Party, officials said.");
  EXPECT_EQ(kind_of(g, "Oren Valdis"), Kind::kPerson) << dump(g);
  EXPECT_TRUE(has(g, "Oren Valdis", Relation::kPartOf, "Unity Party")) << dump(g);
}

TEST(GeneralTies, PartOfAndUnitOfInApposition) {
  auto g = run(
      "The Coastal Fisheries Authority, part of the federal Ministry of Oceans, fined Brine "
      "Foods. Brisk Retail, a unit of Helvion Group, sold the fish.");
  EXPECT_TRUE(has(g, "Coastal Fisheries Authority", Relation::kPartOf, "Ministry of Oceans"))
      << dump(g);
  EXPECT_TRUE(has(g, "Helvion Group", Relation::kOwns, "Brisk Retail")) << dump(g);
}

// ---- events and claims ----
TEST(GeneralEvents, AccusedOfAnythingIsAClaim) {
  auto g = run(
      "Harbor Telecom accused Lakemont Robotics of hiding safety defects. Lakemont Robotics "
      "denied the allegations.");
  EXPECT_TRUE(has(g, "Harbor Telecom", Relation::kAccuse, "hiding safety defects")) << dump(g);
  EXPECT_TRUE(has(g, "hiding safety defects", Relation::kImplicates, "Lakemont Robotics"))
      << dump(g);
  EXPECT_TRUE(has(g, "Lakemont Robotics", Relation::kReject, "hiding safety defects"))
      << dump(g);
}

TEST(GeneralEvents, DeniedThatItDidIsADeniedClaim) {
  auto g = run("Lakemont Robotics denied that it misled investors.");
  bool reject = false;
  for (auto [ei, ee] = boost::edges(g.boost_graph()); ei != ee; ++ei)
    reject |= g.edge(*ei).relation == Relation::kReject &&
              g.node(g.target(*ei)).kind == Kind::kAllegation;
  EXPECT_TRUE(reject) << dump(g);
}

TEST(GeneralEvents, AllegedThatImplicatesTheClausesSubject) {
  auto g = run("The Green Party alleged that the ruling Unity Party had bought votes.");
  EXPECT_TRUE(has(g, "Green Party", Relation::kAccuse, "bought votes")) << dump(g);
  EXPECT_TRUE(has(g, "bought votes", Relation::kImplicates, "Unity Party")) << dump(g);
}

TEST(GeneralEvents, NamedAnaphorHeadNeedsANameWithThatWord) {
  // "the ministry" is never the Safety Board.
  auto g = run(
      "The Federal Safety Board inspected the drones. The ministry blamed Orvane Capital for "
      "the delay.");
  EXPECT_FALSE(has(g, "Federal Safety Board", Relation::kAccuse, "Orvane Capital")) << dump(g);
}

TEST(GeneralEvents, CoordinatedPredicateAfterButSharesTheSubject) {
  auto g = run(
      "The Farmers Union of Ontario, which represents 9,000 growers, welcomed the ruling but "
      "urged the Federal Safety Board to publish its report.");
  EXPECT_TRUE(has(g, "Farmers Union of Ontario", Relation::kRequest, "Federal Safety Board"))
      << dump(g);
}

TEST(GeneralEvents, CalledOnToIsARequestNotAVisit) {
  auto g = run("Orvane Capital called on Lakemont Robotics to replace its board.");
  EXPECT_TRUE(has(g, "Orvane Capital", Relation::kRequest, "Lakemont Robotics")) << dump(g);
  EXPECT_FALSE(has(g, "Orvane Capital", Relation::kConsult, "Lakemont Robotics")) << dump(g);
}

TEST(GeneralEvents, FinesAreSanctions) {
  auto g = run("The Coastal Fisheries Authority fined Brine Foods on Monday.");
  EXPECT_TRUE(has(g, "Coastal Fisheries Authority", Relation::kSanction, "Brine Foods"))
      << dump(g);
}

// ---- event-data dictionaries ----
TEST(DictionaryEvents, VerbOutsideTheLexiconGivesItsCameoEvent) {
  // "evicted" is no verb of the lexicon; the CAMEO verb dictionary codes it.
  const std::string body = "Harbor Telecom evicted Lakemont Robotics from its offices.";
  auto without = run(body);
  auto with = run(body, true);
  EXPECT_EQ(boost::num_edges(without.boost_graph()), 0u) << dump(without);
  bool cameo = false;
  for (auto [ei, ee] = boost::edges(with.boost_graph()); ei != ee; ++ei)
    for (const auto& ev : with.edge(*ei).evidence) cameo |= ev.rule.rfind("cameo:", 0) == 0;
  EXPECT_TRUE(cameo) << dump(with);
}

TEST(DictionaryEvents, NounAfterADeterminerIsNoVerb) {
  // "aid" is a CAMEO verb, but here a noun after "financial" and "the".
  auto g = run("Harbor Telecom welcomed the financial aid for Lakemont Robotics.", true);
  for (auto [ei, ee] = boost::edges(g.boost_graph()); ei != ee; ++ei)
    EXPECT_NE(g.edge(*ei).relation, Relation::kAid) << dump(g);
}

TEST(DictionaryEvents, VerbBeforeAClauseTakesNoObjectFromIt) {
  // "plans to replace X" states an intent about X, not an act on it; "insisted that X ..."
  // is a claim.
  auto g = run(
      "Harbor Telecom plans to replace Lakemont Robotics drones. Orvane Capital insisted that "
      "Lakemont Robotics was safe.",
      true);
  for (auto [ei, ee] = boost::edges(g.boost_graph()); ei != ee; ++ei)
    for (const auto& ev : g.edge(*ei).evidence)
      EXPECT_NE(ev.rule.rfind("cameo:", 0), 0u) << dump(g);
}

TEST(DictionaryEvents, LexiconEventsCarryTheAgreeingCameoCode) {
  // "accused" is ACCUSE in the lexicon and CAMEO 112 (PLOVER ACCUSE) in the dictionary.
  auto g = run("Harbor Telecom accused Lakemont Robotics on Monday.", true);
  auto s = g.find_named("Harbor Telecom"), t = g.find_named("Lakemont Robotics");
  ASSERT_TRUE(s && t) << dump(g);
  auto e = g.find_edge(*s, *t, Relation::kAccuse);
  ASSERT_TRUE(e.has_value()) << dump(g);
  EXPECT_EQ(g.edge(*e).evidence.front().rule.rfind("cameo:11", 0), 0u)
      << g.edge(*e).evidence.front().rule;
}

}  // namespace
}  // namespace stakegraph::io
