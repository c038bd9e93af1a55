// stakegraph import: reserved; Import event data (GDELT) into a graph file
#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace stakegraph::cli {

void setup_import(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("import", "Import event data (GDELT) into a graph file (not in this build yet: issue 6)");
  sub->allow_extras();
  sub->callback([] { not_available("import", "issue 6"); });
}

}  // namespace stakegraph::cli
