// Runs the stakegraph binary in a subprocess for CLI tests: exit status, stdout, stderr.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace stakegraph::test_support {

struct RunResult {
  int status = -1;  // exit status, or 128 + signal
  std::string out;
  std::string err;
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Sanitizer builds: the LeakSanitizer unwinding of a stakegraph run. Only `render` and
// `report` call Graphviz (io/render/renderer.cpp), whose leaks tests/lsan.supp suppresses by
// frames deeper than the allocator: Graphviz has no frame pointers, so those runs need the
// slow unwinder on every allocation (fast_unwind_on_malloc=0), which costs up to 6 times the
// CPU time of an allocating run. Every other run unwinds through frame pointers (ours have
// them). A run misclassified as not drawing would report Graphviz's leaks and fail its test;
// the later setting wins over the inherited LSAN_OPTIONS. Elsewhere: nothing.
inline std::string lsan_unwind_env([[maybe_unused]] const std::string& args) {
#ifdef STAKEGRAPH_SANITIZED
  std::istringstream words(args);
  bool draws = false;
  for (std::string w; words >> w;) {
    if (w.size() >= 2 && (w.front() == '\'' || w.front() == '"') && w.back() == w.front())
      w = w.substr(1, w.size() - 2);
    draws = draws || w == "render" || w == "report";
  }
  return std::string("LSAN_OPTIONS=\"${LSAN_OPTIONS}:fast_unwind_on_malloc=") +
         (draws ? "0" : "1") + "\" ";
#else
  return "";
#endif
}

// Runs `stakegraph ARGS` through /bin/sh (ARGS is shell text: quote as needed), with
// `stdin_text` on standard input; `kill_at` sets STAKEGRAPH_TEST_KILL_AT (crash tests).
// A run that takes longer than `timeout_seconds` is killed (coreutils timeout: status 124,
// or 137 when it ignores SIGTERM for 10 more seconds), so a hang fails the test instead of
// blocking the suite. Periodic progress lines (cli/progress.hpp) appear after
// STAKEGRAPH_PROGRESS_INTERVAL seconds: unless the test sets it, a run gets a day, so that
// no test's stderr depends on how long a run takes on a loaded machine.
inline RunResult run_stakegraph(const std::string& args, const std::string& stdin_text = "",
                                const std::string& kill_at = "", int timeout_seconds = 600) {
  static int counter = 0;
  const std::string base =
      (std::filesystem::temp_directory_path() /
       ("sg_cli_" + std::to_string(::getpid()) + "_" + std::to_string(counter++)))
          .string();
  { std::ofstream(base + ".in", std::ios::binary) << stdin_text; }
  const std::string env =
      "STAKEGRAPH_PROGRESS_INTERVAL=\"${STAKEGRAPH_PROGRESS_INTERVAL:-86400}\" " +
      (kill_at.empty() ? "" : "STAKEGRAPH_TEST_KILL_AT='" + kill_at + "' ") + lsan_unwind_env(args);
  const std::string cmd = env + "timeout -k 10 " + std::to_string(timeout_seconds) + " '" +
                          STAKEGRAPH_BIN + "' " + args + " <'" + base + ".in' >'" + base +
                          ".out' 2>'" + base + ".err'";
  const int raw = std::system(cmd.c_str());
  RunResult r;
  if (WIFEXITED(raw))
    r.status = WEXITSTATUS(raw);
  else if (WIFSIGNALED(raw))
    r.status = 128 + WTERMSIG(raw);
  r.out = slurp(base + ".out");
  r.err = slurp(base + ".err");
  for (const char* ext : {".in", ".out", ".err"}) std::filesystem::remove(base + ext);
  return r;
}

inline std::size_t count_lines(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

}  // namespace stakegraph::test_support
