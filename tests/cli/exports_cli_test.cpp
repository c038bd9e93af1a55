// Issue 15, item 7 (exports), end to end. Each test first shows what the issue reported, then
// the fix:
// - GraphML had no `label` key (Gephi showed slugs): now every node has label = its name.
// - CSV was edges only, so a round trip dropped isolated nodes, weights and dates: with
//   `--nodes FILE` a round trip keeps nodes (ids, kinds, aliases, attributes), weights,
//   Goldstein means and dates.
// - No GEXF: `.gexf` (1.3, or 1.2draft) with node and edge spells from evidence dates.
// - Centrality and cluster results could not be written back: `--write OUT` saves the graph
//   with them as node attributes (typed as numbers in GraphML and GEXF).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/cli/run.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test_support::run_stakegraph;
using test_support::slurp;

const std::string kSample =
    "'" + std::string(STAKEGRAPH_SOURCE_DIR) + "/samples/stakeholders.sgpb'";

// Three nodes and an isolated fourth, one weighted dated edge, one GDELT-like edge:
//   huawei --supplies (w 2.5, 2019-01-02..2019-03-04)--> telekom    isolated: zte
//   huawei --ACCUSE (goldstein -4)--> us
const char* kGraph = R"({"format_version": 2,
  "nodes": [{"id": "huawei", "name": "Huawei", "kind": "vendor", "aliases": ["Huawei Technologies"],
             "attributes": {"country": "CN", "founded": "1987"}},
            {"id": "telekom", "name": "Deutsche Telekom", "kind": "operator"},
            {"id": "us", "name": "United States", "kind": "government"},
            {"id": "zte", "name": "ZTE", "kind": "vendor"}],
  "edges": [{"source": "huawei", "target": "telekom", "relation": "supplies", "weight": 2.5,
             "first_seen": "2019-01-02", "last_seen": "2019-03-04"},
            {"source": "us", "target": "huawei", "relation": "ACCUSE", "goldstein": -4,
             "evidence": [{"text": "e1", "rule": "gdelt:112", "date": "2020-05-01"},
                          {"text": "e2", "rule": "gdelt:112", "date": "2020-05-02", "sentence": 1},
                          {"text": "e3", "rule": "gdelt:112", "date": "2020-06-10", "sentence": 2}]}]})";

class ExportsCliTest : public test_support::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    write("g.json", kGraph);
  }
  std::string q(const std::string& name) const { return "'" + path(name) + "'"; }
  json load(const std::string& name) const { return json::parse(slurp(path(name))); }
};

TEST_F(ExportsCliTest, GraphmlCarriesLabels) {
  ASSERT_EQ(run_stakegraph("convert " + kSample + " " + q("s.graphml")).status, 0);
  const std::string x = slurp(path("s.graphml"));
  EXPECT_NE(x.find("<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"),
            std::string::npos);
  ASSERT_EQ(run_stakegraph("convert " + q("g.json") + " " + q("g.graphml")).status, 0);
  const std::string g = slurp(path("g.graphml"));
  EXPECT_NE(g.find("<data key=\"label\">Deutsche Telekom</data>"), std::string::npos) << g;
  // A file that names nodes by label only (as Gephi writes) reads with those names.
  write("gephi.graphml", R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <graph edgedefault="undirected"><node id="n0"><data key="label">Huawei</data></node>
  <node id="n1"><data key="label">ZTE</data></node><edge source="n0" target="n1"/></graph>
</graphml>)");
  ASSERT_EQ(run_stakegraph("convert " + q("gephi.graphml") + " " + q("gephi.json")).status, 0);
  EXPECT_EQ(load("gephi.json").at("nodes").at(0).at("name"), "Huawei");
  // Weights and Goldstein means come back from our own GraphML.
  ASSERT_EQ(run_stakegraph("convert " + q("g.graphml") + " " + q("back.json")).status, 0);
  const json back = load("back.json");
  EXPECT_EQ(back.at("edges").at(0).at("weight"), 2.5);
  EXPECT_EQ(back.at("edges").at(1).at("goldstein"), -4.0);
}

