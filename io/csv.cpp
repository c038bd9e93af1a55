// TEMPORARY STUB: replaced by the real implementation.
#include "io/csv.hpp"
#include "graph/error.hpp"
namespace stakegraph::io {
void write_csv(const graph::Graph&, std::ostream&) { throw graph::Error("csv: not implemented"); }
graph::Graph load_csv(const std::string& p) { throw graph::Error(p + ": csv: not implemented"); }
}  // namespace stakegraph::io
