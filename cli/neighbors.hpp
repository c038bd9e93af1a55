// stakegraph neighbors GRAPH NODE: a node's neighbourhood up to --depth hops (the ego
// network of graph/subgraph.hpp: every node within reach and all edges among them). Filters
// (--kind, --relation, --since, --until, --no-hedged) restrict what is printed: the walk
// goes through the whole graph and the nodes and edges the filters keep are listed; with
// --subgraph the walk goes through the filtered part only (cli/filters.hpp). Text lists the
// nodes by distance, then the first --limit edges (default 20) and a count of the rest;
// --json prints the NeighborsResult of proto/query.proto (every edge unless --limit is given).
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/filters.hpp"
#include "cli/text_output.hpp"

namespace stakegraph::cli {

struct NeighborsOptions {
  std::string graph;               // graph file
  std::string node;                // name, alias or id
  int depth = 1;                   // hops (>= 0)
  std::string direction = "both";  // out, in or both
  FilterFlags filters;
  bool json = false;
  std::size_t limit = kDefaultEdgeLimit;  // edges listed; 0: all
  bool limit_given = false;               // --limit given (JSON lists every edge otherwise)
};

// Adds the `neighbors` subcommand to `app`; its callback runs run_neighbors on standard
// output (made printable for the terminal, cli/printable_output.hpp).
void setup_neighbors(CLI::App& app);

// Writes the neighbourhood of `o.node` in `o.graph` on `out` (text or JSON, see the file
// comment). Throws graph::NotFound for an unknown node (with suggestions),
// graph::InvalidArgument for an unknown direction or a node the filters exclude, and what the
// readers throw. O(size of the graph) plus the ego network's.
void run_neighbors(const NeighborsOptions& o, std::ostream& out);

}  // namespace stakegraph::cli
