// GraphML interoperability with the tools people load it in: the karate club edge list
// (tests/data/oracles/karate.json) written as CSV with every column, converted by the real CLI
// (`stakegraph convert karate.csv karate.graphml`), is read by NetworkX (nx.read_graphml)
// and igraph (Graph.Read_GraphML) with 34 nodes, 78 edges and every typed attribute equal
// (tests/io/graphml_interop.py computes the expectation from the CSV on its own). Node names
// with XML metacharacters, tabs, newlines and non-ASCII text come back exactly.
// Skips (fails with STAKEGRAPH_REQUIRE_ALL_TESTS=ON) when /usr/bin/python3 or both networkx
// and igraph are missing.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "graph/ontology.hpp"
#include "io/formats/sgpb.hpp"
#include "tests/cli/run.hpp"
#include "tests/support/data.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPython = "/usr/bin/python3";
constexpr int kSkipStatus = 77;  // graphml_interop.py: the library is not installed

struct Output {
  int status = -1;
  std::string text;  // stdout and stderr
};

Output run_command(const std::string& cmd) {
  Output r;
  FILE* p = ::popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.text.append(buf, n);
  const int raw = ::pclose(p);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128;
  return r;
}

class InteropTest : public test_support::TempDirTest {
 protected:
  void SetUp() override {
    STAKEGRAPH_NEED_FILE(kPython);
    TempDirTest::SetUp();
  }

  // Runs the checker for each library; a library that is not installed is skipped.
  void check_with_python(const std::string& expected, const std::string& graphml) {
    const std::string script = std::string(STAKEGRAPH_SOURCE_DIR) + "/tests/io/graphml_interop.py";
    std::set<std::string> missing;
    for (const char* library : {"networkx", "igraph"}) {
      const Output r = run_command(std::string(kPython) + " '" + script + "' '" + expected + "' '" +
                                   graphml + "' " + library);
      if (r.status == kSkipStatus) {
        missing.insert(library);
        continue;
      }
      EXPECT_EQ(r.status, 0) << library << ":\n" << r.text;
    }
    STAKEGRAPH_NEED(missing.size() < 2, "networkx and igraph (python3 modules)");
    for (const auto& m : missing) std::cerr << "note: " << m << " is not installed, not checked\n";
  }
};

TEST_F(InteropTest, KarateThroughTheCliLoadsInNetworkxAndIgraph) {
  const fs::path oracle = test_support::test_data("oracles/karate.json");
  STAKEGRAPH_NEED_FILE(oracle);
  std::ifstream in(oracle);
  const nlohmann::json karate = nlohmann::json::parse(in);
  const auto& edges = karate.at("edges");
  ASSERT_EQ(edges.size(), 78u);
  std::set<std::string> nodes;
  // Every relation (so every sign), weights that need 17 digits, every kind.
  std::ofstream csv(path("karate.csv"));
  csv << "source,target,relation,weight,source_kind,target_kind\n";
  const auto& relations = graph::all_relations();
  const auto& kinds = graph::all_kinds();
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const std::string s = edges[i].at(0), t = edges[i].at(1);
    nodes.insert(s);
    nodes.insert(t);
    char weight[32];
    std::snprintf(weight, sizeof weight, "%.17g", 0.1 * static_cast<double>(i + 1));
    csv << s << ',' << t << ',' << graph::relation_name(relations[i % relations.size()]) << ','
        << weight << ',' << graph::kind_name(kinds[std::stoul(s) % kinds.size()]) << ','
        << graph::kind_name(kinds[std::stoul(t) % kinds.size()]) << '\n';
  }
  csv.close();
  ASSERT_EQ(nodes.size(), 34u);

  const auto r = test_support::run_stakegraph("convert '" + path("karate.csv") + "' '" +
                                              path("karate.graphml") + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  ASSERT_TRUE(fs::exists(path("karate.graphml")));
  check_with_python(path("karate.csv"), path("karate.graphml"));
}

TEST_F(InteropTest, OddNamesLoadExactlyInNetworkxAndIgraph) {
  graph::Graph g = test_support::story_graph();
  const auto odd =
      g.add_node("A & B <Co> \"Ltd\" 'x'\ttab\nnewline \xC3\xA9", graph::Kind::kVendor);
  g.add_alias(odd, "caf\xC3\xA9 & co");
  g.add_alias(odd, "<alias>");
  g.add_edge(odd, 0, graph::Relation::kSupport);
  io::save_sgpb(g, path("story.sgpb"));
  nlohmann::json want = nlohmann::json::array();
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v) {
    const graph::NodeData& d = g.node(v);
    std::string aliases;
    for (const auto& a : d.aliases) aliases += (aliases.empty() ? "" : " | ") + a;
    want.push_back(
        {{"id", d.id}, {"name", d.name}, {"kind", graph::kind_name(d.kind)}, {"aliases", aliases}});
  }
  std::ofstream(path("nodes.json")) << want.dump();

  const auto r = test_support::run_stakegraph("convert '" + path("story.sgpb") + "' '" +
                                              path("story.graphml") + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  check_with_python(path("nodes.json"), path("story.graphml"));
}

}  // namespace
}  // namespace stakegraph
