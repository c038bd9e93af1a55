// io/input: reading standard input and other streams within the size limit
// (issue 13: 4 GiB on stdin was refused only after 8.4 GB of memory, the buffer
// having doubled and been copied on the way), and a redirected file refused by
// its size before it is read.
#include "io/input.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <istream>
#include <sstream>
#include <streambuf>
#include <string>

#include "graph/error.hpp"
#include "tests/cli/run.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph::io {
namespace {

// An endless stream of 'x' that counts what it handed out.
class EndlessBuf final : public std::streambuf {
 public:
  std::uint64_t served = 0;

 protected:
  int_type underflow() override {
    setg(block_, block_, block_ + sizeof block_);
    served += sizeof block_;
    return traits_type::to_int_type(block_[0]);
  }

 private:
  char block_[4096] = {};
};

TEST(ReadStream, EndlessInputIsRefusedAsItStreamsIn) {
  EndlessBuf buf;
  std::istream in(&buf);
  constexpr std::uint64_t kLimit = 5u << 20;
  try {
    read_stream(in, "<stdin>", kLimit);
    FAIL() << "read an endless stream";
  } catch (const graph::Error& e) {
    EXPECT_STREQ(e.what(), "<stdin>: input larger than the limit of 5242880 bytes");
  }
  // Refused within one 16 MiB piece past the limit, not at the end of the
  // input.
  EXPECT_LE(buf.served, kLimit + (16u << 20) + 4096);
}

TEST(ReadStream, InputWithinTheLimitComesBackWholeInOneExactBuffer) {
  std::string text;
  for (std::size_t i = 0; text.size() < (40u << 20) + 3; ++i) text += std::to_string(i) + ",";
  std::istringstream in(text);
  const std::string back = read_stream(in, "<stdin>", text.size());
  EXPECT_EQ(back, text);
  EXPECT_LE(back.capacity(),
            back.size() + 64);  // joined once, not grown by doubling
  std::istringstream over(text);
  EXPECT_THROW(read_stream(over, "<stdin>", text.size() - 1), graph::Error);
  std::istringstream empty("");
  EXPECT_EQ(read_stream(empty, "<stdin>", 10), "");
}

class StdinCli : public test_support::TempDirTest {};

// Standard input redirected from a file past the 4 GiB text limit (a sparse
// file: no disk space) is refused by its size, before a byte is read.
TEST_F(StdinCli, RedirectedFileOverTheLimitIsRefusedBeforeReading) {
  const std::string big = path("big.csv");
  std::filesystem::resize_file(write("big.csv", "source,target\n"), kMaxTextFileBytes + 1);
  const std::string err = path("err.txt");
  const std::string cmd = "timeout 60 '" + std::string(STAKEGRAPH_BIN) + "' convert - '" +
                          path("out.json") + "' --from csv <'" + big + "' 2>'" + err + "'";
  const int raw = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(raw));
  EXPECT_EQ(WEXITSTATUS(raw), 1);
  const std::string message = test_support::slurp(err);
  EXPECT_NE(message.find("<stdin>: input of 4294967297 bytes exceeds the limit of 4294967296 "
                         "bytes"),
            std::string::npos)
      << message;
  EXPECT_EQ(test_support::count_lines(message), 1u) << message;
  EXPECT_FALSE(std::filesystem::exists(path("out.json")));
}

// find_invalid_utf8 reads ASCII eight bytes at a time: the first bad byte is found at every
// offset of a word (a bad byte, or a sequence cut short, after 0 to 40 ASCII bytes and after
// a valid two-, three- and four-byte character), and ASCII or valid text of every length is
// accepted. Oracle: the offset where each string was built to go wrong.
TEST(FindInvalidUtf8, FindsTheFirstBadByteAtEveryOffset) {
  for (std::size_t k = 0; k <= 40; ++k) {
    const std::string ascii(k, 'a');
    EXPECT_EQ(find_invalid_utf8(ascii), std::nullopt) << k;
    EXPECT_EQ(find_invalid_utf8(ascii + "\xFF" + std::string(20, 'b')), k) << k;
    EXPECT_EQ(find_invalid_utf8(ascii + "\x80"), k) << k;
    EXPECT_EQ(find_invalid_utf8(ascii + "\xE2\x82"), k) << k;          // cut short at the end
    EXPECT_EQ(find_invalid_utf8(ascii + "\xC0\xAF" + ascii), k) << k;  // overlong
    for (const std::string valid : {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"}) {
      const std::string good = ascii + valid + std::string(k % 9, 'c');
      EXPECT_EQ(find_invalid_utf8(good), std::nullopt) << k;
      EXPECT_EQ(find_invalid_utf8(good + "\xED\xA0\x80" + ascii), good.size()) << k;  // surrogate
    }
  }
}

}  // namespace
}  // namespace stakegraph::io
