#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <streambuf>

#include "graph/error.hpp"
#include "io/signal_cleanup.hpp"

namespace stakegraph::io {

// An output buffer over a file descriptor: write(2) in pieces of kBufferSize, retried on
// EINTR and short writes; the first error is kept (errno) and ends all writing.
class FdStreambuf final : public std::streambuf {
 public:
  static constexpr std::size_t kBufferSize = 1 << 20;

  explicit FdStreambuf(int fd) : fd_(fd), buffer_(std::make_unique<char[]>(kBufferSize)) {
    setp(buffer_.get(), buffer_.get() + kBufferSize);
  }
  int error() const noexcept { return error_; }

  // Writes out what is buffered; false after any error.
  bool drain() {
    const std::ptrdiff_t n = pptr() - pbase();
    const bool ok = write_all(pbase(), n);
    setp(buffer_.get(), buffer_.get() + kBufferSize);
    return ok;
  }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n >= epptr() - pptr()) {
      if (!drain()) return 0;
      if (n >= static_cast<std::streamsize>(kBufferSize)) return write_all(s, n) ? n : 0;
    }
    std::memcpy(pptr(), s, static_cast<std::size_t>(n));
    pbump(static_cast<int>(n));
    return n;
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool write_all(const char* p, std::streamsize n) {
    while (error_ == 0 && n > 0) {
      const ssize_t w = ::write(fd_, p, static_cast<std::size_t>(n));
      if (w < 0) {
        if (errno != EINTR) error_ = errno;
        continue;
      }
      p += w;
      n -= w;
    }
    return error_ == 0;
  }

  int fd_;
  std::unique_ptr<char[]> buffer_;
  int error_ = 0;
};

namespace {

namespace fs = std::filesystem;

constexpr char kTempPrefix[] = ".stakegraph-";
constexpr char kTempSuffix[] = ".tmp";
constexpr std::size_t kTempRandom = 6;  // the XXXXXX of mkostemps
// A temporary file that is empty and unlocked may be one a live writer has just created
// and not locked yet: it is removed only once older than this.
constexpr std::time_t kFreshSeconds = 60;

std::string errno_text(int e = errno) { return std::strerror(e); }

// ---- helpers -----------------------------------------------------------------------------

bool is_temp_name(const std::string& name) {
  const std::size_t p = sizeof kTempPrefix - 1, s = sizeof kTempSuffix - 1;
  return name.size() == p + kTempRandom + s && name.compare(0, p, kTempPrefix) == 0 &&
         name.compare(p + kTempRandom, s, kTempSuffix) == 0;
}

// Removes the temporary files in `dir` that killed writers left: ours (same owner), regular
// files, not locked by a live writer. Best effort: errors are ignored.
void remove_stale_temps(const fs::path& dir) {
  std::error_code ec;
  const std::time_t now = std::time(nullptr);
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!is_temp_name(it->path().filename().string())) continue;
    const std::string file = it->path().string();
    const int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) continue;
    struct stat st {
    }, named{};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid() &&
        (st.st_size > 0 || now - st.st_mtime > kFreshSeconds) &&
        ::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::lstat(file.c_str(), &named) == 0 &&
        named.st_dev == st.st_dev && named.st_ino == st.st_ino)
      ::unlink(file.c_str());
    ::close(fd);
  }
}

// The process's umask, read without changing it where /proc allows (umask(2) can only read
// it by setting it, which races with other threads creating files).
mode_t current_umask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.compare(0, 6, "Umask:") == 0)
      return static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8));
  const mode_t m = ::umask(022);
  ::umask(m);
  return m;
}

void fsync_dir(const std::string& path, const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw graph::Error(path + ": cannot open directory " + dir + ": " + errno_text());
  const int rc = ::fsync(fd);
  const int saved = errno;
  ::close(fd);
  // Some file systems refuse fsync on directories (EINVAL); that is not a data loss.
  if (rc != 0 && saved != EINVAL && saved != EBADF)
    throw graph::Error(path + ": fsync of directory " + dir + " failed: " + errno_text(saved));
}

}  // namespace

std::string resolve_write_target(const std::string& path) {
  std::error_code ec;
  if (!fs::is_symlink(path, ec)) return path;
  const fs::path real = fs::canonical(path, ec);
  return ec ? path : real.string();
}

bool is_stdout_path(const std::string& path) noexcept {
  return path == "-" || path == "/dev/stdout";
}

