// graph/diff.hpp on tiny graphs whose differences are worked out by hand.
#include "graph/diff.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace stakegraph::graph {
namespace {

std::set<std::string> edge_names(const Graph& g, const std::vector<EdgeRef>& edges) {
  std::set<std::string> out;
  for (EdgeRef e : edges)
    out.insert(g.node(g.source(e)).name + " " + std::string(relation_name(g.edge(e).relation)) +
               " " + g.node(g.target(e)).name);
  return out;
}

Evidence text(const std::string& t) {
  Evidence e;
  e.text = t;
  return e;
}

// before:  A -allied_with- B,  A -SUPPORT-> C,  E (alone)
// after:   A -ACCUSE-> B (2 evidence), A -allied_with- B (1), A -SUPPORT-> C, C -AID-> D
// Added: node D; edges A ACCUSE B, C AID D. Removed: node E; no edge (allied_with stays).
// Pair A~B: before +1 (allied_with); after 1 - 2 = -1: a sign change. A~C stays +.
TEST(Diff, NodesEdgesAndSignChanges) {
  Graph before, after;
  for (Graph* g : {&before, &after}) {
    const NodeIndex a = g->add_node("A", Kind::kGovernment);
    const NodeIndex b = g->add_node("B", Kind::kGovernment);
    const NodeIndex c = g->add_node("C", Kind::kVendor);
    g->add_evidence(g->add_edge(a, b, Relation::kAlliedWith), text("allies"));
    g->add_evidence(g->add_edge(a, c, Relation::kSupport), text("support"));
  }
  before.add_node("E", Kind::kPerson);
  const NodeIndex d = after.add_node("D", Kind::kOperator);
  const EdgeRef accuse =
      after.add_edge(*after.find_node("A"), *after.find_node("B"), Relation::kAccuse);
  after.add_evidence(accuse, text("accused once"));
  after.add_evidence(accuse, text("accused twice"));
  after.add_evidence(after.add_edge(*after.find_node("C"), d, Relation::kAid), text("aid"));

  const GraphDiff r = diff_graphs(before, after);
  ASSERT_EQ(r.nodes_added.size(), 1u);
  EXPECT_EQ(after.node(r.nodes_added[0]).name, "D");
  ASSERT_EQ(r.nodes_removed.size(), 1u);
  EXPECT_EQ(before.node(r.nodes_removed[0]).name, "E");
  EXPECT_EQ(edge_names(after, r.edges_added), (std::set<std::string>{"A ACCUSE B", "C AID D"}));
  EXPECT_TRUE(r.edges_removed.empty());
  ASSERT_EQ(r.sign_changes.size(), 1u);
  const SignChange& s = r.sign_changes[0];
  EXPECT_EQ(before.node(s.a_before).name, "A");
  EXPECT_EQ(before.node(s.b_before).name, "B");
  EXPECT_EQ(s.before, 1);
  EXPECT_EQ(s.after, -1);
  EXPECT_EQ(s.before_edges.size(), 1u);
  EXPECT_EQ(s.after_edges.size(), 2u);

  // Reversed: everything swaps sides.
  const GraphDiff back = diff_graphs(after, before);
  EXPECT_EQ(back.nodes_added.size(), 1u);
  EXPECT_EQ(back.nodes_removed.size(), 1u);
  EXPECT_EQ(edge_names(after, back.edges_removed),
            (std::set<std::string>{"A ACCUSE B", "C AID D"}));
  ASSERT_EQ(back.sign_changes.size(), 1u);
  EXPECT_EQ(back.sign_changes[0].before, -1);
  EXPECT_EQ(back.sign_changes[0].after, 1);
  EXPECT_TRUE(diff_graphs(before, before).empty());
}

// Edges match by (source id, target id, relation): the same pair with another relation, or
// the other direction, is another edge. A self-loop is never a pair.
//   before: A -ACCUSE-> B, A -ACCUSE-> A        after: B -ACCUSE-> A, A -REJECT-> A
TEST(Diff, EdgeIdentityAndSelfLoops) {
  Graph before, after;
  const NodeIndex a0 = before.add_node("A", Kind::kGovernment);
  const NodeIndex b0 = before.add_node("B", Kind::kGovernment);
  before.add_edge(a0, b0, Relation::kAccuse);
  before.add_edge(a0, a0, Relation::kAccuse);
  const NodeIndex a1 = after.add_node("A", Kind::kGovernment);
  const NodeIndex b1 = after.add_node("B", Kind::kGovernment);
  after.add_edge(b1, a1, Relation::kAccuse);
  after.add_edge(a1, a1, Relation::kReject);
  const GraphDiff r = diff_graphs(before, after);
  EXPECT_EQ(edge_names(after, r.edges_added), (std::set<std::string>{"B ACCUSE A", "A REJECT A"}));
  EXPECT_EQ(edge_names(before, r.edges_removed),
            (std::set<std::string>{"A ACCUSE B", "A ACCUSE A"}));
  EXPECT_TRUE(r.sign_changes.empty());  // A~B is - on both sides
  EXPECT_TRUE(r.nodes_added.empty());
}

}  // namespace
}  // namespace stakegraph::graph
