#include "graph/paths.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>
#include <queue>
#include <set>
#include <unordered_set>
#include <utility>

#include "graph/csr.hpp"
#include "graph/error.hpp"

namespace stakegraph::graph {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::uint32_t kNone = 0xFFFFFFFFu;

// The searchable view: a Csr of the edges passing the constraints, and for each entry the
// graph edge it stands for, its direction and its cost.
struct View {
  Csr csr;
  std::vector<EdgeRef> edge;
  std::vector<std::uint8_t> forward;
  std::vector<double> cost;
  bool unit = true;  // every entry costs 1: BFS suffices
};

std::uint64_t find_entry(const Csr& c, std::uint32_t u, std::uint32_t v) {
  const auto* begin = c.targets.data() + c.offsets[u];
  const auto* end = c.targets.data() + c.offsets[u + 1];
  const auto* it = std::lower_bound(begin, end, v);
  if (it == end || *it != v) return ~std::uint64_t{0};
  return static_cast<std::uint64_t>(it - c.targets.data());
}

View build_view(const Graph& g, NodeIndex from, NodeIndex to, const PathOptions& o) {
  const std::size_t n = g.node_count();
  if (from >= n || to >= n) throw InvalidArgument("path: node index out of range");
  std::vector<std::uint8_t> allowed(n, 1);
  if (!o.kinds.empty()) {
    for (NodeIndex v = 0; v < n; ++v)
      allowed[v] = std::find(o.kinds.begin(), o.kinds.end(), g.node(v).kind) != o.kinds.end();
  }
  for (NodeIndex v : o.avoid) {
    if (v >= n) throw InvalidArgument("path: avoided node index out of range");
    if (v == from || v == to)
      throw InvalidArgument("path: cannot avoid an endpoint ('" + g.node(v).name + "')");
    allowed[v] = 0;
  }
  allowed[from] = allowed[to] = 1;

  struct Kept {
    EdgeRef e;
    std::uint32_t s, t;
    float count;
  };
  std::vector<Kept> kept;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  std::vector<float> weights;
  const auto& bg = g.boost_graph();
  for (auto [it, end] = boost::edges(bg); it != end; ++it) {
    const auto s = static_cast<std::uint32_t>(boost::source(*it, bg));
    const auto t = static_cast<std::uint32_t>(boost::target(*it, bg));
    if (s == t || !allowed[s] || !allowed[t]) continue;
    const EdgeData& d = bg[*it];
    if (!o.relations.empty() &&
        std::find(o.relations.begin(), o.relations.end(), d.relation) == o.relations.end())
      continue;
    const auto count = static_cast<float>(edge_weight(d, o.weights));
    kept.push_back({*it, s, t, count});
    pairs.emplace_back(s, t);
    weights.push_back(count);
  }
  View v;
  v.csr = build_csr(static_cast<std::uint32_t>(n), pairs, weights,
                    {.directed = o.directed, .weighted = true});
  const std::size_t entries = v.csr.targets.size();
  v.edge.resize(entries);
  v.forward.assign(entries, 1);
  std::vector<float> best(entries, -std::numeric_limits<float>::infinity());
  auto offer = [&](std::uint64_t i, const Kept& k, bool fwd) {
    if (k.count > best[i]) {
      best[i] = k.count;
      v.edge[i] = k.e;
      v.forward[i] = fwd;
    }
  };
  for (const Kept& k : kept) {
    offer(find_entry(v.csr, k.s, k.t), k, true);
    if (!o.directed) offer(find_entry(v.csr, k.t, k.s), k, false);
  }
  v.cost.assign(entries, 1.0);
  if (o.cost != EdgeCost::kHops) {
    check_costs(v.csr, o.cost);
    const Adjacency a = out_adjacency(v.csr);
    for (std::uint64_t i = 0; i < entries; ++i) v.cost[i] = a.cost(i, o.cost);
    v.unit = false;
  }
  return v;
}

// A path inside the view: nodes and the entries between them.
struct RawPath {
  std::vector<std::uint32_t> nodes;
  std::vector<std::uint64_t> entries;
  double cost = 0.0;
};

// Search state with blocks for Yen's spur searches.
struct Blocks {
  std::vector<std::uint8_t> node;           // may not be entered
  std::unordered_set<std::uint64_t> entry;  // may not be used
};

// Shortest path in the view from `s` to `t` avoiding the blocks; false when none.
bool search(const View& v, std::uint32_t s, std::uint32_t t, const Blocks* blocks, RawPath& out) {
  const Csr& c = v.csr;
  std::vector<double> dist(c.n, kInf);
  std::vector<std::uint64_t> via(c.n, ~std::uint64_t{0});
  std::vector<std::uint32_t> parent(c.n, kNone);
  auto usable = [&](std::uint64_t i, std::uint32_t w) {
    if (blocks == nullptr) return true;
    return !blocks->node[w] && !blocks->entry.count(i);
  };
  dist[s] = 0.0;
  if (v.unit) {
    std::vector<std::uint32_t> queue{s};
    for (std::size_t head = 0; head < queue.size() && dist[t] == kInf; ++head) {
      const std::uint32_t u = queue[head];
      for (std::uint64_t i = c.offsets[u]; i < c.offsets[u + 1]; ++i) {
        const std::uint32_t w = c.targets[i];
        if (dist[w] != kInf || !usable(i, w)) continue;
        dist[w] = dist[u] + 1.0;
        parent[w] = u;
        via[w] = i;
        queue.push_back(w);
      }
    }
  } else {
    using Entry = std::pair<double, std::uint32_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap;
    std::vector<std::uint8_t> done(c.n, 0);
    heap.emplace(0.0, s);
    while (!heap.empty()) {
      const auto [d, u] = heap.top();
      heap.pop();
      if (done[u]) continue;
      done[u] = 1;
      if (u == t) break;
      for (std::uint64_t i = c.offsets[u]; i < c.offsets[u + 1]; ++i) {
        const std::uint32_t w = c.targets[i];
        if (!usable(i, w)) continue;
        const double nd = d + v.cost[i];
        if (nd < dist[w]) {
          dist[w] = nd;
          parent[w] = u;
          via[w] = i;
          heap.emplace(nd, w);
        }
      }
    }
  }
  if (dist[t] == kInf) return false;
  out.nodes.clear();
  out.entries.clear();
  for (std::uint32_t x = t; x != s; x = parent[x]) {
    out.nodes.push_back(x);
    out.entries.push_back(via[x]);
  }
  out.nodes.push_back(s);
  std::reverse(out.nodes.begin(), out.nodes.end());
  std::reverse(out.entries.begin(), out.entries.end());
  out.cost = 0.0;
  for (std::uint64_t i : out.entries) out.cost += v.cost[i];
  return true;
}

Path to_path(const View& v, const RawPath& r) {
  Path p;
  p.cost = r.cost;
  for (std::size_t k = 0; k < r.entries.size(); ++k) {
    const std::uint64_t i = r.entries[k];
    p.hops.push_back({r.nodes[k], r.nodes[k + 1], v.edge[i], v.forward[i] != 0, v.cost[i]});
  }
  return p;
}

}  // namespace

