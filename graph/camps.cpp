#include "graph/camps.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>

#include "graph/components.hpp"
#include "graph/detail/multilevel.hpp"
#include "graph/detail/random.hpp"
#include "graph/error.hpp"

namespace stakegraph::graph {
namespace {

constexpr std::uint32_t kUnset = std::numeric_limits<std::uint32_t>::max();
constexpr double kEps = 1e-9;

struct PairWeight {
  std::uint32_t u, v;
  double w;
};

SignedGraph from_pairs(std::uint32_t n, std::vector<PairWeight> pairs) {
  std::sort(pairs.begin(), pairs.end(), [](const PairWeight& a, const PairWeight& b) {
    return a.u != b.u ? a.u < b.u : a.v < b.v;
  });
  std::vector<PairWeight> merged;
  for (const PairWeight& p : pairs) {
    if (!merged.empty() && merged.back().u == p.u && merged.back().v == p.v) {
      merged.back().w += p.w;
    } else {
      merged.push_back(p);
    }
  }
  std::erase_if(merged, [](const PairWeight& p) { return p.w == 0.0; });
  SignedGraph g;
  g.n = n;
  g.offsets.assign(static_cast<std::size_t>(n) + 1, 0);
  for (const PairWeight& p : merged) {
    ++g.offsets[p.u + 1];
    ++g.offsets[p.v + 1];
  }
  for (std::uint32_t v = 0; v < n; ++v) g.offsets[v + 1] += g.offsets[v];
  g.targets.resize(2 * merged.size());
  g.weights.resize(2 * merged.size());
  std::vector<std::uint64_t> next(g.offsets.begin(), g.offsets.end() - 1);
  // Pairs are sorted by (u, v) with u < v: filling v's row from u, then u's row, keeps
  // every row sorted (smaller neighbours come from the v side first).
  for (const PairWeight& p : merged) {
    g.targets[next[p.v]] = p.u;
    g.weights[next[p.v]++] = p.w;
  }
  for (const PairWeight& p : merged) {
    g.targets[next[p.u]] = p.v;
    g.weights[next[p.u]++] = p.w;
  }
  return g;
}

// ---- multilevel local search ---------------------------------------------------------------

struct Level {
  std::uint32_t n = 0;
  std::vector<std::uint64_t> off;
  std::vector<std::uint32_t> adj;
  std::vector<double> w;
};

struct Workspace {
  std::vector<double> sum;
  std::vector<char> seen;
  std::vector<std::uint32_t> touched;
  explicit Workspace(std::uint32_t n) : sum(n, 0.0), seen(n, 0) {}
  void add(std::uint32_t c, double x) {
    if (!seen[c]) {
      seen[c] = 1;
      touched.push_back(c);
    }
    sum[c] += x;
  }
  void clear() {
    for (std::uint32_t c : touched) {
      sum[c] = 0.0;
      seen[c] = 0;
    }
    touched.clear();
  }
};

using detail::densify;
using detail::shuffle;

// Moves nodes to the neighbouring (or a new) group that most lowers frustration. The cost of
// v in group D is (positive weight of v) - (signed weight from v to D), so v goes to the
// group of largest signed attachment, a new group counting 0. Returns the number of moves.
std::uint64_t move_nodes(const Level& l, std::vector<std::uint32_t>& comm, std::mt19937_64& rng,
                         Workspace& ws) {
  const std::uint32_t n = l.n;
  std::vector<std::uint32_t> size(n, 0), empty;
  for (std::uint32_t v = 0; v < n; ++v) ++size[comm[v]];
  for (std::uint32_t c = n; c-- > 0;)
    if (size[c] == 0) empty.push_back(c);
  std::vector<std::uint32_t> queue(n);
  for (std::uint32_t i = 0; i < n; ++i) queue[i] = i;
  shuffle(queue, rng);
  std::vector<char> queued(n, 1);
  std::size_t head = 0, pending = n;
  std::uint64_t moves = 0;
  while (pending > 0) {
    const std::uint32_t v = queue[head];
    head = head + 1 == n ? 0 : head + 1;
    --pending;
    queued[v] = 0;
    for (std::uint64_t i = l.off[v]; i < l.off[v + 1]; ++i) ws.add(comm[l.adj[i]], l.w[i]);
    const std::uint32_t old = comm[v];
    std::uint32_t best = old;
    double best_value = ws.seen[old] ? ws.sum[old] : 0.0;
    for (std::uint32_t c : ws.touched) {
      if (ws.sum[c] > best_value + kEps) {
        best = c;
        best_value = ws.sum[c];
      }
    }
    ws.clear();
    if (best_value < -kEps && size[old] > 1) {
      best = empty.back();
      empty.pop_back();
    }
    if (best == old) continue;
    if (--size[old] == 0) empty.push_back(old);
    ++size[best];
    comm[v] = best;
    ++moves;
    for (std::uint64_t i = l.off[v]; i < l.off[v + 1]; ++i) {
      const std::uint32_t u = l.adj[i];
      if (!queued[u]) {
        queued[u] = 1;
        std::size_t tail = head + pending;
        if (tail >= n) tail -= n;
        queue[tail] = u;
        ++pending;
      }
    }
  }
  return moves;
}

Level aggregate(const Level& l, const std::vector<std::uint32_t>& lab, std::uint32_t k,
                Workspace& ws) {
  std::vector<std::uint32_t> start(static_cast<std::size_t>(k) + 1, 0), members(l.n);
  for (std::uint32_t v = 0; v < l.n; ++v) ++start[lab[v] + 1];
  for (std::uint32_t x = 0; x < k; ++x) start[x + 1] += start[x];
  {
    std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
    for (std::uint32_t v = 0; v < l.n; ++v) members[next[lab[v]]++] = v;
  }
  Level a;
  a.n = k;
  a.off.push_back(0);
  a.adj.reserve(l.adj.size());
  a.w.reserve(l.adj.size());
  for (std::uint32_t x = 0; x < k; ++x) {
    for (std::uint32_t j = start[x]; j < start[x + 1]; ++j) {
      const std::uint32_t v = members[j];
      for (std::uint64_t i = l.off[v]; i < l.off[v + 1]; ++i) {
        const std::uint32_t y = lab[l.adj[i]];
        if (y != x) ws.add(y, l.w[i]);
      }
    }
    for (std::uint32_t y : ws.touched) {
      if (ws.sum[y] == 0.0) continue;
      a.adj.push_back(y);
      a.w.push_back(ws.sum[y]);
    }
    ws.clear();
    a.off.push_back(a.adj.size());
  }
  return a;
}

// Refinement (after Leiden): inside every group, nodes start alone and a lone node joins the
// sub-group of the same group it is most positively tied to. Aggregating these sub-groups
// instead of whole groups lets later levels move parts of a group. Returns node-id labels.
std::vector<std::uint32_t> refine(const Level& l, const std::vector<std::uint32_t>& comm,
                                  std::mt19937_64& rng, Workspace& ws) {
  const std::uint32_t n = l.n;
  std::vector<std::uint32_t> ref(n), count(n, 1), order(n);
  for (std::uint32_t v = 0; v < n; ++v) ref[v] = order[v] = v;
  shuffle(order, rng);
  for (std::uint32_t v : order) {
    if (count[ref[v]] != 1) continue;
    for (std::uint64_t i = l.off[v]; i < l.off[v + 1]; ++i) {
      const std::uint32_t u = l.adj[i];
      if (comm[u] == comm[v] && u != v) ws.add(ref[u], l.w[i]);
    }
    std::uint32_t best = ref[v];
    double best_value = kEps;
    for (std::uint32_t r : ws.touched) {
      if (r != ref[v] && ws.sum[r] > best_value) {
        best = r;
        best_value = ws.sum[r];
      }
    }
    ws.clear();
    if (best != ref[v]) {
      count[ref[v]] = 0;
      ++count[best];
      ref[v] = best;
    }
  }
  return ref;
}

// One seeded multilevel descent from `membership`; returns the improved membership.
std::vector<std::uint32_t> local_search(const Level& base, std::vector<std::uint32_t> membership,
                                        std::mt19937_64& rng, Workspace& ws) {
  detail::Descent<Level> d(base, std::move(membership));
  std::vector<std::uint32_t> scratch;
  for (int level = 0; level < 64; ++level) {
    move_nodes(d.level(), d.groups(), rng, ws);
    const std::uint32_t k = densify(d.groups(), d.level().n, scratch);
    if (k == d.level().n) break;
    d.coarsen(refine(d.level(), d.groups(), rng, ws), k, scratch,
              [&](const Level& l, const std::vector<std::uint32_t>& lab, std::uint32_t kr) {
                return aggregate(l, lab, kr, ws);
              });
  }
  return d.membership();
}

// Frustration of a membership on a level graph (each pair once).
double level_cost(const Level& l, const std::vector<std::uint32_t>& m) {
  double f = 0.0;
  for (std::uint32_t v = 0; v < l.n; ++v)
    for (std::uint64_t i = l.off[v]; i < l.off[v + 1]; ++i) {
      const std::uint32_t u = l.adj[i];
      if (u <= v) continue;
      const bool together = m[u] == m[v];
      if ((l.w[i] > 0.0 && !together) || (l.w[i] < 0.0 && together)) f += std::abs(l.w[i]);
    }
  return f;
}

// Multilevel descent from singletons, then descents from the result while they improve.
std::vector<std::uint32_t> multilevel(const Level& base, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  Workspace ws(base.n);
  std::vector<std::uint32_t> start(base.n);
  for (std::uint32_t v = 0; v < base.n; ++v) start[v] = v;
  std::vector<std::uint32_t> best = local_search(base, std::move(start), rng, ws);
  double best_cost = level_cost(base, best);
  for (int round = 0; round < 8; ++round) {
    std::vector<std::uint32_t> again = local_search(base, best, rng, ws);
    const double cost = level_cost(base, again);
    if (cost >= best_cost - kEps) break;
    best = std::move(again);
    best_cost = cost;
  }
  return best;
}

// ---- exact branch and bound on one small component -----------------------------------------

class BranchAndBound final {
 public:
  // `w` is the dense c x c signed weight matrix in search order.
  BranchAndBound(std::uint32_t c, std::vector<double> w, std::uint64_t budget)
      : c_(c),
        w_(std::move(w)),
        budget_(budget),
        assign_(c, 0),
        best_assign_(c, 0),
        s_(static_cast<std::size_t>(c) * c, 0.0),
        pa_(c, 0.0) {}

