// `path` run in-process (cli/path.hpp: run_path on a stream) gives what the stakegraph binary
// prints, byte for byte. The graph is story_graph (tests/test_graphs.hpp): BT to Germany is
// BT - Huawei - United States - Germany (3 hops, undirected); directed there is none (BT
// only receives).
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "cli/path.hpp"
#include "graph/error.hpp"
#include "tests/cli/inproc.hpp"
#include "tests/cli/run.hpp"

namespace stakegraph::cli {
namespace {

using test_support::run_stakegraph;

class PathInProcess : public test_support::StoryFileTest {
 protected:
  std::string in_process(const PathOptions& o) { return test_support::in_process(run_path, o); }
  std::string binary(const std::string& args) const { return StoryFileTest::binary("path", args); }
  PathOptions options(const std::string& from, const std::string& to) const {
    PathOptions o;
    o.graph = file_;
    o.from = from;
    o.to = to;
    return o;
  }
};

TEST_F(PathInProcess, TextAndJsonEqualTheBinarys) {
  PathOptions o = options("BT", "Germany");
  const std::string text = in_process(o);
  EXPECT_EQ(text, binary("BT Germany"));
  EXPECT_NE(text.find("path 1: 3 hops"), std::string::npos) << text;
  o.weight.value = "none";
  o.json = true;
  EXPECT_EQ(in_process(o), binary("BT Germany --weight none --json"));
  o = options("BT", "Germany");
  o.directed = true;
  const std::string none = in_process(o);
  EXPECT_EQ(none, binary("BT Germany --directed"));
  EXPECT_EQ(none, "no path from BT to Germany\n");
  o = options("EE", "Three");
  o.all = true;
  o.since = "2019-01-01";
  EXPECT_EQ(in_process(o), binary("EE Three --all --since 2019-01-01"));
  o = options("Germany", "EE");
  o.k = 2;
  o.avoid = {"Vodafone"};
  EXPECT_EQ(in_process(o), binary("Germany EE -k 2 --avoid Vodafone"));
}

TEST_F(PathInProcess, ErrorsAreThrownNotPrinted) {
  PathOptions o = options("BT", "Germani");
  std::ostringstream out;
  EXPECT_THROW(run_path(o, out), graph::NotFound);
  o = options("BT", "Germany");
  o.all = true;
  o.k = 2;
  EXPECT_THROW(run_path(o, out), graph::InvalidArgument);
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(run_stakegraph("path '" + file_ + "' BT Germani").status, 1);
}

}  // namespace
}  // namespace stakegraph::cli
