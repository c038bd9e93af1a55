// General-English extraction rules for who acts (subjects, possessors, groups that speak for
// a body), party and company names, and claims whose accuser is not named (issue 11). Every
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

// ---- who acts ----
TEST(Subjects, APossessedBodyActsNotItsCountry) {
  // The party acts, and no name says which party: no edge from Kenya; the claim and whom it
  // implicates still stand.
  auto g = run("Kenya's main opposition party accused the ruling Umoja Party of fraud.");
  EXPECT_FALSE(has(g, "Kenya", Relation::kAccuse, "fraud")) << dump(g);
  EXPECT_TRUE(has(g, "fraud", Relation::kImplicates, "Umoja Party")) << dump(g);
  // A state's own body still acts for it when it is named or is the government.
  auto h = run("Kenya's government criticised Tanzania.");
  EXPECT_TRUE(has(h, "Kenya", Relation::kAccuse, "Tanzania")) << dump(h);
}

TEST(Subjects, ARankedBankIsNoInstitutionOfTheState) {
  // "Brazil's largest bank" is one bank among many: neither an agency of Brazil nor Brazil.
  auto g = run("Brazil's largest bank sued Argentina.");
  EXPECT_FALSE(has(g, "Brazil", Relation::kAccuse, "Argentina")) << dump(g);
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v)
    EXPECT_NE(g.node(v).kind, Kind::kAgency) << dump(g);
  // The central bank is the state's.
  auto h = run("Kenya's central bank criticised the IMF.");
  EXPECT_EQ(kind_of(h, "Central Bank of Kenya"), Kind::kAgency) << dump(h);
  EXPECT_TRUE(has(h, "Central Bank of Kenya", Relation::kAccuse, "IMF")) << dump(h);
}

TEST(Subjects, AGroupFromOrForABodySpeaksForIt) {
  // "observers from X", "lawyers for X", "a delegation from X": X acts.
  auto g =
      run("Observers from the OSCE criticised Belarus. Lawyers for Zentek Systems sued "
          "Peru. A delegation from Chile met Bolivian officials.");
  EXPECT_TRUE(has(g, "OSCE", Relation::kAccuse, "Belarus")) << dump(g);
  EXPECT_TRUE(has(g, "Zentek Systems", Relation::kAccuse, "Peru")) << dump(g);
  EXPECT_TRUE(has(g, "Chile", Relation::kConsult, "Bolivia")) << dump(g);
  auto h = run("Officials at the Environmental Protection Agency criticised Banta Logistics.");
  EXPECT_TRUE(has(h, "Environmental Protection Agency", Relation::kAccuse, "Banta Logistics"))
      << dump(h);
}

// ---- claims ----
TEST(SubjectClaims, ATimePhraseBeforeOfKeepsTheClaim) {
  // "accused X in March of Y", "accused X last week of Y".
  auto g =
      run("Senator Lena Brandt accused Corvex Tech in March of selling user data. Peru "
          "accused Chile last week of spying.");
  EXPECT_TRUE(has(g, "selling user data", Relation::kImplicates, "Corvex Tech")) << dump(g);
  EXPECT_TRUE(has(g, "Lena Brandt", Relation::kAccuse, "selling user data")) << dump(g);
  EXPECT_TRUE(has(g, "spying", Relation::kImplicates, "Chile")) << dump(g);
}

// ---- names ----
TEST(SubjectNames, APartyKeepsItsDemonymAndIsFoundWithout) {
  auto g =
      run("The Fenlandic People's Party won. Later the ruling Moravian Workers' Party (MWP) "
          "denied the claims.");
  // "Fenlandic" is no demonym of a known country: the name is as written.
  EXPECT_TRUE(g.find_named("Fenlandic People's Party").has_value()) << dump(g);
  auto h =
      run("The ruling Mongolian Workers' Party criticised Russia. The Workers' Party "
          "then criticised China.");
  ASSERT_TRUE(h.find_named("Mongolian Workers' Party").has_value()) << dump(h);
  EXPECT_EQ(h.find_named("Workers' Party"), h.find_named("Mongolian Workers' Party")) << dump(h);
  EXPECT_TRUE(has(h, "Mongolian Workers' Party", Relation::kAccuse, "China")) << dump(h);
}

TEST(SubjectNames, TechNamesACompanyEvenFirstInTheSentence) {
  auto g = run("Corvex Tech was added to the blacklist by the Commerce Department.");
  EXPECT_EQ(kind_of(g, "Corvex Tech"), Kind::kVendor) << dump(g);
}

