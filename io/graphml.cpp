// TEMPORARY STUB: replaced by the real implementation.
#include "io/graphml.hpp"
#include "graph/error.hpp"
namespace stakegraph::io {
void write_graphml(const graph::Graph&, std::ostream&) { throw graph::Error("graphml: not implemented"); }
graph::Graph load_graphml(const std::string& p) { throw graph::Error(p + ": graphml: not implemented"); }
}  // namespace stakegraph::io
