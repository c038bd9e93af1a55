// CSV edge lists (RFC 4180 quoting): header required, columns
// `source,target[,relation][,weight][,source_kind][,target_kind]` in any order. Unknown or
// missing kinds are `organization`; a missing relation is `related_to`.
#pragma once

#include <iosfwd>
#include <string>

#include "graph/graph.hpp"

namespace stakegraph::io {

void write_csv(const graph::Graph& g, std::ostream& out);
// Throws graph::ParseError with file and line.
graph::Graph load_csv(const std::string& path);

}  // namespace stakegraph::io
