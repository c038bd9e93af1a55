// `stakegraph dictionary convert` and `check`: converting PETRARCH's validation dictionaries
// (tests/data/petrarch) into the derived TSV and reading it back, --json counts, a malformed
// line (one-line error naming file and line, exit 1, nothing written) and usage errors (2).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/cli/run.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph {
namespace {

namespace fs = std::filesystem;
using test_support::run_stakegraph;

const std::string kPetr = std::string(STAKEGRAPH_SOURCE_DIR) + "/tests/data/petrarch/";

class DictionaryCliTest : public test_support::TempDirTest {};

TEST_F(DictionaryCliTest, ConvertThenCheckTheDerivedFiles) {
  const std::string out = path("dicts");
  auto r = run_stakegraph("dictionary convert --verbs '" + kPetr + "PETR.Validate.verbs.txt' " +
                          "--actors '" + kPetr + "PETR.Validate.actors.txt' --agents '" + kPetr +
                          "PETR.Validate.agents.txt' --discards '" + kPetr +
                          "PETR.Validate.discards.txt' -o '" + out + "' --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["outputs"].size(), 4u);
  EXPECT_EQ(j["outputs"][0]["kind"], "verbs");
  const auto patterns = j["outputs"][0]["patterns"].get<int>();
  EXPECT_GT(patterns, 100);
  for (const char* f : {"verbs.tsv", "actors.tsv", "agents.tsv", "discards.tsv"})
    EXPECT_TRUE(fs::exists(out + "/" + f)) << f;
  const std::string head = test_support::slurp(out + "/verbs.tsv").substr(0, 120);
  EXPECT_EQ(head.rfind("#stakegraph-dictionary\tverbs\t1\n# Derived by", 0), 0u) << head;

  r = run_stakegraph("dictionary check '" + out + "/verbs.tsv' '" + out + "/agents.tsv' --json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto c = nlohmann::json::parse(r.out);
  ASSERT_EQ(c["files"].size(), 2u);
  EXPECT_EQ(c["files"][0]["kind"], "verbs");
  EXPECT_EQ(c["files"][0]["patterns"].get<int>(), patterns);
  EXPECT_EQ(c["files"][1]["kind"], "agents");

  r = run_stakegraph("dictionary check '" + kPetr + "PETR.Validate.actors.txt'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find(": actors actors="), std::string::npos) << r.out;
}

TEST_F(DictionaryCliTest, MalformedLineIsOneLineErrorAndNothingIsWritten) {
  { std::ofstream(path("bad.verbs")) << "---  ACCUSE [112] ---\nACCUSE\n- * SPYING\n"; }
  auto r = run_stakegraph("dictionary convert --verbs '" + path("bad.verbs") + "' -o '" +
                          path("out") + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err,
            "stakegraph: error: " + path("bad.verbs") + ":3: pattern without a final [code]\n");
  EXPECT_FALSE(fs::exists(path("out")));
  r = run_stakegraph("dictionary check '" + path("bad.verbs") + "'");
  EXPECT_EQ(r.status, 1);
  r = run_stakegraph("dictionary check '" + path("missing.actors") + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("no such file"), std::string::npos);
}

TEST_F(DictionaryCliTest, LenientSkipsAndListsMalformedLines) {
  { std::ofstream(path("some.agents")) << "POLICE {} [~COP]\nEXTREMIST\nMINISTER [~GOV]\n"; }
  auto r = run_stakegraph("dictionary check '" + path("some.agents") + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "stakegraph: error: " + path("some.agents") + ":2: agent without a [~CODE]\n");
  r = run_stakegraph("dictionary check --lenient --json '" + path("some.agents") + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["files"][0]["phrases"], 3);  // police, minister, ministers
  ASSERT_EQ(j["files"][0]["warnings"].size(), 1u);
  EXPECT_EQ(j["files"][0]["warnings"][0]["line"], 2);
}

TEST_F(DictionaryCliTest, LookupWithTheShippedSetAndWithUserFiles) {
  // "the united states accused the police of torture": actor USA (2 words from 1), agent COP
  // at 5, verb "accused" at 3 in block BLAME with the pattern "* (OF TORTURE)" -> 1122 ACCUSE.
  auto r = run_stakegraph(
      "dictionary lookup --json --date 2019-05-01 "
      "'The United States accused the police of torture.'");
  ASSERT_EQ(r.status, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  bool usa = false, cop = false, accused = false;
  for (const auto& a : j["actors"]) usa |= a["at"] == 1 && a["code"] == "USA" && a["length"] == 2;
  for (const auto& a : j["agents"]) cop |= a["at"] == 5 && a["code"] == "COP";
  for (const auto& v : j["verbs"])
    accused |= v["at"] == 3 && v["block"] == "BLAME" && v["cameo"] == "1122" &&
               v["plover"] == "ACCUSE" && v["pattern"] == "* (OF TORTURE)";
  EXPECT_TRUE(usa && cop && accused) << r.out;
  // The validation actors replace the shipped ones: Arnor is ARN there, unknown otherwise.
  r = run_stakegraph("dictionary lookup --json --dictionary '" + kPetr +
                     "PETR.Validate.actors.txt' 'Arnor restored ties with Gondor'");
  ASSERT_EQ(r.status, 0) << r.err;
  j = nlohmann::json::parse(r.out);
  ASSERT_FALSE(j["actors"].empty()) << r.out;
  EXPECT_EQ(j["actors"][0]["code"], "ARN");
  EXPECT_EQ(run_stakegraph("dictionary lookup --date 2019-13-01 'x'").status, 2);
}

TEST_F(DictionaryCliTest, Help) {
  for (const char* sub :
       {"dictionary", "dictionary convert", "dictionary check", "dictionary lookup"}) {
    const auto r = run_stakegraph(std::string(sub) + " --help");
    EXPECT_EQ(r.status, 0) << sub << ": " << r.err;
    EXPECT_NE(r.out.find("dictionar"), std::string::npos) << sub;
  }
}

TEST_F(DictionaryCliTest, UsageErrors) {
  EXPECT_EQ(run_stakegraph("dictionary").status, 2);
  EXPECT_EQ(run_stakegraph("dictionary convert -o '" + path("x") + "'").status, 2);
  EXPECT_EQ(
      run_stakegraph("dictionary convert --discards '" + kPetr + "PETR.Validate.discards.txt'")
          .status,
      2);
  EXPECT_EQ(run_stakegraph("dictionary check").status, 2);
}

}  // namespace
}  // namespace stakegraph
