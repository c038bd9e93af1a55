// stakegraph-mpi reading a .sgpb file by frame (version 2) or table (version 3) ranges: each
// rank reads its share only (--verbose says how much), rank 0 reads no more than its share
// to print centrality, clusters, betweenness and paths, user weights are read by ranges, a
// damaged file fails with its byte offset, and the output is stakegraph's. Part of
// mpi_cli_test (fixture and helpers in mpi_cli.hpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "tests/mpi/mpi_cli.hpp"

namespace stakegraph::mpi_cli_test {
namespace {

// --verbose says what each rank read: on a graph of many frames, every rank reads a part of
// the file only, the parts add up to at most the file (the frame heads and the articles are
// read by nobody; in a version 3 file, nor is the evidence), and the rows come from the
// frames, for a version 3 file (the default since issue 14) and a version 2 file alike.
TEST_P(MpiCli, EachRankReadsItsFramesOnly) {
  const int np = GetParam();
  const fs::path g3 = work_dir() / "frames_v3.sgpb";
  const fs::path g = work_dir() / "frames.sgpb";
  if (!fs::exists(g)) {
    const RunResult r =
        single("generate --nodes 30000 --edges 60000 --seed 5 -o '" + g3.string() + "'");
    ASSERT_EQ(r.status, 0) << r.err;
    const RunResult v2 =
        single("convert '" + g3.string() + "' '" + g.string() + "' --sgpb-version 2");
    ASSERT_EQ(v2.status, 0) << v2.err;
  }
  for (const fs::path& file : {g3, g}) {
    SCOPED_TRACE(file.string());
    const std::string c = "centrality '" + file.string() + "' --metric pagerank --top 5";
    const RunResult want = single(c), got = distributed(np, "--verbose " + c);
    ASSERT_EQ(got.status, 0) << got.err;
    EXPECT_EQ(got.out, want.out);
    EXPECT_NE(got.err.find("rows built from the ranks' frames"), std::string::npos) << got.err;
    const auto size = static_cast<unsigned long long>(fs::file_size(file));
    unsigned long long total = 0, most = 0;
    int lines = 0;
    std::istringstream err(got.err);
    for (std::string line; std::getline(err, line);) {
      const auto at = line.find(" bytes");
      if (line.find("stakegraph-mpi: rank ") != 0 || at == std::string::npos) continue;
      unsigned long long bytes = 0, file_bytes = 0;
      ASSERT_EQ(
          std::sscanf(line.c_str() + line.rfind(", ", at) + 2, "%llu of %llu", &bytes, &file_bytes),
          2)
          << line;
      EXPECT_EQ(file_bytes, size);
      EXPECT_GT(bytes, 0u) << line;
      total += bytes;
      most = std::max(most, bytes);
      ++lines;
    }
    EXPECT_EQ(lines, np) << got.err;
    EXPECT_LE(total, size);
    if (file == g) {
      EXPECT_GT(total, size / 2);  // version 2: the nodes and edges are the file
    }
    // With several ranks no rank reads more than about its share (3/4 of the total at most).
    if (np > 1) {
      EXPECT_LT(most, total * 3 / 4) << got.err;
    }
    // A subgraph computed by dates is not the file's: its rows are scattered from rank 0 (a
    // bare --kind only filters what is printed, issue 15; by kinds and relations alone, a
    // version 3 file's subgraph is built by the ranks:
    // RankZeroReadsOnlyItsShareForPersonalizedAndFiltered).
    const std::string sub = c + " --kind government --since 2019-01-01 --subgraph";
    const RunResult filtered = distributed(np, "--verbose " + sub);
    ASSERT_EQ(filtered.status, 0) << filtered.err;
    EXPECT_EQ(filtered.out, single(sub).out);
    EXPECT_NE(filtered.err.find("rows scattered from rank 0"), std::string::npos) << filtered.err;
  }
}

// A damaged version 3 file: the job exits non-zero with one line naming the file and the
// byte offset of the damage, and no rank hangs (the test's own timeout would say so).
TEST_P(MpiCli, ADamagedVersion3FileFailsWithItsOffset) {
  const int np = GetParam();
  const fs::path g3 = work_dir() / "small_v3.sgpb";
  if (!fs::exists(g3)) {
    const RunResult r =
        single("generate --nodes 3000 --edges 9000 --seed 3 -q -o '" + g3.string() + "'");
    ASSERT_EQ(r.status, 0) << r.err;
  }
  const fs::path bad = work_dir() / ("damaged_v3_np" + std::to_string(np) + ".sgpb");
  // Byte 1000: in the first node table (the header frame is a few dozen bytes).
  std::string bytes = slurp(g3);
  bytes[1000] = static_cast<char>(bytes[1000] ^ 0x20);
  std::ofstream(bad, std::ios::binary | std::ios::trunc) << bytes;
  for (const char* command : {"centrality", "clusters"}) {
    const std::string line =
        std::string(command) + " '" + bad.string() + "'" +
        (std::string(command) == "centrality" ? " --metric pagerank" : " --method components");
    const RunResult got = distributed(np, line);
    EXPECT_EQ(got.status, 1) << got.err;
    EXPECT_NE(got.err.find(bad.string() + ": byte offset "), std::string::npos) << got.err;
    EXPECT_EQ(got.out, "");
  }
}

// The value of a --verbose line "stakegraph-mpi: bytes of graph files read by rank 0 in all: N"
// (every byte rank 0 read from graph files, io::offset_reader_total), and rank 0's own share
// from its "rank 0 read node frames ..." line; -1 when missing.
std::pair<long long, long long> rank0_reads(const std::string& err) {
  long long total = -1, share = -1;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);) {
    unsigned long long a = 0, b = 0;
    if (std::sscanf(line.c_str(),
                    "stakegraph-mpi: bytes of graph files read by rank 0 in all: %llu", &a) == 1)
      total = static_cast<long long>(a);
    const auto at = line.find(" bytes");
    if (line.rfind("stakegraph-mpi: rank 0 read node frames", 0) == 0 && at != std::string::npos &&
        std::sscanf(line.c_str() + line.rfind(", ", at) + 2, "%llu of %llu", &a, &b) == 2)
      share = static_cast<long long>(a);
  }
  return {total, share};
}

