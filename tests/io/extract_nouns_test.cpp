// General-English rules of session 31 (issue 11), found from short wire-style articles
// written for the purpose (a rice-market row, an envoy recalled, a dam ruling, an aircraft
// order, a pipeline pact, an electoral lawsuit): pressure as a noun, things put forward and
// who put them forward, "both countries" for a pair never named together, and an office
// named before its holder. Every sentence is written for this test with invented names
// (real countries); none comes from an evaluation article.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "graph/graph.hpp"
#include "tests/support/data.hpp"
#include "tests/support/extract_support.hpp"

namespace stakegraph::io {
namespace {

using graph::Relation;

using namespace extract_support;

TEST(Nouns, WhoIsUnderPressureFromWhom) {
  // Drawn: EU -REQUEST-> Norway; Canada -REQUEST-> Chile.
  auto g =
      run("Norway came under mounting pressure from the European Union to cut its fish "
          "exports. Chile faces pressure from Canada over its copper duties.",
          true);
  EXPECT_TRUE(has(g, "European Union", Relation::kRequest, "Norway")) << dump(g);
  EXPECT_TRUE(has(g, "Canada", Relation::kRequest, "Chile")) << dump(g);
  EXPECT_FALSE(has(g, "Norway", Relation::kRequest, "European Union")) << dump(g);
}

TEST(Nouns, PressureOnSomeoneAndItsSource) {
  // Drawn: Germany -REQUEST-> Poland; Brazil -REQUEST-> Paraguay; Egypt -REQUEST-> Sudan.
  auto g =
      run("Germany stepped up pressure on Poland over the dispute. The pressure from "
          "Brazil on Paraguay grew. Egypt's pressure on Sudan has worked.",
          true);
  EXPECT_TRUE(has(g, "Germany", Relation::kRequest, "Poland")) << dump(g);
  EXPECT_TRUE(has(g, "Brazil", Relation::kRequest, "Paraguay")) << dump(g);
  EXPECT_TRUE(has(g, "Egypt", Relation::kRequest, "Sudan")) << dump(g);
}

TEST(Nouns, YieldingToPressureConcedesResistingItRejects) {
  // Drawn: Chile -CONCEDE-> Argentina; Sweden -REJECT-> Turkey; a negated yielding: no edge.
  auto g =
      run("Chile bowed to pressure from Argentina and reopened the border. Sweden "
          "resisted pressure from Turkey. Peru did not bow to pressure from Bolivia.",
          true);
  EXPECT_TRUE(has(g, "Chile", Relation::kConcede, "Argentina")) << dump(g);
  EXPECT_TRUE(has(g, "Sweden", Relation::kReject, "Turkey")) << dump(g);
  EXPECT_FALSE(has(g, "Peru", Relation::kConcede, "Bolivia")) << dump(g);
}

TEST(Nouns, PressureWithoutAPresserIsNoEdge) {
  auto g = run("Peru has been under pressure for months. Blood pressure rose in Chile.", true);
  EXPECT_EQ(g.edge_count(), 0u) << dump(g);
}

TEST(Nouns, RejectingAProposalJudgesWhoProposedIt) {
  // Drawn: Argentina -REJECT-> Brazil (its proposal); UK -REJECT-> Japan (its plan).
  auto g =
      run("Brazil proposed a new tariff on steel. Argentina rejected the proposal. Japan "
          "plans to merge two telecommunications firms. Britain opposed the plan.",
          true);
  EXPECT_TRUE(has(g, "Argentina", Relation::kReject, "Brazil")) << dump(g);
  EXPECT_TRUE(has(g, "United Kingdom", Relation::kReject, "Japan")) << dump(g);
  EXPECT_FALSE(has(g, "United Kingdom", Relation::kReject, "Brazil")) << dump(g);
}

TEST(Nouns, APlanNobodyPutForwardNamesNoOne) {
  // No clause says who planned it: no target.
  auto g = run("Chile criticised the plan on Monday.", true);
  EXPECT_EQ(g.edge_count(), 0u) << dump(g);
}

TEST(Nouns, BothCountriesAreThePairThatActedOnEachOther) {
  // Drawn: Serbia -SANCTION-> Montenegro (envoy recalled); US -REQUEST-> Serbia, Montenegro;
  // not Russia, named since.
  auto g =
      run("Serbia recalled its ambassador to Montenegro on Friday. Russia voiced support "
          "for Serbia, while the United States urged both countries to show restraint.",
          true);
  EXPECT_TRUE(has(g, "United States", Relation::kRequest, "Serbia")) << dump(g);
  EXPECT_TRUE(has(g, "United States", Relation::kRequest, "Montenegro")) << dump(g);
  EXPECT_FALSE(has(g, "United States", Relation::kRequest, "Russia")) << dump(g);
}

TEST(Nouns, AnOfficeBeforeAPersonIsHeldByThePerson) {
  // Drawn: Carla Nunez -part_of-> USTR (the lexicon's "U.S. Trade Representative").
  auto g = run("U.S. Trade Representative Carla Nunez met Japanese officials on Monday.", true);
  EXPECT_TRUE(has(g, "Carla Nunez", Relation::kPartOf, "USTR")) << dump(g);
}

TEST(Nouns, PressureDespiteWhichAClauseHolds) {
  // Drawn: Sweden -REQUEST-> Norway.
  auto g = run("Norway held firm amid pressure from Sweden.", true);
  EXPECT_TRUE(has(g, "Sweden", Relation::kRequest, "Norway")) << dump(g);
}

TEST(Nouns, WritingToSomeoneConsultsThem) {
  // Drawn: Brazil -CONSULT-> Peru.
  auto g = run("Brazil wrote to Peru on Monday about the border.", true);
  EXPECT_TRUE(has(g, "Brazil", Relation::kConsult, "Peru")) << dump(g);
}

TEST(Nouns, IInAQuoteIsAPersonSpeaking) {
  // Drawn: Jane Moss -part_of-> UK; Jane Moss -CONSULT-> Japan ("I wrote to ..."); Tanaka
  // -part_of-> Japan (the title of a state in apposition before its holder).
  auto g =
      run("\"I wrote to the prime minister of Japan, Mr Tanaka, in March,\" Britain's "
          "prime minister Jane Moss said.",
          true);
  EXPECT_TRUE(has(g, "Jane Moss", Relation::kConsult, "Japan")) << dump(g);
  EXPECT_TRUE(has(g, "Tanaka", Relation::kPartOf, "Japan")) << dump(g);
}

TEST(Nouns, TakingUpACauseSupportsItsOwner) {
  // Drawn: Chile -SUPPORT-> Kestrel Mining; Peru -SUPPORT-> Kestrel Mining.
  auto g =
      run("Kestrel Mining wants a bigger share. Chile has taken up the company's cause. Peru "
          "championed the cause of Kestrel Mining.",
          true);
  EXPECT_TRUE(has(g, "Chile", Relation::kSupport, "Kestrel Mining")) << dump(g);
  EXPECT_TRUE(has(g, "Peru", Relation::kSupport, "Kestrel Mining")) << dump(g);
}

TEST(Nouns, ABareTitleAfterAnotherStatesOfficialIsOfTheOtherState) {
  // Drawn: Nunez -part_of-> USTR -part_of-> US; Sato -part_of-> Japan (not the US, though
  // the US office is the nearest state named before his title); Vela -part_of-> Peru.
  auto g =
      run("Japan came under pressure from the United States on Tuesday, as U.S. Trade "
          "Representative Carla Nunez wrote to Agriculture Minister Kenji Sato.\n\nPeru "
          "and Chile held talks. Chilean Foreign Minister Ana Ruiz met Trade Minister "
          "Carlos Vela in Lima.",
          true);
  EXPECT_TRUE(has(g, "Kenji Sato", Relation::kPartOf, "Japan")) << dump(g);
  EXPECT_FALSE(has(g, "Kenji Sato", Relation::kPartOf, "United States")) << dump(g);
  EXPECT_TRUE(has(g, "Carlos Vela", Relation::kPartOf, "Peru")) << dump(g);
  EXPECT_FALSE(has(g, "Carlos Vela", Relation::kPartOf, "Chile")) << dump(g);
}

TEST(Nouns, AStateOwnedCompanyIsNamedAndOwnedByItsState) {
  // Drawn: China -owns-> Lanshan Oil (a name after "state-owned", in no lexicon); Brazil
  // -owns-> Petrovale.
  auto g =
      run("China's state-owned Lanshan Oil will help finance the project. Brazil's "
          "state-run Petrovale said on Monday it would raise fuel prices.",
          true);
  EXPECT_TRUE(has(g, "China", Relation::kOwns, "Lanshan Oil")) << dump(g);
  EXPECT_TRUE(has(g, "Brazil", Relation::kOwns, "Petrovale")) << dump(g);
}

TEST(Nouns, AnOrderToPayDamagesIsASanction) {
  // Drawn: Peru -SANCTION-> Kestrel Mining (and the order itself, REQUEST); an order to pay
  // workers is no penalty.
  auto g =
      run("A Peruvian court ordered Kestrel Mining to pay 2 billion soles in damages. "
          "Chile ordered Norvell Resources to pay its workers.",
          true);
  EXPECT_TRUE(has(g, "Peru", Relation::kSanction, "Kestrel Mining")) << dump(g);
  EXPECT_FALSE(has(g, "Chile", Relation::kSanction, "Norvell Resources")) << dump(g);
}

TEST(Nouns, XAndItsPartnerYAreTwoConjuncts) {
  // Drawn: Chile -ACCUSE-> Kestrel Mining, Norvell Resources; both -owns-> Alta.
  auto g =
      run("Chile sued Kestrel Mining and its partner Norvell Resources, which jointly own "
          "the Alta venture.",
          true);
  EXPECT_TRUE(has(g, "Chile", Relation::kAccuse, "Norvell Resources")) << dump(g);
  EXPECT_TRUE(has(g, "Kestrel Mining", Relation::kOwns, "Alta")) << dump(g);
  EXPECT_TRUE(has(g, "Norvell Resources", Relation::kOwns, "Alta")) << dump(g);
}

TEST(Nouns, ABodyAndWhoRunsOrOwnsItInARelativeClause) {
  // Drawn: Air Service -part_of-> WHO ("which ... manages"); Norvell Group -owns-> Kestrel
  // Mobile ("which ... owns"); "which Bolivia has backed" is no tie.
  auto g =
      run("Flights are run by the Air Service (ASX), which the World Health Organization "
          "manages. Kestrel Mobile, which Norvell Group owns, cut prices. Chile criticised "
          "Peru, which Bolivia has backed.",
          true);
  EXPECT_TRUE(has(g, "Air Service", Relation::kPartOf, "World Health Organization")) << dump(g);
  EXPECT_TRUE(has(g, "Norvell Group", Relation::kOwns, "Kestrel Mobile")) << dump(g);
  EXPECT_FALSE(has(g, "Bolivia", Relation::kOwns, "Peru")) << dump(g);
  EXPECT_FALSE(has(g, "Peru", Relation::kPartOf, "Bolivia")) << dump(g);
}

TEST(Nouns, AMilitarySpokesmanSpeaksForTheStatesForces) {
  // Drawn: Juan Soto -part_of-> Peruvian Army (not the armed group last named).
  auto g =
      run("Fighters of the Tarn Liberation Front blocked the road near Lima. The Peruvian "
          "army said it would respond, and military spokesman Colonel Juan Soto said the "
          "army would not negotiate.",
          true);
  EXPECT_TRUE(has(g, "Juan Soto", Relation::kPartOf, "Peruvian Army")) << dump(g);
  EXPECT_FALSE(has(g, "Juan Soto", Relation::kPartOf, "Tarn Liberation Front")) << dump(g);
}

TEST(Nouns, FollowingSuitRepeatsTheLatestAct) {
  // Drawn: Peru -SANCTION-> Kestrel Mining; Bolivia -SANCTION-> Kestrel Mining (follows
  // suit); Ecuador, which does not, nothing.
  auto g =
      run("Peru banned imports from Kestrel Mining on Monday. Bolivia is expected to "
          "follow suit. Ecuador did not follow suit.",
          true);
  EXPECT_TRUE(has(g, "Bolivia", Relation::kSanction, "Kestrel Mining")) << dump(g);
  EXPECT_FALSE(has(g, "Ecuador", Relation::kSanction, "Kestrel Mining")) << dump(g);
}

TEST(Nouns, AVowToRespondThreatensTheOneJustAccused) {
  // Drawn: Chile -ACCUSE-> Peru; Chile -THREATEN-> Peru (a vow naming no one).
  auto g = run("Chile criticised Peru on Monday and threatened to retaliate.", true);
  EXPECT_TRUE(has(g, "Chile", Relation::kThreaten, "Peru")) << dump(g);
}

TEST(Nouns, ABodysBoardActsForIt) {
  // Drawn: IMF -AID-> Egypt (the loan); IMF -REQUEST-> Egypt (coordinated "urged").
  auto g =
      run("The International Monetary Fund's executive board approved a $3 billion loan for "
          "Egypt on Friday, but urged Cairo to speed up the sale of state assets.",
          true);
  EXPECT_TRUE(has(g, "International Monetary Fund", Relation::kAid, "Egypt")) << dump(g);
  EXPECT_TRUE(has(g, "International Monetary Fund", Relation::kRequest, "Egypt")) << dump(g);
}

TEST(Nouns, ADemonymsAmbassadorIsOfThatState) {
  // Drawn: Ana Ruiz -part_of-> Chile (not Peru, which summoned her); Huang Wei -part_of->
  // China (the title in apposition).
  auto g =
      run("Peru summoned Chilean ambassador Ana Ruiz on Monday.\n\nThe Philippines "
          "summoned the Chinese ambassador, Huang Wei, on Tuesday.",
          true);
  EXPECT_TRUE(has(g, "Ana Ruiz", Relation::kPartOf, "Chile")) << dump(g);
  EXPECT_FALSE(has(g, "Ana Ruiz", Relation::kPartOf, "Peru")) << dump(g);
  EXPECT_TRUE(has(g, "Huang Wei", Relation::kPartOf, "China")) << dump(g);
}

TEST(Nouns, AnActNamedByItsDemonymIsThatStates) {
  // Drawn: Chile -ASSAULT-> Peru (a water cannon fired); US -ACCUSE-> Chile ("the Chilean
  // action"), not Peru, named in the apposition and after the verb.
  auto g =
      run("A Chilean coast guard vessel fired a water cannon at a Peruvian fishing boat. "
          "The United States, a treaty ally of Lima, condemned the Chilean action and "
          "reaffirmed its commitment to defend Peru.",
          true);
  EXPECT_TRUE(has(g, "Chile", Relation::kAssault, "Peru")) << dump(g);
  EXPECT_TRUE(has(g, "United States", Relation::kAccuse, "Chile")) << dump(g);
  EXPECT_FALSE(has(g, "United States", Relation::kAccuse, "Peru")) << dump(g);
}

TEST(Nouns, AnOccupationBeforeANameMakesAPerson) {
  // Drawn: Integrity Unit -SANCTION-> Titus Okoth (a person, one node with his surname).
  auto g =
      run("The Integrity Unit has banned marathon runner Titus Okoth for four years. Okoth "
          "denied wrongdoing.",
          true);
  EXPECT_EQ(kind_of(g, "Titus Okoth"), graph::Kind::kPerson) << dump(g);
  EXPECT_FALSE(g.find_named("Okoth").has_value()) << dump(g);
}

TEST(Nouns, AWarningThatSomeoneWillFaceSomethingThreatensThem) {
  // Drawn: Peru -THREATEN-> Chile; "would win" is no threat.
  auto g =
      run("Peru warned that Chile would face consequences. Bolivia warned that Ecuador "
          "would win the vote.",
          true);
  EXPECT_TRUE(has(g, "Peru", Relation::kThreaten, "Chile")) << dump(g);
  EXPECT_FALSE(has(g, "Bolivia", Relation::kThreaten, "Ecuador")) << dump(g);
}

TEST(Nouns, TwoCapitalisedWordsJoinedByAHyphenBeforeAVerbAreACompany) {
  // Drawn: node Kestrel-Vance (organization); "Franco-German" is no name.
  auto g =
      run("Kestrel-Vance will supply engines for the jets. Franco-German talks will resume.", true);
  EXPECT_EQ(kind_of(g, "Kestrel-Vance"), graph::Kind::kOrganization) << dump(g);
  EXPECT_EQ(g.node_count(), 1u) << dump(g);
}

TEST(Nouns, AnActSaidToComeIsAThreat) {
  // Drawn: Chile -THREATEN-> Peru ("said it would"), not COERCE; Brazil -SANCTION->
  // Argentina ("said it will": announced).
  auto g =
      run("Chile said it would take legal action against Peru. Brazil said it will impose "
          "tariffs on Argentina.",
          true);
  EXPECT_TRUE(has(g, "Chile", Relation::kThreaten, "Peru")) << dump(g);
  EXPECT_FALSE(has(g, "Chile", Relation::kCoerce, "Peru")) << dump(g);
  EXPECT_TRUE(has(g, "Brazil", Relation::kSanction, "Argentina")) << dump(g);
}

TEST(Nouns, ATitlesNewStateDoesNotMoveThePersonBeingTitled) {
  // A fuzzer finding of the sanitizer suite (tests/fuzz/seeds/fuzz_article/
  // regress-title-entity-moved.txt, a mutated wire article): a demonym before a title made a
  // new state entity while the titled person's entity was held by reference, and the
  // entities moved (heap use after free under AddressSanitizer). Run under ASan it fails on
  // the old code; everywhere it checks the article still gives a graph.
  const auto path =
      test_support::test_data("../fuzz/seeds/fuzz_article/regress-title-entity-moved.txt");
  std::ifstream in(path, std::ios::binary);
  STAKEGRAPH_NEED(in.good(), path);
  std::ostringstream text;
  text << in.rdbuf();
  graph::Graph g;
  ASSERT_NO_THROW(g = run(text.str())) << path;
  EXPECT_GT(g.node_count(), 0u);
}

TEST(Nouns, TakingIssueWithSomeoneCriticisesThem) {
  // Drawn: Chile -ACCUSE-> Peru (not COERCE: "took" is no seizure here); Bolivia -ACCUSE->
  // Ecuador.
  auto g = run("Chile took issue with Peru's claims. Bolivia railed against Ecuador.", true);
  EXPECT_TRUE(has(g, "Chile", Relation::kAccuse, "Peru")) << dump(g);
  EXPECT_FALSE(has(g, "Chile", Relation::kCoerce, "Peru")) << dump(g);
  EXPECT_TRUE(has(g, "Bolivia", Relation::kAccuse, "Ecuador")) << dump(g);
}

TEST(Nouns, AtAfterAWordOfAimingNamesATargetNotAPlace) {
  // Drawn: Chile -ACCUSE-> Peru ("lashed out at"); Bolivia -ACCUSE-> Ecuador ("took aim
  // at"); Brazil met no one: "at Paraguay's embassy" is a place.
  auto g =
      run("Chile lashed out at Peru on Monday. Bolivia took aim at Ecuador. Brazil met "
          "officials at Paraguay's embassy.",
          true);
  EXPECT_TRUE(has(g, "Chile", Relation::kAccuse, "Peru")) << dump(g);
  EXPECT_TRUE(has(g, "Bolivia", Relation::kAccuse, "Ecuador")) << dump(g);
  EXPECT_FALSE(has(g, "Brazil", Relation::kConsult, "Paraguay")) << dump(g);
}

TEST(Nouns, ChallengingABanRejectsWhoImposedIt) {
  // Drawn: Chile -SANCTION-> Kestrel Mining; Kestrel Mining -REJECT-> Chile (the ban
  // challenged, as a ruling or a fine is).
  auto g =
      run("Chile banned imports from Kestrel Mining. The company said it would challenge "
          "the ban in court.",
          true);
  EXPECT_TRUE(has(g, "Kestrel Mining", Relation::kReject, "Chile")) << dump(g);
}

}  // namespace
}  // namespace stakegraph::io
