// stakegraph-mpi against stakegraph: the same subcommand on the same graph must print the
// same thing, under `mpirun --oversubscribe -np 1`, 2 and 4. Text and JSON output are
// compared byte for byte, except betweenness, whose scores are sums taken in another order
// and are compared within 1e-9 relative. Also: errors keep the single-process exit codes,
// and a rank that fails or is killed ends the whole job with a non-zero status, naming the
// rank (fault injection through STAKEGRAPH_MPI_TEST_FAIL_RANK / _KILL_RANK, cli/mpi/main.cpp).
// Graphs: the bundled samples graph and seeded generated graphs (stakegraph generate).
// The ingest and GDELT import runs are in mpi_ingest_import_test.cpp, the reads by frame
// ranges in mpi_frame_ranges_test.cpp (one executable; helpers in mpi_cli.hpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/mpi/mpi_cli.hpp"

namespace stakegraph::mpi_cli_test {
namespace {

TEST_P(MpiCli, SameOutputAsStakegraph) {
  const int np = GetParam();
  for (const auto& g : graphs()) {
    const auto [a, b] = endpoints(g);
    const std::string q = "'" + g + "' ";
    const std::vector<std::string> commands{
        "stats " + q,
        "stats " + q + "--json",
        "centrality " + q + "--metric pagerank --top 0",
        "centrality " + q + "--metric pagerank --json --top 0",
        "centrality " + q + "--metric pagerank --directed --weighted --json --top 0",
        "centrality " + q + "--metric pagerank --damping 0.5 --personalize '" + a + "' --json",
        "clusters " + q + "--method components",
        "clusters " + q + "--method components --json",
        "clusters " + q + "--method components --kind vendor --kind government --json",
        "path " + q + "'" + a + "' '" + b + "'",
        "path " + q + "'" + b + "' '" + a + "' --json",
        "path " + q + "'" + a + "' '" + b + "' --weighted --json",
        "path " + q + "'" + a + "' '" + b + "' --directed --json",
        "path " + q + "'" + b + "' '" + a + "' --directed --weighted",
        // Weighted is the default of both programs (issue 15); --weight none is unweighted.
        "centrality " + q + "--metric pagerank --weight none --json --top 0",
        "path " + q + "'" + a + "' '" + b + "' --weight none --json",
    };
    for (const auto& c : commands) {
      SCOPED_TRACE("np " + std::to_string(np) + ": " + c);
      const RunResult want = single(c);
      const RunResult got = distributed(np, c);
      EXPECT_EQ(got.status, want.status) << got.err;
      EXPECT_EQ(got.out, want.out);
      EXPECT_FALSE(want.out.empty());
    }
  }
}

// --engine pbgl: Parallel BGL's components, BFS and delta-stepping print what stakegraph
// prints; an unknown engine is a usage error.
TEST_P(MpiCli, ParallelBglEngineSameOutputAsStakegraph) {
  const int np = GetParam();
  for (const auto& g : graphs()) {
    const auto [a, b] = endpoints(g);
    const std::string q = "'" + g + "' ";
    const std::vector<std::string> commands{
        "clusters " + q + "--method components --json",
        "path " + q + "'" + a + "' '" + b + "' --json",
        "path " + q + "'" + a + "' '" + b + "' --weight none --json",
        "path " + q + "'" + b + "' '" + a + "' --directed --weighted --json",
    };
    for (const auto& c : commands) {
      SCOPED_TRACE("np " + std::to_string(np) + ": " + c);
      const RunResult want = single(c);
      const RunResult got = distributed(np, "--engine pbgl " + c);
      EXPECT_EQ(got.status, want.status) << got.err;
      EXPECT_EQ(got.out, want.out);
      EXPECT_FALSE(want.out.empty());
    }
  }
  const RunResult bad = distributed(np, "--engine bogus stats '" + graphs().front() + "'");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("--engine"), std::string::npos) << bad.err;
}

TEST_P(MpiCli, BetweennessWithin1e9) {
  const int np = GetParam();
  for (const auto& g : graphs()) {
    // The last: Parallel BGL's Brandes (--engine pbgl) on sampled sources (its exact runs on
    // these graphs are slow: tests/mpi/distributed_kernels_test.cpp runs them on small ones).
    for (const std::string opts : {"", " --normalized", " --weighted --directed",
                                   " --samples 50 --seed 9", " --samples 20 --seed 4 pbgl"}) {
      const bool pbgl = opts.ends_with(" pbgl");
      const std::string c = "centrality '" + g + "' --metric betweenness --top 0 --json" +
                            (pbgl ? opts.substr(0, opts.size() - 5) : opts);
      SCOPED_TRACE("np " + std::to_string(np) + ": " + c + (pbgl ? " (engine pbgl)" : ""));
      const RunResult want = single(c), got = distributed(np, (pbgl ? "--engine pbgl " : "") + c);
      ASSERT_EQ(got.status, 0) << got.err;
      const auto w = nlohmann::json::parse(want.out), h = nlohmann::json::parse(got.out);
      ASSERT_EQ(w["scores"].size(), h["scores"].size());
      // Scores equal within 1e-9 relative; ties may be ordered differently only if the
      // values differ by rounding, so compare by node id.
      std::map<std::string, double> by_id;
      for (const auto& s : w["scores"]) by_id[s["id"]] = s["score"].get<double>();
      for (const auto& s : h["scores"]) {
        const double x = by_id.at(s["id"]), y = s["score"].get<double>();
        EXPECT_NEAR(x, y, 1e-9 * std::max(1.0, std::abs(x))) << s["id"];
      }
      if (w.contains("error_bound")) {
        EXPECT_EQ(w["error_bound"], h["error_bound"]);
      }
    }
  }
}

TEST_P(MpiCli, ErrorsKeepTheExitCodes) {
  const int np = GetParam();
  const std::string missing = (work_dir() / "missing.sgpb").string();
  const RunResult m = distributed(np, "stats '" + missing + "'");
  EXPECT_EQ(m.status, 1);
  EXPECT_NE(m.err.find(missing), std::string::npos) << m.err;
  const std::string g = graphs().front();
  const RunResult louvain = distributed(np, "clusters '" + g + "' --method louvain");
  EXPECT_EQ(louvain.status, 2);
  EXPECT_NE(louvain.err.find("louvain is not distributed"), std::string::npos) << louvain.err;
  const RunResult closeness = distributed(np, "centrality '" + g + "' --metric closeness");
  EXPECT_EQ(closeness.status, 2);
  const RunResult usage = distributed(np, "centrality '" + g + "' --metric");
  EXPECT_EQ(usage.status, 2);
  const RunResult damping = distributed(np, "centrality '" + g + "' --metric pagerank --damping 2");
  EXPECT_EQ(damping.status, 2);
  // After a refused kernel the ranks still end cleanly (no hang: the timeout would say 124).
  const RunResult ok = distributed(np, "centrality '" + g + "' --metric pagerank --top 3");
  EXPECT_EQ(ok.status, 0) << ok.err;
  const RunResult help = distributed(np, "clusters --help");
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("Louvain, label propagation, camps"), std::string::npos);
}

