// General-English rules on groups, lists and places met in wire copy (issue 11): the members
// a group noun lists after "including" are the targets of its verb, a place's conjunct is a
// place, "its" before a state body names the government it stands for. Every sentence is
// written for this test, with invented company and person names; none comes from an
// evaluation article.
#include <gtest/gtest.h>

#include <string>

#include "graph/graph.hpp"
#include "tests/support/extract_support.hpp"

namespace stakegraph::io {
namespace {

using graph::Kind;
using graph::Relation;

using namespace extract_support;

// ---- "including" lists the group's members ----
TEST(IncludingLists, TheMembersListedAreTheVerbsTargets) {
  for (bool dicts : {false, true}) {
    auto g =
        run("The United States sanctioned five shipping firms, including Delmar Shipping and "
            "Orvo Lines.",
            dicts);
    EXPECT_TRUE(has(g, "United States", Relation::kSanction, "Delmar Shipping")) << dump(g);
    EXPECT_TRUE(has(g, "United States", Relation::kSanction, "Orvo Lines")) << dump(g);
  }
}

TEST(IncludingLists, ASupplierListedAmongTheSellersSupplies) {
  auto g =
      run("Norlink Systems buys vacuum components from suppliers in Germany, including Varga "
          "Components of Ohio.",
          true);
  EXPECT_TRUE(has(g, "Varga Components", Relation::kSupplies, "Norlink Systems")) << dump(g);
  // The tie noun "suppliers" does not turn the buyer into the listed firm's supplier.
  EXPECT_FALSE(has(g, "Norlink Systems", Relation::kSupplies, "Varga Components")) << dump(g);
}

TEST(IncludingLists, ANamedObjectIsNotReplacedByTheList) {
  auto g = run("Italy sanctioned Delmar Shipping and its partners, including Orvo Lines.", true);
  EXPECT_TRUE(has(g, "Italy", Relation::kSanction, "Delmar Shipping")) << dump(g);
}

// ---- places ----
TEST(PlaceConjuncts, APlacesConjunctIsAPlaceNotASupplier) {
  auto g =
      run("Norlink Systems buys vacuum components from suppliers in Germany and Europe, "
          "including Varga Components of Ohio.",
          true);
  EXPECT_FALSE(has(g, "Europe", Relation::kSupplies, "Norlink Systems")) << dump(g);
  EXPECT_FALSE(has(g, "Germany", Relation::kSupplies, "Norlink Systems")) << dump(g);
  EXPECT_TRUE(has(g, "Varga Components", Relation::kSupplies, "Norlink Systems")) << dump(g);
}

// ---- "its" before a state body ----
TEST(PossessiveIts, ItsMinistryBelongsToTheGovernmentBeforeIt) {
  // The United States is the article's most mentioned government; "its" is Brazil.
  auto g =
      run("The United States imposed new curbs on Norlink Systems on Monday. The United "
          "States also urged its allies to follow. Brazil is expected to join the effort next "
          "year, although its Ministry of Mines and Energy said no decision had been made.",
          true);
  EXPECT_TRUE(has(g, "Ministry of Mines and Energy", Relation::kPartOf, "Brazil")) << dump(g);
  EXPECT_FALSE(has(g, "Ministry of Mines and Energy", Relation::kPartOf, "United States"))
      << dump(g);
}

// ---- names of bodies ----
TEST(BodyNames, AnInternationalBodysOwnCodeIsNoGovernment) {
  // The shipped dictionaries code it "IGO" alone: three letters, as a country's code.
  auto g =
      run("The Organisation for the Prohibition of Chemical Weapons accused Syria of using "
          "chlorine gas.",
          true);
  EXPECT_EQ(kind_of(g, "Organisation for the Prohibition of Chemical Weapons"), Kind::kOrganization)
      << dump(g);
}

TEST(BodyNames, AnAcronymBeforeABodyIsTheBodyItBelongsTo) {
  auto g = run("The UN Regional Affairs Office (URAO) urged Chile to act.", true);
  EXPECT_TRUE(has(g, "Regional Affairs Office", Relation::kRequest, "Chile")) << dump(g);
  EXPECT_FALSE(has(g, "United Nations", Relation::kRequest, "Chile")) << dump(g);
  EXPECT_TRUE(has(g, "Regional Affairs Office", Relation::kPartOf, "United Nations")) << dump(g);
  EXPECT_EQ(kind_of(g, "Regional Affairs Office"), Kind::kOrganization) << dump(g);
}

TEST(BodyNames, AnOfficeOfAnInternationalBodyIsPartOfIt) {
  auto g =
      run("An observation mission from the Democratic Rights Office (DRO) of the "
          "Organization for Security and Co-operation in Europe criticised Peru.",
          true);
  EXPECT_TRUE(has(g, "Democratic Rights Office", Relation::kPartOf, "OSCE")) << dump(g);
  EXPECT_FALSE(has(g, "Democratic Rights Office", Relation::kPartOf, "Peru")) << dump(g);
}

// ---- requests named by nouns ----
TEST(RequestNouns, ARequestAfterADeterminerIsNoActOfAsking) {
  auto g = run("Chile rejected the request from Peru.", true);
  EXPECT_FALSE(has(g, "Chile", Relation::kRequest, "Peru")) << dump(g);
  EXPECT_TRUE(has(g, "Chile", Relation::kReject, "Peru")) << dump(g);
}

TEST(RequestNouns, TheVerbStillAsks) {
  auto g = run("Chile requested help from Peru.", true);
  EXPECT_TRUE(has(g, "Chile", Relation::kRequest, "Peru")) << dump(g);
}

// ---- a clause joined by ", and" ----
TEST(ClauseBoundaries, AnObjectIsNotLookedForPastCommaAnd) {
  // The object of "rejected" is the demand; the spokesman belongs to the next clause.
  auto g =
      run("Oman rejected the proposal, and foreign ministry spokesman Karim Haddad said talks "
          "would go on.",
          true);
  EXPECT_FALSE(has(g, "Oman", Relation::kReject, "Karim Haddad")) << dump(g);
}

TEST(ClauseBoundaries, AListWithASerialCommaIsStillOneObject) {
  auto g = run("Chile sanctioned Peru, Bolivia, and Ecuador.", true);
  EXPECT_TRUE(has(g, "Chile", Relation::kSanction, "Ecuador")) << dump(g);
  EXPECT_TRUE(has(g, "Chile", Relation::kSanction, "Peru")) << dump(g);
}

// ---- who, and ministers without a portfolio ----
TEST(RelativeWho, WhoIsThePersonBeforeTheApposition) {
  auto g =
      run("Claims were made by Sara Lind, a Labour Party lawmaker, who accused Norlink Systems "
          "of fraud.",
          true);
  EXPECT_TRUE(has(g, "Sara Lind", Relation::kAccuse, "fraud")) << dump(g);
  EXPECT_FALSE(has(g, "Labour Party", Relation::kAccuse, "fraud")) << dump(g);
}

TEST(MinisterTitles, AMinisterWithoutPortfolioAfterAMinistrySpeaksForIt) {
  // Peru is the only government named; the vice minister is the ministry's.
  auto g =
      run("Peru's government met the miners on Monday. The Ministry of Mines said it would "
          "review the rules. \"We want compliance,\" Vice Minister Omar Haddad said.",
          true);
  EXPECT_TRUE(has(g, "Omar Haddad", Relation::kPartOf, "Ministry of Mines")) << dump(g);
}

// ---- descriptions ----
TEST(Descriptions, ABareDescriptionRepeatsTheHeadOfAFullerOne) {
  // "the group" is the one first called "the armed group", not the charity named since.
  auto g =
      run("The Kadra Front has besieged the town since March. The armed group attacked a food "
          "convoy on Sunday. The convoy belonged to Hope Alliance, a local charity. Chile "
          "condemned the group on Monday.",
          true);
  EXPECT_TRUE(has(g, "Chile", Relation::kAccuse, "Kadra Front")) << dump(g);
  EXPECT_FALSE(has(g, "Chile", Relation::kAccuse, "Hope Alliance")) << dump(g);
}

}  // namespace
}  // namespace stakegraph::io
