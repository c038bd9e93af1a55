// The iso-codes country list (io/iso_codes.hpp): one reader and one naming rule, used by the
// lexicon's governments and by the GDELT importer's country names alike.
#include <gtest/gtest.h>

#include <string>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/iso_codes.hpp"
#include "io/lexicon.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph::io {
namespace {

using IsoCodes = test_support::TempDirTest;

// Four entries: a common name, a name only, an empty common name (the name stands), no name
// at all (left out).
constexpr const char* kFixture = R"({"3166-1": [
  {"alpha_2": "IR", "alpha_3": "IRN", "common_name": "Iran",
   "name": "Iran, Islamic Republic of", "official_name": "Islamic Republic of Iran"},
  {"alpha_2": "US", "alpha_3": "USA", "name": "United States",
   "official_name": "United States of America"},
  {"alpha_2": "FR", "alpha_3": "FRA", "common_name": "", "name": "France"},
  {"alpha_2": "ZZ", "alpha_3": "ZZZ"}
]})";

TEST_F(IsoCodes, CommonNameElseName) {
  const auto countries = read_iso_codes(write("iso.json", kFixture));
  ASSERT_EQ(countries.size(), 3u);
  EXPECT_EQ(countries[0].name, "Iran");
  EXPECT_EQ(countries[0].iso_name, "Iran, Islamic Republic of");
  EXPECT_EQ(countries[0].official_name, "Islamic Republic of Iran");
  EXPECT_EQ(countries[0].alpha2, "IR");
  EXPECT_EQ(countries[0].alpha3, "IRN");
  EXPECT_EQ(countries[1].name, "United States");
  EXPECT_EQ(countries[1].official_name, "United States of America");
  EXPECT_EQ(countries[2].name, "France");  // an empty common name is no name
  EXPECT_EQ(countries[2].official_name, "");
}

TEST_F(IsoCodes, LexiconGovernmentsTakeTheReadersNames) {
  LexiconOptions o;
  o.builtin = false;
  o.iso_codes_path = write("iso.json", kFixture);
  const Lexicon lex = Lexicon::load(o);
  EXPECT_EQ(lex.government_by_iso("IRN"), "Iran");
  EXPECT_EQ(lex.government_by_iso("FR"), "France");
  EXPECT_FALSE(lex.government_by_iso("ZZZ"));
  // The sorting form "Iran, Islamic Republic of" is no surface form; the official name is.
  EXPECT_FALSE(lex.canonical_name("Iran, Islamic Republic of"));
  EXPECT_EQ(lex.canonical_name("Islamic Republic of Iran"), "Iran");
}

// The GDELT importer's names (iso_country_name) and the lexicon's governments (without the
// shipped additions) agree on every country of the installed file.
TEST(IsoCodesInstalled, GdeltAndLexiconNameEveryCountryAlike) {
  LexiconOptions o;
  o.builtin = false;
  const Lexicon lex = Lexicon::load(o);
  const auto countries = read_iso_codes(kIsoCodesJson);
  ASSERT_GE(countries.size(), 240u);
  for (const auto& c : countries) {
    EXPECT_EQ(iso_country_name(c.alpha3), c.name) << c.alpha3;
    EXPECT_EQ(lex.government_by_iso(c.alpha3), c.name) << c.alpha3;
  }
  EXPECT_EQ(iso_country_name("IRN"), "Iran");
  EXPECT_EQ(iso_country_name("USA"), "United States");
  EXPECT_FALSE(iso_country_name("XYZ"));
}

TEST_F(IsoCodes, Errors) {
  try {
    read_iso_codes(path("absent.json"));
    FAIL();
  } catch (const graph::NotFound& e) {
    EXPECT_NE(std::string(e.what()).find("absent.json: iso-codes"), std::string::npos) << e.what();
  }
  try {
    read_iso_codes(write("bad.json", "{\"3166-1\": [ {\"name\": }"));
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.json: byte offset"), std::string::npos) << e.what();
  }
  EXPECT_THROW(read_iso_codes(write("none.json", "{\"3166-2\": []}")), ParseError);
  EXPECT_THROW(read_iso_codes(write("list.json", "[1, 2]")), ParseError);
  EXPECT_THROW(read_iso_codes(write("entry.json", "{\"3166-1\": [7]}")), ParseError);
  EXPECT_THROW(read_iso_codes(write("type.json", "{\"3166-1\": [{\"name\": 7}]}")), ParseError);
}

}  // namespace
}  // namespace stakegraph::io
