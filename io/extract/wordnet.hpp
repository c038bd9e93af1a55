// Deriving the tagger's word-class table (io/extract/word_classes.hpp) from WordNet's
// database files (`stakegraph dictionary wordnet`; the shipped data/wordnet/wordclasses.tsv is
// made this way from Debian's wordnet-base, WordNet 3.0):
//   index.noun, index.verb, index.adj, index.adv   the lemmas of each class and their number
//                                                  of senses (sense_cnt)
//   cntlist.rev                                    how often each sense was tagged in the
//                                                  semantic concordance (SemCor)
//   data.noun                                      the word forms of each noun synset, whose
//                                                  capitals tell proper nouns ("Paris")
//   noun.exc, verb.exc, adj.exc, adv.exc           irregular inflections and their bases
//                                                  ("went go", "mice mouse", "worse bad")
// Only single words are kept: lower-case ASCII letters with single inner hyphens or
// apostrophes ("x-ray", "o'clock"); collocations ("prime_minister"), numerals and words with
// periods are left out. A word's weight in a class is the sum of the SemCor tag counts of its
// senses in that class plus its number of senses in that class (so every listed class weighs
// at least 1; adjective satellites count as adjectives). Its noun weight is proper (class p)
// when every noun synset that holds the word spells it with a capital, else common (n). An
// irregular form gets, in its base's class, the base's weight (added to its own when it is a
// lemma too: "found" is a verb of its own and the past of "find").
// Complexity: O(size of the files) time, O(words) memory.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "io/extract/word_classes.hpp"

namespace stakegraph::io::extract {

struct WordnetOptions {
  std::string wordnet_dir = "/usr/share/wordnet";  // the folder with index.noun, ...
  std::string output;                              // the TSV to write ("" for none)
};

struct WordnetResult {
  std::vector<std::pair<std::string, ClassWeights>> rows;  // in byte order of word
  std::string tsv;                                         // the table's text
  std::size_t lemmas[4] = {};  // single-word lemmas read: noun, verb, adj, adv
  std::size_t exceptions = 0;  // irregular forms that gave a class
  std::size_t proper = 0;      // words whose nouns are all proper
  std::size_t bytes = 0;       // tsv.size()
};

// Reads the WordNet files of `options.wordnet_dir` and builds the table (see the file
// comment); when options.output is set, writes it there atomically (io/atomic_file.hpp).
// Throws io::ParseError naming the file and line of a malformed line; graph::Error naming a
// file that is missing or cannot be read, or the output when it cannot be written. A bad
// input writes nothing.
WordnetResult derive_word_classes(const WordnetOptions& options);

}  // namespace stakegraph::io::extract
