// The GDELT reader and importer: the CAMEO tables against the published ones, the real
// sample in tests/data/gdelt/ against an independent tiny parser written here, and small
// files made in the test (plain, .gz, .zip, header lines, CRLF, malformed rows, "010" vs "10",
// one-actor rows, date and root-code filters, --strict, re-import, the running Goldstein
// mean, actor -> node resolution with and without a lexicon).
#include "io/gdelt/gdelt.hpp"
#include "io/gdelt/lexicon_lookup.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <zip.h>
#include <zlib.h>
#include "tests/temp_dir.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/lexicon.hpp"
#include "tests/support/data.hpp"

namespace stakegraph::io {
namespace {

namespace fs = std::filesystem;
using graph::Kind;
using graph::Relation;

class GdeltTest : public test_support::TempDirTest {
 protected:
  void SetUp() override { TempDirTest::SetUp(); }
};

// ---- tiny independent GDELT parser and row builder for the tests ----------------------------

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> f;
  std::string cur;
  for (char c : line) {
    if (c == '\t') {
      f.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  f.push_back(cur);
  return f;
}

std::vector<std::vector<std::string>> read_rows(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    rows.push_back(split(line));
  }
  return rows;
}

// A row; fields not set are empty. str() lays it out in 57, 58 or 61 columns.
struct Row {
  std::string id = "1", date = "20190515";
  std::string a1code, a1name, a1country, a1type;
  std::string a2code, a2name, a2country, a2type;
  std::string code = "043", goldstein = "2.8", mentions = "3", sources = "1", articles = "2";
  std::string added = "20190516", url = "http://www.example.com/a";
  int columns = 58;
  std::string str() const {
    std::vector<std::string> f(static_cast<std::size_t>(columns));
    f[0] = id;
    f[1] = date;
    f[2] = date.substr(0, 6);
    f[3] = date.substr(0, 4);
    f[4] = date.substr(0, 4) + ".3699";
    f[5] = a1code;
    f[6] = a1name;
    f[7] = a1country;
    f[12] = a1type;
    f[15] = a2code;
    f[16] = a2name;
    f[17] = a2country;
    f[22] = a2type;
    f[25] = "1";
    f[26] = code;
    f[27] = code.substr(0, 3);
    f[28] = code.substr(0, 2);
    f[29] = "1";
    f[30] = goldstein;
    f[31] = mentions;
    f[32] = sources;
    f[33] = articles;
    f[34] = "-1.5";
    if (columns == 61) {
      f[59] = added + "101500";
      f[60] = url;
    } else {
      f[56] = added;
      if (columns == 58) f[57] = url;
    }
    std::string s;
    for (std::size_t i = 0; i < f.size(); ++i) s += (i ? "\t" : "") + f[i];
    return s;
  }
};

// USA -> CHN, the two countries as country-only actors.
Row us_china(const std::string& id, const std::string& code = "043") {
  Row r;
  r.id = id;
  r.a1code = "USA";
  r.a1name = "UNITED STATES";
  r.a1country = "USA";
  r.a2code = "CHN";
  r.a2name = "CHINA";
  r.a2country = "CHN";
  r.code = code;
  return r;
}

std::string lines(const std::vector<Row>& rows) {
  std::string s;
  for (const Row& r : rows) s += r.str() + "\n";
  return s;
}

graph::NodeIndex node_named(const graph::Graph& g, const std::string& name) {
  auto v = g.find_named(name);
  EXPECT_TRUE(v) << "no node named " << name;
  return v.value_or(0);
}

std::optional<graph::EdgeRef> edge_between(const graph::Graph& g, const std::string& a,
                                           const std::string& b, Relation r) {
  auto s = g.find_named(a), t = g.find_named(b);
  if (!s || !t) return std::nullopt;
  return g.find_edge(*s, *t, r);
}

std::string gzip(const std::string& data, const std::string& file) {
  gzFile f = gzopen(file.c_str(), "wb");
  gzwrite(f, data.data(), static_cast<unsigned>(data.size()));
  gzclose(f);
  return file;
}

std::string zip_members(const std::vector<std::pair<std::string, std::string>>& members,
                        const std::string& file) {
  int err = 0;
  zip_t* z = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  for (const auto& [name, data] : members) {
    // libzip copies nothing until zip_close: keep the buffers alive (they are, in `members`).
    zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
    const zip_int64_t i = zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE);
    zip_set_file_compression(z, static_cast<zip_uint64_t>(i), ZIP_CM_DEFLATE, 9);
  }
  zip_close(z);
  return file;
}

// ---- CAMEO tables ---------------------------------------------------------------------------

TEST(CameoTablesTest, CodesAreStrings) {
  const CameoTables& t = CameoTables::builtin();
  EXPECT_EQ(t.event_code_count(), 316u);  // every code of the CAMEO codebook
  // "010" is root 01 (make statement); "10" is root 10 (demand).
  EXPECT_TRUE(t.event_type("010").known);
  EXPECT_TRUE(t.event_type("010").statement);
  EXPECT_FALSE(t.event_type("10").statement);
  EXPECT_EQ(t.event_type("10").relation, Relation::kRequest);
  EXPECT_EQ(t.event_type("0256").relation, Relation::kRequest);  // appeal -> REQUEST
  EXPECT_EQ(t.event_type("0834").relation, Relation::kConcede);
  EXPECT_EQ(t.event_type("084").relation, Relation::kRetreat);  // root 08, PLOVER RETREAT
  EXPECT_EQ(t.event_type("163").relation, Relation::kCoerce);
  EXPECT_EQ(t.event_type("1712").relation, Relation::kAssault);
  EXPECT_EQ(t.event_type("191").relation, Relation::kCoerce);
  // Not in the codebook: the 3-character, then the 2-character prefix.
  EXPECT_EQ(t.event_type("0439").relation, Relation::kConsult);
  EXPECT_EQ(t.event_type("1999").relation, Relation::kAssault);
  EXPECT_FALSE(t.event_type("21").known);
  EXPECT_FALSE(t.event_type("00").known);
  EXPECT_EQ(t.goldstein("0834"), 5.0);
  EXPECT_EQ(t.goldstein("010"), 0.0);
  EXPECT_EQ(t.goldstein("155"), t.goldstein("15"));  // no published score: its root's
  EXPECT_EQ(t.iso_alpha3("ROM"), "ROU");
  EXPECT_EQ(t.iso_alpha3("USA"), "USA");
}

// Our data/cameo tables agree with the published ones for every code those list.
TEST(CameoTablesTest, AgreeWithThePublishedTables) {
  const fs::path plover = test_support::test_data("cameo/CAMEO2PLOVER-2021.txt");
  const fs::path gold = test_support::test_data("cameo/CAMEO.goldsteinscale.txt");
  STAKEGRAPH_NEED_FILE(plover);
  STAKEGRAPH_NEED_FILE(gold);
  const CameoTables& t = CameoTables::builtin();
  std::ifstream in(plover);
  std::string line;
  std::set<std::string> seen;
  std::size_t checked = 0;
  while (std::getline(in, line)) {
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos || colon < 2 || colon > 4) continue;
    const std::string code = line.substr(0, colon);
    if (code.find_first_not_of("0123456789") != std::string::npos) continue;
    if (!seen.insert(code).second) continue;  // the table lists 08 and 175 twice: first wins
    std::string type;
    for (char c : line.substr(colon + 1)) {
      if (c == ',' || (c == ' ' && !type.empty())) break;
      if (c != ' ') type += c;
    }
    EXPECT_EQ(graph::relation_name(t.event_type(code).relation), type) << code;
    ++checked;
  }
  EXPECT_GT(checked, 250u);
  std::ifstream g(gold);
  std::getline(g, line);  // header
  std::size_t scores = 0;
  while (std::getline(g, line)) {
    const auto f = split(line);
    ASSERT_EQ(f.size(), 2u);
    EXPECT_EQ(t.goldstein(f[0]), std::stod(f[1])) << f[0];
    ++scores;
  }
  EXPECT_EQ(scores, 311u);
}

