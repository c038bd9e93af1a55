// The part-of-speech tagger (io/extract/tagger.hpp). Each context rule on a sentence written
// for this test, with a tiny word-class table whose weights make the rule's answer differ
// from the word's most common class (so the test fails without the rule); the shipped table
// on sentences of our own; and accuracy against 60 hand-tagged news-style sentences
// (tests/data/tagger/news.tsv, the oracle), with a floor at the figure reached.
#include "io/extract/tagger.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "io/extract/word_classes.hpp"
#include "io/extract_text.hpp"
#include "tests/support/data.hpp"

namespace stakegraph::io::extract {
namespace {

// Word classes for the rule tests (format of word_classes.hpp, rows in byte order).
const WordClassTable& tiny() {
  static const WordClassTable t = WordClassTable::parse(
      "word\tclasses\n"
      "cost\tn5 v1\n"
      "court\tn9 v1\n"
      "cut\tn1 v5\n"
      "dress\tv4\n"
      "dressed\tn9 a1\n"
      "fine\tn2 a9\n"
      "firm\tn2 a9\n"
      "fund\tn9 v1\n"
      "grain\tn5\n"
      "hurt\tv5\n"
      "limit\tn2 v3\n"
      "limited\ta9\n"
      "more\ta2 r9\n"
      "paris\tp5\n"
      "part\tn9 v1\n"
      "people\tn9\n"
      "plan\tn9 v2\n"
      "price\tn5\n"
      "rise\tv5\n"
      "said\tv9\n"
      "sale\tn5\n"
      "school\tn5\n"
      "set\tn5 v5\n"
      "ship\tn9 v2\n"
      "spending\tn5\n"
      "supply\tn9 v2\n"
      "surge\tn5 v1\n"
      "today\tn9 r3\n"
      "unit\tn5\n"
      "want\tn1 v9\n"
      "went\tv9\n"
      "work\tn2 v9\n",
      "tiny.tsv");
  return t;
}

// "word/TAG ..." of a text, sentence after sentence.
std::string tagged(const std::string& text, const WordClassTable* table = &tiny()) {
  const TextLayout layout = split_text(text);
  TagOptions o;
  o.table = table;
  const TagResult r = tag_layout(layout, o);
  std::string out;
  for (std::size_t i = 0; i < layout.tokens.size(); ++i) {
    if (!out.empty()) out += ' ';
    const Token& t = layout.tokens[i];
    out += text.substr(t.start, t.end - t.start) + "/" + std::string(pos_name(r.tags[i]));
  }
  return out;
}

TEST(Tagger, PosNamesRoundTrip) {
  for (std::size_t i = 0; i < kPosCount; ++i) {
    const Pos p = static_cast<Pos>(i);
    EXPECT_EQ(parse_pos(pos_name(p)), p);
  }
  EXPECT_FALSE(parse_pos("SYM"));
  EXPECT_TRUE(tag_sentence({}, {}).tags.empty());
}

TEST(Tagger, AfterDeterminerNoVerb) {
  // cut is mostly a verb (v5 > n1); after "The" it is a noun.
  EXPECT_EQ(tagged("The cut hurt."), "The/DET cut/NOUN hurt/VERB ./PUNCT");
}

TEST(Tagger, AfterModalAVerb) {
  // surge is mostly a noun (n5 > v1); after "will" a verb.
  EXPECT_EQ(tagged("Prices will surge."), "Prices/NOUN will/AUX surge/VERB ./PUNCT");
}

TEST(Tagger, AfterToAVerbWhenAnObjectFollows) {
  EXPECT_EQ(tagged("They plan to fund the school."),
            "They/PRON plan/VERB to/PART fund/VERB the/DET school/NOUN ./PUNCT");
  // court: n9 v1, nothing follows: "to" is a preposition.
  EXPECT_EQ(tagged("They went to court."), "They/PRON went/VERB to/ADP court/NOUN ./PUNCT");
}

TEST(Tagger, AfterHaveAParticiple) {
  // set: n5 v5 (a tie, which goes to the noun); after "has" a verb, "has" an auxiliary.
  EXPECT_EQ(tagged("The council has set limits."),
            "The/DET council/NOUN has/AUX set/VERB limits/NOUN ./PUNCT");
  // "has" without a verb after it is the verb.
  EXPECT_EQ(tagged("The council has limits."), "The/DET council/NOUN has/VERB limits/NOUN ./PUNCT");
}

TEST(Tagger, AfterBeAPassive) {
  // dressed: listed as n9 a1, a verb by "dress" + -ed: after "was" the verb.
  EXPECT_EQ(tagged("The unit was dressed."), "The/DET unit/NOUN was/AUX dressed/VERB ./PUNCT");
  // limited: a9 beats the verb "limit" (v3): an adjective.
  EXPECT_EQ(tagged("The unit was limited."), "The/DET unit/NOUN was/AUX limited/ADJ ./PUNCT");
}

TEST(Tagger, AfterSubjectPronounAVerb) {
  // ship: n9 v2.
  EXPECT_EQ(tagged("They ship grain."), "They/PRON ship/VERB grain/NOUN ./PUNCT");
}

TEST(Tagger, BetweenNounAndObjectAVerb) {
  // plans: plural of plan (n9) or its -s form (v2): a verb before "a".
  EXPECT_EQ(tagged("The unit plans a sale."),
            "The/DET unit/NOUN plans/VERB a/DET sale/NOUN ./PUNCT");
  // Before a verb it stays a noun.
  EXPECT_EQ(tagged("The plans hurt."), "The/DET plans/NOUN hurt/VERB ./PUNCT");
}

TEST(Tagger, CoordinatedVerbsShareTheirEnding) {
  // supplies: n9 v2; after "and", with "ships" before it, a verb.
  EXPECT_EQ(tagged("It ships grain and supplies parts."),
            "It/PRON ships/VERB grain/NOUN and/CCONJ supplies/VERB parts/NOUN ./PUNCT");
}

TEST(Tagger, RightAfterAVerbANoun) {
  // work: n2 v9.
  EXPECT_EQ(tagged("They hurt work."), "They/PRON hurt/VERB work/NOUN ./PUNCT");
}

TEST(Tagger, ParticipleBeforeNounIsAdjective) {
  // rising: a verb by "rise" + -ing only; before "costs", opening the sentence, an adjective.
  EXPECT_EQ(tagged("Rising costs hurt."), "Rising/ADJ costs/NOUN hurt/VERB ./PUNCT");
}

TEST(Tagger, BeforePossessiveANoun) {
  // firm: a9 n2.
  EXPECT_EQ(tagged("The firm's unit."), "The/DET firm/NOUN 's/PART unit/NOUN ./PUNCT");
  // fine: a9 n2, after "a" and before "of": a noun.
  EXPECT_EQ(tagged("They set a fine of 9."),
            "They/PRON set/VERB a/DET fine/NOUN of/ADP 9/NUM ./PUNCT");
}

TEST(Tagger, AdverbBeforeNounIsAdjective) {
  EXPECT_EQ(tagged("They want more grain."), "They/PRON want/VERB more/ADJ grain/NOUN ./PUNCT");
}

TEST(Tagger, Capitals) {
  // A capitalised common word opening a sentence is that word; a name is PROPN.
  EXPECT_EQ(tagged("Today the cut hurt."), "Today/NOUN the/DET cut/NOUN hurt/VERB ./PUNCT");
  EXPECT_EQ(tagged("Paris hurt."), "Paris/PROPN hurt/VERB ./PUNCT");
  EXPECT_EQ(tagged("Grain Holdings hurt."), "Grain/PROPN Holdings/PROPN hurt/VERB ./PUNCT");
  EXPECT_EQ(tagged("Zorvik hurt."), "Zorvik/PROPN hurt/VERB ./PUNCT");
  // Inside a sentence: names, an acronym, a demonym before a lower-case noun, a month "May".
  EXPECT_EQ(tagged("It hurt Sale Court and the EU in May."),
            "It/PRON hurt/VERB Sale/PROPN Court/PROPN and/CCONJ the/DET EU/PROPN in/ADP May/PROPN "
            "./PUNCT");
  const WordClassTable t = WordClassTable::parse("word\tclasses\nchinese\tn2 a4\n", "t");
  EXPECT_EQ(tagged("It hurt Chinese ships.", &t),
            "It/PRON hurt/NOUN Chinese/ADJ ships/NOUN ./PUNCT");
}

TEST(Tagger, ClosedWordsByTheirNextWord) {
  EXPECT_EQ(tagged("They said that the cut hurt."),
            "They/PRON said/VERB that/SCONJ the/DET cut/NOUN hurt/VERB ./PUNCT");
  EXPECT_EQ(tagged("That unit hurt."), "That/DET unit/NOUN hurt/VERB ./PUNCT");
  EXPECT_EQ(tagged("It hurt of that unit."), "It/PRON hurt/VERB of/ADP that/DET unit/NOUN ./PUNCT");
  EXPECT_EQ(tagged("The unit that hurt us."),
            "The/DET unit/NOUN that/PRON hurt/VERB us/PRON ./PUNCT");
  EXPECT_EQ(tagged("Her unit hurt her."), "Her/DET unit/NOUN hurt/VERB her/PRON ./PUNCT");
  EXPECT_EQ(tagged("It hurt after the sale."),
            "It/PRON hurt/VERB after/ADP the/DET sale/NOUN ./PUNCT");
  EXPECT_EQ(tagged("It hurt after the sale hurt."),
            "It/PRON hurt/VERB after/SCONJ the/DET sale/NOUN hurt/VERB ./PUNCT");
  EXPECT_EQ(tagged("There is a unit there."),
            "There/PRON is/AUX a/DET unit/NOUN there/ADV ./PUNCT");
  EXPECT_EQ(tagged("It did not hurt."), "It/PRON did/AUX not/PART hurt/VERB ./PUNCT");
  EXPECT_EQ(tagged("It's about 30."), "It/PRON 's/AUX about/ADV 30/NUM ./PUNCT");
}

TEST(Tagger, CommonWord) {
  TagOptions o;
  o.table = &tiny();
  EXPECT_TRUE(common_word("the", o));     // a grammar word
  EXPECT_TRUE(common_word("plans", o));   // "plan" + -s
  EXPECT_FALSE(common_word("paris", o));  // a proper noun only
  EXPECT_FALSE(common_word("zorvik", o));
}

TEST(Tagger, UnknownWordsBySuffix) {
  EXPECT_EQ(tagged("The zorbish unit grimbled quizzly."),
            "The/DET zorbish/ADJ unit/NOUN grimbled/VERB quizzly/ADV ./PUNCT");
  EXPECT_EQ(tagged("A snow-free unit."), "A/DET snow-free/ADJ unit/NOUN ./PUNCT");
}

TEST(Tagger, ShippedTable) {
  const std::string words = std::string(STAKEGRAPH_SOURCE_DIR) + "/data/wordnet/wordclasses.tsv";
  STAKEGRAPH_NEED_FILE(words);
  EXPECT_GT(WordClassTable::shipped().size(), 80000u);
  EXPECT_EQ(tagged("The ministry said it would cut the fine.", nullptr),
            "The/DET ministry/NOUN said/VERB it/PRON would/AUX cut/VERB the/DET fine/NOUN "
            "./PUNCT");
}

// A sentence of the gold file: its text and its tokens with their tags.
struct GoldSentence {
  std::string text;
  std::vector<std::pair<std::string, std::string>> tokens;
};

std::vector<GoldSentence> read_gold(const std::string& path) {
  std::ifstream in(path);
  std::vector<GoldSentence> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("# text = ", 0) == 0) {
      out.push_back({line.substr(9), {}});
    } else if (!line.empty() && line[0] != '#') {
      const std::size_t tab = line.find('\t');
      if (tab == std::string::npos || out.empty()) {
        ADD_FAILURE() << path << ": bad line '" << line << "'";
        continue;
      }
      out.back().tokens.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    }
  }
  return out;
}

