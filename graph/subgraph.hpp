// Subgraphs of a Graph: filters by node kind, relation, sign, hedging and date range, and
// ego networks (a node and everything within `depth` hops). Both return new Graph values
// that keep node ids, names, aliases, attributes, articles and the surviving evidence.
//
// Conventions:
// - A node survives when its kind is selected (all kinds when `kinds` is empty).
// - An edge survives when both endpoints survive, its relation and sign are selected, and,
//   with a date range, at least one of its evidence dates (or, for edges without dated
//   evidence, its first/last seen dates) lies in [since, until]; evidence outside the range
//   is dropped from the copy. Undated edges are dropped when a range is set.
// - exclude_hedged drops hedged evidence; an edge whose evidence was all hedged is dropped
//   (edges without any evidence, e.g. from CSV imports, are kept).
// - drop_isolated removes nodes left without edges.
// Complexity: O(V + E + evidence).
#pragma once

#include <optional>
#include <vector>

#include "graph/graph.hpp"

namespace stakegraph::graph {

struct FilterOptions {
  std::vector<Kind> kinds;          // empty: all
  std::vector<Relation> relations;  // empty: all
  std::vector<int> signs;           // subset of {-1, 0, +1}; empty: all
  bool exclude_hedged = false;
  Date since = kNoDate;  // kNoDate: unbounded
  Date until = kNoDate;
  bool drop_isolated = false;

  bool selects_everything() const noexcept {
    return kinds.empty() && relations.empty() && signs.empty() && !exclude_hedged &&
           since == kNoDate && until == kNoDate && !drop_isolated;
  }
};

Graph filter(const Graph& g, const FilterOptions& options);

enum class Direction { kOut, kIn, kBoth };

struct EgoOptions {
  int depth = 1;  // 0: the node alone
  Direction direction = Direction::kBoth;
  FilterOptions filter;  // applied first
};

// The induced subgraph on the nodes within `depth` hops of `center` (a node of `g`).
// Throws InvalidArgument for a negative depth or an out-of-range center.
Graph ego_network(const Graph& g, NodeIndex center, const EgoOptions& options = {});

// The subgraph induced by the given nodes of `g` (all edges among them, all their evidence).
Graph induced_subgraph(const Graph& g, const std::vector<NodeIndex>& nodes);

}  // namespace stakegraph::graph
