// Issue 15, items 3, 6 and 10: filters restrict what is printed and --subgraph what is
// computed (centrality, clusters, neighbors), bounded `show`/`neighbors` listings, and the
// smaller items: camps numbered alike in `clusters` and diagrams and computed on the whole
// graph by `render`, .sgpb from stdin, JSON Lines with "content", unknown subcommands,
// --no-hedged on every command with filters, and `import --help`.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "tests/cli/run.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph {
namespace {

using test_support::run_stakegraph;

std::string q(const std::string& s) { return "'" + s + "'"; }

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t i = text.find(what); i != std::string::npos; i = text.find(what, i + 1)) ++n;
  return n;
}

class FiltersCli : public test_support::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    //   Vodafone   BT    EE                 Three
    //        \     | \   /                    |
    //         \    |  Nokia                   |
    //          Huawei (vendor)               ZTE (vendor)
    // Huawei supplies Vodafone, BT and EE; Nokia supplies BT; ZTE supplies Three.
    graph_ = write("g.csv",
                   "source,target,relation,source_kind,target_kind\n"
                   "Huawei,Vodafone,supplies,vendor,operator\n"
                   "Huawei,BT,supplies,vendor,operator\n"
                   "Huawei,EE,supplies,vendor,operator\n"
                   "Nokia,BT,supplies,vendor,operator\n"
                   "ZTE,Three,supplies,vendor,operator\n");
  }
  std::string graph_;
};

TEST_F(FiltersCli, CentralityKindRanksWithinTheWholeGraph) {
  // Before: the vendors of a subgraph without edges, every score 0, nothing said.
  const auto r = run_stakegraph("centrality " + q(graph_) + " --kind vendor -m degree --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["scores"].size(), 3u) << r.out;  // only vendors printed
  EXPECT_EQ(j["scores"][0]["name"], "Huawei");
  EXPECT_EQ(j["scores"][0]["score"], 3.0);
  EXPECT_EQ(j["scores"][1]["score"], 1.0);
  const auto text = run_stakegraph("centrality " + q(graph_) + " --kind vendor -m degree");
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("computed on the whole graph; showing the 3 nodes that pass --kind "
                          "vendor"),
            std::string::npos)
      << text.out;
  EXPECT_EQ(text.out.find("Vodafone"), std::string::npos) << text.out;
  // --subgraph: computed on the vendors alone, which share no edge: said, and warned.
  const auto sub =
      run_stakegraph("centrality " + q(graph_) + " --kind vendor -m degree --subgraph");
  ASSERT_EQ(sub.status, 0) << sub.err;
  EXPECT_NE(sub.out.find("computed on the subgraph selected by --kind vendor"), std::string::npos)
      << sub.out;
  EXPECT_NE(sub.err.find("has no edges: every node scores the same"), std::string::npos) << sub.err;
}

TEST_F(FiltersCli, ClustersAreTheWholeGraphsUnlessSubgraph) {
  const auto r = run_stakegraph("clusters " + q(graph_) + " --method components --kind vendor");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("2 clusters over 7 nodes of the whole graph"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cluster 1 (5, 2 listed): Huawei, Nokia"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cluster 2 (2, 1 listed): ZTE"), std::string::npos) << r.out;
  const auto sub =
      run_stakegraph("clusters " + q(graph_) + " --method components --kind vendor --subgraph");
  ASSERT_EQ(sub.status, 0) << sub.err;
  EXPECT_NE(sub.out.find("3 clusters over 3 nodes of the subgraph selected by --kind vendor"),
            std::string::npos)
      << sub.out;
}

TEST_F(FiltersCli, NeighborsWalkTheWholeGraphUnlessSubgraph) {
  const auto r = run_stakegraph("neighbors " + q(graph_) + " Huawei --depth 2 --kind vendor");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("in the whole graph; showing the 1 nodes"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("depth 2 (1)\n  Nokia  (vendor)"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("BT  ("), std::string::npos) << r.out;
  const auto sub =
      run_stakegraph("neighbors " + q(graph_) + " Huawei --depth 2 --kind vendor --subgraph");
  ASSERT_EQ(sub.status, 0) << sub.err;
  EXPECT_NE(sub.out.find("0 nodes within 2 hops, 0 edges of the subgraph selected by --kind "
                         "vendor"),
            std::string::npos)
      << sub.out;
}

class LimitsCli : public test_support::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    std::string csv = "source,target,relation\n";
    for (int i = 1; i <= 30; ++i) csv += "Hub,Node " + std::to_string(i) + ",supplies\n";
    hub_ = write("hub.csv", csv);
  }
  std::string hub_;
};

