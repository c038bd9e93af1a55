// General-English rules of session 28 (issue 11), found from sentences and short articles
// written for the purpose (trade disputes, supply chains, labour, regulators): giving is aid
// from a state and supply from a business, a claim denied with any determiner ("those
// claims", "her accusations"), "suspect X of", a description opening a sentence before a
// name. Every sentence is written for this test with invented names; none comes from an
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

// Whether some edge of relation r ends at the node named `name` (whoever its source).
bool has_into(const graph::Graph& g, const std::string& name, Relation r) {
  auto v = g.find_named(name);
  if (!v) return false;
  for (auto [ei, ee] = boost::in_edges(*v, g.boost_graph()); ei != ee; ++ei)
    if (g.edge(*ei).relation == r) return true;
  return false;
}

// Whether a node's own name (not an alias) is `name`.
bool node_named(const graph::Graph& g, const std::string& name) {
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v)
    if (g.node(v).name == name) return true;
  return false;
}

TEST(Giving, DeliveriesBetweenBusinessesAreSupplies) {
  // "tonnes" reads as a shipment of aid; between two companies it is a sale.
  auto g = run("Kato Steel delivered 400 tonnes of steel to Ridgeway Construction.", true);
  EXPECT_TRUE(has(g, "Kato Steel", Relation::kSupplies, "Ridgeway Construction")) << dump(g);
  EXPECT_FALSE(has(g, "Kato Steel", Relation::kAid, "Ridgeway Construction")) << dump(g);
}

TEST(Giving, WeaponsDeliveredByAStateAreAid) {
  auto g = run("Norway delivered air defence systems to Moldova.", true);
  EXPECT_TRUE(has(g, "Norway", Relation::kAid, "Moldova")) << dump(g);
  EXPECT_FALSE(has(g, "Norway", Relation::kSupplies, "Moldova")) << dump(g);
}

TEST(Giving, ACompanySuppliesAnArmy) {
  // An agency is a customer when a verb says it was supplied.
  auto g = run("Xeno Arms supplies rifles to the Kenyan army.", true);
  EXPECT_TRUE(has(g, "Xeno Arms", Relation::kSupplies, "Kenyan Army")) << dump(g);
}

TEST(Denials, AClaimDeniedWithADemonstrativeOrPossessive) {
  for (const char* d : {"those claims", "her accusations", "these allegations", "their claims"}) {
    const std::string s =
        "Opposition leader Rana Patel accused the Unity Party of rigging the "
        "vote. The Unity Party rejected " +
        std::string(d) + ".";
    auto g = run(s, true);
    EXPECT_TRUE(has(g, "Unity Party", Relation::kReject, "rigging the vote")) << s << "\n"
                                                                              << dump(g);
  }
}

TEST(Claims, SuspectedOfAnActIsAClaim) {
  auto g = run("Customs officers suspect Brask Logistics of smuggling rifles into Chad.", true);
  EXPECT_TRUE(has(g, "smuggling rifles into Chad", Relation::kImplicates, "Brask Logistics"))
      << dump(g);
  // The noun is no verb.
  auto n = run("The suspect was arrested by police in Kenya.", true);
  EXPECT_EQ(n.edge_count(), 1u) << dump(n);  // Kenyan police -part_of-> Kenya only
}

TEST(Names, ADescriptionOpeningASentenceIsNoPartOfTheName) {
  auto g =
      run("Rival Norvell Systems filed a complaint. Drugmaker Kestrel Pharma said it would "
          "appeal.",
          true);
  EXPECT_TRUE(node_named(g, "Norvell Systems")) << dump(g);
  EXPECT_TRUE(node_named(g, "Kestrel Pharma")) << dump(g);
  EXPECT_FALSE(node_named(g, "Rival Norvell Systems")) << dump(g);
}

TEST(Orders, AnOrderToGroundOrHaltIsASanctionToo) {
  auto g = run("Chile's aviation regulator ordered Condor Air to ground its fleet.", true);
  EXPECT_TRUE(node_named(g, "Condor Air")) << dump(g);
  EXPECT_TRUE(has_into(g, "Condor Air", Relation::kRequest)) << dump(g);
  EXPECT_TRUE(has_into(g, "Condor Air", Relation::kSanction)) << dump(g);
  // An order to pay is no ban.
  auto p = run("Peru ordered Vesta Bank to pay its staff.", true);
  EXPECT_TRUE(has(p, "Peru", Relation::kRequest, "Vesta Bank")) << dump(p);
  EXPECT_FALSE(has(p, "Peru", Relation::kSanction, "Vesta Bank")) << dump(p);
}

