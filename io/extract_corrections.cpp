#include "io/extract_corrections.hpp"

#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/text_format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/input.hpp"
#include "io/text_proto.hpp"
#include "proto/lexicon.pb.h"

namespace stakegraph::io {
CorrectionSet CorrectionSet::load(const std::string& path) {
  check_input_file(path);
  return parse(read_file(path), path);
}

CorrectionSet CorrectionSet::parse(const std::string& text, const std::string& name) {
  pb::Corrections msg;
  google::protobuf::TextFormat::Parser parser;
  TextFormatErrors errors;
  parser.RecordErrorsTo(&errors);
  google::protobuf::TextFormat::ParseInfoTree locations;
  parser.WriteLocationsTo(&locations);
  bool parsed = false;
  {
    google::protobuf::LogSilencer quiet;  // invalid UTF-8 is reported below, not logged
    parsed = parser.ParseFromString(text, &msg);
  }
  if (!parsed || errors.has_error)
    throw io::ParseError(name, static_cast<std::uint64_t>(errors.line_),
                         static_cast<std::uint64_t>(errors.column_),
                         errors.message_.empty() ? "invalid corrections"
                                                 : excerpt_for_message(errors.message_, 200));
  // The corrections' names become node names, aliases and ids in a graph that is written.
  if (auto bad = find_invalid_utf8(text))
    throw io::ParseError::at_offset(name, *bad, "invalid UTF-8");
  if (const auto bad = find_invalid_utf8_field(msg, locations))
    throw io::ParseError(name, bad->line, bad->column,
                         bad->field + ": invalid UTF-8 in \"" + bad->excerpt + "\"");
  CorrectionSet c;
  for (const auto& m : msg.merge()) c.merges.push_back({m.from(), m.into()});
  for (const auto& m : msg.rename()) c.renames.push_back({m.node(), m.name()});
  for (const auto& m : msg.retype()) {
    auto k = graph::parse_kind(m.kind());
    if (!k)
      throw io::ParseError(name, 0, 0,
                           "retype \"" + m.node() + "\": unknown kind \"" + m.kind() + "\"");
    c.retypes.push_back({m.node(), *k});
  }
  for (const auto& m : msg.drop_edge()) {
    auto r = graph::parse_relation(m.relation());
    if (!r)
      throw io::ParseError(name, 0, 0, "drop_edge: unknown relation \"" + m.relation() + "\"");
    c.drops.push_back({m.source(), *r, m.target()});
  }
  for (const auto& m : msg.add_alias()) c.aliases.push_back({m.node(), m.alias()});
  return c;
}

bool CorrectionSet::empty() const noexcept {
  return merges.empty() && renames.empty() && retypes.empty() && drops.empty() && aliases.empty();
}

graph::Graph CorrectionSet::apply(const graph::Graph& g, CorrectionStats* stats) const {
  CorrectionStats st;
  const std::size_t n = g.node_count();
  // Union-find over merges.
  std::vector<std::size_t> rep(n);
  for (std::size_t i = 0; i < n; ++i) rep[i] = i;
  auto find = [&](std::size_t x) {
    while (rep[x] != x) x = rep[x] = rep[rep[x]];
    return x;
  };
  for (const auto& m : merges) {
    auto a = g.find_node(m.from), b = g.find_node(m.into);
    if (!a || !b) {
      ++st.skipped;
      continue;
    }
    rep[find(*a)] = find(*b);
    ++st.applied;
  }
  std::vector<std::string> name(n);
  std::vector<graph::Kind> kind(n);
  for (std::size_t i = 0; i < n; ++i) {
    name[i] = g.node(i).name;
    kind[i] = g.node(i).kind;
  }
  std::vector<std::vector<std::string>> extra(n);
  for (const auto& r : renames) {
    auto v = g.find_node(r.node);
    if (!v || graph::fold_name(r.name).empty()) {
      ++st.skipped;
      continue;
    }
    std::size_t x = find(*v);
    extra[x].push_back(name[x]);
    name[x] = r.name;
    ++st.applied;
  }
  // A rename onto the name of another node makes them one node (names are unique): the
  // later one (in node order) is merged into the first, keeping the first one's kind.
  {
    std::unordered_map<std::string, std::size_t> by_name;
    for (std::size_t i = 0; i < n; ++i) {
      if (find(i) != i) continue;
      auto [it, fresh] = by_name.emplace(graph::fold_name(name[i]), i);
      if (fresh) continue;
      rep[i] = it->second;
      extra[it->second].push_back(name[i]);
      for (auto& a : extra[i]) extra[it->second].push_back(std::move(a));
      extra[i].clear();
    }
  }
  for (const auto& r : retypes) {
    auto v = g.find_node(r.node);
    if (!v) {
      ++st.skipped;
      continue;
    }
    kind[find(*v)] = r.kind;
    ++st.applied;
  }
  for (const auto& a : aliases) {
    auto v = g.find_node(a.node);
    if (!v) {
      ++st.skipped;
      continue;
    }
    extra[find(*v)].push_back(a.alias);
    ++st.applied;
  }
  graph::Graph out;
  for (const auto& a : g.articles()) out.add_article(a);
  std::vector<graph::NodeIndex> nv(n);
  // Representatives first so that merged nodes' names become aliases.
  for (std::size_t i = 0; i < n; ++i) {
    if (find(i) != i) continue;
    nv[i] = out.add_node_with_id(g.node(i).id, name[i], kind[i]);
    for (const auto& a : g.node(i).aliases) out.add_alias(nv[i], a);
    for (const auto& a : extra[i]) out.add_alias(nv[i], a);
    for (const auto& [k, v] : g.node(i).attributes) out.set_attribute(nv[i], k, v);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (find(i) == i) continue;
    nv[i] = nv[find(i)];
    out.add_alias(nv[i], g.node(i).name);
    for (const auto& a : g.node(i).aliases) out.add_alias(nv[i], a);
    // Attributes the kept node lacks come from the merged one.
    for (const auto& [k, v] : g.node(i).attributes) {
      const auto& kept = out.node(nv[i]).attributes;
      const bool has = std::any_of(kept.begin(), kept.end(),
                                   [&key = k](const auto& kv) { return kv.first == key; });
      if (!has) out.set_attribute(nv[i], k, v);
    }
  }
  // Dropped edges, resolved to representatives.
  struct Key {
    std::size_t s, t;
    graph::Relation r;
  };
  std::vector<Key> dropped;
  for (const auto& d : drops) {
    auto s = g.find_node(d.source), t = g.find_node(d.target);
    if (!s || !t) {
      ++st.skipped;
      continue;
    }
    dropped.push_back({find(*s), find(*t), d.relation});
    ++st.applied;
  }
  for (auto [ei, ee] = boost::edges(g.boost_graph()); ei != ee; ++ei) {
    std::size_t s = find(g.source(*ei)), t = find(g.target(*ei));
    const auto& ed = g.edge(*ei);
    if (s == t) continue;
    bool drop = false;
    for (const auto& k : dropped)
      if (k.r == ed.relation &&
          ((k.s == s && k.t == t) || (graph::is_symmetric(k.r) && k.s == t && k.t == s)))
        drop = true;
    if (drop) continue;
    graph::EdgeRef e = out.add_edge(nv[s], nv[t], ed.relation, ed.weight);
    for (const auto& ev : ed.evidence) out.add_evidence(e, ev);
    // Dates an edge has without evidence (imports) survive, merged edges span both.
    graph::EdgeData& od = out.edge_data(e);
    if (!od.goldstein) od.goldstein = ed.goldstein;
    if (ed.first_seen != graph::kNoDate &&
        (od.first_seen == graph::kNoDate || ed.first_seen < od.first_seen))
      od.first_seen = ed.first_seen;
    if (ed.last_seen != graph::kNoDate &&
        (od.last_seen == graph::kNoDate || ed.last_seen > od.last_seen))
      od.last_seen = ed.last_seen;
  }
  if (stats) *stats = st;
  return out;
}

}  // namespace stakegraph::io
