// The parts of `stakegraph import gdelt` (cli/import.cpp) that `stakegraph-mpi import gdelt`
// (cli/mpi/import.cpp) shares: its options, their checks, and its output.
#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <string>
#include <vector>

#include "cli/progress.hpp"
#include "graph/graph.hpp"
#include "io/gdelt/gdelt.hpp"

namespace stakegraph::cli {

struct ImportGdeltOptions {
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

// Prints the summary (or --json) of an import into `g`, which had `nodes_before` nodes.
void print_import_gdelt(const ImportGdeltOptions& o, const io::GdeltImportResult& r,
                        const graph::Graph& g, std::size_t nodes_before, double seconds);

}  // namespace stakegraph::cli
