// stakegraph extract [--format json|text|dot] [--lexicon FILE]... [--corrections FILE]
//   [--dictionary FILE]... [--no-dictionaries] [--date-order dmy|mdy] FILE...
// Extracts the stakeholder graph of articles (io/extract_pipeline.hpp, as ingest does) and
// prints it; writes no file.
// Warnings on the articles (header dates, skipped lines) go to standard error.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/dictionary_options.hpp"

namespace stakegraph::cli {

struct ExtractOptions {             // the options, as on the command line
  std::vector<std::string> inputs;  // articles (.txt, .md, .jsonl), directories, "-"
  std::string format = "json";      // json, text or dot
  std::vector<std::string> lexicons;
  std::string corrections;
  DictionaryCliOptions dictionaries;
  std::string date_order;  // "", dmy or mdy
};

// Adds the `extract` subcommand to `app`; its callback runs run_extract on standard output
// (the text format made printable for the terminal, cli/printable_output.hpp).
void setup_extract(CLI::App& app);

// Writes the graph of the articles of o.inputs on `out`: JSON (io/formats/json_format.hpp), DOT
// (io/render/dot.hpp) or text (one edge a line: "A -relation-> B", a tab, its first evidence
// sentence, "(hedged) " before a hedged one and " [+N more]" after it). Throws
// graph::InvalidArgument for an unknown format or date order, or --dictionary with
// --no-dictionaries; what the lexicon, corrections, dictionary and article readers throw;
// graph::Error "standard output: ..." when writing fails. O(size of the articles).
void run_extract(const ExtractOptions& o, std::ostream& out);

}  // namespace stakegraph::cli