// The graph of the rank-0 share tests below (30,000 nodes, 60,000 edges, format version 3),
// generated at G3 by the first of them to run; the others reuse it. Returns `generate`'s
// result, or status 0 when the file is already there: the caller asserts on it.
RunResult make_share_graph(const fs::path& g3) {
  if (fs::exists(g3)) return RunResult{0, "", ""};
  return single("generate --nodes 30000 --edges 60000 --seed 7 -q -o '" + g3.string() + "'");
}

// The path tests' case on the share graph: the bytes of its node and edge tables (what one
// rank alone reads as its share, np 1), its size, and, quoted with a space after each, the
// file, its two highest-degree nodes (joined by a path whose hops' evidence cites articles)
// and the endpoints of a path. `error` says what failed, empty when all is there.
struct PathCase {
  long long tables = 0, size = 0;
  std::string q, h1, h2, x, y, error;
};

PathCase path_case() {
  PathCase c;
  const fs::path g3 = work_dir() / "share_v3.sgpb";
  if (const RunResult made = make_share_graph(g3); made.status != 0) {
    c.error = "generate: " + made.err;
    return c;
  }
  c.tables = rank0_reads(distributed(1, "--verbose centrality '" + g3.string() +
                                            "' --metric pagerank --top 1")
                             .err)
                 .second;
  if (c.tables <= 0) c.error = "no share read at np 1";
  c.size = static_cast<long long>(fs::file_size(g3));
  const auto [a, b] = endpoints(g3.string());
  const auto top = nlohmann::json::parse(
      single("centrality '" + g3.string() + "' --metric degree --top 2 --json").out)["scores"];
  c.h1 = "'" + top[0]["id"].get<std::string>() + "' ";
  c.h2 = "'" + top[1]["id"].get<std::string>() + "' ";
  c.q = "'" + g3.string() + "' ";
  c.x = "'" + a + "' ";
  c.y = "'" + b + "' ";
  return c;
}

