// stakegraph ingest: reserved; Extract articles and merge them into a graph file
#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace stakegraph::cli {

void setup_ingest(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("ingest", "Extract articles and merge them into a graph file (not in this build yet: issue 3)");
  sub->allow_extras();
  sub->callback([] { not_available("ingest", "issue 3"); });
}

}  // namespace stakegraph::cli
