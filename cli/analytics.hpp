// Helpers shared by the query subcommands: loading a graph with the --kind/--relation/--since/
// --until filter applied (stats, centrality, clusters), and printing a query-result message of
// proto/query.proto as JSON (centrality, clusters, path, neighbors, show, diff, timeline)
// (protobuf's printer with the proto field names and every primitive field, re-indented like the
// other subcommands' JSON).
#pragma once

#include <iostream>
#include <string>
#include <string_view>

#include <google/protobuf/message.h>

#include "graph/graph.hpp"
#include "graph/subgraph.hpp"

namespace stakegraph::cli {

// Loads `file`; returns the filtered copy, or the graph itself when the filter selects
// everything. Without `needs_evidence`, and when the filter reads no evidence (no dates, no
// hedging), a .sgpb file of format version 3 gives its topology alone
// (io::load_graph_topology): the same nodes and edges, evidence counted but not loaded.
graph::Graph load_filtered(const std::string& file, const graph::FilterOptions& filter,
                           bool needs_evidence = true);

// Whether the filter flags read evidence (dates, hedging): then the whole graph is loaded.
bool filter_reads_evidence(const graph::FilterOptions& filter);

// `text` with every invalid UTF-8 byte replaced by U+FFFD (protobuf strings must be UTF-8).
std::string valid_utf8(std::string_view text);

// Prints `message` as JSON on `out` (stdout by default). Throws graph::Error if protobuf
// cannot print it.
void print_message_json(const google::protobuf::Message& message, std::ostream& out = std::cout);

}  // namespace stakegraph::cli
