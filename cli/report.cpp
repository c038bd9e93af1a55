#include "cli/report.hpp"

#include <cctype>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "cli/selection.hpp"
#include "graph/error.hpp"
#include "io/render/renderer.hpp"
#include "io/report/report.hpp"

namespace stakegraph::cli {
namespace {

bool html_name(std::string path) {
  for (char& c : path) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto ends = [&](std::string_view x) {
    return path.size() > x.size() && path.compare(path.size() - x.size(), x.size(), x) == 0;
  };
  return ends(".html") || ends(".htm");
}

// The selection as display text, in the options' own words.
std::string describe(const SelectionOptions& o) {
  std::string s;
  auto add = [&](const std::string& option, const std::string& value) {
    s += (s.empty() ? "" : " ") + option + (value.empty() ? "" : " " + value);
  };
  for (const auto& k : o.kinds) add("--kind", k);
  for (const auto& r : o.relations) add("--relation", r);
  if (!o.since.empty()) add("--since", o.since);
  if (!o.until.empty()) add("--until", o.until);
  if (o.no_hedged) add("--no-hedged", "");
  if (!o.focus.empty()) add("--focus", "\"" + o.focus + "\" --depth " + std::to_string(o.depth));
  if (o.top > 0) add("--top", std::to_string(o.top) + " --by " + o.by);
  if (!o.clusters.empty()) add("--clusters", o.clusters);
  if (o.subgraph) add("--subgraph", "");
  return s;
}

}  // namespace

void run_report(const ReportOptions& o, std::ostream& warnings) {
  if (!html_name(o.output))
    throw graph::InvalidArgument(o.output + ": a report is an HTML file: name it .html");
  check_selection(o.select);
  io::DrawOptions draw;
  draw.title = o.title;
  Progress progress("report", o.progress);
  progress.step("selecting");
  const DrawnSelection drawn = [&] {
    const Progress::Heartbeat beat(progress);
    return select_drawing(o.select, draw, std::nullopt);
  }();
  io::report::ReportOptions opts;
  opts.title = o.title;
  opts.graph_file = o.select.graph;
  opts.selection = describe(o.select);
  opts.draw = drawn.draw;
  opts.weight = drawn.weight;
  io::Renderer renderer;
  progress.step("ranks, camps and layout of " + with_commas(drawn.graph->node_count()) + " nodes");
  {
    const Progress::Heartbeat beat(progress);
    io::report::write_report(*drawn.graph, o.output, opts, renderer);
  }
  progress.finish("wrote " + o.output);
  for (const auto& w : renderer.warnings()) warnings << "stakegraph: graphviz: " << w << "\n";
}

void setup_report(CLI::App& app) {
  auto opts = std::make_shared<ReportOptions>();
  CLI::App* sub = app.add_subcommand(
      "report",
      "Write a self-contained HTML story report: the diagram of `render` (pan, zoom, search,\n"
      "hover highlighting), a side panel with each stakeholder's ranks, camp, relations and\n"
      "evidence sentences, filters by kind, relation, sign, hedging and date, tables of the\n"
      "top stakeholders (PageRank, betweenness), camps and articles, and a timeline of\n"
      "evidence. The file works offline: it makes no network request. At most " +
          std::to_string(io::kMaxRenderNodes) + " nodes: narrow with --top or --focus.");
  add_selection_options(sub, opts->select, /*with_path=*/false);
  sub->add_option("-o,--output", opts->output, "output file (.html)")->required();
  sub->add_option("--title", opts->title, "title of the page and the diagram");
  add_progress_options(sub, opts->progress);
  sub->callback([opts] { run_report(*opts, std::cerr); });
}

}  // namespace stakegraph::cli
