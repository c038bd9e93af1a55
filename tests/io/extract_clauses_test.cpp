// General-English rules of session 30 (issue 11), found from short wire-style articles
// written for the purpose (a border incursion, a blocked merger, a commodity pact, a
// kidnapping, a vehicle recall, street protests, an asset sale, a defence pact, an outage
// fine, an arms accusation): event nouns with two
// parties, titles and the state they serve, names with "and" inside, pronouns in participle
// clauses. Every sentence is written for this test with invented names (real countries);
// none comes from an evaluation article.
#include <gtest/gtest.h>

#include <string>

#include "graph/graph.hpp"
#include "tests/support/extract_support.hpp"

namespace stakegraph::io {
namespace {

using graph::Kind;
using graph::Relation;

using namespace extract_support;

TEST(Clauses, ACountryBeforeATradeWordNamesACompany) {
  // "telecommunications" may also open a minister's title; here it ends a company's name.
  auto g = run("Kestrel Mobile, a unit of Peru Telecommunications, cut its prices.", true);
  EXPECT_TRUE(has(g, "Peru Telecommunications", Relation::kOwns, "Kestrel Mobile")) << dump(g);
  EXPECT_FALSE(has(g, "Peru", Relation::kOwns, "Kestrel Mobile")) << dump(g);
}

TEST(Clauses, AMinisterServesAMinistryNotARegulator) {
  // Drawn: regulator -part_of-> Australia; Soto -part_of-> Australia (not the regulator,
  // though both names hold "communications").
  auto g =
      run("Australia's communications regulator fined Kestrel Mobile on Monday. Communications "
          "Minister Ana Soto said the government would act.",
          true);
  EXPECT_TRUE(has(g, "Ana Soto", Relation::kPartOf, "Australia")) << dump(g);
  EXPECT_FALSE(has(g, "Ana Soto", Relation::kPartOf, "Communications Regulator of Australia"))
      << dump(g);
}

TEST(Clauses, AMilitaryGovernmentIsTheState) {
  auto g = run("Chad's military government thanked Niger for its help.", true);
  EXPECT_TRUE(has(g, "Chad", Relation::kSupport, "Niger")) << dump(g);
  EXPECT_FALSE(g.find_named("Military of Chad").has_value()) << dump(g);
}

TEST(Clauses, AMinistryNamedWithADemonymIsNamedWithItsCountry) {
  // As "Chad's Defence Ministry": one name, "Defence Ministry of Chad", part_of Chad.
  auto g = run("The Chadian Defence Ministry criticised Niger on Monday.", true);
  EXPECT_TRUE(has(g, "Defence Ministry of Chad", Relation::kPartOf, "Chad")) << dump(g);
  EXPECT_TRUE(has(g, "Defence Ministry of Chad", Relation::kAccuse, "Niger")) << dump(g);
}

TEST(Clauses, APactIsJudgedWithBothItsParties) {
  // Drawn: Peru <-SUPPORT-> Chile (the pact); Brazil -SUPPORT-> both; Bolivia -ACCUSE-> both.
  auto g =
      run("Peru and Chile signed a fishing pact on Monday. Brazil praised the agreement, while "
          "Bolivia criticised the deal.",
          true);
  EXPECT_TRUE(has(g, "Brazil", Relation::kSupport, "Peru")) << dump(g);
  EXPECT_TRUE(has(g, "Brazil", Relation::kSupport, "Chile")) << dump(g);
  EXPECT_TRUE(has(g, "Bolivia", Relation::kAccuse, "Peru")) << dump(g);
  EXPECT_TRUE(has(g, "Bolivia", Relation::kAccuse, "Chile")) << dump(g);
}

TEST(Clauses, ToBeforeABareVerbOpensAnInfinitiveNotAnObject) {
  // "lend X $N to build ...": the money goes to X; "to build" names no one.
  auto g = run("The Andean Fund will lend Bolivia $300 million to build roads.", true);
  EXPECT_TRUE(has(g, "Andean Fund", Relation::kAid, "Bolivia")) << dump(g);
}

TEST(Clauses, TroopsWithdrawnFromACountry) {
  auto g = run("Russia pulled its soldiers out of Georgia in March.", true);
  EXPECT_TRUE(has(g, "Russia", Relation::kRetreat, "Georgia")) << dump(g);
  auto h = run("Canada, which withdrew its troops from Haiti, praised the plan.", true);
  EXPECT_TRUE(has(h, "Canada", Relation::kRetreat, "Haiti")) << dump(h);
}

TEST(Clauses, AnAllianceWithAState) {
  auto g = run("Canada is allied with Japan.", true);
  EXPECT_TRUE(has(g, "Canada", Relation::kAlliedWith, "Japan") ||
              has(g, "Japan", Relation::kAlliedWith, "Canada"))
      << dump(g);
  auto h = run("Norway has an alliance with Denmark.", true);
  EXPECT_TRUE(has(h, "Norway", Relation::kAlliedWith, "Denmark") ||
              has(h, "Denmark", Relation::kAlliedWith, "Norway"))
      << dump(h);
}

TEST(Clauses, ADeniedResponsibilityIsAClaimAgainstTheDenier) {
  // Drawn: Vela Mining -REJECT-> "responsibility for the spill" -implicates-> Vela Mining; the
  // earlier claim against Chile is not what Vela Mining denies.
  auto g =
      run("Peru accused Chile of illegal fishing. Vela Mining denied responsibility for the spill, "
          "which it blamed on sabotage.",
          true);
  EXPECT_TRUE(has(g, "Vela Mining", Relation::kReject, "responsibility for the spill")) << dump(g);
  EXPECT_TRUE(has(g, "responsibility for the spill", Relation::kImplicates, "Vela Mining"))
      << dump(g);
  EXPECT_FALSE(has(g, "Vela Mining", Relation::kReject, "illegal fishing")) << dump(g);
  EXPECT_FALSE(g.find_named("on sabotage").has_value()) << dump(g);
}

TEST(Clauses, AVenueIsNoAntecedentOfIt) {
  auto g =
      run("Peru filed a case against Chile at the International Court of Justice, accusing it of "
          "illegal fishing.",
          true);
  EXPECT_TRUE(has(g, "illegal fishing", Relation::kImplicates, "Chile")) << dump(g);
  EXPECT_FALSE(has(g, "illegal fishing", Relation::kImplicates, "International Court of Justice"))
      << dump(g);
}

TEST(Clauses, ACounterpartNamedWithADemonymServesThatState) {
  auto g = run("Ana Wambui met her Ugandan counterpart Joseph Okello in Nairobi.", true);
  EXPECT_TRUE(has(g, "Joseph Okello", Relation::kPartOf, "Uganda")) << dump(g);
  EXPECT_TRUE(has(g, "Ana Wambui", Relation::kConsult, "Joseph Okello")) << dump(g);
}

TEST(Clauses, AMakerOfGoodsIsACompanyNotAVendor) {
  // A vendor makes network or technology equipment (ONTOLOGY.md).
  EXPECT_EQ(kind_of(run("Drinks maker Kestrova criticised Peru.", true), "Kestrova"),
            Kind::kOrganization);
  EXPECT_EQ(kind_of(run("The equipment maker Ranvik criticised Brazil.", true), "Ranvik"),
            Kind::kVendor);
  // A plural description before coordinated names; one name after a company's.
  auto g = run("Drinks makers Sorvan Group and Kestrova welcomed Peru's tax cut.", true);
  EXPECT_EQ(kind_of(g, "Kestrova"), Kind::kOrganization) << dump(g);
  auto h = run("Carmakers Volta and Brenn criticised Germany.", true);
  EXPECT_FALSE(h.find_named("Carmakers Volta").has_value()) << dump(h);
}

TEST(Clauses, AUnionOfTradesIsOneName) {
  auto g = run("The Transport and General Workers Union criticised Peru.", true);
  EXPECT_TRUE(has(g, "Transport and General Workers Union", Relation::kAccuse, "Peru")) << dump(g);
  EXPECT_FALSE(g.find_named("General Workers Union").has_value()) << dump(g);
}

TEST(Clauses, APresidentWithoutACountryIsOfThePlaceTheArticleIsSetIn) {
  // No state acts in the text; the march is in Serbia's capital.
  auto g = run("Thousands marched in Belgrade against President Marko Petrovic.", true);
  EXPECT_TRUE(has(g, "Marko Petrovic", Relation::kPartOf, "Serbia")) << dump(g);
}

TEST(Clauses, AClaimEndsBeforeADanglingPreposition) {
  // The label stops at the sentence's length limit; a preposition left at its end goes.
  auto g = run(
      "Kestrel Mobile suffered a nationwide outage in May. Australia's media regulator said the "
      "carrier had failed to connect 3,210 calls to emergency lines during the outage.",
      true);
  EXPECT_TRUE(g.find_named("failed to connect 3,210 calls to emergency lines").has_value())
      << dump(g);
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v) {
    const std::string& n = g.node(v).name;
    EXPECT_FALSE(n.ends_with(" during") || n.ends_with(" the")) << n;
  }
}

TEST(Clauses, ABodyNamedForItsPurposeIsOneName) {
  auto g = run("The Institute for Fiscal Studies criticised Britain.", true);
  EXPECT_TRUE(has(g, "Institute for Fiscal Studies", Relation::kAccuse, "United Kingdom"))
      << dump(g);
  auto h = run("The Centre for Maritime Safety blamed Russia for the collision.", true);
  EXPECT_TRUE(h.find_named("Centre for Maritime Safety").has_value()) << dump(h);
  EXPECT_FALSE(h.find_named("Centre").has_value()) << dump(h);
}

TEST(Clauses, TheAntecedentOfARelativeClauseOpeningASentenceIsAName) {
  // Drawn: Brenvik -supplies-> Glastor (buys from), one unknown word before ", which".
  auto g =
      run("Glastor, which buys nickel from Brenvik Mining, said it was monitoring events.", true);
  EXPECT_TRUE(has(g, "Brenvik Mining", Relation::kSupplies, "Glastor")) << dump(g);
}

TEST(Clauses, ARegionsAdjectiveIsNoActor) {
  auto g = run("Kestrel Group said the hackers had targeted a dozen European companies.", true);
  EXPECT_FALSE(g.find_named("European").has_value()) << dump(g);
}

TEST(Clauses, AComplaintAboutAnActorAccusesIt) {
  auto g = run("Vantora complained about Orbix Corp's pricing rules.", true);
  EXPECT_TRUE(has(g, "Vantora", Relation::kAccuse, "Orbix Corp")) << dump(g);
}

TEST(Clauses, ACityAndATitleBeforeAKnownNameAreTheTitle) {
  auto g =
      run("Investors sold Turkish bonds after prosecutors detained Antalya Mayor Paul Verrier, the "
          "president's main rival.",
          true);
  EXPECT_FALSE(g.find_named("Antalya Mayor").has_value()) << dump(g);
  EXPECT_TRUE(has(g, "Turkey", Relation::kCoerce, "Paul Verrier")) << dump(g);
}

TEST(Clauses, RejectingTheCriticismRejectsTheLatestClaim) {
  auto g =
      run("Amnesty International accused the Libyan coast guard of abusing migrants. Italy's "
          "interior ministry rejected the criticism.",
          true);
  EXPECT_TRUE(has(g, "Interior Ministry of Italy", Relation::kReject, "abusing migrants"))
      << dump(g);
}

TEST(Clauses, ABodysHeadWordAloneIsTheBodyNamedBefore) {
  // "European Commission" is an alias of the European Union (lexicon); "the Commission" too.
  auto g = run(
      "The European Commission fined Orbix Corp. Orbix Corp accused the Commission of bias.", true);
  EXPECT_TRUE(has(g, "bias", Relation::kImplicates, "European Union")) << dump(g);
  EXPECT_FALSE(g.find_named("Commission").has_value()) << dump(g);
}

TEST(Clauses, ABodyToldIsNoMedium) {
  // "told Reuters" names a medium; "told Parliament" a body addressed.
  auto g = run("Prime Minister Ana Brook told Parliament that Britain would act against Ruritania.",
               true);
  EXPECT_NE(kind_of(g, "Parliament"), Kind::kMedia) << dump(g);
}

TEST(Clauses, AClaimsLabelKeepsANameWithAnd) {
  // (The Securities and Exchange Commission is a lexicon name.)
  auto g =
      run("Orbix Corp accused Peru of hiding its accounts from the Securities and Exchange "
          "Commission.",
          true);
  bool whole = false;
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v)
    whole |= g.node(v).name.find("Securities and Exchange Commission") != std::string::npos &&
             g.node(v).kind == Kind::kAllegation;
  EXPECT_TRUE(whole) << dump(g);
}

