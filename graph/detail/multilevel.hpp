// Pieces shared by the multilevel local searches of graph/communities.cpp (Louvain, Leiden)
// and graph/camps.cpp (signed camps) (internal). Each keeps its own level graph, moves and
// aggregation, since their objectives differ (modularity with self-loops, frustration); the
// descent from level to level (Descent) is one.
#pragma once

#include <cstdint>
#include <limits>
#include <utility>
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

// The state of one multilevel descent over a level graph type `Level` (a struct with the
// node count `n`): the current level (the base graph first), the groups of its nodes, and
// the map from each base node to its node of the current level. A search moves nodes on
// level(), then calls coarsen() to go one level down, until no group merges; membership()
// is then the groups of the base nodes. The caller's aggregate(level, labels, k) builds the
// next level graph whose node i is the nodes labelled i. Memory: the current level and
// O(base n) labels.
template <class Level>
class Descent {
 public:
  Descent(const Level& base, std::vector<std::uint32_t> membership)
      : cur_(&base), map_(base.n), groups_(std::move(membership)) {
    for (std::uint32_t v = 0; v < base.n; ++v) map_[v] = v;
  }
  Descent(const Descent&) = delete;
  Descent& operator=(const Descent&) = delete;

  const Level& level() const { return *cur_; }
  std::vector<std::uint32_t>& groups() { return groups_; }

  // Goes one level down. `groups()` holds k groups numbered 0..k-1 (densified); `labels` is
  // a refinement of them, each group split into subsets. Aggregates by the refined labels,
  // or by the groups when refinement merged nothing (every label a singleton), and carries
  // the groups to the new level. O(level size).
  template <class Aggregate>
  void coarsen(std::vector<std::uint32_t> labels, std::uint32_t k,
               std::vector<std::uint32_t>& scratch, Aggregate&& aggregate) {
    std::uint32_t kr = densify(labels, cur_->n, scratch);
    if (kr == cur_->n) {  // refinement merged nothing: aggregate the groups
      labels = groups_;
      kr = k;
    }
    std::vector<std::uint32_t> next_groups(kr);
    for (std::uint32_t v = 0; v < cur_->n; ++v) next_groups[labels[v]] = groups_[v];
    Level next = aggregate(*cur_, labels, kr);
    for (auto& m : map_) m = labels[m];
    store_ = std::move(next);
    cur_ = &store_;
    groups_ = std::move(next_groups);
  }

  // The group of every base node. O(base n).
  std::vector<std::uint32_t> membership() const {
    std::vector<std::uint32_t> out(map_.size());
    for (std::size_t v = 0; v < map_.size(); ++v) out[v] = groups_[map_[v]];
    return out;
  }

 private:
  const Level* cur_;
  Level store_;
  std::vector<std::uint32_t> map_;     // base node -> node of the current level
  std::vector<std::uint32_t> groups_;  // node of the current level -> group
};

}  // namespace stakegraph::graph::detail
