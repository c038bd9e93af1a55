// Article readers for extraction: plain text and Markdown articles with optional metadata
// lines, JSON Lines with one article per line, and stdin ("-").
//
// Text (.txt, .md, anything not .jsonl): leading "Title:", "Date:", "Source:", "URL:" lines
// (any case) give the metadata; or the first line is the title (a Markdown "# " dropped) when
// a blank line or a metadata line follows it. The body is the rest after the blank lines
// that follow the header, byte for byte (evidence offsets index it).
// JSON Lines (.jsonl, or stdin whose first character is '{'): {title, date, source, url,
// text} per line, other fields ignored; the body is the decoded "text", else "body", else
// "content"; a line with none of them is an article without text and a warning.
// Dates: the forms of io/news_date.hpp ("2019-05-23", "2024/03/05", "05/03/2024", "13 March
// 1987", "March 13, 1987", "13-MAR-1987 05:16:38.71"); an unreadable date gives kNoDate and an
// ambiguous one (05/03/2024) is read in ArticleReadOptions::dates.order; either leaves
// ArticleText::date_warning for the caller to show (readers never print).
// Errors: invalid UTF-8 -> io::ParseError naming the byte offset in the file; a JSON line
// that is not an object -> io::ParseError with line and column; missing file -> NotFound.
// Complexity: O(size); JSON Lines are streamed one line at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/date.hpp"
#include "io/news_date.hpp"

namespace stakegraph::io {

struct ArticleText {
  std::string id;  // file stem, or "<stem>#<line>" for JSON Lines
  std::string title;
  graph::Date date = graph::kNoDate;
  std::string source;
  std::string url;
  std::string path;
  std::string body;
  // A problem the reader tolerated, for the caller to show: "FILE:LINE: no text ..." (a JSON
  // line with none of "text", "body", "content"). Empty when none.
  std::string warning;
  // Non-empty when the header date was unreadable (date is kNoDate) or ambiguous and read
  // in an order nobody chose: "ambiguous date '05/03/2024' read as 2024-03-05 (...)".
  std::string date_warning;
};

struct ArticleReadOptions {
  NewsDateOptions dates;  // day/month order of numeric header dates
};

// Parses the news date forms listed in the file comment (numeric ones day first); nullopt
// otherwise. read_news_date (io/news_date.hpp) says more.
std::optional<graph::Date> parse_news_date(std::string_view s) noexcept;

// Parses one text article (`path` names it in errors and gives its id).
ArticleText parse_text_article(const std::string& text, const std::string& path,
                               const ArticleReadOptions& options = {});

// Calls `fn` for every article in the file (one for text, one per line for JSON Lines).
void for_each_article(const std::string& path, const std::function<void(ArticleText&)>& fn,
                      const ArticleReadOptions& options = {});
// The same for JSON Lines text read from `in` (what for_each_article does for a .jsonl
// file); `name` names the input in errors and gives the ids ("<stem>#<line>").
void for_each_jsonl_article(std::istream& in, const std::string& name,
                            const std::function<void(ArticleText&)>& fn,
                            const ArticleReadOptions& options = {});

// Expands files and directories (recursively: .txt, .md, .jsonl, .json), sorted; "-" kept.
// Throws graph::NotFound for a missing path.
std::vector<std::string> list_article_files(const std::vector<std::string>& paths);

// 64-bit FNV-1a of the text, as 16 hex digits (Article::text_hash).
std::string text_hash(std::string_view text);

}  // namespace stakegraph::io
