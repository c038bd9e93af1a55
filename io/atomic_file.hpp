// Atomic file output: everything is written to a temporary file beside the target, which is
// flushed, fsync'ed and renamed over the target by commit(), and the directory is fsync'ed.
// A crash or kill at any point leaves either the old file or the new one, never a mix; a
// writer that throws (or is destroyed without commit) removes its temporary file, and so
// does one stopped by SIGINT, SIGTERM or SIGHUP (then the signal is raised again).
//
// The temporary file is ".stakegraph-XXXXXX.tmp" (short, so any target name that fits the
// file system works), made by mkostemps: a unique name, O_CREAT|O_EXCL (a symbolic link or
// file planted at that name is never followed or truncated), mode 0600 while written. The
// writer holds a flock on it, so that a later writer can tell a temporary file left by a
// killed run (unlocked: removed) from one being written by a live run (locked: kept),
// whatever their process ids (containers share ids).
// The new file keeps the mode of the file it replaces, and its owner and group where the
// process may set them (root, or a group it belongs to); a new file gets 0666 minus the
// umask. A symbolic link as target is followed: the file it points to is replaced and the
// link stays. A target that exists and is not a regular file (/dev/null, a FIFO, a
// terminal) is written directly, as a shell redirection would, not replaced.
#pragma once

#include <sys/types.h>

#include <memory>
#include <ostream>
#include <string>

namespace stakegraph::io {

class FdStreambuf;

class AtomicFile final {
 public:
  // Creates the temporary file for `path` (see above), after removing the temporary files
  // that killed writers left in its directory. Throws graph::Error naming `path` when the
  // directory is missing or not writable, or `path` is a directory.
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return out_; }
  const std::string& path() const noexcept { return path_; }
  // The temporary file; "" when the target is written directly (not a regular file).
  const std::string& temp_path() const noexcept { return temp_; }

  // Flush, fsync, set mode and owner, rename over the target, fsync the directory. Throws
  // graph::Error naming path() on any failure (disk full, I/O error), leaving the target
  // untouched.
  void commit();

 private:
  std::string path_;    // as given, for messages
  std::string target_;  // the file replaced: path_ with symbolic links followed
  std::string temp_;
  int fd_ = -1;
  int slot_ = -1;  // in the registry of temporary files removed on a signal
  bool direct_ = false;
  bool keep_owner_ = false;
  mode_t mode_ = 0;
  uid_t uid_ = 0;
  gid_t gid_ = 0;
  std::unique_ptr<FdStreambuf> buf_;
  std::ostream out_;
  bool committed_ = false;
};

// The file that writing to `path` replaces: `path` itself, or for a symbolic link the file
// it points to (resolved to an absolute path; a dangling link is returned as given).
std::string resolve_write_target(const std::string& path);

// True for "-" and "/dev/stdout": write to standard output, not atomically.
bool is_stdout_path(const std::string& path) noexcept;

// Test hook for the crash-safety tests: when the environment variable
// STAKEGRAPH_TEST_KILL_AT equals `point`, the process sends itself SIGKILL, or the signal
// STAKEGRAPH_TEST_KILL_SIGNAL names ("INT", "TERM", "HUP").
// Points: "mid-frame", "after-fsync", "before-rename". Does nothing otherwise.
void test_kill_point(const char* point) noexcept;

}  // namespace stakegraph::io
