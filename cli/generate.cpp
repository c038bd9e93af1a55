// stakegraph generate: reserved; Generate a synthetic news graph
#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace stakegraph::cli {

void setup_generate(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("generate", "Generate a synthetic news graph (not in this build yet: issue 4)");
  sub->allow_extras();
  sub->callback([] { not_available("generate", "issue 4"); });
}

}  // namespace stakegraph::cli
