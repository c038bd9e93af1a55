// `stakegraph report`: the page it writes, the selection it shares with `render`, the query
// shapes of its data document (the same JSON as `centrality --json` and `clusters --json`),
// usage errors and atomic output. The seed story graph is drawn in tests/test_graphs.hpp.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>

#include "io/formats/sgpb.hpp"
#include "tests/cli/run.hpp"
#include "tests/io/report_page.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph {
namespace {

using nlohmann::json;
using test_support::run_stakegraph;
using test_support::slurp;

using testing::embedded_document;

std::string q(const std::string& s) { return "'" + s + "'"; }

class ReportCli : public test_support::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    story_ = path("story.sgpb");
    io::save_sgpb(test_support::story_graph(), story_);
  }
  // Runs `report STORY ARGS -o OUT` and returns the embedded document.
  json report(const std::string& args) {
    const std::string out = path("out.html");
    const auto r = run_stakegraph("report " + q(story_) + " " + args + " -o " + q(out));
    EXPECT_EQ(r.status, 0) << r.err;
    return embedded_document(slurp(out));
  }
  // The SVG ids of the nodes `render` draws with ARGS ("node-huawei").
  std::set<std::string> rendered_node_ids(const std::string& args) {
    const std::string out = path("out.svg");
    const auto r = run_stakegraph("render " + q(story_) + " " + args + " -o " + q(out));
    EXPECT_EQ(r.status, 0) << r.err;
    std::string svg = slurp(out);
    for (auto at = svg.find("&#45;"); at != std::string::npos; at = svg.find("&#45;", at))
      svg.replace(at, 5, "-");
    std::set<std::string> ids;
    const std::string marker = "<g id=\"node-";
    for (auto at = svg.find(marker); at != std::string::npos; at = svg.find(marker, at + 1))
      ids.insert(svg.substr(at + 7, svg.find('"', at + 7) - at - 7));
    return ids;
  }
  std::string story_;
};

TEST_F(ReportCli, Help) {
  const auto r = run_stakegraph("report --help");
  EXPECT_EQ(r.status, 0);
  for (const char* option : {"--focus", "--depth", "--top", "--since", "--until", "--title",
                             "--kind", "--no-hedged", "network request"})
    EXPECT_NE(r.out.find(option), std::string::npos) << option;
  EXPECT_NE(run_stakegraph("--help").out.find("report"), std::string::npos);
}

