// What the readers of `.sgpb` format version 3 share (io/formats/sgpb_v3_read.cpp, the whole file
// and the topology; io/formats/sgpb_v3_node.cpp, one node with its evidence): little-endian fields,
// frame checks, the decoding of node and edge tables, and the file opened by its footer's frame
// index. Internal to io/ (namespace io::detail).
#pragma once

#include <algorithm>

#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "graph/error.hpp"
#include "graph/graph.hpp"
#include "graph/ontology.hpp"
#include "io/error.hpp"
#include "io/formats/offset_reader.hpp"
#include "io/formats/sgpb.hpp"
#include "io/formats/sgpb_v3.hpp"
#include "io/input.hpp"
#include "proto/stakegraph.pb.h"

namespace stakegraph::io::detail {

// Reads one Protobuf varint at p (advanced past it) into v; false when it runs past `end`
// or over ten bytes.
bool varint(const unsigned char*& p, const unsigned char* end, std::uint64_t& v);

inline std::uint32_t get_u32(const char* p) {
  const auto* b = reinterpret_cast<const unsigned char*>(p);
  return static_cast<std::uint32_t>(b[0]) | static_cast<std::uint32_t>(b[1]) << 8 |
         static_cast<std::uint32_t>(b[2]) << 16 | static_cast<std::uint32_t>(b[3]) << 24;
}

inline std::uint64_t get_u64(const char* p) {
  return get_u32(p) | static_cast<std::uint64_t>(get_u32(p + 4)) << 32;
}

inline double get_f64(const char* p) {
  const std::uint64_t v = get_u64(p);
  double d = 0;
  std::memcpy(&d, &v, sizeof d);
  return d;
}

// Calls f(field, value, data) for each field of the message in [p, end): `value` is a
// varint field's value or a length-delimited field's length (`data` its bytes, else null);
// fixed-width fields are skipped. Allocates nothing; false when the wire format is malformed.
template <class F>
bool for_each_field(const unsigned char* p, const unsigned char* end, F&& f) {
  while (p < end) {
    std::uint64_t tag = 0, v = 0;
    if (!varint(p, end, tag)) return false;
    switch (tag & 7) {
      case 0:
        if (!varint(p, end, v)) return false;
        f(tag >> 3, v, nullptr);
        break;
      case 1:
        if (end - p < 8) return false;
        p += 8;
        break;
      case 5:
        if (end - p < 4) return false;
        p += 4;
        break;
      case 2:
        if (!varint(p, end, v) || v > static_cast<std::uint64_t>(end - p)) return false;
        f(tag >> 3, v, p);
        p += v;
        break;
      default:
        return false;
    }
  }
  return true;
}

// The frame's body message (the Frame's one length-delimited field) as [p, end); false when
// malformed.
bool body_of(const std::string& payload, const unsigned char*& p, const unsigned char*& end);

// CRC-32 of a frame's payload (zlib).
std::uint32_t crc_of(const std::string& s);

[[noreturn]] void fail(const std::string& name, std::uint64_t offset, const std::string& what);

// The node index (io/formats/sgpb_v3_index.hpp): Frame body field numbers of its frames, which
// proto/stakegraph.proto does not declare (they are encoded by hand, so that the generated
// code does not change): 9 an index chunk, 10 the index's directory.
inline constexpr int kIndexChunkBody = 9;
inline constexpr int kNodeIndexBody = 10;

// The order of sections: node tables 1, edge tables 2, articles 3, evidence 4, index chunks
// 5, index directory 6, footer kFooterRank; -1 for a frame of another version.
inline constexpr int kFooterRank = 7;
int rank_of(int body);

// Before a chunk is decoded: its items counted on the wire stay within a frame's and the
// header's limits. Throws graph::InvalidArgument.
void check_items(const std::string& payload, int body, std::uint64_t read_so_far,
                 std::uint64_t declared);

// Before a node table is decoded: its count within the `nodes_left` nodes the header
// declares and not read yet, at most one aliases-and-attributes item (NodeExtra) per node,
// and these items with their aliases and attributes at most kMaxFrameItems, all counted on
// the wire. Throws graph::InvalidArgument.
void check_node_table_items(const std::string& payload, std::uint64_t nodes_left);

// The header's declared sizes within the limits; else io::ParseError at the header.
void check_header(const std::string& name, const pb::Header& h);

// ---- tables -------------------------------------------------------------------------------

inline std::string_view slice(const std::string& blob, std::uint32_t from, std::uint32_t to) {
  return std::string_view(blob).substr(from, to - from);
}

// Checks the table's arrays and string tables and calls emit(i, id, name, kind) for each of
// its nodes, then extra(i, item) for each of its aliases-and-attributes items. Throws
// graph::InvalidArgument.
template <class Emit, class Extra>
void decode_node_table(const pb::NodeTable& t, std::uint64_t expected_first, std::uint64_t declared,
                       Emit&& emit, Extra&& extra) {
  const std::uint64_t n = t.count();
  if (t.first() != expected_first)
    throw graph::InvalidArgument("node table starts at node " + std::to_string(t.first()) +
                                 ", expected " + std::to_string(expected_first));
  if (n == 0 || n > declared - t.first())
    throw graph::InvalidArgument("node table of " + std::to_string(n) +
                                 " nodes: more than the header declares");
  if (t.kinds().size() != n || t.id_ends().size() != 4 * n || t.name_ends().size() != 4 * n)
    throw graph::InvalidArgument("node table arrays do not match its count");
  if (find_invalid_utf8(t.ids()) || find_invalid_utf8(t.names()))
    throw graph::InvalidArgument("node table: invalid UTF-8 in its string table");
  std::uint32_t id_at = 0, name_at = 0;
  int extras = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint32_t id_end = get_u32(t.id_ends().data() + 4 * i);
    const std::uint32_t name_end = get_u32(t.name_ends().data() + 4 * i);
    if (id_end < id_at || id_end > t.ids().size() || name_end < name_at ||
        name_end > t.names().size())
      throw graph::InvalidArgument("node table: string table ends out of range");
    const auto k = static_cast<unsigned char>(t.kinds()[i]);
    if (k >= graph::kKindCount) throw graph::InvalidArgument("node table: invalid kind");
    const graph::Kind kind = k == 0 ? graph::Kind::kOrganization : static_cast<graph::Kind>(k);
    emit(i, slice(t.ids(), id_at, id_end), slice(t.names(), name_at, name_end), kind);
    for (; extras < t.extras_size() && t.extras(extras).node() == i; ++extras)
      extra(i, t.extras(extras));
    id_at = id_end;
    name_at = name_end;
  }
  if (id_at != t.ids().size() || name_at != t.names().size())
    throw graph::InvalidArgument("node table: string table longer than its ends");
  if (extras != t.extras_size())
    throw graph::InvalidArgument("node table: aliases and attributes out of order");
}

