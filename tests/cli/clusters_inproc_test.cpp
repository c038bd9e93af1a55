// `clusters` run in-process (cli/clusters.hpp: run_clusters on a stream) gives what the
// stakegraph binary prints, byte for byte: on les_miserables.graphml what it printed before
// graph::cluster existed (tests/data/golden/, see tests/data/README.md), and on the story
// graph (tests/test_graphs.hpp) with filters what the binary prints now.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "cli/clusters.hpp"
#include "graph/error.hpp"
#include "io/formats/formats.hpp"
#include "tests/cli/inproc.hpp"
#include "tests/cli/run.hpp"
#include "tests/support/data.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::cli {
namespace {

using test_support::run_stakegraph;

class ClustersInProcess : public test_support::TempDirTest {
 protected:
  std::string in_process(const ClustersOptions& o) {
    return test_support::in_process(run_clusters, o);
  }
  std::string binary(const std::string& args) {
    return test_support::binary_output("clusters " + args);
  }
};

TEST_F(ClustersInProcess, EveryMethodEqualsTheGolden) {
  for (const char* method :
       {"components", "strong-components", "louvain", "label-propagation", "camps"}) {
    ClustersOptions o;
    o.graph = test_support::test_data("les_miserables.graphml").string();
    o.method = method;
    const auto golden = test_support::test_data(std::string("golden/les_") + method + ".txt");
    EXPECT_EQ(in_process(o), test_support::slurp(golden.string())) << method;
  }
}

TEST_F(ClustersInProcess, FiltersJsonAndWriteEqualTheBinarys) {
  const std::string file = path("story.sgpb");
  io::save_graph(test_support::story_graph(), file);
  ClustersOptions o;
  o.graph = file;
  o.method = "camps";
  EXPECT_EQ(in_process(o), binary("--method camps '" + file + "'"));
  o.json = true;
  o.filters.kinds = {"operator", "vendor"};
  EXPECT_EQ(in_process(o),
            binary("--method camps --json --kind operator --kind vendor '" + file + "'"));
  o = ClustersOptions{};
  o.graph = file;
  o.method = "components";
  o.filters.relations = {"supplies"};
  o.filters.subgraph = true;
  o.min_size = 2;
  o.write = path("in.json");
  const std::string text = in_process(o);
  EXPECT_EQ(text, binary("--method components --relation supplies --subgraph --min-size 2 "
                         "--write '" +
                         path("bin.json") + "' '" + file + "'"));
  EXPECT_NE(text.find("cluster 1 (5): "), std::string::npos) << text;  // Huawei and 4 operators
  EXPECT_EQ(test_support::slurp(path("in.json")), test_support::slurp(path("bin.json")));
}

TEST_F(ClustersInProcess, ErrorsAreThrownNotPrinted) {
  ClustersOptions o;
  o.graph = path("absent.sgpb");
  std::ostringstream out;
  EXPECT_THROW(run_clusters(o, out), graph::Error);
  const std::string file = path("story.sgpb");
  io::save_graph(test_support::story_graph(), file);
  o.graph = file;
  o.method = "kmeans";
  EXPECT_THROW(run_clusters(o, out), graph::InvalidArgument);
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace stakegraph::cli
