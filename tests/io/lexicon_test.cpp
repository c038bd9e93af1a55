// The lexicon: iso-codes governments, shipped additions, --lexicon extension, lookups by ISO
// code and by name for other importers.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/extract_text.hpp"
#include "io/lexicon.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph::io {
namespace {

const Lexicon& shipped() {
  static const Lexicon lex = Lexicon::load();
  return lex;
}

TEST(Lexicon, EveryIsoCountryIsAGovernment) {
  const auto& lex = shipped();
  int govs = 0;
  for (const auto& e : lex.entries()) govs += e.kind == graph::Kind::kGovernment && !e.iso3.empty();
  EXPECT_GE(govs, 240);
  EXPECT_EQ(lex.government_by_iso("USA"), "United States");
  EXPECT_EQ(lex.government_by_iso("us"), "United States");
  EXPECT_EQ(lex.government_by_iso("GBR"), "United Kingdom");
  EXPECT_EQ(lex.government_by_iso("KOR"), "South Korea");
  EXPECT_EQ(lex.government_by_iso("RUS"), "Russia");  // shipped short name replaces it
  EXPECT_FALSE(lex.government_by_iso("XYZ"));
}

TEST(Lexicon, ShortNamesDemonymsMetonyms) {
  const auto& lex = shipped();
  EXPECT_EQ(lex.canonical_name("Britain"), "United Kingdom");
  EXPECT_EQ(lex.canonical_name("Whitehall"), "United Kingdom");
  EXPECT_EQ(lex.canonical_name("Washington"), "United States");
  EXPECT_EQ(lex.canonical_name("the Trump administration"), "United States");
  EXPECT_EQ(lex.canonical_name("U.S."), "United States");
  EXPECT_EQ(lex.canonical_name("Beijing"), "China");
  EXPECT_EQ(lex.canonical_name("Russian Federation"), "Russia");
  EXPECT_EQ(lex.canonical_name("Plurinational State of Bolivia"), "Bolivia");
  ASSERT_NE(lex.find_demonym("Chinese"), nullptr);
  EXPECT_EQ(lex.find_demonym("Chinese")->name, "China");
  EXPECT_EQ(lex.find_demonym("South African")->name, "South Africa");
}

TEST(Lexicon, KindsAndParents) {
  const auto& lex = shipped();
  EXPECT_EQ(lex.kind_of("Huawei"), graph::Kind::kVendor);
  EXPECT_EQ(lex.kind_of("Deutsche Telekom"), graph::Kind::kOperator);
  EXPECT_EQ(lex.kind_of("The Wall Street Journal"), graph::Kind::kMedia);
  EXPECT_EQ(lex.kind_of("NATO"), graph::Kind::kOrganization);
  EXPECT_EQ(lex.kind_of("Germany"), graph::Kind::kGovernment);
  EXPECT_EQ(lex.kind_of("European Union"), graph::Kind::kGovernment);
  const LexiconEntry* fcc = lex.find("Federal Communications Commission");
  ASSERT_NE(fcc, nullptr);
  EXPECT_EQ(fcc->kind, graph::Kind::kAgency);
  EXPECT_EQ(fcc->part_of, "United States");
  // Every agency's parent is itself in the lexicon.
  for (const auto& e : lex.entries())
    if (!e.part_of.empty()) {
      EXPECT_NE(lex.find(e.part_of), nullptr) << e.name << " -> " << e.part_of;
    }
}

TEST(Lexicon, VerbsCoverAllSixteenPloverTypes) {
  std::set<graph::Relation> seen;
  for (const auto& v : shipped().verbs()) seen.insert(v.relation);
  for (auto r : graph::all_relations())
    if (graph::is_event(r)) {
      EXPECT_TRUE(seen.count(r)) << graph::relation_name(r);
    }
}

class LexiconFiles : public test_support::TempDirTest {};

TEST_F(LexiconFiles, ExtendWithoutRebuild) {
  const std::string p =
      write("extra.textpb",
            "entry { name: \"Acme Mobile Networks\" kind: \"operator\" alias: \"AMN\" }\n"
            "entry { name: \"Huawei\" alias: \"Huawei Marine\" }\n");
  LexiconOptions o;
  o.extra_files = {p};
  Lexicon lex = Lexicon::load(o);
  EXPECT_EQ(lex.canonical_name("AMN"), "Acme Mobile Networks");
  EXPECT_EQ(lex.kind_of("Acme Mobile Networks"), graph::Kind::kOperator);
  EXPECT_EQ(lex.canonical_name("Huawei Marine"), "Huawei");
  EXPECT_EQ(lex.kind_of("Huawei"), graph::Kind::kVendor);  // extension keeps the kind
}

TEST(Lexicon, Errors) {
  LexiconOptions o;
  o.iso_codes_path = "/nonexistent/iso_3166-1.json";
  try {
    Lexicon::load(o);
    FAIL();
  } catch (const graph::NotFound& e) {
    EXPECT_NE(std::string(e.what()).find("iso-codes"), std::string::npos);
  }
  Lexicon lex;
  EXPECT_THROW(lex.add_text("entry { name: \"x\" kind: \"planet\" }", "bad.textpb"),
               io::ParseError);
  try {
    lex.add_text("entry {\n  name: \"x\"\n  wrong: 1\n}\n", "bad2.textpb");
    FAIL();
  } catch (const io::ParseError& e) {
    EXPECT_EQ(e.line(), 3u) << e.what();
  }
  EXPECT_THROW(lex.add_text("verb { relation: \"HUG\" form: \"hugged\" }", "v.textpb"),
               io::ParseError);
}

// Errors inside an entry or verb name the line and column where it starts; a file with no
// entry and no verb (empty, or only comments) is an error, not an empty lexicon.
TEST(Lexicon, ErrorsNameTheLineAndEmptyFilesAreErrors) {
  Lexicon lex;
  auto error_of = [&](const std::string& text) -> std::string {
    try {
      lex.add_text(text, "x.textpb");
    } catch (const io::ParseError& e) {
      return e.what();
    }
    return "no error";
  };
  EXPECT_EQ(error_of("# c\nentry { name: \"a\" }\n\n  entry { name: \"x\" kind: \"planet\" }\n"),
            "x.textpb:4:3: entry \"x\": unknown kind \"planet\"");
  EXPECT_EQ(
      error_of("verb { relation: \"ACCUSE\" form: \"blamed\" }\nverb { relation: \"HUG\" }\n"),
      "x.textpb:2:1: verb 2: unknown relation \"HUG\"");
  EXPECT_EQ(error_of("entry { kind: \"vendor\" }"), "x.textpb:1:1: entry 1 has no name");
  // Found by fuzz_lexicon: a name with nothing but punctuation became a node without a name.
  EXPECT_EQ(error_of("entry { name: \"A\" }\nentry { name: \" ; \" kind: \"media\" }"),
            "x.textpb:2:1: entry 2: name \" ; \" has no letter or digit");
  EXPECT_EQ(error_of(""), "x.textpb: empty lexicon: no entry and no verb");
  EXPECT_EQ(error_of("# only a comment\n"), "x.textpb: empty lexicon: no entry and no verb");
}

// Issue 13: an escaped name that is not UTF-8 ("Soci\351t\351", Latin-1 octal escapes) made
// ingest log a libprotobuf ERROR, exit 0 and write a graph nobody could decode. It is an
// error naming the file, line and column of the field, and nothing is printed.
TEST(Lexicon, EscapedInvalidUtf8IsAnErrorNamingTheLine) {
  Lexicon lex;
  ::testing::internal::CaptureStderr();
  try {
    lex.add_text(
        "entry { name: \"Acme\" }\nentry {\n  name: \"Soci\\351t\\351\" kind: \"vendor\"\n}\n",
        "latin1.textpb");
    ADD_FAILURE() << "accepted a name that is not UTF-8";
  } catch (const io::ParseError& e) {
    EXPECT_EQ(std::string(e.what()),
              "latin1.textpb:3:3: name: invalid UTF-8 in \"Soci\\xe9t\\xe9\"");
  }
  try {
    lex.add_text("entry { name: \"Acme\" alias: \"ok\" alias: \"\\xff\" }\n", "alias.textpb");
    ADD_FAILURE() << "accepted an alias that is not UTF-8";
  } catch (const io::ParseError& e) {
    EXPECT_EQ(e.line(), 1u) << e.what();
    EXPECT_NE(std::string(e.what()).find("alias: invalid UTF-8"), std::string::npos) << e.what();
  }
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  // An escape that makes valid UTF-8 is fine: "\303\251" is é.
  EXPECT_NO_THROW(lex.add_text("entry { name: \"Soci\\303\\251t\\303\\251\" }", "ok.textpb"));
}

TEST(Lexicon, FoldKey) {
  EXPECT_EQ(Lexicon::fold_key("The U.S."), "us");
  EXPECT_EQ(Lexicon::fold_key("Huawei's"), "huawei 's");
  EXPECT_EQ(Lexicon::fold_key("the  Wall Street Journal"), "wall street journal");
}

// Oracle: walking the token-id trie over a form's folded tokens finds the same entry (and
// verb patterns, demonym) as the string-keyed maps, for every form of the shipped lexicon.
std::uint32_t walk(const Lexicon& lex, const std::string& key) {
  std::uint32_t node = Lexicon::kTrieRoot;
  std::size_t pos = 0;
  while (true) {
    const std::size_t sp = key.find(' ', pos);
    node =
        lex.trie_step(node, lex.token_id(key.substr(pos, sp == std::string::npos ? sp : sp - pos)));
    if (node == Lexicon::kTrieRoot || sp == std::string::npos) return node;
    pos = sp + 1;
  }
}

TEST(Lexicon, TokenTrieAgreesWithStringMaps) {
  const auto& lex = shipped();
  std::size_t checked = 0;
  for (const auto& e : lex.entries()) {
    std::vector<std::string> forms = e.aliases;
    forms.push_back(e.name);
    for (const auto& form : forms) {
      const std::string key = Lexicon::fold_key(form);
      if (key.empty()) continue;
      bool cap_a = false, cap_b = false;
      const LexiconEntry* a = lex.find_folded(key, &cap_a);
      const std::uint32_t node = walk(lex, key);
      ASSERT_NE(node, Lexicon::kTrieRoot) << form;
      const LexiconEntry* b = lex.form_at(node, &cap_b);
      EXPECT_EQ(a, b) << form;
      EXPECT_EQ(cap_a, cap_b) << form;
      ++checked;
    }
    for (const auto& d : e.demonyms)
      EXPECT_EQ(lex.demonym_at(walk(lex, Lexicon::fold_key(d))), lex.find_demonym(d)) << d;
  }
  EXPECT_GT(checked, 1000u);
  for (const auto& v : lex.verbs())
    for (const auto& form : v.forms) {
      const auto* a = lex.verbs_with_form(form);
      ASSERT_NE(a, nullptr);
      const auto* b = lex.verbs_at(walk(lex, form));
      ASSERT_NE(b, nullptr) << form;
      EXPECT_EQ(*a, *b) << form;
    }
  // Words in no form stop the walk at once.
  EXPECT_EQ(lex.token_id("zzqxj"), Lexicon::kNoToken);
  EXPECT_EQ(lex.trie_step(Lexicon::kTrieRoot, Lexicon::kNoToken), Lexicon::kTrieRoot);
  // A copy of the lexicon answers the same (no pointers into the original).
  const Lexicon copy = lex;
  EXPECT_NE(copy.verbs_at(walk(copy, "banned")), nullptr);
}

}  // namespace
}  // namespace stakegraph::io
