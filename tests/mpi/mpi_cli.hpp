// What the tests of stakegraph-mpi against stakegraph share (tests/mpi/mpi_cli_test.cpp,
// mpi_ingest_import_test.cpp, mpi_frame_ranges_test.cpp, one executable): running either
// program in a shell with a time limit, the OpenMPI environment of the mpirun lines, a work
// folder per test process, the graphs compared, and the fixture `MpiCli` whose parameter is
// the number of ranks (instantiated once, in mpi_cli_test.cpp, for 1, 2 and 4 ranks).
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace stakegraph::mpi_cli_test {

namespace fs = std::filesystem;

struct RunResult {
  int status = -1;
  std::string out, err;
};

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline fs::path work_dir() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("sg_mpi_cli_" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

inline RunResult sh(const std::string& cmd, const std::string& env = "",
                    int timeout_seconds = 600) {
  const fs::path out = work_dir() / "out", err = work_dir() / "err";
  const std::string full = env + "timeout -k 10 " + std::to_string(timeout_seconds) + " " + cmd +
                           " >'" + out.string() + "' 2>'" + err.string() + "' </dev/null";
  const int raw = std::system(full.c_str());
  RunResult r;
  if (WIFEXITED(raw))
    r.status = WEXITSTATUS(raw);
  else if (WIFSIGNALED(raw))
    r.status = 128 + WTERMSIG(raw);
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

inline RunResult single(const std::string& args) {
  return sh(std::string("'") + STAKEGRAPH_BIN + "' " + args);
}
// OpenMPI as root (CI) needs the two ALLOW variables; vader's single-copy mechanism (CMA)
// needs ptrace rights that containers often lack. Run time only (.ci/README.md): the ranks
// talk through shared memory (ob1 over vader and self, what OpenMPI picks on one host anyway,
// without probing the UCX, OFI and PSM network stacks at every start), and a job that ends
// with a failed or killed rank is torn down at once (odls_base_sigkill_timeout 0: mpirun
// otherwise waits twice 1 s for ranks that are already gone, 2-3 s per failing run).
inline constexpr const char* kMpiEnv =
    "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 "
    "OMPI_MCA_btl_vader_single_copy_mechanism=none OMPI_MCA_pml=ob1 OMPI_MCA_btl=self,vader "
    "OMPI_MCA_odls_base_sigkill_timeout=0 ";

// Each test process keeps OpenMPI's session directory in its own folder: two mpiruns that
// start at once under `ctest -j2` raced on creating /tmp/ompi.<host>.<uid> ("File exists").
inline RunResult distributed(int np, const std::string& args, const std::string& env = "") {
  return sh("'" + std::string(STAKEGRAPH_MPIEXEC) + "' --oversubscribe -np " + std::to_string(np) +
                " '" + STAKEGRAPH_MPI_BIN + "' " + args,
            kMpiEnv + ("OMPI_MCA_orte_tmpdir_base='" + work_dir().string() + "' ") + env);
}

// The graphs: samples/stakeholders.sgpb (57 nodes, real names) and two generated graphs.
inline const std::vector<std::string>& graphs() {
  static const std::vector<std::string> g = [] {
    std::vector<std::string> out{std::string(STAKEGRAPH_SOURCE_DIR) + "/samples/stakeholders.sgpb"};
    for (auto [n, m, seed] : {std::tuple{400, 600, 3}, std::tuple{1500, 9000, 11}}) {
      const fs::path p = work_dir() / ("g" + std::to_string(n) + ".sgpb");
      const RunResult r =
          single("generate --nodes " + std::to_string(n) + " --edges " + std::to_string(m) +
                 " --seed " + std::to_string(seed) + " -o '" + p.string() + "'");
      EXPECT_EQ(r.status, 0) << r.err;
      out.push_back(p.string());
    }
    return out;
  }();
  return g;
}

// The names of the highest- and lowest-degree nodes of a graph (path endpoints).
inline std::pair<std::string, std::string> endpoints(const std::string& g) {
  const RunResult r = single("centrality '" + g + "' --metric degree --top 0 --json");
  const auto j = nlohmann::json::parse(r.out);
  return {j["scores"].front()["id"].get<std::string>(),
          j["scores"].back()["id"].get<std::string>()};
}

class MpiCli : public ::testing::TestWithParam<int> {};

}  // namespace stakegraph::mpi_cli_test
