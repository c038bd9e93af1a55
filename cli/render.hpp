// stakegraph render GRAPH -o OUT.(svg|png|pdf|dot): the relationship diagram through Graphviz
// (io/render/renderer.hpp, drawing rules in io/render/dot.hpp).
//
// What is drawn (filters, ego network, path, top-N, size check, clusters) is chosen by
// io::select_drawing (io/render/draw_selection.hpp) with the options of cli/selection.hpp,
// shared with `report`; then layout and output (atomic).
#pragma once

#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/progress.hpp"
#include "cli/selection.hpp"

namespace stakegraph::cli {

struct RenderOptions {  // the options, as on the command line
  SelectionOptions select;
  std::string output;
  std::string layout;
  bool no_legend = false;
  std::string title;
  std::string parallel = "auto";
  ProgressCliOptions progress;
};

// Adds the `render` subcommand to `app`; its callback runs run_render with warnings on
// standard error.
void setup_render(CLI::App& app);

// Draws the selection of `o.select` (cli/selection.hpp) to the file o.output (atomically;
// the format by its extension) and writes Graphviz's warnings on `warnings`, one line each;
// progress lines go to standard error. Throws graph::InvalidArgument for an unknown format,
// layout or --parallel-edges choice, clusters with a layout that draws none, or a drawing
// too big; graph::NotFound for an unknown node or a missing path; graph::Error when
// Graphviz fails; and what the readers throw. Cost: the selection's plus Graphviz's layout.
void run_render(const RenderOptions& o, std::ostream& warnings);

}  // namespace stakegraph::cli
