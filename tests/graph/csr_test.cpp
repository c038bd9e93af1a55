// The CSR view: merging of parallel edges, both directions, weights from evidence counts.
#include "graph/csr.hpp"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "graph/error.hpp"

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
  EXPECT_FLOAT_EQ(c.weights[c.offsets[0]], 4.0f);      // A-B: 2 + 1 + (1 for no evidence)
  EXPECT_FLOAT_EQ(c.weights[c.offsets[1] + 1], 1.0f);  // B-C
}

TEST(Csr, DirectedHasInRows) {
  const Csr c = build_csr(small(), {.directed = true});
  EXPECT_EQ(c.degree(0), 1u);                        // A -> B
  EXPECT_EQ(c.degree(1), 2u);                        // B -> A, B -> C
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

// build_csr_from_arrays (edge arrays taken, built in place) equals build_csr of the same
// edges as pairs, bit for bit: offsets, rows, and the weights of merged parallel edges summed
// in the same order (weights of several magnitudes, so that another order would show).
// Edges drawn at random on 30 nodes, many parallel edges and self-loops, node 29 isolated:
//   0 -> 1 (0.1)   1 -> 0 (3e7)   0 -> 1 (1.5)   2 -> 2 (self-loop)   ...
TEST(Csr, FromArraysEqualsFromPairs) {
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    const std::uint32_t n = 30;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    std::vector<float> weights;
    std::uniform_int_distribution<std::uint32_t> node(0, round % 2 ? 6 : n - 2);
    const float scale[] = {0.1f, 1.5f, 3e7f, 7.0f, 1e-3f};
    for (int i = 0; i < 200; ++i) {
      pairs.emplace_back(node(rng), node(rng));
      weights.push_back(scale[rng() % 5] * static_cast<float>(1 + rng() % 9));
    }
    for (const bool directed : {false, true})
      for (const bool weighted : {false, true})
        for (const bool with_weights : {false, true}) {
          const CsrOptions o{.directed = directed, .weighted = weighted};
          const std::vector<float> w = with_weights ? weights : std::vector<float>{};
          const Csr a = build_csr(n, pairs, w, o);
          std::vector<std::uint32_t> sources, targets;
          for (const auto& [s, t] : pairs) {
            sources.push_back(s);
            targets.push_back(t);
          }
          std::vector<float> w2 = w;
          const Csr b =
              build_csr_from_arrays(n, std::move(sources), std::move(targets), std::move(w2), o);
          const std::string what = "round " + std::to_string(round) +
                                   (directed ? " directed" : " undirected") +
                                   (weighted ? " weighted" : "") + (with_weights ? " w" : "");
          EXPECT_EQ(b.n, a.n) << what;
          EXPECT_EQ(b.directed, a.directed) << what;
          EXPECT_EQ(b.weighted, a.weighted) << what;
          EXPECT_EQ(b.offsets, a.offsets) << what;
          EXPECT_EQ(b.targets, a.targets) << what;
          EXPECT_EQ(b.weights, a.weights) << what;
          EXPECT_EQ(b.in_offsets, a.in_offsets) << what;
          EXPECT_EQ(b.in_sources, a.in_sources) << what;
          EXPECT_EQ(b.in_weights, a.in_weights) << what;
          EXPECT_LE(b.targets.capacity(), b.targets.size() + b.targets.size() / 8) << what;
        }
  }
  EXPECT_THROW(build_csr_from_arrays(2, {0, 1}, {1}, {}), InvalidArgument);
  EXPECT_THROW(build_csr_from_arrays(2, {0, 2}, {1, 0}, {}), InvalidArgument);
}

}  // namespace
}  // namespace stakegraph::graph