TEST(GdeltNamesTest, TitleCase) {
  EXPECT_EQ(gdelt_title_case("UNITED STATES"), "United States");
  EXPECT_EQ(gdelt_title_case("MAKE A WISH FOUNDATION"), "Make a Wish Foundation");
  EXPECT_EQ(gdelt_title_case("THE OPPOSITION"), "The Opposition");
  EXPECT_EQ(gdelt_title_case("MCDONALD'S"), "Mcdonald's");
  EXPECT_EQ(gdelt_title_case(""), "");
}

// ---- the real sample ------------------------------------------------------------------------

// gdelt1_events_sample_710rows.tsv, counted by the parser above (and by
//   awk -F'\t' '($6!=""||$7!="")&&($16!=""||$17!="")' FILE | wc -l   -> 471 with both actors
//   awk -F'\t' '{print NF}' FILE | sort | uniq -c                      -> 201 x 57, 509 x 58):
// 710 rows, 471 with both actors, 239 with one, 62 of the 471 in CAMEO root 01.
TEST_F(GdeltTest, RealSampleCountsMatchAnIndependentParser) {
  const fs::path sample = test_support::test_data("gdelt/gdelt1_events_sample_710rows.tsv");
  STAKEGRAPH_NEED_FILE(sample);
  const auto rows = read_rows(sample);
  std::size_t both = 0, one = 0, none = 0, statements = 0, c57 = 0, c58 = 0;
  for (const auto& f : rows) {
    c57 += f.size() == 57;
    c58 += f.size() == 58;
    const bool a1 = !f[5].empty() || !f[6].empty();
    const bool a2 = !f[15].empty() || !f[16].empty();
    if (a1 && a2) {
      ++both;
      statements += f[26].rfind("01", 0) == 0;
    } else if (a1 || a2) {
      ++one;
    } else {
      ++none;
    }
  }
  ASSERT_EQ(rows.size(), 710u);
  EXPECT_EQ(both, 471u);
  EXPECT_EQ(one, 239u);
  EXPECT_EQ(statements, 62u);

  graph::Graph g;
  const GdeltImportResult r = import_gdelt(g, {sample.string()});
  EXPECT_EQ(r.rows, rows.size());
  EXPECT_EQ(r.header_lines, 0u);
  EXPECT_EQ(r.rows_57, c57);
  EXPECT_EQ(r.rows_58, c58);
  EXPECT_EQ(r.malformed_rows, 0u);
  EXPECT_EQ(r.one_actor_rows, one);
  EXPECT_EQ(r.no_actor_rows, none);
  EXPECT_EQ(r.statements_skipped, statements);
  EXPECT_EQ(r.imported_rows, both - statements);
  EXPECT_EQ(r.duplicate_rows, 0u);
  EXPECT_EQ(r.edges_added + r.rows_merged, r.imported_rows);
  EXPECT_EQ(r.edges_added + r.part_of_added, g.edge_count());
  EXPECT_EQ(r.nodes_added, g.node_count());
  // 58-column rows carry a URL: one article per distinct URL among the imported rows.
  std::set<std::string> urls;
  for (const auto& f : rows) {
    const bool a1 = !f[5].empty() || !f[6].empty();
    const bool a2 = !f[15].empty() || !f[16].empty();
    if (a1 && a2 && f[26].rfind("01", 0) != 0 && f.size() == 58) urls.insert(f[57]);
  }
  EXPECT_EQ(g.articles().size(), urls.size());
}

