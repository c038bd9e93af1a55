// The event-data dictionary options shared by `extract` and `ingest`: the shipped set by
// default, `--dictionary FILE` (repeatable; PETRARCH/TABARI text or the derived TSV; a file
// replaces the shipped dictionary of its kind) and `--no-dictionaries` (the lexicon alone).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "io/extract/dictionary/dictionary.hpp"

namespace stakegraph::cli {

struct DictionaryCliOptions {
  std::vector<std::string> files;
  bool none = false;
};

void add_dictionary_options(CLI::App* sub, DictionaryCliOptions& o);

// The dictionaries to extract with, or nothing with --no-dictionaries. Throws what
// io::extract::dictionary::load_dictionaries() throws (ParseError naming file and line).
std::optional<io::extract::dictionary::Dictionaries> load_dictionaries(
    const DictionaryCliOptions& o);

}  // namespace stakegraph::cli
