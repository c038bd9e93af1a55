// The analytics commands on a .sgpb file of format version 3 read its topology alone
// (cli/analytics.hpp, io/formats/sgpb_v3.hpp) unless they need evidence; their output must be
// byte-identical to the full load's. The oracle: the same graph in a version 2 file (the
// layout before version 3, always read whole), same node and edge order. Every command of
// the analytics (stats, centrality, clusters, neighbors, path), text and JSON, weighted by
// evidence counts (the default here: the graph has no user weights), with filters that read
// no evidence (topology) and with filters that do (full load).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "graph/graph.hpp"
#include "io/error.hpp"
#include "io/formats/sgpb.hpp"
#include "io/formats/sgpb_v3.hpp"
#include "tests/cli/run.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph {
namespace {

using test_support::run_stakegraph;

class TopologyCli : public test_support::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    // story_graph (government, vendors, an allegation; hedged and dated evidence from two
    // articles) merged with random_graph(80, 300): 87 nodes, about 300 edges, evidence on
    // every edge, some edges with several items. Weights dropped so that the default weight
    // is the evidence count (the case a topology must get right from its counts).
    graph::Graph g = test_support::story_graph();
    g.merge(test_support::random_graph(80, 300, 9));
    const auto& bg = g.boost_graph();
    std::size_t k = 0;
    for (auto [it, end] = boost::edges(bg); it != end; ++it, ++k) {
      g.edge_data(*it).weight.reset();
      if (k % 5 == 0) {  // more evidence on some edges: counts of 1 to 4
        for (std::uint32_t i = 0; i < k % 4; ++i) {
          graph::Evidence ev;
          ev.sentence = 1000 + i;
          ev.text = "more " + std::to_string(k) + "." + std::to_string(i);
          g.add_evidence(*it, ev);
        }
      }
    }
    io::save_sgpb(g, path("v3.sgpb"));
    io::save_sgpb(g, path("v2.sgpb"), {.format_version = 2});
    // With small frames (show reads only the evidence frames of the node's edges).
    io::save_sgpb(g, path("s3.sgpb"), {.target_frame_bytes = 256});
    io::save_sgpb(g, path("s2.sgpb"), {.target_frame_bytes = 256, .format_version = 2});
    // The same graph with user weights (the default weight then): 1 to 9 on most edges, none
    // on every seventh, 0 on one (allowed by PageRank, refused by betweenness).
    k = 0;
    for (auto [it, end] = boost::edges(bg); it != end; ++it, ++k)
      if (k % 7 != 0) g.edge_data(*it).weight = k == 10 ? 0.0 : static_cast<double>(1 + k % 9);
    io::save_sgpb(g, path("w3.sgpb"));
    io::save_sgpb(g, path("w2.sgpb"), {.format_version = 2});
    ASSERT_EQ(io::load_sgpb_topology(path("v3.sgpb")).format_version, 3u);
    ASSERT_FALSE(io::load_sgpb_topology(path("v3.sgpb")).evidence_loaded);
  }

  // A generated graph (400 nodes, 4000 edges, seed 5) as g3.sgpb and its version 2 copy
  // g2.sgpb (stem "g" of expect_same); false when generate or convert failed.
  bool make_generated_pair() {
    return run_stakegraph("generate --nodes 400 --edges 4000 --seed 5 -q -o '" + path("g3.sgpb") +
                          "'")
                   .status == 0 &&
           run_stakegraph("convert '" + path("g3.sgpb") + "' '" + path("g2.sgpb") +
                          "' --sgpb-version 2")
                   .status == 0;
  }

  // The command's output on both files (the file's path replaced by GRAPH), which must be
  // equal, and its exit status `status`; `stem` "w": the files with user weights.
  void expect_same(const std::string& command, const std::string& args, int status = 0,
                   const std::string& stem = "v") {
    std::string outs[2];
    for (int i = 0; i < 2; ++i) {
      const std::string file = path(stem + (i == 0 ? "3.sgpb" : "2.sgpb"));
      const auto r = run_stakegraph(command + " '" + file + "' " + args);
      EXPECT_EQ(r.status, status) << command << " " << args << ": " << r.err;
      outs[i] = r.out + "\nstderr: " + r.err;
      for (std::size_t at; (at = outs[i].find(file)) != std::string::npos;)
        outs[i].replace(at, file.size(), "GRAPH");
    }
    EXPECT_GT(outs[0].size(), 20u) << command << " " << args;
    EXPECT_EQ(outs[0], outs[1]) << command << " " << args;
  }

  // `command` (GRAPH ARGS) on damaged copies of s3.sgpb (small frames), a byte flipped or the
  // file cut at 40 places each: exit status 1 and a one-line error naming the byte offset,
  // or (damage in a frame the command does not read) the undamaged output. Returns how many
  // copies gave the undamaged output.
  int expect_offset_or_same(const std::string& command, const std::string& args) {
    std::ifstream in(path("s3.sgpb"), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto good = run_stakegraph(command + " '" + path("s3.sgpb") + "' " + args);
    EXPECT_EQ(good.status, 0) << good.err;
    int errors = 0, harmless = 0;
    for (std::size_t i = 9; i < bytes.size(); i += bytes.size() / 40) {
      for (const bool truncate : {false, true}) {
        std::string damaged = bytes;
        if (truncate)
          damaged.resize(i);
        else
          damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
        std::ofstream(path("d.sgpb"), std::ios::binary) << damaged;
        const auto r = run_stakegraph(command + " '" + path("d.sgpb") + "' " + args);
        const std::string what =
            command + ": " + (truncate ? "cut at " : "flipped ") + std::to_string(i);
        if (r.status == 0) {
          EXPECT_EQ(r.out, good.out) << what;
          ++harmless;
        } else {
          EXPECT_EQ(r.status, 1) << what;
          EXPECT_NE(r.err.find(path("d.sgpb") + ": byte offset "), std::string::npos)
              << what << ": " << r.err;
          EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << what << ": " << r.err;
          ++errors;
        }
      }
    }
    EXPECT_GT(errors, 40) << command;
    return harmless;
  }
};

