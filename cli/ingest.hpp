// stakegraph ingest FILE|DIR... -o GRAPH.sgpb [--lexicon FILE]... [--corrections FILE]
//   [--dictionary FILE]... [--no-dictionaries] [--date-order dmy|mdy] [--no-wait] [--json]
//   [--quiet|--progress]
// Extracts articles one at a time and merges them into a graph file (io/extract_pipeline.hpp),
// created or updated, holding the graph's lock file (io/file_lock.hpp) from load to write.
// Re-ingesting an article changes nothing. Progress (files, articles, elapsed time) and
// warnings on the articles go to standard error (cli/progress.hpp).
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/dictionary_options.hpp"
#include "cli/progress.hpp"

namespace stakegraph::cli {

struct IngestOptions {              // the options, as on the command line
  std::vector<std::string> inputs;  // articles (.txt, .md, .jsonl), directories, "-"
  std::string output;               // the .sgpb graph file, created or updated
  std::vector<std::string> lexicons;
  std::string corrections;
  DictionaryCliOptions dictionaries;
  ProgressCliOptions progress;
  std::string date_order;  // "", dmy or mdy
  bool json = false;
  bool no_wait = false;
};

struct IngestResult {  // what an ingest did
  std::size_t files = 0, articles = 0, date_warnings = 0;
  std::size_t nodes = 0, edges = 0;  // of the graph written
  double seconds = 0;
};

// Adds the `ingest` subcommand to `app`; its callback runs run_ingest on standard output and,
// without --json, says on standard error "ingested N articles: N nodes, N edges in GRAPH
// (S s)".
void setup_ingest(CLI::App& app);

// Extracts the articles of o.inputs into the graph o.output (see the file comment) and, with
// o.json, writes {"files", "articles", "date_warnings", "graph": {"path", "nodes", "edges",
// "articles", "evidence"}, "seconds"} on `out` (nothing without). Throws
// graph::InvalidArgument for no output, an output that is not .sgpb, an unknown date order
// or --dictionary with --no-dictionaries; graph::Error when the lock is held and o.no_wait;
// what the readers throw (the graph file is then left as it was). O(size of the graph +
// size of the articles).
IngestResult run_ingest(const IngestOptions& o, std::ostream& out);

}  // namespace stakegraph::cli
