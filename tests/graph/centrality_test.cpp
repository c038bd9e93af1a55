// Centralities (graph/centrality.hpp, graph/betweenness.hpp): drawn graphs with hand-computed
// values, NetworkX oracles, Boost.Graph's Brandes and a naive all-pairs betweenness on seeded
// random graphs, and the sampled betweenness error bound.
#include "graph/centrality.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "graph/betweenness.hpp"
#include "graph/error.hpp"
#include "tests/graph/oracle.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::graph {
namespace {

using test_support::boost_betweenness;
using test_support::expect_near_all;
using test_support::load_oracle;
using test_support::random_edges;

Csr from_edges(std::uint32_t n, std::vector<std::pair<std::uint32_t, std::uint32_t>> edges,
               bool directed = false, std::vector<float> weights = {}) {
  const bool weighted = !weights.empty();
  return build_csr(n, edges, weights, {.directed = directed, .weighted = weighted});
}

//   1
//   |
//   0 --- 2        star K1,3, centre 0
//   |
//   3
Csr star() { return from_edges(4, {{0, 1}, {0, 2}, {0, 3}}); }

//   0 --- 1 --- 2 --- 3        path P4
Csr path4(bool directed = false) { return from_edges(4, {{0, 1}, {1, 2}, {2, 3}}, directed); }

// ---------------------------------------------------------------- drawn graphs, by hand

TEST(Betweenness, StarCentreCountsEachUnorderedPairOnce) {
  const auto r = betweenness_centrality(star());
  // Leaf pairs {1,2}, {1,3}, {2,3} all pass through 0.
  EXPECT_DOUBLE_EQ(r.scores[0], 3.0);
  EXPECT_DOUBLE_EQ(r.scores[1], 0.0);
  // normalized: ordered pairs 6 / ((n-1)(n-2) = 6) = 1.
  EXPECT_DOUBLE_EQ(betweenness_centrality(star(), {.normalized = true}).scores[0], 1.0);
}

TEST(Betweenness, PathP4) {
  const auto r = betweenness_centrality(path4());
  EXPECT_EQ(r.scores, (std::vector<double>{0, 2, 2, 0}));  // 1: {0,2},{0,3}; 2: {1,3},{0,3}
  // Directed 0->1->2->3: ordered pairs (0,2), (0,3) through 1; (0,3), (1,3) through 2.
  EXPECT_EQ(betweenness_centrality(path4(true)).scores, (std::vector<double>{0, 2, 2, 0}));
  // Against the direction nothing is reachable: a reversed path gives the same by symmetry,
  // but a path with one reversed edge 0->1<-2->3 has no path through 1.
  const Csr broken = from_edges(4, {{0, 1}, {2, 1}, {2, 3}}, true);
  EXPECT_EQ(betweenness_centrality(broken).scores, (std::vector<double>{0, 0, 0, 0}));
}

//   0 --- 1
//   |     |        4-cycle: two shortest paths between opposite corners
//   3 --- 2
TEST(Betweenness, CycleSplitsPaths) {
  const Csr c = from_edges(4, {{0, 1}, {1, 2}, {2, 3}, {3, 0}});
  // Pair {0,2}: via 1 or 3, half each; pair {1,3}: via 0 or 2.
  EXPECT_EQ(betweenness_centrality(c).scores, (std::vector<double>{0.5, 0.5, 0.5, 0.5}));
}

//   0 -(1)- 1 -(1)- 2        weights as lengths: 0-2 direct costs 3, via 1 costs 2
//    \_______(3)_____/
TEST(Betweenness, CostsChangeShortestPaths) {
  const Csr c = from_edges(3, {{0, 1}, {1, 2}, {0, 2}}, false, {1, 1, 3});
  EXPECT_EQ(betweenness_centrality(c).scores, (std::vector<double>{0, 0, 0}));
  EXPECT_EQ(betweenness_centrality(c, {.cost = EdgeCost::kWeight}).scores,
            (std::vector<double>{0, 1, 0}));
  // Inverse weights (evidence counts): the heavy edge costs 1/3, shorter than 1 + 1.
  EXPECT_EQ(betweenness_centrality(c, {.cost = EdgeCost::kInverseWeight}).scores,
            (std::vector<double>{0, 0, 0}));
}

TEST(Degree, DirectedModes) {
  //   0 -> 1, 1 -> 0, 0 -> 2, 3 -> 0
  const Csr c = from_edges(4, {{0, 1}, {1, 0}, {0, 2}, {3, 0}}, true);
  EXPECT_EQ(degree_centrality(c).scores, (std::vector<double>{4, 2, 1, 1}));
  EXPECT_EQ(degree_centrality(c, {.mode = DegreeMode::kIn}).scores,
            (std::vector<double>{2, 1, 1, 0}));
  EXPECT_EQ(degree_centrality(c, {.mode = DegreeMode::kOut}).scores,
            (std::vector<double>{2, 1, 0, 1}));
  const auto norm = degree_centrality(star(), {.normalized = true});
  EXPECT_DOUBLE_EQ(norm.scores[0], 1.0);
  EXPECT_DOUBLE_EQ(norm.scores[1], 1.0 / 3.0);
}

TEST(Degree, WeightedSumsEvidenceCounts) {
  // The story graph: United States has SANCTION (2 evidence), REQUEST (1), reports (1),
  // allied_with (no evidence: counts 1) merged with REQUEST into one neighbour Germany (1+1).
  const Graph g = test_support::story_graph();
  const Csr c = build_csr(g, {.weighted = true});
  const auto us = *g.find_node("United States");
  EXPECT_EQ(degree_centrality(build_csr(g)).scores[us], 3.0);  // Germany, Huawei, WSJ
  EXPECT_EQ(degree_centrality(c, {.weighted = true}).scores[us], 2.0 + 2.0 + 1.0);
}

//   0 --- 1 --- 2        3 (isolated)
TEST(Closeness, DrawnPathWithIsolatedNode) {
  const Csr c = from_edges(4, {{0, 1}, {1, 2}});
  // Node 1: reaches 2 nodes at total distance 2 -> (2/2) * (2/3) = 2/3. Node 0: 2/3 * 2/3.
  const auto r = closeness_centrality(c);
  EXPECT_DOUBLE_EQ(r.scores[1], 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(r.scores[0], (2.0 / 3.0) * (2.0 / 3.0));
  EXPECT_DOUBLE_EQ(r.scores[3], 0.0);
  const auto raw = closeness_centrality(c, {.normalized = false});
  EXPECT_DOUBLE_EQ(raw.scores[0], 1.0 / 3.0);
  const auto h = harmonic_centrality(c, {.normalized = false});
  EXPECT_EQ(h.scores, (std::vector<double>{1.5, 2.0, 1.5, 0.0}));
  EXPECT_DOUBLE_EQ(harmonic_centrality(c).scores[1], 2.0 / 3.0);
}

TEST(Closeness, DirectedUsesIncomingDistances) {
  //   0 -> 1 -> 2: node 2 is reached by 0 and 1; node 0 by nobody.
  const Csr c = from_edges(3, {{0, 1}, {1, 2}}, true);
  const auto r = closeness_centrality(c);
  EXPECT_DOUBLE_EQ(r.scores[0], 0.0);
  EXPECT_DOUBLE_EQ(r.scores[2], (2.0 / 3.0) * 1.0);
  EXPECT_EQ(harmonic_centrality(c, {.normalized = false}).scores,
            (std::vector<double>{0.0, 1.0, 1.5}));
}

TEST(PageRank, StarByHand) {
  // Star K1,3, alpha = 0.85: leaves get (1-a)/4 + a * x0 / 3, the centre (1-a)/4 + a (1 - x0).
  // Solving: x0 = (0.0375 + 0.85) / 1.85.
  const auto r = pagerank(star());
  const double x0 = (0.0375 + 0.85) / 1.85;
  EXPECT_NEAR(r.scores[0], x0, 1e-9);
  EXPECT_NEAR(r.scores[1], (1 - x0) / 3, 1e-9);
  EXPECT_TRUE(r.converged);
}

TEST(PageRank, RejectsBadOptions) {
  EXPECT_THROW(pagerank(star(), {.damping = 1.0}), InvalidArgument);
  EXPECT_THROW(pagerank(star(), {.damping = -0.1}), InvalidArgument);
  EXPECT_THROW(pagerank(star(), {.tolerance = 0.0}), InvalidArgument);
  EXPECT_THROW(pagerank(star(), {.personalization = {7}}), InvalidArgument);
  EXPECT_TRUE(pagerank(Csr{.offsets = {0}}).scores.empty());
}

TEST(Eigenvector, StarByHand) {
  // Star K1,n: the principal eigenvector is (sqrt(n), 1, ..., 1) / sqrt(2n).
  const auto r = eigenvector_centrality(star(), {.tolerance = 1e-13});
  EXPECT_NEAR(r.scores[0], std::sqrt(3.0) / std::sqrt(6.0), 1e-6);
  EXPECT_NEAR(r.scores[1], 1.0 / std::sqrt(6.0), 1e-6);
  // No edges: uniform.
  const auto flat = eigenvector_centrality(from_edges(4, {}));
  for (double x : flat.scores) EXPECT_DOUBLE_EQ(x, 0.5);
}

TEST(Centrality, EmptyAndSingleNode) {
  const Csr empty{.offsets = {0}};
  EXPECT_TRUE(betweenness_centrality(empty).scores.empty());
  EXPECT_TRUE(closeness_centrality(empty).scores.empty());
  EXPECT_TRUE(eigenvector_centrality(empty).scores.empty());
  const Csr one = from_edges(1, {});
  EXPECT_EQ(betweenness_centrality(one, {.normalized = true}).scores, std::vector<double>{0});
  EXPECT_EQ(closeness_centrality(one).scores, std::vector<double>{0});
  EXPECT_EQ(degree_centrality(one, {.normalized = true}).scores, std::vector<double>{0});
  EXPECT_DOUBLE_EQ(pagerank(one).scores[0], 1.0);
}

TEST(Centrality, RejectsNonPositiveWeightsForCosts) {
  const Csr c = from_edges(3, {{0, 1}, {1, 2}}, false, {1.0f, 0.0f});
  EXPECT_THROW(betweenness_centrality(c, {.cost = EdgeCost::kWeight}), InvalidArgument);
  EXPECT_THROW(closeness_centrality(c, {.cost = EdgeCost::kInverseWeight}), InvalidArgument);
  EXPECT_NO_THROW(betweenness_centrality(c));  // hops ignore weights
}

// ---------------------------------------------------------------- NetworkX oracles

class OracleTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    STAKEGRAPH_NEED_FILE(test_support::oracle_path(GetParam()));
    oracle_ = load_oracle(GetParam());
  }
  test_support::Oracle oracle_;
};

