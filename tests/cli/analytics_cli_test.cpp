// The analytics subcommands end to end: centrality, path, neighbors, generate. JSON shapes
// (proto/query.proto), agreement with the library, filters, and errors (exit 1 with a
// suggestion for unknown names, exit 2 for usage errors).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "graph/betweenness.hpp"
#include "graph/centrality.hpp"
#include "graph/csr.hpp"
#include "graph/generate.hpp"
#include "io/formats/sgpb.hpp"
#include "tests/cli/run.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph {
namespace {

namespace fs = std::filesystem;
using test_support::run_stakegraph;

class AnalyticsCli : public test_support::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    story_ = path("story.sgpb");
    io::save_sgpb(test_support::story_graph(), story_);
  }
  std::string q(const std::string& name) const { return "'" + path(name) + "'"; }
  std::string story_;
};

nlohmann::json parse(const test_support::RunResult& r) {
  EXPECT_EQ(r.status, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

TEST_F(AnalyticsCli, CentralityJsonShapeAndValues) {
  // The oracle is unweighted betweenness: --weight none (the default weighs by evidence).
  const auto j = parse(run_stakegraph("centrality '" + story_ +
                                      "' --metric betweenness --top 0 --json --weight none"));
  EXPECT_EQ(j.at("metric"), "betweenness");
  const graph::Graph g = test_support::story_graph();
  const auto expected = graph::betweenness_centrality(graph::build_csr(g));
  ASSERT_EQ(j.at("scores").size(), g.node_count());
  double previous = 1e300;
  for (const auto& s : j.at("scores")) {
    ASSERT_EQ(s.size(), 4u) << s.dump();  // id, name, kind, score
    const auto v = g.find_by_id(s.at("id").get<std::string>());
    ASSERT_TRUE(v.has_value());
    EXPECT_EQ(s.at("name"), g.node(*v).name);
    EXPECT_EQ(s.at("kind"), std::string(graph::kind_name(g.node(*v).kind)));
    EXPECT_DOUBLE_EQ(s.at("score").get<double>(), expected.scores[*v]);
    EXPECT_LE(s.at("score").get<double>(), previous);
    previous = s.at("score").get<double>();
  }
  // Huawei is the hub of the story: top of betweenness.
  EXPECT_EQ(j.at("scores")[0].at("name"), "Huawei");
  EXPECT_FALSE(j.contains("samples"));
}

TEST_F(AnalyticsCli, CentralityEveryMetricAndOption) {
  for (const char* m :
       {"degree", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector"}) {
    for (const char* extra : {"", " --directed", " --weighted --normalized", " --top 2"}) {
      const auto r = run_stakegraph("centrality '" + story_ + "' --metric " + m + extra);
      EXPECT_EQ(r.status, 0) << m << extra << ": " << r.err;
      EXPECT_NE(r.out.find("Huawei"), std::string::npos) << m << extra;
    }
  }
  // --top 2: a header line, the column line and two rows.
  const auto top = run_stakegraph("centrality '" + story_ + "' -m degree --top 2");
  EXPECT_EQ(test_support::count_lines(top.out), 4u) << top.out;
  // --kind: only operators are ranked.
  const auto ops =
      parse(run_stakegraph("centrality '" + story_ + "' -m degree --kind operator --top 0 --json"));
  EXPECT_EQ(ops.at("scores").size(), 4u);
  for (const auto& s : ops.at("scores")) EXPECT_EQ(s.at("kind"), "operator");
  // Personalized PageRank (teleporting to the Journal only) raises the Journal's score.
  auto score_of = [](const nlohmann::json& j, const std::string& id) {
    for (const auto& s : j.at("scores"))
      if (s.at("id") == id) return s.at("score").get<double>();
    return -1.0;
  };
  const auto uniform =
      parse(run_stakegraph("centrality '" + story_ + "' -m pagerank --top 0 --json"));
  const auto pr =
      parse(run_stakegraph("centrality '" + story_ +
                           "' -m pagerank --top 0 --personalize 'Wall Street Journal' --json"));
  EXPECT_GT(score_of(pr, "the-wall-street-journal"),
            2 * score_of(uniform, "the-wall-street-journal"));
  // Sampled betweenness states its sample and bound.
  const auto sampled = parse(
      run_stakegraph("centrality '" + story_ + "' -m betweenness --samples 3 --seed 1 --json"));
  EXPECT_EQ(sampled.at("samples"), 3);
  EXPECT_GT(sampled.at("error_bound").get<double>(), 0.0);
  EXPECT_DOUBLE_EQ(sampled.at("confidence").get<double>(), 0.95);
}

TEST_F(AnalyticsCli, CentralityErrors) {
  auto expect_status = [&](const std::string& args, int status, const std::string& needle) {
    const auto r = run_stakegraph("centrality '" + story_ + "' " + args);
    EXPECT_EQ(r.status, status) << args << ": " << r.err;
    EXPECT_NE(r.err.find(needle), std::string::npos) << args << ": " << r.err;
    if (!needle.empty()) {
      EXPECT_EQ(test_support::count_lines(r.err), 1u) << r.err;  // one line
    }
  };
  expect_status("--metric katz", 2, "unknown metric");
  expect_status("--metric pagerank --samples 5", 2, "--samples");
  expect_status("--metric betweenness --damping 0.5", 2, "--damping");
  expect_status("--metric betweenness --seed 3", 2, "--seed needs --samples");
  expect_status("--metric pagerank --damping 1", 2, "damping");
  expect_status("--metric degree --directed --undirected", 2, "");
  expect_status("--metric degree --kind planet", 2, "unknown kind");
  expect_status("--metric pagerank --personalize Huwaei", 1, "did you mean");
  expect_status("--metric pagerank --personalize BT --kind government --subgraph", 2, "excluded");
  const auto missing = run_stakegraph("centrality '" + path("nope.sgpb") + "' -m degree");
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("nope.sgpb"), std::string::npos);
  EXPECT_EQ(run_stakegraph("centrality '" + story_ + "'").status, 2);  // --metric required
}

TEST_F(AnalyticsCli, PathPrintsRelationAndEvidencePerHop) {
  const auto r = run_stakegraph("path '" + story_ + "' Germany Vodafone");
  ASSERT_EQ(r.status, 0) << r.err;
  // Germany <-REQUEST- United States -SANCTION-> Huawei -supplies-> Vodafone
  EXPECT_NE(r.out.find("path 1: 3 hops"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Germany <-REQUEST- United States"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("United States -SANCTION-> Huawei"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Huawei -supplies-> Vodafone"), std::string::npos) << r.out;
  // The unhedged evidence is preferred; each hop has its sentence.
  EXPECT_NE(r.out.find("frozen out of the US market"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("all customers"), std::string::npos) << r.out;

  const auto j = parse(run_stakegraph("path '" + story_ + "' Germany Vodafone --json"));
  ASSERT_EQ(j.at("paths").size(), 1u);
  const auto& p = j.at("paths")[0];
  EXPECT_EQ(p.at("length"), 3);
  // Weighted by default (the story graph has no file weights: evidence counts), a hop costs
  // 1 / evidence: 1 + 1/2 (two SANCTION items) + 1; with --weight none it counts hops.
  EXPECT_DOUBLE_EQ(p.at("cost").get<double>(), 2.5);
  const auto hops =
      parse(run_stakegraph("path '" + story_ + "' Germany Vodafone --json --weight none"));
  EXPECT_DOUBLE_EQ(hops.at("paths")[0].at("cost").get<double>(), 3.0);
  EXPECT_EQ(hops.at("paths")[0].at("length"), 3);
  ASSERT_EQ(p.at("hops").size(), 3u);
  const auto& hop = p.at("hops")[1];
  EXPECT_EQ(hop.at("source"), "united-states");
  EXPECT_EQ(hop.at("relation"), "SANCTION");
  EXPECT_EQ(hop.at("target"), "huawei");
  EXPECT_EQ(hop.at("evidence"), "Huawei has been frozen out of the US market.");
  EXPECT_FALSE(j.contains("truncated"));
}

TEST_F(AnalyticsCli, PathVariants) {
  // k shortest: Germany-US (REQUEST and allied_with merge into one hop) then longer ones.
  const auto k = parse(run_stakegraph("path '" + story_ + "' Germany Huawei --k 3 --json"));
  ASSERT_GE(k.at("paths").size(), 1u);
  EXPECT_EQ(k.at("paths")[0].at("length"), 2);
  // Only through supplies edges there is no route from Germany.
  const auto none = run_stakegraph("path '" + story_ + "' Germany Huawei --relation supplies");
  EXPECT_EQ(none.status, 0);
  EXPECT_NE(none.out.find("no path"), std::string::npos);
  // Weighted: the cost is the sum of 1 / evidence count.
  const auto w = parse(run_stakegraph("path '" + story_ + "' US Huawei --weight evidence --json"));
  EXPECT_DOUBLE_EQ(w.at("paths")[0].at("cost").get<double>(), 0.5);  // two evidence items
  // --all lists every shortest path; directed follows edges only.
  const auto all = parse(run_stakegraph("path '" + story_ + "' BT EE --all --json"));
  EXPECT_EQ(all.at("paths").size(), 1u);  // BT - Huawei - EE
  const auto dir = run_stakegraph("path '" + story_ + "' BT EE --directed");
  EXPECT_NE(dir.out.find("no path"), std::string::npos);
  // Avoiding Huawei cuts the operators off.
  const auto avoid = run_stakegraph("path '" + story_ + "' US BT --avoid Huawei");
  EXPECT_NE(avoid.out.find("no path"), std::string::npos);
  // Errors.
  EXPECT_EQ(run_stakegraph("path '" + story_ + "' US BT --avoid BT").status, 2);
  EXPECT_EQ(run_stakegraph("path '" + story_ + "' US BT --all --k 2").status, 2);
  const auto unknown = run_stakegraph("path '" + story_ + "' US Vodafon");
  EXPECT_EQ(unknown.status, 1);
  EXPECT_NE(unknown.err.find("Vodafone"), std::string::npos) << unknown.err;
  EXPECT_EQ(run_stakegraph("path '" + story_ + "' US BT --since 2020-13-01").status, 2);
}

// Issue 13: `path --all --limit 4000000000` on 40 chained diamonds (2^40 shortest paths of
// 80 hops, from a CSV edge list) ran out of memory. It is an error saying how many paths
// fit; the default limit prints 1000 of them.
TEST_F(AnalyticsCli, AllPathsAreBoundedByMemory) {
  std::string csv = "source,target\n";
  for (int i = 0; i < 40; ++i) {
    const std::string j = "j" + std::to_string(i), next = "j" + std::to_string(i + 1);
    csv += j + ",up" + std::to_string(i) + "\n" + j + ",down" + std::to_string(i) + "\n";
    csv += "up" + std::to_string(i) + "," + next + "\ndown" + std::to_string(i) + "," + next + "\n";
  }
  const std::string g = write("diamonds.csv", csv);
  auto r =
      test_support::run_stakegraph("path '" + g + "' j0 j40 --all --limit 4000000000", "", "", 120);
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(test_support::count_lines(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find("4000000000 shortest paths of up to 80 hops would take"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("ask for at most"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  r = test_support::run_stakegraph("path '" + g + "' j0 j40 --all --json", "", "", 120);
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["paths"].size(), 1000u);
  EXPECT_EQ(j["truncated"], true);
}

TEST_F(AnalyticsCli, Neighbors) {
  const auto j = parse(run_stakegraph("neighbors '" + story_ + "' Huawei --json"));
  // Huawei's neighbours: US, the four operators, the allegation, Ren Zhengfei.
  EXPECT_EQ(j.at("nodes").size(), 8u);
  for (const auto& n : j.at("nodes")) {
    EXPECT_TRUE(n.contains("id") && n.contains("name") && n.contains("kind"));
  }
  for (const auto& e : j.at("edges")) {
    EXPECT_TRUE(e.contains("source") && e.contains("relation") && e.contains("evidence"));
  }
  const auto zero = parse(run_stakegraph("neighbors '" + story_ + "' Huawei --depth 0 --json"));
  EXPECT_EQ(zero.at("nodes").size(), 1u);
  const auto supplies =
      parse(run_stakegraph("neighbors '" + story_ + "' Huawei --relation supplies --json"));
  EXPECT_EQ(supplies.at("nodes").size(), 5u);
  const auto text = run_stakegraph("neighbors '" + story_ + "' Huawei --depth 2");
  EXPECT_EQ(text.status, 0);
  EXPECT_NE(text.out.find("depth 2"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("Germany"), std::string::npos) << text.out;
  EXPECT_EQ(run_stakegraph("neighbors '" + story_ + "' Hauwei").status, 1);
  EXPECT_EQ(run_stakegraph("neighbors '" + story_ + "' Huawei --depth -1").status, 2);
  EXPECT_EQ(run_stakegraph("neighbors '" + story_ + "' Huawei --kind person").status, 2);
}

TEST_F(AnalyticsCli, RepeatableOptionsTakeOneValueEach) {
  // A repeatable option before a positional must not swallow it: NODE stays the node.
  const auto before =
      parse(run_stakegraph("neighbors '" + story_ + "' --relation supplies Huawei --json"));
  EXPECT_EQ(before.at("nodes").size(), 5u);
  const auto path = run_stakegraph("path '" + story_ + "' --avoid Huawei US BT");
  EXPECT_EQ(path.status, 0) << path.err;
  EXPECT_NE(path.out.find("no path"), std::string::npos) << path.out;  // as in PathVariants
  const auto both = run_stakegraph("path '" + story_ +
                                   "' --relation REQUEST --relation SANCTION"
                                   " US Huawei --json");
  EXPECT_EQ(both.status, 0) << both.err;
  EXPECT_EQ(
      run_stakegraph("centrality '" + story_ + "' --kind vendor --kind operator -m degree").status,
      0);
}

TEST_F(AnalyticsCli, GenerateWritesTheLibraryGraph) {
  const auto r = run_stakegraph("generate --nodes 300 --edges 1200 --seed 7 -o " + q("g.sgpb"));
  ASSERT_EQ(r.status, 0) << r.err;
  const graph::Graph loaded = io::load_sgpb(path("g.sgpb"));
  const graph::Graph expected = graph::generate_graph({.nodes = 300, .edges = 1200, .seed = 7});
  EXPECT_EQ(test_support::graph_difference(loaded, expected), "");
  // Deterministic: the same command writes the same bytes.
  ASSERT_EQ(
      run_stakegraph("generate --nodes 300 --edges 1200 --seed 7 -q -o " + q("h.sgpb")).status, 0);
  EXPECT_EQ(test_support::slurp(path("g.sgpb")), test_support::slurp(path("h.sgpb")));
  // Other formats by extension; the analytics read it back.
  ASSERT_EQ(run_stakegraph("generate --nodes 50 --edges 100 -q -o " + q("g.json")).status, 0);
  EXPECT_EQ(run_stakegraph("centrality " + q("g.json") + " -m pagerank").status, 0);
  // Errors: exit 2, no file left behind.
  EXPECT_EQ(run_stakegraph("generate --nodes 3 --edges 100 -o " + q("bad.sgpb")).status, 2);
  EXPECT_EQ(
      run_stakegraph("generate --nodes 10 --edges 5 --exponent 0.5 -o " + q("bad.sgpb")).status, 2);
  EXPECT_EQ(run_stakegraph("generate --nodes 10 --edges 5 -o " + q("bad.txt")).status, 2);
  EXPECT_EQ(run_stakegraph("generate --nodes 10 --edges 5").status, 2);
  EXPECT_FALSE(fs::exists(path("bad.sgpb")));
}

}  // namespace
}  // namespace stakegraph
