// Betweenness centrality over the CSR view: exact (Brandes 2001) and sampled (Brandes and
// Pich 2007 source sampling) with a stated error bound.
//
// What it computes: b(v) = sum over pairs s != v != t of sigma_st(v) / sigma_st, where
// sigma_st counts the shortest s-t paths and sigma_st(v) those through v.
//
// Kernel: one BFS (or Dijkstra, with costs) per source, then the dependency accumulation in
// reverse order, pulling from successors (dist(v) = dist(w) + cost(w, v)) so that a thread
// writes only its own arrays: no atomics, no global state. The unweighted kernel (details in
// betweenness.cpp) runs a direction-optimizing BFS (each level top-down or bottom-up,
// whichever scans fewer entries), records the shortest-path DAG arcs in one flat list with
// branch-free inner loops, counts paths and accumulates dependencies over that list, and
// works on a copy of the graph renumbered by decreasing degree; ids in the result are the
// caller's. Sources are spread over OpenMP threads (dynamic schedule); each thread sums into
// its own score vector, and the vectors are added at the end. Results are deterministic up
// to floating-point rounding of that final sum (tests hold them to Boost.Graph's
// brandes_betweenness_centrality and to the naive definition within 1e-9 relative).
//
// Conventions (NetworkX 2.8 and Boost 1.74 agree; pinned by tests):
// - Undirected, raw: each unordered pair {s, t} counted once (the sum over ordered pairs is
//   halved): the centre of the star K1,3 scores 3, the inner nodes of the path P4 score 2.
// - Directed, raw: ordered pairs, following edge direction.
// - normalized: the ordered-pair sum divided by (n - 1)(n - 2), for undirected and directed
//   graphs alike (NetworkX's normalized=True); n <= 2: every score is 0.
// - With costs (EdgeCost other than kHops on a weighted Csr) shortest means least total
//   cost; ties are exact floating-point equality of path sums, as in NetworkX.
//
// Sampling (samples = k with 0 < k < n): k distinct sources drawn uniformly with the seed
// (splitmix64 + partial Fisher-Yates, the same on every platform), contributions scaled by
// n / k, so that the estimate is unbiased. Error bound: the dependency of one source on v,
// delta_s(v), lies in [0, n - 2], so X_s = delta_s(v) / (n - 2) is in [0, 1] and the
// normalized score is n / (n - 1) times the mean of X_s over all sources. Hoeffding's
// inequality (which also holds for sampling without replacement, Hoeffding 1963, sec. 6)
// and a union bound over the n nodes give, with probability at least `confidence`, for
// every node at once:
//     |estimate - exact| <= n / (n - 1) * sqrt(ln(2 n / (1 - confidence)) / (2 k))
// on the normalized scale; error_bound reports it in the units of the returned scores (the
// raw scale multiplies it by (n - 1)(n - 2), halved when undirected). Example: n = 10,000,
// k = 1,000, confidence 0.95: 0.080 normalized. Riondato and Kornaropoulos (2016) give
// tighter sample sizes from the vertex diameter; this bound needs nothing but n and k.
//
// Time complexity: exact O(V E) unweighted, O(V (E + V log V)) with costs; sampled O(k E)
// or O(k (E + V log V)). Memory: O(V + E) per thread (unweighted: 8 bytes per CSR entry for
// the arc list, about 36 per node) plus the Csr and, unweighted with 64 sources or more, one
// renumbered copy of its rows. On the 10,000-node / 50,000-edge power-law graph of
// bench/peers, exact unweighted betweenness takes about 2.6 s of CPU time, 2.2 times less
// than the successor-list kernel before it (measured back to back on a loaded machine).
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "graph/centrality.hpp"
#include "graph/csr.hpp"
#include "graph/traversal.hpp"

namespace stakegraph::graph {

struct BetweennessOptions {
  bool normalized = false;
  EdgeCost cost = EdgeCost::kHops;
  std::uint32_t samples = 0;  // 0 or >= n: exact
  std::uint64_t seed = 0;     // for sampling
  double confidence = 0.95;   // for the sampled error bound, in (0, 1)
  int threads = 0;            // 0: OpenMP's default
  // Progress: called with (sources done, sources in all) about every progress_every sources
  // and once at the end, from one thread at a time (never concurrently). Must not throw.
  std::function<void(std::uint64_t, std::uint64_t)> progress;
  std::uint64_t progress_every = 64;
};

// Throws InvalidArgument for a confidence outside (0, 1) or, with costs, a non-positive
// weight. Sets samples and error_bound in the result when sampling.
CentralityResult betweenness_centrality(const Csr& c, const BetweennessOptions& options = {});

// The Hoeffding + union bound above on the normalized scale for n nodes and k sampled
// sources; 0 when k >= n (exact). Throws InvalidArgument for k = 0 or a bad confidence.
double betweenness_sampling_bound(std::uint32_t n, std::uint32_t k, double confidence);

// The k sources that betweenness_centrality samples from n nodes with `seed` (splitmix64 +
// partial Fisher-Yates), in draw order; the distributed kernel (graph/distributed/) draws
// the same ones. Precondition: k <= n. O(n).
std::vector<std::uint32_t> betweenness_sample_sources(std::uint32_t n, std::uint32_t k,
                                                      std::uint64_t seed);

}  // namespace stakegraph::graph
