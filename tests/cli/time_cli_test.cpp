// Issue 15, item 9: time. Before, --since/--until existed on queries but not on show, stats
// and convert; there was no diff between two dates; dates like 05/03/2024 or 2024/03/05 in
// article headers were silently dropped.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "io/formats/sgpb.hpp"
#include "tests/cli/run.hpp"
#include "tests/temp_dir.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph {
namespace {

using test_support::run_stakegraph;

// Four nodes, evidence dates in brackets:
//   A -allied_with- B   [2019-01-10]              +, before March only
//   A -ACCUSE-> B       [2019-03-05, 2019-03-06]  -, from March: the pair turns -
//   A -SUPPORT-> C      [2019-01-12]              before March only: disappears
//   C -COOPERATE-> D    [2019-03-10]              from March only: appears, and D with it
graph::Graph timeline_graph() {
  using namespace graph;
  Graph g;
  const auto jan = g.add_article(
      {.id = "jan", .title = "January piece", .date = 20190110, .url = "https://x/jan"});
  const auto mar = g.add_article(
      {.id = "mar", .title = "March piece", .date = 20190305, .url = "https://x/mar"});
  const NodeIndex a = g.add_node("Alpha", Kind::kGovernment);
  const NodeIndex b = g.add_node("Beta", Kind::kGovernment);
  const NodeIndex c = g.add_node("Gamma", Kind::kVendor);
  const NodeIndex d = g.add_node("Delta", Kind::kOperator);
  auto ev = [](std::uint32_t art, std::string text, Date date = kNoDate) {
    Evidence e;
    e.article = art;
    e.text = std::move(text);
    e.date = date;
    e.speaker = "a spokesman";
    return e;
  };
  g.add_evidence(g.add_edge(a, b, Relation::kAlliedWith), ev(jan, "Alpha and Beta are allies."));
  const EdgeRef accuse = g.add_edge(a, b, Relation::kAccuse);
  g.add_evidence(accuse, ev(mar, "Alpha accused Beta."));
  g.add_evidence(accuse, ev(mar, "Alpha accused Beta again.", 20190306));
  g.add_evidence(g.add_edge(a, c, Relation::kSupport), ev(jan, "Alpha backs Gamma.", 20190112));
  g.add_evidence(g.add_edge(c, d, Relation::kCooperate),
                 ev(mar, "Gamma works with Delta.", 20190310));
  return g;
}

class TimeCli : public test_support::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    graph_ = path("t.sgpb");
    io::save_sgpb(timeline_graph(), graph_);
    story_ = path("story.sgpb");
    io::save_sgpb(test_support::story_graph(), story_);
  }
  nlohmann::json json(const std::string& args) {
    const auto r = run_stakegraph(args);
    EXPECT_EQ(r.status, 0) << args << ": " << r.err;
    return nlohmann::json::parse(r.out);
  }
  std::string graph_, story_;
};

TEST_F(TimeCli, ShowStatsAndConvertTakeSinceUntil) {
  // Story: the SANCTION edge has one 2019-02-01 and one 2019-05-15 evidence.
  const auto all = json("stats '" + story_ + "' --json");
  const auto late = json("stats '" + story_ + "' --since 2019-05-01 --json");
  EXPECT_EQ(all.at("evidence"), 9);
  EXPECT_EQ(late.at("evidence"), 1);
  EXPECT_EQ(late.at("edges"), 1);
  const auto show = json("show '" + story_ + "' 'United States' --since 2019-05-01 --json");
  ASSERT_EQ(show.at("edges").size(), 1u) << show.dump();
  EXPECT_EQ(show.at("edges")[0].at("relation"), "SANCTION");
  ASSERT_EQ(show.at("edges")[0].at("evidence").size(), 1u);
  EXPECT_EQ(show.at("edges")[0].at("evidence")[0].at("date"), "2019-05-15");
  const auto text = run_stakegraph("show '" + story_ + "' 'United States' --until 2019-03-01");
  EXPECT_EQ(text.status, 0) << text.err;
  EXPECT_EQ(text.out.find("widens"), std::string::npos) << text.out;  // the May article
  EXPECT_NE(text.out.find("frozen out"), std::string::npos) << text.out;
  // convert keeps only the evidence of the range.
  ASSERT_EQ(
      run_stakegraph("convert '" + story_ + "' '" + path("late.json") + "' --since 2019-05-01")
          .status,
      0);
  EXPECT_EQ(json("stats '" + path("late.json") + "' --json").at("evidence"), 1);
  // Bad dates are usage errors.
  EXPECT_EQ(run_stakegraph("stats '" + story_ + "' --since 2019-13-01").status, 2);
  EXPECT_EQ(run_stakegraph("convert '" + story_ + "' '" + path("x.json") +
                           "' --since 2019-06-01 --until 2019-01-01")
                .status,
            2);
}

