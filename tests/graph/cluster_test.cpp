// graph::cluster (graph/cluster.hpp): the method chosen by the enum, checked against answers
// worked out by hand on drawn graphs and against the kernels called directly.
//
//   a -supplies-> b -supplies-> c -supplies-> a     d -> e -> f -> d (supplies)
//                                  c -supplies-> g
//
// Components: {a, b, c, g} (cluster 0, the largest) and {d, e, f}. Strong components:
// {a, b, c}, {d, e, f}, {g}. Louvain: the two components; modularity with m = 7 edges,
// degree sums 8 and 6: Q = 4/7 - (8/14)^2 + 3/7 - (6/14)^2 = 96/196.
#include "graph/cluster.hpp"

#include <gtest/gtest.h>

#include "graph/camps.hpp"
#include "graph/communities.hpp"
#include "graph/error.hpp"

namespace stakegraph::graph {
namespace {

struct Drawn {
  Graph g;
  NodeIndex a, b, c, d, e, f, x;  // x is g in the drawing
};

Drawn two_triangles() {
  Drawn t;
  auto node = [&](const char* name) { return t.g.add_node(name, Kind::kGovernment); };
  t.a = node("a");
  t.b = node("b");
  t.c = node("c");
  t.d = node("d");
  t.e = node("e");
  t.f = node("f");
  t.x = node("g");
  for (auto [s, d] : {std::pair{t.a, t.b},
                      {t.b, t.c},
                      {t.c, t.a},
                      {t.d, t.e},
                      {t.e, t.f},
                      {t.f, t.d},
                      {t.c, t.x}})
    t.g.add_edge(s, d, Relation::kSupplies);
  return t;
}

TEST(Cluster, MethodNamesRoundTrip) {
  for (ClusterMethod m :
       {ClusterMethod::kComponents, ClusterMethod::kStrongComponents, ClusterMethod::kLouvain,
        ClusterMethod::kLabelPropagation, ClusterMethod::kCamps})
    EXPECT_EQ(parse_cluster_method(cluster_method_name(m)), m);
  EXPECT_EQ(cluster_method_name(ClusterMethod::kStrongComponents), "strong-components");
  EXPECT_FALSE(parse_cluster_method("Louvain"));
  EXPECT_FALSE(parse_cluster_method(""));
  EXPECT_FALSE(cluster_method_adds_weights(ClusterMethod::kComponents));
  EXPECT_FALSE(cluster_method_adds_weights(ClusterMethod::kStrongComponents));
  EXPECT_TRUE(cluster_method_adds_weights(ClusterMethod::kCamps));
}

TEST(Cluster, ComponentsAndStrongComponentsByHand) {
  const Drawn t = two_triangles();
  const ClusterResult cc = cluster(t.g, {.method = ClusterMethod::kComponents});
  EXPECT_EQ(cc.count, 2u);
  EXPECT_EQ(cc.membership, (std::vector<std::uint32_t>{0, 0, 0, 1, 1, 1, 0}));
  EXPECT_NEAR(cc.modularity, 96.0 / 196.0, 1e-12);
  EXPECT_FALSE(cc.is_signed);
  const ClusterResult scc = cluster(t.g, {.method = ClusterMethod::kStrongComponents});
  EXPECT_EQ(scc.count, 3u);
  EXPECT_EQ(scc.membership[t.a], scc.membership[t.c]);
  EXPECT_EQ(scc.membership[t.d], scc.membership[t.f]);
  EXPECT_NE(scc.membership[t.a], scc.membership[t.d]);
  EXPECT_EQ(scc.membership[t.x], 2u);  // the singleton is the smallest, numbered last
}

TEST(Cluster, LouvainAndLabelPropagationEqualTheKernels) {
  const Drawn t = two_triangles();
  const ClusterResult lv = cluster(t.g, {.method = ClusterMethod::kLouvain, .seed = 3});
  const CommunityResult direct = louvain(build_csr(t.g), {.seed = 3, .restarts = 4});
  EXPECT_EQ(lv.membership, direct.membership);
  EXPECT_EQ(lv.count, 2u);
  EXPECT_EQ(lv.seed, direct.seed);
  EXPECT_EQ(lv.levels, direct.levels);
  EXPECT_NEAR(lv.modularity, 96.0 / 196.0, 1e-12);
  const ClusterResult lp = cluster(t.g, {.method = ClusterMethod::kLabelPropagation, .seed = 5});
  const CommunityResult lp_direct = label_propagation(build_csr(t.g), {.seed = 5});
  EXPECT_EQ(lp.membership, lp_direct.membership);
  EXPECT_EQ(lp.iterations, lp_direct.iterations);
  // The views given directly give the same as the graph.
  const Csr view = build_csr(t.g);
  const Csr directed = build_csr(t.g, {.directed = true});
  const ClusterResult on_view = cluster(view, [&]() -> const Csr& { return directed; },
                                        {.method = ClusterMethod::kLouvain, .seed = 3});
  EXPECT_EQ(on_view.membership, lv.membership);
  const ClusterResult scc_view = cluster(view, [&]() -> const Csr& { return directed; },
                                         {.method = ClusterMethod::kStrongComponents});
  EXPECT_EQ(scc_view.count, 3u);
}

TEST(Cluster, ProgressAndComponentsKernelAreThoseGiven) {
  const Drawn t = two_triangles();
  int calls = 0;
  ClusterOptions o{.method = ClusterMethod::kComponents};
  o.components = [&calls](const Csr& c) {
    ++calls;
    ComponentsResult r;
    r.membership.assign(c.n, 0);
    r.count = 1;
    return r;
  };
  EXPECT_EQ(cluster(t.g, o).count, 1u);
  EXPECT_EQ(calls, 1);
  std::uint64_t passes = 0;
  o = {.method = ClusterMethod::kLouvain, .restarts = 2};
  o.progress = [&passes](std::uint64_t done, std::uint64_t) { passes = done; };
  cluster(t.g, o);
  EXPECT_GT(passes, 0u);
}

//   x -allied_with-> y      z -allied_with-> w      x -sanction-> z
// Camps {x, y} and {z, w}, nothing frustrated, 3 signed ties.
TEST(Cluster, CampsOnTheSignedGraph) {
  Graph g;
  const NodeIndex x = g.add_node("x", Kind::kGovernment), y = g.add_node("y", Kind::kGovernment),
                  z = g.add_node("z", Kind::kGovernment), w = g.add_node("w", Kind::kGovernment);
  g.add_edge(x, y, Relation::kAlliedWith);
  g.add_edge(z, w, Relation::kAlliedWith);
  g.add_edge(x, z, Relation::kSanction);
  const ClusterResult r = cluster(g, {.method = ClusterMethod::kCamps});
  EXPECT_TRUE(r.is_signed);
  EXPECT_EQ(r.count, 2u);
  EXPECT_EQ(r.membership[x], r.membership[y]);
  EXPECT_EQ(r.membership[z], r.membership[w]);
  EXPECT_NE(r.membership[x], r.membership[z]);
  EXPECT_EQ(r.frustration, 0.0);
  EXPECT_TRUE(r.optimal);
  EXPECT_EQ(r.signed_ties, 3u);
  EXPECT_EQ(r.membership, camps(build_signed(g)).membership);
  const Csr view = build_csr(g);
  EXPECT_THROW(
      cluster(view, [&]() -> const Csr& { return view; }, {.method = ClusterMethod::kCamps}),
      InvalidArgument);
}

}  // namespace
}  // namespace stakegraph::graph
