// Camps (minimum-frustration partitions of the signed graph): drawn graphs with exact
// answers, the signed view of typed graphs (neutral relations, parallel edges, evidence
// weights), and exhaustive enumeration of all set partitions as the oracle on many seeded
// random signed graphs of 2 to 12 nodes.
#include "graph/camps.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "graph/components.hpp"
#include "graph/error.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::graph {
namespace {

// Exhaustive minimum over every set partition of 0..n-1 (restricted growth strings), with
// the frustration of each pair's summed weight counted as nodes are placed.
class BruteForce {
 public:
  BruteForce(std::uint32_t n, const std::vector<SignedEdge>& edges)
      : n_(n), w_(n, std::vector<double>(n, 0.0)), label_(n, 0) {
    for (const SignedEdge& e : edges) {
      if (e.u == e.v) continue;
      w_[e.u][e.v] += e.weight;
      w_[e.v][e.u] += e.weight;
    }
  }
  double minimum() {
    best_ = 1e300;
    if (n_ == 0) return 0.0;
    place(0, 0, 0.0);
    return best_;
  }

 private:
  void place(std::uint32_t i, std::uint32_t groups, double cost) {
    if (i == n_) {
      best_ = std::min(best_, cost);
      return;
    }
    for (std::uint32_t g = 0; g <= groups; ++g) {
      double add = 0.0;
      for (std::uint32_t j = 0; j < i; ++j) {
        const double x = w_[i][j];
        if (x > 0 && label_[j] != g) add += x;
        if (x < 0 && label_[j] == g) add -= x;
      }
      label_[i] = g;
      place(i + 1, g == groups ? groups + 1 : groups, cost + add);
    }
  }
  std::uint32_t n_;
  std::vector<std::vector<double>> w_;
  std::vector<std::uint32_t> label_;
  double best_ = 0.0;
};

void expect_valid(const SignedGraph& g, const CampsResult& r) {
  ASSERT_EQ(r.membership.size(), g.n);
  const auto members = cluster_members(r.membership, r.count);
  std::size_t total = 0;
  for (const auto& m : members) {
    ASSERT_FALSE(m.empty());
    total += m.size();
  }
  EXPECT_EQ(total, g.n);
  EXPECT_NEAR(r.frustration, frustration(g, r.membership), 1e-9);
}

//   0 +-- 1          + ties inside {0,1,2} and {3,4}; - ties between them
//    \   /           frustration 0 with two camps
//     + +
//      2 --(-)-- 3 +-- 4,   0 --(-)-- 4
TEST(Camps, TwoCampsWithoutFrustration) {
  const SignedGraph g =
      build_signed(5, {{0, 1, 1}, {1, 2, 1}, {0, 2, 1}, {3, 4, 1}, {2, 3, -1}, {0, 4, -1}});
  const CampsResult r = camps(g);
  expect_valid(g, r);
  EXPECT_EQ(r.frustration, 0.0);
  EXPECT_EQ(r.count, 2u);
  EXPECT_EQ(r.membership, (std::vector<std::uint32_t>{0, 0, 0, 1, 1}));
  EXPECT_TRUE(r.exact);
}

//   0 -(+)- 1 -(+)- 2 -(-)- 0 : an unbalanced triangle; every partition frustrates 1
TEST(Camps, FrustratedTriangle) {
  const SignedGraph g = build_signed(3, {{0, 1, 1}, {1, 2, 1}, {2, 0, -1}});
  const CampsResult r = camps(g);
  expect_valid(g, r);
  EXPECT_EQ(r.frustration, 1.0);
  EXPECT_TRUE(r.exact);
  EXPECT_EQ(r.exact_components, 1u);
}

//   all ties negative: every node is a camp of its own; isolated nodes too
TEST(Camps, EnemiesOnlyAndIsolatedNodes) {
  const SignedGraph g = build_signed(5, {{0, 1, -1}, {1, 2, -1}, {2, 0, -1}});
  const CampsResult r = camps(g);
  expect_valid(g, r);
  EXPECT_EQ(r.count, 5u);
  EXPECT_EQ(r.frustration, 0.0);
}

TEST(Camps, EmptyGraph) {
  const CampsResult r = camps(build_signed(0, {}));
  EXPECT_EQ(r.count, 0u);
  EXPECT_EQ(r.frustration, 0.0);
}

//   0 -(+3)- 1 -(-1)- 2 -(+1)- 0
//   all together: the -1 inside costs 1; {0,1} {2}: the +1 cut costs 1; any split of 0 and
//   1 costs at least 3. Minimum 1, with 0 and 1 together.
TEST(Camps, WeightsCount) {
  const SignedGraph g = build_signed(3, {{0, 1, 3}, {1, 2, -1}, {2, 0, 1}});
  const CampsResult r = camps(g);
  expect_valid(g, r);
  EXPECT_EQ(r.frustration, 1.0);
  EXPECT_EQ(r.membership[0], r.membership[1]);
}

TEST(SignedView, ParallelEdgesAreSummed) {
  // 0-1: +1 +1 -1 (net +1); 1-2: +2 -2 (net 0: no tie); 2-3 both directions -1 -1 (net -2)
  const SignedGraph g = build_signed(
      4,
      {{0, 1, 1}, {1, 0, 1}, {0, 1, -1}, {1, 2, 2}, {2, 1, -2}, {2, 3, -1}, {3, 2, -1}, {3, 3, 5}});
  ASSERT_EQ(g.offsets, (std::vector<std::uint64_t>{0, 1, 2, 3, 4}));
  EXPECT_EQ(g.targets, (std::vector<std::uint32_t>{1, 0, 3, 2}));
  EXPECT_EQ(g.weights, (std::vector<double>{1, 1, -2, -2}));
}

TEST(SignedView, FromTypedGraph) {
  //   A -SANCTION-> B (2 evidence), A -supplies-> B (1 evidence), B -ACCUSE-> A (none)
  //   A -reports-> C (neutral, ignored), C -allied_with- D
  Graph t;
  const auto art = t.add_article({.id = "x"});
  const NodeIndex a = t.add_node("A", Kind::kGovernment), b = t.add_node("B", Kind::kVendor);
  const NodeIndex c = t.add_node("C", Kind::kMedia), d = t.add_node("D", Kind::kMedia);
  auto ev = [&](std::uint32_t i) {
    Evidence e;
    e.article = art;
    e.sentence = i;
    e.text = "s" + std::to_string(i);
    return e;
  };
  const EdgeRef ban = t.add_edge(a, b, Relation::kSanction);
  t.add_evidence(ban, ev(0));
  t.add_evidence(ban, ev(1));
  t.add_evidence(t.add_edge(a, b, Relation::kSupplies), ev(2));
  t.add_edge(b, a, Relation::kAccuse);
  t.add_edge(a, c, Relation::kReports);
  t.add_edge(c, d, Relation::kAlliedWith);
  const SignedGraph u = build_signed(t);  // A-B: -1 +1 -1 = -1; C-D: +1
  EXPECT_EQ(u.targets, (std::vector<std::uint32_t>{1, 0, 3, 2}));
  EXPECT_EQ(u.weights, (std::vector<double>{-1, -1, 1, 1}));
  const SignedGraph w = build_signed(t, {.weighted = true});  // A-B: -2 +1 -1 = -2
  EXPECT_EQ(w.weights, (std::vector<double>{-2, -2, 1, 1}));
}

TEST(Camps, StoryGraph) {
  // The seed story: Huawei supplies the four operators and Ren Zhengfei is part of Huawei;
  // the US sanctions Huawei; US-Germany is REQUEST (-) plus allied_with (+), net 0.
  const Graph story = test_support::story_graph();
  const SignedGraph g = build_signed(story);
  const CampsResult r = camps(g);
  expect_valid(g, r);
  EXPECT_EQ(r.frustration, 0.0);
  const auto id = [&](const char* name) { return *story.find_node(name); };
  const std::uint32_t huawei = r.membership[id("Huawei")];
  for (const char* name : {"BT", "EE", "Vodafone", "Three"})
    EXPECT_EQ(r.membership[id(name)], huawei) << name;
  EXPECT_NE(r.membership[id("United States")], huawei);
  EXPECT_NE(r.membership[id("espionage via backdoors")], huawei);
  EXPECT_EQ(r.count, 5u);  // Huawei's camp, US, Germany, the allegation, the newspaper
}

// ---- exhaustive oracle ---------------------------------------------------------------------

std::vector<SignedEdge> random_signed(std::uint32_t n, std::mt19937_64& rng, int max_weight,
                                      double density, bool parallel) {
  std::vector<SignedEdge> e;
  std::bernoulli_distribution keep(density);
  for (std::uint32_t i = 0; i < n; ++i)
    for (std::uint32_t j = i + 1; j < n; ++j) {
      const int copies = parallel ? 1 + static_cast<int>(rng() % 2) : 1;
      for (int c = 0; c < copies; ++c) {
        if (!keep(rng)) continue;
        const double w = static_cast<double>(1 + rng() % max_weight);
        const bool positive = rng() % 2 == 0;
        e.push_back(rng() % 2 ? SignedEdge{i, j, positive ? w : -w}
                              : SignedEdge{j, i, positive ? w : -w});
      }
    }
  return e;
}

TEST(Camps, EqualsBruteForceUpTo12Nodes) {
  std::mt19937_64 rng(20240611);
  int heuristic_optimal = 0, graphs = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const std::uint32_t n = 2 + static_cast<std::uint32_t>(trial % 11);  // 2..12
    const int max_weight = trial % 3 == 0 ? 3 : 1;
    const double density = 0.2 + 0.1 * (trial % 8);
    const std::vector<SignedEdge> edges =
        random_signed(n, rng, max_weight, density, trial % 5 == 0);
    const SignedGraph g = build_signed(n, edges);
    const double optimum = BruteForce(n, edges).minimum();
    const CampsResult r = camps(g, {.seed = static_cast<std::uint64_t>(trial)});
    expect_valid(g, r);
    EXPECT_TRUE(r.exact) << "trial " << trial;
    EXPECT_NEAR(r.frustration, optimum, 1e-9) << "trial " << trial << " n " << n;
    // The local search alone (no branch and bound) is never below the optimum, and usually
    // reaches it.
    const CampsResult h = camps(g, {.seed = static_cast<std::uint64_t>(trial), .exact_limit = 0});
    expect_valid(g, h);
    EXPECT_GE(h.frustration, optimum - 1e-9);
    heuristic_optimal += std::abs(h.frustration - optimum) < 1e-9;
    ++graphs;
  }
  EXPECT_GE(heuristic_optimal, graphs * 9 / 10);
}