TEST(Detentions, TheArrestedAreThePeopleWhoseReleaseIsDemandedOfTheirJailers) {
  auto g =
      run("Peruvian police arrested Tomas Varga on Thursday. The Civic Front demanded his "
          "immediate release. Chile called for the unconditional release of Varga. Germany "
          "urged Peru to secure Varga's release.",
          true);
  EXPECT_EQ(kind_of(g, "Tomas Varga"), Kind::kPerson) << dump(g);
  EXPECT_TRUE(has(g, "Civic Front", Relation::kRequest, "Peruvian police")) << dump(g);
  EXPECT_TRUE(has(g, "Chile", Relation::kRequest, "Peruvian police")) << dump(g);
  // A release asked for did not happen.
  EXPECT_FALSE(has(g, "Chile", Relation::kRetreat, "Tomas Varga")) << dump(g);
  // An addressee named before the release keeps the request.
  EXPECT_TRUE(has(g, "Germany", Relation::kRequest, "Peru")) << dump(g);
}

TEST(Detentions, AStanceAgainstTheArrestOfXIsAgainstTheJailer) {
  auto g =
      run("Peruvian police arrested Tomas Varga on Thursday. The Civic Front protested "
          "against the arrest of Tomas Varga. Chile condemned the arrest of Varga. The "
          "interior minister defended the arrest.",
          true);
  EXPECT_TRUE(has(g, "Civic Front", Relation::kProtest, "Peruvian police")) << dump(g);
  EXPECT_FALSE(has(g, "Civic Front", Relation::kProtest, "Tomas Varga")) << dump(g);
  EXPECT_TRUE(has(g, "Chile", Relation::kAccuse, "Peruvian police")) << dump(g);
  EXPECT_FALSE(has(g, "Chile", Relation::kAccuse, "Tomas Varga")) << dump(g);
}

TEST(EventNouns, AnEventNounAfterADeterminerIsNoAct) {
  // "the arrest" is the one already made; the Union arrests no one.
  auto g =
      run("Peruvian police arrested Tomas Varga. The European Union expressed concern over "
          "the arrest and urged Peru to respect the right to protest.",
          true);
  EXPECT_FALSE(has(g, "European Union", Relation::kCoerce, "Peru")) << dump(g);
  EXPECT_TRUE(has(g, "European Union", Relation::kRequest, "Peru")) << dump(g);
}

TEST(EventNouns, DefendingTheArrestSupportsWhoeverMadeIt) {
  // The first event of the text is the march; the arrest is the one named.
  auto g =
      run("The Civic Front marched against Peru on Monday. Peruvian police arrested Tomas "
          "Varga on Tuesday. Interior Minister Ana Ruiz defended the arrest.",
          true);
  EXPECT_TRUE(has(g, "Ana Ruiz", Relation::kSupport, "Peruvian police")) << dump(g);
  EXPECT_FALSE(has(g, "Ana Ruiz", Relation::kSupport, "Civic Front")) << dump(g);
}

TEST(Claims, TheReasonForAFineComesAfterItsAmount) {
  auto g =
      run("Chile's privacy regulator fined Lumio Health 3 billion pesos for selling patient "
          "records to insurers.",
          true);
  EXPECT_TRUE(has(g, "selling patient records to insurers", Relation::kImplicates, "Lumio Health"))
      << dump(g);
}

TEST(Supplies, APossessorsProviderOfATradeFromACountry) {
  auto g =
      run("Lumio Health uses servers abroad. Lumio's Chinese cloud provider, Tianrui Cloud, "
          "declined to comment.",
          true);
  EXPECT_TRUE(has(g, "Tianrui Cloud", Relation::kSupplies, "Lumio Health")) << dump(g);
}

TEST(EventNouns, CondemningAnAttackBlamesTheAttacker) {
  auto g =
      run("Rebels of the Northern Liberation Army attacked a convoy of the World Food "
          "Programme on Monday. The African Union condemned the attack.",
          true);
  EXPECT_TRUE(has(g, "African Union", Relation::kAccuse, "Northern Liberation Army")) << dump(g);
}