std::vector<NodeIndex> Path::nodes(NodeIndex from) const {
  std::vector<NodeIndex> out{from};
  for (const PathHop& h : hops) out.push_back(h.to);
  return out;
}

PathResult shortest_path(const Graph& g, NodeIndex from, NodeIndex to, const PathOptions& o) {
  const View v = build_view(g, from, to, o);
  PathResult res;
  RawPath r;
  if (search(v, static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to), nullptr, r))
    res.paths.push_back(to_path(v, r));
  return res;
}

PathResult k_shortest_paths(const Graph& g, NodeIndex from, NodeIndex to, std::size_t k,
                            const PathOptions& o) {
  const View v = build_view(g, from, to, o);
  PathResult res;
  if (k == 0) return res;
  const auto s = static_cast<std::uint32_t>(from), t = static_cast<std::uint32_t>(to);
  std::vector<RawPath> found;
  RawPath first;
  if (!search(v, s, t, nullptr, first)) return res;
  found.push_back(first);
  // Candidates ordered by (cost, node sequence); `seen` holds every node sequence produced.
  std::map<std::pair<double, std::vector<std::uint32_t>>, RawPath> candidates;
  std::set<std::vector<std::uint32_t>> seen{first.nodes};
  Blocks blocks;
  blocks.node.assign(v.csr.n, 0);
  while (found.size() < k) {
    const RawPath& prev = found.back();
    for (std::size_t i = 0; i + 1 < prev.nodes.size(); ++i) {
      const std::uint32_t spur = prev.nodes[i];
      blocks.entry.clear();
      std::fill(blocks.node.begin(), blocks.node.end(), 0);
      for (const RawPath& p : found) {
        if (p.nodes.size() > i + 1 &&
            std::equal(prev.nodes.begin(), prev.nodes.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                       p.nodes.begin()))
          blocks.entry.insert(p.entries[i]);
      }
      for (std::size_t j = 0; j < i; ++j) blocks.node[prev.nodes[j]] = 1;
      RawPath spur_path;
      if (!search(v, spur, t, &blocks, spur_path)) continue;
      RawPath total;
      total.nodes.assign(prev.nodes.begin(), prev.nodes.begin() + static_cast<std::ptrdiff_t>(i));
      total.entries.assign(prev.entries.begin(),
                           prev.entries.begin() + static_cast<std::ptrdiff_t>(i));
      total.nodes.insert(total.nodes.end(), spur_path.nodes.begin(), spur_path.nodes.end());
      total.entries.insert(total.entries.end(), spur_path.entries.begin(), spur_path.entries.end());
      for (std::uint64_t e : total.entries) total.cost += v.cost[e];
      if (!seen.insert(total.nodes).second) continue;
      auto key = std::make_pair(total.cost, total.nodes);
      candidates.emplace(std::move(key), std::move(total));
    }
    if (candidates.empty()) break;
    found.push_back(std::move(candidates.begin()->second));
    candidates.erase(candidates.begin());
  }
  for (const RawPath& r : found) res.paths.push_back(to_path(v, r));
  return res;
}

