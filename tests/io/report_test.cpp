// The HTML story report (io/report/): the data document the page embeds, its escaping, the
// SVG guard, and the page as a whole. The browser side is tested by
// tests/browser/report_browser_test.py.
#include "io/report/report.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "graph/error.hpp"
#include "io/render/dot.hpp"
#include "io/render/renderer.hpp"
#include "io/report/report_data.hpp"
#include "io/report/report_embed.hpp"
#include "io/report/report_html.hpp"
#include "tests/io/report_page.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::io::report {
namespace {

using graph::Graph;
using graph::Kind;
using graph::NodeIndex;
using graph::Relation;
using nlohmann::json;
using Marks = std::vector<std::pair<std::size_t, std::size_t>>;

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

const json& node_named(const json& doc, const std::string& name) {
  for (const json& n : doc["nodes"])
    if (n["name"] == name) return n;
  throw std::runtime_error("no node " + name);
}

const json& edge_of(const json& doc, const std::string& s, const std::string& rel,
                    const std::string& t) {
  for (const json& e : doc["edges"])
    if (e["source"] == s && e["relation"] == rel && e["target"] == t) return e;
  throw std::runtime_error("no edge " + s + " " + rel + " " + t);
}

const json& edge_with(const json& doc, const std::string& rel) {
  for (const json& e : doc["edges"])
    if (e["relation"] == rel) return e;
  throw std::runtime_error("no edge " + rel);
}

// ---- embedding JSON in <script type="application/json"> -------------------------------

TEST(EmbedJson, EscapesWhatCouldEndOrChangeTheScriptElement) {
  const json original = {{"name", "</script><script>alert(1)</script> <!-- x --> a & b > c"},
                         {"line", "one\xE2\x80\xA8two\xE2\x80\xA9three"}};
  const std::string text = original.dump(-1, ' ', false);
  const std::string safe = embed_json_for_script(text);
  EXPECT_EQ(safe.find('<'), std::string::npos) << safe;
  EXPECT_EQ(safe.find('>'), std::string::npos) << safe;
  EXPECT_EQ(safe.find('&'), std::string::npos) << safe;
  EXPECT_EQ(safe.find("\xE2\x80\xA8"), std::string::npos);
  EXPECT_EQ(safe.find("\xE2\x80\xA9"), std::string::npos);
  EXPECT_NE(safe.find("\\u003c/script\\u003e"), std::string::npos) << safe;
  EXPECT_NE(safe.find("\\u003c!--"), std::string::npos) << safe;
  EXPECT_NE(safe.find("\\u2028"), std::string::npos);
  EXPECT_NE(safe.find("\\u2029"), std::string::npos);
  // Read back, it is the same document (as JSON.parse reads it).
  EXPECT_EQ(json::parse(safe), original);
}

TEST(EmbedJson, LeavesOtherTextAlone) {
  // CJK, right-to-left text, an emoji and the other three-byte E2 80 xx characters (the
  // en dash U+2013, the ellipsis U+2026) pass unchanged.
  const std::string text =
      "{\"a\":\"\xE8\x8F\xAF\xE7\x82\xBA \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 "
      "\xF0\x9F\x98\x80 \xE2\x80\x93\xE2\x80\xA6 'q' \\\"\"}";
  EXPECT_EQ(embed_json_for_script(text), text);
}

// ---- marks: where an edge's endpoints are named in its sentence ----------------------------

TEST(FindMarks, WholeWordsCaseInsensitiveLongestFirst) {
  // "US" inside "bus" and "USB" is no mention; "United States" wins over "States".
  const std::string text = "The us bus and USB: United States and US.";
  const Marks m = find_marks(text, {"US", "States", "United States"});
  EXPECT_EQ(m, (Marks{{4, 6}, {20, 33}, {38, 40}}));
}

TEST(FindMarks, CountsUtf16UnitsLikeABrowser) {
  // 華為 is 2 units (6 bytes), the emoji 2 units (4 bytes), مرحبا 5 units (10 bytes).
  const std::string text =
      "\xE8\x8F\xAF\xE7\x82\xBA Huawei \xF0\x9F\x98\x80 Huawei "
      "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 Huawei";
  const Marks m = find_marks(text, {"Huawei", "\xE8\x8F\xAF\xE7\x82\xBA"});
  // Units: 華為(0-2) sp(2) Huawei(3-9) sp(9) emoji(10-12) sp(12) Huawei(13-19) sp(19)
  //        مرحبا(20-25) sp(25) Huawei(26-32)
  EXPECT_EQ(m, (Marks{{0, 2}, {3, 9}, {13, 19}, {26, 32}}));
}

TEST(FindMarks, NothingToMark) {
  EXPECT_TRUE(find_marks("", {"Huawei"}).empty());
  EXPECT_TRUE(find_marks("Huawei", {}).empty());
  EXPECT_TRUE(find_marks("Huawei", {""}).empty());
  EXPECT_TRUE(find_marks("Huaweis", {"Huawei"}).empty());
}

// ---- the data document ---------------------------------------------------------------------

// The seed story of tests/test_graphs.hpp (drawn there): 10 nodes, 11 edges, articles "seed"
// (2019-02-01, 8 evidence on 8 edges) and "second" (2019-05-15, 1 evidence).
class ReportData : public ::testing::Test {
 protected:
  void SetUp() override {
    g_ = test_support::story_graph();
    doc_ = json::parse(report_data_json(
        g_, {.title = "Story", .graph_file = "story.sgpb", .selection = "--focus Huawei"}));
  }
  Graph g_;
  json doc_;
};

TEST_F(ReportData, TopLevelShape) {
  EXPECT_EQ(doc_["format"], "stakegraph-report");
  EXPECT_EQ(doc_["format_version"], kReportFormatVersion);
  EXPECT_EQ(doc_["title"], "Story");
  EXPECT_EQ(doc_["graph_file"], "story.sgpb");
  EXPECT_EQ(doc_["selection"], "--focus Huawei");
  EXPECT_EQ(doc_["nodes"].size(), 10u);
  EXPECT_EQ(doc_["edges"].size(), 11u);
  for (const char* key :
       {"articles", "pagerank", "betweenness", "camps", "camp_frustration", "timeline", "dates"})
    EXPECT_TRUE(doc_.contains(key)) << key;
}

TEST_F(ReportData, NodesInTheOntologyShapePlusReportFields) {
  const json& us = node_named(doc_, "United States");
  EXPECT_EQ(us["id"], "united-states");
  EXPECT_EQ(us["kind"], "government");
  EXPECT_EQ(us["aliases"], json({"US", "Washington"}));
  EXPECT_EQ(us["attributes"], json({{"iso3166", "US"}}));
  EXPECT_EQ(us["cameo"], "");
  EXPECT_EQ(us["svg"], "node-united-states");
  // United States: out REQUEST, SANCTION, allied_with (stored US -> Germany); in reports.
  EXPECT_EQ(us["out_degree"], 3);
  EXPECT_EQ(us["in_degree"], 1);
  // Huawei has the most neighbours (7) and lies on every path to the operators.
  const json& hw = node_named(doc_, "Huawei");
  EXPECT_EQ(hw["pagerank_rank"], 1);
  EXPECT_EQ(hw["betweenness_rank"], 1);
  // BT, EE, Three, Vodafone hang from Huawei alone: no shortest path runs through them.
  EXPECT_EQ(node_named(doc_, "BT")["betweenness"], 0.0);
}

TEST_F(ReportData, CameoCodeFromTheAttribute) {
  g_.set_attribute(*g_.find_node("Germany"), "cameo", "DEU");
  const json doc = json::parse(report_data_json(g_, {}));
  EXPECT_EQ(node_named(doc, "Germany")["cameo"], "DEU");
}

TEST_F(ReportData, RanksFollowTheCentralityLists) {
  // The ranks in the nodes are the positions in the embedded `centrality --json` lists.
  for (const char* metric : {"pagerank", "betweenness"}) {
    const json& list = doc_[metric];
    EXPECT_EQ(list["metric"], metric);
    ASSERT_EQ(list["scores"].size(), 10u);
    double previous = 1e300;
    for (std::size_t i = 0; i < list["scores"].size(); ++i) {
      const json& s = list["scores"][i];
      EXPECT_EQ(s.size(), 4u) << s;  // id, name, kind, score
      const json& n = node_named(doc_, s["name"]);
      EXPECT_EQ(n["id"], s["id"]);
      EXPECT_EQ(n["kind"], s["kind"]);
      EXPECT_EQ(n[std::string(metric) + "_rank"], i + 1) << metric << " " << s;
      EXPECT_EQ(n[metric], s["score"]);
      EXPECT_LE(s["score"].get<double>(), previous);
      previous = s["score"].get<double>();
    }
  }
}

TEST_F(ReportData, CampsAndTheirFrustration) {
  const json& camps = doc_["camps"];
  EXPECT_EQ(camps["method"], "camps");
  EXPECT_TRUE(camps.contains("modularity"));
  EXPECT_TRUE(camps["optimal"].get<bool>());
  std::set<std::string> seen;
  for (const json& c : camps["clusters"]) {
    for (const json& id : c["ids"]) {
      EXPECT_TRUE(seen.insert(id.get<std::string>()).second) << id;
      for (const json& n : doc_["nodes"])
        if (n["id"] == id) {
          EXPECT_EQ(n["camp"], c["id"]) << id;
        }
    }
  }
  EXPECT_EQ(seen.size(), 10u);  // every node in exactly one camp
  // The total is the conflict inside the camps plus the cooperation across them, each tie
  // across counted by both its camps.
  double inside = 0, across = 0;
  ASSERT_EQ(doc_["camp_frustration"].size(), camps["clusters"].size());
  for (const json& f : doc_["camp_frustration"]) {
    inside += f["inside"].get<double>();
    across += f["across"].get<double>();
  }
  EXPECT_DOUBLE_EQ(camps["frustration"].get<double>(), inside + across / 2);
}

TEST_F(ReportData, EdgesWithEvidenceDatesAndMarks) {
  const json& ban = edge_of(doc_, "united-states", "SANCTION", "huawei");
  EXPECT_EQ(ban["sign"], -1);
  EXPECT_FALSE(ban["hedged"].get<bool>());
  EXPECT_EQ(ban["svg"], "edge-united-states-SANCTION-huawei");
  ASSERT_EQ(ban["evidence"].size(), 2u);
  const json& x = ban["evidence"][0];
  EXPECT_EQ(x["article"], "seed");
  EXPECT_EQ(x["sentence"], 4);
  EXPECT_EQ(x["start"], 200);
  EXPECT_EQ(x["end"], 244);
  EXPECT_EQ(x["text"], "Huawei has been frozen out of the US market.");
  EXPECT_EQ(x["date"], "");                     // its own date: none
  EXPECT_EQ(x["evidence_date"], "2019-02-01");  // its article's
  EXPECT_EQ(x["marks"], json::parse("[[0, 6], [34, 36]]"));
  const json& y = ban["evidence"][1];
  EXPECT_EQ(y["text"], "Washington \"banned\" C:\\ <Huawei> & co.");
  EXPECT_EQ(y["evidence_date"], "2019-05-15");
  EXPECT_EQ(y["marks"], json::parse("[[0, 10], [25, 31]]"));
  // All of its evidence hedged: the edge is hedged.
  EXPECT_TRUE(edge_of(doc_, "united-states", "REQUEST", "germany")["hedged"].get<bool>());
  // No evidence: not hedged, no dates.
  // "Ren Zhengfei 任正非": the id transliterates the Chinese name too (graph/names.hpp).
  const json& part = edge_of(doc_, "ren-zhengfei-ren-zheng-fei", "part_of", "huawei");
  EXPECT_FALSE(part["hedged"].get<bool>());
  EXPECT_TRUE(part["evidence"].empty());
}

TEST_F(ReportData, SvgIdsAreTheDrawingsIds) {
  for (bool merge : {false, true}) {
    const json doc = json::parse(report_data_json(g_, {.merge_parallel = merge}));
    std::map<std::string, std::string> drawn_of;  // "source relation target" -> svg id
    for (const DrawnEdge& d : drawn_edges(g_, merge))
      for (graph::EdgeRef e : d.edges)
        drawn_of[g_.node(g_.source(e)).id + " " +
                 std::string(graph::relation_name(g_.edge(e).relation)) + " " +
                 g_.node(g_.target(e)).id] = d.svg_id;
    ASSERT_EQ(drawn_of.size(), 11u);
    for (const json& e : doc["edges"])
      EXPECT_EQ(e["svg"], drawn_of.at(e["source"].get<std::string>() + " " +
                                      e["relation"].get<std::string>() + " " +
                                      e["target"].get<std::string>()));
    for (NodeIndex v = 0; v < g_.node_count(); ++v)
      EXPECT_EQ(node_named(doc, g_.node(v).name)["svg"], svg_node_id(g_, v));
  }
  // Merged, United States -> Germany (REQUEST and allied_with) is one drawn edge.
  const json merged = json::parse(report_data_json(g_, {.merge_parallel = true}));
  EXPECT_EQ(edge_of(merged, "united-states", "REQUEST", "germany")["svg"],
            "edges-united-states-germany");
  EXPECT_EQ(edge_of(merged, "united-states", "allied_with", "germany")["svg"],
            "edges-united-states-germany");
  EXPECT_EQ(edge_of(doc_, "united-states", "REQUEST", "germany")["svg"],
            "edge-united-states-REQUEST-germany");
}

TEST_F(ReportData, ArticlesCitedWithTheirCounts) {
  ASSERT_EQ(doc_["articles"].size(), 2u);
  const json& seed = doc_["articles"][0];
  EXPECT_EQ(seed["id"], "seed");
  EXPECT_EQ(seed["title"], "US government 'urges' allies");
  EXPECT_EQ(seed["date"], "2019-02-01");
  EXPECT_EQ(seed["url"], "https://x/1");
  EXPECT_EQ(seed["source"], "TechRadar");
  // REQUEST, SANCTION, 4 x supplies, reports, REJECT.
  EXPECT_EQ(seed["edges"], 8);
  EXPECT_EQ(seed["evidence"], 8);
  const json& second = doc_["articles"][1];
  EXPECT_EQ(second["id"], "second");
  EXPECT_EQ(second["edges"], 1);
  EXPECT_EQ(second["evidence"], 1);
}

TEST_F(ReportData, TimelineByMonthPastThreeMonths) {
  // 2019-02-01 .. 2019-05-15 is 103 days: months, the empty ones included.
  EXPECT_EQ(doc_["dates"], json({"2019-02-01", "2019-05-15"}));
  const json& t = doc_["timeline"];
  EXPECT_EQ(t["unit"], "month");
  EXPECT_EQ(t["undated"], 0);
  EXPECT_EQ(t["bins"], json::parse(R"([{"period": "2019-02", "count": 8},
      {"period": "2019-03", "count": 0}, {"period": "2019-04", "count": 0},
      {"period": "2019-05", "count": 1}])"));
}

TEST(ReportDataTimeline, DaysWithinThreeMonthsAndUndatedCounted) {
  //   A -SANCTION-> B : evidence dated 2020-12-30 (own date) and 2021-01-02 (its article's);
  //   B -REJECT-> A   : evidence without any date.
  Graph g;
  const auto dated = g.add_article({.id = "dated", .date = 20210102});
  const auto undated = g.add_article({.id = "undated"});
  const NodeIndex a = g.add_node("A", Kind::kGovernment);
  const NodeIndex b = g.add_node("B", Kind::kVendor);
  graph::Evidence x{.article = dated, .text = "A banned B."};
  g.add_evidence(g.add_edge(a, b, Relation::kSanction), x);
  x.date = 20201230;
  x.sentence = 1;
  g.add_evidence(g.add_edge(a, b, Relation::kSanction), x);
  g.add_evidence(g.add_edge(b, a, Relation::kReject),
                 graph::Evidence{.article = undated, .text = "B denied."});
  const json doc = json::parse(report_data_json(g, {}));
  EXPECT_EQ(doc["dates"], json({"2020-12-30", "2021-01-02"}));
  EXPECT_EQ(doc["timeline"]["unit"], "day");
  EXPECT_EQ(doc["timeline"]["undated"], 1);
  EXPECT_EQ(doc["timeline"]["bins"], json::parse(R"([{"period": "2020-12-30", "count": 1},
      {"period": "2020-12-31", "count": 0}, {"period": "2021-01-01", "count": 0},
      {"period": "2021-01-02", "count": 1}])"));
  EXPECT_EQ(edge_of(doc, "b", "REJECT", "a")["evidence"][0]["evidence_date"], "");
  // Undated articles are listed after dated ones.
  EXPECT_EQ(doc["articles"][0]["id"], "dated");
  EXPECT_EQ(doc["articles"][1]["id"], "undated");
}

TEST(ReportDataEmpty, AnEmptyGraphGivesAnEmptyDocument) {
  const json doc = json::parse(report_data_json(Graph{}, {}));
  EXPECT_TRUE(doc["nodes"].empty());
  EXPECT_TRUE(doc["edges"].empty());
  EXPECT_TRUE(doc["dates"].empty());
  EXPECT_TRUE(doc["timeline"]["bins"].empty());
  EXPECT_TRUE(doc["pagerank"]["scores"].empty());
}

TEST_F(ReportData, InvalidUtf8IsReplacedAndTheDocumentIsDeterministic) {
  const NodeIndex v = g_.add_node("Bad \xFF name", Kind::kOrganization);
  g_.add_evidence(g_.add_edge(v, *g_.find_node("Huawei"), Relation::kAccuse),
                  graph::Evidence{.text = "Bad \xFF name accused Huawei."});
  const std::string text = report_data_json(g_, {});
  const json doc = json::parse(text);  // valid UTF-8, or parse would throw
  EXPECT_EQ(node_named(doc, "Bad \xEF\xBF\xBD name")["kind"], "organization");
  const json& e = doc["edges"].back();
  EXPECT_EQ(e["evidence"][0]["text"], "Bad \xEF\xBF\xBD name accused Huawei.");
  // Marks count the replacement character (one unit), not the bad byte.
  EXPECT_EQ(e["evidence"][0]["marks"], json::parse("[[0, 10], [19, 25]]"));
  EXPECT_EQ(report_data_json(g_, {}), text);
}

// ---- the SVG guard -------------------------------------------------------------------------

TEST(InlineSvg, StripsPrologDoctypeAndComments) {
  const std::string svg =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
      "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\"\n"
      " \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
      "<!-- Generated by graphviz -->\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n"
      "<!-- a&#45;b -->\n<g id=\"node&#45;a\" class=\"node\"><title>a</title>"
      "<g id=\"a_node&#45;a\"><a xlink:title=\"tip &amp; more\" "
      "xmlns:xlink=\"http://www.w3.org/1999/xlink\"><ellipse rx=\"3\"/>"
      "<text x=\"1\" y=\"2\">&lt;script&gt; &amp; \xE8\x8F\xAF\xE7\x82\xBA</text></a></g>"
      "</g>\n</svg>\n";
  const std::string out = inline_svg(svg);
  EXPECT_EQ(out.rfind("<svg", 0), 0u) << out;
  EXPECT_EQ(out.find("<!--"), std::string::npos) << out;
  EXPECT_EQ(out.find("DOCTYPE"), std::string::npos) << out;
  EXPECT_EQ(out.find("<?xml"), std::string::npos) << out;
  // The tooltip wrappers and titles are gone; what they held stays, escaped, in UTF-8.
  EXPECT_EQ(out.find("<title"), std::string::npos) << out;
  EXPECT_EQ(out.find("xlink:title"), std::string::npos) << out;
  EXPECT_EQ(out.find("a_node"), std::string::npos) << out;
  EXPECT_EQ(out.find("<a"), std::string::npos) << out;
  EXPECT_NE(out.find("<g id=\"node-a\" class=\"node\"><ellipse rx=\"3\"/><text x=\"1\" "
                     "y=\"2\">&lt;script&gt; &amp; \xE8\x8F\xAF\xE7\x82\xBA</text></g>"),
            std::string::npos)
      << out;
}

// The line breaks Graphviz writes between elements become text nodes in a browser (as many
// as the elements: a 2,000-node drawing has about 90,000); SVG draws only the text of <text>
// and <tspan>, so the blank text elsewhere goes and theirs stays, blanks included.
//   <svg> <g>"\n"<path/>"\n"<text>" "</text><text>"a "<tspan>" "</tspan>" b"</text></g> </svg>
TEST(InlineSvg, DropsBlankTextBetweenElementsOnly) {
  const std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n"
      "<g id=\"edge-a-b\" class=\"edge\">\n\n<path d=\"M0,0\"/>\n\t"
      "<text x=\"1\"> </text><text x=\"2\">a <tspan> </tspan> b</text>\n</g>\n</svg>\n";
  EXPECT_EQ(inline_svg(svg),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
            "<g id=\"edge-a-b\" class=\"edge\"><path d=\"M0,0\"/>"
            "<text x=\"1\"> </text><text x=\"2\">a <tspan> </tspan> b</text></g></svg>");
}

TEST(InlineSvg, RefusesActiveOrExternalContent) {
  const std::string head =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" "
      "xmlns:xlink=\"http://www.w3.org/1999/xlink\">";
  for (const std::string body : {
           "<script>alert(1)</script>",
           "<g onclick=\"alert(1)\"/>",
           "<g ONLOAD=\"alert(1)\"/>",
           "<a xlink:href=\"javascript:alert(1)\"><text>x</text></a>",
           "<a href=\"https://example.com/\"><text>x</text></a>",
           "<image href=\"https://example.com/x.png\"/>",
           "<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>",
           "<set attributeName=\"href\" to=\"javascript:alert(1)\"/>",
           "<path fill=\"url(https://example.com/#g)\"/>",
           "<g style=\"background: url('//example.com/x')\"/>",
       }) {
    EXPECT_THROW(inline_svg(head + body + "</svg>"), graph::Error) << body;
  }
  EXPECT_THROW(inline_svg("<svg><g></svg>"), graph::Error);  // not well-formed
  EXPECT_THROW(inline_svg("<html></html>"), graph::Error);   // not SVG
  EXPECT_THROW(inline_svg(""), graph::Error);
  // Local references are fine.
  EXPECT_NO_THROW(inline_svg(head + "<a xlink:href=\"#x\"/><path fill=\"url(#g)\"/></svg>"));
}

// ---- the page ------------------------------------------------------------------------------

using testing::embedded_document;

//   "<script>alert(1)</script>" -ACCUSE-> "Q \"quoted\" & 'single' </b>"
//   "華為 <img src=x onerror=alert(2)>" -REJECT-> "مرحبا <U+202E right-to-left override>RTL"
// with sentences holding "</script>", "<!--", U+2028 and an attacker's URL.
Graph hostile_graph() {
  Graph g;
  const auto art = g.add_article({.id = "a</script>",
                                  .title = "T <script>alert(3)</script> & \"q\"",
                                  .date = 20200101,
                                  .url = "javascript:alert(4)"});
  const NodeIndex s = g.add_node("<script>alert(1)</script>", Kind::kGovernment);
  const NodeIndex t = g.add_node("Q \"quoted\" & 'single' </b>", Kind::kPerson);
  const NodeIndex u =
      g.add_node("\xE8\x8F\xAF\xE7\x82\xBA <img src=x onerror=alert(2)>", Kind::kVendor);
  const NodeIndex w = g.add_node(
      "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xE2\x80\xAE"
      "RTL",
      Kind::kMedia);
  g.add_alias(u, "\xE5\x8D\x8E\xE4\xB8\xBA");
  g.add_evidence(g.add_edge(s, t, Relation::kAccuse),
                 graph::Evidence{.article = art,
                                 .text = "</script><script>alert(5)</script> <!-- x "
                                         "\xE2\x80\xA8 \xE2\x80\xA9 -->"});
  g.add_evidence(g.add_edge(u, w, Relation::kReject),
                 graph::Evidence{.article = art,
                                 .text = "\xE8\x8F\xAF\xE7\x82\xBA <img src=x "
                                         "onerror=alert(2)> denied it.",
                                 .hedged = true});
  return g;
}

// `text` with Graphviz's "&#45;" read back as '-'.
std::string dashes(const std::string& text) {
  std::string out;
  std::size_t from = 0;
  for (auto at = text.find("&#45;"); at != std::string::npos; at = text.find("&#45;", from)) {
    out.append(text, from, at - from);
    out += '-';
    from = at + 5;
  }
  out.append(text, from);
  return out;
}

class ReportPageTest : public ::testing::Test {
 protected:
  Renderer renderer_;
};

TEST_F(ReportPageTest, HostileNamesAndSentencesStayText) {
  const Graph g = hostile_graph();
  const std::string html = make_report(
      g, {.title = "<script>alert(6)</script> & \"t\"", .graph_file = "g<1>.json"}, renderer_);
  // Exactly the page's own four script elements: the data, the evidence, the edge labels
  // (none here: a small drawing keeps them) and the code.
  EXPECT_EQ(count_of(lower(html), "<script"), 4u);
  EXPECT_EQ(count_of(lower(html), "</script"), 4u);
  EXPECT_EQ(count_of(lower(html), "<img"), 0u);
  EXPECT_EQ(html.find("<!--"), std::string::npos);
  // The title, escaped where it is markup.
  EXPECT_NE(html.find("<title>&lt;script&gt;alert(6)&lt;/script&gt; &amp; &quot;t&quot;</title>"),
            std::string::npos);
  // The data reads back exactly: the page shows the names and sentences as they are.
  const json doc = embedded_document(html);
  std::set<std::string> names;
  for (const json& n : doc["nodes"]) names.insert(n["name"].get<std::string>());
  for (NodeIndex v = 0; v < g.node_count(); ++v) EXPECT_TRUE(names.contains(g.node(v).name));
  EXPECT_EQ(edge_with(doc, "ACCUSE")["evidence"][0]["text"],
            g.edge(*g.find_edge(0, 1, Relation::kAccuse)).evidence[0].text);
  EXPECT_EQ(edge_with(doc, "REJECT")["evidence"][0]["text"],
            g.edge(*g.find_edge(2, 3, Relation::kReject)).evidence[0].text);
  EXPECT_EQ(doc["articles"][0]["url"], "javascript:alert(4)");  // the page never links it
  EXPECT_EQ(doc["title"], "<script>alert(6)</script> & \"t\"");
}

TEST_F(ReportPageTest, TheSvgIsTheRenderersDrawingWithEveryId) {
  const Graph g = test_support::story_graph();
  RenderOptions options;
  options.draw.title = "Story";
  const std::string drawing = renderer_.render(g, ImageFormat::kSvg, options);
  const std::string html = make_report(g, {.title = "Story"}, renderer_);
  // The drawing is inlined whole, from <svg on, without comments.
  const std::string inlined = inline_svg(drawing);
  EXPECT_NE(html.find(inlined), std::string::npos);
  // Every node and drawn edge of the data has its element in the drawing (Graphviz writes
  // '-' in attribute values as &#45;).
  const std::string ids = dashes(inlined);
  const json doc = embedded_document(html);
  for (const json& n : doc["nodes"])
    EXPECT_NE(ids.find("id=\"" + n["svg"].get<std::string>() + "\""), std::string::npos) << n;
  for (const json& e : doc["edges"])
    EXPECT_NE(ids.find("id=\"" + e["svg"].get<std::string>() + "\""), std::string::npos) << e;
}

TEST_F(ReportPageTest, SelfContained) {
  const std::string html = make_report(test_support::story_graph(), {}, renderer_);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<title>stakegraph report</title>"), std::string::npos);
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
  // Nothing refers outside the file: no src= or stylesheet link, no @import or url() of a
  // remote resource, no remote address other than the SVG namespaces and the data's URLs.
  const std::string l = lower(html);
  EXPECT_EQ(l.find(" src="), std::string::npos);
  EXPECT_EQ(l.find("<link"), std::string::npos);
  EXPECT_EQ(l.find("@import"), std::string::npos);
  EXPECT_EQ(l.find("url(http"), std::string::npos);
  EXPECT_EQ(l.find("fetch("), std::string::npos);
  EXPECT_EQ(l.find("xmlhttprequest"), std::string::npos);
  // The script and style are the compiled-in assets.
  EXPECT_NE(html.find(std::string(report_script())), std::string::npos);
  EXPECT_NE(html.find(std::string(report_style())), std::string::npos);
  EXPECT_GT(report_script().size(), 1000u);
}

// The drawing is laid out and painted once, when the script is ready (the style hides it until
// then); without JavaScript, a <noscript> style shows it.
TEST_F(ReportPageTest, TheDrawingWaitsForTheScriptOrShowsWithoutIt) {
  const std::string html = make_report(test_support::story_graph(), {}, renderer_);
  EXPECT_NE(report_style().find("#diagram:not(.ready) > svg { display: none; }"),
            std::string::npos);
  EXPECT_NE(report_script().find("diagram.classList.add('ready')"), std::string::npos);
  const std::size_t shown = html.find(
      "<noscript><style>#diagram:not(.ready) > svg { display: block; }</style>"
      "</noscript>");
  ASSERT_NE(shown, std::string::npos);
  EXPECT_GT(shown, html.find("</style>"));  // after the page's style, which it overrides
  EXPECT_LT(shown, html.find("</head>"));
  EXPECT_NE(html.find("<div id=\"diagram\">\n<svg"), std::string::npos);  // a child of #diagram
}

TEST_F(ReportPageTest, TooManyNodesAreRefused) {
  const Graph g = test_support::random_graph(kMaxRenderNodes + 1, 10, 1, false);
  EXPECT_THROW(make_report(g, {}, renderer_), graph::InvalidArgument);
}

// ---- the embedding: the document in two parts (io/report/report_embed.hpp) -----------------

// Read back from the page (tests/io/report_page.hpp decodes the two parts), the data is the
// document report_data_json writes: the CLI's shapes, every evidence item whole.
TEST_F(ReportPageTest, TheEmbeddedPartsDecodeToTheDataDocument) {
  for (const Graph& g : {test_support::story_graph(), hostile_graph()}) {
    const std::string html = make_report(g, {.title = "T", .graph_file = "g.sgpb"}, renderer_);
    const json whole = json::parse(report_data_json(g, {.title = "T", .graph_file = "g.sgpb"}));
    EXPECT_EQ(embedded_document(html), whole);
    // What the page parses when it opens holds no evidence sentence.
    const json opened = testing::script_json(html, "report-data");
    for (const json& e : opened["edges"]) {
      EXPECT_FALSE(e.contains("evidence"));
      EXPECT_TRUE(e.contains("evidence_keys"));
    }
    for (const json& e : whole["edges"])
      for (const json& x : e["evidence"])
        EXPECT_EQ(opened.dump().find(x["text"].get<std::string>()), std::string::npos);
  }
}

//   A -ACCUSE-> B : "A accused B." (seed, 2019-02-01), "A accused B." again (undated, hedged)
//   A -REJECT-> B  : "A accused B." (seed)
// One sentence, one string; each item's key gives its date's place in "dates" and hedging.
TEST(ReportEmbed, EachStringOnceAndKeysForTheFilters) {
  Graph g;
  const auto seed = g.add_article({.id = "seed", .date = 20190201});
  const NodeIndex a = g.add_node("A", Kind::kGovernment);
  const NodeIndex b = g.add_node("B", Kind::kVendor);
  const auto accuse = g.add_edge(a, b, Relation::kAccuse);
  g.add_evidence(accuse, {.article = seed, .text = "A accused B.", .rule = "r"});
  g.add_evidence(accuse, {.text = "A accused B.", .hedged = true, .rule = "r"});
  g.add_evidence(g.add_edge(a, b, Relation::kReject),
                 {.article = seed, .text = "A accused B.", .rule = "r"});
  const std::string whole = report_data_json(g, {});
  const EmbeddedData parts = split_report_data(whole);
  const json data = json::parse(parts.data);
  const json evidence = json::parse(parts.evidence);
  // Strings: the sentence, the rule, "" (speaker, date, undated), the seed's date; once each.
  const std::set<std::string> distinct(evidence["strings"].begin(), evidence["strings"].end());
  EXPECT_EQ(distinct.size(), evidence["strings"].size());
  EXPECT_EQ(evidence["strings"].size(), 4u);
  ASSERT_EQ(evidence["edges"].size(), 2u);
  std::set<int> texts;
  for (const json& items : evidence["edges"])
    for (const json& f : items) texts.insert(f[4].get<int>());
  EXPECT_EQ(texts.size(), 1u);
  EXPECT_EQ(data["dates"], json({"2019-02-01"}));
  // Keys: 2 * (date index + 1) + hedged: dated 2019-02-01 (index 0) and plain = 2; undated and
  // hedged = 1.
  const json& accuse_edge = edge_of(data, "a", "ACCUSE", "b");
  EXPECT_EQ(accuse_edge["evidence_keys"], json({2, 1}));
  EXPECT_EQ(edge_of(data, "a", "REJECT", "b")["evidence_keys"], json({2}));
  // Items: article index (0 = "seed", -1 = none), hedged 0/1, marks flattened.
  const std::size_t i = data["edges"][0]["relation"] == "ACCUSE" ? 0 : 1;
  const json& first = evidence["edges"][i][0];
  EXPECT_EQ(first[0], 0);
  EXPECT_EQ(first[5], 0);
  EXPECT_EQ(first[10], json({0, 1, 10, 11}));  // "A" and "B"
  EXPECT_EQ(evidence["edges"][i][1][0], -1);
  EXPECT_EQ(evidence["edges"][i][1][5], 1);
}

TEST(ReportEmbed, RefusesADocumentItCannotSplit) {
  const std::string ok = report_data_json(test_support::story_graph(), {});
  EXPECT_NO_THROW(split_report_data(ok));
  json doc = json::parse(ok);
  json broken = doc;
  broken["edges"][0]["evidence"][0].erase("text");
  EXPECT_THROW(split_report_data(broken.dump()), graph::Error);
  broken = doc;
  broken["edges"][0]["evidence"][0]["article"] = "not-an-article";
  EXPECT_THROW(split_report_data(broken.dump()), graph::Error);
  broken = doc;
  broken["edges"][0]["evidence"][0]["evidence_date"] = "1999-01-01";
  EXPECT_THROW(split_report_data(broken.dump()), graph::Error);
  broken = doc;
  broken["edges"][0]["evidence"][0]["text"] = 3;  // not a string: kept as it is
  EXPECT_NO_THROW(split_report_data(broken.dump()));
  broken["edges"][0]["evidence"][0]["hedged"] = "yes";
  EXPECT_THROW(split_report_data(broken.dump()), graph::Error);
  EXPECT_THROW(split_report_data("{}"), graph::Error);
  EXPECT_THROW(split_report_data("not json"), graph::Error);
}

// A drawing of more than kReportLabelledEdges drawn edges is inlined with its edges' labels
// apart (here with a limit of 0, on the story's 11 edges); below the limit, as inline_svg.
TEST_F(ReportPageTest, EdgeLabelsApartInADenseDrawing) {
  const Graph g = test_support::story_graph();
  const std::string drawing = renderer_.render(g, ImageFormat::kSvg, {});
  const InlinedSvg kept = inline_svg_for_page(drawing);
  EXPECT_EQ(kept.svg, inline_svg(drawing));
  EXPECT_EQ(kept.edge_labels, "");
  const InlinedSvg apart = inline_svg_for_page(drawing, 0);
  // What was taken out: every <text> of an edge group, with its group's id and its place.
  std::multiset<std::pair<std::string, std::string>> before, after;  // (group id, text)
  const std::string full = kept.svg;
  for (auto at = full.find("class=\"edge\""); at != std::string::npos;
       at = full.find("class=\"edge\"", at + 1)) {
    const auto id_end = full.rfind('"', full.rfind("class=", at) - 2);
    const auto id_start = full.rfind('"', id_end - 1) + 1;
    const std::string id = full.substr(id_start, id_end - id_start);
    const auto end = full.find("</g>", at);
    for (auto t = full.find("<text", at); t < end; t = full.find("<text", t + 1)) {
      const auto from = full.find('>', t) + 1;
      before.emplace(id, full.substr(from, full.find("</text>", from) - from));
    }
  }
  ASSERT_FALSE(before.empty());
  const json labels = json::parse(apart.edge_labels);
  for (const json& l : labels["labels"]) {
    after.emplace(l[0].get<std::string>(), l[4].get<std::string>());
    const json& style = labels["styles"].at(l[1].get<std::size_t>());
    EXPECT_FALSE(style.contains("x"));
    EXPECT_NE(full.find("x=\"" + l[2].get<std::string>() + "\" y=\"" + l[3].get<std::string>()),
              std::string::npos);
  }
  // Graphviz escapes '-' in ids as &#45; in the drawing's text.
  std::multiset<std::pair<std::string, std::string>> unescaped;
  for (const auto& [id, text] : before) unescaped.emplace(dashes(id), text);
  EXPECT_EQ(after, unescaped);
  // Each style once; the drawing keeps everything else (node labels among it).
  std::set<std::string> styles;
  for (const json& s : labels["styles"]) styles.insert(s.dump());
  EXPECT_EQ(styles.size(), labels["styles"].size());
  EXPECT_EQ(count_of(apart.svg, "<text"), count_of(kept.svg, "<text") - before.size());
  EXPECT_EQ(count_of(apart.svg, "class=\"edge\""), count_of(kept.svg, "class=\"edge\""));
}

}  // namespace
}  // namespace stakegraph::io::report
