// Nothing lost: a writer killed with SIGKILL at any point (inside the frame stream, after the
// fsync, before the rename) leaves the previous graph file intact and loadable, and no
// half-written target. Kill points are injected through STAKEGRAPH_TEST_KILL_AT
// (io/atomic_file.hpp); `ingest` is also killed at moments picked by time (fractions of a
// full run's duration) while it loads, extracts and saves. And `ingest` into an existing
// graph never loses what earlier articles put there; re-ingesting them changes nothing.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "io/formats/formats.hpp"
#include "io/formats/sgpb.hpp"
#include "tests/cli/run.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

extern char** environ;

namespace stakegraph {
namespace {

namespace fs = std::filesystem;
using test_support::run_stakegraph;

const std::string kSamples = std::string(STAKEGRAPH_SOURCE_DIR) + "/samples/articles";

std::string quote(const std::string& s) { return "'" + s + "'"; }

// "" when every node, alias, attribute, edge, evidence item and article of `a` is in `b`
// (found by id; evidence compared by article, position, text, hedging and rule); else the
// first thing missing.
std::string missing_from(const graph::Graph& a, const graph::Graph& b) {
  using namespace graph;
  for (NodeIndex v = 0; v < a.node_count(); ++v) {
    const NodeData& x = a.node(v);
    const auto w = b.find_by_id(x.id);
    if (!w) return "node " + x.id + " lost";
    const NodeData& y = b.node(*w);
    if (x.name != y.name || x.kind != y.kind) return "node " + x.id + " changed name or kind";
    for (const auto& alias : x.aliases)
      if (std::find(y.aliases.begin(), y.aliases.end(), alias) == y.aliases.end())
        return "node " + x.id + " lost alias " + alias;
    for (const auto& attribute : x.attributes)
      if (std::find(y.attributes.begin(), y.attributes.end(), attribute) == y.attributes.end())
        return "node " + x.id + " lost attribute " + attribute.first;
  }
  for (const Article& art : a.articles()) {
    const auto i = b.find_article(art.id);
    if (!i) return "article " + art.id + " lost";
    if (b.articles()[*i].text_hash != art.text_hash) return "article " + art.id + " changed";
  }
  auto evidence_key = [](const Graph& g, const Evidence& e) {
    return (e.article == kNoArticle ? std::string() : g.articles()[e.article].id) + "|" +
           std::to_string(e.sentence) + "|" + std::to_string(e.start) + "|" +
           std::to_string(e.end) + "|" + e.text + "|" + (e.hedged ? "h" : "") + "|" + e.rule;
  };
  for (auto [it, end] = boost::edges(a.boost_graph()); it != end; ++it) {
    const EdgeData& x = a.edge(*it);
    const std::string label = a.node(a.source(*it)).id + " -" +
                              std::string(relation_name(x.relation)) + "-> " +
                              a.node(a.target(*it)).id;
    const auto s = b.find_by_id(a.node(a.source(*it)).id);
    const auto t = b.find_by_id(a.node(a.target(*it)).id);
    const auto e = s && t ? b.find_edge(*s, *t, x.relation) : std::nullopt;
    if (!e) return "edge " + label + " lost";
    std::set<std::string> have;
    for (const Evidence& ev : b.edge(*e).evidence) have.insert(evidence_key(b, ev));
    for (const Evidence& ev : x.evidence)
      if (!have.count(evidence_key(a, ev))) return "evidence of " + label + " lost: " + ev.text;
  }
  return "";
}

// `count` synthetic news articles about the lexicon's actors, one file each, in `dir`.
void write_corpus(const fs::path& dir, int count) {
  static const char* const kCountries[] = {"Germany", "France", "Denmark", "Sweden", "Poland",
                                           "Italy",   "Spain",  "Canada",  "Japan",  "India"};
  static const char* const kVendors[] = {"Huawei", "ZTE", "Nokia", "Ericsson", "Samsung"};
  static const char* const kOperators[] = {"BT", "Vodafone", "Telus", "EE", "Three"};
  fs::create_directories(dir);
  for (int i = 0; i < count; ++i) {
    const std::string c = kCountries[i % 10], c2 = kCountries[(i / 10 + 3) % 10];
    const std::string v = kVendors[i % 5], v2 = kVendors[(i / 5 + 1) % 5];
    const std::string op = kOperators[(i / 3) % 5];
    char date[16];
    std::snprintf(date, sizeof date, "20%02d-%02d-%02d", 10 + i % 12, 1 + i % 12, 1 + i % 28);
    std::ofstream(dir / ("story-" + std::to_string(i) + ".txt"))
        << "Story " << i << ": " << c << " and " << v << "\nDate: " << date << "\n\n"
        << c << " banned " << v << " from its 5G networks on Monday. " << v2 << " supplies " << op
        << ". " << c2 << " accused " << v << " of espionage, officials said. " << c << " urged "
        << c2 << " to exclude " << v2 << ". " << op << " signed a deal with " << v2 << " in "
        << (2010 + i % 12) << ".\n";
  }
}

// The atomic writers' temporary files (".stakegraph-XXXXXX.tmp") in `dir`.
std::vector<std::string> temp_files(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(".stakegraph-", 0) == 0 && name.size() > 4 &&
        name.compare(name.size() - 4, 4, ".tmp") == 0)
      out.push_back(name);
  }
  return out;
}

