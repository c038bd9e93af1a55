// Every subcommand of the `stakegraph` program, one file each (cli/<name>.cpp). Each
// setup_<name> adds its subcommand to the app, binds an options struct, and runs it from
// the subcommand's callback. Errors are thrown (graph::Error and subclasses) and mapped to
// exit codes by cli/main.cpp.
#pragma once

#include <CLI/CLI.hpp>

namespace stakegraph::cli {

void setup_convert(CLI::App& app);
void setup_stats(CLI::App& app);
void setup_show(CLI::App& app);
void setup_extract(CLI::App& app);
void setup_ingest(CLI::App& app);
void setup_import(CLI::App& app);
void setup_centrality(CLI::App& app);
void setup_path(CLI::App& app);
void setup_clusters(CLI::App& app);
void setup_neighbors(CLI::App& app);
void setup_render(CLI::App& app);
void setup_generate(CLI::App& app);
void setup_dictionary(CLI::App& app);  // issue 11
void setup_report(CLI::App& app);
void setup_diff(CLI::App& app);      // issue 15
void setup_timeline(CLI::App& app);  // issue 15

}  // namespace stakegraph::cli
