#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "graph/error.hpp"

namespace stakegraph::io {
namespace {

constexpr std::size_t kBufferSize = 1 << 20;

std::string errno_text() { return std::strerror(errno); }

void fsync_path(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) throw graph::Error(path + ": cannot open for fsync: " + errno_text());
  const int rc = ::fsync(fd);
  const int saved = errno;
  ::close(fd);
  // Some file systems refuse fsync on directories (EINVAL); that is not a data loss.
  if (rc != 0 && !(flags & O_DIRECTORY && (saved == EINVAL || saved == EBADF)))
    throw graph::Error(path + ": fsync failed: " + std::strerror(saved));
}

}  // namespace

bool is_stdout_path(const std::string& path) noexcept {
  return path == "-" || path == "/dev/stdout";
}

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  namespace fs = std::filesystem;
  const fs::path target(path_);
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw graph::Error(path_ + ": cannot write: directory " + dir.string() + " does not exist");
  if (fs::is_directory(target, ec)) throw graph::Error(path_ + ": cannot write: is a directory");
  static std::atomic<unsigned> counter{0};
  temp_ = (dir / ("." + target.filename().string() + ".tmp." + std::to_string(::getpid()) + "." +
                  std::to_string(counter++)))
              .string();
  buffer_ = std::make_unique<char[]>(kBufferSize);
  out_.rdbuf()->pubsetbuf(buffer_.get(), kBufferSize);
  out_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!out_) throw graph::Error(path_ + ": cannot write: " + errno_text());
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    out_.close();
    std::remove(temp_.c_str());
  }
}

void AtomicFile::commit() {
  out_.flush();
  const bool ok = static_cast<bool>(out_);
  out_.close();
  if (!ok || out_.fail()) throw graph::Error(path_ + ": write failed (disk full?)");
  fsync_path(temp_, O_RDONLY);
  test_kill_point("after-fsync");
  test_kill_point("before-rename");
  if (std::rename(temp_.c_str(), path_.c_str()) != 0)
    throw graph::Error(path_ + ": cannot rename temporary file into place: " + errno_text());
  committed_ = true;
  std::string dir = std::filesystem::path(path_).parent_path().string();
  fsync_path(dir.empty() ? "." : dir, O_RDONLY | O_DIRECTORY);
}

void test_kill_point(const char* point) noexcept {
  static const char* wanted = std::getenv("STAKEGRAPH_TEST_KILL_AT");
  if (wanted != nullptr && std::strcmp(wanted, point) == 0) ::kill(::getpid(), SIGKILL);
}

}  // namespace stakegraph::io