TEST(Names, TheEuropeanUnionIsNoOtherUnionDescribed) {
  // "union" is a description's head ("the union"), but "the European Union" is a name.
  auto g = run("The African Union criticised Mali. The European Union urged Peru to act.", true);
  EXPECT_TRUE(has(g, "European Union", Relation::kRequest, "Peru")) << dump(g);
  EXPECT_FALSE(has(g, "African Union", Relation::kRequest, "Peru")) << dump(g);
}

TEST(Recalls, ARegulatorsRecallRestrictsTheMaker) {
  auto g =
      run("The Therapeutic Goods Administration ordered the recall of two batches of Cardiox, "
          "a heart drug made by Ostrel Labs. Peru's health regulator recalled Vantis "
          "Pharma's eye drops.",
          true);
  EXPECT_TRUE(has(g, "Therapeutic Goods Administration", Relation::kSanction, "Ostrel Labs"))
      << dump(g);
  EXPECT_TRUE(kind_of(g, "Vantis Pharma") != Kind::kUnspecified) << dump(g);
  EXPECT_TRUE(has_into(g, "Vantis Pharma", Relation::kSanction)) << dump(g);
}

TEST(Recalls, ABusinessRecallingGoodsRestrictsNoSeller) {
  // The goods before "sold by" are what the pharmacy sold, to no one the text names.
  auto g = run("Ostrel Labs recalled tablets sold by Medix Pharmacy.", true);
  EXPECT_EQ(g.edge_count(), 0u) << dump(g);
}

TEST(Names, AHoldingIsACompanyCalledByItsFirstWord) {
  auto g =
      run("Chinese firms such as Tsingshan Holding built smelters in Sulawesi. Tsingshan "
          "sells nickel to Posco.",
          true);
  EXPECT_TRUE(has(g, "Tsingshan Holding", Relation::kSupplies, "Posco")) << dump(g);
  EXPECT_FALSE(node_named(g, "Tsingshan")) << dump(g);
}

TEST(Claims, AThingSaidToHaveBeenWrongedImplicatesWhomItFavoured) {
  auto g =
      run("The Green Alliance said the tender had been rigged in favour of Kato Steel. The "
          "ruling party said the count had not been manipulated.",
          true);
  EXPECT_TRUE(has(g, "Green Alliance", Relation::kAccuse, "rigged tender")) << dump(g);
  EXPECT_TRUE(has(g, "rigged tender", Relation::kImplicates, "Kato Steel")) << dump(g);
  // A denied wrong is no claim.
  EXPECT_FALSE(node_named(g, "manipulated count")) << dump(g);
}

TEST(Claims, WrongsReportedByObserversFromABody) {
  auto g =
      run("Observers from the African Union reported widespread irregularities, including "
          "ballot stuffing. The Electoral Commission rejected the allegations.",
          true);
  EXPECT_TRUE(has(g, "African Union", Relation::kAccuse, "widespread irregularities")) << dump(g);
  EXPECT_TRUE(has(g, "Electoral Commission", Relation::kReject, "widespread irregularities"))
      << dump(g);
}

TEST(Courts, ACaseTakenToACourtAsksTheCourt) {
  auto g = run("The Green Alliance said it would challenge the result at the Constitutional Court.",
               true);
  EXPECT_TRUE(has(g, "Green Alliance", Relation::kRequest, "Constitutional Court")) << dump(g);
  EXPECT_FALSE(has(g, "Green Alliance", Relation::kReject, "Constitutional Court")) << dump(g);
}

TEST(Claims, ASuitForInfringementCalledBaselessIsDenied) {
  auto g =
      run("Veridian Systems sued Corvex Semiconductor for patent infringement. Corvex called "
          "the lawsuit baseless.",
          true);
  EXPECT_TRUE(has(g, "Veridian Systems", Relation::kAccuse, "patent infringement")) << dump(g);
  EXPECT_TRUE(has(g, "patent infringement", Relation::kImplicates, "Corvex Semiconductor"))
      << dump(g);
  EXPECT_TRUE(has(g, "Corvex Semiconductor", Relation::kReject, "patent infringement")) << dump(g);
}

TEST(Ties, EndingAJointVentureCutsTies) {
  auto g = run("Corvex Semiconductor ended its joint venture with Veridian Systems.", true);
  EXPECT_TRUE(has(g, "Corvex Semiconductor", Relation::kSanction, "Veridian Systems")) << dump(g);
}

