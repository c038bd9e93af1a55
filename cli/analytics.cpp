#include "cli/analytics.hpp"

#include <iostream>

#include <google/protobuf/util/json_util.h>
#include <nlohmann/json.hpp>

#include "cli/common.hpp"
#include "graph/error.hpp"
#include "io/formats.hpp"
#include "io/input.hpp"

namespace stakegraph::cli {

graph::Graph load_filtered(const std::string& file, const graph::FilterOptions& filter) {
  graph::Graph g = io::load_graph(file);
  if (filter.selects_everything()) return g;
  return graph::filter(g, filter);
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  while (true) {
    const auto bad = io::find_invalid_utf8(text);
    if (!bad) break;
    out.append(text.substr(0, *bad));
    out.append("\xEF\xBF\xBD");
    text.remove_prefix(*bad + 1);
  }
  out.append(text);
  return out;
}

void print_message_json(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;
  std::string text;
  const auto status = google::protobuf::util::MessageToJsonString(message, &text, options);
  if (!status.ok()) throw graph::Error("cannot print the result as JSON: " + status.ToString());
  // Re-indented like print_json, keeping the field order of the proto.
  std::cout << nlohmann::ordered_json::parse(text).dump(
                   2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
            << "\n";
}

}  // namespace stakegraph::cli
