// stakegraph report GRAPH -o STORY.html: a self-contained HTML story report (io/report/):
// the diagram `render` draws, with pan and zoom, search, hover highlighting, a side panel
// with every edge's evidence, filters (kind, relation, sign, hedged, date range), tables
// (PageRank, betweenness, camps, articles) and a timeline of evidence. The page makes no
// network request. What it shows is chosen as for `render` (cli/selection.hpp).
#pragma once

#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/progress.hpp"
#include "cli/selection.hpp"

namespace stakegraph::cli {

struct ReportOptions {  // the options, as on the command line
  SelectionOptions select;
  std::string output;
  std::string title;
  ProgressCliOptions progress;
};

// Adds the `report` subcommand to `app`; its callback runs run_report with warnings on
// standard error.
void setup_report(CLI::App& app);

// Writes the report of the selection of `o.select` (cli/selection.hpp) to o.output
// (atomically) and Graphviz's warnings on `warnings`, one line each; progress lines go to
// standard error. Throws graph::InvalidArgument for an output not named .html and the
// selection's usage errors, graph::NotFound for an unknown node, and what the readers, the
// layout and the writer throw. Cost: the selection's, the ranks and camps of the drawn graph
// and Graphviz's layout.
void run_report(const ReportOptions& o, std::ostream& warnings);

}  // namespace stakegraph::cli