TEST_F(TopologyCli, StatsEqualsTheFullLoad) {
  expect_same("stats", "");
  expect_same("stats", "--json");
  expect_same("stats", "--since 2024-01-01");  // dates: full load
}

TEST_F(TopologyCli, CentralityEqualsTheFullLoad) {
  for (const char* metric :
       {"degree", "pagerank", "betweenness", "closeness", "harmonic", "eigenvector"})
    expect_same("centrality", std::string("--metric ") + metric + " --top 0");
  expect_same("centrality", "--metric pagerank --json --top 0");
  expect_same("centrality", "--metric pagerank --weight evidence --directed --top 0");
  expect_same("centrality", "--metric degree --weight evidence --normalized --json --top 0");
  expect_same("centrality", "--metric pagerank --weight none --top 5");
  expect_same("centrality", "--metric pagerank --kind vendor --top 0");
  expect_same("centrality", "--metric betweenness --relation ACCUSE --subgraph --top 0");
  expect_same("centrality", "--metric pagerank --personalize Huawei --top 10");
  expect_same("centrality", "--metric pagerank --no-hedged --top 0");  // full load
}

// The whole graph ranked without filters is computed from the file's arrays, without a
// graph::Graph (io/formats/topology_arrays.hpp): user weights (the default when the file has some),
// an edge without one, a zero weight that betweenness refuses (the error names the edge),
// both directions, JSON and text, stats; clusters likewise (but camps).
TEST_F(TopologyCli, ArraysPathEqualsTheFullLoadWithUserWeights) {
  for (const char* metric : {"degree", "pagerank", "eigenvector"})
    expect_same("centrality", std::string("--metric ") + metric + " --top 0", 0, "w");
  expect_same("centrality", "--metric closeness --weight evidence --top 0", 0, "w");
  expect_same("centrality", "--metric pagerank --directed --json --top 0", 0, "w");
  expect_same("centrality", "--metric degree --mode in --directed --top 0", 0, "w");
  expect_same("centrality", "--metric pagerank --weight evidence --top 0", 0, "w");
  expect_same("centrality", "--metric betweenness --weight none --normalized --top 0", 0, "w");
  expect_same("centrality", "--metric betweenness --top 0", 2, "w");  // weight 0: refused
  expect_same("centrality", "--metric pagerank --weighted --weight none", 2, "w");
  expect_same("stats", "", 0, "w");
  expect_same("stats", "--json", 0, "w");
  expect_same("clusters", "--method louvain", 0, "w");  // weight 0 allowed
  expect_same("clusters", "--method louvain --weight evidence --json", 0, "w");
  expect_same("clusters", "--method strong-components --json", 0, "w");
  expect_same("clusters", "--method strong-components");
  expect_same("clusters", "--method components --min-size 2", 0, "w");
  expect_same("clusters", "--method label-propagation --seed 3", 0, "w");
  expect_same("clusters", "--method camps", 0, "w");  // the signed graph: loaded as a Graph
}

