// Helpers shared by the dictionary readers: reading a file with a size limit, iterating the
// content lines of PETRARCH's text format (comments removed), folding phrases to lowercase
// words, PETRARCH dates, and the derived TSV header. Internal to io/extract/dictionary.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/extract/dictionary/dictionary.hpp"

namespace stakegraph::io::extract::dictionary::text {

inline constexpr std::uint64_t kMaxDictionaryBytes = 64ull << 20;

// The whole file. Throws graph::NotFound (missing), graph::Error (directory, unreadable, over
// 64 MiB), io::ParseError (a NUL byte: binary data). Other bytes are accepted: PETRARCH's
// files are not all UTF-8 (Phoenix.Countries.actors.txt has Latin-1 names).
std::string read_file(const std::string& path);

// Content lines of PETRARCH's format: a line starting with '#' and blank lines are skipped;
// the text from the first '#' outside [...] on is removed; <!-- ... --> comments are removed, also
// when they span lines. Each line is returned trimmed, with its 1-based number.
class Lines final {
 public:
  explicit Lines(std::string_view text) : rest_(text) {}
  bool next(std::string_view& line, std::uint64_t& line_no);

 private:
  std::string_view rest_;
  std::uint64_t no_ = 0;
  bool in_comment_ = false;
  std::string scratch_line_;  // a line with a comment cut out of its middle
};

// Raw lines (for the derived TSV): '\r' removed, no comment handling.
class RawLines final {
 public:
  explicit RawLines(std::string_view text) : rest_(text) {}
  bool next(std::string_view& line, std::uint64_t& line_no);

 private:
  std::string_view rest_;
  std::uint64_t no_ = 0;
};

std::string_view trim(std::string_view s) noexcept;
// The message of a ParseError without its "FILE:LINE: " prefix (for Warning::message).
std::string bare_message(const io::ParseError& e);
std::string lower(std::string_view s);
// "UNITED_STATES_" / "united states" -> {"united", "states"} (split on '_' and blanks).
std::vector<std::string> words(std::string_view phrase);
std::string join(const std::vector<std::string>& words, char sep = ' ');
std::vector<std::string_view> split(std::string_view s, char sep);

// PETRARCH's date: YYYYMMDD (8 or more characters, the first 8 read) or YYMMDD (6 or 7
// characters, the first 6 read; YY <= 30 is 20YY, else 19YY). nullopt when not a valid date.
std::optional<Date> parse_date(std::string_view s);

// The derived TSV's first line: "#stakegraph-dictionary\t<kind>\t1".
std::string derived_header(Kind k);
// The kind named by the derived header, or nullopt when `text` does not start with one.
std::optional<Kind> derived_kind(std::string_view text);

}  // namespace stakegraph::io::extract::dictionary::text
