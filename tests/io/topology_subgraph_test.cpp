// Parts of a version 3 .sgpb file's topology arrays (io/formats/topology_subgraph.hpp). Oracles:
// the same file loaded as a graph::Graph: Graph::find_node for find_node, graph::induced_subgraph
// for induced_graph (same nodes, edges and order), and graph::shortest_path (graph/paths.cpp's
// own view) for the distances on constrained_csr.
#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "graph/csr.hpp"
#include "graph/graph.hpp"
#include "graph/paths.hpp"
#include "graph/subgraph.hpp"
#include "io/formats/formats.hpp"
#include "io/formats/sgpb.hpp"
#include "io/formats/sgpb_v3.hpp"
#include "io/formats/topology_arrays.hpp"
#include "io/formats/topology_subgraph.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::io {
namespace {

class TopologySubgraphTest : public test_support::TempDirTest {
 protected:
  // story_graph (tests/test_graphs.hpp) merged with random_graph(40, 160): parallel edges
  // of several relations, user weights; plus names and aliases that compete:
  //
  //   "Gamma"   "Alpha" (alias "Zed")   "Beta" (aliases "Zed", "Gamma")   "Delta" (id "Alpha")
  //
  // "Zed" is Alpha's (the first alias in file order), "Gamma" is the node named so (a name
  // before an alias), "alpha" the node named so (a name before an id).
  void SetUp() override {
    TempDirTest::SetUp();
    g_ = test_support::story_graph();
    g_.merge(test_support::random_graph(40, 160, 5));
    g_.add_node("Gamma", graph::Kind::kPerson);
    const auto a = g_.add_node("Alpha", graph::Kind::kPerson);
    g_.add_alias(a, "Zed");
    const auto b = g_.add_node("Beta", graph::Kind::kPerson);
    g_.add_alias(b, "Zed");
    g_.add_alias(b, "Gamma");
    g_.add_node_with_id("Alpha", "Delta", graph::Kind::kMedia);
    g_.add_edge(a, b, graph::Relation::kConsult);
    save_sgpb(g_, path("g.sgpb"));
    g_ = load_sgpb(path("g.sgpb"));
    t_ = load_topology_arrays(path("g.sgpb"));
    ASSERT_TRUE(t_.has_value());
  }
  graph::Graph g_;
  std::optional<TopologyArrays> t_;
};

TEST_F(TopologySubgraphTest, FindNodeEqualsTheGraphs) {
  std::vector<std::string> queries{
      "Zed",        "zed",    "Gamma",      "alpha",  "Alpha",
      "the huawei", "HUAWEI", "Washington", "us",     "the chinese company",
      "nobody",     "",       " ",          "node 3", "Ren Zhengfei"};
  for (graph::NodeIndex v = 0; v < g_.node_count(); ++v) {
    queries.push_back(g_.node(v).id);
    queries.push_back(g_.node(v).name);
    for (const auto& a : g_.node(v).aliases) queries.push_back(a);
  }
  int found = 0;
  for (const std::string& q : queries) {
    const auto want = g_.find_node(q);
    const auto got = find_node(*t_, q);
    ASSERT_EQ(got.has_value(), want.has_value()) << q;
    if (want) {
      EXPECT_EQ(*got, *want) << q;
      ++found;
    }
  }
  EXPECT_GT(found, 100);
  EXPECT_EQ(g_.node(*find_node(*t_, "Zed")).name, "Alpha");
  EXPECT_EQ(g_.node(*find_node(*t_, "Gamma")).name, "Gamma");
}

TEST_F(TopologySubgraphTest, InducedGraphEqualsTheInducedSubgraph) {
  std::mt19937 rng(3);
  for (int round = 0; round < 8; ++round) {
    std::vector<std::uint32_t> nodes;
    std::vector<graph::NodeIndex> oracle_nodes;
    for (std::uint32_t v = 0; v < g_.node_count(); ++v)
      if (round == 0 || rng() % 3 == 0) nodes.push_back(v), oracle_nodes.push_back(v);
    const InducedGraph got = induced_graph(*t_, nodes);
    const graph::Graph want = graph::induced_subgraph(g_, oracle_nodes);
    const graph::Graph& h = got.graph;
    ASSERT_EQ(h.node_count(), want.node_count());
    for (graph::NodeIndex v = 0; v < h.node_count(); ++v) {
      EXPECT_EQ(h.node(v).id, want.node(v).id);
      EXPECT_EQ(h.node(v).name, want.node(v).name);
      EXPECT_EQ(h.node(v).kind, want.node(v).kind);
    }
    ASSERT_EQ(h.edge_count(), want.edge_count()) << round;
    ASSERT_EQ(got.edges.size(), h.edge_count());
    // Every edge in the same order (edge iteration, out-edges and in-edges of each node).
    auto [a, a_end] = boost::edges(h.boost_graph());
    auto [b, b_end] = boost::edges(want.boost_graph());
    for (; a != a_end; ++a, ++b) {
      EXPECT_EQ(h.source(*a), want.source(*b));
      EXPECT_EQ(h.target(*a), want.target(*b));
      EXPECT_EQ(h.edge(*a).relation, want.edge(*b).relation);
      EXPECT_EQ(h.edge(*a).evidence_total(), want.edge(*b).evidence_total());
      EXPECT_EQ(h.edge(*a).weight, want.edge(*b).weight);
    }
    for (graph::NodeIndex v = 0; v < h.node_count(); ++v) {
      auto [x, x_end] = boost::in_edges(v, h.boost_graph());
      auto [y, y_end] = boost::in_edges(v, want.boost_graph());
      for (; x != x_end && y != y_end; ++x, ++y) {
        EXPECT_EQ(h.source(*x), want.source(*y));
        EXPECT_EQ(h.edge(*x).relation, want.edge(*y).relation);
      }
      EXPECT_TRUE(x == x_end && y == y_end);
    }
    // The file's edge numbers: the edges of the whole graph in file order.
    std::vector<graph::EdgeRef> all;
    for (auto [it, end] = boost::edges(g_.boost_graph()); it != end; ++it) all.push_back(*it);
    for (std::size_t k = 0; k < got.edges.size(); ++k) {
      const std::uint64_t i = got.edge_numbers[k];
      ASSERT_LT(i, t_->edge_count());
      EXPECT_EQ(nodes[h.source(got.edges[k])], t_->sources[i]);
      EXPECT_EQ(nodes[h.target(got.edges[k])], t_->targets[i]);
    }
  }
  EXPECT_THROW(induced_graph(*t_, {static_cast<std::uint32_t>(g_.node_count())}),
               graph::InvalidArgument);
}

// load_sgpb_subgraph: the nodes and every edge among them whole, as graph::induced_subgraph
// of the whole load gives them (aliases, attributes, every edge field, evidence in order with
// its articles), holding only the articles cited.
std::string item_of(const graph::Graph& g, const graph::Evidence& e) {
  std::string s = e.text + "|" + std::to_string(e.sentence) + "|" + std::to_string(e.start) + "-" +
                  std::to_string(e.end) + "|" + (e.hedged ? "h" : "") + "|" + e.speaker + "|" +
                  e.rule + "|" + std::to_string(e.confidence) + "|" + std::to_string(e.mentions) +
                  "|" + std::to_string(e.sources) + "|" + std::to_string(e.date);
  if (e.article != graph::kNoArticle) {
    const graph::Article& a = g.articles().at(e.article);
    s += "|" + a.id + "|" + a.title + "|" + std::to_string(a.date) + "|" + a.source + "|" + a.url;
  }
  return s;
}

TEST_F(TopologySubgraphTest, SubgraphWholeEqualsTheInducedSubgraph) {
  std::mt19937 rng(7);
  std::size_t items = 0;
  for (int round = 0; round < 8; ++round) {
    std::vector<std::uint32_t> nodes;
    std::vector<graph::NodeIndex> oracle_nodes;
    for (std::uint32_t v = 0; v < g_.node_count(); ++v)
      if (round == 0 || rng() % 3 == 0) nodes.push_back(v), oracle_nodes.push_back(v);
    const graph::Graph h = load_sgpb_subgraph(path("g.sgpb"), *t_, nodes);
    const graph::Graph want = graph::induced_subgraph(g_, oracle_nodes);
    EXPECT_EQ(test_support::graph_difference(h, want, /*compare_evidence=*/false), "") << round;
    ASSERT_EQ(h.edge_count(), want.edge_count());
    std::vector<std::string> cited;
    auto [a, a_end] = boost::edges(h.boost_graph());
    auto [b, b_end] = boost::edges(want.boost_graph());
    for (; a != a_end; ++a, ++b) {
      const graph::EdgeData &x = h.edge(*a), &y = want.edge(*b);
      EXPECT_EQ(h.source(*a), want.source(*b));
      EXPECT_EQ(h.target(*a), want.target(*b));
      EXPECT_EQ(x.relation, y.relation);
      EXPECT_EQ(x.sign, y.sign);
      EXPECT_EQ(x.first_seen, y.first_seen);
      EXPECT_EQ(x.last_seen, y.last_seen);
      EXPECT_EQ(x.unloaded_evidence, 0u);
      ASSERT_EQ(x.evidence.size(), y.evidence.size());
      for (std::size_t i = 0; i < x.evidence.size(); ++i) {
        EXPECT_EQ(item_of(h, x.evidence[i]), item_of(want, y.evidence[i]));
        if (y.evidence[i].article != graph::kNoArticle)
          cited.push_back(want.articles()[y.evidence[i].article].id);
        ++items;
      }
    }
    std::sort(cited.begin(), cited.end());
    cited.erase(std::unique(cited.begin(), cited.end()), cited.end());
    EXPECT_EQ(h.articles().size(), cited.size()) << round;
  }
  EXPECT_GT(items, 150u);
}

// Distances on the constrained view equal the cost of graph::shortest_path to every node,
// with each constraint, by hops and by 1 / weight; on the reversed view, the distances to
// a node.
TEST_F(TopologySubgraphTest, ConstrainedDistancesEqualShortestPaths) {
  const auto src = *g_.find_node("node 3");  // in the random part: most nodes reachable
  struct Case {
    bool directed;
    graph::WeightSource source;
    std::vector<graph::Relation> relations;
    std::vector<graph::Kind> kinds;
  };
  const std::vector<Case> cases{
      {false, graph::WeightSource::kNone, {}, {}},
      {true, graph::WeightSource::kNone, {}, {}},
      {false, graph::WeightSource::kEvidence, {}, {}},
      {true, graph::WeightSource::kWeight, {}, {}},
      {false,
       graph::WeightSource::kNone,
       {graph::Relation::kConsult, graph::Relation::kSupplies},
       {}},
      {false, graph::WeightSource::kEvidence, {}, {graph::Kind::kPerson, graph::Kind::kVendor}},
  };
  int reached = 0;
  for (std::size_t c = 0; c < cases.size(); ++c) {
    const Case& k = cases[c];
    graph::PathOptions p;
    p.directed = k.directed;
    p.weights = k.source;
    p.cost = k.source == graph::WeightSource::kNone ? graph::EdgeCost::kHops
                                                    : graph::EdgeCost::kInverseWeight;
    p.relations = k.relations;
    p.kinds = k.kinds;
    for (graph::NodeIndex to = 0; to < g_.node_count(); ++to) {
      if (to == src) continue;
      ConstrainedCsrOptions o{.directed = k.directed,
                              .weighted = true,
                              .source = k.source,
                              .relations = k.relations,
                              .allowed = std::vector<std::uint8_t>(g_.node_count(), 1),
                              .skip_self_loops = true};
      if (!k.kinds.empty())
        for (graph::NodeIndex v = 0; v < g_.node_count(); ++v)
          o.allowed[v] =
              std::find(k.kinds.begin(), k.kinds.end(), g_.node(v).kind) != k.kinds.end();
      o.allowed[src] = o.allowed[to] = 1;
      const auto dist = graph::distances_from(constrained_csr(*t_, o), src, p.cost);
      // The reversed view: distances *to* a node (the same both ways when undirected).
      o.reversed = true;
      const auto back = graph::distances_from(constrained_csr(*t_, o), to, p.cost);
      if (dist[to] == std::numeric_limits<double>::infinity())
        EXPECT_EQ(back[src], dist[to]) << c << " " << to;
      else
        EXPECT_NEAR(back[src], dist[to], 1e-9) << c << " " << to;
      const graph::PathResult r = graph::shortest_path(g_, src, to, p);
      if (r.paths.empty()) {
        EXPECT_EQ(dist[to], std::numeric_limits<double>::infinity()) << c << " " << to;
      } else {
        EXPECT_DOUBLE_EQ(dist[to], r.paths[0].cost) << c << " " << to;
        ++reached;
      }
    }
  }
  EXPECT_GT(reached, 100);
}

}  // namespace
}  // namespace stakegraph::io