TEST_F(TopologyCli, ClustersEqualsTheFullLoad) {
  expect_same("clusters", "--method louvain");
  expect_same("clusters", "--method components --json");
  expect_same("clusters", "--method label-propagation --weight evidence");
  expect_same("clusters", "--method louvain --kind person --json");
  expect_same("clusters", "--method camps");
  expect_same("clusters", "--method louvain --since 2020-01-01 --subgraph");  // full load
}

TEST_F(TopologyCli, NeighborsAndPathEqualTheFullLoad) {
  expect_same("neighbors", "Huawei --depth 2 --limit 0");
  expect_same("neighbors", "'node 3' --direction out");
  expect_same("neighbors", "'node 3' --relation CONSULT --limit 0");
  expect_same("neighbors", "Huawei --json");  // evidence listed: the ball whole
  expect_same("path", "Huawei 'node 7'");
  expect_same("path", "Huawei 'node 7' --k 3 --json");
}

// show on a version 3 file reads the node's edges and their evidence frames only
// (io::load_sgpb_node); a name it does not find goes to the topology for the suggestions.
TEST_F(TopologyCli, ShowEqualsTheFullLoad) {
  for (const std::string stem : {"v", "s"}) {
    expect_same("show", "Huawei", 0, stem);
    expect_same("show", "'United States' --limit 0", 0, stem);
    expect_same("show", "Washington --json", 0, stem);
    expect_same("show", "us --json --limit 3", 0, stem);
    expect_same("show", "huawei --since 2020-01-01 --until 2024-12-31", 0, stem);
    expect_same("show", "'node 3' --limit 2", 0, stem);
    expect_same("show", "'node 12' --json --since 2019-06-01", 0, stem);
    expect_same("show", "Huawei --since 2099-01-01", 0, stem);  // no edge dated then
    expect_same("show", "Huaway", 1, stem);                     // not found: suggestions
  }
  expect_same("show", "'node 5' --limit 0", 0, "w");  // user weights
}

// show --since/--until leaves out the edges whose own dates miss the range (the version 3
// file says its edge dates hold their evidence's): the output still equals the version 2
// file's, read whole and filtered. A generated graph (dated articles over four years,
// power-law degrees, hubs among n0-n9), by id, text and JSON, open and closed ranges.
TEST_F(TopologyCli, ShowWithDatesOnAGeneratedGraph) {
  ASSERT_TRUE(make_generated_pair());
  for (const std::string node : {"n0", "n1", "n2", "n7", "n150"}) {
    expect_same("show", node + " --since 2023-01-01 --limit 0", 0, "g");
    expect_same("show", node + " --until 2021-06-30", 0, "g");
    expect_same("show", node + " --since 2022-03-01 --until 2022-03-31 --json", 0, "g");
    expect_same("show", node + " --since 2022-03-01 --until 2022-03-31 --limit 0", 0, "g");
  }
  expect_same("show", "n0 --since 2099-01-01", 0, "g");  // no edge then
  expect_same("show", "'node 3' --since 2021-01-01 --limit 0");
  expect_same("show", "Huawei --until 2019-12-31 --json");
}

// show on a damaged version 3 file: reads the node's evidence frames only, so damage in the
// others is harmless.
TEST_F(TopologyCli, ShowOnADamagedFileNamesTheOffset) {
  EXPECT_GT(expect_offset_or_same("show", "Huawei"), 0);
}

