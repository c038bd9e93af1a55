// Helpers shared by the subcommands: node lookup with suggestions, option parsing for
// kinds, relations and dates, and JSON views of nodes and edges in the ontology's shape.
#pragma once

#include <iostream>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph/error.hpp"
#include "graph/graph.hpp"
#include "graph/subgraph.hpp"
#include "io/file_lock.hpp"

namespace stakegraph::cli {

// Finds a node by name, alias or id. Throws graph::NotFound naming the graph file and
// suggesting the closest names ("did you mean: Huawei, Huawei Marine?").
graph::NodeIndex resolve_node(const graph::Graph& g, const std::string& name,
                              const std::string& graph_file);

// The up to `n` node names closest to `name` (edit distance on folded names).
std::vector<std::string> closest_names(const graph::Graph& g, const std::string& name,
                                       std::size_t n = 3);

// Levenshtein distance between two byte strings, O(|a| |b|).
std::size_t edit_distance(std::string_view a, std::string_view b);

// Parse CLI values; throw graph::InvalidArgument listing the valid values.
graph::Kind parse_kind_option(const std::string& s);
graph::Relation parse_relation_option(const std::string& s);
graph::Date parse_date_option(const std::string& s, const char* option);

// Filter options from --kind/--relation/--since/--until values.
graph::FilterOptions make_filter(const std::vector<std::string>& kinds,
                                 const std::vector<std::string>& relations,
                                 const std::string& since, const std::string& until);

// JSON of a node and an edge in the shared shapes of proto/query.proto (Node, EdgeView;
// built by io/formats/query_views.hpp).
nlohmann::json node_json(const graph::Graph& g, graph::NodeIndex v);
nlohmann::json edge_json(const graph::Graph& g, graph::EdgeRef e, bool with_evidence = true);

// The lock for updating the graph file `path` (io/file_lock.hpp): taken at once, or after
// saying on stderr that another run holds it ("stakegraph: waiting for ..."); with
// `no_wait`, an error instead of waiting.
io::FileLock lock_for_update(const std::string& path, bool no_wait);

// Runs f(); a std::bad_alloc from it becomes graph::Error "FILE: out of memory while DOING"
// (thrown once f's memory is freed), so that the error names the file in play.
template <typename F>
decltype(auto) naming_oom(const std::string& file, const char* doing, F&& f) {
  try {
    return f();
  } catch (const std::bad_alloc&) {
    throw graph::Error(file + ": out of memory while " + doing);
  }
}

// Prints JSON on `out` (stdout by default), pretty, UTF-8 passed through (invalid bytes
// replaced).
void print_json(const nlohmann::json& j, std::ostream& out = std::cout);

}  // namespace stakegraph::cli
