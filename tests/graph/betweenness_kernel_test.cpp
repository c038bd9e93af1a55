// The unweighted betweenness kernel (graph/betweenness.cpp: direction-optimizing BFS with flat
// DAG arc lists) against two independent oracles on seeded random graphs of many shapes:
// Boost.Graph's brandes_betweenness_centrality and the naive O(n^3) definition (Floyd-Warshall
// distances and path counts, tests/graph/oracle.hpp). The shapes are chosen so that every
// branch of the kernel runs: top-down levels only (paths, sparse graphs), bottom-up levels
// (a dense core with pendants, power-law hubs), bottom-up then top-down again (a core with a
// long tail), unreachable nodes (disconnected, isolated, directed), and the 32-bit distance
// variant (more than 65,534 nodes).
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "graph/betweenness.hpp"
#include "graph/generate.hpp"
#include "tests/graph/oracle.hpp"

namespace stakegraph::graph {
namespace {

using test_support::boost_betweenness;
using test_support::expect_near_all;
using Edges = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

struct Shape {
  std::string name;
  std::uint32_t n = 0;
  Edges edges;
};

// Raw scores by definition: ordered pairs, halved when undirected.
std::vector<double> naive_betweenness(const Csr& c) {
  auto b = test_support::naive_betweenness_ordered(c, false);
  if (!c.directed)
    for (double& x : b) x *= 0.5;
  return b;
}

// Node ids shuffled so that no shape keeps its hubs or its path order at low ids.
Shape shuffled(Shape s, std::mt19937_64& rng) {
  std::vector<std::uint32_t> perm(s.n);
  std::iota(perm.begin(), perm.end(), 0u);
  std::shuffle(perm.begin(), perm.end(), rng);
  for (auto& [u, v] : s.edges) {
    u = perm[u];
    v = perm[v];
  }
  return s;
}

// G(n, m) with m random edges (self-loops and repeats dropped by the Csr).
Shape random_shape(std::uint32_t n, std::size_t m, std::mt19937_64& rng) {
  Shape s{"random n=" + std::to_string(n) + " m=" + std::to_string(m), n, {}};
  for (std::size_t i = 0; i < m; ++i)
    s.edges.emplace_back(static_cast<std::uint32_t>(rng() % n),
                         static_cast<std::uint32_t>(rng() % n));
  return s;
}

// Chung-Lu power law (graph/generate.hpp): hubs, many leaves, some isolated nodes.
Shape power_law_shape(std::uint32_t n, std::uint64_t m, std::uint64_t seed) {
  GenerateOptions o;
  o.nodes = n;
  o.edges = m;
  o.seed = seed;
  const GeneratedEdges g = generate_edges(o);
  return {"power law n=" + std::to_string(n) + " m=" + std::to_string(m), g.nodes, g.edges};
}

// A clique of k nodes, each with `pendants` leaves, and a path of `tail` nodes hanging off
// the last leaf: from a core node the core's level costs more to scan top-down than the
// leaves bottom-up, and the tail then makes top-down cheaper again. Drawn for k = 4,
// pendants = 1, tail = 2:
//   4 - 0 --- 1 - 5
//       | \ / |
//       | / \ |
//   6 - 2 --- 3 - 7 - 8 - 9
Shape core_shape(std::uint32_t k, std::uint32_t pendants, std::uint32_t tail) {
  Shape s{"core k=" + std::to_string(k) + " pendants=" + std::to_string(pendants) +
              " tail=" + std::to_string(tail),
          k,
          {}};
  for (std::uint32_t i = 0; i < k; ++i)
    for (std::uint32_t j = i + 1; j < k; ++j) s.edges.emplace_back(i, j);
  for (std::uint32_t i = 0; i < k; ++i)
    for (std::uint32_t p = 0; p < pendants; ++p) s.edges.emplace_back(i, s.n++);
  for (std::uint32_t t = 0; t < tail; ++t, ++s.n) s.edges.emplace_back(s.n - 1, s.n);
  return s;
}

// Star K1,leaves with `extra` random leaf-leaf edges.
Shape star_shape(std::uint32_t leaves, std::uint32_t extra, std::mt19937_64& rng) {
  Shape s{
      "star leaves=" + std::to_string(leaves) + " extra=" + std::to_string(extra), leaves + 1, {}};
  for (std::uint32_t i = 1; i <= leaves; ++i) s.edges.emplace_back(0, i);
  for (std::uint32_t i = 0; i < extra; ++i)
    s.edges.emplace_back(1 + static_cast<std::uint32_t>(rng() % leaves),
                         1 + static_cast<std::uint32_t>(rng() % leaves));
  return s;
}

// Path 0 - 1 - ... - (len - 1), optionally closed into a cycle.
Shape path_shape(std::uint32_t len, bool cycle) {
  Shape s{std::string(cycle ? "cycle" : "path") + " n=" + std::to_string(len), len, {}};
  for (std::uint32_t i = 0; i + 1 < len; ++i) s.edges.emplace_back(i, i + 1);
  if (cycle) s.edges.emplace_back(len - 1, 0);
  return s;
}

// Disjoint union, ids of `b` shifted past those of `a`, plus `isolated` nodes with no edge.
Shape disjoint(const Shape& a, const Shape& b, std::uint32_t isolated) {
  Shape s{a.name + " + " + b.name + " + " + std::to_string(isolated) + " isolated",
          a.n + b.n + isolated, a.edges};
  for (const auto& [u, v] : b.edges) s.edges.emplace_back(u + a.n, v + a.n);
  return s;
}

std::vector<Shape> shapes() {
  std::mt19937_64 rng(20240611);
  std::vector<Shape> out;
  out.push_back(random_shape(60, 25, rng));   // sparse: mostly isolated nodes and trees
  out.push_back(random_shape(80, 100, rng));  // around the giant-component threshold
  out.push_back(random_shape(90, 360, rng));  // mean degree 8
  out.push_back(random_shape(50, 900, rng));  // dense: diameter 2
  out.push_back(power_law_shape(200, 1000, 1));
  out.push_back(power_law_shape(300, 900, 2));
  out.push_back(power_law_shape(150, 1500, 3));
  out.push_back(core_shape(4, 1, 2));
  out.push_back(core_shape(12, 2, 0));
  out.push_back(core_shape(10, 1, 30));
  out.push_back(core_shape(16, 3, 60));
  out.push_back(star_shape(40, 0, rng));
  out.push_back(star_shape(60, 30, rng));
  out.push_back(path_shape(70, false));
  out.push_back(path_shape(55, true));
  out.push_back(disjoint(core_shape(8, 2, 5), path_shape(20, false), 7));
  out.push_back(disjoint(star_shape(30, 10, rng), random_shape(40, 120, rng), 3));
  out.push_back(disjoint(power_law_shape(120, 500, 4), power_law_shape(100, 400, 5), 10));
  out.push_back(disjoint(path_shape(1, false), path_shape(2, false), 1));  // n = 4: tiny
  for (std::uint32_t i = 0; i < 4; ++i)
    out.push_back(random_shape(20 + static_cast<std::uint32_t>(rng() % 80),
                               static_cast<std::size_t>(rng() % 400), rng));
  for (Shape& s : out) s = shuffled(std::move(s), rng);
  return out;
}

// ---------------------------------------------------------------- drawn, by hand

// The clique K4 with one leaf per core node (core_shape(4, 1, 0)):
//   4 - 0 --- 1 - 5
//       | \ / |
//       | / \ |
//   6 - 2 --- 3 - 7
// Leaf-leaf pairs {4,5} run 4-0-1-5 (one path), leaf-core pairs {4,1} run 4-0-1: core node 0
// lies on the 3 pairs {4, other leaf} and the 3 pairs {4, other core node}: 6. Leaves: 0.
// From node 0 the second level (1, 2, 3, 4) costs more to scan than the leaves 5, 6, 7, so
// the kernel finds them bottom-up.
TEST(BetweennessKernel, CoreWithLeavesByHand) {
  const Shape s = core_shape(4, 1, 0);
  const Csr c = build_csr(s.n, s.edges, {}, {});
  EXPECT_EQ(betweenness_centrality(c).scores, (std::vector<double>{6, 6, 6, 6, 0, 0, 0, 0}));
  // Ordered pairs: 12 per core node, over (n - 1)(n - 2) = 42.
  const auto normalized = betweenness_centrality(c, {.normalized = true}).scores;
  EXPECT_DOUBLE_EQ(normalized[0], 12.0 / 42.0);
  EXPECT_DOUBLE_EQ(normalized[7], 0.0);
}

// Directed: 0 -> 1 -> 2 and 0 -> 3 -> 2 (two shortest paths from 0 to 2), 2 -> 4.
//   0 --> 1 --> 2 --> 4
//   |           ^
//   +---> 3 ----+
// Ordered pairs through 1: (0,2) half, (0,4) half; through 3 the same; through 2: (0,4),
// (1,4), (3,4).
TEST(BetweennessKernel, DirectedDiamondByHand) {
  const Csr c = build_csr(5, {{0, 1}, {1, 2}, {0, 3}, {3, 2}, {2, 4}}, {}, {.directed = true});
  EXPECT_EQ(betweenness_centrality(c).scores, (std::vector<double>{0, 1, 3, 1, 0}));
}

// ---------------------------------------------------------------- oracles

TEST(BetweennessKernel, MatchesBoostAndNaiveOnShapes) {
  const auto all = shapes();
  ASSERT_GE(all.size(), 20u);
  for (const Shape& s : all) {
    for (bool directed : {false, true}) {
      const std::string what = s.name + (directed ? " directed" : " undirected");
      const Csr c = build_csr(s.n, s.edges, {}, {.directed = directed});
      const auto want = boost_betweenness(c);
      expect_near_all(naive_betweenness(c), want, 1e-9, what + ": naive vs Boost");
      for (int threads : {1, 2, 3}) {
        expect_near_all(betweenness_centrality(c, {.threads = threads}).scores, want, 1e-9,
                        what + " threads " + std::to_string(threads));
      }
      // Normalized: the ordered-pair sum over (n - 1)(n - 2).
      std::vector<double> normalized = want;
      const double scale = s.n > 2 ? (directed ? 1.0 : 2.0) / ((s.n - 1.0) * (s.n - 2.0)) : 0.0;
      for (double& x : normalized) x *= scale;
      expect_near_all(betweenness_centrality(c, {.normalized = true}).scores, normalized, 1e-9,
                      what + " normalized");
    }
  }
}

// Scores do not depend on node ids: relabelling the nodes permutes the scores.
TEST(BetweennessKernel, RelabellingPermutesScores) {
  std::mt19937_64 rng(7);
  const Shape s = power_law_shape(400, 2400, 9);
  std::vector<std::uint32_t> perm(s.n);
  std::iota(perm.begin(), perm.end(), 0u);
  std::shuffle(perm.begin(), perm.end(), rng);
  Edges moved;
  for (const auto& [u, v] : s.edges) moved.emplace_back(perm[u], perm[v]);
  for (bool directed : {false, true}) {
    const auto a = betweenness_centrality(build_csr(s.n, s.edges, {}, {.directed = directed}));
    const auto b = betweenness_centrality(build_csr(s.n, moved, {}, {.directed = directed}));
    std::vector<double> back(s.n);
    for (std::uint32_t v = 0; v < s.n; ++v) back[v] = b.scores[perm[v]];
    expect_near_all(back, a.scores, 1e-9, directed ? "directed" : "undirected");
  }
}

// More than 65,534 nodes switches distances to 32 bits. The edges sit among 300 nodes
// scattered over 70,000 ids (the rest isolated); the scores must equal those of the same
// graph with the 300 nodes numbered 0..299.
TEST(BetweennessKernel, WideDistancesMatchCompactGraph) {
  const Shape small = power_law_shape(300, 1200, 11);
  constexpr std::uint32_t kWide = 70000;
  std::mt19937_64 rng(3);
  std::vector<std::uint32_t> ids(kWide);
  std::iota(ids.begin(), ids.end(), 0u);
  std::shuffle(ids.begin(), ids.end(), rng);
  Edges wide;
  for (const auto& [u, v] : small.edges) wide.emplace_back(ids[u], ids[v]);
  for (bool directed : {false, true}) {
    const auto compact =
        betweenness_centrality(build_csr(small.n, small.edges, {}, {.directed = directed}));
    const auto spread = betweenness_centrality(build_csr(kWide, wide, {}, {.directed = directed}));
    std::vector<double> picked(small.n);
    for (std::uint32_t v = 0; v < small.n; ++v) picked[v] = spread.scores[ids[v]];
    expect_near_all(picked, compact.scores, 1e-9, directed ? "directed" : "undirected");
    double rest = 0.0;
    for (double x : spread.scores) rest += x;
    for (double x : compact.scores) rest -= x;
    EXPECT_NEAR(rest, 0.0, 1e-6) << "isolated nodes score 0";
  }
}

// Sampling runs the same kernel on k sources and scales by n / k: with every source drawn
// (k = n - 1 is still sampling) the estimate is (n / k) times a sum that misses one source,
// so it stays within the exact scores times n / k; the thread count does not change it.
TEST(BetweennessKernel, SampledAgreesAcrossThreads) {
  const Shape s = power_law_shape(500, 2500, 13);
  const Csr c = build_csr(s.n, s.edges, {}, {});
  const auto exact = betweenness_centrality(c).scores;
  const BetweennessOptions one{.samples = s.n - 1, .seed = 5, .threads = 1};
  BetweennessOptions two = one;
  two.threads = 2;
  const auto a = betweenness_centrality(c, one).scores;
  expect_near_all(betweenness_centrality(c, two).scores, a, 1e-9, "threads");
  const double scale = static_cast<double>(s.n) / (s.n - 1);
  for (std::uint32_t v = 0; v < s.n; ++v) EXPECT_LE(a[v], exact[v] * scale * (1 + 1e-12) + 1e-9);
}

}  // namespace
}  // namespace stakegraph::graph
