// The --weight option of the weighted subcommands (centrality, clusters, path) and
// --write, which saves the graph with per-node results as node attributes.
//
// --weight weight|evidence|none (graph/edge_weight.hpp) says which weights. Without it the
// graph decides (default_weight_source: the file's own weights when some edge has one, else
// evidence counts); --weight none gives unweighted results (hops for paths). --weighted (the
// flag from before --weight existed) is kept as a no-op alias of that default; --weighted
// with --weight none is a usage error.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "graph/edge_weight.hpp"
#include "graph/graph.hpp"

namespace stakegraph::cli {

struct WeightOption {
  std::string value;      // "" (the graph decides), "weight", "evidence", "none"
  bool weighted = false;  // --weighted
};

// Adds --weight and --weighted to `sub`; `what` says what the weight does in that command.
void add_weight_option(CLI::App* sub, WeightOption& o, const std::string& what);

// The source to use on `g`: o.value when given, else default_weight_source(g). Throws
// graph::InvalidArgument for --weighted with --weight none.
graph::WeightSource resolve_weight(const WeightOption& o, const graph::Graph& g);
// The same, given whether some edge of the file has a user weight (graph::has_weights).
graph::WeightSource resolve_weight(const WeightOption& o, bool file_has_weights);

// --write OUT [--nodes FILE]: `g` with attribute `key` set on every node v to values[v]
// (numbers in shortest round-trip form; nodes without a value, NaN, get none), saved as
// OUT's format. A CSV OUT needs `nodes` (the node attributes go there). Throws as
// io::save_graph.
void write_node_values(graph::Graph g, const std::string& key, const std::vector<double>& values,
                       const std::string& out, const std::string& nodes, bool force);

}  // namespace stakegraph::cli
