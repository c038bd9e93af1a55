#include "io/formats/sgpb.hpp"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <string_view>
#include <vector>

#include <google/protobuf/stubs/logging.h>

#include "graph/error.hpp"
#include "io/atomic_file.hpp"
#include "io/error.hpp"
#include "io/formats/legacy_weights.hpp"
#include "io/formats/proto_convert.hpp"
#include "io/formats/protobuf_log.hpp"
#include "io/formats/sgpb_v3.hpp"
#include "io/input.hpp"
#include "proto/stakegraph.pb.h"

namespace stakegraph::io {
namespace {

std::uint32_t crc_of(const std::string& bytes) {
  return static_cast<std::uint32_t>(
      ::crc32(0L, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
}

void put_u32(std::ostream& out, std::uint32_t v) {
  const unsigned char b[4] = {static_cast<unsigned char>(v), static_cast<unsigned char>(v >> 8),
                              static_cast<unsigned char>(v >> 16),
                              static_cast<unsigned char>(v >> 24)};
  out.write(reinterpret_cast<const char*>(b), 4);
}

std::uint32_t get_u32(const unsigned char* b) {
  return static_cast<std::uint32_t>(b[0]) | static_cast<std::uint32_t>(b[1]) << 8 |
         static_cast<std::uint32_t>(b[2]) << 16 | static_cast<std::uint32_t>(b[3]) << 24;
}

class FrameWriter {
 public:
  FrameWriter(std::ostream& out, std::uint64_t max_frame) : out_(out), max_frame_(max_frame) {}
  void write(const pb::Frame& frame) {
    frame.SerializeToString(&buffer_);
    // The last guard of "every file we write reads back": the chunking above keeps frames
    // below the limit, and a frame past it would make the whole file unreadable.
    if (buffer_.size() > max_frame_)
      throw graph::Error("frame " + std::to_string(frames_) + " of " +
                         std::to_string(buffer_.size()) + " bytes exceeds the frame limit of " +
                         std::to_string(max_frame_) + " bytes: not written");
    put_u32(out_, static_cast<std::uint32_t>(buffer_.size()));
    put_u32(out_, crc_of(buffer_));
    if (frames_ == 2) {
      // Crash-safety tests stop the process here, inside the frame stream.
      out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size() / 2));
      out_.flush();
      test_kill_point("mid-frame");
      out_.write(buffer_.data() + buffer_.size() / 2,
                 static_cast<std::streamsize>(buffer_.size() - buffer_.size() / 2));
    } else {
      out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    }
    if (!out_) throw graph::Error("write failed (disk full?)");
    ++frames_;
  }
  std::uint64_t frames() const { return frames_; }

 private:
  std::ostream& out_;
  std::uint64_t max_frame_;
  std::string buffer_;
  std::uint64_t frames_ = 0;
};

std::string gib(std::uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f GiB", static_cast<double>(bytes) / (1ull << 30));
  return buf;
}

// ---- counting a frame's items before decoding it ------------------------------------------
// A frame of 64 MiB may hold 33 million empty evidence messages (2 bytes each) that decode
// into gigabytes: the reader counts the items on the wire first, without allocating, and
// refuses a frame that holds more than the header declared.

struct FrameCounts {
  std::uint64_t articles = 0, nodes = 0, edges = 0, evidence = 0;
};

class WireScanner {
 public:
  WireScanner(const unsigned char* p, const unsigned char* end) : p_(p), end_(end) {}
  bool done() const { return p_ >= end_; }
  // Reads a field's tag; false when malformed.
  bool tag(std::uint32_t& field, std::uint32_t& wire) {
    std::uint64_t t = 0;
    if (!varint(t) || (t >> 3) == 0 || (t >> 3) > 0x1FFFFFFF) return false;
    field = static_cast<std::uint32_t>(t >> 3);
    wire = static_cast<std::uint32_t>(t & 7);
    return true;
  }
  bool varint(std::uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64 && p_ < end_; shift += 7) {
      const unsigned char b = *p_++;
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return true;
    }
    return false;
  }
  // A length-delimited field's bytes, as a scanner of their own.
  bool sub(WireScanner& out) {
    std::uint64_t n = 0;
    if (!varint(n) || n > static_cast<std::uint64_t>(end_ - p_)) return false;
    out = WireScanner(p_, p_ + n);
    p_ += n;
    return true;
  }
  bool skip(std::uint32_t wire) {
    std::uint64_t v = 0;
    WireScanner ignored(nullptr, nullptr);
    switch (wire) {
      case 0:
        return varint(v);
      case 1:
        return advance(8);
      case 2:
        return sub(ignored);
      case 5:
        return advance(4);
      default:
        return false;  // groups: our writer never writes them
    }
  }

