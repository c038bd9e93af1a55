// Issue 15, item 1 (weights), end to end. Each test first builds the situation the issue
// reported, then shows the fix:
// - `--weighted` used evidence counts and ignored a file's own weights: weighted PageRank on
//   Les Miserables (GraphML with co-occurrence weights) gave the unweighted ranking. Now
//   the default (no flag), --weighted and --weight weight equal NetworkX's weighted PageRank
//   (the oracle in tests/data/oracles, NetworkX 2.8), Marius second; --weight none gives the
//   unweighted one. A file without weights is weighted by evidence counts by default.
// - GDELT edges carried the mean Goldstein score (-10..10) as weight. Now it is `goldstein`,
//   and the edge has no weight.
// - Article edges had weight 1 whatever their evidence: now they have no weight and analytics
//   read the evidence count.
// - Negative weights are refused with a clear error where an algorithm needs positive ones.
// - Old files (.sgpb without Header.user_weights, JSON format_version 1) are read by the rule
//   of io/formats/legacy_weights.hpp.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
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

const std::string kData = std::string(STAKEGRAPH_SOURCE_DIR) + "/tests/data";

class WeightsCliTest : public test_support::TempDirTest {
 protected:
  std::string q(const std::string& name) const { return "'" + path(name) + "'"; }

  // Scores by node id from `centrality ... --json`.
  static std::map<std::string, double> scores(const test_support::RunResult& r) {
    std::map<std::string, double> out;
    const json j = json::parse(r.out);  // a range-for over a temporary's member dangles
    for (const auto& s : j.at("scores")) out[s.at("id")] = s.at("score");
    return out;
  }
  static std::string nth(const test_support::RunResult& r, std::size_t i) {
    return json::parse(r.out).at("scores").at(i).at("id");
  }
};

TEST_F(WeightsCliTest, LesMiserablesWeightedPageRankEqualsNetworkX) {
  std::ifstream in(kData + "/oracles/les_miserables.json");
  const json oracle = json::parse(in);
  const std::string graphml = "'" + kData + "/les_miserables.graphml'";
  // The default (no flag) is the file's own weights, as NetworkX reads them.
  for (const char* flags : {"", " --weight weight", " --weighted"}) {
    SCOPED_TRACE(flags);
    const auto r =
        run_stakegraph("centrality " + graphml + " --metric pagerank --top 0 --json" + flags);
    ASSERT_EQ(r.status, 0) << r.err;
    const auto got = scores(r);
    ASSERT_EQ(got.size(), oracle.at("pagerank_weighted").size());
    for (const auto& [id, score] : oracle.at("pagerank_weighted").items())
      EXPECT_NEAR(got.at(id), score.get<double>(), 1e-6) << id;
    EXPECT_EQ(nth(r, 0), "Valjean");
    EXPECT_EQ(nth(r, 1), "Marius");  // NetworkX puts Marius second
  }
  // The situation of the issue: without the file's weights the ranking is the unweighted one
  // (Marius is not second); that is now only what --weight none asks for.
  for (const char* flags : {" --weight none"}) {
    const auto none =
        run_stakegraph("centrality " + graphml + " --metric pagerank --top 0 --json" + flags);
    ASSERT_EQ(none.status, 0) << none.err;
    for (const auto& [id, score] : oracle.at("pagerank").items())
      EXPECT_NEAR(scores(none).at(id), score.get<double>(), 1e-6) << id;
    EXPECT_NE(nth(none, 1), "Marius");
  }
  // Evidence counts: GraphML carries no evidence, so every edge counts 1: unweighted too.
  const auto evidence = run_stakegraph("centrality " + graphml +
                                       " --metric pagerank --top 0 --json --weight evidence");
  ASSERT_EQ(evidence.status, 0) << evidence.err;
  EXPECT_NEAR(scores(evidence).at("Marius"), oracle.at("pagerank").at("Marius"), 1e-6);
  // The header says which weights were used, also when they were chosen by default.
  for (const char* flags : {"", " --weighted"}) {
    const auto text =
        run_stakegraph("centrality " + graphml + " --metric pagerank --top 2" + flags);
    EXPECT_NE(text.out.find("weighted (weight)"), std::string::npos) << text.out;
  }
  // --weighted contradicts --weight none.
  const auto both =
      run_stakegraph("centrality " + graphml + " --metric pagerank --weighted --weight none");
  EXPECT_EQ(both.status, 2);
  EXPECT_NE(both.err.find("--weighted contradicts --weight none"), std::string::npos) << both.err;
}

