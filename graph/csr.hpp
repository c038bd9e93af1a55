// A compressed sparse row (CSR) view of a Graph for analytics: node i's neighbours are
// targets[offsets[i] .. offsets[i+1]), with optional weights. Built once per query; the
// analytics kernels (centrality, paths, clusters) run on it.
//
// Conventions:
// - Undirected view (default): every edge u-v appears as v in u's row and u in v's row.
//   Directed view: out-rows, plus in-rows (in_offsets/in_sources) for kernels that need them.
// - Parallel edges between two nodes (several relations, or both directions in the
//   undirected view) are merged into one neighbour entry. Unweighted: weight 1. Weighted:
//   the merged entry's weight is the sum of the edges' weights read by `source`
//   (graph/edge_weight.hpp: the evidence count by default, an edge without evidence
//   counting 1; or the user-defined weight, an edge without one counting 1).
// - Self-loops are dropped (no centrality or path uses them).
// Memory: 8 bytes per offset, 4 per neighbour id, 4 per weight (when weighted): the
// undirected weighted view of E edges takes about 16 E + 8 V bytes.
// Complexity: O(V + E log d) to build (rows are sorted and deduplicated).
#pragma once

#include <cstdint>
#include <vector>

#include "graph/edge_weight.hpp"
#include "graph/graph.hpp"

namespace stakegraph::graph {

struct CsrOptions {
  bool directed = false;
  bool weighted = false;
  WeightSource source = WeightSource::kEvidence;  // what `weighted` reads
};

struct Csr {
  std::uint32_t n = 0;
  bool directed = false;
  bool weighted = false;
  std::vector<std::uint64_t> offsets;     // n + 1
  std::vector<std::uint32_t> targets;     // sorted within each row
  std::vector<float> weights;             // parallel to targets; empty when unweighted
  std::vector<std::uint64_t> in_offsets;  // directed only: n + 1
  std::vector<std::uint32_t> in_sources;  // directed only
  std::vector<float> in_weights;          // directed and weighted only

  std::uint64_t degree(std::uint32_t v) const { return offsets[v + 1] - offsets[v]; }
  std::uint64_t entries() const { return targets.size(); }
  double weight(std::uint64_t i) const { return weights.empty() ? 1.0 : weights[i]; }
  std::size_t memory_bytes() const;
};

Csr build_csr(const Graph& g, const CsrOptions& options = {});

// From a plain edge list on nodes 0..n-1 (benchmarks and tests on generated graphs; weights
// may be empty). Same conventions as above.
Csr build_csr(std::uint32_t n, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges,
              const std::vector<float>& weights, const CsrOptions& options = {});

// The same from edge arrays (edge i: sources[i] -> targets[i], weight weights[i], or 1 when
// `weights` is empty), equal to build_csr of their pairs, bit for bit. The arrays are taken
// and freed once read, and rows are filled and merged in place (no arc list): the peak is
// the arrays plus 8 bytes per node and 4 (unweighted) or 8 (weighted) per entry before
// merging, about half that of the pair version. The rows keep their spare room (entries
// merged away) when it is at most an eighth of them.
// (Not an overload of build_csr: brace-initialized calls of that one would be ambiguous.)
Csr build_csr_from_arrays(std::uint32_t n, std::vector<std::uint32_t>&& sources,
                          std::vector<std::uint32_t>&& targets, std::vector<float>&& weights,
                          const CsrOptions& options = {});

}  // namespace stakegraph::graph
