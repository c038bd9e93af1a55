// Converting event-data dictionaries into the project's derived TSV (`stakegraph dictionary
// convert`; the shipped data/dictionaries are made this way): every input is read first
// (PETRARCH/TABARI text format or the derived format, dictionary.hpp), then verbs.tsv,
// actors.tsv, agents.tsv and discards.tsv (the kinds given) are written into one directory,
// created if missing, each atomically (io/atomic_file.hpp). A bad input writes nothing.
// Each file opens with its TSV header line and then a comment naming its sources (file names
// only) and their licence. Complexity: O(size of the inputs + size of the outputs).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "io/extract/dictionary/dictionary.hpp"

namespace stakegraph::io::extract::dictionary {

struct ConvertOptions {
  std::string verbs;                                  // "" for none
  std::vector<std::string> actors, agents, discards;  // several are merged in order
  std::string output_dir;                             // created if missing
  ReadOptions read;                                   // read.lenient: skip malformed lines
};

struct ConvertedFile {
  std::string path;  // output_dir/verbs.tsv, ...
  std::size_t bytes = 0;
};

struct ConvertResult {
  // The dictionaries read (their counts and warnings), those of the kinds given.
  std::optional<VerbDictionary> verbs;
  std::optional<ActorDictionary> actors;
  std::optional<AgentDictionary> agents;
  std::optional<DiscardList> discards;
  // The files written, in the order verbs, actors, agents, discards (the kinds given).
  std::vector<ConvertedFile> files;
};

// Reads the inputs of `options` and writes their derived TSV (see the file comment). Throws
// graph::InvalidArgument for no output directory, no input, or an output that exists and is
// not a directory; io::ParseError naming the file and line of a malformed input (unless
// read.lenient); graph::Error when the directory cannot be created or a file not written.
ConvertResult convert_dictionaries(const ConvertOptions& options);

// `tsv` (a derived file: its header line first) with the comment naming `sources` (their
// file names) inserted after the header line.
std::string with_source_note(std::string tsv, const std::vector<std::string>& sources);

}  // namespace stakegraph::io::extract::dictionary
