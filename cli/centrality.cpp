// stakegraph centrality: reserved; Rank nodes by centrality
#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace stakegraph::cli {

void setup_centrality(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("centrality", "Rank nodes by centrality (not in this build yet: issue 4)");
  sub->allow_extras();
  sub->callback([] { not_available("centrality", "issue 4"); });
}

}  // namespace stakegraph::cli
