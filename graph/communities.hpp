// Community detection on the undirected CSR view: Louvain modularity optimisation with a
// Leiden-style refinement, label propagation, and modularity itself.
//
// Modularity (NetworkX convention, resolution gamma):
//   Q = sum_c [ L_c / m  -  gamma * (d_c / 2m)^2 ]
// with m the total edge weight, L_c the weight of edges inside community c and d_c the total
// degree (strength) of its nodes. Unweighted views count every edge 1; weighted views use
// the CSR weight (the file's weight or the evidence count, see graph/csr.hpp; negative
// weights are the caller's to refuse). A graph without edges has Q = 0.
//
// Louvain (Blondel et al. 2008, "Fast unfolding of communities in large networks") with the
// refinement phase of Leiden (Traag, Waltman, van Eck 2019, "From Louvain to Leiden:
// guaranteeing well-connected communities"):
//   1. local moving: nodes are visited from a queue (initially in a seeded random order); a
//      node moves to the neighbouring (or an empty) community of largest modularity gain;
//      when a node moves, its neighbours outside its new community are queued again.
//   2. refinement: inside every community, nodes start as singletons; a singleton node that
//      is well connected to its community joins the well-connected sub-community of largest
//      non-negative gain (greedy variant of Leiden's randomised choice). Sub-communities are
//      therefore connected.
//   3. aggregation: each refined sub-community becomes one node (internal weight kept as a
//      self-loop); the aggregate starts from the unrefined partition, and 1-3 repeat until
//      no community can be merged further.
//   `iterations` repeats 1-3 starting from the partition found (Leiden's iterations).
//   Finally every community is split into the connected components of the subgraph it
//   induces (a guarantee on top of the refinement), which never lowers Q for gamma > 0.
//   Refinement and aggregation run in parallel (OpenMP) over communities and over
//   contiguous ranges of aggregate nodes; local moving is sequential. `restarts` independent
//   runs (seeds seed, seed+1, ...) run in parallel and the highest Q wins (ties: the lowest
//   seed). Results depend on the seed only, never on the thread count.
//   Complexity: about O(E) per level and O(E log V) overall in practice; memory O(V + E)
//   per concurrent run (the level graphs use 8-byte weights: about 12 bytes per CSR entry).
//
// Label propagation (Raghavan, Albert, Kumara 2007): every node starts with its own label;
// sweeps visit the nodes in a seeded random order (asynchronous updates) and a node takes the
// label of largest total edge weight among its neighbours, keeping its own label when it is
// among the best and otherwise choosing among the tied best labels with the seeded generator.
// Stops when a sweep changes nothing or after max_iterations sweeps. Labels are then split
// into connected parts. Complexity: O(E) per sweep.
//
// Results use canonical cluster ids (largest first, see graph/components.hpp); every node is
// in exactly one community; isolated nodes are communities of their own.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "graph/csr.hpp"

namespace stakegraph::graph {

struct LouvainOptions {
  double resolution = 1.0;  // gamma > 0; larger gives more, smaller communities
  std::uint64_t seed = 1;
  int restarts = 1;    // independent seeded runs, best modularity kept (>= 1)
  int iterations = 2;  // each run: rerun the levels from the partition found (>= 1)
  bool refine = true;  // Leiden-style refinement before aggregation
  int max_levels = 64;
  // Progress: called with (passes done, passes in all = restarts * iterations) after each
  // pass, from one thread at a time (never concurrently). Must not throw.
  std::function<void(std::uint64_t, std::uint64_t)> progress;
};

struct LabelPropagationOptions {
  std::uint64_t seed = 1;
  int max_iterations = 100;  // sweeps
};

struct CommunityResult {
  std::vector<std::uint32_t> membership;  // community id by node
  std::uint32_t count = 0;                // number of communities
  double modularity = 0.0;                // at the requested resolution, recomputed from scratch
  int levels = 0;                         // Louvain: aggregation levels of the winning run
  int iterations = 0;                     // label propagation: sweeps run
  std::uint64_t seed = 0;                 // Louvain: the seed of the winning run
};

// Throws InvalidArgument for a directed view, resolution <= 0 or not finite, restarts < 1 or
// iterations < 1.
CommunityResult louvain(const Csr& g, const LouvainOptions& options = {});

// Throws InvalidArgument for a directed view or max_iterations < 1.
CommunityResult label_propagation(const Csr& g, const LabelPropagationOptions& options = {});

// Modularity of a partition (labels any values below g.n). Returns 0 for a graph without
// edges. Throws InvalidArgument for a directed view or a membership of the wrong size or
// with a label out of range. O(V + E).
double modularity(const Csr& g, const std::vector<std::uint32_t>& membership,
                  double resolution = 1.0);

}  // namespace stakegraph::graph
