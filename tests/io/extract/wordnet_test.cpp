// The tagger's word-class table: derived from WordNet's files (io/extract/wordnet.hpp), read
// back (io/extract/word_classes.hpp) with the morphy suffix rules. A tiny WordNet written for
// this test, whose table is worked out by hand; the shipped table regenerated from the
// installed WordNet 3.0 (Debian's wordnet-base, /usr/share/wordnet) byte for byte.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/extract/word_classes.hpp"
#include "io/extract/wordnet.hpp"
#include "tests/support/data.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph::io::extract {
namespace {

std::string slurp(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A WordNet of a few words. Sense counts (index), SemCor counts (cntlist.rev):
//   harbour  noun 2 senses, tagged 3+1; verb 1 sense, tagged 2   -> n6 v3
//   swift    adj 1 sense (satellite, type 5), tagged 4; noun 1 sense "Swift" only -> p1 a5
//   drift    noun 1, verb 1, no tags                              -> n1 v1
//   sea_wall collocation: left out; "r2-d2": digits, left out
//   drove    verb.exc "drove drive", drive verb 1 sense tagged 9 -> drove v10; drive v10
//   swifter  adj.exc "swifter swift" -> a5
class WordnetTiny : public test_support::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    const std::string lic = "  1 licence line of the test\n";
    write("index.noun", lic +
                            "drift n 1 1 @ 1 0 00000003  \nharbour n 2 0 2 2 00000001 00000002  \n"
                            "sea_wall n 1 0 1 0 00000009  \nswift n 1 0 1 0 00000004  \n"
                            "r2-d2 n 1 0 1 0 00000008  \n");
    write("index.verb", lic +
                            "drift v 1 0 1 0 00000005  \ndrive v 1 0 1 1 00000007  \n"
                            "harbour v 1 0 1 1 00000006  \n");
    write("index.adj", lic + "swift a 1 0 1 1 00000010  \n");
    write("index.adv", lic);
    write("cntlist.rev",
          "harbour%1:06:00:: 1 3\nharbour%1:06:01:: 2 1\nharbour%2:40:00:: 1 2\n"
          "swift%5:00:00:fast:01 1 4\ndrive%2:38:00:: 1 9\nsea_wall%1:06:00:: 1 5\n");
    write("data.noun", lic +
                           "00000001 06 n 01 harbour 0 000 | a shelter  \n"
                           "00000002 06 n 02 harbour 0 haven 0 000 | a refuge  \n"
                           "00000003 06 n 01 drift 0 000 | motion  \n"
                           "00000004 18 n 01 Swift 0 000 | a writer  \n");
    write("noun.exc", "");
    write("verb.exc", "drove drive\ndriven drive\n");
    write("adj.exc", "swifter swift\n");
    write("adv.exc", "");
  }
  WordnetOptions options() const {
    WordnetOptions o;
    o.wordnet_dir = dir_.string();
    return o;
  }
};

TEST_F(WordnetTiny, WeightsByHand) {
  WordnetOptions o = options();
  o.output = path("out.tsv");
  const WordnetResult r = derive_word_classes(o);
  const std::string want =
      "word\tclasses\n"
      "# Derived by `stakegraph dictionary wordnet` from WordNet 3.0 (index.*, cntlist.rev, "
      "data.noun, *.exc); WordNet 3.0 Copyright 2006 by Princeton University, licence in "
      "LICENSE beside this file.\n"
      "# word<TAB>classes: n common noun, p proper noun, v verb, a adjective, r adverb; weight "
      "= SemCor tag count + number of senses.\n"
      "drift\tn1 v1\n"
      "drive\tv10\n"
      "driven\tv10\n"
      "drove\tv10\n"
      "harbour\tn6 v3\n"
      "swift\tp1 a5\n"
      "swifter\ta5\n";
  EXPECT_EQ(r.tsv, want);
  EXPECT_EQ(slurp(path("out.tsv")), want);
  EXPECT_EQ(r.lemmas[0], 3u);  // drift, harbour, swift
  EXPECT_EQ(r.lemmas[1], 3u);
  EXPECT_EQ(r.proper, 1u);
  EXPECT_EQ(r.exceptions, 3u);
  // Read back: the same rows.
  const WordClassTable t = WordClassTable::parse(r.tsv, "out.tsv");
  ASSERT_EQ(t.size(), r.rows.size());
  for (std::size_t i = 0; i < t.size(); ++i) {
    EXPECT_EQ(t.rows()[i].first, r.rows[i].first);
    EXPECT_EQ(t.rows()[i].second, r.rows[i].second);
  }
}

TEST_F(WordnetTiny, MalformedLineNamesFileAndLine) {
  write("index.verb", "  1 licence\ndrift v 1 0 1 0 00000005\ndrive v x 0 1 1 00000007\n");
  WordnetOptions o = options();
  o.output = path("out.tsv");
  try {
    derive_word_classes(o);
    ADD_FAILURE() << "no error";
  } catch (const io::ParseError& e) {
    EXPECT_EQ(e.file(), path("index.verb"));
    EXPECT_EQ(e.line(), 3u);
  }
  EXPECT_FALSE(std::filesystem::exists(path("out.tsv")));  // nothing written
  write("index.verb", "  1 licence\n");
  write("cntlist.rev", "harbour%1:06:00:: 1 3\nharbour 1 2\n");
  try {
    derive_word_classes(o);
    ADD_FAILURE() << "no error";
  } catch (const io::ParseError& e) {
    EXPECT_EQ(e.file(), path("cntlist.rev"));
    EXPECT_EQ(e.line(), 2u);
  }
  write("cntlist.rev", "");
  write("data.noun", "00000001 06 n 03 harbour 0 000 | too few words\n");
  try {
    derive_word_classes(o);
    ADD_FAILURE() << "no error";
  } catch (const io::ParseError& e) {
    EXPECT_EQ(e.file(), path("data.noun"));
    EXPECT_EQ(e.line(), 1u);
  }
  write("data.noun", "");
  write("adj.exc", "swifter\n");
  EXPECT_THROW(derive_word_classes(o), io::ParseError);
  std::filesystem::remove(path("adj.exc"));
  EXPECT_THROW(derive_word_classes(o), graph::Error);  // a missing file
}

