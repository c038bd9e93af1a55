// stakegraph convert IN OUT [--from F] [--to F] [--since D] [--until D] [--nodes N.csv]
//   [--gexf-version V] [--sgpb-version V] [--force]
// Reads a graph in one format and writes it in another (io/formats/formats.hpp), keeping only the
// evidence dated within --since/--until and what it supports. OUT "-" (or /dev/stdout)
// with --to writes on the output stream, byte for byte.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

namespace stakegraph::cli {

struct ConvertOptions {            // the options, as on the command line
  std::string input;               // graph file, "-" for standard input
  std::string output;              // graph file, "-" or /dev/stdout for `out`
  std::string from, to;            // format names (io::parse_format), "" to tell by extension
  std::string since, until;        // YYYY-MM-DD, "" for no bound
  std::string nodes;               // --nodes: the CSV nodes file (read with a CSV IN, else written)
  std::string gexf_version;        // --gexf-version: "" (1.3), "1.3" or "1.2draft"
  std::uint32_t sgpb_version = 0;  // --sgpb-version: 0 (the current, 3), 2 or 3
  bool force = false;              // overwrite an OUT that is not a graph file of its format
};

// Adds the `convert` subcommand to `app`; its callback runs run_convert with standard
// output as `out` (never made printable: data keeps its bytes).
void setup_convert(CLI::App& app);

// Converts o.input to o.output (atomically; on `out` for "-" and /dev/stdout). Throws
// graph::InvalidArgument for an unknown format name, a format that the extension does not
// tell, --nodes with no CSV side or with two, standard output without --to, or a bad date;
// and what io::load_graph and io::save_graph throw (graph::Error naming the file). O(size
// of the graph).
void run_convert(const ConvertOptions& o, std::ostream& out);

}  // namespace stakegraph::cli