// Issue 17: rank 0 prints a whole-graph PageRank of a version 3 file from the scores and
// the labels (ids, names, kinds of the printed nodes) gathered to it: it reads its own share
// of the file and nothing more (before this, it also loaded the whole graph to print).
TEST_P(MpiCli, RankZeroReadsOnlyItsShareToPrint) {
  const int np = GetParam();
  const fs::path g3 = work_dir() / "share_v3.sgpb";
  const RunResult made = make_share_graph(g3);
  ASSERT_EQ(made.status, 0) << made.err;
  const auto size = static_cast<long long>(fs::file_size(g3));
  for (const std::string opts : {" --top 5", " --top 0 --json", " --directed --top 40"}) {
    const std::string c = "centrality '" + g3.string() + "' --metric pagerank" + opts;
    SCOPED_TRACE("np " + std::to_string(np) + ": " + c);
    const RunResult want = single(c), got = distributed(np, "--verbose " + c);
    ASSERT_EQ(got.status, 0) << got.err;
    EXPECT_EQ(got.out, want.out);
    EXPECT_NE(got.err.find("rank 0 prints from the results and the labels gathered to it"),
              std::string::npos)
        << got.err;
    const auto [total, share] = rank0_reads(got.err);
    ASSERT_GT(share, 0) << got.err;
    // Its share, and the file's header and index once more (read to see that the file is of
    // version 3): a few kilobytes at most.
    EXPECT_GE(total, share);
    EXPECT_LE(total, share + 16384) << got.err;
    if (np > 1) {
      EXPECT_LT(total, size * 3 / 4) << got.err;
    }
  }
  // The path that loads the graph's topology on rank 0 (here: a --personalize name that no
  // rank finds, loaded for stakegraph's suggestions) reads every node and edge table (what one
  // rank alone reads as its share, index aside): the accounting sees a whole-graph load, more
  // than rank 0's share above. (A load with the evidence, io::load_graph, is not counted.)
  const std::string top5 = "centrality '" + g3.string() + "' --metric pagerank --top 5";
  const auto [whole_total, one_rank_share] = rank0_reads(distributed(1, "--verbose " + top5).err);
  const auto [np_total, np_share] = rank0_reads(distributed(np, "--verbose " + top5).err);
  const RunResult filtered = distributed(np, "--verbose " + top5 + " --personalize no-such-node");
  ASSERT_EQ(filtered.status, 1) << filtered.err;
  EXPECT_NE(filtered.err.find("no node named 'no-such-node'"), std::string::npos) << filtered.err;
  const long long loaded = rank0_reads(filtered.err).first;
  EXPECT_GE(loaded, one_rank_share - 16384) << filtered.err;
  if (np > 1) {
    EXPECT_GT(loaded, np_total + np_total / 2) << filtered.err;
  }
}

