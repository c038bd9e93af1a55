// Reading a `.sgpb` file of format version 3 by ranges of its tables
// (io/formats/sgpb_v3_frames.hpp).
#include "io/formats/sgpb_v3_frames.hpp"

#include <algorithm>
#include <utility>

#include "graph/edge_weight.hpp"
#include "graph/graph.hpp"
#include "graph/names.hpp"
#include "io/formats/sgpb_v3_tables.hpp"

namespace stakegraph::io {
using namespace detail;
namespace {

// The first node and the count of a node table, from the first bytes of its frame's payload
// (Frame.node_table = 6, then NodeTable.first = 1 (absent when 0) and count = 2, in field
// order as Protobuf writes them); false when they are not there.
bool peek_node_table(const unsigned char* p, const unsigned char* end, std::uint64_t& first,
                     std::uint64_t& count) {
  std::uint64_t tag = 0, len = 0;
  if (!varint(p, end, tag) || tag != (6u << 3 | 2u) || !varint(p, end, len)) return false;
  first = count = 0;
  if (!varint(p, end, tag)) return false;
  if (tag == (1u << 3 | 0u)) {
    if (!varint(p, end, first) || !varint(p, end, tag)) return false;
  }
  return tag == (2u << 3 | 0u) && varint(p, end, count);
}

void check_same_file(const File& file, const SgpbV3Index& index) {
  if (file.size() != index.file_bytes)
    throw graph::Error(file.name() + ": the file changed while it was read");
}

}  // namespace

bool sgpb_v3_readable(const std::string& path) {
  try {
    File file(path);
    V3File v3;
    std::uint32_t version = 0;
    return open_v3(file, v3, version);
  } catch (const graph::Error&) {
    return false;
  }
}

std::optional<SgpbV3Index> index_sgpb_v3(const std::string& path) {
  File file(path);
  V3File v3;
  std::uint32_t version = 0;
  if (!open_v3(file, v3, version)) return std::nullopt;
  const std::string& name = file.name();
  SgpbV3Index x;
  x.file_bytes = file.size();
  x.node_count = v3.header.node_count();
  x.edge_count = v3.header.edge_count();
  x.evidence_count = v3.header.evidence_count();
  x.article_count = v3.header.article_count();
  int stage = 0;
  std::uint64_t at = v3.after_header, next_node = 0;
  for (std::uint64_t i = 1; i < v3.footer.frame_count(); ++i) {
    const std::uint32_t length = v3.footer.frame_lengths(static_cast<int>(i));
    const int rank = rank_of(static_cast<unsigned char>(v3.footer.frame_kinds()[i]));
    if (rank < stage || rank < 0 || rank == kFooterRank)
      fail(name, at,
           "frame out of order (header, node tables, edge tables, articles, evidence, "
           "footer), as the footer's frame index says");
    stage = rank;
    if (rank == 1) {
      unsigned char buf[8 + 32];
      const std::uint32_t n = std::min<std::uint32_t>(length, 32);
      if (!file.read(at, reinterpret_cast<char*>(buf), 8 + n))
        fail(name, at, "truncated file: frame header cut short");
      if (get_u32(reinterpret_cast<const char*>(buf)) != length)
        fail(name, at, "corrupted frame: its length does not match the footer's frame index");
      SgpbV3Table t{.offset = at, .length = length};
      if (!peek_node_table(buf + 8, buf + 8 + n, t.first, t.count))
        fail(name, at, "corrupted frame: cannot decode the node table's first node and count");
      if (t.first != next_node || t.count == 0 || t.count > x.node_count - next_node)
        fail(name, at,
             "corrupted frame: node table of " + std::to_string(t.count) + " nodes from node " +
                 std::to_string(t.first) + ", expected node " + std::to_string(next_node) + " of " +
                 std::to_string(x.node_count));
      next_node += t.count;
      x.node_tables.push_back(t);
    } else if (rank == 2) {
      x.edge_tables.push_back({.offset = at, .length = length});
    }
    at += 8 + static_cast<std::uint64_t>(length);
  }
  if (next_node != x.node_count)
    fail(name, sizeof kSgpbMagic,
         "the node tables hold " + std::to_string(next_node) + " nodes, the header declares " +
             std::to_string(x.node_count));
  x.bytes_read = file.bytes_read();
  return x;
}

SgpbV3Nodes read_sgpb_v3_nodes(const std::string& path, const SgpbV3Index& index,
                               std::uint64_t first, std::uint64_t last) {
  if (first > last || last > index.node_count)
    throw graph::InvalidArgument("read_sgpb_v3_nodes: node range out of the index");
  SgpbV3Nodes out;
  out.first = first;
  if (first == last) return out;
  File file(path);
  check_same_file(file, index);
  out.ids.reserve(last - first);
  out.names.reserve(last - first);
  out.kinds.reserve(last - first);
  std::string payload;
  pb::Frame frame;
  for (const SgpbV3Table& tab : index.node_tables) {
    if (tab.first >= last || tab.first + tab.count <= first) continue;
    file.frame(tab.offset, tab.length, payload, frame);
    if (frame.body_case() != pb::Frame::kNodeTable)
      fail(path, tab.offset, "corrupted frame: not what the footer's frame index says");
    try {
      check_items(payload, pb::Frame::kNodeTable, 0, 0);
      const pb::NodeTable& t = frame.node_table();
      if (t.count() != tab.count)
        throw graph::InvalidArgument("node table of " + std::to_string(t.count()) +
                                     " nodes, its head said " + std::to_string(tab.count));
      decode_node_table(
          t, tab.first, index.node_count,
          [&](std::uint32_t i, std::string_view id, std::string_view raw, graph::Kind kind) {
            const std::uint64_t v = tab.first + i;
            if (v < first || v >= last) return;
            if (id.empty()) throw graph::InvalidArgument("a node needs a non-empty id");
            std::string name = graph::clean_name(raw);
            if (graph::fold_name(name).empty())
              throw graph::InvalidArgument("node '" + std::string(id) + "' has an empty name");
            out.ids.emplace_back(id);
            out.names.push_back(std::move(name));
            out.kinds.push_back(kind);
          },
          [&](std::uint32_t i, const pb::NodeExtra& x) {
            const std::uint64_t v = tab.first + i;
            if (v < first || v >= last) return;
            for (const auto& a : x.aliases()) out.aliases.emplace_back(v, a);
          });
    } catch (const graph::Error& e) {
      fail(path, tab.offset, std::string("corrupted frame: ") + e.what());
    }
  }
  out.bytes_read = file.bytes_read();
  return out;
}

SgpbV3Edges read_sgpb_v3_edges(const std::string& path, const SgpbV3Index& index,
                               std::size_t first_table, std::size_t last_table, bool weighted,
                               graph::WeightSource source, bool details) {
  if (first_table > last_table || last_table > index.edge_tables.size())
    throw graph::InvalidArgument("read_sgpb_v3_edges: table range out of the index");
  SgpbV3Edges out;
  out.by_relation.assign(graph::kRelationCount, 0);
  if (first_table == last_table) return out;
  File file(path);
  check_same_file(file, index);
  pb::Header h;
  h.set_node_count(index.node_count);
  h.set_edge_count(index.edge_count);
  h.set_evidence_count(index.evidence_count);
  std::string payload;
  pb::Frame frame;
  std::uint64_t next = 0;
  graph::EdgeData data;
  for (std::size_t k = first_table; k < last_table; ++k) {
    const SgpbV3Table& tab = index.edge_tables[k];
    file.frame(tab.offset, tab.length, payload, frame);
    if (frame.body_case() != pb::Frame::kEdgeTable)
      fail(path, tab.offset, "corrupted frame: not what the footer's frame index says");
    try {
      const pb::EdgeTable& t = frame.edge_table();
      if (k == first_table) {
        if (t.first() >= index.edge_count)
          throw graph::InvalidArgument("edge table starts at edge " + std::to_string(t.first()) +
                                       ", past the header's " + std::to_string(index.edge_count) +
                                       " edges");
        out.first = next = t.first();
      }
      decode_edge_table(t, h, next, index.node_count, out.evidence, [&](const DecodedEdge& d) {
        std::uint32_t s = d.source, u = d.target;
        if (graph::is_symmetric(d.relation) && u < s) std::swap(s, u);
        out.sources.push_back(s);
        out.targets.push_back(u);
        out.user_weights = out.user_weights || d.has_weight;
        ++out.by_relation[static_cast<std::size_t>(d.relation)];
        if (details) {
          out.relations.push_back(d.relation);
          out.evidence_counts.push_back(d.evidence);
          if (d.has_weight)
            out.user_weight_values.emplace_back(out.first + out.sources.size() - 1, d.weight);
        }
        if (!weighted) return;
        data.relation = d.relation;
        data.unloaded_evidence = d.evidence;
        data.weight.reset();
        if (d.has_weight) data.weight = d.weight;
        out.weights.push_back(static_cast<float>(graph::edge_weight(data, source)));
      });
      next += t.count();
    } catch (const graph::Error& e) {
      fail(path, tab.offset, std::string("corrupted frame: ") + e.what());
    }
  }
  out.count = next - out.first;
  out.bytes_read = file.bytes_read();
  return out;
}

}  // namespace stakegraph::io