// Every edge against the file: its evidence are exactly its rows, its weight is the mean of
// their GoldsteinScale, its mentions the sum of their NumMentions, its relation the PLOVER type
// of their code, its article their URL and its date span their SQLDATEs.
TEST_F(GdeltTest, RealSampleEveryEdgeAgreesWithItsRows) {
  const fs::path sample = test_support::test_data("gdelt/gdelt1_events_sample_710rows.tsv");
  STAKEGRAPH_NEED_FILE(sample);
  std::map<std::string, std::vector<std::string>> by_id;
  for (auto& f : read_rows(sample)) by_id[f[0]] = f;
  graph::Graph g;
  const GdeltImportResult r = import_gdelt(g, {sample.string()});
  const CameoTables& t = CameoTables::builtin();
  std::size_t evidence = 0;
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
    const graph::EdgeData& d = g.edge(*it);
    if (d.relation == Relation::kPartOf) {
      EXPECT_EQ(g.node(g.source(*it)).kind, Kind::kAgency);
      EXPECT_EQ(g.node(g.target(*it)).kind, Kind::kGovernment);
      continue;
    }
    double sum_goldstein = 0;
    graph::Date first = 99999999, last = 0;
    for (const graph::Evidence& ev : d.evidence) {
      ASSERT_EQ(ev.text.rfind("GDELT event ", 0), 0u) << ev.text;
      const std::string id = ev.text.substr(12, ev.text.find(',') - 12);
      ASSERT_TRUE(by_id.count(id)) << id;
      const auto& f = by_id[id];
      EXPECT_EQ(t.event_type(f[26]).relation, d.relation) << id;
      EXPECT_EQ(ev.rule, "gdelt:" + f[26]);
      EXPECT_EQ(ev.mentions, std::stoul(f[31]));
      EXPECT_EQ(ev.sources, std::stoul(f[33]));
      if (f.size() == 58) {
        ASSERT_NE(ev.article, graph::kNoArticle);
        EXPECT_EQ(g.articles()[ev.article].url, f[57]);
        EXPECT_EQ(graph::format_iso_date(g.articles()[ev.article].date),
                  f[56].substr(0, 4) + "-" + f[56].substr(4, 2) + "-" + f[56].substr(6, 2));
      } else {
        EXPECT_EQ(ev.article, graph::kNoArticle);
      }
      const graph::Date date = std::stoi(f[1]);
      EXPECT_EQ(graph::evidence_date(g, ev), date);
      first = std::min(first, date);
      last = std::max(last, date);
      sum_goldstein += std::stod(f[30]);
      ++evidence;
    }
    ASSERT_FALSE(d.evidence.empty());
    EXPECT_FALSE(d.weight.has_value());  // issue 15: Goldstein is not a weight
    ASSERT_TRUE(d.goldstein.has_value());
    EXPECT_NEAR(*d.goldstein, sum_goldstein / static_cast<double>(d.evidence.size()), 1e-9);
    EXPECT_EQ(d.first_seen, first);
    EXPECT_EQ(d.last_seen, last);
  }
  EXPECT_EQ(evidence, r.imported_rows);
}