TEST_P(OracleTest, Degree) {
  expect_near_all(degree_centrality(oracle_.csr()).scores, oracle_.values("degree"), 0, "degree");
}

TEST_P(OracleTest, Betweenness) {
  const Csr c = oracle_.csr();
  expect_near_all(betweenness_centrality(c).scores, oracle_.values("betweenness_raw"), 1e-9,
                  "betweenness_raw");
  expect_near_all(betweenness_centrality(c, {.normalized = true}).scores,
                  oracle_.values("betweenness_normalized"), 1e-9, "betweenness_normalized");
  for (int threads : {1, 3}) {
    expect_near_all(betweenness_centrality(c, {.threads = threads}).scores,
                    oracle_.values("betweenness_raw"), 1e-9, "betweenness threads");
  }
  if (oracle_.data.contains("betweenness_raw_weighted")) {
    expect_near_all(betweenness_centrality(oracle_.csr(true), {.cost = EdgeCost::kWeight}).scores,
                    oracle_.values("betweenness_raw_weighted"), 1e-9, "betweenness_raw_weighted");
  }
}

TEST_P(OracleTest, ClosenessAndHarmonic) {
  const Csr c = oracle_.csr();
  expect_near_all(closeness_centrality(c).scores, oracle_.values("closeness"), 1e-12, "closeness");
  expect_near_all(harmonic_centrality(c, {.normalized = false}).scores, oracle_.values("harmonic"),
                  1e-12, "harmonic");
}

