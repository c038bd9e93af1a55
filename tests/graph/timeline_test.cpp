// graph/timeline.hpp on a tiny graph whose counts are worked out by hand.
#include "graph/timeline.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "graph/error.hpp"

namespace stakegraph::graph {
namespace {

Evidence dated(const std::string& text, Date d) {
  Evidence e;
  e.text = text;
  e.date = d;
  return e;
}

//   A ==SUPPORT==> B ==ACCUSE==> C ==SUPPORT==> D
//   A -> B: 2024-01-31 (Wed), 2024-02-01 (Thu), 2024-02-05 (Mon), one undated
//   B -> C: 2024-02-03 (Sat); one item without its own date in an article of 2024-04-10 (Wed)
//   C -> D: 2023-12-31 (Sun), one undated
// By month: 2023-12: 1 item / 1 edge; 2024-01: 1/1; 2024-02: 3/2 (A-B twice, B-C once);
// 2024-03: 0/0 (a gap, listed); 2024-04: 1/1. 6 items counted, 2 undated, 3 edges.
// By ISO week (Monday first): 2023-W52 (from 2023-12-25): 1/1; 2024-W05 (from 2024-01-29):
// 3/2 (Wed and Thu of A-B, Sat of B-C); 2024-W06 (from 2024-02-05): 1/1; 2024-W15 (from
// 2024-04-08): 1/1; 16 weeks from 2023-12-25 to 2024-04-08 in all.
// By year: 2023: 1/1; 2024: 5/2.
Graph tiny() {
  Graph g;
  const NodeIndex a = g.add_node("A", Kind::kGovernment);
  const NodeIndex b = g.add_node("B", Kind::kVendor);
  const NodeIndex c = g.add_node("C", Kind::kOperator);
  const NodeIndex d = g.add_node("D", Kind::kPerson);
  const EdgeRef ab = g.add_edge(a, b, Relation::kSupport);
  g.add_evidence(ab, dated("ab1", 20240131));
  g.add_evidence(ab, dated("ab2", 20240201));
  g.add_evidence(ab, dated("ab3", 20240205));
  g.add_evidence(ab, dated("ab4", kNoDate));
  const EdgeRef bc = g.add_edge(b, c, Relation::kAccuse);
  g.add_evidence(bc, dated("bc1", 20240203));
  Article art;
  art.id = "april";
  art.date = 20240410;
  Evidence in_article = dated("bc2", kNoDate);
  in_article.article = g.add_article(art);
  g.add_evidence(bc, in_article);
  const EdgeRef cd = g.add_edge(c, d, Relation::kSupport);
  g.add_evidence(cd, dated("cd1", 20231231));
  g.add_evidence(cd, dated("cd2", kNoDate));
  return g;
}

struct Row {
  std::string label;
  std::uint64_t evidence, edges;
  bool operator==(const Row&) const = default;
};

std::vector<Row> rows(const TimelineResult& r) {
  std::vector<Row> out;
  for (const auto& p : r.periods) out.push_back({p.label, p.evidence, p.edges});
  return out;
}

TEST(Timeline, ByMonthListsEveryMonthFromFirstToLast) {
  const TimelineResult r = timeline(tiny(), {.by = Period::kMonth});
  EXPECT_EQ(rows(r), (std::vector<Row>{{"2023-12", 1, 1},
                                       {"2024-01", 1, 1},
                                       {"2024-02", 3, 2},
                                       {"2024-03", 0, 0},
                                       {"2024-04", 1, 1}}));
  EXPECT_EQ(r.evidence, 6u);
  EXPECT_EQ(r.undated, 2u);
  EXPECT_EQ(r.outside, 0u);
  EXPECT_EQ(r.edges, 3u);
  EXPECT_EQ(r.periods[2].start, 20240201);
  EXPECT_EQ(r.periods[2].end, 20240229);  // leap year
}

TEST(Timeline, ByIsoWeekStartsOnMonday) {
  const TimelineResult r = timeline(tiny(), {.by = Period::kWeek});
  ASSERT_EQ(r.periods.size(), 16u);
  EXPECT_EQ(r.periods.front().label, "2023-W52");
  EXPECT_EQ(r.periods.front().start, 20231225);
  EXPECT_EQ(r.periods.front().end, 20231231);
  std::vector<Row> nonempty;
  for (const Row& row : rows(r))
    if (row.evidence > 0) nonempty.push_back(row);
  EXPECT_EQ(nonempty,
            (std::vector<Row>{
                {"2023-W52", 1, 1}, {"2024-W05", 3, 2}, {"2024-W06", 1, 1}, {"2024-W15", 1, 1}}));
  EXPECT_EQ(r.periods.back().start, 20240408);
}

TEST(Timeline, ByYearAndByDayWithBounds) {
  EXPECT_EQ(rows(timeline(tiny(), {.by = Period::kYear})),
            (std::vector<Row>{{"2023", 1, 1}, {"2024", 5, 2}}));
  // February 2024 by day: the items of 02-01, 02-03 and 02-05; 01-31, 04-10 and 2023-12-31
  // fall outside; the listed days run from the first item to the last.
  const TimelineResult r =
      timeline(tiny(), {.by = Period::kDay, .since = 20240201, .until = 20240229});
  EXPECT_EQ(rows(r), (std::vector<Row>{{"2024-02-01", 1, 1},
                                       {"2024-02-02", 0, 0},
                                       {"2024-02-03", 1, 1},
                                       {"2024-02-04", 0, 0},
                                       {"2024-02-05", 1, 1}}));
  EXPECT_EQ(r.outside, 3u);
  EXPECT_EQ(r.undated, 2u);
  EXPECT_THROW(timeline(tiny(), {.since = 20240301, .until = 20240201}), InvalidArgument);
}

TEST(Timeline, NodesAndRelationsSelectEdges) {
  const Graph g = tiny();
  // Edges touching D: C -> D only.
  TimelineResult r = timeline(g, {.by = Period::kYear, .nodes = {3}});
  EXPECT_EQ(rows(r), (std::vector<Row>{{"2023", 1, 1}}));
  EXPECT_EQ(r.edges, 1u);
  EXPECT_EQ(r.undated, 1u);
  // Edges touching B: A -> B and B -> C.
  r = timeline(g, {.by = Period::kYear, .nodes = {1}});
  EXPECT_EQ(rows(r), (std::vector<Row>{{"2024", 5, 2}}));
  // ACCUSE: B -> C only (its article-dated item counts in April).
  r = timeline(g, {.by = Period::kMonth, .relations = {Relation::kAccuse}});
  EXPECT_EQ(rows(r), (std::vector<Row>{{"2024-02", 1, 1}, {"2024-03", 0, 0}, {"2024-04", 1, 1}}));
  EXPECT_THROW(timeline(g, {.nodes = {99}}), InvalidArgument);
}

TEST(Timeline, IsoWeekLabelTakesTheIsoYearAndBadDatesAreUndated) {
  //   X --SUPPORT--> Y: 2024-12-30 (Monday of 2025-W01), 2024-02-30 (no such day), 2021-01-03
  //   (Sunday of 2020-W53)
  Graph g;
  const EdgeRef e = g.add_edge(g.add_node("X", Kind::kVendor), g.add_node("Y", Kind::kVendor),
                               Relation::kSupport);
  g.add_evidence(e, dated("new year", 20241230));
  g.add_evidence(e, dated("bad", 20240230));
  const TimelineResult r = timeline(g, {.by = Period::kWeek});
  ASSERT_EQ(r.periods.size(), 1u);
  EXPECT_EQ(r.periods[0].label, "2025-W01");
  EXPECT_EQ(r.periods[0].start, 20241230);
  EXPECT_EQ(r.undated, 1u);
  g.add_evidence(e, dated("long week", 20210103));
  EXPECT_EQ(timeline(g, {.by = Period::kWeek}).periods.front().label, "2020-W53");
  EXPECT_EQ(timeline(g, {.by = Period::kWeek}).periods.front().start, 20201228);
  EXPECT_EQ(timeline(Graph{}).periods.size(), 0u);
}

TEST(Timeline, PeriodNames) {
  for (Period p : {Period::kDay, Period::kWeek, Period::kMonth, Period::kYear})
    EXPECT_EQ(parse_period(period_name(p)), p);
  EXPECT_FALSE(parse_period("fortnight"));
}

}  // namespace
}  // namespace stakegraph::graph
