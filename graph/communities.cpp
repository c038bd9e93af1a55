#include "graph/communities.hpp"

#include <omp.h>

#include <algorithm>
#include <atomic>
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

// Gains closer than this are ties (2m stays far below 1e12 for evidence counts and weights
// of ordinary size).
constexpr double kEps = 1e-12;

// One level of the Louvain hierarchy: a weighted undirected graph without self-loops in the
// rows; the weight of edges collapsed inside a node is kept in `self` (each edge once).
struct Level {
  std::uint32_t n = 0;
  std::vector<std::uint64_t> off;
  std::vector<std::uint32_t> adj;
  std::vector<double> w;
  std::vector<double> self;
  std::vector<double> k;  // strength: row sum + 2 * self
};

Level level_from_csr(const Csr& g) {
  Level l;
  l.n = g.n;
  l.off = g.offsets;
  l.adj = g.targets;
  l.w.resize(g.targets.size());
  for (std::size_t i = 0; i < l.w.size(); ++i) l.w[i] = g.weight(i);
  l.self.assign(g.n, 0.0);
  l.k.assign(g.n, 0.0);
  for (std::uint32_t v = 0; v < g.n; ++v)
    for (std::uint64_t i = l.off[v]; i < l.off[v + 1]; ++i) l.k[v] += l.w[i];
  return l;
}

using detail::densify;
using detail::shuffle;

std::vector<std::uint32_t> random_order(std::uint32_t n, std::mt19937_64& rng) {
  std::vector<std::uint32_t> order(n);
  for (std::uint32_t i = 0; i < n; ++i) order[i] = i;
  shuffle(order, rng);
  return order;
}

// Scratch for accumulating weights by community without clearing whole arrays.
struct Workspace {
  std::vector<double> weight;          // by community, zero between uses
  std::vector<std::uint32_t> touched;  // communities with non-zero weight
  explicit Workspace(std::uint32_t n) : weight(n, 0.0) { touched.reserve(1024); }
  void add(std::uint32_t c, double x) {
    if (weight[c] == 0.0) touched.push_back(c);
    weight[c] += x;
  }
  void clear() {
    for (std::uint32_t c : touched) weight[c] = 0.0;
    touched.clear();
  }
};

