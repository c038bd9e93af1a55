// General-English extraction rules for bodies, titles, claims and bare institution nouns
// (issue 11), each on sentences written for this test: no sentence comes from an evaluation
// article, and the company and person names are invented.
#include <gtest/gtest.h>

#include <string>

#include "graph/graph.hpp"
#include "io/extract_text.hpp"
#include "tests/support/extract_support.hpp"

namespace stakegraph::io {
namespace {

using graph::Kind;
using graph::Relation;

using namespace extract_support;

// ---- international bodies of the event-data dictionaries ----
TEST(DictionaryBodies, InternationalBodiesAreActorsByDefault) {
  // The shipped actor lists name UNICEF and the World Food Programme (IGO codes); without the
  // whole lists (the default), such bodies are still actors, and their synonyms one node.
  auto g =
      run("Norway gave 5 million dollars to the World Food Programme. WFP said the food would "
          "reach Haiti. UNICEF criticised Harbor Foods.",
          true);
  ASSERT_TRUE(g.find_named("World Food Programme").has_value()) << dump(g);
  EXPECT_EQ(kind_of(g, "World Food Programme"), Kind::kOrganization) << dump(g);
  EXPECT_EQ(g.find_named("WFP"), g.find_named("World Food Programme")) << dump(g);
  EXPECT_EQ(kind_of(g, "UNICEF"), Kind::kOrganization) << dump(g);
  EXPECT_TRUE(has(g, "UNICEF", Relation::kAccuse, "Harbor Foods")) << dump(g);
}

TEST(DictionaryBodies, OnlyBodiesAndNotWhereTheLexiconNamesTheActor) {
  // "The European Union" stays the lexicon's European Union; a one-word country synonym of
  // the lists (the district "Chaparhar") is no actor without the whole lists.
  auto g = run("The European Union criticised Harbor Foods. Chaparhar was quiet.", true);
  EXPECT_EQ(kind_of(g, "European Union"), Kind::kGovernment) << dump(g);
  EXPECT_EQ(g.node_count(), 2u) << dump(g);  // Harbor Foods and the European Union
  EXPECT_FALSE(g.find_named("Afghanistan").has_value()) << dump(g);
  ExtractOptions o;
  o.dictionaries = &dicts();
  o.dictionary_bodies = false;
  graph::Graph off;
  ArticleText a;
  a.id = "t";
  a.body = "UNICEF criticised Harbor Foods.";
  Extractor(lex(), o).extract(a, off);
  // An acronym acting opens a name of its own (names.cpp), but no dictionary codes it.
  if (auto v = off.find_named("UNICEF")) {
    for (const auto& [key, value] : off.node(*v).attributes) {
      EXPECT_NE(key, "code") << dump(off);
    }
  }
}

// ---- names ----
TEST(RoleNames, SystemsAndComponentsNameCompanies) {
  auto g =
      run("Vantor Systems said it would appeal. Marlow Components of Ohio sells parts to Vantor "
          "Systems.");
  EXPECT_EQ(kind_of(g, "Vantor Systems"), Kind::kVendor) << dump(g);
  EXPECT_TRUE(has(g, "Marlow Components", Relation::kSupplies, "Vantor Systems")) << dump(g);
}

// ---- titles ----
TEST(RoleTitles, ATitlesModifierKeepsThePersonWithTheBody) {
  // "country director", "chief financial officer": a lower-case modifier inside the title.
  auto g =
      run("Harbor Foods chief financial officer Lena Varga resigned. UNICEF country director Tomas "
          "Ek said the aid had arrived.",
          true);
  EXPECT_TRUE(has(g, "Lena Varga", Relation::kPartOf, "Harbor Foods")) << dump(g);
  EXPECT_TRUE(has(g, "Tomas Ek", Relation::kPartOf, "UNICEF")) << dump(g);
  // Not a title: "Harbor Foods told director..." has a verb between the body and the person.
  auto h = run("Harbor Foods told director Lena Varga to resign.");
  EXPECT_FALSE(has(h, "Lena Varga", Relation::kPartOf, "Harbor Foods")) << dump(h);
}

// ---- claims ----
TEST(RoleClaims, TheAccusedsAcronymInBracketsDoesNotHideTheClaim) {
  auto g =
      run("The Green League accused the ruling Northern Party (NP) of buying votes in the "
          "provinces.");
  auto claim = g.find_named("buying votes in the provinces");
  ASSERT_TRUE(claim.has_value()) << dump(g);
  EXPECT_EQ(g.node(*claim).kind, Kind::kAllegation);
  EXPECT_TRUE(has(g, "Green League", Relation::kAccuse, "buying votes in the provinces"))
      << dump(g);
  EXPECT_TRUE(has(g, "buying votes in the provinces", Relation::kImplicates, "Northern Party"))
      << dump(g);
}

TEST(RoleClaims, AnAccusedThatIsNoActorIsNotPartOfTheClaim) {
  // "the government" of no known country: the claim is "rigging the count", without it.
  auto g = run("Opposition leader Kari Lind accused the government of rigging the count.");
  EXPECT_TRUE(has(g, "Kari Lind", Relation::kAccuse, "rigging the count")) << dump(g);
  EXPECT_FALSE(g.find_named("government of rigging the count").has_value()) << dump(g);
}

// ---- bare institution nouns ----
TEST(RoleInstitutions, BarePoliceAreThePoliceTheArticleNamed) {
  auto g =
      run("The Northland Police Service said it was investigating. Police in the port city on "
          "Monday detained Ivo Brand. The police questioned Marta Sell.");
  EXPECT_TRUE(has(g, "Northland Police Service", Relation::kCoerce, "Ivo Brand")) << dump(g);
  // Without a named police body, bare "police" is no actor.
  auto h = run("Police detained Ivo Brand on Monday.");
  EXPECT_EQ(h.node_count(), 1u) << dump(h);
}

// ---- verbs of the lexicon ----
TEST(RoleVerbs, MoneyPledgedToABodyIsAid) {
  auto g = run("Norway pledged 4 million euros to the Sahel Relief Fund on Monday.");
  EXPECT_TRUE(has(g, "Norway", Relation::kAid, "Sahel Relief Fund")) << dump(g);
}

TEST(RoleVerbs, TwoThatMetMeetEachOtherButNotTheirTargets) {
  auto g = run("Peru and Chile met in Lima on Monday.");
  EXPECT_TRUE(has(g, "Peru", Relation::kConsult, "Chile")) << dump(g);
  EXPECT_TRUE(has(g, "Chile", Relation::kConsult, "Peru")) << dump(g);
  auto h = run("Peru and Chile met their export targets.");
  EXPECT_EQ(h.edge_count(), 0u) << dump(h);
}

TEST(RoleVerbs, AppealingARulingAndDisagreeingRejectTheBody) {
  auto g =
      run("Harbor Foods will appeal the decision of the Competition Board. Vantor Systems said it "
          "disagrees with the Trade Tribunal.");
  EXPECT_TRUE(has(g, "Harbor Foods", Relation::kReject, "Competition Board")) << dump(g);
  EXPECT_TRUE(has(g, "Vantor Systems", Relation::kReject, "Trade Tribunal")) << dump(g);
}

TEST(RoleVerbs, ACompletedTakeoverIsOwnership) {
  auto g = run("Harbor Foods completed its takeover of Brine Fisheries in March.");
  EXPECT_TRUE(has(g, "Harbor Foods", Relation::kOwns, "Brine Fisheries")) << dump(g);
}

// ---- partial quotes ----
// The words of a body's tokens, quotation marks shown as <q>, after drop_partial_quotes.
std::string words_after_dropping(const std::string& body, std::vector<char>& quoted) {
  TextLayout L = split_text(body);
  drop_partial_quotes(L, quoted);
  std::string out;
  for (const auto& s : L.sentences) {
    for (std::size_t k = s.first; k < s.last; ++k) {
      const Token& t = L.tokens[k];
      out +=
          t.type == TokenType::kQuote ? std::string("<q>") : body.substr(t.start, t.end - t.start);
      out += ' ';
    }
    out += "| ";
  }
  return out;
}

TEST(PartialQuotes, ShortQuotedPhrasesInAClauseLoseTheirMarks) {
  std::vector<char> quoted;
  EXPECT_EQ(words_after_dropping("Acme said it \"fully backs\" the plan. No quotes here.", quoted),
            "Acme said it fully backs the plan . | No quotes here . | ");
  EXPECT_EQ(quoted, (std::vector<char>{1, 0}));
  // Kept: a quotation opening the sentence, after a verb of saying, in the first person,
  // longer than three words, or a name in quotes.
  const std::string kept =
      "\"We object,\" Acme said. Acme said \"no deal\". Acme called it \"our plan\". "
      "Acme called it \"a plan that cannot work\". Acme backs the \"Clean Shores\" plan.";
  const std::string out = words_after_dropping(kept, quoted);
  EXPECT_EQ(out,
            "<q> We object , <q> Acme said . | Acme said <q> no deal <q> . | Acme called it <q> "
            "our plan <q> . | Acme called it <q> a plan that cannot work <q> . | Acme backs the "
            "<q> Clean Shores <q> plan . | ");
}

TEST(PartialQuotes, AVerbInScareQuotesStillTakesItsObject) {
  auto g =
      run("The Trade Tribunal fined Harbor Foods on Monday. The Health Ministry said it \"fully "
          "supports\" the Trade Tribunal's decision.");
  EXPECT_TRUE(has(g, "Health Ministry", Relation::kSupport, "Trade Tribunal")) << dump(g);
}

// ---- reported clauses ----
TEST(RoleClauses, AClauseReportedWithoutThatHasItsOwnSubject) {
  auto g = run("Trade Minister Ola Berg said Norway would seek compensation from Sweden.");
  EXPECT_TRUE(has(g, "Norway", Relation::kRequest, "Sweden")) << dump(g);
  EXPECT_FALSE(has(g, "Ola Berg", Relation::kRequest, "Sweden")) << dump(g);
  // After "told", the one spoken to is no subject.
  auto h = run("Harbor Foods told Reuters it would sue the Trade Tribunal.");
  EXPECT_TRUE(has(h, "Harbor Foods", Relation::kAccuse, "Trade Tribunal")) << dump(h);
  EXPECT_FALSE(has(h, "Reuters", Relation::kAccuse, "Trade Tribunal")) << dump(h);
  // A pronoun after "said" is the speaker's own clause (found on real wire copy, the 1987
  // Reuters articles of tests/data/reuters).
  auto p =
      run("A Norwegian minister said he had given the Swedish government a clear warning of "
          "sanctions against Swedish banks.");
  EXPECT_TRUE(has(p, "Norway", Relation::kThreaten, "Sweden")) << dump(p);
}

TEST(RoleClauses, AfterHasADictionaryVerbIsAParticiple) {
  // "close" in "has close ties" is an adjective; "has cut ties" is the verb.
  auto g = run("Harbor Foods has close ties to the Northern Party.", true);
  EXPECT_FALSE(has(g, "Harbor Foods", Relation::kSanction, "Northern Party")) << dump(g);
  auto h = run("Peru has cut ties with Chile.", true);
  EXPECT_TRUE(has(h, "Peru", Relation::kSanction, "Chile")) << dump(h);
}

TEST(RoleClaims, AnActDoneWithoutConsentIsAClaim) {
  // A finding or a statement that another actor did something without consent or
  // permission states a wrong, whatever its verb; "without" negates nothing here.
  auto g =
      run("The Privacy Board fined Orla Fitness, ruling that it had shared the data of its members "
          "with advertisers without their consent.");
  EXPECT_TRUE(has(g, "Privacy Board", Relation::kSanction, "Orla Fitness")) << dump(g);
  const std::string claim = "shared the data of its members with advertisers without their consent";
  EXPECT_TRUE(has(g, "Privacy Board", Relation::kAccuse, claim)) << dump(g);
  // "it" is the one fined, not the board that rules.
  EXPECT_TRUE(has(g, claim, Relation::kImplicates, "Orla Fitness")) << dump(g);
  EXPECT_FALSE(has(g, claim, Relation::kImplicates, "Privacy Board")) << dump(g);
  auto h = run("The Privacy Board said Orla Fitness had copied user files without permission.");
  EXPECT_TRUE(has(h, "copied user files without permission", Relation::kImplicates, "Orla Fitness"))
      << dump(h);
  // With consent, no claim.
  auto n = run("The Privacy Board said Orla Fitness had copied user files with permission.");
  EXPECT_EQ(n.edge_count(), 0u) << dump(n);
}

TEST(RoleVerbs, SendingIsAidWhenWhatIsSentIsAid) {
  auto g = run("Japan sent 200 tonnes of rice to Haiti.");
  EXPECT_TRUE(has(g, "Japan", Relation::kAid, "Haiti")) << dump(g);
  auto h = run("Orla Fitness sent the files of its members to Brazil.");
  EXPECT_FALSE(has(h, "Orla Fitness", Relation::kAid, "Brazil")) << dump(h);
}

TEST(RoleNames, NewspapersCloudsAndACountrysOrganisation) {
  auto g =
      run("The leak was first reported by Nairobi Tech Daily. The files sat on servers run by "
          "Pemba Cloud. Kenya's Central Food Standards Organisation (CFSO) inspected the plant.");
  EXPECT_EQ(kind_of(g, "Nairobi Tech Daily"), Kind::kMedia) << dump(g);
  // The city begins the newspaper's name: no Kenya from "Nairobi" there.
  EXPECT_EQ(kind_of(g, "Pemba Cloud"), Kind::kVendor) << dump(g);
  EXPECT_EQ(kind_of(g, "Central Food Standards Organisation"), Kind::kAgency) << dump(g);
  EXPECT_TRUE(has(g, "Central Food Standards Organisation", Relation::kPartOf, "Kenya")) << dump(g);
  auto h = run("The leak was first reported by Nairobi Tech Daily.");
  EXPECT_FALSE(h.find_named("Kenya").has_value()) << dump(h);
  // Elsewhere an organisation stays one: "the Sahel Farmers Organisation".
  auto o = run("The Sahel Farmers Organisation criticised Harbor Foods.");
  EXPECT_EQ(kind_of(o, "Sahel Farmers Organisation"), Kind::kOrganization) << dump(o);
}

}  // namespace
}  // namespace stakegraph::io