TEST(Titles, PortfoliosOfMinesAgricultureAndMore) {
  for (const char* t : {"mines", "mining", "agriculture", "fisheries", "education"}) {
    const std::string s = "Peru's " + std::string(t) + " minister, Felix Mbaye, criticised Chile.";
    auto g = run(s, true);
    EXPECT_TRUE(has(g, "Felix Mbaye", Relation::kPartOf, "Peru")) << s << "\n" << dump(g);
  }
}

TEST(Ties, AStakeSoldForAReasonIsADivestment) {
  auto g = run("Halden Oil sold its shares in Bralco Mining over human rights concerns.", true);
  EXPECT_TRUE(has(g, "Halden Oil", Relation::kSanction, "Bralco Mining")) << dump(g);
  // Sold to a buyer, the stake changes hands: no sanction.
  auto s = run("Halden Oil sold its stake in Bralco Mining to Refina Corp.", true);
  EXPECT_TRUE(has(s, "Refina Corp", Relation::kOwns, "Bralco Mining")) << dump(s);
  EXPECT_FALSE(has(s, "Halden Oil", Relation::kSanction, "Bralco Mining")) << dump(s);
}

TEST(Diplomacy, SummoningAStatesEnvoyRebukesTheState) {
  auto g =
      run("Peru summoned the Chilean ambassador on Tuesday. Bolivia summoned Chile's "
          "ambassador, Ana Ruiz, on Friday.",
          true);
  EXPECT_TRUE(has(g, "Peru", Relation::kAccuse, "Chile")) << dump(g);
  EXPECT_FALSE(has(g, "Peru", Relation::kConsult, "Chile")) << dump(g);
  EXPECT_TRUE(has(g, "Bolivia", Relation::kAccuse, "Chile")) << dump(g);
  EXPECT_TRUE(has(g, "Bolivia", Relation::kConsult, "Ana Ruiz")) << dump(g);
}

TEST(Subjects, APossessorOfAThingThatIsAnotherVerbsSubjectIsNoSubject) {
  // "the union's demands were unrealistic": the union is no subject of "accused".
  auto g =
      run("The Santos Dockworkers Union called a strike. Brasport said the union's demands "
          "were unrealistic and accused it of holding the economy hostage.",
          true);
  EXPECT_FALSE(has(g, "Santos Dockworkers Union", Relation::kAccuse, "holding the economy hostage"))
      << dump(g);
  EXPECT_FALSE(has(g, "holding the economy hostage", Relation::kImplicates, "Brasport")) << dump(g);
}

TEST(Media, AccordingToAReportByAnOutlet) {
  for (const char* s : {"According to a report by the Lagos Herald, Nigeria expelled two Ghanaian "
                        "diplomats.",
                        "According to a report in the Lagos Herald, Nigeria expelled two Ghanaian "
                        "diplomats."}) {
    auto g = run(s, true);
    EXPECT_TRUE(has(g, "Lagos Herald", Relation::kReports, "Nigeria")) << s << "\n" << dump(g);
  }
}

TEST(Names, AOneWordCompanyNameAfterItsCountrysIsBothWords) {
  auto g = run("Kenya Airways signed a deal with Boeing on Friday.", true);
  EXPECT_TRUE(node_named(g, "Kenya Airways")) << dump(g);
  EXPECT_TRUE(has(g, "Kenya Airways", Relation::kSupport, "Boeing")) << dump(g);
  EXPECT_FALSE(has(g, "Kenya", Relation::kSupport, "Boeing")) << dump(g);
}

TEST(Trade, ADisputeTakenToAnArbiterAndAMoveCalledProtectionist) {
  auto g =
      run("Peru imposed anti-dumping duties on steel from Chile. Chile's trade ministry called "
          "the move protectionist and said it would take the case to the World Trade "
          "Organization.",
          true);
  EXPECT_TRUE(has(g, "Peru", Relation::kSanction, "Chile")) << dump(g);
  bool accuse = false, request = false;
  for (auto [ei, ee] = boost::edges(g.boost_graph()); ei != ee; ++ei) {
    const auto& s = g.node(g.source(*ei)).name;
    const auto& t = g.node(g.target(*ei)).name;
    const auto r = g.edge(*ei).relation;
    accuse |= s != "Peru" && t == "Peru" && r == Relation::kAccuse;
    request |= t == "World Trade Organization" && r == Relation::kRequest;
  }
  EXPECT_TRUE(accuse && request) << dump(g);
}

}  // namespace
}  // namespace stakegraph::io
