// General-English extraction rules met in wire copy: company names by their trade, a known
// company's name inside a longer one, sales that change a company's owner (issue 11). Every
// sentence is written for this test, with invented company and person names; none comes from
// an evaluation article.
#include <gtest/gtest.h>

#include <string>

#include "graph/graph.hpp"
#include "tests/support/extract_support.hpp"

namespace stakegraph::io {
namespace {

using graph::Kind;
using graph::Relation;

using namespace extract_support;

// ---- names ----
TEST(WireNames, ATradeNounMakesACompanyNotAPerson) {
  // "X Y Seafood said": three capitalised words before "said" are a company when the last
  // is a trade; the company is later called by its first words.
  auto g =
      run("Polar Crest Seafood said it would appeal. Polar Crest rejected the ruling of "
          "Norway.");
  EXPECT_EQ(kind_of(g, "Polar Crest Seafood"), Kind::kOrganization) << dump(g);
  auto h = run("Ravenhill Games sued Vodafone over its fees.");
  EXPECT_EQ(kind_of(h, "Ravenhill Games"), Kind::kOrganization) << dump(h);
  EXPECT_TRUE(has(h, "Ravenhill Games", Relation::kAccuse, "Vodafone")) << dump(h);
}

TEST(WireNames, AKnownCompanysNameInsideALongerNameIsAnotherCompany) {
  // "Vodafone Wireless" is a company of its own, not Vodafone.
  auto g = run("Telmora bought Vodafone Wireless last year.");
  EXPECT_EQ(kind_of(g, "Vodafone Wireless"), Kind::kOperator) << dump(g);
  EXPECT_FALSE(has(g, "Telmora", Relation::kOwns, "Vodafone")) << dump(g);
  // The known company alone is still itself.
  auto h = run("Telmora Holdings bought a stake in Vodafone.");
  EXPECT_TRUE(has(h, "Telmora Holdings", Relation::kOwns, "Vodafone")) << dump(h);
}

TEST(WireNames, AKindBeforeANameSaysItsKindAndIsNoNameOfItsOwn) {
  auto g = run("Conservation group Friends of the Tundra accused Canada of negligence.");
  EXPECT_EQ(kind_of(g, "Friends of the Tundra"), Kind::kOrganization) << dump(g);
  EXPECT_TRUE(has(g, "Friends of the Tundra", Relation::kAccuse, "negligence")) << dump(g);
  EXPECT_EQ(kind_of(g, "Conservation group"), Kind::kUnspecified) << dump(g);
}

TEST(WireNames, ACompanyIsCalledByItsNameWithoutTheTrade) {
  auto g = run("Polar Crest Seafood was fined. Polar Crest rejected the ruling of Norway.");
  EXPECT_EQ(g.node_count(), 2u) << dump(g);  // one node for the company
  EXPECT_TRUE(has(g, "Polar Crest Seafood", Relation::kReject, "Norway")) << dump(g);
}

TEST(WireNames, ABodyNamedAfterItsKindIsAnAgencyOfItsState) {
  // "Peru's mining agency Ingemmet": one agency, Ingemmet, part of Peru, and it acts.
  auto g = run("Peru's mining agency Ingemmet fined Kestrel Mining.");
  EXPECT_EQ(kind_of(g, "Ingemmet"), Kind::kAgency) << dump(g);
  EXPECT_TRUE(has(g, "Ingemmet", Relation::kPartOf, "Peru")) << dump(g);
  EXPECT_TRUE(has(g, "Ingemmet", Relation::kSanction, "Kestrel Mining")) << dump(g);
  EXPECT_EQ(g.node_count(), 3u) << dump(g);
  // "the country's Supreme Court" is that country's.
  auto h = run("Peru fined Kestrel Mining. The country's Supreme Court upheld the fine.");
  EXPECT_TRUE(has(h, "Supreme Court", Relation::kPartOf, "Peru")) << dump(h);
}

// ---- who acts ----
TEST(WireSubjects, ThePossessedNameIsTheAgentNotItsCountry) {
  auto g = run("Kestrel Mining is majority-owned by Canada's Halvard Group.");
  EXPECT_TRUE(has(g, "Halvard Group", Relation::kOwns, "Kestrel Mining")) << dump(g);
  EXPECT_FALSE(has(g, "Canada", Relation::kOwns, "Kestrel Mining")) << dump(g);
}

TEST(WireSubjects, AParticipleAfterACommaIsTheSubjectsNotTheObjects) {
  // The object of the main verb does not accuse itself.
  auto g =
      run("Peru's government fined Kestrel Mining on Friday, accusing it of polluting "
          "rivers.");
  EXPECT_TRUE(has(g, "Peru", Relation::kAccuse, "polluting rivers")) << dump(g);
  EXPECT_FALSE(has(g, "Kestrel Mining", Relation::kAccuse, "polluting rivers")) << dump(g);
  EXPECT_TRUE(has(g, "polluting rivers", Relation::kImplicates, "Kestrel Mining")) << dump(g);
}

// ---- claims ----
TEST(WireClaims, AWrongSaidByUnnamedAccusersIsAClaimAgainstTheDoer) {
  auto g = run("Torvik Bank laundered money for smugglers, prosecutors said.");
  EXPECT_TRUE(has(g, "laundered money for smugglers", Relation::kImplicates, "Torvik Bank"))
      << dump(g);
  auto h = run("Investigators said Torvik Bank had laundered money for smugglers.");
  EXPECT_TRUE(has(h, "laundered money for smugglers", Relation::kImplicates, "Torvik Bank"))
      << dump(h);
  // Said, but no wrong: no claim.
  auto n = run("Officials said Torvik Bank had opened a branch in Oslo.");
  for (graph::NodeIndex v = 0; v < n.node_count(); ++v)
    EXPECT_NE(n.node(v).kind, Kind::kAllegation) << dump(n);
}

TEST(WireClaims, AClaimFacedOrInvestigatedImplicatesItsSubject) {
  auto g = run("Torvik Bank faces charges of fraud.");
  EXPECT_TRUE(has(g, "fraud", Relation::kImplicates, "Torvik Bank")) << dump(g);
  EXPECT_FALSE(has(g, "Torvik Bank", Relation::kAccuse, "fraud")) << dump(g);
  auto h = run("Torvik Bank is under investigation for bribery.");
  EXPECT_TRUE(has(h, "bribery", Relation::kImplicates, "Torvik Bank")) << dump(h);
  auto i = run("Finland is investigating Torvik Bank over suspected money laundering.");
  EXPECT_TRUE(has(i, "Finland", Relation::kAccuse, "money laundering")) << dump(i);
  EXPECT_TRUE(has(i, "money laundering", Relation::kImplicates, "Torvik Bank")) << dump(i);
  // A participle between a preposition and its noun is no verb: the bank accuses no one.
  auto j = run("Auditors are looking at Torvik Bank over suspected fraud.");
  EXPECT_FALSE(has(j, "Torvik Bank", Relation::kAccuse, "fraud")) << dump(j);
}

TEST(WireClaims, ClaimsCalledAProvocationAreRejected) {
  auto g =
      run("Finland accused Torvik Bank of fraud. Torvik called the accusations a "
          "provocation.");
  EXPECT_TRUE(has(g, "Torvik Bank", Relation::kReject, "fraud")) << dump(g);
}

// ---- events ----
TEST(WireEvents, ACancelledContractIsASanction) {
  auto g = run("Peru suspended a mining contract with Kestrel Mining on Friday.");
  EXPECT_TRUE(has(g, "Peru", Relation::kSanction, "Kestrel Mining")) << dump(g);
  auto h = run("Peru cancelled its agreement with Kestrel Mining.");
  EXPECT_TRUE(has(h, "Peru", Relation::kSanction, "Kestrel Mining")) << dump(h);
  // Suspending a ban eases it.
  auto c = run("Peru suspended the ban on Kestrel Mining.");
  EXPECT_FALSE(has(c, "Peru", Relation::kSanction, "Kestrel Mining")) << dump(c);
}

TEST(WireSubjects, TheGovernmentIsTheActingStateNotAnEnvoysCountry) {
  auto g =
      run("Niger expelled a Belgian envoy. The government also suspended the activities "
          "of the Red Cross.");
  EXPECT_TRUE(has(g, "Niger", Relation::kSanction, "Red Cross")) << dump(g);
  EXPECT_FALSE(has(g, "Belgium", Relation::kSanction, "Red Cross")) << dump(g);
}

TEST(WireEvents, ATiesNounGovernsItsOwnPhraseOnly) {
  // "suppliers in Europe, including X of Lyon": no "supplier of Lyon".
  auto g =
      run("Ravenhill Motors buys engines from suppliers in Europe, including Kaltix "
          "Energy of Lyon.");
  EXPECT_TRUE(has(g, "Kaltix Energy", Relation::kSupplies, "Ravenhill Motors")) << dump(g);
  EXPECT_FALSE(g.find_named("Lyon").has_value()) << dump(g);
}

TEST(WireEvents, ASanctionWithoutByIsTheLastSpeakingStates) {
  auto g =
      run("The Finnish Customs Agency said Kestrel Mining and Orsa Capital had smuggled "
          "arms. Both companies were placed on a blacklist.");
  EXPECT_TRUE(has(g, "Customs Agency", Relation::kSanction, "Kestrel Mining")) << dump(g);
  EXPECT_TRUE(has(g, "Customs Agency", Relation::kSanction, "Orsa Capital")) << dump(g);
  // A company does not sanction: with no state or agency as a recent subject, no agent.
  auto h = run("Orsa Capital said Kestrel Mining had smuggled arms. Kestrel Mining was banned.");
  EXPECT_FALSE(has(h, "Orsa Capital", Relation::kSanction, "Kestrel Mining")) << dump(h);
}

TEST(WireClaims, InnocenceClaimedRejectsTheLatestClaim) {
  auto g =
      run("Finland accused Torvik Bank of fraud. Torvik Bank said it had done nothing "
          "wrong.");
  EXPECT_TRUE(has(g, "Torvik Bank", Relation::kReject, "fraud")) << dump(g);
  auto h =
      run("Finland accused Torvik Bank of fraud. The bank insisted it had complied with "
          "all rules.");
  EXPECT_TRUE(has(h, "Torvik Bank", Relation::kReject, "fraud")) << dump(h);
}

TEST(WireEvents, AThreatenedSanctionIsAThreatOnly) {
  auto g = run("Sweden threatened sanctions against Norway.");
  EXPECT_TRUE(has(g, "Sweden", Relation::kThreaten, "Norway")) << dump(g);
  EXPECT_FALSE(has(g, "Sweden", Relation::kSanction, "Norway")) << dump(g);
}

TEST(WireTies, AUnitOrAShareholderIsOwnership) {
  auto g = run("Kestrel Mining is a unit of Orsa Capital.");
  EXPECT_TRUE(has(g, "Orsa Capital", Relation::kOwns, "Kestrel Mining")) << dump(g);
  auto h = run("Orsa Capital is the largest shareholder in Kestrel Mining.");
  EXPECT_TRUE(has(h, "Orsa Capital", Relation::kOwns, "Kestrel Mining")) << dump(h);
}

TEST(WireEvents, SeizingAndDeportingAreCoercion) {
  // ONTOLOGY.md: COERCE "arrests, seizes, expels", not SANCTION.
  auto g = run("Peru seized assets belonging to Kestrel Mining.");
  EXPECT_TRUE(has(g, "Peru", Relation::kCoerce, "Kestrel Mining")) << dump(g);
  EXPECT_FALSE(has(g, "Peru", Relation::kSanction, "Kestrel Mining")) << dump(g);
  auto h = run("Peru deported two executives of Kestrel Mining.");
  EXPECT_TRUE(has(h, "Peru", Relation::kCoerce, "Kestrel Mining")) << dump(h);
}

// ---- sales ----
TEST(WireSales, SellingACompanyOrAStakeChangesItsOwnerAndSuppliesNothing) {
  auto g = run("Brenner Holdings sold its 40 percent stake in Kaltix Energy to Orsa Capital.");
  EXPECT_TRUE(has(g, "Orsa Capital", Relation::kOwns, "Kaltix Energy")) << dump(g);
  EXPECT_FALSE(has(g, "Brenner Holdings", Relation::kSupplies, "Orsa Capital")) << dump(g);
  auto h = run("Brenner Holdings sold Kaltix Energy to Orsa Capital for $2 billion.");
  EXPECT_TRUE(has(h, "Orsa Capital", Relation::kOwns, "Kaltix Energy")) << dump(h);
  EXPECT_FALSE(has(h, "Brenner Holdings", Relation::kSupplies, "Orsa Capital")) << dump(h);
  // Goods sold are supplied.
  auto s = run("Kaltix Energy sold turbines to Orsa Capital.");
  EXPECT_TRUE(has(s, "Kaltix Energy", Relation::kSupplies, "Orsa Capital")) << dump(s);
}

}  // namespace
}  // namespace stakegraph::io
