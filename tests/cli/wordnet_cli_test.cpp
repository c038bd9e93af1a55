// `stakegraph dictionary wordnet` and `dictionary tag` as a user runs them: a tiny WordNet
// written for this test gives a table (exit 0, counts in JSON); a malformed WordNet line is
// a one-line error naming file and line (exit 1, nothing written); no -o is a usage error
// (2); `tag` prints word/TAG items of a sentence of our own with the shipped table.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/cli/run.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph {
namespace {

class WordnetCliTest : public test_support::TempDirTest {
 protected:
  void tiny_wordnet() {
    write("index.noun", "  1 licence\nharbour n 1 0 1 0 00000001  \n");
    write("index.verb", "harbour v 1 0 1 1 00000002  \n");
    write("index.adj", "");
    write("index.adv", "");
    write("cntlist.rev", "harbour%2:40:00:: 1 2\n");
    write("data.noun", "00000001 06 n 01 harbour 0 000 | a shelter  \n");
    for (const char* f : {"noun.exc", "verb.exc", "adj.exc", "adv.exc"}) write(f, "");
  }
};

TEST_F(WordnetCliTest, DerivesATable) {
  tiny_wordnet();
  auto r = test_support::run_stakegraph("dictionary wordnet --wordnet-dir '" + dir_.string() +
                                        "' -o '" + path("w.tsv") + "' --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["words"], 1);
  const std::string tsv = test_support::slurp(path("w.tsv"));
  EXPECT_EQ(j["bytes"].get<std::size_t>(), tsv.size());
  EXPECT_NE(tsv.find("\nharbour\tn1 v3\n"), std::string::npos) << tsv;
}

TEST_F(WordnetCliTest, MalformedLineAndUsage) {
  tiny_wordnet();
  write("cntlist.rev", "harbour%2:40:00:: 1 2\nharbour 1\n");
  auto r = test_support::run_stakegraph("dictionary wordnet --wordnet-dir '" + dir_.string() +
                                        "' -o '" + path("w.tsv") + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(path("cntlist.rev") + ":2:"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_FALSE(std::filesystem::exists(path("w.tsv")));
  r = test_support::run_stakegraph("dictionary wordnet --wordnet-dir '" + dir_.string() + "'");
  EXPECT_EQ(r.status, 2) << r.err;
}

TEST_F(WordnetCliTest, TagsASentence) {
  auto r = test_support::run_stakegraph("dictionary tag 'The harbour board will cut fees.'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "The/DET harbour/NOUN board/NOUN will/AUX cut/VERB fees/NOUN ./PUNCT\n");
}

}  // namespace
}  // namespace stakegraph
