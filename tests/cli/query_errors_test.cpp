// Query errors through the CLI: queries naming unknown nodes end with exit 1 and the closest
// names suggested (UnknownNodeTest); usage errors end with exit 2 on one line, and a node that
// a query's own filters leave out is a usage error in every query (UsageErrorTest). Part of
// cli_bad_input_test (bad_input_test.cpp has the table of readers and damage).
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "io/formats/sgpb.hpp"
#include "tests/cli/run.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph {
namespace {

namespace fs = std::filesystem;
using test_support::run_stakegraph;

const std::string kArticle =
    std::string(STAKEGRAPH_SOURCE_DIR) + "/samples/articles/seed-huawei-allies.txt";
constexpr int kRunTimeoutSeconds = 120;

std::string quote(const std::string& s) { return "'" + s + "'"; }

// ---- queries naming unknown nodes -------------------------------------------------------------

struct Query {
  const char* name;
  const char* args;  // GRAPH is replaced by the graph file, OUT by an output path
};

const Query kQueries[] = {
    {"Neighbors", "neighbors GRAPH Huawai"},
    {"Show", "show GRAPH Huawai"},
    {"PathFrom", "path GRAPH Huawai BT"},
    {"PathTo", "path GRAPH BT Huawai"},
    {"PathAvoid", "path GRAPH BT Germany --avoid Huawai"},
    {"CentralityPersonalize", "centrality GRAPH --metric pagerank --personalize Huawai"},
    {"RenderFocus", "render GRAPH --focus Huawai -o OUT"},
    {"RenderPath", "render GRAPH --path Huawai BT -o OUT"},
};

void PrintTo(const Query& q, std::ostream* os) { *os << q.args; }

class UnknownNodeTest : public test_support::TempDirTest,
                        public ::testing::WithParamInterface<Query> {};

TEST_P(UnknownNodeTest, ExitOneSuggestsClosestNames) {
  const std::string graph_file = path("story.sgpb");
  io::save_sgpb(test_support::story_graph(), graph_file);
  const std::string out = path("drawing.svg");
  std::string args = GetParam().args;
  args.replace(args.find("GRAPH"), 5, quote(graph_file));
  if (const auto o = args.find("OUT"); o != std::string::npos) args.replace(o, 3, quote(out));
  const auto r = run_stakegraph(args, "", "", kRunTimeoutSeconds);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(test_support::count_lines(r.err), 1u) << r.err;
  EXPECT_EQ(r.err.rfind("stakegraph: error: " + graph_file + ": no node named 'Huawai'", 0), 0u)
      << r.err;
  EXPECT_NE(r.err.find("did you mean: Huawei"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_FALSE(fs::exists(out));
  std::cout << "[table] query " << GetParam().name << " -> exit " << r.status << ": " << r.err;
}

INSTANTIATE_TEST_SUITE_P(Queries, UnknownNodeTest, ::testing::ValuesIn(kQueries),
                         [](const ::testing::TestParamInfo<Query>& i) { return i.param.name; });

// ---- usage errors: exit 2, one line ----------------------------------------------------------

class UsageErrorTest : public test_support::TempDirTest {};

TEST_F(UsageErrorTest, ExitTwoOneLine) {
  const std::string g = path("story.sgpb");
  io::save_sgpb(test_support::story_graph(), g);
  const std::vector<std::string> usage_errors = {
      "convert " + quote(g) + " " + quote(path("x.unknown")),
      "stats " + quote(path("x.unknown")),
      "ingest " + quote(kArticle),
      "extract --format xml " + quote(kArticle),
      "no-such-command",
      "stats",
      "centrality " + quote(g) + " --metric nonsense"};
  for (const std::string& args : usage_errors) {
    const auto r = run_stakegraph(args, "", "", kRunTimeoutSeconds);
    EXPECT_EQ(r.status, 2) << args << ": " << r.err;
    EXPECT_EQ(test_support::count_lines(r.err), 1u) << args << ": " << r.err;
    EXPECT_EQ(r.err.rfind("stakegraph: usage error: ", 0), 0u) << args << ": " << r.err;
    EXPECT_EQ(r.out, "") << args;
  }
  EXPECT_FALSE(fs::exists(path("x.unknown")));
}

// A node that exists but that the command's own filters leave out is a usage error (exit 2)
// in every query, not an unknown name.
TEST_F(UsageErrorTest, NodeLeftOutByFiltersIsUsageError) {
  const std::string g = path("story.sgpb");
  io::save_sgpb(test_support::story_graph(), g);
  const std::vector<std::string> queries = {
      // Filters restrict what is printed unless --subgraph (issue 15): only then is the
      // personalization node left out of the computation.
      "centrality " + quote(g) +
          " --metric pagerank --personalize Huawei --kind government "
          "--subgraph",
      "neighbors " + quote(g) + " Huawei --kind government",
      "render " + quote(g) + " --focus Huawei --kind government -o " + quote(path("x.svg"))};
  for (const std::string& args : queries) {
    const auto r = run_stakegraph(args, "", "", kRunTimeoutSeconds);
    EXPECT_EQ(r.status, 2) << args << ": " << r.err;
    EXPECT_EQ(test_support::count_lines(r.err), 1u) << args << ": " << r.err;
    std::string lower = r.err;  // the node's name, or its id
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_NE(lower.find("huawei"), std::string::npos) << args << ": " << r.err;
    EXPECT_EQ(r.out, "") << args;
  }
  EXPECT_FALSE(fs::exists(path("x.svg")));
}

}  // namespace
}  // namespace stakegraph