TEST_P(OracleTest, PageRank) {
  const auto r = pagerank(oracle_.csr(), {.tolerance = 1e-10});
  EXPECT_TRUE(r.converged);
  expect_near_all(r.scores, oracle_.values("pagerank"), 1e-8, "pagerank");
  EXPECT_NEAR(std::accumulate(r.scores.begin(), r.scores.end(), 0.0), 1.0, 1e-9);
}

// The oracles that carry eigenvector values: every one but the directed random graph
// (random_directed_60_150.json has none), so no instance has nothing to check.
class EigenvectorOracle : public OracleTest {};

TEST_P(EigenvectorOracle, Eigenvector) {
  ASSERT_TRUE(oracle_.data.contains("eigenvector")) << oracle_.name;
  const auto r =
      eigenvector_centrality(oracle_.csr(), {.tolerance = 1e-12, .max_iterations = 10000});
  EXPECT_TRUE(r.converged);
  expect_near_all(r.scores, oracle_.values("eigenvector"), 1e-8, "eigenvector");
}

INSTANTIATE_TEST_SUITE_P(NetworkX, OracleTest, ::testing::ValuesIn(test_support::oracle_names()));
INSTANTIATE_TEST_SUITE_P(NetworkX, EigenvectorOracle,
                         ::testing::Values("karate", "florentine_families", "les_miserables",
                                           "davis_southern_women", "path5_plus_star5"));

