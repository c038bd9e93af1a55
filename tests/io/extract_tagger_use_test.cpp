// Where the extractor uses the part-of-speech tagger (io/extract/tagger.hpp) for a decision
// that word lists and proximity got wrong, on sentences written for this test (names
// invented).
#include <gtest/gtest.h>

#include <string>

#include "graph/graph.hpp"
#include "tests/support/extract_support.hpp"

namespace stakegraph::io {
namespace {

using graph::Relation;

using namespace extract_support;

// A capitalised common word opening a sentence is no actor: an adjective before a noun
// ("Unhappy shareholders"), an adverb ("Elsewhere"), a participle ("Asked about ..."). Before
// the tagger, "Unhappy" became an actor that accused.
TEST(TaggerUse, CommonWordOpeningSentenceIsNoName) {
  auto g = run("Unhappy shareholders accused Norvale Mining of hiding losses.");
  EXPECT_FALSE(g.find_named("Unhappy").has_value()) << dump(g);
  g = run("Angry farmers accused Tellmark Grain of fixing prices.");
  EXPECT_FALSE(g.find_named("Angry").has_value()) << dump(g);
  g = run("Elsewhere, Norvale Mining sued Kestrel Bank over the loan.");
  EXPECT_FALSE(g.find_named("Elsewhere").has_value()) << dump(g);
  EXPECT_TRUE(g.find_named("Norvale Mining").has_value()) << dump(g);
}

// A name that WordNet also knows as a word still opens a sentence as a name when a verb
// follows it: "Sterling" (an adjective to WordNet) acts here.
TEST(TaggerUse, WordThatIsANameStillActs) {
  auto g = run("Sterling condemned Norvale Mining on Monday.");
  EXPECT_TRUE(g.find_named("Sterling").has_value()) << dump(g);
}

}  // namespace
}  // namespace stakegraph::io