// Cases that need a rank other than 0: run with 2 and 4 ranks only.
class MpiCliRanks : public MpiCli {};

TEST_P(MpiCliRanks, AFailingRankEndsTheJob) {
  const int np = GetParam();
  const std::string g = graphs().back();
  const RunResult failed = distributed(np, "centrality '" + g + "' --metric pagerank",
                                       "STAKEGRAPH_MPI_TEST_FAIL_RANK=1 ");
  EXPECT_NE(failed.status, 0);
  EXPECT_NE(failed.status, 124) << "hung";
  EXPECT_NE(failed.err.find("stakegraph-mpi: rank 1: error: injected test fault"),
            std::string::npos)
      << failed.err;
  const RunResult killed =
      distributed(np, "clusters '" + g + "' --method components",
                  "STAKEGRAPH_MPI_TEST_KILL_RANK=" + std::to_string(np - 1) + " ");
  EXPECT_NE(killed.status, 0);
  EXPECT_NE(killed.status, 124) << "hung";
  EXPECT_TRUE(killed.out.empty()) << killed.out;
}

std::string ranks_name(const ::testing::TestParamInfo<int>& p) {
  return "np" + std::to_string(p.param);
}
INSTANTIATE_TEST_SUITE_P(Ranks, MpiCli, ::testing::Values(1, 2, 4), ranks_name);
INSTANTIATE_TEST_SUITE_P(Ranks, MpiCliRanks, ::testing::Values(2, 4), ranks_name);

}  // namespace
}  // namespace stakegraph::mpi_cli_test
