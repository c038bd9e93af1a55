// General-English rules on who claims what of whom, met in wire copy (issue 11), and events
// named by nouns and clauses (io/extract/event_rules.cpp): a claim
// stated by a participle after the act ("sued X, alleging ..."), the subject of such a
// participle, an object pronoun that cannot be its own clause's subject, names the lexicon
// matches only as written at the start of a sentence, one-word titles with their article, a
// noun with a reduced relative, retaliation promised. Every sentence is written for this
// test, with invented company and person names; none comes from an evaluation article.
#include <gtest/gtest.h>

#include <string>

#include "graph/graph.hpp"
#include "tests/support/extract_support.hpp"

namespace stakegraph::io {
namespace {

using graph::Kind;
using graph::Relation;

using namespace extract_support;

// ---- claims stated by a participle after the act ----
TEST(ClaimParticiple, ASuitAllegingAWrongIsAClaimAgainstTheSued) {
  for (bool dicts : {false, true}) {
    auto g = run("Brightwell Foods sued Vodafone on Monday, alleging breach of contract.", dicts);
    EXPECT_TRUE(has(g, "Brightwell Foods", Relation::kAccuse, "breach of contract")) << dump(g);
    EXPECT_TRUE(has(g, "breach of contract", Relation::kImplicates, "Vodafone")) << dump(g);
  }
}

TEST(ClaimParticiple, ThatItHadIsLeftOutOfTheLabel) {
  auto g = run("Norway fined Kestrel Mining, alleging that it had polluted a fjord.", true);
  EXPECT_TRUE(has(g, "Norway", Relation::kAccuse, "polluted a fjord")) << dump(g);
  EXPECT_TRUE(has(g, "polluted a fjord", Relation::kImplicates, "Kestrel Mining")) << dump(g);
}

TEST(ClaimParticiple, TheParticiplesSubjectIsNeverTheObjectOfTheVerbBefore) {
  // Unnamed regulators fined the bank: the bank does not accuse itself.
  auto g = run("Regulators fined Harbor Trust Bank, alleging that it had misled savers.", true);
  EXPECT_FALSE(has(g, "Harbor Trust Bank", Relation::kAccuse, "misled savers")) << dump(g);
  EXPECT_TRUE(has(g, "misled savers", Relation::kImplicates, "Harbor Trust Bank")) << dump(g);
}

// ---- object pronouns ----
TEST(ObjectPronoun, AnObjectPronounIsTheOtherActorNotTheSubject) {
  auto g = run("Vodafone sued Telmora on Monday, accusing it of breaking the contract.", true);
  EXPECT_TRUE(has(g, "breaking the contract", Relation::kImplicates, "Telmora")) << dump(g);
  EXPECT_FALSE(has(g, "breaking the contract", Relation::kImplicates, "Vodafone")) << dump(g);
}

TEST(ObjectPronoun, WithNoOtherActorNamedThereIsNoClaimAgainstTheSubject) {
  // "it" is the union, which is no actor here: nothing implicates Vodafone.
  auto g = run("Vodafone sued the union, accusing it of breaking the contract.", true);
  EXPECT_FALSE(has(g, "breaking the contract", Relation::kImplicates, "Vodafone")) << dump(g);
}

// ---- names at the start of a sentence ----
TEST(InitialNames, ANameTheLexiconMatchesOnlyAsWrittenActsAtTheStart) {
  // "Apple" opens the sentence and acts (a verb follows); the article never writes "apple".
  auto g = run("Apple sued Vodafone over its fees.");
  EXPECT_TRUE(has(g, "Apple", Relation::kAccuse, "Vodafone")) << dump(g);
}

TEST(InitialNames, TheCommonWordAtTheStartIsNoName) {
  // "Orange juice": no verb follows; "Orange" opening the second sentence acts.
  auto g = run("Orange juice prices rose in Spain. Orange said it would cut jobs.");
  EXPECT_EQ(kind_of(g, "Orange"), Kind::kOperator) << dump(g);
  auto h = run("Orange juice prices rose in Spain.");
  EXPECT_EQ(kind_of(h, "Orange"), Kind::kUnspecified) << dump(h);
}

// ---- titles with their article ----
TEST(Titles, AOneWordTitleNeedsItsArticle) {
  // "Australian wine" is Australia's, not the newspaper The Australian.
  auto g = run("China imposed tariffs on Australian wine.");
  EXPECT_EQ(kind_of(g, "The Australian"), Kind::kUnspecified) << dump(g);
  EXPECT_TRUE(has(g, "China", Relation::kSanction, "Australia")) << dump(g);
  auto h = run("The Australian reported that China imposed tariffs.");
  EXPECT_EQ(kind_of(h, "The Australian"), Kind::kMedia) << dump(h);
}

// ---- nouns and threats ----
TEST(ReducedRelative, ANounBeforeAParticipleIsNoVerb) {
  // "the sanctions imposed by Norway": Chile does not sanction Norway.
  auto g = run("Chile criticised the sanctions imposed by Norway.");
  EXPECT_FALSE(has(g, "Chile", Relation::kSanction, "Norway")) << dump(g);
  EXPECT_TRUE(has(g, "Chile", Relation::kAccuse, "Norway")) << dump(g);
}

TEST(Threats, RetaliationPromisedIsAThreat) {
  auto g = run("Chile will retaliate against Norway.");
  EXPECT_TRUE(has(g, "Chile", Relation::kThreaten, "Norway")) << dump(g);
  EXPECT_FALSE(has(g, "Chile", Relation::kSanction, "Norway")) << dump(g);
  auto h = run("Chile retaliated against Norway.");
  EXPECT_TRUE(has(h, "Chile", Relation::kSanction, "Norway")) << dump(h);
}

// ---- sanctions written as lists, nouns and markets ----
TEST(Sanctions, BeingOnAStatesBlacklistIsItsSanction) {
  auto g = run("Corvane Systems has been on a Canadian trade blacklist since 2021.");
  EXPECT_TRUE(has(g, "Canada", Relation::kSanction, "Corvane Systems")) << dump(g);
  auto h = run("Corvane Systems is not on the Canadian trade blacklist.");
  EXPECT_FALSE(has(h, "Canada", Relation::kSanction, "Corvane Systems")) << dump(h);
}

TEST(Sanctions, AListIsNoActor) {
  auto g = run("Corvane Systems is on the Export Entity List.");
  EXPECT_EQ(kind_of(g, "Export Entity List"), Kind::kUnspecified) << dump(g);
}

TEST(Sanctions, PenaltiesAgainstXImposedByY) {
  auto g = run("The sanctions against Corvane Systems were imposed by Chile in May.");
  EXPECT_TRUE(has(g, "Chile", Relation::kSanction, "Corvane Systems")) << dump(g);
}

TEST(Sanctions, PlacingControlsOnXIsASanctionNotOwnership) {
  auto g = run("Chile placed export controls on Corvane Systems.");
  EXPECT_TRUE(has(g, "Chile", Relation::kSanction, "Corvane Systems")) << dump(g);
  EXPECT_FALSE(has(g, "Chile", Relation::kOwns, "Corvane Systems")) << dump(g);
}

TEST(Sanctions, HitWithSanctionsIsNoAttack) {
  auto g = run("Corvane Systems was hit with sanctions by Chile.");
  EXPECT_TRUE(has(g, "Chile", Relation::kSanction, "Corvane Systems")) << dump(g);
  EXPECT_FALSE(has(g, "Chile", Relation::kAssault, "Corvane Systems")) << dump(g);
}

TEST(Sanctions, BannedFromAStatesMarketIsThatStatesBan) {
  auto g = run("Corvane Systems was banned from the Australian market in 2019.");
  EXPECT_TRUE(has(g, "Australia", Relation::kSanction, "Corvane Systems")) << dump(g);
  EXPECT_EQ(kind_of(g, "The Australian"), Kind::kUnspecified) << dump(g);
}

// ---- support and acting together ----
TEST(Support, SupportAndSolidarityExpressedAreSupport) {
  auto g = run("Chile expressed support for Peru. Bolivia voiced solidarity with Peru.");
  EXPECT_TRUE(has(g, "Chile", Relation::kSupport, "Peru")) << dump(g);
  EXPECT_TRUE(has(g, "Bolivia", Relation::kSupport, "Peru")) << dump(g);
  auto h = run("Uruguay stands with Paraguay.");
  EXPECT_TRUE(has(h, "Uruguay", Relation::kSupport, "Paraguay")) << dump(h);
}

TEST(Support, JoiningAnotherInAnActIsNoMembership) {
  auto g = run("Chile joined Peru in condemning the blockade.");
  EXPECT_FALSE(has(g, "Chile", Relation::kMemberOf, "Peru")) << dump(g);
  EXPECT_TRUE(has(g, "Chile", Relation::kCooperate, "Peru")) << dump(g);
  auto h = run("Chile joined the Andean Community in 1969.");
  EXPECT_TRUE(has(h, "Chile", Relation::kMemberOf, "Andean Community")) << dump(h);
}

// ---- claims about a subject without a verb of accusing ----
TEST(SubjectClaims, AllegedToHaveIsAClaimAgainstTheSubject) {
  auto g =
      run("Tarn Copper said it would appeal. Tarn Copper is alleged to have bribed inspectors.");
  EXPECT_TRUE(has(g, "bribed inspectors", Relation::kImplicates, "Tarn Copper")) << dump(g);
}

TEST(SubjectClaims, AllegationsThatXDidIsAClaimAgainstX) {
  auto g =
      run("Tarn Copper said it would appeal. Chile's allegations that Tarn Copper bribed "
          "inspectors were rejected.");
  EXPECT_TRUE(has(g, "bribed inspectors", Relation::kImplicates, "Tarn Copper")) << dump(g);
  EXPECT_TRUE(has(g, "Chile", Relation::kAccuse, "bribed inspectors")) << dump(g);
  // Reports of a plan are no claim.
  auto h =
      run("Tarn Copper said it would appeal. Reports that Tarn Copper plans to expand were "
          "denied.");
  EXPECT_EQ(h.edge_count(), 0u) << dump(h);
}

TEST(SubjectClaims, GuiltAndImplicationAreClaimsAgainstTheSubject) {
  auto g = run("Tarn Copper said it would appeal. Tarn Copper was found guilty of negligence.");
  EXPECT_TRUE(has(g, "negligence", Relation::kImplicates, "Tarn Copper")) << dump(g);
  auto h = run("Tarn Copper said it would appeal. Tarn Copper pleaded guilty to tax evasion.");
  EXPECT_TRUE(has(h, "tax evasion", Relation::kImplicates, "Tarn Copper")) << dump(h);
  auto i = run("Tarn Copper said it would appeal. Tarn Copper was implicated in a bribery scheme.");
  EXPECT_TRUE(has(i, "bribery scheme", Relation::kImplicates, "Tarn Copper")) << dump(i);
  auto j = run("Tarn Copper said it would appeal. Tarn Copper was not found guilty of negligence.");
  EXPECT_FALSE(has(j, "negligence", Relation::kImplicates, "Tarn Copper")) << dump(j);
}

TEST(SubjectClaims, AConvictionIsForAClaim) {
  auto g = run("Tarn Copper said it would appeal. A Chilean court convicted Tarn Copper of fraud.",
               true);
  EXPECT_TRUE(has(g, "fraud", Relation::kImplicates, "Tarn Copper")) << dump(g);
  auto h =
      run("Tarn Copper said it would appeal. Tarn Copper was convicted of fraud by a "
          "Chilean court.",
          true);
  EXPECT_TRUE(has(h, "fraud", Relation::kImplicates, "Tarn Copper")) << dump(h);
  EXPECT_TRUE(has(h, "Chile", Relation::kAccuse, "fraud")) << dump(h);
}

TEST(SubjectClaims, AnAccuserTheTextDoesNotNameStillMakesAClaim) {
  auto g =
      run("Tarn Copper said it would appeal. The company has been accused by activists of "
          "poisoning a lake.",
          true);
  EXPECT_TRUE(has(g, "poisoning a lake", Relation::kImplicates, "Tarn Copper")) << dump(g);
}

// ---- bodies named in apposition ----
TEST(Bodies, ARegulatorNamedInAppositionIsAnAgencyOfItsState) {
  auto g = run("Chile's water regulator, Aguasur, fined Tarn Copper.");
  EXPECT_EQ(kind_of(g, "Aguasur"), Kind::kAgency) << dump(g);
  EXPECT_TRUE(has(g, "Aguasur", Relation::kPartOf, "Chile")) << dump(g);
  EXPECT_TRUE(has(g, "Aguasur", Relation::kSanction, "Tarn Copper")) << dump(g);
}

// ---- ownership ----
TEST(Ownership, APossessedShareholderOwnsPartOfThePossessor) {
  auto g = run("Tarn Copper's largest shareholder, Pumalin Capital, opposed the sale.");
  EXPECT_TRUE(has(g, "Pumalin Capital", Relation::kOwns, "Tarn Copper")) << dump(g);
}

TEST(Support, CompetingInAMarketIsNoEvent) {
  auto g =
      run("Tarn Copper and Pacifico Mining are rivals. Tarn Copper has been competing with "
          "Pacifico Mining for contracts in Peru.",
          true);
  EXPECT_FALSE(has(g, "Tarn Copper", Relation::kAccuse, "Pacifico Mining")) << dump(g);
}

TEST(Threats, TheOneAConditionNamesIsThreatened) {
  auto g = run("Chile warned that it would respond if Bolivia joined the pact.");
  EXPECT_TRUE(has(g, "Chile", Relation::kThreaten, "Bolivia")) << dump(g);
  auto h = run("Chile threatened to close the border if Bolivia raised tariffs.");
  EXPECT_TRUE(has(h, "Chile", Relation::kThreaten, "Bolivia")) << dump(h);
  auto i = run("Chile did not threaten to close the border if Bolivia raised tariffs.");
  EXPECT_FALSE(has(i, "Chile", Relation::kThreaten, "Bolivia")) << dump(i);
}

TEST(Threats, VowedRetaliationIsAThreat) {
  auto g = run("Chile vowed countermeasures against Bolivia.");
  EXPECT_TRUE(has(g, "Chile", Relation::kThreaten, "Bolivia")) << dump(g);
}

TEST(Speakers, ASpokesmanForXSpeaksForX) {
  auto g =
      run("Peru accused Tarn Copper of polluting a lake. A spokesman for Tarn Copper said "
          "the company had done nothing wrong.");
  EXPECT_TRUE(has(g, "Tarn Copper", Relation::kReject, "polluting a lake")) << dump(g);
  auto h = run("A spokeswoman for Tarn Copper criticised Peru.", true);
  EXPECT_TRUE(has(h, "Tarn Copper", Relation::kAccuse, "Peru")) << dump(h);
}

TEST(Speakers, AQuotedClaimIsItsSpeakersClaim) {
  auto g = run("\"Bolivia has violated the ceasefire,\" Chile's foreign ministry said.", true);
  EXPECT_TRUE(has(g, "violated the ceasefire", Relation::kImplicates, "Bolivia")) << dump(g);
  auto h = run("\"Bolivia has violated the ceasefire,\" Chile said.", true);
  EXPECT_TRUE(has(h, "Chile", Relation::kAccuse, "violated the ceasefire")) << dump(h);
}

TEST(Speakers, AClaimCalledFalseInAQuotationIsItsSpeakersDenial) {
  auto g =
      run("Peru accused Tarn Copper of polluting a lake. \"These accusations are false,\" "
          "Tarn Copper said in a statement.");
  EXPECT_TRUE(has(g, "Tarn Copper", Relation::kReject, "polluting a lake")) << dump(g);
}

// ---- events named by nouns and clauses (event_rules.cpp) ----
TEST(EventRules, ADemandWithAClauseIsARequestToItsSubject) {
  auto g = run("Chile demanded that Bolivia free the detained miners.");
  EXPECT_TRUE(has(g, "Chile", Relation::kRequest, "Bolivia")) << dump(g);
  // Insisting asserts; it asks no one.
  auto h = run("Chile insisted that Bolivia had no claim to the river.");
  EXPECT_FALSE(has(h, "Chile", Relation::kRequest, "Bolivia")) << dump(h);
}

TEST(EventRules, TalksBetweenTwoActorsAreConsultationsBothWays) {
  auto g = run("Talks between Chile and Bolivia resumed in Lima.");
  EXPECT_TRUE(has(g, "Chile", Relation::kConsult, "Bolivia")) << dump(g);
  EXPECT_TRUE(has(g, "Bolivia", Relation::kConsult, "Chile")) << dump(g);
}

TEST(EventRules, ANominalArrestByAnAgentIsCoercion) {
  auto g = run("The arrest of three Chilean miners by Bolivian police angered Santiago.");
  EXPECT_TRUE(has(g, "Bolivian police", Relation::kCoerce, "Chile")) << dump(g);
}

TEST(EventRules, AidOfferedIsAid) {
  auto g = run("Chile offered Bolivia an emergency loan.");
  EXPECT_TRUE(has(g, "Chile", Relation::kAid, "Bolivia")) << dump(g);
  auto h = run("Chile did not offer Bolivia an emergency loan.");
  EXPECT_FALSE(has(h, "Chile", Relation::kAid, "Bolivia")) << dump(h);
}

TEST(Ownership, ADemonymBeforeStateOwnedNamesTheOwningState) {
  auto g = run("The Chilean state-owned miner Tarn Copper said output fell.");
  EXPECT_TRUE(has(g, "Chile", Relation::kOwns, "Tarn Copper")) << dump(g);
  auto h = run("State-owned Tarn Copper said output fell.");
  EXPECT_EQ(h.edge_count(), 0u) << dump(h);
}

TEST(ClaimParticiple, APenaltysReasonGivenBySayingIsAClaim) {
  auto g =
      run("Chile fined Tarn Copper Mines $9 million on Friday, saying the company had "
          "failed to seal a leaking dam. Tarn Copper denied any wrongdoing.",
          true);
  EXPECT_TRUE(has(g, "failed to seal a leaking dam", Relation::kImplicates, "Tarn Copper"))
      << dump(g);
  EXPECT_TRUE(has(g, "Tarn Copper", Relation::kReject, "failed to seal a leaking dam")) << dump(g);
  // What the penaliser says of itself is no claim.
  auto h = run("Chile fined Tarn Copper, saying Chile would protect its rivers.", true);
  EXPECT_FALSE(has(h, "Chile", Relation::kAccuse, "protect its rivers")) << dump(h);
}

TEST(Subjects, AnAppositionsSubjectIsTheNounPhraseBeforeIt) {
  // "the miner" is no named actor: the agency that speaks owns nothing.
  auto g =
      run("The Chilean mining agency said the miner, a unit of Pacifico Holdings, ignored "
          "warnings.");
  EXPECT_EQ(g.edge_count(), 0u) << dump(g);
  // "a unit of Peru's Pacifico Holdings": the company owns, not its country.
  auto h = run("Tarn Copper, a unit of Peru's Pacifico Holdings, ignored warnings.");
  EXPECT_TRUE(has(h, "Pacifico Holdings", Relation::kOwns, "Tarn Copper")) << dump(h);
  EXPECT_FALSE(has(h, "Peru", Relation::kOwns, "Tarn Copper")) << dump(h);
}

TEST(Subjects, AnObjectBeforeAnInfinitiveIsItsSubject) {
  // Chile expects the company to cooperate: Chile does not cooperate with Bolivia.
  auto g = run("Chile expected the company to cooperate fully with Bolivian investigators.");
  EXPECT_FALSE(has(g, "Chile", Relation::kAgree, "Bolivia")) << dump(g);
  EXPECT_FALSE(has(g, "Chile", Relation::kCooperate, "Bolivia")) << dump(g);
}

TEST(Subjects, SeekingToActIsNoRequest) {
  auto g = run("Pacifico Holdings, which is seeking to buy Tarn Copper, declined to comment.");
  EXPECT_FALSE(has(g, "Pacifico Holdings", Relation::kRequest, "Tarn Copper")) << dump(g);
}

}  // namespace
}  // namespace stakegraph::io
