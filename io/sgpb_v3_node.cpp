// One node of a `.sgpb` file of format version 3 with its edges, their evidence and the
// articles cited (io/sgpb_v3.hpp, load_sgpb_node).
#include <algorithm>
#include <limits>
#include <unordered_set>
#include <vector>

#include <google/protobuf/stubs/logging.h>

#include "graph/names.hpp"
#include "io/proto_convert.hpp"
#include "io/sgpb_v3_tables.hpp"

namespace stakegraph::io {

using namespace detail;

namespace {

constexpr std::uint64_t kNone = std::numeric_limits<std::uint64_t>::max();

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

std::size_t ascii_alnum(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (c & 0x80) == 0 && std::isalnum(static_cast<unsigned char>(c));
  }));
}

// Whether `raw` folds to `folded` (graph::fold_name of graph::clean_name, as Graph keys its
// names and aliases). An ASCII name folds to its letters and digits lowercased (less a
// leading "the"): a count that differs rules it out without folding.
bool folds_to(std::string_view raw, const std::string& folded, std::size_t folded_alnum) {
  if (is_ascii(raw)) {
    const std::size_t n = ascii_alnum(raw);
    if (n != folded_alnum && n != folded_alnum + 3) return false;
  }
  return graph::fold_name(graph::clean_name(raw)) == folded;
}

struct NodeMatch {
  std::uint64_t by_name = kNone, by_alias = kNone, by_id = kNone;
  std::uint64_t chosen() const {
    return by_name != kNone ? by_name : by_alias != kNone ? by_alias : by_id;
  }
};

struct KeptEdge {
  DecodedEdge edge;
  std::uint64_t first_item = 0;  // of its evidence in the file
  bool skip = false;  // its evidence is not read
};

}  // namespace