TEST_F(ExportsCliTest, CsvRoundTripWithNodesFileKeepsIsolatedNodesWeightsAndDates) {
  // Before: the edge list alone loses the isolated node, ids and attributes.
  ASSERT_EQ(run_stakegraph("convert " + q("g.json") + " " + q("e.csv")).status, 0);
  ASSERT_EQ(run_stakegraph("convert " + q("e.csv") + " " + q("edges_only.json")).status, 0);
  EXPECT_EQ(load("edges_only.json").at("nodes").size(), 3u);
  // With --nodes: all of it.
  const auto out = run_stakegraph("convert " + q("g.json") + " " + q("edges.csv") + " --nodes " +
                                  q("nodes.csv"));
  ASSERT_EQ(out.status, 0) << out.err;
  EXPECT_EQ(slurp(path("nodes.csv")),
            "id,name,kind,aliases,country,founded\n"
            "huawei,Huawei,vendor,Huawei Technologies,CN,1987\n"
            "telekom,Deutsche Telekom,operator,\"\",,\n"  // an empty field is quoted
            "us,United States,government,\"\",,\n"
            "zte,ZTE,vendor,\"\",,\n");
  EXPECT_EQ(slurp(path("edges.csv")),
            "source,target,relation,weight,source_kind,target_kind,goldstein,evidence_count,"
            "first_seen,last_seen\n"
            "Huawei,Deutsche Telekom,supplies,2.5,vendor,operator,,0,2019-01-02,2019-03-04\n"
            "United States,Huawei,ACCUSE,,government,vendor,-4,3,2020-05-01,2020-06-10\n");
  const auto in = run_stakegraph("convert " + q("edges.csv") + " --nodes " + q("nodes.csv") + " " +
                                 q("back.json"));
  ASSERT_EQ(in.status, 0) << in.err;
  // The nodes as our JSON writer writes them (every field), before and after the trip.
  ASSERT_EQ(run_stakegraph("convert " + q("g.json") + " " + q("norm.json")).status, 0);
  const json b = load("back.json");
  EXPECT_EQ(b.at("nodes"), load("norm.json").at("nodes"));
  EXPECT_EQ(b.at("nodes").at(3).at("id"), "zte");  // the isolated node
  const json& e0 = b.at("edges").at(0);
  EXPECT_EQ(e0.at("weight"), 2.5);
  EXPECT_EQ(e0.at("first_seen"), "2019-01-02");
  EXPECT_EQ(e0.at("last_seen"), "2019-03-04");
  const json& e1 = b.at("edges").at(1);
  EXPECT_FALSE(e1.contains("weight"));
  EXPECT_EQ(e1.at("goldstein"), -4.0);
  EXPECT_EQ(e1.at("first_seen"), "2020-05-01");
  EXPECT_EQ(e1.at("last_seen"), "2020-06-10");
  // Bad input: a nodes file naming an unknown kind names the file and line.
  write("bad_nodes.csv", "id,name,kind\nx,X,planet\n");
  const auto bad = run_stakegraph("convert " + q("edges.csv") + " --nodes " + q("bad_nodes.csv") +
                                  " " + q("bad.json"));
  EXPECT_NE(bad.status, 0);
  EXPECT_NE(bad.err.find(path("bad_nodes.csv") + ":2: unknown kind 'planet'"), std::string::npos)
      << bad.err;
  EXPECT_FALSE(fs::exists(path("bad.json")));
  // --nodes with neither side CSV is a usage error.
  EXPECT_EQ(
      run_stakegraph("convert " + q("g.json") + " " + q("x.graphml") + " --nodes " + q("n.csv"))
          .status,
      2);
}

