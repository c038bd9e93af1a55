// The project's derived dictionary format: tab-separated rows after a header line
// "#stakegraph-dictionary<TAB>KIND<TAB>1" ('#' lines are comments). Rows (words lowercase,
// space-separated; every inflection, plural and substitution already expanded):
//   verbs:    synset  &NAME  member|member...
//             block   NAME   CODE
//             verb    BLOCK  CODE-or-empty  LEMMA  FRONT-WORDS  HEAD  BACK-WORDS
//             pattern BLOCK  CODE  PATTERN-TEXT  SOURCE-LINE
//             transform TEXT
//   actors:   actor   phrase|phrase...  CODE[@FROM-UNTIL];...   (yyyymmdd; empty = open)
//   agents:   agent   phrase  ~CODE | CODE~
//   discards: discard phrase  sentence|story  stem|exact
// Written by write_*_tsv (dictionary.hpp), read back by the parse_* functions.
#pragma once

#include <string>
#include <string_view>

#include "io/extract/dictionary/dictionary.hpp"
#include "io/extract/dictionary/verb_builder.hpp"

namespace stakegraph::io::extract::dictionary::derived {

void parse_verbs(VerbBuilder& b, std::string_view content);
void parse_actors(ActorDictionary& d, std::string_view content, const std::string& name);
void parse_agents(AgentDictionary& d, std::string_view content, const std::string& name);
void parse_discards(DiscardList& d, std::string_view content, const std::string& name);

}  // namespace stakegraph::io::extract::dictionary::derived
