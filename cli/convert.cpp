#include "cli/convert.hpp"

#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "graph/error.hpp"
#include "graph/subgraph.hpp"
#include "io/atomic_file.hpp"
#include "io/formats/formats.hpp"

namespace stakegraph::cli {
namespace {

std::optional<io::Format> format_option(const std::string& value, const char* option) {
  if (value.empty()) return std::nullopt;
  if (auto f = io::parse_format(value)) return f;
  throw graph::InvalidArgument(std::string(option) + ": unknown format '" + value +
                               "' (one of: sgpb, json, graphml, csv, dot, gexf)");
}

}  // namespace

void run_convert(const ConvertOptions& o, std::ostream& out) {
  auto from = format_option(o.from, "--from");
  auto to = format_option(o.to, "--to");
  if (!to && io::is_stdout_path(o.output))
    throw graph::InvalidArgument("writing to standard output needs --to FORMAT");
  if (!to && !io::format_from_path(o.output))
    throw graph::InvalidArgument(o.output +
                                 ": cannot tell the format from the extension; use "
                                 ".sgpb, .json, .graphml, .csv, .dot or --to FORMAT");
  if (!from && o.input != "-" && !io::format_from_path(o.input))
    throw graph::InvalidArgument(o.input +
                                 ": cannot tell the format from the extension; use "
                                 ".sgpb, .json, .graphml, .csv or --from FORMAT");
  // --nodes goes with the CSV side: read beside a CSV input, else written beside a CSV output.
  const bool csv_in =
      from.value_or(io::format_from_path(o.input).value_or(io::Format::kSgpb)) == io::Format::kCsv;
  const bool csv_out = to.value_or(*io::format_from_path(o.output)) == io::Format::kCsv;
  if (!o.nodes.empty() && !csv_in && !csv_out)
    throw graph::InvalidArgument("--nodes: neither IN nor OUT is a CSV edge list");
  if (!o.nodes.empty() && csv_in && csv_out)
    throw graph::InvalidArgument("--nodes: IN and OUT are both CSV: convert in two steps");
  const graph::FilterOptions dates = make_filter({}, {}, o.since, o.until);
  graph::Graph g = io::load_graph(o.input, from, {.csv_nodes = csv_in ? o.nodes : std::string()});
  if (!dates.selects_everything()) g = graph::filter(g, dates);
  io::save_graph(g, o.output, to,
                 {.force = o.force,
                  .csv_nodes = csv_out ? o.nodes : std::string(),
                  .gexf_version = o.gexf_version,
                  .sgpb_version = o.sgpb_version,
                  .stdout_stream = &out});
}

void setup_convert(CLI::App& app) {
  auto opts = std::make_shared<ConvertOptions>();
  CLI::App* sub = app.add_subcommand(
      "convert",
      "Convert a graph between formats, chosen by extension: .sgpb (native), .json, .graphml,\n"
      ".csv (edge list, with --nodes FILE for the nodes), .dot and .gexf (write only). Use -\n"
      "with --from/--to for stdin/stdout.");
  sub->add_option(
         "IN", opts->input,
         "input graph file (- for stdin: the format is told from its first bytes unless --from)")
      ->required();
  sub->add_option("OUT", opts->output, "output file (- or /dev/stdout with --to)")->required();
  sub->add_option("--from", opts->from, "input format when the extension does not say");
  sub->add_option("--to", opts->to, "output format when the extension does not say");
  sub->add_option("--since", opts->since, "keep only evidence dated on or after YYYY-MM-DD");
  sub->add_option("--until", opts->until, "keep only evidence dated on or before YYYY-MM-DD");
  sub->add_option("--nodes", opts->nodes,
                  "CSV nodes file (id,name,kind,aliases,attributes...): read before a CSV IN,\n"
                  "or written beside a CSV OUT (isolated nodes, ids and attributes kept)");
  sub->add_option("--gexf-version", opts->gexf_version,
                  "GEXF OUT: 1.3 (default, Gephi) or 1.2draft (NetworkX 2.x read_gexf)")
      ->check(CLI::IsMember({"1.3", "1.2draft"}));
  sub->add_option("--sgpb-version", opts->sgpb_version,
                  ".sgpb OUT: format version 3 (default) or 2 (read by stakegraph before\n"
                  "version 3, and by stakegraph-mpi's distributed frame reading)")
      ->check(CLI::IsMember({2, 3}));
  sub->add_flag("--force", opts->force,
                "overwrite OUT even when it is not a graph file of that format (by default\n"
                "an existing file that is not, say a package.json, is refused)");
  sub->callback([opts] { run_convert(*opts, std::cout); });
}

}  // namespace stakegraph::cli
