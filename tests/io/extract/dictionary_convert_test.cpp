// dictionary convert as a library function (io/extract/dictionary/convert.hpp): read every
// input, then write the derived TSV with its source note; a bad input writes nothing. Tiny
// dictionaries written for this test.
#include "io/extract/dictionary/convert.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph::io::extract::dictionary {
namespace {

class DictionaryConvert : public test_support::TempDirTest {
 protected:
  std::string slurp(const std::string& p) const {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  // Two actor files merged in order, one agent file.
  ConvertOptions options() {
    ConvertOptions o;
    o.actors = {write("one.actors", "NORTHLAND_ [NTH]\n+NORTHLANDS\n"),
                write("two.actors", "SOUTH_HARBOUR_AUTHORITY [STHGOV]\n")};
    o.agents = {write("few.agents", "HARBOUR_MASTER [~GOV]\n")};
    o.output_dir = path("out");
    return o;
  }
};

TEST_F(DictionaryConvert, WritesTsvWithSourceNoteAfterHeader) {
  const ConvertResult r = convert_dictionaries(options());
  ASSERT_EQ(r.files.size(), 2u);
  EXPECT_EQ(r.files[0].path, path("out/actors.tsv"));
  EXPECT_EQ(r.files[1].path, path("out/agents.tsv"));
  ASSERT_TRUE(r.actors && r.agents);
  EXPECT_FALSE(r.verbs || r.discards);
  EXPECT_EQ(r.actors->entries().size(), 2u);
  const std::string actors = slurp(r.files[0].path);
  EXPECT_EQ(actors.size(), r.files[0].bytes);
  // Line 1: the TSV header; line 2: the note naming the sources by file name; then the rest
  // of what write_actors_tsv gives, which reads back to the same dictionary.
  const std::string plain = write_actors_tsv(*r.actors);
  const std::size_t nl = plain.find('\n');
  EXPECT_EQ(actors.substr(0, nl + 1), plain.substr(0, nl + 1));
  EXPECT_EQ(actors.substr(nl + 1, actors.find('\n', nl + 1) - nl),
            "# Derived by `stakegraph dictionary convert` from one.actors, two.actors (PETRARCH 2 "
            "dictionaries, Open Event Data Alliance, MIT licence: see README.md and LICENSE "
            "beside this file).\n");
  EXPECT_EQ(write_actors_tsv(parse_actors(actors, "actors.tsv")), plain);
  EXPECT_EQ(write_agents_tsv(parse_agents(slurp(r.files[1].path), "agents.tsv")),
            write_agents_tsv(*r.agents));
}

TEST_F(DictionaryConvert, ErrorsWriteNothing) {
  ConvertOptions o = options();
  o.agents = {write("bad.agents", "HARBOUR_MASTER [~GOV\n")};
  EXPECT_THROW(convert_dictionaries(o), io::ParseError);
  EXPECT_FALSE(std::filesystem::exists(path("out")));  // not even the directory
  o = options();
  o.output_dir = write("a_file", "x");
  try {
    convert_dictionaries(o);
    ADD_FAILURE() << "wrote into a file";
  } catch (const graph::InvalidArgument& e) {
    EXPECT_EQ(std::string(e.what()), path("a_file") + ": not a directory");
  }
  o = options();
  o.output_dir.clear();
  EXPECT_THROW(convert_dictionaries(o), graph::InvalidArgument);
  o = ConvertOptions{};
  o.output_dir = path("out");
  EXPECT_THROW(convert_dictionaries(o), graph::InvalidArgument);
}

}  // namespace
}  // namespace stakegraph::io::extract::dictionary
