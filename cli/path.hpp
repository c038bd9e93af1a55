// stakegraph path GRAPH FROM TO: the shortest path between two nodes (by hops, or weighted
// where a hop costs 1 / evidence count), the k shortest loopless paths, or all shortest
// paths, optionally through some relations or node kinds only and avoiding nodes
// (graph/paths.hpp). Every hop is printed with its relation and one evidence sentence; --json
// prints the PathResult message of proto/query.proto.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/weight_option.hpp"

namespace stakegraph::cli {

struct PathOptions {  // the options, as on the command line
  std::string graph;
  std::string from;
  std::string to;
  std::size_t k = 1;
  bool all = false;
  std::size_t limit = 1000;
  WeightOption weight;
  bool directed = false;
  std::vector<std::string> relations;
  std::vector<std::string> kinds;
  std::vector<std::string> avoid;
  std::string since;
  std::string until;
  bool no_hedged = false;
  bool json = false;
};

// Adds the `path` subcommand to `app`; its callback runs run_path on standard output (made
// printable for the terminal, cli/printable_output.hpp).
void setup_path(CLI::App& app);

// Writes the paths from `o.from` to `o.to` in `o.graph` on `out` (text, or the PathResult
// of proto/query.proto with o.json; "no path ..." when there is none). Throws
// graph::InvalidArgument for --all with --k, --k 0, an unknown kind or relation, a bad date
// or a weight a path cannot use; graph::NotFound for an unknown node (with suggestions); and
// what the readers throw. Cost: loading plus the search (graph/paths.hpp).
void run_path(const PathOptions& o, std::ostream& out);

}  // namespace stakegraph::cli
