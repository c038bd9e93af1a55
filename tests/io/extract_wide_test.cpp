// General-English rules of session 27 (issue 11), found from sentences written for the
// purpose in many trades (health, courts, diplomacy, energy, policing): a description's head
// noun right before a name types it, a report or finding rejected after a claim is a denial
// of that claim, settlements reached, claims made "each other", an event named as the subject
// of a passive judged by its agent, "police in <country>", inquiries "over" a wrong, supplies
// "to" a company. Every sentence is written for this test with invented company names; none
// comes from an evaluation article.
#include <gtest/gtest.h>

#include <string>

#include "graph/graph.hpp"
#include "tests/support/extract_support.hpp"

namespace stakegraph::io {
namespace {

using graph::Kind;
using graph::Relation;

using namespace extract_support;

TEST(DescriptionHead, TheNounBeforeANameTypesItOverALaterSaid) {
  // Without the description, "Punta Negra said" reads as a person's name.
  auto g =
      run("The maritime regulator fined the shipping company Punta Negra for dumping fuel. "
          "Punta Negra said it would appeal.",
          true);
  EXPECT_EQ(kind_of(g, "Punta Negra"), Kind::kOrganization) << dump(g);
  // A role noun before a name is a title, not a kind.
  auto p = run("The prosecutor Marta Silva charged Delmar Shipping with fraud.", true);
  EXPECT_EQ(kind_of(p, "Marta Silva"), Kind::kPerson) << dump(p);
}

TEST(Denials, AReportRejectedAfterAClaimDeniesTheClaim) {
  auto g =
      run("Amnesty International accused Bolivia of torturing prisoners. Bolivia rejected "
          "the report on Friday.",
          true);
  EXPECT_TRUE(has(g, "Amnesty International", Relation::kAccuse, "torturing prisoners")) << dump(g);
  EXPECT_TRUE(has(g, "Bolivia", Relation::kReject, "torturing prisoners")) << dump(g);
}

TEST(Agreements, ASettlementReachedWithAStateIsAnAgreement) {
  for (const char* s : {"Delmar Shipping reached a settlement with Chile over unpaid port fees.",
                        "Delmar Shipping settled with Chile over unpaid port fees."}) {
    auto g = run(s, true);
    EXPECT_TRUE(has(g, "Delmar Shipping", Relation::kAgree, "Chile")) << s << "\n" << dump(g);
  }
}

TEST(Claims, AccusingEachOtherImplicatesBoth) {
  auto g = run("Peru and Chile accused each other of violating the fishing treaty.", true);
  for (const char* x : {"Peru", "Chile"}) {
    EXPECT_TRUE(has(g, x, Relation::kAccuse, "violating the fishing treaty")) << dump(g);
    EXPECT_TRUE(has(g, "violating the fishing treaty", Relation::kImplicates, x)) << dump(g);
  }
}

TEST(EventSubject, AnEventJudgedInThePassiveIsItsActorsJudgement) {
  auto g =
      run("Chile signed a fishing accord with Peru on Monday. The deal was welcomed by "
          "Ecuador.",
          true);
  EXPECT_TRUE(has(g, "Ecuador", Relation::kSupport, "Chile")) << dump(g);
  // An event noun inside a longer subject is no subject of its own.
  auto n =
      run("Chile signed a fishing accord with Peru on Monday. A review prompted by the deal "
          "was criticised by Ecuador.",
          true);
  EXPECT_FALSE(has(n, "Ecuador", Relation::kAccuse, "Chile")) << dump(n);
}

TEST(StateForces, PoliceInACountryAreItsPolice) {
  auto g = run("Police in Peru detained two managers of Delmar Shipping on Tuesday.", true);
  EXPECT_EQ(kind_of(g, "Peruvian police"), Kind::kAgency) << dump(g);
  EXPECT_TRUE(has(g, "Peruvian police", Relation::kPartOf, "Peru")) << dump(g);
  EXPECT_TRUE(has(g, "Peruvian police", Relation::kCoerce, "Delmar Shipping")) << dump(g);
}

TEST(Inquiries, AnInquiryOpenedOverAWrongIsAClaim) {
  auto g = run("Chile opened an investigation into Delmar Shipping over suspected bribery.", true);
  EXPECT_TRUE(has(g, "Chile", Relation::kAccuse, "bribery")) << dump(g);
  EXPECT_TRUE(has(g, "bribery", Relation::kImplicates, "Delmar Shipping")) << dump(g);
}

TEST(Supplies, SupplyingGoodsToACompanyIsASupplyTie) {
  auto g = run("Varga Chemicals will supply solvents to Ostara Pharmaceuticals.", true);
  EXPECT_TRUE(has(g, "Varga Chemicals", Relation::kSupplies, "Ostara Pharmaceuticals")) << dump(g);
}

TEST(Participles, AParticipleAfterANumberModifiesItsNoun) {
  auto g = run("Bolivia released two detained Chilean truck drivers on Sunday.", true);
  EXPECT_FALSE(has(g, "Bolivia", Relation::kCoerce, "Chile")) << dump(g);
}

TEST(IndirectObject, ProvidingAStateWithMoneyIsAid) {
  auto g = run("Norway provided Moldova with 40 million euros in budget support.", true);
  EXPECT_TRUE(has(g, "Norway", Relation::kAid, "Moldova")) << dump(g);
}

TEST(Claims, ChargesOfAWrongNameTheWrongWithoutOf) {
  auto g = run("Peru's anti-graft agency arrested a former mayor on charges of bribery.", true);
  EXPECT_TRUE(has(g, "Anti-graft Agency of Peru", Relation::kAccuse, "bribery")) << dump(g);
}

TEST(Ownership, BuyingACompanyIsOwnershipNotSupply) {
  for (const char* s : {"Ostara Pharmaceuticals bought Norlake Pharma for 2 billion dollars.",
                        "Ostara Pharmaceuticals agreed to buy Norlake Pharma."}) {
    auto g = run(s, true);
    EXPECT_TRUE(has(g, "Ostara Pharmaceuticals", Relation::kOwns, "Norlake Pharma")) << s << "\n"
                                                                                     << dump(g);
  }
  // "bought from" stays a purchase: the seller supplies the buyer.
  auto g = run("Norlake Pharma bought solvents from Varga Chemicals.", true);
  EXPECT_TRUE(has(g, "Varga Chemicals", Relation::kSupplies, "Norlake Pharma")) << dump(g);
}

TEST(Strikes, StrikesCarriedOutOnSitesInAStateAreAnAssaultOnIt) {
  for (const char* s : {"Chile carried out air strikes on Bolivia.",
                        "Chile launched drone strikes on targets in Bolivia on Monday."}) {
    auto g = run(s, true);
    EXPECT_TRUE(has(g, "Chile", Relation::kAssault, "Bolivia")) << s << "\n" << dump(g);
  }
}

TEST(Appeals, ABareAppealIsAgainstTheLatestPenalty) {
  auto g =
      run("Delmar Shipping and Varga Chemicals were fined by Chile's port authority. "
          "Both companies said they would appeal.",
          true);
  // Both were fined; each appeals against whoever fined it.
  int rejects = 0;
  for (auto [ei, ee] = boost::edges(g.boost_graph()); ei != ee; ++ei)
    if (g.edge(*ei).relation == Relation::kReject) ++rejects;
  EXPECT_EQ(rejects, 2) << dump(g);
  // An appeal to someone for something is a request, not a rejection.
  auto r =
      run("Chile fined Delmar Shipping on Monday. Delmar Shipping appealed to the court for "
          "calm.",
          true);
  EXPECT_FALSE(has(r, "Delmar Shipping", Relation::kReject, "Chile")) << dump(r);
  auto d = run("Peru appealed for a greater Chilean effort to end the dispute.", true);
  EXPECT_FALSE(has(d, "Peru", Relation::kReject, "Chile")) << dump(d);
}

TEST(CompanyNames, AOneWordCompanyAfterTheAndBeforeNoWordIsNoCompany) {
  auto g = run("Peru accused Delmar Shipping of polluting the Amazon.", true);
  EXPECT_EQ(kind_of(g, "Amazon"), Kind::kUnspecified) << dump(g);
  EXPECT_TRUE(has(g, "Peru", Relation::kAccuse, "polluting the Amazon")) << dump(g);
  auto c = run("Amazon sued Peru on Monday.", true);
  EXPECT_EQ(kind_of(c, "Amazon"), Kind::kOrganization) << dump(c);
}

TEST(StateNouns, TheAuthoritiesAreTheStateOfTheParagraph) {
  auto g =
      run("Peru's food regulator ordered Andes Dairy to withdraw its milk powder. The company "
          "said it was cooperating with the authorities.",
          true);
  EXPECT_TRUE(has(g, "Andes Dairy", Relation::kCooperate, "Peru")) << dump(g);
}

TEST(Denials, ADenialAboutWhatTheDenierOwnsIsAClaim) {
  auto g = run("Andes Dairy denied that its milk powder was unsafe.", true);
  EXPECT_TRUE(has(g, "Andes Dairy", Relation::kReject, "its milk powder was unsafe")) << dump(g);
}

TEST(Acronyms, TheAcronymWhoIsNoRelativePronoun) {
  auto g = run("Malawi expelled two WHO officials on Friday.", true);
  EXPECT_TRUE(has(g, "Malawi", Relation::kCoerce, "World Health Organization")) << dump(g);
  // The pronoun still opens a relative clause.
  auto r = run("Malawi expelled two officials who had criticised Zambia.", true);
  EXPECT_FALSE(has(r, "Malawi", Relation::kCoerce, "Zambia")) << dump(r);
}

TEST(Participles, ATieAfterACommonNounIsThatNouns) {
  auto g = run("Latvia blamed hackers linked to Belarus for a cyberattack on its ports.", true);
  EXPECT_FALSE(has(g, "Latvia", Relation::kLinkedTo, "Belarus")) << dump(g);
  EXPECT_TRUE(has(g, "cyberattack on its ports", Relation::kImplicates, "Belarus")) << dump(g);
  auto w = run("Finland expelled a man working for Iran's embassy.", true);
  EXPECT_FALSE(has(w, "Finland", Relation::kPartOf, "Iran")) << dump(w);
  // A named subject keeps its tie, as does a share of a company.
  auto n =
      run("Varga Energy is linked to Belarus. Delmar Shipping is 40 percent owned by Varga "
          "Energy.",
          true);
  EXPECT_TRUE(has(n, "Varga Energy", Relation::kLinkedTo, "Belarus")) << dump(n);
  EXPECT_TRUE(has(n, "Varga Energy", Relation::kOwns, "Delmar Shipping")) << dump(n);
}

TEST(Attribution, AnActSaidToBeSomeonesIsAClaimAgainstThem) {
  auto b = run("Peru said Chile was behind the bombing. Chile denied any involvement.", true);
  EXPECT_TRUE(has(b, "Peru", Relation::kAccuse, "bombing")) << dump(b);
  EXPECT_TRUE(has(b, "bombing", Relation::kImplicates, "Chile")) << dump(b);
  EXPECT_TRUE(has(b, "Chile", Relation::kReject, "bombing")) << dump(b);
  auto r = run("Peru said Chile was responsible for the blackout.", true);
  EXPECT_TRUE(has(r, "blackout", Relation::kImplicates, "Chile")) << dump(r);
  auto a =
      run("Finland attributed the cyberattack on its ports to Iran's intelligence service.", true);
  EXPECT_TRUE(has(a, "Finland", Relation::kAccuse, "cyberattack on its ports")) << dump(a);
  EXPECT_TRUE(has(a, "cyberattack on its ports", Relation::kImplicates, "Intelligence of Iran"))
      << dump(a);
  // The act named as a subject is no verb: no attack by the speaker.
  auto c = run("Norway's police said the attack had been carried out by Chinese hackers.", true);
  EXPECT_TRUE(has(c, "attack", Relation::kImplicates, "China")) << dump(c);
  EXPECT_FALSE(has(c, "Norwegian police", Relation::kAssault, "China")) << dump(c);
  // A negated attribution is no claim.
  auto n = run("Peru said Chile was not behind the bombing.", true);
  EXPECT_FALSE(has(n, "bombing", Relation::kImplicates, "Chile")) << dump(n);
}

TEST(Protests, AStrikeCalledAgainstAStateIsAProtestNotAnAttack) {
  auto g =
      run("The Tarn Workers Union called a general strike against Chile's pension reform.", true);
  EXPECT_TRUE(has(g, "Tarn Workers Union", Relation::kProtest, "Chile")) << dump(g);
  EXPECT_FALSE(has(g, "Tarn Workers Union", Relation::kAssault, "Chile")) << dump(g);
  // A month is no march: "holds a stake, said ... since March" stays ownership.
  auto m =
      run("The Vela chain, in which Delmar Holdings holds a 15 percent stake, said it had "
          "closed stores since March.",
          true);
  EXPECT_TRUE(has(m, "Delmar Holdings", Relation::kOwns, "Vela")) << dump(m);
}

TEST(Subjects, TheAgentOfAReducedRelativeIsNoSubject) {
  for (const char* s : {"Analysts quoted by Reuters criticised Peru on Monday.",
                        "Several analysts quoted by Reuters criticised Peru on Monday."}) {
    auto g = run(s, true);
    EXPECT_FALSE(has(g, "Reuters", Relation::kAccuse, "Peru")) << s << "\n" << dump(g);
  }
  // The agent of a passive acts.
  auto p = run("Delmar Shipping was fined by Chile.", true);
  EXPECT_TRUE(has(p, "Chile", Relation::kSanction, "Delmar Shipping")) << dump(p);
}

TEST(Demonyms, ANationalityWordIsNeverANameOfItsOwn) {
  auto g =
      run("According to Peruvian newspaper reports, Chile would ban Peruvian fishing boats.", true);
  EXPECT_EQ(kind_of(g, "Peruvian"), Kind::kUnspecified) << dump(g);
  EXPECT_TRUE(has(g, "Chile", Relation::kSanction, "Peru") ||
              has(g, "Chile", Relation::kThreaten, "Peru"))
      << dump(g);
}

TEST(Coreference, TheCompanyInASpokesmansWordsIsTheOneHeSpeaksFor) {
  auto g =
      run("Vela Foods recalled its yoghurt on Monday. Delmar Holdings owns a stake in Vela "
          "Foods. Vela's chief executive, Ana Ruiz, said the company was working with Peru's "
          "food regulator.",
          true);
  EXPECT_TRUE(has(g, "Vela Foods", Relation::kCooperate, "Food Regulator of Peru")) << dump(g);
  EXPECT_FALSE(has(g, "Delmar Holdings", Relation::kCooperate, "Food Regulator of Peru"))
      << dump(g);
}

TEST(Supplies, AContractorSuppliesTheOneItWorksFor) {
  for (const char* s :
       {"Tarn Freight, a trucking firm contracted by the Red Cross, lost two lorries.",
        "Tarn Freight, a contractor for the Red Cross, lost two lorries.",
        "The Red Cross's main contractor, Tarn Freight, lost two lorries."}) {
    auto g = run(s, true);
    EXPECT_TRUE(has(g, "Tarn Freight", Relation::kSupplies, "Red Cross")) << s << "\n" << dump(g);
  }
  auto c = run("Delmar Shipping's largest customer, Vela Foods, cut its orders.", true);
  EXPECT_TRUE(has(c, "Delmar Shipping", Relation::kSupplies, "Vela Foods")) << dump(c);
}

TEST(Aid, FundingAnOrganizationIsAid) {
  auto g = run("Norway and Chile are funding the Red Cross's relief flights.", true);
  EXPECT_TRUE(has(g, "Norway", Relation::kAid, "Red Cross")) << dump(g);
  EXPECT_TRUE(has(g, "Chile", Relation::kAid, "Red Cross")) << dump(g);
}

TEST(Courts, ChargesDroppedAreAConcessionAndSettledChargesNoAccusation) {
  auto d = run("Chile dropped all charges against Delmar Shipping.", true);
  EXPECT_TRUE(has(d, "Chile", Relation::kConcede, "Delmar Shipping")) << dump(d);
  EXPECT_FALSE(has(d, "Chile", Relation::kAccuse, "Delmar Shipping")) << dump(d);
  EXPECT_FALSE(has(d, "Chile", Relation::kSanction, "Delmar Shipping")) << dump(d);
  auto s =
      run("Varga Chemicals agreed to pay 5 million dollars to settle charges brought by "
          "Chile's securities regulator.",
          true);
  EXPECT_FALSE(has(s, "Varga Chemicals", Relation::kAccuse, "Securities Regulator of Chile"))
      << dump(s);
}

TEST(Penalties, TheAmountBeforeAPenaltysReasonIsSkipped) {
  auto g = run("Peru fined Delmar Shipping 40 million dollars for dumping fuel.", true);
  EXPECT_TRUE(has(g, "Peru", Relation::kAccuse, "dumping fuel")) << dump(g);
  EXPECT_TRUE(has(g, "dumping fuel", Relation::kImplicates, "Delmar Shipping")) << dump(g);
}

TEST(Diplomacy, ClosingAnEmbassyInAStateIsASanction) {
  auto g = run("Brazil closed its embassy in Nicaragua on Friday.", true);
  EXPECT_TRUE(has(g, "Brazil", Relation::kSanction, "Nicaragua")) << dump(g);
  auto t = run("Japan will tighten export controls on machine tools to Iran.", true);
  EXPECT_TRUE(has(t, "Japan", Relation::kSanction, "Iran")) << dump(t);
}

TEST(Fighting, TheActorNamedAsAPlaceIsNoTargetAndTroopsMassedOnABorder) {
  auto g = run("Ukraine shot down a Russian drone over Kyiv.", true);
  EXPECT_TRUE(has(g, "Ukraine", Relation::kAssault, "Russia")) << dump(g);
  auto m = run("Peru massed troops on its border with Bolivia.", true);
  EXPECT_TRUE(has(m, "Peru", Relation::kMobilize, "Bolivia")) << dump(m);
}

TEST(Arrests, WhereTheArrestedIsSentIsNoTarget) {
  auto g = run("Argentina extradited the suspect to Chile.", true);
  EXPECT_FALSE(has(g, "Argentina", Relation::kCoerce, "Chile")) << dump(g);
  auto d = run("Argentina extradited Marco Silva to Chile.", true);
  EXPECT_FALSE(has(d, "Argentina", Relation::kCoerce, "Chile")) << dump(d);
}

TEST(Names, AnUnknownNameAfterACompanysNounIsNoPlace) {
  auto g = run("Peru blocked the merger of Brightwave on Monday.", true);
  EXPECT_TRUE(has(g, "Peru", Relation::kSanction, "Brightwave")) << dump(g);
  // ... while after a place's noun it is a place.
  auto p = run("Peru blocked the port of Tarnhaven on Monday.", true);
  EXPECT_FALSE(has(p, "Peru", Relation::kSanction, "Tarnhaven")) << dump(p);
}

TEST(Names, ANameOpeningASentenceIsTypedByItsAppositionOrItsOfficer) {
  auto g = run("Tarnvik, Norway's state-owned utility, said it would sue Peru.", true);
  EXPECT_EQ(kind_of(g, "Tarnvik"), Kind::kOrganization) << dump(g);
  EXPECT_TRUE(has(g, "Tarnvik", Relation::kAccuse, "Peru")) << dump(g);
  EXPECT_FALSE(has(g, "Norway", Relation::kAccuse, "Peru")) << dump(g);
  EXPECT_TRUE(has(g, "Norway", Relation::kOwns, "Tarnvik")) << dump(g);
  auto o = run("Tarnvik's chief executive said the company would sue Peru.", true);
  EXPECT_EQ(kind_of(o, "Tarnvik"), Kind::kOrganization) << dump(o);
}

TEST(Claims, AccusingAnUnnamedActorOfAnActStatesTheClaim) {
  auto g = run("The Tarn Democratic Alliance accused the ruling party of buying votes.", true);
  EXPECT_TRUE(has(g, "Tarn Democratic Alliance", Relation::kAccuse, "buying votes")) << dump(g);
}

TEST(Claims, AWrongNamedAsANounIsTheSpeakersClaim) {
  auto a = run("The Tarn Democratic Alliance alleged widespread fraud in the vote.", true);
  EXPECT_TRUE(has(a, "Tarn Democratic Alliance", Relation::kAccuse, "widespread fraud in the vote"))
      << dump(a);
  auto m = run("The Tarn Democratic Alliance said the election had been marred by fraud.", true);
  EXPECT_TRUE(has(m, "Tarn Democratic Alliance", Relation::kAccuse, "fraud")) << dump(m);
  auto d = run("Amnesty International documented abuses by Delmar Security in the region.", true);
  EXPECT_TRUE(has(d, "Amnesty International", Relation::kAccuse, "abuses")) << dump(d);
  EXPECT_TRUE(has(d, "abuses", Relation::kImplicates, "Delmar Security")) << dump(d);
  // No wrong named, no claim.
  auto n = run("The Tarn Democratic Alliance said the election had been marred by rain.", true);
  EXPECT_EQ(n.edge_count(), 0u) << dump(n);
}

TEST(Names, ASentencesFirstWordOpensANameOfSeveralCapitalisedWords) {
  auto g = run("Tarnvik Hydro signed a deal with Peru on Monday.", true);
  EXPECT_TRUE(has(g, "Tarnvik Hydro", Relation::kSupport, "Peru")) << dump(g);
  EXPECT_EQ(kind_of(g, "Hydro"), Kind::kUnspecified) << dump(g);
  // A word of the lists still opens no name ("After", "The").
  auto t = run("After Tarnvik Hydro signed a deal with Peru, prices rose.", true);
  for (graph::NodeIndex v = 0; v < t.node_count(); ++v)
    EXPECT_NE(t.node(v).name.rfind("After", 0), 0u) << dump(t);
}

}  // namespace
}  // namespace stakegraph::io