// The same through the Graph -> Csr path (nodes named like the oracle's).
TEST(OracleGraph, KarateThroughGraph) {
  STAKEGRAPH_NEED_FILE(test_support::oracle_path("karate"));
  const auto o = load_oracle("karate");
  Graph g;
  for (const auto& name : o.nodes) g.add_node_with_id(name, "n" + name, Kind::kPerson);
  for (auto [s, t] : o.edges) g.add_edge(s, t, Relation::kLinkedTo);
  expect_near_all(betweenness_centrality(build_csr(g)).scores, o.values("betweenness_raw"), 1e-9,
                  "karate via Graph");
}

// ---------------------------------------------------------------- Boost.Graph and naive

TEST(Betweenness, BoostCountsUnorderedPairsOnceToo) {
  // Pins Boost 1.74's convention on the drawn star: centre 3, like ours.
  EXPECT_EQ(boost_betweenness(star()), (std::vector<double>{3, 0, 0, 0}));
}

TEST(Betweenness, MatchesBoostOnRandomGraphs) {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const auto n = static_cast<std::uint32_t>(30 + seed * 17);
    const auto g = random_edges(n, n * (2 + seed % 4), seed);
    for (bool directed : {false, true}) {
      const Csr c = build_csr(g.n, g.edges, {}, {.directed = directed});
      expect_near_all(betweenness_centrality(c).scores, boost_betweenness(c), 1e-9,
                      "seed " + std::to_string(seed) + (directed ? " directed" : ""));
    }
  }
}

TEST(Betweenness, MatchesNaiveAllPairs) {
  for (std::uint64_t seed = 20; seed < 30; ++seed) {
    const auto n = static_cast<std::uint32_t>(20 + seed);
    const auto g = random_edges(n, n * 2, seed, 4);
    for (bool directed : {false, true}) {
      const std::string what = "seed " + std::to_string(seed) + (directed ? " directed" : "");
      const Csr c = build_csr(g.n, g.edges, g.weights, {.directed = directed, .weighted = true});
      const double half = directed ? 1.0 : 0.5;
      auto hops = test_support::naive_betweenness_ordered(c, false);
      for (double& x : hops) x *= half;
      expect_near_all(betweenness_centrality(c).scores, hops, 1e-9, what + " hops");
      auto costs = test_support::naive_betweenness_ordered(c, true);
      for (double& x : costs) x *= half;
      expect_near_all(betweenness_centrality(c, {.cost = EdgeCost::kWeight}).scores, costs, 1e-9,
                      what + " costs");
    }
  }
}

TEST(Closeness, MatchesNaiveWithCosts) {
  for (std::uint64_t seed = 40; seed < 46; ++seed) {
    const auto g = random_edges(40, 70, seed, 5);  // sparse: some nodes unreachable
    const Csr c = build_csr(g.n, g.edges, g.weights, {.weighted = true});
    const auto ap = test_support::naive_all_pairs(c, true);
    std::vector<double> closeness(c.n, 0.0), harmonic(c.n, 0.0);
    for (std::uint32_t u = 0; u < c.n; ++u) {
      double total = 0, reached = 0;
      for (std::uint32_t v = 0; v < c.n; ++v) {
        if (v == u || std::isinf(ap.dist[v][u])) continue;
        total += ap.dist[v][u];
        reached += 1;
        harmonic[u] += 1.0 / ap.dist[v][u];
      }
      if (total > 0) closeness[u] = (reached / total) * (reached / (c.n - 1.0));
    }
    expect_near_all(closeness_centrality(c, {.cost = EdgeCost::kWeight}).scores, closeness, 1e-12,
                    "closeness");
    expect_near_all(harmonic_centrality(c, {.cost = EdgeCost::kWeight, .normalized = false}).scores,
                    harmonic, 1e-12, "harmonic");
  }
}

// ---------------------------------------------------------------- sampling

