#include "cli/analytics.hpp"

#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/common.hpp"
#include "cli/json_views.hpp"
#include "graph/error.hpp"
#include "io/formats.hpp"
#include "io/query_views.hpp"

namespace stakegraph::cli {

graph::Graph load_filtered(const std::string& file, const graph::FilterOptions& filter) {
  graph::Graph g = io::load_graph(file);
  if (filter.selects_everything()) return g;
  return graph::filter(g, filter);
}

std::string valid_utf8(std::string_view text) { return io::valid_utf8(text); }

void print_message_json(const google::protobuf::Message& message) {
  std::cout << message_json(message).dump(2, ' ', false,
                                          nlohmann::ordered_json::error_handler_t::replace)
            << "\n";
}

}  // namespace stakegraph::cli
