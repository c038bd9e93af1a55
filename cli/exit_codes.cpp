#include "cli/exit_codes.hpp"

#include <exception>
#include <iostream>
#include <new>

#include "cli/text_output.hpp"
#include "graph/error.hpp"
#include "io/printable.hpp"

namespace stakegraph::cli {

namespace {

// The subcommand that ran ("import gdelt"), for the rare error that names no file.
std::string command_name(const CLI::App& app, const std::string& program) {
  std::string name;
  for (const CLI::App* a = &app; !a->get_subcommands().empty();) {
    a = a->get_subcommands().front();
    name += (name.empty() ? "" : " ") + a->get_name();
  }
  return name.empty() ? program : name;
}

}  // namespace

std::string one_line(const char* what) {
  std::string s = what;
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return io::printable(s);
}

int parse_and_run(CLI::App& app, int argc, char** argv, const RunOptions& options,
                  std::ostream& err) {
  const std::string& program = options.program;
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
      err << program << ": usage error: " << one_line(unknown_subcommand(app, argv[1]).c_str())
          << " (run '" << program << " --help' for usage)\n";
      return 2;
    }
    // One line, like every other error: the hint goes on the same line.
    err << program << ": usage error: " << one_line(e.what()) << " (run '" << program
        << " --help' or '" << program << " SUBCOMMAND --help' for usage)\n";
    return 2;
  } catch (const graph::InvalidArgument& e) {
    err << program << ": usage error: " << one_line(e.what()) << "\n";
    return 2;
  } catch (const graph::Error& e) {
    err << program << ": error: " << one_line(e.what()) << "\n";
    return 1;
  } catch (const std::bad_alloc&) {
    // Readers and writers name their file ("GRAPH: out of memory while reading"); this is
    // what is left: the command.
    err << program << ": error: " << command_name(app, program) << ": out of memory\n";
    return 1;
  } catch (const std::exception& e) {
    err << program << ": error: " << one_line(e.what()) << "\n";
    return 1;
  }
  std::cout.flush();
  if (!std::cout) {
    err << program << ": error: cannot write to standard output\n";
    return 1;
  }
  return 0;
}

}  // namespace stakegraph::cli
