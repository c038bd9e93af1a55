// stakegraph: the command-line program. Sets up the subcommands, runs the one named, and maps
// errors to exit codes (cli/exit_codes.hpp): 0 ok, 1 runtime error (bad input, missing file,
// I/O), 2 usage error.
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "io/formats/protobuf_log.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // Protobuf's own log lines name no file: collected, and turned into errors where they
  // matter (io/formats/protobuf_log.hpp), instead of printed.
  stakegraph::io::route_protobuf_log();
  CLI::App app{
      "stakegraph: a stakeholder relationship graph engine. Turns news articles into a typed\n"
      "graph of governments, agencies, vendors, operators, media, people and allegations,\n"
      "with evidence on every edge; analyses it and draws it.",
      "stakegraph"};
  app.set_version_flag("--version", "stakegraph 0.1.0");
  app.require_subcommand(1);
  app.fallthrough(false);
  using namespace stakegraph::cli;
  setup_convert(app);
  setup_stats(app);
  setup_show(app);
  setup_extract(app);
  setup_ingest(app);
  setup_import(app);
  setup_centrality(app);
  setup_path(app);
  setup_clusters(app);
  setup_neighbors(app);
  setup_render(app);
  setup_generate(app);
  setup_dictionary(app);
  setup_report(app);
  setup_diff(app);
  setup_timeline(app);
  return parse_and_run(app, argc, argv, {.program = "stakegraph"}, std::cerr);
}