PathResult all_shortest_paths(const Graph& g, NodeIndex from, NodeIndex to, const PathOptions& o,
                              std::size_t limit) {
  const View v = build_view(g, from, to, o);
  const Csr& c = v.csr;
  PathResult res;
  const auto s = static_cast<std::uint32_t>(from), t = static_cast<std::uint32_t>(to);
  if (s == t) {
    res.paths.emplace_back();
    return res;
  }
  // Distances from s, and the order in which nodes were settled.
  std::vector<double> dist(c.n, kInf);
  std::vector<std::uint32_t> order;
  dist[s] = 0.0;
  {
    using Entry = std::pair<double, std::uint32_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap;
    std::vector<std::uint8_t> done(c.n, 0);
    heap.emplace(0.0, s);
    while (!heap.empty()) {
      const auto [d, u] = heap.top();
      heap.pop();
      if (done[u]) continue;
      done[u] = 1;
      order.push_back(u);
      for (std::uint64_t i = c.offsets[u]; i < c.offsets[u + 1]; ++i) {
        const double nd = d + v.cost[i];
        if (nd < dist[c.targets[i]]) {
          dist[c.targets[i]] = nd;
          heap.emplace(nd, c.targets[i]);
        }
      }
    }
  }
  if (dist[t] == kInf) return res;
  auto tight = [&](std::uint32_t u, std::uint64_t i) {
    return dist[u] + v.cost[i] == dist[c.targets[i]];
  };
  // Nodes from which t is reached along tight entries, in reverse settle order.
  std::vector<std::uint8_t> leads(c.n, 0);
  leads[t] = 1;
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const std::uint32_t u = *it;
    if (u == t || dist[u] >= dist[t]) continue;
    for (std::uint64_t i = c.offsets[u]; i < c.offsets[u + 1] && !leads[u]; ++i)
      if (tight(u, i) && leads[c.targets[i]]) leads[u] = 1;
  }
  // How many paths there are (saturating) and the most hops one has, along tight entries
  // into nodes that lead to t, in settle order (a node is settled after every tight
  // predecessor): the memory the paths kept would take is known before enumerating them.
  {
    std::vector<double> count(c.n, 0.0);
    std::vector<std::uint32_t> hops(c.n, 0);
    count[s] = 1.0;
    for (const std::uint32_t u : order) {
      if (count[u] == 0.0 || !leads[u] || u == t) continue;
      for (std::uint64_t i = c.offsets[u]; i < c.offsets[u + 1]; ++i) {
        const std::uint32_t w = c.targets[i];
        if (!tight(u, i) || !leads[w]) continue;
        count[w] += count[u];
        hops[w] = std::max(hops[w], hops[u] + 1);
      }
    }
    const double kept = std::min(count[t], static_cast<double>(limit));
    const double per_path = static_cast<double>(sizeof(Path) + hops[t] * sizeof(PathHop));
    if (kept * per_path > static_cast<double>(kMaxPathsBytes)) {
      const auto fits = static_cast<std::uint64_t>(static_cast<double>(kMaxPathsBytes) / per_path);
      char count_text[32];
      std::snprintf(count_text, sizeof count_text, "%.0f", kept);
      throw InvalidArgument(
          std::string(count_text) + " shortest paths of up to " + std::to_string(hops[t]) +
          " hops would take " + std::to_string(static_cast<std::uint64_t>(kept * per_path) >> 20) +
          " MiB, more than the " + std::to_string(kMaxPathsBytes >> 20) +
          " MiB kept for paths: ask for at most " + std::to_string(fits) + " of them");
    }
  }
  // Depth-first enumeration along tight entries into nodes that lead to t.
  RawPath cur;
  cur.nodes.push_back(s);
  std::vector<std::uint64_t> next{c.offsets[s]};
  while (!next.empty()) {
    const std::uint32_t u = cur.nodes.back();
    std::uint64_t& i = next.back();
    if (u == t || i >= c.offsets[u + 1]) {
      if (u == t) {
        if (res.paths.size() == limit) {
          res.truncated = true;
          break;
        }
        cur.cost = 0.0;
        for (std::uint64_t e : cur.entries) cur.cost += v.cost[e];
        res.paths.push_back(to_path(v, cur));
      }
      next.pop_back();
      cur.nodes.pop_back();
      if (!cur.entries.empty()) cur.entries.pop_back();
      continue;
    }
    const std::uint64_t e = i++;
    const std::uint32_t w = c.targets[e];
    if (!tight(u, e) || !leads[w]) continue;
    cur.nodes.push_back(w);
    cur.entries.push_back(e);
    next.push_back(c.offsets[w]);
  }
  return res;
}

std::vector<double> distances_from(const Csr& c, std::uint32_t source, EdgeCost cost) {
  if (source >= c.n) throw InvalidArgument("distances_from: source out of range");
  std::vector<double> out(c.n, kInf);
  const Adjacency a = out_adjacency(c);
  if (cost == EdgeCost::kHops || c.weights.empty()) {
    BfsWorkspace ws(c.n);
    const std::uint32_t r = ws.run(a, source);
    for (std::uint32_t i = 0; i < r; ++i) out[ws.order()[i]] = ws.dist()[ws.order()[i]];
  } else {
    check_costs(c, cost);
    DijkstraWorkspace ws(c.n);
    const std::uint32_t r = ws.run(a, source, cost);
    for (std::uint32_t i = 0; i < r; ++i) out[ws.order()[i]] = ws.dist()[ws.order()[i]];
  }
  return out;
}

}  // namespace stakegraph::graph
