// Reading `.sgpb` format version 3 (io/sgpb_v3.hpp): the whole file from a stream, and the
// topology alone from a file by the footer's frame index.
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <google/protobuf/stubs/logging.h>

#include "graph/error.hpp"
#include "graph/names.hpp"
#include "io/error.hpp"
#include "io/input.hpp"
#include "io/offset_reader.hpp"
#include "io/proto_convert.hpp"
#include "io/sgpb.hpp"
#include "io/sgpb_v3.hpp"

namespace stakegraph::io {
namespace {

std::uint32_t get_u32(const char* p) {
  const auto* b = reinterpret_cast<const unsigned char*>(p);
  return static_cast<std::uint32_t>(b[0]) | static_cast<std::uint32_t>(b[1]) << 8 |
         static_cast<std::uint32_t>(b[2]) << 16 | static_cast<std::uint32_t>(b[3]) << 24;
}

std::uint64_t get_u64(const char* p) {
  return get_u32(p) | static_cast<std::uint64_t>(get_u32(p + 4)) << 32;
}

double get_f64(const char* p) {
  const std::uint64_t v = get_u64(p);
  double d = 0;
  std::memcpy(&d, &v, sizeof d);
  return d;
}

std::uint32_t crc_of(const std::string& s) {
  return static_cast<std::uint32_t>(
      ::crc32(0L, reinterpret_cast<const Bytef*>(s.data()), static_cast<uInt>(s.size())));
}

[[noreturn]] void fail(const std::string& name, std::uint64_t offset, const std::string& what) {
  throw io::ParseError::at_offset(name, offset, what);
}

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

// Calls f(field, value, data) for each field of the message in [p, end): `value` is a
// varint field's value or a length-delimited field's length (`data` its bytes, else null);
// fixed-width fields are skipped. Allocates nothing; false when the wire format is malformed.
template <class F>
bool for_each_field(const unsigned char* p, const unsigned char* end, F&& f) {
  while (p < end) {
    std::uint64_t tag = 0, v = 0;
    if (!varint(p, end, tag)) return false;
    switch (tag & 7) {
      case 0: if (!varint(p, end, v)) return false; f(tag >> 3, v, nullptr); break;
      case 1: if (end - p < 8) return false; p += 8; break;
      case 5: if (end - p < 4) return false; p += 4; break;
      case 2:
        if (!varint(p, end, v) || v > static_cast<std::uint64_t>(end - p)) return false;
        f(tag >> 3, v, p);
        p += v;
        break;
      default: return false;
    }
  }
  return true;
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

// Before a node table is decoded: what it decodes into, counted on the wire. Its count stays
// within the nodes the header declares (`nodes_left` of them not read yet), it has at most
// one aliases-and-attributes item (NodeExtra) per node, and these items with their aliases
// and attributes are at most kMaxFrameItems: a small frame of empty items (two bytes each)
// would otherwise decode into gigabytes. Throws graph::InvalidArgument.
void check_node_table_items(const std::string& payload, std::uint64_t nodes_left) {
  const unsigned char *p = nullptr, *end = nullptr;
  std::uint64_t count = 0, extras = 0, items = 0;
  bool extras_ok = true;
  const bool ok = body_of(payload, p, end) &&
                  for_each_field(p, end, [&](std::uint64_t field, std::uint64_t v,
                                             const unsigned char* d) {
                    if (field == 2 && d == nullptr) count = v;
                    if (field != 8 || d == nullptr) return;
                    ++extras;
                    ++items;
                    extras_ok = extras_ok && for_each_field(d, d + v, [&](std::uint64_t f,
                                                                          std::uint64_t,
                                                                          const unsigned char* x) {
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

// The order of sections: node tables, edge tables, articles, evidence, footer.
int rank_of(int body) {
  switch (body) {
    case pb::Frame::kNodeTable: return 1;
    case pb::Frame::kEdgeTable: return 2;
    case pb::Frame::kArticles: return 3;
    case pb::Frame::kEvidence: return 4;
    case pb::Frame::kFooter: return 5;
    default: return -1;
  }
}

// Before a chunk is decoded: its items counted on the wire stay within a frame's and the
// header's limits. Throws graph::InvalidArgument.
void check_items(const std::string& payload, int body, std::uint64_t read_so_far,
                 std::uint64_t declared) {
  const std::uint32_t item = body == pb::Frame::kArticles ? 1
                             : body == pb::Frame::kEvidence ? 2 : 0;
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

// ---- tables -------------------------------------------------------------------------------

std::string_view slice(const std::string& blob, std::uint32_t from, std::uint32_t to) {
  return std::string_view(blob).substr(from, to - from);
}

// Checks the table's arrays and string tables and calls emit(i, id, name, kind) for each of
// its nodes, then extra(i, item) for each of its aliases-and-attributes items. Throws
// graph::InvalidArgument.
template <class Emit, class Extra>
void decode_node_table(const pb::NodeTable& t, std::uint64_t expected_first,
                       std::uint64_t declared, Emit&& emit, Extra&& extra) {
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

// Appends the table's nodes to `g`. Throws graph::InvalidArgument.
void add_node_table(const pb::NodeTable& t, graph::Graph& g, std::uint64_t declared) {
  std::vector<graph::NodeIndex> made;
  graph::NodeIndex v = 0;
  decode_node_table(
      t, g.node_count(), declared,
      [&](std::uint32_t, std::string_view id, std::string_view name, graph::Kind kind) {
        v = g.add_node_with_id(id, name, kind);
      },
      [&](std::uint32_t, const pb::NodeExtra& x) {
        for (const auto& a : x.aliases()) g.add_alias(v, a);
        set_attributes_from_proto(g, v, x.attributes());
      });
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

struct EdgeSink {
  bool topology = false;                 // keep evidence counts in unloaded_evidence
  std::vector<std::uint32_t> counts;     // full read: each edge's evidence count
  std::vector<graph::EdgeRef> refs;      // full read: each edge
  std::uint64_t evidence = 0;            // sum of the counts so far
};

// Appends the table's edges to `g`. Throws graph::InvalidArgument.
void add_edge_table(const pb::EdgeTable& t, graph::Graph& g, const pb::Header& h, EdgeSink& sink) {
  decode_edge_table(t, h, g.edge_count(), g.node_count(), sink.evidence,
                    [&](const DecodedEdge& d) {
                      graph::EdgeData e;
                      e.relation = d.relation;
                      e.sign = d.sign;
                      if (d.has_weight) e.weight = d.weight;
                      if (d.has_goldstein) e.goldstein = d.goldstein;
                      e.first_seen = d.first_seen;
                      e.last_seen = d.last_seen;
                      if (sink.topology) e.unloaded_evidence = d.evidence;
                      const graph::EdgeRef ref = g.append_edge_unchecked(d.source, d.target,
                                                                         std::move(e));
                      if (!sink.topology) {
                        sink.counts.push_back(d.evidence);
                        sink.refs.push_back(ref);
                      }
                    });
}

void check_header(const std::string& name, const pb::Header& h) {
  try {
    check_sgpb_declared_size(h);
  } catch (const graph::Error& e) {
    fail(name, sizeof kSgpbMagic, e.what());
  }
}

}  // namespace

// ---- the whole file, from a stream ---------------------------------------------------------

graph::Graph read_sgpb_v3_rest(std::istream& in, const std::string& name, const pb::Header& h,
                               std::uint32_t header_bytes) {
  check_header(name, h);
  graph::Graph g;
  g.reserve_nodes(static_cast<std::size_t>(std::min<std::uint64_t>(h.node_count(), 1u << 22)));
  std::uint64_t offset = sizeof kSgpbMagic + 8 + header_bytes;
  std::vector<std::uint32_t> lengths{header_bytes};
  std::string kinds(1, static_cast<char>(pb::Frame::kHeader));
  EdgeSink sink;
  std::uint64_t articles = 0, evidence = 0;
  std::size_t edge = 0;      // the edge whose evidence comes next
  std::uint32_t taken = 0;   // of its evidence items so far
  int stage = 0;
  std::string payload;
  pb::Frame frame;
  while (true) {
    char head[8];
    in.read(head, 8);
    const auto got = in.gcount();
    if (got == 0) fail(name, offset, "truncated file: the footer frame is missing");
    if (got != 8) fail(name, offset, "truncated file: frame header cut short");
    const std::uint32_t length = get_u32(head), crc = get_u32(head + 4);
    if (length > kMaxFrameBytes)
      fail(name, offset, "corrupted frame: length " + std::to_string(length) + " exceeds limit");
    if (length == 0) fail(name, offset, "empty frame");
    payload.resize(length);
    in.read(payload.data(), length);
    if (static_cast<std::uint32_t>(in.gcount()) != length)
      fail(name, offset, "truncated file: frame of " + std::to_string(length) + " bytes cut short");
    if (crc_of(payload) != crc) fail(name, offset, "corrupted frame: checksum mismatch");
    const int body = static_cast<unsigned char>(payload[0]) >> 3;
    try {
      if (body == pb::Frame::kNodeTable)
        check_node_table_items(payload, h.node_count() - std::min<std::uint64_t>(
                                                              h.node_count(), g.node_count()));
      else
        check_items(payload, body, body == pb::Frame::kArticles ? articles : evidence,
                    body == pb::Frame::kArticles ? h.article_count() : h.evidence_count());
      google::protobuf::LogSilencer quiet;
      if (!frame.ParseFromString(payload) || frame.body_case() != body)
        throw graph::InvalidArgument("cannot decode payload");
      const int rank = rank_of(body);
      if (rank < 0) throw graph::InvalidArgument("a frame of another format version");
      if (rank < stage)
        throw graph::InvalidArgument(
            "frame out of order (header, node tables, edge tables, articles, evidence, footer)");
      stage = rank;
      if (rank >= 2 && g.node_count() != h.node_count())
        throw graph::InvalidArgument("the node tables hold " + std::to_string(g.node_count()) +
                                     " nodes, the header declares " +
                                     std::to_string(h.node_count()));
      if (rank >= 3 && g.edge_count() != h.edge_count())
        throw graph::InvalidArgument("the edge tables hold " + std::to_string(g.edge_count()) +
                                     " edges, the header declares " +
                                     std::to_string(h.edge_count()));
      switch (frame.body_case()) {
        case pb::Frame::kNodeTable: add_node_table(frame.node_table(), g, h.node_count()); break;
        case pb::Frame::kEdgeTable: add_edge_table(frame.edge_table(), g, h, sink); break;
        case pb::Frame::kArticles:
          for (const auto& a : frame.articles().articles()) g.add_article(from_proto(a));
          articles += static_cast<std::uint64_t>(frame.articles().articles_size());
          break;
        case pb::Frame::kEvidence: {
          if (frame.evidence().first() != evidence)
            throw graph::InvalidArgument("evidence chunk starts at item " +
                                         std::to_string(frame.evidence().first()) +
                                         ", expected " + std::to_string(evidence));
          for (const pb::Evidence& x : frame.evidence().evidence()) {
            while (edge < sink.counts.size() && taken == sink.counts[edge]) ++edge, taken = 0;
            if (edge == sink.counts.size())
              throw graph::InvalidArgument("more evidence than the edges' counts");
            g.edge_data(sink.refs[edge]).evidence.push_back(evidence_from_proto(g, x));
            ++taken;
          }
          evidence += static_cast<std::uint64_t>(frame.evidence().evidence_size());
          break;
        }
        default: {  // the footer
          const pb::Footer& f = frame.footer();
          if (f.node_count() != h.node_count() || f.edge_count() != h.edge_count() ||
              f.article_count() != h.article_count() || articles != h.article_count() ||
              evidence != h.evidence_count() || sink.evidence != h.evidence_count())
            throw graph::InvalidArgument("footer counts do not match the header and the frames");
          if (f.frame_count() != lengths.size() ||
              !std::equal(f.frame_lengths().begin(), f.frame_lengths().end(), lengths.begin(),
                          lengths.end()) ||
              f.frame_kinds() != kinds)
            throw graph::InvalidArgument("the footer's frame index does not match the frames");
          char trailer[kSgpbTrailerBytes];
          in.read(trailer, sizeof trailer);
          if (in.gcount() != sizeof trailer || get_u64(trailer) != offset ||
              std::memcmp(trailer + 8, kSgpbTrailerMagic, sizeof kSgpbTrailerMagic) != 0)
            fail(name, offset + 8 + length, "truncated file or corrupted trailer");
          if (in.peek() != std::char_traits<char>::eof())
            fail(name, offset + 8 + length + kSgpbTrailerBytes, "data after the trailer");
          return g;
        }
      }
    } catch (const io::ParseError&) {
      throw;
    } catch (const graph::Error& e) {
      fail(name, offset, std::string("corrupted frame: ") + e.what());
    }
    lengths.push_back(length);
    kinds.push_back(static_cast<char>(body));
    offset += 8 + length;
  }
}

// ---- the topology alone, from a file --------------------------------------------------------

namespace {

class File : public OffsetReader {
 public:
  using OffsetReader::OffsetReader;
  // The frame at `at`, whose length the index says: head, length, CRC checked; then
  // before_decode(payload) (which throws graph::Error for a frame not to decode); decoded.
  template <class BeforeDecode = void (*)(const std::string&)>
  void frame(std::uint64_t at, std::uint32_t length, std::string& payload, pb::Frame& out,
             BeforeDecode&& before_decode = [](const std::string&) {}) {
    char head[8];
    if (!read(at, head, 8)) fail(name(), at, "truncated file: frame header cut short");
    if (get_u32(head) != length)
      fail(name(), at, "corrupted frame: its length does not match the footer's frame index");
    payload.resize(length);
    if (!read(at + 8, payload.data(), length))
      fail(name(), at, "truncated file: frame of " + std::to_string(length) + " bytes cut short");
    if (crc_of(payload) != get_u32(head + 4)) fail(name(), at, "corrupted frame: checksum mismatch");
    try {
      before_decode(payload);
    } catch (const graph::Error& e) {
      fail(name(), at, std::string("corrupted frame: ") + e.what());
    }
    google::protobuf::LogSilencer quiet;
    if (!out.ParseFromString(payload)) fail(name(), at, "corrupted frame: cannot decode payload");
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

SgpbTopology whole(graph::Graph g, std::uint32_t version) {
  SgpbTopology t;
  t.article_count = g.articles().size();
  t.evidence_count = g.evidence_count();
  t.graph = std::move(g);
  t.format_version = version;
  t.evidence_loaded = true;
  return t;
}

}  // namespace

namespace {

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
bool open_v3(File& file, V3File& out, std::uint32_t& version) {
  version = 0;
  char magic[sizeof kSgpbMagic];
  std::string payload;
  pb::Frame frame;
  char head[8];
  if (!file.read(0, magic, sizeof magic) || std::memcmp(magic, kSgpbMagic, sizeof magic) != 0 ||
      !file.read(sizeof magic, head, 8) || get_u32(head) > kMaxFrameBytes ||
      get_u32(head) == 0)
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
  bool index_ok = frames >= 1 && static_cast<std::uint64_t>(footer.frame_lengths_size()) == frames &&
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
    if (rank < stage || rank < 0 || rank == 5)
      fail(name, at, "frame out of order (header, node tables, edge tables, articles, evidence, "
                     "footer), as the footer's frame index says");
    stage = rank;
    if (rank <= 2) {
      file.frame(at, length, payload, frame, [&](const std::string& p) {
        if (body == pb::Frame::kNodeTable)
          check_node_table_items(p, h.node_count() - std::min<std::uint64_t>(h.node_count(),
                                                                             nodes_read()));
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

}  // namespace

SgpbTopology load_sgpb_topology(const std::string& path) {
  if (path == "-") return whole(read_sgpb(std::cin, "<stdin>"), 0);
  File file(path);
  V3File v3;
  std::uint32_t version = 0;
  if (!open_v3(file, v3, version)) return whole(load_sgpb(path), version);
  const pb::Header& h = v3.header;
  SgpbTopology t;
  t.format_version = 3;
  t.article_count = h.article_count();
  t.evidence_count = h.evidence_count();
  graph::Graph& g = t.graph;
  g.reserve_nodes(static_cast<std::size_t>(std::min<std::uint64_t>(h.node_count(), 1u << 22)));
  EdgeSink sink;
  sink.topology = true;
  read_tables(
      file, v3, [&](const pb::NodeTable& n) { add_node_table(n, g, h.node_count()); },
      [&](const pb::EdgeTable& e) { add_edge_table(e, g, h, sink); },
      [&] { return g.node_count(); });
  if (g.node_count() != h.node_count() || g.edge_count() != h.edge_count() ||
      sink.evidence != h.evidence_count())
    fail(file.name(), sizeof kSgpbMagic,
         "the header's counts do not match the node and edge tables");
  t.bytes_read = file.bytes_read();
  return t;
}

std::optional<TopologyArrays> load_sgpb_topology_arrays(const std::string& path) {
  if (path == "-") return std::nullopt;
  File file(path);
  V3File v3;
  std::uint32_t version = 0;
  if (!open_v3(file, v3, version)) return std::nullopt;
  const pb::Header& h = v3.header;
  std::optional<TopologyArrays> out(std::in_place);
  TopologyArrays& t = *out;
  t.article_count = h.article_count();
  t.evidence_count = h.evidence_count();
  // Room for what the header declares, within what the file can hold (a node takes at least
  // 9 bytes of its tables, an edge 23), so that a damaged header reserves nothing absurd.
  const auto nodes = static_cast<std::size_t>(
      std::min<std::uint64_t>({h.node_count(), file.size() / 9, 1u << 22}));
  const auto edges = static_cast<std::size_t>(
      std::min<std::uint64_t>({h.edge_count(), file.size() / 23, 1u << 26}));
  t.kinds.reserve(nodes);
  t.id_ends.reserve(nodes);
  t.name_ends.reserve(nodes);
  t.sources.reserve(edges);
  t.targets.reserve(edges);
  t.relations.reserve(edges);
  t.evidence.reserve(edges);
  // The checks of Graph::add_node_with_id, so that a file the Graph load refuses is refused.
  std::unordered_set<std::string> seen_ids;
  std::unordered_map<std::string, std::uint64_t> by_folded;  // folded name -> node
  seen_ids.reserve(nodes);
  by_folded.reserve(nodes);
  const auto ascii = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
  };
  std::uint64_t evidence = 0;
  read_tables(
      file, v3,
      [&](const pb::NodeTable& n) {
        decode_node_table(
            n, t.node_count(), h.node_count(),
            [&](std::uint32_t, std::string_view id, std::string_view raw, graph::Kind kind) {
              if (id.empty()) throw graph::InvalidArgument("a node needs a non-empty id");
              const std::string name = graph::clean_name(raw);
              std::string folded = graph::fold_name(name);
              if (folded.empty())
                throw graph::InvalidArgument("node '" + std::string(id) + "' has an empty name");
              if (!seen_ids.emplace(id).second)
                throw graph::InvalidArgument("duplicate node id '" + std::string(id) + "'");
              const auto [it, fresh] = by_folded.emplace(std::move(folded), t.node_count());
              if (!fresh && ascii(name) && ascii(t.name(it->second)))
                throw graph::InvalidArgument("duplicate node name '" + name + "'");
              t.kinds.push_back(kind);
              t.ids.append(id);
              t.id_ends.push_back(t.ids.size());
              t.names.append(name);
              t.name_ends.push_back(t.names.size());
            },
            [](std::uint32_t, const pb::NodeExtra&) {});
      },
      [&](const pb::EdgeTable& e) {
        decode_edge_table(e, h, t.edge_count(), t.node_count(), evidence,
                          [&](const DecodedEdge& d) {
                            std::uint32_t from = d.source, to = d.target;
                            if (graph::is_symmetric(d.relation) && to < from) std::swap(from, to);
                            if (d.has_weight) t.weights.emplace_back(t.sources.size(), d.weight);
                            t.sources.push_back(from);
                            t.targets.push_back(to);
                            t.relations.push_back(d.relation);
                            t.evidence.push_back(d.evidence);
                          });
      },
      [&] { return t.node_count(); });
  if (t.node_count() != h.node_count() || t.edge_count() != h.edge_count() ||
      evidence != h.evidence_count())
    fail(file.name(), sizeof kSgpbMagic,
         "the header's counts do not match the node and edge tables");
  t.bytes_read = file.bytes_read();
  return out;
}

}  // namespace stakegraph::io
