// dict::lookup_words and dict::lookup_sentence (what `stakegraph dictionary lookup` shows) on
// dictionaries and sentences of our own:
//   verbs     --- PROTEST [---] ---  PROTEST {PROTESTS PROTESTED PROTESTING}
//             - * (AGAINST +) [141]
//   actors    NORLAND [NOR], NORLAND_GOVERNMENT [NORGOV]
//   agents    FARMER {FARMERS} [~AGR]
//   discards  +FOOTBALL (a story discard)
//   "Farmers in the U.S. protested against the Norland government, officials said."
//     words: farmers(0) in the u.s. protested(4) against the norland(7) government officials
//     said; agent at 0, actor "norland government" (2 words) at 7, verb at 4, no discard.
#include "io/extract/dictionary/lookup.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace stakegraph::io::extract::dictionary {
namespace {

Dictionaries ours() {
  Dictionaries d;
  d.verbs = parse_verbs(
      "--- PROTEST [---] ---\nPROTEST {PROTESTS PROTESTED PROTESTING}\n"
      "- * (AGAINST +) [141]\n",
      "ours.verbs");
  d.actors = parse_actors("NORLAND [NOR]\nNORLAND_GOVERNMENT [NORGOV]\n", "ours.actors");
  d.agents = parse_agents("FARMER {FARMERS} [~AGR]\n", "ours.agents");
  d.discards = parse_discards("+FOOTBALL\n", "ours.discards");
  return d;
}

// A dot stays in a word of fewer than 4 characters: "u.s.", and so also a short word that
// ends a sentence ("end."), as `dictionary lookup` has always split; "said." loses it.
TEST(DictionaryLookup, WordsAreLowerCaseWithShortDottedWordsKept) {
  EXPECT_EQ(lookup_words("Farmers in the U.S. protested, O'Neil & co-op said. End."),
            (std::vector<std::string>{"farmers", "in", "the", "u.s.", "protested", "o'neil", "&",
                                      "co-op", "said", "end."}));
  EXPECT_EQ(lookup_words("Zürich 2024"), (std::vector<std::string>{"zürich", "2024"}));
  EXPECT_TRUE(lookup_words(" .,;").empty());
}

TEST(DictionaryLookup, ActorsAgentsVerbsAndDiscardOfASentence) {
  const Dictionaries d = ours();
  const SentenceLookup l = lookup_sentence(
      d, "Farmers in the U.S. protested against the Norland government, officials said.");
  ASSERT_EQ(l.tokens.size(), 11u);
  EXPECT_FALSE(l.discard);
  ASSERT_EQ(l.agents.size(), 1u);
  EXPECT_EQ(l.agents[0].at, 0u);
  EXPECT_EQ(l.agents[0].match.code, "AGR");
  // The longest actor phrase at 7, and the shorter one is not listed again at 7; at 8
  // ("government") none begins.
  ASSERT_EQ(l.actors.size(), 1u);
  EXPECT_EQ(l.actors[0].at, 7u);
  EXPECT_EQ(l.actors[0].match.length, 2u);
  EXPECT_EQ(l.actors[0].match.code, "NORGOV");
  ASSERT_EQ(l.verbs.size(), 1u);
  EXPECT_EQ(l.verbs[0].at, 4u);
  EXPECT_EQ(l.verbs[0].match.block_name, "PROTEST");
  EXPECT_EQ(l.verbs[0].match.code, "141");
  const SentenceLookup f = lookup_sentence(d, "Football fans in Norland cheered.");
  ASSERT_TRUE(f.discard);
  EXPECT_EQ(f.discard.at, 0u);
  EXPECT_TRUE(f.discard.story);
  ASSERT_EQ(f.actors.size(), 1u);
  EXPECT_EQ(f.actors[0].match.code, "NOR");
  EXPECT_TRUE(f.verbs.empty());
}

}  // namespace
}  // namespace stakegraph::io::extract::dictionary
