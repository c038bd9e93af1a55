// A timeline of a graph: how many evidence items (and how many distinct edges) are dated in
// each day, ISO week, month or year, for the whole graph or for the edges touching some
// nodes. Answers "when was this tie talked about?".
//
// Conventions:
// - An evidence item's date is graph::evidence_date (its own date, else its article's). Items
//   without one (or with an impossible date such as month 13, which a file may carry) are
//   counted in `undated`, never in a period.
// - Periods: a day; an ISO 8601 week (Monday to Sunday, labelled by its ISO year: "2025-W01"
//   starts on Monday 2024-12-30); a calendar month; a calendar year. A period is identified
//   by its first day (`start`) and last day (`end`).
// - `periods` runs from the period of the earliest counted item to that of the latest, every
//   period in between included (empty ones with zero counts), so the list charts as is.
// - `edges` of a period is the number of distinct edges with at least one item in it; an
//   edge with items in three months counts once in each.
// - since/until (inclusive, kNoDate = open) bound the dated items counted; dated items
//   outside them are counted in `outside`.
// - The selection (relations, nodes) applies first: undated and outside count only the items
//   of selected edges.
// Complexity: O(V + E + K log P) time (K evidence items of selected edges, P periods with
// items) plus O(P_total) for the gap-filled list; O(P_total + max evidence per edge) memory.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/date.hpp"
#include "graph/graph.hpp"

namespace stakegraph::graph {

enum class Period : std::uint8_t { kDay, kWeek, kMonth, kYear };

// "day", "week", "month", "year".
std::string_view period_name(Period p) noexcept;
// The inverse of period_name; nullopt for anything else.
std::optional<Period> parse_period(std::string_view name) noexcept;

struct TimelineOptions {
  Period by = Period::kMonth;
  Date since = kNoDate;             // first day counted (kNoDate: no bound)
  Date until = kNoDate;             // last day counted (kNoDate: no bound)
  std::vector<Relation> relations;  // only edges of these relations (empty: all)
  std::vector<NodeIndex> nodes;     // only edges with an endpoint among these (empty: all)
};

struct TimelinePeriod {
  Date start = kNoDate;        // first day of the period
  Date end = kNoDate;          // last day of the period
  std::string label;           // "2024-03-05", "2024-W10", "2024-03", "2024"
  std::uint64_t evidence = 0;  // evidence items dated in the period
  std::uint64_t edges = 0;     // distinct edges with an item in the period
};

struct TimelineResult {
  std::vector<TimelinePeriod> periods;  // in date order (see the file comment)
  std::uint64_t edges = 0;              // selected edges
  std::uint64_t evidence = 0;           // items counted in periods (sum over periods)
  std::uint64_t undated = 0;            // items of selected edges without a (valid) date
  std::uint64_t outside = 0;            // dated items of selected edges outside since..until
};

// The timeline of `g` (see the file comment). Throws InvalidArgument when since > until
// (both given) or a node index is out of range.
TimelineResult timeline(const Graph& g, const TimelineOptions& options = {});

}  // namespace stakegraph::graph
