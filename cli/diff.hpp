// stakegraph diff BEFORE AFTER | diff GRAPH --from D1 [--to D2] [--since D0]
//   [--evidence N] [--json]
// What appears, disappears or changes sign (graph/diff.hpp): between two graph files, or in
// one graph between its evidence dated before D1 (from D0) and its evidence dated from D1 to
// D2 ("what is new from D1 to D2, and what went quiet"). Each edge is printed with its first
// N evidence items (title, date, hedged, speaker); --json prints the DiffResult message of
// proto/query.proto.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace stakegraph::cli {

struct DiffOptions {                // the options, as on the command line
  std::vector<std::string> graphs;  // one (with --from) or two
  std::string from, to, since;
  std::size_t evidence = 1;
  bool json = false;
};

// Adds the `diff` subcommand to `app`; its callback runs run_diff on standard output (made
// printable for the terminal, cli/printable_output.hpp).
void setup_diff(CLI::App& app);

// Writes the difference (see the file comment) on `out`, text or JSON. Throws
// graph::InvalidArgument for dates with two files, one file without --from, a bad date or
// --since not before --from; and what the readers throw. O(size of both graphs) (hash joins
// by node id, graph/diff.hpp).
void run_diff(const DiffOptions& o, std::ostream& out);

}  // namespace stakegraph::cli
