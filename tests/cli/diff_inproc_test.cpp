// `diff` run in-process (cli/diff.hpp: run_diff on a stream) gives what the stakegraph binary
// prints, byte for byte. Before: story_graph (tests/test_graphs.hpp); after: the same with
// Ericsson added, supplying BT. One graph cut by date: the story's evidence before
// 2019-03-01 (article "seed") against the evidence from then on (article "second", one
// item on the sanction).
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "cli/diff.hpp"
#include "graph/error.hpp"
#include "io/formats/formats.hpp"
#include "tests/cli/inproc.hpp"
#include "tests/cli/run.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::cli {
namespace {

using test_support::run_stakegraph;

class DiffInProcess : public test_support::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    before_ = path("before.sgpb");
    after_ = path("after.json");
    graph::Graph g = test_support::story_graph();
    io::save_graph(g, before_);
    const graph::NodeIndex ericsson = g.add_node("Ericsson", graph::Kind::kVendor);
    g.add_edge(ericsson, *g.find_node("BT"), graph::Relation::kSupplies);
    io::save_graph(g, after_);
  }
  std::string in_process(const DiffOptions& o) { return test_support::in_process(run_diff, o); }
  std::string binary(const std::string& args) {
    return test_support::binary_output("diff " + args);
  }
  std::string before_, after_;
};

TEST_F(DiffInProcess, TwoFilesAndOneByDateEqualTheBinarys) {
  DiffOptions o;
  o.graphs = {before_, after_};
  const std::string text = in_process(o);
  EXPECT_EQ(text, binary("'" + before_ + "' '" + after_ + "'"));
  EXPECT_NE(text.find("nodes added (1)\n  + Ericsson  (vendor)\n"), std::string::npos) << text;
  o.json = true;
  EXPECT_EQ(in_process(o), binary("--json '" + before_ + "' '" + after_ + "'"));
  o = DiffOptions{};
  o.graphs = {before_};
  o.from = "2019-03-01";
  o.evidence = 2;
  EXPECT_EQ(in_process(o), binary("'" + before_ + "' --from 2019-03-01 --evidence 2"));
  o.json = true;
  o.to = "2019-12-31";
  EXPECT_EQ(in_process(o), binary("'" + before_ +
                                  "' --from 2019-03-01 --evidence 2 --json "
                                  "--to 2019-12-31"));
}

TEST_F(DiffInProcess, ErrorsAreThrownNotPrinted) {
  DiffOptions o;
  o.graphs = {before_};
  std::ostringstream out;
  EXPECT_THROW(run_diff(o, out), graph::InvalidArgument);  // one file without --from
  o.graphs = {before_, after_};
  o.from = "2019-03-01";
  EXPECT_THROW(run_diff(o, out), graph::InvalidArgument);  // dates with two files
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(run_stakegraph("diff '" + before_ + "'").status, 2);
}

}  // namespace
}  // namespace stakegraph::cli
