// stakegraph import gdelt FILE... -o GRAPH [--since DATE] [--until DATE] [--root-codes 01,02]
//   [--keep-statements] [--strict] [--lexicon FILE]... [--json] [--quiet] [--no-wait]
// Imports GDELT event files (1.0: 57/58 columns, 2.0: 61 columns; plain, .gz or .zip) into a
// graph file, created or merged into (load, import, atomic save), holding its lock file.
// Actors resolve through the lexicon, so a GDELT actor and the node article extraction made
// for it are one node. See io/gdelt/gdelt.hpp for the mapping of rows, actors and event
// codes. The options, their checks and the output are shared with `stakegraph-mpi import
// gdelt` (cli/mpi/import.cpp).
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "cli/progress.hpp"
#include "graph/graph.hpp"
#include "io/gdelt/gdelt.hpp"

namespace stakegraph::cli {

struct ImportGdeltOptions {  // the options, as on the command line
  std::vector<std::string> inputs;
  std::string output;
  std::string since, until;
  std::vector<std::string> root_codes;
  bool keep_statements = false;
  bool strict = false;
  std::vector<std::string> lexicons;
  bool json = false;
  ProgressCliOptions progress;
  bool no_wait = false;
};

// Adds FILE..., -o and the other options of `import gdelt` to `gd`, bound to `o`.
void add_import_gdelt_options(CLI::App* gd, ImportGdeltOptions& o);

// The importer's options for `o` (without the lexicon lookup and progress): throws
// graph::InvalidArgument for a bad output extension, dates or root codes, graph::NotFound
// for a missing input file.
io::GdeltImportOptions gdelt_import_options(const ImportGdeltOptions& o);

// Writes on `out` the summary (or, with o.json, the counts as JSON) of an import into `g`,
// which had `nodes_before` nodes, that took `seconds`.
void print_import_gdelt(const ImportGdeltOptions& o, const io::GdeltImportResult& r,
                        const graph::Graph& g, std::size_t nodes_before, double seconds,
                        std::ostream& out);

// Adds the `import` subcommand, with `import gdelt`, to `app`; its callback runs
// run_import_gdelt on standard output (made printable for the terminal,
// cli/printable_output.hpp).
void setup_import(CLI::App& app);

// Imports the files of o.inputs into the graph file o.output (see the file comment) and
// writes the summary on `out` (print_import_gdelt); progress goes to standard error. Throws
// what gdelt_import_options throws; graph::Error when the lock is held and o.no_wait; what
// the lexicon, graph and GDELT readers throw (io::ParseError naming the file and line of a
// malformed row with o.strict), the graph file being then left as it was. O(size of the
// graph + rows read).
void run_import_gdelt(const ImportGdeltOptions& o, std::ostream& out);

}  // namespace stakegraph::cli
