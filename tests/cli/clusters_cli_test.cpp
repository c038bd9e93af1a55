// `stakegraph clusters` end to end: every method, text and JSON output, filters, --min-size,
// and usage errors (exit 2) and runtime errors (exit 1).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "io/formats/sgpb.hpp"
#include "tests/cli/run.hpp"
#include "tests/support/data.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph {
namespace {

namespace fs = std::filesystem;
using test_support::run_stakegraph;

class ClustersCli : public test_support::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    story_ = path("story.sgpb");
    io::save_sgpb(test_support::story_graph(), story_);
    //   Ann - Bob        Dan - Eve
    //     \  /             \  /
    //     Cid ----------- Fay        (two triangles joined by Cid-Fay)     Gus - Hal
    triangles_ = path("triangles.csv");
    std::ofstream(triangles_) << "source,target,relation\n"
                                 "Ann,Bob,CONSULT\nBob,Cid,CONSULT\nCid,Ann,CONSULT\n"
                                 "Dan,Eve,CONSULT\nEve,Fay,CONSULT\nFay,Dan,CONSULT\n"
                                 "Cid,Fay,CONSULT\nGus,Hal,CONSULT\n";
  }
  static std::set<std::string> names(const nlohmann::json& cluster) {
    std::set<std::string> s;
    for (const auto& m : cluster.at("members")) s.insert(m.get<std::string>());
    return s;
  }
  std::string story_, triangles_;
};

TEST_F(ClustersCli, LouvainJson) {
  const auto r = run_stakegraph("clusters '" + triangles_ + "' --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("method"), "louvain");
  // m = 8: triangles L = 3, d = 7; pair L = 1, d = 2. Q = 2 (3/8 - (7/16)^2) + 1/8 - (2/16)^2
  const double q = 2 * (3.0 / 8 - 49.0 / 256) + 1.0 / 8 - 4.0 / 256;
  EXPECT_NEAR(j.at("modularity").get<double>(), q, 1e-12);
  ASSERT_EQ(j.at("clusters").size(), 3u);
  EXPECT_EQ(j["clusters"][0].at("id"), 0);
  EXPECT_EQ(names(j["clusters"][0]), (std::set<std::string>{"Ann", "Bob", "Cid"}));
  EXPECT_EQ(names(j["clusters"][1]), (std::set<std::string>{"Dan", "Eve", "Fay"}));
  EXPECT_EQ(names(j["clusters"][2]), (std::set<std::string>{"Gus", "Hal"}));
  EXPECT_EQ(j["clusters"][2].at("ids").size(), 2u);
  EXPECT_FALSE(j.contains("frustration"));
}

TEST_F(ClustersCli, TextListsLargestFirstAndMinSize) {
  const auto r = run_stakegraph("clusters '" + triangles_ + "' --method components");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("components: 2 clusters over 8 nodes"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cluster 1 (6): Ann, Bob, Cid, Dan, Eve, Fay"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cluster 2 (2): Gus, Hal"), std::string::npos) << r.out;
  const auto big = run_stakegraph("clusters '" + triangles_ + "' --method components --min-size 3");
  ASSERT_EQ(big.status, 0) << big.err;
  EXPECT_EQ(big.out.find("Gus"), std::string::npos) << big.out;
  EXPECT_NE(big.out.find("1 of size >= 3 shown"), std::string::npos) << big.out;
  const auto json =
      run_stakegraph("clusters '" + triangles_ + "' --method components --min-size 3 --json");
  EXPECT_EQ(nlohmann::json::parse(json.out).at("clusters").size(), 1u);
}

