#include "cli/render.hpp"

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "cli/selection.hpp"
#include "graph/error.hpp"
#include "io/printable.hpp"
#include "io/render/renderer.hpp"

namespace stakegraph::cli {

void run_render(const RenderOptions& o, std::ostream& warnings) {
  // Usage errors first, before any work.
  const auto format = io::image_format_from_path(o.output);
  if (!format)
    throw graph::InvalidArgument(o.output +
                                 ": cannot tell the output format: use .svg, .png, .pdf or .dot");
  io::RenderOptions opts;
  if (!o.layout.empty()) {
    opts.layout = io::parse_layout(o.layout);
    if (!opts.layout)
      throw graph::InvalidArgument("--layout: unknown layout '" + o.layout +
                                   "' (one of: dot, neato, fdp, sfdp, circo)");
  }
  check_selection(o.select);
  if (!o.select.clusters.empty() && opts.layout && !io::layout_draws_clusters(*opts.layout))
    throw graph::InvalidArgument("--clusters needs --layout dot or fdp (" +
                                 std::string(io::layout_name(*opts.layout)) +
                                 " does not draw cluster boxes)");
  if (o.parallel == "merge") {
    opts.merge_parallel = true;
  } else if (o.parallel == "separate") {
    opts.merge_parallel = false;
  } else if (o.parallel != "auto") {
    throw graph::InvalidArgument("--parallel-edges: unknown choice '" + o.parallel +
                                 "' (one of: auto, merge, separate)");
  }
  io::DrawOptions draw;
  draw.title = o.title;
  draw.legend = !o.no_legend;
  Progress progress("render", o.progress);
  progress.step("selecting");
  DrawnSelection drawn = [&] {
    const Progress::Heartbeat beat(progress);
    return select_drawing(o.select, draw, opts.merge_parallel);
  }();
  opts.draw = std::move(drawn.draw);
  io::Renderer renderer;
  progress.step("layout and drawing of " + with_commas(drawn.graph->node_count()) + " nodes, " +
                with_commas(drawn.graph->edge_count()) + " edges");
  {
    const Progress::Heartbeat beat(progress);
    renderer.render_to_file(*drawn.graph, o.output, opts);
  }
  progress.finish("wrote " + o.output);
  for (const auto& w : renderer.warnings())
    warnings << "stakegraph: warning: " << io::printable(o.output + ": graphviz: " + w) << "\n";
}

void setup_render(CLI::App& app) {
  auto opts = std::make_shared<RenderOptions>();
  CLI::App* sub = app.add_subcommand(
      "render",
      "Draw the graph through Graphviz as SVG (with tooltips), PNG, PDF or DOT.\n"
      "Shapes and colours by node kind, edge colour by sign (green cooperative, red\n"
      "conflictual, grey neutral), dashed when all evidence is hedged, thicker with more\n"
      "evidence. Layout: dot up to " +
          std::to_string(io::kAutoSfdpAbove) + " nodes and " +
          std::to_string(io::kAutoSfdpAboveEdges) +
          " edges, sfdp above (fdp with --clusters);\n"
          "more than " +
          std::to_string(io::kMaxRenderNodes) + " nodes or " + std::to_string(io::kMaxRenderEdges) +
          " drawn edges are refused: narrow with --top or --focus.");
  add_selection_options(sub, opts->select, /*with_path=*/true);
  sub->add_option("-o,--output", opts->output, "output file: .svg, .png, .pdf or .dot")->required();
  sub->add_option("--layout", opts->layout, "dot, neato, fdp, sfdp or circo (default: by size)");
  sub->add_flag("--no-legend", opts->no_legend, "leave the legend out");
  sub->add_option("--title", opts->title, "title above the legend");
  sub->add_option("--parallel-edges", opts->parallel,
                  "auto, merge or separate: draw the relations from one node to another as\n"
                  "one edge labelled with them all (auto: merge when the graph drawn has\n"
                  "more than " +
                      std::to_string(io::kAutoMergeAbove) + " edges)");
  add_progress_options(sub, opts->progress);
  sub->callback([opts] { run_render(*opts, std::cerr); });
}

}  // namespace stakegraph::cli
