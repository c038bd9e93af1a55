#include "graph/timeline.hpp"

#include <date/date.h>
#include <date/iso_week.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>

#include "graph/error.hpp"

namespace stakegraph::graph {
namespace {

constexpr std::array<std::string_view, 4> kNames{"day", "week", "month", "year"};

// `d` as a calendar date; !ok() for an impossible one (month 13, February 30).
date::year_month_day to_ymd(Date d) {
  return date::year{d / 10000} / date::month{static_cast<unsigned>(d / 100 % 100)} /
         date::day{static_cast<unsigned>(d % 100)};
}

Date from_ymd(const date::year_month_day& ymd) {
  return static_cast<int>(ymd.year()) * 10000 + static_cast<int>(unsigned(ymd.month())) * 100 +
         static_cast<int>(unsigned(ymd.day()));
}

// The first day of the period holding `ymd` (a valid date).
date::sys_days period_start(const date::year_month_day& ymd, Period by) {
  switch (by) {
    case Period::kDay:
      return date::sys_days{ymd};
    case Period::kWeek: {
      const date::sys_days d{ymd};
      return d - (date::weekday{d} - date::Monday);  // weekday difference is mod 7, 0..6
    }
    case Period::kMonth:
      return date::sys_days{ymd.year() / ymd.month() / 1};
    case Period::kYear:
      break;
  }
  return date::sys_days{ymd.year() / 1 / 1};
}

// The first day of the period after the one starting on `start`.
date::sys_days next_start(date::sys_days start, Period by) {
  const date::year_month_day ymd{start};
  switch (by) {
    case Period::kDay:
      return start + date::days{1};
    case Period::kWeek:
      return start + date::days{7};
    case Period::kMonth:
      return date::sys_days{ymd.year() / ymd.month() / 1 + date::months{1}};
    case Period::kYear:
      break;
  }
  return date::sys_days{(ymd.year() + date::years{1}) / 1 / 1};
}

std::string label_of(date::sys_days start, Period by) {
  const date::year_month_day ymd{start};
  const int y = static_cast<int>(ymd.year());
  const unsigned m = unsigned(ymd.month()), d = unsigned(ymd.day());
  char buf[32];
  switch (by) {
    case Period::kDay:
      std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
      break;
    case Period::kWeek: {
      const iso_week::year_weeknum_weekday w{start};
      std::snprintf(buf, sizeof buf, "%04d-W%02u", static_cast<int>(w.year()),
                    unsigned(w.weeknum()));
      break;
    }
    case Period::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02u", y, m);
      break;
    case Period::kYear:
      std::snprintf(buf, sizeof buf, "%04d", y);
      break;
  }
  return buf;
}

}  // namespace

std::string_view period_name(Period p) noexcept { return kNames[static_cast<std::size_t>(p)]; }

std::optional<Period> parse_period(std::string_view name) noexcept {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<Period>(i);
  return std::nullopt;
}

TimelineResult timeline(const Graph& g, const TimelineOptions& o) {
  if (o.since != kNoDate && o.until != kNoDate && o.since > o.until)
    throw InvalidArgument("timeline: since " + format_iso_date(o.since) + " is after until " +
                          format_iso_date(o.until));
  std::vector<char> touched;
  if (!o.nodes.empty()) {
    touched.assign(g.node_count(), 0);
    for (NodeIndex v : o.nodes) {
      if (v >= g.node_count()) throw InvalidArgument("timeline: node index out of range");
      touched[v] = 1;
    }
  }
  TimelineResult r;
  // Period start (days since the epoch) -> {evidence, edges}.
  std::map<date::sys_days, std::pair<std::uint64_t, std::uint64_t>> counts;
  std::vector<date::sys_days> starts;  // one edge's periods, to count it once in each
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
    const EdgeData& e = g.edge(*it);
    if (!o.relations.empty() &&
        std::find(o.relations.begin(), o.relations.end(), e.relation) == o.relations.end())
      continue;
    if (!touched.empty() && !touched[g.source(*it)] && !touched[g.target(*it)]) continue;
    ++r.edges;
    starts.clear();
    for (const Evidence& ev : e.evidence) {
      const Date d = evidence_date(g, ev);
      const date::year_month_day ymd = to_ymd(d);
      if (d < 101 || d > 99991231 || !ymd.ok()) {  // kNoDate, or not a date
        ++r.undated;
        continue;
      }
      if ((o.since != kNoDate && d < o.since) || (o.until != kNoDate && d > o.until)) {
        ++r.outside;
        continue;
      }
      const date::sys_days s = period_start(ymd, o.by);
      ++counts[s].first;
      ++r.evidence;
      starts.push_back(s);
    }
    std::sort(starts.begin(), starts.end());
    const auto last = std::unique(starts.begin(), starts.end());
    for (auto s = starts.begin(); s != last; ++s) ++counts[*s].second;
  }
  if (counts.empty()) return r;
  const date::sys_days final_start = counts.rbegin()->first;
  for (date::sys_days s = counts.begin()->first; s <= final_start; s = next_start(s, o.by)) {
    TimelinePeriod p;
    p.start = from_ymd(date::year_month_day{s});
    p.end = from_ymd(date::year_month_day{next_start(s, o.by) - date::days{1}});
    p.label = label_of(s, o.by);
    if (const auto found = counts.find(s); found != counts.end()) {
      p.evidence = found->second.first;
      p.edges = found->second.second;
    }
    r.periods.push_back(std::move(p));
  }
  return r;
}

}  // namespace stakegraph::graph
