// TEMPORARY STUB: replaced by the real implementation.
#include "io/dot.hpp"
#include "graph/error.hpp"
namespace stakegraph::io {
void write_dot(const graph::Graph&, std::ostream&) { throw graph::Error("dot: not implemented"); }
}  // namespace stakegraph::io
