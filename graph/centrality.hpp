// Node centralities over the CSR view (graph/csr.hpp): degree, closeness, harmonic,
// PageRank and eigenvector. Betweenness is in graph/betweenness.hpp. Every function takes a
// Csr (undirected or directed, weighted or not: see build_csr) and an options struct, and
// returns a CentralityResult whose scores are indexed by node (0 .. n-1). Filtering by kind,
// relation or date is done before, on the Graph (graph/subgraph.hpp).
//
// Conventions (NetworkX 2.8, so that the values match it; see each function):
// - Parallel edges count once (the Csr merges them); in a weighted Csr an entry's weight is
//   what CsrOptions::source reads (graph/edge_weight.hpp: the file's weight or the evidence
//   count), summed over merged edges. Self-loops are not in the Csr. The caller refuses
//   negative weights (PageRank, eigenvector) and non-positive ones (path lengths).
// - On a directed Csr, closeness and harmonic use incoming distances d(u, v) to the node v
//   (NetworkX's choice); degree can be in, out or total.
// - `normalized` follows NetworkX where NetworkX normalizes (degree / (n-1); closeness with the
//   Wasserman-Faust scaling); PageRank sums to 1 and eigenvector has L2 norm 1 whatever the
//   flag.
// Complexity per function below. Closeness and harmonic run one BFS (or Dijkstra) per node,
// in parallel over sources with OpenMP.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/csr.hpp"
#include "graph/traversal.hpp"

namespace stakegraph::graph {

struct CentralityResult {
  std::vector<double> scores;    // indexed by node
  std::uint32_t iterations = 0;  // power iterations (PageRank, eigenvector)
  bool converged = true;         // false: max_iterations reached before the tolerance
  std::uint32_t samples = 0;     // sampled betweenness: sources used (0 = exact)
  double error_bound = 0.0;      // sampled betweenness: see graph/betweenness.hpp
};

// ---- degree ----
enum class DegreeMode : std::uint8_t { kTotal, kIn, kOut };

struct DegreeOptions {
  DegreeMode mode = DegreeMode::kTotal;  // undirected Csr: all three are the degree
  bool weighted = false;                 // sum of entry weights instead
  bool normalized = false;               // divide by n - 1 (NetworkX degree_centrality)
};

// Number of distinct neighbours (or their weight). On a directed Csr, total = in + out, so
// a node with an edge each way to the same neighbour counts 2 (NetworkX DiGraph.degree).
// Time complexity: O(V) unweighted, O(V + E) weighted. n <= 1: normalized scores are 0.
CentralityResult degree_centrality(const Csr& c, const DegreeOptions& options = {});

// ---- closeness and harmonic ----
struct ClosenessOptions {
  EdgeCost cost = EdgeCost::kHops;  // kInverseWeight / kWeight run Dijkstra
  bool normalized = true;           // see closeness_centrality
  int threads = 0;                  // 0: OpenMP's default
};

// Normalized (NetworkX closeness_centrality, wf_improved=True): for a node u reaching r - 1
// other nodes (counting u, r nodes) at total distance T, ((r - 1) / T) * ((r - 1) / (n - 1)).
// Raw (normalized = false): 1 / T, Bavelas' closeness. A node reaching nobody scores 0.
// Directed: r and T count the nodes that reach u (incoming distances).
// Time complexity: O(V (V + E)) unweighted, O(V (V + E) log V) with costs.
// Throws InvalidArgument when costs read a non-positive weight.
CentralityResult closeness_centrality(const Csr& c, const ClosenessOptions& options = {});

// Sum over the other nodes v of 1 / d(v, u) (unreachable: 0), NetworkX
// harmonic_centrality. normalized: divided by n - 1 (so that a hub adjacent to every node
// scores 1); NetworkX has no normalized harmonic. Complexity as closeness.
CentralityResult harmonic_centrality(const Csr& c, const ClosenessOptions& options = {});

// ---- PageRank ----
struct PageRankOptions {
  double damping = 0.85;     // alpha, in [0, 1)
  double tolerance = 1e-10;  // stop when sum |x - x_prev| < n * tolerance (NetworkX)
  std::uint32_t max_iterations = 1000;
  bool weighted = false;  // transition by entry weight
  // Teleport (and dangling) distribution: uniform over these nodes; empty = all nodes.
  std::vector<std::uint32_t> personalization;
  int threads = 0;
};

// NetworkX pagerank: x starts uniform; each step x' = alpha (x P + (sum of x over dangling
// nodes) p) + (1 - alpha) p, where P moves along out-edges (undirected: every edge both ways)
// in proportion to weight, p is the personalization distribution, and dangling nodes (no
// out-edge) jump by p. No renormalization. Converged results sum to 1.
// Time complexity: O((V + E) * iterations). Throws InvalidArgument for damping outside
// [0, 1), a non-positive tolerance or an out-of-range personalization node. n = 0: empty.
CentralityResult pagerank(const Csr& c, const PageRankOptions& options = {});

// ---- eigenvector ----
struct EigenvectorOptions {
  double tolerance = 1e-9;  // stop when sum |x - x_prev| < n * tolerance (NetworkX)
  std::uint32_t max_iterations = 1000;
  bool weighted = false;
  int threads = 0;
};

// NetworkX eigenvector_centrality: power iteration on (A^T + I) from the uniform vector,
// L2-normalized each step, so that bipartite graphs converge too. Directed: a node's score
// comes from the nodes pointing to it (left eigenvector). Scores have L2 norm 1.
// Time complexity: O((V + E) * iterations). n = 0: empty; a graph without edges: uniform.
CentralityResult eigenvector_centrality(const Csr& c, const EigenvectorOptions& options = {});

}  // namespace stakegraph::graph