// Phase 1: queue-based local moving. `comm` labels are < l.n. Returns the number of moves.
std::uint64_t move_nodes(const Level& l, std::vector<std::uint32_t>& comm, double gamma,
                         double two_m, std::mt19937_64& rng) {
  const std::uint32_t n = l.n;
  // Weight from the current node and total strength, side by side: one cache line per
  // community looked at.
  struct Slot {
    double weight = 0.0;
    double tot = 0.0;
  };
  std::vector<Slot> slot(n);
  std::vector<std::uint32_t> size(n, 0), touched;
  touched.reserve(1024);
  for (std::uint32_t v = 0; v < n; ++v) {
    slot[comm[v]].tot += l.k[v];
    ++size[comm[v]];
  }
  std::vector<std::uint32_t> empty;
  for (std::uint32_t c = n; c-- > 0;)
    if (size[c] == 0) empty.push_back(c);
  std::vector<std::uint32_t> queue = random_order(n, rng);
  std::vector<char> queued(n, 1);
  std::size_t head = 0, pending = n;
  std::uint64_t moves = 0;
  while (pending > 0) {
    const std::uint32_t v = queue[head];
    head = head + 1 == n ? 0 : head + 1;
    --pending;
    queued[v] = 0;
    const std::uint32_t old = comm[v];
    const double kv = l.k[v];
    const double f = gamma * kv / two_m;
    const std::uint64_t end = l.off[v + 1];
    for (std::uint64_t i = l.off[v]; i < end; ++i) {
      const std::uint32_t c = comm[l.adj[i]];
      Slot& s = slot[c];
      if (s.weight == 0.0) touched.push_back(c);
      s.weight += l.w[i];
    }
    slot[old].tot -= kv;
    std::uint32_t best = old;
    double best_gain = slot[old].weight - f * slot[old].tot;
    for (std::uint32_t c : touched) {
      const double gain = slot[c].weight - f * slot[c].tot;
      if (gain > best_gain + kEps) {
        best = c;
        best_gain = gain;
      }
    }
    for (std::uint32_t c : touched) slot[c].weight = 0.0;
    touched.clear();
    if (best_gain < -kEps && size[old] > 1) {  // alone is better: an empty community
      best = empty.back();
      empty.pop_back();
    }
    slot[best].tot += kv;
    if (best == old) continue;
    if (--size[old] == 0) empty.push_back(old);
    ++size[best];
    comm[v] = best;
    ++moves;
    for (std::uint64_t i = l.off[v]; i < end; ++i) {
      const std::uint32_t u = l.adj[i];
      if (!queued[u] && comm[u] != best) {
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

// Nodes grouped by label (0..k-1), each group in the order given by `order`.
struct Groups {
  std::vector<std::uint32_t> start;  // k + 1
  std::vector<std::uint32_t> nodes;
};

Groups group_by(const std::vector<std::uint32_t>& lab, std::uint32_t k,
                const std::vector<std::uint32_t>& order) {
  Groups gr;
  gr.start.assign(static_cast<std::size_t>(k) + 1, 0);
  gr.nodes.resize(lab.size());
  for (std::uint32_t x : lab) ++gr.start[x + 1];
  for (std::uint32_t x = 0; x < k; ++x) gr.start[x + 1] += gr.start[x];
  std::vector<std::uint32_t> next(gr.start.begin(), gr.start.end() - 1);
  for (std::uint32_t v : order) gr.nodes[next[lab[v]]++] = v;
  return gr;
}

int thread_id() { return omp_in_parallel() ? omp_get_thread_num() : 0; }

// Phase 2: Leiden refinement (greedy). `comm` holds dense labels 0..kc-1. Returns refined
// labels (node ids as labels). Communities are refined independently, in parallel; each is
// visited in the order of one seeded permutation, so the result does not depend on threads.
std::vector<std::uint32_t> refine(const Level& l, const std::vector<std::uint32_t>& comm,
                                  std::uint32_t kc, double gamma, double two_m,
                                  std::mt19937_64& rng, std::vector<Workspace>& wss) {
  const std::uint32_t n = l.n;
  std::vector<std::uint32_t> ref(n), ref_count(n, 1);
  std::vector<double> ext(n, 0.0), comm_tot(kc, 0.0);
#pragma omp parallel for schedule(static) if (n > 50000)
  for (std::uint32_t v = 0; v < n; ++v) {
    ref[v] = v;
    double e = 0.0;
    for (std::uint64_t i = l.off[v]; i < l.off[v + 1]; ++i)
      if (comm[l.adj[i]] == comm[v]) e += l.w[i];
    ext[v] = e;
  }
  for (std::uint32_t v = 0; v < n; ++v) comm_tot[comm[v]] += l.k[v];
  std::vector<double> ref_tot(l.k), ref_ext(ext);
  const Groups groups = group_by(comm, kc, random_order(n, rng));
#pragma omp parallel for schedule(dynamic, 16) if (n > 50000)
  for (std::uint32_t c = 0; c < kc; ++c) {
    Workspace& ws = wss[static_cast<std::size_t>(thread_id())];
    const double kc_tot = comm_tot[c];
    for (std::uint32_t j = groups.start[c]; j < groups.start[c + 1]; ++j) {
      const std::uint32_t v = groups.nodes[j];
      if (ref_count[ref[v]] != 1) continue;  // only singletons move
      const double kv = l.k[v];
      if (ext[v] < gamma * kv * (kc_tot - kv) / two_m - kEps) continue;  // not well connected
      for (std::uint64_t i = l.off[v]; i < l.off[v + 1]; ++i) {
        const std::uint32_t u = l.adj[i];
        if (comm[u] == c) ws.add(ref[u], l.w[i]);
      }
      const double f = gamma * kv / two_m;
      std::uint32_t best = ref[v];
      double best_gain = 0.0;
      for (std::uint32_t r : ws.touched) {
        if (r == ref[v]) continue;
        const double rt = ref_tot[r];
        if (ref_ext[r] < gamma * rt * (kc_tot - rt) / two_m - kEps) continue;
        const double gain = ws.weight[r] - f * rt;
        if (gain > best_gain + kEps) {
          best = r;
          best_gain = gain;
        }
      }
      if (best != ref[v]) {
        ref_count[ref[v]] = 0;
        ++ref_count[best];
        ref_tot[best] += kv;
        ref_ext[best] += ext[v] - 2.0 * ws.weight[best];
        ref[v] = best;
      }
      ws.clear();
    }
  }
  return ref;
}

// Phase 3: the graph whose nodes are the groups `lab` (0..k-1) of `l`. Rows are built in
// parallel over contiguous ranges of groups and concatenated in order.
Level aggregate(const Level& l, const std::vector<std::uint32_t>& lab, std::uint32_t k,
                std::vector<Workspace>& wss) {
  std::vector<std::uint32_t> identity(l.n);
  for (std::uint32_t v = 0; v < l.n; ++v) identity[v] = v;
  const Groups groups = group_by(lab, k, identity);
  Level a;
  a.n = k;
  a.off.assign(static_cast<std::size_t>(k) + 1, 0);
  a.self.assign(k, 0.0);
  a.k.assign(k, 0.0);
  const int threads = l.adj.size() > 200000 ? omp_get_max_threads() : 1;
  std::vector<std::vector<std::uint32_t>> part_adj(static_cast<std::size_t>(threads));
  std::vector<std::vector<double>> part_w(static_cast<std::size_t>(threads));
  std::vector<std::uint32_t> row(k, 0);
#pragma omp parallel num_threads(threads) if (threads > 1)
  {
    const int t = thread_id();
    Workspace& ws = wss[static_cast<std::size_t>(t)];
    auto& adj = part_adj[static_cast<std::size_t>(t)];
    auto& w = part_w[static_cast<std::size_t>(t)];
    // static schedule: contiguous ranges of groups in thread order.
#pragma omp for schedule(static)
    for (std::uint32_t x = 0; x < k; ++x) {
      double self = 0.0, strength = 0.0;
      for (std::uint32_t j = groups.start[x]; j < groups.start[x + 1]; ++j) {
        const std::uint32_t v = groups.nodes[j];
        self += l.self[v];
        strength += l.k[v];
        for (std::uint64_t i = l.off[v]; i < l.off[v + 1]; ++i) {
          const std::uint32_t y = lab[l.adj[i]];
          if (y == x) {
            self += 0.5 * l.w[i];  // each inner edge is seen from both ends
          } else {
            ws.add(y, l.w[i]);
          }
        }
      }
      for (std::uint32_t y : ws.touched) {
        adj.push_back(y);
        w.push_back(ws.weight[y]);
      }
      row[x] = static_cast<std::uint32_t>(ws.touched.size());
      ws.clear();
      a.self[x] = self;
      a.k[x] = strength;
    }
  }
  for (std::uint32_t x = 0; x < k; ++x) a.off[x + 1] = a.off[x] + row[x];
  a.adj.reserve(a.off[k]);
  a.w.reserve(a.off[k]);
  for (int t = 0; t < threads; ++t) {
    a.adj.insert(a.adj.end(), part_adj[static_cast<std::size_t>(t)].begin(),
                 part_adj[static_cast<std::size_t>(t)].end());
    a.w.insert(a.w.end(), part_w[static_cast<std::size_t>(t)].begin(),
               part_w[static_cast<std::size_t>(t)].end());
  }
  return a;
}

struct Run {
  std::vector<std::uint32_t> membership;
  int levels = 0;
};

Run louvain_run(const Level& base, const LouvainOptions& o, std::uint64_t seed,
                std::atomic<std::uint64_t>& passes) {
  const std::uint32_t n = base.n;
  double two_m = 0.0;
  for (double x : base.k) two_m += x;
  Run run;
  run.membership.resize(n);
  for (std::uint32_t v = 0; v < n; ++v) run.membership[v] = v;
  if (two_m <= 0.0) return run;
  std::mt19937_64 rng(seed);
  // One workspace per thread for the parallel phases.
  std::vector<Workspace> wss;
  for (int t = 0; t < std::max(1, omp_get_max_threads()); ++t) wss.emplace_back(n);
  std::vector<std::uint32_t> scratch;
  for (int it = 0; it < o.iterations; ++it) {
    detail::Descent<Level> d(base, run.membership);
    int levels = 0;
    while (true) {
      move_nodes(d.level(), d.groups(), o.resolution, two_m, rng);
      const std::uint32_t kc = densify(d.groups(), d.level().n, scratch);
      if (kc == d.level().n || levels >= o.max_levels) break;
      d.coarsen(
          o.refine ? refine(d.level(), d.groups(), kc, o.resolution, two_m, rng, wss) : d.groups(),
          kc, scratch,
          [&](const Level& l, const std::vector<std::uint32_t>& lab, std::uint32_t kr) {
            return aggregate(l, lab, kr, wss);
          });
      ++levels;
    }
    run.membership = d.membership();
    run.levels = std::max(run.levels, levels);
    if (o.progress) {
      const std::uint64_t done = passes.fetch_add(1) + 1;
      const auto total =
          static_cast<std::uint64_t>(o.restarts) * static_cast<std::uint64_t>(o.iterations);
#pragma omp critical(stakegraph_louvain_progress)
      o.progress(done, total);
    }
  }
  return run;
}

void require_undirected(const Csr& g, const char* what) {
  if (g.directed) throw InvalidArgument(std::string(what) + " needs the undirected graph view");
}

}  // namespace

double modularity(const Csr& g, const std::vector<std::uint32_t>& membership, double resolution) {
  require_undirected(g, "modularity");
  if (membership.size() != g.n)
    throw InvalidArgument("modularity: membership has " + std::to_string(membership.size()) +
                          " entries for " + std::to_string(g.n) + " nodes");
  std::vector<double> inside(g.n, 0.0), total(g.n, 0.0);
  double two_m = 0.0;
  for (std::uint32_t v = 0; v < g.n; ++v) {
    const std::uint32_t c = membership[v];
    if (c >= g.n) throw InvalidArgument("modularity: label out of range");
    for (std::uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
      const double w = g.weight(i);
      two_m += w;
      total[c] += w;
      if (membership[g.targets[i]] == c) inside[c] += w;
    }
  }
  if (two_m <= 0.0) return 0.0;
  double q = 0.0;
  for (std::uint32_t c = 0; c < g.n; ++c) {
    if (total[c] == 0.0) continue;
    const double d = total[c] / two_m;
    q += inside[c] / two_m - resolution * d * d;
  }
  return q;
}

CommunityResult louvain(const Csr& g, const LouvainOptions& o) {
  require_undirected(g, "louvain");
  if (!(o.resolution > 0.0) || !std::isfinite(o.resolution))
    throw InvalidArgument("louvain: resolution must be a positive number");
  if (o.restarts < 1) throw InvalidArgument("louvain: restarts must be at least 1");
  if (o.iterations < 1) throw InvalidArgument("louvain: iterations must be at least 1");
  const Level base = level_from_csr(g);
  std::vector<Run> runs(static_cast<std::size_t>(o.restarts));
  std::atomic<std::uint64_t> passes{0};
  std::vector<double> quality(runs.size(), 0.0);
  std::vector<std::uint32_t> counts(runs.size(), 0);
#pragma omp parallel for schedule(dynamic, 1) if (o.restarts > 1)
  for (int r = 0; r < o.restarts; ++r) {
    Run run = louvain_run(base, o, o.seed + static_cast<std::uint64_t>(r), passes);
    counts[r] = split_disconnected(g, run.membership);
    quality[r] = modularity(g, run.membership, o.resolution);
    runs[r] = std::move(run);
  }
  std::size_t best = 0;
  for (std::size_t r = 1; r < runs.size(); ++r)
    if (quality[r] > quality[best]) best = r;
  CommunityResult result;
  result.membership = std::move(runs[best].membership);
  result.count = counts[best];
  result.modularity = quality[best];
  result.levels = runs[best].levels;
  result.seed = o.seed + best;
  return result;
}

CommunityResult label_propagation(const Csr& g, const LabelPropagationOptions& o) {
  require_undirected(g, "label propagation");
  if (o.max_iterations < 1)
    throw InvalidArgument("label propagation: max_iterations must be at least 1");
  const std::uint32_t n = g.n;
  CommunityResult result;
  std::vector<std::uint32_t>& label = result.membership;
  label.resize(n);
  for (std::uint32_t v = 0; v < n; ++v) label[v] = v;
  std::mt19937_64 rng(o.seed);
  std::vector<std::uint32_t> order(n), tied;
  for (std::uint32_t v = 0; v < n; ++v) order[v] = v;
  Workspace ws(n);
  for (int sweep = 0; sweep < o.max_iterations; ++sweep) {
    shuffle(order, rng);
    std::uint64_t changes = 0;
    for (std::uint32_t v : order) {
      if (g.offsets[v] == g.offsets[v + 1]) continue;
      for (std::uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i)
        ws.add(label[g.targets[i]], g.weight(i));
      double best = 0.0;
      for (std::uint32_t c : ws.touched) best = std::max(best, ws.weight[c]);
      if (ws.weight[label[v]] < best - kEps) {
        tied.clear();
        for (std::uint32_t c : ws.touched)
          if (ws.weight[c] >= best - kEps) tied.push_back(c);
        label[v] = tied.size() == 1 ? tied[0] : tied[rng() % tied.size()];
        ++changes;
      }
      ws.clear();
    }
    result.iterations = sweep + 1;
    if (changes == 0) break;
  }
  result.count = split_disconnected(g, label);
  result.modularity = modularity(g, label, 1.0);
  return result;
}

}  // namespace stakegraph::graph
