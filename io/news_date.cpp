#include "io/news_date.hpp"

#include <cctype>
#include <sstream>
#include <vector>

#include <date/date.h>

#include "io/text.hpp"

namespace stakegraph::io {
namespace {

// Parses `text` with `format`; the date must be followed by the end or by a space (a time).
std::optional<date::year_month_day> try_format(const std::string& text, const char* format) {
  std::istringstream in(text);
  date::year_month_day ymd{};
  in >> date::parse(format, ymd);
  if (in.fail()) return std::nullopt;
  const auto next = in.peek();
  if (next != std::char_traits<char>::eof() && !std::isspace(next)) return std::nullopt;
  int y = static_cast<int>(ymd.year());
  if (y >= 0 && y < 100) {  // two-digit years
    y += y < 50 ? 2000 : 1900;
    ymd = date::year{y} / ymd.month() / ymd.day();
  }
  if (!ymd.ok() || y < 1 || y > 9999) return std::nullopt;
  return ymd;
}

graph::Date to_date(const date::year_month_day& ymd) {
  return static_cast<int>(ymd.year()) * 10000 + static_cast<int>(unsigned(ymd.month())) * 100 +
         static_cast<int>(unsigned(ymd.day()));
}

// The written forms with punctuation as spaces ("Mar. 5, 2024" -> "Mar 5 2024",
// "13-MAR-1987" -> "13 MAR 1987") and a leading weekday dropped.
std::string written_form(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == ',' || c == '.' || c == '-') ? ' ' : c;
  std::istringstream words(out);
  std::vector<std::string> w;
  for (std::string x; words >> x;) w.push_back(x);
  static const char* weekdays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  if (w.size() >= 4 && std::isalpha(static_cast<unsigned char>(w[0][0]))) {
    std::string l;
    for (char c : w[0].substr(0, 3))
      l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* d : weekdays)
      if (l == d) {
        w.erase(w.begin());
        break;
      }
  }
  std::string joined;
  for (const auto& x : w) joined += (joined.empty() ? "" : " ") + x;
  return joined;
}

}  // namespace

NewsDate read_news_date(std::string_view text, const NewsDateOptions& options) {
  const std::string_view s = trim(text);
  NewsDate out;
  if (s.empty()) return out;
  if (auto d = graph::parse_iso_date(s)) {
    out.date = *d;
    return out;
  }
  const std::string raw(s);
  // Year first: never ambiguous.
  for (const char* f : {"%Y/%m/%d", "%Y.%m.%d"}) {
    // Only with a four-digit year ("05/03/24" is day/month/year).
    if (raw.size() >= 5 && std::isdigit(static_cast<unsigned char>(raw[3])) &&
        !std::isdigit(static_cast<unsigned char>(raw[4])))
      if (auto ymd = try_format(raw, f)) {
        out.date = to_date(*ymd);
        return out;
      }
  }
  // Numeric day and month in either order.
  for (const char sep : {'/', '-', '.'}) {
    const std::string dmy = std::string("%d") + sep + "%m" + sep + "%Y";
    const std::string mdy = std::string("%m") + sep + "%d" + sep + "%Y";
    const auto a = try_format(raw, dmy.c_str());
    const auto b = try_format(raw, mdy.c_str());
    if (!a && !b) continue;
    if (a && b && *a != *b) {
      out.ambiguous = true;
      out.date = to_date(options.order == DateOrder::kDayFirst ? *a : *b);
    } else {
      out.date = to_date(a ? *a : *b);
    }
    return out;
  }
  // Written month names.
  const std::string w = written_form(s);
  for (const char* f : {"%d %b %Y", "%b %d %Y"})
    if (auto ymd = try_format(w, f)) {
      out.date = to_date(*ymd);
      return out;
    }
  return out;
}

std::optional<DateOrder> parse_date_order(std::string_view s) {
  if (s == "dmy") return DateOrder::kDayFirst;
  if (s == "mdy") return DateOrder::kMonthFirst;
  return std::nullopt;
}

std::string news_date_warning(std::string_view text, const NewsDate& d,
                              const NewsDateOptions& options) {
  const std::string shown(trim(text));
  if (shown.empty()) return "";
  if (d.date == graph::kNoDate)
    return "unreadable date '" + shown + "' ignored (use YYYY-MM-DD, 5 March 2024 or 05/03/2024)";
  if (d.ambiguous && !options.order_given)
    return "ambiguous date '" + shown + "' read as " + graph::format_iso_date(d.date) +
           (options.order == DateOrder::kDayFirst
                ? " (day first; --date-order mdy reads it month first)"
                : " (month first; --date-order dmy reads it day first)");
  return "";
}

}  // namespace stakegraph::io
