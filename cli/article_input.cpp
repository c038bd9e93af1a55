#include "cli/article_input.hpp"

#include <cstdio>

#include "graph/error.hpp"
#include "io/printable.hpp"

namespace stakegraph::cli {

void add_date_order_option(CLI::App* sub, std::string& order) {
  sub->add_option("--date-order", order,
                  "numeric header dates such as 05/03/2024: dmy (day first, the default) or "
                  "mdy (month first); an ambiguous date read in the default order is warned "
                  "about");
}

void add_extraction_options(CLI::App* sub, std::vector<std::string>& lexicons,
                            std::string& corrections, DictionaryCliOptions& dictionaries,
                            std::string& date_order) {
  sub->add_option("--lexicon", lexicons, "extra lexicon file (Protobuf text), repeatable")
      ->allow_extra_args(false);
  sub->add_option("--corrections", corrections, "corrections file (Protobuf text)");
  add_dictionary_options(sub, dictionaries);
  add_date_order_option(sub, date_order);
}

io::ArticleReadOptions article_read_options(const std::string& order) {
  io::ArticleReadOptions o;
  if (order.empty()) return o;
  const auto parsed = io::parse_date_order(order);
  if (!parsed)
    throw graph::InvalidArgument("--date-order: unknown order '" + order + "' (one of: dmy, mdy)");
  o.dates.order = *parsed;
  o.dates.order_given = true;
  return o;
}

std::string article_date_warning_line(const io::ArticleText& a) {
  if (a.date_warning.empty()) return {};
  std::string where = a.path == "-" ? "<stdin>" : a.path;
  if (const auto hash = a.id.rfind('#'); hash != std::string::npos)
    where += ":" + a.id.substr(hash + 1);  // JSON Lines: the line
  return "stakegraph: warning: " + io::printable(where) + ": " + io::printable(a.date_warning);
}

bool warn_article_date(const io::ArticleText& a) {
  const std::string line = article_date_warning_line(a);
  if (line.empty()) return false;
  std::fprintf(stderr, "%s\n", line.c_str());
  return true;
}

}  // namespace stakegraph::cli
