// Article reading options shared by `extract` and `ingest`: --date-order for numeric header
// dates (io/news_date.hpp), and the warning printed for a header date that was unreadable
// or ambiguous (the reader records it, this prints it: "stakegraph: warning: a.txt: ...").
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/dictionary_options.hpp"
#include "io/article.hpp"

namespace stakegraph::cli {

// Adds --date-order dmy|mdy to `sub`, bound to `order` ("" when not given).
void add_date_order_option(CLI::App* sub, std::string& order);

// Adds the extraction options of extract, ingest and stakegraph-mpi ingest, in this order:
// --lexicon FILE (repeatable), --corrections FILE, the dictionary options
// (cli/dictionary_options.hpp) and --date-order.
void add_extraction_options(CLI::App* sub, std::vector<std::string>& lexicons,
                            std::string& corrections, DictionaryCliOptions& dictionaries,
                            std::string& date_order);

// The reader options for --date-order `order` ("": day first, not chosen). Throws
// graph::InvalidArgument for another value.
io::ArticleReadOptions article_read_options(const std::string& order);

// The line warn_article_date prints for `a` ("stakegraph: warning: FILE[:LINE]: ...", no
// newline), or "" when a.date_warning is empty. stakegraph-mpi ingest builds it on the rank
// that read the article and prints it on rank 0.
std::string article_date_warning_line(const io::ArticleText& a);

// Prints a.date_warning on stderr, naming the file (and line, for JSON Lines); nothing when
// there is none. Returns whether it printed.
bool warn_article_date(const io::ArticleText& a);

}  // namespace stakegraph::cli
