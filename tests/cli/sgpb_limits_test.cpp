// Graph size limits of .sgpb headers through the CLI (`stakegraph stats FILE`): a header that
// declares more nodes, edges or evidence than the limits or this machine's memory allow is
// refused at once with its byte offset, and counts that disagree with the frames at the
// footer; exit 1, one line naming the file. Part of cli_bad_input_test (bad_input_test.cpp
// has the table of readers and damage).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <iostream>
#include <string>

#include "proto/stakegraph.pb.h"
#include "tests/cli/run.hpp"
#include "tests/cli/sgpb_bytes.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph {
namespace {

using test_support::fix_sgpb_crc;
using test_support::get_u32;
using test_support::put_u32;
using test_support::run_stakegraph;
using test_support::sgpb_bytes;

constexpr int kRunTimeoutSeconds = 120;

std::string quote(const std::string& s) { return "'" + s + "'"; }

// `file` (a .sgpb) with its header frame edited and its length and checksum fixed up.
std::string with_header(const std::string& file, void (*edit)(pb::Header&)) {
  const std::uint32_t len = get_u32(file, 8);
  pb::Frame frame;
  EXPECT_TRUE(frame.ParseFromString(file.substr(16, len)));
  EXPECT_TRUE(frame.has_header());
  edit(*frame.mutable_header());
  std::string payload;
  frame.SerializeToString(&payload);
  std::string out = file.substr(0, 8) + std::string(8, '\0') + payload + file.substr(16 + len);
  put_u32(out, 8, static_cast<std::uint32_t>(payload.size()));
  fix_sgpb_crc(out, 8);
  return out;
}

class SgpbSizeLimits : public test_support::TempDirTest {};

// A header that declares more nodes or edges than the limits allow (32-bit indices), or than
// fit in this machine's memory, is refused at once with its byte offset, before anything is
// allocated; counts that disagree with the frames read are refused at the footer.
TEST_F(SgpbSizeLimits, HeaderCountsAreChecked) {
  const std::string good = sgpb_bytes();
  struct Edit {
    const char* what;
    void (*edit)(pb::Header&);
    const char* message;
  };
  const Edit edits[] = {
      {"over 32 bits", [](pb::Header& h) { h.set_node_count(std::uint64_t{1} << 40); },
       "byte offset 8: the header declares 1099511627776 nodes, over the limit of 4294967294"},
      {"over memory", [](pb::Header& h) { h.set_edge_count(4000000000ull); },
       "GiB of memory, over this machine's"},
      // Evidence at what an item costs to load (272 bytes): a count that 128 bytes an item
      // would have let through (and the load would have run out of memory).
      {"evidence over memory",
       [](pb::Header& h) {
         const auto mem = static_cast<std::uint64_t>(::sysconf(_SC_PHYS_PAGES)) *
                          static_cast<std::uint64_t>(::sysconf(_SC_PAGE_SIZE));
         h.set_evidence_count(mem / 200);
       },
       "GiB of memory, over this machine's"},
      {"off by one", [](pb::Header& h) { h.set_edge_count(h.edge_count() + 1); },
       "header counts do not match the frames read"},
  };
  for (const Edit& e : edits) {
    SCOPED_TRACE(e.what);
    const std::string f = write("g.sgpb", with_header(good, e.edit));
    const auto r = run_stakegraph("stats " + quote(f), "", "", kRunTimeoutSeconds);
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_EQ(test_support::count_lines(r.err), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("stakegraph: error: " + f + ": byte offset ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(e.message), std::string::npos) << r.err;
    std::cout << "[table] sgpb header " << e.what << " -> exit " << r.status << ": " << r.err;
  }
}

}  // namespace
}  // namespace stakegraph
