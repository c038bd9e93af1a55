// Calendar dates as compact integers: yyyymmdd (20190515), 0 = unknown. Ordering of the
// integers is the ordering of the dates, so ranges compare with < and >.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace stakegraph::graph {

using Date = std::int32_t;
inline constexpr Date kNoDate = 0;

// Parses "YYYY-MM-DD", "YYYYMMDD" or "YYYY-MM-DDTHH:MM..." (time ignored). Checks the
// month and the day of month (leap years included). nullopt for anything else.
std::optional<Date> parse_iso_date(std::string_view s) noexcept;

// "YYYY-MM-DD", or "" for kNoDate.
std::string format_iso_date(Date d);

}  // namespace stakegraph::graph
