// The library's exceptions. Library code throws these and never prints or exits; the CLI
// (cli/main.cpp) maps them to exit codes: InvalidArgument -> 2 (usage), everything else -> 1.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace stakegraph::graph {

// Base of every stakegraph error. what() is a complete one-line message.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A caller passed a value that can never work (unknown metric, bad option combination).
class InvalidArgument : public Error {
 public:
  using Error::Error;
};

// A name, id or file that does not exist.
class NotFound : public Error {
 public:
  using Error::Error;
};

// Input that cannot be read. The message names the file and, where known, the line and
// column (text formats) or the byte offset (binary formats).
class ParseError : public Error {
 public:
  ParseError(std::string file, std::uint64_t line, std::uint64_t column, const std::string& what)
      : Error(format(file, line, column, what)),
        file_(std::move(file)), line_(line), column_(column) {}

  // For binary formats: a byte offset instead of line and column.
  static ParseError at_offset(const std::string& file, std::uint64_t offset,
                              const std::string& what) {
    ParseError e(file, 0, 0, "byte offset " + std::to_string(offset) + ": " + what);
    e.offset_ = offset;
    return e;
  }

  const std::string& file() const noexcept { return file_; }
  std::uint64_t line() const noexcept { return line_; }
  std::uint64_t column() const noexcept { return column_; }
  std::uint64_t offset() const noexcept { return offset_; }

 private:
  static std::string format(const std::string& file, std::uint64_t line, std::uint64_t column,
                            const std::string& what) {
    std::string s = file.empty() ? std::string("<input>") : file;
    if (line > 0) {
      // Appended piece by piece: GCC 12 warns (-Wrestrict, a false positive) on the inlined
      // ":" + std::to_string(...).
      s += ':';
      s += std::to_string(line);
      if (column > 0) {
        s += ':';
        s += std::to_string(column);
      }
    }
    return s + ": " + what;
  }

  std::string file_;
  std::uint64_t line_ = 0;
  std::uint64_t column_ = 0;
  std::uint64_t offset_ = 0;
};

}  // namespace stakegraph::graph