// Issue 17, item 2: a version 3 file with its own (user) weights is read by table ranges on
// every rank under those weights (no scatter from rank 0), and prints what stakegraph prints;
// a negative weight takes the path that names the edge, with stakegraph's error.
TEST_P(MpiCli, UserWeightsAreReadByRanges) {
  const int np = GetParam();
  const fs::path csv = work_dir() / "weighted.csv", g3 = work_dir() / "weighted_v3.sgpb";
  const fs::path bad_csv = work_dir() / "negative.csv", bad = work_dir() / "negative_v3.sgpb";
  if (!fs::exists(g3)) {
    // 300 nodes, 1200 rows of weights k/8 (exact in binary: sums do not depend on order);
    // some pairs repeat under another relation (parallel edges, merged in the CSR view).
    std::ofstream out(csv), neg(bad_csv);
    out << "source,target,relation,weight\n";
    neg << "source,target,relation,weight\n";
    std::uint32_t x = 12345;
    auto next = [&x] { return x = x * 1103515245u + 12345u, (x >> 8) % 300; };
    for (int i = 0; i < 1200; ++i) {
      const unsigned a = next(), b = next(), w = 1 + next() % 40;
      const char* rel = i % 3 == 0 ? "SUPPORT" : i % 3 == 1 ? "ACCUSE" : "supplies";
      out << "n" << a << ",n" << b << "," << rel << "," << w / 8.0 << "\n";
      neg << "n" << a << ",n" << b << "," << rel << "," << (i == 700 ? -1.5 : w / 8.0) << "\n";
    }
    out.close();
    neg.close();
    for (const auto& [from, to] : {std::pair{csv, g3}, std::pair{bad_csv, bad}}) {
      const RunResult r = single("convert '" + from.string() + "' '" + to.string() + "'");
      ASSERT_EQ(r.status, 0) << r.err;
    }
  }
  const std::string q = "'" + g3.string() + "' ";
  for (const std::string& c : {"centrality " + q + "--metric pagerank --top 0 --json",
                               "centrality " + q + "--metric pagerank --directed --top 10",
                               "centrality " + q + "--metric pagerank --weight evidence --json",
                               // Subgraphs: weights resolved and checked on the kept edges.
                               "centrality " + q +
                                   "--metric pagerank --relation ACCUSE --subgraph "
                                   "--top 0 --json",
                               "clusters " + q +
                                   "--method components --relation SUPPORT "
                                   "--relation supplies --subgraph --json"}) {
    SCOPED_TRACE("np " + std::to_string(np) + ": " + c);
    const RunResult want = single(c), got = distributed(np, "--verbose " + c);
    ASSERT_EQ(got.status, 0) << got.err;
    EXPECT_EQ(got.out, want.out);
    EXPECT_NE(got.err.find("rows built from the ranks' frames"), std::string::npos) << got.err;
    EXPECT_EQ(got.err.find("scattered from rank 0"), std::string::npos) << got.err;
  }
  // The weights matter: weighted and unweighted rankings differ.
  EXPECT_NE(single("centrality " + q + "--metric pagerank --top 0 --json").out,
            single("centrality " + q + "--metric pagerank --weight none --top 0 --json").out);
  const std::string c = "centrality '" + bad.string() + "' --metric pagerank";
  const RunResult want = single(c), got = distributed(np, c);
  EXPECT_EQ(want.status, 2) << want.err;
  EXPECT_EQ(got.status, want.status) << got.err;
  EXPECT_EQ(got.out, "");
  EXPECT_NE(got.err.find("has weight -1.5"), std::string::npos) << got.err;
}

// Issue 17: `clusters --method components` and `centrality --metric betweenness` of a
// version 3 file are printed on rank 0 from what the ranks gather to it (the membership and
// the modularity's sums; the betweenness sums over the graph gathered from the ranks' blocks)
// and the labels of the printed nodes: rank 0 reads its own share of the file and nothing
// more (before this, rank 0 loaded every node and edge table to print them).
TEST_P(MpiCli, RankZeroReadsOnlyItsShareForClustersAndBetweenness) {
  const int np = GetParam();
  const fs::path g3 = work_dir() / "share_v3.sgpb";
  const RunResult made = make_share_graph(g3);
  ASSERT_EQ(made.status, 0) << made.err;
  const auto size = static_cast<long long>(fs::file_size(g3));
  const std::string q = "'" + g3.string() + "' ";
  const std::vector<std::string> commands{
      "clusters " + q + "--method components",
      "clusters " + q + "--method components --json",
      "clusters " + q + "--method components --min-size 3 --weight none",
      "clusters " + q + "--method components --resolution 0.5 --json",
      "centrality " + q + "--metric betweenness --samples 30 --seed 5 --top 5",
      "centrality " + q + "--metric betweenness --samples 30 --seed 5 --directed --top 8",
  };
  for (const std::string& c : commands) {
    SCOPED_TRACE("np " + std::to_string(np) + ": " + c);
    const RunResult want = single(c), got = distributed(np, "--verbose " + c);
    ASSERT_EQ(got.status, 0) << got.err;
    EXPECT_EQ(got.out, want.out);
    EXPECT_FALSE(want.out.empty());
    EXPECT_NE(got.err.find("rank 0 prints from the results and the labels gathered to it"),
              std::string::npos)
        << got.err;
    const auto [total, share] = rank0_reads(got.err);
    ASSERT_GT(share, 0) << got.err;
    EXPECT_GE(total, share);
    EXPECT_LE(total, share + 16384) << got.err;
    if (np > 1) {
      EXPECT_LT(total, size * 3 / 4) << got.err;
    }
  }
}

