// `stakegraph convert` end to end over the text formats: the karate club graph (from
// tests/data/oracles/karate.json, written as a CSV edge list) goes csv -> sgpb -> json ->
// graphml -> csv and comes back with the same 34 nodes and 78 edges; DOT is written; JSON
// goes to standard output; and every kind of bad input (empty, junk, invalid UTF-8, NUL byte,
// truncated, another format under the extension, missing file, directory) exits 1 with a
// one-line message naming the file and leaves no output file behind.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "graph/ontology.hpp"
#include "io/formats/csv.hpp"
#include "tests/cli/run.hpp"
#include "tests/support/data.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph {
namespace {

namespace fs = std::filesystem;
using test_support::run_stakegraph;
using test_support::slurp;

class FormatsCliTest : public test_support::TempDirTest {
 protected:
  void SetUp() override {
    const fs::path oracle = test_support::test_data("oracles/karate.json");
    STAKEGRAPH_NEED_FILE(oracle);
    TempDirTest::SetUp();
    // The karate club as a CSV edge list with every column: relations cycle through the
    // ontology, weights are fractional, kinds follow the node number.
    std::ifstream in(oracle);
    const auto edges = nlohmann::json::parse(in).at("edges");
    std::ofstream csv(path("karate.csv"));
    csv << "source,target,relation,weight,source_kind,target_kind\n";
    const auto& relations = graph::all_relations();
    const auto& kinds = graph::all_kinds();
    for (std::size_t i = 0; i < edges.size(); ++i) {
      const std::string s = edges[i].at(0), t = edges[i].at(1);
      csv << s << ',' << t << ',' << graph::relation_name(relations[i % relations.size()]) << ','
          << 0.25 * static_cast<double>(i % 7 + 1) << ','
          << graph::kind_name(kinds[std::stoul(s) % kinds.size()]) << ','
          << graph::kind_name(kinds[std::stoul(t) % kinds.size()]) << '\n';
    }
  }
  std::string q(const std::string& name) const { return "'" + path(name) + "'"; }

  // Files in the test directory (to see that nothing, not even a temporary, was left).
  std::set<std::string> files() const {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_)) out.insert(e.path().filename().string());
    return out;
  }

  // `convert IN OUT` must fail with exit 1, one line on stderr naming IN, and create no file.
  void expect_refused(const std::string& in, const std::string& what) {
    const std::set<std::string> before = files();
    const auto r = run_stakegraph("convert '" + in + "' " + q("out.sgpb"));
    EXPECT_EQ(r.status, 1) << what << ": " << r.err;
    EXPECT_EQ(test_support::count_lines(r.err), 1u) << what << ": " << r.err;
    EXPECT_NE(r.err.find(in), std::string::npos) << what << ": " << r.err;
    EXPECT_EQ(r.out, "") << what;
    EXPECT_EQ(files(), before) << what << ": a file was left behind";
  }
};

TEST_F(FormatsCliTest, KarateRoundTripsThroughEveryFormat) {
  const char* chain[] = {"karate.csv", "karate.sgpb", "karate.json", "karate.graphml", "back.csv"};
  for (std::size_t i = 0; i + 1 < std::size(chain); ++i) {
    const auto r = run_stakegraph("convert " + q(chain[i]) + " " + q(chain[i + 1]));
    ASSERT_EQ(r.status, 0) << chain[i] << " -> " << chain[i + 1] << ": " << r.err;
    EXPECT_EQ(r.err, "");
    ASSERT_TRUE(fs::exists(path(chain[i + 1])));
  }
  const graph::Graph first = io::load_csv(path("karate.csv"));
  const graph::Graph last = io::load_csv(path("back.csv"));
  EXPECT_EQ(first.node_count(), 34u);
  EXPECT_EQ(first.edge_count(), 78u);
  EXPECT_EQ(last.node_count(), 34u);
  EXPECT_EQ(last.edge_count(), 78u);
  EXPECT_EQ(test_support::graph_difference(first, last, /*compare_evidence=*/false), "");
  EXPECT_EQ(test_support::graph_difference(last, first, false), "");
  // csv -> csv directly gives the very same text as the long way round.
  ASSERT_EQ(run_stakegraph("convert " + q("karate.csv") + " " + q("direct.csv")).status, 0);
  EXPECT_EQ(slurp(path("back.csv")), slurp(path("direct.csv")));
}

TEST_F(FormatsCliTest, WritesDot) {
  const auto r = run_stakegraph("convert " + q("karate.csv") + " " + q("karate.dot"));
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string dot = slurp(path("karate.dot"));
  EXPECT_NE(dot.find("digraph"), std::string::npos) << dot.substr(0, 200);
  EXPECT_NE(dot.find("->"), std::string::npos);
}

TEST_F(FormatsCliTest, JsonToStandardOutput) {
  ASSERT_EQ(run_stakegraph("convert " + q("karate.csv") + " " + q("karate.json")).status, 0);
  const auto r = run_stakegraph("convert " + q("karate.json") + " - --to json");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("nodes").size(), 34u);
  EXPECT_EQ(j.at("edges").size(), 78u);
  EXPECT_EQ(r.out, slurp(path("karate.json")));
  // And back in from standard input.
  const auto back = run_stakegraph("convert - " + q("stdin.csv") + " --from json", r.out);
  ASSERT_EQ(back.status, 0) << back.err;
  EXPECT_EQ(io::load_csv(path("stdin.csv")).edge_count(), 78u);
}

TEST_F(FormatsCliTest, BadInputsExitOneNamingTheFile) {
  ASSERT_EQ(run_stakegraph("convert " + q("karate.csv") + " " + q("good.json")).status, 0);
  ASSERT_EQ(run_stakegraph("convert " + q("karate.csv") + " " + q("good.graphml")).status, 0);
  const std::map<std::string, std::string> good = {{"json", slurp(path("good.json"))},
                                                   {"graphml", slurp(path("good.graphml"))},
                                                   {"csv", slurp(path("karate.csv"))}};
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk += static_cast<char>(((i * 2654435761u) >> 13) & 0xFF);
  // Another format under each extension.
  const std::map<std::string, std::string> foreign = {
      {"json", good.at("csv")}, {"graphml", good.at("json")}, {"csv", good.at("graphml")}};
  for (const std::string ext : {"json", "graphml", "csv"}) {
    const std::string& text = good.at(ext);
    // Cut after a few lines, inside a record (CSV has no end marker: cut mid-line).
    std::size_t cut = 0;
    for (int lines = 0; lines < 12; ++lines) cut = text.find('\n', cut) + 1;
    cut += 7;
    std::string bad_utf8 = text;
    bad_utf8.insert(cut, "\xC3\x28");
    std::string nul = text;
    nul.insert(cut, 1, '\0');
    const std::map<std::string, std::string> cases = {{"empty", ""},
                                                      {"junk", junk},
                                                      {"invalid UTF-8", bad_utf8},
                                                      {"NUL byte", nul},
                                                      {"truncated", text.substr(0, cut)},
                                                      {"wrong format", foreign.at(ext)}};
    for (const auto& [what, content] : cases) {
      const std::string file = path("bad." + ext);
      std::ofstream(file, std::ios::binary) << content;
      expect_refused(file, ext + " " + what);
      fs::remove(file);
    }
    expect_refused(path("missing." + ext), ext + " missing file");
    fs::create_directory(path("dir." + ext));
    expect_refused(path("dir." + ext), ext + " directory");
    fs::remove(path("dir." + ext));
  }
}

}  // namespace
}  // namespace stakegraph