TEST_F(LimitsCli, ShowListsTwentyEdgesAndCountsTheRest) {
  const auto r = run_stakegraph("show " + q(hub_) + " Hub");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(count(r.out, " -supplies-> "), 20u) << r.out;
  EXPECT_NE(r.out.find("outgoing (30)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("... and 10 more edges; use --limit"), std::string::npos) << r.out;
  const auto five = run_stakegraph("show " + q(hub_) + " Hub --limit 5");
  EXPECT_EQ(count(five.out, " -supplies-> "), 5u) << five.out;
  EXPECT_NE(five.out.find("... and 25 more edges"), std::string::npos) << five.out;
  const auto all = run_stakegraph("show " + q(hub_) + " Hub --limit 0");
  EXPECT_EQ(count(all.out, " -supplies-> "), 30u) << all.out;
  EXPECT_EQ(all.out.find("more edges"), std::string::npos) << all.out;
  // JSON: every edge, unless --limit is given.
  EXPECT_EQ(
      nlohmann::json::parse(run_stakegraph("show " + q(hub_) + " Hub --json").out)["edges"].size(),
      30u);
  const auto j =
      nlohmann::json::parse(run_stakegraph("show " + q(hub_) + " Hub --json --limit 4").out);
  EXPECT_EQ(j["edges"].size(), 4u);
  EXPECT_EQ(j["more_edges"], 26);
}

TEST_F(LimitsCli, NeighborsListsTwentyEdgesAndCountsTheRest) {
  const auto r = run_stakegraph("neighbors " + q(hub_) + " Hub");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(count(r.out, " -supplies-> "), 20u) << r.out;
  EXPECT_NE(r.out.find("... and 10 more edges; use --limit"), std::string::npos) << r.out;
  const auto all = run_stakegraph("neighbors " + q(hub_) + " Hub --limit 0");
  EXPECT_EQ(count(all.out, " -supplies-> "), 30u) << all.out;
}

class SmallerCli : public test_support::TempDirTest {};

TEST_F(SmallerCli, CampsNumberedAlikeAndComputedOnTheWholeGraph) {
  //   a1 === a2      b1 === b2      (=== allied_with, a cooperative tie)
  //     \\  //        |
  //      a3      a1 -SANCTION-> b1  (a conflictual tie)
  // Whole graph: camp 1 {a1, a2, a3}, camp 2 {b1, b2}. Around b1 (depth 1: b1, b2, a1) the
  // subgraph's own camps would be {b1, b2} first: camp 1.
  const std::string g = write("camps.csv",
                              "source,target,relation\n"
                              "a1,a2,allied_with\na2,a3,allied_with\na1,a3,allied_with\n"
                              "b1,b2,allied_with\na1,b1,SANCTION\n");
  const auto c = run_stakegraph("clusters " + q(g) + " --method camps");
  ASSERT_EQ(c.status, 0) << c.err;
  EXPECT_NE(c.out.find("cluster 1 (3): a1, a2, a3"), std::string::npos) << c.out;
  EXPECT_NE(c.out.find("cluster 2 (2): b1, b2"), std::string::npos) << c.out;
  // The diagram: b1 in "camp 2", as `clusters` numbers it.
  const std::string dot = path("focus.dot");
  const auto r =
      run_stakegraph("render " + q(g) + " --focus b1 --clusters camps --layout dot -o " + q(dot));
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string text = test_support::slurp(dot);
  const std::size_t camp2 = text.find("camp 2");
  ASSERT_NE(camp2, std::string::npos) << text;
  // b1's box is camp 2's (a1, alone of camp 1 in the drawing, gets no box).
  const std::string block2 =
      text.substr(text.rfind("subgraph", camp2), camp2 - text.rfind("subgraph", camp2) + 200);
  EXPECT_NE(block2.find("b1"), std::string::npos) << text;
  // --subgraph: the camps of the drawn nodes only, numbered among themselves.
  const std::string sub = path("sub.dot");
  const auto s = run_stakegraph("render " + q(g) +
                                " --focus b1 --clusters camps --subgraph "
                                "--layout dot -o " +
                                q(sub));
  ASSERT_EQ(s.status, 0) << s.err;
  const std::string stext = test_support::slurp(sub);
  const std::size_t sc1 = stext.find("camp 1");
  ASSERT_NE(sc1, std::string::npos) << stext;
  const std::string sblock1 =
      stext.substr(stext.rfind("subgraph", sc1), sc1 - stext.rfind("subgraph", sc1) + 200);
  EXPECT_NE(sblock1.find("b1"), std::string::npos) << stext;
}

TEST_F(SmallerCli, SgpbFromStandardInput) {
  const std::string csv = write("g.csv", "source,target,relation\nHuawei,BT,supplies\n");
  const std::string sgpb = path("g.sgpb");
  ASSERT_EQ(run_stakegraph("convert " + q(csv) + " " + q(sgpb)).status, 0);
  const std::string bytes = test_support::slurp(sgpb);
  const auto stats = run_stakegraph("stats -", bytes);  // before: "-: cannot open"
  ASSERT_EQ(stats.status, 0) << stats.err;
  EXPECT_NE(stats.out.find("  nodes     2\n"), std::string::npos) << stats.out;
  const auto conv = run_stakegraph("convert - - --to json", bytes);  // no --from needed
  ASSERT_EQ(conv.status, 0) << conv.err;
  EXPECT_EQ(nlohmann::json::parse(conv.out)["edges"].size(), 1u);
  const auto from = run_stakegraph("convert - - --from sgpb --to csv", bytes);
  ASSERT_EQ(from.status, 0) << from.err;
  EXPECT_NE(from.out.find("Huawei,BT,supplies"), std::string::npos) << from.out;
}

TEST_F(SmallerCli, JsonLinesContentFieldIsReadAndMissingTextWarned) {
  const std::string art =
      write("a.jsonl",
            "{\"title\": \"Ban\", \"date\": \"2019-05-15\", \"content\": \"Germany banned Huawei "
            "from its 5G networks on Monday.\"}\n"
            "{\"title\": \"Nothing\", \"date\": \"2019-05-16\", \"summary\": \"no body here\"}\n");
  const auto r = run_stakegraph("extract " + q(art) + " --format json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_GE(j["nodes"].size(), 2u) << r.out;  // before: 0 nodes, no warning
  EXPECT_NE(r.err.find("warning: " + art + ":2: no \"text\", \"body\" or \"content\" field"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find(":1:"), std::string::npos) << r.err;
  const auto ingest = run_stakegraph("ingest " + q(art) + " -o " + q(path("g.sgpb")));
  ASSERT_EQ(ingest.status, 0) << ingest.err;
  EXPECT_NE(ingest.err.find(art + ":2: no \"text\""), std::string::npos) << ingest.err;
}

TEST_F(SmallerCli, UnknownSubcommandIsNamedWithASuggestion) {
  const auto r = run_stakegraph("shwo g.sgpb Huawei");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("unknown subcommand 'shwo'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("did you mean 'show'?"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("centrality"), std::string::npos) << r.err;  // the list
  EXPECT_EQ(test_support::count_lines(r.err), 1u) << r.err;
  const auto far = run_stakegraph("foo");
  EXPECT_EQ(far.status, 2);
  EXPECT_NE(far.err.find("unknown subcommand 'foo' (one of: convert, stats"), std::string::npos)
      << far.err;
}

TEST_F(SmallerCli, NoHedgedOnEveryCommandWithFilters) {
  // A -SANCTION-> B only on hedged evidence ("may"); B -supplies-> C on plain evidence.
  const std::string g = write("h.json",
                              R"({"format_version": 1,
 "nodes": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
 "edges": [
  {"source": "a", "target": "b", "relation": "SANCTION",
   "evidence": [{"text": "A may sanction B.", "hedged": true}]},
  {"source": "b", "target": "c", "relation": "supplies",
   "evidence": [{"text": "B supplies C.", "hedged": false}]}]}
)");
  const auto n = run_stakegraph("neighbors " + q(g) + " B --no-hedged --json");
  ASSERT_EQ(n.status, 0) << n.err;
  EXPECT_EQ(nlohmann::json::parse(n.out)["edges"].size(), 1u) << n.out;
  const auto p = run_stakegraph("path " + q(g) + " A C --no-hedged");
  ASSERT_EQ(p.status, 0) << p.err;
  EXPECT_NE(p.out.find("no path"), std::string::npos) << p.out;
  const auto c = run_stakegraph("centrality " + q(g) + " -m degree --no-hedged --subgraph --json");
  ASSERT_EQ(c.status, 0) << c.err;
  const auto cj = nlohmann::json::parse(c.out);
  EXPECT_EQ(cj["scores"][0]["name"], "B");
  EXPECT_EQ(cj["scores"][0]["score"], 1.0);  // the hedged tie does not count
  const auto k = run_stakegraph("clusters " + q(g) + " --method components --no-hedged --subgraph");
  ASSERT_EQ(k.status, 0) << k.err;
  EXPECT_NE(k.out.find("2 clusters over 3 nodes"), std::string::npos) << k.out;
}

TEST_F(SmallerCli, ImportHelpShowsTheGdeltOptions) {
  const auto r = run_stakegraph("import --help");
  EXPECT_EQ(r.status, 0) << r.err;
  for (const char* option : {"--root-codes", "--keep-statements", "--strict", "--lexicon"})
    EXPECT_NE(r.out.find(option), std::string::npos) << option << "\n" << r.out;
}

}  // namespace
}  // namespace stakegraph
