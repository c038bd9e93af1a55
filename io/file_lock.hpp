// An exclusive lock on a file that is read, changed and written back (`ingest`, `import
// gdelt`): two runs updating one graph file at the same time would each load the old graph
// and the second rename would drop the first run's update. Holding this lock around
// load-merge-write serializes them, so two runs give A + B.
//
// The lock is a flock(2) on a lock file beside the target, ".<name>.lock" (a name too long
// for that gets ".stakegraph-<hash>.lock"), created when needed and removed on release.
// flock locks belong to the open file, so a run killed in any way (SIGKILL included)
// releases its lock; a run stopped by SIGINT, SIGTERM or SIGHUP also removes the lock file
// (io/signal_cleanup.hpp), and one left behind by SIGKILL is just an empty file that the
// next run locks and removes. Removal is safe against racing runs: after taking the lock a
// run checks that the path still names the file it locked, and starts over if not.
// Complexity: O(1) system calls per attempt.
#pragma once

#include <functional>
#include <string>

namespace stakegraph::io {

struct FileLockOptions {
  bool wait = true;  // false: throw at once when another process holds the lock
  // Called once, before blocking, when another process holds the lock (the CLI says on
  // stderr that it waits). Not called when the lock is free.
  std::function<void(const std::string& lock_path)> on_wait;
};

class FileLock final {
 public:
  // Takes the lock for writing `target` (symlinks followed: the lock is beside the file
  // written). Blocks while another process holds it, unless options.wait is false: then
  // throws graph::Error "TARGET: another stakegraph run is writing it (lock file LOCK is
  // held)". Throws graph::Error naming the lock file when it cannot be created or locked
  // (directory missing or not writable). A target that exists and is not a regular file
  // (a FIFO, /dev/null) is written directly, not replaced, and is not locked.
  explicit FileLock(const std::string& target, const FileLockOptions& options = {});
  ~FileLock();  // removes the lock file, then releases the lock
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

  // The lock file ("" when nothing was locked).
  const std::string& lock_path() const noexcept { return lock_path_; }

 private:
  int fd_ = -1;
  int slot_ = -1;  // in the registry of files removed on a signal (io/signal_cleanup.hpp)
  std::string lock_path_;
};

// The lock file of `target` (its symlinks not followed): "<dir>/.<name>.lock", or
// "<dir>/.stakegraph-<16 hex digits>.lock" when that name would pass 255 bytes.
std::string lock_file_path(const std::string& target);

}  // namespace stakegraph::io