 private:
  bool advance(std::size_t n) {
    if (n > static_cast<std::size_t>(end_ - p_)) return false;
    p_ += n;
    return true;
  }
  const unsigned char* p_;
  const unsigned char* end_;
};

// Counts the repeated field-1 messages of a chunk; for edges also their evidence, and an
// edge marked `continued` is no new edge. False when the wire format is malformed.
bool count_chunk(WireScanner chunk, std::uint32_t section, FrameCounts& c) {
  std::uint32_t field = 0, wire = 0;
  while (!chunk.done()) {
    if (!chunk.tag(field, wire)) return false;
    if (field != 1 || wire != 2) {
      if (!chunk.skip(wire)) return false;
      continue;
    }
    WireScanner item(nullptr, nullptr);
    if (!chunk.sub(item)) return false;
    if (section == pb::Frame::kNodes) ++c.nodes;
    if (section == pb::Frame::kArticles) ++c.articles;
    if (section != pb::Frame::kEdges) continue;
    bool continued = false;
    while (!item.done()) {
      if (!item.tag(field, wire)) return false;
      if (field == pb::Edge::kEvidenceFieldNumber && wire == 2) ++c.evidence;
      if (field == pb::Edge::kContinuedFieldNumber && wire == 0) {
        std::uint64_t v = 0;
        if (!item.varint(v)) return false;
        continued = v != 0;
        continue;
      }
      if (!item.skip(wire)) return false;
    }
    if (!continued) ++c.edges;
  }
  return true;
}

bool count_frame(const std::string& payload, FrameCounts& c) {
  const auto* p = reinterpret_cast<const unsigned char*>(payload.data());
  WireScanner frame(p, p + payload.size());
  std::uint32_t field = 0, wire = 0;
  while (!frame.done()) {
    if (!frame.tag(field, wire)) return false;
    const bool chunk = wire == 2 && (field == pb::Frame::kNodes || field == pb::Frame::kEdges ||
                                     field == pb::Frame::kArticles);
    if (!chunk) {
      if (!frame.skip(wire)) return false;
      continue;
    }
    WireScanner body(nullptr, nullptr);
    if (!frame.sub(body) || !count_chunk(body, field, c)) return false;
  }
  return true;
}

std::uint64_t physical_memory() {
  const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page <= 0) return 0;
  return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page);
}

// Throws graph::Error (turned into a ParseError at the header's offset by the caller) when
// the header declares more than the graph size limits allow (sgpb.hpp).
void check_declared_size(const pb::Header& h) {
  const std::pair<const char*, std::uint64_t> counts[] = {
      {"nodes", h.node_count()}, {"edges", h.edge_count()}, {"articles", h.article_count()}};
  for (const auto& [what, n] : counts)
    if (n > kMaxGraphItems)
      throw graph::Error("the header declares " + std::to_string(n) + " " + what +
                         ", over the limit of " + std::to_string(kMaxGraphItems));
  if (h.has_evidence_count() && h.evidence_count() > kMaxGraphEvidence)
    throw graph::Error("the header declares " + std::to_string(h.evidence_count()) +
                       " evidence items, over the limit of " + std::to_string(kMaxGraphEvidence));
  const std::uint64_t memory = physical_memory();
  if (memory == 0) return;
  const std::uint64_t need =
      h.node_count() * kMinNodeMemoryBytes + h.edge_count() * kMinEdgeMemoryBytes +
      h.article_count() * kMinArticleMemoryBytes + h.evidence_count() * kMinEvidenceMemoryBytes;
  if (need > memory)
    throw graph::Error("the header declares " + std::to_string(h.node_count()) + " nodes, " +
                       std::to_string(h.edge_count()) + " edges, " +
                       std::to_string(h.article_count()) + " articles and " +
                       std::to_string(h.evidence_count()) + " evidence items: more than " +
                       gib(need) + " of memory, over this machine's " + gib(memory));
}

