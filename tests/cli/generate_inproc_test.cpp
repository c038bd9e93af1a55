// `generate` run in-process (cli/generate.hpp: run_generate, its summary on a stream) writes
// the graph file the stakegraph binary writes, byte for byte, and the one it wrote before
// generate became a public run_generate (tests/data/golden/generate_*.json, see
// tests/data/README.md): 12 nodes, 30 edges, seed 4, every node with an edge, vendors
// three times as likely as the other kinds to be hubs; and the GDELT profile on 40 edges.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "cli/generate.hpp"
#include "graph/error.hpp"
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

class GenerateInProcess : public test_support::TempDirTest {};

TEST_F(GenerateInProcess, FilesEqualTheBinarysAndTheGoldens) {
  GenerateOptions o;
  o.nodes = 12;
  o.nodes_given = true;
  o.edges = 30;
  o.seed = 4;
  o.min_degree = 1;
  o.min_degree_given = true;
  o.kind_hub_weights = {"vendor=3"};
  o.output = path("g.json");
  std::ostringstream summary;
  run_generate(o, summary);
  EXPECT_EQ(summary.str().rfind("generated 12 nodes, 30 edges, ", 0), 0u) << summary.str();
  const auto r = run_stakegraph(
      "generate --nodes 12 --edges 30 --seed 4 --min-degree 1 "
      "--kind-hub-weight vendor=3 -q -o '" +
      path("bin.json") + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");  // -q
  EXPECT_EQ(slurp(o.output), slurp(path("bin.json")));
  EXPECT_EQ(slurp(o.output), golden("generate_12_30.json"));
  // The profile, with --nodes over it; quiet: nothing on the stream.
  o = GenerateOptions{};
  o.profile = "gdelt";
  o.edges = 40;
  o.seed = 2;
  o.no_text = true;
  o.quiet = true;
  o.output = path("p.json");
  summary.str("");
  run_generate(o, summary);
  EXPECT_EQ(summary.str(), "");
  EXPECT_EQ(slurp(o.output), golden("generate_gdelt_40.json"));
}

TEST_F(GenerateInProcess, ErrorsAreThrownNotPrinted) {
  std::ostringstream summary;
  GenerateOptions o;
  o.edges = 10;
  o.output = path("g.yaml");  // unknown extension
  EXPECT_THROW(run_generate(o, summary), graph::InvalidArgument);
  o.output = path("g.json");
  o.profile = "acled";
  EXPECT_THROW(run_generate(o, summary), graph::InvalidArgument);
  o.profile.clear();
  for (const char* bad : {"vendor", "vendor=x", "planet=2", "vendor=2y"}) {
    o.kind_hub_weights = {bad};
    EXPECT_THROW(run_generate(o, summary), graph::InvalidArgument) << bad;
  }
  EXPECT_FALSE(std::filesystem::exists(o.output));
  EXPECT_EQ(summary.str(), "");
  auto r = run_stakegraph("generate --edges 10 --kind-hub-weight vendor=x -o '" + o.output + "'");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--kind-hub-weight vendor=x: expected KIND=WEIGHT"), std::string::npos)
      << r.err;
  r = run_stakegraph("generate --edges 10 -o '" + path("g.yaml") + "'");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("unknown extension"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace stakegraph::cli