// The modularity of the components is graph::modularity's, bit for bit, whatever the ranks:
// its sums are carried from rank to rank in node order. Weights of tenths (not exact in
// binary), so that a sum taken in another order would differ in its last bits; the JSON
// prints the modularity to 17 digits. Also betweenness on those weights (costs 1 / weight)
// and the components of the samples graph under --engine pbgl.
TEST_P(MpiCli, ComponentsModularityIsExactOnUnevenWeights) {
  const int np = GetParam();
  const fs::path csv = work_dir() / "tenths.csv", g3 = work_dir() / "tenths_v3.sgpb";
  if (!fs::exists(g3)) {
    // 2000 nodes, 2600 rows: many components (a sparse graph), weights 0.1 to 4.0.
    std::ofstream out(csv);
    out << "source,target,relation,weight\n";
    std::uint32_t x = 777;
    auto next = [&x] { return x = x * 1103515245u + 12345u, (x >> 8) % 2000; };
    for (int i = 0; i < 2600; ++i) {
      const unsigned a = next(), b = next(), w = 1 + next() % 40;
      out << "v" << a << ",v" << b << "," << (i % 2 ? "SUPPORT" : "owns") << "," << w / 10.0
          << "\n";
    }
    out.close();
    const RunResult r = single("convert '" + csv.string() + "' '" + g3.string() + "'");
    ASSERT_EQ(r.status, 0) << r.err;
  }
  const std::string q = "'" + g3.string() + "' ";
  for (const std::string& c :
       {"clusters " + q + "--method components --json",
        "clusters " + q + "--method components --resolution 1.7 --min-size 2",
        "clusters " + q + "--method components --relation owns --subgraph --json",
        "centrality " + q + "--metric betweenness --top 12",
        "clusters '" + graphs().front() + "' --method components --json"}) {
    SCOPED_TRACE("np " + std::to_string(np) + ": " + c);
    const RunResult want = single(c), got = distributed(np, "--verbose " + c);
    ASSERT_EQ(got.status, 0) << got.err;
    EXPECT_EQ(got.out, want.out);
    EXPECT_NE(got.err.find("rank 0 prints from the results and the labels gathered to it"),
              std::string::npos)
        << got.err;
    if (c.starts_with("clusters")) {
      const RunResult pbgl = distributed(np, "--engine pbgl " + c);
      EXPECT_EQ(pbgl.out, want.out);
    }
  }
  // The modularity is not trivial (the weights are summed).
  EXPECT_EQ(single("clusters " + q + "--method components --json").out.find("\"modularity\": 0,"),
            std::string::npos);
}

// Issue 17: `path` on a version 3 file: the endpoints are found by the ranks that hold them,
// the distances from FROM and to TO are computed on the ranks' rows, and rank 0 receives only
// the nodes on a shortest path with their labels and the edges among them, then reads the
// hops' evidence frames and the article frames (for the articles cited), as stakegraph does.
// Before this, rank 0 read every node and edge table (the topology arrays) besides its share:
// now it reads of the node and edge tables only its share, and beyond it no more than the
// rest of the file (evidence and articles) and the index.
TEST_P(MpiCli, RankZeroReadsOnlyItsShareForPath) {
  const int np = GetParam();
  const PathCase pc = path_case();
  ASSERT_TRUE(pc.error.empty()) << pc.error;
  const long long tables = pc.tables, size = pc.size;
  const std::string &q = pc.q, &h1 = pc.h1, &h2 = pc.h2, &x = pc.x, &y = pc.y;
  const std::vector<std::string> commands{
      "path " + q + h1 + h2,
      "path " + q + h2 + h1 + "--weight none --json",
      "path " + q + x + y,
      "path " + q + y + x + "--json",
      "path " + q + x + y + "--weight none --json",
      "path " + q + x + y + "--directed --json",
      "path " + q + y + x + "--directed --weight none",
  };
  for (const std::string& c : commands) {
    SCOPED_TRACE("np " + std::to_string(np) + ": " + c);
    const RunResult want = single(c), got = distributed(np, "--verbose " + c);
    ASSERT_EQ(got.status, want.status) << got.err;
    EXPECT_EQ(got.out, want.out);
    EXPECT_FALSE(want.out.empty());
    EXPECT_NE(got.err.find("rank 0 prints from the results and the labels gathered to it"),
              std::string::npos)
        << got.err;
    const auto [total, share] = rank0_reads(got.err);
    ASSERT_GT(share, 0) << got.err;
    EXPECT_GE(total, share);
    EXPECT_LE(total - share, size - tables + 16384) << got.err;
  }
}