TEST(Camps, SeveralSmallComponentsAreEachExact) {
  // Three disjoint random 10-node components.
  std::mt19937_64 rng(7);
  std::vector<SignedEdge> all;
  for (std::uint32_t part = 0; part < 3; ++part)
    for (SignedEdge e : random_signed(10, rng, 2, 0.6, false)) {
      e.u += 10 * part;
      e.v += 10 * part;
      all.push_back(e);
    }
  const SignedGraph g = build_signed(30, all);
  const CampsResult r = camps(g);
  expect_valid(g, r);
  EXPECT_TRUE(r.exact);
  double optimum = 0.0;
  for (std::uint32_t part = 0; part < 3; ++part) {
    std::vector<SignedEdge> mine;
    for (const SignedEdge& e : all)
      if (e.u / 10 == part) mine.push_back({e.u - 10 * part, e.v - 10 * part, e.weight});
    optimum += BruteForce(10, mine).minimum();
  }
  EXPECT_NEAR(r.frustration, optimum, 1e-9);
  // No camp spans two components.
  for (std::uint32_t v = 0; v < 30; ++v)
    for (std::uint32_t u = 0; u < 30; ++u)
      if (u / 10 != v / 10) {
        EXPECT_NE(r.membership[u], r.membership[v]);
      }
}

