// The word-list compiler (io/extract/words_gen.hpp): a good list and table become the C++ the
// rules use; every kind of malformed line is an error naming the file and the line; the build
// tool writes its output whole or not at all and exits 1 on a malformed list.
#include "io/extract/words_gen.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph::io::extract {
namespace {

class WordsGenTest : public test_support::TempDirTest {
 protected:
  // Compiles one file of the scratch directory.
  WordDataResult compile(const std::string& name, const std::string& text) {
    return compile_word_data({{write(name, text)}});
  }
  // The error of a malformed file; fails the test when it compiles.
  ParseError error(const std::string& name, const std::string& text) {
    try {
      compile(name, text);
    } catch (const ParseError& e) {
      return e;
    }
    ADD_FAILURE() << name << " compiled";
    return ParseError("", 0, 0, "");
  }
  void expect_error(const std::string& text, std::size_t line, const std::string& what,
                    const std::string& name = "list.txt") {
    const ParseError e = error(name, text);
    EXPECT_EQ(e.file(), path(name)) << text;
    EXPECT_EQ(e.line(), line) << text;
    EXPECT_NE(std::string(e.what()).find(path(name) + ":" + std::to_string(line) + ": "),
              std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
  }
};

TEST_F(WordsGenTest, ListBecomesAnArrayInFileOrder) {
  const auto r = compile("locative_preps.txt", "# where\nnear\n# a comment\nacross\nout of\n");
  EXPECT_EQ(r.lists, 1u);
  EXPECT_EQ(r.entries, 3u);
  EXPECT_NE(r.header.find("inline constexpr std::string_view kLocativePreps[] = {\n"
                          "    \"near\",\n    \"across\",\n    \"out of\",\n};"),
            std::string::npos)
      << r.header;
  // No newline after the last entry; quotes and backslashes escaped.
  const auto q = compile("quotes.txt", "# q\nit's\n\"x\\y");
  EXPECT_NE(q.header.find(R"("it's",)"), std::string::npos);
  EXPECT_NE(q.header.find(R"("\"x\\y",)"), std::string::npos) << q.header;
}

TEST_F(WordsGenTest, TableBecomesRowsWithLineMarks) {
  // kinds padded with the last kind; words padded with "" to the longest row.
  const auto r = compile("heads.tsv",
                         "# heads\nword\tkinds\tplural\twords\trelation\n"
                         "firm\tvendor organization\tno\ta b c\tCOERCE\n"
                         "ports\tagency\tyes\td\tpart_of\n");
  EXPECT_EQ(r.entries, 2u);
  const std::string& h = r.header;
  EXPECT_NE(h.find("struct HeadsRow {\n  std::string_view word;\n"
                   "  std::array<graph::Kind, 3> kinds;\n  bool plural;\n"
                   "  std::array<std::string_view, 3> words;\n  graph::Relation relation;\n};"),
            std::string::npos)
      << h;
  EXPECT_NE(h.find("#line 3 \"" + path("heads.tsv") +
                   "\"\n    {\"firm\", {graph::Kind::kVendor, graph::Kind::kOrganization, "
                   "graph::Kind::kOrganization}, false, {\"a\", \"b\", \"c\"}, "
                   "graph::Relation::kCoerce},\n"),
            std::string::npos)
      << h;
  EXPECT_NE(h.find("#line 4 \"" + path("heads.tsv") +
                   "\"\n    {\"ports\", {graph::Kind::kAgency, graph::Kind::kAgency, "
                   "graph::Kind::kAgency}, true, {\"d\", \"\", \"\"}, "
                   "graph::Relation::kPartOf},\n"),
            std::string::npos)
      << h;
}

// The `#line` after a table gives the generated file's own numbering back: the line after it
// is numbered as it stands in the file.
TEST_F(WordsGenTest, LineMarkAfterTableRestoresNumbering) {
  const auto r = compile_word_data(
      {{write("a.txt", "# a\nx\ny\n"), write("t.tsv", "# t\nword\tplural\nz\tno\nw\tyes\n")},
       "gen.hpp"});
  std::istringstream in(r.header);
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.starts_with("#line ") && line.ends_with("\"gen.hpp\"")) {
      EXPECT_EQ(std::stoul(line.substr(6)), n + 1) << r.header;
      return;
    }
  }
  ADD_FAILURE() << "no #line back to gen.hpp\n" << r.header;
}

TEST_F(WordsGenTest, MalformedListsNameFileAndLine) {
  expect_error("# h\nof\n\nin\n", 3, "empty entry");
  expect_error("# h\nof\n in\n", 3, "leading or trailing blank in entry ' in'");
  expect_error("# h\nof\nin \n", 3, "leading or trailing blank");
  expect_error("# h\nof\r\n", 2, "leading or trailing blank");  // CRLF
  expect_error("# h\nof\nat\nof\n", 4, "duplicate entry 'of' (first on line 2)");
  expect_error("# h\nof\nBy\n", 3, "upper case in entry 'By'");
  expect_error("# h\nout  of\n", 2, "two blanks in a row");
  expect_error("# h\nout\tof\n", 2, "control character");
  expect_error("of\nin\n", 1, "no header comment");
  expect_error("# h\n# only comments\n", 2, "no entries");
}

TEST_F(WordsGenTest, MalformedTablesNameFileAndLine) {
  const std::string head = "# h\nword\tkinds\tplural\n";
  expect_error(head + "firm\tvendor\tno\nbank\tagency\n", 4, "2 columns, the header names 3",
               "t.tsv");
  expect_error(head + "firm\tvendor\tno\textra\n", 3, "4 columns", "t.tsv");
  expect_error(head + "firm\tvendor\tmaybe\n", 3, "neither yes nor no", "t.tsv");
  expect_error(head + "firm\t\tno\n", 3, "empty column 'kinds'", "t.tsv");
  expect_error(head + "firm\tvendor agency media person\tno\n", 3, "more than 3 kinds", "t.tsv");
  expect_error(head + "firm\tvendor vendor\tno\n", 3, "kind 'vendor' twice", "t.tsv");
  expect_error(head + "Firm\tvendor\tno\n", 3, "upper case in column 'word'", "t.tsv");
  expect_error(head + "firm\tVendor\tno\n", 3, "upper case in column 'kinds'", "t.tsv");
  expect_error(head + "big firm\tvendor\tno\n", 3, "blank inside column 'word'", "t.tsv");
  expect_error(head + "firm\tvendor\tno\nfirm\tagency\tyes\n", 4,
               "duplicate entry 'firm' (first on line 3)", "t.tsv");
  expect_error("# h\nword\tword\n", 2, "column 'word' named twice", "t.tsv");
  expect_error("# h\nWord\n", 2, "column name 'Word'", "t.tsv");
  expect_error("# h\n", 1, "no line naming the columns", "t.tsv");
  expect_error("# h\nnoun\trelation\nban\tSANCTION-X\n", 3, "no relation name", "t.tsv");
}

TEST_F(WordsGenTest, BadFileNamesAndMissingFiles) {
  EXPECT_THROW(compile("Bad.txt", "# h\nx\n"), graph::InvalidArgument);
  EXPECT_THROW(compile("list.csv", "# h\nx\n"), graph::InvalidArgument);
  EXPECT_THROW(compile_word_data({{write("a.txt", "# h\nx\n"), write("a.tsv", "# h\nw\nx\n")}}),
               graph::InvalidArgument);
  try {
    compile_word_data({{path("missing.txt")}});
    ADD_FAILURE() << "a missing file compiled";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.file(), path("missing.txt"));
  }
}

// The build tool: exit 0 and the header for good files; for a malformed one, exit 1, the
// message names the file and line, and the output is left as it was.
TEST_F(WordsGenTest, ToolExitsOneOnBadFileAndWritesNothing) {
  const std::string tool = STAKEGRAPH_WORDS_GEN;
  const std::string good = write("good.txt", "# good\nof\nin\n");
  const std::string bad = write("bad.txt", "# bad\nof\nin\nof\n");
  const std::string out = path("gen/word_data.hpp");
  const std::string err = path("err.txt");
  auto run = [&](const std::string& files) {
    const int status = std::system((tool + " " + out + " " + files + " 2>" + err).c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  };
  auto slurp = [](const std::string& p) {
    std::ifstream in(p);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  };
  ASSERT_EQ(run(good), 0) << slurp(err);
  const std::string written = slurp(out);
  EXPECT_NE(written.find("kGood[] = {\n    \"of\",\n    \"in\",\n};"), std::string::npos);
  EXPECT_EQ(run(good + " " + bad), 1);
  EXPECT_NE(slurp(err).find(bad + ":4: duplicate entry 'of' (first on line 2)"), std::string::npos)
      << slurp(err);
  EXPECT_EQ(slurp(out), written);
  EXPECT_FALSE(std::filesystem::exists(out + ".tmp"));
  EXPECT_EQ(run(""), 2);  // usage
}

// The lists the program ships compile (the build checks them too: this names the failure).
TEST(WordsGenShipped, EveryShippedListCompiles) {
  WordDataOptions options;
  const std::filesystem::path dir = std::filesystem::path(STAKEGRAPH_SOURCE_DIR) / "data/words";
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".txt" || e.path().extension() == ".tsv")
      options.files.push_back(e.path().string());
  ASSERT_GT(options.files.size(), 40u);
  const auto r = compile_word_data(options);
  EXPECT_EQ(r.lists, options.files.size());
  // data/words/lists.cmake (what the build compiles) names every list of the folder.
  std::ifstream in(dir / "lists.cmake");
  std::set<std::string> listed, present;
  for (std::string line; std::getline(in, line);)
    if (line.starts_with("  data/words/")) listed.insert(line.substr(13));
  for (const auto& f : options.files) present.insert(std::filesystem::path(f).filename());
  EXPECT_EQ(listed, present);
}

}  // namespace
}  // namespace stakegraph::io::extract