// Before a frame is decoded: the items read so far plus this frame's must stay within what
// the header declared. A version 1 header declares no evidence count: the evidence is then
// held to what this machine's memory can take next to the declared graph.
void check_frame_counts(const pb::Header& h, const FrameCounts& read, const FrameCounts& frame) {
  const std::uint64_t in_frame = frame.articles + frame.nodes + frame.edges + frame.evidence;
  if (in_frame > kMaxFrameItems)
    throw graph::Error("the frame holds " + std::to_string(in_frame) +
                       " items, more than a frame may hold (" + std::to_string(kMaxFrameItems) +
                       ")");
  const std::pair<const char*, std::pair<std::uint64_t, std::uint64_t>> items[] = {
      {"articles", {read.articles + frame.articles, h.article_count()}},
      {"nodes", {read.nodes + frame.nodes, h.node_count()}},
      {"edges", {read.edges + frame.edges, h.edge_count()}}};
  for (const auto& [what, counts] : items)
    if (counts.first > counts.second)
      throw graph::Error("the frame brings the " + std::string(what) + " to " +
                         std::to_string(counts.first) + ", more than the " +
                         std::to_string(counts.second) + " the header declares");
  const std::uint64_t evidence = read.evidence + frame.evidence;
  if (h.has_evidence_count()) {
    if (evidence > h.evidence_count())
      throw graph::Error("the frame brings the evidence items to " + std::to_string(evidence) +
                         ", more than the " + std::to_string(h.evidence_count()) +
                         " the header declares");
    return;
  }
  const std::uint64_t memory = physical_memory();
  const std::uint64_t need =
      h.node_count() * kMinNodeMemoryBytes + h.edge_count() * kMinEdgeMemoryBytes +
      h.article_count() * kMinArticleMemoryBytes + evidence * kMinEvidenceMemoryBytes;
  if (evidence > kMaxGraphEvidence || (memory != 0 && need > memory))
    throw graph::Error("the frame brings the evidence items to " + std::to_string(evidence) +
                       ": more than " + gib(need) + " of memory, over this machine's " +
                       gib(memory));
}

}  // namespace

namespace {

// A string about to be written must be valid UTF-8: libprotobuf would write it with an
// ERROR line on stderr, and every reader (ours included) would then refuse the frame.
// `item()` names what holds the string; it is only made for the message.
template <class Item>
void check_utf8(std::string_view text, const Item& item, const char* field) {
  if (const auto bad = find_invalid_utf8(text))
    throw graph::Error(item() + ": invalid UTF-8 in its " + field + " (byte " +
                       std::to_string(*bad) + " of \"" + excerpt_for_message(text) + "\")");
}

void check_article(const graph::Article& a) {
  const auto item = [&] { return "article '" + excerpt_for_message(a.id) + "'"; };
  check_utf8(a.id, item, "id");
  check_utf8(a.title, item, "title");
  check_utf8(a.source, item, "source");
  check_utf8(a.url, item, "url");
  check_utf8(a.path, item, "path");
  check_utf8(a.text_hash, item, "text hash");
}

void check_node(const graph::NodeData& d) {
  const auto item = [&] { return "node '" + excerpt_for_message(d.id) + "'"; };
  check_utf8(d.id, item, "id");
  check_utf8(d.name, item, "name");
  for (const auto& a : d.aliases) check_utf8(a, item, "aliases");
  for (const auto& [k, v] : d.attributes) {
    check_utf8(k, item, "attribute names");
    check_utf8(v, item, "attributes");
  }
}

std::string edge_label(const graph::Graph& g, graph::EdgeRef e) {
  return "edge '" + excerpt_for_message(g.node(g.source(e)).id) + "' -" +
         std::string(graph::relation_name(g.edge(e).relation)) + "-> '" +
         excerpt_for_message(g.node(g.target(e)).id) + "'";
}

template <class Item>
void check_evidence(const graph::Evidence& ev, const Item& item) {
  check_utf8(ev.text, item, "evidence text");
  check_utf8(ev.speaker, item, "evidence speaker");
  check_utf8(ev.rule, item, "evidence rule");
}

// An upper bound of the encoded size of an edge (its strings plus every fixed field at its
// largest), so that the writer knows before the header whether some edge must be split.
std::uint64_t edge_size_bound(const graph::Graph& g, graph::EdgeRef e) {
  const graph::EdgeData& d = g.edge(e);
  std::uint64_t n = 128 + g.node(g.source(e)).id.size() + g.node(g.target(e)).id.size();
  for (const graph::Evidence& ev : d.evidence) {
    n += 96 + ev.text.size() + ev.speaker.size() + ev.rule.size();
    if (ev.article != graph::kNoArticle) n += g.articles()[ev.article].id.size();
  }
  return n;
}

// An item of `bytes` encoded bytes that no frame of `limit` bytes can hold.
[[noreturn]] void too_large(const std::string& item, std::uint64_t bytes, std::uint64_t limit) {
  throw graph::Error(item + " takes " + std::to_string(bytes) +
                     " bytes, more than one .sgpb frame holds (" + std::to_string(limit) +
                     " bytes): not written");
}

}  // namespace

