#include "cli/dictionary_options.hpp"

#include "graph/error.hpp"

namespace stakegraph::cli {

void add_dictionary_options(CLI::App* sub, DictionaryCliOptions& o) {
  sub->add_option("--dictionary", o.files,
                  "event-data dictionary file (PETRARCH/TABARI .verbs, .actors, .agents,\n"
                  "discards, or the TSV of `stakegraph dictionary convert`), repeatable; it\n"
                  "replaces the shipped dictionary of its kind; with it, the actors the\n"
                  "dictionaries name become nodes with their code, as an event coder does")
      ->allow_extra_args(false);
  sub->add_flag("--no-dictionaries", o.none,
                "extract with the lexicon alone (no CAMEO verb patterns or actor codes)");
}

std::optional<io::extract::dictionary::Dictionaries> load_dictionaries(
    const DictionaryCliOptions& o) {
  if (o.none) {
    if (!o.files.empty())
      throw graph::InvalidArgument("--no-dictionaries and --dictionary exclude each other");
    return std::nullopt;
  }
  io::extract::dictionary::LoadOptions lo;
  lo.files = o.files;
  return io::extract::dictionary::load_dictionaries(lo);
}

}  // namespace stakegraph::cli