TEST_F(GdeltTest, RealSampleActorsResolveToCountriesAndRoles) {
  const fs::path sample = test_support::test_data("gdelt/gdelt1_events_sample_710rows.tsv");
  STAKEGRAPH_NEED_FILE(sample);
  graph::Graph g;
  import_gdelt(g, {sample.string()});
  // USA, USAGOV, "WASHINGTON", "AMERICAN", "OBAMA" (USAGOV): all one node.
  const graph::NodeIndex us = node_named(g, "United States");
  EXPECT_EQ(g.node(us).kind, Kind::kGovernment);
  EXPECT_FALSE(g.find_named("Washington"));
  EXPECT_FALSE(g.find_named("Obama"));
  // USAJUD -> an agency part_of the United States.
  const graph::NodeIndex jud = node_named(g, "United States judiciary");
  EXPECT_EQ(g.node(jud).kind, Kind::kAgency);
  EXPECT_TRUE(g.find_edge(jud, us, Relation::kPartOf));
  // No country code: a generic role actor, qualified by the country of its location (issue
  // 15: no global "Police" or "President" node), kind by role.
  for (const char* global : {"Police", "President", "Government", "Media"})
    EXPECT_FALSE(g.find_named(global)) << global;
  const graph::NodeIndex police = node_named(g, "United States: Police");
  EXPECT_EQ(g.node(police).kind, Kind::kAgency);
  EXPECT_TRUE(g.find_edge(police, us, Relation::kPartOf));
  EXPECT_EQ(g.node(node_named(g, "Russia: President")).kind, Kind::kGovernment);
  // Named organizations (KnownGroupCode, MNC, NGO).
  EXPECT_EQ(g.node(node_named(g, "Amnesty International")).kind, Kind::kOrganization);
  EXPECT_EQ(g.node(node_named(g, "Wells Fargo")).kind, Kind::kOrganization);
}

TEST_F(GdeltTest, Gdelt2ExcerptWithHeader) {
  const fs::path excerpt = test_support::test_data("gdelt/gdelt2_export_excerpt_7rows_newsnet.tsv");
  STAKEGRAPH_NEED_FILE(excerpt);
  // 1 header line + 7 rows; both actors in 3 (GBR->GBRCOP 043, RUS->USA 173, IND->NPL 043).
  graph::Graph g;
  const GdeltImportResult r = import_gdelt(g, {excerpt.string()});
  EXPECT_EQ(r.header_lines, 1u);
  EXPECT_EQ(r.rows, 7u);
  EXPECT_EQ(r.rows_61, 7u);
  EXPECT_EQ(r.malformed_rows, 0u);
  EXPECT_EQ(r.one_actor_rows, 4u);
  EXPECT_EQ(r.imported_rows, 3u);
  auto e = edge_between(g, "Russian Federation", "United States", Relation::kCoerce);
  ASSERT_TRUE(e);
  EXPECT_DOUBLE_EQ(g.edge(*e).goldstein.value_or(-99.0), -5.0);
  ASSERT_EQ(g.edge(*e).evidence.size(), 1u);
  const graph::Article& a = g.articles()[g.edge(*e).evidence[0].article];
  EXPECT_EQ(a.source, "dw.com");
  EXPECT_EQ(a.date, 20240819);                       // DATEADDED 20240819...
  EXPECT_EQ(g.edge(*e).evidence[0].date, 20240812);  // SQLDATE
  EXPECT_TRUE(edge_between(g, "United Kingdom police", "United Kingdom", Relation::kPartOf));
  EXPECT_TRUE(edge_between(g, "United Kingdom", "United Kingdom police", Relation::kConsult));
}

TEST_F(GdeltTest, LowercaseHeaderFileBeforeRows) {
  const fs::path header = test_support::test_data("gdelt/gdelt1_events_header_lowercase.tsv");
  STAKEGRAPH_NEED_FILE(header);
  std::ifstream in(header, std::ios::binary);
  std::string h;
  std::getline(in, h);
  const std::string f = write("h.tsv", h + "\n" + lines({us_china("1"), us_china("2", "036")}));
  graph::Graph g;
  const GdeltImportResult r = import_gdelt(g, {f});
  EXPECT_EQ(r.header_lines, 1u);
  EXPECT_EQ(r.rows, 2u);
  EXPECT_EQ(r.imported_rows, 2u);
}

// ---- small files ----------------------------------------------------------------------------

TEST_F(GdeltTest, StatementCodeIsNotRootTenCode) {
  // "010" make statement (skipped, or related_to with keep_statements); "10" demand.
  const std::string f = write("c.tsv", lines({us_china("1", "010"), us_china("2", "10")}));
  graph::Graph g;
  GdeltImportResult r = import_gdelt(g, {f});
  EXPECT_EQ(r.statements_skipped, 1u);
  EXPECT_EQ(r.imported_rows, 1u);
  EXPECT_TRUE(edge_between(g, "United States", "China", Relation::kRequest));
  EXPECT_FALSE(edge_between(g, "United States", "China", Relation::kRelatedTo));

  graph::Graph h;
  r = import_gdelt(h, {f}, {.keep_statements = true});
  EXPECT_EQ(r.statements_skipped, 0u);
  EXPECT_EQ(r.statements_kept, 1u);
  EXPECT_EQ(r.imported_rows, 2u);
  EXPECT_TRUE(edge_between(h, "United States", "China", Relation::kRequest));
  EXPECT_TRUE(edge_between(h, "United States", "China", Relation::kRelatedTo));
}