void check_sgpb_declared_size(const pb::Header& h) { check_declared_size(h); }

namespace {

// write_sgpb; `edge_lists` false: version 3's node index as written before its edge lists.
void write_sgpb_as(const graph::Graph& g, std::ostream& out, const SgpbWriteOptions& options,
                   bool edge_lists) {
  // Room for the frame's own wrapping (the oneof and chunk tags and lengths).
  constexpr std::uint64_t kFrameSlack = 16;
  const std::uint64_t max_frame = std::min<std::uint64_t>(options.max_frame_bytes, kMaxFrameBytes);
  if (max_frame <= 2 * kFrameSlack) throw graph::InvalidArgument("max_frame_bytes is too small");
  const std::uint64_t max_item = max_frame - kFrameSlack;
  // Every string is checked, and whether some edge's evidence needs more than one frame
  // (format version 2) is known, before the first byte is written.
  std::uint64_t evidence_total = 0;
  bool split_edges = false;
  for (const auto& a : g.articles()) check_article(a);
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v) check_node(g.node(v));
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
    const graph::EdgeData& d = g.edge(*it);
    if (d.unloaded_evidence != 0)
      throw graph::InvalidArgument(
          "the graph was loaded without its evidence (a topology-only load): not written");
    const auto edge = *it;  // a lambda cannot capture a structured binding (clang 14)
    const auto item = [&] { return edge_label(g, edge); };
    for (const graph::Evidence& ev : d.evidence) check_evidence(ev, item);
    evidence_total += d.evidence.size();
    split_edges = split_edges || edge_size_bound(g, *it) > max_item;
  }

  if (options.format_version == 0 || options.format_version > kSgpbFormatVersion)
    throw graph::InvalidArgument("cannot write .sgpb format version " +
                                 std::to_string(options.format_version));
  out.write(kSgpbMagic, sizeof kSgpbMagic);
  if (options.format_version >= 3) {
    write_sgpb_v3_frames(
        g, out,
        {.target_frame_bytes = std::min<std::uint64_t>(options.target_frame_bytes, max_item),
         .max_item_bytes = max_item,
         .evidence_total = evidence_total,
         .node_edge_lists = edge_lists});
    return;
  }
  FrameWriter writer(out, max_frame);
  pb::Frame frame;
  {
    pb::Header* h = frame.mutable_header();
    h->set_format_version(split_edges ? 2 : 1);
    h->set_writer("stakegraph 0.1");
    h->set_node_count(g.node_count());
    h->set_edge_count(g.edge_count());
    h->set_article_count(g.articles().size());
    h->set_evidence_count(evidence_total);
    h->set_user_weights(true);
    writer.write(frame);
  }
  // Chunks close at target_frame_bytes; the size is tracked incrementally per item.
  const std::uint64_t target = std::min<std::uint64_t>(options.target_frame_bytes, max_item);
  std::uint64_t bytes = 0;
  auto flush = [&] {
    if (bytes == 0) return;
    writer.write(frame);
    frame.Clear();
    bytes = 0;
  };
  // Adds an item of `size` encoded bytes: a frame that would pass the limit is closed first.
  auto room_for = [&](std::uint64_t size, const std::string& item) {
    if (size > max_item) too_large(item, size, max_item);
    if (bytes + size > max_item) flush();
  };
  frame.Clear();
  for (const auto& a : g.articles()) {
    pb::Article m = to_proto(a);
    const std::uint64_t size = m.ByteSizeLong() + 6;
    room_for(size, "article '" + excerpt_for_message(a.id) + "'");
    frame.mutable_articles()->add_articles()->Swap(&m);
    bytes += size;
    if (bytes >= target) flush();
  }
  flush();
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v) {
    pb::Node m = to_proto(g, v);
    const std::uint64_t size = m.ByteSizeLong() + 6;
    room_for(size, "node '" + excerpt_for_message(g.node(v).id) + "'");
    frame.mutable_nodes()->add_nodes()->Swap(&m);
    bytes += size;
    if (bytes >= target) flush();
  }
  flush();
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
    if (edge_size_bound(g, *it) <= max_item) {
      pb::Edge m = to_proto(g, *it);
      const std::uint64_t size = m.ByteSizeLong() + 6;
      room_for(size, edge_label(g, *it));
      frame.mutable_edges()->add_edges()->Swap(&m);
      bytes += size;
      if (bytes >= target) flush();
      continue;
    }
    // Split: the edge, then `continued` pieces of it, each with as much evidence as a frame
    // holds, each piece in a frame of its own.
    flush();
    const graph::EdgeData& d = g.edge(*it);
    pb::Edge head = to_proto(g, *it, /*with_evidence=*/false);
    pb::Edge piece = head;
    head.set_continued(true);
    const std::uint64_t base = head.ByteSizeLong() + 6;
    std::uint64_t piece_bytes = base;
    for (const graph::Evidence& ev : d.evidence) {
      pb::Evidence x;
      evidence_to_proto(g, ev, &x);
      const std::uint64_t size = x.ByteSizeLong() + 6;
      if (base + size > max_item)
        too_large("an evidence item of " + edge_label(g, *it), base + size, max_item);
      if (piece_bytes + size > max_item ||
          static_cast<std::uint64_t>(piece.evidence_size()) + 1 >= kMaxFrameItems) {
        frame.mutable_edges()->add_edges()->Swap(&piece);
        bytes = piece_bytes;
        flush();
        piece = head;
        piece_bytes = base;
      }
      piece.add_evidence()->Swap(&x);
      piece_bytes += size;
    }
    frame.mutable_edges()->add_edges()->Swap(&piece);
    bytes = piece_bytes;
    flush();
  }
  flush();
  pb::Footer* f = frame.mutable_footer();
  f->set_node_count(g.node_count());
  f->set_edge_count(g.edge_count());
  f->set_article_count(g.articles().size());
  f->set_frame_count(writer.frames());
  writer.write(frame);
  out.flush();
  if (!out) throw graph::Error("write failed (disk full?)");
}

}  // namespace

