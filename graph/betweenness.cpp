// Betweenness centrality kernels (the API and conventions are in betweenness.hpp).
//
// Unweighted kernel (EdgeCost::kHops or an unweighted Csr), one Brandes (2001) pass per
// source, designed for small-world graphs, where it takes 2.1 to 2.3 times less CPU time
// than the successor-list Brandes kernel it replaced (10,000-node / 50,000-edge power-law
// graphs: bench/peers/run_peers.py, BM_BetweennessOneThread/50000):
// 1. Direction-optimizing BFS (Beamer, Asanovic and Patterson, SC 2012), adapted to Brandes:
//    each level runs top-down (scan the frontier's out-rows) or bottom-up (scan the in-rows
//    of the nodes not reached yet), whichever is estimated to scan fewer entries. Bottom-up
//    cannot stop at the first parent found, since Brandes needs every shortest-path DAG arc,
//    but it still pays once the hubs are in the frontier: the nodes left are few and of low
//    degree. On the power-law benchmark a source scans 43% of the entries instead of all.
// 2. The forward pass writes each DAG arc v -> w (dist(w) = dist(v) + 1) as one 64-bit word
//    into a flat list, level by level; path counts (sigma) and dependencies (delta) then run
//    as flat loops over that list instead of per-node loops over successor lists, whose exits
//    the branch predictor misses about once per node. The inner loops of both BFS directions
//    are branch-free (the tests that decide "new node" and "DAG arc" are unpredictable).
// 3. Hop distances are 16-bit when n < 65,535 (the BFS's hottest array halves: 20 KB, within
//    L1, at 10,000 nodes), and the graph is renumbered by decreasing degree before the run,
//    so that the hubs' entries in the per-node arrays share cache lines (about 8%).
// Sources go to OpenMP threads (dynamic schedule); each thread owns its state and its score
// vector, summed at the end: no atomics, results deterministic up to the rounding of that
// sum. Bit-parallel multi-source BFS (Then et al., VLDB 2014; 64 sources per batch) was
// tried too: it scans 20 times fewer entries per source, but the batch's path counts (64 per
// node) no longer fit in L2, or, kept per source, must be scattered into 64 arc lists; both
// prototypes ran slower than this kernel (6.3 s and 4.0 s against 2.7 s).
//
// Costed kernel: Dijkstra with a binary heap per source, then the dependencies pulled from
// successors in reverse order of settling; O(V (E + V log V)).
//
// Complexity: unweighted O(V E) time (O(k E) sampled); memory per thread 8 bytes per CSR
// entry (the arc list) plus about 36 bytes per node, plus one shared renumbered copy of the
// rows.
#include "graph/betweenness.hpp"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <queue>
#include <vector>

#include "graph/detail/random.hpp"
#include "graph/error.hpp"