// Starts `stakegraph ARGS...` with stdout and stderr discarded; returns its pid.
pid_t spawn_stakegraph(const std::vector<std::string>& args) {
  std::vector<std::string> argv_s{STAKEGRAPH_BIN};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_s) argv.push_back(s.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, STAKEGRAPH_BIN, &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  EXPECT_EQ(rc, 0);
  return pid;
}

// ---- convert killed at each kill point --------------------------------------------------------

class CrashSafetyTest : public test_support::TempDirTest,
                        public ::testing::WithParamInterface<const char*> {};

TEST_P(CrashSafetyTest, KilledConvertLeavesOldGraph) {
  const graph::Graph old_graph = test_support::story_graph();
  const graph::Graph new_graph = test_support::random_graph(300, 2000, 3);
  io::save_sgpb(old_graph, path("target.sgpb"));
  io::save_sgpb(new_graph, path("new.sgpb"));
  const auto r = test_support::run_stakegraph(
      std::string("convert '") + path("new.sgpb") + "' '" + path("target.sgpb") + "'", "",
      GetParam());
  EXPECT_EQ(r.status, 128 + 9) << "the kill point " << GetParam() << " was not reached";
  const graph::Graph after = io::load_sgpb(path("target.sgpb"));  // throws if damaged
  EXPECT_EQ(test_support::graph_difference(old_graph, after), "");
}

// ---- ingest into an existing graph killed at each kill point --------------------------------

TEST_P(CrashSafetyTest, KilledIngestLeavesOldGraph) {
  const std::string g = path("g.sgpb");
  // The graph of the first articles...
  auto first = run_stakegraph("ingest -q " + quote(kSamples + "/seed-huawei-allies.txt") + " " +
                              quote(kSamples + "/nz-spark-huawei-5g-2018.txt") + " -o " + quote(g));
  ASSERT_EQ(first.status, 0) << first.err;
  const std::string before = test_support::slurp(g);
  const graph::Graph old_graph = io::load_sgpb(g);
  // ...updated with more, killed while writing.
  const std::string more = quote(kSamples + "/canada-bans-huawei-zte-2022.txt") + " " +
                           quote(kSamples + "/eu-toolbox-member-states-2020.txt");
  const auto killed = run_stakegraph("ingest -q " + more + " -o " + quote(g), "", GetParam());
  EXPECT_EQ(killed.status, 128 + 9) << "the kill point " << GetParam() << " was not reached";
  EXPECT_EQ(test_support::slurp(g), before) << "the graph file changed";
  EXPECT_EQ(test_support::graph_difference(old_graph, io::load_sgpb(g)), "");
  // The killed writer's temporary file is left (hidden) beside the graph...
  EXPECT_EQ(temp_files(dir_).size(), 1u);
  // ...and the same update, not killed, removes it and has everything.
  const auto done = run_stakegraph("ingest -q " + more + " -o " + quote(g));
  ASSERT_EQ(done.status, 0) << done.err;
  EXPECT_EQ(temp_files(dir_), std::vector<std::string>{});
  const graph::Graph after = io::load_sgpb(g);
  EXPECT_EQ(missing_from(old_graph, after), "");
  EXPECT_GT(after.articles().size(), old_graph.articles().size());
}