// One edge of an edge table, decoded and checked.
struct DecodedEdge {
  std::uint32_t source = 0, target = 0, evidence = 0;
  graph::Relation relation = graph::Relation::kRelatedTo;
  std::int8_t sign = 0;
  bool has_weight = false, has_goldstein = false;  // flags 1 and 2
  double weight = 0.0, goldstein = 0.0;
  graph::Date first_seen = graph::kNoDate, last_seen = graph::kNoDate;
};

// An edge's data as decoded (relation, sign, weights, dates), without its evidence.
inline graph::EdgeData edge_data_of(const DecodedEdge& d) {
  graph::EdgeData e;
  e.relation = d.relation;
  e.sign = d.sign;
  if (d.has_weight) e.weight = d.weight;
  if (d.has_goldstein) e.goldstein = d.goldstein;
  e.first_seen = d.first_seen;
  e.last_seen = d.last_seen;
  return e;
}

// Checks the table's arrays against its count, its node numbers against `nodes`, its
// relations, signs and flags, and its evidence counts against the header's total
// (`evidence` is the sum so far, updated); calls emit(const DecodedEdge&) for each edge in
// file order. Throws graph::InvalidArgument.
template <class Emit>
void decode_edge_table(const pb::EdgeTable& t, const pb::Header& h, std::uint64_t expected_first,
                       std::uint64_t nodes, std::uint64_t& evidence, Emit&& emit) {
  const std::uint64_t n = t.count();
  if (t.first() != expected_first)
    throw graph::InvalidArgument("edge table starts at edge " + std::to_string(t.first()) +
                                 ", expected " + std::to_string(expected_first));
  if (n == 0 || n > h.edge_count() - t.first())
    throw graph::InvalidArgument("edge table of " + std::to_string(n) +
                                 " edges: more than the header declares");
  if (t.sources().size() != 4 * n || t.targets().size() != 4 * n || t.relations().size() != n ||
      t.signs().size() != n || t.flags().size() != n || t.first_seen().size() != 4 * n ||
      t.last_seen().size() != 4 * n || t.evidence_counts().size() != 4 * n)
    throw graph::InvalidArgument("edge table arrays do not match its count");
  std::uint64_t weights = 0, goldsteins = 0;
  for (const char f : t.flags()) {
    if (static_cast<unsigned char>(f) > 3) throw graph::InvalidArgument("edge table: bad flags");
    weights += f & 1;
    goldsteins += (f >> 1) & 1;
  }
  if (t.weights().size() != 8 * weights || t.goldsteins().size() != 8 * goldsteins)
    throw graph::InvalidArgument("edge table: weights do not match its flags");
  const char* w = t.weights().data();
  const char* gs = t.goldsteins().data();
  DecodedEdge e;
  for (std::uint32_t i = 0; i < n; ++i) {
    e.source = get_u32(t.sources().data() + 4 * i);
    e.target = get_u32(t.targets().data() + 4 * i);
    if (e.source >= nodes || e.target >= nodes)
      throw graph::InvalidArgument("edge " + std::to_string(t.first() + i) +
                                   ": node number out of range");
    const auto r = static_cast<unsigned char>(t.relations()[i]);
    const auto sign = static_cast<signed char>(t.signs()[i]);
    if (r == 0 || r >= graph::kRelationCount || sign < -1 || sign > 1)
      throw graph::InvalidArgument("edge " + std::to_string(t.first() + i) +
                                   ": invalid relation or sign");
    e.evidence = get_u32(t.evidence_counts().data() + 4 * i);
    if (e.evidence > h.evidence_count() - evidence)
      throw graph::InvalidArgument("the edges' evidence counts pass the header's " +
                                   std::to_string(h.evidence_count()));
    evidence += e.evidence;
    e.relation = static_cast<graph::Relation>(r);
    e.sign = sign;
    const auto f = static_cast<unsigned char>(t.flags()[i]);
    e.has_weight = (f & 1) != 0;
    e.has_goldstein = (f & 2) != 0;
    if (e.has_weight) e.weight = get_f64(w), w += 8;
    if (e.has_goldstein) e.goldstein = get_f64(gs), gs += 8;
    e.first_seen = static_cast<graph::Date>(get_u32(t.first_seen().data() + 4 * i));
    e.last_seen = static_cast<graph::Date>(get_u32(t.last_seen().data() + 4 * i));
    emit(e);
  }
}

