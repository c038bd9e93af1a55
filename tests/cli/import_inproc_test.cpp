// `import gdelt` run in-process (cli/import_gdelt.hpp: run_import_gdelt on a stream) writes
// the graph file and prints the summary the stakegraph binary does, byte for byte (but the
// seconds): rows of our own made by tests/support/gdelt_rows.hpp,
//   1  USA -043-> CHN      2  CHN -111-> USA      3  a malformed row (two fields)
//   4  USA -043-> CHN (a second event on the edge of row 1)
// and the 7 GDELT 2.0 rows of tests/data/gdelt.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/import_gdelt.hpp"
#include "graph/error.hpp"
#include "io/error.hpp"
#include "tests/cli/run.hpp"
#include "tests/support/data.hpp"
#include "tests/support/gdelt_rows.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph::cli {
namespace {

using test_support::run_stakegraph;
using test_support::slurp;

const std::string kGdelt2 =
    test_support::test_data("gdelt/gdelt2_export_excerpt_7rows_newsnet.tsv").string();

std::string row(int id, const std::string& a1, const std::string& a2, const std::string& code) {
  return test_support::gdelt_row({.id = id, .actor1 = a1, .actor2 = a2, .event_code = code});
}

// The text summary without its last line ("  graph ... (S s)"), which holds the seconds.
std::string without_last_line(const std::string& text) {
  const std::size_t end = text.rfind('\n', text.size() - 2);
  return end == std::string::npos ? text : text.substr(0, end + 1);
}

class ImportInProcess : public test_support::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    rows_ = write("rows.tsv", row(1, "USA", "CHN", "043") + row(2, "CHN", "USA", "111") +
                                  "bad\trow\n" + row(4, "USA", "CHN", "043"));
  }
  std::string import(const ImportGdeltOptions& o) {
    std::ostringstream out;
    run_import_gdelt(o, out);
    return out.str();
  }
  std::string rows_;
};

TEST_F(ImportInProcess, SummaryAndGraphEqualTheBinarys) {
  ImportGdeltOptions o;
  o.inputs = {rows_};
  o.output = path("g.json");
  o.progress.quiet = true;
  const std::string text = import(o);
  const auto bin = run_stakegraph("import gdelt '" + rows_ + "' -o '" + path("b.json") + "' -q");
  ASSERT_EQ(bin.status, 0) << bin.err;
  EXPECT_EQ(slurp(o.output), slurp(path("b.json")));
  std::string theirs = bin.out;
  for (std::size_t at; (at = theirs.find(path("b.json"))) != std::string::npos;)
    theirs.replace(at, path("b.json").size(), o.output);
  EXPECT_EQ(without_last_line(text), without_last_line(theirs));
  EXPECT_NE(text.find("imported 3 of 4 rows from 1 file\n"), std::string::npos) << text;
  EXPECT_NE(text.find("    " + rows_ + ":3: expected 57, 58 or 61 tab-separated fields"),
            std::string::npos)
      << text;
  // --json, merged into the graph of the first import, on the GDELT 2.0 rows.
  STAKEGRAPH_NEED_FILE(kGdelt2);
  o.inputs = {kGdelt2};
  o.json = true;
  o.root_codes = {"04", "11", "19"};
  nlohmann::json mine = nlohmann::json::parse(import(o));
  const auto bj = run_stakegraph("import gdelt '" + kGdelt2 + "' -o '" + path("b.json") +
                                 "' -q --json --root-codes 04,11,19");
  ASSERT_EQ(bj.status, 0) << bj.err;
  EXPECT_EQ(slurp(o.output), slurp(path("b.json")));
  nlohmann::json theirs_json = nlohmann::json::parse(bj.out);
  for (nlohmann::json* j : {&mine, &theirs_json}) {
    j->erase("seconds");
    (*j)["graph"].erase("path");
  }
  EXPECT_EQ(mine, theirs_json);
  EXPECT_EQ(mine["rows"], 7);
}

TEST_F(ImportInProcess, ErrorsAreThrownNotPrinted) {
  std::ostringstream out;
  ImportGdeltOptions o;
  o.inputs = {rows_};
  o.progress.quiet = true;
  o.output = path("g.dot");  // a format that cannot be read back
  EXPECT_THROW(run_import_gdelt(o, out), graph::InvalidArgument);
  o.output = path("g.sgpb");
  o.since = "2019-06-01";
  o.until = "2019-01-01";
  EXPECT_THROW(run_import_gdelt(o, out), graph::InvalidArgument);
  o.since = o.until = "";
  o.inputs = {path("absent.tsv")};
  EXPECT_THROW(run_import_gdelt(o, out), graph::NotFound);
  o.inputs = {rows_};
  o.strict = true;  // row 3 is malformed
  try {
    run_import_gdelt(o, out);
    ADD_FAILURE() << "no error";
  } catch (const io::ParseError& e) {
    EXPECT_NE(std::string(e.what()).find(rows_ + ":3:"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(o.output));
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(run_stakegraph("import gdelt '" + rows_ + "' -o '" + path("g.dot") + "'").status, 2);
  const auto r = run_stakegraph("import gdelt '" + rows_ + "' -o '" + o.output + "' --strict");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(rows_ + ":3:"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace stakegraph::cli
