// Reading `.sgpb` format version 3 (io/formats/sgpb_v3.hpp): the whole file from a stream, the
// topology alone from a file by the footer's frame index, and the labels of some nodes.
#include <algorithm>
#include <functional>
#include <iostream>
#include <memory>
#include <numeric>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <google/protobuf/stubs/logging.h>

#include "graph/error.hpp"
#include "graph/names.hpp"
#include "io/error.hpp"
#include "io/formats/proto_convert.hpp"
#include "io/formats/sgpb.hpp"
#include "io/formats/sgpb_v3.hpp"
#include "io/formats/sgpb_v3_tables.hpp"

namespace stakegraph::io {

using namespace detail;

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
        set_attributes_from_proto(g, v, x.attributes());
      });
}

struct EdgeSink {
  bool topology = false;              // keep evidence counts in unloaded_evidence
  std::vector<std::uint32_t> counts;  // full read: each edge's evidence count
  std::vector<graph::EdgeRef> refs;   // full read: each edge
  std::uint64_t evidence = 0;         // sum of the counts so far
};

// Appends the table's edges to `g`. Throws graph::InvalidArgument.
void add_edge_table(const pb::EdgeTable& t, graph::Graph& g, const pb::Header& h, EdgeSink& sink) {
  decode_edge_table(t, h, g.edge_count(), g.node_count(), sink.evidence, [&](const DecodedEdge& d) {
    graph::EdgeData e = edge_data_of(d);
    if (sink.topology) e.unloaded_evidence = d.evidence;
    const graph::EdgeRef ref = g.append_edge_unchecked(d.source, d.target, std::move(e));
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
  std::size_t edge = 0;     // the edge whose evidence comes next
  std::uint32_t taken = 0;  // of its evidence items so far
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
        check_node_table_items(
            payload, h.node_count() - std::min<std::uint64_t>(h.node_count(), g.node_count()));
      else
        check_items(payload, body, body == pb::Frame::kArticles ? articles : evidence,
                    body == pb::Frame::kArticles ? h.article_count() : h.evidence_count());
      const int rank = rank_of(body);
      if (body == kIndexChunkBody || body == kNodeIndexBody) {
        // The node index (read by `show`, io/formats/sgpb_v3_index.hpp): what the whole graph holds
        // already; its wire format and its place are checked, its content is not needed.
        const unsigned char *p = nullptr, *end = nullptr;
        if (!body_of(payload, p, end) ||
            !for_each_field(p, end, [](std::uint64_t, std::uint64_t, const unsigned char*) {}))
          throw graph::InvalidArgument("cannot decode payload");
        if (rank < stage)
          throw graph::InvalidArgument(
              "frame out of order (header, node tables, edge tables, articles, evidence, node "
              "index, footer)");
        if (g.node_count() != h.node_count() || g.edge_count() != h.edge_count())
          throw graph::InvalidArgument(
              "the node and edge tables hold fewer items than the "
              "header declares");
        stage = rank;
        lengths.push_back(length);
        kinds.push_back(static_cast<char>(body));
        offset += 8 + length;
        continue;
      }
      google::protobuf::LogSilencer quiet;
      if (!frame.ParseFromString(payload) || frame.body_case() != body)
        throw graph::InvalidArgument("cannot decode payload");
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
        case pb::Frame::kNodeTable:
          add_node_table(frame.node_table(), g, h.node_count());
          break;
        case pb::Frame::kEdgeTable:
          add_edge_table(frame.edge_table(), g, h, sink);
          break;
        case pb::Frame::kArticles:
          for (const auto& a : frame.articles().articles()) g.add_article(from_proto(a));
          articles += static_cast<std::uint64_t>(frame.articles().articles_size());
          break;
        case pb::Frame::kEvidence: {
          if (frame.evidence().first() != evidence)
            throw graph::InvalidArgument("evidence chunk starts at item " +
                                         std::to_string(frame.evidence().first()) + ", expected " +
                                         std::to_string(evidence));
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

namespace {

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

bool has_ascii_alnum(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

// Whether some two of the keys (hashes: uniform bits) are equal: one pass puts them in 4096
// buckets by their top 12 bits (few enough for the writes to stream), each bucket is then
// sorted in cache.
bool has_repeat(std::vector<std::uint64_t>& keys) {
  const std::size_t n = keys.size();
  constexpr int kBits = 12;
  std::vector<std::size_t> at((std::size_t{1} << kBits) + 1, 0);
  for (const std::uint64_t k : keys) ++at[(k >> (64 - kBits)) + 1];
  std::partial_sum(at.begin(), at.end(), at.begin());
  const std::unique_ptr<std::uint64_t[]> sorted(new std::uint64_t[n]);  // not zeroed
  {
    std::vector<std::size_t> next(at.begin(), at.end() - 1);
    for (const std::uint64_t k : keys) sorted[next[k >> (64 - kBits)]++] = k;
  }
  std::vector<std::uint64_t>().swap(keys);
  for (std::size_t b = 0; b + 1 < at.size(); ++b) {
    std::uint64_t* first = sorted.get() + at[b];
    std::uint64_t* last = sorted.get() + at[b + 1];
    std::sort(first, last);
    if (std::adjacent_find(first, last) != last) return true;
  }
  return false;
}

// A second 64-bit hash of a string (folded names), so that an id and a folded name that are
// the same bytes do not meet in the keys by construction.
std::uint64_t name_key(std::string_view s) {
  std::uint64_t x = std::hash<std::string_view>{}(s) + 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// Thrown by the hashed check when two keys are equal: the file is read again, exactly.
struct KeysRepeat {};

std::optional<TopologyArrays> topology_arrays(const std::string& path,
                                              const TopologyArraysOptions& o, bool exact) {
  File file(path);
  V3File v3;
  std::uint32_t version = 0;
  if (!open_v3(file, v3, version)) return std::nullopt;
  const pb::Header& h = v3.header;
  std::optional<TopologyArrays> out(std::in_place);
  TopologyArrays& t = *out;
  t.path = path;
  t.labeled = o.labels;
  t.article_count = h.article_count();
  t.evidence_count = h.evidence_count();
  // Room for what the header declares, within what the file can hold (a node takes at least
  // 9 bytes of its tables, an edge 23), so that a damaged header reserves nothing absurd.
  // (Reserved room is not memory used until written.)
  const auto nodes = static_cast<std::size_t>(
      std::min<std::uint64_t>({h.node_count(), file.size() / 9, 1u << 26}));
  const auto edges = static_cast<std::size_t>(
      std::min<std::uint64_t>({h.edge_count(), file.size() / 23, 1u << 26}));
  t.kinds.reserve(nodes);
  if (o.labels) {
    t.id_ends.reserve(nodes);
    t.name_ends.reserve(nodes);
  }
  t.relations.reserve(edges);
  if (o.edges) {
    t.sources.reserve(edges);
    t.targets.reserve(edges);
    t.evidence.reserve(edges);
  }
  // With labels, the checks of Graph::add_node_with_id, so that a file the Graph load
  // refuses is refused. Exact: every id and folded name in hash tables (the first node of
  // each folded name: whether its name is ASCII). Otherwise their 64-bit hashes, checked
  // once all are read.
  std::unordered_set<std::string> seen_ids;
  std::unordered_map<std::string, bool> by_folded;
  std::vector<std::uint64_t> id_keys, name_keys;
  if (exact) {
    seen_ids.reserve(nodes);
    by_folded.reserve(nodes);
  } else if (o.labels) {
    id_keys.reserve(nodes);
    name_keys.reserve(nodes);
  }
  bool keys_checked = exact || !o.labels;
  const auto check_keys = [&] {
    if (keys_checked) return;
    keys_checked = true;
    if (has_repeat(id_keys) || has_repeat(name_keys)) throw KeysRepeat{};  // (frees them)
  };
  std::string cleaned, folded;
  std::uint64_t evidence = 0;
  read_tables(
      file, v3,
      [&](const pb::NodeTable& n) {
        decode_node_table(
            n, t.node_count(), h.node_count(),
            [&](std::uint32_t, std::string_view id, std::string_view raw, graph::Kind kind) {
              if (id.empty()) throw graph::InvalidArgument("a node needs a non-empty id");
              if (!o.labels) {
                // No labels, no duplicate check: only that the name folds to something,
                // which an ASCII letter or digit says (cleaning and folding keep it).
                if (!has_ascii_alnum(raw) && graph::fold_name(graph::clean_name(raw)).empty())
                  throw graph::InvalidArgument("node '" + std::string(id) + "' has an empty name");
                t.kinds.push_back(kind);
                return;
              }
              cleaned = graph::clean_name(raw);
              const std::string_view name = cleaned;
              const bool ascii = is_ascii(name);
              graph::fold_name_into(name, folded);
              if (folded.empty())
                throw graph::InvalidArgument("node '" + std::string(id) + "' has an empty name");
              if (exact) {
                if (!seen_ids.emplace(id).second)
                  throw graph::InvalidArgument("duplicate node id '" + std::string(id) + "'");
                const auto [it, fresh] = by_folded.emplace(folded, ascii);
                if (!fresh && ascii && it->second)
                  throw graph::InvalidArgument("duplicate node name '" + std::string(name) + "'");
              } else {
                id_keys.push_back(std::hash<std::string_view>{}(id));
                if (ascii) name_keys.push_back(name_key(folded));
              }
              t.kinds.push_back(kind);
              t.ids.append(id);
              t.id_ends.push_back(t.ids.size());
              t.names.append(name);
              t.name_ends.push_back(t.names.size());
            },
            [&](std::uint32_t i, const pb::NodeExtra& x) {
              if (o.labels)
                for (const auto& a : x.aliases()) t.aliases.emplace_back(n.first() + i, a);
            });
        t.node_table_ends.push_back(t.node_count());
      },
      [&](const pb::EdgeTable& e) {
        check_keys();
        decode_edge_table(e, h, t.edge_count(), t.node_count(), evidence,
                          [&](const DecodedEdge& d) {
                            t.relations.push_back(d.relation);
                            if (!o.edges) return;
                            std::uint32_t from = d.source, to = d.target;
                            if (graph::is_symmetric(d.relation) && to < from) std::swap(from, to);
                            if (d.has_weight) t.weights.emplace_back(t.sources.size(), d.weight);
                            t.sources.push_back(from);
                            t.targets.push_back(to);
                            t.evidence.push_back(d.evidence);
                          });
      },
      [&] { return t.node_count(); });
  check_keys();
  if (t.node_count() != h.node_count() || t.edge_count() != h.edge_count() ||
      evidence != h.evidence_count())
    fail(file.name(), sizeof kSgpbMagic,
         "the header's counts do not match the node and edge tables");
  t.bytes_read = file.bytes_read();
  return out;
}

}  // namespace

std::optional<TopologyArrays> load_sgpb_topology_arrays(const std::string& path,
                                                        const TopologyArraysOptions& o) {
  if (path == "-") return std::nullopt;
  try {
    return topology_arrays(path, o, false);
  } catch (const KeysRepeat&) {
    return topology_arrays(path, o, true);  // says which node, or finds a hash collision
  }
}

// (io/formats/sgpb_v3.hpp)
NodeLabels load_node_labels(const TopologyArrays& t, std::vector<std::uint32_t> nodes) {
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  NodeLabels out;
  if (!nodes.empty() && nodes.back() >= t.node_count())
    throw graph::InvalidArgument("load_node_labels: node number out of range");
  if (t.labeled) {
    for (const std::uint32_t v : nodes) {
      out.ids.emplace_back(t.id(v));
      out.names.emplace_back(t.name(v));
    }
    out.nodes = std::move(nodes);
    return out;
  }
  File file(t.path);
  V3File v3;
  std::uint32_t version = 0;
  const bool same = open_v3(file, v3, version);
  const pb::Header& h = v3.header;
  std::vector<FrameAt> tables;
  if (same)
    for (const FrameAt& f : frames_of(v3))
      if (f.body == pb::Frame::kNodeTable) tables.push_back(f);
  // (The edge arrays may have been released.)
  if (!same || h.node_count() != t.node_count() || h.article_count() != t.article_count ||
      h.evidence_count() != t.evidence_count || tables.size() != t.node_table_ends.size())
    fail(file.name(), sizeof kSgpbMagic, "the file changed while it was read");
  std::string payload;
  pb::Frame frame;
  std::size_t next = 0;  // in `nodes`
  for (std::size_t k = 0; k < tables.size() && next < nodes.size(); ++k) {
    const std::uint64_t first = k == 0 ? 0 : t.node_table_ends[k - 1];
    if (nodes[next] >= t.node_table_ends[k]) continue;
    const FrameAt& f = tables[k];
    file.frame(f.offset, f.length, payload, frame,
               [&](const std::string& p) { check_node_table_items(p, h.node_count() - first); });
    try {
      if (frame.body_case() != pb::Frame::kNodeTable ||
          frame.node_table().count() != t.node_table_ends[k] - first)
        throw graph::InvalidArgument("not the node table read before");
      decode_node_table(
          frame.node_table(), first, h.node_count(),
          [&](std::uint32_t i, std::string_view id, std::string_view raw, graph::Kind) {
            if (next == nodes.size() || nodes[next] != first + i) return;
            out.ids.emplace_back(id);
            out.names.push_back(graph::clean_name(raw));
            ++next;
          },
          [](std::uint32_t, const pb::NodeExtra&) {});
    } catch (const graph::Error& e) {
      fail(file.name(), f.offset, std::string("corrupted frame: ") + e.what());
    }
  }
  out.nodes = std::move(nodes);
  return out;
}

}  // namespace stakegraph::io
