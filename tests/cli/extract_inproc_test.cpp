// `extract` and `ingest` run in-process (cli/extract.hpp, cli/ingest.hpp: run_extract and
// run_ingest on a stream) give what the stakegraph binary gives, byte for byte: the graph as
// JSON and as text, the graph file written and the --json counts (but the seconds). Articles
// of our own:
//   a.txt    "Norland banned Vestcom on Monday. Vestcom supplies Harbor Telecom."
//   b.jsonl  one article, "Harbor Telecom sued Norland over the ban."
// and the samples (samples/articles).
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/extract.hpp"
#include "cli/ingest.hpp"
#include "graph/error.hpp"
#include "tests/cli/inproc.hpp"
#include "tests/cli/run.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph::cli {
namespace {

using test_support::binary_output;
using test_support::run_stakegraph;
using test_support::slurp;

const std::string kSamples = std::string(STAKEGRAPH_SOURCE_DIR) + "/samples/articles";

class ArticlesInProcess : public test_support::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    a_ = write("a.txt",
               "Title: Ban\nDate: 2024-03-05\n\nNorland banned Vestcom on Monday. Vestcom "
               "supplies Harbor Telecom.\n");
    b_ = write("b.jsonl",
               "{\"id\": \"b1\", \"title\": \"Suit\", \"date\": \"2024-03-09\", \"text\": "
               "\"Harbor Telecom sued Norland over the ban.\"}\n");
  }
  std::string a_, b_;
};

// The --json counts of an ingest without the seconds, which differ from run to run.
nlohmann::json without_seconds(const std::string& text) {
  nlohmann::json j = nlohmann::json::parse(text);
  j.erase("seconds");
  return j;
}

TEST_F(ArticlesInProcess, ExtractEqualsTheBinarys) {
  ExtractOptions o;
  o.inputs = {a_, b_};
  const std::string json = test_support::in_process(run_extract, o);
  EXPECT_EQ(json, binary_output("extract '" + a_ + "' '" + b_ + "'"));
  EXPECT_NE(json.find("\"Vestcom\""), std::string::npos) << json;
  o.format = "text";
  o.dictionaries.none = true;
  EXPECT_EQ(test_support::in_process(run_extract, o),
            binary_output("extract --format text --no-dictionaries '" + a_ + "' '" + b_ + "'"));
  o = ExtractOptions{};
  o.inputs = {kSamples};
  EXPECT_EQ(test_support::in_process(run_extract, o), binary_output("extract '" + kSamples + "'"));
}

TEST_F(ArticlesInProcess, IngestEqualsTheBinarys) {
  IngestOptions o;
  o.inputs = {kSamples};
  o.output = path("in.sgpb");
  o.json = true;
  o.progress.quiet = true;
  std::ostringstream out;
  const IngestResult r = run_ingest(o, out);
  const auto bin =
      run_stakegraph("ingest '" + kSamples + "' -o '" + path("bin.sgpb") + "' --json --quiet");
  ASSERT_EQ(bin.status, 0) << bin.err;
  EXPECT_EQ(slurp(o.output), slurp(path("bin.sgpb")));
  nlohmann::json mine = without_seconds(out.str()), theirs = without_seconds(bin.out);
  EXPECT_EQ(mine["graph"]["path"], o.output);
  mine["graph"].erase("path");
  theirs["graph"].erase("path");
  EXPECT_EQ(mine, theirs);
  EXPECT_EQ(r.articles, mine["articles"]);
  EXPECT_EQ(r.files, mine["files"]);
  EXPECT_EQ(r.nodes, mine["graph"]["nodes"]);
  EXPECT_EQ(r.edges, mine["graph"]["edges"]);
  // Merged into: the two articles of our own added to the samples' graph, as the binary does.
  o.inputs = {a_, b_};
  o.json = false;
  out.str("");
  const IngestResult more = run_ingest(o, out);
  EXPECT_EQ(out.str(), "");  // the summary line is the callback's, on standard error
  EXPECT_EQ(more.articles, 2u);
  EXPECT_GT(more.nodes, r.nodes);
  ASSERT_EQ(
      run_stakegraph("ingest '" + a_ + "' '" + b_ + "' -o '" + path("bin.sgpb") + "' -q").status,
      0);
  EXPECT_EQ(slurp(o.output), slurp(path("bin.sgpb")));
}

TEST_F(ArticlesInProcess, ErrorsAreThrownNotPrinted) {
  std::ostringstream out;
  ExtractOptions e;
  e.inputs = {a_};
  e.format = "xml";
  EXPECT_THROW(run_extract(e, out), graph::InvalidArgument);
  e.format = "json";
  e.date_order = "ymd";
  EXPECT_THROW(run_extract(e, out), graph::InvalidArgument);
  e.date_order.clear();
  e.dictionaries = {.files = {path("x.verbs")}, .none = true};
  EXPECT_THROW(run_extract(e, out), graph::InvalidArgument);
  e.dictionaries = {};
  e.inputs = {path("absent.txt")};
  EXPECT_THROW(run_extract(e, out), graph::Error);
  IngestOptions i;
  i.inputs = {a_};
  i.progress.quiet = true;
  EXPECT_THROW(run_ingest(i, out), graph::InvalidArgument);  // no -o
  i.output = path("g.json");
  EXPECT_THROW(run_ingest(i, out), graph::InvalidArgument);  // not .sgpb
  i.output = path("g.sgpb");
  i.inputs = {a_, path("absent.txt")};
  EXPECT_THROW(run_ingest(i, out), graph::Error);
  EXPECT_FALSE(std::filesystem::exists(i.output));
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(run_stakegraph("extract --format xml '" + a_ + "'").status, 2);
  EXPECT_EQ(run_stakegraph("ingest '" + a_ + "' -o '" + path("g.json") + "'").status, 2);
  const auto r = run_stakegraph("ingest '" + path("absent.txt") + "' -o '" + i.output + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("absent.txt"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace stakegraph::cli
