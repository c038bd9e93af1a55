// `dictionary convert|check|lookup` run in-process (cli/dictionary.hpp: run_dictionary_x on a
// stream) print what the stakegraph binary prints, byte for byte (but check's load times),
// and what it printed before they became public functions (tests/data/golden/dictionary_*,
// see tests/data/README.md), on PETRARCH 2's validation dictionaries (tests/data/petrarch)
// and a sentence of our own: "Years later the Israeli foreign minister met the president of
// Jordan and promised aid to Egyptian women."
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/dictionary.hpp"
#include "graph/error.hpp"
#include "io/error.hpp"
#include "tests/cli/inproc.hpp"
#include "tests/cli/run.hpp"
#include "tests/support/data.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph::cli {
namespace {

using test_support::binary_output;
using test_support::run_stakegraph;
using test_support::slurp;
using test_support::test_data;

const std::string kSentence =
    "Years later the Israeli foreign minister met the president of Jordan and promised aid to "
    "Egyptian women.";

// The validation dictionaries, by kind (paths relative to tests/data, as the goldens name
// them).
const std::vector<std::string> kValidate = {
    "petrarch/PETR.Validate.verbs.txt", "petrarch/PETR.Validate.actors.txt",
    "petrarch/PETR.Validate.agents.txt", "petrarch/PETR.Validate.discards.txt"};

std::string golden(const std::string& name) {
  const auto path = test_data("golden/" + name);
  EXPECT_TRUE(std::filesystem::exists(path)) << path;
  return slurp(path.string());
}

std::string quoted(const std::vector<std::string>& files) {
  std::string s;
  for (const auto& f : files) s += " '" + f + "'";
  return s;
}

// check's output without the load times ("load_ms": 1.23 in JSON, load_ms=1.23 in text).
std::string without_load_ms(const std::string& text) {
  return std::regex_replace(text, std::regex("(\"?load_ms\"?[:=] ?)[0-9.e+-]+"), "$1_");
}

// The dictionaries are named relative to tests/data, as the goldens were made there.
class DictionaryInProcess : public test_support::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    STAKEGRAPH_NEED_FILE(test_data(kValidate[0]));
    previous_ = std::filesystem::current_path();
    std::filesystem::current_path(test_data(""));
  }
  void TearDown() override {
    if (!previous_.empty()) std::filesystem::current_path(previous_);
    TempDirTest::TearDown();
  }
  // `stakegraph ARGS` run in tests/data.
  std::string binary(const std::string& args) { return binary_output(args); }
  std::filesystem::path previous_;
};

TEST_F(DictionaryInProcess, LookupEqualsTheBinarysAndTheGoldens) {
  DictionaryLookupOptions o;
  o.text = kSentence;
  o.files = kValidate;
  o.date = "2010-05-01";
  const std::string text = test_support::in_process(run_dictionary_lookup, o);
  EXPECT_EQ(text, golden("dictionary_lookup_validate.txt"));
  EXPECT_EQ(text, binary("dictionary lookup '" + kSentence + "' --date 2010-05-01 --dictionary" +
                         quoted(kValidate)));
  o.json = true;
  EXPECT_EQ(test_support::in_process(run_dictionary_lookup, o),
            golden("dictionary_lookup_validate.json"));
}

TEST_F(DictionaryInProcess, CheckEqualsTheBinarysAndTheGoldens) {
  DictionaryCheckOptions o;
  o.files = kValidate;
  o.json = true;
  const std::string json = test_support::in_process(run_dictionary_check, o);
  EXPECT_EQ(without_load_ms(json), without_load_ms(golden("dictionary_check_validate.json")));
  EXPECT_EQ(without_load_ms(json),
            without_load_ms(binary("dictionary check --json" + quoted(kValidate))));
  o.json = false;
  EXPECT_EQ(without_load_ms(test_support::in_process(run_dictionary_check, o)),
            without_load_ms(binary("dictionary check" + quoted(kValidate))));
}

TEST_F(DictionaryInProcess, ConvertEqualsTheBinarysAndTheGoldens) {
  DictionaryConvertOptions o;
  o.verbs = kValidate[0];
  o.actors = {kValidate[1]};
  o.agents = {kValidate[2]};
  o.discards = {kValidate[3]};
  o.output = path("mine");
  o.json = true;
  const std::string json = test_support::in_process(run_dictionary_convert, o);
  const std::string args = " --verbs '" + kValidate[0] + "' --actors '" + kValidate[1] +
                           "' --agents '" + kValidate[2] + "' --discards '" + kValidate[3] + "'";
  std::string theirs = binary("dictionary convert --json -o '" + path("bin") + "'" + args);
  for (std::size_t at; (at = theirs.find(path("bin"))) != std::string::npos;)
    theirs.replace(at, path("bin").size(), path("mine"));
  EXPECT_EQ(json, theirs);
  for (const char* tsv : {"verbs.tsv", "actors.tsv", "agents.tsv", "discards.tsv"}) {
    EXPECT_EQ(slurp(path("mine/") + tsv), slurp(path("bin/") + tsv)) << tsv;
    EXPECT_EQ(slurp(path("mine/") + tsv), golden(std::string("dictionary_validate_") + tsv)) << tsv;
  }
}

TEST_F(DictionaryInProcess, ErrorsAreThrownNotPrinted) {
  std::ostringstream out;
  DictionaryConvertOptions c;
  c.verbs = kValidate[0];
  EXPECT_THROW(run_dictionary_convert(c, out), graph::InvalidArgument);  // no -o
  c = DictionaryConvertOptions{};
  c.output = path("d");
  EXPECT_THROW(run_dictionary_convert(c, out), graph::InvalidArgument);  // no input
  c.output = write("file", "x");
  c.verbs = kValidate[0];
  EXPECT_THROW(run_dictionary_convert(c, out), graph::InvalidArgument);  // not a directory
  // A malformed line: an error naming file and line, and nothing written.
  const std::string bad = write("bad.verbs", "--- GIVE ---\n[\n");
  c.output = path("d");
  c.verbs = bad;
  EXPECT_THROW(run_dictionary_convert(c, out), io::ParseError);
  EXPECT_FALSE(std::filesystem::exists(path("d/verbs.tsv")));
  DictionaryCheckOptions k;
  EXPECT_THROW(run_dictionary_check(k, out), graph::InvalidArgument);
  k.files = {write("empty.actors", "")};
  EXPECT_THROW(run_dictionary_check(k, out), graph::Error);
  DictionaryLookupOptions l;
  l.text = kSentence;
  l.files = kValidate;
  l.date = "2010-13-45";
  EXPECT_THROW(run_dictionary_lookup(l, out), graph::InvalidArgument);
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(
      run_stakegraph("dictionary convert --verbs '" + bad + "' -o '" + path("d") + "'").status, 1);
  EXPECT_EQ(run_stakegraph("dictionary convert -o '" + path("d") + "'").status, 2);
}

}  // namespace
}  // namespace stakegraph::cli