TEST(SubjectNames, MultinationalsOfTheShippedListsAreActors) {
  // The shipped actor lists code Exxon and BP as multinational companies (MNC): actors by
  // default, by one capitalised word or an acronym; a sentence-initial word that reads as no
  // name ("Total exports rose") stays a word.
  auto g = run("Russia froze the assets of BP and Exxon. Total exports rose.", true);
  EXPECT_TRUE(has(g, "Russia", Relation::kCoerce, "BP")) << dump(g);
  EXPECT_TRUE(has(g, "Russia", Relation::kCoerce, "Exxon")) << dump(g);
  EXPECT_EQ(kind_of(g, "Exxon"), Kind::kOrganization) << dump(g);
  EXPECT_FALSE(g.find_named("Total").has_value()) << dump(g);
}

// ---- claims behind penalties, charges and inquiries ----
TEST(SubjectClaims, ChargesFinesAndArrestsStateTheirClaim) {
  // The wrong after "with"/"for"/"on suspicion of" is a claim of the actor against the
  // target; a fine or an arrest stays an edge of its own, a charge becomes the claim.
  auto g =
      run("Peru charged Corvex Tech with fraud. Kenya fined Orlan Foods for misleading "
          "investors. Chile arrested Banta Logistics on suspicion of smuggling.");
  EXPECT_TRUE(has(g, "Peru", Relation::kAccuse, "fraud")) << dump(g);
  EXPECT_TRUE(has(g, "fraud", Relation::kImplicates, "Corvex Tech")) << dump(g);
  EXPECT_FALSE(has(g, "Peru", Relation::kAccuse, "Corvex Tech")) << dump(g);
  EXPECT_TRUE(has(g, "Kenya", Relation::kSanction, "Orlan Foods")) << dump(g);
  EXPECT_TRUE(has(g, "misleading investors", Relation::kImplicates, "Orlan Foods")) << dump(g);
  EXPECT_TRUE(has(g, "Kenya", Relation::kAccuse, "misleading investors")) << dump(g);
  EXPECT_TRUE(has(g, "smuggling", Relation::kImplicates, "Banta Logistics")) << dump(g);
  // Praise for something is no claim.
  auto h = run("Peru praised Chile for acting.");
  EXPECT_EQ(h.node_count(), 2u) << dump(h);
}

TEST(SubjectClaims, PassiveChargesImplicateTheSubject) {
  auto g =
      run("Corvex Tech was charged with fraud. Orlan Foods is suspected of bribery. "
          "Banta Logistics was fined by Kenya for dumping waste.");
  EXPECT_TRUE(has(g, "fraud", Relation::kImplicates, "Corvex Tech")) << dump(g);
  EXPECT_TRUE(has(g, "bribery", Relation::kImplicates, "Orlan Foods")) << dump(g);
  EXPECT_TRUE(has(g, "Kenya", Relation::kSanction, "Banta Logistics")) << dump(g);
  EXPECT_TRUE(has(g, "Kenya", Relation::kAccuse, "dumping waste")) << dump(g);
  EXPECT_TRUE(has(g, "dumping waste", Relation::kImplicates, "Banta Logistics")) << dump(g);
}

TEST(SubjectClaims, AllegationsAndInquiriesWithoutANamedAccuser) {
  // A lawsuit is no actor, but what it alleges still implicates; an inquiry "whether X
  // did" is a claim of the inquirer.
  auto g =
      run("The lawsuit alleges that Corvex Tech sold user data. Kenya is investigating "
          "whether Orlan Foods misled investors.");
  EXPECT_TRUE(has(g, "sold user data", Relation::kImplicates, "Corvex Tech")) << dump(g);
  EXPECT_TRUE(has(g, "Kenya", Relation::kAccuse, "misled investors")) << dump(g);
  EXPECT_TRUE(has(g, "misled investors", Relation::kImplicates, "Orlan Foods")) << dump(g);
  EXPECT_FALSE(has(g, "Kenya", Relation::kAccuse, "Orlan Foods")) << dump(g);
}

TEST(SubjectClaims, DeniedAllegationsThatItDid) {
  auto g = run("Canada denied allegations that it had spied on Peru.");
  EXPECT_TRUE(has(g, "Canada", Relation::kReject, "spied on Peru")) << dump(g);
  EXPECT_TRUE(has(g, "spied on Peru", Relation::kImplicates, "Canada")) << dump(g);
}

// ---- threats and conditions ----
TEST(SubjectEvents, AVowedActIsAThreatAndAConditionNoFact) {
  auto g =
      run("Iran vowed to retaliate against Israel. Russia warned Finland of consequences "
          "if it joined NATO.");
  EXPECT_TRUE(has(g, "Iran", Relation::kThreaten, "Israel")) << dump(g);
  EXPECT_FALSE(has(g, "Iran", Relation::kSanction, "Israel")) << dump(g);
  EXPECT_TRUE(has(g, "Russia", Relation::kThreaten, "Finland")) << dump(g);
  EXPECT_FALSE(has(g, "Russia", Relation::kMemberOf, "NATO")) << dump(g);
  EXPECT_FALSE(has(g, "Finland", Relation::kMemberOf, "NATO")) << dump(g);
}