TEST_F(WeightsCliTest, GdeltGoldsteinIsItsOwnAttributeNeverTheWeight) {
  const auto imported = run_stakegraph("import gdelt '" + kData +
                                       "/gdelt/gdelt1_events_60rows.tsv' -o " + q("g.json"));
  ASSERT_EQ(imported.status, 0) << imported.err;
  const json g = json::parse(slurp(path("g.json")));
  EXPECT_EQ(g.at("format_version"), 2);
  std::size_t negative = 0, with_goldstein = 0;
  for (const auto& e : g.at("edges")) {
    EXPECT_FALSE(e.contains("weight")) << e.dump();  // before: weight = Goldstein mean
    // Event edges (rule "gdelt:<code>") carry the mean; part_of edges of actor codes do not.
    if (e.at("evidence").at(0).at("rule").get<std::string>().rfind("gdelt:", 0) != 0) continue;
    ASSERT_TRUE(e.contains("goldstein")) << e.dump();
    ++with_goldstein;
    negative += e.at("goldstein").get<double>() < 0;
    EXPECT_EQ(e.at("evidence_count"), e.at("evidence").size());
  }
  EXPECT_GT(with_goldstein, 10u);
  EXPECT_GT(negative, 0u);  // the sample has conflictual events (Goldstein -10 ... -4)
  // Louvain and weighted shortest paths no longer see negative weights: --weighted reads
  // evidence counts (the file has no weights).
  for (const char* flags : {"", " --weighted"}) {  // the default reads evidence counts too
    const auto louvain = run_stakegraph("clusters " + q("g.json") + " --method louvain" + flags);
    EXPECT_EQ(louvain.status, 0) << louvain.err;
    const auto path_cost =
        run_stakegraph("centrality " + q("g.json") + " --metric closeness" + flags);
    EXPECT_EQ(path_cost.status, 0) << path_cost.err;
  }
  const auto pr =
      run_stakegraph("centrality " + q("g.json") + " --metric betweenness --top 3 --weighted");
  EXPECT_EQ(pr.status, 0) << pr.err;
  EXPECT_NE(pr.out.find("weighted (evidence)"), std::string::npos) << pr.out;
  // GraphML carries goldstein and evidence_count, and declares no weight (igraph would read a
  // declared but missing one as NaN).
  ASSERT_EQ(run_stakegraph("convert " + q("g.json") + " " + q("g.graphml")).status, 0);
  const std::string graphml = slurp(path("g.graphml"));
  EXPECT_NE(graphml.find("attr.name=\"goldstein\""), std::string::npos);
  EXPECT_NE(graphml.find("attr.name=\"evidence_count\""), std::string::npos);
  EXPECT_EQ(graphml.find("attr.name=\"weight\""), std::string::npos);
}

