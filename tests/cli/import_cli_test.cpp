// `stakegraph import gdelt`: the summary and --json counts on the real sample, merging into
// an existing graph (and into one made by article extraction), re-import, .gz input, --strict
// and the usage errors, each with its exit status.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/cli/run.hpp"
#include "tests/support/data.hpp"
#include "tests/support/gdelt_rows.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph {
namespace {

namespace fs = std::filesystem;
using test_support::run_stakegraph;

const fs::path kSample = test_support::test_data("gdelt/gdelt1_events_sample_710rows.tsv");

class ImportCliTest : public test_support::TempDirTest {
 protected:
  void SetUp() override { TempDirTest::SetUp(); }
};

// A GDELT 1.0 row (tests/support/gdelt_rows.hpp) with country-only actor codes.
std::string row(int id, const std::string& a1, const std::string& a2, const std::string& code,
                const std::string& goldstein = "1.0") {
  return test_support::gdelt_row(
      {.id = id, .actor1 = a1, .actor2 = a2, .event_code = code, .goldstein = goldstein});
}

nlohmann::json json_of(const test_support::RunResult& r) {
  EXPECT_EQ(r.status, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

TEST_F(ImportCliTest, RealSampleJsonCounts) {
  STAKEGRAPH_NEED_FILE(kSample);
  const std::string out = path("g.sgpb");
  // 710 rows: 471 with both actors (62 of them CAMEO root 01), 239 with one (counted with an
  // independent parser in tests/io/gdelt_test.cpp).
  const auto j =
      json_of(run_stakegraph("import gdelt '" + kSample.string() + "' -o '" + out + "' --json"));
  EXPECT_EQ(j["rows"], 710);
  EXPECT_EQ(j["rows_by_columns"]["57"], 201);
  EXPECT_EQ(j["rows_by_columns"]["58"], 509);
  EXPECT_EQ(j["one_actor_rows"], 239);
  EXPECT_EQ(j["statements_skipped"], 62);
  EXPECT_EQ(j["imported_rows"], 471 - 62);
  EXPECT_EQ(j["malformed_rows"], 0);
  const auto stats = json_of(run_stakegraph("stats '" + out + "' --json"));
  EXPECT_EQ(stats["edges"], j["graph"]["edges"]);
  EXPECT_EQ(stats["nodes"], j["graph"]["nodes"]);
  EXPECT_EQ(stats["evidence"].get<int>(),
            j["imported_rows"].get<int>() + j["part_of_added"].get<int>());
  // --keep-statements keeps the 62 as related_to.
  const auto k = json_of(run_stakegraph("import gdelt '" + kSample.string() + "' -o '" +
                                        path("k.json") + "' --json --keep-statements"));
  EXPECT_EQ(k["imported_rows"], 471);
  EXPECT_EQ(k["statements_kept"], 62);
  const auto kstats = json_of(run_stakegraph("stats '" + path("k.json") + "' --json"));
  EXPECT_GT(kstats["by_relation"]["related_to"].get<int>(), 0);
}

TEST_F(ImportCliTest, SummaryListsMalformedRowsWithLineNumbers) {
  const std::string f =
      write("m.tsv", row(1, "USA", "CHN", "043") + "bad\trow\n" + row(3, "USA", "CHN", "0x1"));
  const auto r = run_stakegraph("import gdelt '" + f + "' -o '" + path("m.sgpb") + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("malformed  2 rows"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(f + ":2: expected 57, 58 or 61 tab-separated fields, found 2"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(f + ":3: EventCode"), std::string::npos) << r.out;
  // --strict: exit 1 naming the file and line; no graph written.
  const auto s = run_stakegraph("import gdelt '" + f + "' -o '" + path("s.sgpb") + "' --strict");
  EXPECT_EQ(s.status, 1);
  EXPECT_NE(s.err.find(f + ":2:"), std::string::npos) << s.err;
  EXPECT_FALSE(fs::exists(path("s.sgpb")));
}

// Issue 13: a foreign JSON file read as an empty graph, so `import gdelt x.tsv -o
// package.json` replaced the user's file by a graph. It is refused, naming the file, and left
// as it was; `convert` and `generate` refuse to write over it too, unless --force.
TEST_F(ImportCliTest, ForeignJsonOutputIsNeitherReadNorOverwritten) {
  const std::string tsv = write("x.tsv", row(1, "USA", "CHN", "043"));
  const std::string package = R"({"name": "app", "version": "1.0.0", "dependencies": {}})";
  const std::string out = write("package.json", package);
  auto r = run_stakegraph("import gdelt '" + tsv + "' -o '" + out + "'");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find(out + ": not a stakegraph JSON graph"), std::string::npos) << r.err;
  EXPECT_EQ(test_support::slurp(out), package);
  write("empty-object.json", "{}");
  r = run_stakegraph("stats '" + path("empty-object.json") + "'");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("empty-object.json: not a stakegraph JSON graph"), std::string::npos)
      << r.err;
  const std::string graph = path("g.sgpb");
  ASSERT_EQ(run_stakegraph("import gdelt '" + tsv + "' -o '" + graph + "'").status, 0);
  r = run_stakegraph("convert '" + graph + "' '" + out + "'");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find(out + ": exists and is not a json graph file: refusing to overwrite it"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(test_support::count_lines(r.err), 1u) << r.err;
  EXPECT_EQ(test_support::slurp(out), package);
  r = run_stakegraph("generate --nodes 10 --edges 20 --seed 1 -q -o '" + out + "'");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(test_support::slurp(out), package);
  // A notes file under a graph extension is not overwritten either.
  const std::string notes = write("notes.csv", "todo,buy milk\n");
  EXPECT_EQ(run_stakegraph("convert '" + graph + "' '" + notes + "'").status, 1);
  EXPECT_EQ(test_support::slurp(notes), "todo,buy milk\n");
  // A graph of that format is overwritten as before; --force overwrites anything.
  ASSERT_EQ(run_stakegraph("convert '" + graph + "' '" + path("g.json") + "'").status, 0);
  EXPECT_EQ(run_stakegraph("convert '" + graph + "' '" + path("g.json") + "'").status, 0);
  r = run_stakegraph("convert --force '" + graph + "' '" + out + "'");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(test_support::slurp(out), test_support::slurp(path("g.json")));
}

TEST_F(ImportCliTest, MergesIntoAnExistingGraphAndReimportChangesNothing) {
  const std::string a =
      write("a.tsv", row(1, "USA", "CHN", "043", "2") + row(2, "USA", "DEU", "111"));
  const std::string b =
      write("b.tsv", row(3, "USA", "CHN", "043", "4") + row(4, "FRA", "DEU", "036"));
  const std::string out = path("g.sgpb");
  auto j = json_of(run_stakegraph("import gdelt '" + a + "' -o '" + out + "' --json"));
  EXPECT_EQ(j["graph"]["edges"], 2);
  j = json_of(run_stakegraph("import gdelt '" + b + "' -o '" + out + "' --json"));
  EXPECT_EQ(j["edges_added"], 1);
  EXPECT_EQ(j["rows_merged"], 1);
  EXPECT_EQ(j["graph"]["edges"], 3);
  EXPECT_EQ(j["graph"]["nodes"], 4);
  j = json_of(run_stakegraph("import gdelt '" + a + "' '" + b + "' -o '" + out + "' --json"));
  EXPECT_EQ(j["duplicate_rows"], 4);
  EXPECT_EQ(j["imported_rows"], 0);
  EXPECT_EQ(j["graph"]["edges"], 3);
  // The merged edge's Goldstein mean is the mean of its two rows (issue 15: not its weight).
  const auto r = run_stakegraph("convert '" + out + "' '" + path("g.json") + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  std::ifstream in(path("g.json"));
  const auto g = nlohmann::json::parse(in);
  int consult = 0;
  for (const auto& e : g["edges"]) {
    if (e["relation"] == "CONSULT") {
      ++consult;
      EXPECT_DOUBLE_EQ(e["goldstein"].get<double>(), 3.0);
      EXPECT_EQ(e["evidence"].size(), 2u);
    }
  }
  EXPECT_EQ(consult, 1);
}

// One United States node whichever source made it: article extraction, then GDELT.
TEST_F(ImportCliTest, OneNodePerActorWithArticleExtraction) {
  const std::string article =
      write("a.txt",
            "US urges Germany to drop Huawei\nDate: 2019-05-15\nSource: Example News\n\n"
            "The United States urged Germany to ban Huawei from its 5G networks.\n");
  const std::string out = path("g.sgpb");
  const auto ing = run_stakegraph("ingest '" + article + "' -o '" + out + "'");
  ASSERT_EQ(ing.status, 0) << ing.err;
  const std::string f = write("u.tsv", row(1, "USA", "DEU", "111") + row(2, "DEU", "USA", "043"));
  const auto imp = run_stakegraph("import gdelt '" + f + "' -o '" + out + "' --json");
  ASSERT_EQ(imp.status, 0) << imp.err;
  ASSERT_EQ(run_stakegraph("convert '" + out + "' '" + path("g.json") + "'").status, 0);
  std::ifstream in(path("g.json"));
  const auto g = nlohmann::json::parse(in);
  int us = 0, de = 0;
  for (const auto& n : g["nodes"]) {
    const std::string name = n["name"];
    us += name.find("United States") == 0 && n["kind"] == "government";
    de += name == "Germany";
  }
  EXPECT_EQ(us, 1) << g["nodes"].dump();
  EXPECT_EQ(de, 1) << g["nodes"].dump();
}

TEST_F(ImportCliTest, GzipInput) {
  const std::string text = row(1, "USA", "CHN", "043") + row(2, "USA", "CHN", "190");
  const std::string gz = path("e.CSV.gz");
  gzFile f = gzopen(gz.c_str(), "wb");
  gzwrite(f, text.data(), static_cast<unsigned>(text.size()));
  gzclose(f);
  const auto j =
      json_of(run_stakegraph("import gdelt '" + gz + "' -o '" + path("g.sgpb") + "' --json"));
  EXPECT_EQ(j["imported_rows"], 2);
  EXPECT_EQ(j["graph"]["edges"], 2);
}

TEST_F(ImportCliTest, UsageAndInputErrors) {
  const std::string f = write("a.tsv", row(1, "USA", "CHN", "043"));
  const std::string out = path("g.sgpb");
  auto r = run_stakegraph("import gdelt '" + f + "' -o '" + out + "' --root-codes 1,02");
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("'1'"), std::string::npos) << r.err;
  r = run_stakegraph("import gdelt '" + f + "' -o '" + out + "' --since 2019-13-01");
  EXPECT_EQ(r.status, 2) << r.err;
  r = run_stakegraph("import gdelt '" + f + "' -o '" + out +
                     "' --since 2019-06-01 --until 2019-05-01");
  EXPECT_EQ(r.status, 2) << r.err;
  r = run_stakegraph("import gdelt '" + f + "' -o '" + path("g.txt") + "'");
  EXPECT_EQ(r.status, 2) << r.err;
  r = run_stakegraph("import gdelt '" + f + "'");
  EXPECT_EQ(r.status, 2) << r.err;
  r = run_stakegraph("import gdelt '" + path("missing.tsv") + "' -o '" + out + "'");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("missing.tsv"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out));
  r = run_stakegraph("import nosuchformat '" + f + "' -o '" + out + "'");
  EXPECT_EQ(r.status, 2) << r.err;
  // A damaged existing graph is an error and stays as it was.
  const std::string damaged = write("bad.sgpb", "not a graph");
  r = run_stakegraph("import gdelt '" + f + "' -o '" + damaged + "'");
  EXPECT_EQ(r.status, 1) << r.err;
  std::ifstream in(damaged);
  std::string content((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(content, "not a graph");
  // Date filters through the CLI.
  const auto j = json_of(
      run_stakegraph("import gdelt '" + f + "' -o '" + out + "' --json --since 2019-05-16"));
  EXPECT_EQ(j["filtered_by_date"], 1);
  EXPECT_EQ(j["imported_rows"], 0);
}

}  // namespace
}  // namespace stakegraph