TEST(SubjectEvents, RaisedTariffsAreASanction) {
  auto g = run("India raised tariffs on Chinese steel. Peru raised interest rates.");
  EXPECT_TRUE(has(g, "India", Relation::kSanction, "China")) << dump(g);
  EXPECT_EQ(g.edge_count(), 1u) << dump(g);
}

// ---- ownership ----
TEST(SubjectTies, OwnershipNamedByPossessivesAndCompounds) {
  auto g =
      run("Orvex Mining's parent company, Tarsk Holdings, declined to comment. Halvard "
          "Group's Brisa Foods unit sued Peru. Lumen Air, Cadoro Capital's aviation arm, "
          "sued Chile. Nordal Shipping is majority-owned by Kessel Partners.");
  EXPECT_TRUE(has(g, "Tarsk Holdings", Relation::kOwns, "Orvex Mining")) << dump(g);
  EXPECT_TRUE(has(g, "Halvard Group", Relation::kOwns, "Brisa Foods")) << dump(g);
  EXPECT_TRUE(has(g, "Cadoro Capital", Relation::kOwns, "Lumen Air")) << dump(g);
  EXPECT_TRUE(has(g, "Kessel Partners", Relation::kOwns, "Nordal Shipping")) << dump(g);
  // "the parent of X" is the owner; "a wholly owned unit of Y" is owned by Y, never the
  // owner of Y; "State-owned" names no owner.
  auto h =
      run("Tarsk Holdings, the parent of Orvex Mining, said nothing. Brisa Foods, a wholly "
          "owned unit of Halvard Group, sued Peru. State-owned Petrona sued Chile.");
  EXPECT_TRUE(has(h, "Tarsk Holdings", Relation::kOwns, "Orvex Mining")) << dump(h);
  EXPECT_FALSE(has(h, "Orvex Mining", Relation::kOwns, "Tarsk Holdings")) << dump(h);
  EXPECT_TRUE(has(h, "Halvard Group", Relation::kOwns, "Brisa Foods")) << dump(h);
  EXPECT_FALSE(has(h, "Brisa Foods", Relation::kOwns, "Halvard Group")) << dump(h);
  EXPECT_FALSE(h.find_named("State").has_value()) << dump(h);
  // Any participle between a determiner and its noun modifies the noun: "the banned party"
  // is no ban by the subject.
  auto p = run("Peru welcomed the banned Freedom Party.");
  EXPECT_FALSE(has(p, "Peru", Relation::kSanction, "Freedom Party")) << dump(p);
}

TEST(SubjectClaims, WrongsAttributedOutsideTheirClause) {
  // "X did wrong, Y said" and "According to Y, X did wrong": Y's claim implicating X; an act
  // that is no wrong, or a negated one, is no claim.
  auto g = run("Chile violated the treaty, Peru said on Tuesday.");
  EXPECT_TRUE(has(g, "Peru", Relation::kAccuse, "violated the treaty")) << dump(g);
  EXPECT_TRUE(has(g, "violated the treaty", Relation::kImplicates, "Chile")) << dump(g);
  auto h = run("According to Bolivia, Corvex Tech evaded taxes.");
  EXPECT_TRUE(has(h, "Bolivia", Relation::kAccuse, "evaded taxes")) << dump(h);
  EXPECT_TRUE(has(h, "evaded taxes", Relation::kImplicates, "Corvex Tech")) << dump(h);
  auto n = run("Chile did not violate the treaty, Peru said. Chile signed the treaty, Peru said.");
  EXPECT_EQ(n.edge_count(), 0u) << dump(n);
}

TEST(SubjectClaims, ClaimsCalledFalseAreRejected) {
  // "called the allegations baseless", "said the claims were false": the speaker rejects the
  // claim; "were not false" is no denial.
  auto g = run("Peru accused Chile of spying. Chile called the allegations baseless.");
  EXPECT_TRUE(has(g, "Chile", Relation::kReject, "spying")) << dump(g);
  auto h = run("Peru accused Chile of spying. Chile said the claims were false.");
  EXPECT_TRUE(has(h, "Chile", Relation::kReject, "spying")) << dump(h);
  auto n = run("Peru accused Chile of spying. Bolivia said the claims were not false.");
  EXPECT_FALSE(has(n, "Bolivia", Relation::kReject, "spying")) << dump(n);
}

}  // namespace
}  // namespace stakegraph::io
