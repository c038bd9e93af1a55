// Issue 15, item 4: progress. Before, `import gdelt big.tsv 2>log` left the log empty, and
// ingest, betweenness, Louvain and render showed nothing when stderr was not a terminal.
// Now a non-terminal stderr gets a line every interval (STAKEGRAPH_PROGRESS_INTERVAL
// seconds, 5 by default; 0 here so that no test depends on timing), --quiet silences it and
// --progress forces step lines whatever the interval.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "io/formats/sgpb.hpp"
#include "tests/cli/run.hpp"
#include "tests/support/gdelt_rows.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph {
namespace {

using test_support::run_stakegraph;

// One GDELT 1.0 row (tests/support/gdelt_rows.hpp) with two actors.
std::string row(int id, const std::string& a1, const std::string& a2) {
  return test_support::gdelt_row({.id = id, .actor1 = a1, .actor2 = a2});
}

class ProgressCli : public test_support::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    std::string rows;
    const char* actors[] = {"USA", "CHN", "DEU", "FRA", "GBR", "RUS"};
    for (int i = 0; i < 300; ++i) rows += row(i + 1, actors[i % 6], actors[(i + 1 + i / 6) % 6]);
    tsv_ = write("big.tsv", rows);
    story_ = path("story.sgpb");
    io::save_sgpb(test_support::story_graph(), story_);
  }
  void TearDown() override {
    ::unsetenv("STAKEGRAPH_PROGRESS_INTERVAL");
    TempDirTest::TearDown();
  }
  // stderr lines that are progress lines of `label`.
  static std::size_t progress_lines(const std::string& err, const std::string& label) {
    std::size_t n = 0;
    for (std::size_t at = err.find("stakegraph: " + label); at != std::string::npos;
         at = err.find("stakegraph: " + label, at + 1))
      ++n;
    return n;
  }
  std::string tsv_, story_;
};

TEST_F(ProgressCli, ImportToALogLeavesProgressLinesAndQuietLeavesNone) {
  ::setenv("STAKEGRAPH_PROGRESS_INTERVAL", "0", 1);
  // `import gdelt big.tsv 2>log`: run_stakegraph sends stderr to a file.
  const auto r = run_stakegraph("import gdelt '" + tsv_ + "' -o '" + path("g.sgpb") + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_GE(progress_lines(r.err, "import"), 1u) << r.err;
  EXPECT_NE(r.err.find("300 rows"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(" s"), std::string::npos) << r.err;  // elapsed time
  const auto q = run_stakegraph("import gdelt '" + tsv_ + "' -o '" + path("q.sgpb") + "' --quiet");
  ASSERT_EQ(q.status, 0) << q.err;
  EXPECT_EQ(q.err, "");
  // With a long interval (run_stakegraph's default) a short run's log stays empty;
  // --progress forces a line per step and a final one.
  ::unsetenv("STAKEGRAPH_PROGRESS_INTERVAL");
  const auto p =
      run_stakegraph("import gdelt '" + tsv_ + "' -o '" + path("p.sgpb") + "' --progress");
  ASSERT_EQ(p.status, 0) << p.err;
  EXPECT_NE(p.err.find("stakegraph: import importing"), std::string::npos) << p.err;
  EXPECT_NE(p.err.find("stakegraph: import: 300 rows, "), std::string::npos) << p.err;
  EXPECT_EQ(
      run_stakegraph("import gdelt '" + tsv_ + "' -o '" + path("x.sgpb") + "' --progress --quiet")
          .status,
      2);
}

TEST_F(ProgressCli, IngestBetweennessLouvainAndRenderReportProgress) {
  ::setenv("STAKEGRAPH_PROGRESS_INTERVAL", "0", 1);
  const std::string a =
      write("a.txt", "One\nDate: 2019-05-15\n\nThe United States urged Germany to ban Huawei.\n");
  const std::string b =
      write("b.txt", "Two\nDate: 2019-05-16\n\nFrance urged Britain to ban ZTE.\n");
  const auto ingest = run_stakegraph("ingest '" + a + "' '" + b + "' -o '" + path("i.sgpb") + "'");
  ASSERT_EQ(ingest.status, 0) << ingest.err;
  EXPECT_NE(ingest.err.find("stakegraph: ingest extracting: 2/2 files, 2 articles"),
            std::string::npos)
      << ingest.err;
  const auto bc = run_stakegraph("centrality '" + story_ + "' --metric betweenness");
  ASSERT_EQ(bc.status, 0) << bc.err;
  EXPECT_NE(bc.err.find("stakegraph: centrality betweenness: 10/10 sources"), std::string::npos)
      << bc.err;
  const auto lv = run_stakegraph("clusters '" + story_ + "' --method louvain");
  ASSERT_EQ(lv.status, 0) << lv.err;
  EXPECT_NE(lv.err.find("passes"), std::string::npos) << lv.err;
  const auto quiet = run_stakegraph("clusters '" + story_ + "' --method louvain -q");
  EXPECT_EQ(quiet.err, "");
  ::unsetenv("STAKEGRAPH_PROGRESS_INTERVAL");
  const auto render =
      run_stakegraph("render '" + story_ + "' -o '" + path("s.svg") + "' --progress");
  ASSERT_EQ(render.status, 0) << render.err;
  EXPECT_NE(render.err.find("stakegraph: render layout"), std::string::npos) << render.err;
  EXPECT_NE(render.err.find("wrote"), std::string::npos) << render.err;
}

}  // namespace
}  // namespace stakegraph
