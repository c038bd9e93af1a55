// Camps: "who stands with whom". A partition of the signed graph into any number of groups
// that minimises frustration, the weight of cooperative (+) ties between groups plus
// conflictual (-) ties inside groups (correlation clustering, Bansal, Blum, Chawla 2004;
// structural balance after Cartwright and Harary 1956, without fixing the number of groups).
//
// The signed view:
// - An edge's sign is EdgeData::sign (the relation's sign from the ontology: PLOVER
//   cooperative +, conflictual -, allied_with/member_of/part_of/owns/supplies +,
//   implicates -). Neutral edges (sign 0: linked_to, operates_in, reports, related_to) are
//   ignored. Direction is ignored; self-loops are dropped.
// - All edges between two nodes (several relations, both directions) are combined into one
//   signed weight: the sum of sign x weight, where weight is 1 (unweighted) or the edge's
//   weight read by `source` (weighted; graph/edge_weight.hpp: evidence count by default, an
//   edge without evidence counting 1; a user weight must not be negative, the caller checks).
//   A pair whose sum is 0 is
//   no tie. Frustration is measured on these combined weights: a pair with net weight w > 0
//   costs w when split, a pair with w < 0 costs |w| when together. (Opposed parallel edges
//   cost min(pos, neg) whatever the partition; that constant is not counted.)
// - The number of camps is free: a node with only conflictual ties is a camp of its own,
//   and so is a node without signed ties.
//
// Method, per connected component of the signed view:
// - every component first gets a multilevel local search (seeded multi-start, in parallel:
//   nodes move to the neighbouring or a new group of largest frustration decrease; each group
//   is refined into sub-groups of positively tied nodes (after Leiden), the sub-groups are
//   aggregated into nodes and moved again, Louvain-style; the descent is repeated from its
//   result while frustration decreases);
// - a component of at most `exact_limit` nodes is then solved exactly by branch and bound
//   over set partitions (restricted-growth assignment, nodes in order of connection to the
//   ones placed; bound: for every unplaced node, the cheapest choice against the placed
//   nodes), starting from the local-search cost. If the search exceeds `exact_budget`
//   search nodes it stops and the result is flagged inexact (the best found is kept).
// Complexity: local search about O(restarts * E log V); branch and bound exponential in the
// component size (bounded by exact_budget). The result is deterministic for a given seed.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/edge_weight.hpp"
#include "graph/graph.hpp"

namespace stakegraph::graph {

// Undirected signed graph: combined signed weights per pair (never 0), rows sorted.
struct SignedGraph {
  std::uint32_t n = 0;
  std::vector<std::uint64_t> offsets;  // n + 1
  std::vector<std::uint32_t> targets;
  std::vector<double> weights;  // parallel to targets; the pair's net signed weight
};

struct SignedEdge {
  std::uint32_t u = 0, v = 0;
  double weight = 0.0;  // signed
};

struct SignedOptions {
  bool weighted = false;  // weight each edge by edge_weight(source)
  WeightSource source = WeightSource::kEvidence;
};

// The signed view of a graph (see the file comment).
SignedGraph build_signed(const Graph& g, const SignedOptions& options = {});

// From a signed edge list on nodes 0..n-1, combined the same way (tests, benchmarks). Throws
// InvalidArgument for an out-of-range node or a non-finite weight.
SignedGraph build_signed(std::uint32_t n, const std::vector<SignedEdge>& edges);

// Frustration of a partition (labels any values). Throws InvalidArgument if the membership
// size differs from n. O(V + E).
double frustration(const SignedGraph& g, const std::vector<std::uint32_t>& membership);

struct CampsOptions {
  std::uint64_t seed = 1;
  int restarts = 8;                         // local-search starts per run (>= 1)
  std::uint32_t exact_limit = 20;           // components up to this size: branch and bound
  std::uint64_t exact_budget = 20'000'000;  // search nodes per component before giving up
};

struct CampsResult {
  std::vector<std::uint32_t> membership;  // camp id by node (largest camp first)
  std::uint32_t count = 0;
  double frustration = 0.0;                // recomputed from scratch
  bool exact = true;                       // every component solved to optimality
  std::uint32_t exact_components = 0;      // components of >= 2 nodes proven optimal
  std::uint32_t heuristic_components = 0;  // components left to the local search
};

// Throws InvalidArgument for restarts < 1.
CampsResult camps(const SignedGraph& g, const CampsOptions& options = {});

}  // namespace stakegraph::graph
