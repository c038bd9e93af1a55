// stakegraph extract: reserved; Extract the stakeholder graph of articles to stdout
#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace stakegraph::cli {

void setup_extract(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("extract", "Extract the stakeholder graph of articles to stdout (not in this build yet: issue 3)");
  sub->allow_extras();
  sub->callback([] { not_available("extract", "issue 3"); });
}

}  // namespace stakegraph::cli
