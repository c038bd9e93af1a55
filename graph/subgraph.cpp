#include "graph/subgraph.hpp"

#include <algorithm>
#include <deque>

#include "graph/error.hpp"

namespace stakegraph::graph {
namespace {

template <typename T>
bool selected(const std::vector<T>& set, T value) {
  return set.empty() || std::find(set.begin(), set.end(), value) != set.end();
}

// Copies the chosen nodes (in index order, so ids and order are stable) and articles.
// Returns the map from old to new index (-1 for dropped nodes).
std::vector<std::ptrdiff_t> copy_nodes(const Graph& g, const std::vector<bool>& keep, Graph& out) {
  for (const Article& a : g.articles()) out.add_article(a);
  std::vector<std::ptrdiff_t> map(g.node_count(), -1);
  for (NodeIndex v = 0; v < g.node_count(); ++v) {
    if (!keep[v]) continue;
    const NodeData& d = g.node(v);
    NodeIndex w = out.add_node_with_id(d.id, d.name, d.kind);
    for (const auto& a : d.aliases) out.add_alias(w, a);
    for (const auto& [k, val] : d.attributes) out.set_attribute(w, k, val);
    map[v] = static_cast<std::ptrdiff_t>(w);
  }
  return map;
}

Graph drop_isolated_nodes(const Graph& g) {
  std::vector<bool> keep(g.node_count(), false);
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
    keep[g.source(*it)] = true;
    keep[g.target(*it)] = true;
  }
  std::vector<NodeIndex> nodes;
  for (NodeIndex v = 0; v < g.node_count(); ++v)
    if (keep[v]) nodes.push_back(v);
  return induced_subgraph(g, nodes);
}

}  // namespace

Graph filter(const Graph& g, const FilterOptions& o) {
  std::vector<bool> keep(g.node_count());
  for (NodeIndex v = 0; v < g.node_count(); ++v) keep[v] = selected(o.kinds, g.node(v).kind);
  Graph out;
  const auto map = copy_nodes(g, keep, out);
  const bool ranged = o.since != kNoDate || o.until != kNoDate;
  auto in_range = [&](Date d) {
    return d != kNoDate && (o.since == kNoDate || d >= o.since) &&
           (o.until == kNoDate || d <= o.until);
  };
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
    const EdgeData& e = g.edge(*it);
    const auto s = map[g.source(*it)], t = map[g.target(*it)];
    if (s < 0 || t < 0) continue;
    if (!selected(o.relations, e.relation) || !selected(o.signs, static_cast<int>(e.sign)))
      continue;
    EdgeData copy = e;
    if (o.exclude_hedged) {
      std::erase_if(copy.evidence, [](const Evidence& ev) { return ev.hedged; });
      if (!e.evidence.empty() && copy.evidence.empty()) continue;
    }
    if (ranged) {
      const bool any_dated = std::any_of(copy.evidence.begin(), copy.evidence.end(),
                                         [&](const Evidence& ev) { return evidence_date(g, ev); });
      if (any_dated) {
        std::erase_if(copy.evidence,
                      [&](const Evidence& ev) { return !in_range(evidence_date(g, ev)); });
        if (copy.evidence.empty()) continue;
        copy.first_seen = copy.last_seen = kNoDate;
        for (const Evidence& ev : copy.evidence) {
          const Date d = evidence_date(g, ev);
          if (d == kNoDate) continue;
          if (copy.first_seen == kNoDate || d < copy.first_seen) copy.first_seen = d;
          if (copy.last_seen == kNoDate || d > copy.last_seen) copy.last_seen = d;
        }
      } else {
        // No dated evidence: the edge's own [first_seen, last_seen] must meet the range.
        if (copy.first_seen == kNoDate) continue;
        const Date last = copy.last_seen == kNoDate ? copy.first_seen : copy.last_seen;
        if ((o.until != kNoDate && copy.first_seen > o.until) ||
            (o.since != kNoDate && last < o.since))
          continue;
      }
    }
    out.append_edge_unchecked(static_cast<NodeIndex>(s), static_cast<NodeIndex>(t),
                              std::move(copy));
  }
  return o.drop_isolated ? drop_isolated_nodes(out) : out;
}

Graph induced_subgraph(const Graph& g, const std::vector<NodeIndex>& nodes) {
  std::vector<bool> keep(g.node_count(), false);
  for (NodeIndex v : nodes) {
    if (v >= g.node_count()) throw InvalidArgument("induced_subgraph: node index out of range");
    keep[v] = true;
  }
  Graph out;
  const auto map = copy_nodes(g, keep, out);
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
    const auto s = map[g.source(*it)], t = map[g.target(*it)];
    if (s < 0 || t < 0) continue;
    out.append_edge_unchecked(static_cast<NodeIndex>(s), static_cast<NodeIndex>(t), g.edge(*it));
  }
  return out;
}

Graph ego_network(const Graph& g, NodeIndex center, const EgoOptions& o) {
  if (o.depth < 0) throw InvalidArgument("ego network depth must be >= 0");
  if (center >= g.node_count()) throw InvalidArgument("ego network: node index out of range");
  // Filter first, then find the center again in the filtered graph by its id.
  const bool filtered = !o.filter.selects_everything();
  Graph storage;
  if (filtered) storage = filter(g, o.filter);
  const Graph& h = filtered ? storage : g;
  const auto c = h.find_by_id(g.node(center).id);
  if (!c) return Graph{};
  const auto& bg = h.boost_graph();
  std::vector<int> dist(h.node_count(), -1);
  std::deque<NodeIndex> queue{*c};
  dist[*c] = 0;
  while (!queue.empty()) {
    const NodeIndex u = queue.front();
    queue.pop_front();
    if (dist[u] == o.depth) continue;
    auto visit = [&](NodeIndex w) {
      if (dist[w] < 0) {
        dist[w] = dist[u] + 1;
        queue.push_back(w);
      }
    };
    if (o.direction != Direction::kIn)
      for (auto [it, end] = boost::out_edges(u, bg); it != end; ++it) visit(boost::target(*it, bg));
    if (o.direction != Direction::kOut)
      for (auto [it, end] = boost::in_edges(u, bg); it != end; ++it) visit(boost::source(*it, bg));
  }
  std::vector<NodeIndex> nodes;
  for (NodeIndex v = 0; v < h.node_count(); ++v)
    if (dist[v] >= 0) nodes.push_back(v);
  return induced_subgraph(h, nodes);
}

}  // namespace stakegraph::graph
