// Single-source traversal kernels over the CSR view, shared by centrality (closeness,
// harmonic, betweenness) and paths: breadth-first search for hop distances and Dijkstra for
// costed distances, each with a reusable workspace so that running one per source (n times in
// an all-sources kernel) costs O(visited) to reset rather than O(n).
//
// Conventions:
// - An Adjacency is one direction of a Csr: out-rows (follow edges) or in-rows (walk edges
//   backwards); for an undirected Csr both are the same rows.
// - EdgeCost says what one CSR entry costs: kHops (1 per hop, weights ignored),
//   kInverseWeight (1 / weight: the product's "weighted" paths, where an edge seen in more
//   evidence is shorter), kWeight (the weight itself, as NetworkX's `weight=` length; used by
//   the oracle tests and by CSV weights read as distances). On an unweighted Csr every
//   entry costs 1 whatever the choice.
// Complexity: BFS O(V' + E') and Dijkstra O((V' + E') log V') for the part V', E' reached.
#pragma once

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <queue>
#include <utility>
#include <vector>

#include "graph/csr.hpp"
#include "graph/error.hpp"

namespace stakegraph::graph {

enum class EdgeCost : std::uint8_t { kHops, kInverseWeight, kWeight };

struct Adjacency {
  std::uint32_t n = 0;
  const std::uint64_t* offsets = nullptr;
  const std::uint32_t* targets = nullptr;
  const float* weights = nullptr;  // nullptr when unweighted

  double cost(std::uint64_t i, EdgeCost c) const {
    if (c == EdgeCost::kHops || weights == nullptr) return 1.0;
    return c == EdgeCost::kInverseWeight ? 1.0 / static_cast<double>(weights[i])
                                         : static_cast<double>(weights[i]);
  }
};

// Out-rows of `c` (for an undirected Csr: its only rows).
inline Adjacency out_adjacency(const Csr& c) {
  return {c.n, c.offsets.data(), c.targets.data(), c.weights.empty() ? nullptr : c.weights.data()};
}

// In-rows of a directed Csr (edges walked backwards); the rows themselves when undirected.
inline Adjacency in_adjacency(const Csr& c) {
  if (!c.directed) return out_adjacency(c);
  return {c.n, c.in_offsets.data(), c.in_sources.data(),
          c.in_weights.empty() ? nullptr : c.in_weights.data()};
}

// Throws InvalidArgument when `cost` reads weights and one is not a positive finite number
// (Dijkstra needs positive lengths).
inline void check_costs(const Csr& c, EdgeCost cost) {
  if (cost == EdgeCost::kHops || c.weights.empty()) return;
  for (float w : c.weights) {
    if (!(w > 0.0f) || !std::isfinite(w))
      throw InvalidArgument("weighted paths need positive finite edge weights");
  }
}

// Breadth-first search from one source. After run(), dist[v] is the hop distance of every
// node reached (-1 for the others) and order[0 .. reached) lists the reached nodes in BFS
// order (the source first).
class BfsWorkspace final {
 public:
  explicit BfsWorkspace(std::uint32_t n) : dist_(n, -1), order_(n) {}

  std::uint32_t run(const Adjacency& a, std::uint32_t source) {
    clear();
    dist_[source] = 0;
    order_[0] = source;
    std::uint32_t head = 0, tail = 1;
    while (head < tail) {
      const std::uint32_t v = order_[head++];
      const std::int32_t next = dist_[v] + 1;
      for (std::uint64_t i = a.offsets[v]; i < a.offsets[v + 1]; ++i) {
        const std::uint32_t w = a.targets[i];
        if (dist_[w] < 0) {
          dist_[w] = next;
          order_[tail++] = w;
        }
      }
    }
    reached_ = tail;
    return tail;
  }

  void clear() {
    for (std::uint32_t i = 0; i < reached_; ++i) dist_[order_[i]] = -1;
    reached_ = 0;
  }

  const std::vector<std::int32_t>& dist() const { return dist_; }
  const std::vector<std::uint32_t>& order() const { return order_; }
  std::uint32_t reached() const { return reached_; }

 private:
  std::vector<std::int32_t> dist_;
  std::vector<std::uint32_t> order_;
  std::uint32_t reached_ = 0;
};

// Dijkstra from one source with a binary heap. After run(), dist[v] is the least cost of
// every node reached (+infinity for the others) and order[0 .. reached) lists the reached
// nodes in the order they were settled (non-decreasing distance, the source first).
class DijkstraWorkspace final {
 public:
  static constexpr double kInfinity = std::numeric_limits<double>::infinity();

  explicit DijkstraWorkspace(std::uint32_t n) : dist_(n, kInfinity), done_(n, 0) {
    order_.reserve(n);
  }

  std::uint32_t run(const Adjacency& a, std::uint32_t source, EdgeCost cost) {
    clear();
    dist_[source] = 0.0;
    touched_.push_back(source);
    heap_.emplace(0.0, source);
    while (!heap_.empty()) {
      const auto [d, v] = heap_.top();
      heap_.pop();
      if (done_[v]) continue;
      done_[v] = 1;
      order_.push_back(v);
      for (std::uint64_t i = a.offsets[v]; i < a.offsets[v + 1]; ++i) {
        const std::uint32_t w = a.targets[i];
        const double nd = d + a.cost(i, cost);
        if (nd < dist_[w]) {
          if (dist_[w] == kInfinity) touched_.push_back(w);
          dist_[w] = nd;
          heap_.emplace(nd, w);
        }
      }
    }
    return static_cast<std::uint32_t>(order_.size());
  }

  void clear() {
    for (std::uint32_t v : touched_) {
      dist_[v] = kInfinity;
      done_[v] = 0;
    }
    touched_.clear();
    order_.clear();
  }

  const std::vector<double>& dist() const { return dist_; }
  const std::vector<std::uint32_t>& order() const { return order_; }
  std::uint32_t reached() const { return static_cast<std::uint32_t>(order_.size()); }

 private:
  using Entry = std::pair<double, std::uint32_t>;
  std::vector<double> dist_;
  std::vector<std::uint8_t> done_;
  std::vector<std::uint32_t> order_;
  std::vector<std::uint32_t> touched_;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap_;
};

}  // namespace stakegraph::graph