  // Searches below `upper` (a known cost, from `start`). Returns whether the search finished.
  bool solve(double upper, const std::vector<std::uint32_t>& start) {
    best_ = upper;
    best_assign_ = start;
    search(0, 0, 0.0);
    return nodes_ <= budget_;
  }
  double best() const { return best_; }
  const std::vector<std::uint32_t>& best_assign() const { return best_assign_; }

 private:
  double& s(std::uint32_t u, std::uint32_t g) { return s_[static_cast<std::size_t>(u) * c_ + g]; }
  double weight(std::uint32_t a, std::uint32_t b) const {
    return w_[static_cast<std::size_t>(a) * c_ + b];
  }

  void place(std::uint32_t i, std::uint32_t g, double sign) {
    for (std::uint32_t u = i + 1; u < c_; ++u) {
      const double x = weight(i, u);
      if (x == 0.0) continue;
      s(u, g) += sign * x;
      if (x > 0.0) pa_[u] += sign * x;
    }
  }

  void search(std::uint32_t i, std::uint32_t groups, double cost) {
    if (++nodes_ > budget_) return;
    if (i == c_) {
      if (cost < best_ - kEps) {
        best_ = cost;
        best_assign_ = assign_;
      }
      return;
    }
    double bound = cost;
    for (std::uint32_t u = i; u < c_; ++u) {
      double attach = 0.0;
      for (std::uint32_t g = 0; g < groups; ++g) attach = std::max(attach, s(u, g));
      bound += pa_[u] - attach;
    }
    if (bound >= best_ - kEps) return;
    // Choices for node i, cheapest first: an existing group or a new one.
    std::uint32_t order[kMaxGroups];
    double step[kMaxGroups];
    const std::uint32_t choices = groups + 1;
    for (std::uint32_t g = 0; g < choices; ++g) {
      order[g] = g;
      step[g] = pa_[i] - (g < groups ? s(i, g) : 0.0);
    }
    std::sort(order, order + choices, [&](std::uint32_t a, std::uint32_t b) {
      return step[a] != step[b] ? step[a] < step[b] : a < b;
    });
    for (std::uint32_t j = 0; j < choices; ++j) {
      const std::uint32_t g = order[j];
      if (cost + step[g] >= best_ - kEps) continue;
      assign_[i] = g;
      place(i, g, 1.0);
      search(i + 1, g == groups ? groups + 1 : groups, cost + step[g]);
      place(i, g, -1.0);
      if (nodes_ > budget_) return;
    }
  }

