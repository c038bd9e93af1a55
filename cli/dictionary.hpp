// stakegraph dictionary convert --verbs F --actors F... --agents F... --discards F... -o DIR
//   [--lenient] [--json]
// stakegraph dictionary check FILE... [--lenient] [--json]
// stakegraph dictionary lookup TEXT [--dictionary FILE...] [--date D] [--json]
// stakegraph dictionary wordnet [--wordnet-dir DIR] -o FILE [--json]
// stakegraph dictionary tag TEXT [--json]
// convert reads event-data dictionaries (PETRARCH/TABARI text format, or the derived format)
// and writes the project's derived TSV (verbs.tsv, actors.tsv, agents.tsv, discards.tsv in
// DIR, atomically): the shipped data/dictionaries are made this way. check reads files (kind
// detected from the header, the name or the content) and prints their counts, load time and
// memory. lookup shows what the dictionaries say of one sentence (every word tried as a verb).
// wordnet derives the part-of-speech tagger's word-class table from WordNet's files (the
// shipped data/wordnet/wordclasses.tsv is made this way; io/extract/wordnet.hpp); tag prints
// the part-of-speech tags of a text (io/extract/tagger.hpp).
// See io/extract/dictionary/dictionary.hpp. The dictionaries' warnings (a malformed line
// skipped with --lenient) go to standard error, one line each: "warning: FILE:LINE: ...".
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace stakegraph::cli {

struct DictionaryConvertOptions {  // the options, as on the command line
  std::string verbs;
  std::vector<std::string> actors, agents, discards;  // several are merged in order
  std::string output;                                 // directory, created if missing
  bool lenient = false;
  bool json = false;
};

struct DictionaryCheckOptions {
  std::vector<std::string> files;
  bool lenient = false;
  bool json = false;
};

struct DictionaryLookupOptions {
  std::string text;                // the sentence
  std::vector<std::string> files;  // replace the shipped dictionaries of their kinds
  std::string date;                // YYYY-MM-DD or YYYYMMDD, "" for none
  bool json = false;
};

struct DictionaryWordnetOptions {
  std::string wordnet_dir = "/usr/share/wordnet";
  std::string output;  // the TSV to write
  bool json = false;
};

struct DictionaryTagOptions {
  std::string text;
  bool json = false;
};

// Adds the `dictionary` subcommand, with convert, check and lookup, to `app`; their
// callbacks run the functions below on standard output.
void setup_dictionary(CLI::App& app);

// Reads every input, then writes the TSV files of the kinds given into o.output, and on
// `out` one line of counts a file ("DIR/verbs.tsv: verbs blocks=... bytes=...") or, with
// o.json, {"outputs": [...]}. A bad input writes nothing. Throws graph::InvalidArgument for
// no output, no input or an output that is not a directory; io::ParseError naming the file
// and line of a malformed input (unless o.lenient); graph::Error when writing fails.
// O(size of the inputs).
void run_dictionary_convert(const DictionaryConvertOptions& o, std::ostream& out);

// Reads each file alone and writes one line of counts a file on `out` ("FILE: KIND
// count=..., load_ms=..."), or with o.json {"files": [...]}. Throws graph::InvalidArgument
// for no file, graph::Error for a file with no entries, and what the readers throw.
// O(size of the files).
void run_dictionary_check(const DictionaryCheckOptions& o, std::ostream& out);

// Looks o.text up (lower-cased words) in the shipped dictionaries, or those of o.files, at
// o.date, and writes on `out` a line for the discard that matches, each actor, agent and
// verb form ("verb   WORD BLOCK cameo=CODE plover=TYPE pattern='...'"), or with o.json
// {"tokens", "actors", "agents", "verbs"[, "discard"]}. Throws what the dictionary readers
// throw and graph::InvalidArgument for a bad date. O(words x longest phrase + dictionaries'
// load).
void run_dictionary_lookup(const DictionaryLookupOptions& o, std::ostream& out);

// Derives the word-class table from the WordNet files in o.wordnet_dir, writes it to o.output
// atomically and prints one line of counts ("FILE: wordclasses words=... bytes=...") or, with
// o.json, an object. Throws graph::InvalidArgument for no output; io::ParseError naming the
// file and line of a malformed WordNet line; graph::Error for a missing file or a failed
// write (nothing is written then). O(size of the WordNet files).
void run_dictionary_wordnet(const DictionaryWordnetOptions& o, std::ostream& out);

// Splits o.text into sentences and tokens and tags them with the shipped word classes: one
// line a sentence of "word/TAG" items, or with o.json {"sentences": [[{"token", "tag"}...]...]}.
// Throws graph::Error when the shipped table is missing. O(text size x log table size).
void run_dictionary_tag(const DictionaryTagOptions& o, std::ostream& out);

}  // namespace stakegraph::cli