TEST_F(ExportsCliTest, GexfHasSpellsFromEvidenceDates) {
  ASSERT_EQ(run_stakegraph("convert " + q("g.json") + " " + q("g.gexf")).status, 0);
  const std::string x = slurp(path("g.gexf"));
  EXPECT_NE(x.find("<gexf xmlns=\"http://gexf.net/1.3\""), std::string::npos) << x;
  EXPECT_NE(x.find("version=\"1.3\""), std::string::npos);
  EXPECT_NE(x.find("mode=\"dynamic\" timeformat=\"date\""), std::string::npos);
  EXPECT_NE(x.find("<node id=\"huawei\" label=\"Huawei\">"), std::string::npos) << x;
  // The ACCUSE edge: evidence on 2020-05-01, 05-02 (consecutive: one spell) and 06-10.
  EXPECT_NE(x.find("<spells><spell start=\"2020-05-01\" end=\"2020-05-02\"/><spell "
                   "start=\"2020-06-10\" end=\"2020-06-10\"/></spells></edge>"),
            std::string::npos)
      << x;
  // The supplies edge has no evidence: its first/last seen.
  EXPECT_NE(x.find("weight=\"2.5\""), std::string::npos);
  EXPECT_NE(x.find("<spell start=\"2019-01-02\" end=\"2019-03-04\"/>"), std::string::npos);
  // huawei: the union of both edges' spells. zte: no spells.
  EXPECT_NE(x.find("<spells><spell start=\"2019-01-02\" end=\"2019-03-04\"/><spell "
                   "start=\"2020-05-01\" end=\"2020-05-02\"/><spell start=\"2020-06-10\" "
                   "end=\"2020-06-10\"/></spells></node>"),
            std::string::npos);
  EXPECT_NE(x.find("<attvalue for=\"goldstein\" value=\"-4\"/>"), std::string::npos);
  // Numeric attributes are typed numbers, text stays text.
  EXPECT_NE(x.find("title=\"founded\" type=\"integer\""), std::string::npos);
  EXPECT_NE(x.find("title=\"country\" type=\"string\""), std::string::npos);
  ASSERT_EQ(
      run_stakegraph("convert " + q("g.json") + " " + q("d.gexf") + " --gexf-version 1.2draft")
          .status,
      0);
  EXPECT_NE(slurp(path("d.gexf")).find("xmlns=\"http://www.gexf.net/1.2draft\""),
            std::string::npos);
  // GEXF is write-only.
  const auto read = run_stakegraph("convert " + q("g.gexf") + " " + q("x.json"));
  EXPECT_EQ(read.status, 2);
  EXPECT_NE(read.err.find("gexf is write-only"), std::string::npos) << read.err;
}

TEST_F(ExportsCliTest, CentralityAndClustersWriteResultsAsNodeAttributes) {
  const auto r = run_stakegraph("centrality " + kSample + " --metric pagerank --top 0 --json " +
                                "--write " + q("pr.graphml"));
  ASSERT_EQ(r.status, 0) << r.err;
  std::map<std::string, double> printed;
  const json scores = json::parse(r.out);  // a range-for over a temporary's member dangles
  for (const auto& s : scores.at("scores")) printed[s.at("id")] = s.at("score");
  const std::string x = slurp(path("pr.graphml"));
  EXPECT_NE(x.find("attr.name=\"pagerank\" attr.type=\"double\""), std::string::npos);
  ASSERT_EQ(run_stakegraph("convert " + q("pr.graphml") + " " + q("pr.json")).status, 0);
  std::size_t n = 0;
  const json written = load("pr.json");
  for (const auto& node : written.at("nodes")) {
    EXPECT_DOUBLE_EQ(std::stod(node.at("attributes").at("pagerank").get<std::string>()),
                     printed.at(node.at("id")));
    ++n;
  }
  EXPECT_EQ(n, printed.size());
  // Clusters: ids as integers, in every format with node attributes.
  for (const char* out : {"c.gexf", "c.json", "c.sgpb", "c.graphml"}) {
    const auto c = run_stakegraph("clusters " + kSample + " --method louvain --write " + q(out));
    ASSERT_EQ(c.status, 0) << out << c.err;
  }
  EXPECT_NE(slurp(path("c.gexf")).find("title=\"louvain\" type=\"integer\""), std::string::npos);
  EXPECT_NE(slurp(path("c.graphml")).find("attr.name=\"louvain\" attr.type=\"int\""),
            std::string::npos);
  ASSERT_EQ(run_stakegraph("convert " + q("c.sgpb") + " " + q("c2.json")).status, 0);
  EXPECT_EQ(load("c.json").at("nodes"), load("c2.json").at("nodes"));
  EXPECT_TRUE(load("c.json").at("nodes").at(0).at("attributes").contains("louvain"));
  // CSV: the attributes go to the nodes file, which --nodes names.
  const auto no_nodes =
      run_stakegraph("clusters " + kSample + " --method louvain --write " + q("c.csv"));
  EXPECT_EQ(no_nodes.status, 2);
  EXPECT_NE(no_nodes.err.find("add --nodes FILE"), std::string::npos) << no_nodes.err;
  EXPECT_FALSE(fs::exists(path("c.csv")));
  ASSERT_EQ(run_stakegraph("clusters " + kSample + " --method louvain --write " + q("c.csv") +
                           " --nodes " + q("cn.csv"))
                .status,
            0);
  EXPECT_EQ(slurp(path("cn.csv")).rfind("id,name,kind,aliases,", 0), 0u);
  EXPECT_NE(slurp(path("cn.csv")).find("louvain"), std::string::npos);
  // DOT carries no node attributes.
  EXPECT_EQ(
      run_stakegraph("centrality " + kSample + " --metric degree --write " + q("x.dot")).status, 2);
}

}  // namespace
}  // namespace stakegraph