namespace stakegraph::graph {
namespace {

// k distinct nodes of 0..n-1, uniformly (partial Fisher-Yates).
std::vector<std::uint32_t> sample_sources(std::uint32_t n, std::uint32_t k, std::uint64_t seed) {
  std::vector<std::uint32_t> all(n);
  std::iota(all.begin(), all.end(), 0u);
  std::uint64_t state = seed;
  for (std::uint32_t i = 0; i < k; ++i) {
    const auto j = i + static_cast<std::uint32_t>(detail::splitmix64_below(state, n - i));
    std::swap(all[i], all[j]);
  }
  all.resize(k);
  return all;
}

// Per-thread state of the unweighted kernel; D holds hop distances (uint16_t when every
// distance fits, which halves the cache footprint of the BFS's hottest array).
//
// The forward pass records every shortest-path DAG arc v -> w (dist(w) = dist(v) + 1) as
// one 64-bit word (v << 32 | w) in a flat list, level by level: arc_level[d] is the first arc
// out of level d, order_level[d] the first node of level d in `order`. Path counts and
// dependencies then run over that list in flat loops, with no per-row loop whose exit the
// branch predictor would miss once per node.
template <typename D>
struct HopState {
  static constexpr D kUnseen = std::numeric_limits<D>::max();
  HopState(std::uint32_t n, std::uint64_t entries)
      : dist(n, kUnseen),
        sigma(n, 0.0),
        coeff(n, 0.0),
        order(n + std::size_t{1}),
        unseen(n),
        arcs(entries + 1) {}
  std::vector<D> dist;                // kUnseen outside a run
  std::vector<double> sigma;          // path counts; 0 outside a run
  std::vector<double> coeff;          // (1 + delta(v)) / sigma(v) once v's level is done; 0 outside
  std::vector<std::uint32_t> order;   // reached nodes, level by level, + 1 as for arcs
  std::vector<std::uint32_t> unseen;  // bottom-up levels: the nodes not reached yet
  std::vector<std::uint64_t> arcs;    // one per CSR entry at most, + 1 for branch-free writes
  std::vector<std::uint64_t> arc_level;
  std::vector<std::uint32_t> order_level;
};

// What scanning a row costs, in entries: the per-row overhead (a missed loop exit, the
// offsets loads) next to the per-entry work. Only steers the direction choice.
constexpr double kRowCost = 4.0;

// One source of the unweighted kernel: adds to bc[v] the dependency of s on v (ordered pairs).
// `out` follows edges, `in` walks them backwards (the same rows when undirected);
// `in_total` = entries + kRowCost * n, the bottom-up cost of a level with nothing reached.
//
// Direction-optimizing BFS (Beamer, Asanovic and Patterson 2012) without the early exit:
// a level runs top-down (scan the frontier's out-rows) or bottom-up (scan the in-rows of every
// node not reached yet, keeping those with a parent in the frontier), whichever scans fewer
// entries. Brandes needs every DAG arc, so bottom-up cannot stop at the first parent; it
// still wins on small-world graphs, where past the hubs the unreached nodes are few and of low
// degree while the frontier holds the hubs: on the 10,000-node power-law benchmark it scans
// 43% of the entries per source instead of all of them. Both directions are branch-free in
// their inner loops.
template <typename D>
void accumulate_hops(const Adjacency& out, const Adjacency& in, double in_total, std::uint32_t s,
                     HopState<D>& st, double* bc) {
  constexpr D kUnseen = HopState<D>::kUnseen;
  const std::uint32_t n = out.n;
  D* dist = st.dist.data();
  double* sigma = st.sigma.data();
  double* coeff = st.coeff.data();
  std::uint32_t* order = st.order.data();
  std::uint32_t* unseen = st.unseen.data();
  std::uint64_t* arcs = st.arcs.data();
  const std::uint64_t* off = out.offsets;
  const std::uint32_t* tg = out.targets;
  const std::uint64_t* in_off = in.offsets;
  const std::uint32_t* in_tg = in.targets;
  auto out_cost = [&](std::uint32_t v) {
    return static_cast<double>(off[v + 1] - off[v]) + kRowCost;
  };
  auto in_cost = [&](std::uint32_t v) {
    return static_cast<double>(in_off[v + 1] - in_off[v]) + kRowCost;
  };
  st.arc_level.clear();
  st.order_level.clear();

  dist[s] = 0;
  order[0] = s;
  std::uint32_t begin = 0, end = 1, tail = 1;  // level d is order[begin .. end)
  std::uint64_t pos = 0;
  D next = 1;  // d + 1
  double frontier_cost = out_cost(s);
  double unseen_cost = in_total - in_cost(s);
  std::uint32_t unseen_count = 0;
  bool listed = false;  // unseen[0 .. unseen_count) holds (a superset of) the unreached nodes
  while (begin < end) {
    st.arc_level.push_back(pos);
    st.order_level.push_back(begin);
    const bool bottom_up = unseen_cost < frontier_cost;
    if (bottom_up) {
      if (!listed) {
        for (std::uint32_t w = 0; w < n; ++w) {
          unseen[unseen_count] = w;
          unseen_count += dist[w] == kUnseen;
        }
        listed = true;
      }
      const D level = static_cast<D>(next - 1);
      std::uint32_t kept = 0;
      double kept_cost = 0.0;
      for (std::uint32_t j = 0; j < unseen_count; ++j) {
        const std::uint32_t w = unseen[j];
        if (dist[w] != kUnseen) continue;  // reached by a top-down level since it was listed
        const std::uint64_t first = pos;
        for (std::uint64_t i = in_off[w], e = in_off[w + 1]; i < e; ++i) {
          const std::uint32_t x = in_tg[i];
          arcs[pos] = std::uint64_t{x} << 32 | w;
          pos += dist[x] == level;
        }
        const bool found = pos != first;
        order[tail] = w;
        tail += found;
        dist[w] = found ? next : kUnseen;
        unseen[kept] = w;
        kept += !found;
        kept_cost += found ? 0.0 : in_cost(w);
      }
      unseen_count = kept;
      unseen_cost = kept_cost;
    } else {
      for (std::uint32_t k = begin; k < end; ++k) {
        const std::uint32_t v = order[k];
        const std::uint64_t high = std::uint64_t{v} << 32;
        for (std::uint64_t i = off[v], e = off[v + 1]; i < e; ++i) {
          const std::uint32_t w = tg[i];
          const D dw = dist[w];  // <= next when reached: BFS order
          dist[w] = dw < next ? dw : next;
          order[tail] = w;
          tail += dw > next;  // first reached now
          arcs[pos] = high | w;
          pos += dw >= next;  // reached now or earlier in this level: a DAG arc either way
        }
      }
    }
    begin = end;
    end = tail;
    ++next;
    frontier_cost = 0.0;
    double reached_cost = 0.0;
    for (std::uint32_t k = begin; k < end; ++k) {
      frontier_cost += out_cost(order[k]);
      if (!bottom_up) reached_cost += in_cost(order[k]);
    }
    unseen_cost -= reached_cost;
  }
  const std::size_t levels = st.arc_level.size();
  st.arc_level.push_back(pos);
  st.order_level.push_back(end);

  // Path counts: arcs are in level order, so sigma(v) is complete before v's arcs are read.
  sigma[s] = 1.0;
  for (std::uint64_t k = 0; k < pos; ++k) {
    const std::uint64_t x = arcs[k];
    sigma[static_cast<std::uint32_t>(x)] += sigma[x >> 32];
  }
  // Dependencies, deepest level first: coeff(v) sums coeff(w) over v's DAG successors, then
  // becomes (1 + delta(v)) / sigma(v) with delta(v) = sigma(v) * that sum. A node's sigma
  // and dist are cleared once its level is done (its cache line is at hand); coeff only at
  // the end, since its predecessors read it after.
  for (std::size_t d = levels; d-- > 1;) {
    for (std::uint64_t k = st.arc_level[d], e = st.arc_level[d + 1]; k < e; ++k) {
      const std::uint64_t x = arcs[k];
      coeff[x >> 32] += coeff[static_cast<std::uint32_t>(x)];
    }
    for (std::uint32_t k = st.order_level[d], e = st.order_level[d + 1]; k < e; ++k) {
      const std::uint32_t v = order[k];
      const double acc = coeff[v];
      const double sv = sigma[v];
      bc[v] += sv * acc;
      coeff[v] = acc + 1.0 / sv;
      sigma[v] = 0.0;
      dist[v] = kUnseen;
    }
  }
  sigma[s] = 0.0;
  dist[s] = kUnseen;
  for (std::uint32_t k = 0; k < tail; ++k) coeff[order[k]] = 0.0;
}

// Counts finished sources and calls the progress callback about every `every` of them,
// under a lock so that calls never overlap.
struct Ticker {
  const std::function<void(std::uint64_t, std::uint64_t)>* callback = nullptr;
  std::uint64_t total = 0;
  std::uint64_t every = 64;
  std::atomic<std::uint64_t> done{0};

