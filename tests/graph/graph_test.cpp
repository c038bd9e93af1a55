// The Graph model: node lookup by name/alias/id, edges keyed by (source, target, relation),
// evidence deduplication, and merge idempotence.
#include "graph/graph.hpp"

#include <gtest/gtest.h>

#include "graph/error.hpp"
#include "graph/names.hpp"

namespace stakegraph::graph {
namespace {

Evidence ev(std::uint32_t article, std::uint32_t sentence, std::string text, bool hedged = false) {
  Evidence e;
  e.article = article;
  e.sentence = sentence;
  e.start = sentence * 100;
  e.end = sentence * 100 + static_cast<std::uint32_t>(text.size());
  e.text = std::move(text);
  e.hedged = hedged;
  return e;
}

TEST(FoldName, CaseSpacesPeriodsAndLeadingThe) {
  EXPECT_EQ(fold_name("The U.S."), "us");
  EXPECT_EQ(fold_name("  United   States "), "united states");
  EXPECT_EQ(fold_name("Huawei\xE2\x80\x99s"), "huaweis");
  EXPECT_EQ(fold_name("the"), "the");  // a bare "the" is a name, not a prefix
  EXPECT_EQ(fold_name("Deutsche-Telekom"), "deutsche telekom");
}

TEST(Slugify, IdSafe) {
  EXPECT_EQ(slugify("Deutsche Telekom"), "deutsche-telekom");
  EXPECT_EQ(slugify("U.S. Commerce Department"), "us-commerce-department");
  EXPECT_EQ(slugify("???"), "node");
}

TEST(Graph, NodesFoundByNameAliasAndId) {
  Graph g;
  const NodeIndex us = g.add_node("United States", Kind::kGovernment);
  g.add_alias(us, "US");
  g.add_alias(us, "Washington");
  EXPECT_EQ(g.add_node("the united states", Kind::kOrganization), us);  // same node
  EXPECT_EQ(g.node(us).kind, Kind::kGovernment);                        // kind kept
  EXPECT_EQ(g.find_node("U.S."), us);
  EXPECT_EQ(g.find_node("washington"), us);
  EXPECT_EQ(g.find_node("united-states"), us);  // by id
  EXPECT_FALSE(g.find_node("China"));
  EXPECT_EQ(g.node_count(), 1u);
  // "US" folded equals an existing alias: not recorded twice.
  g.add_alias(us, "U.S.");
  EXPECT_EQ(g.node(us).aliases.size(), 2u);
}

TEST(Graph, IdsAreUniqueAndStable) {
  Graph g;
  const NodeIndex a = g.add_node("AT&T", Kind::kOperator);
  const NodeIndex b = g.add_node("AT T Inc", Kind::kOperator);
  const NodeIndex c = g.add_node(
      "T\xC3\xA9l\xC3\xA9"
      "com",
      Kind::kOperator);                                        // "Télécom"
  const NodeIndex d = g.add_node("T L Com", Kind::kOperator);  // other name, same slug
  EXPECT_EQ(g.node(a).id, "at-t");
  EXPECT_EQ(g.node(b).id, "at-t-inc");
  EXPECT_EQ(g.node(c).id, "telecom");  // transliterated (graph/names.hpp)
  EXPECT_EQ(g.node(d).id, "t-l-com");
  EXPECT_THROW(g.add_node("  ", Kind::kVendor), InvalidArgument);
  EXPECT_THROW(g.add_node_with_id("at-t", "Other", Kind::kVendor), InvalidArgument);
}

TEST(Graph, AliasClaimedFirstWins) {
  Graph g;
  const NodeIndex huawei = g.add_node("Huawei", Kind::kVendor);
  const NodeIndex zte = g.add_node("ZTE", Kind::kVendor);
  g.add_alias(huawei, "the Chinese company");
  g.add_alias(zte, "the Chinese company");
  EXPECT_EQ(g.find_node("the Chinese company"), huawei);
  EXPECT_EQ(g.node(zte).aliases.size(), 1u);  // still recorded as a surface form
}

// Issue 13 (bounded cost): add_alias looked for each new alias among all of the node's
// aliases, so a node given n aliases cost O(n^2) (20,000 aliases from JSON: 5.8 s; a
// version 3 file's node table: 7.7 s). It now looks only for aliases that some node already
// has or is named. The answers must be those of the plain scan (the oracle below): random
// aliases over four nodes, folding to each other's names and aliases ("Acme", "ACME.",
// "acme"), added in random order, repeated, to one node or another.
TEST(Graph, ManyAliasesGiveTheAnswersOfThePlainScan) {
  Graph g;
  const std::vector<std::string> names = {"Acme", "Bolt", "Crane", "Delta"};
  for (const auto& n : names) g.add_node(n, Kind::kOrganization);
  std::vector<std::vector<std::string>> expected(names.size());  // the oracle's aliases
  const auto oracle_add = [&](NodeIndex v, const std::string& raw) {
    const std::string alias = clean_name(raw);
    const std::string folded = fold_name(alias);
    if (folded.empty() || fold_name(names[v]) == folded) return;
    for (const auto& a : expected[v])
      if (fold_name(a) == folded) return;
    expected[v].push_back(alias);
  };
  const std::vector<std::string> forms = {"acme", "ACME.", "bolt", "Crane Co", "crane co", "delta",
                                          "x",    "X",     "y",    "Bolt Inc", "bolt inc."};
  std::uint64_t state = 12345;
  const auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>(state >> 33);
  };
  for (int i = 0; i < 4000; ++i) {
    const auto v = static_cast<NodeIndex>(next() % names.size());
    std::string raw =
        next() % 3 == 0 ? forms[next() % forms.size()] : "alias " + std::to_string(next() % 500);
    if (next() % 4 == 0) raw = "  " + raw + ".";  // cleaned and folded to the same alias
    g.add_alias(v, raw);
    oracle_add(v, raw);
  }
  for (NodeIndex v = 0; v < names.size(); ++v) {
    EXPECT_EQ(g.node(v).aliases, expected[v]) << names[v];
    EXPECT_GT(expected[v].size(), 100u);  // the aliases were mostly new, some repeated
  }
  // The first claim still finds a node by an alias (AliasClaimedFirstWins).
  EXPECT_TRUE(g.find_node("alias 7").has_value());
}

// US -REQUEST-> allies, US -SANCTION-> Huawei, Huawei -supplies-> BT
TEST(Graph, EdgesKeyedBySourceTargetRelation) {
  Graph g;
  const NodeIndex us = g.add_node("United States", Kind::kGovernment);
  const NodeIndex huawei = g.add_node("Huawei", Kind::kVendor);
  const EdgeRef e1 = g.add_edge(us, huawei, Relation::kSanction);
  const EdgeRef e2 = g.add_edge(us, huawei, Relation::kSanction);
  EXPECT_EQ(e1, e2);
  g.add_edge(us, huawei, Relation::kAccuse);
  g.add_edge(huawei, us, Relation::kSanction);  // other direction: another edge
  EXPECT_EQ(g.edge_count(), 3u);
  EXPECT_EQ(g.edge(e1).sign, -1);
  EXPECT_THROW(g.add_edge(us, 99, Relation::kAccuse), InvalidArgument);
  EXPECT_THROW(g.add_edge(us, huawei, Relation::kUnspecified), InvalidArgument);
}

TEST(Graph, SymmetricRelationsStoredOnce) {
  Graph g;
  const NodeIndex a = g.add_node("Germany", Kind::kGovernment);
  const NodeIndex b = g.add_node("Italy", Kind::kGovernment);
  const EdgeRef ab = g.add_edge(b, a, Relation::kAlliedWith);
  EXPECT_EQ(g.add_edge(a, b, Relation::kAlliedWith), ab);
  EXPECT_EQ(g.edge_count(), 1u);
  EXPECT_EQ(g.source(ab), a);  // smaller index first
}

// Past kHashEvidenceAbove items, duplicates are found through a hash index (issue 13: one
// edge with 320k evidence items took 16.7 s to load from JSON, a linear scan per item). The
// answers must be those of the linear scan: every field of the identity counts, items put on
// the edge directly (readers do) are seen, and a copy of the graph has its own index.
TEST(Graph, ManyEvidenceItemsDeduplicatedThroughTheIndex) {
  Graph g;
  const auto art = g.add_article({.id = "a"});
  const NodeIndex a = g.add_node("A", Kind::kGovernment);
  const NodeIndex b = g.add_node("B", Kind::kVendor);
  const EdgeRef e = g.add_edge(a, b, Relation::kSanction);
  constexpr std::uint32_t kItems = 200;
  for (std::uint32_t i = 0; i < kItems; ++i)
    ASSERT_TRUE(g.add_evidence(e, ev(art, i, "sentence " + std::to_string(i))));
  for (std::uint32_t i = 0; i < kItems; ++i)
    EXPECT_FALSE(g.add_evidence(e, ev(art, i, "sentence " + std::to_string(i)))) << i;
  // Each identity field on its own makes a new item.
  Evidence other_text = ev(art, 7, "sentence 7");
  other_text.text += "!";
  Evidence other_article = ev(kNoArticle, 7, "sentence 7");
  Evidence other_sentence = ev(art, 7, "sentence 7");
  other_sentence.sentence = 8;
  Evidence other_start = ev(art, 7, "sentence 7");
  other_start.start += 1;
  Evidence other_end = ev(art, 7, "sentence 7");
  other_end.end += 1;
  for (Evidence* x : {&other_text, &other_article, &other_sentence, &other_start, &other_end})
    EXPECT_TRUE(g.add_evidence(e, *x));
  EXPECT_EQ(g.edge(e).evidence.size(), kItems + 5);
  // Appended behind add_evidence's back: still a duplicate afterwards.
  g.edge_data(e).evidence.push_back(ev(art, 999, "direct"));
  EXPECT_FALSE(g.add_evidence(e, ev(art, 999, "direct")));
  // A copy keeps its own index (the original's points into the original's edges).
  Graph copy = g;
  const EdgeRef ce = *copy.find_edge(a, b, Relation::kSanction);
  EXPECT_FALSE(copy.add_evidence(ce, ev(art, 3, "sentence 3")));
  EXPECT_TRUE(copy.add_evidence(ce, ev(art, 1000, "only in the copy")));
  EXPECT_TRUE(g.add_evidence(e, ev(art, 1000, "only in the copy")));
  EXPECT_EQ(copy.evidence_count(), g.evidence_count());
  Graph moved = std::move(copy);
  EXPECT_FALSE(moved.add_evidence(*moved.find_edge(a, b, Relation::kSanction),
                                  ev(art, 1000, "only in the copy")));
}

TEST(Graph, EvidenceDeduplicatedAndDatesTracked) {
  Graph g;
  const auto a1 = g.add_article({.id = "a1", .title = "One", .date = 20190515});
  const auto a2 = g.add_article({.id = "a2", .title = "Two", .date = 20181201});
  EXPECT_EQ(g.add_article({.id = "a1"}), a1);
  const NodeIndex us = g.add_node("United States", Kind::kGovernment);
  const NodeIndex huawei = g.add_node("Huawei", Kind::kVendor);
  const EdgeRef e = g.add_edge(us, huawei, Relation::kSanction);
  EXPECT_TRUE(g.add_evidence(e, ev(a1, 3, "The US banned Huawei.")));
  EXPECT_FALSE(g.add_evidence(e, ev(a1, 3, "The US banned Huawei.")));
  EXPECT_TRUE(g.add_evidence(e, ev(a2, 0, "Washington blocked Huawei.", true)));
  EXPECT_EQ(g.edge(e).evidence.size(), 2u);
  EXPECT_EQ(g.edge(e).first_seen, 20181201);
  EXPECT_EQ(g.edge(e).last_seen, 20190515);
  EXPECT_EQ(g.evidence_count(), 2u);
}

Graph article_graph(const std::string& article, const std::string& text) {
  // A -SANCTION-> B, B -supplies-> C, one evidence each from `article`
  Graph g;
  const auto art = g.add_article({.id = article, .title = article, .date = 20200101});
  const NodeIndex a = g.add_node("United States", Kind::kGovernment);
  g.add_alias(a, "Washington");
  const NodeIndex b = g.add_node("Huawei", Kind::kVendor);
  const NodeIndex c = g.add_node("BT", Kind::kOperator);
  g.add_evidence(g.add_edge(a, b, Relation::kSanction), ev(art, 1, text));
  g.add_evidence(g.add_edge(b, c, Relation::kSupplies), ev(art, 2, "BT is a customer."));
  return g;
}

TEST(Merge, SameArticleTwiceChangesNothing) {
  Graph g;
  const Graph one = article_graph("a1", "The US banned Huawei.");
  g.merge(one);
  const auto nodes = g.node_count(), edges = g.edge_count(), evidence = g.evidence_count();
  g.merge(one);
  EXPECT_EQ(g.node_count(), nodes);
  EXPECT_EQ(g.edge_count(), edges);
  EXPECT_EQ(g.evidence_count(), evidence);
  EXPECT_EQ(g.articles().size(), 1u);
}

TEST(Merge, EvidenceFromDifferentArticlesAccumulates) {
  Graph g = article_graph("a1", "The US banned Huawei.");
  // The second graph names the US by an alias only: the node must not be duplicated.
  Graph other;
  const auto art = other.add_article({.id = "a2", .date = 20200202});
  const NodeIndex w = other.add_node("Washington", Kind::kGovernment);
  const NodeIndex h = other.add_node("Huawei", Kind::kVendor);
  other.add_evidence(other.add_edge(w, h, Relation::kSanction),
                     ev(art, 5, "Washington banned Huawei."));
  g.merge(other);
  EXPECT_EQ(g.node_count(), 3u);
  EXPECT_EQ(g.edge_count(), 2u);
  const auto us = g.find_node("United States");
  const auto huawei = g.find_node("Huawei");
  ASSERT_TRUE(us && huawei);
  const auto e = g.find_edge(*us, *huawei, Relation::kSanction);
  ASSERT_TRUE(e);
  ASSERT_EQ(g.edge(*e).evidence.size(), 2u);
  EXPECT_EQ(g.articles()[g.edge(*e).evidence[1].article].id, "a2");
  EXPECT_EQ(g.edge(*e).last_seen, 20200202);
}

TEST(Merge, MatchesOtherGraphsAliasesAndKeepsAttributes) {
  Graph g;
  g.add_node("UK", Kind::kGovernment);
  Graph other;
  const NodeIndex uk = other.add_node("United Kingdom", Kind::kGovernment);
  other.add_alias(uk, "UK");
  other.set_attribute(uk, "iso3166", "GB");
  g.merge(other);
  ASSERT_EQ(g.node_count(), 1u);
  EXPECT_EQ(g.node(0).name, "UK");
  EXPECT_EQ(g.find_node("United Kingdom"), 0u);
  ASSERT_EQ(g.node(0).attributes.size(), 1u);
  EXPECT_EQ(g.node(0).attributes[0].second, "GB");
}

TEST(Graph, AppendUncheckedThenIndexRebuilt) {
  Graph g;
  const NodeIndex a = g.add_node("A", Kind::kVendor);
  const NodeIndex b = g.add_node("B", Kind::kOperator);
  EdgeData d;
  d.relation = Relation::kSupplies;
  const EdgeRef e = g.append_edge_unchecked(a, b, d);
  EXPECT_EQ(g.add_edge(a, b, Relation::kSupplies), e);  // found through the rebuilt index
  EXPECT_EQ(g.edge_count(), 1u);
}

// A -supplies-> B, copied: the copy's edges are its own (the edge index is not shared).
TEST(Graph, CopiesAndMovesOwnTheirEdges) {
  auto make = [] {
    Graph g;
    const NodeIndex a = g.add_node("A", Kind::kVendor);
    const NodeIndex b = g.add_node("B", Kind::kOperator);
    g.add_edge(a, b, Relation::kSupplies, 1.0);
    return g;
  };
  Graph original = make();
  Graph copy = original;
  original.edge_data(*original.find_edge(0, 1, Relation::kSupplies)).weight = 5.0;
  EXPECT_EQ(copy.edge(*copy.find_edge(0, 1, Relation::kSupplies)).weight, 1.0);
  Graph assigned;
  assigned = copy;
  copy = Graph{};
  ASSERT_TRUE(assigned.find_edge(0, 1, Relation::kSupplies));
  EXPECT_EQ(assigned.edge(*assigned.find_edge(0, 1, Relation::kSupplies)).weight, 1.0);
  Graph moved = std::move(assigned);
  EXPECT_EQ(moved.add_edge(0, 1, Relation::kSupplies), *moved.find_edge(0, 1, Relation::kSupplies));
  EXPECT_EQ(moved.edge_count(), 1u);
}

}  // namespace
}  // namespace stakegraph::graph
