// Progress of long runs on stderr (import, ingest, betweenness, Louvain, render...): the
// library reports through callbacks in its options structs and never prints; this prints.
//
// Where it goes:
// - stderr is a terminal: one bar line redrawn in place, at most 10 times a second
//   ("[#######             ] 35%  import: 120,000 rows, 3.2 s").
// - otherwise (a log file, a pipe): one line every interval, 5 s by default
//   ("stakegraph: import: 120,000 rows, 3.2 s"), so short runs leave logs alone. The
//   interval (seconds, 0 = every report) comes from STAKEGRAPH_PROGRESS_INTERVAL.
// - --progress: also a line when each step starts and ends, however short the run.
// - --quiet (-q): nothing.
// Reports cost one clock read each; the library calls back "every so often" (every so many
// rows or sources), never per item.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <thread>

#include <CLI/CLI.hpp>

namespace stakegraph::cli {

struct ProgressCliOptions {
  bool quiet = false;
  bool force = false;  // --progress
};

// Adds -q,--quiet and --progress to `sub` (they exclude each other).
void add_progress_options(CLI::App* sub, ProgressCliOptions& o);

// "1,234,567".
std::string with_commas(std::uint64_t n);

class Progress {
 public:
  Progress(std::string label, const ProgressCliOptions& options);
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  ~Progress();

  bool enabled() const noexcept { return mode_ != Mode::kOff; }

  // A new step ("betweenness", "layout (sfdp)"): printed at once with --progress or on a
  // terminal; in logs only as part of the next periodic line.
  void step(const std::string& what);
  // Where the current step is: `what` ("120,000 rows"), `fraction` in [0, 1] (negative:
  // unknown). Printed when due (see the file comment). Never throws.
  void update(const std::string& what, double fraction = -1.0) noexcept;
  // The end of the run: a final line with --progress (and on a terminal, the bar ends with
  // a line break).
  void finish(const std::string& what = "done");

  double elapsed() const;

  // While alive, repeats the current step with its elapsed time as update() would (for one
  // long call that reports nothing, such as a Graphviz layout). The owner makes no other
  // call on the Progress meanwhile.
  class Heartbeat {
   public:
    explicit Heartbeat(Progress& p);
    ~Heartbeat();
    Heartbeat(const Heartbeat&) = delete;
    Heartbeat& operator=(const Heartbeat&) = delete;

   private:
    std::jthread thread_;
  };

 private:
  enum class Mode { kOff, kBar, kLines };
  void print(const std::string& what, double fraction, bool final_line);

  std::string label_;
  std::string step_;
  Mode mode_ = Mode::kOff;
  bool force_ = false;
  bool bar_open_ = false;
  double interval_ = 5.0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace stakegraph::cli
