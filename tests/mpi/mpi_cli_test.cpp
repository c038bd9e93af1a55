// stakegraph-mpi against stakegraph: the same subcommand on the same graph must print the
// same thing, under `mpirun --oversubscribe -np 1`, 2 and 4. Text and JSON output are
// compared byte for byte, except betweenness, whose scores are sums taken in another order
// and are compared within 1e-9 relative. Also: errors keep the single-process exit codes,
// and a rank that fails or is killed ends the whole job with a non-zero status, naming the
// rank (fault injection through STAKEGRAPH_MPI_TEST_FAIL_RANK / _KILL_RANK, cli/mpi/main.cpp).
// Graphs: the bundled samples graph and seeded generated graphs (stakegraph generate).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct RunResult {
  int status = -1;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path work_dir() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("sg_mpi_cli_" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

RunResult sh(const std::string& cmd, const std::string& env = "", int timeout_seconds = 600) {
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

RunResult single(const std::string& args) {
  return sh(std::string("'") + STAKEGRAPH_BIN + "' " + args);
}
// OpenMPI as root (CI) needs the two ALLOW variables; vader's single-copy mechanism (CMA)
// needs ptrace rights that containers often lack. Run time only (.ci/README.md): the ranks
// talk through shared memory (ob1 over vader and self, what OpenMPI picks on one host anyway,
// without probing the UCX, OFI and PSM network stacks at every start), and a job that ends
// with a failed or killed rank is torn down at once (odls_base_sigkill_timeout 0: mpirun
// otherwise waits twice 1 s for ranks that are already gone, 2-3 s per failing run).
constexpr const char* kMpiEnv =
    "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 "
    "OMPI_MCA_btl_vader_single_copy_mechanism=none OMPI_MCA_pml=ob1 OMPI_MCA_btl=self,vader "
    "OMPI_MCA_odls_base_sigkill_timeout=0 ";

// Each test process keeps OpenMPI's session directory in its own folder: two mpiruns that
// start at once under `ctest -j2` raced on creating /tmp/ompi.<host>.<uid> ("File exists").
RunResult distributed(int np, const std::string& args, const std::string& env = "") {
  return sh("'" + std::string(STAKEGRAPH_MPIEXEC) + "' --oversubscribe -np " + std::to_string(np) +
                " '" + STAKEGRAPH_MPI_BIN + "' " + args,
            kMpiEnv + ("OMPI_MCA_orte_tmpdir_base='" + work_dir().string() + "' ") + env);
}

// The graphs: samples/stakeholders.sgpb (57 nodes, real names) and two generated graphs.
const std::vector<std::string>& graphs() {
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
std::pair<std::string, std::string> endpoints(const std::string& g) {
  const RunResult r = single("centrality '" + g + "' --metric degree --top 0 --json");
  const auto j = nlohmann::json::parse(r.out);
  return {j["scores"].front()["id"].get<std::string>(),
          j["scores"].back()["id"].get<std::string>()};
}

class MpiCli : public ::testing::TestWithParam<int> {};

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

// A graph file as JSON in canonical order: nodes, edges (with their evidence sorted) and
// articles, each sorted by their JSON text.
std::vector<std::vector<std::string>> canonical(const std::string& sgpb) {
  const std::string json = sgpb + ".json";
  const RunResult c = single("convert '" + sgpb + "' '" + json + "'");
  EXPECT_EQ(c.status, 0) << c.err;
  auto j = nlohmann::json::parse(slurp(json));
  std::vector<std::vector<std::string>> out(3);
  for (const auto& n : j["nodes"]) out[0].push_back(n.dump());
  for (auto e : j["edges"]) {
    std::vector<std::string> ev;
    for (const auto& x : e["evidence"]) ev.push_back(x.dump());
    std::sort(ev.begin(), ev.end());
    e["evidence"] = ev;
    out[1].push_back(e.dump());
  }
  for (const auto& a : j["articles"]) out[2].push_back(a.dump());
  for (auto& v : out) std::sort(v.begin(), v.end());
  return out;
}

TEST_P(MpiCli, IngestEqualsSingleProcessIngest) {
  const int np = GetParam();
  const std::string articles = std::string(STAKEGRAPH_SOURCE_DIR) + "/samples/articles";
  const fs::path want = work_dir() / "ingest_single.sgpb";
  const fs::path got = work_dir() / ("ingest_np" + std::to_string(np) + ".sgpb");
  fs::remove(want);
  fs::remove(got);
  const RunResult a = single("ingest -q '" + articles + "' -o '" + want.string() + "'");
  ASSERT_EQ(a.status, 0) << a.err;
  const RunResult b = distributed(np, "ingest '" + articles + "' -o '" + got.string() + "'");
  ASSERT_EQ(b.status, 0) << b.err;
  const auto x = canonical(want.string()), y = canonical(got.string());
  EXPECT_GE(x[0].size(), 20u) << "the samples give a graph worth comparing";
  EXPECT_EQ(x[0], y[0]) << "nodes";
  EXPECT_EQ(x[1], y[1]) << "edges and evidence";
  EXPECT_EQ(x[2], y[2]) << "articles";
}

// Issue 15: stakegraph-mpi ingest lacked --date-order and printed none of the warnings of
// `stakegraph ingest` (a JSON Lines article without a text field, an ambiguous header date).
// Now both programs print the same warning lines, in file order whatever the ranks, and
// --date-order gives the same graph.
TEST_P(MpiCli, IngestWarnsAndTakesDateOrderAsSingleProcessIngest) {
  const int np = GetParam();
  const fs::path dir = work_dir() / ("warn_articles_np" + std::to_string(np));
  fs::create_directories(dir);
  // a.txt: an ambiguous numeric date; b.jsonl: line 1 has no text field, line 2 has
  // "content"; c.txt: an unreadable date.
  std::ofstream(dir / "a.txt") << "Title: Telekom\nDate: 05/03/2024\n\nDeutsche Telekom, which "
                                  "buys much of its radio equipment from Huawei, said it "
                                  "supported common European rules.\n";
  std::ofstream(dir / "b.jsonl")
      << "{\"title\": \"empty\", \"date\": \"2024-01-02\"}\n"
      << "{\"title\": \"ban\", \"date\": \"2024-01-03\", \"content\": \"Canada has banned "
         "Huawei and ZTE from its 5G networks.\"}\n";
  std::ofstream(dir / "c.txt") << "Title: Odd\nDate: sometime in spring\n\nWashington welcomed "
                                  "the move.\n";
  auto warnings = [](const std::string& err) {
    std::vector<std::string> out;
    std::istringstream in(err);
    for (std::string l; std::getline(in, l);)
      if (l.rfind("stakegraph: warning: ", 0) == 0) out.push_back(l);
    return out;
  };
  for (const std::string order : {"", " --date-order mdy"}) {
    SCOPED_TRACE(order);
    const fs::path want = work_dir() / "warn_single.sgpb";
    const fs::path got = work_dir() / ("warn_np" + std::to_string(np) + ".sgpb");
    fs::remove(want);
    fs::remove(got);
    const RunResult a =
        single("ingest -q '" + dir.string() + "' -o '" + want.string() + "'" + order);
    ASSERT_EQ(a.status, 0) << a.err;
    const RunResult b =
        distributed(np, "ingest '" + dir.string() + "' -o '" + got.string() + "'" + order);
    ASSERT_EQ(b.status, 0) << b.err;
    const auto wa = warnings(a.err);
    EXPECT_EQ(wa, warnings(b.err)) << a.err << "\n---\n" << b.err;
    const std::string all = a.err;
    EXPECT_NE(all.find("b.jsonl:1"), std::string::npos) << all;  // no text field
    EXPECT_NE(all.find("sometime in spring"), std::string::npos) << all;
    EXPECT_EQ(all.find("ambiguous date") != std::string::npos, order.empty()) << all;
    EXPECT_EQ(wa.size(), order.empty() ? 3u : 2u) << all;
    const auto x = canonical(want.string()), y = canonical(got.string());
    EXPECT_EQ(x[1], y[1]) << "edges and evidence";
    EXPECT_EQ(x[2], y[2]) << "articles (their dates: 2024-05-03 with mdy)";
    bool may = false;  // a.txt's date read month first
    for (const std::string& article : y[2]) may |= article.find("2024-05-03") != std::string::npos;
    EXPECT_EQ(may, !order.empty());
  }
  const RunResult bad =
      distributed(np, "ingest '" + dir.string() + "' -o '" + (work_dir() / "x.sgpb").string() +
                          "' --date-order ymd");
  EXPECT_EQ(bad.status, 2) << bad.err;
  EXPECT_NE(bad.err.find("--date-order"), std::string::npos) << bad.err;
}

TEST_P(MpiCli, AFailingIngestRankWritesNothing) {
  const int np = GetParam();
  // The articles plus a binary file, sorted last: it falls on the last rank.
  const fs::path dir = work_dir() / ("bad_articles_np" + std::to_string(np));
  fs::create_directories(dir);
  for (const auto& e :
       fs::directory_iterator(std::string(STAKEGRAPH_SOURCE_DIR) + "/samples/articles"))
    fs::copy_file(e.path(), dir / e.path().filename(), fs::copy_options::overwrite_existing);
  std::ofstream(dir / "zz-binary.txt", std::ios::binary) << std::string("abc\0def\n", 8);
  const fs::path out = work_dir() / "kept.sgpb";
  std::ofstream(out, std::ios::binary) << "previous contents";
  const RunResult r = distributed(np, "ingest '" + dir.string() + "' -o '" + out.string() + "'");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("rank " + std::to_string(np - 1) + ": "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("zz-binary.txt"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(out), "previous contents");
}

// ---- import gdelt (issue 17, item 2) ------------------------------------------------------

// The GDELT samples of tests/data/gdelt, as six files: the 710-row GDELT 1.0 sample cut into
// five parts, the GDELT 2.0 excerpt (header line, 61 columns), and the first part again (its
// events are duplicates, on another rank than the first copy).
std::vector<std::string> gdelt_files() {
  static const std::vector<std::string> files = [] {
    const std::string dir = std::string(STAKEGRAPH_SOURCE_DIR) + "/tests/data/gdelt/";
    std::istringstream in(slurp(dir + "gdelt1_events_sample_710rows.tsv"));
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l + "\n");
    std::vector<std::string> out;
    for (int part = 0; part < 5; ++part) {
      const fs::path p = work_dir() / ("gdelt_part" + std::to_string(part) + ".tsv");
      std::ofstream f(p, std::ios::binary);
      for (std::size_t i = lines.size() * part / 5; i < lines.size() * (part + 1) / 5; ++i)
        f << lines[i];
      out.push_back(p.string());
    }
    out.push_back(dir + "gdelt2_export_excerpt_7rows_newsnet.tsv");
    out.push_back(out.front());
    return out;
  }();
  return files;
}

std::string quoted(const std::vector<std::string>& files) {
  std::string s;
  for (const auto& f : files) s += "'" + f + "' ";
  return s;
}

// The --json summary without the time and the output path.
nlohmann::json import_summary(const std::string& out) {
  auto j = nlohmann::json::parse(out);
  j.erase("seconds");
  j["graph"].erase("path");
  return j;
}

TEST_P(MpiCli, ImportGdeltEqualsSingleProcessImport) {
  const int np = GetParam();
  for (const std::string opts :
       {"", " --keep-statements", " --since 2006-08-01 --root-codes 04,05,19"}) {
    SCOPED_TRACE("np " + std::to_string(np) + ": import gdelt" + opts);
    const fs::path want = work_dir() / "gdelt_single.sgpb";
    const fs::path got = work_dir() / ("gdelt_np" + std::to_string(np) + ".sgpb");
    fs::remove(want);
    fs::remove(got);
    const std::string args = "import gdelt -q " + quoted(gdelt_files()) + "--json" + opts;
    const RunResult a = single(args + " -o '" + want.string() + "'");
    ASSERT_EQ(a.status, 0) << a.err;
    const RunResult b = distributed(np, args + " -o '" + got.string() + "'");
    ASSERT_EQ(b.status, 0) << b.err;
    const auto x = import_summary(a.out), y = import_summary(b.out);
    EXPECT_GT(x["imported_rows"].get<int>(), 0);
    EXPECT_GT(x["duplicate_rows"].get<int>(), 0);  // the first part, read twice
    EXPECT_EQ(x, y);
    // The same graph, byte for byte (rank 0 builds it from the rows in file order).
    EXPECT_EQ(slurp(want), slurp(got));
  }
}

TEST_P(MpiCli, ImportGdeltIntoAnExistingGraphEqualsSingleProcess) {
  const int np = GetParam();
  // Both outputs start as the import of the first part; the other files are merged into it
  // (the running mean of the Goldstein scores continues from the edges already there).
  const std::vector<std::string> files = gdelt_files();
  const fs::path want = work_dir() / "gdelt_existing_single.sgpb";
  const fs::path got = work_dir() / ("gdelt_existing_np" + std::to_string(np) + ".sgpb");
  fs::remove(want);
  ASSERT_EQ(single("import gdelt -q '" + files[0] + "' -o '" + want.string() + "'").status, 0);
  fs::copy_file(want, got, fs::copy_options::overwrite_existing);
  const std::vector<std::string> rest(files.begin() + 1, files.end() - 1);
  const RunResult a = single("import gdelt -q " + quoted(rest) + "-o '" + want.string() + "'");
  ASSERT_EQ(a.status, 0) << a.err;
  const RunResult b =
      distributed(np, "import gdelt -q " + quoted(rest) + "-o '" + got.string() + "'");
  ASSERT_EQ(b.status, 0) << b.err;
  EXPECT_EQ(slurp(want), slurp(got));
  // The text summary too, but for the output's name and the time.
  auto untimed = [](const std::string& s) {
    const auto from = s.find(": imported");
    return s.substr(from, s.rfind(" articles (") - from);
  };
  EXPECT_EQ(untimed(a.out), untimed(b.out));
}

TEST_P(MpiCli, AFailingImportRankWritesNothing) {
  const int np = GetParam();
  // The sample's files and, last (on the last rank), a file that is not GDELT data.
  std::vector<std::string> files = gdelt_files();
  const fs::path notes = work_dir() / "notes.tsv";
  std::ofstream(notes) << "todo\tbuy milk\n";
  files.push_back(notes.string());
  const fs::path out = work_dir() / "gdelt_kept.sgpb";
  std::ofstream(out, std::ios::binary) << "previous contents";
  const RunResult r =
      distributed(np, "import gdelt -q " + quoted(files) + "-o '" + out.string() + "'");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("rank " + std::to_string(np - 1) + ": "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("notes.tsv"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(out), "previous contents");
  // Bad options are refused before any rank reads, with the usage exit code.
  const RunResult bad = distributed(
      np, "import gdelt -q '" + files[0] + "' --root-codes 99 -o '" + out.string() + "'");
  EXPECT_EQ(bad.status, 2) << bad.err;
  EXPECT_EQ(slurp(out), "previous contents");
}

// ---- reading by frame ranges (issue 17, item 1) -------------------------------------------

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
    // A computed subgraph is not the file's: its rows are scattered from rank 0 (a bare
    // --kind only filters what is printed, issue 15).
    const RunResult filtered = distributed(np, "--verbose " + c + " --kind government --subgraph");
    ASSERT_EQ(filtered.status, 0) << filtered.err;
    EXPECT_EQ(filtered.out, single(c + " --kind government --subgraph").out);
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

// Issue 17: rank 0 prints a whole-graph PageRank of a version 3 file from the scores and
// the labels (ids, names, kinds of the printed nodes) gathered to it: it reads its own share
// of the file and nothing more (before this, it also loaded the whole graph to print).
TEST_P(MpiCli, RankZeroReadsOnlyItsShareToPrint) {
  const int np = GetParam();
  const fs::path g3 = work_dir() / "share_v3.sgpb";
  if (!fs::exists(g3)) {
    const RunResult r =
        single("generate --nodes 30000 --edges 60000 --seed 7 -q -o '" + g3.string() + "'");
    ASSERT_EQ(r.status, 0) << r.err;
  }
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
  // The path that loads the graph on rank 0 (a computed subgraph) reads every node and edge
  // table (what one rank alone reads as its share, index aside): the accounting sees a
  // whole-graph load, more than rank 0's share above.
  const std::string top5 = "centrality '" + g3.string() + "' --metric pagerank --top 5";
  const auto [whole_total, one_rank_share] = rank0_reads(distributed(1, "--verbose " + top5).err);
  const auto [np_total, np_share] = rank0_reads(distributed(np, "--verbose " + top5).err);
  const RunResult filtered = distributed(np, "--verbose " + top5 + " --kind vendor --subgraph");
  ASSERT_EQ(filtered.status, 0) << filtered.err;
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
                               "centrality " + q + "--metric pagerank --weight evidence --json"}) {
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
  if (!fs::exists(g3)) {
    const RunResult r =
        single("generate --nodes 30000 --edges 60000 --seed 7 -q -o '" + g3.string() + "'");
    ASSERT_EQ(r.status, 0) << r.err;
  }
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
  const fs::path g3 = work_dir() / "share_v3.sgpb";
  if (!fs::exists(g3)) {
    const RunResult r =
        single("generate --nodes 30000 --edges 60000 --seed 7 -q -o '" + g3.string() + "'");
    ASSERT_EQ(r.status, 0) << r.err;
  }
  // The node and edge tables: what one rank alone reads as its share (np 1).
  const long long tables = rank0_reads(distributed(1, "--verbose centrality '" + g3.string() +
                                                          "' --metric pagerank --top 1")
                                           .err)
                               .second;
  ASSERT_GT(tables, 0);
  const auto size = static_cast<long long>(fs::file_size(g3));
  const auto [a, b] = endpoints(g3.string());
  // The two highest-degree nodes: joined by a path, whose hops' evidence cites articles (the
  // old code read the tables a second time besides them: more than the bound below).
  const auto top = nlohmann::json::parse(
      single("centrality '" + g3.string() + "' --metric degree --top 2 --json").out)["scores"];
  const std::string h1 = "'" + top[0]["id"].get<std::string>() + "' ",
                    h2 = "'" + top[1]["id"].get<std::string>() + "' ";
  const std::string q = "'" + g3.string() + "' ";
  const std::string x = "'" + a + "' ", y = "'" + b + "' ";
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

std::string ranks_name(const ::testing::TestParamInfo<int>& p) {
  return "np" + std::to_string(p.param);
}
INSTANTIATE_TEST_SUITE_P(Ranks, MpiCli, ::testing::Values(1, 2, 4), ranks_name);
INSTANTIATE_TEST_SUITE_P(Ranks, MpiCliRanks, ::testing::Values(2, 4), ranks_name);

}  // namespace
