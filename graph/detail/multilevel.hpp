// Pieces shared by the multilevel local searches of graph/communities.cpp (Louvain, Leiden)
// and graph/camps.cpp (signed camps) (internal). Each keeps its own level graph, moves and
// aggregation, since their objectives differ (modularity with self-loops, frustration).
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

namespace stakegraph::graph::detail {

inline constexpr std::uint32_t kUnsetLabel = std::numeric_limits<std::uint32_t>::max();

// Renumbers labels (each < bound) to 0..k-1 in order of first appearance; returns k.
// `scratch` is reused between calls. O(bound + labels).
inline std::uint32_t densify(std::vector<std::uint32_t>& labels, std::uint32_t bound,
                             std::vector<std::uint32_t>& scratch) {
  scratch.assign(bound, kUnsetLabel);
  std::uint32_t k = 0;
  for (auto& c : labels) {
    if (scratch[c] == kUnsetLabel) scratch[c] = k++;
    c = scratch[c];
  }
  return k;
}

}  // namespace stakegraph::graph::detail
