#include "graph/edit.hpp"

#include <algorithm>
#include <optional>
#include <type_traits>
#include <unordered_map>
#include <utility>

namespace stakegraph::graph {
namespace {

bool has_attribute(const NodeData& d, const std::string& key) {
  return std::any_of(d.attributes.begin(), d.attributes.end(),
                     [&key](const auto& kv) { return kv.first == key; });
}

// Widens `d`'s first_seen/last_seen to span `first` .. `last` (kNoDate: nothing).
void widen_dates(EdgeData& d, Date first, Date last) {
  if (first != kNoDate && (d.first_seen == kNoDate || first < d.first_seen)) d.first_seen = first;
  if (last != kNoDate && (d.last_seen == kNoDate || last > d.last_seen)) d.last_seen = last;
}

// The node of `into` that `src` joins, or nullopt.
std::optional<NodeIndex> match_node(const Graph& into, const NodeData& src, bool by_aliases) {
  std::optional<NodeIndex> mine = into.find_named(src.name);
  for (std::size_t i = 0; by_aliases && !mine && i < src.aliases.size(); ++i) {
    // A canonical name only: find_named looks at names before aliases.
    const std::string folded = fold_name(src.aliases[i]);
    const auto v = into.find_named(src.aliases[i]);
    if (v && fold_name(into.node(*v).name) == folded) mine = v;
  }
  return mine;
}

template <typename Source>
MergeResult merge_impl(Graph& into, Source&& other, const MergeOptions& options) {
  constexpr bool kMove = !std::is_const_v<std::remove_reference_t<Source>>;
  MergeResult result;
  std::vector<std::uint32_t> article_map(other.articles().size());
  for (std::size_t i = 0; i < other.articles().size(); ++i)
    article_map[i] = into.add_article(other.articles()[i]);

  std::vector<NodeIndex> node_map(other.node_count());
  for (NodeIndex v = 0; v < other.node_count(); ++v) {
    const NodeData& src = other.node(v);
    const std::optional<NodeIndex> mine = match_node(into, src, options.match_aliases);
    NodeIndex target;
    if (mine) {
      target = *mine;
    } else {
      target = into.add_node(src.name, src.kind);
      ++result.nodes_added;
    }
    // A name the node has byte for byte needs no folding (add_alias would ignore it).
    auto known = [&](const std::string& name) {
      const NodeData& d = into.node(target);
      return name == d.name ||
             std::find(d.aliases.begin(), d.aliases.end(), name) != d.aliases.end();
    };
    if (mine && !known(src.name)) into.add_alias(target, src.name);
    for (const auto& a : src.aliases)
      if (!known(a)) into.add_alias(target, a);
    for (const auto& [key, value] : src.attributes)
      if (options.replace_attributes || !has_attribute(into.node(target), key))
        into.set_attribute(target, key, value);
    node_map[v] = target;
  }

  for (auto [it, end] = boost::edges(other.boost_graph()); it != end; ++it) {
    const NodeIndex s = node_map[other.source(*it)], t = node_map[other.target(*it)];
    if (s == t && other.source(*it) != other.target(*it) && !options.keep_collapsed_edges) {
      ++result.edges_collapsed;
      continue;
    }
    const std::size_t edges_before = into.edge_count();
    const EdgeData& src = other.edge(*it);
    const EdgeRef e = into.add_edge(s, t, src.relation, src.weight);
    if (into.edge_count() != edges_before) ++result.edges_added;
    EdgeData& dst = into.edge_data(e);
    if (!dst.goldstein) dst.goldstein = src.goldstein;
    if (options.carry_edge_dates) {
      // Each date widens both ends (as Graph::add_evidence notes an evidence date).
      widen_dates(dst, src.first_seen, src.first_seen);
      widen_dates(dst, src.last_seen, src.last_seen);
    }
    if constexpr (kMove) {
      for (Evidence& ev : other.edge_data(*it).evidence) {
        if (ev.article != kNoArticle) ev.article = article_map.at(ev.article);
        result.evidence_added += into.add_evidence(e, std::move(ev)) ? 1 : 0;
      }
    } else {
      for (const Evidence& ev : src.evidence) {
        Evidence copy = ev;
        if (copy.article != kNoArticle) copy.article = article_map.at(copy.article);
        result.evidence_added += into.add_evidence(e, std::move(copy)) ? 1 : 0;
      }
    }
  }
  return result;
}

}  // namespace

MergeResult merge_graph(Graph& into, const Graph& other, const MergeOptions& options) {
  return merge_impl(into, other, options);
}

MergeResult merge_graph(Graph& into, Graph&& other, const MergeOptions& options) {
  return merge_impl(into, other, options);
}

// Graph::merge (graph/graph.hpp) is merge_graph with its default options (which it
// documents); defined here so that graph.cpp does not include edit.hpp, which includes
// graph.hpp.
void Graph::merge(const Graph& other) { merge_graph(*this, other); }

EditResult apply_edits(const Graph& g, const NodeEdits& edits) {
  EditResult result;
  const std::size_t n = g.node_count();
  // Union-find over merges.
  std::vector<std::size_t> rep(n);
  for (std::size_t i = 0; i < n; ++i) rep[i] = i;
  auto find = [&](std::size_t x) {
    while (rep[x] != x) x = rep[x] = rep[rep[x]];
    return x;
  };
  for (const auto& m : edits.merges) {
    auto a = g.find_node(m.from), b = g.find_node(m.into);
    if (!a || !b) {
      ++result.skipped;
      continue;
    }
    rep[find(*a)] = find(*b);
    ++result.applied;
  }
  std::vector<std::string> name(n);
  std::vector<Kind> kind(n);
  for (std::size_t i = 0; i < n; ++i) {
    name[i] = g.node(i).name;
    kind[i] = g.node(i).kind;
  }
  std::vector<std::vector<std::string>> extra(n);
  for (const auto& r : edits.renames) {
    auto v = g.find_node(r.node);
    if (!v || fold_name(r.name).empty()) {
      ++result.skipped;
      continue;
    }
    std::size_t x = find(*v);
    extra[x].push_back(name[x]);
    name[x] = r.name;
    ++result.applied;
  }
  // A rename onto the name of another node makes them one node (names are unique): the
  // later one (in node order) is merged into the first, keeping the first one's kind.
  {
    std::unordered_map<std::string, std::size_t> by_name;
    for (std::size_t i = 0; i < n; ++i) {
      if (find(i) != i) continue;
      auto [it, fresh] = by_name.emplace(fold_name(name[i]), i);
      if (fresh) continue;
      rep[i] = it->second;
      extra[it->second].push_back(name[i]);
      for (auto& a : extra[i]) extra[it->second].push_back(std::move(a));
      extra[i].clear();
    }
  }
  for (const auto& r : edits.retypes) {
    auto v = g.find_node(r.node);
    if (!v) {
      ++result.skipped;
      continue;
    }
    kind[find(*v)] = r.kind;
    ++result.applied;
  }
  for (const auto& a : edits.aliases) {
    auto v = g.find_node(a.node);
    if (!v) {
      ++result.skipped;
      continue;
    }
    extra[find(*v)].push_back(a.alias);
    ++result.applied;
  }
  Graph& out = result.graph;
  for (const auto& a : g.articles()) out.add_article(a);
  std::vector<NodeIndex> nv(n);
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
    for (const auto& [k, v] : g.node(i).attributes)
      if (!has_attribute(out.node(nv[i]), k)) out.set_attribute(nv[i], k, v);
  }
  // Dropped edges, resolved to representatives.
  struct Key {
    std::size_t s, t;
    Relation r;
  };
  std::vector<Key> dropped;
  for (const auto& d : edits.drops) {
    auto s = g.find_node(d.source), t = g.find_node(d.target);
    if (!s || !t) {
      ++result.skipped;
      continue;
    }
    dropped.push_back({find(*s), find(*t), d.relation});
    ++result.applied;
  }
  for (auto [ei, ee] = boost::edges(g.boost_graph()); ei != ee; ++ei) {
    std::size_t s = find(g.source(*ei)), t = find(g.target(*ei));
    const auto& ed = g.edge(*ei);
    if (s == t) continue;
    bool drop = false;
    for (const auto& k : dropped)
      if (k.r == ed.relation &&
          ((k.s == s && k.t == t) || (is_symmetric(k.r) && k.s == t && k.t == s)))
        drop = true;
    if (drop) continue;
    EdgeRef e = out.add_edge(nv[s], nv[t], ed.relation, ed.weight);
    for (const auto& ev : ed.evidence) out.add_evidence(e, ev);
    // Dates an edge has without evidence (imports) survive, merged edges span both.
    EdgeData& od = out.edge_data(e);
    if (!od.goldstein) od.goldstein = ed.goldstein;
    widen_dates(od, ed.first_seen, ed.last_seen);
  }
  return result;
}

}  // namespace stakegraph::graph
