// `timeline` run in-process (cli/timeline.hpp: run_timeline on a stream) gives what the
// stakegraph binary prints, byte for byte. The graph is story_graph (tests/test_graphs.hpp):
// its evidence is dated by two articles, 2019-02-01 and 2019-05-15 (one item, the second
// sanction sentence); three edges carry no evidence.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "cli/timeline.hpp"
#include "graph/error.hpp"
#include "tests/cli/inproc.hpp"
#include "tests/cli/run.hpp"

namespace stakegraph::cli {
namespace {

using test_support::run_stakegraph;

class TimelineInProcess : public test_support::StoryFileTest {
 protected:
  std::string in_process(const TimelineOptions& o) {
    return test_support::in_process(run_timeline, o);
  }
  std::string binary(const std::string& args) const {
    return StoryFileTest::binary("timeline", args);
  }
};

TEST_F(TimelineInProcess, TextAndJsonEqualTheBinarys) {
  TimelineOptions o;
  o.graph = file_;
  const std::string text = in_process(o);
  EXPECT_EQ(text, binary(""));
  EXPECT_NE(text.find("2019-05"), std::string::npos) << text;
  o.nodes = {"Huawei", "US"};
  o.by = "year";
  EXPECT_EQ(in_process(o), binary("Huawei US --by year"));
  o.json = true;
  o.relations = {"sanction"};
  o.since = "2019-03-01";
  EXPECT_EQ(in_process(o), binary("Huawei US --by year --json --relation sanction --since "
                                  "2019-03-01"));
}

TEST_F(TimelineInProcess, ErrorsAreThrownNotPrinted) {
  TimelineOptions o;
  o.graph = file_;
  o.by = "fortnight";
  std::ostringstream out;
  EXPECT_THROW(run_timeline(o, out), graph::InvalidArgument);
  o.by = "month";
  o.nodes = {"Huawai"};
  EXPECT_THROW(run_timeline(o, out), graph::NotFound);
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(run_stakegraph("timeline '" + file_ + "' Huawai").status, 1);
}

}  // namespace
}  // namespace stakegraph::cli
