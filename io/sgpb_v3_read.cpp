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
#include "io/sgpb_v3_internal.hpp"

namespace stakegraph::io {
using namespace sgpb_v3_detail;
namespace {



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
        for (const auto& [key, val] : x.attributes()) g.set_attribute(v, key, val);
      });
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

namespace sgpb_v3_detail {

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

}  // namespace sgpb_v3_detail

namespace {

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
      file.frame(at, length, payload, frame);
      if (frame.body_case() != body)
        fail(name, at, "corrupted frame: not what the footer's frame index says");
      try {
        if (rank == 2 && nodes_read() != h.node_count())
          throw graph::InvalidArgument("the node tables hold " + std::to_string(nodes_read()) +
                                       " nodes, the header declares " +
                                       std::to_string(h.node_count()));
        if (rank == 1) check_items(payload, body, 0, 0);
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
