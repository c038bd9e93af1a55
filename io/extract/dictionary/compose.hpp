// Actor codes composed from an agent and the actor of its prepositional phrase, as PETRARCH 2
// reads a noun phrase ("soldiers from Gondor", "human rights activists in Arnor"): the
// phrase's agent code joins the code of the actor named after "in", "of" or "from".
//
//   namespace dict = stakegraph::io::extract::dictionary;
//   // agents "SOLDIER {SOLDIERS} [~MIL]", actors "GONDOR [GON]"
//   std::vector<std::string_view> t = {"soldiers", "from", "gondor", "marched"};
//   dict::ComposedActor c = dict::agent_of_actor(d, t, 0);  // length 3, code "GONMIL"
//
// Conventions: tokens are lowercase words (dictionary.hpp); one "the" may follow the
// preposition; an agent "[~X]" goes after the actor's code, "[X~]" before it; an agent code
// the actor's code already holds (at a 3-character boundary) is not added twice ("officials
// in the White House": USAGOV, not USAGOVGOV). The actor needs a code at `date`.
// Complexity: two longest-phrase look-ups, O(k) hash probes for a phrase of k words.
// The result holds no view into the dictionaries.
#pragma once

#include <cstddef>
#include <string>

#include "io/extract/dictionary/dictionary.hpp"

namespace stakegraph::io::extract::dictionary {

struct ComposedActor {
  std::size_t length = 0;  // tokens from the agent's first word to the actor's last; 0 = none
  std::string code;        // the composed code ("GONMIL")
  std::size_t actor_at = 0, actor_length = 0;  // the actor's tokens
  explicit operator bool() const noexcept { return length > 0; }
};

// "<agent> in|of|from [the] <actor>" starting at tokens[i], else a ComposedActor of length 0.
ComposedActor agent_of_actor(const Dictionaries& d, Tokens tokens, std::size_t i, Date date = 0);

// The code of an actor with an agent: "GON" + "MIL" ("[~MIL]") -> "GONMIL", "NGO~" before
// -> "NGOGON"; an agent code already in the actor's code (at a multiple of 3) is not added.
std::string with_agent(std::string_view actor_code, std::string_view agent_code, bool prefix);

}  // namespace stakegraph::io::extract::dictionary
