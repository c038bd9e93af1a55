// NetworkX oracle files (tests/data/oracles/*.json, copies of ../shared/oracles: see the
// SOURCE.txt there) and naive reference implementations for the analytics tests.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <nlohmann/json.hpp>

#include "graph/csr.hpp"
#include "tests/support/data.hpp"

namespace stakegraph::test_support {

inline std::string oracle_path(const std::string& name) {
  return test_support::test_data("oracles/" + name + ".json").string();
}

// One oracle graph: nodes in file order (index = position), edges as index pairs, weights
// (empty when the file is unweighted), and the raw JSON for the expected values.
struct Oracle {
  std::string name;
  bool directed = false;
  std::vector<std::string> nodes;
  std::map<std::string, std::uint32_t> index;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  std::vector<float> weights;
  nlohmann::json data;

  graph::Csr csr(bool weighted = false) const {
    return graph::build_csr(static_cast<std::uint32_t>(nodes.size()), edges,
                            weighted ? weights : std::vector<float>{},
                            {.directed = directed, .weighted = weighted});
  }
  // Expected values of `key` as a vector indexed like `nodes` (NaN where absent).
  std::vector<double> values(const std::string& key) const {
    std::vector<double> v(nodes.size(), std::numeric_limits<double>::quiet_NaN());
    for (const auto& [node, value] : data.at(key).items()) v[index.at(node)] = value.get<double>();
    return v;
  }
};

inline Oracle load_oracle(const std::string& name) {
  Oracle o;
  o.name = name;
  std::ifstream in(oracle_path(name));
  if (!in) throw std::runtime_error("cannot read " + oracle_path(name));
  o.data = nlohmann::json::parse(in);
  o.directed = o.data.at("directed").get<bool>();
  for (const auto& n : o.data.at("nodes")) {
    o.index.emplace(n.get<std::string>(), static_cast<std::uint32_t>(o.nodes.size()));
    o.nodes.push_back(n.get<std::string>());
  }
  for (const auto& e : o.data.at("edges")) {
    o.edges.emplace_back(o.index.at(e.at(0).get<std::string>()),
                         o.index.at(e.at(1).get<std::string>()));
    if (e.size() > 2) o.weights.push_back(e.at(2).get<float>());
  }
  return o;
}

inline const std::vector<std::string>& oracle_names() {
  static const std::vector<std::string> names{"karate",
                                              "florentine_families",
                                              "les_miserables",
                                              "davis_southern_women",
                                              "random_directed_60_150",
                                              "path5_plus_star5"};
  return names;
}

// A seeded random simple graph as an edge list (no self-loops; duplicates allowed: the Csr
// merges them). Integer weights 1..max_weight when max_weight > 0.
struct EdgeList {
  std::uint32_t n = 0;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  std::vector<float> weights;
};

inline EdgeList random_edges(std::uint32_t n, std::size_t m, std::uint64_t seed,
                             int max_weight = 0) {
  EdgeList g;
  g.n = n;
  std::mt19937_64 rng(seed);
  while (g.edges.size() < m) {
    const auto s = static_cast<std::uint32_t>(rng() % n);
    const auto t = static_cast<std::uint32_t>(rng() % n);
    if (s == t) continue;
    g.edges.emplace_back(s, t);
    if (max_weight > 0) g.weights.push_back(static_cast<float>(1 + rng() % max_weight));
  }
  return g;
}

// All-pairs distances and shortest-path counts by Floyd-Warshall on the Csr (costs: entry
// weight as length when `weight_as_length`, else 1 per hop). dist = +inf when unreachable.
struct AllPairs {
  std::vector<std::vector<double>> dist;
  std::vector<std::vector<double>> count;
};

inline AllPairs naive_all_pairs(const graph::Csr& c, bool weight_as_length) {
  const std::uint32_t n = c.n;
  const double inf = std::numeric_limits<double>::infinity();
  AllPairs ap;
  ap.dist.assign(n, std::vector<double>(n, inf));
  for (std::uint32_t u = 0; u < n; ++u) {
    ap.dist[u][u] = 0;
    for (std::uint64_t i = c.offsets[u]; i < c.offsets[u + 1]; ++i)
      ap.dist[u][c.targets[i]] = weight_as_length ? c.weight(i) : 1.0;
  }
  for (std::uint32_t k = 0; k < n; ++k)
    for (std::uint32_t i = 0; i < n; ++i)
      for (std::uint32_t j = 0; j < n; ++j)
        if (ap.dist[i][k] + ap.dist[k][j] < ap.dist[i][j])
          ap.dist[i][j] = ap.dist[i][k] + ap.dist[k][j];
  // Path counts: count[s][t] = sum over last hops (u, t) on a shortest path of count[s][u],
  // filled in order of distance from s.
  ap.count.assign(n, std::vector<double>(n, 0.0));
  for (std::uint32_t s = 0; s < n; ++s) {
    std::vector<std::uint32_t> by_dist;
    for (std::uint32_t t = 0; t < n; ++t)
      if (ap.dist[s][t] < inf) by_dist.push_back(t);
    std::sort(by_dist.begin(), by_dist.end(),
              [&](auto a, auto b) { return ap.dist[s][a] < ap.dist[s][b]; });
    ap.count[s][s] = 1;
    for (std::uint32_t u : by_dist) {
      for (std::uint64_t i = c.offsets[u]; i < c.offsets[u + 1]; ++i) {
        const std::uint32_t t = c.targets[i];
        const double len = weight_as_length ? c.weight(i) : 1.0;
        if (t != s && ap.dist[s][u] + len == ap.dist[s][t]) ap.count[s][t] += ap.count[s][u];
      }
    }
  }
  return ap;
}

// Betweenness by definition: sum over ordered pairs (s, t), s != v != t, of
// count(s, v) count(v, t) / count(s, t) when d(s, v) + d(v, t) = d(s, t). O(n^3).
inline std::vector<double> naive_betweenness_ordered(const graph::Csr& c, bool weight_as_length) {
  const AllPairs ap = naive_all_pairs(c, weight_as_length);
  const std::uint32_t n = c.n;
  std::vector<double> b(n, 0.0);
  for (std::uint32_t s = 0; s < n; ++s)
    for (std::uint32_t t = 0; t < n; ++t) {
      if (s == t || ap.count[s][t] == 0) continue;
      for (std::uint32_t v = 0; v < n; ++v) {
        if (v == s || v == t) continue;
        if (ap.dist[s][v] + ap.dist[v][t] == ap.dist[s][t])
          b[v] += ap.count[s][v] * ap.count[v][t] / ap.count[s][t];
      }
    }
  return b;
}

inline void expect_near_all(const std::vector<double>& got, const std::vector<double>& want,
                            double tol, const std::string& what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (std::size_t i = 0; i < got.size(); ++i) {
    if (std::isnan(want[i])) continue;
    EXPECT_NEAR(got[i], want[i], tol * std::max(1.0, std::abs(want[i])))
        << what << " at node " << i;
  }
}

// Raw betweenness by Boost.Graph's brandes_betweenness_centrality (Boost 1.74 counts an
// unordered pair once on undirected graphs, as graph::betweenness_centrality does): the
// oracle of the kernel in graph/betweenness.cpp.
inline std::vector<double> boost_betweenness(const graph::Csr& c) {
  std::vector<double> out(c.n, 0.0);
  auto run = [&](auto g) {
    for (std::uint32_t u = 0; u < c.n; ++u)
      for (std::uint64_t i = c.offsets[u]; i < c.offsets[u + 1]; ++i)
        if (c.directed || u < c.targets[i]) boost::add_edge(u, c.targets[i], g);
    boost::brandes_betweenness_centrality(
        g, boost::make_iterator_property_map(out.begin(), boost::get(boost::vertex_index, g)));
  };
  if (c.directed) {
    run(boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>(c.n));
  } else {
    run(boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>(c.n));
  }
  return out;
}

}  // namespace stakegraph::test_support
