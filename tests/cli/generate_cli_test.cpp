// `stakegraph generate`: the shape flags (--min-degree, --self-loop-share, --kind-hub-weight),
// the --profile gdelt preset (what it writes matches graph::gdelt_profile), overrides, and
// the usage errors (exit 2).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "graph/generate.hpp"
#include "io/formats/sgpb.hpp"
#include "tests/cli/run.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph {
namespace {

using test_support::run_stakegraph;
using GenerateCliTest = test_support::TempDirTest;

struct Shape {
  std::size_t nodes = 0, edges = 0, isolated = 0, loops = 0;
};

Shape shape_of(const graph::Graph& g) {
  Shape s;
  s.nodes = g.node_count();
  s.edges = g.edge_count();
  std::vector<std::size_t> degree(g.node_count(), 0);
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
    ++degree[g.source(*it)];
    ++degree[g.target(*it)];
    s.loops += g.source(*it) == g.target(*it);
  }
  for (std::size_t d : degree) s.isolated += d == 0;
  return s;
}

TEST_F(GenerateCliTest, GdeltProfileWritesThePreset) {
  const std::string out = path("g.sgpb");
  const auto r =
      run_stakegraph("generate --profile gdelt --edges 3000 --seed 3 -q -o '" + out + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  const Shape s = shape_of(io::load_sgpb(out));
  const graph::GenerateOptions o = graph::gdelt_profile(3000, 3);
  EXPECT_EQ(s.nodes, o.nodes);
  EXPECT_EQ(s.nodes, static_cast<std::size_t>(std::llround(3000 * 254.0 / 409.0)));
  EXPECT_EQ(s.edges, 3000u);
  EXPECT_EQ(s.isolated, 0u);
  EXPECT_EQ(s.loops, static_cast<std::size_t>(std::llround(o.self_loop_share * 3000)));
  EXPECT_GT(s.loops, 0u);
  // The same graph as the library makes from the preset.
  graph::GenerateOptions lib = o;
  const graph::Graph expected = graph::generate_graph(lib);
  EXPECT_EQ(shape_of(expected).loops, s.loops);
  EXPECT_EQ(io::load_sgpb(out).edge_count(), expected.edge_count());
}

TEST_F(GenerateCliTest, ExplicitOptionsOverrideTheProfile) {
  const std::string out = path("g.sgpb");
  const auto r = run_stakegraph(
      "generate --profile gdelt --edges 2000 --nodes 1500 "
      "--self-loop-share 0 -q -o '" +
      out + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  const Shape s = shape_of(io::load_sgpb(out));
  EXPECT_EQ(s.nodes, 1500u);
  EXPECT_EQ(s.loops, 0u);
  EXPECT_EQ(s.isolated, 0u);  // min_degree 1 kept from the profile
}

TEST_F(GenerateCliTest, ShapeFlags) {
  const std::string out = path("g.sgpb");
  const auto r = run_stakegraph(
      "generate --nodes 3000 --edges 4000 --exponent 2.0 --min-degree 1 --self-loop-share 0.05 "
      "--kind-hub-weight government=6 --kind-hub-weight person=0.5 -q -o '" +
      out + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  const graph::Graph g = io::load_sgpb(out);
  const Shape s = shape_of(g);
  EXPECT_EQ(s.nodes, 3000u);
  EXPECT_EQ(s.edges, 4000u);
  EXPECT_EQ(s.isolated, 0u);
  EXPECT_EQ(s.loops, 200u);
  // Governments hold most of the top 30 hubs (nodes n0..n29, the highest fitness), against
  // 34% of all nodes.
  int governments = 0;
  for (int i = 0; i < 30; ++i)
    governments += g.node(*g.find_node("n" + std::to_string(i))).kind == graph::Kind::kGovernment;
  EXPECT_GT(governments, 16);  // about 23 expected; 10 without coupling
}

TEST_F(GenerateCliTest, UsageErrors) {
  const std::string out = path("g.sgpb");
  for (const char* args : {"--min-degree 2", "--self-loop-share 1.5", "--self-loop-share -0.1",
                           "--kind-hub-weight government", "--kind-hub-weight nation=2",
                           "--kind-hub-weight government=x", "--kind-hub-weight government=0",
                           "--profile nosuch", "--nodes 100 --edges 50 --min-degree 1"}) {
    const auto r = run_stakegraph(std::string("generate ") + args + " -q -o '" + out + "'");
    EXPECT_EQ(r.status, 2) << args << ": " << r.err;
    EXPECT_FALSE(r.err.empty()) << args;
    EXPECT_FALSE(std::filesystem::exists(out)) << args;
  }
  const auto help = run_stakegraph("generate --help");
  EXPECT_EQ(help.status, 0);
  for (const char* flag : {"--min-degree", "--self-loop-share", "--kind-hub-weight", "--profile"})
    EXPECT_NE(help.out.find(flag), std::string::npos) << flag;
}

}  // namespace
}  // namespace stakegraph