TEST(Betweenness, SampledWithinStatedBoundOnRandomGraphs) {
  int graphs = 0;
  double worst_ratio = 0.0;
  for (std::uint64_t seed = 100; seed < 124; ++seed, ++graphs) {
    const auto n = static_cast<std::uint32_t>(80 + (seed % 7) * 40);
    const auto g = random_edges(n, n * 3, seed);
    const bool directed = seed % 3 == 0;
    const Csr c = build_csr(g.n, g.edges, {}, {.directed = directed});
    const auto exact = betweenness_centrality(c, {.normalized = true});
    const std::uint32_t k = n / 4;
    const auto est = betweenness_centrality(c, {.normalized = true, .samples = k, .seed = seed});
    ASSERT_EQ(est.samples, k);
    const double bound = betweenness_sampling_bound(n, k, 0.95);
    EXPECT_DOUBLE_EQ(est.error_bound, bound);
    double worst = 0.0;
    for (std::uint32_t v = 0; v < n; ++v)
      worst = std::max(worst, std::abs(est.scores[v] - exact.scores[v]));
    EXPECT_LE(worst, bound) << "seed " << seed;
    worst_ratio = std::max(worst_ratio, worst / bound);
    // The raw bound is the normalized one on the raw scale.
    const auto raw = betweenness_centrality(c, {.samples = k, .seed = seed});
    EXPECT_NEAR(raw.error_bound, bound * (n - 1.0) * (n - 2.0) * (directed ? 1.0 : 0.5), 1e-6);
  }
  EXPECT_GE(graphs, 20);
  // The bound is loose (Hoeffding + union), but the estimate is not wild either.
  EXPECT_LT(worst_ratio, 1.0);
}

TEST(Betweenness, SamplingIsSeededAndExactWhenAllSourcesAreUsed) {
  const auto g = random_edges(200, 600, 7);
  const Csr c = build_csr(g.n, g.edges, {}, {});
  const auto a = betweenness_centrality(c, {.samples = 50, .seed = 1});
  const auto b = betweenness_centrality(c, {.samples = 50, .seed = 1, .threads = 1});
  const auto d = betweenness_centrality(c, {.samples = 50, .seed = 2});
  expect_near_all(a.scores, b.scores, 1e-12, "same seed");
  EXPECT_NE(a.scores, d.scores);
  const auto exact = betweenness_centrality(c);
  const auto all = betweenness_centrality(c, {.samples = 200, .seed = 3});
  EXPECT_EQ(all.samples, 0u);
  EXPECT_EQ(all.error_bound, 0.0);
  expect_near_all(all.scores, exact.scores, 1e-12, "k = n");
  // Unbiased: the mean over many seeds approaches the exact scores.
  std::vector<double> mean(c.n, 0.0);
  const int runs = 60;
  for (int s = 0; s < runs; ++s) {
    const auto r = betweenness_centrality(c, {.samples = 40, .seed = 1000u + s});
    for (std::uint32_t v = 0; v < c.n; ++v) mean[v] += r.scores[v] / runs;
  }
  double total_exact = 0, total_mean = 0;
  for (std::uint32_t v = 0; v < c.n; ++v) {
    total_exact += exact.scores[v];
    total_mean += mean[v];
  }
  EXPECT_NEAR(total_mean / total_exact, 1.0, 0.02);
}

TEST(Betweenness, SamplingBoundArguments) {
  EXPECT_THROW(betweenness_sampling_bound(100, 0, 0.95), InvalidArgument);
  EXPECT_THROW(betweenness_sampling_bound(100, 10, 1.0), InvalidArgument);
  EXPECT_THROW(betweenness_centrality(star(), {.confidence = 0.0}), InvalidArgument);
  EXPECT_EQ(betweenness_sampling_bound(100, 100, 0.95), 0.0);
  // n = 10,000, k = 1,000, 95%: n/(n-1) sqrt(ln(400,000) / 2,000) = 0.0803.
  EXPECT_NEAR(betweenness_sampling_bound(10000, 1000, 0.95), 0.0803, 1e-4);
}

// ---------------------------------------------------------------- PageRank and eigenvector