// neighbors (text) and path (the shortest path) on a version 3 file run on the topology
// arrays and the nodes they need (cli/neighbors.cpp, cli/path.cpp): by name, alias and id,
// with every option they serve, and the cases they leave to the whole load (an unknown name
// for neighbors; --k, --all, dates, an unknown name, an avoided endpoint, a refused weight for
// path; neighbors --json and --no-hedged read the ball whole). "s": small frames; "w": user weights
// (the default weight; one of 0, which a weighted path refuses).
TEST_F(TopologyCli, NeighborsOnTheArraysEqualTheFullLoad) {
  for (const std::string stem : {"v", "s", "w"}) {
    expect_same("neighbors", "Huawei", 0, stem);
    expect_same("neighbors", "Washington --depth 2 --limit 0", 0, stem);  // an alias
    expect_same("neighbors", "'the Chinese company' --direction in --depth 3 --limit 0", 0, stem);
    expect_same("neighbors", "'node 3' --depth 0", 0, stem);
    expect_same("neighbors", "Huawei --depth 2 --kind vendor --kind person --limit 5", 0, stem);
    expect_same("neighbors",
                "'node 3' --depth 2 --relation CONSULT --relation ACCUSE --subgraph --limit 0", 0,
                stem);
    expect_same("neighbors", "'node 40' --depth 1000 --direction out --limit 0", 0, stem);
    expect_same("neighbors", "Huawei --kind person", 2, stem);  // the centre is filtered out
    expect_same("neighbors", "Huaway", 1, stem);                // suggestions: whole load
    expect_same("neighbors", "Huawei --no-hedged --limit 0", 0, stem);  // the ball whole
    expect_same("neighbors", "'node 9' --json", 0, stem);               // the ball whole
  }
}

// neighbors --json and with --since, --until or --no-hedged on a version 3 file: the ball
// read whole from the topology arrays' walk (io::load_sgpb_subgraph: aliases, attributes,
// signs, dates, evidence and the articles cited), against the version 2 file loaded whole.
// Every depth and direction, with and without --subgraph, user weights, small frames; and
// the generated graph (dated articles over four years, hubs among n0-n9).
TEST_F(TopologyCli, NeighborsJsonAndDatesFromTheArraysEqualTheFullLoad) {
  for (const std::string stem : {"v", "s", "w"}) {
    expect_same("neighbors", "Huawei --json", 0, stem);
    expect_same("neighbors", "Washington --json --depth 2", 0, stem);  // an alias; attributes
    expect_same("neighbors", "'node 3' --json --direction out --depth 3 --limit 7", 0, stem);
    expect_same("neighbors", "Huawei --since 2020-01-01 --depth 2 --limit 0", 0, stem);
    expect_same("neighbors", "Huawei --until 2019-12-31 --json", 0, stem);
    expect_same("neighbors", "Huawei --since 2021-01-01 --subgraph --depth 3 --json", 0, stem);
    expect_same("neighbors", "'United States' --no-hedged --subgraph --depth 2 --limit 0", 0, stem);
    expect_same("neighbors", "'node 12' --no-hedged --kind person --relation CONSULT --json", 0,
                stem);
    expect_same("neighbors", "Huawei --json --kind person", 2, stem);  // centre filtered out
    expect_same("neighbors", "Huaway --json", 1, stem);                // suggestions: whole load
  }
  ASSERT_TRUE(make_generated_pair());
  for (const std::string node : {"n0", "n7", "n150", "n399"}) {
    expect_same("neighbors", node + " --json", 0, "g");
    expect_same("neighbors", node + " --since 2022-03-01 --until 2022-06-30 --depth 2", 0, "g");
    expect_same("neighbors", node + " --until 2021-01-31 --subgraph --depth 2 --json", 0, "g");
  }
}

TEST_F(TopologyCli, PathOnTheArraysEqualsTheFullLoad) {
  for (const std::string stem : {"v", "s"}) {
    expect_same("path", "Huawei 'node 7'", 0, stem);
    expect_same("path", "Washington 'node 7' --json", 0, stem);
    expect_same("path", "'node 1' 'node 50' --weight none", 0, stem);
    expect_same("path", "'node 1' 'node 50' --weight evidence --directed --json", 0, stem);
    expect_same("path", "'node 1' 'node 50' --directed --weight none", 0, stem);
    expect_same("path", "'node 2' 'node 60' --relation CONSULT --relation ACCUSE", 0, stem);
    expect_same("path", "'node 2' 'node 60' --kind person --kind vendor --weight none", 0, stem);
    expect_same("path", "'node 2' 'node 60' --avoid 'node 7' --avoid Huawei --json", 0, stem);
    expect_same("path", "'United States' 'node 33'", 0, stem);
    expect_same("path", "Huawei Huawei", 0, stem);
    expect_same("path", "Huawei 'node 7' --avoid Huawei", 2, stem);  // whole load
    expect_same("path", "Huawei Huaway", 1, stem);                   // whole load
    expect_same("path", "Huawei 'node 7' --since 2020-01-01", 0, stem);
    expect_same("path", "Huawei 'node 7' --k 3", 0, stem);
    expect_same("path", "Huawei 'node 7' --all --weight none --json", 0, stem);
  }
  // User weights: the default; a weight of 0 refused (the whole load's error), evidence
  // counts and hops allowed.
  expect_same("path", "'node 2' 'node 60'", 2, "w");
  expect_same("path", "'node 2' 'node 60' --weight evidence --json", 0, "w");
  expect_same("path", "'node 1' 'node 50' --weight none --directed", 0, "w");
  expect_same("path", "Washington 'node 7' --weight evidence --relation CONSULT", 0, "w");
}

