// graph/edit: merge_graph with each of its options, and apply_edits (the node merging behind
// --corrections). Each test draws its graphs; the expected graph is worked out by hand.
#include "graph/edit.hpp"

#include <gtest/gtest.h>

#include <string>

#include "graph/graph.hpp"

namespace stakegraph::graph {
namespace {

Evidence ev(std::uint32_t article, std::uint32_t sentence, const std::string& text) {
  Evidence e;
  e.article = article;
  e.sentence = sentence;
  e.text = text;
  return e;
}

// Names of the edge list in order: "A -SANCTION-> B; ...".
std::string edges_of(const Graph& g) {
  std::string out;
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
    if (!out.empty()) out += "; ";
    out += g.node(g.source(*it)).name + " -" + std::string(relation_name(g.edge(*it).relation)) +
           "-> " + g.node(g.target(*it)).name;
  }
  return out;
}

// into:   Norway (alias "Kingdom of Norway") -SANCTION-> Vexcom      article "a"
// other:  Kingdom of Norway -SANCTION-> Vexcom                        article "b"
//         Norge (alias "Norway") -ACCUSE-> Vexcom
//         Kingdom of Norway -REQUEST-> Norge   (both are Norway once merged by alias)
//         Vexcom has code=V2 (into's Vexcom has code=V1)
struct Pair {
  Graph into, other;
};
Pair drawn() {
  Pair p;
  Graph& a = p.into;
  const std::uint32_t art_a = a.add_article({.id = "a", .date = 20240105});
  const NodeIndex no = a.add_node("Norway", Kind::kGovernment);
  a.add_alias(no, "Kingdom of Norway");
  const NodeIndex vx = a.add_node("Vexcom", Kind::kVendor);
  a.set_attribute(vx, "code", "V1");
  a.add_evidence(a.add_edge(no, vx, Relation::kSanction), ev(art_a, 0, "Norway banned Vexcom."));

  Graph& b = p.other;
  const std::uint32_t art_b = b.add_article({.id = "b", .date = 20240210});
  const NodeIndex kn = b.add_node("Kingdom of Norway", Kind::kGovernment);
  const NodeIndex bv = b.add_node("Vexcom", Kind::kVendor);
  b.set_attribute(bv, "code", "V2");
  const NodeIndex ng = b.add_node("Norge", Kind::kGovernment);
  b.add_alias(ng, "Norway");
  b.add_evidence(b.add_edge(kn, bv, Relation::kSanction), ev(art_b, 0, "Oslo banned Vexcom."));
  b.add_evidence(b.add_edge(ng, bv, Relation::kAccuse), ev(art_b, 1, "Norge accused Vexcom."));
  b.add_evidence(b.add_edge(kn, ng, Relation::kRequest), ev(art_b, 2, "A request to itself."));
  return p;
}

TEST(MergeGraph, DefaultsAreGraphMerge) {
  Pair p = drawn();
  Graph via_member = p.into;
  via_member.merge(p.other);
  const MergeResult r = merge_graph(p.into, p.other);
  // "Kingdom of Norway" is into's alias of Norway: joins it; "Norge" has the alias "Norway",
  // into's canonical name: joins it too. The REQUEST between them is a self-loop.
  EXPECT_EQ(p.into.node_count(), 2u);
  EXPECT_EQ(r.nodes_added, 0u);
  EXPECT_EQ(r.edges_added, 2u);
  EXPECT_EQ(r.evidence_added, 3u);
  EXPECT_EQ(r.edges_collapsed, 0u);
  EXPECT_EQ(edges_of(p.into),
            "Norway -SANCTION-> Vexcom; Norway -ACCUSE-> Vexcom; Norway -REQUEST-> Norway");
  // Attributes fill only what is missing: V1 stays.
  EXPECT_EQ(p.into.node(1).attributes.at(0).second, "V1");
  // Dates: the merged SANCTION edge spans both articles.
  const auto e = p.into.find_edge(0, 1, Relation::kSanction);
  ASSERT_TRUE(e);
  EXPECT_EQ(p.into.edge(*e).first_seen, 20240105);
  EXPECT_EQ(p.into.edge(*e).last_seen, 20240210);
  EXPECT_EQ(p.into.edge(*e).evidence.size(), 2u);
  EXPECT_EQ(p.into.edge(*e).evidence[1].article, 1u);  // remapped: article "b" is index 1
  // Graph::merge is merge_graph with the defaults.
  EXPECT_EQ(edges_of(via_member), edges_of(p.into));
  EXPECT_EQ(via_member.node(0).aliases, p.into.node(0).aliases);
}

TEST(MergeGraph, ExtractionOptions) {
  Pair p = drawn();
  const MergeOptions o{.match_aliases = false,
                       .replace_attributes = true,
                       .carry_edge_dates = false,
                       .keep_collapsed_edges = true};
  const MergeResult r = merge_graph(p.into, p.other, o);
  // Norge is matched by its name only: a node of its own (id "norge"), keeping its alias
  // "Norway" (a name of another node: recorded, not indexed).
  ASSERT_EQ(p.into.node_count(), 3u);
  EXPECT_EQ(r.nodes_added, 1u);
  EXPECT_EQ(p.into.node(2).name, "Norge");
  EXPECT_EQ(p.into.node(2).id, "norge");
  EXPECT_EQ(p.into.find_named("Norway"), NodeIndex{0});
  EXPECT_EQ(edges_of(p.into),
            "Norway -SANCTION-> Vexcom; Norge -ACCUSE-> Vexcom; Norway -REQUEST-> Norge");
  EXPECT_EQ(p.into.node(1).attributes.at(0).second, "V2");  // replaced
}

TEST(MergeGraph, CollapsedEdgesLeftOutAndDatesFromEvidence) {
  Pair p = drawn();
  // into's article "b" has another date than other's: evidence dates are into's.
  p.into.add_article({.id = "b", .date = 20240301});
  const MergeResult r = merge_graph(p.into, std::move(p.other),
                                    {.carry_edge_dates = false, .keep_collapsed_edges = false});
  EXPECT_EQ(r.edges_collapsed, 1u);
  EXPECT_EQ(r.evidence_added, 2u);
  EXPECT_EQ(edges_of(p.into), "Norway -SANCTION-> Vexcom; Norway -ACCUSE-> Vexcom");
  const auto e = p.into.find_edge(0, 1, Relation::kSanction);
  ASSERT_TRUE(e);
  EXPECT_EQ(p.into.edge(*e).last_seen, 20240301);                      // not other's 20240210
  EXPECT_EQ(p.into.edge(*e).evidence[1].text, "Oslo banned Vexcom.");  // moved intact
}

TEST(MergeGraph, TwiceChangesNothing) {
  for (const bool extraction : {false, true}) {
    Pair p = drawn();
    const MergeOptions o = extraction ? MergeOptions{false, true, false, false} : MergeOptions{};
    merge_graph(p.into, p.other, o);
    const Graph once = p.into;
    const MergeResult r = merge_graph(p.into, p.other, o);
    EXPECT_EQ(r.nodes_added + r.edges_added + r.evidence_added, 0u);
    EXPECT_EQ(edges_of(p.into), edges_of(once));
    EXPECT_EQ(p.into.evidence_count(), once.evidence_count());
  }
}

// Merge chain A -> B, B -> C: all three become C (id "c", kind of C), their names C's
// aliases; the edge A -linked_to- B falls inside C and goes; D keeps its edges, joined.
//   A -SANCTION-> D, B -SANCTION-> D (one edge after the merge, two evidence items)
//   A -linked_to- B
TEST(ApplyEdits, MergeChainsAndRenames) {
  Graph g;
  const NodeIndex a = g.add_node("A", Kind::kVendor);
  const NodeIndex b = g.add_node("B", Kind::kVendor);
  g.add_node("C", Kind::kOrganization);
  const NodeIndex d = g.add_node("D", Kind::kGovernment);
  g.add_evidence(g.add_edge(a, d, Relation::kSanction), ev(kNoArticle, 0, "one"));
  g.add_evidence(g.add_edge(b, d, Relation::kSanction), ev(kNoArticle, 1, "two"));
  g.add_edge(a, b, Relation::kLinkedTo);
  NodeEdits e;
  e.merges = {{"A", "B"}, {"B", "C"}, {"X", "C"}};
  e.renames = {{"D", "Dland"}};
  e.aliases = {{"nobody", "x"}};
  const EditResult r = apply_edits(g, e);
  EXPECT_EQ(r.applied, 3u);
  EXPECT_EQ(r.skipped, 2u);
  ASSERT_EQ(r.graph.node_count(), 2u);
  EXPECT_EQ(r.graph.node(0).name, "C");
  EXPECT_EQ(r.graph.node(0).kind, Kind::kOrganization);
  EXPECT_EQ(r.graph.node(0).aliases, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(r.graph.node(1).name, "Dland");
  EXPECT_EQ(r.graph.node(1).id, "d");
  EXPECT_EQ(edges_of(r.graph), "C -SANCTION-> Dland");
  EXPECT_EQ(r.graph.edge(*boost::edges(r.graph.boost_graph()).first).evidence.size(), 2u);
}

}  // namespace
}  // namespace stakegraph::graph
