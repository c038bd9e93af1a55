// General-English rules that widen what the extractor reads in wire copy (issue 11): an
// apposition's head noun types the name before it, a watchdog of a country is its agency, a
// reported clause with a described subject is that subject's, expulsions of envoys, aid
// received from someone, accusations made "by" or "from" someone, "hit X with sanctions", a
// country a border is shared with is a place. Every sentence is written for this test, with
// invented company and person names; none comes from an evaluation article.
#include <gtest/gtest.h>

#include <string>

#include "graph/graph.hpp"
#include "tests/support/extract_support.hpp"

namespace stakegraph::io {
namespace {

using graph::Kind;
using graph::Relation;

using namespace extract_support;

TEST(AppositionHead, ASubsidiaryNamedInAppositionIsAnOrganizationItsParentOwns) {
  for (bool dicts : {false, true}) {
    auto g = run("Nordlys, a subsidiary of Varga Holdings, was fined by the Peruvian government.",
                 dicts);
    EXPECT_EQ(kind_of(g, "Nordlys"), Kind::kOrganization) << dump(g);
    EXPECT_TRUE(has(g, "Varga Holdings", Relation::kOwns, "Nordlys")) << dump(g);
    EXPECT_TRUE(has(g, "Peru", Relation::kSanction, "Nordlys")) << dump(g);
  }
}

TEST(AppositionHead, ARegulatorNamedInAppositionIsAnAgency) {
  auto g = run("Kestra, a regulator, fined Delmar Shipping on Friday.", true);
  EXPECT_EQ(kind_of(g, "Kestra"), Kind::kAgency) << dump(g);
  EXPECT_TRUE(has(g, "Kestra", Relation::kSanction, "Delmar Shipping")) << dump(g);
}

TEST(PossessedInstitution, ACountrysWatchdogIsItsAgency) {
  auto g = run("Norway's competition watchdog fined Delmar Shipping on Friday.", true);
  EXPECT_EQ(kind_of(g, "Competition Watchdog of Norway"), Kind::kAgency) << dump(g);
  EXPECT_TRUE(has(g, "Competition Watchdog of Norway", Relation::kPartOf, "Norway")) << dump(g);
  EXPECT_TRUE(has(g, "Competition Watchdog of Norway", Relation::kSanction, "Delmar Shipping"))
      << dump(g);
}

TEST(ReportedClause, ADescribedSubjectAfterSaidActsNotTheSpeaker) {
  auto g =
      run("Delmar Shipping denied the charges on Monday. Its chief executive, Ana Ruiz, said "
          "the company was cooperating with Peru.",
          true);
  EXPECT_TRUE(has(g, "Delmar Shipping", Relation::kCooperate, "Peru")) << dump(g);
  EXPECT_FALSE(has(g, "Ana Ruiz", Relation::kCooperate, "Peru")) << dump(g);
}

TEST(Envoys, OrderingAnAmbassadorOutIsAnExpulsion) {
  for (bool dicts : {false, true}) {
    auto g =
        run("Peru ordered the Chilean ambassador to leave the country within 48 hours.", dicts);
    EXPECT_TRUE(has(g, "Peru", Relation::kSanction, "Chile")) << dump(g);
  }
  // An order to one's own envoy names no other state.
  auto g = run("The minister ordered the ambassador in Lima to return home.", true);
  EXPECT_EQ(g.edge_count(), 0u) << dump(g);
}

TEST(ReceivedAid, AShipmentReceivedFromAStateIsItsAid) {
  auto g = run("Moldova received a shipment of vaccines from Romania on Tuesday.", true);
  EXPECT_TRUE(has(g, "Romania", Relation::kAid, "Moldova")) << dump(g);
  EXPECT_FALSE(has(g, "Moldova", Relation::kAid, "Romania")) << dump(g);
}

TEST(Accusations, TheAccuserNamedAfterTheNounIsRejectedAndAccused) {
  for (const char* prep : {"from", "by"}) {
    auto g = run(
        std::string("Bolivia rejected accusations ") + prep + " Peru that it had armed the rebels.",
        true);
    EXPECT_TRUE(has(g, "Bolivia", Relation::kReject, "Peru")) << prep << "\n" << dump(g);
    EXPECT_TRUE(has(g, "Peru", Relation::kAccuse, "Bolivia")) << prep << "\n" << dump(g);
  }
}

TEST(Sanctions, HittingAStateWithSanctionsIsNoAttack) {
  auto g = run("Canada hit Belarus with new sanctions on Monday.", true);
  EXPECT_TRUE(has(g, "Canada", Relation::kSanction, "Belarus")) << dump(g);
  EXPECT_FALSE(has(g, "Canada", Relation::kAssault, "Belarus")) << dump(g);
  auto h = run("Ottawa slapped Delmar Shipping with a fine.", true);
  EXPECT_TRUE(has(h, "Canada", Relation::kSanction, "Delmar Shipping")) << dump(h);
  // A missile that hits a city is still an attack.
  auto a =
      run("Rebel forces hit Tartus with rockets. Syria said the rockets were fired by "
          "Delmar Brigades.",
          true);
  EXPECT_FALSE(has(a, "Syria", Relation::kSanction, "Delmar Brigades")) << dump(a);
}

TEST(Places, ACountryABorderIsSharedWithIsAPlace) {
  auto g = run("Peru's army fought drug gangs near the border with Ecuador.", true);
  EXPECT_FALSE(has(g, "Army of Peru", Relation::kAssault, "Ecuador")) << dump(g);
  EXPECT_FALSE(has(g, "Peru", Relation::kAssault, "Ecuador")) << dump(g);
}

TEST(Lexicon, KosovoIsAState) {
  auto g = run("Serbia accused Kosovo of arming the gunmen.", true);
  EXPECT_EQ(kind_of(g, "Kosovo"), Kind::kGovernment) << dump(g);
}

TEST(Denials, ADeniedActIsNoEdgeButAClaimAgainstTheDenier) {
  for (const char* text : {"Peru denied backing the rebels in Bolivia.",
                           "Peru denies ever having armed rebels in Bolivia."}) {
    auto g = run(text, true);
    EXPECT_FALSE(has(g, "Peru", Relation::kSupport, "Bolivia")) << text << "\n" << dump(g);
    EXPECT_FALSE(has(g, "Peru", Relation::kReject, "Bolivia")) << text << "\n" << dump(g);
    bool claim = false;
    for (graph::NodeIndex v = 0; v < g.node_count(); ++v)
      if (g.node(v).kind == Kind::kAllegation) {
        claim = true;
        EXPECT_TRUE(has(g, "Peru", Relation::kReject, g.node(v).name)) << dump(g);
        EXPECT_TRUE(has(g, g.node(v).name, Relation::kImplicates, "Peru")) << dump(g);
      }
    EXPECT_TRUE(claim) << text << "\n" << dump(g);
  }
}

TEST(Suspensions, SuspendingAMemberIsASanctionSuspendingAFineAConcession) {
  auto g = run("The African Union suspended Gabon after the coup.", true);
  EXPECT_TRUE(has(g, "African Union", Relation::kSanction, "Gabon")) << dump(g);
  auto h = run("A Peruvian court suspended the fine against Delmar Shipping.", true);
  EXPECT_FALSE(has(h, "Peru", Relation::kSanction, "Delmar Shipping")) << dump(h);
  EXPECT_TRUE(has(h, "Peru", Relation::kConcede, "Delmar Shipping")) << dump(h);
}

TEST(Fighting, StatesThatExchangeFireAttackEachOther) {
  auto g = run("Peru and Ecuador exchanged fire across the river on Sunday.", true);
  EXPECT_TRUE(has(g, "Peru", Relation::kAssault, "Ecuador")) << dump(g);
  EXPECT_TRUE(has(g, "Ecuador", Relation::kAssault, "Peru")) << dump(g);
}

TEST(HomeGovernment, AWireDatelineVotesForItsCountry) {
  // Chile, Bolivia and the dateline's Peru are each named once: the dateline decides whose
  // untitled minister speaks; without it, the first state named.
  const std::string body =
      "Chile's ambassador met Bolivian officials on Tuesday.\n\nForeign "
      "Minister Ana Prado said the talks went well.";
  auto g = run("LIMA, May 2 (Reuters) - " + body, true);
  EXPECT_TRUE(has(g, "Ana Prado", Relation::kPartOf, "Peru")) << dump(g);
  auto h = run(body, true);
  EXPECT_TRUE(has(h, "Ana Prado", Relation::kPartOf, "Chile")) << dump(h);
}

TEST(HomeGovernment, ACompanysCountryOfOriginIsNoGovernmentActing) {
  auto g =
      run("Peru's telecoms regulator fined Corvo Telecom on Wednesday.\n\nCorvo, a unit of "
          "Mexico's Grupo Vela, has been at odds with the government since last year. "
          "Transport Minister Luis Ortiz criticised the firm on Tuesday.",
          true);
  EXPECT_EQ(kind_of(g, "Grupo Vela"), Kind::kOrganization) << dump(g);
  EXPECT_TRUE(has(g, "Grupo Vela", Relation::kOwns, "Corvo Telecom")) << dump(g);
  EXPECT_TRUE(has(g, "Luis Ortiz", Relation::kPartOf, "Peru")) << dump(g);
  EXPECT_FALSE(has(g, "Luis Ortiz", Relation::kPartOf, "Mexico")) << dump(g);
}

TEST(Objects, ASecondVerbOfTheSubjectHasItsOwnObject) {
  auto g =
      run("Banco Ardiles said it backed its subsidiary and urged Osiris Bank to reconsider.", true);
  EXPECT_EQ(kind_of(g, "Banco Ardiles"), Kind::kOrganization) << dump(g);
  EXPECT_TRUE(has(g, "Banco Ardiles", Relation::kRequest, "Osiris Bank")) << dump(g);
  EXPECT_FALSE(has(g, "Banco Ardiles", Relation::kSupport, "Osiris Bank")) << dump(g);
}

}  // namespace
}  // namespace stakegraph::io