// Many pairs (ties between equally short paths are frequent in this graph): by hops, by
// evidence counts (1 / count), directed, with a relation constraint.
TEST_F(TopologyCli, PathOnTheArraysEqualsTheFullLoadForManyPairs) {
  for (int i = 0; i < 12; ++i) {
    const std::string pair = "'node " + std::to_string(i * 7 % 80) + "' 'node " +
                             std::to_string((i * 13 + 5) % 80) + "'";
    expect_same("path", pair + " --weight none");
    expect_same("path", pair + " --weight evidence --json");
    expect_same("path", pair + " --directed --weight none --json");
    expect_same("path", pair + " --relation CONSULT --relation ACCUSE --relation SUPPLIES");
  }
}

// Damage in a frame they do not read is harmless to neighbors (the topology) and path (the
// topology and the hops' evidence frames): the whole load would refuse the file.
TEST_F(TopologyCli, NeighborsAndPathOnADamagedFileNameTheOffset) {
  expect_offset_or_same("neighbors", "Huawei --depth 2 --limit 0");
  expect_offset_or_same("neighbors", "Huawei --json");
  expect_offset_or_same("neighbors", "'node 3' --since 2020-01-01 --depth 2");
  EXPECT_GT(expect_offset_or_same("path", "Huawei 'node 7'"), 0);
  EXPECT_GT(expect_offset_or_same("path", "'node 1' 'node 50' --weight none --json"), 0);
  // The whole load (--k) refuses every damaged copy.
  EXPECT_EQ(expect_offset_or_same("path", "Huawei 'node 7' --k 2"), 0);
}

// convert upgrades an older file by writing it (version 3), and writes the layout of
// version 2 on request (for readers before version 3 and stakegraph-mpi's frame ranges).
TEST_F(TopologyCli, ConvertUpgradesAndDowngrades) {
  auto convert = [&](const std::string& args) {
    const auto r = run_stakegraph("convert " + args);
    EXPECT_EQ(r.status, 0) << args << ": " << r.err;
  };
  convert("'" + path("v2.sgpb") + "' '" + path("up.sgpb") + "'");
  convert("'" + path("v3.sgpb") + "' '" + path("down.sgpb") + "' --sgpb-version 2");
  EXPECT_EQ(io::load_sgpb_topology(path("up.sgpb")).format_version, 3u);
  EXPECT_LE(io::load_sgpb_topology(path("down.sgpb")).format_version, 2u);
  const graph::Graph g = io::load_sgpb(path("v2.sgpb"));
  EXPECT_EQ(test_support::graph_difference(g, io::load_sgpb(path("up.sgpb"))), "");
  EXPECT_EQ(test_support::graph_difference(g, io::load_sgpb(path("down.sgpb"))), "");
  const auto r =
      run_stakegraph("convert '" + path("v3.sgpb") + "' '" + path("g.json") + "' --sgpb-version 2");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("format version"), std::string::npos) << r.err;
}

