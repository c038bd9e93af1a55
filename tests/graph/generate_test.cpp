// The synthetic news-graph generator (graph/generate.hpp): exact sizes, no duplicates or
// self-loops, determinism, the power-law tail, and the kind and relation mixes; the shape
// options (min_degree, self_loop_share, kind_hub_weights) and the GDELT preset.
#include "graph/generate.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
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
  EXPECT_EQ(test_support::graph_difference(copy, g), "");
}

TEST(Generate, DeterministicPerSeed) {
  const GenerateOptions a{.nodes = 300, .edges = 1500, .seed = 42};
  EXPECT_EQ(test_support::graph_difference(generate_graph(a), generate_graph(a)), "");
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
  EXPECT_THROW(generate_graph({.nodes = 10, .edges = 10, .evidence_mean = 0.5}), InvalidArgument);
  EXPECT_THROW(generate_graph({.nodes = 10, .edges = 10, .first_date = 20200230}), InvalidArgument);
  EXPECT_THROW(
      generate_graph({.nodes = 10, .edges = 10, .first_date = 20210101, .last_date = 20200101}),
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

// Degree of every node (in + out, a self-loop counts 2) straight from the edge list.
std::vector<std::uint64_t> degrees_of(const GeneratedEdges& e) {
  std::vector<std::uint64_t> d(e.nodes, 0);
  for (const auto& [s, t] : e.edges) {
    ++d[s];
    ++d[t];
  }
  return d;
}

// Every edge a distinct (source, target, relation), symmetric ones with source <= target.
void expect_distinct_edges(const GeneratedEdges& e) {
  std::set<std::tuple<std::uint32_t, std::uint32_t, Relation>> seen;
  for (std::size_t i = 0; i < e.edges.size(); ++i) {
    const auto [s, t] = e.edges[i];
    ASSERT_LT(s, e.nodes);
    ASSERT_LT(t, e.nodes);
    if (is_symmetric(e.relations[i])) {
      EXPECT_LE(s, t);
    }
    EXPECT_TRUE(seen.emplace(s, t, e.relations[i]).second) << "duplicate edge " << i;
  }
}

TEST(GenerateShape, MinDegreeOneLeavesNoIsolatedNode) {
  // Sparse (1.2 edges per node) and hub-heavy: the plain model leaves many nodes isolated.
  GenerateOptions o{.nodes = 5000, .edges = 6000, .seed = 4, .exponent = 2.0};
  const auto isolated = [](const GeneratedEdges& e) {
    const auto d = degrees_of(e);
    return std::count(d.begin(), d.end(), 0u);
  };
  const GeneratedEdges plain = generate_edges(o);
  EXPECT_GT(isolated(plain), 1000);  // the option has something to fix
  o.min_degree = 1;
  for (std::uint64_t seed : {1, 2, 3}) {
    o.seed = seed;
    const GeneratedEdges e = generate_edges(o);
    ASSERT_EQ(e.edges.size(), 6000u);
    EXPECT_EQ(isolated(e), 0) << "seed " << seed;
    expect_distinct_edges(e);
    for (const auto& [s, t] : e.edges) EXPECT_NE(s, t);
  }
  // The smallest edge count the option accepts: nodes - 1 (a spanning forest at most).
  const GeneratedEdges tight =
      generate_edges({.nodes = 200, .edges = 199, .seed = 8, .min_degree = 1});
  EXPECT_EQ(tight.edges.size(), 199u);
  EXPECT_EQ(isolated(tight), 0);
}

TEST(GenerateShape, SelfLoopShareIsMet) {
  GenerateOptions o{.nodes = 4000, .edges = 20000, .seed = 6, .self_loop_share = 0.05};
  const GeneratedEdges e = generate_edges(o);
  ASSERT_EQ(e.edges.size(), 20000u);
  expect_distinct_edges(e);
  std::uint64_t loops = 0;
  std::vector<std::uint64_t> loops_at(e.nodes, 0);
  for (const auto& [s, t] : e.edges) {
    if (s != t) continue;
    ++loops;
    ++loops_at[s];
  }
  // Within 4 binomial standard deviations of the option (the generator makes it exact:
  // round(0.05 * 20000) = 1000).
  const double sd = std::sqrt(20000 * 0.05 * 0.95);
  EXPECT_NEAR(static_cast<double>(loops), 1000.0, 4 * sd);
  EXPECT_EQ(loops, 1000u);
  // Loops sit on nodes drawn by fitness: the 1% highest-fitness nodes hold far more than 1%
  // (about 20%).
  std::uint64_t top = 0;
  for (std::uint32_t v = 0; v < e.nodes / 100; ++v) top += loops_at[v];
  EXPECT_GT(top, loops / 10);
  // Share 0: none (the plain model redraws s == t).
  o.self_loop_share = 0.0;
  for (const auto& [s, t] : generate_edges(o).edges) EXPECT_NE(s, t);
}

TEST(GenerateShape, SelfLoopsReachTheGraph) {
  const GenerateOptions o{
      .nodes = 300, .edges = 1200, .seed = 2, .min_degree = 1, .self_loop_share = 0.1};
  const GeneratedEdges e = generate_edges(o);
  const Graph g = generate_graph(o);
  ASSERT_EQ(g.edge_count(), 1200u);
  std::size_t loops = 0;
  for (std::size_t i = 0; i < e.edges.size(); ++i) {
    const auto found = g.find_edge(e.edges[i].first, e.edges[i].second, e.relations[i]);
    ASSERT_TRUE(found.has_value()) << "edge " << i;
    loops += g.source(*found) == g.target(*found);
  }
  EXPECT_EQ(loops, 120u);
}

TEST(GenerateShape, HubKindsTakeTheHighDegreeNodes) {
  GenerateOptions o{.nodes = 20000, .edges = 100000, .seed = 12};
  o.kind_weights.fill(0.0);
  o.kind_weights[static_cast<int>(Kind::kGovernment)] = 0.4;
  o.kind_weights[static_cast<int>(Kind::kOrganization)] = 0.6;
  const auto mean_degree = [](const GeneratedEdges& e, Kind k) {
    const auto d = degrees_of(e);
    double sum = 0, count = 0;
    for (std::uint32_t v = 0; v < e.nodes; ++v) {
      if (e.kinds[v] != k) continue;
      sum += static_cast<double>(d[v]);
      count += 1;
    }
    return sum / count;
  };
  const auto share = [](const GeneratedEdges& e, Kind k) {
    return static_cast<double>(std::count(e.kinds.begin(), e.kinds.end(), k)) /
           static_cast<double>(e.kinds.size());
  };
  // Uncoupled: both kinds have the same mean degree (10) up to noise.
  const GeneratedEdges plain = generate_edges(o);
  const double ratio_plain =
      mean_degree(plain, Kind::kGovernment) / mean_degree(plain, Kind::kOrganization);
  EXPECT_NEAR(ratio_plain, 1.0, 0.25);
  o.kind_hub_weights[static_cast<int>(Kind::kGovernment)] = 8.0;
  const GeneratedEdges hub = generate_edges(o);
  const double ratio_hub =
      mean_degree(hub, Kind::kGovernment) / mean_degree(hub, Kind::kOrganization);
  EXPECT_GT(ratio_hub, 2.0);
  // The kind mix itself is unchanged: still 40% governments (binomial sd 0.0035).
  EXPECT_NEAR(share(hub, Kind::kGovernment), 0.4, 5 * std::sqrt(0.4 * 0.6 / 20000));
  // The top 100 hubs are mostly governments: each of the first picks is a government with
  // probability 8 * 0.4 / (8 * 0.4 + 0.6) = 0.84 (about 84 expected, sd 3.7; 40 uncoupled).
  EXPECT_GT(std::count(hub.kinds.begin(), hub.kinds.begin() + 100, Kind::kGovernment), 70);
  // Weights on the other side: governments avoid the hubs.
  o.kind_hub_weights[static_cast<int>(Kind::kGovernment)] = 0.125;
  EXPECT_LT(mean_degree(generate_edges(o), Kind::kGovernment),
            0.5 * mean_degree(plain, Kind::kGovernment));
}

TEST(GenerateShape, TopHubKindFollowsTheHubWeights) {
  // Oracle: with two nodes of different kinds, the top-fitness node (node 0) takes kind k
  // with probability h_k / (h_government + h_organization) (weighted sampling without
  // replacement: the first pick is proportional to weight).
  GenerateOptions o{.nodes = 2, .edges = 0};
  o.kind_weights.fill(0.0);
  o.kind_weights[static_cast<int>(Kind::kGovernment)] = 1.0;
  o.kind_weights[static_cast<int>(Kind::kOrganization)] = 1.0;
  o.kind_hub_weights[static_cast<int>(Kind::kGovernment)] = 4.0;
  int mixed = 0, government_first = 0;
  for (std::uint64_t seed = 1; seed <= 4000; ++seed) {
    o.seed = seed;
    const GeneratedEdges e = generate_edges(o);
    if (e.kinds[0] == e.kinds[1]) continue;
    ++mixed;
    government_first += e.kinds[0] == Kind::kGovernment;
  }
  ASSERT_GT(mixed, 1500);
  const double p = 4.0 / 5.0, n = mixed;
  EXPECT_NEAR(government_first / n, p, 4 * std::sqrt(p * (1 - p) / n));
}

TEST(GenerateShape, EqualHubWeightsChangeNothing) {
  // Equal weights (any value) mean no coupling: the same graph as the defaults.
  GenerateOptions a{.nodes = 500, .edges = 2000, .seed = 21};
  GenerateOptions b = a;
  b.kind_hub_weights.fill(3.0);
  const GeneratedEdges ea = generate_edges(a), eb = generate_edges(b);
  EXPECT_EQ(ea.kinds, eb.kinds);
  EXPECT_EQ(ea.edges, eb.edges);
  EXPECT_EQ(ea.relations, eb.relations);
}

TEST(GenerateShape, AllOptionsExactAndDeterministic) {
  GenerateOptions o{.nodes = 800,
                    .edges = 3000,
                    .seed = 31,
                    .exponent = 1.9,
                    .min_degree = 1,
                    .self_loop_share = 0.04};
  o.kind_hub_weights[static_cast<int>(Kind::kGovernment)] = 5.0;
  o.kind_hub_weights[static_cast<int>(Kind::kPerson)] = 0.3;
  const GeneratedEdges e = generate_edges(o);
  ASSERT_EQ(e.edges.size(), 3000u);
  expect_distinct_edges(e);
  EXPECT_EQ(test_support::graph_difference(generate_graph(o), generate_graph(o)), "");
  GenerateOptions other = o;
  other.seed = 32;
  EXPECT_NE(generate_edges(other).edges, e.edges);
}

TEST(GenerateShape, RejectsBadShapeOptions) {
  EXPECT_THROW(generate_edges({.nodes = 10, .edges = 20, .min_degree = 2}), InvalidArgument);
  // min_degree 1 needs nodes - 1 edges besides the self-loops.
  EXPECT_THROW(generate_edges({.nodes = 100, .edges = 98, .min_degree = 1}), InvalidArgument);
  EXPECT_THROW(
      generate_edges({.nodes = 100, .edges = 100, .min_degree = 1, .self_loop_share = 0.05}),
      InvalidArgument);
  EXPECT_THROW(generate_edges({.nodes = 1, .edges = 0, .min_degree = 1}), InvalidArgument);
  for (double share : {-0.01, 1.0, 1.5, std::nan("")}) {
    EXPECT_THROW(generate_edges({.nodes = 10, .edges = 20, .self_loop_share = share}),
                 InvalidArgument)
        << share;
  }
  // More self-loops than half of nodes x relations.
  GenerateOptions loops{.nodes = 4, .edges = 40, .self_loop_share = 0.9};
  loops.relation_weights.fill(0.0);
  loops.relation_weights[static_cast<int>(Relation::kConsult)] = 1.0;
  loops.relation_weights[static_cast<int>(Relation::kAccuse)] = 1.0;
  EXPECT_THROW(generate_edges(loops), InvalidArgument);
  for (double h : {0.0, -1.0, std::numeric_limits<double>::infinity(), std::nan("")}) {
    GenerateOptions o{.nodes = 10, .edges = 20};
    o.kind_hub_weights[static_cast<int>(Kind::kMedia)] = h;
    EXPECT_THROW(generate_edges(o), InvalidArgument) << h;
  }
  // A kind that is never drawn may have any hub weight.
  GenerateOptions unused{.nodes = 10, .edges = 20};
  unused.kind_weights[static_cast<int>(Kind::kMedia)] = 0.0;
  unused.kind_hub_weights[static_cast<int>(Kind::kMedia)] = 0.0;
  EXPECT_EQ(generate_edges(unused).edges.size(), 20u);
}

TEST(GenerateShape, GdeltProfile) {
  const GenerateOptions o = gdelt_profile(20000, 5);
  EXPECT_EQ(o.edges, 20000u);
  EXPECT_EQ(o.seed, 5u);
  EXPECT_EQ(o.nodes, static_cast<std::uint32_t>(std::llround(20000 * kGdeltNodesPerEdge)));
  EXPECT_EQ(o.min_degree, 1u);
  const GeneratedEdges e = generate_edges(o);
  ASSERT_EQ(e.edges.size(), 20000u);
  expect_distinct_edges(e);
  const auto d = degrees_of(e);
  EXPECT_EQ(std::count(d.begin(), d.end(), 0u), 0);
  std::size_t loops = 0;
  for (const auto& [s, t] : e.edges) loops += s == t;
  EXPECT_EQ(loops, static_cast<std::size_t>(std::llround(o.self_loop_share * 20000)));
  // Only the sample's kinds and relations appear.
  for (Kind k : e.kinds) EXPECT_GT(o.kind_weights[static_cast<int>(k)], 0.0);
  for (Relation r : e.relations) EXPECT_GT(o.relation_weights[static_cast<int>(r)], 0.0);
  // One edge: two nodes joined. No edge cannot meet min_degree 1.
  EXPECT_EQ(generate_edges(gdelt_profile(1)).edges.size(), 1u);
  EXPECT_THROW(generate_edges(gdelt_profile(0)), InvalidArgument);
}

TEST(GenerateShape, GeneratedGraphsMoveWhole) {
  // Moving a Graph moves its Boost adjacency list (Boost 1.74 would copy it): everything,
  // evidence and edge lookups included, survives a move construction and a move assignment.
  const GenerateOptions o{
      .nodes = 400, .edges = 1600, .seed = 17, .min_degree = 1, .self_loop_share = 0.05};
  Graph source = generate_graph(o);
  const Graph copy = source;
  Graph moved(std::move(source));
  EXPECT_EQ(test_support::graph_difference(moved, copy), "");
  Graph assigned = generate_graph({.nodes = 10, .edges = 20});
  assigned = std::move(moved);
  EXPECT_EQ(test_support::graph_difference(assigned, copy), "");
  const GeneratedEdges e = generate_edges(o);
  for (std::size_t i = 0; i < e.edges.size(); i += 97) {
    EXPECT_TRUE(assigned.find_edge(e.edges[i].first, e.edges[i].second, e.relations[i]))
        << "edge " << i;
  }
}

// `generate --kind-hub-weight KIND=WEIGHT` read by the library: the kind's weight set, the
// others left; malformed specs refused with the spec in the message, options unchanged.
TEST(GenerateShape, KindHubWeightSpec) {
  GenerateOptions o;
  set_kind_hub_weight(o, "vendor=3");
  set_kind_hub_weight(o, "person=0.5");
  EXPECT_EQ(o.kind_hub_weights[static_cast<std::size_t>(Kind::kVendor)], 3.0);
  EXPECT_EQ(o.kind_hub_weights[static_cast<std::size_t>(Kind::kPerson)], 0.5);
  EXPECT_EQ(o.kind_hub_weights[static_cast<std::size_t>(Kind::kGovernment)], 1.0);
  const auto before = o.kind_hub_weights;
  for (const char* bad :
       {"vendor", "vendor=", "vendor=x", "vendor=3x", "nation=2", "unspecified=2", "=2", ""}) {
    try {
      set_kind_hub_weight(o, bad);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const InvalidArgument& e) {
      EXPECT_EQ(std::string(e.what()), std::string(bad) +
                                           ": expected KIND=WEIGHT with a kind name (government, "
                                           "organization, ...) and a number > 0");
    }
  }
  EXPECT_EQ(o.kind_hub_weights, before);
  // The range is generate_edges' to check: 0 is read, then refused there.
  set_kind_hub_weight(o, "government=0");
  EXPECT_EQ(o.kind_hub_weights[static_cast<std::size_t>(Kind::kGovernment)], 0.0);
  EXPECT_THROW(generate_edges(o), InvalidArgument);
}

}  // namespace
}  // namespace stakegraph::graph
