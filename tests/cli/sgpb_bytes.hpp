// Bytes of .sgpb files for the bad-input tests of the CLI: a small graph's file, the
// little-endian 32-bit fields of its frame heads (length at the frame's offset, CRC-32 of the
// payload 4 bytes on), and the checksum fix-up after a frame's payload was edited.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <sstream>
#include <string>

#include "io/formats/sgpb.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::test_support {

// A graph with a "Qorvex Wireless" node, as .sgpb bytes.
inline std::string sgpb_bytes() {
  graph::Graph g = story_graph();
  g.add_node("Qorvex Wireless", graph::Kind::kVendor);
  std::ostringstream out;
  io::write_sgpb(g, out);
  return out.str();
}

// The little-endian 32-bit number at byte `at` of `s`, and its writer.
inline std::uint32_t get_u32(const std::string& s, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i)
    v = v << 8 | static_cast<unsigned char>(s[at + static_cast<std::size_t>(i)]);
  return v;
}

inline void put_u32(std::string& s, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + static_cast<std::size_t>(i)] = static_cast<char>(v >> (8 * i));
}

// Sets the CRC-32 of the frame at byte `frame` to that of its (edited) payload.
inline void fix_sgpb_crc(std::string& file, std::size_t frame) {
  const std::uint32_t len = get_u32(file, frame);
  const auto* p = reinterpret_cast<const Bytef*>(file.data() + frame + 8);
  put_u32(file, frame + 4, static_cast<std::uint32_t>(::crc32(0L, p, len)));
}

}  // namespace stakegraph::test_support