INSTANTIATE_TEST_SUITE_P(KillPoints, CrashSafetyTest,
                         ::testing::Values("mid-frame", "after-fsync", "before-rename"));

// ---- SIGINT, SIGTERM, SIGHUP: the temporary file goes with the process ----------------------

// A writer stopped by a signal it may catch removes its temporary file (the file can be as
// big as the graph) and dies of that signal; the old graph stays. The signal is raised at
// each kill point (STAKEGRAPH_TEST_KILL_SIGNAL), so it lands while the file is written.
class SignalledWriter : public test_support::TempDirTest,
                        public ::testing::WithParamInterface<std::tuple<const char*, const char*>> {
};

TEST_P(SignalledWriter, RemovesItsTempFile) {
  const auto [point, signal] = GetParam();
  const std::string name = signal;
  const int number = name == "INT" ? SIGINT : name == "TERM" ? SIGTERM : SIGHUP;
  const graph::Graph old_graph = test_support::story_graph();
  io::save_sgpb(old_graph, path("target.sgpb"));
  io::save_sgpb(test_support::random_graph(300, 2000, 3), path("new.sgpb"));
  const std::string before = test_support::slurp(path("target.sgpb"));
  ::setenv("STAKEGRAPH_TEST_KILL_SIGNAL", signal, 1);
  const auto r = run_stakegraph(
      "convert " + quote(path("new.sgpb")) + " " + quote(path("target.sgpb")), "", point);
  const auto i = run_stakegraph("ingest -q " + quote(kSamples + "/seed-huawei-allies.txt") +
                                    " -o " + quote(path("target.sgpb")),
                                "", point);
  ::unsetenv("STAKEGRAPH_TEST_KILL_SIGNAL");
  EXPECT_EQ(r.status, 128 + number) << r.err;
  EXPECT_EQ(i.status, 128 + number) << i.err;
  EXPECT_EQ(temp_files(dir_), std::vector<std::string>{});
  EXPECT_EQ(test_support::slurp(path("target.sgpb")), before);
  // Nothing else is left either: no lock file.
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir_)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"new.sgpb", "target.sgpb"}));
}