TEST(Clauses, AStateBodyNamedBeforeATitleGivesTheTitlesState) {
  // Drawn: the Senate is the US's (lexicon: US Senate -> US Congress -> United States), so
  // the bare "Commerce Secretary" in the same sentence is too, not Japan's named before.
  auto g =
      run("Ana Brook wrote to the Japanese government and to the United States. A key U.S. Senate "
          "committee and Commerce Secretary Paul Verrier have also opposed the merger.",
          true);
  EXPECT_TRUE(has(g, "Paul Verrier", Relation::kPartOf, "United States")) << dump(g);
  EXPECT_FALSE(has(g, "Paul Verrier", Relation::kPartOf, "Japan")) << dump(g);
}

TEST(Clauses, OppositionRejects) {
  auto g = run("Vela Mining is resisting the takeover bid by Orbix Corp.", true);
  EXPECT_TRUE(has(g, "Vela Mining", Relation::kReject, "Orbix Corp")) << dump(g);
  auto h = run("Chile expressed opposition to the plan by Peru.", true);
  EXPECT_TRUE(has(h, "Chile", Relation::kReject, "Peru")) << dump(h);
}

TEST(Clauses, AWarningGivenAndAnUltimatumThreaten) {
  auto g = run("Peru issued a warning to Chile on Monday.", true);
  EXPECT_TRUE(has(g, "Peru", Relation::kThreaten, "Chile")) << dump(g);
  auto h = run("Peru told Chile to withdraw its troops or face sanctions.", true);
  EXPECT_TRUE(has(h, "Peru", Relation::kRequest, "Chile")) << dump(h);
  EXPECT_TRUE(has(h, "Peru", Relation::kThreaten, "Chile")) << dump(h);
}

