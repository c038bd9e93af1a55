// DOT export: the one DOT writer shared by `convert`, `extract --format dot` and `render`.
#pragma once

#include <iosfwd>

#include "graph/graph.hpp"

namespace stakegraph::io {

void write_dot(const graph::Graph& g, std::ostream& out);

}  // namespace stakegraph::io
