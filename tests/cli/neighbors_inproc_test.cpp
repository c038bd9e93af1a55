// `neighbors` run in-process (cli/neighbors.hpp: run_neighbors on a stream) gives what the
// stakegraph binary prints, byte for byte. The graph is story_graph (tests/test_graphs.hpp):
// Huawei's 1-hop neighbourhood is the United States, BT, EE, Vodafone, Three, the allegation
// and Ren (7 nodes); within 2 hops Germany and The Wall Street Journal join (9).
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "cli/neighbors.hpp"
#include "graph/error.hpp"
#include "tests/cli/inproc.hpp"
#include "tests/cli/run.hpp"

namespace stakegraph::cli {
namespace {

using test_support::run_stakegraph;

class NeighborsInProcess : public test_support::StoryFileTest {
 protected:
  std::string in_process(const NeighborsOptions& o) {
    return test_support::in_process(run_neighbors, o);
  }
  std::string binary(const std::string& args) const {
    return StoryFileTest::binary("neighbors", args);
  }
  NeighborsOptions options(const std::string& node) const {
    NeighborsOptions o;
    o.graph = file_;
    o.node = node;
    return o;
  }
};

TEST_F(NeighborsInProcess, TextEqualsTheBinarys) {
  NeighborsOptions o = options("Huawei");
  const std::string text = in_process(o);
  EXPECT_EQ(text, binary("Huawei"));
  EXPECT_NE(text.find("7 nodes within 1 hop"), std::string::npos) << text;
  o.depth = 2;
  const std::string two = in_process(o);
  EXPECT_EQ(two, binary("Huawei --depth 2"));
  EXPECT_NE(two.find("9 nodes within 2 hops"), std::string::npos) << two;
  o = options("US");
  o.direction = "out";
  o.filters.kinds = {"government", "vendor"};
  EXPECT_EQ(in_process(o), binary("US --direction out --kind government --kind vendor"));
  o.filters.subgraph = true;
  EXPECT_EQ(in_process(o), binary("US --direction out --kind government --kind vendor --subgraph"));
}

TEST_F(NeighborsInProcess, JsonEqualsTheBinarys) {
  NeighborsOptions o = options("Huawei");
  o.json = true;
  const std::string js = in_process(o);
  EXPECT_EQ(js, binary("Huawei --json"));
  EXPECT_NE(js.find("\"center\""), std::string::npos) << js;
  o.limit = 2;
  o.limit_given = true;
  EXPECT_EQ(in_process(o), binary("Huawei --json --limit 2"));
}

TEST_F(NeighborsInProcess, ErrorsAreThrownNotPrinted) {
  NeighborsOptions o = options("Huawai");
  std::ostringstream out;
  EXPECT_THROW(run_neighbors(o, out), graph::NotFound);
  o = options("Huawei");
  o.direction = "sideways";
  EXPECT_THROW(run_neighbors(o, out), graph::InvalidArgument);
  o = options("Huawei");
  o.filters.kinds = {"operator"};
  EXPECT_THROW(run_neighbors(o, out), graph::InvalidArgument);
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(run_stakegraph("neighbors '" + file_ + "' Huawai").status, 1);
}

}  // namespace
}  // namespace stakegraph::cli