void write_sgpb(const graph::Graph& g, std::ostream& out, const SgpbWriteOptions& options) {
  write_sgpb_as(g, out, options, true);
}

void write_sgpb_v3_without_edge_lists(const graph::Graph& g, std::ostream& out,
                                      const SgpbWriteOptions& options) {
  SgpbWriteOptions o = options;
  o.format_version = 3;
  write_sgpb_as(g, out, o, false);
}

void save_sgpb(const graph::Graph& g, const std::string& path, const SgpbWriteOptions& options) {
  // Protobuf logs a string that is not UTF-8 and serializes it anyway, into a file that no
  // reader accepts: its log is collected and makes the write fail (io/formats/protobuf_log.hpp).
  route_protobuf_log();
  take_protobuf_log();
  const auto check_log = [&](const std::string& name, const char* outcome) {
    const std::vector<std::string> log = take_protobuf_log();
    if (!log.empty()) throw graph::Error(name + ": cannot write: " + log.front() + outcome);
  };
  if (is_stdout_path(path)) {
    write_sgpb(g, std::cout, options);
    check_log("standard output", "");
    return;
  }
  AtomicFile file(path);
  try {
    write_sgpb(g, file.stream(), options);
  } catch (const graph::Error& e) {
    throw graph::Error(path + ": " + e.what());
  }
  check_log(path, " (nothing written)");
  file.commit();
}