// Issue 17: personalised PageRank (--personalize: the teleport nodes found by the ranks that
// hold them), the filters that restrict what is printed by kinds and relations (--kind,
// --relation: the nodes they keep found by the ranks from their blocks' kinds and their
// shares of the edges) and the subgraphs they select (--subgraph: the ranks renumber the
// kept nodes and rebuild their rows) are printed on rank 0 from what the ranks gather to
// it: rank 0 reads its own share of the file and nothing more (before this, it loaded the
// whole graph for them: several times its share, the bound below fails). The output is
// stakegraph's, byte for byte.
TEST_P(MpiCli, RankZeroReadsOnlyItsShareForPersonalizedAndFiltered) {
  const int np = GetParam();
  const fs::path g3 = work_dir() / "share_v3.sgpb";
  const RunResult made = make_share_graph(g3);
  ASSERT_EQ(made.status, 0) << made.err;
  const auto size = static_cast<long long>(fs::file_size(g3));
  const auto top = nlohmann::json::parse(
      single("centrality '" + g3.string() + "' --metric degree --top 2 --json").out)["scores"];
  // The second by its name (folded: in lower case), the first by its id.
  std::string name = top[1]["name"].get<std::string>();
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const std::string h1 = "'" + top[0]["id"].get<std::string>() + "'", h2 = "'" + name + "'";
  const std::string q = "'" + g3.string() + "' ";
  const std::vector<std::string> commands{
      "centrality " + q + "--metric pagerank --personalize " + h1 + " --top 10",
      "centrality " + q + "--metric pagerank --personalize " + h1 + " --personalize " + h2 +
          " --directed --damping 0.7 --top 25 --json",
      "centrality " + q + "--metric pagerank --kind vendor --top 7",
      "centrality " + q + "--metric pagerank --kind government --kind media --top 0 --json",
      "centrality " + q + "--metric pagerank --relation owns --top 12",
      "centrality " + q + "--metric pagerank --kind vendor --relation supplies --personalize " +
          h2 + " --top 9",
      "centrality " + q + "--metric betweenness --samples 30 --seed 5 --kind vendor --top 5",
      "clusters " + q + "--method components --kind agency --min-size 2",
      "clusters " + q + "--method components --relation owns --relation SUPPORT --json",
      "clusters " + q + "--method components --kind person --relation ACCUSE --min-size 3",
      // Computed on the subgraph (--subgraph): the ranks restrict their parts to it.
      "centrality " + q + "--metric pagerank --kind vendor --kind government --subgraph --top 10",
      "centrality " + q + "--metric pagerank --relation supplies --subgraph --personalize " + h1 +
          " --directed --top 8 --json",
      "centrality " + q +
          "--metric betweenness --samples 20 --seed 3 --kind vendor --relation supplies "
          "--subgraph --top 5",
      "clusters " + q + "--method components --kind vendor --subgraph --min-size 2",
      "clusters " + q + "--method components --relation owns --relation SUPPORT --subgraph --json",
  };
  for (const std::string& c : commands) {
    SCOPED_TRACE("np " + std::to_string(np) + ": " + c);
    const RunResult want = single(c), got = distributed(np, "--verbose " + c);
    ASSERT_EQ(want.status, 0) << want.err;
    ASSERT_EQ(got.status, 0) << got.err;
    EXPECT_EQ(got.out, want.out);
    EXPECT_GT(want.out.size(), 100u);
    EXPECT_NE(got.err.find("rank 0 prints from the results and the labels gathered to it"),
              std::string::npos)
        << got.err;
    const auto [total, share] = rank0_reads(got.err);
    ASSERT_GT(share, 0) << got.err;
    EXPECT_GE(total, share);
    EXPECT_LE(total, share + 16384) << got.err;
    if (np > 1) {
      EXPECT_LT(total, size * 3 / 4) << got.err;
    }
  }
  // The personalization and the filters matter: another ranking than the plain run's, and
  // some nodes but not all printed.
  const std::string plain = "centrality " + q + "--metric pagerank --top 10";
  EXPECT_NE(single(plain).out, single(commands[0]).out);
  const std::size_t shown = nlohmann::json::parse(single(commands[3]).out)["scores"].size();
  EXPECT_GT(shown, 0u);
  EXPECT_LT(shown, 30000u);
}