TEST_F(WeightsCliTest, ArticleEdgesWeighByTheirEvidenceCount) {
  // a -- b with 3 evidence items, b -- c with 1: weighted degree (strength) of b is 4.
  //   a ===3=== b ---1--- c
  write("g.json", R"({"format_version": 2, "nodes": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
    "edges": [{"source": "a", "target": "b", "relation": "SUPPORT", "evidence": [
                {"text": "one", "sentence": 0}, {"text": "two", "sentence": 1},
                {"text": "three", "sentence": 2}]},
              {"source": "b", "target": "c", "relation": "SUPPORT", "evidence": [
                {"text": "four", "sentence": 3}]}]})");
  const auto r =
      run_stakegraph("centrality " + q("g.json") + " --metric degree --top 0 --json --weighted");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(scores(r).at("b"), 4.0);
  EXPECT_EQ(scores(r).at("a"), 3.0);
  // The default (no flag) on a file without weights is the evidence count too.
  const auto by_default =
      run_stakegraph("centrality " + q("g.json") + " --metric degree --top 0 --json");
  ASSERT_EQ(by_default.status, 0) << by_default.err;
  EXPECT_EQ(scores(by_default).at("b"), 4.0);
  EXPECT_EQ(scores(by_default).at("a"), 3.0);
  const auto text = run_stakegraph("centrality " + q("g.json") + " --metric degree --top 1");
  EXPECT_NE(text.out.find("weighted (evidence)"), std::string::npos) << text.out;
  const auto none =
      run_stakegraph("centrality " + q("g.json") + " --metric degree --top 0 --json --weight none");
  EXPECT_EQ(scores(none).at("b"), 2.0);
  // A file weight wins under --weighted; --weight evidence still reads the evidence.
  write("w.json", R"({"format_version": 2, "nodes": [{"id": "a"}, {"id": "b"}],
    "edges": [{"source": "a", "target": "b", "relation": "SUPPORT", "weight": 7.5,
               "evidence": [{"text": "one"}]}]})");
  for (const char* flags : {"", " --weighted"}) {
    EXPECT_EQ(scores(run_stakegraph("centrality " + q("w.json") +
                                    " --metric degree --top 0 --json" + flags))
                  .at("a"),
              7.5)
        << flags;
  }
  EXPECT_EQ(scores(run_stakegraph("centrality " + q("w.json") +
                                  " --metric degree --top 0 --json --weight evidence"))
                .at("a"),
            1.0);
}

TEST_F(WeightsCliTest, NegativeWeightsAreRefusedWhereAnAlgorithmNeedsPositiveOnes) {
  //   a --(-2)-- b --(3)-- c
  write("neg.csv", "source,target,weight\na,b,-2\nb,c,3\n");
  const std::string g = q("neg.csv") + " --weighted";
  for (const std::string& cmd :
       {"centrality " + g + " --metric pagerank", "centrality " + g + " --metric betweenness",
        "centrality " + g + " --metric closeness", "centrality " + g + " --metric eigenvector",
        "clusters " + g + " --method louvain", "clusters " + g + " --method camps",
        "path " + g + " a c", "path " + q("neg.csv") + " a c --weight weight",
        // No flag: the file has weights, so they are the default, and refused the same way.
        "centrality " + q("neg.csv") + " --metric pagerank", "path " + q("neg.csv") + " a c",
        "clusters " + q("neg.csv") + " --method louvain"}) {
    SCOPED_TRACE(cmd);
    const auto r = run_stakegraph(cmd);
    EXPECT_EQ(r.status, 2) << r.out;
    EXPECT_NE(r.err.find("edge weights: edge 'a' -> 'b' (related_to) has weight -2; use "
                         "--weight evidence or --weight none"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(test_support::count_lines(r.err), 1u) << r.err;
  }
  // Degree (strength) and components take any weight; --weight evidence/none run.
  EXPECT_EQ(run_stakegraph("centrality " + g + " --metric degree").status, 0);
  EXPECT_EQ(run_stakegraph("clusters " + g + " --method components").status, 0);
  EXPECT_EQ(
      run_stakegraph("centrality " + q("neg.csv") + " --metric pagerank --weight evidence").status,
      0);
  EXPECT_EQ(run_stakegraph("path " + q("neg.csv") + " a c --weight none").status, 0);  // hops
  // A zero weight: PageRank and Louvain take it, path lengths 1 / w do not.
  write("zero.csv", "source,target,weight\na,b,0\nb,c,3\n");
  EXPECT_EQ(run_stakegraph("centrality " + q("zero.csv") + " --metric pagerank --weighted").status,
            0);
  const auto zero = run_stakegraph("path " + q("zero.csv") + " a c --weighted");
  EXPECT_EQ(zero.status, 2);
  EXPECT_NE(zero.err.find("needs positive edge weights"), std::string::npos) << zero.err;
}

TEST_F(WeightsCliTest, OldFilesAreReadByTheLegacyRule) {
  // A JSON file written before (format_version 1): an extraction edge with weight 1, a GDELT
  // edge with its Goldstein mean in weight, an imported edge with weight 4.
  write("old.json", R"({"format_version": 1, "nodes": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
    "edges": [{"source": "a", "target": "b", "relation": "SUPPORT", "weight": 1,
               "evidence": [{"text": "said", "rule": "svo"}]},
              {"source": "a", "target": "c", "relation": "ASSAULT", "weight": -3.5,
               "evidence": [{"text": "GDELT event 1", "rule": "gdelt:190"}]},
              {"source": "b", "target": "c", "relation": "related_to", "weight": 4}]})");
  ASSERT_EQ(run_stakegraph("convert " + q("old.json") + " " + q("new.json")).status, 0);
  const json g = json::parse(slurp(path("new.json")));
  std::map<std::string, json> by_target;
  for (const auto& e : g.at("edges"))
    by_target[e.at("source").get<std::string>() + e.at("target").get<std::string>()] = e;
  EXPECT_FALSE(by_target.at("ab").contains("weight"));
  EXPECT_FALSE(by_target.at("ac").contains("weight"));
  EXPECT_EQ(by_target.at("ac").at("goldstein"), -3.5);
  EXPECT_EQ(by_target.at("bc").at("weight"), 4.0);
  // A version 2 file keeps a weight of 1 as the user's.
  write("v2.json", R"({"format_version": 2, "nodes": [{"id": "a"}, {"id": "b"}],
    "edges": [{"source": "a", "target": "b", "weight": 1}]})");
  ASSERT_EQ(run_stakegraph("convert " + q("v2.json") + " " + q("v2b.json")).status, 0);
  EXPECT_EQ(json::parse(slurp(path("v2b.json"))).at("edges").at(0).at("weight"), 1.0);
  // The sample graph is a .sgpb written before Header.user_weights: its extraction edges
  // stored weight 1, read as none; written again, the file says user_weights and reads back
  // the same.
  const std::string sample =
      "'" + std::string(STAKEGRAPH_SOURCE_DIR) + "/samples/stakeholders.sgpb'";
  ASSERT_EQ(run_stakegraph("convert " + sample + " " + q("s.json")).status, 0);
  const json sample_json = json::parse(slurp(path("s.json")));
  for (const auto& e : sample_json.at("edges")) EXPECT_FALSE(e.contains("weight")) << e.dump();
  ASSERT_EQ(run_stakegraph("convert " + sample + " " + q("s.sgpb")).status, 0);
  ASSERT_EQ(run_stakegraph("convert " + q("s.sgpb") + " " + q("s2.json")).status, 0);
  EXPECT_EQ(slurp(path("s.json")), slurp(path("s2.json")));
}

