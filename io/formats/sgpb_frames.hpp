// Reading a .sgpb graph file (io/formats/sgpb.hpp) by frame ranges, for readers that share a file:
// each process of a distributed job reads only its own frames (stakegraph-mpi,
// cli/mpi/frame_read.hpp). No MPI here.
//
// Format versions 1 and 2 only: index_sgpb refuses a version 3 file (sgpb_frames_readable
// says which files it reads).
// index_sgpb lists the frames of a file without reading their payloads: it reads the magic,
// each frame's 8-byte head and the first byte of its payload (which names the section), and
// the header and footer frames whole (checked: CRC, counts, section order, frame count).
// read_sgpb_frames then reads a range of frames of that index, checks each frame's CRC and
// decodes its nodes' ids and its edges' endpoints, relation and evidence count (what the
// CSR analytics view needs, graph/csr.hpp), not names, aliases or evidence text.
// Errors: io::ParseError naming the file and the byte offset of the frame at fault
// (truncation, CRC mismatch, undecodable payload, sections out of order); graph::NotFound
// for a missing file. A damaged frame is only seen by the reader of its range.
// Complexity: index O(frames) reads of 9 bytes plus the header and footer; a range O(its
// bytes). `bytes_read` counts the bytes each call read from the file.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "graph/graph.hpp"

namespace stakegraph::io {

enum class SgpbSection : std::uint8_t { kHeader, kArticles, kNodes, kEdges, kFooter };

struct SgpbFrameInfo {
  std::uint64_t offset = 0;  // of the frame's 8-byte head
  std::uint32_t length = 0;  // of its payload
  std::uint32_t crc = 0;     // CRC-32 of the payload, as the frame's head gives it
  SgpbSection section = SgpbSection::kHeader;
  std::uint64_t bytes() const { return 8 + static_cast<std::uint64_t>(length); }
};

struct SgpbFrameIndex {
  std::uint64_t file_bytes = 0;
  std::uint32_t format_version = 0;
  std::uint64_t node_count = 0, edge_count = 0, article_count = 0;  // header = footer
  std::vector<SgpbFrameInfo> frames;  // every frame in file order, header and footer included
  std::uint64_t bytes_read = 0;
};

SgpbFrameIndex index_sgpb(const std::string& path);

struct SgpbEdgeRecord {
  std::string source, target;  // node ids
  graph::Relation relation = graph::Relation::kUnspecified;
  std::uint64_t evidence = 0;  // evidence items in this message
  bool continued = false;      // more evidence of the edge before it (format version 2)
};

struct SgpbFramesContent {
  std::vector<std::string> node_ids;  // in file order
  std::vector<SgpbEdgeRecord> edges;  // in file order
  std::uint64_t bytes_read = 0;
};

// Whether index_sgpb reads the file: a .sgpb file of format version 1 or 2 (version 3 files,
// io/formats/sgpb_v3.hpp, are not read by frame ranges; readers fall back to reading them whole).
// Reads the magic and the header frame; false for anything else, never throws.
bool sgpb_frames_readable(const std::string& path);

// Frames [first, last) of `index` (articles frames are skipped unread).
SgpbFramesContent read_sgpb_frames(const std::string& path, const SgpbFrameIndex& index,
                                   std::size_t first, std::size_t last);

}  // namespace stakegraph::io