 public:
  static constexpr std::uint32_t kMaxGroups = 64;

 private:
  std::uint32_t c_;
  std::vector<double> w_;
  std::uint64_t budget_;
  std::uint64_t nodes_ = 0;
  std::vector<std::uint32_t> assign_, best_assign_;
  std::vector<double> s_;   // s(u, g): signed weight from unplaced u to placed group g
  std::vector<double> pa_;  // positive weight from unplaced u to placed nodes
  double best_ = 0.0;
};

}  // namespace

SignedGraph build_signed(const Graph& g, const SignedOptions& o) {
  if (g.node_count() >= kUnset) throw InvalidArgument("graph too large for the signed view");
  std::vector<PairWeight> pairs;
  const auto& bg = g.boost_graph();
  for (auto [it, end] = boost::edges(bg); it != end; ++it) {
    const EdgeData& e = bg[*it];
    if (e.sign == 0) continue;
    const auto s = static_cast<std::uint32_t>(boost::source(*it, bg));
    const auto t = static_cast<std::uint32_t>(boost::target(*it, bg));
    if (s == t) continue;
    const double weight = o.weighted ? edge_weight(e, o.source) : 1.0;
    pairs.push_back({std::min(s, t), std::max(s, t), (e.sign > 0 ? 1.0 : -1.0) * weight});
  }
  return from_pairs(static_cast<std::uint32_t>(g.node_count()), std::move(pairs));
}

SignedGraph build_signed(std::uint32_t n, const std::vector<SignedEdge>& edges) {
  std::vector<PairWeight> pairs;
  pairs.reserve(edges.size());
  for (const SignedEdge& e : edges) {
    if (e.u >= n || e.v >= n) throw InvalidArgument("build_signed: node id out of range");
    if (!std::isfinite(e.weight)) throw InvalidArgument("build_signed: weight is not finite");
    if (e.u == e.v) continue;
    pairs.push_back({std::min(e.u, e.v), std::max(e.u, e.v), e.weight});
  }
  return from_pairs(n, std::move(pairs));
}

double frustration(const SignedGraph& g, const std::vector<std::uint32_t>& membership) {
  if (membership.size() != g.n)
    throw InvalidArgument("frustration: membership has " + std::to_string(membership.size()) +
                          " entries for " + std::to_string(g.n) + " nodes");
  double f = 0.0;
  for (std::uint32_t v = 0; v < g.n; ++v) {
    for (std::uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
      const std::uint32_t u = g.targets[i];
      if (u <= v) continue;  // each pair once
      const double w = g.weights[i];
      const bool together = membership[u] == membership[v];
      if (w > 0.0 && !together) f += w;
      if (w < 0.0 && together) f -= w;
    }
  }
  return f;
}

CampsResult camps(const SignedGraph& g, const CampsOptions& o) {
  if (o.restarts < 1) throw InvalidArgument("camps: restarts must be at least 1");
  const std::uint32_t n = g.n;
  CampsResult result;
  Level base;
  base.n = n;
  base.off = g.offsets;
  base.adj = g.targets;
  base.w = g.weights;

  // Local search from several seeds, in parallel; the lowest frustration wins (ties: seed).
  std::vector<std::vector<std::uint32_t>> runs(static_cast<std::size_t>(o.restarts));
  std::vector<double> cost(runs.size(), 0.0);
#pragma omp parallel for schedule(dynamic, 1) if (o.restarts > 1 && n > 64)
  for (int r = 0; r < o.restarts; ++r) {
    runs[r] = multilevel(base, o.seed + static_cast<std::uint64_t>(r));
    cost[r] = frustration(g, runs[r]);
  }
  std::size_t best = 0;
  for (std::size_t r = 1; r < runs.size(); ++r)
    if (cost[r] < cost[best] - kEps) best = r;
  std::vector<std::uint32_t> membership = std::move(runs[best]);

  // Components of the signed view; small ones are solved exactly.
  Csr view;
  view.n = n;
  view.offsets = g.offsets;
  view.targets = g.targets;
  const ComponentsResult comp = connected_components(view);
  const auto members = cluster_members(comp.membership, comp.count);
  // Every group is labelled by one of its own nodes (the smallest), so groups replaced by an
  // exact solution can never collide with the labels of other components.
  std::vector<std::uint32_t> labels(n);
  {
    std::vector<std::uint32_t> representative(n, kUnset);
    for (std::uint32_t v = 0; v < n; ++v) {
      if (representative[membership[v]] == kUnset) representative[membership[v]] = v;
      labels[v] = representative[membership[v]];
    }
  }
  std::vector<std::uint32_t> local(n, kUnset);
  for (const auto& nodes : members) {
    const auto c = static_cast<std::uint32_t>(nodes.size());
    if (c < 2) continue;
    // Cost of the local-search answer on this component.
    double upper = 0.0;
    for (std::uint32_t v : nodes)
      for (std::uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
        const std::uint32_t u = g.targets[i];
        if (u <= v) continue;
        const double w = g.weights[i];
        const bool together = membership[u] == membership[v];
        if ((w > 0.0 && !together) || (w < 0.0 && together)) upper += std::abs(w);
      }
    if (upper <= kEps) {  // nothing frustrated: optimal
      ++result.exact_components;
      continue;
    }
    if (c > o.exact_limit || c > BranchAndBound::kMaxGroups) {
      ++result.heuristic_components;
      result.exact = false;
      continue;
    }
    // Search order: start from the node of largest total |weight|, then repeatedly the node
    // most strongly tied to those already ordered (ties: larger total, smaller index).
    std::vector<double> total(c, 0.0), tie(c, 0.0);
    for (std::uint32_t j = 0; j < c; ++j) local[nodes[j]] = j;
    for (std::uint32_t j = 0; j < c; ++j)
      for (std::uint64_t i = g.offsets[nodes[j]]; i < g.offsets[nodes[j] + 1]; ++i)
        total[j] += std::abs(g.weights[i]);
    std::vector<std::uint32_t> order;
    std::vector<char> placed(c, 0);
    for (std::uint32_t step = 0; step < c; ++step) {
      std::uint32_t pick = kUnset;
      for (std::uint32_t j = 0; j < c; ++j) {
        if (placed[j]) continue;
        if (pick == kUnset || tie[j] > tie[pick] || (tie[j] == tie[pick] && total[j] > total[pick]))
          pick = j;
      }
      placed[pick] = 1;
      order.push_back(pick);
      for (std::uint64_t i = g.offsets[nodes[pick]]; i < g.offsets[nodes[pick] + 1]; ++i)
        tie[local[g.targets[i]]] += std::abs(g.weights[i]);
    }
    std::vector<std::uint32_t> position(c);
    for (std::uint32_t p = 0; p < c; ++p) position[order[p]] = p;
    std::vector<double> w(static_cast<std::size_t>(c) * c, 0.0);
    for (std::uint32_t j = 0; j < c; ++j)
      for (std::uint64_t i = g.offsets[nodes[j]]; i < g.offsets[nodes[j] + 1]; ++i)
        w[static_cast<std::size_t>(position[j]) * c + position[local[g.targets[i]]]] = g.weights[i];
    // The local-search answer as a restricted-growth assignment in search order.
    std::vector<std::uint32_t> start(c);
    {
      std::vector<std::uint32_t> group_of(c, kUnset);
      std::vector<std::uint32_t> seen_labels;
      for (std::uint32_t p = 0; p < c; ++p) {
        const std::uint32_t label = membership[nodes[order[p]]];
        auto it = std::find(seen_labels.begin(), seen_labels.end(), label);
        if (it == seen_labels.end()) {
          seen_labels.push_back(label);
          start[p] = static_cast<std::uint32_t>(seen_labels.size() - 1);
        } else {
          start[p] = static_cast<std::uint32_t>(it - seen_labels.begin());
        }
      }
    }
    BranchAndBound bb(c, std::move(w), o.exact_budget);
    const bool finished = bb.solve(upper, start);
    if (finished) {
      ++result.exact_components;
    } else {
      ++result.heuristic_components;
      result.exact = false;
    }
    if (bb.best() < upper - kEps) {
      std::vector<std::uint32_t> group_rep(c, kUnset);  // by group of the exact solution
      for (std::uint32_t p = 0; p < c; ++p) {
        const std::uint32_t v = nodes[order[p]];
        std::uint32_t& rep = group_rep[bb.best_assign()[p]];
        rep = std::min(rep, v);
      }
      for (std::uint32_t p = 0; p < c; ++p)
        labels[nodes[order[p]]] = group_rep[bb.best_assign()[p]];
    }
    for (std::uint32_t v : nodes) local[v] = kUnset;
  }
  result.membership = std::move(labels);
  result.count = relabel_by_size(result.membership);
  result.frustration = frustration(g, result.membership);
  return result;
}

}  // namespace stakegraph::graph