INSTANTIATE_TEST_SUITE_P(KillPointsAndSignals, SignalledWriter,
                         ::testing::Combine(::testing::Values("mid-frame", "after-fsync",
                                                              "before-rename"),
                                            ::testing::Values("INT", "TERM", "HUP")),
                         [](const auto& param_info) {
                           std::string name = std::string(std::get<0>(param_info.param)) + "_" +
                                              std::get<1>(param_info.param);
                           for (char& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

class CrashSafety : public test_support::TempDirTest {};

TEST_F(CrashSafety, CompletedConvertReplacesGraph) {
  const std::string target = path("target.sgpb"), src = path("new.sgpb");
  io::save_sgpb(test_support::story_graph(), target);
  const graph::Graph new_graph = test_support::random_graph(50, 100, 4);
  io::save_sgpb(new_graph, src);
  const auto r = test_support::run_stakegraph("convert '" + src + "' '" + target + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(test_support::graph_difference(new_graph, io::load_sgpb(target)), "");
}

// A signal from outside, at a moment picked by time, while a large graph is written: the
// process dies of it and leaves no temporary file, whenever it lands.
TEST_F(CrashSafety, SigtermFromOutsideLeavesNoTempFile) {
#ifdef STAKEGRAPH_SANITIZED
  const graph::Graph big = test_support::random_graph(5000, 30000, 5);
#else
  const graph::Graph big = test_support::random_graph(20000, 150000, 5);
#endif
  io::save_sgpb(big, path("big.sgpb"));
  int signalled = 0;
  for (int delay_ms : {5, 20, 50, 100, 200, 400}) {
    SCOPED_TRACE("SIGTERM after " + std::to_string(delay_ms) + " ms");
    const pid_t pid = spawn_stakegraph({"convert", path("big.sgpb"), path("out.json")});
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    ::kill(pid, SIGTERM);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    if (WIFSIGNALED(status)) {
      ++signalled;
      EXPECT_EQ(WTERMSIG(status), SIGTERM);
    }
    EXPECT_EQ(temp_files(dir_), std::vector<std::string>{});
    fs::remove(path("out.json"));
  }
  std::cout << "[sigterm] " << signalled << " of 6 runs died of the signal\n";
}

// ---- ingest killed at moments picked by time --------------------------------------------------

// The existing graph is large (loading and saving it take a good part of the run) and the new
// articles are many, so that kills land while the graph is read, while articles are
// extracted and while the new graph is written. After each kill the file is the old graph or
// the new one, whole.
TEST_F(CrashSafety, IngestKilledAtTimedMomentsLeavesOldOrNewGraph) {
  // Large enough that extraction and writing each take a good part of the run (a sanitizer
  // build is about ten times slower: a smaller run has the same phases).
#ifdef STAKEGRAPH_SANITIZED
  write_corpus(dir_ / "corpus", 80);
  const graph::Graph old_graph = test_support::random_graph(4000, 24000, 11);
#else
  write_corpus(dir_ / "corpus", 400);
  const graph::Graph old_graph = test_support::random_graph(20000, 120000, 11);
#endif
  io::save_sgpb(old_graph, path("old.sgpb"));
  const std::string old_bytes = test_support::slurp(path("old.sgpb"));

  // One full run gives the new graph and the run's duration.
  fs::copy_file(path("old.sgpb"), path("full.sgpb"));
  const auto t0 = std::chrono::steady_clock::now();
  const auto full =
      run_stakegraph("ingest -q " + quote(path("corpus")) + " -o " + quote(path("full.sgpb")));
  const double full_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_EQ(full.status, 0) << full.err;
  const graph::Graph new_graph = io::load_sgpb(path("full.sgpb"));
  ASSERT_NE(test_support::graph_difference(old_graph, new_graph), "");
  ASSERT_GT(full_ms, 20.0) << "the run is too short to be killed part way";

  int old_seen = 0, new_seen = 0, while_writing = 0;
  for (const double fraction : {0.05, 0.2, 0.35, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98}) {
    SCOPED_TRACE("killed at " + std::to_string(fraction) + " of " + std::to_string(full_ms) +
                 " ms");
    const std::string g = path("g.sgpb");
    fs::remove(g);
    fs::copy_file(path("old.sgpb"), g);
    for (const std::string& t : temp_files(dir_)) fs::remove(dir_ / t);
    const pid_t pid = spawn_stakegraph({"ingest", "-q", path("corpus"), "-o", g});
    std::this_thread::sleep_for(
        std::chrono::microseconds(static_cast<long>(full_ms * fraction * 1000)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    const bool finished = WIFEXITED(status);
    if (finished) {
      EXPECT_EQ(WEXITSTATUS(status), 0);
    }
    // A temporary file left behind: the kill came while the new graph was being written.
    while_writing += !temp_files(dir_).empty();
    graph::Graph after;
    ASSERT_NO_THROW(after = io::load_sgpb(g)) << "the graph file is damaged";
    const std::string bytes = test_support::slurp(g);
    if (bytes == old_bytes) {
      ++old_seen;
      EXPECT_FALSE(finished) << "a finished run left the old graph";
    } else {
      ++new_seen;
      EXPECT_EQ(test_support::graph_difference(new_graph, after), "");
    }
  }
  // Kills landed before the rename at least once (the last fractions may let it finish).
  EXPECT_GT(old_seen, 0);
  std::cout << "[timed kills] full run " << full_ms << " ms: old graph after " << old_seen
            << " kills (" << while_writing << " of them while writing), new graph after "
            << new_seen << "\n";
}

// ---- ingest never loses earlier articles' nodes, edges or evidence ----------------------------

class IngestKeepsEarlier : public test_support::TempDirTest {};

TEST_F(IngestKeepsEarlier, SecondIngestKeepsFirstAndReingestChangesNothing) {
  const std::string g = path("g.sgpb");
  // A: two sample articles. B: the other samples and synthetic stories about the same
  // actors (new evidence on A's edges, new edges on A's nodes).
  const std::string a = quote(kSamples + "/seed-huawei-allies.txt") + " " +
                        quote(kSamples + "/canada-bans-huawei-zte-2022.txt");
  write_corpus(dir_ / "b", 30);
  const std::string b = quote(kSamples + "/nz-spark-huawei-5g-2018.txt") + " " +
                        quote(kSamples + "/eu-toolbox-member-states-2020.txt") + " " +
                        quote(kSamples + "/world-diplomacy-digest-2024.txt") + " " +
                        quote(path("b"));

  ASSERT_EQ(run_stakegraph("ingest -q " + a + " -o " + quote(g)).status, 0);
  const graph::Graph after_a = io::load_sgpb(g);
  ASSERT_GT(after_a.node_count(), 3u);
  ASSERT_GT(after_a.edge_count(), 3u);
  ASSERT_GT(after_a.evidence_count(), 3u);

  const auto rb = run_stakegraph("ingest -q " + b + " -o " + quote(g));
  ASSERT_EQ(rb.status, 0) << rb.err;
  const graph::Graph after_b = io::load_sgpb(g);
  EXPECT_EQ(missing_from(after_a, after_b), "");
  EXPECT_GT(after_b.articles().size(), after_a.articles().size());
  EXPECT_GT(after_b.evidence_count(), after_a.evidence_count());

  // Re-ingesting A (and B) changes nothing, byte for byte.
  const std::string bytes_b = test_support::slurp(g);
  const auto ra = run_stakegraph("ingest -q " + a + " -o " + quote(g));
  ASSERT_EQ(ra.status, 0) << ra.err;
  EXPECT_EQ(test_support::graph_difference(after_b, io::load_sgpb(g)), "");
  EXPECT_EQ(test_support::slurp(g), bytes_b);
  ASSERT_EQ(run_stakegraph("ingest -q " + b + " -o " + quote(g)).status, 0);
  EXPECT_EQ(test_support::slurp(g), bytes_b);

  // The same articles ingested the other way round (B, then A) give the same content.
  const std::string g2 = path("g2.sgpb");
  ASSERT_EQ(run_stakegraph("ingest -q " + b + " -o " + quote(g2)).status, 0);
  ASSERT_EQ(run_stakegraph("ingest -q " + a + " -o " + quote(g2)).status, 0);
  const graph::Graph reversed = io::load_sgpb(g2);
  EXPECT_EQ(missing_from(after_a, reversed), "");
  EXPECT_EQ(missing_from(reversed, after_b), "");
  EXPECT_EQ(missing_from(after_b, reversed), "");
}

}  // namespace
}  // namespace stakegraph
