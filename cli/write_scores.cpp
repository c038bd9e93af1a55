// --write OUT: the graph with per-node results as node attributes (cli/weight_option.hpp).
#include <charconv>
#include <cmath>

#include "cli/weight_option.hpp"
#include "graph/error.hpp"
#include "io/formats/formats.hpp"

namespace stakegraph::cli {

void write_node_values(graph::Graph g, const std::string& key, const std::vector<double>& values,
                       const std::string& out, const std::string& nodes, bool force) {
  const auto format = io::format_from_path(out);
  if (!format)
    throw graph::InvalidArgument(out +
                                 ": --write: cannot tell the format from the extension (use "
                                 ".sgpb, .json, .graphml, .gexf or .csv with --nodes)");
  if (*format == io::Format::kDot)
    throw graph::InvalidArgument(out +
                                 ": --write: DOT carries no node attributes (use .sgpb, "
                                 ".json, .graphml, .gexf or .csv with --nodes)");
  if (*format == io::Format::kCsv && nodes.empty())
    throw graph::InvalidArgument(out +
                                 ": --write: a CSV edge list carries no node attributes: "
                                 "add --nodes FILE for the nodes file");
  for (graph::NodeIndex v = 0; v < g.node_count() && v < values.size(); ++v) {
    if (std::isnan(values[v])) continue;
    char buf[64];
    const auto end = std::to_chars(buf, buf + sizeof buf, values[v]).ptr;
    g.set_attribute(v, key, std::string_view(buf, static_cast<std::size_t>(end - buf)));
  }
  io::save_graph(g, out, format, {.force = force, .csv_nodes = nodes});
}

}  // namespace stakegraph::cli
