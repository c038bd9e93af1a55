// The readers' exception: input that cannot be read, naming the file and where in it. A
// graph::Error, so that the CLI maps it like every other runtime error (exit code 1).
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "graph/error.hpp"

namespace stakegraph::io {

// Input that cannot be read. The message names the file and, where known, the line and
// column (text formats) or the byte offset (binary formats).
class ParseError : public graph::Error {
 public:
  ParseError(std::string file, std::uint64_t line, std::uint64_t column, const std::string& what)
      : Error(format(file, line, column, what)),
        file_(std::move(file)),
        line_(line),
        column_(column) {}

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

}  // namespace stakegraph::io