TEST_F(ClustersCli, StrongComponents) {
  const std::string file = path("cycle.csv");
  //   A -> B -> C -> A -> D
  std::ofstream(file) << "source,target,relation\nA,B,AID\nB,C,AID\nC,A,AID\nA,D,AID\n";
  const auto r = run_stakegraph("clusters '" + file + "' --method strong-components --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.at("clusters").size(), 2u);
  EXPECT_EQ(names(j["clusters"][0]), (std::set<std::string>{"A", "B", "C"}));
  EXPECT_EQ(names(j["clusters"][1]), (std::set<std::string>{"D"}));
}

TEST_F(ClustersCli, LabelPropagation) {
  const auto r =
      run_stakegraph("clusters '" + triangles_ + "' --method label-propagation --seed 4 --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  std::size_t total = 0;
  for (const auto& c : j.at("clusters")) total += c.at("members").size();
  EXPECT_EQ(total, 8u);
  EXPECT_EQ(
      run_stakegraph("clusters '" + triangles_ + "' --method label-propagation --seed 4 --json")
          .out,
      r.out);
}

TEST_F(ClustersCli, CampsOnTheStory) {
  const auto r = run_stakegraph("clusters '" + story_ + "' --method camps --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("method"), "camps");
  EXPECT_EQ(j.at("frustration").get<double>(), 0.0);
  EXPECT_TRUE(j.at("optimal").get<bool>());
  const auto first = names(j.at("clusters")[0]);
  EXPECT_EQ(first, (std::set<std::string>{"Huawei", "BT", "EE", "Vodafone", "Three",
                                          "Ren Zhengfei \xE4\xBB\xBB\xE6\xAD\xA3\xE9\x9D\x9E"}));
  const auto text = run_stakegraph("clusters '" + story_ + "' --method camps --weighted");
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("frustration 0 (optimal)"), std::string::npos) << text.out;
}

TEST_F(ClustersCli, Filters) {
  // Only supplies edges: Huawei and its four customers; the rest are isolated.
  const auto r = run_stakegraph("clusters '" + story_ +
                                "' --method components --relation supplies --min-size 2 --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.at("clusters").size(), 1u);
  EXPECT_EQ(names(j["clusters"][0]),
            (std::set<std::string>{"Huawei", "BT", "EE", "Vodafone", "Three"}));
  // Only governments: the US and Germany (allied_with, REQUEST).
  const auto k =
      run_stakegraph("clusters '" + story_ + "' --method components --kind government --json");
  ASSERT_EQ(k.status, 0) << k.err;
  const auto jk = nlohmann::json::parse(k.out);
  ASSERT_EQ(jk.at("clusters").size(), 1u);
  EXPECT_EQ(names(jk["clusters"][0]), (std::set<std::string>{"United States", "Germany"}));
  // Options before GRAPH: --kind takes one value per occurrence.
  const auto before = run_stakegraph("clusters --kind government --kind vendor '" + story_ +
                                     "' --method components --json");
  ASSERT_EQ(before.status, 0) << before.err;
  const auto jb = nlohmann::json::parse(before.out);
  ASSERT_EQ(jb.at("clusters").size(), 1u);  // US -SANCTION-> Huawei joins them
  EXPECT_EQ(names(jb["clusters"][0]),
            (std::set<std::string>{"United States", "Germany", "Huawei"}));
  // Evidence from May 2019 on: only the second ban report survives.
  const auto d = run_stakegraph("clusters '" + story_ +
                                "' --method components --since 2019-05-01 --until 2019-12-31 "
                                "--min-size 2 --json");
  ASSERT_EQ(d.status, 0) << d.err;
  const auto jd = nlohmann::json::parse(d.out);
  ASSERT_EQ(jd.at("clusters").size(), 1u);
  EXPECT_EQ(names(jd["clusters"][0]), (std::set<std::string>{"United States", "Huawei"}));
}

TEST_F(ClustersCli, KarateModularity) {
  const fs::path oracle = test_support::test_data("oracles/karate.json");
  STAKEGRAPH_NEED_FILE(oracle);
  std::ifstream in(oracle);
  const auto k = nlohmann::json::parse(in);
  const std::string file = path("karate.csv");
  {
    std::ofstream out(file);
    out << "source,target\n";
    for (const auto& e : k.at("edges"))
      out << "n" << e[0].get<std::string>() << ",n" << e[1].get<std::string>() << "\n";
  }
  const auto r = run_stakegraph("clusters '" + file + "' --restarts 10 --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_GE(j.at("modularity").get<double>(), 0.41);
  std::size_t total = 0;
  for (const auto& c : j.at("clusters")) total += c.at("members").size();
  EXPECT_EQ(total, 34u);
  // A smaller resolution gives fewer communities.
  const auto coarse = run_stakegraph("clusters '" + file + "' --resolution 0.3 --json");
  ASSERT_EQ(coarse.status, 0) << coarse.err;
  EXPECT_LT(nlohmann::json::parse(coarse.out).at("clusters").size(), j.at("clusters").size());
}

TEST_F(ClustersCli, Errors) {
  const std::string g = "clusters '" + triangles_ + "'";
  EXPECT_EQ(run_stakegraph(g + " --method kmeans").status, 2);
  EXPECT_EQ(run_stakegraph(g + " --resolution 0").status, 2);
  EXPECT_EQ(run_stakegraph(g + " --resolution -1").status, 2);
  EXPECT_EQ(run_stakegraph(g + " --resolution abc").status, 2);
  EXPECT_EQ(run_stakegraph(g + " --min-size 0").status, 2);
  EXPECT_EQ(run_stakegraph(g + " --restarts 0").status, 2);
  EXPECT_EQ(run_stakegraph(g + " --kind planet").status, 2);
  EXPECT_EQ(run_stakegraph(g + " --relation LIKES").status, 2);
  EXPECT_EQ(run_stakegraph(g + " --since 2020-02-01 --until 2020-01-01").status, 2);
  EXPECT_EQ(run_stakegraph("clusters").status, 2);
  const auto missing = run_stakegraph("clusters '" + path("nope.sgpb") + "'");
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("nope.sgpb"), std::string::npos) << missing.err;
  EXPECT_EQ(test_support::count_lines(missing.err), 1u) << missing.err;
  const std::string junk = path("junk.csv");
  std::ofstream(junk) << "source,target\n\"unterminated,x\n";
  const auto bad = run_stakegraph("clusters '" + junk + "'");
  EXPECT_EQ(bad.status, 1);
  EXPECT_NE(bad.err.find("junk.csv"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace stakegraph