TEST_F(GdeltTest, OneActorRowsAreCountedNotErrors) {
  Row only1 = us_china("1");
  only1.a2code = only1.a2name = only1.a2country = "";
  Row only2 = us_china("2");
  only2.a1code = only2.a1name = only2.a1country = "";
  Row name_only = us_china("3");  // an actor with a name and no code is still an actor
  name_only.a2code = name_only.a2country = "";
  name_only.a2name = "VILLAGERS";
  Row none = us_china("4");
  none.a1code = none.a1name = none.a1country = none.a2code = none.a2name = none.a2country = "";
  const std::string f = write("o.tsv", lines({only1, only2, name_only, none}));
  graph::Graph g;
  const GdeltImportResult r = import_gdelt(g, {f});
  EXPECT_EQ(r.one_actor_rows, 2u);
  EXPECT_EQ(r.no_actor_rows, 1u);
  EXPECT_EQ(r.malformed_rows, 0u);
  EXPECT_EQ(r.imported_rows, 1u);
  EXPECT_TRUE(edge_between(g, "United States", "Villagers", Relation::kConsult));
}

TEST_F(GdeltTest, MalformedRowsAreCountedWithLineNumbers) {
  Row bad_date = us_china("3");
  bad_date.date = "20190231";
  Row bad_code = us_china("5", "0x3");
  Row unknown_code = us_china("6", "215");
  Row bad_goldstein = us_china("7");
  bad_goldstein.goldstein = "12.5";
  Row bad_count = us_china("8");
  bad_count.mentions = "many";
  const std::string text = us_china("1").str() + "\n" +        // line 1 ok
                           "1\t2\t3\n" +                       // line 2: 3 fields
                           bad_date.str() + "\n" +             // line 3
                           "\n" +                              // line 4: blank
                           bad_code.str() + "\n" +             // line 5
                           unknown_code.str() + "\n" +         // line 6
                           bad_goldstein.str() + "\n" +        // line 7
                           bad_count.str() + "\n" +            // line 8
                           "x" + us_china("9").str() + "\n" +  // line 9: id "x9"
                           us_china("10").str() + "\n";        // line 10 ok
  const std::string f = write("m.tsv", text);
  graph::Graph g;
  const GdeltImportResult r = import_gdelt(g, {f}, {.max_listed_malformed = 4});
  EXPECT_EQ(r.lines, 10u);
  EXPECT_EQ(r.blank_lines, 1u);
  EXPECT_EQ(r.rows, 9u);
  EXPECT_EQ(r.malformed_rows, 7u);
  EXPECT_EQ(r.imported_rows, 2u);
  ASSERT_EQ(r.malformed.size(), 4u);  // the first 4 listed
  EXPECT_EQ(r.malformed[0].line, 2u);
  EXPECT_EQ(r.malformed[0].file, f);
  EXPECT_NE(r.malformed[0].reason.find("found 3"), std::string::npos) << r.malformed[0].reason;
  EXPECT_EQ(r.malformed[1].line, 3u);
  EXPECT_NE(r.malformed[1].reason.find("SQLDATE"), std::string::npos);
  EXPECT_EQ(r.malformed[2].line, 5u);
  EXPECT_EQ(r.malformed[3].line, 6u);
  EXPECT_NE(r.malformed[3].reason.find("unknown CAMEO event code '215'"), std::string::npos);
  // --strict: the first malformed row stops the import with file and line.
  graph::Graph h;
  try {
    import_gdelt(h, {f}, {.strict = true});
    FAIL() << "no ParseError";
  } catch (const io::ParseError& e) {
    EXPECT_EQ(e.file(), f);
    EXPECT_EQ(e.line(), 2u);
  }
}

TEST_F(GdeltTest, MixedColumnCountsHeaderAndCrlf) {
  Row r57 = us_china("1");
  r57.columns = 57;
  Row r58 = us_china("2", "036");
  Row r61 = us_china("3", "057");
  r61.columns = 61;
  std::string header = "GLOBALEVENTID\tSQLDATE\tMonthYear\tActor1Code\tActor1Name";
  const std::string f = write("x.tsv", header + "\r\n" + r57.str() + "\r\n" + r58.str() + "\r\n" +
                                           r61.str());  // no final newline
  graph::Graph g;
  const GdeltImportResult r = import_gdelt(g, {f});
  EXPECT_EQ(r.header_lines, 1u);
  EXPECT_EQ(r.rows_57, 1u);
  EXPECT_EQ(r.rows_58, 1u);
  EXPECT_EQ(r.rows_61, 1u);
  EXPECT_EQ(r.malformed_rows, 0u);
  EXPECT_EQ(r.imported_rows, 3u);
  EXPECT_EQ(g.articles().size(), 1u);  // the 58 and 61 rows share the URL; 57 has none
  EXPECT_EQ(g.articles()[0].url, "http://www.example.com/a");  // CR stripped
  // A header-like line that is not the first line is a malformed row.
  const std::string f2 = write("y.tsv", r58.str() + "\n" + header + "\n");
  const GdeltImportResult r2 = import_gdelt(g, {f2});
  EXPECT_EQ(r2.header_lines, 0u);
  EXPECT_EQ(r2.malformed_rows, 1u);
}