TEST_F(TimeCli, DiffBetweenTwoDates) {
  const auto j = json("diff '" + graph_ + "' --from 2019-03-01 --to 2019-12-31 --json");
  ASSERT_EQ(j.at("nodes_added").size(), 1u) << j.dump();
  EXPECT_EQ(j.at("nodes_added")[0].at("name"), "Delta");
  EXPECT_TRUE(j.at("nodes_removed").empty());
  std::set<std::string> added, removed;
  for (const auto& e : j.at("edges_added")) added.insert(e.at("relation").get<std::string>());
  for (const auto& e : j.at("edges_removed")) removed.insert(e.at("relation").get<std::string>());
  EXPECT_EQ(added, (std::set<std::string>{"ACCUSE", "COOPERATE"}));
  EXPECT_EQ(removed, (std::set<std::string>{"allied_with", "SUPPORT"}));
  // Evidence comes with the edges, in the shared shape.
  const auto& ev = j.at("edges_added")[0].at("evidence").at(0);
  EXPECT_EQ(ev.at("title"), "March piece");
  EXPECT_EQ(ev.at("speaker"), "a spokesman");
  ASSERT_EQ(j.at("sign_changes").size(), 1u);
  const auto& c = j.at("sign_changes")[0];
  EXPECT_EQ(c.at("a_name"), "Alpha");
  EXPECT_EQ(c.at("b_name"), "Beta");
  EXPECT_EQ(c.at("before"), 1);
  EXPECT_EQ(c.at("after"), -1);
  // --to bounds the later period: before March 6 only the first accusation is in it.
  const auto early = json("diff '" + graph_ + "' --from 2019-03-01 --to 2019-03-05 --json");
  EXPECT_EQ(early.at("edges_added").size(), 1u) << early.dump();
  // Text: the same facts, with the evidence sentence.
  const auto t = run_stakegraph("diff '" + graph_ + "' --from 2019-03-01");
  EXPECT_EQ(t.status, 0) << t.err;
  EXPECT_NE(t.out.find("+ Delta"), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("Alpha ~ Beta: + -> -"), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("Gamma works with Delta."), std::string::npos) << t.out;
}

TEST_F(TimeCli, DiffOfTwoGraphFiles) {
  ASSERT_EQ(
      run_stakegraph("convert '" + graph_ + "' '" + path("early.sgpb") + "' --until 2019-02-28")
          .status,
      0);
  ASSERT_EQ(
      run_stakegraph("convert '" + graph_ + "' '" + path("late.json") + "' --since 2019-03-01")
          .status,
      0);
  const auto j = json("diff '" + path("early.sgpb") + "' '" + path("late.json") + "' --json");
  EXPECT_EQ(j.at("edges_added").size(), 2u) << j.dump();
  EXPECT_EQ(j.at("edges_removed").size(), 2u);
  EXPECT_EQ(j.at("sign_changes").size(), 1u);
  // A graph against itself: no difference.
  const auto same = run_stakegraph("diff '" + graph_ + "' '" + graph_ + "'");
  EXPECT_EQ(same.status, 0);
  EXPECT_NE(same.out.find("no difference"), std::string::npos) << same.out;
  // Usage: one file needs --from; two files take no --from.
  EXPECT_EQ(run_stakegraph("diff '" + graph_ + "'").status, 2);
  EXPECT_EQ(run_stakegraph("diff '" + graph_ + "' '" + graph_ + "' --from 2019-01-01").status, 2);
  EXPECT_EQ(run_stakegraph("diff '" + graph_ + "' --from 2019-02-30").status, 2);
}

