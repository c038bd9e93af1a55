// Curation of extracted graphs (--corrections): merge, rename, retype, drop an edge, add an
// alias. Each test draws its graph; the expected graph is worked out by hand.
#include <gtest/gtest.h>

#include "graph/error.hpp"
#include "graph/graph.hpp"
#include "io/error.hpp"
#include "io/extract_corrections.hpp"

namespace stakegraph::io {
namespace {

using graph::Kind;
using graph::Relation;

graph::Evidence evidence(const std::string& text) {
  graph::Evidence ev;
  ev.text = text;
  return ev;
}

//   United States -SANCTION-> Huawei Technologies   ("US bans Huawei Technologies")
//   United States -SANCTION-> Huawei                 ("US bans Huawei")
//   Huawei Technologies -supplies-> BT
//   Huawei -linked_to- Huawei Technologies           (between the two names of one actor)
//   Skycom (organization, attribute hq=Tehran on Huawei Technologies)
graph::Graph sample() {
  graph::Graph g;
  const auto us = g.add_node("United States", Kind::kGovernment);
  const auto ht = g.add_node("Huawei Technologies", Kind::kVendor);
  const auto hw = g.add_node("Huawei", Kind::kVendor);
  const auto bt = g.add_node("BT", Kind::kOperator);
  g.add_node("Skycom", Kind::kOrganization);
  g.add_alias(us, "US");
  g.set_attribute(ht, "hq", "Shenzhen");
  g.add_evidence(g.add_edge(us, ht, Relation::kSanction), evidence("US bans Huawei Technologies"));
  g.add_evidence(g.add_edge(us, hw, Relation::kSanction), evidence("US bans Huawei"));
  g.add_evidence(g.add_edge(ht, bt, Relation::kSupplies), evidence("BT buys Huawei kit"));
  g.add_edge(hw, ht, Relation::kLinkedTo);
  return g;
}

// Issue 13: as for lexicons, a corrections file with an escaped name that is not UTF-8 is an
// error naming the file and line (it was a graph nobody could decode), printed by no one.
TEST(Corrections, EscapedInvalidUtf8IsAnErrorNamingTheLine) {
  ::testing::internal::CaptureStderr();
  try {
    CorrectionSet::parse(
        "rename { node: \"A\" name: \"B\" }\nrename { node: \"A\" name: \"Soci\\351t\\351\" }\n",
        "fix.textpb");
    ADD_FAILURE() << "accepted a name that is not UTF-8";
  } catch (const io::ParseError& e) {
    EXPECT_EQ(e.line(), 2u) << e.what();
    EXPECT_NE(std::string(e.what()).find("fix.textpb:2:"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("name: invalid UTF-8 in \"Soci\\xe9t\\xe9\""),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW(CorrectionSet::parse("add_alias { node: \"A\" alias: \"\xff\" }", "raw.textpb"),
               io::ParseError);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST(Corrections, MergeTwoNodes) {
  const auto c = CorrectionSet::parse("merge { from: \"Huawei Technologies\" into: \"Huawei\" }\n",
                                      "corr.textpb");
  CorrectionStats st;
  const graph::Graph out = c.apply(sample(), &st);
  EXPECT_EQ(st.applied, 1u);
  EXPECT_EQ(st.skipped, 0u);
  // 5 nodes - 1 merged; 4 edges - the one between the two names; the two SANCTION edges are
  // one edge with both mentions.
  EXPECT_EQ(out.node_count(), 4u);
  EXPECT_EQ(out.edge_count(), 2u);
  const auto hw = out.find_named("Huawei");
  ASSERT_TRUE(hw);
  EXPECT_EQ(out.find_named("Huawei Technologies"), hw);  // the merged name is an alias
  EXPECT_EQ(out.node(*hw).id, sample().node(*sample().find_named("Huawei")).id);
  const auto sanction = out.find_edge(*out.find_named("US"), *hw, Relation::kSanction);
  ASSERT_TRUE(sanction);
  EXPECT_EQ(out.edge(*sanction).evidence.size(), 2u);
  EXPECT_TRUE(out.find_edge(*hw, *out.find_named("BT"), Relation::kSupplies));
  EXPECT_FALSE(out.find_edge(*hw, *hw, Relation::kLinkedTo));
  // The merged node's attribute survives on the kept node.
  ASSERT_EQ(out.node(*hw).attributes.size(), 1u);
  EXPECT_EQ(out.node(*hw).attributes[0].second, "Shenzhen");
}

TEST(Corrections, MergeByAliasAndChains) {
  // Huawei Technologies -> Huawei, then Huawei -> Skycom (named by alias and by name): all
  // three are one node, Skycom's.
  const auto c = CorrectionSet::parse(
      "merge { from: \"Huawei Technologies\" into: \"Huawei\" }\n"
      "merge { from: \"Huawei\" into: \"Skycom\" }\n",
      "corr.textpb");
  const graph::Graph out = c.apply(sample());
  EXPECT_EQ(out.node_count(), 3u);
  const auto sk = out.find_named("Skycom");
  ASSERT_TRUE(sk);
  EXPECT_EQ(out.find_named("Huawei"), sk);
  EXPECT_EQ(out.find_named("Huawei Technologies"), sk);
  EXPECT_EQ(out.node(*sk).kind, Kind::kOrganization);  // the kept node's kind
}

TEST(Corrections, Retype) {
  const auto c = CorrectionSet::parse(
      "retype { node: \"Skycom\" kind: \"vendor\" }\n"
      "retype { node: \"US\" kind: \"agency\" }\n"  // by alias
      "retype { node: \"Nowhere Inc\" kind: \"vendor\" }\n",
      "corr.textpb");
  CorrectionStats st;
  const graph::Graph out = c.apply(sample(), &st);
  EXPECT_EQ(st.applied, 2u);
  EXPECT_EQ(st.skipped, 1u);
  EXPECT_EQ(out.node(*out.find_named("Skycom")).kind, Kind::kVendor);
  EXPECT_EQ(out.node(*out.find_named("United States")).kind, Kind::kAgency);
  EXPECT_EQ(out.node(*out.find_named("BT")).kind, Kind::kOperator);  // untouched
  EXPECT_EQ(out.edge_count(), sample().edge_count());
}

TEST(Corrections, RetypeOfAMergedNodeRetypesTheKeptNode) {
  const auto c = CorrectionSet::parse(
      "merge { from: \"Huawei Technologies\" into: \"Huawei\" }\n"
      "retype { node: \"Huawei Technologies\" kind: \"operator\" }\n",
      "corr.textpb");
  const graph::Graph out = c.apply(sample());
  EXPECT_EQ(out.node(*out.find_named("Huawei")).kind, Kind::kOperator);
}

TEST(Corrections, AddAlias) {
  const auto c = CorrectionSet::parse(
      "add_alias { node: \"United States\" alias: \"Uncle Sam\" }\n"
      "add_alias { node: \"United States\" alias: \"the US\" }\n"  // same as "US" folded
      "add_alias { node: \"Atlantis\" alias: \"Lost City\" }\n",
      "corr.textpb");
  CorrectionStats st;
  const graph::Graph out = c.apply(sample(), &st);
  EXPECT_EQ(st.applied, 2u);
  EXPECT_EQ(st.skipped, 1u);
  const auto us = out.find_named("United States");
  ASSERT_TRUE(us);
  EXPECT_EQ(out.find_named("Uncle Sam"), us);
  EXPECT_EQ(out.node(*us).aliases, (std::vector<std::string>{"US", "Uncle Sam"}));
  EXPECT_FALSE(out.find_named("Lost City"));
}

TEST(Corrections, RenameOntoAnExistingNameMerges) {
  // Renaming "Huawei Technologies" to "Huawei" would give two nodes one name: they merge.
  const auto c = CorrectionSet::parse("rename { node: \"Huawei Technologies\" name: \"Huawei\" }\n",
                                      "corr.textpb");
  graph::Graph out;
  ASSERT_NO_THROW(out = c.apply(sample()));
  EXPECT_EQ(out.node_count(), 4u);
  const auto hw = out.find_named("Huawei");
  ASSERT_TRUE(hw);
  EXPECT_EQ(out.find_named("Huawei Technologies"), hw);
  const auto sanction = out.find_edge(*out.find_named("US"), *hw, Relation::kSanction);
  ASSERT_TRUE(sanction);
  EXPECT_EQ(out.edge(*sanction).evidence.size(), 2u);
}

TEST(Corrections, RenameKeepsTheOldNameAsAlias) {
  const auto c =
      CorrectionSet::parse("rename { node: \"Skycom\" name: \"Skycom Tech\" }\n", "c.textpb");
  const graph::Graph out = c.apply(sample());
  const auto v = out.find_named("Skycom Tech");
  ASSERT_TRUE(v);
  EXPECT_EQ(out.node(*v).name, "Skycom Tech");
  EXPECT_EQ(out.find_named("Skycom"), v);
}

TEST(Corrections, DropEdgeBothDirectionsOfASymmetricRelation) {
  // linked_to is symmetric: named either way round it is the same edge.
  const auto c = CorrectionSet::parse(
      "drop_edge { source: \"Huawei Technologies\" relation: \"linked_to\" target: \"Huawei\" }\n"
      "drop_edge { source: \"BT\" relation: \"supplies\" target: \"Huawei Technologies\" }\n",
      "corr.textpb");
  const graph::Graph out = c.apply(sample());
  EXPECT_EQ(out.edge_count(), 3u);  // supplies is directed: BT -> Huawei Technologies is none
  EXPECT_FALSE(out.find_edge(*out.find_named("Huawei"), *out.find_named("Huawei Technologies"),
                             Relation::kLinkedTo));
}

TEST(Corrections, EdgeDatesSurvive) {
  graph::Graph g;
  const auto a = g.add_node("Serbia", Kind::kGovernment);
  const auto b = g.add_node("Kosovo", Kind::kGovernment);
  const auto e = g.add_edge(a, b, Relation::kThreaten);
  g.edge_data(e).first_seen = 20200105;
  g.edge_data(e).last_seen = 20200301;
  const auto out =
      CorrectionSet::parse("add_alias { node: \"Serbia\" alias: \"Belgrade\" }", "c.textpb")
          .apply(g);
  const auto oe =
      out.find_edge(*out.find_named("Belgrade"), *out.find_named("Kosovo"), Relation::kThreaten);
  ASSERT_TRUE(oe);
  EXPECT_EQ(out.edge(*oe).first_seen, 20200105);
  EXPECT_EQ(out.edge(*oe).last_seen, 20200301);
}

TEST(Corrections, ApplyingTwiceChangesNothingMore) {
  const auto c = CorrectionSet::parse(
      "merge { from: \"Huawei Technologies\" into: \"Huawei\" }\n"
      "retype { node: \"Skycom\" kind: \"vendor\" }\n"
      "add_alias { node: \"BT\" alias: \"British Telecom\" }\n",
      "corr.textpb");
  const graph::Graph once = c.apply(sample());
  const graph::Graph twice = c.apply(once);
  ASSERT_EQ(once.node_count(), twice.node_count());
  ASSERT_EQ(once.edge_count(), twice.edge_count());
  for (graph::NodeIndex v = 0; v < once.node_count(); ++v) {
    EXPECT_EQ(once.node(v).name, twice.node(v).name);
    EXPECT_EQ(once.node(v).kind, twice.node(v).kind);
    EXPECT_EQ(once.node(v).aliases, twice.node(v).aliases);
  }
}

TEST(Corrections, ErrorsNameTheFileAndLine) {
  try {
    CorrectionSet::parse("merge { from: \"A\" into: \"B\" }\nmerge { from: }\n", "bad.textpb");
    FAIL() << "no error";
  } catch (const io::ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.textpb"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("2"), std::string::npos) << e.what();
  }
  EXPECT_THROW(CorrectionSet::parse("retype { node: \"A\" kind: \"planet\" }", "k.textpb"),
               io::ParseError);
  EXPECT_THROW(
      CorrectionSet::parse("drop_edge { source: \"A\" relation: \"HUG\" target: \"B\" }", "r"),
      io::ParseError);
  EXPECT_TRUE(CorrectionSet::parse("", "empty.textpb").empty());
}

}  // namespace
}  // namespace stakegraph::io