TEST_F(ReportCli, WritesOnePage) {
  const std::string out = path("story.html");
  const auto r = run_stakegraph("report " + q(story_) + " -o " + q(out) + " --title 'Seed story'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  const std::string html = slurp(out);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<title>Seed story</title>"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  const json doc = embedded_document(html);
  EXPECT_EQ(doc["title"], "Seed story");
  EXPECT_EQ(doc["graph_file"], story_);
  EXPECT_EQ(doc["nodes"].size(), 10u);
  EXPECT_EQ(doc["edges"].size(), 11u);
}

TEST_F(ReportCli, CentralityAndCampsInTheShapesOfTheCli) {
  const json doc = report("");
  // The report ranks as centrality does: weighted by default, unweighted with --weight none.
  EXPECT_NE(doc["weight"], "none");
  for (const std::string weight : {"", " --weight none"}) {
    const json d = weight.empty() ? doc : report(weight);
    for (const char* metric : {"pagerank", "betweenness"}) {
      const auto r =
          run_stakegraph("centrality " + q(story_) + " --metric " + metric + " --json" + weight);
      ASSERT_EQ(r.status, 0) << r.err;
      EXPECT_EQ(d[metric], json::parse(r.out)) << metric << weight;
    }
  }
  EXPECT_NE(doc["pagerank"], report(" --weight none")["pagerank"]);
  // Camps stand on the relations' signs, not on weights.
  const auto r = run_stakegraph("clusters " + q(story_) + " --method camps --json --weight none");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(doc["camps"], json::parse(r.out));
}

TEST_F(ReportCli, SelectsWhatRenderDraws) {
  for (const std::string args :
       {"", "--focus Huawei --depth 1", "--focus US --depth 0", "--top 4 --by pagerank",
        "--top 3 --by betweenness", "--kind operator --kind vendor",
        "--relation supplies --relation REQUEST", "--since 2019-03-01", "--no-hedged"}) {
    const json doc = report(args);
    std::set<std::string> ids;
    for (const json& n : doc["nodes"]) ids.insert(n["svg"].get<std::string>());
    EXPECT_EQ(ids, rendered_node_ids(args)) << args;
    EXPECT_FALSE(ids.empty()) << args;
  }
  // And the selection really narrows: the ego network of US at depth 0 is US alone.
  EXPECT_EQ(report("--focus US --depth 0")["nodes"].size(), 1u);
  EXPECT_EQ(report("--top 4 --by pagerank")["nodes"].size(), 4u);
}

TEST_F(ReportCli, SinceKeepsLaterEvidenceOnly) {
  const json doc = report("--since 2019-03-01");
  EXPECT_EQ(doc["dates"], json({"2019-05-15"}));
  ASSERT_EQ(doc["edges"].size(), 1u);
  EXPECT_EQ(doc["edges"][0]["relation"], "SANCTION");
  EXPECT_EQ(doc["edges"][0]["evidence"].size(), 1u);
  EXPECT_EQ(doc["selection"], "--since 2019-03-01");
  ASSERT_EQ(doc["articles"].size(), 1u);
  EXPECT_EQ(doc["articles"][0]["id"], "second");
}

TEST_F(ReportCli, UsageAndInputErrorsWriteNothing) {
  const std::string out = path("none.html");
  struct Case {
    std::string args;
    int status;
    std::string message;
  };
  for (const Case& c : {
           Case{"-o " + q(path("x.svg")), 2, "HTML"},
           Case{"-o " + q(out) + " --by bogus --top 2", 2, "--by"},
           Case{"-o " + q(out) + " --clusters bogus", 2, "--clusters"},
           Case{"-o " + q(out) + " --focus Huawei --depth -1", 2, "--depth"},
           Case{"-o " + q(out) + " --since 2019-13-01", 2, "--since"},
           Case{"-o " + q(out) + " --focus Huawai", 1, "Huawei"},  // suggests the name
           Case{"-o " + q(out) + " --focus Huawei --kind operator", 2, "left out"},
           Case{"", 2, "--output"},
       }) {
    const auto r = run_stakegraph("report " + q(story_) + " " + c.args);
    EXPECT_EQ(r.status, c.status) << c.args << ": " << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.args << ": " << r.err;
    EXPECT_EQ(test_support::count_lines(r.err), 1u) << r.err;
    EXPECT_FALSE(std::filesystem::exists(out)) << c.args;
    EXPECT_FALSE(std::filesystem::exists(path("x.svg"))) << c.args;
  }
  const auto missing = run_stakegraph("report " + q(path("missing.sgpb")) + " -o " + q(out));
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("missing.sgpb"), std::string::npos) << missing.err;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST_F(ReportCli, AFailedRunLeavesTheOldFile) {
  const std::string out = write("old.html", "old");
  EXPECT_EQ(run_stakegraph("report " + q(story_) + " --focus Huawai -o " + q(out)).status, 1);
  EXPECT_EQ(slurp(out), "old");
  EXPECT_EQ(run_stakegraph("report " + q(story_) + " -o " + q(out)).status, 0);
  EXPECT_NE(slurp(out), "old");
}

TEST_F(ReportCli, TheDrawingLimitHolds) {
  const std::string big = path("big.sgpb");
  ASSERT_EQ(run_stakegraph("generate --nodes 2100 --edges 2600 --seed 5 -q -o " + q(big)).status,
            0);
  const std::string out = path("big.html");
  const auto r = run_stakegraph("report " + q(big) + " -o " + q(out));
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("too many to draw (limit 2000)"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
  const auto top = run_stakegraph("report " + q(big) + " --top 30 -o " + q(out));
  ASSERT_EQ(top.status, 0) << top.err;
  EXPECT_EQ(embedded_document(slurp(out))["nodes"].size(), 30u);
}

}  // namespace
}  // namespace stakegraph