// On the samples graph (real names, aliases): --personalize by name, alias and id, the
// print filters and --subgraph, as stakegraph prints them (and its warning for a subgraph
// without edges); an unknown --personalize name gives stakegraph's
// error and suggestions (that run loads the graph on rank 0 for them), a bad --kind its usage
// error.
TEST_P(MpiCli, PersonalizedAndFilteredOnPartsAsStakegraph) {
  const int np = GetParam();
  const std::string q = "'" + graphs().front() + "' ";
  const std::vector<std::string> commands{
      "centrality " + q + "--metric pagerank --personalize huawei --top 0",
      "centrality " + q +
          "--metric pagerank --personalize Huawei --personalize 'New Zealand' "
          "--kind government --json",
      "centrality " + q + "--metric pagerank --relation supplies --kind vendor --top 0",
      "centrality " + q + "--metric betweenness --kind government --relation ACCUSE --top 0",
      "clusters " + q + "--method components --kind vendor --json",
      "clusters " + q + "--method components --relation SANCTION",
      "centrality " + q + "--metric pagerank --personalize 'No Such Stakeholder'",
      "centrality " + q + "--metric pagerank --kind no-such-kind",
      "centrality " + q + "--metric pagerank --kind government --subgraph --top 0",
      "centrality " + q +
          "--metric pagerank --kind government --subgraph --personalize "
          "'new zealand' --json",
      "centrality " + q + "--metric betweenness --relation SANCTION --relation SUPPORT --subgraph",
      "clusters " + q + "--method components --kind government --subgraph",
      "clusters " + q + "--method components --relation supplies --subgraph --json",
      // No edges in the subgraph: the same warning on stderr.
      "centrality " + q + "--metric pagerank --kind media --relation SANCTION --subgraph",
      // A teleport node outside the subgraph: stakegraph's error.
      "centrality " + q + "--metric pagerank --kind government --subgraph --personalize Huawei",
  };
  for (const std::string& c : commands) {
    SCOPED_TRACE("np " + std::to_string(np) + ": " + c);
    const RunResult want = single(c), got = distributed(np, c);
    EXPECT_EQ(got.status, want.status) << got.err;
    EXPECT_EQ(got.out, want.out);
    const std::string warning = "warning: the subgraph selected by";
    EXPECT_EQ(got.err.find(warning) != std::string::npos,
              want.err.find(warning) != std::string::npos)
        << got.err;
    if (want.status != 0) {
      const std::string why = want.err.substr(want.err.find(": ") + 2);
      EXPECT_NE(got.err.find(why), std::string::npos) << got.err << "\nwant: " << want.err;
    }
  }
}

// Issue 17: `path --relation/--kind` on a version 3 file run on the parts too: the ranks'
// rows hold the edges of those relations only, and the nodes of other kinds are marked by the
// ranks that hold them and never entered (the endpoints aside). Before this, rank 0 read the
// topology arrays (every node and edge table) and stakegraph-mpi then refused the options
// (exit status 2). Rank 0 reads its share, and beyond it no more than the evidence, the
// articles and the index (as RankZeroReadsOnlyItsShareForPath).
TEST_P(MpiCli, RankZeroReadsOnlyItsShareForPathByRelationAndKind) {
  const int np = GetParam();
  const PathCase pc = path_case();
  ASSERT_TRUE(pc.error.empty()) << pc.error;
  const long long tables = pc.tables, size = pc.size;
  const std::string &q = pc.q, &h1 = pc.h1, &h2 = pc.h2, &x = pc.x, &y = pc.y;
  const std::vector<std::string> commands{
      "path " + q + h1 + h2 + "--relation supplies",
      "path " + q + h1 + h2 + "--kind vendor --kind government --json",
      "path " + q + h2 + h1 + "--relation owns --relation SUPPORT --kind vendor --weight none",
      "path " + q + x + y + "--relation supplies --relation owns --json",
      "path " + q + x + y + "--kind person --kind media --kind agency",
      "path " + q + y + x + "--directed --relation supplies --weight none --json",
      "path " + q + h1 + y + "--kind government --avoid " + h2 + "--json",
  };
  int found = 0;
  for (const std::string& c : commands) {
    SCOPED_TRACE("np " + std::to_string(np) + ": " + c);
    const RunResult want = single(c), got = distributed(np, "--verbose " + c);
    ASSERT_EQ(want.status, 0) << want.err;
    ASSERT_EQ(got.status, 0) << got.err;
    EXPECT_EQ(got.out, want.out);
    EXPECT_FALSE(want.out.empty());
    found += want.out.find("no path") == std::string::npos;
    EXPECT_NE(got.err.find("rank 0 prints from the results and the labels gathered to it"),
              std::string::npos)
        << got.err;
    const auto [total, share] = rank0_reads(got.err);
    ASSERT_GT(share, 0) << got.err;
    EXPECT_GE(total, share);
    EXPECT_LE(total - share, size - tables + 16384) << got.err;
  }
  EXPECT_GE(found, 3);  // most of them find a path (the constraints are not vacuous: below)
  EXPECT_NE(single("path " + q + h1 + h2 + "--relation supplies --json").out,
            single("path " + q + h1 + h2 + "--json").out);
}