// Header dates in the numeric and written forms; ambiguous ones are read in --date-order
// (day first by default) and warned about unless the order was chosen; unreadable ones are
// warned about instead of dropped silently.
TEST_F(TimeCli, HeaderDatesInCommonFormats) {
  const std::string body =
      "\n\nThe United States urged Germany to ban Huawei from its 5G networks.\n";
  struct Case {
    const char* header;
    const char* options;
    const char* date;   // expected evidence date
    const char* warns;  // expected in stderr, "" for no warning
  };
  const Case cases[] = {
      {"05/03/2024", "", "2024-03-05", "ambiguous date '05/03/2024' read as 2024-03-05"},
      {"05/03/2024", "--date-order mdy", "2024-05-03", ""},
      {"05/03/2024", "--date-order dmy", "2024-03-05", ""},
      {"13/03/2024", "--date-order mdy", "2024-03-13", ""},  // only one reading is valid
      {"2024/03/05", "", "2024-03-05", ""},
      {"5 March 2024", "", "2024-03-05", ""},
      {"March 5, 2024", "", "2024-03-05", ""},
      {"Tuesday, 5 Mar. 2024", "", "2024-03-05", ""},
      {"05.03.24", "--date-order dmy", "2024-03-05", ""},
      {"sometime in spring", "", "", "unreadable date 'sometime in spring'"},
  };
  int n = 0;
  for (const Case& c : cases) {
    const std::string name = "a" + std::to_string(n++);
    const std::string article =
        write(name + ".txt", "Headline\nDate: " + std::string(c.header) + body);
    const std::string out = path(name + ".sgpb");
    const auto r = run_stakegraph("ingest -q '" + article + "' -o '" + out + "' " + c.options);
    ASSERT_EQ(r.status, 0) << c.header << ": " << r.err;
    if (*c.warns) {
      EXPECT_NE(r.err.find(c.warns), std::string::npos) << c.header << ": " << r.err;
      EXPECT_NE(r.err.find(article), std::string::npos) << r.err;  // names the file
    } else {
      EXPECT_EQ(r.err.find("warning"), std::string::npos) << c.header << ": " << r.err;
    }
    const auto j = json("show '" + out + "' 'United States' --json");
    ASSERT_FALSE(j.at("edges").empty()) << c.header;
    EXPECT_EQ(j.at("edges")[0].at("evidence")[0].at("date"), c.date)
        << c.header << " " << c.options;
  }
  EXPECT_EQ(run_stakegraph("ingest x.txt -o '" + path("x.sgpb") + "' --date-order ymd").status, 2);
}

// Issue 15, item 9: "there is no diff between two dates and no timeline". `timeline` counts
// evidence items and distinct edges per period (timeline_graph above, by month: 2019-01 has
// the allied_with and SUPPORT items, 2 items on 2 edges; 2019-02 none; 2019-03 the two
// accusations and the cooperation, 3 items on 2 edges).
TEST_F(TimeCli, TimelineCountsEvidencePerPeriod) {
  const auto j = json("timeline '" + graph_ + "' --json");
  EXPECT_EQ(j.at("by"), "month");
  ASSERT_EQ(j.at("periods").size(), 3u) << j.dump();
  const auto& p = j.at("periods");
  EXPECT_EQ(p[0].at("label"), "2019-01");
  EXPECT_EQ(p[0].at("start"), "2019-01-01");
  EXPECT_EQ(p[0].at("end"), "2019-01-31");
  EXPECT_EQ(p[0].at("evidence"), 2);
  EXPECT_EQ(p[0].at("edges"), 2);
  EXPECT_EQ(p[1].at("label"), "2019-02");
  EXPECT_EQ(p[1].at("evidence"), 0);
  EXPECT_EQ(p[2].at("evidence"), 3);
  EXPECT_EQ(p[2].at("edges"), 2);
  EXPECT_EQ(j.at("undated"), 0);
  // Edges touching the nodes named (by name, resolved as show does): Delta has one edge.
  const auto delta = json("timeline '" + graph_ + "' delta --by day --json");
  ASSERT_EQ(delta.at("periods").size(), 1u) << delta.dump();
  EXPECT_EQ(delta.at("periods")[0].at("label"), "2019-03-10");
  EXPECT_EQ(delta.at("nodes")[0].at("name"), "Delta");
  // --relation, --since/--until.
  const auto accuse = json("timeline '" + graph_ +
                           "' --relation ACCUSE --by day --since "
                           "2019-03-06 --json");
  ASSERT_EQ(accuse.at("periods").size(), 1u) << accuse.dump();
  EXPECT_EQ(accuse.at("periods")[0].at("label"), "2019-03-06");
  EXPECT_EQ(accuse.at("outside"), 1);
  // A misspelt name: the usual suggestions.
  const auto typo = run_stakegraph("timeline '" + graph_ + "' Deltta");
  EXPECT_EQ(typo.status, 1);
  EXPECT_NE(typo.err.find("did you mean: Delta"), std::string::npos) << typo.err;
  EXPECT_EQ(run_stakegraph("timeline '" + graph_ + "' --by fortnight").status, 2);
  EXPECT_EQ(
      run_stakegraph("timeline '" + graph_ + "' --since 2019-04-01 --until 2019-01-01").status, 2);
  // Text: one line per period with a bar, and a note of the items without a date.
  //   a --SUPPORT--> b: one item dated 2020-05-02, two without a date
  write("undated.json", R"({"format_version": 2, "nodes": [{"id": "a"}, {"id": "b"}],
    "edges": [{"source": "a", "target": "b", "relation": "SUPPORT", "evidence": [
      {"text": "one", "date": "2020-05-02"}, {"text": "two"}, {"text": "three"}]}]})");
  const auto text = run_stakegraph("timeline '" + path("undated.json") + "' --by year");
  EXPECT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("2020           1       1  #"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("1 evidence item in 1 period, on 1 edge"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("note: 2 evidence items have no date"), std::string::npos) << text.out;
}

}  // namespace
}  // namespace stakegraph
