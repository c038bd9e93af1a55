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
      (kill_at.empty() ? "" : "STAKEGRAPH_TEST_KILL_AT='" + kill_at + "' ");
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
