// Issue 15, items 2 and 8: names as an analyst meets them. Line breaks inside names folded
// at extraction and import; ids by Unicode transliteration ("Société Générale" ->
// societe-generale, ASCII ids unchanged); look-ups folded for case and accents; terminal
// tables padded by display width; GDELT's generic role actors qualified by the country of
// their location ("United States: President", never one global "President").
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/cli/run.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph {
namespace {

using test_support::run_stakegraph;

std::string q(const std::string& s) { return "'" + s + "'"; }

class NamesCli : public test_support::TempDirTest {
 protected:
  // The graph file `name`.json converted from CSV `csv`.
  nlohmann::json as_json(const std::string& file) {
    const auto r = run_stakegraph("convert " + q(file) + " - --to json");
    EXPECT_EQ(r.status, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }
  static const nlohmann::json* node_named(const nlohmann::json& g, const std::string& name) {
    for (const auto& n : g["nodes"])
      if (n["name"] == name) return &n;
    return nullptr;
  }
};

// Terminal columns of UTF-8 text as the test counts them: CJK ideographs (U+4E00-U+9FFF)
// take 2, every other code point 1.
std::size_t columns(const std::string& s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    std::uint32_t cp = n == 3 ? ((c & 0x0Fu) << 12) |
                                    ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                                    (static_cast<unsigned char>(s[i + 2]) & 0x3Fu)
                              : 0;
    w += (cp >= 0x4E00 && cp <= 0x9FFF) ? 2 : 1;
    i += n;
  }
  return w;
}

TEST_F(NamesCli, LineBreaksInsideNamesAreFoldedAtImport) {
  // As in the Reuters slice: a name broken across two lines of the source text.
  const std::string csv = write("g.csv",
                                "source,target,relation\n"
                                "\"Margaret\nThatcher\",\"British  Telecom\",REQUEST\n"
                                "\"\tMargaret Thatcher \",Japan,REQUEST\n");
  const auto g = as_json(csv);
  ASSERT_EQ(g["nodes"].size(), 3u) << g.dump();  // one Thatcher node, not two
  EXPECT_NE(node_named(g, "Margaret Thatcher"), nullptr) << g.dump();
  EXPECT_NE(node_named(g, "British Telecom"), nullptr) << g.dump();
  for (const auto& n : g["nodes"])
    EXPECT_EQ(n["name"].get<std::string>().find('\n'), std::string::npos) << n.dump();
}

TEST_F(NamesCli, LineBreaksInsideNamesAreFoldedAtExtraction) {
  // The Reuters article names "Prime Minister Margaret\nThatcher" across a line break.
  const std::string art =
      write("r.jsonl",
            "{\"title\": \"BRITAIN WARNS JAPAN\", \"date\": \"1987-03-27\", \"text\": "
            "\"Prime Minister Margaret\\nThatcher criticised Japan over its telecommunications "
            "market on Friday.\\nBritain threatened Japan with sanctions.\"}\n");
  const auto r = run_stakegraph("extract " + q(art) + " --format json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto g = nlohmann::json::parse(r.out);
  bool thatcher = false;
  for (const auto& n : g["nodes"]) {
    const std::string name = n["name"];
    EXPECT_EQ(name.find('\n'), std::string::npos) << name;
    for (const auto& a : n["aliases"])
      EXPECT_EQ(a.get<std::string>().find('\n'), std::string::npos) << a;
    thatcher = thatcher || name.find("Thatcher") != std::string::npos;
  }
  EXPECT_TRUE(thatcher) << r.out;
}

TEST_F(NamesCli, NonAsciiIdsAreTransliteratedAsciiIdsUnchanged) {
  const std::string csv = write("g.csv",
                                "source,target,relation\n"
                                "Société Générale,Huawei,REQUEST\n"
                                "华为,U.S. Commerce Department,REQUEST\n"
                                "Газпром,Deutsche Telekom,REQUEST\n");
  const auto g = as_json(csv);
  auto id = [&](const std::string& name) {
    const auto* n = node_named(g, name);
    return n ? (*n)["id"].get<std::string>() : std::string("(missing)");
  };
  EXPECT_EQ(id("Société Générale"), "societe-generale");  // was soci-t-g-n-rale
  EXPECT_EQ(id("华为"), "hua-wei");                       // was "node"
  EXPECT_EQ(id("Газпром"), "gazprom");
  // ASCII names keep exactly the ids they had.
  EXPECT_EQ(id("Huawei"), "huawei");
  EXPECT_EQ(id("U.S. Commerce Department"), "us-commerce-department");
  EXPECT_EQ(id("Deutsche Telekom"), "deutsche-telekom");
}

TEST_F(NamesCli, LookupsFoldCaseAndAccents) {
  const std::string csv = write("g.csv",
                                "source,target,relation\n"
                                "Société Générale,Huawei,REQUEST\n");
  const std::string g = path("g.sgpb");
  ASSERT_EQ(run_stakegraph("convert " + q(csv) + " " + q(g)).status, 0);
  for (const std::string query : {"SOCIÉTÉ GÉNÉRALE", "Societe Generale", "societe generale",
                                  "société générale", "societe-generale"}) {
    SCOPED_TRACE(query);
    const auto r = run_stakegraph("show " + q(g) + " " + q(query));
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out.rfind("Société Générale  (organization, id societe-generale)", 0), 0u) << r.out;
  }
  const auto n = run_stakegraph("neighbors " + q(g) + " 'SOCIETE GENERALE'");
  EXPECT_EQ(n.status, 0) << n.err;
  const auto p = run_stakegraph("path " + q(g) + " 'societe generale' HUAWEI");
  EXPECT_EQ(p.status, 0) << p.err;
  EXPECT_NE(p.out.find("1 hop"), std::string::npos) << p.out;
  const auto svg = path("focus.svg");
  const auto focus = run_stakegraph("render " + q(g) + " --focus 'Societe Generale' -o " + q(svg));
  EXPECT_EQ(focus.status, 0) << focus.err;
}

TEST_F(NamesCli, TablesArePaddedByDisplayWidth) {
  const std::string csv = write("g.csv",
                                "source,target,relation,source_kind,target_kind\n"
                                "Société Générale,华为,supplies,vendor,operator\n"
                                "Huawei,BT,supplies,vendor,operator\n"
                                "Huawei,华为,supplies,vendor,operator\n");
  const auto r = run_stakegraph("centrality " + q(csv) + " --metric degree");
  ASSERT_EQ(r.status, 0) << r.err;
  // Every row's kind column starts at the same terminal column.
  std::vector<std::size_t> starts;
  std::size_t from = r.out.find('\n') + 1;
  while (from < r.out.size()) {
    const std::size_t end = r.out.find('\n', from);
    const std::string line = r.out.substr(from, end - from);
    const std::size_t kind = line.rfind("  ");
    ASSERT_NE(kind, std::string::npos) << line;
    starts.push_back(columns(line.substr(0, kind)));
    from = end + 1;
  }
  ASSERT_EQ(starts.size(), 5u) << r.out;  // the header row and four nodes
  for (std::size_t s : starts) EXPECT_EQ(s, starts[0]) << r.out;
}

// A 58-column GDELT 1.0 row, actor 1 a generic role actor (no country code) located at
// `geo` (Actor1Geo_FullName), actor 2 China.
std::string gdelt_row(int id, const std::string& code, const std::string& name,
                      const std::string& geo) {
  std::vector<std::string> f(58);
  f[0] = std::to_string(id);
  f[1] = "20190515";
  f[5] = code;
  f[6] = name;
  f[12] = code;  // Actor1Type1Code: the role
  f[15] = f[17] = "CHN";
  f[16] = "CHINA";
  f[26] = "036";
  f[28] = "03";
  f[30] = "4.0";
  f[31] = "4";
  f[32] = "1";
  f[33] = "2";
  f[36] = geo;
  f[56] = "20190516";
  f[57] = "https://news.example/" + std::to_string(id);
  std::string s;
  for (std::size_t i = 0; i < f.size(); ++i) s += (i ? "\t" : "") + f[i];
  return s + "\n";
}

TEST_F(NamesCli, GdeltGenericActorsAreQualifiedByCountry) {
  const std::string tsv = write(
      "e.tsv", gdelt_row(1, "GOV", "PRESIDENT", "California, United States") +
                   gdelt_row(2, "GOV", "PRESIDENT", "Moscow, Moskva, Russia") +
                   gdelt_row(3, "COP", "POLICE", "Lagos, Lagos, Nigeria") +
                   gdelt_row(4, "COP", "POLICE OFFICER", "Seventh South, Utah, United States") +
                   gdelt_row(5, "GOV", "PRESIDENT", "Nassau, New Providence, Bahamas, The") +
                   gdelt_row(6, "GOV", "GOVERNMENT", ""));
  const std::string g = path("g.json");
  const auto r = run_stakegraph("import gdelt " + q(tsv) + " -o " + q(g) + " --quiet");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(test_support::slurp(g));
  auto kind = [&](const std::string& name) {
    const auto* n = node_named(j, name);
    return n ? (*n)["kind"].get<std::string>() : std::string("(missing)");
  };
  // Before: one "President" node for every country's president, "Police" for every police.
  for (const char* global : {"President", "Police", "Police Officer", "Government"})
    EXPECT_EQ(node_named(j, global), nullptr) << global << "\n" << j.dump();
  EXPECT_EQ(kind("United States: President"), "government") << j.dump();
  EXPECT_EQ(kind("Russia: President"), "government");
  EXPECT_EQ(kind("Nigeria: Police"), "agency");  // kind by the role code COP
  EXPECT_EQ(kind("United States: Police Officer"), "agency");
  EXPECT_EQ(kind("Bahamas: President"), "government");
  EXPECT_EQ(kind("Unknown country: Government"), "government");  // no location at all
  // An agency is part of its country's government, as for USACOP.
  bool part_of = false;
  for (const auto& e : j["edges"])
    part_of = part_of || (e["relation"] == "part_of" && e["target"] == "nigeria");
  EXPECT_TRUE(part_of) << j.dump();
}

}  // namespace
}  // namespace stakegraph