class File : public OffsetReader {
 public:
  using OffsetReader::OffsetReader;
  // The frame at `at`, whose length the index says: head, length, CRC checked; then
  // before_decode(payload) (which throws graph::Error for a frame not to decode); decoded.
  template <class BeforeDecode = void (*)(const std::string&)>
  void frame(
      std::uint64_t at, std::uint32_t length, std::string& payload, pb::Frame& out,
      BeforeDecode&& before_decode = [](const std::string&) {}) {
    checked(at, length, payload);
    try {
      before_decode(payload);
    } catch (const graph::Error& e) {
      fail(name(), at, std::string("corrupted frame: ") + e.what());
    }
    google::protobuf::LogSilencer quiet;
    if (!out.ParseFromString(payload)) fail(name(), at, "corrupted frame: cannot decode payload");
  }
  // The payload of the frame at `at`, whose length the index says: head, length, CRC
  // checked, not decoded.
  void checked(std::uint64_t at, std::uint32_t length, std::string& payload) {
    char head[8];
    if (!read(at, head, 8)) fail(name(), at, "truncated file: frame header cut short");
    if (get_u32(head) != length)
      fail(name(), at, "corrupted frame: its length does not match the footer's frame index");
    payload.resize(length);
    if (!read(at + 8, payload.data(), length))
      fail(name(), at, "truncated file: frame of " + std::to_string(length) + " bytes cut short");
    if (crc_of(payload) != get_u32(head + 4))
      fail(name(), at, "corrupted frame: checksum mismatch");
  }
  // Walks the frame heads from `at` to say where a file whose trailer does not lead to its
  // footer is damaged; always throws.
  [[noreturn]] void locate_damage(std::uint64_t at) {
    while (true) {
      if (at == size()) fail(name(), at, "truncated file: the footer or the trailer is missing");
      if (at + kSgpbTrailerBytes == size()) fail(name(), at, "corrupted trailer");
      char head[8];
      if (!read(at, head, 8)) fail(name(), at, "truncated file: frame header cut short");
      const std::uint32_t length = get_u32(head);
      if (length > kMaxFrameBytes)
        fail(name(), at, "corrupted frame: length " + std::to_string(length) + " exceeds limit");
      if (length > size() - at - 8)
        fail(name(), at, "truncated file: frame of " + std::to_string(length) + " bytes cut short");
      // A damaged length would lead the walk astray: each frame's checksum is checked (this
      // reads the whole file, on damaged files only).
      std::string payload(length, '\0');
      if (!read(at + 8, payload.data(), length) || crc_of(payload) != get_u32(head + 4))
        fail(name(), at, "corrupted frame: checksum mismatch");
      at += 8 + static_cast<std::uint64_t>(length);
    }
  }
};

