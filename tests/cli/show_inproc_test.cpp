// `show` run in-process (cli/show.hpp: run_show on a stream) gives what the stakegraph binary
// prints, byte for byte. The graph is story_graph (tests/test_graphs.hpp): Huawei has 5
// outgoing edges (supplies BT, EE, Vodafone, Three; rejects the allegation) and
// 3 incoming (sanctioned by the United States, implicated by the allegation, Ren part of).
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "cli/show.hpp"
#include "graph/error.hpp"
#include "io/formats/formats.hpp"
#include "tests/cli/run.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::cli {
namespace {

using test_support::run_stakegraph;

class ShowInProcess : public test_support::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    file_ = path("story.sgpb");
    io::save_graph(test_support::story_graph(), file_);
  }
  std::string in_process(const ShowOptions& o) {
    std::ostringstream out;
    run_show(o, out);
    return out.str();
  }
  std::string binary(const std::string& args) {
    const auto r = run_stakegraph("show '" + file_ + "' " + args);
    EXPECT_EQ(r.status, 0) << r.err;
    return r.out;
  }
  std::string file_;
};

TEST_F(ShowInProcess, TextEqualsTheBinarys) {
  ShowOptions o;
  o.graph = file_;
  o.node = "Huawei";
  const std::string text = in_process(o);
  EXPECT_EQ(text, binary("Huawei"));
  EXPECT_NE(text.find("outgoing (5)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("incoming (3)\n"), std::string::npos) << text;
  o.limit = 2;
  o.limit_given = true;
  const std::string limited = in_process(o);
  EXPECT_EQ(limited, binary("Huawei --limit 2"));
  EXPECT_NE(limited.find("... and 6 more edges"), std::string::npos) << limited;
  o = ShowOptions{};
  o.graph = file_;
  o.node = "US";  // an alias
  o.since = "2019-05-01";
  EXPECT_EQ(in_process(o), binary("US --since 2019-05-01"));
}

TEST_F(ShowInProcess, JsonEqualsTheBinarys) {
  ShowOptions o;
  o.graph = file_;
  o.node = "Huawei";
  o.json = true;
  const std::string js = in_process(o);
  EXPECT_EQ(js, binary("Huawei --json"));
  EXPECT_NE(js.find("\"more_edges\": 0"), std::string::npos) << js;  // JSON lists every edge
  o.limit = 1;
  o.limit_given = true;
  const std::string limited = in_process(o);
  EXPECT_EQ(limited, binary("Huawei --json --limit 1"));
  EXPECT_NE(limited.find("\"more_edges\": 7"), std::string::npos) << limited;
}

TEST_F(ShowInProcess, UnknownNodeIsThrownNotPrinted) {
  ShowOptions o;
  o.graph = file_;
  o.node = "Huawai";
  std::ostringstream out;
  EXPECT_THROW(run_show(o, out), graph::NotFound);
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(run_stakegraph("show '" + file_ + "' Huawai").status, 1);
}

}  // namespace
}  // namespace stakegraph::cli
