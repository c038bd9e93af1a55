// `report` run in-process (cli/report.hpp: run_report) writes the HTML file the binary
// writes, byte for byte, for the story graph (tests/test_graphs.hpp) saved as story.sgpb.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "cli/report.hpp"
#include "graph/error.hpp"
#include "tests/cli/inproc.hpp"
#include "tests/cli/run.hpp"

namespace stakegraph::cli {
namespace {

using test_support::slurp;

class ReportInProcess : public test_support::StoryFileTest {};

TEST_F(ReportInProcess, HtmlEqualsTheBinarys) {
  ReportOptions o;
  o.select.graph = file_;
  o.select.top = 6;
  o.select.clusters = "camps";
  o.title = "Story";
  o.output = path("in.html");
  std::ostringstream warnings;
  run_report(o, warnings);
  EXPECT_EQ(warnings.str(), "");
  binary("report", "--top 6 --clusters camps --title Story -o '" + path("bin.html") + "'");
  const std::string html = slurp(o.output);
  EXPECT_EQ(html, slurp(path("bin.html")));
  EXPECT_NE(html.find("Huawei"), std::string::npos);
}

TEST_F(ReportInProcess, UsageErrorsAreThrownBeforeAnyWork) {
  ReportOptions o;
  o.select.graph = file_;
  o.output = path("report.txt");
  std::ostringstream warnings;
  EXPECT_THROW(run_report(o, warnings), graph::InvalidArgument);
  o.output = path("report.html");
  o.select.clusters = "kmeans";
  EXPECT_THROW(run_report(o, warnings), graph::InvalidArgument);
  EXPECT_FALSE(std::filesystem::exists(o.output));
}

}  // namespace
}  // namespace stakegraph::cli
