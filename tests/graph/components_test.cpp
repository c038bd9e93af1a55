// Connected and strongly connected components: drawn graphs with exact answers, NetworkX
// oracles, and Boost.Graph's connected_components / strong_components on seeded random
// graphs as the reference implementation.
#include "graph/components.hpp"

#include <gtest/gtest.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/strong_components.hpp>
#include <map>
#include <set>

#include "graph/error.hpp"
#include "tests/graph/oracle.hpp"

namespace stakegraph::graph {
namespace {

using Edges = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

// Two labelings describe the same partition when the map between their labels is a
// bijection.
bool same_partition(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  if (a.size() != b.size()) return false;
  std::map<std::uint32_t, std::uint32_t> ab, ba;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto x = ab.emplace(a[i], b[i]).first;
    const auto y = ba.emplace(b[i], a[i]).first;
    if (x->second != b[i] || y->second != a[i]) return false;
  }
  return true;
}

// Canonical ids: largest first, ties by smallest member; every node exactly once.
void expect_canonical(const ComponentsResult& r, std::size_t n) {
  ASSERT_EQ(r.membership.size(), n);
  const auto members = cluster_members(r.membership, r.count);
  std::size_t total = 0;
  for (std::uint32_t c = 0; c < r.count; ++c) {
    ASSERT_FALSE(members[c].empty()) << "cluster " << c << " empty";
    total += members[c].size();
    if (c > 0) {
      const auto& p = members[c - 1];
      const auto& q = members[c];
      EXPECT_TRUE(p.size() > q.size() || (p.size() == q.size() && p[0] < q[0]));
    }
  }
  EXPECT_EQ(total, n);
}

//   0 - 1        3 - 4       6 (alone)
//    \ /          \ /
//     2            5
//   (two triangles, no edge between them, one isolated node)
TEST(ConnectedComponents, TwoTrianglesAndAnIsolatedNode) {
  const Csr g = build_csr(7, {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}}, {});
  const ComponentsResult r = connected_components(g);
  expect_canonical(r, 7);
  EXPECT_EQ(r.count, 3u);
  EXPECT_EQ(r.membership, (std::vector<std::uint32_t>{0, 0, 0, 1, 1, 1, 2}));
}

TEST(ConnectedComponents, EmptyGraph) {
  const ComponentsResult r = connected_components(build_csr(0, {}, {}));
  EXPECT_EQ(r.count, 0u);
  EXPECT_TRUE(r.membership.empty());
}

//   0 -> 1 -> 2 -> 0      2 -> 3 -> 4 -> 3      5 -> 6
//   strong: {0,1,2}, {3,4}, {5}, {6}; weak: {0..4}, {5,6}
TEST(StrongComponents, CycleWithTail) {
  const Csr g = build_csr(7, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 4}, {4, 3}, {5, 6}}, {},
                          {.directed = true});
  const ComponentsResult s = strong_components(g);
  expect_canonical(s, 7);
  EXPECT_EQ(s.count, 4u);
  EXPECT_EQ(s.membership, (std::vector<std::uint32_t>{0, 0, 0, 1, 1, 2, 3}));
  const ComponentsResult w = connected_components(g);
  EXPECT_EQ(w.count, 2u);
  EXPECT_EQ(w.membership, (std::vector<std::uint32_t>{0, 0, 0, 0, 0, 1, 1}));
}

TEST(StrongComponents, NeedsDirectedView) {
  EXPECT_THROW(strong_components(build_csr(2, {{0, 1}}, {})), InvalidArgument);
}

TEST(StrongComponents, LongPathDoesNotOverflowTheStack) {
  // 0 -> 1 -> ... -> n-1 -> 0: one component found by a depth-first search n deep.
  const std::uint32_t n = 200000;
  Edges e;
  for (std::uint32_t i = 0; i < n; ++i) e.emplace_back(i, (i + 1) % n);
  const ComponentsResult s = strong_components(build_csr(n, e, {}, {.directed = true}));
  EXPECT_EQ(s.count, 1u);
}

TEST(Partition, RelabelBySize) {
  std::vector<std::uint32_t> m{5, 2, 2, 6, 5, 2, 0};
  EXPECT_EQ(relabel_by_size(m), 4u);
  // sizes: 2 -> 3 nodes, 5 -> 2 nodes, 6 and 0 -> 1 node (6 first seen at node 3)
  EXPECT_EQ(m, (std::vector<std::uint32_t>{1, 0, 0, 2, 1, 0, 3}));
  std::vector<std::uint32_t> out_of_range{0, 2};
  EXPECT_THROW(relabel_by_size(out_of_range), InvalidArgument);
}

//   0 - 1 - 2     3 - 4
//   labels 0 1 0 0 1: cluster {0, 2, 3} falls apart into {0}, {2}, {3} (its members are not
//   adjacent), cluster {1, 4} into {1}, {4}; one label for all gives {0, 1, 2}, {3, 4}.
TEST(Partition, SplitDisconnected) {
  const Csr g = build_csr(5, {{0, 1}, {1, 2}, {3, 4}}, {});
  std::vector<std::uint32_t> m{0, 1, 0, 0, 1};
  EXPECT_EQ(split_disconnected(g, m), 5u);  // {0}, {1}, {2}, {3}, {4}
  std::vector<std::uint32_t> whole{0, 0, 0, 0, 0};
  EXPECT_EQ(split_disconnected(g, whole), 2u);
  EXPECT_EQ(whole, (std::vector<std::uint32_t>{0, 0, 0, 1, 1}));
  std::vector<std::uint32_t> wrong{0, 0};
  EXPECT_THROW(split_disconnected(g, wrong), InvalidArgument);
}