std::optional<SgpbNodeLoad> load_sgpb_node(const std::string& path, const SgpbNodeOptions& o) {
  const std::string_view query = o.node;
  if (path == "-") return std::nullopt;
  File file(path);
  V3File v3;
  std::uint32_t version = 0;
  if (!open_v3(file, v3, version)) return std::nullopt;
  const pb::Header& h = v3.header;
  const std::string& name = file.name();
  const std::vector<FrameAt> frames = frames_of(v3);

  // 1. The node tables: the node by name, alias or id (Graph::find_node: a name first, then
  //    an alias, then an id; the first node in file order for each); 2. the edge tables: the
  //    node's edges, with where their evidence starts.
  const std::string folded = graph::fold_name(query);
  const std::size_t folded_alnum = ascii_alnum(folded);
  NodeMatch match;
  struct TableRange { std::uint64_t first, count; };
  std::vector<TableRange> node_tables;
  std::uint64_t nodes = 0, edges = 0, evidence = 0;
  std::uint64_t v = kNone;
  std::vector<KeptEdge> kept;
  read_tables(
      file, v3,
      [&](const pb::NodeTable& t) {
        decode_node_table(
            t, nodes, h.node_count(),
            [&](std::uint32_t i, std::string_view id, std::string_view raw, graph::Kind) {
              const std::uint64_t at = t.first() + i;
              if (match.by_name == kNone && !folded.empty() && folds_to(raw, folded, folded_alnum))
                match.by_name = at;
              if (match.by_id == kNone && id == query) match.by_id = at;
            },
            [&](std::uint32_t i, const pb::NodeExtra& x) {
              if (match.by_name != kNone || match.by_alias != kNone || folded.empty()) return;
              for (const auto& a : x.aliases())
                if (folds_to(a, folded, folded_alnum)) match.by_alias = t.first() + i;
            });
        node_tables.push_back({t.first(), t.count()});
        nodes += t.count();
      },
      [&](const pb::EdgeTable& t) {
        if (v == kNone) v = match.chosen();
        decode_edge_table(t, h, edges, nodes, evidence, [&](const DecodedEdge& d) {
          if (d.source == v || d.target == v) kept.push_back({d, evidence - d.evidence});
        });
        edges += t.count();
      },
      [&] { return nodes; });
  if (nodes != h.node_count() || edges != h.edge_count() || evidence != h.evidence_count())
    fail(name, sizeof kSgpbMagic, "the header's counts do not match the node and edge tables");
  if (v == kNone) v = match.chosen();
  SgpbNodeLoad out;
  if (v == kNone) {
    out.bytes_read = file.bytes_read();
    return out;
  }

  // Which edges get their evidence: the first o.evidence_edges in show's order (an edge of
  // a symmetric relation is stored with its smaller endpoint as the source).
  if (o.evidence_edges != 0) {
    std::vector<std::size_t> order;
    const auto source_of = [](const DecodedEdge& d) {
      return graph::is_symmetric(d.relation) ? std::min(d.source, d.target) : d.source;
    };
    for (std::size_t k = 0; k < kept.size(); ++k)
      if (source_of(kept[k].edge) == v) order.push_back(k);
    for (std::size_t k = 0; k < kept.size(); ++k)
      if (source_of(kept[k].edge) != v) order.push_back(k);
    for (std::size_t i = o.evidence_edges; i < order.size(); ++i) kept[order[i]].skip = true;
  }

  // 3. The evidence frames that hold the kept edges' items.
  std::vector<EvidenceWant> wants(kept.size());
  for (std::size_t k = 0; k < kept.size(); ++k)
    wants[k] = {kept[k].first_item, kept[k].edge.evidence, kept[k].skip, {}};
  std::unordered_set<std::string> cited;
  read_evidence(file, v3, frames, wants, cited);
  std::string payload;
  pb::Frame frame;

  // 4. The graph: the node and its neighbours in file order (their node tables read again),
  //    the articles cited, the edges with their evidence.
  std::vector<std::uint64_t> members{v};
  for (const KeptEdge& e : kept) members.push_back(e.edge.source), members.push_back(e.edge.target);
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  graph::Graph& g = out.graph;
  std::size_t table = 0, member = 0;
  for (const FrameAt& f : frames) {
    if (f.body != pb::Frame::kNodeTable) continue;
    const TableRange range = node_tables[table++];
    if (member == members.size()) break;
    if (members[member] >= range.first + range.count) continue;
    file.frame(f.offset, f.length, payload, frame, [&](const std::string& p) {
      check_node_table_items(p, h.node_count() - std::min<std::uint64_t>(h.node_count(),
                                                                         range.first));
    });
    try {
      if (frame.body_case() != pb::Frame::kNodeTable || frame.node_table().first() != range.first ||
          frame.node_table().count() != range.count)
        throw graph::InvalidArgument("the node table changed while it was read");
      graph::NodeIndex made = 0;
      bool is_member = false;
      decode_node_table(
          frame.node_table(), range.first, h.node_count(),
          [&](std::uint32_t i, std::string_view id, std::string_view raw, graph::Kind kind) {
            is_member = member < members.size() && members[member] == range.first + i;
            if (!is_member) return;
            made = g.add_node_with_id(id, raw, kind);
            ++member;
          },
          [&](std::uint32_t, const pb::NodeExtra& x) {
            if (!is_member || members[member - 1] != v) return;
            for (const auto& a : x.aliases()) g.add_alias(made, a);
            set_attributes_from_proto(g, made, x.attributes());
          });
    } catch (const graph::Error& e) {
      fail(name, f.offset, std::string("corrupted frame: ") + e.what());
    }
  }
  read_cited_articles(file, v3, frames, cited, g);
  const auto index_of = [&](std::uint64_t n) {
    return static_cast<graph::NodeIndex>(std::lower_bound(members.begin(), members.end(), n) -
                                         members.begin());
  };
  for (std::size_t n = 0; n < kept.size(); ++n) {
    const KeptEdge& k = kept[n];
    const DecodedEdge& d = k.edge;
    graph::EdgeData e = edge_data_of(d);
    if (k.skip) e.unloaded_evidence = d.evidence;
    e.evidence.reserve(wants[n].evidence.size());
    for (const pb::Evidence& x : wants[n].evidence) e.evidence.push_back(evidence_from_proto(g, x));
    g.append_edge_unchecked(index_of(d.source), index_of(d.target), std::move(e));
  }
  out.node = index_of(v);
  out.bytes_read = file.bytes_read();
  return out;
}

}  // namespace stakegraph::io
