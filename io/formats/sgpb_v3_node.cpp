// One node of a `.sgpb` file of format version 3 with its edges, their evidence and the
// articles cited (io/formats/sgpb_v3.hpp, load_sgpb_node).
#include <algorithm>
#include <limits>
#include <optional>
#include <unordered_set>
#include <utility>
#include <vector>

#include <google/protobuf/stubs/logging.h>

#include "graph/names.hpp"
#include "io/formats/proto_convert.hpp"
#include "io/formats/sgpb_v3_index.hpp"
#include "io/formats/sgpb_v3_tables.hpp"

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

struct NodeListDegrees {
  std::uint64_t out = 0, in = 0, total = 0;
};

struct KeptEdge {
  DecodedEdge edge;
  std::uint64_t first_item = 0;  // of its evidence in the file
  bool skip = false;             // its evidence is not read
};

struct TableRange {
  std::uint64_t first, count;
};

// An edge as graph::Graph stores it: a symmetric relation's goes out of its smaller endpoint.
std::uint64_t source_of(const DecodedEdge& d) {
  return graph::is_symmetric(d.relation) ? std::min(d.source, d.target) : d.source;
}
std::uint64_t target_of(const DecodedEdge& d) {
  return graph::is_symmetric(d.relation) ? std::max(d.source, d.target) : d.target;
}