// The whole-graph ranking on the arrays reads the labels of the nodes it can print only
// (the top N and every node tying the N-th, ties broken by id): short lists, cut inside
// groups of equal scores (degrees of a random graph tie often), text and JSON, equal the
// full load's. The graph has ties at the cut for some N (checked, so the test cuts ties).
TEST_F(TopologyCli, ShortRankingsCutThroughTiesAsTheFullLoad) {
  for (const char* metric : {"degree", "pagerank"})
    for (const int top : {1, 2, 3, 5, 8, 13})
      for (const char* json : {"", " --json"})
        expect_same("centrality", std::string("--metric ") + metric + " --weight none --top " +
                                      std::to_string(top) + json);
  expect_same("centrality", "--metric betweenness --top 4");
  expect_same("centrality", "--metric degree --directed --mode in --top 6");
  // Ties at a cut: some N-th score is equal to the (N+1)-th.
  const auto r =
      run_stakegraph("centrality '" + path("v3.sgpb") + "' --metric degree --weight none --top 0");
  ASSERT_EQ(r.status, 0) << r.err;
  std::vector<std::string> scores;
  std::istringstream lines(r.out);
  std::string line;
  std::getline(lines, line);  // title
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    std::istringstream row(line);
    std::string rank, score;
    row >> rank >> score;
    scores.push_back(score);
  }
  int cut_ties = 0;
  for (const std::size_t top : {1, 2, 3, 5, 8, 13})
    cut_ties += top < scores.size() && scores[top - 1] == scores[top];
  EXPECT_GT(cut_ties, 0);
}

// show of a hub reads its first --limit edges from the node index's edge lists and prints the
// degrees the index gives; equal to the whole load (version 2), text and JSON, with and
// without --limit and dates, for the hub (out-edges, in-edges and self-loops, over many small
// frames), a leaf, and on a file whose index was written before the edge lists ("o": every
// edge read).
//
//   hub --SUPPORT--> leaf 0 .. leaf 59;  leaf 60 .. leaf 84 --ACCUSE--> hub;
//   leaf 85 .. leaf 89 --LINKED_TO-- hub (symmetric: stored out of the hub, the smaller node);
//   early --ALLIED_WITH-- hub (stored out of early); hub --REPORTS/CONSULT--> hub (self-loops);
//   evidence dated 2019-2022
TEST_F(TopologyCli, ShowOfAHubEqualsTheFullLoad) {
  graph::Graph g;
  const auto early = g.add_node("Early Agency", graph::Kind::kAgency);
  const auto hub = g.add_node("Hub Ministry", graph::Kind::kGovernment);
  const auto add = [&](graph::NodeIndex s, graph::NodeIndex t, graph::Relation r, int i) {
    graph::Evidence ev;
    ev.text = "our own sentence number " + std::to_string(i);
    ev.date = 20190101 + 10000 * (i % 4);
    g.add_evidence(g.add_edge(s, t, r), ev);
  };
  for (int i = 0; i < 90; ++i) {
    const auto leaf = g.add_node("leaf " + std::to_string(i), graph::Kind::kOrganization);
    if (i < 60)
      add(hub, leaf, graph::Relation::kSupport, i);
    else
      add(leaf, hub, i < 85 ? graph::Relation::kAccuse : graph::Relation::kLinkedTo, i);
  }
  add(hub, early, graph::Relation::kAlliedWith, 102);
  add(hub, hub, graph::Relation::kReports, 100);
  add(hub, hub, graph::Relation::kConsult, 101);
  io::save_sgpb(g, path("h3.sgpb"), {.target_frame_bytes = 300});
  io::save_sgpb(g, path("h2.sgpb"), {.format_version = 2});
  {
    std::ofstream o3(path("o3.sgpb"), std::ios::binary);
    io::write_sgpb_v3_without_edge_lists(g, o3, {.target_frame_bytes = 300});
  }
  io::save_sgpb(g, path("o2.sgpb"), {.format_version = 2});
  for (const std::string stem : {"h", "o"}) {
    for (const std::string node :
         {"'Hub Ministry'", "'leaf 70'", "'leaf 3'", "'leaf 88'", "'early agency'"}) {
      expect_same("show", node, 0, stem);
      expect_same("show", node + " --limit 0", 0, stem);
      expect_same("show", node + " --limit 1", 0, stem);
      expect_same("show", node + " --limit 67", 0, stem);  // the out-edges
      expect_same("show", node + " --limit 68", 0, stem);  // and one in-edge
      expect_same("show", node + " --json", 0, stem);
      expect_same("show", node + " --json --limit 3", 0, stem);
      expect_same("show", node + " --json --limit 75", 0, stem);
      expect_same("show", node + " --since 2021-01-01 --limit 4", 0, stem);
      expect_same("show", node + " --json --until 2020-06-30", 0, stem);
    }
  }
  const auto r = run_stakegraph("show '" + path("h3.sgpb") + "' 'hub ministry'");
  EXPECT_NE(r.out.find("outgoing (67)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("incoming (28)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("... and 73 more edges"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace stakegraph
