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
  auto g = run("Observers from the OSCE criticised Belarus. Lawyers for Zentek Systems sued "
               "Peru. A delegation from Chile met Bolivian officials.");
  EXPECT_TRUE(has(g, "OSCE", Relation::kAccuse, "Belarus")) << dump(g);
  EXPECT_TRUE(has(g, "Zentek Systems", Relation::kAccuse, "Peru")) << dump(g);
  EXPECT_TRUE(has(g, "Chile", Relation::kConsult, "Bolivia")) << dump(g);
}

// ---- claims ----
TEST(SubjectClaims, ATimePhraseBeforeOfKeepsTheClaim) {
  // "accused X in March of Y", "accused X last week of Y".
  auto g = run("Senator Lena Brandt accused Corvex Tech in March of selling user data. Peru "
               "accused Chile last week of spying.");
  EXPECT_TRUE(has(g, "selling user data", Relation::kImplicates, "Corvex Tech")) << dump(g);
  EXPECT_TRUE(has(g, "Lena Brandt", Relation::kAccuse, "selling user data")) << dump(g);
  EXPECT_TRUE(has(g, "spying", Relation::kImplicates, "Chile")) << dump(g);
}

// ---- names ----
TEST(SubjectNames, APartyKeepsItsDemonymAndIsFoundWithout) {
  auto g = run("The Fenlandic People's Party won. Later the ruling Moravian Workers' Party (MWP) "
               "denied the claims.");
  // "Fenlandic" is no demonym of a known country: the name is as written.
  EXPECT_TRUE(g.find_named("Fenlandic People's Party").has_value()) << dump(g);
  auto h = run("The ruling Mongolian Workers' Party criticised Russia. The Workers' Party "
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

}  // namespace
}  // namespace stakegraph::io
