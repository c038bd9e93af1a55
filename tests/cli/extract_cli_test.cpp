// `stakegraph extract` and `stakegraph ingest` end to end, and the dev-set quality floors
// measured by tests/tools/score_extraction.py on the dev articles and gold of tests/data/extract.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>

#include <nlohmann/json.hpp>

#include "tests/cli/run.hpp"
#include "tests/support/data.hpp"
#include "tests/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;
using stakegraph::test_support::run_stakegraph;

const std::string kSamples = std::string(STAKEGRAPH_SOURCE_DIR) + "/samples/articles";

class ExtractCli : public stakegraph::test_support::TempDirTest {};
class IngestCli : public stakegraph::test_support::TempDirTest {};

TEST_F(ExtractCli, JsonHasTheOntologyShape) {
  auto r = run_stakegraph("extract --format json '" + kSamples + "/seed-huawei-allies.txt'");
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j["nodes"].is_array());
  ASSERT_TRUE(j["edges"].is_array());
  bool huawei = false;
  for (const auto& n : j["nodes"]) {
    EXPECT_TRUE(n.contains("id") && n.contains("name") && n.contains("kind"));
    if (n["name"] == "Huawei") huawei = n["kind"] == "vendor";
  }
  EXPECT_TRUE(huawei);
  for (const auto& e : j["edges"]) {
    ASSERT_TRUE(e["evidence"].is_array());
    EXPECT_FALSE(e["evidence"].empty());
    EXPECT_TRUE(e["evidence"][0].contains("start"));
  }
}

TEST_F(ExtractCli, TextAndDotAndStdin) {
  auto t = run_stakegraph("extract --format text -", "Denmark banned Huawei on Monday.\n");
  ASSERT_EQ(t.status, 0) << t.err;
  EXPECT_NE(t.out.find("Denmark -SANCTION-> Huawei\tDenmark banned Huawei on Monday."),
            std::string::npos)
      << t.out;
  auto d = run_stakegraph("extract --format dot -", "Denmark banned Huawei on Monday.\n");
  ASSERT_EQ(d.status, 0) << d.err;
  EXPECT_NE(d.out.find("digraph"), std::string::npos);
}

TEST_F(ExtractCli, Errors) {
  auto r = run_stakegraph("extract /nonexistent/a.txt");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("/nonexistent/a.txt"), std::string::npos);
  auto f = run_stakegraph("extract --format xml -", "x");
  EXPECT_EQ(f.status, 2);
  const std::string bad = write("bad_utf8.txt", "Title: x\n\nab\xfe");
  auto u = run_stakegraph("extract '" + bad + "'");
  EXPECT_EQ(u.status, 1);
  EXPECT_NE(u.err.find("byte offset"), std::string::npos) << u.err;
}

TEST_F(ExtractCli, LexiconAndCorrections) {
  const std::string lex = write(
      "lex.textpb", "entry { name: \"Qorvex Wireless\" kind: \"operator\" alias: \"Qorvex\" }\n");
  const std::string corr =
      write("corr.textpb",
            "rename { node: \"Qorvex Wireless\" name: \"Qorvex Networks\" }\n"
            "drop_edge { source: \"Denmark\" relation: \"SANCTION\" target: \"ZTE\" }\n");
  const std::string text = "Denmark banned Qorvex. Denmark banned ZTE.\n";
  auto r = run_stakegraph(
      "extract --format text --lexicon '" + lex + "' --corrections '" + corr + "' -", text);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Denmark -SANCTION-> Qorvex Networks"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("ZTE"), std::string::npos) << r.out;
}

TEST_F(IngestCli, CreatesUpdatesIdempotent) {
  const fs::path out = path("ingest_test.sgpb");
  auto r1 = run_stakegraph("ingest '" + kSamples + "' -o '" + out.string() + "'");
  ASSERT_EQ(r1.status, 0) << r1.err;
  EXPECT_NE(r1.err.find("articles"), std::string::npos);
  auto s1 = stakegraph::test_support::slurp(out.string());
  auto r2 = run_stakegraph("ingest '" + kSamples + "' -o '" + out.string() + "'");
  ASSERT_EQ(r2.status, 0) << r2.err;
  auto s2 = stakegraph::test_support::slurp(out.string());
  EXPECT_EQ(s1, s2);  // re-ingesting changes nothing
  auto r3 = run_stakegraph("ingest /nonexistent -o '" + out.string() + "'");
  EXPECT_NE(r3.status, 0);
  EXPECT_EQ(stakegraph::test_support::slurp(out.string()), s1);  // no partial file
  // Only the native format is updated in place: another extension is a usage error.
  auto r4 = run_stakegraph("ingest '" + kSamples + "' -o '" + path("g.json") + "'");
  EXPECT_EQ(r4.status, 2) << r4.err;
  EXPECT_NE(r4.err.find("g.json"), std::string::npos) << r4.err;
  EXPECT_FALSE(fs::exists(path("g.json")));
}

TEST(ExtractQuality, DevSetFloors) {
  const std::string script =
      std::string(STAKEGRAPH_SOURCE_DIR) + "/tests/tools/score_extraction.py";
  const fs::path dev = stakegraph::test_support::test_data("extract");
  STAKEGRAPH_NEED_FILE("/usr/bin/python3");
  STAKEGRAPH_NEED_FILE(dev / "articles");
  STAKEGRAPH_NEED_FILE(dev / "gold");
  const std::string cmd = "/usr/bin/python3 '" + script + "' --bin '" + STAKEGRAPH_BIN +
                          "' --articles '" + (dev / "articles").string() + "' --gold '" +
                          (dev / "gold").string() + "'";
  FILE* p = ::popen(cmd.c_str(), "r");
  ASSERT_TRUE(p);
  std::string out;
  char buf[4096];
  while (std::fgets(buf, sizeof buf, p)) out += buf;
  ASSERT_EQ(::pclose(p), 0) << out;
  std::smatch m;
  std::regex re(
      R"(entities P=\S+ R=\S+ F1=(\S+) \| relations P=\S+ R=\S+ F1=(\S+) .*negated=(\d+))");
  ASSERT_TRUE(std::regex_search(out, m, re)) << out;
  const double ef = std::stod(m[1]), rf = std::stod(m[2]);
  const int neg = std::stoi(m[3]);
  RecordProperty("entity_f1", m[1]);
  RecordProperty("relation_f1", m[2]);
  // Floors at the level reached on the 23-article dev set (README "Extraction quality"): a
  // change that loses quality fails here. The issue's targets (entities 0.90, relations
  // 0.80) are not met yet; the README says so.
  EXPECT_GE(ef, 0.91) << out;
  EXPECT_GE(rf, 0.71) << out;
  EXPECT_EQ(neg, 0) << out;
}

}  // namespace