// Path by relation and kind on the samples graph, as stakegraph prints it, and the errors of
// an unknown relation or kind (usage errors, exit status 2); --all and --k refused at once.
TEST_P(MpiCli, PathByRelationAndKindOnPartsAsStakegraph) {
  const int np = GetParam();
  const std::string q = "'" + graphs().front() + "' ";
  const std::vector<std::string> commands{
      "path " + q + "Huawei 'New Zealand' --relation supplies --relation SANCTION",
      "path " + q + "huawei 'new zealand' --kind government --kind vendor --json",
      "path " + q + "Huawei 'United States' --relation ACCUSE --weight none --directed",
      "path " + q + "Huawei 'New Zealand' --relation no-such-relation",
      "path " + q + "Huawei 'New Zealand' --kind no-such-kind",
  };
  for (const std::string& c : commands) {
    SCOPED_TRACE("np " + std::to_string(np) + ": " + c);
    const RunResult want = single(c), got = distributed(np, c);
    EXPECT_EQ(got.status, want.status) << got.err;
    EXPECT_EQ(got.out, want.out);
    if (want.status != 0) {
      const std::string why = want.err.substr(want.err.find(": ") + 2);
      EXPECT_NE(got.err.find(why), std::string::npos) << got.err << "\nwant: " << want.err;
    }
  }
  // --all and --k (not distributed) are refused before rank 0 reads anything (before this,
  // after it had loaded the whole graph).
  for (const std::string opt : {" --all", " --k 3"}) {
    const RunResult got = distributed(np, "--verbose path " + q + "Huawei 'New Zealand'" + opt);
    EXPECT_EQ(got.status, 2) << got.err;
    EXPECT_NE(got.err.find("is not distributed"), std::string::npos) << got.err;
    EXPECT_EQ(rank0_reads(got.err).first, 0) << got.err;
  }
}

// Path on the samples graph by names, aliases and ids, with --avoid, through the parts held
// by the ranks: the same output as stakegraph (and the same errors for unknown names).
TEST_P(MpiCli, PathOnPartsFindsNodesAsStakegraph) {
  const int np = GetParam();
  const std::string g = graphs().front();
  const auto [a, b] = endpoints(g);
  const std::string q = "'" + g + "' ";
  const std::vector<std::string> commands{
      "path " + q + "Huawei 'New Zealand'",
      "path " + q + "huawei 'new zealand' --weight none --json",
      "path " + q + "'" + a + "' '" + b + "' --avoid Huawei --json",
      "path " + q + "'" + b + "' Huawei --directed",
      "path " + q + "Huawei 'No Such Stakeholder'",
  };
  for (const std::string& c : commands) {
    SCOPED_TRACE("np " + std::to_string(np) + ": " + c);
    const RunResult want = single(c), got = distributed(np, c);
    EXPECT_EQ(got.status, want.status) << got.err;
    EXPECT_EQ(got.out, want.out);
  }
}

}  // namespace
}  // namespace stakegraph::mpi_cli_test