  void tick() {
    if (callback == nullptr || !*callback) return;
    const std::uint64_t d = done.fetch_add(1, std::memory_order_relaxed) + 1;
    if (d % every != 0 && d != total) return;
#pragma omp critical(stakegraph_betweenness_progress)
    (*callback)(d, total);
  }
};

// All (or the sampled) sources of the unweighted kernel on one thread's share.
template <typename D>
void hop_sources(const Csr& c, const std::vector<std::uint32_t>& sources, std::int64_t count,
                 double* bc, Ticker& ticker) {
  const Adjacency out = out_adjacency(c);
  const Adjacency in = in_adjacency(c);
  const double in_total = static_cast<double>(in.offsets[c.n]) + kRowCost * c.n;
  HopState<D> st(c.n, c.entries());
#pragma omp for schedule(dynamic, 4)
  for (std::int64_t i = 0; i < count; ++i) {
    const std::uint32_t s = sources.empty() ? static_cast<std::uint32_t>(i) : sources[i];
    accumulate_hops(out, in, in_total, s, st, bc);
    ticker.tick();
  }
}

// The unweighted kernel runs on a copy of the Csr whose nodes are renumbered by decreasing
// degree (out + in; ties by id), so that the hubs, which most entries point to, share cache
// lines in the per-node arrays: about 8% less time on power-law graphs. Rows come out sorted
// (each is filled by walking the other side in increasing new id). new_id[v] is v's number
// in the copy. O(V + E) time, and the copy's memory (unweighted rows only).
struct Renumbered {
  Csr csr;
  std::vector<std::uint32_t> new_id;
};

Renumbered renumber_by_degree(const Csr& c) {
  const std::uint32_t n = c.n;
  const Adjacency out = out_adjacency(c);
  const Adjacency in = in_adjacency(c);
  auto degree = [&](std::uint32_t v) {
    std::uint64_t d = out.offsets[v + 1] - out.offsets[v];
    if (c.directed) d += in.offsets[v + 1] - in.offsets[v];
    return d;
  };
  // Counting sort by decreasing degree, stable in id.
  std::uint64_t max_degree = 0;
  for (std::uint32_t v = 0; v < n; ++v) max_degree = std::max(max_degree, degree(v));
  std::vector<std::uint32_t> first(max_degree + 2, 0);
  for (std::uint32_t v = 0; v < n; ++v) ++first[max_degree - degree(v) + 1];
  std::partial_sum(first.begin(), first.end(), first.begin());
  Renumbered r;
  r.new_id.resize(n);
  std::vector<std::uint32_t> old_id(n);
  for (std::uint32_t v = 0; v < n; ++v) {
    const std::uint32_t k = first[max_degree - degree(v)]++;
    r.new_id[v] = k;
    old_id[k] = v;
  }
  // Rows of the copy: x's row in `rows` lists every u with x in the row `cols` of u, in
  // increasing u (cols = in-rows gives out-rows, and the other way round).
  auto fill = [&](const Adjacency& rows, const Adjacency& cols, std::vector<std::uint64_t>& offsets,
                  std::vector<std::uint32_t>& targets) {
    offsets.assign(static_cast<std::size_t>(n) + 1, 0);
    for (std::uint32_t k = 0; k < n; ++k) {
      const std::uint32_t v = old_id[k];
      offsets[k + 1] = offsets[k] + (rows.offsets[v + 1] - rows.offsets[v]);
    }
    targets.resize(offsets[n]);
    std::vector<std::uint64_t> next(offsets.begin(), offsets.end() - 1);
    for (std::uint32_t u = 0; u < n; ++u) {
      const std::uint32_t v = old_id[u];
      for (std::uint64_t i = cols.offsets[v]; i < cols.offsets[v + 1]; ++i)
        targets[next[r.new_id[cols.targets[i]]]++] = u;
    }
  };
  r.csr.n = n;
  r.csr.directed = c.directed;
  fill(out, in, r.csr.offsets, r.csr.targets);
  if (c.directed) fill(in, out, r.csr.in_offsets, r.csr.in_sources);
  return r;
}

// The renumbering costs O(V + E), about as much as a few sources; with fewer sources than
// this it is skipped.
constexpr std::int64_t kRenumberSources = 64;

// Per-thread state of the costed kernel (Dijkstra).
struct CostState {
  explicit CostState(std::uint32_t n)
      : dist(n, std::numeric_limits<double>::infinity()), sigma(n, 0.0), coeff(n), done(n, 0) {
    order.reserve(n);
  }
  std::vector<double> dist, sigma, coeff;
  std::vector<std::uint8_t> done;
  std::vector<std::uint32_t> order, touched;
  using Entry = std::pair<double, std::uint32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap;
};

void accumulate_costs(const Adjacency& a, EdgeCost cost, std::uint32_t s, CostState& st,
                      double* bc) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  st.dist[s] = 0.0;
  st.sigma[s] = 1.0;
  st.touched.push_back(s);
  st.heap.emplace(0.0, s);
  while (!st.heap.empty()) {
    const auto [d, v] = st.heap.top();
    st.heap.pop();
    if (st.done[v]) continue;
    st.done[v] = 1;
    st.order.push_back(v);
    const double sv = st.sigma[v];
    for (std::uint64_t i = a.offsets[v]; i < a.offsets[v + 1]; ++i) {
      const std::uint32_t w = a.targets[i];
      const double nd = d + a.cost(i, cost);
      if (nd < st.dist[w]) {
        if (st.dist[w] == kInf) st.touched.push_back(w);
        st.dist[w] = nd;
        st.sigma[w] = sv;
        st.heap.emplace(nd, w);
      } else if (nd == st.dist[w] && !st.done[w]) {
        st.sigma[w] += sv;
      }
    }
  }
  for (std::size_t k = st.order.size(); k-- > 1;) {
    const std::uint32_t w = st.order[k];
    const double dw = st.dist[w];
    double acc = 0.0;
    for (std::uint64_t i = a.offsets[w]; i < a.offsets[w + 1]; ++i) {
      const std::uint32_t v = a.targets[i];
      if (st.dist[v] == dw + a.cost(i, cost)) acc += st.coeff[v];
    }
    bc[w] += st.sigma[w] * acc;
    st.coeff[w] = acc + 1.0 / st.sigma[w];
  }
  for (std::uint32_t v : st.touched) {
    st.dist[v] = kInf;
    st.sigma[v] = 0.0;
    st.done[v] = 0;
  }
  st.touched.clear();
  st.order.clear();
}

}  // namespace

