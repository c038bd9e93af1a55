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

// Where a frame is in the file (from the footer's frame index).
struct FrameAt {
  std::uint64_t offset = 0;
  std::uint32_t length = 0;
  int body = 0;
};

std::vector<FrameAt> frames_of(const V3File& v3) {
  std::vector<FrameAt> out;
  std::uint64_t at = v3.after_header;
  for (int i = 1; i < static_cast<int>(v3.footer.frame_count()); ++i) {
    const std::uint32_t length = v3.footer.frame_lengths(i);
    out.push_back({at, length, static_cast<unsigned char>(v3.footer.frame_kinds()[i])});
    at += 8 + static_cast<std::uint64_t>(length);
  }
  return out;
}

// The `first` item number of an evidence frame, from the first bytes of its payload (the
// frame's body, field 8, whose field 1 comes first when it is not 0); checked again when
// the frame is read whole. Throws io::ParseError.
std::uint64_t peek_first(File& file, const FrameAt& f) {
  unsigned char head[32];
  const std::size_t n = std::min<std::size_t>(sizeof head, f.length);
  if (!file.read(f.offset + 8, reinterpret_cast<char*>(head), n))
    fail(file.name(), f.offset, "truncated file: frame of " + std::to_string(f.length) +
                                    " bytes cut short");
  const unsigned char* p = head;
  const unsigned char* end = head + n;
  std::uint64_t tag = 0, len = 0, first = 0;
  if (!varint(p, end, tag) || tag != (pb::Frame::kEvidence << 3 | 2) ||
      !varint(p, end, len))
    fail(file.name(), f.offset, "corrupted frame: cannot decode payload");
  if (p < end && *p == (1 << 3 | 0)) {
    ++p;
    if (!varint(p, end, first)) fail(file.name(), f.offset, "corrupted frame: cannot decode payload");
  }
  return first;
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
  std::vector<pb::Evidence> evidence;
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
          if (d.source == v || d.target == v) kept.push_back({d, evidence - d.evidence, {}});
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

  // 3. The evidence frames that hold the kept edges' items (by the `first` of each frame).
  std::string payload;
  pb::Frame frame;
  std::vector<const FrameAt*> chunks;
  std::vector<std::uint64_t> firsts;
  for (const FrameAt& f : frames)
    if (f.body == pb::Frame::kEvidence) {
      const std::uint64_t first = peek_first(file, f);
      if ((firsts.empty() && first != 0) || (!firsts.empty() && first <= firsts.back()) ||
          first >= h.evidence_count()) {
        // Out of order: the chunk before is checked first (its damage is named, if any).
        if (!chunks.empty())
          file.frame(chunks.back()->offset, chunks.back()->length, payload, frame,
                     [&](const std::string& p) {
                       check_items(p, pb::Frame::kEvidence, firsts.back(), h.evidence_count());
                     });
        fail(name, f.offset, "corrupted frame: evidence chunk starts at item " +
                                 std::to_string(first) + ", out of order");
      }
      chunks.push_back(&f);
      firsts.push_back(first);
    }
  std::unordered_set<std::string> cited;
  std::size_t next = 0;  // the first kept edge whose evidence is not all read
  for (std::size_t c = 0; c < chunks.size() && next < kept.size(); ++c) {
    const std::uint64_t from = firsts[c];
    const std::uint64_t to = c + 1 < chunks.size() ? firsts[c + 1] : h.evidence_count();
    while (next < kept.size() &&
           (kept[next].skip || kept[next].first_item + kept[next].edge.evidence <= from))
      ++next;
    if (next == kept.size() || kept[next].first_item >= to) continue;
    const FrameAt& f = *chunks[c];
    file.frame(f.offset, f.length, payload, frame,
               [&](const std::string& p) { check_items(p, f.body, from, h.evidence_count()); });
    try {
      if (frame.body_case() != pb::Frame::kEvidence)
        throw graph::InvalidArgument("not what the footer's frame index says");
      if (frame.evidence().first() != from)
        throw graph::InvalidArgument("evidence chunk starts at item " +
                                     std::to_string(frame.evidence().first()) + ", expected " +
                                     std::to_string(from));
    } catch (const graph::Error& e) {
      fail(name, f.offset, std::string("corrupted frame: ") + e.what());
    }
    const std::uint64_t ends = from + static_cast<std::uint64_t>(frame.evidence().evidence_size());
    if (ends != to) {
      // The next chunk does not start where this one ends: the next one is at fault (as the
      // whole load says), after its own checks.
      if (c + 1 == chunks.size())
        fail(name, f.offset, "corrupted frame: the evidence chunks end at item " +
                                 std::to_string(ends) + ", the header declares " +
                                 std::to_string(to));
      pb::Frame next_frame;
      std::string next_payload;
      file.frame(chunks[c + 1]->offset, chunks[c + 1]->length, next_payload, next_frame,
                 [&](const std::string& p) {
                   check_items(p, pb::Frame::kEvidence, to, h.evidence_count());
                 });
      fail(name, chunks[c + 1]->offset, "corrupted frame: evidence chunk starts at item " +
                                            std::to_string(to) + ", expected " +
                                            std::to_string(ends));
    }
    for (std::size_t k = next; k < kept.size() && kept[k].first_item < to; ++k) {
      KeptEdge& e = kept[k];
      if (e.skip) continue;
      const std::uint64_t lo = std::max(e.first_item, from);
      const std::uint64_t hi = std::min(e.first_item + e.edge.evidence, to);
      for (std::uint64_t item = lo; item < hi; ++item) {
        pb::Evidence& x = *frame.mutable_evidence()->mutable_evidence(static_cast<int>(item - from));
        if (!x.article().empty()) cited.insert(x.article());
        e.evidence.push_back(std::move(x));
      }
    }
  }

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
  std::uint64_t articles = 0;
  for (const FrameAt& f : frames) {
    if (f.body != pb::Frame::kArticles || cited.empty()) continue;
    file.frame(f.offset, f.length, payload, frame,
               [&](const std::string& p) { check_items(p, f.body, articles, h.article_count()); });
    try {
      if (frame.body_case() != pb::Frame::kArticles)
        throw graph::InvalidArgument("not what the footer's frame index says");
      for (const pb::Article& a : frame.articles().articles())
        if (cited.count(a.id())) g.add_article(from_proto(a));
      articles += static_cast<std::uint64_t>(frame.articles().articles_size());
    } catch (const graph::Error& e) {
      fail(name, f.offset, std::string("corrupted frame: ") + e.what());
    }
  }
  const auto index_of = [&](std::uint64_t n) {
    return static_cast<graph::NodeIndex>(std::lower_bound(members.begin(), members.end(), n) -
                                         members.begin());
  };
  for (KeptEdge& k : kept) {
    const DecodedEdge& d = k.edge;
    graph::EdgeData e = edge_data_of(d);
    if (k.skip) e.unloaded_evidence = d.evidence;
    e.evidence.reserve(k.evidence.size());
    for (const pb::Evidence& x : k.evidence) e.evidence.push_back(evidence_from_proto(g, x));
    g.append_edge_unchecked(index_of(d.source), index_of(d.target), std::move(e));
  }
  out.node = index_of(v);
  out.bytes_read = file.bytes_read();
  return out;
}

}  // namespace stakegraph::io
