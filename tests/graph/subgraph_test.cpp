// Filters and ego networks on a small drawn graph.
#include "graph/subgraph.hpp"

#include <gtest/gtest.h>

#include "graph/error.hpp"

namespace stakegraph::graph {
namespace {

//   US --REQUEST (2019-05-01, hedged)--> Germany
//   US --SANCTION (2019-05-15)---------> Huawei --supplies (2018-01-10)--> BT
//   Huawei --REJECT (2019-06-01)--> espionage --implicates (no evidence)--> Huawei
//   Australia (isolated)
struct Story {
  Graph g;
  NodeIndex us, germany, huawei, bt, espionage, australia;
  Story() {
    const auto a1 = g.add_article({.id = "a1", .date = 20190501});
    const auto a2 = g.add_article({.id = "a2", .date = 20190515});
    const auto a3 = g.add_article({.id = "a3", .date = 20180110});
    const auto a4 = g.add_article({.id = "a4", .date = 20190601});
    us = g.add_node("United States", Kind::kGovernment);
    germany = g.add_node("Germany", Kind::kGovernment);
    huawei = g.add_node("Huawei", Kind::kVendor);
    bt = g.add_node("BT", Kind::kOperator);
    espionage = g.add_node("espionage via backdoors", Kind::kAllegation);
    australia = g.add_node("Australia", Kind::kGovernment);
    add(us, germany, Relation::kRequest, a1, true);
    add(us, huawei, Relation::kSanction, a2, false);
    add(huawei, bt, Relation::kSupplies, a3, false);
    add(huawei, espionage, Relation::kReject, a4, false);
    g.add_edge(espionage, huawei, Relation::kImplicates);
  }
  void add(NodeIndex s, NodeIndex t, Relation r, std::uint32_t article, bool hedged) {
    Evidence e;
    e.article = article;
    e.text = "sentence";
    e.hedged = hedged;
    g.add_evidence(g.add_edge(s, t, r), e);
  }
};

TEST(Filter, EverythingByDefault) {
  Story s;
  const Graph h = filter(s.g, {});
  EXPECT_EQ(h.node_count(), 6u);
  EXPECT_EQ(h.edge_count(), 5u);
  EXPECT_EQ(h.evidence_count(), 4u);
  EXPECT_EQ(h.node(s.huawei).id, "huawei");
}

TEST(Filter, ByKind) {
  Story s;
  FilterOptions o;
  o.kinds = {Kind::kGovernment, Kind::kVendor};
  const Graph h = filter(s.g, o);
  EXPECT_EQ(h.node_count(), 4u);  // US, Germany, Huawei, Australia
  EXPECT_EQ(h.edge_count(), 2u);  // REQUEST, SANCTION
  o.drop_isolated = true;
  EXPECT_EQ(filter(s.g, o).node_count(), 3u);
}

TEST(Filter, ByRelationAndSign) {
  Story s;
  FilterOptions o;
  o.relations = {Relation::kSupplies, Relation::kSanction};
  EXPECT_EQ(filter(s.g, o).edge_count(), 2u);
  FilterOptions neg;
  neg.signs = {-1};
  EXPECT_EQ(filter(s.g, neg).edge_count(), 4u);  // REQUEST, SANCTION, REJECT, implicates
}

TEST(Filter, ExcludeHedgedDropsAllHedgedEdgesButKeepsEvidenceFree) {
  Story s;
  FilterOptions o;
  o.exclude_hedged = true;
  const Graph h = filter(s.g, o);
  EXPECT_EQ(h.edge_count(), 4u);  // the hedged REQUEST is gone; implicates stays
  EXPECT_FALSE(h.find_edge(s.us, s.germany, Relation::kRequest));
  EXPECT_TRUE(h.find_edge(s.espionage, s.huawei, Relation::kImplicates));
}

TEST(Filter, DateRange) {
  Story s;
  FilterOptions o;
  o.since = 20190510;
  o.until = 20190531;
  const Graph h = filter(s.g, o);
  EXPECT_EQ(h.edge_count(), 1u);  // only the SANCTION of 2019-05-15; undated edges dropped
  EXPECT_TRUE(h.find_edge(s.us, s.huawei, Relation::kSanction));
  FilterOptions open_end;
  open_end.since = 20190101;
  EXPECT_EQ(filter(s.g, open_end).edge_count(), 3u);
}

TEST(Ego, DepthAndDirection) {
  Story s;
  EXPECT_EQ(ego_network(s.g, s.bt, {.depth = 0}).node_count(), 1u);
  const Graph one = ego_network(s.g, s.huawei, {.depth = 1});
  EXPECT_EQ(one.node_count(), 4u);  // Huawei, US, BT, espionage
  EXPECT_EQ(one.edge_count(), 4u);
  const Graph two = ego_network(s.g, s.bt, {.depth = 2});
  EXPECT_EQ(two.node_count(), 4u);  // BT, Huawei, US, espionage
  const Graph out = ego_network(s.g, s.us, {.depth = 5, .direction = Direction::kOut});
  EXPECT_EQ(out.node_count(), 5u);  // all but Australia, following edge direction
  const Graph in = ego_network(s.g, s.us, {.depth = 5, .direction = Direction::kIn});
  EXPECT_EQ(in.node_count(), 1u);
  EXPECT_THROW(ego_network(s.g, s.us, {.depth = -1}), InvalidArgument);
}

TEST(Ego, FilterAppliedFirst) {
  Story s;
  EgoOptions o;
  o.depth = 3;
  o.filter.relations = {Relation::kSanction};
  const Graph h = ego_network(s.g, s.bt, o);
  EXPECT_EQ(h.node_count(), 1u);  // BT's only edge (supplies) is filtered out
}

}  // namespace
}  // namespace stakegraph::graph
