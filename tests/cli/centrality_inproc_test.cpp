// `centrality` run in-process (cli/centrality.hpp: run_centrality on a stream) gives what
// the stakegraph binary prints, byte for byte, on the story graph (tests/test_graphs.hpp),
// saved as .sgpb (ranked from its topology arrays when unfiltered) and as .json. Unweighted,
// Huawei has the highest degree: 7 neighbours (8 edges, two of them with the allegation).
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "cli/centrality.hpp"
#include "graph/error.hpp"
#include "io/formats/formats.hpp"
#include "tests/cli/inproc.hpp"
#include "tests/cli/run.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::cli {
namespace {

using test_support::run_stakegraph;

class CentralityInProcess : public test_support::TempDirTest {
 protected:
  std::string in_process(const CentralityOptions& o) {
    return test_support::in_process(run_centrality, o);
  }
  std::string binary(const std::string& file, const std::string& args) {
    return test_support::binary_output("centrality '" + file + "' " + args);
  }
};

TEST_F(CentralityInProcess, TextAndJsonEqualTheBinarys) {
  const std::string sgpb = path("story.sgpb"), json = path("story.json");
  io::save_graph(test_support::story_graph(), sgpb);
  io::save_graph(test_support::story_graph(), json);
  for (const std::string& file : {sgpb, json}) {
    CentralityOptions o;
    o.graph = file;
    o.metric = "degree";
    const std::string text = in_process(o);
    EXPECT_EQ(text, binary(file, "--metric degree")) << file;
    o.weight.value = "none";
    o.top = 3;
    const std::string top3 = in_process(o);
    EXPECT_EQ(top3, binary(file, "--metric degree --weight none --top 3")) << file;
    EXPECT_NE(top3.find("    1  7               Huawei  "), std::string::npos) << top3;
    o = CentralityOptions{};
    o.graph = file;
    o.metric = "pagerank";
    o.json = true;
    o.directed = true;
    EXPECT_EQ(in_process(o), binary(file, "--metric pagerank --json --directed")) << file;
    o = CentralityOptions{};
    o.graph = file;
    o.metric = "betweenness";
    o.normalized = true;
    o.filters.kinds = {"government", "vendor"};
    EXPECT_EQ(in_process(o),
              binary(file, "--metric betweenness --normalized --kind government --kind vendor"))
        << file;
    o.filters.subgraph = true;
    EXPECT_EQ(in_process(o), binary(file,
                                    "--metric betweenness --normalized --kind government "
                                    "--kind vendor --subgraph"))
        << file;
  }
}

TEST_F(CentralityInProcess, ErrorsAreThrownNotPrinted) {
  const std::string file = path("story.sgpb");
  io::save_graph(test_support::story_graph(), file);
  CentralityOptions o;
  o.graph = file;
  o.metric = "betweenness";
  o.seed = 3;
  o.seed_given = true;  // --seed without --samples
  std::ostringstream out;
  EXPECT_THROW(run_centrality(o, out), graph::InvalidArgument);
  o = CentralityOptions{};
  o.graph = file;
  o.metric = "pagerank";
  o.personalize = {"Huawai"};
  EXPECT_THROW(run_centrality(o, out), graph::NotFound);
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(run_stakegraph("centrality '" + file + "' --metric betweenness --seed 3").status, 2);
}

}  // namespace
}  // namespace stakegraph::cli
