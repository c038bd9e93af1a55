// `render` run in-process (cli/render.hpp: run_render) writes, byte for byte, the DOT files
// the binary wrote before the selection left the CLI (tests/data/golden/, see
// tests/data/README.md; tests/cli/golden_cli_test.cpp checks the binary against the same
// files). A .dot output makes no Graphviz call and no warning.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "cli/render.hpp"
#include "graph/error.hpp"
#include "tests/cli/run.hpp"
#include "tests/support/data.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph::cli {
namespace {

using test_support::slurp;
using test_support::test_data;

class RenderInProcess : public test_support::TempDirTest {
 protected:
  // Runs `o` into OUT/<golden> and compares with the golden of that name.
  void expect_golden(RenderOptions o, const std::string& golden) {
    o.output = path(golden);
    std::ostringstream warnings;
    run_render(o, warnings);
    EXPECT_EQ(warnings.str(), "") << golden;
    EXPECT_EQ(slurp(o.output), slurp(test_data("golden/" + golden).string())) << golden;
  }
};

TEST_F(RenderInProcess, DotEqualsTheGoldens) {
  const std::string les = test_data("les_miserables.graphml").string();
  const std::string story = test_data("render/init_rank_failure.sgpb").string();
  RenderOptions o;
  o.select.graph = les;
  o.select.top = 12;
  o.select.clusters = "louvain";
  expect_golden(o, "les_top12_louvain.dot");
  o = RenderOptions{};
  o.select.graph = les;
  o.select.path = {"Napoleon", "Javert"};
  o.select.top = 8;
  o.select.by = "betweenness";
  o.select.clusters = "components";
  expect_golden(o, "les_path_betweenness.dot");
  o = RenderOptions{};
  o.select.graph = story;
  o.select.clusters = "camps";
  expect_golden(o, "story_camps.dot");
  o = RenderOptions{};
  o.select.graph = story;
  o.select.focus = "Huawei";
  o.select.clusters = "louvain";
  o.select.subgraph = true;
  o.title = "Huawei";
  expect_golden(o, "story_focus_subgraph.dot");
  o = RenderOptions{};
  o.select.graph = story;
  o.select.top = 10;
  o.select.by = "pagerank";
  o.select.kinds = {"vendor", "operator", "government"};
  o.select.no_hedged = true;
  expect_golden(o, "story_pagerank_kinds.dot");
  o = RenderOptions{};
  o.select.graph = story;
  o.select.top = 6;
  o.select.weight.value = "none";
  o.parallel = "separate";
  o.no_legend = true;
  expect_golden(o, "story_weight_none.dot");
}

TEST_F(RenderInProcess, UsageErrorsAreThrownBeforeAnyWork) {
  RenderOptions o;
  o.select.graph = path("absent.sgpb");  // never opened: the usage errors come first
  o.output = path("out.txt");
  std::ostringstream warnings;
  EXPECT_THROW(run_render(o, warnings), graph::InvalidArgument);
  o.output = path("out.dot");
  o.parallel = "sometimes";
  EXPECT_THROW(run_render(o, warnings), graph::InvalidArgument);
  o.parallel = "auto";
  o.select.by = "closeness";
  EXPECT_THROW(run_render(o, warnings), graph::InvalidArgument);
  o.select.by = "degree";
  EXPECT_THROW(run_render(o, warnings), graph::Error);  // now the missing file
  EXPECT_FALSE(std::filesystem::exists(o.output));
}

}  // namespace
}  // namespace stakegraph::cli