// render --top and report rank as centrality does: by the file's weights by default.
//   a ==10== b      c --1-- d
//                   c --1-- e
// Unweighted, c (degree 2) is the top node; by weight, a and b (strength 10) are.
TEST_F(WeightsCliTest, RenderTopAndReportRankByWeightByDefault) {
  write("w.csv", "source,target,weight\na,b,10\nc,d,1\nc,e,1\n");
  auto drawn = [&](const std::string& args) {
    const auto r =
        run_stakegraph("render " + q("w.csv") + " --top 1 --by degree -o " + q("w.svg") + args);
    EXPECT_EQ(r.status, 0) << r.err;
    const std::string svg = slurp(path("w.svg"));
    std::string ids;
    for (const char* id : {"a", "b", "c", "d", "e"})
      if (svg.find("id=\"node&#45;" + std::string(id) + "\"") != std::string::npos) ids += id;
    return ids;
  };
  EXPECT_EQ(drawn(""), "a");
  EXPECT_EQ(drawn(" --weight weight"), "a");
  EXPECT_EQ(drawn(" --weight none"), "c");
  // A negative weight is refused where the ranking needs positive ones.
  write("neg.csv", "source,target,weight\na,b,-2\nb,c,3\n");
  const auto neg = run_stakegraph("report " + q("neg.csv") + " -o " + q("neg.html"));
  EXPECT_EQ(neg.status, 2) << neg.err;
  EXPECT_FALSE(std::filesystem::exists(path("neg.html")));
  EXPECT_EQ(
      run_stakegraph("report " + q("neg.csv") + " -o " + q("neg.html") + " --weight none").status,
      0);
}

}  // namespace
}  // namespace stakegraph
