// `render -o X.dot` and `clusters` print, byte for byte, what they printed before the
// clustering choice and the drawing selection left the CLI (graph/cluster.hpp,
// io/render/draw_selection.hpp): the goldens of tests/data/golden/ were written by the build
// of commit 99402d6 (tests/data/README.md lists the commands).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "tests/cli/run.hpp"
#include "tests/support/data.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph::cli {
namespace {

using test_support::run_stakegraph;
using test_support::slurp;
using test_support::test_data;

std::string golden(const std::string& name) {
  const auto path = test_data("golden/" + name);
  EXPECT_TRUE(std::filesystem::exists(path)) << path;
  return slurp(path.string());
}

const std::string kLes = "'" + test_data("les_miserables.graphml").string() + "'";
const std::string kStory = "'" + test_data("render/init_rank_failure.sgpb").string() + "'";

class GoldenCli : public test_support::TempDirTest {};

TEST_F(GoldenCli, RenderDotEqualsTheGoldens) {
  const std::vector<std::pair<std::string, std::string>> runs = {
      {"les_top12_louvain.dot", kLes + " --top 12 --clusters louvain"},
      {"les_path_betweenness.dot",
       kLes + " --path Napoleon Javert --top 8 --by betweenness --clusters components"},
      {"story_camps.dot", kStory + " --clusters camps"},
      {"story_focus_subgraph.dot",
       kStory + " --focus Huawei --depth 1 --clusters louvain --subgraph --title Huawei"},
      {"story_pagerank_kinds.dot", kStory + " --top 10 --by pagerank --kind vendor --kind "
                                            "operator --kind government --no-hedged"},
      {"story_weight_none.dot",
       kStory + " --top 6 --weight none --parallel-edges separate --no-legend"},
  };
  for (const auto& [name, args] : runs) {
    const std::string out = path(name);
    const auto r = run_stakegraph("render " + args + " -o '" + out + "'");
    ASSERT_EQ(r.status, 0) << args << "\n" << r.err;
    EXPECT_EQ(slurp(out), golden(name)) << args;
  }
}

TEST_F(GoldenCli, ClustersEqualTheGoldens) {
  for (const char* m :
       {"components", "strong-components", "louvain", "label-propagation", "camps"}) {
    const std::string method = m;
    auto r = run_stakegraph("clusters --method " + method + " " + kLes);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, golden("les_" + method + ".txt")) << method;
    r = run_stakegraph("clusters --method " + method + " --json " + kStory);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, golden("story_" + method + ".json")) << method;
  }
  const auto r = run_stakegraph(
      "clusters --method louvain --weight none --resolution 1.5 --seed 7 --restarts 2 " + kLes);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, golden("les_louvain_options.txt"));
}

}  // namespace
}  // namespace stakegraph::cli
