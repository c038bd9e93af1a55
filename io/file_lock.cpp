#include "io/file_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "graph/error.hpp"
#include "io/atomic_file.hpp"
#include "io/signal_cleanup.hpp"

namespace stakegraph::io {
namespace {

constexpr std::size_t kMaxNameBytes = 255;  // NAME_MAX on Linux file systems

std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

}  // namespace

std::string lock_file_path(const std::string& target) {
  const std::filesystem::path p(target);
  const std::string name = p.filename().string();
  std::string lock = "." + name + ".lock";
  if (lock.size() > kMaxNameBytes) {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a(name)));
    lock = std::string(".stakegraph-") + hex + ".lock";
  }
  return (p.parent_path() / lock).string();
}

FileLock::FileLock(const std::string& target, const FileLockOptions& options) {
  const std::string file = resolve_write_target(target);
  struct stat st {};
  if (::stat(file.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) return;
  const std::string lock = lock_file_path(file);
  bool told = false;
  while (true) {
    // O_NOFOLLOW: a symbolic link planted at the lock's name is refused, not followed.
    const int fd = ::open(lock.c_str(), O_RDONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) {
      const int saved = errno;
      const std::filesystem::path parent = std::filesystem::path(file).parent_path();
      const std::string dir = parent.empty() ? std::string(".") : parent.string();
      std::error_code ec;
      if (saved == ENOENT && !std::filesystem::is_directory(dir, ec))
        throw graph::Error(target + ": cannot write: directory " + dir + " does not exist");
      throw graph::Error(target + ": cannot create the lock file " + lock + ": " +
                         std::strerror(saved));
    }
    int rc = ::flock(fd, LOCK_EX | LOCK_NB);
    if (rc != 0 && errno == EWOULDBLOCK) {
      if (!options.wait) {
        ::close(fd);
        throw graph::Error(target + ": another stakegraph run is writing it (lock file " + lock +
                           " is held)");
      }
      if (!told && options.on_wait) options.on_wait(lock);
      told = true;
      do rc = ::flock(fd, LOCK_EX);
      while (rc != 0 && errno == EINTR);
    }
    if (rc != 0) {
      const int saved = errno;
      ::close(fd);
      throw graph::Error(target + ": cannot lock " + lock + ": " + std::strerror(saved));
    }
    // The holder before us may have removed the lock file (and another run made a new one):
    // then the lock we hold guards nothing, and we start over on the file now at that name.
    struct stat held {
    }, named{};
    if (::fstat(fd, &held) == 0 && ::lstat(lock.c_str(), &named) == 0 &&
        held.st_dev == named.st_dev && held.st_ino == named.st_ino) {
      fd_ = fd;
      lock_path_ = lock;
      const SignalsBlocked blocked;
      slot_ = remove_on_signal(lock_path_);
      return;
    }
    ::close(fd);
  }
}

FileLock::~FileLock() {
  if (fd_ < 0) return;
  // Removed while still held: a run waiting on this file then finds it gone and starts over.
  {
    const SignalsBlocked blocked;
    ::unlink(lock_path_.c_str());
    keep_on_signal(slot_);
  }
  ::close(fd_);
}

}  // namespace stakegraph::io
