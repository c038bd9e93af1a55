#include "cli/json_views.hpp"

#include <google/protobuf/util/json_util.h>

#include "graph/error.hpp"

namespace stakegraph::cli {

nlohmann::ordered_json message_json(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;
  std::string text;
  const auto status = google::protobuf::util::MessageToJsonString(message, &text, options);
  if (!status.ok()) throw graph::Error("cannot print the result as JSON: " + status.ToString());
  return nlohmann::ordered_json::parse(text);
}

nlohmann::json graph_summary_json(const graph::Graph& g, const std::string& path) {
  return {{"path", path},
          {"nodes", g.node_count()},
          {"edges", g.edge_count()},
          {"articles", g.articles().size()},
          {"evidence", g.evidence_count()}};
}

}  // namespace stakegraph::cli
