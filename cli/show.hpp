// stakegraph show GRAPH NODE [--since D] [--until D] [--limit N] [--json]: one node (by name,
// alias or id), its edges and their evidence (of those dates only, with --since/--until).
// Text shows the first --limit edges (default 20; outgoing, then incoming) and counts the
// rest, so that a hub of an imported GDELT file does not print 200,000 lines; --json prints
// every edge unless --limit is given.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/text_output.hpp"

namespace stakegraph::cli {

struct ShowOptions {
  std::string graph;         // graph file
  std::string node;          // name, alias or id
  std::string since, until;  // YYYY-MM-DD, "" for no bound
  bool json = false;
  std::size_t limit = kDefaultEdgeLimit;  // edges listed; 0: all
  bool limit_given = false;               // --limit given (JSON lists every edge otherwise)
};

// Adds the `show` subcommand to `app`; its callback runs run_show on standard output (made
// printable for the terminal, cli/printable_output.hpp).
void setup_show(CLI::App& app);

// Writes the node `o.node` of `o.graph` on `out`: text, or with o.json the ShowResult of
// proto/query.proto. Throws graph::NotFound for an unknown node (with suggestions) or a node
// without evidence within the dates, and what the readers throw. O(size of the graph); of a
// version 3 .sgpb file only the tables, the node's edges and their evidence frames are read.
void run_show(const ShowOptions& o, std::ostream& out);

}  // namespace stakegraph::cli
