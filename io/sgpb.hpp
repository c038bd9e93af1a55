// The native graph file, `.sgpb`: a framed stream of Protobuf chunks (proto/stakegraph.proto,
// "framed file"), so graphs of tens of millions of edges fit although one Protobuf message
// is limited to 2 GiB.
//
// Layout: the 8-byte magic "SGPB\r\n\x1a\n"; then frames, each
//   u32le payload length | u32le CRC-32 (zlib) of the payload | payload (a pb::Frame),
// first a Header, then articles, nodes, edges in chunks, and last a Footer whose counts must
// match. Truncation (no footer, short frame), corruption (CRC mismatch, unparsable payload)
// and inconsistency (counts, unknown node ids) are reported as graph::ParseError with the
// byte offset of the frame at fault.
// Complexity: O(V + E + evidence) time; reading holds one frame (at most kMaxFrameBytes)
// beyond the graph itself.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

#include "graph/graph.hpp"

namespace stakegraph::io {

inline constexpr std::uint32_t kSgpbFormatVersion = 1;
inline constexpr std::uint32_t kMaxFrameBytes = 64u << 20;  // a reader refuses larger frames
// Graph size limits (README, "Limits"). Node, edge and article indices are 32-bit (the CSR
// analytics view, evidence); a header declaring more is refused. And a header whose counts
// cannot fit in this machine's physical memory (at the lower bounds below per node, edge and
// article; a loaded graph takes more, e.g. about 400 bytes per edge with its evidence) is
// refused before anything is allocated, instead of running out of memory part way.
inline constexpr std::uint64_t kMaxGraphItems = 0xFFFFFFFEull;
inline constexpr std::uint64_t kMinNodeMemoryBytes = 128;
inline constexpr std::uint64_t kMinEdgeMemoryBytes = 96;
inline constexpr std::uint64_t kMinArticleMemoryBytes = 128;
inline constexpr char kSgpbMagic[8] = {'S', 'G', 'P', 'B', '\r', '\n', '\x1a', '\n'};

struct SgpbWriteOptions {
  std::size_t target_frame_bytes = 4u << 20;  // a chunk is closed once it reaches this size
};

// Writes atomically (io/atomic_file.hpp). Throws graph::Error on I/O failure.
void save_sgpb(const graph::Graph& g, const std::string& path, const SgpbWriteOptions& = {});
void write_sgpb(const graph::Graph& g, std::ostream& out, const SgpbWriteOptions& = {});

// Throws graph::ParseError (file + byte offset) for damaged or foreign files, graph::NotFound
// for a missing file.
graph::Graph load_sgpb(const std::string& path);
// `name` is used in error messages.
graph::Graph read_sgpb(std::istream& in, const std::string& name);

// True when the first bytes of the file are the .sgpb magic (used to detect format mixups).
bool has_sgpb_magic(const std::string& path);

}  // namespace stakegraph::io
