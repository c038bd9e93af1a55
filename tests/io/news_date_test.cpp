// io/news_date.hpp: header dates in numeric and written forms, the day/month order of
// ambiguous numeric dates, and the warnings. Expected dates are written out by hand.
#include "io/news_date.hpp"

#include <gtest/gtest.h>

namespace stakegraph::io {
namespace {

TEST(NewsDate, FormsReadInTheDefaultOrder) {
  struct Case {
    const char* text;
    graph::Date date;
    bool ambiguous;
  };
  const Case cases[] = {
      {"2024-03-05", 20240305, false},
      {"2024-03-05T10:00:00Z", 20240305, false},
      {"2024/03/05", 20240305, false},
      {"2024.3.5", 20240305, false},
      {"05/03/2024", 20240305, true},
      {"5/3/2024", 20240305, true},
      {"5-3-2024", 20240305, true},
      {"05.03.2024", 20240305, true},
      {"05/03/24", 20240305, true},
      {"05/05/2024", 20240505, false},  // both orders agree
      {"13/03/2024", 20240313, false},  // only day first is a date
      {"03/13/2024", 20240313, false},  // only month first is a date
      {"5 March 2024", 20240305, false},
      {"March 5, 2024", 20240305, false},
      {"Mar. 5, 2024", 20240305, false},
      {"Tuesday, 5 March 2024", 20240305, false},
      {"13-MAR-1987 05:16:38.71", 19870313, false},
      {"  29 February 2024 ", 20240229, false},
  };
  for (const Case& c : cases) {
    const NewsDate d = read_news_date(c.text);
    EXPECT_EQ(d.date, c.date) << c.text;
    EXPECT_EQ(d.ambiguous, c.ambiguous) << c.text;
  }
}

TEST(NewsDate, MonthFirstOrderAndRefusals) {
  const NewsDateOptions mdy{.order = DateOrder::kMonthFirst, .order_given = true};
  EXPECT_EQ(read_news_date("05/03/2024", mdy).date, 20240503);
  EXPECT_EQ(read_news_date("13/03/2024", mdy).date, 20240313);
  EXPECT_EQ(read_news_date("5 March 2024", mdy).date, 20240305);  // written: no order
  for (const char* bad : {"", "yesterday", "31/02/2024", "29 February 2023", "2024/13/01",
                          "32/01/2024", "5 Smarch 2024", "05/03"})
    EXPECT_EQ(read_news_date(bad).date, graph::kNoDate) << bad;
}

TEST(NewsDate, Warnings) {
  const NewsDateOptions none;
  const NewsDateOptions dmy{.order = DateOrder::kDayFirst, .order_given = true};
  EXPECT_EQ(news_date_warning("05/03/2024", read_news_date("05/03/2024"), none),
            "ambiguous date '05/03/2024' read as 2024-03-05 (day first; --date-order mdy reads "
            "it month first)");
  EXPECT_EQ(news_date_warning("05/03/2024", read_news_date("05/03/2024", dmy), dmy), "");
  EXPECT_EQ(news_date_warning("2024-03-05", read_news_date("2024-03-05"), none), "");
  EXPECT_EQ(news_date_warning("", read_news_date(""), none), "");
  EXPECT_NE(news_date_warning("soon", read_news_date("soon"), none).find("unreadable date 'soon'"),
            std::string::npos);
  EXPECT_EQ(parse_date_order("mdy"), DateOrder::kMonthFirst);
  EXPECT_EQ(parse_date_order("dmy"), DateOrder::kDayFirst);
  EXPECT_FALSE(parse_date_order("ymd"));
}

}  // namespace
}  // namespace stakegraph::io
