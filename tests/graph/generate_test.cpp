// The synthetic news-graph generator (graph/generate.hpp): exact sizes, no duplicates or
// self-loops, determinism, the power-law tail, and the kind and relation mixes.
#include "graph/generate.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "graph/csr.hpp"
#include "graph/error.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::graph {
namespace {

TEST(Generate, ExactSizesNoDuplicatesNoSelfLoops) {
  const GenerateOptions o{.nodes = 2000, .edges = 12000, .seed = 5};
  const GeneratedEdges e = generate_edges(o);
  ASSERT_EQ(e.edges.size(), 12000u);
  ASSERT_EQ(e.relations.size(), 12000u);
  ASSERT_EQ(e.kinds.size(), 2000u);
  std::set<std::tuple<std::uint32_t, std::uint32_t, Relation>> seen;
  for (std::size_t i = 0; i < e.edges.size(); ++i) {
    const auto [s, t] = e.edges[i];
    EXPECT_NE(s, t);
    EXPECT_LT(s, 2000u);
    EXPECT_LT(t, 2000u);
    EXPECT_NE(e.relations[i], Relation::kUnspecified);
    if (is_symmetric(e.relations[i])) {
      EXPECT_LT(s, t);
    }
    EXPECT_TRUE(seen.emplace(s, t, e.relations[i]).second) << "duplicate edge " << i;
  }
}

TEST(Generate, GraphMatchesEdgeListAndCarriesEvidence) {
  const GenerateOptions o{.nodes = 500, .edges = 2500, .seed = 9};
  const GeneratedEdges e = generate_edges(o);
  const Graph g = generate_graph(o);
  ASSERT_EQ(g.node_count(), 500u);
  ASSERT_EQ(g.edge_count(), 2500u);
  for (std::uint32_t v = 0; v < 500; ++v) {
    EXPECT_EQ(g.node(v).kind, e.kinds[v]);
    EXPECT_EQ(g.node(v).id, "n" + std::to_string(v));
  }
  std::size_t evidence = 0;
  for (std::size_t i = 0; i < e.edges.size(); ++i) {
    const auto found = g.find_edge(e.edges[i].first, e.edges[i].second, e.relations[i]);
    ASSERT_TRUE(found.has_value()) << "edge " << i;
    const EdgeData& d = g.edge(*found);
    ASSERT_GE(d.evidence.size(), 1u);
    evidence += d.evidence.size();
    EXPECT_NE(d.first_seen, kNoDate);
    EXPECT_GE(d.first_seen, o.first_date);
    EXPECT_LE(d.last_seen, o.last_date);
    EXPECT_EQ(d.sign, relation_sign(d.relation));
  }
  // Mean evidence per edge near evidence_mean (1.5): the geometric mean has sd ~0.87/sqrt(n).
  EXPECT_NEAR(static_cast<double>(evidence) / 2500.0, 1.5, 0.06);
  // Merging the graph into a copy of itself changes nothing (no duplicate evidence).
  Graph copy = g;
  copy.merge(g);
  EXPECT_EQ(testing::graph_difference(copy, g), "");
}

TEST(Generate, DeterministicPerSeed) {
  const GenerateOptions a{.nodes = 300, .edges = 1500, .seed = 42};
  EXPECT_EQ(testing::graph_difference(generate_graph(a), generate_graph(a)), "");
  GenerateOptions b = a;
  b.seed = 43;
  EXPECT_NE(generate_edges(a).edges, generate_edges(b).edges);
}

// Maximum-likelihood power-law exponent of the values >= x_min (Clauset, Shalizi and Newman
// 2009, eq. 3.7, discrete approximation).
double fitted_exponent(const std::vector<double>& x, double x_min) {
  double sum = 0;
  std::size_t n = 0;
  for (double v : x) {
    if (v < x_min) continue;
    sum += std::log(v / (x_min - 0.5));
    ++n;
  }
  return 1.0 + static_cast<double>(n) / sum;
}

TEST(Generate, DegreesFollowThePowerLaw) {
  for (double exponent : {2.3, 2.8}) {
    const GenerateOptions o{.nodes = 50000, .edges = 250000, .seed = 3, .exponent = exponent};
    const GeneratedEdges e = generate_edges(o);
    const Csr c = build_csr(e.nodes, e.edges, {}, {});
    std::vector<double> degree(c.n);
    double max_degree = 0;
    for (std::uint32_t v = 0; v < c.n; ++v) {
      degree[v] = static_cast<double>(c.degree(v));
      max_degree = std::max(max_degree, degree[v]);
    }
    const double fitted = fitted_exponent(degree, 20);
    EXPECT_NEAR(fitted, exponent, 0.3) << "exponent " << exponent;
    // Heavy tail: the largest hub is far above the mean degree (10).
    EXPECT_GT(max_degree, 100);
  }
}

TEST(Generate, KindAndRelationMixesFollowTheWeights) {
  const GenerateOptions o{.nodes = 40000, .edges = 200000, .seed = 11};
  const GeneratedEdges e = generate_edges(o);
  auto check = [](const auto& weights, const std::vector<double>& counts, double total,
                  const char* what) {
    double sum = 0;
    for (std::size_t i = 1; i < weights.size(); ++i) sum += weights[i];
    for (std::size_t i = 1; i < weights.size(); ++i) {
      const double p = weights[i] / sum;
      const double sd = std::sqrt(total * p * (1 - p));
      // Duplicate removal thins hub-to-hub edges a little; allow 5 sd plus 3% of the count.
      EXPECT_NEAR(counts[i], total * p, 5 * sd + 0.03 * total * p) << what << " " << i;
    }
  };
  std::vector<double> kinds(kKindCount, 0.0), relations(kRelationCount, 0.0);
  for (Kind k : e.kinds) kinds[static_cast<int>(k)] += 1;
  for (Relation r : e.relations) relations[static_cast<int>(r)] += 1;
  EXPECT_EQ(kinds[0], 0.0);
  EXPECT_EQ(relations[0], 0.0);
  check(o.kind_weights, kinds, 40000, "kind");
  check(o.relation_weights, relations, 200000, "relation");
  // Governments and organizations are the most common kinds; CONSULT the most common relation.
  const auto top_kind = std::max_element(kinds.begin(), kinds.end()) - kinds.begin();
  EXPECT_EQ(top_kind, static_cast<int>(Kind::kGovernment));
  const auto top_rel = std::max_element(relations.begin(), relations.end()) - relations.begin();
  EXPECT_EQ(top_rel, static_cast<int>(Relation::kConsult));
}

TEST(Generate, CustomMixOnlyUsesWeightedValues) {
  GenerateOptions o{.nodes = 200, .edges = 600, .seed = 1};
  o.kind_weights.fill(0.0);
  o.kind_weights[static_cast<int>(Kind::kVendor)] = 1.0;
  o.relation_weights.fill(0.0);
  o.relation_weights[static_cast<int>(Relation::kSupplies)] = 2.0;
  o.relation_weights[static_cast<int>(Relation::kAlliedWith)] = 1.0;
  const GeneratedEdges e = generate_edges(o);
  for (Kind k : e.kinds) EXPECT_EQ(k, Kind::kVendor);
  for (Relation r : e.relations)
    EXPECT_TRUE(r == Relation::kSupplies || r == Relation::kAlliedWith);
}

TEST(Generate, RejectsBadOptions) {
  EXPECT_THROW(generate_edges({.nodes = 1, .edges = 1}), InvalidArgument);
  EXPECT_THROW(generate_edges({.nodes = 10, .edges = 10, .exponent = 1.0}), InvalidArgument);
  EXPECT_THROW(generate_edges({.nodes = 10, .edges = 5000}), InvalidArgument);  // too dense
  GenerateOptions neg{.nodes = 10, .edges = 10};
  neg.kind_weights[1] = -1;
  EXPECT_THROW(generate_edges(neg), InvalidArgument);
  GenerateOptions zero{.nodes = 10, .edges = 10};
  zero.relation_weights.fill(0.0);
  EXPECT_THROW(generate_edges(zero), InvalidArgument);
  EXPECT_THROW(generate_graph({.nodes = 10, .edges = 10, .evidence_mean = 0.5}),
               InvalidArgument);
  EXPECT_THROW(generate_graph({.nodes = 10, .edges = 10, .first_date = 20200230}),
               InvalidArgument);
  EXPECT_THROW(generate_graph({.nodes = 10, .edges = 10, .first_date = 20210101,
                               .last_date = 20200101}),
               InvalidArgument);
  // No edges: nodes only, any count.
  EXPECT_EQ(generate_graph({.nodes = 1, .edges = 0}).node_count(), 1u);
}

TEST(Generate, ProgressIsReported) {
  std::uint64_t last = 0, calls = 0;
  GenerateOptions o{.nodes = 100, .edges = 400, .seed = 2};
  o.progress = [&](std::uint64_t done, std::uint64_t total) {
    EXPECT_EQ(total, 400u);
    EXPECT_GE(done, last);
    last = done;
    ++calls;
  };
  generate_graph(o);
  EXPECT_EQ(last, 400u);
  EXPECT_GT(calls, 10u);
}

}  // namespace
}  // namespace stakegraph::graph
