#include "io/formats/sgpb_frames.hpp"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include <google/protobuf/stubs/logging.h>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/formats/offset_reader.hpp"
#include "io/formats/sgpb.hpp"
#include "io/input.hpp"
#include "proto/stakegraph.pb.h"

namespace stakegraph::io {
namespace {

std::uint32_t get_u32(const unsigned char* b) {
  return static_cast<std::uint32_t>(b[0]) | static_cast<std::uint32_t>(b[1]) << 8 |
         static_cast<std::uint32_t>(b[2]) << 16 | static_cast<std::uint32_t>(b[3]) << 24;
}

// A file read by explicit offsets, counting the bytes read.
class FrameFile : public OffsetReader {
 public:
  using OffsetReader::OffsetReader;
  [[noreturn]] void fail(std::uint64_t offset, const std::string& what) const {
    throw io::ParseError::at_offset(name(), offset, what);
  }
  // The whole checked and decoded frame.
  void frame(const SgpbFrameInfo& f, std::string& payload, pb::Frame& out) {
    payload.resize(f.length);
    if (!read(f.offset + 8, payload.data(), f.length))
      fail(f.offset, "truncated file: frame of " + std::to_string(f.length) + " bytes cut short");
    const auto crc = static_cast<std::uint32_t>(
        ::crc32(0L, reinterpret_cast<const Bytef*>(payload.data()), static_cast<uInt>(f.length)));
    if (crc != f.crc) fail(f.offset, "corrupted frame: checksum mismatch");
    google::protobuf::LogSilencer quiet;
    if (!out.ParseFromString(payload)) fail(f.offset, "corrupted frame: cannot decode payload");
  }
};

}  // namespace

SgpbFrameIndex index_sgpb(const std::string& path) {
  FrameFile file(path);
  SgpbFrameIndex index;
  index.file_bytes = file.size();
  char magic[sizeof kSgpbMagic];
  if (file.size() == 0) file.fail(0, "empty file, not a .sgpb graph");
  if (!file.read(0, magic, sizeof magic) || std::memcmp(magic, kSgpbMagic, sizeof magic) != 0)
    file.fail(0, "not a .sgpb graph file (bad magic)");
  std::uint64_t at = sizeof magic;
  int stage = -1;  // the section of the frame before: sections come in SgpbSection order
  std::string payload;
  pb::Frame frame;
  while (at < file.size()) {
    if (stage == static_cast<int>(SgpbSection::kFooter))
      file.fail(at, "data after the footer frame");
    unsigned char head[9];
    if (!file.read(at, reinterpret_cast<char*>(head), 8))
      file.fail(at, "truncated file: frame header cut short");
    SgpbFrameInfo f;
    f.offset = at;
    f.length = get_u32(head);
    f.crc = get_u32(head + 4);
    if (f.length > kMaxFrameBytes)
      file.fail(at, "corrupted frame: length " + std::to_string(f.length) + " exceeds limit");
    if (f.length > file.size() - at - 8)
      file.fail(at, "truncated file: frame of " + std::to_string(f.length) + " bytes cut short");
    if (f.length == 0) file.fail(at, "empty frame");
    // The payload's first byte is the tag of the Frame's body: field (1-5) << 3 | 2.
    file.read(at + 8, reinterpret_cast<char*>(head + 8), 1);
    const unsigned field = head[8] >> 3;
    if ((head[8] & 7) != 2 || field < 1 || field > 5)
      file.fail(at, "corrupted frame: cannot decode payload");
    static constexpr SgpbSection kByField[] = {SgpbSection::kHeader,   SgpbSection::kHeader,
                                               SgpbSection::kNodes,    SgpbSection::kEdges,
                                               SgpbSection::kArticles, SgpbSection::kFooter};
    f.section = kByField[field];
    const int s = static_cast<int>(f.section);
    if (stage == -1 ? f.section != SgpbSection::kHeader : s < stage || s == 0)
      file.fail(at, "frame out of order (header, articles, nodes, edges, footer)");
    stage = s;
    if (f.section == SgpbSection::kHeader) {
      file.frame(f, payload, frame);
      const pb::Header& h = frame.header();
      if (h.format_version() == 0 || h.format_version() > kSgpbFormatVersion)
        file.fail(at, "format version " + std::to_string(h.format_version()) +
                          " is not supported (this build reads up to " +
                          std::to_string(kSgpbFormatVersion) + ")");
      if (h.node_count() > kMaxGraphItems || h.edge_count() > kMaxGraphItems)
        file.fail(at, "the header declares more nodes or edges than the limit of " +
                          std::to_string(kMaxGraphItems));
      if (h.format_version() >= 3)
        file.fail(at, "format version " + std::to_string(h.format_version()) +
                          " is not read by frame ranges (versions 1 and 2 are)");
      index.format_version = h.format_version();
      index.node_count = h.node_count();
      index.edge_count = h.edge_count();
      index.article_count = h.article_count();
    } else if (f.section == SgpbSection::kFooter) {
      file.frame(f, payload, frame);
      const pb::Footer& ft = frame.footer();
      if (ft.node_count() != index.node_count || ft.edge_count() != index.edge_count ||
          ft.article_count() != index.article_count || ft.frame_count() != index.frames.size())
        file.fail(at, "footer counts do not match the header and the frames");
    }
    index.frames.push_back(f);
    at += f.bytes();
  }
  if (stage == -1) file.fail(at, "truncated file: no header");
  if (stage != static_cast<int>(SgpbSection::kFooter))
    file.fail(at, "truncated file: the footer frame is missing");
  index.bytes_read = file.bytes_read();
  return index;
}

bool sgpb_frames_readable(const std::string& path) {
  try {
    FrameFile file(path);
    char head[8 + sizeof kSgpbMagic];
    if (!file.read(0, head, sizeof head) || std::memcmp(head, kSgpbMagic, sizeof kSgpbMagic) != 0)
      return false;
    const std::uint32_t length = get_u32(reinterpret_cast<unsigned char*>(head + 8));
    SgpbFrameInfo f{
        .offset = 8, .length = length, .crc = get_u32(reinterpret_cast<unsigned char*>(head + 12))};
    if (length == 0 || length > kMaxFrameBytes) return false;
    std::string payload;
    pb::Frame frame;
    file.frame(f, payload, frame);
    return frame.has_header() && frame.header().format_version() >= 1 &&
           frame.header().format_version() <= 2;
  } catch (const graph::Error&) {
    return false;
  }
}

SgpbFramesContent read_sgpb_frames(const std::string& path, const SgpbFrameIndex& index,
                                   std::size_t first, std::size_t last) {
  if (first > last || last > index.frames.size())
    throw graph::InvalidArgument("read_sgpb_frames: frame range out of the index");
  SgpbFramesContent out;
  if (first == last) return out;
  FrameFile file(path);
  if (file.size() != index.file_bytes)
    throw graph::Error(path + ": the file changed while it was read");
  std::string payload;
  pb::Frame frame;
  for (std::size_t i = first; i < last; ++i) {
    const SgpbFrameInfo& f = index.frames[i];
    if (f.section != SgpbSection::kNodes && f.section != SgpbSection::kEdges) continue;
    file.frame(f, payload, frame);
    if (f.section == SgpbSection::kNodes) {
      if (frame.body_case() != pb::Frame::kNodes) file.fail(f.offset, "corrupted frame: not nodes");
      for (const pb::Node& n : frame.nodes().nodes()) out.node_ids.push_back(n.id());
      continue;
    }
    if (frame.body_case() != pb::Frame::kEdges) file.fail(f.offset, "corrupted frame: not edges");
    for (const pb::Edge& e : frame.edges().edges()) {
      if (e.relation() <= pb::RELATION_UNSPECIFIED || e.relation() >= pb::Relation_ARRAYSIZE)
        file.fail(f.offset, "edge " + e.source() + " -> " + e.target() + " has no valid relation");
      if (e.continued() && index.format_version < 2)
        file.fail(f.offset, "a continued edge in a format version 1 file");
      SgpbEdgeRecord r;
      r.source = e.source();
      r.target = e.target();
      r.relation = static_cast<graph::Relation>(e.relation());
      r.evidence = static_cast<std::uint64_t>(e.evidence_size());
      r.continued = e.continued();
      out.edges.push_back(std::move(r));
    }
  }
  out.bytes_read = file.bytes_read();
  return out;
}

}  // namespace stakegraph::io
