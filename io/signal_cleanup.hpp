// Files removed when the process is stopped by SIGINT, SIGTERM or SIGHUP: the atomic
// writers' temporary files (which can be as big as a graph) and held lock files. The
// handler unlinks every registered path, then raises the signal again with its default
// action, so the process still dies of it (exit status 128 + signal). It is installed on the
// first registration, for each of the three signals whose action is the default (an ignored
// signal, as under nohup, or another handler is left alone). The registry is a fixed table
// read by the handler without locks or allocation (64 paths at once; more are not removed).
// Complexity: O(1) per registration, O(64) per signal.
#pragma once

#include <signal.h>

#include <string>

namespace stakegraph::io {

// Registers `path` (kept as given: the process never changes directory); returns its slot,
// or -1 when the table is full. Call with signals blocked (SignalsBlocked) when the file was
// just created, so that no signal falls between creation and registration.
int remove_on_signal(const std::string& path);

// Forgets the slot (-1 is ignored). Call with signals blocked, together with the rename or
// unlink that makes the path no longer ours: otherwise the handler could remove a file that
// another process has since made at that name.
void keep_on_signal(int slot) noexcept;

// Blocks SIGINT, SIGTERM and SIGHUP in this thread while alive.
class SignalsBlocked final {
 public:
  SignalsBlocked() noexcept;
  ~SignalsBlocked();
  SignalsBlocked(const SignalsBlocked&) = delete;
  SignalsBlocked& operator=(const SignalsBlocked&) = delete;

 private:
  sigset_t old_;
};

}  // namespace stakegraph::io
