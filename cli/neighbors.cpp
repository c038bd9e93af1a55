// stakegraph neighbors: reserved; A node's neighbourhood
#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace stakegraph::cli {

void setup_neighbors(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("neighbors", "A node's neighbourhood (not in this build yet: issue 4)");
  sub->allow_extras();
  sub->callback([] { not_available("neighbors", "issue 4"); });
}

}  // namespace stakegraph::cli
