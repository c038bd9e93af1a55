// What the readers of `.sgpb` format version 3 share (io/formats/sgpb_v3_tables.hpp).
#include "io/formats/sgpb_v3_tables.hpp"

#include <google/protobuf/stubs/logging.h>

namespace stakegraph::io::detail {

// ---- the wire, before decoding ------------------------------------------------------------

bool varint(const unsigned char*& p, const unsigned char* end, std::uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64 && p < end; shift += 7) {
    const unsigned char b = *p++;
    v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}

// The frame's body message (the Frame's one length-delimited field) as [p, end); false when
// malformed.
bool body_of(const std::string& payload, const unsigned char*& p, const unsigned char*& end) {
  p = reinterpret_cast<const unsigned char*>(payload.data());
  end = p + payload.size();
  std::uint64_t tag = 0, len = 0;
  if (!varint(p, end, tag) || (tag & 7) != 2 || !varint(p, end, len) ||
      len > static_cast<std::uint64_t>(end - p))
    return false;
  end = p + len;
  return true;
}

namespace {

// Counts the length-delimited `item` fields of the frame's body message (the items a chunk
// decodes into), without allocating; false when the wire format is malformed.
bool count_items(const std::string& payload, std::uint32_t item, std::uint64_t& n) {
  const unsigned char *p = nullptr, *end = nullptr;
  n = 0;
  return body_of(payload, p, end) &&
         for_each_field(p, end, [&](std::uint64_t field, std::uint64_t, const unsigned char* d) {
           n += d != nullptr && field == item;
         });
}

}  // namespace

// The order of sections: node tables, edge tables, articles, evidence, the node index (its
// chunks, then its directory), footer.
int rank_of(int body) {
  switch (body) {
    case pb::Frame::kNodeTable:
      return 1;
    case pb::Frame::kEdgeTable:
      return 2;
    case pb::Frame::kArticles:
      return 3;
    case pb::Frame::kEvidence:
      return 4;
    case kIndexChunkBody:
      return 5;
    case kNodeIndexBody:
      return 6;
    case pb::Frame::kFooter:
      return kFooterRank;
    default:
      return -1;
  }
}

// Before a chunk is decoded: its items counted on the wire stay within a frame's and the
// header's limits. Throws graph::InvalidArgument.
void check_items(const std::string& payload, int body, std::uint64_t read_so_far,
                 std::uint64_t declared) {
  const std::uint32_t item = body == pb::Frame::kArticles   ? 1
                             : body == pb::Frame::kEvidence ? 2
                                                            : 0;
  if (item == 0) return;
  std::uint64_t n = 0;
  if (!count_items(payload, item, n)) throw graph::InvalidArgument("cannot decode payload");
  if (n > kMaxFrameItems)
    throw graph::InvalidArgument("the frame holds " + std::to_string(n) +
                                 " items, more than a frame may hold (" +
                                 std::to_string(kMaxFrameItems) + ")");
  if (read_so_far + n > declared)
    throw graph::InvalidArgument("the frame brings the items to " +
                                 std::to_string(read_so_far + n) + ", more than the " +
                                 std::to_string(declared) + " the header declares");
}

// Before a node table is decoded: what it decodes into, counted on the wire. Its count stays
// within the nodes the header declares (`nodes_left` of them not read yet), it has at most
// one aliases-and-attributes item (NodeExtra) per node, and these items with their aliases
// and attributes are at most kMaxFrameItems: a small frame of empty items (two bytes each)
// would otherwise decode into gigabytes. Throws graph::InvalidArgument.
void check_node_table_items(const std::string& payload, std::uint64_t nodes_left) {
  const unsigned char *p = nullptr, *end = nullptr;
  std::uint64_t count = 0, extras = 0, items = 0;
  bool extras_ok = true;
  const bool ok =
      body_of(payload, p, end) &&
      for_each_field(p, end, [&](std::uint64_t field, std::uint64_t v, const unsigned char* d) {
        if (field == 2 && d == nullptr) count = v;
        if (field != 8 || d == nullptr) return;
        ++extras;
        ++items;
        extras_ok =
            extras_ok &&
            for_each_field(d, d + v, [&](std::uint64_t f, std::uint64_t, const unsigned char* x) {
              items += x != nullptr && (f == 2 || f == 3);
            });
      });
  if (!ok || !extras_ok) throw graph::InvalidArgument("cannot decode payload");
  if (count > nodes_left)
    throw graph::InvalidArgument("node table of " + std::to_string(count) +
                                 " nodes: more than the header declares");
  if (extras > count)
    throw graph::InvalidArgument("node table of " + std::to_string(count) + " nodes holds " +
                                 std::to_string(extras) + " aliases-and-attributes items");
  if (items > kMaxFrameItems)
    throw graph::InvalidArgument("the frame holds " + std::to_string(items) +
                                 " aliases and attributes, more than a frame may hold (" +
                                 std::to_string(kMaxFrameItems) + ")");
}

std::uint32_t crc_of(const std::string& s) {
  return static_cast<std::uint32_t>(
      ::crc32(0L, reinterpret_cast<const Bytef*>(s.data()), static_cast<uInt>(s.size())));
}

[[noreturn]] void fail(const std::string& name, std::uint64_t offset, const std::string& what) {
  throw ParseError::at_offset(name, offset, what);
}

void check_header(const std::string& name, const pb::Header& h) {
  try {
    check_sgpb_declared_size(h);
  } catch (const graph::Error& e) {
    fail(name, sizeof kSgpbMagic, e.what());
  }
}

// Reads and checks the header, the trailer and the footer. False when the file is not of
// version 3 (`version`: the header's version when it has one, else 0): the caller reads it
// whole, which says what is wrong with a damaged one. Throws io::ParseError.
bool open_v3(File& file, V3File& out, std::uint32_t& version) {
  version = 0;
  char magic[sizeof kSgpbMagic];
  std::string payload;
  pb::Frame frame;
  char head[8];
  if (!file.read(0, magic, sizeof magic) || std::memcmp(magic, kSgpbMagic, sizeof magic) != 0 ||
      !file.read(sizeof magic, head, 8) || get_u32(head) > kMaxFrameBytes || get_u32(head) == 0)
    return false;
  const std::uint32_t header_bytes = get_u32(head);
  payload.resize(header_bytes);
  google::protobuf::LogSilencer quiet;
  if (!file.read(sizeof magic + 8, payload.data(), header_bytes) ||
      crc_of(payload) != get_u32(head + 4) || !frame.ParseFromString(payload) ||
      frame.body_case() != pb::Frame::kHeader || frame.header().format_version() != 3) {
    if (frame.has_header()) version = frame.header().format_version();
    return false;
  }
  version = 3;
  const pb::Header& h = out.header = frame.header();
  const std::string& name = file.name();
  check_header(name, h);
  const std::uint64_t after_header = out.after_header = sizeof magic + 8 + header_bytes;
  // The trailer leads to the footer, whose frame index leads to the tables.
  char trailer[kSgpbTrailerBytes];
  if (file.size() < after_header + kSgpbTrailerBytes + 8 ||
      !file.read(file.size() - kSgpbTrailerBytes, trailer, sizeof trailer) ||
      std::memcmp(trailer + 8, kSgpbTrailerMagic, sizeof kSgpbTrailerMagic) != 0)
    file.locate_damage(after_header);
  const std::uint64_t footer_at = get_u64(trailer);
  if (footer_at < after_header || footer_at > file.size() - kSgpbTrailerBytes - 8 ||
      !file.read(footer_at, head, 8) ||
      get_u32(head) != file.size() - kSgpbTrailerBytes - footer_at - 8)
    file.locate_damage(after_header);
  file.frame(footer_at, get_u32(head), payload, frame);
  if (frame.body_case() != pb::Frame::kFooter)
    fail(name, footer_at, "corrupted frame: the trailer does not lead to the footer");
  const pb::Footer& footer = out.footer = frame.footer();
  const std::uint64_t frames = footer.frame_count();
  if (footer.node_count() != h.node_count() || footer.edge_count() != h.edge_count() ||
      footer.article_count() != h.article_count())
    fail(name, footer_at, "header counts do not match the frames read (the footer's counts)");
  std::uint64_t end = sizeof magic;
  bool index_ok =
      frames >= 1 && static_cast<std::uint64_t>(footer.frame_lengths_size()) == frames &&
      footer.frame_kinds().size() == frames && footer.frame_lengths(0) == header_bytes &&
      footer.frame_kinds()[0] == pb::Frame::kHeader;
  for (std::uint64_t i = 0; index_ok && i < frames; ++i) {
    const std::uint32_t n = footer.frame_lengths(static_cast<int>(i));
    index_ok = n > 0 && n <= kMaxFrameBytes;
    end += 8 + static_cast<std::uint64_t>(n);
  }
  if (!index_ok || end != footer_at)
    fail(name, footer_at, "the footer's frame index does not match the file");
  return true;
}

}  // namespace stakegraph::io::detail
