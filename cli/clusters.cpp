// stakegraph clusters: reserved; Components, communities and camps
#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace stakegraph::cli {

void setup_clusters(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("clusters", "Components, communities and camps (not in this build yet: issue 4)");
  sub->allow_extras();
  sub->callback([] { not_available("clusters", "issue 4"); });
}

}  // namespace stakegraph::cli