// Dense PageRank by solving the linear system x (I - a M) = (1 - a) p, where M moves along
// out-edges by weight and dangling rows jump by p: an independent oracle (no iteration).
std::vector<double> dense_pagerank(const Csr& c, double a, const std::vector<double>& p,
                                   bool weighted) {
  const std::uint32_t n = c.n;
  std::vector<std::vector<double>> m(n, std::vector<double>(n + 1, 0.0));  // augmented, A^T
  for (std::uint32_t u = 0; u < n; ++u) {
    double out = 0;
    for (std::uint64_t i = c.offsets[u]; i < c.offsets[u + 1]; ++i)
      out += weighted ? c.weight(i) : 1.0;
    for (std::uint32_t v = 0; v < n; ++v) {
      double muv = 0;
      if (out == 0) {
        muv = p[v];
      } else {
        for (std::uint64_t i = c.offsets[u]; i < c.offsets[u + 1]; ++i)
          if (c.targets[i] == v) muv += (weighted ? c.weight(i) : 1.0) / out;
      }
      m[v][u] -= a * muv;  // row v of (I - a M)^T
    }
  }
  for (std::uint32_t v = 0; v < n; ++v) {
    m[v][v] += 1.0;
    m[v][n] = (1 - a) * p[v];
  }
  for (std::uint32_t col = 0; col < n; ++col) {  // Gauss-Jordan with partial pivoting
    std::uint32_t piv = col;
    for (std::uint32_t r = col + 1; r < n; ++r)
      if (std::abs(m[r][col]) > std::abs(m[piv][col])) piv = r;
    std::swap(m[col], m[piv]);
    for (std::uint32_t r = 0; r < n; ++r) {
      if (r == col) continue;
      const double f = m[r][col] / m[col][col];
      for (std::uint32_t k = col; k <= n; ++k) m[r][k] -= f * m[col][k];
    }
  }
  std::vector<double> x(n);
  for (std::uint32_t v = 0; v < n; ++v) x[v] = m[v][n] / m[v][v];
  return x;
}

TEST(PageRank, MatchesDenseSolveWithPersonalizationAndWeights) {
  for (std::uint64_t seed = 60; seed < 66; ++seed) {
    const auto g = random_edges(50, 90, seed, 5);
    for (bool directed : {false, true}) {
      const Csr c = build_csr(g.n, g.edges, g.weights, {.directed = directed, .weighted = true});
      std::vector<double> uniform(c.n, 1.0 / c.n), two(c.n, 0.0);
      two[3] = two[17] = 0.5;
      for (bool weighted : {false, true}) {
        const std::string what = "seed " + std::to_string(seed) + (directed ? " dir" : "") +
                                 (weighted ? " weighted" : "");
        expect_near_all(pagerank(c, {.weighted = weighted}).scores,
                        dense_pagerank(c, 0.85, uniform, weighted), 1e-8, what);
        expect_near_all(
            pagerank(c, {.damping = 0.7, .weighted = weighted, .personalization = {3, 17}}).scores,
            dense_pagerank(c, 0.7, two, weighted), 1e-8, what + " personalized");
      }
    }
  }
}

TEST(Eigenvector, IsAnEigenvectorOnConnectedRandomGraphs) {
  for (std::uint64_t seed = 70; seed < 76; ++seed) {
    auto g = random_edges(60, 240, seed, 3);
    for (std::uint32_t v = 1; v < g.n; ++v) {  // add a path so the graph is connected
      g.edges.emplace_back(v - 1, v);
      g.weights.push_back(1.0f);
    }
    for (bool weighted : {false, true}) {
      const Csr c = build_csr(g.n, g.edges, g.weights, {.weighted = true});
      const auto r = eigenvector_centrality(
          c, {.tolerance = 1e-14, .max_iterations = 100000, .weighted = weighted});
      ASSERT_TRUE(r.converged);
      // A x = lambda x with lambda the Rayleigh quotient (x has norm 1).
      std::vector<double> ax(c.n, 0.0);
      for (std::uint32_t u = 0; u < c.n; ++u)
        for (std::uint64_t i = c.offsets[u]; i < c.offsets[u + 1]; ++i)
          ax[u] += (weighted ? c.weight(i) : 1.0) * r.scores[c.targets[i]];
      double lambda = 0, norm = 0;
      for (std::uint32_t u = 0; u < c.n; ++u) {
        lambda += ax[u] * r.scores[u];
        norm += r.scores[u] * r.scores[u];
      }
      EXPECT_NEAR(norm, 1.0, 1e-12);
      for (std::uint32_t u = 0; u < c.n; ++u) {
        EXPECT_NEAR(ax[u], lambda * r.scores[u], 1e-6 * lambda);
        EXPECT_GT(r.scores[u], 0.0);
      }
    }
  }
}

}  // namespace
}  // namespace stakegraph::graph
