// stakegraph path: reserved; Shortest and k-shortest paths between two nodes
#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace stakegraph::cli {

void setup_path(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("path", "Shortest and k-shortest paths between two nodes (not in this build yet: issue 4)");
  sub->allow_extras();
  sub->callback([] { not_available("path", "issue 4"); });
}

}  // namespace stakegraph::cli