TEST(Clauses, ChargingThatStatesAClaim) {
  auto g = run("Orbix Corp has charged that Peru is discriminating against foreign firms.", true);
  EXPECT_TRUE(has(g, "discriminating against foreign firms", Relation::kImplicates, "Peru"))
      << dump(g);
  EXPECT_TRUE(has(g, "Orbix Corp", Relation::kAccuse, "discriminating against foreign firms"))
      << dump(g);
}

TEST(Clauses, OpposingAPlanNamesNoOneWhoProposedIt) {
  auto g = run("Peru accused Chile of dumping steel. Bolivia opposes the proposed merger.", true);
  EXPECT_FALSE(has(g, "Bolivia", Relation::kReject, "Peru")) << dump(g);
}

TEST(Clauses, ATitleWithALongPortfolioAndTheStateOfTheSameTitleBefore) {
  // Drawn: "a Dutch minister" (s0) is the "Minister" of s1: Paul Verrier -part_of-> the
  // Netherlands, though Japan is named more often.
  auto g =
      run("A Dutch minister said he had warned the Japanese government over Japanese dumping.\n\n"
          "Corporate Affairs Minister Paul Verrier said on his return from Japan that Tokyo had "
          "listened.",
          true);
  EXPECT_TRUE(g.find_named("Paul Verrier").has_value()) << dump(g);
  EXPECT_TRUE(has(g, "Paul Verrier", Relation::kPartOf, "Netherlands")) << dump(g);
}

TEST(Clauses, ASubsidiaryInAppositionIsOwned) {
  auto g =
      run("Kestrel Information Systems Ltd, a Kestrel Corp subsidiary, said it would grow.", true);
  EXPECT_TRUE(has(g, "Kestrel Corp", Relation::kOwns, "Kestrel Information Systems Ltd"))
      << dump(g);
}

TEST(Clauses, AReportedClauseInsideARelativeClauseIsTheAntecedents) {
  // Drawn: the group (antecedent) -linked_to- Uganda; Kenya and Chad only say so.
  auto g = run("Rwanda criticised the Volta rebels, which Kenya and Chad say are backed by Uganda.",
               true);
  EXPECT_FALSE(has(g, "Kenya", Relation::kLinkedTo, "Uganda")) << dump(g);
  EXPECT_FALSE(has(g, "Chad", Relation::kLinkedTo, "Uganda")) << dump(g);
}

}  // namespace
}  // namespace stakegraph::io
