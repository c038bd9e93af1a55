// stakegraph stats GRAPH [--since D] [--until D] [--json]: counts of nodes, edges, articles
// and evidence, by kind and relation (of the evidence dated within --since/--until).
#pragma once

#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

namespace stakegraph::cli {

struct StatsOptions {
  std::string graph;         // graph file (any format io::load_graph reads)
  std::string since, until;  // YYYY-MM-DD, "" for no bound
  bool json = false;
};

// Adds the `stats` subcommand to `app`; its callback runs run_stats on standard output
// (made printable for the terminal, cli/printable_output.hpp).
void setup_stats(CLI::App& app);

// Writes the counts of `o.graph` on `out`: text (a header and one line a count) or, with
// o.json, {"nodes", "edges", "articles", "evidence", "by_kind", "by_relation"}. Without
// dates a version 3 .sgpb file is read as topology arrays only. Throws what the readers throw
// (graph::Error and subclasses). O(size of the graph).
void run_stats(const StatsOptions& o, std::ostream& out);

}  // namespace stakegraph::cli
