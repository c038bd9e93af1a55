// io::select_drawing and io::rank_nodes (io/render/draw_selection.hpp): on the story graph
// drawn in tests/test_graphs.hpp, by hand; and on two files, the DOT of the selection equals
// what `stakegraph render -o X.dot` printed before the selection left the CLI (the goldens of
// tests/data/golden/, written by the build of commit 99402d6, see tests/data/README.md).
//
// Story graph, undirected degrees (distinct neighbours, as the CSR view counts them): Huawei 7
// (the United States, BT, EE, Vodafone, Three, the allegation, Ren), United States 3 (Germany,
// Huawei, The Wall Street Journal), every other node 1. Shortest path BT - Huawei - United States
// - Germany.
#include "io/render/draw_selection.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "graph/edge_weight.hpp"
#include "graph/error.hpp"
#include "io/formats/formats.hpp"
#include "io/render/selection.hpp"
#include "tests/cli/run.hpp"
#include "tests/support/data.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::io {
namespace {

using test_support::story_graph;

std::string name_of(const graph::Graph& g, graph::NodeIndex v) { return g.node(v).name; }

TEST(DrawSelection, RankingNamesRoundTrip) {
  for (NodeRanking r : {NodeRanking::kDegree, NodeRanking::kPageRank, NodeRanking::kBetweenness})
    EXPECT_EQ(parse_node_ranking(node_ranking_name(r)), r);
  EXPECT_FALSE(parse_node_ranking("closeness"));
}

TEST(DrawSelection, RankNodesByHand) {
  const graph::Graph g = story_graph();
  const auto by_degree = rank_nodes(g, NodeRanking::kDegree);
  ASSERT_EQ(by_degree.size(), g.node_count());
  EXPECT_EQ(name_of(g, by_degree[0]), "Huawei");
  EXPECT_EQ(name_of(g, by_degree[1]), "United States");
  const auto by_betweenness = rank_nodes(g, NodeRanking::kBetweenness);
  EXPECT_EQ(name_of(g, by_betweenness[0]), "Huawei");
  EXPECT_EQ(name_of(g, by_betweenness[1]), "United States");
}

TEST(DrawSelection, PathAndTopKeepThePathsNodes) {
  DrawSelectionOptions o;
  o.source = "story";
  o.path = std::make_pair("BT", "Germany");
  o.top = 2;  // Huawei and the United States, both on the path
  const DrawnSelection s = select_drawing(story_graph(), o);
  ASSERT_EQ(s.graph->node_count(), 4u);
  for (const char* name : {"BT", "Huawei", "United States", "Germany"})
    EXPECT_TRUE(s.graph->find_node(name)) << name;
  EXPECT_EQ(s.draw.highlighted_nodes.size(), 4u);
  EXPECT_EQ(s.draw.highlighted_edges.size(), 3u);
  EXPECT_TRUE(s.draw.cluster_of.empty());
}

TEST(DrawSelection, FocusErrorsNameTheSource) {
  DrawSelectionOptions o;
  o.source = "story.sgpb";
  o.focus = "Huawai";
  try {
    select_drawing(story_graph(), o);
    FAIL() << "no error";
  } catch (const graph::NotFound& e) {
    EXPECT_EQ(std::string(e.what()), "story.sgpb: no node named 'Huawai'");
  }
  int asked = 0;
  o.resolve = [&asked](const graph::Graph&, const std::string&) -> graph::NodeIndex {
    ++asked;
    throw graph::NotFound("suggested");
  };
  EXPECT_THROW(select_drawing(story_graph(), o), graph::NotFound);
  EXPECT_EQ(asked, 1);
  o.focus = "Huawei";
  o.filter.kinds = {graph::Kind::kOperator};
  EXPECT_THROW(select_drawing(story_graph(), o), graph::InvalidArgument);
  o.filter = {};
  o.depth = -1;
  EXPECT_THROW(select_drawing(story_graph(), o), graph::InvalidArgument);
}

// Camps of the whole graph on the drawn top 3: the United States and Huawei are in different
// camps (the sanction); every drawn node has a camp, captioned "camp N".
TEST(DrawSelection, ClustersOfTheWholeGraphOnTheDrawnNodes) {
  DrawSelectionOptions o;
  o.source = "story";
  o.top = 3;
  o.clusters = graph::ClusterMethod::kCamps;
  const DrawnSelection s = select_drawing(story_graph(), o);
  ASSERT_EQ(s.graph->node_count(), 3u);
  ASSERT_EQ(s.draw.cluster_of.size(), 3u);
  const auto us = s.graph->find_node("United States"), hw = s.graph->find_node("Huawei");
  ASSERT_TRUE(us && hw);
  EXPECT_NE(s.draw.cluster_of[*us], s.draw.cluster_of[*hw]);
  for (int c : s.draw.cluster_of) {
    ASSERT_GE(c, 0);
    EXPECT_EQ(s.draw.cluster_labels.at(c), "camp " + std::to_string(c + 1));
  }
}

// The DOT text of a selection, as `render -o X.dot` writes it.
std::string dot_of(const std::string& file, DrawSelectionOptions o) {
  graph::Graph g = load_graph(file);
  o.source = file;
  o.weight = graph::default_weight_source(g);
  const DrawnSelection s = select_drawing(std::move(g), o);
  RenderOptions r;
  r.draw = s.draw;
  r.merge_parallel = o.merge_parallel;
  std::ostringstream out;
  write_dot(prepare_drawing(*s.graph, r).doc, out);
  return out.str();
}

std::string golden(const std::string& name) {
  const auto path = test_support::test_data("golden/" + name);
  EXPECT_TRUE(std::filesystem::exists(path)) << path;
  return test_support::slurp(path.string());
}

TEST(DrawSelection, DotEqualsTheGoldenRenders) {
  const std::string les = test_support::test_data("les_miserables.graphml").string();
  const std::string story = test_support::test_data("render/init_rank_failure.sgpb").string();
  DrawSelectionOptions o;
  o.top = 12;
  o.clusters = graph::ClusterMethod::kLouvain;
  EXPECT_EQ(dot_of(les, o), golden("les_top12_louvain.dot"));
  o = {};
  o.path = std::make_pair("Napoleon", "Javert");
  o.top = 8;
  o.by = NodeRanking::kBetweenness;
  o.clusters = graph::ClusterMethod::kComponents;
  EXPECT_EQ(dot_of(les, o), golden("les_path_betweenness.dot"));
  o = {};
  o.clusters = graph::ClusterMethod::kCamps;
  EXPECT_EQ(dot_of(story, o), golden("story_camps.dot"));
  o = {};
  o.focus = "Huawei";
  o.clusters = graph::ClusterMethod::kLouvain;
  o.clusters_on_drawn = true;
  o.draw.title = "Huawei";
  EXPECT_EQ(dot_of(story, o), golden("story_focus_subgraph.dot"));
  o = {};
  o.top = 10;
  o.by = NodeRanking::kPageRank;
  o.filter.kinds = {graph::Kind::kVendor, graph::Kind::kOperator, graph::Kind::kGovernment};
  o.filter.exclude_hedged = true;
  EXPECT_EQ(dot_of(story, o), golden("story_pagerank_kinds.dot"));
}

}  // namespace
}  // namespace stakegraph::io
