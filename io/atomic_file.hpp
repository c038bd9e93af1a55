// Atomic file output: everything is written to a temporary file beside the target, which is
// flushed, fsync'ed and renamed over the target by commit(), and the directory is fsync'ed.
// A crash or kill at any point leaves either the old file or the new one, never a mix; a
// writer that throws (or is destroyed without commit) removes its temporary file.
#pragma once

#include <fstream>
#include <memory>
#include <string>

namespace stakegraph::io {

class AtomicFile final {
 public:
  // Opens "<dir>/.<name>.tmp.<pid>.<n>" for writing, after removing the temporary files of
  // the same target that killed writers left (their process is gone). Throws graph::Error
  // naming `path` when the directory is missing or not writable.
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return out_; }
  const std::string& path() const noexcept { return path_; }
  const std::string& temp_path() const noexcept { return temp_; }

  // Flush, fsync, rename over path(), fsync the directory. Throws graph::Error on any
  // failure (disk full, I/O error), leaving the target untouched.
  void commit();

 private:
  std::string path_;
  std::string temp_;
  std::unique_ptr<char[]> buffer_;
  std::ofstream out_;
  bool committed_ = false;
};

// True for "-" and "/dev/stdout": write to standard output, not atomically.
bool is_stdout_path(const std::string& path) noexcept;

// Test hook for the crash-safety tests: when the environment variable
// STAKEGRAPH_TEST_KILL_AT equals `point`, the process kills itself with SIGKILL.
// Points: "mid-frame", "after-fsync", "before-rename". Does nothing otherwise.
void test_kill_point(const char* point) noexcept;

}  // namespace stakegraph::io
