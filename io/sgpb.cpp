#include "io/sgpb.hpp"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <fstream>
#include <vector>

#include <google/protobuf/stubs/logging.h>

#include "graph/error.hpp"
#include "io/atomic_file.hpp"
#include "io/input.hpp"
#include "io/proto_convert.hpp"
#include "io/protobuf_log.hpp"
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
  explicit FrameWriter(std::ostream& out) : out_(out) {}
  void write(const pb::Frame& frame) {
    frame.SerializeToString(&buffer_);
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
  std::string buffer_;
  std::uint64_t frames_ = 0;
};

std::string gib(std::uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f GiB", static_cast<double>(bytes) / (1ull << 30));
  return buf;
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
  const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page <= 0) return;
  const std::uint64_t memory = static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page);
  const std::uint64_t need = h.node_count() * kMinNodeMemoryBytes +
                             h.edge_count() * kMinEdgeMemoryBytes +
                             h.article_count() * kMinArticleMemoryBytes;
  if (need > memory)
    throw graph::Error("the header declares " + std::to_string(h.node_count()) + " nodes, " +
                       std::to_string(h.edge_count()) + " edges and " +
                       std::to_string(h.article_count()) + " articles: more than " + gib(need) +
                       " of memory, over this machine's " + gib(memory));
}

}  // namespace

void write_sgpb(const graph::Graph& g, std::ostream& out, const SgpbWriteOptions& options) {
  out.write(kSgpbMagic, sizeof kSgpbMagic);
  FrameWriter writer(out);
  pb::Frame frame;
  {
    pb::Header* h = frame.mutable_header();
    h->set_format_version(kSgpbFormatVersion);
    h->set_writer("stakegraph 0.1");
    h->set_node_count(g.node_count());
    h->set_edge_count(g.edge_count());
    h->set_article_count(g.articles().size());
    writer.write(frame);
  }
  // Chunks close at target_frame_bytes; the size is tracked incrementally per item.
  std::size_t bytes = 0;
  auto flush = [&] {
    if (bytes == 0) return;
    writer.write(frame);
    frame.Clear();
    bytes = 0;
  };
  frame.Clear();
  for (const auto& a : g.articles()) {
    pb::Article* m = frame.mutable_articles()->add_articles();
    *m = to_proto(a);
    bytes += m->ByteSizeLong() + 4;
    if (bytes >= options.target_frame_bytes) flush();
  }
  flush();
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v) {
    pb::Node* m = frame.mutable_nodes()->add_nodes();
    *m = to_proto(g, v);
    bytes += m->ByteSizeLong() + 4;
    if (bytes >= options.target_frame_bytes) flush();
  }
  flush();
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
    pb::Edge* m = frame.mutable_edges()->add_edges();
    *m = to_proto(g, *it);
    bytes += m->ByteSizeLong() + 4;
    if (bytes >= options.target_frame_bytes) flush();
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

void save_sgpb(const graph::Graph& g, const std::string& path, const SgpbWriteOptions& options) {
  // Protobuf logs a string that is not UTF-8 and serializes it anyway, into a file that no
  // reader accepts: its log is collected and makes the write fail (io/protobuf_log.hpp).
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
  if (in.gcount() == 0) throw graph::ParseError::at_offset(name, 0, "empty file, not a .sgpb graph");
  if (in.gcount() != sizeof magic || std::memcmp(magic, kSgpbMagic, sizeof magic) != 0)
    throw graph::ParseError::at_offset(name, 0, "not a .sgpb graph file (bad magic)");

  graph::Graph g;
  std::uint64_t offset = sizeof magic;
  std::uint64_t frames = 0;
  bool have_header = false, have_footer = false;
  pb::Header header;
  std::string payload;
  pb::Frame frame;
  std::uint64_t nodes = 0, edges = 0, articles = 0;
  int stage = 0;  // 0 articles, 1 nodes, 2 edges: sections must come in this order
  while (true) {
    unsigned char head[8];
    in.read(reinterpret_cast<char*>(head), 8);
    const auto got = in.gcount();
    if (got == 0) break;
    if (have_footer)
      throw graph::ParseError::at_offset(name, offset, "data after the footer frame");
    if (got != 8)
      throw graph::ParseError::at_offset(name, offset, "truncated file: frame header cut short");
    const std::uint32_t length = get_u32(head), crc = get_u32(head + 4);
    if (length > kMaxFrameBytes)
      throw graph::ParseError::at_offset(
          name, offset, "corrupted frame: length " + std::to_string(length) + " exceeds limit");
    payload.resize(length);
    in.read(payload.data(), length);
    if (static_cast<std::uint32_t>(in.gcount()) != length)
      throw graph::ParseError::at_offset(name, offset,
                                         "truncated file: frame of " + std::to_string(length) +
                                             " bytes cut short");
    if (crc_of(payload) != crc)
      throw graph::ParseError::at_offset(name, offset, "corrupted frame: checksum mismatch");
    // A payload with a valid checksum may still be damaged (invalid UTF-8 in a string field):
    // the parse then fails, and libprotobuf must not log about it (library code never prints).
    google::protobuf::LogSilencer quiet;
    if (!frame.ParseFromString(payload))
      throw graph::ParseError::at_offset(name, offset, "corrupted frame: cannot decode payload");
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
          // Reserve what the header declares, within reason: a damaged count must not
          // allocate by itself (the vectors grow as frames are read anyway).
          g.reserve_nodes(static_cast<std::size_t>(
              std::min<std::uint64_t>(header.node_count(), std::uint64_t{1} << 22)));
          break;
        case pb::Frame::kArticles:
          if (!have_header || stage > 0) throw graph::InvalidArgument("articles frame out of order");
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
          for (const auto& e : frame.edges().edges()) add_from_proto(g, e, /*known_new=*/true);
          edges += frame.edges().edges_size();
          break;
        case pb::Frame::kFooter: {
          if (!have_header) throw graph::InvalidArgument("footer before the header");
          const pb::Footer& f = frame.footer();
          if (f.node_count() != nodes || f.edge_count() != edges ||
              f.article_count() != articles || f.frame_count() != frames)
            throw graph::InvalidArgument("footer counts do not match the frames read");
          if (header.node_count() != nodes || header.edge_count() != edges ||
              header.article_count() != articles)
            throw graph::InvalidArgument("header counts do not match the frames read");
          have_footer = true;
          break;
        }
        case pb::Frame::BODY_NOT_SET:
          throw graph::InvalidArgument("empty frame");
      }
    } catch (const graph::ParseError&) {
      throw;
    } catch (const graph::Error& e) {
      throw graph::ParseError::at_offset(name, offset, e.what());
    }
    offset += 8 + length;
    ++frames;
  }
  if (!have_header) throw graph::ParseError::at_offset(name, offset, "truncated file: no header");
  if (!have_footer)
    throw graph::ParseError::at_offset(name, offset, "truncated file: the footer frame is missing");
  return g;
}

graph::Graph load_sgpb(const std::string& path) {
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
