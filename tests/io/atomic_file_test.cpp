// io::AtomicFile: what it leaves alone and what it keeps.
// - A symbolic link planted where a temporary file could go is never followed (the file it
//   points to is untouched, the target ends up a regular file), and another writer's
//   temporary file is never truncated, whatever its name (the earlier scheme,
//   ".<name>.tmp.<pid>.<n>", was predictable and opened without O_EXCL; containers share
//   process ids).
// - Two writers of one target at once, and a live writer's temporary file while another
//   starts: each file whole.
// - The mode of the replaced file (0600 stays 0600), and its owner where permitted; a new
//   file gets 0666 minus the umask; a symbolic link as target stays a link to the new file.
// - Targets that are not regular files (a FIFO, a character device) are written in place.
// - A 245-byte (and a 255-byte) target name: the temporary name is short.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "io/atomic_file.hpp"
#include "tests/cli/run.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph {
namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public test_support::TempDirTest {
 protected:
  void write_atomic(const std::string& target, const std::string& text) {
    io::AtomicFile f(target);
    f.stream() << text;
    f.commit();
  }
  // Names other than `keep` in the scratch directory.
  std::vector<std::string> others(const std::vector<std::string>& keep) const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_)) {
      const std::string n = e.path().filename().string();
      if (std::find(keep.begin(), keep.end(), n) == keep.end()) out.push_back(n);
    }
    return out;
  }
};

mode_t mode_of(const std::string& p) {
  struct stat st {};
  EXPECT_EQ(::lstat(p.c_str(), &st), 0) << p;
  return st.st_mode;
}

// The names the earlier writer used for `name` in this process: ".<name>.tmp.<pid>.<n>".
std::vector<std::string> predictable_temp_names(const std::string& name) {
  std::vector<std::string> out;
  for (int n = 0; n < 64; ++n)
    out.push_back("." + name + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(n));
  return out;
}

TEST_F(AtomicFileTest, PlantedSymlinkIsNotFollowed) {
  const std::string victim = write("victim.txt", "precious\n");
  for (const std::string& t : predictable_temp_names("g.json"))
    fs::create_symlink(victim, dir_ / t);
  write_atomic(path("g.json"), "new graph\n");
  EXPECT_EQ(test_support::slurp(victim), "precious\n");
  EXPECT_TRUE(S_ISREG(mode_of(path("g.json")))) << "the target was left a symbolic link";
  EXPECT_EQ(test_support::slurp(path("g.json")), "new graph\n");
}

TEST_F(AtomicFileTest, AnotherWritersTempFileIsNotTruncated) {
  // What another writer with our process id (another container) would be writing.
  for (const std::string& t : predictable_temp_names("g.json")) write(t, "theirs\n");
  write_atomic(path("g.json"), "ours\n");
  for (const std::string& t : predictable_temp_names("g.json"))
    EXPECT_EQ(test_support::slurp(path(t)), "theirs\n") << t;
  EXPECT_EQ(test_support::slurp(path("g.json")), "ours\n");
}

TEST_F(AtomicFileTest, TwoWritersAtOnceEachWhole) {
  const std::string a(300000, 'a'), b(200000, 'b');
  io::AtomicFile fa(path("g.json")), fb(path("g.json"));
  EXPECT_NE(fa.temp_path(), fb.temp_path());
  fa.stream() << a;
  fb.stream() << b;
  fa.commit();
  EXPECT_EQ(test_support::slurp(path("g.json")), a);
  fb.commit();
  EXPECT_EQ(test_support::slurp(path("g.json")), b);
  EXPECT_EQ(others({"g.json"}), std::vector<std::string>{});
}

// A writer starting while another is half-way leaves the other's temporary file alone (it
// removes only those of killed writers).
TEST_F(AtomicFileTest, LiveTempFileSurvivesAnotherWriter) {
  io::AtomicFile first(path("g.json"));
  first.stream() << std::string(3 << 20, 'x');  // past the buffer: on disk
  write_atomic(path("g.json"), "second\n");
  ASSERT_TRUE(fs::exists(first.temp_path()));
  first.commit();
  EXPECT_EQ(test_support::slurp(path("g.json")), std::string(3 << 20, 'x'));
}