// ---- oracles ---------------------------------------------------------------------------------

std::vector<std::uint32_t> oracle_partition(const test_support::Oracle& o, const std::string& key) {
  std::vector<std::uint32_t> m(o.nodes.size(), 0xFFFFFFFFu);
  std::uint32_t id = 0;
  for (const auto& group : o.data.at(key)) {
    for (const auto& name : group) m[o.index.at(name.get<std::string>())] = id;
    ++id;
  }
  return m;
}

TEST(ConnectedComponents, MatchesNetworkX) {
  for (const auto& name : test_support::oracle_names())
    STAKEGRAPH_NEED_FILE(test_support::oracle_path(name));
  int checked = 0;
  for (const auto& name : test_support::oracle_names()) {
    const test_support::Oracle o = test_support::load_oracle(name);
    const std::string key = o.directed ? "weak_components" : "components";
    if (!o.data.contains(key)) continue;
    const ComponentsResult r = connected_components(o.csr());
    EXPECT_TRUE(same_partition(r.membership, oracle_partition(o, key))) << name;
    EXPECT_EQ(r.count, o.data.at(key).size()) << name;
    ++checked;
  }
  EXPECT_GE(checked, 5);
}

TEST(StrongComponents, MatchesNetworkX) {
  STAKEGRAPH_NEED_FILE(test_support::oracle_path("random_directed_60_150"));
  const test_support::Oracle o = test_support::load_oracle("random_directed_60_150");
  const ComponentsResult r = strong_components(o.csr());
  EXPECT_TRUE(same_partition(r.membership, oracle_partition(o, "strong_components")));
  EXPECT_EQ(r.count, o.data.at("strong_components").size());
}

// ---- Boost.Graph as the reference on seeded random graphs --------------------------------------

class AgainstBoost : public ::testing::TestWithParam<int> {};

TEST_P(AgainstBoost, ConnectedAndStrong) {
  const int seed = GetParam();
  // Sparse enough to leave many components (n nodes, about 0.6 n to 1.4 n edges).
  const std::uint32_t n = 50 + 37 * static_cast<std::uint32_t>(seed);
  const test_support::EdgeList el = test_support::random_edges(n, n * (6 + seed % 9) / 10, seed);

  using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  using Directed = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  Undirected ug(n);
  Directed dg(n);
  for (const auto& [s, t] : el.edges) {
    boost::add_edge(s, t, ug);
    boost::add_edge(s, t, dg);
  }
  std::vector<std::uint32_t> bgl_cc(n), bgl_scc(n);
  const auto cc_count = boost::connected_components(ug, bgl_cc.data());
  const auto scc_count = boost::strong_components(
      dg, boost::make_iterator_property_map(bgl_scc.begin(), boost::get(boost::vertex_index, dg)));

  const ComponentsResult cc = connected_components(build_csr(n, el.edges, {}));
  EXPECT_EQ(cc.count, cc_count);
  EXPECT_TRUE(same_partition(cc.membership, bgl_cc));
  expect_canonical(cc, n);

  const Csr directed = build_csr(n, el.edges, {}, {.directed = true});
  const ComponentsResult scc = strong_components(directed);
  EXPECT_EQ(scc.count, scc_count);
  EXPECT_TRUE(same_partition(scc.membership, bgl_scc));
  expect_canonical(scc, n);

  const ComponentsResult weak = connected_components(directed);
  EXPECT_TRUE(same_partition(weak.membership, cc.membership));
}

INSTANTIATE_TEST_SUITE_P(Seeds, AgainstBoost, ::testing::Range(1, 31));

// Every edge of a strong component's induced subgraph stays inside, and no edge leaves a
// component and comes back: the condensation (components as nodes) is acyclic.
TEST(StrongComponents, CondensationIsAcyclic) {
  const test_support::EdgeList el = test_support::random_edges(400, 700, 99);
  const Csr g = build_csr(400, el.edges, {}, {.directed = true});
  const ComponentsResult s = strong_components(g);
  std::vector<std::set<std::uint32_t>> out(s.count);
  for (std::uint32_t v = 0; v < g.n; ++v)
    for (std::uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i)
      if (s.membership[v] != s.membership[g.targets[i]])
        out[s.membership[v]].insert(s.membership[g.targets[i]]);
  // Kahn's algorithm must consume every component.
  std::vector<int> indegree(s.count, 0);
  for (const auto& o : out)
    for (auto c : o) ++indegree[c];
  std::vector<std::uint32_t> ready;
  for (std::uint32_t c = 0; c < s.count; ++c)
    if (indegree[c] == 0) ready.push_back(c);
  std::uint32_t seen = 0;
  while (!ready.empty()) {
    const auto c = ready.back();
    ready.pop_back();
    ++seen;
    for (auto d : out[c])
      if (--indegree[d] == 0) ready.push_back(d);
  }
  EXPECT_EQ(seen, s.count);
}

}  // namespace
}  // namespace stakegraph::graph
