// `convert` run in-process (cli/convert.hpp: run_convert, standard output as a stream) writes
// what the stakegraph binary writes, byte for byte, and what the binary wrote before convert
// became a public run_convert (tests/data/golden/convert_*, see tests/data/README.md): the
// samples' story graph (tests/data/render/init_rank_failure.sgpb, 55 nodes, 55 edges) as
// JSON, as a CSV edge list with its nodes file, and as GEXF 1.2draft from 2019-06-01 on.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "cli/convert.hpp"
#include "graph/error.hpp"
#include "tests/cli/inproc.hpp"
#include "tests/cli/run.hpp"
#include "tests/support/data.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph::cli {
namespace {

using test_support::binary_output;
using test_support::run_stakegraph;
using test_support::slurp;
using test_support::test_data;

const std::string kStory = test_data("render/init_rank_failure.sgpb").string();

std::string golden(const std::string& name) {
  const auto path = test_data("golden/" + name);
  EXPECT_TRUE(std::filesystem::exists(path)) << path;
  return slurp(path.string());
}

class ConvertInProcess : public test_support::TempDirTest {
 protected:
  std::string in_process(const ConvertOptions& o) {
    return test_support::in_process(run_convert, o);
  }
};

TEST_F(ConvertInProcess, StandardOutputEqualsTheBinarysAndTheGoldens) {
  STAKEGRAPH_NEED_FILE(kStory);
  ConvertOptions o;
  o.input = kStory;
  o.output = "-";
  o.to = "json";
  const std::string json = in_process(o);
  EXPECT_EQ(json, binary_output("convert '" + kStory + "' - --to json"));
  EXPECT_EQ(json, golden("convert_story.json"));
  o.to = "gexf";
  o.gexf_version = "1.2draft";
  o.since = "2019-06-01";
  const std::string gexf = in_process(o);
  EXPECT_EQ(gexf, binary_output("convert '" + kStory +
                                "' - --to gexf --gexf-version 1.2draft --since 2019-06-01"));
  EXPECT_EQ(gexf, golden("convert_story_since.gexf"));
  // The native format on the stream: the bytes the binary writes on standard output.
  o = ConvertOptions{};
  o.input = kStory;
  o.output = "/dev/stdout";
  o.to = "sgpb";
  EXPECT_EQ(in_process(o), binary_output("convert '" + kStory + "' - --to sgpb"));
}

TEST_F(ConvertInProcess, FilesEqualTheBinarysAndTheGoldens) {
  STAKEGRAPH_NEED_FILE(kStory);
  ConvertOptions o;
  o.input = kStory;
  o.output = path("edges.csv");
  o.nodes = path("nodes.csv");
  EXPECT_EQ(in_process(o), "");  // nothing on the stream
  EXPECT_EQ(slurp(o.output), golden("convert_story_edges.csv"));
  EXPECT_EQ(slurp(o.nodes), golden("convert_story_nodes.csv"));
  // And back: the CSV pair read (IN with --nodes) and written as JSON is the JSON golden.
  ConvertOptions back;
  back.input = o.output;
  back.nodes = o.nodes;
  back.output = path("back.json");
  in_process(back);
  const auto r = run_stakegraph("convert '" + o.output + "' '" + path("bin.json") + "' --nodes '" +
                                o.nodes + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(slurp(back.output), slurp(path("bin.json")));
}

TEST_F(ConvertInProcess, ErrorsAreThrownNotPrinted) {
  std::ostringstream out;
  ConvertOptions o;
  o.input = kStory;
  o.output = "-";  // standard output without --to
  EXPECT_THROW(run_convert(o, out), graph::InvalidArgument);
  o.to = "yaml";
  EXPECT_THROW(run_convert(o, out), graph::InvalidArgument);
  o.to = "json";
  o.nodes = path("n.csv");  // neither side is CSV
  EXPECT_THROW(run_convert(o, out), graph::InvalidArgument);
  o = ConvertOptions{};
  o.input = path("absent.sgpb");
  o.output = path("out.json");
  EXPECT_THROW(run_convert(o, out), graph::Error);
  EXPECT_FALSE(std::filesystem::exists(o.output));
  // A file that is not a graph of its format is kept, unless --force.
  o.input = kStory;
  o.output = write("package.json", "{\"name\": \"x\"}\n");
  EXPECT_THROW(run_convert(o, out), graph::Error);
  EXPECT_EQ(slurp(o.output), "{\"name\": \"x\"}\n");
  EXPECT_EQ(out.str(), "");
  // The binary: 2 for a usage error, 1 for a runtime error, with the same messages.
  auto r = run_stakegraph("convert '" + kStory + "' -");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("writing to standard output needs --to FORMAT"), std::string::npos) << r.err;
  r = run_stakegraph("convert '" + kStory + "' '" + o.output + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("refusing to overwrite it"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace stakegraph::cli