TEST(TaggerAccuracy, HandTaggedNewsSentences) {
  const std::string gold_path = stakegraph::test_support::test_data("tagger/news.tsv").string();
  STAKEGRAPH_NEED_FILE(gold_path);
  const std::string words = std::string(STAKEGRAPH_SOURCE_DIR) + "/data/wordnet/wordclasses.tsv";
  STAKEGRAPH_NEED_FILE(words);
  const std::vector<GoldSentence> gold = read_gold(gold_path);
  ASSERT_EQ(gold.size(), 60u);
  // Sentences 1-40 were looked at while the rules were written; 41-60 were not.
  std::size_t right[2] = {0, 0}, total[2] = {0, 0};
  for (std::size_t s = 0; s < gold.size(); ++s) {
    const GoldSentence& g = gold[s];
    const TextLayout layout = split_text(g.text);
    ASSERT_EQ(layout.tokens.size(), g.tokens.size()) << g.text;
    const TagResult r = tag_layout(layout);
    for (std::size_t i = 0; i < g.tokens.size(); ++i) {
      const Token& t = layout.tokens[i];
      ASSERT_EQ(g.text.substr(t.start, t.end - t.start), g.tokens[i].first) << g.text;
      ASSERT_TRUE(parse_pos(g.tokens[i].second)) << g.tokens[i].second;
      const std::size_t part = s < 40 ? 0 : 1;
      ++total[part];
      right[part] += pos_name(r.tags[i]) == g.tokens[i].second;
    }
  }
  const double seen = double(right[0]) / double(total[0]);
  const double held = double(right[1]) / double(total[1]);
  const double all = double(right[0] + right[1]) / double(total[0] + total[1]);
  std::cout << "tagger accuracy: seen " << right[0] << "/" << total[0] << ", held out " << right[1]
            << "/" << total[1] << ", all " << right[0] + right[1] << "/" << total[0] + total[1]
            << " (" << all << ")\n";
  RecordProperty("accuracy", std::to_string(all));
  // Floors at the figures reached (README and io/extract/README.md say them).
  EXPECT_GE(seen, 0.99);
  EXPECT_GE(held, 0.95);
  EXPECT_GE(all, 0.98);
}

}  // namespace
}  // namespace stakegraph::io::extract
