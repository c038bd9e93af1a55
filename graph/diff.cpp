#include "graph/diff.hpp"

#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace stakegraph::graph {
namespace {

struct EdgeId {
  std::string source, target;
  Relation relation;
  bool operator==(const EdgeId&) const = default;
};

struct EdgeIdHash {
  std::size_t operator()(const EdgeId& k) const noexcept {
    const std::size_t h = std::hash<std::string>{}(k.source);
    return (h * 31 + std::hash<std::string>{}(k.target)) * 31 +
           static_cast<std::size_t>(k.relation);
  }
};

EdgeId edge_id(const Graph& g, EdgeRef e) {
  return {g.node(g.source(e)).id, g.node(g.target(e)).id, g.edge(e).relation};
}

// The edges between each unordered pair of nodes, keyed (smaller index, larger index), in
// key order.
std::map<std::pair<NodeIndex, NodeIndex>, std::vector<EdgeRef>> pairs_of(const Graph& g) {
  std::map<std::pair<NodeIndex, NodeIndex>, std::vector<EdgeRef>> out;
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
    NodeIndex a = g.source(*it), b = g.target(*it);
    if (a == b) continue;  // a self-loop is no tie between two nodes
    if (b < a) std::swap(a, b);
    out[{a, b}].push_back(*it);
  }
  return out;
}

int pair_sign(const Graph& g, const std::vector<EdgeRef>& edges) {
  double sum = 0.0;
  for (EdgeRef e : edges) {
    const EdgeData& d = g.edge(e);
    sum += static_cast<double>(d.sign) *
           static_cast<double>(d.evidence.empty() ? 1 : d.evidence.size());
  }
  return (sum > 0.0) - (sum < 0.0);
}

}  // namespace

GraphDiff diff_graphs(const Graph& before, const Graph& after) {
  GraphDiff r;
  for (NodeIndex v = 0; v < after.node_count(); ++v)
    if (!before.find_by_id(after.node(v).id)) r.nodes_added.push_back(v);
  for (NodeIndex v = 0; v < before.node_count(); ++v)
    if (!after.find_by_id(before.node(v).id)) r.nodes_removed.push_back(v);

  std::unordered_set<EdgeId, EdgeIdHash> in_before, in_after;
  for (auto [it, end] = boost::edges(before.boost_graph()); it != end; ++it)
    in_before.insert(edge_id(before, *it));
  for (auto [it, end] = boost::edges(after.boost_graph()); it != end; ++it) {
    EdgeId k = edge_id(after, *it);
    if (!in_before.count(k)) r.edges_added.push_back(*it);
    in_after.insert(std::move(k));
  }
  for (auto [it, end] = boost::edges(before.boost_graph()); it != end; ++it)
    if (!in_after.count(edge_id(before, *it))) r.edges_removed.push_back(*it);

  const auto after_pairs = pairs_of(after);
  for (const auto& [key, edges] : pairs_of(before)) {
    const auto a = after.find_by_id(before.node(key.first).id);
    const auto b = after.find_by_id(before.node(key.second).id);
    if (!a || !b) continue;
    const auto it = after_pairs.find({std::min(*a, *b), std::max(*a, *b)});
    if (it == after_pairs.end()) continue;
    const int s0 = pair_sign(before, edges);
    const int s1 = pair_sign(after, it->second);
    if (s0 == s1) continue;
    r.sign_changes.push_back({key.first, key.second, *a, *b, s0, s1, edges, it->second});
  }
  return r;
}

}  // namespace stakegraph::graph