TEST_F(GdeltTest, GzipAndZipGiveTheSameGraphAsPlain) {
  std::vector<Row> rows;
  for (int i = 1; i <= 300; ++i) {
    Row r = us_china(std::to_string(i), i % 3 ? "043" : "1123");
    r.goldstein = std::to_string(i % 7);
    r.url = "http://news.example/" + std::to_string(i % 11);
    rows.push_back(r);
  }
  const std::string text = lines(rows);
  const std::string plain = write("p.tsv", text);
  const std::string gz = gzip(text, path("p.tsv.gz"));
  const std::string half1 = lines({rows.begin(), rows.begin() + 150});
  const std::string half2 = "Actor1Code\tx\n" + lines({rows.begin() + 150, rows.end()});
  const std::string zip = zip_members(
      {{"20190515.export.CSV", half1}, {"dir/", ""}, {"more.CSV", half2}}, path("p.zip"));
  graph::Graph a, b, c;
  const GdeltImportResult ra = import_gdelt(a, {plain});
  const GdeltImportResult rb = import_gdelt(b, {gz});
  const GdeltImportResult rc = import_gdelt(c, {zip});
  EXPECT_EQ(ra.imported_rows, 300u);
  EXPECT_EQ(rb.imported_rows, 300u);
  EXPECT_EQ(rc.imported_rows, 300u);
  EXPECT_EQ(rc.header_lines, 1u);  // the second member's first line
  EXPECT_EQ(rc.blank_lines, 0u);
  for (const graph::Graph* g : {&b, &c}) {
    EXPECT_EQ(g->node_count(), a.node_count());
    EXPECT_EQ(g->edge_count(), a.edge_count());
    EXPECT_EQ(g->evidence_count(), a.evidence_count());
    for (Relation rel : {Relation::kConsult, Relation::kAccuse}) {
      auto ea = edge_between(a, "United States", "China", rel);
      auto eg = edge_between(*g, "United States", "China", rel);
      ASSERT_TRUE(ea && eg);
      EXPECT_DOUBLE_EQ(a.edge(*ea).goldstein.value_or(-99.0),
                       g->edge(*eg).goldstein.value_or(-99.0));
    }
  }
  // Malformed rows in a zip member are reported as archive:member:line.
  const std::string badzip = zip_members({{"a.CSV", "junk\n"}}, path("bad.zip"));
  graph::Graph d;
  const GdeltImportResult rd = import_gdelt(d, {badzip});
  ASSERT_EQ(rd.malformed.size(), 1u);
  EXPECT_EQ(rd.malformed[0].file, badzip + ":a.CSV");
  EXPECT_EQ(rd.malformed[0].line, 1u);
}

