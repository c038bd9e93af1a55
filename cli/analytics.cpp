#include "cli/analytics.hpp"

#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/common.hpp"
#include "cli/json_views.hpp"
#include "graph/error.hpp"
#include "io/formats/formats.hpp"
#include "io/formats/query_views.hpp"

namespace stakegraph::cli {

bool filter_reads_evidence(const graph::FilterOptions& filter) {
  return filter.exclude_hedged || filter.since != graph::kNoDate || filter.until != graph::kNoDate;
}

graph::Graph load_filtered(const std::string& file, const graph::FilterOptions& filter,
                           bool needs_evidence) {
  graph::Graph g = needs_evidence || filter_reads_evidence(filter)
                       ? io::load_graph(file)
                       : io::load_graph_topology(file).graph;
  if (filter.selects_everything()) return g;
  return graph::filter(g, filter);
}

std::string valid_utf8(std::string_view text) { return io::valid_utf8(text); }

void print_message_json(const google::protobuf::Message& message, std::ostream& out) {
  out << message_json(message).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
      << "\n";
}

}  // namespace stakegraph::cli
