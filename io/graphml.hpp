// GraphML (http://graphml.graphdrawing.org/) export and import with typed keys: node `name`,
// `kind`, `aliases`; edge `relation`, `sign` (int), `weight` (double), `evidence_count` (int),
// `first_seen`, `last_seen`. Loads in Gephi, Cytoscape, NetworkX and igraph.
#pragma once

#include <iosfwd>
#include <string>

#include "graph/graph.hpp"

namespace stakegraph::io {

void write_graphml(const graph::Graph& g, std::ostream& out);
// Throws graph::ParseError with file and line.
graph::Graph load_graphml(const std::string& path);

}  // namespace stakegraph::io