AtomicFile::AtomicFile(std::string path)
    : path_(std::move(path)), target_(resolve_write_target(path_)), out_(nullptr) {
  const fs::path target(target_);
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw graph::Error(path_ + ": cannot write: directory " + dir.string() + " does not exist");
  struct stat st {};
  const bool exists = ::stat(target_.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) throw graph::Error(path_ + ": cannot write: is a directory");
  if (exists && !S_ISREG(st.st_mode)) {
    // A device, FIFO or terminal: written in place, as `>` would; renaming over it would
    // replace it with a regular file.
    direct_ = true;
    fd_ = ::open(target_.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd_ < 0) throw graph::Error(path_ + ": cannot write: " + errno_text());
  } else {
    if (exists) {
      mode_ = st.st_mode & 07777;
      uid_ = st.st_uid;
      gid_ = st.st_gid;
      keep_owner_ = true;
    } else {
      mode_ = 0666 & ~current_umask();
    }
    remove_stale_temps(dir);
    std::string name =
        (dir / (std::string(kTempPrefix) + std::string(kTempRandom, 'X') + kTempSuffix)).string();
    const SignalsBlocked blocked;
    fd_ = ::mkostemps(name.data(), sizeof kTempSuffix - 1, O_CLOEXEC);
    if (fd_ < 0)
      throw graph::Error(path_ + ": cannot write: cannot create a temporary file in " +
                         dir.string() + ": " + errno_text());
    temp_ = name;
    slot_ = remove_on_signal(temp_);
    // Locked while alive: the mark by which later writers leave this file alone.
    ::flock(fd_, LOCK_EX | LOCK_NB);
  }
  buf_ = std::make_unique<FdStreambuf>(fd_);
  out_.rdbuf(buf_.get());
}

AtomicFile::~AtomicFile() {
  if (!committed_ && !direct_ && !temp_.empty()) {
    const SignalsBlocked blocked;
    ::unlink(temp_.c_str());
    keep_on_signal(slot_);
  }
  if (fd_ >= 0) ::close(fd_);
}

void AtomicFile::commit() {
  out_.flush();
  if (!buf_->drain() || !out_)
    throw graph::Error(path_ + ": write failed: " +
                       (buf_->error() != 0 ? errno_text(buf_->error()) : "stream error"));
  if (direct_) {
    committed_ = true;
    const int rc = ::close(fd_);
    fd_ = -1;
    if (rc != 0 && errno != EINTR) throw graph::Error(path_ + ": write failed: " + errno_text());
    return;
  }
  mode_t mode = mode_;
  if (keep_owner_ && (uid_ != ::geteuid() || gid_ != ::getegid())) {
    // Only root may give a file away; a member of the group may still keep the group.
    if (::fchown(fd_, uid_, gid_) != 0 && ::fchown(fd_, static_cast<uid_t>(-1), gid_) != 0)
      mode &= ~static_cast<mode_t>(S_ISUID | S_ISGID);
  }
  if (::fchmod(fd_, mode) != 0)
    throw graph::Error(path_ + ": cannot set the mode of the new file: " + errno_text());
  if (::fsync(fd_) != 0) throw graph::Error(path_ + ": fsync failed: " + errno_text());
  test_kill_point("after-fsync");
  test_kill_point("before-rename");
  {
    const SignalsBlocked blocked;
    if (std::rename(temp_.c_str(), target_.c_str()) != 0)
      throw graph::Error(path_ + ": cannot rename the temporary file " + temp_ +
                         " into place: " + errno_text());
    keep_on_signal(slot_);
    committed_ = true;
  }
  ::close(fd_);
  fd_ = -1;
  const std::string dir = fs::path(target_).parent_path().string();
  fsync_dir(path_, dir.empty() ? "." : dir);
}

void test_kill_point(const char* point) noexcept {
  static const char* wanted = std::getenv("STAKEGRAPH_TEST_KILL_AT");
  if (wanted == nullptr || std::strcmp(wanted, point) != 0) return;
  const char* name = std::getenv("STAKEGRAPH_TEST_KILL_SIGNAL");
  const std::string sig = name == nullptr ? "" : name;
  if (sig == "INT")
    ::raise(SIGINT);
  else if (sig == "TERM")
    ::raise(SIGTERM);
  else if (sig == "HUP")
    ::raise(SIGHUP);
  else
    ::kill(::getpid(), SIGKILL);
}

}  // namespace stakegraph::io
