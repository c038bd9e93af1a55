// `stats` run in-process (cli/stats.hpp: run_stats on a stream) gives what the stakegraph
// binary prints, byte for byte, and the counts of the graph drawn in tests/test_graphs.hpp
// (story_graph: 10 nodes, 11 edges, 2 articles, 9 evidence items, 4 of the edges
// Huawei -supplies-> an operator).
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "cli/stats.hpp"
#include "graph/error.hpp"
#include "io/formats/formats.hpp"
#include "tests/cli/run.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::cli {
namespace {

using test_support::run_stakegraph;

class StatsInProcess : public test_support::TempDirTest {
 protected:
  std::string in_process(const StatsOptions& o) {
    std::ostringstream out;
    run_stats(o, out);
    return out.str();
  }
  // The binary's standard output for `stats ARGS`, which must succeed.
  std::string binary(const std::string& args) {
    const auto r = run_stakegraph("stats " + args);
    EXPECT_EQ(r.status, 0) << r.err;
    return r.out;
  }
};

TEST_F(StatsInProcess, TextAndJsonEqualTheBinarys) {
  const std::string sgpb = path("story.sgpb"), json = path("story.json");
  io::save_graph(test_support::story_graph(), sgpb);
  io::save_graph(test_support::story_graph(), json);
  for (const std::string& file : {sgpb, json}) {
    StatsOptions o;
    o.graph = file;
    const std::string text = in_process(o);
    EXPECT_EQ(text, binary("'" + file + "'")) << file;
    EXPECT_NE(text.find("  nodes     10\n  edges     11\n  articles  2\n  evidence  9\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("  supplies 4\n"), std::string::npos) << text;
    o.json = true;
    const std::string js = in_process(o);
    EXPECT_EQ(js, binary("--json '" + file + "'")) << file;
    EXPECT_NE(js.find("\"edges\": 11"), std::string::npos) << js;
    o.since = "2019-05-01";
    EXPECT_EQ(in_process(o), binary("--json --since 2019-05-01 '" + file + "'")) << file;
  }
}

TEST_F(StatsInProcess, ErrorsAreThrownNotPrinted) {
  StatsOptions o;
  o.graph = path("absent.sgpb");
  std::ostringstream out;
  EXPECT_THROW(run_stats(o, out), graph::Error);
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(run_stakegraph("stats '" + o.graph + "'").status, 1);
}

}  // namespace
}  // namespace stakegraph::cli
