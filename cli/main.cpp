// stakegraph: the command-line program. Parses the subcommand, runs it, and maps errors to
// exit codes: 0 ok, 1 runtime error (bad input, missing file, I/O), 2 usage error.
#include <cstdio>
#include <exception>
#include <iostream>
#include <new>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/text_output.hpp"
#include "graph/error.hpp"
#include "io/printable.hpp"
#include "io/protobuf_log.hpp"

namespace {

// An error message as one line: line breaks (and trailing blanks) in what() become spaces,
// and other control characters (an ESC from a file or node name) visible stand-ins
// (io/printable.hpp), so that nothing in a message drives the terminal.
std::string one_line(const char* what) {
  std::string s = what;
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return stakegraph::io::printable(s);
}

// The subcommand that ran ("import gdelt"), for the rare error that names no file.
std::string command_name(const CLI::App& app) {
  std::string name;
  for (const CLI::App* a = &app; !a->get_subcommands().empty();) {
    a = a->get_subcommands().front();
    name += (name.empty() ? "" : " ") + a->get_name();
  }
  return name.empty() ? "stakegraph" : name;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // Protobuf's own log lines name no file: collected, and turned into errors where they
  // matter (io/protobuf_log.hpp), instead of printed.
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
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // `stakegraph foo`: CLI11 would only say that a subcommand is required.
    if (app.get_subcommands().empty() && argc > 1 && argv[1][0] != '-') {
      std::cerr << "stakegraph: usage error: "
                << one_line(stakegraph::cli::unknown_subcommand(app, argv[1]).c_str())
                << " (run 'stakegraph --help' for usage)\n";
      return 2;
    }
    // One line, like every other error: the hint goes on the same line.
    std::cerr << "stakegraph: usage error: " << one_line(e.what())
              << " (run 'stakegraph --help' or 'stakegraph SUBCOMMAND --help' for usage)\n";
    return 2;
  } catch (const stakegraph::graph::InvalidArgument& e) {
    std::cerr << "stakegraph: usage error: " << one_line(e.what()) << "\n";
    return 2;
  } catch (const stakegraph::graph::Error& e) {
    std::cerr << "stakegraph: error: " << one_line(e.what()) << "\n";
    return 1;
  } catch (const std::bad_alloc&) {
    // Readers and writers name their file ("GRAPH: out of memory while reading"); this is
    // what is left: the command.
    std::cerr << "stakegraph: error: " << command_name(app) << ": out of memory\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "stakegraph: error: " << one_line(e.what()) << "\n";
    return 1;
  }
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "stakegraph: error: cannot write to standard output\n";
    return 1;
  }
  return 0;
}
