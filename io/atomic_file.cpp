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

// Removes the temporary files of `target` that writers killed before their rename left in
// `dir` (".<name>.tmp.<pid>.<n>" whose process no longer exists). Best effort: errors are
// ignored, and a file whose process is alive (or cannot be checked) is kept.
void remove_stale_temps(const std::filesystem::path& dir, const std::string& name) {
  namespace fs = std::filesystem;
  const std::string prefix = "." + name + ".tmp.";
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string file = it->path().filename().string();
    if (file.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string rest = file.substr(prefix.size());
    const auto dot = rest.find('.');
    if (dot == 0 || dot == std::string::npos || dot > 9 ||
        rest.find_first_not_of("0123456789") != dot)
      continue;
    const auto pid = static_cast<pid_t>(std::stol(rest.substr(0, dot)));
    if (pid <= 0 || pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;
    std::error_code ignored;
    fs::remove(it->path(), ignored);
  }
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
  remove_stale_temps(dir, target.filename().string());
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
