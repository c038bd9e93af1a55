#include "cli/progress.hpp"

#include <unistd.h>

#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <utility>

#include "io/printable.hpp"

namespace stakegraph::cli {

void add_progress_options(CLI::App* sub, ProgressCliOptions& o) {
  auto* q = sub->add_flag("-q,--quiet", o.quiet, "no progress on stderr");
  auto* p = sub->add_flag("--progress", o.force,
                          "progress lines on stderr at each step, also for short runs and "
                          "when stderr is not a terminal");
  q->excludes(p);
}

std::string with_commas(std::uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

Progress::Progress(std::string label, const ProgressCliOptions& options)
    : label_(std::move(label)), force_(options.force) {
  start_ = last_ = std::chrono::steady_clock::now();
  if (options.quiet) return;
  mode_ = ::isatty(STDERR_FILENO) && !options.force ? Mode::kBar : Mode::kLines;
  if (const char* env = std::getenv("STAKEGRAPH_PROGRESS_INTERVAL")) {
    char* end = nullptr;
    const double v = std::strtod(env, &end);
    if (end != env && v >= 0.0) interval_ = v;
  }
  if (mode_ == Mode::kBar) interval_ = 0.1;
}

Progress::~Progress() {
  if (bar_open_) std::fputc('\n', stderr);
}

double Progress::elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::step(const std::string& what) {
  step_ = what;
  if (mode_ == Mode::kOff) return;
  if (force_ || mode_ == Mode::kBar) {
    print("", -1.0, false);
    last_ = std::chrono::steady_clock::now();
  }
}

void Progress::update(const std::string& what, double fraction) noexcept {
  if (mode_ == Mode::kOff) return;
  const auto now = std::chrono::steady_clock::now();
  if (std::chrono::duration<double>(now - last_).count() < interval_) return;
  last_ = now;
  try {
    print(what, fraction, false);
  } catch (...) {  // progress is never worth failing a run for
  }
}

void Progress::finish(const std::string& what) {
  if (mode_ == Mode::kOff) return;
  step_.clear();
  if (force_ || mode_ == Mode::kBar) print(what, 1.0, true);
  if (bar_open_) {
    std::fputc('\n', stderr);
    bar_open_ = false;
  }
  std::fflush(stderr);
}

Progress::Heartbeat::Heartbeat(Progress& p) {
  if (!p.enabled()) return;
  thread_ = std::jthread([&p](std::stop_token stop) {
    std::mutex m;
    std::condition_variable_any cv;
    std::unique_lock lock(m);
    while (!stop.stop_requested()) {
      cv.wait_for(lock, stop, std::chrono::milliseconds(100), [] { return false; });
      if (!stop.stop_requested()) p.update("");
    }
  });
}

Progress::Heartbeat::~Heartbeat() = default;  // jthread: requests stop, then joins

void Progress::print(const std::string& what, double fraction, bool final_line) {
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.1f s", elapsed());
  std::string text = label_;
  if (!step_.empty()) text += " " + step_;
  text += ": ";
  if (!what.empty()) text += what + ", ";
  text += secs;
  text = io::printable(text);
  if (mode_ == Mode::kBar) {
    std::string bar;
    if (fraction >= 0.0 && fraction <= 1.0) {
      const int width = 20;
      const int done = static_cast<int>(fraction * width);
      bar = "[" + std::string(static_cast<std::size_t>(done), '#') +
            std::string(static_cast<std::size_t>(width - done), ' ') + "] " +
            std::to_string(static_cast<int>(fraction * 100)) + "%  ";
    }
    std::fprintf(stderr, "\r%s%s\x1b[K", bar.c_str(), text.c_str());
    bar_open_ = !final_line;
    if (final_line) std::fputc('\n', stderr);
  } else {
    if (fraction >= 0.0 && fraction <= 1.0 && !final_line)
      text += " (" + std::to_string(static_cast<int>(fraction * 100)) + "%)";
    std::fprintf(stderr, "stakegraph: %s\n", text.c_str());
  }
  std::fflush(stderr);
}

}  // namespace stakegraph::cli