graph::Graph read_sgpb(std::istream& in, const std::string& name) {
  char magic[sizeof kSgpbMagic];
  in.read(magic, sizeof magic);
  if (in.gcount() == 0) throw io::ParseError::at_offset(name, 0, "empty file, not a .sgpb graph");
  if (in.gcount() != sizeof magic || std::memcmp(magic, kSgpbMagic, sizeof magic) != 0)
    throw io::ParseError::at_offset(name, 0, "not a .sgpb graph file (bad magic)");

  graph::Graph g;
  std::uint64_t offset = sizeof magic;
  std::uint64_t frames = 0;
  bool have_header = false, have_footer = false;
  pb::Header header;
  std::string payload;
  pb::Frame frame;
  FrameCounts read;  // items of the frames read so far, as counted on the wire
  std::uint64_t nodes = 0, edges = 0, articles = 0, evidence = 0;
  std::optional<graph::EdgeRef> last_edge;  // what a `continued` edge continues
  int stage = 0;  // 0 articles, 1 nodes, 2 edges: sections must come in this order
  while (true) {
    unsigned char head[8];
    in.read(reinterpret_cast<char*>(head), 8);
    const auto got = in.gcount();
    if (got == 0) break;
    if (have_footer) throw io::ParseError::at_offset(name, offset, "data after the footer frame");
    if (got != 8)
      throw io::ParseError::at_offset(name, offset, "truncated file: frame header cut short");
    const std::uint32_t length = get_u32(head), crc = get_u32(head + 4);
    if (length > kMaxFrameBytes)
      throw io::ParseError::at_offset(
          name, offset, "corrupted frame: length " + std::to_string(length) + " exceeds limit");
    payload.resize(length);
    in.read(payload.data(), length);
    if (static_cast<std::uint32_t>(in.gcount()) != length)
      throw io::ParseError::at_offset(
          name, offset, "truncated file: frame of " + std::to_string(length) + " bytes cut short");
    if (crc_of(payload) != crc)
      throw io::ParseError::at_offset(name, offset, "corrupted frame: checksum mismatch");
    FrameCounts counts;
    if (!count_frame(payload, counts))
      throw io::ParseError::at_offset(name, offset, "corrupted frame: cannot decode payload");
    if (have_header) {
      try {
        check_frame_counts(header, read, counts);
      } catch (const graph::Error& e) {
        throw io::ParseError::at_offset(name, offset, e.what());
      }
    } else if (counts.articles + counts.nodes + counts.edges + counts.evidence > 0) {
      throw io::ParseError::at_offset(name, offset, "graph items before the header frame");
    }
    read.articles += counts.articles;
    read.nodes += counts.nodes;
    read.edges += counts.edges;
    read.evidence += counts.evidence;
    // A payload with a valid checksum may still be damaged (invalid UTF-8 in a string field):
    // the parse then fails, and libprotobuf must not log about it (library code never prints).
    google::protobuf::LogSilencer quiet;
    if (!frame.ParseFromString(payload))
      throw io::ParseError::at_offset(name, offset, "corrupted frame: cannot decode payload");
    try {
      switch (frame.body_case()) {
        case pb::Frame::kHeader:
          if (have_header) throw graph::InvalidArgument("second header frame");
          header = frame.header();
          if (header.format_version() == 0 || header.format_version() > kSgpbFormatVersion)
            throw graph::InvalidArgument("format version " +
                                         std::to_string(header.format_version()) +
                                         " is not supported (this build reads up to " +
                                         std::to_string(kSgpbFormatVersion) + ")");
          have_header = true;
          check_declared_size(header);
          if (header.format_version() >= 3) {
            if (frames != 0) throw graph::InvalidArgument("the header is not the first frame");
            return read_sgpb_v3_rest(in, name, header, length);
          }
          // Reserve what the header declares, within reason: a damaged count must not
          // allocate by itself (the vectors grow as frames are read anyway).
          g.reserve_nodes(static_cast<std::size_t>(
              std::min<std::uint64_t>(header.node_count(), std::uint64_t{1} << 22)));
          break;
        case pb::Frame::kArticles:
          if (!have_header || stage > 0)
            throw graph::InvalidArgument("articles frame out of order");
          for (const auto& a : frame.articles().articles()) g.add_article(from_proto(a));
          articles += frame.articles().articles_size();
          break;
        case pb::Frame::kNodes:
          if (!have_header || stage > 1) throw graph::InvalidArgument("nodes frame out of order");
          stage = 1;
          for (const auto& n : frame.nodes().nodes()) add_from_proto(g, n);
          nodes += frame.nodes().nodes_size();
          break;
        case pb::Frame::kEdges:
          if (!have_header) throw graph::InvalidArgument("edges frame before the header");
          stage = 2;
          for (const auto& e : frame.edges().edges()) {
            evidence += static_cast<std::uint64_t>(e.evidence_size());
            if (!e.continued()) {
              last_edge = add_from_proto(g, e, /*known_new=*/true);
              ++edges;
              continue;
            }
            // More evidence of the edge before (format version 2).
            const auto s = g.find_by_id(e.source()), t = g.find_by_id(e.target());
            if (header.format_version() < 2 || !last_edge || !s || !t ||
                g.source(*last_edge) != *s || g.target(*last_edge) != *t ||
                static_cast<int>(g.edge(*last_edge).relation) != static_cast<int>(e.relation()))
              throw graph::InvalidArgument("a continued edge " + excerpt_for_message(e.source()) +
                                           " -> " + excerpt_for_message(e.target()) +
                                           " does not follow the edge it continues");
            auto& list = g.edge_data(*last_edge).evidence;
            for (const pb::Evidence& x : e.evidence()) list.push_back(evidence_from_proto(g, x));
          }
          break;
        case pb::Frame::kFooter: {
          if (!have_header) throw graph::InvalidArgument("footer before the header");
          const pb::Footer& f = frame.footer();
          if (f.node_count() != nodes || f.edge_count() != edges || f.article_count() != articles ||
              f.frame_count() != frames)
            throw graph::InvalidArgument("footer counts do not match the frames read");
          if (header.node_count() != nodes || header.edge_count() != edges ||
              header.article_count() != articles ||
              (header.has_evidence_count() && header.evidence_count() != evidence))
            throw graph::InvalidArgument("header counts do not match the frames read");
          have_footer = true;
          break;
        }
        case pb::Frame::BODY_NOT_SET:
          throw graph::InvalidArgument("empty frame");
        case pb::Frame::kNodeTable:
        case pb::Frame::kEdgeTable:
        case pb::Frame::kEvidence:
          throw graph::InvalidArgument("a format version 3 frame in a version " +
                                       std::to_string(header.format_version()) + " file");
      }
    } catch (const io::ParseError&) {
      throw;
    } catch (const graph::Error& e) {
      throw io::ParseError::at_offset(name, offset, e.what());
    }
    offset += 8 + length;
    ++frames;
  }
  if (!have_header) throw io::ParseError::at_offset(name, offset, "truncated file: no header");
  if (!have_footer)
    throw io::ParseError::at_offset(name, offset, "truncated file: the footer frame is missing");
  if (!header.user_weights()) upgrade_legacy_weights(g);
  return g;
}

graph::Graph load_sgpb(const std::string& path) {
  if (path == "-") return read_sgpb(std::cin, "<stdin>");
  check_input_file(path);
  std::vector<char> buffer(1 << 20);
  std::ifstream in;
  in.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  in.open(path, std::ios::binary);
  if (!in) throw graph::NotFound(path + ": cannot open: " + std::strerror(errno));
  return read_sgpb(in, path);
}

bool has_sgpb_magic(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[sizeof kSgpbMagic];
  in.read(magic, sizeof magic);
  return in.gcount() == sizeof magic && std::memcmp(magic, kSgpbMagic, sizeof magic) == 0;
}

}  // namespace stakegraph::io
