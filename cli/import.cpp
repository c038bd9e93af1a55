#include "cli/import_gdelt.hpp"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/json_views.hpp"
#include "cli/printable_output.hpp"
#include "cli/progress.hpp"
#include "graph/error.hpp"
#include "io/formats/formats.hpp"
#include "io/gdelt/gdelt.hpp"
#include "io/gdelt/lexicon_lookup.hpp"
#include "io/input.hpp"
#include "io/lexicon.hpp"
#include "io/printable.hpp"

namespace stakegraph::cli {
namespace {

std::string human_bytes(std::uint64_t b) {
  char buf[32];
  if (b >= (1ull << 30)) {
    std::snprintf(buf, sizeof buf, "%.1f GiB", static_cast<double>(b) / (1ull << 30));
  } else {
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(b) / (1ull << 20));
  }
  return buf;
}

std::string plural(std::uint64_t n, const char* noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

nlohmann::json result_json(const io::GdeltImportResult& r) {
  nlohmann::json malformed = nlohmann::json::array();
  for (const auto& m : r.malformed)
    malformed.push_back({{"file", m.file}, {"line", m.line}, {"reason", m.reason}});
  return {{"files", r.files},
          {"lines", r.lines},
          {"header_lines", r.header_lines},
          {"blank_lines", r.blank_lines},
          {"rows", r.rows},
          {"rows_by_columns", {{"57", r.rows_57}, {"58", r.rows_58}, {"61", r.rows_61}}},
          {"malformed_rows", r.malformed_rows},
          {"malformed", malformed},
          {"filtered_by_date", r.filtered_by_date},
          {"filtered_by_root", r.filtered_by_root},
          {"no_actor_rows", r.no_actor_rows},
          {"one_actor_rows", r.one_actor_rows},
          {"statements_skipped", r.statements_skipped},
          {"statements_kept", r.statements_kept},
          {"duplicate_rows", r.duplicate_rows},
          {"imported_rows", r.imported_rows},
          {"edges_added", r.edges_added},
          {"rows_merged", r.rows_merged},
          {"self_loops", r.self_loops},
          {"part_of_added", r.part_of_added},
          {"nodes_added", r.nodes_added},
          {"articles_added", r.articles_added}};
}

}  // namespace

void run_import_gdelt(const ImportGdeltOptions& o, std::ostream& out) {
  Progress progress("import", o.progress);
  io::GdeltImportOptions opts = gdelt_import_options(o);
  io::LexiconOptions lo;
  lo.extra_files = o.lexicons;
  const io::Lexicon lex = io::Lexicon::load(lo);
  opts.lookup = io::gdelt_lexicon_lookup(lex);

  if (progress.enabled()) {
    opts.progress = [&progress](const io::GdeltProgress& p) {
      std::string what = with_commas(p.rows) + " rows";
      if (p.total_bytes > 0)
        what += " (" + human_bytes(p.bytes) + " of " + human_bytes(p.total_bytes) + " of " +
                p.file + ")";
      progress.update(what, p.total_bytes > 0
                                ? static_cast<double>(p.bytes) / static_cast<double>(p.total_bytes)
                                : -1.0);
    };
  }

  // Load, import and write under the lock: a run updating the same graph at the same time
  // waits, so that neither update is lost.
  const io::FileLock lock = lock_for_update(o.output, o.no_wait);
  graph::Graph g;
  if (std::filesystem::exists(o.output)) {
    progress.step("reading " + o.output);
    g = io::load_graph(o.output);
  }
  const std::size_t nodes_before = g.node_count();
  progress.step("importing");
  io::GdeltImportResult r = naming_oom(o.output, "importing GDELT events into it",
                                       [&] { return io::import_gdelt(g, o.inputs, opts); });
  progress.step("writing " + o.output);
  io::save_graph(g, o.output);
  const double seconds = progress.elapsed();
  progress.finish(with_commas(r.rows) + " rows, " + with_commas(r.imported_rows) + " imported");
  print_import_gdelt(o, r, g, nodes_before, seconds, out);
}

io::GdeltImportOptions gdelt_import_options(const ImportGdeltOptions& o) {
  if (o.output.empty()) throw graph::InvalidArgument("import gdelt needs -o GRAPH");
  if (!io::format_from_path(o.output) || *io::format_from_path(o.output) == io::Format::kDot ||
      *io::format_from_path(o.output) == io::Format::kGexf)
    throw graph::InvalidArgument(o.output +
                                 ": cannot tell the graph format from the extension; use "
                                 ".sgpb, .json, .graphml or .csv");
  io::GdeltImportOptions opts;
  if (!o.since.empty()) opts.since = parse_date_option(o.since, "--since");
  if (!o.until.empty()) opts.until = parse_date_option(o.until, "--until");
  if (opts.since != graph::kNoDate && opts.until != graph::kNoDate && opts.since > opts.until)
    throw graph::InvalidArgument("--since " + o.since + " is after --until " + o.until);
  opts.root_codes = o.root_codes;
  opts.keep_statements = o.keep_statements;
  opts.strict = o.strict;
  opts.require_rows = true;  // a file that is not GDELT data at all is an error, not 0 rows
  for (const std::string& f : o.inputs) io::check_input_file(f);

  return opts;
}

void print_import_gdelt(const ImportGdeltOptions& o, const io::GdeltImportResult& r,
                        const graph::Graph& g, std::size_t nodes_before, double seconds,
                        std::ostream& out) {
  if (o.json) {
    nlohmann::json j = result_json(r);
    j["graph"] = graph_summary_json(g, o.output);
    j["seconds"] = seconds;
    print_json(j, out);
    return;
  }
  out << o.output << ": imported " << r.imported_rows << " of " << r.rows << " rows from "
      << r.files << (r.files == 1 ? " file" : " files") << "\n"
      << "  rows       " << r.rows << " (" << r.rows_57 << " with 57 columns, " << r.rows_58
      << " with 58, " << r.rows_61 << " with 61); " << plural(r.header_lines, "header line") << ", "
      << plural(r.blank_lines, "blank line") << "\n"
      << "  imported   " << r.imported_rows << " rows: " << r.edges_added << " new edges, "
      << r.rows_merged << " merged into existing edges (" << r.self_loops << " self-loops); "
      << r.part_of_added << " part_of edges added\n"
      << "  skipped    " << r.one_actor_rows << " one-actor rows, " << r.no_actor_rows
      << " rows without actors, " << r.statements_skipped << " statements (CAMEO root 01), "
      << r.duplicate_rows << " duplicate events\n"
      << "  filtered   " << r.filtered_by_date << " by date, " << r.filtered_by_root
      << " by root code\n"
      << "  malformed  " << r.malformed_rows << " rows\n";
  for (const auto& m : r.malformed)
    out << "    " << m.file << ":" << m.line << ": " << m.reason << "\n";
  if (r.malformed_rows > r.malformed.size())
    out << "    ... and " << (r.malformed_rows - r.malformed.size()) << " more\n";
  out << "  graph      " << g.node_count() << " nodes (" << (g.node_count() - nodes_before)
      << " new), " << g.edge_count() << " edges, " << g.articles().size() << " articles ("
      << seconds << " s)\n";
}

void add_import_gdelt_options(CLI::App* gd, ImportGdeltOptions& o) {
  ImportGdeltOptions* opts = &o;
  gd->add_option("FILE", opts->inputs, "GDELT event files (- for stdin)")->required();
  gd->add_option("-o,--output", opts->output,
                 "graph file to create or merge into (.sgpb, .json, "
                 ".graphml, .csv)")
      ->required();
  gd->add_option("--since", opts->since, "keep events on or after DATE (YYYY-MM-DD, SQLDATE)");
  gd->add_option("--until", opts->until, "keep events on or before DATE");
  gd->add_option("--root-codes", opts->root_codes,
                 "keep only these CAMEO root codes (two digits, comma-separated: 10,11,17)")
      ->delimiter(',')
      ->allow_extra_args(false);
  gd->add_flag("--keep-statements", opts->keep_statements,
               "keep CAMEO root 01 (make public statement) rows as related_to edges");
  gd->add_flag("--strict", opts->strict, "stop at the first malformed row (exit 1)");
  gd->add_option("--lexicon", opts->lexicons, "extra lexicon file (Protobuf text), repeatable")
      ->allow_extra_args(false);
  gd->add_flag("--json", opts->json, "print the counts as JSON");
  add_progress_options(gd, opts->progress);
  gd->add_flag("--no-wait", opts->no_wait,
               "fail at once when another run is writing GRAPH (default: wait for it)");
}

void setup_import(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("import", "Import event data into a graph file.");
  sub->require_subcommand(1);
  auto opts = std::make_shared<ImportGdeltOptions>();
  CLI::App* gd = sub->add_subcommand(
      "gdelt",
      "Import GDELT event files (1.0: 57 or 58 columns, 2.0 exports: 61 columns; plain, .gz\n"
      "or .zip; with or without a header line) into GRAPH, created or merged into. Each row\n"
      "with two actors becomes an edge Actor1 -> Actor2 typed by the PLOVER type of its CAMEO\n"
      "code, with the mean Goldstein score as its goldstein attribute (not a weight) and the\n"
      "source URL as evidence.\n"
      "Malformed rows are counted and listed, not fatal (unless --strict).");
  add_import_gdelt_options(gd, *opts);
  gd->callback([opts] {
    const PrintableOutput text(std::cout);
    run_import_gdelt(*opts, std::cout);
  });
  // `import --help` shows the options of its (only) source, not just its name.
  sub->footer([gd] { return "\n" + gd->help("stakegraph import"); });
}

}  // namespace stakegraph::cli
