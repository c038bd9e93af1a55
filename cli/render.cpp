// stakegraph render: reserved; Draw the graph through Graphviz
#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace stakegraph::cli {

void setup_render(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("render", "Draw the graph through Graphviz (not in this build yet: issue 5)");
  sub->allow_extras();
  sub->callback([] { not_available("render", "issue 5"); });
}

}  // namespace stakegraph::cli
