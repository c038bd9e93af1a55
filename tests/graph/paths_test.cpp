// Paths (graph/paths.hpp): drawn graphs, NetworkX BFS/Dijkstra distances and shortest-path
// counts, optimality over every edge, Yen against brute-force enumeration of simple paths.
#include "graph/paths.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "graph/error.hpp"
#include "tests/graph/oracle.hpp"

namespace stakegraph::graph {
namespace {

using test_support::load_oracle;
using test_support::random_edges;

// A graph on nodes "0".."n-1" (kind person) whose edges carry `weight` distinct evidence
// items each, so that the evidence count equals the weight.
Graph graph_from_edges(std::uint32_t n,
                       const std::vector<std::pair<std::uint32_t, std::uint32_t>>& e,
                       const std::vector<float>& w = {}, Relation r = Relation::kConsult) {
  Graph g;
  const auto art = g.add_article({.id = "a"});
  for (std::uint32_t v = 0; v < n; ++v)
    g.add_node_with_id(std::to_string(v), "n" + std::to_string(v), Kind::kPerson);
  for (std::size_t i = 0; i < e.size(); ++i) {
    const EdgeRef x = g.add_edge(e[i].first, e[i].second, r);
    const int count = w.empty() ? 1 : static_cast<int>(w[i]);
    for (int k = 0; k < count; ++k) {
      Evidence ev;
      ev.article = art;
      ev.sentence = static_cast<std::uint32_t>(i * 100 + k);
      ev.text = "edge " + std::to_string(i) + " mention " + std::to_string(k);
      g.add_evidence(x, ev);
    }
  }
  return g;
}

// Checks that a path is a walk from `from` to `to` over real edges, loopless, with the
// stated cost.
void expect_valid(const Graph& g, const Path& p, NodeIndex from, NodeIndex to, bool directed) {
  NodeIndex at = from;
  std::set<NodeIndex> visited{from};
  double cost = 0;
  for (const PathHop& h : p.hops) {
    EXPECT_EQ(h.from, at);
    const NodeIndex s = g.source(h.edge), t = g.target(h.edge);
    if (h.forward) {
      EXPECT_EQ(s, h.from);
      EXPECT_EQ(t, h.to);
    } else {
      EXPECT_FALSE(directed);
      EXPECT_EQ(t, h.from);
      EXPECT_EQ(s, h.to);
    }
    EXPECT_TRUE(visited.insert(h.to).second) << "loop at " << h.to;
    cost += h.cost;
    at = h.to;
  }
  EXPECT_EQ(at, to);
  EXPECT_NEAR(cost, p.cost, 1e-12);
}

//   Huawei -supplies-> BT -part_of-> BT Group <-owns- Investor
//      \                                                 ^
//       \--SANCTION (from US)   US -ACCUSE-> Huawei      |
//   US -CONSULT-> Investor (3 evidence)      Huawei -linked_to- Investor
struct Story {
  Graph g;
  NodeIndex us, hw, bt, group, investor;
};

Story story() {
  Story s;
  Graph& g = s.g;
  const auto art = g.add_article({.id = "a"});
  s.us = g.add_node("US", Kind::kGovernment);
  s.hw = g.add_node("Huawei", Kind::kVendor);
  s.bt = g.add_node("BT", Kind::kOperator);
  s.group = g.add_node("BT Group", Kind::kOrganization);
  s.investor = g.add_node("Investor", Kind::kPerson);
  std::uint32_t sentence = 0;
  auto edge = [&](NodeIndex a, NodeIndex b, Relation r, int evidence) {
    const EdgeRef e = g.add_edge(a, b, r);
    for (int i = 0; i < evidence; ++i) {
      Evidence ev;
      ev.article = art;
      ev.sentence = sentence++;
      ev.text = "sentence " + std::to_string(ev.sentence);
      g.add_evidence(e, ev);
    }
    return e;
  };
  edge(s.hw, s.bt, Relation::kSupplies, 1);
  edge(s.bt, s.group, Relation::kPartOf, 1);
  edge(s.investor, s.group, Relation::kOwns, 1);
  edge(s.us, s.hw, Relation::kAccuse, 1);
  edge(s.us, s.investor, Relation::kConsult, 3);
  edge(s.hw, s.investor, Relation::kLinkedTo, 1);
  return s;
}

TEST(Paths, ShortestByHopsCarriesEdges) {
  const Story s = story();
  const auto r = shortest_path(s.g, s.us, s.group);
  ASSERT_EQ(r.paths.size(), 1u);
  const Path& p = r.paths[0];
  EXPECT_EQ(p.length(), 2u);  // US - Investor - BT Group
  EXPECT_EQ(p.nodes(s.us), (std::vector<NodeIndex>{s.us, s.investor, s.group}));
  EXPECT_EQ(s.g.edge(p.hops[0].edge).relation, Relation::kConsult);
  EXPECT_EQ(s.g.edge(p.hops[1].edge).relation, Relation::kOwns);
  EXPECT_TRUE(p.hops[1].forward);
  expect_valid(s.g, p, s.us, s.group, false);
}

TEST(Paths, DirectedFollowsEdges) {
  const Story s = story();
  // BT Group has only incoming edges: nothing leaves it.
  EXPECT_TRUE(shortest_path(s.g, s.group, s.us, {.directed = true}).paths.empty());
  const auto r = shortest_path(s.g, s.hw, s.group, {.directed = true});
  ASSERT_EQ(r.paths.size(), 1u);
  EXPECT_EQ(r.paths[0].length(), 2u);  // both Huawei->BT->Group and Huawei->Investor->Group
}

TEST(Paths, ConstraintsOnRelationsKindsAndAvoid) {
  const Story s = story();
  // Without CONSULT the shortest route from US to BT Group takes 3 hops.
  auto r = shortest_path(s.g, s.us, s.group,
                         {.relations = {Relation::kAccuse, Relation::kSupplies, Relation::kPartOf,
                                        Relation::kOwns, Relation::kLinkedTo}});
  ASSERT_EQ(r.paths.size(), 1u);
  EXPECT_EQ(r.paths[0].length(), 3u);
  // Avoid Investor: US - Huawei - BT - BT Group.
  r = shortest_path(s.g, s.us, s.group, {.avoid = {s.investor}});
  ASSERT_EQ(r.paths.size(), 1u);
  EXPECT_EQ(r.paths[0].nodes(s.us), (std::vector<NodeIndex>{s.us, s.hw, s.bt, s.group}));
  // Only vendors and operators in between: the same.
  r = shortest_path(s.g, s.us, s.group, {.kinds = {Kind::kVendor, Kind::kOperator}});
  ASSERT_EQ(r.paths.size(), 1u);
  EXPECT_EQ(r.paths[0].length(), 3u);
  // Only people in between: the Investor route; only media: none.
  EXPECT_EQ(shortest_path(s.g, s.us, s.group, {.kinds = {Kind::kPerson}}).paths.at(0).length(), 2u);
  EXPECT_TRUE(shortest_path(s.g, s.us, s.group, {.kinds = {Kind::kMedia}}).paths.empty());
  EXPECT_THROW(shortest_path(s.g, s.us, s.group, {.avoid = {s.us}}), InvalidArgument);
  EXPECT_THROW(shortest_path(s.g, s.us, 99), InvalidArgument);
}

TEST(Paths, WeightedPrefersEvidence) {
  const Story s = story();
  // Hops: US-Huawei-Investor? No: US-Investor is direct. Weighted, direct costs 1/3.
  const auto r = shortest_path(s.g, s.us, s.investor, {.cost = EdgeCost::kInverseWeight});
  ASSERT_EQ(r.paths.size(), 1u);
  EXPECT_DOUBLE_EQ(r.paths[0].cost, 1.0 / 3.0);
  // US to Huawei: direct ACCUSE costs 1; via Investor 1/3 + 1 = 4/3. Direct wins.
  EXPECT_DOUBLE_EQ(
      shortest_path(s.g, s.us, s.hw, {.cost = EdgeCost::kInverseWeight}).paths.at(0).cost, 1.0);
}

TEST(Paths, SameNodeAndUnreachable) {
  const Story s = story();
  const auto r = shortest_path(s.g, s.bt, s.bt);
  ASSERT_EQ(r.paths.size(), 1u);
  EXPECT_EQ(r.paths[0].length(), 0u);
  Graph g = s.g;
  const NodeIndex lonely = g.add_node("Lonely", Kind::kPerson);
  EXPECT_TRUE(shortest_path(g, s.us, lonely).paths.empty());
  EXPECT_TRUE(k_shortest_paths(g, s.us, lonely, 3).paths.empty());
  EXPECT_TRUE(all_shortest_paths(g, s.us, lonely).paths.empty());
  EXPECT_TRUE(k_shortest_paths(g, s.us, s.bt, 0).paths.empty());
}

TEST(Paths, AllShortestOnADiamond) {
  //      1
  //    /   \          two shortest 0-3 paths; 0-4-5-3 is longer
  //   0     3
  //    \   /
  //      2       0 - 4 - 5 - 3
  const Graph g = graph_from_edges(6, {{0, 1}, {1, 3}, {0, 2}, {2, 3}, {0, 4}, {4, 5}, {5, 3}});
  const auto r = all_shortest_paths(g, 0, 3);
  ASSERT_EQ(r.paths.size(), 2u);
  EXPECT_EQ(r.paths[0].nodes(0), (std::vector<NodeIndex>{0, 1, 3}));
  EXPECT_EQ(r.paths[1].nodes(0), (std::vector<NodeIndex>{0, 2, 3}));
  EXPECT_FALSE(r.truncated);
  const auto one = all_shortest_paths(g, 0, 3, {}, 1);
  EXPECT_EQ(one.paths.size(), 1u);
  EXPECT_TRUE(one.truncated);
  const auto k = k_shortest_paths(g, 0, 3, 5);
  ASSERT_EQ(k.paths.size(), 3u);  // only three simple paths exist
  EXPECT_EQ(k.paths[2].nodes(0), (std::vector<NodeIndex>{0, 4, 5, 3}));
}

// Issue 13: `path --all --limit 4000000000` on 40 chained diamonds (2^40 shortest paths of
// 80 hops) ran out of memory. The paths are counted first; keeping more than kMaxPathsBytes
// of them is an error that says how many fit, before any is enumerated.
//
//   0 - 1 - 3 - 4 - 6 ...        node 3i is the i-th joint, 3i+1 and 3i+2 its two ways
//    \     / \     /             to joint 3(i+1)
//      2 -     5 -
TEST(Paths, AllShortestPathsAreBoundedByMemory) {
  constexpr std::uint32_t kDiamonds = 40;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  for (std::uint32_t i = 0; i < kDiamonds; ++i) {
    const std::uint32_t j = 3 * i;
    edges.insert(edges.end(), {{j, j + 1}, {j, j + 2}, {j + 1, j + 3}, {j + 2, j + 3}});
  }
  const Graph g = graph_from_edges(3 * kDiamonds + 1, edges);
  const NodeIndex last = 3 * kDiamonds;
  try {
    all_shortest_paths(g, 0, last, {}, 4'000'000'000);
    ADD_FAILURE() << "kept 4e9 paths of 80 hops";
  } catch (const InvalidArgument& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("4000000000 shortest paths of up to 80 hops would take"), std::string::npos)
        << what;
    EXPECT_NE(what.find("ask for at most "), std::string::npos) << what;
  }
  // What fits is kept; more paths exist than that.
  const auto r = all_shortest_paths(g, 0, last, {}, 1000);
  EXPECT_EQ(r.paths.size(), 1000u);
  EXPECT_TRUE(r.truncated);
  EXPECT_EQ(r.paths.front().length(), 80u);
  // Directed and weighted searches count the same way.
  EXPECT_THROW(all_shortest_paths(g, 0, last, {.directed = true}, 4'000'000'000), InvalidArgument);
  EXPECT_THROW(all_shortest_paths(g, 0, last, {.cost = EdgeCost::kInverseWeight}, 4'000'000'000),
               InvalidArgument);
}

// ---------------------------------------------------------------- NetworkX oracles

class PathOracle : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    STAKEGRAPH_NEED_FILE(test_support::oracle_path(GetParam()));
    oracle_ = load_oracle(GetParam());
  }
  test_support::Oracle oracle_;
};

TEST_P(PathOracle, BfsDistances) {
  const auto& o = oracle_;
  const std::uint32_t source = o.index.at(o.data.at("bfs_source").get<std::string>());
  const auto d = distances_from(o.csr(), source);
  const auto want = o.values("bfs_distances");
  for (std::uint32_t v = 0; v < d.size(); ++v) {
    if (std::isnan(want[v])) {
      EXPECT_TRUE(std::isinf(d[v])) << o.nodes[v] << " should be unreachable";
    } else {
      EXPECT_EQ(d[v], want[v]) << o.nodes[v];
    }
  }
}

TEST_P(PathOracle, ShortestPathCountsAndLengths) {
  const auto& o = oracle_;
  const Graph g = graph_from_edges(static_cast<std::uint32_t>(o.nodes.size()), o.edges);
  const std::uint32_t source = o.index.at(o.data.at("bfs_source").get<std::string>());
  for (const auto& [target, v] : o.data.at("shortest_paths_from_source").items()) {
    const std::uint32_t t = o.index.at(target);
    const auto all = all_shortest_paths(g, source, t, {.directed = o.directed});
    EXPECT_EQ(all.paths.size(), v.at("count").get<std::size_t>()) << target;
    if (v.at("length").is_null()) {  // unreachable
      EXPECT_TRUE(shortest_path(g, source, t, {.directed = o.directed}).paths.empty());
      continue;
    }
    for (const Path& p : all.paths) {
      EXPECT_EQ(p.length(), v.at("length").get<std::size_t>()) << target;
      expect_valid(g, p, source, t, o.directed);
    }
    const auto one = shortest_path(g, source, t, {.directed = o.directed});
    ASSERT_EQ(one.paths.size(), 1u);
    EXPECT_EQ(one.paths[0].length(), v.at("length").get<std::size_t>());
  }
}

INSTANTIATE_TEST_SUITE_P(NetworkX, PathOracle, ::testing::ValuesIn(test_support::oracle_names()));

// Les Miserables is the weighted oracle: Dijkstra with the co-occurrence count as length.
TEST(PathOracleWeighted, DijkstraDistances) {
  STAKEGRAPH_NEED_FILE(test_support::oracle_path("les_miserables"));
  const auto o = load_oracle("les_miserables");
  const std::uint32_t source = o.index.at(o.data.at("bfs_source").get<std::string>());
  const auto want = o.values("dijkstra_distances");
  const auto d = distances_from(o.csr(true), source, EdgeCost::kWeight);
  test_support::expect_near_all(d, want, 1e-12, "dijkstra");
  // The same through Graph paths, the weight as the evidence count.
  const Graph g = graph_from_edges(static_cast<std::uint32_t>(o.nodes.size()), o.edges, o.weights);
  for (std::uint32_t t = 0; t < o.nodes.size(); t += 7) {
    const auto r = shortest_path(g, source, t, {.cost = EdgeCost::kWeight});
    ASSERT_EQ(r.paths.size(), 1u);
    EXPECT_DOUBLE_EQ(r.paths[0].cost, want[t]) << o.nodes[t];
    expect_valid(g, r.paths[0], source, t, false);
  }
}

// ---------------------------------------------------------------- invariants and naive

TEST(Paths, DistancesAreOptimalOverEveryEdge) {
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    const auto e = random_edges(300, 900, seed, 9);
    for (bool directed : {false, true}) {
      const Csr c = build_csr(e.n, e.edges, e.weights, {.directed = directed, .weighted = true});
      for (EdgeCost cost : {EdgeCost::kHops, EdgeCost::kInverseWeight, EdgeCost::kWeight}) {
        const std::uint32_t source = static_cast<std::uint32_t>(seed * 13 % e.n);
        const auto d = distances_from(c, source, cost);
        const Adjacency a = out_adjacency(c);
        std::vector<std::uint8_t> tight(c.n, 0);
        for (std::uint32_t u = 0; u < c.n; ++u) {
          for (std::uint64_t i = c.offsets[u]; i < c.offsets[u + 1]; ++i) {
            const std::uint32_t v = c.targets[i];
            const double w = a.cost(i, cost);
            // LEMON's check: no edge can shorten a distance, and every reached node but
            // the source has an edge that attains its distance.
            EXPECT_LE(d[v], d[u] + w + 1e-12);
            if (std::abs(d[u] + w - d[v]) <= 1e-12) tight[v] = 1;
          }
        }
        for (std::uint32_t v = 0; v < c.n; ++v) {
          if (v == source || std::isinf(d[v])) continue;
          EXPECT_TRUE(tight[v]) << "node " << v;
        }
        EXPECT_EQ(d[source], 0.0);
      }
    }
  }
}

// Every simple path from s to t, by depth-first search (tiny graphs only).
std::vector<std::pair<double, std::vector<std::uint32_t>>> all_simple_paths(const Csr& c,
                                                                            std::uint32_t s,
                                                                            std::uint32_t t,
                                                                            EdgeCost cost) {
  std::vector<std::pair<double, std::vector<std::uint32_t>>> out;
  std::vector<std::uint32_t> cur{s};
  std::vector<std::uint8_t> on(c.n, 0);
  on[s] = 1;
  const Adjacency a = out_adjacency(c);
  std::function<void(std::uint32_t, double)> dfs = [&](std::uint32_t u, double d) {
    if (u == t) {
      out.emplace_back(d, cur);
      return;
    }
    for (std::uint64_t i = c.offsets[u]; i < c.offsets[u + 1]; ++i) {
      const std::uint32_t v = c.targets[i];
      if (on[v]) continue;
      on[v] = 1;
      cur.push_back(v);
      dfs(v, d + a.cost(i, cost));
      cur.pop_back();
      on[v] = 0;
    }
  };
  dfs(s, 0.0);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Paths, YenMatchesBruteForce) {
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const auto e = random_edges(11, 22, seed, 4);
    const Graph g = graph_from_edges(e.n, e.edges, e.weights);
    for (bool directed : {false, true}) {
      const Csr c = build_csr(e.n, e.edges, e.weights, {.directed = directed, .weighted = true});
      for (EdgeCost cost : {EdgeCost::kHops, EdgeCost::kWeight}) {
        const std::uint32_t s = 0, t = 1 + static_cast<std::uint32_t>(seed % 10);
        const auto brute = all_simple_paths(c, s, t, cost);
        const std::size_t k = 12;
        const auto yen = k_shortest_paths(g, s, t, k, {.cost = cost, .directed = directed});
        ASSERT_EQ(yen.paths.size(), std::min(k, brute.size())) << "seed " << seed;
        std::set<std::vector<NodeIndex>> distinct;
        for (std::size_t i = 0; i < yen.paths.size(); ++i) {
          EXPECT_NEAR(yen.paths[i].cost, brute[i].first, 1e-9) << "seed " << seed << " #" << i;
          expect_valid(g, yen.paths[i], s, t, directed);
          EXPECT_TRUE(distinct.insert(yen.paths[i].nodes(s)).second);
        }
        // All shortest paths: exactly the brute-force paths of least cost.
        const auto all = all_shortest_paths(g, s, t, {.cost = cost, .directed = directed});
        std::size_t ties = 0;
        for (const auto& b : brute) ties += std::abs(b.first - brute[0].first) < 1e-9;
        EXPECT_EQ(all.paths.size(), brute.empty() ? 0 : ties) << "seed " << seed;
      }
    }
  }
}

TEST(Paths, AllShortestCountsMatchNaiveCounting) {
  for (std::uint64_t seed = 30; seed < 36; ++seed) {
    const auto e = random_edges(40, 100, seed);
    const Graph g = graph_from_edges(e.n, e.edges);
    const Csr c = build_csr(e.n, e.edges, {}, {});
    const auto ap = test_support::naive_all_pairs(c, false);
    for (std::uint32_t t = 1; t < e.n; t += 3) {
      const auto all = all_shortest_paths(g, 0, t, {}, 100000);
      EXPECT_EQ(static_cast<double>(all.paths.size()), ap.count[0][t]) << "seed " << seed;
    }
  }
}

}  // namespace
}  // namespace stakegraph::graph
