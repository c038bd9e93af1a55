// The framed .sgpb file: round trips, and every kind of damage (flipped bytes, truncation at
// many offsets, foreign files) gives a ParseError naming the file and byte offset, never a
// crash.
#include "io/sgpb.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>
#include <zlib.h>

#include "graph/error.hpp"
#include "io/proto_convert.hpp"
#include "tests/test_graphs.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph::io {
namespace {

namespace fs = std::filesystem;

class SgpbTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
  }
};

std::string bytes_of(const graph::Graph& g, SgpbWriteOptions o = {}) {
  std::ostringstream out;
  write_sgpb(g, out, o);
  return out.str();
}

graph::Graph read_bytes(const std::string& bytes) {
  std::istringstream in(bytes);
  return read_sgpb(in, "mem.sgpb");
}

TEST_F(SgpbTest, RoundTripKeepsEverything) {
  const graph::Graph g = testing::story_graph();
  save_sgpb(g, path("story.sgpb"));
  const graph::Graph h = load_sgpb(path("story.sgpb"));
  EXPECT_EQ(testing::graph_difference(g, h), "");
  EXPECT_EQ(testing::graph_difference(h, g), "");
  // No temporary file is left beside the target.
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir_)) files += e.is_regular_file();
  EXPECT_EQ(files, 1u);
}

TEST_F(SgpbTest, ManySmallFramesRoundTrip) {
  const graph::Graph g = testing::random_graph(500, 3000, 7);
  const std::string bytes = bytes_of(g, {.target_frame_bytes = 512});
  const graph::Graph h = read_bytes(bytes);
  EXPECT_EQ(testing::graph_difference(g, h), "");
}

TEST_F(SgpbTest, EmptyGraphRoundTrips) {
  const graph::Graph h = read_bytes(bytes_of(graph::Graph{}));
  EXPECT_EQ(h.node_count(), 0u);
  EXPECT_EQ(h.edge_count(), 0u);
}

TEST_F(SgpbTest, EveryFlippedByteIsDetected) {
  const graph::Graph g = testing::story_graph();
  const std::string bytes = bytes_of(g, {.target_frame_bytes = 256});
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    std::string damaged = bytes;
    damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
    try {
      read_bytes(damaged);
      ADD_FAILURE() << "flipped byte " << i << " was not detected";
    } catch (const graph::ParseError& e) {
      EXPECT_NE(std::string(e.what()).find("mem.sgpb: byte offset"), std::string::npos) << e.what();
      EXPECT_LE(e.offset(), i) << e.what();  // the frame at fault starts at or before the byte
    }
  }
}

TEST_F(SgpbTest, EveryTruncationIsDetected) {
  const graph::Graph g = testing::story_graph();
  const std::string bytes = bytes_of(g, {.target_frame_bytes = 256});
  for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
    try {
      read_bytes(bytes.substr(0, cut));
      ADD_FAILURE() << "truncation at " << cut << " was not detected";
    } catch (const graph::ParseError& e) {
      const std::string what = e.what();
      EXPECT_TRUE(what.find("truncated") != std::string::npos ||
                  what.find("empty file") != std::string::npos ||
                  what.find("bad magic") != std::string::npos)
          << what;
    }
  }
}

TEST_F(SgpbTest, TrailingGarbageIsDetected) {
  const std::string bytes = bytes_of(testing::story_graph()) + "junk";
  EXPECT_THROW(read_bytes(bytes), graph::ParseError);
}

TEST_F(SgpbTest, ForeignAndMissingFiles) {
  std::ofstream(path("text.sgpb")) << "nodes,edges\n";
  try {
    load_sgpb(path("text.sgpb"));
    ADD_FAILURE();
  } catch (const graph::ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("not a .sgpb graph file"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("text.sgpb"), std::string::npos);
  }
  std::ofstream(path("empty.sgpb")).close();
  EXPECT_THROW(load_sgpb(path("empty.sgpb")), graph::ParseError);
  EXPECT_THROW(load_sgpb(path("missing.sgpb")), graph::NotFound);
  EXPECT_THROW(load_sgpb(dir_.string()), graph::Error);
}

TEST_F(SgpbTest, HugeFrameLengthRefusedWithoutAllocating) {
  std::string bytes(kSgpbMagic, sizeof kSgpbMagic);
  bytes += std::string("\xff\xff\xff\x7f", 4) + std::string(4, '\0');
  try {
    read_bytes(bytes);
    ADD_FAILURE();
  } catch (const graph::ParseError& e) {
    EXPECT_EQ(e.offset(), 8u);
    EXPECT_NE(std::string(e.what()).find("exceeds limit"), std::string::npos);
  }
}

TEST_F(SgpbTest, NewerFormatVersionRefused) {
  std::string bytes(kSgpbMagic, sizeof kSgpbMagic);
  pb::Frame f;
  f.mutable_header()->set_format_version(kSgpbFormatVersion + 1);
  std::string payload = f.SerializeAsString();
  std::ostringstream frame;
  auto put = [&](std::uint32_t v) {
    for (int i = 0; i < 4; ++i) frame.put(static_cast<char>(v >> (8 * i)));
  };
  put(static_cast<std::uint32_t>(payload.size()));
  put(static_cast<std::uint32_t>(::crc32(0, reinterpret_cast<const Bytef*>(payload.data()),
                                         static_cast<uInt>(payload.size()))));
  bytes += frame.str() + payload;
  try {
    read_bytes(bytes);
    ADD_FAILURE();
  } catch (const graph::ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("format version"), std::string::npos) << e.what();
  }
}

TEST_F(SgpbTest, FailedWriteLeavesOldFile) {
  const graph::Graph g = testing::story_graph();
  save_sgpb(g, path("g.sgpb"));
  const auto before = fs::file_size(path("g.sgpb"));
  EXPECT_THROW(save_sgpb(g, path("no-such-dir/g.sgpb")), graph::Error);
  EXPECT_EQ(fs::file_size(path("g.sgpb")), before);
}

// Found by fuzz_sgpb: a frame whose checksum is right but whose payload has invalid UTF-8 in
// a string field (proto3 refuses it) is a ParseError, and libprotobuf logs nothing about it
// on stderr (library code never prints).
TEST_F(SgpbTest, InvalidUtf8InFrameIsQuietParseError) {
  pb::Frame f;
  f.mutable_nodes()->add_nodes()->add_aliases("X");
  std::string payload = f.SerializeAsString();
  const auto x = payload.find('X');
  ASSERT_NE(x, std::string::npos);
  payload[x] = '\xff';
  std::string bytes(kSgpbMagic, sizeof kSgpbMagic);
  for (const std::uint32_t v :
       {static_cast<std::uint32_t>(payload.size()),
        static_cast<std::uint32_t>(::crc32(0, reinterpret_cast<const Bytef*>(payload.data()),
                                           static_cast<uInt>(payload.size())))})
    for (int i = 0; i < 4; ++i) bytes.push_back(static_cast<char>(v >> (8 * i)));
  bytes += payload;
  ::testing::internal::CaptureStderr();
  try {
    read_bytes(bytes);
    ADD_FAILURE() << "read a frame with invalid UTF-8";
  } catch (const graph::ParseError& e) {
    EXPECT_EQ(e.offset(), 8u);
    EXPECT_NE(std::string(e.what()).find("cannot decode"), std::string::npos) << e.what();
  }
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

}  // namespace
}  // namespace stakegraph::io
