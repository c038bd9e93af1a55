// Paths between two nodes of a Graph: the shortest path (BFS by hops, or Dijkstra where a hop
// costs 1 / evidence count), the k shortest loopless paths (Yen 1971), and all shortest
// paths; each optionally constrained to some relations or node kinds and avoiding nodes.
// Results carry the graph's edges (EdgeRef) hop by hop, so that a caller can print each
// hop's relation and evidence.
//
// Conventions:
// - The search runs on a CSR view (graph/csr.hpp conventions) of the edges that pass the
//   constraints: undirected by default (an edge can be walked either way), or directed.
//   Parallel edges between two nodes are one hop; with costs its length is the cost of the
//   summed weight read by `weights` (graph/edge_weight.hpp; evidence count by default, an
//   edge without evidence counting 1; kInverseWeight: 1 / sum, kWeight: sum). The hop
//   reports the parallel edge of largest weight (ties: the first in the graph's edge order).
// - Constraints: `relations` keeps only edges of those relations; `kinds` and `avoid` restrict
//   the intermediate nodes (the two endpoints are always allowed: they were named).
// - Ties between equally short paths are broken deterministically (rows are scanned in node
//   index order); all_shortest_paths lists every tie.
// - Path.cost is the number of hops with EdgeCost::kHops, else the sum of hop costs.
// Complexity: shortest O(V + E) by hops, O((V + E) log V) with costs; Yen O(k V (E + V log V));
// all shortest paths O(V + E) plus the size of the output (capped by `limit`). Building the
// view costs O(V + E log d) per call.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graph/edge_weight.hpp"
#include "graph/graph.hpp"
#include "graph/traversal.hpp"

namespace stakegraph::graph {

struct PathOptions {
  EdgeCost cost = EdgeCost::kHops;
  WeightSource weights = WeightSource::kEvidence;  // what a cost reads
  bool directed = false;                           // follow edge direction
  std::vector<Relation> relations;                 // empty: all
  std::vector<Kind> kinds;       // intermediate nodes of these kinds only; empty: all
  std::vector<NodeIndex> avoid;  // never pass through these
};

struct PathHop {
  NodeIndex from = 0;   // walked from ...
  NodeIndex to = 0;     // ... to
  EdgeRef edge;         // the edge of the hop (its own source/target may be to -> from)
  bool forward = true;  // whether the walk follows the edge's direction
  double cost = 1.0;
};

struct Path {
  std::vector<PathHop> hops;
  double cost = 0.0;
  std::size_t length() const { return hops.size(); }
  // The nodes along the path: from, ..., to (one node when from == to).
  std::vector<NodeIndex> nodes(NodeIndex from) const;
};

struct PathResult {
  std::vector<Path> paths;  // shortest first
  bool truncated = false;   // all_shortest_paths: more paths than `limit`
};

// The shortest path from `from` to `to`: no path -> empty result; from == to -> one path of
// length 0. Throws InvalidArgument for an out-of-range node, an endpoint in `avoid`, or
// costs over a non-positive weight.
PathResult shortest_path(const Graph& g, NodeIndex from, NodeIndex to,
                         const PathOptions& options = {});

// Up to k shortest loopless paths, in non-decreasing cost (Yen's algorithm). k = 0 -> empty.
PathResult k_shortest_paths(const Graph& g, NodeIndex from, NodeIndex to, std::size_t k,
                            const PathOptions& options = {});

// Paths kept by all_shortest_paths may take at most this much memory (about 56 bytes per
// hop): 40 chained diamonds have 2^40 shortest paths, and --limit 4000000000 ran out of
// memory instead of saying so.
inline constexpr std::uint64_t kMaxPathsBytes = 1ull << 30;

// Every shortest path (equal least cost), up to `limit` of them (truncated is set when there
// are more), in lexicographic order of node indices. The paths are counted first: when
// min(count, limit) of them would take more than kMaxPathsBytes, throws InvalidArgument
// (naming the largest limit that fits) before enumerating any.
PathResult all_shortest_paths(const Graph& g, NodeIndex from, NodeIndex to,
                              const PathOptions& options = {}, std::size_t limit = 1000);

// Single-source distances on a Csr, following out-rows: hops (BFS) or costs (Dijkstra).
// Unreached nodes: +infinity. Throws InvalidArgument for an out-of-range source.
std::vector<double> distances_from(const Csr& c, std::uint32_t source,
                                   EdgeCost cost = EdgeCost::kHops);

}  // namespace stakegraph::graph
