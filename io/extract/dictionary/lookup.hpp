// What the dictionaries say of one sentence, word by word: the sentence's first discard, and
// at each word the longest actor phrase, the longest agent phrase and the verb form with the
// most specific pattern that matches (every word is tried as a verb: no part-of-speech
// tagging). `stakegraph dictionary lookup` prints it (cli/dictionary.hpp).
//
//   const dict::Dictionaries d = dict::load_dictionaries({});
//   dict::SentenceLookup l = dict::lookup_sentence(d, "Police in Gondor arrested two men.");
//   // l.tokens: police, in, gondor, arrested, two, men; l.agents[0]: at 0, code "COP"
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "io/extract/dictionary/dictionary.hpp"

namespace stakegraph::io::extract::dictionary {

// The lower-cased words of `text`: runs of letters, digits, bytes of 0x80 and above and the
// marks kept inside dictionary words (- ' &), a dot included while the word has fewer than 4
// characters ("u.s.", but also "end." at a sentence's end; "said." loses it). O(|text|).
std::vector<std::string> lookup_words(std::string_view text);

struct SentenceLookup {
  std::vector<std::string> tokens;  // lookup_words(text)
  DiscardMatch discard;             // the sentence's first discard (false: none)
  struct Actor {
    std::size_t at = 0;  // token index
    ActorMatch match;
  };
  struct Agent {
    std::size_t at = 0;
    AgentMatch match;
  };
  struct Verb {
    std::size_t at = 0;
    VerbMatch match;  // match.verb holds; patterns within the whole sentence
  };
  std::vector<Actor> actors;  // in token order, one a word at most
  std::vector<Agent> agents;
  std::vector<Verb> verbs;
};

// Looks the words of `text` up in `d`, actor codes at `date` (0: the latest, as
// ActorDictionary::longest). The matches' views point into `d`, which must outlive the
// result. O(words x (longest phrase + the verb patterns of a word's block)).
SentenceLookup lookup_sentence(const Dictionaries& d, std::string_view text, Date date = 0);

}  // namespace stakegraph::io::extract::dictionary
