// One entry point for the clustering methods, chosen by an enum: connected components,
// strongly connected components, Louvain communities, label propagation (graph/components.hpp,
// graph/communities.hpp) and signed camps (graph/camps.hpp). Used by `clusters` and by the
// cluster boxes of `render` and `report` (io/render/draw_selection.hpp), so that a cluster has
// the same number everywhere for the same graph and options.
//
// Conventions: clusters are numbered 0..count-1, largest first (as each method numbers them);
// the modularity is always computed, on the undirected view weighted as options.source says,
// at options.resolution (graph/communities.hpp). Camps run on the signed view (cooperative +,
// conflictual -, neutral ignored) with max(8, restarts) local-search starts.
// Complexity: building the views O(V + E) plus the method's own (components O(V + E);
// Louvain and label propagation see graph/communities.hpp; camps see graph/camps.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "graph/components.hpp"
#include "graph/csr.hpp"
#include "graph/edge_weight.hpp"
#include "graph/graph.hpp"

namespace stakegraph::graph {

enum class ClusterMethod { kComponents, kStrongComponents, kLouvain, kLabelPropagation, kCamps };

// "components", "strong-components", "louvain", "label-propagation", "camps".
std::string_view cluster_method_name(ClusterMethod m) noexcept;
// The inverse of cluster_method_name (exact match); nullopt for another name.
std::optional<ClusterMethod> parse_cluster_method(std::string_view name) noexcept;
// True for the methods that add weights up (all but the components): their weights must not
// be negative.
bool cluster_method_adds_weights(ClusterMethod m) noexcept;

struct ClusterOptions {
  ClusterMethod method = ClusterMethod::kLouvain;
  double resolution = 1.0;  // Louvain's gamma, and the modularity reported
  std::uint64_t seed = 1;   // Louvain (seeds seed, seed+1, ...), label propagation, camps
  int restarts = 4;         // Louvain: independent runs; camps: max(8, restarts) starts
  WeightSource source = WeightSource::kNone;  // kNone: unweighted
  // Louvain: called with (passes done, passes in all), as LouvainOptions::progress.
  std::function<void(std::uint64_t, std::uint64_t)> progress;
  // Connected components kernel (empty: graph::connected_components), so that a program
  // can put a distributed one in its place.
  std::function<ComponentsResult(const Csr&)> components;
};

struct ClusterResult {
  std::vector<std::uint32_t> membership;  // cluster id by node (largest first)
  std::uint32_t count = 0;
  double modularity = 0.0;  // of membership, on the undirected view (see the file comment)
  // Louvain: the seed of the winning run and its levels; label propagation: sweeps run.
  std::uint64_t seed = 0;
  int levels = 0;
  int iterations = 0;
  // Camps only (is_signed): the frustration, whether every component was solved to
  // optimality, and the number of signed ties (pairs) of the signed view.
  bool is_signed = false;
  double frustration = 0.0;
  bool optimal = true;
  std::size_t signed_ties = 0;
};

// The clusters of `g` by options.method. Throws InvalidArgument for a negative (or, for
// Louvain, label propagation and camps, non-finite) weight of options.source, naming the
// edge (require_positive_weights with zero allowed), and what the methods throw.
ClusterResult cluster(const Graph& g, const ClusterOptions& options);

// The same on prebuilt views (every method but camps, which needs the signed graph: throws
// InvalidArgument): `undirected` weighted as options.source says; `directed()` gives the
// unweighted directed view and is called for strong components only. Weights are the
// caller's to check.
ClusterResult cluster(const Csr& undirected, const std::function<const Csr&()>& directed,
                      const ClusterOptions& options);

}  // namespace stakegraph::graph
