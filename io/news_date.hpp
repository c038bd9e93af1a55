// Dates in article headers ("Date:" lines, a JSON Lines "date" field), read with Howard
// Hinnant's date library (date::parse, the Debian package libhowardhinnant-date-dev).
//
// Forms read (case-insensitive month names, full or abbreviated, a leading weekday and
// trailing times ignored):
//   ISO            2024-03-05, 20240305, 2024-03-05T10:00Z
//   year first     2024/03/05, 2024.03.05
//   numeric        05/03/2024, 5-3-2024, 05.03.2024, 05/03/24 (two-digit years: < 50 -> 20yy)
//   written        5 March 2024, 13-MAR-1987 05:16:38.71, March 5, 2024, Mar. 5, 2024
// Numeric day/month forms follow NewsDateOptions::order (day first by default). When only
// one order gives a valid date (13/03/2024) that one is taken; when both do and differ
// (05/03/2024) the date is `ambiguous` and read in `order`: callers warn unless the order
// was chosen explicitly.
// Complexity: O(length of the text) per call (a fixed number of parse attempts).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "graph/date.hpp"

namespace stakegraph::io {

enum class DateOrder { kDayFirst, kMonthFirst };

struct NewsDateOptions {
  DateOrder order = DateOrder::kDayFirst;
  bool order_given = false;  // chosen by the user (--date-order): no ambiguity warning
};

struct NewsDate {
  graph::Date date = graph::kNoDate;  // kNoDate: not a date this reader knows
  bool ambiguous = false;             // numeric day/month both possible, read in `order`
};

NewsDate read_news_date(std::string_view text, const NewsDateOptions& options = {});

// "dmy" or "mdy"; nullopt otherwise.
std::optional<DateOrder> parse_date_order(std::string_view s);

// The warning for a header date `text` (empty when none): unreadable, or ambiguous and read
// in an order nobody chose.
std::string news_date_warning(std::string_view text, const NewsDate& d,
                              const NewsDateOptions& options);

}  // namespace stakegraph::io
