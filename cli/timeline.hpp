// stakegraph timeline GRAPH [NODE...] [--by day|week|month|year] [--since D] [--until D]
//   [--relation R] [--json]
// Evidence items and distinct edges per period (graph/timeline.hpp), for the whole graph or
// for the edges touching the given nodes (names resolved as `show` does, with suggestions).
// Text prints one line per period with a bar, then the totals and how many items have no
// date; --json prints the TimelineResult message of proto/query.proto.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace stakegraph::cli {

struct TimelineOptions {  // the options, as on the command line
  std::string graph;
  std::vector<std::string> nodes;
  std::string by = "month";
  std::string since, until;
  std::vector<std::string> relations;
  bool json = false;
};

// Adds the `timeline` subcommand to `app`; its callback runs run_timeline on standard output
// (text made printable for the terminal, cli/printable_output.hpp).
void setup_timeline(CLI::App& app);

// Writes the timeline of `o.graph` on `out` (text or JSON, see the file comment). Throws
// graph::InvalidArgument for an unknown period or relation, a bad date or --since after
// --until; graph::NotFound for an unknown node (with suggestions); and what the readers
// throw. O(size of the graph + periods).
void run_timeline(const TimelineOptions& o, std::ostream& out);

}  // namespace stakegraph::cli