TEST_F(AtomicFileTest, KeepsModeOfReplacedFile) {
  write_atomic(path("g.json"), "one\n");
  ASSERT_EQ(::chmod(path("g.json").c_str(), 0600), 0);
  write_atomic(path("g.json"), "two\n");
  EXPECT_EQ(mode_of(path("g.json")) & 07777, 0600u);
  ASSERT_EQ(::chmod(path("g.json").c_str(), 0640), 0);
  write_atomic(path("g.json"), "three\n");
  EXPECT_EQ(mode_of(path("g.json")) & 07777, 0640u);
}

TEST_F(AtomicFileTest, NewFileGetsUmaskMode) {
  const mode_t old = ::umask(027);
  write_atomic(path("a.json"), "a\n");
  ::umask(old);
  EXPECT_EQ(mode_of(path("a.json")) & 07777, 0640u);
}

TEST_F(AtomicFileTest, KeepsOwnerWherePermitted) {
  write_atomic(path("g.json"), "one\n");
  if (::chown(path("g.json").c_str(), 4321, 4322) != 0)
    GTEST_SKIP() << "not permitted to give a file away here (needs root): " << std::strerror(errno);
  write_atomic(path("g.json"), "two\n");
  struct stat st {};
  ASSERT_EQ(::stat(path("g.json").c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, 4321u);
  EXPECT_EQ(st.st_gid, 4322u);
}

TEST_F(AtomicFileTest, SymlinkTargetStaysALink) {
  write_atomic(path("real.json"), "one\n");
  fs::create_symlink("real.json", dir_ / "link.json");
  write_atomic(path("link.json"), "two\n");
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.json"));
  EXPECT_EQ(test_support::slurp(path("real.json")), "two\n");
}

TEST_F(AtomicFileTest, FifoIsWrittenInPlace) {
  ASSERT_EQ(::mkfifo(path("out.json").c_str(), 0600), 0);
  // A reader that does not block: the writer's open then finds it and the bytes wait in the
  // pipe (under its 64 KiB).
  const int rd = ::open(path("out.json").c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(rd, 0);
  write_atomic(path("out.json"), "through the pipe\n");
  EXPECT_TRUE(S_ISFIFO(mode_of(path("out.json")))) << "the FIFO was replaced";
  char buf[64] = {};
  const ssize_t n = ::read(rd, buf, sizeof buf);
  ::close(rd);
  EXPECT_EQ(std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0), "through the pipe\n");
  EXPECT_EQ(others({"out.json"}), std::vector<std::string>{});
}

TEST_F(AtomicFileTest, CharacterDeviceIsWrittenInPlace) {
  // A null device of our own (1,3 is /dev/null): the real one is shared with the machine.
  if (::mknod(path("null").c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0)
    GTEST_SKIP() << "cannot make a device node here (needs root): " << std::strerror(errno);
  write_atomic(path("null"), "discarded\n");
  EXPECT_TRUE(S_ISCHR(mode_of(path("null")))) << "the device was replaced by a regular file";
  EXPECT_EQ(others({"null"}), std::vector<std::string>{});
}

TEST_F(AtomicFileTest, LongTargetNames) {
  for (const std::size_t length : {245u, 255u}) {
    const std::string name = std::string(length - 5, 'n') + ".json";
    write_atomic(path(name), "long\n");
    EXPECT_EQ(test_support::slurp(path(name)), "long\n") << length;
  }
}

TEST_F(AtomicFileTest, UncommittedWriterLeavesNothing) {
  {
    io::AtomicFile f(path("g.json"));
    f.stream() << "never\n";
  }
  EXPECT_EQ(others({}), std::vector<std::string>{});
}

}  // namespace
}  // namespace stakegraph
