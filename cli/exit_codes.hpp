// How a stakegraph program ends: the errors of a run mapped to exit codes and one-line
// messages on standard error, shared by `stakegraph` (cli/main.cpp) and `stakegraph-mpi`
// (cli/mpi/main.cpp). Exit codes: 0 ok; 1 runtime error (bad input, missing file, I/O, out of
// memory, standard output not writable); 2 usage error (a CLI11 parse error, an unknown
// subcommand, graph::InvalidArgument). --help and --version print and exit 0.
#pragma once

#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

namespace stakegraph::cli {

// `what` as one line: trailing line breaks and blanks dropped, inner line breaks as spaces,
// other control characters as visible stand-ins (io/printable.hpp), so that nothing in a
// message (a file or node name) drives the terminal. Linear in the length of `what`.
std::string one_line(const char* what);

struct RunOptions {
  std::string program = "stakegraph";  // the messages' prefix and the name in --help hints
};

// Parses `argv` with `app` (whose subcommand callbacks do the work), then flushes standard
// output. Returns the exit code; on an error prints "PROGRAM: usage error: ..." or
// "PROGRAM: error: ..." (one line) on `err`. A first argument that is no subcommand gets the
// list of subcommands and the nearest one (cli/text_output.hpp: unknown_subcommand); an
// out-of-memory error that names no file names the subcommand that ran.
int parse_and_run(CLI::App& app, int argc, char** argv, const RunOptions& options,
                  std::ostream& err);

}  // namespace stakegraph::cli