TEST(Camps, BudgetExhaustedIsReported) {
  std::mt19937_64 rng(3);
  const std::vector<SignedEdge> edges = random_signed(14, rng, 1, 1.0, false);
  const SignedGraph g = build_signed(14, edges);
  const CampsResult r = camps(g, {.exact_budget = 5});
  expect_valid(g, r);
  EXPECT_FALSE(r.exact);
  EXPECT_EQ(r.heuristic_components, 1u);
  const CampsResult full = camps(g);
  EXPECT_TRUE(full.exact);
  EXPECT_GE(r.frustration, full.frustration - 1e-9);
}

// A planted partition (4 camps of 50) with 5% of the signs flipped: the local search on a
// component far above the exact limit finds a partition at least as good as the planted one.
TEST(Camps, LargeComponentBeatsPlantedPartition) {
  std::mt19937_64 rng(11);
  const std::uint32_t n = 200;
  std::vector<SignedEdge> edges;
  std::vector<std::uint32_t> planted(n);
  for (std::uint32_t v = 0; v < n; ++v) planted[v] = v % 4;
  std::bernoulli_distribution tie(0.08), flip(0.05);
  for (std::uint32_t i = 0; i < n; ++i)
    for (std::uint32_t j = i + 1; j < n; ++j) {
      if (!tie(rng)) continue;
      double w = planted[i] == planted[j] ? 1.0 : -1.0;
      if (flip(rng)) w = -w;
      edges.push_back({i, j, w});
    }
  const SignedGraph g = build_signed(n, edges);
  const CampsResult r = camps(g);
  expect_valid(g, r);
  EXPECT_FALSE(r.exact);
  EXPECT_LE(r.frustration, frustration(g, planted));
}

TEST(Camps, Errors) {
  EXPECT_THROW(build_signed(2, {{0, 2, 1.0}}), InvalidArgument);
  EXPECT_THROW(build_signed(2, {{0, 1, std::numeric_limits<double>::infinity()}}), InvalidArgument);
  const SignedGraph g = build_signed(2, {{0, 1, 1.0}});
  EXPECT_THROW(frustration(g, {0}), InvalidArgument);
  EXPECT_THROW(camps(g, {.restarts = 0}), InvalidArgument);
}

}  // namespace
}  // namespace stakegraph::graph
