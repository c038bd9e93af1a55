// The CSR view: merging of parallel edges, both directions, weights from evidence counts.
#include "graph/csr.hpp"

#include <gtest/gtest.h>

#include <set>

#include "tests/test_graphs.hpp"

namespace stakegraph::graph {
namespace {

//   A -SANCTION-> B (2 evidence)   A -ACCUSE-> B (1 evidence)   B -REJECT-> A (no evidence)
//   B -supplies-> C                C -owns-> C (self-loop, dropped)
Graph small() {
  Graph g;
  const auto art = g.add_article({.id = "x"});
  const NodeIndex a = g.add_node("A", Kind::kGovernment);
  const NodeIndex b = g.add_node("B", Kind::kVendor);
  const NodeIndex c = g.add_node("C", Kind::kOperator);
  auto ev = [&](std::uint32_t i) {
    Evidence e;
    e.article = art;
    e.sentence = i;
    e.text = "s" + std::to_string(i);
    return e;
  };
  const EdgeRef ab = g.add_edge(a, b, Relation::kSanction);
  g.add_evidence(ab, ev(0));
  g.add_evidence(ab, ev(1));
  g.add_evidence(g.add_edge(a, b, Relation::kAccuse), ev(2));
  g.add_edge(b, a, Relation::kReject);
  g.add_evidence(g.add_edge(b, c, Relation::kSupplies), ev(3));
  g.add_edge(c, c, Relation::kOwns);
  return g;
}

TEST(Csr, UndirectedMergesParallelEdges) {
  const Csr c = build_csr(small());
  ASSERT_EQ(c.n, 3u);
  EXPECT_EQ(c.degree(0), 1u);  // A: B
  EXPECT_EQ(c.degree(1), 2u);  // B: A, C
  EXPECT_EQ(c.degree(2), 1u);  // C: B (self-loop dropped)
  EXPECT_EQ(c.targets[c.offsets[1]], 0u);
  EXPECT_EQ(c.targets[c.offsets[1] + 1], 2u);
  EXPECT_TRUE(c.weights.empty());
}

TEST(Csr, WeightedSumsEvidenceCounts) {
  const Csr c = build_csr(small(), {.weighted = true});
  EXPECT_FLOAT_EQ(c.weights[c.offsets[0]], 4.0f);  // A-B: 2 + 1 + (1 for no evidence)
  EXPECT_FLOAT_EQ(c.weights[c.offsets[1] + 1], 1.0f);  // B-C
}

TEST(Csr, DirectedHasInRows) {
  const Csr c = build_csr(small(), {.directed = true});
  EXPECT_EQ(c.degree(0), 1u);  // A -> B
  EXPECT_EQ(c.degree(1), 2u);  // B -> A, B -> C
  EXPECT_EQ(c.in_offsets[1] - c.in_offsets[0], 1u);  // A <- B
  EXPECT_EQ(c.in_offsets[3] - c.in_offsets[2], 1u);  // C <- B
}

TEST(Csr, MatchesEdgeSetOfRandomGraphs) {
  for (unsigned seed = 1; seed <= 5; ++seed) {
    const Graph g = test_support::random_graph(60, 300, seed, false);
    const Csr c = build_csr(g);
    std::set<std::pair<NodeIndex, NodeIndex>> expected;
    for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
      const NodeIndex s = g.source(*it), t = g.target(*it);
      if (s == t) continue;
      expected.insert({s, t});
      expected.insert({t, s});
    }
    std::set<std::pair<NodeIndex, NodeIndex>> got;
    for (std::uint32_t v = 0; v < c.n; ++v)
      for (auto i = c.offsets[v]; i < c.offsets[v + 1]; ++i) got.insert({v, c.targets[i]});
    EXPECT_EQ(got, expected) << "seed " << seed;
    EXPECT_EQ(c.entries(), expected.size());
  }
}

}  // namespace
}  // namespace stakegraph::graph