// A version 3 file whose header, trailer and footer (with its frame index) were read and
// checked: where its tables are.
struct V3File {
  pb::Header header;
  pb::Footer footer;
  std::uint64_t after_header = 0;  // offset of the first frame after the header
};

// Reads and checks the header, the trailer and the footer. False when the file is not of
// version 3 (`version`: the header's version when it has one, else 0): the caller reads it
// whole, which says what is wrong with a damaged one. Throws io::ParseError.
bool open_v3(File& file, V3File& out, std::uint32_t& version);

// Reads the node and edge tables in file order (the article and evidence frames are skipped
// by their lengths), each frame checked, and hands them to on_nodes(const pb::NodeTable&)
// and on_edges(const pb::EdgeTable&), which throw graph::Error for bad content;
// nodes_read() says how many nodes the node tables held so far. Throws io::ParseError.
template <class OnNodes, class OnEdges, class NodesRead>
void read_tables(File& file, const V3File& v3, OnNodes&& on_nodes, OnEdges&& on_edges,
                 NodesRead&& nodes_read) {
  const std::string& name = file.name();
  const pb::Header& h = v3.header;
  std::string payload;
  pb::Frame frame;
  int stage = 0;
  std::uint64_t at = v3.after_header;
  for (std::uint64_t i = 1; i < v3.footer.frame_count(); ++i) {
    const std::uint32_t length = v3.footer.frame_lengths(static_cast<int>(i));
    const int body = static_cast<unsigned char>(v3.footer.frame_kinds()[i]);
    const int rank = rank_of(body);
    if (rank < stage || rank < 0 || rank == kFooterRank)
      fail(name, at,
           "frame out of order (header, node tables, edge tables, articles, evidence, "
           "footer), as the footer's frame index says");
    stage = rank;
    if (rank <= 2) {
      file.frame(at, length, payload, frame, [&](const std::string& p) {
        if (body == pb::Frame::kNodeTable)
          check_node_table_items(
              p, h.node_count() - std::min<std::uint64_t>(h.node_count(), nodes_read()));
      });
      if (frame.body_case() != body)
        fail(name, at, "corrupted frame: not what the footer's frame index says");
      try {
        if (rank == 2 && nodes_read() != h.node_count())
          throw graph::InvalidArgument("the node tables hold " + std::to_string(nodes_read()) +
                                       " nodes, the header declares " +
                                       std::to_string(h.node_count()));
        if (rank == 1) on_nodes(frame.node_table());
        if (rank == 2) on_edges(frame.edge_table());
      } catch (const graph::Error& e) {
        fail(name, at, std::string("corrupted frame: ") + e.what());
      }
    }
    at += 8 + static_cast<std::uint64_t>(length);
  }
}

// ---- evidence (io/formats/sgpb_v3_evidence.cpp)
// ---------------------------------------------------

// Where a frame is in the file (from the footer's frame index).
struct FrameAt {
  std::uint64_t offset = 0;
  std::uint32_t length = 0;
  int body = 0;
};

// Every frame after the header, in file order.
std::vector<FrameAt> frames_of(const V3File& v3);

// An edge whose evidence items [first, first + count) are wanted (unless `skip`).
struct EvidenceWant {
  std::uint64_t first = 0, count = 0;
  bool skip = false;
  std::vector<pb::Evidence> evidence;  // read
};

// The length-delimited fields `item` of a frame's body message, as (data, length) on the
// payload, and its varint field 1 (`first`; 0 when absent), the wire walked without decoding
// an item; false when the wire format is malformed.
struct WireItems {
  std::uint64_t first = 0;
  std::vector<std::pair<const unsigned char*, std::uint64_t>> items;
};
bool wire_items(const std::string& payload, std::uint32_t item, WireItems& out);

// Reads the evidence frames that hold the wanted items (`wants` in file order), found by
// the `first` item number at the start of each evidence frame (peeked, checked again when
// the frame is read whole); every frame read is checked (length, CRC, its items' order).
// Adds the id of every article cited to `cited`. Throws io::ParseError.
void read_evidence(File& file, const V3File& v3, const std::vector<FrameAt>& frames,
                   std::vector<EvidenceWant>& wants, std::unordered_set<std::string>& cited);

// Adds to `g` the articles whose id is in `cited`, reading the article frames only when
// `cited` is not empty. Throws io::ParseError.
void read_cited_articles(File& file, const V3File& v3, const std::vector<FrameAt>& frames,
                         const std::unordered_set<std::string>& cited, graph::Graph& g);

}  // namespace stakegraph::io::detail
