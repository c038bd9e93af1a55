// JSON output helpers of the subcommands: protobuf messages (proto/query.proto, built by
// io/formats/query_views.hpp) as nlohmann JSON values, and the graph summary that `stats`, `ingest`
// and `import gdelt` print with --json.
#pragma once

#include <string>

#include <google/protobuf/message.h>
#include <nlohmann/json.hpp>

#include "graph/graph.hpp"

namespace stakegraph::cli {

// `message` as protobuf's JSON printer writes it (proto field names, every primitive
// field), in field order. Throws graph::Error if protobuf cannot print it.
nlohmann::ordered_json message_json(const google::protobuf::Message& message);

// {"path", "nodes", "edges", "articles", "evidence"} of a graph file.
nlohmann::json graph_summary_json(const graph::Graph& g, const std::string& path);

}  // namespace stakegraph::cli
