// The native graph file, `.sgpb`: a framed stream of Protobuf chunks (proto/stakegraph.proto,
// "framed file"), so graphs of tens of millions of edges fit although one Protobuf message
// is limited to 2 GiB.
//
// Layout: the 8-byte magic "SGPB\r\n\x1a\n"; then frames, each
//   u32le payload length | u32le CRC-32 (zlib) of the payload | payload (a pb::Frame),
// first a Header, then articles, nodes, edges in chunks, and last a Footer whose counts must
// match. Truncation (no footer, short frame), corruption (CRC mismatch, unparsable payload)
// and inconsistency (counts, unknown node ids) are reported as io::ParseError with the
// byte offset of the frame at fault. Before a frame is decoded its items are counted on the
// wire and checked against the header's counts, so that a small file cannot make the reader
// allocate more than the header declared (and the header's counts must fit in memory).
// Complexity: O(V + E + evidence) time; reading holds one frame (at most kMaxFrameBytes)
// beyond the graph itself.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

#include "graph/graph.hpp"

namespace stakegraph::io {

// Version 2: the header declares the evidence count, and an edge whose evidence does not fit
// in one frame is split over frames (Edge.continued). Version 3 (io/formats/sgpb_v3.hpp): the
// topology as arrays first, evidence and articles in frames of their own after it, a frame
// index in the footer and a trailer, so that analytics read the topology alone. The writer
// writes version 3; asked for version 1 or 2, it writes version 1 unless it splits an edge.
inline constexpr std::uint32_t kSgpbFormatVersion = 3;
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
// An evidence item: 4 million empty items on one edge took 266 bytes each to load (the
// item, its place in the edge's vector as it grows, the index entry).
inline constexpr std::uint64_t kMinEvidenceMemoryBytes = 272;
inline constexpr std::uint64_t kMaxGraphEvidence = 0xFFFFFFFFFFull;  // 2^40 - 1
// Items (articles, nodes, edges, evidence) in one frame: what the writer puts in a frame of
// kMaxFrameBytes is far fewer (an evidence item takes 11 bytes at the least, most take 100
// and more); a frame of 33 million empty items, 2 bytes each, is refused before it is
// decoded into gigabytes. Checked on the wire before decoding, with the header's counts.
inline constexpr std::uint64_t kMaxFrameItems = 8ull << 20;
inline constexpr char kSgpbMagic[8] = {'S', 'G', 'P', 'B', '\r', '\n', '\x1a', '\n'};

struct SgpbWriteOptions {
  std::size_t target_frame_bytes = 4u << 20;  // a chunk is closed once it reaches this size
  // No frame is larger (at most kMaxFrameBytes; smaller in tests of splitting). An edge
  // whose evidence does not fit is split over frames; one article, node or evidence item
  // that does not fit is refused before anything is written.
  std::size_t max_frame_bytes = kMaxFrameBytes;
  // 3 (the default) or 1-2 (the layout of version 2; version 1 unless an edge is split).
  std::uint32_t format_version = kSgpbFormatVersion;
};

// Writes atomically (io/atomic_file.hpp). Throws graph::Error on I/O failure, for a string
// that is not valid UTF-8 (naming the node, edge or article), and for an item larger than a
// frame; nothing is written then (save_sgpb leaves an existing file as it was).
void save_sgpb(const graph::Graph& g, const std::string& path, const SgpbWriteOptions& = {});
void write_sgpb(const graph::Graph& g, std::ostream& out, const SgpbWriteOptions& = {});

// Throws io::ParseError (file + byte offset) for damaged or foreign files, graph::NotFound
// for a missing file.
graph::Graph load_sgpb(const std::string& path);
// `name` is used in error messages.
graph::Graph read_sgpb(std::istream& in, const std::string& name);

// True when the first bytes of the file are the .sgpb magic (used to detect format mixups).
bool has_sgpb_magic(const std::string& path);

// write_sgpb of a version 3 file whose node index is as writers wrote it before its edge
// lists (io/formats/sgpb_v3_index.hpp), to test that such files still open.
void write_sgpb_v3_without_edge_lists(const graph::Graph& g, std::ostream& out,
                                      const SgpbWriteOptions& options = {});

}  // namespace stakegraph::io