std::vector<std::uint32_t> betweenness_sample_sources(std::uint32_t n, std::uint32_t k,
                                                      std::uint64_t seed) {
  return sample_sources(n, k, seed);
}

double betweenness_sampling_bound(std::uint32_t n, std::uint32_t k, double confidence) {
  if (!(confidence > 0.0 && confidence < 1.0))
    throw InvalidArgument("betweenness: confidence must be in (0, 1)");
  if (k == 0) throw InvalidArgument("betweenness: the number of samples must be positive");
  if (k >= n || n <= 2) return 0.0;
  const double nn = n;
  return nn / (nn - 1.0) * std::sqrt(std::log(2.0 * nn / (1.0 - confidence)) / (2.0 * k));
}

CentralityResult betweenness_centrality(const Csr& c, const BetweennessOptions& o) {
  if (!(o.confidence > 0.0 && o.confidence < 1.0))
    throw InvalidArgument("betweenness: confidence must be in (0, 1)");
  check_costs(c, o.cost);
  const std::uint32_t n = c.n;
  CentralityResult res;
  res.scores.assign(n, 0.0);
  if (n == 0) return res;

  const bool sampled = o.samples > 0 && o.samples < n;
  std::vector<std::uint32_t> sources;
  if (sampled) sources = sample_sources(n, o.samples, o.seed);
  const auto source_count = static_cast<std::int64_t>(sampled ? sources.size() : n);
  const Adjacency a = out_adjacency(c);
  const bool costed = o.cost != EdgeCost::kHops && !c.weights.empty();
  const int threads = o.threads > 0 ? o.threads : omp_get_max_threads();

  // The unweighted kernel's graph and sources: renumbered when there are enough sources.
  Renumbered renumbered;
  const Csr* hops = &c;
  std::vector<std::uint32_t> hop_list = sources;
  if (!costed && source_count >= kRenumberSources) {
    renumbered = renumber_by_degree(c);
    hops = &renumbered.csr;
    for (std::uint32_t& s : hop_list) s = renumbered.new_id[s];
  }

  Ticker ticker;
  ticker.callback = &o.progress;
  ticker.total = static_cast<std::uint64_t>(source_count);
  ticker.every = std::max<std::uint64_t>(1, o.progress_every);
  std::vector<std::vector<double>> partial(static_cast<std::size_t>(threads));
#pragma omp parallel num_threads(threads) if (source_count >= 64)
  {
    std::vector<double>& bc = partial[static_cast<std::size_t>(omp_get_thread_num())];
    bc.assign(n, 0.0);
    if (costed) {
      CostState st(n);
#pragma omp for schedule(dynamic, 4)
      for (std::int64_t i = 0; i < source_count; ++i) {
        const std::uint32_t s = sampled ? sources[i] : static_cast<std::uint32_t>(i);
        accumulate_costs(a, o.cost, s, st, bc.data());
        ticker.tick();
      }
    } else if (n < std::numeric_limits<std::uint16_t>::max()) {
      hop_sources<std::uint16_t>(*hops, hop_list, source_count, bc.data(), ticker);
    } else {
      hop_sources<std::uint32_t>(*hops, hop_list, source_count, bc.data(), ticker);
    }
  }
  for (const auto& bc : partial) {
    if (bc.empty()) continue;
    if (renumbered.new_id.empty()) {
      for (std::uint32_t v = 0; v < n; ++v) res.scores[v] += bc[v];
    } else {
      for (std::uint32_t v = 0; v < n; ++v) res.scores[v] += bc[renumbered.new_id[v]];
    }
  }

  // Scale the ordered-pair sum: n / k for sampling, then the convention's factor.
  double scale = sampled ? static_cast<double>(n) / o.samples : 1.0;
  double pair_scale = 1.0;  // ordered-pair sum -> returned units
  if (o.normalized) {
    pair_scale = n > 2 ? 1.0 / ((n - 1.0) * (n - 2.0)) : 0.0;
  } else if (!c.directed) {
    pair_scale = 0.5;
  }
  scale *= pair_scale;
  for (double& s : res.scores) s *= scale;
  if (sampled) {
    res.samples = o.samples;
    // The bound is on the normalized scale; the ordered-pair scale is (n - 1)(n - 2) times it.
    const double normalized_bound = betweenness_sampling_bound(n, o.samples, o.confidence);
    res.error_bound = normalized_bound * (n - 1.0) * (n - 2.0) * pair_scale;
  }
  return res;
}

}  // namespace stakegraph::graph