// With the node index (io/formats/sgpb_v3_index.hpp): the node found by the keys of its name, alias
// or id (each candidate checked against its node table, so that a hash collision never
// picks a wrong node), its edges from its edge list (the first `edge_limit` in show's order,
// 0: all; the degrees from the list) or, in a file written before the edge lists, from the
// incidence lists (every edge), their data from the edge tables that hold them. Sets v (kNone
// when no node is found), kept (in file order), node_tables and, with edge lists, degrees.
void find_by_index(File& file, const V3File& v3, const NodeIndexDir& x, std::string_view query,
                   std::uint64_t edge_limit, std::uint64_t& v, std::vector<KeptEdge>& kept,
                   std::vector<TableRange>& node_tables, std::optional<NodeListDegrees>& degrees) {
  const pb::Header& h = v3.header;
  const std::string& name = file.name();
  for (std::size_t k = 0; k < x.node_tables.size(); ++k)
    node_tables.push_back(
        {x.node_table_firsts[k],
         (k + 1 < x.node_tables.size() ? x.node_table_firsts[k + 1] : h.node_count()) -
             x.node_table_firsts[k]});
  const std::string folded = graph::fold_name(query);
  const std::size_t folded_alnum = ascii_alnum(folded);
  std::vector<std::uint32_t> candidates;
  if (!folded.empty()) candidates = index_lookup(file, x, kNameKeys, index_key(folded));
  if (folded != query) {
    const auto more = index_lookup(file, x, kNameKeys, index_key(query));
    candidates.insert(candidates.end(), more.begin(), more.end());
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  NodeMatch match;
  std::string payload;
  pb::Frame frame;
  std::size_t next = 0;
  for (std::size_t k = 0; k < node_tables.size() && next < candidates.size(); ++k) {
    const TableRange range = node_tables[k];
    if (candidates[next] >= range.first + range.count) continue;
    const FrameAt& f = x.node_tables[k];
    file.frame(f.offset, f.length, payload, frame, [&](const std::string& p) {
      check_node_table_items(p, h.node_count() - range.first);
    });
    try {
      if (frame.body_case() != pb::Frame::kNodeTable || frame.node_table().count() != range.count)
        throw graph::InvalidArgument("not the node table the node index says");
      bool is_candidate = false;
      decode_node_table(
          frame.node_table(), range.first, h.node_count(),
          [&](std::uint32_t i, std::string_view id, std::string_view raw, graph::Kind) {
            const std::uint64_t at = range.first + i;
            is_candidate = next < candidates.size() && candidates[next] == at;
            if (!is_candidate) return;
            ++next;
            if (match.by_name == kNone && !folded.empty() && folds_to(raw, folded, folded_alnum))
              match.by_name = at;
            if (match.by_id == kNone && id == query) match.by_id = at;
          },
          [&](std::uint32_t i, const pb::NodeExtra& e) {
            if (!is_candidate || match.by_alias != kNone || folded.empty()) return;
            for (const auto& a : e.aliases())
              if (folds_to(a, folded, folded_alnum)) match.by_alias = range.first + i;
          });
    } catch (const graph::Error& e) {
      fail(name, f.offset, std::string("corrupted frame: ") + e.what());
    }
  }
  if (next != candidates.size())
    fail(name, x.at, "corrupted frame: node index: a key names a node past the node tables");
  v = match.chosen();
  if (v == kNone) return;
  // The edges to read, ascending, each with whether it is one of v's out-edges (with edge
  // lists: checked against the edge tables; without, any edge of v).
  std::vector<std::uint32_t> edges;
  std::vector<std::pair<std::uint32_t, bool>> roles;
  if (x.edge_lists) {
    NodeEdgeList list = node_edge_list(file, x, v, h.node_count(), h.edge_count(), edge_limit);
    degrees = NodeListDegrees{list.out_degree, list.in_degree, list.total};
    roles.reserve(list.edges.size());
    for (std::size_t i = 0; i < list.edges.size(); ++i)
      roles.emplace_back(list.edges[i], i < list.out_degree);
    std::sort(roles.begin(), roles.end());
    edges.reserve(roles.size());
    for (const auto& r : roles) edges.push_back(r.first);
  } else {
    edges = incident_edges(file, x, v, h.node_count(), h.edge_count());
  }
  next = 0;
  for (std::size_t k = 0; k < x.edge_tables.size() && next < edges.size(); ++k) {
    const std::uint64_t first = x.edge_table_firsts[k];
    const std::uint64_t last =
        k + 1 < x.edge_tables.size() ? x.edge_table_firsts[k + 1] : h.edge_count();
    if (edges[next] >= last) continue;
    const FrameAt& f = x.edge_tables[k];
    file.frame(f.offset, f.length, payload, frame);
    try {
      if (frame.body_case() != pb::Frame::kEdgeTable || frame.edge_table().count() != last - first)
        throw graph::InvalidArgument("not the edge table the node index says");
      std::uint64_t evidence = x.edge_table_evidence[k];
      std::uint64_t e = first;
      decode_edge_table(
          frame.edge_table(), h, first, h.node_count(), evidence, [&](const DecodedEdge& d) {
            if (next < edges.size() && edges[next] == e) {
              const bool fits = roles.empty()        ? d.source == v || d.target == v
                                : roles[next].second ? source_of(d) == v
                                                     : target_of(d) == v && source_of(d) != v;
              if (!fits)
                throw graph::InvalidArgument("the node index gives an edge of another node");
              kept.push_back({d, evidence - d.evidence});
              ++next;
            }
            ++e;
          });
    } catch (const graph::Error& e) {
      fail(name, f.offset, std::string("corrupted frame: ") + e.what());
    }
  }
  if (next != edges.size())
    fail(name, x.at, "corrupted frame: node index: an edge number past the edge tables");
}

// With the node index: the articles whose id is in `cited`, from the article frames that
// hold them only, in file order (as read_cited_articles adds them).
void read_cited_articles_indexed(File& file, const V3File& v3, const NodeIndexDir& x,
                                 const std::unordered_set<std::string>& cited, graph::Graph& g) {
  // All the ids' hashes looked up at once: each key chunk read once (a hub's evidence cites
  // tens of thousands of articles).
  std::vector<std::uint64_t> hashes;
  hashes.reserve(cited.size());
  for (const std::string& id : cited) hashes.push_back(index_key(id));
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  std::vector<std::size_t> wanted;
  for (const auto& [hash, a] : index_lookup_all(file, x, kArticleKeys, hashes)) {
    if (a >= v3.header.article_count())
      fail(file.name(), x.at, "corrupted frame: node index: article number out of range");
    wanted.push_back(static_cast<std::size_t>(
        std::upper_bound(x.article_firsts.begin(), x.article_firsts.end(), a) -
        x.article_firsts.begin() - 1));
  }
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  std::string payload, id;
  WireItems items;
  pb::Article article;
  for (const std::size_t c : wanted) {
    const FrameAt& f = x.article_frames[c];
    const std::uint64_t first = x.article_firsts[c];
    const std::uint64_t last =
        c + 1 < x.article_frames.size() ? x.article_firsts[c + 1] : v3.header.article_count();
    // The frame's wire is walked: only the articles cited are decoded (found by their id,
    // field 1), the CRC covering them all.
    file.checked(f.offset, f.length, payload);
    try {
      check_items(payload, f.body, first, v3.header.article_count());
      if (static_cast<unsigned char>(payload[0]) >> 3 != pb::Frame::kArticles)
        throw graph::InvalidArgument("not the article frame the node index says");
      if (!wire_items(payload, 1, items)) throw graph::InvalidArgument("cannot decode payload");
      if (items.items.size() != last - first)
        throw graph::InvalidArgument("not the article frame the node index says");
      for (const auto& [d, n] : items.items) {
        id.clear();
        if (!for_each_field(d, d + n,
                            [&](std::uint64_t field, std::uint64_t len, const unsigned char* s) {
                              if (field == 1 && s != nullptr)
                                id.assign(reinterpret_cast<const char*>(s), len);
                            }))
          throw graph::InvalidArgument("cannot decode payload");
        if (!cited.count(id)) continue;
        google::protobuf::LogSilencer quiet;
        if (n > static_cast<std::uint64_t>(std::numeric_limits<int>::max()) ||
            !article.ParseFromArray(d, static_cast<int>(n)))
          throw graph::InvalidArgument("cannot decode payload");
        g.add_article(from_proto(article));
      }
    } catch (const graph::Error& e) {
      fail(file.name(), f.offset, std::string("corrupted frame: ") + e.what());
    }
  }
}

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
  std::vector<TableRange> node_tables;
  std::uint64_t v = kNone;
  std::vector<KeptEdge> kept;
  std::optional<NodeListDegrees> degrees;
  const std::optional<NodeIndexDir> index = read_node_index(file, v3, frames);
  if (index) {
    find_by_index(file, v3, *index, query, o.edges, v, kept, node_tables, degrees);
  } else {
    const std::string folded = graph::fold_name(query);
    const std::size_t folded_alnum = ascii_alnum(folded);
    NodeMatch match;
    std::uint64_t nodes = 0, edges = 0, evidence = 0;
    read_tables(
        file, v3,
        [&](const pb::NodeTable& t) {
          decode_node_table(
              t, nodes, h.node_count(),
              [&](std::uint32_t i, std::string_view id, std::string_view raw, graph::Kind) {
                const std::uint64_t at = t.first() + i;
                if (match.by_name == kNone && !folded.empty() &&
                    folds_to(raw, folded, folded_alnum))
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
  }
  SgpbNodeLoad out;
  if (v == kNone) {
    out.bytes_read = file.bytes_read();
    return out;
  }

  if (degrees) {
    out.out_degree = degrees->out;
    out.in_degree = degrees->in;
    out.edge_total = degrees->total;
  } else {
    for (const KeptEdge& k : kept) {
      out.out_degree += source_of(k.edge) == v;
      out.in_degree += target_of(k.edge) == v;
    }
    out.edge_total = kept.size();
  }

  // A date range and a file whose edge dates hold their evidence's: the edges graph::filter
  // would drop for their dates alone are left out (with dated evidence, all of it lies in
  // the edge's dates, so none is in the range; without, graph::filter tests the edge's dates).
  if (index && index->dates_cover_evidence &&
      (o.since != graph::kNoDate || o.until != graph::kNoDate)) {
    const std::size_t before = kept.size();
    std::erase_if(kept, [&](const KeptEdge& k) {
      const graph::Date first = k.edge.first_seen;
      const graph::Date last = k.edge.last_seen == graph::kNoDate ? first : k.edge.last_seen;
      return first == graph::kNoDate || (o.until != graph::kNoDate && first > o.until) ||
             (o.since != graph::kNoDate && last < o.since);
    });
    out.edges_cut_by_dates = before - kept.size();
  }

  // Which edges get their evidence: the first o.evidence_edges in show's order (an edge of
  // a symmetric relation is stored with its smaller endpoint as the source).
  if (o.evidence_edges != 0) {
    std::vector<std::size_t> order;
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
      check_node_table_items(p,
                             h.node_count() - std::min<std::uint64_t>(h.node_count(), range.first));
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
  if (index)
    read_cited_articles_indexed(file, v3, *index, cited, g);
  else
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
