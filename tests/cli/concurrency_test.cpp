// Racing writers lose nothing: two `ingest` runs (or two `import gdelt` runs) into one graph
// file at the same time give the graph of both, A + B, as if run one after the other; they
// serialize on the lock file beside the target (io/file_lock.hpp). With --no-wait a run
// that finds the lock held fails at once (exit 1, one line naming the graph and the lock
// file); without it, it says on stderr that it waits and goes on once the lock is free.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "io/file_lock.hpp"
#include "io/formats/formats.hpp"
#include "io/formats/sgpb.hpp"
#include "tests/cli/run.hpp"
#include "tests/support/gdelt_rows.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

extern char** environ;

namespace stakegraph {
namespace {

namespace fs = std::filesystem;
using test_support::run_stakegraph;

std::string quote(const std::string& s) { return "'" + s + "'"; }

#ifdef STAKEGRAPH_SANITIZED
constexpr int kArticles = 60;  // per run; a sanitizer build is about ten times slower
constexpr int kRows = 200;
#else
constexpr int kArticles = 200;
constexpr int kRows = 600;
#endif
constexpr int kTries = 3;

// `count` distinct news articles, one file each, in `dir`; `tag` makes every title and
// sentence differ from another corpus's.
void write_corpus(const fs::path& dir, const std::string& tag, int count) {
  static const char* const kCountries[] = {"Germany", "France", "Denmark", "Sweden", "Poland",
                                           "Italy",   "Spain",  "Canada",  "Japan",  "India"};
  static const char* const kVendors[] = {"Huawei", "ZTE", "Nokia", "Ericsson", "Samsung"};
  fs::create_directories(dir);
  for (int i = 0; i < count; ++i) {
    const std::string c = kCountries[i % 10], c2 = kCountries[(i / 10 + 3) % 10];
    const std::string v = kVendors[i % 5];
    // The file name is part of an article's id: the corpora's names differ too.
    std::ofstream(dir / (tag + "-story-" + std::to_string(i) + ".txt"))
        << "Story " << tag << " " << i << ": " << c << " and " << v << "\nDate: 2021-0" << 1 + i % 9
        << "-1" << i % 10 << "\n\n"
        << c << " banned " << v << " from its 5G networks in report " << tag << i << ". " << c2
        << " accused " << v << " of espionage, officials said.\n";
  }
}

// A GDELT 1.0 row (tests/support/gdelt_rows.hpp), its event id and URL unique.
std::string gdelt_row(int id, const std::string& a1, const std::string& a2) {
  return test_support::gdelt_row(
      {.id = id, .actor1 = a1, .actor2 = a2, .event_code = "172", .goldstein = "-5.0"});
}

void write_gdelt(const fs::path& file, int first_id, int count) {
  static const char* const kActors[] = {"USA", "CHN", "RUS", "GBR", "FRA", "DEU", "JPN", "IND"};
  std::ofstream out(file);
  for (int i = 0; i < count; ++i)
    out << gdelt_row(first_id + i, kActors[i % 8], kActors[(i / 8 + 1 + i) % 8]);
}

// Starts `stakegraph ARGS...` with stdout discarded and stderr to `err_file`.
pid_t spawn_stakegraph(const std::vector<std::string>& args, const std::string& err_file) {
  std::vector<std::string> argv_s{STAKEGRAPH_BIN};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_s) argv.push_back(s.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, STAKEGRAPH_BIN, &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  EXPECT_EQ(rc, 0);
  return pid;
}

int wait_status(pid_t pid) {
  int status = 0;
  EXPECT_EQ(::waitpid(pid, &status, 0), pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// "" when `a` and `b` hold the same nodes, edges, articles and evidence, whatever their order
// (runs that take turns in either order add evidence to an edge in either order); else the
// first difference.
std::string content_difference(const graph::Graph& a, const graph::Graph& b) {
  using namespace graph;
  auto evidence_keys = [](const Graph& g, EdgeRef e) {
    std::multiset<std::string> keys;
    for (const Evidence& ev : g.edge(e).evidence)
      keys.insert((ev.article == kNoArticle ? std::string() : g.articles()[ev.article].id) + "|" +
                  std::to_string(ev.sentence) + "|" + ev.text);
    return keys;
  };
  for (const auto& [x, y] : {std::pair{&a, &b}, std::pair{&b, &a}}) {
    for (NodeIndex v = 0; v < x->node_count(); ++v)
      if (!y->find_by_id(x->node(v).id)) return "node " + x->node(v).id + " in one only";
    for (const Article& art : x->articles())
      if (!y->find_article(art.id)) return "article " + art.id + " in one only";
    for (auto [it, end] = boost::edges(x->boost_graph()); it != end; ++it) {
      const std::string s = x->node(x->source(*it)).id, t = x->node(x->target(*it)).id;
      const auto e = y->find_edge(*y->find_by_id(s), *y->find_by_id(t), x->edge(*it).relation);
      if (!e) return "edge " + s + " -> " + t + " in one only";
      if (evidence_keys(*x, *it) != evidence_keys(*y, *e))
        return "edge " + s + " -> " + t + ": evidence differs";
    }
  }
  return "";
}

// Node, edge, article and evidence counts: a lost update shows in each.
std::string counts(const graph::Graph& g) {
  return std::to_string(g.node_count()) + " nodes, " + std::to_string(g.edge_count()) + " edges, " +
         std::to_string(g.articles().size()) + " articles, " + std::to_string(g.evidence_count()) +
         " evidence";
}

class ConcurrentWriters : public test_support::TempDirTest {};

// Runs `a` and `b` (argument lists that write `target`) at the same time, kTries times, and
// checks each time that both exit 0 and the graph is what running them one after the other
// gives: `a_then_b` or `b_then_a` (ingest keeps evidence in arrival order and may cap it,
// so the two orders can differ in which sentences an edge keeps).
void race(const fs::path& dir, const std::string& target, const std::vector<std::string>& a,
          const std::vector<std::string>& b, const graph::Graph& a_then_b,
          const graph::Graph& b_then_a) {
  for (int i = 0; i < kTries; ++i) {
    SCOPED_TRACE("try " + std::to_string(i));
    fs::remove(target);
    const pid_t pa = spawn_stakegraph(a, (dir / "a.err").string());
    const pid_t pb = spawn_stakegraph(b, (dir / "b.err").string());
    EXPECT_EQ(wait_status(pa), 0) << test_support::slurp((dir / "a.err").string());
    EXPECT_EQ(wait_status(pb), 0) << test_support::slurp((dir / "b.err").string());
    const graph::Graph after = io::load_graph(target);
    EXPECT_EQ(counts(after), counts(a_then_b));
    const std::string ab = content_difference(a_then_b, after);
    const std::string ba = content_difference(b_then_a, after);
    EXPECT_TRUE(ab.empty() || ba.empty()) << "A then B: " << ab << "; B then A: " << ba;
  }
}

// The graph of running `first` then `second` (shell text) into `target`, from nothing.
graph::Graph sequential(const std::string& target, const std::string& first,
                        const std::string& second) {
  fs::remove(target);
  EXPECT_EQ(run_stakegraph(first).status, 0);
  EXPECT_EQ(run_stakegraph(second).status, 0);
  return io::load_graph(target);
}

TEST_F(ConcurrentWriters, TwoIngestsGiveBoth) {
  write_corpus(dir_ / "a", "A", kArticles);
  write_corpus(dir_ / "b", "B", kArticles);
  // The reference: A, then B, one after the other.
  const std::string ref = path("ref.sgpb"), g = path("g.sgpb");
  const std::string a = "ingest -q " + quote(path("a")) + " -o " + quote(ref);
  const std::string b = "ingest -q " + quote(path("b")) + " -o " + quote(ref);
  const graph::Graph ab = sequential(ref, a, b), ba = sequential(ref, b, a);
  ASSERT_EQ(ab.articles().size(), 2u * kArticles);
  race(dir_, g, {"ingest", "-q", path("a"), "-o", g}, {"ingest", "-q", path("b"), "-o", g}, ab, ba);
  fs::remove(ref);
  // No lock file or temporary file is left beside the graph.
  for (const auto& e : fs::directory_iterator(dir_))
    EXPECT_EQ(e.path().filename().string()[0] == '.', false) << e.path();
}

TEST_F(ConcurrentWriters, TwoGdeltImportsGiveBoth) {
  write_gdelt(dir_ / "a.tsv", 1000000, kRows);
  write_gdelt(dir_ / "b.tsv", 2000000, kRows);
  const std::string ref = path("ref.sgpb"), g = path("g.sgpb");
  const std::string a = "import gdelt -q " + quote(path("a.tsv")) + " -o " + quote(ref);
  const std::string b = "import gdelt -q " + quote(path("b.tsv")) + " -o " + quote(ref);
  const graph::Graph ab = sequential(ref, a, b), ba = sequential(ref, b, a);
  ASSERT_EQ(ab.articles().size(), 2u * kRows);
  race(dir_, g, {"import", "gdelt", "-q", path("a.tsv"), "-o", g},
       {"import", "gdelt", "-q", path("b.tsv"), "-o", g}, ab, ba);
}

// The same with a .json target: the lock does not depend on the format.
TEST_F(ConcurrentWriters, TwoGdeltImportsIntoJsonGiveBoth) {
  write_gdelt(dir_ / "a.tsv", 3000000, kRows / 2);
  write_gdelt(dir_ / "b.tsv", 4000000, kRows / 2);
  const std::string ref = path("ref.json"), g = path("g.json");
  const std::string a = "import gdelt -q " + quote(path("a.tsv")) + " -o " + quote(ref);
  const std::string b = "import gdelt -q " + quote(path("b.tsv")) + " -o " + quote(ref);
  const graph::Graph ab = sequential(ref, a, b), ba = sequential(ref, b, a);
  race(dir_, g, {"import", "gdelt", "-q", path("a.tsv"), "-o", g},
       {"import", "gdelt", "-q", path("b.tsv"), "-o", g}, ab, ba);
}

// ---- --no-wait, and the message while waiting ------------------------------------------------

TEST_F(ConcurrentWriters, NoWaitFailsWhileAnotherRunHoldsTheLock) {
  write_corpus(dir_ / "a", "A", 3);
  write_gdelt(dir_ / "a.tsv", 1000000, 10);
  const std::string g = path("g.sgpb");
  io::save_sgpb(test_support::story_graph(), g);
  const std::string before = test_support::slurp(g);
  {
    const io::FileLock held(g);
    for (const std::string& cmd :
         {"ingest -q " + quote(path("a")) + " --no-wait -o " + quote(g),
          "import gdelt -q --no-wait " + quote(path("a.tsv")) + " -o " + quote(g)}) {
      SCOPED_TRACE(cmd);
      const auto r = run_stakegraph(cmd);
      EXPECT_EQ(r.status, 1) << r.err;
      EXPECT_EQ(test_support::count_lines(r.err), 1u) << r.err;
      EXPECT_NE(r.err.find("stakegraph: error: " + g + ": "), std::string::npos) << r.err;
      EXPECT_NE(r.err.find(held.lock_path()), std::string::npos) << r.err;
      EXPECT_EQ(test_support::slurp(g), before);
    }
  }
  // Free again: the same run goes through.
  const auto r = run_stakegraph("ingest -q --no-wait " + quote(path("a")) + " -o " + quote(g));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(io::load_sgpb(g).articles().size(), test_support::story_graph().articles().size() + 3);
}

TEST_F(ConcurrentWriters, WaitsWithAMessageThenWrites) {
  write_corpus(dir_ / "a", "A", 3);
  const std::string g = path("g.sgpb"), err = path("run.err");
  auto lock = std::make_unique<io::FileLock>(g);
  const pid_t pid = spawn_stakegraph({"ingest", "-q", path("a"), "-o", g}, err);
  // The run says it waits (polled: no timing is asserted; the suite's time limit ends a hang).
  std::string said;
  while (said.find("waiting") == std::string::npos) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    said = test_support::slurp(err);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, WNOHANG), 0) << "it ended without waiting: " << said;
  }
  EXPECT_NE(said.find(g), std::string::npos) << said;
  EXPECT_NE(said.find(lock->lock_path()), std::string::npos) << said;
  EXPECT_FALSE(fs::exists(g)) << "it wrote while the lock was held";
  lock.reset();
  EXPECT_EQ(wait_status(pid), 0) << test_support::slurp(err);
  EXPECT_EQ(io::load_sgpb(g).articles().size(), 3u);
}

// The lock file is ".<name>.lock" beside the target, removed when the run ends; a name too
// long for that (over 249 bytes) gets a short hashed lock name, so any name can be locked.
TEST_F(ConcurrentWriters, LockFileNames) {
  EXPECT_EQ(io::lock_file_path(path("g.sgpb")), path(".g.sgpb.lock"));
  EXPECT_EQ(io::lock_file_path("g.sgpb"), ".g.sgpb.lock");
  const std::string long_name(251, 'x');
  const std::string l = io::lock_file_path(path(long_name + ".sgpb"));
  EXPECT_LE(fs::path(l).filename().string().size(), 255u);
  EXPECT_NE(l, io::lock_file_path(path(long_name + "y.sgpb")));
  {
    const io::FileLock held(path("g.sgpb"));
    EXPECT_TRUE(fs::exists(path(".g.sgpb.lock")));
  }
  EXPECT_FALSE(fs::exists(path(".g.sgpb.lock")));
}

}  // namespace
}  // namespace stakegraph
