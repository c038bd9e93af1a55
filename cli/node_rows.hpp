// What a command prints of the nodes (id, name, kind) and the graph's size, from a loaded
// graph::Graph or from the topology arrays of a version 3 .sgpb file
// (io/topology_arrays.hpp), so that one printing function serves both paths and prints the
// same bytes. Both are views: the graph or the arrays must outlive them.
#pragma once

#include <cstddef>
#include <string_view>

#include "graph/graph.hpp"
#include "io/topology_arrays.hpp"

namespace stakegraph::cli {

struct GraphRows {
  const graph::Graph& g;
  std::size_t node_count() const { return g.node_count(); }
  std::size_t edge_count() const { return g.edge_count(); }
  std::string_view id(graph::NodeIndex v) const { return g.node(v).id; }
  std::string_view name(graph::NodeIndex v) const { return g.node(v).name; }
  graph::Kind kind(graph::NodeIndex v) const { return g.node(v).kind; }
};

struct ArrayRows {
  const io::TopologyArrays& t;
  std::size_t edges;  // counted before the edge arrays were released
  std::size_t node_count() const { return t.node_count(); }
  std::size_t edge_count() const { return edges; }
  std::string_view id(graph::NodeIndex v) const { return t.id(v); }
  std::string_view name(graph::NodeIndex v) const { return t.name(v); }
  graph::Kind kind(graph::NodeIndex v) const { return t.kinds[v]; }
};

}  // namespace stakegraph::cli