TEST_F(GdeltTest, DamagedCompressedFilesAreErrors) {
  std::string text;
  for (int i = 1; i <= 2000; ++i) text += us_china(std::to_string(i)).str() + "\n";
  gzip(text, path("t.gz"));
  std::string bytes;
  {
    std::ifstream in(path("t.gz"), std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  write("truncated.gz", bytes.substr(0, bytes.size() / 2));
  graph::Graph g;
  EXPECT_THROW(import_gdelt(g, {path("truncated.gz")}), io::ParseError);
  std::string flipped = bytes;
  flipped[bytes.size() / 2] = static_cast<char>(flipped[bytes.size() / 2] ^ 0x55);
  write("flipped.gz", flipped);
  graph::Graph h;
  EXPECT_THROW(import_gdelt(h, {path("flipped.gz")}), io::ParseError);
  write("notzip.zip", std::string("PK\x03\x04", 4) + "garbage");
  EXPECT_THROW(import_gdelt(h, {path("notzip.zip")}), graph::Error);
  EXPECT_THROW(import_gdelt(h, {path("missing.tsv")}), graph::NotFound);
}

TEST_F(GdeltTest, JunkEmptyAndLongLinesNeverCrash) {
  graph::Graph g;
  EXPECT_EQ(import_gdelt(g, {write("empty.tsv", "")}).rows, 0u);
  std::string junk;
  std::uint32_t x = 12345;
  for (int i = 0; i < 20000; ++i) {
    x = x * 1103515245u + 12345u;
    junk += static_cast<char>(x >> 24);
  }
  const GdeltImportResult r = import_gdelt(g, {write("junk.bin", junk)});
  EXPECT_EQ(r.imported_rows, 0u);
  EXPECT_EQ(r.malformed_rows + r.blank_lines, r.lines);
  // A 3 MiB line (beyond the first buffer), then a good row: its line number is still 2.
  const std::string f =
      write("long.tsv", std::string(3u << 20, 'a') + "\n" + us_china("1", "0").str() + "\n");
  const GdeltImportResult r2 = import_gdelt(g, {f});
  EXPECT_EQ(r2.lines, 2u);
  ASSERT_EQ(r2.malformed.size(), 2u);
  EXPECT_EQ(r2.malformed[1].line, 2u);  // EventCode "0": not 2-4 digits
}

TEST_F(GdeltTest, DateAndRootCodeFilters) {
  std::vector<Row> rows;
  const char* dates[] = {"20190101", "20190515", "20190516", "20191231"};
  const char* codes[] = {"043", "111", "1123", "190"};
  int id = 0;
  for (const char* d : dates) {
    for (const char* c : codes) {
      Row r = us_china(std::to_string(++id), c);
      r.date = d;
      rows.push_back(r);
    }
  }
  const std::string f = write("d.tsv", lines(rows));
  graph::Graph g;
  GdeltImportOptions o;
  o.since = 20190515;
  o.until = 20190516;
  GdeltImportResult r = import_gdelt(g, {f}, o);
  EXPECT_EQ(r.filtered_by_date, 8u);
  EXPECT_EQ(r.imported_rows, 8u);
  auto e = edge_between(g, "United States", "China", Relation::kConsult);
  ASSERT_TRUE(e);
  EXPECT_EQ(g.edge(*e).first_seen, 20190515);
  EXPECT_EQ(g.edge(*e).last_seen, 20190516);

  graph::Graph h;
  o = {};
  o.root_codes = {"11", "19"};
  r = import_gdelt(h, {f}, o);
  EXPECT_EQ(r.filtered_by_root, 4u);  // the four 043 rows
  EXPECT_EQ(r.imported_rows, 12u);
  EXPECT_FALSE(edge_between(h, "United States", "China", Relation::kConsult));
  EXPECT_EQ(h.edge(*edge_between(h, "United States", "China", Relation::kAccuse)).evidence.size(),
            8u);  // 111 and 1123
  for (const char* bad : {"1", "011", "21", "00", "x1"}) {
    o.root_codes = {bad};
    EXPECT_THROW(import_gdelt(h, {f}, o), graph::InvalidArgument) << bad;
  }
}

// Weight = mean Goldstein of the edge's rows, kept across imports; re-importing changes nothing.
TEST_F(GdeltTest, RunningMeanAcrossImportsAndReimportIsIdempotent) {
  Row a = us_china("1"), b = us_china("2"), c = us_china("3");
  a.goldstein = "2";
  b.goldstein = "4";
  b.mentions = "10";
  c.goldstein = "9";
  const std::string f1 = write("a.tsv", lines({a, b}));
  const std::string f2 = write("b.tsv", lines({c}));
  graph::Graph g;
  import_gdelt(g, {f1});
  auto e = edge_between(g, "United States", "China", Relation::kConsult);
  ASSERT_TRUE(e);
  EXPECT_DOUBLE_EQ(g.edge(*e).goldstein.value_or(-99.0), 3.0);
  GdeltImportResult r = import_gdelt(g, {f2});
  EXPECT_EQ(r.rows_merged, 1u);
  EXPECT_DOUBLE_EQ(g.edge(*e).goldstein.value_or(-99.0), 5.0);  // (2 + 4 + 9) / 3
  std::uint32_t mentions = 0;
  for (const auto& ev : g.edge(*e).evidence) mentions += ev.mentions;
  EXPECT_EQ(mentions, 3u + 10u + 3u);
  const std::size_t evidence = g.evidence_count(), edges = g.edge_count();
  r = import_gdelt(g, {f1, f2});
  EXPECT_EQ(r.duplicate_rows, 3u);
  EXPECT_EQ(r.imported_rows, 0u);
  EXPECT_EQ(g.evidence_count(), evidence);
  EXPECT_EQ(g.edge_count(), edges);
  EXPECT_DOUBLE_EQ(g.edge(*e).goldstein.value_or(-99.0), 5.0);
  // An edge made by extraction (weight 1, no GDELT evidence) takes the first row's score.
  graph::Graph h;
  const auto us = h.add_node("United States", Kind::kGovernment);
  const auto cn = h.add_node("China", Kind::kGovernment);
  const auto x = h.add_edge(us, cn, Relation::kConsult);
  graph::Evidence ev;
  ev.text = "The US held talks with China.";
  h.add_evidence(x, ev);
  import_gdelt(h, {f2});
  EXPECT_DOUBLE_EQ(h.edge(x).goldstein.value_or(-99.0), 9.0);
  EXPECT_EQ(h.edge(x).evidence.size(), 2u);
  EXPECT_EQ(h.node_count(), 2u);  // the extraction's nodes, not new ones
}

TEST_F(GdeltTest, ActorKindsFromTypeCodes) {
  auto row = [](const std::string& id, const std::string& code, const std::string& name,
                const std::string& country, const std::string& type) {
    Row r = us_china(id);
    r.a1code = code;
    r.a1name = name;
    r.a1country = country;
    r.a1type = type;
    return r;
  };
  const std::string f = write(
      "k.tsv",
      lines({row("1", "USAMIL", "PENTAGON", "USA", "MIL"),
             row("2", "USAGOV", "GEORGIA", "USA", "GOV"), row("3", "GOV", "PRESIDENT", "", "GOV"),
             row("4", "MNCKOR", "SAMSUNG", "KOR", "MNC"),
             row("5", "USABUS", "UNITED STATES", "USA", "BUS"),
             row("6", "USAMED", "REUTERS", "USA", "MED"),
             row("7", "IGOUNO", "UNITED NATIONS", "", "IGO"),
             row("8", "ROMCVL", "ROMANIA", "ROM", "CVL"),
             row("9", "TWN", "TAIWAN", "", ""),       // country from the code
             row("10", "PTY", "POLITICIAN", "", ""),  // role from the code
             row("11", "idg", "INDIGENOUS", "", "")}));
  // A stand-in lexicon: it knows Samsung (vendor), Reuters (media), Georgia (a government).
  GdeltImportOptions o;
  o.lookup.entity = [](std::string_view name) -> std::optional<GdeltActorLookup::Entity> {
    const std::string folded = graph::fold_name(name);
    if (folded == "samsung") return GdeltActorLookup::Entity{"Samsung", Kind::kVendor};
    if (folded == "reuters") return GdeltActorLookup::Entity{"Reuters", Kind::kMedia};
    if (folded == "georgia") return GdeltActorLookup::Entity{"Georgia", Kind::kGovernment};
    return std::nullopt;
  };
  graph::Graph g;
  const GdeltImportResult r = import_gdelt(g, {f}, o);
  EXPECT_EQ(r.imported_rows, 11u);
  EXPECT_EQ(r.part_of_added, 1u);
  const auto kind = [&](const std::string& n) { return g.node(node_named(g, n)).kind; };
  EXPECT_EQ(kind("United States military"), Kind::kAgency);
  EXPECT_TRUE(edge_between(g, "United States military", "United States", Relation::kPartOf));
  EXPECT_FALSE(g.find_named("Georgia"));  // USAGOV "GEORGIA" is the US, not the country
  EXPECT_TRUE(edge_between(g, "United States", "China", Relation::kConsult));
  // No country code and no location: qualified as such, never a global "President".
  EXPECT_EQ(kind("Unknown country: President"), Kind::kGovernment);
  EXPECT_FALSE(g.find_named("President"));
  EXPECT_EQ(kind("Samsung"), Kind::kVendor);
  EXPECT_EQ(kind("United States business"), Kind::kOrganization);
  EXPECT_EQ(kind("Reuters"), Kind::kMedia);
  EXPECT_EQ(kind("United Nations"), Kind::kOrganization);
  EXPECT_EQ(kind("Romania civilians"), Kind::kOrganization);  // CAMEO ROM = ISO ROU
  EXPECT_EQ(kind("Taiwan"), Kind::kGovernment);
  EXPECT_EQ(kind("Unknown country: Politician"), Kind::kOrganization);
  EXPECT_EQ(kind("Indigenous"), Kind::kOrganization);
  const auto& attrs = g.node(node_named(g, "United States military")).attributes;
  ASSERT_FALSE(attrs.empty());
  EXPECT_EQ(attrs[0], (std::pair<std::string, std::string>{"cameo", "USAMIL"}));
}

// With the shipped lexicon, a GDELT country and the node extraction makes are one node.
TEST_F(GdeltTest, CountriesResolveThroughTheLexicon) {
  const Lexicon lex = Lexicon::load();
  const auto us = lex.government_by_iso("USA");
  const auto ru = lex.government_by_iso("RUS");
  ASSERT_TRUE(us && ru);
  Row r = us_china("1");
  r.a2code = r.a2country = "RUS";
  r.a2name = "RUSSIA";
  const std::string f = write("l.tsv", lines({r}));
  graph::Graph g;
  // As article extraction would have named them, with an alias.
  const auto us_node = g.add_node(*us, Kind::kGovernment);
  g.add_alias(us_node, "Washington");
  GdeltImportOptions o;
  o.lookup = gdelt_lexicon_lookup(lex);
  import_gdelt(g, {f}, o);
  EXPECT_EQ(g.node_count(), 2u);
  EXPECT_TRUE(edge_between(g, *us, *ru, Relation::kConsult));

  // The real sample: RUS is the lexicon's Russia; USAMED "REUTERS" the lexicon's Reuters.
  const fs::path sample = test_support::test_data("gdelt/gdelt1_events_sample_710rows.tsv");
  STAKEGRAPH_NEED_FILE(sample);
  graph::Graph s;
  import_gdelt(s, {sample.string()}, o);
  EXPECT_TRUE(s.find_named(*ru));
  EXPECT_FALSE(s.find_named("Russian Federation"));
  EXPECT_EQ(s.node(node_named(s, "Reuters")).kind, Kind::kMedia);
  EXPECT_TRUE(edge_between(s, "Reuters", "Taiwan", Relation::kConsult));  // event 564157507
}

}  // namespace
}  // namespace stakegraph::io
