// What a command prints of the nodes (id, name, kind) and the graph's size, from a loaded
// graph::Graph or from the topology arrays of a version 3 .sgpb file
// (io/formats/topology_arrays.hpp), so that one printing function serves both paths and prints the
// same bytes. Both are views: the graph or the arrays must outlive them. FetchedRows holds
// the labels that a distributed job gathered for the rows it prints.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cli/kernels.hpp"
#include "graph/graph.hpp"
#include "io/formats/topology_arrays.hpp"

namespace stakegraph::cli {

struct GraphRows {
  const graph::Graph& g;
  std::size_t node_count() const { return g.node_count(); }
  std::size_t edge_count() const { return g.edge_count(); }
  std::string_view id(graph::NodeIndex v) const { return g.node(v).id; }
  std::string_view name(graph::NodeIndex v) const { return g.node(v).name; }
  graph::Kind kind(graph::NodeIndex v) const { return g.node(v).kind; }
};

// Arrays loaded without labels (TopologyArraysOptions::labels false) name only the nodes in
// `labels` (io::load_node_labels).
struct ArrayRows {
  const io::TopologyArrays& t;
  std::size_t edges;  // counted before the edge arrays were released
  io::NodeLabels labels = {};
  std::size_t node_count() const { return t.node_count(); }
  std::size_t edge_count() const { return edges; }
  std::string_view id(graph::NodeIndex v) const { return t.labeled ? t.id(v) : labels.id(v); }
  std::string_view name(graph::NodeIndex v) const { return t.labeled ? t.name(v) : labels.name(v); }
  graph::Kind kind(graph::NodeIndex v) const { return t.kinds[v]; }
};

// The labels of some nodes only, fetched from the processes that hold them
// (WholeFile::labels): by node, "" and an organization for the nodes not fetched.
struct FetchedRows {
  std::size_t nodes, edges;
  std::vector<std::string> ids, names;
  std::vector<graph::Kind> kinds;
  std::size_t node_count() const { return nodes; }
  std::size_t edge_count() const { return edges; }
  std::string_view id(graph::NodeIndex v) const { return ids[v]; }
  std::string_view name(graph::NodeIndex v) const { return names[v]; }
  graph::Kind kind(graph::NodeIndex v) const { return kinds[v]; }
};

// The rows of a file held in parts with the labels of `wanted` fetched (one collective call).
inline FetchedRows fetch_rows(WholeFile& file, const std::vector<std::uint32_t>& wanted) {
  const std::size_t n = file.node_count();
  WholeFile::Labels l = file.labels(wanted);
  FetchedRows rows{n, file.edge_count(), std::vector<std::string>(n), std::vector<std::string>(n),
                   std::vector<graph::Kind>(n, graph::Kind::kOrganization)};
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    rows.ids[wanted[i]] = std::move(l.ids[i]);
    rows.names[wanted[i]] = std::move(l.names[i]);
    rows.kinds[wanted[i]] = l.kinds[i];
  }
  return rows;
}

}  // namespace stakegraph::cli