TEST(WordClasses, MorphyFindsRegularInflections) {
  const WordClassTable t = WordClassTable::parse(
      "word\tclasses\n# note\nbox\tn3 v1\nhope\tn2 v5\nnew\ta9\nnews\tn4\nstop\tn1 v2\n"
      "tall\ta3\nwatch\tn2 v4\n",
      "t.tsv");
  EXPECT_EQ(t.find("nothing"), nullptr);
  WordLookup l = t.classes("boxes");  // noun -xes, verb -es
  EXPECT_FALSE(l.listed);
  EXPECT_EQ(l.weights[WordClass::kNoun], 3u);
  EXPECT_EQ(l.weights[WordClass::kVerb], 1u);
  l = t.classes("hoped");  // -ed -> hope (verb only)
  EXPECT_EQ(l.weights[WordClass::kNoun], 0u);
  EXPECT_EQ(l.weights[WordClass::kVerb], 5u);
  EXPECT_FALSE(l.bare_verb);
  EXPECT_EQ(l.suffix, "ed");
  l = t.classes("hoping");
  EXPECT_EQ(l.weights[WordClass::kVerb], 5u);
  l = t.classes("watches");
  EXPECT_EQ(l.weights[WordClass::kNoun], 2u);
  EXPECT_EQ(l.weights[WordClass::kVerb], 4u);
  l = t.classes("taller");
  EXPECT_EQ(l.weights[WordClass::kAdj], 3u);
  l = t.classes("news");  // listed: its own noun; "new" is no noun or verb
  EXPECT_TRUE(l.listed);
  EXPECT_EQ(l.weights[WordClass::kNoun], 4u);
  EXPECT_EQ(l.weights[WordClass::kVerb], 0u);
  EXPECT_EQ(l.weights[WordClass::kAdj], 0u);
  l = t.classes("stop");
  EXPECT_TRUE(l.bare_verb);
}

TEST(WordClasses, ParseErrorsNameLine) {
  auto line_of = [](const std::string& text) -> std::uint64_t {
    try {
      WordClassTable::parse(text, "w.tsv");
    } catch (const io::ParseError& e) {
      EXPECT_EQ(e.file(), "w.tsv");
      return e.line();
    }
    return 0;
  };
  EXPECT_EQ(line_of(""), 1u);
  EXPECT_EQ(line_of("word\tclass\n"), 1u);
  EXPECT_EQ(line_of("word\tclasses\nbox\tn3\nbox\tv1\n"), 3u);  // repeated
  EXPECT_EQ(line_of("word\tclasses\nbox\tn3\nani\tv1\n"), 3u);  // out of order
  EXPECT_EQ(line_of("word\tclasses\nbox\tn0\n"), 2u);           // zero weight
  EXPECT_EQ(line_of("word\tclasses\n#\nbox\tx3\n"), 3u);        // unknown class
  EXPECT_EQ(line_of("word\tclasses\nbox\tv3 n1\n"), 2u);        // out of order
  EXPECT_EQ(line_of("word\tclasses\nbox n3\n"), 2u);            // no tab
  EXPECT_EQ(line_of("word\tclasses\nbox\tn3x\n"), 2u);          // junk after the weight
  EXPECT_EQ(line_of("word\tclasses\nbox\t\n"), 2u);             // no class
}

// The shipped table is what `stakegraph dictionary wordnet` makes from the installed WordNet.
TEST(WordNet, RegeneratesTheShippedTable) {
  const std::string wn = "/usr/share/wordnet";
  STAKEGRAPH_NEED_FILE(wn + "/index.noun");
  const std::string shipped = std::string(STAKEGRAPH_SOURCE_DIR) + "/data/wordnet/wordclasses.tsv";
  STAKEGRAPH_NEED_FILE(shipped);
  WordnetOptions o;
  o.wordnet_dir = wn;
  const WordnetResult r = derive_word_classes(o);
  const std::string text = slurp(shipped);
  EXPECT_EQ(r.tsv.size(), text.size());
  EXPECT_TRUE(r.tsv == text) << "data/wordnet/wordclasses.tsv differs from the table derived from "
                             << wn << ": regenerate it (data/wordnet/README.md)";
  const WordClassTable t = WordClassTable::parse(text, shipped);
  EXPECT_EQ(t.size(), r.rows.size());
  // A few words whose classes any English reader knows.
  const ClassWeights* went = t.find("went");
  ASSERT_NE(went, nullptr);
  EXPECT_GT((*went)[WordClass::kVerb], 0u);
  const ClassWeights* quickly = t.find("quickly");
  ASSERT_NE(quickly, nullptr);
  EXPECT_GT((*quickly)[WordClass::kAdv], 0u);
}

}  // namespace
}  // namespace stakegraph::io::extract
