// Shared checks and helpers for every reader: the input file exists, is a regular file (or
// stdin), is within the documented size limits; UTF-8 validation with byte offsets.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace stakegraph::io {

// Documented limits (README, "Limits"): inputs larger than these are refused with an error
// instead of exhausting memory.
inline constexpr std::uint64_t kMaxTextFileBytes = 4ull << 30;      // JSON, GraphML, CSV files
inline constexpr std::uint64_t kMaxLineBytes = 64ull << 20;         // one line of CSV / JSONL
inline constexpr std::uint64_t kMaxArticleBytes = 16ull << 20;      // one article body
inline constexpr std::uint64_t kMaxLexiconFileBytes = 64ull << 20;  // one --lexicon file

// Throws graph::NotFound ("<path>: no such file") for a missing path and graph::Error for a
// directory or an unreadable file. "-" (stdin) always passes.
void check_input_file(const std::string& path);

// Reads a whole file (or stdin for "-") into memory, refusing files over `max_bytes`: a
// file by its size before reading, stdin (by its size when it is a regular file, else) as
// soon as more than `max_bytes` have come in. Memory: the input, plus 16 MiB while reading.
std::string read_file(const std::string& path, std::uint64_t max_bytes = kMaxTextFileBytes);
// The same for any stream (stdin, pipes): throws graph::Error ("NAME: input larger than the
// limit of N bytes") once more than `max_bytes` have been read, reading no further.
std::string read_stream(std::istream& in, const std::string& name, std::uint64_t max_bytes);

// Byte offset of the first invalid UTF-8 sequence (overlongs, surrogates and code points
// above U+10FFFF are invalid), or nullopt when `text` is valid UTF-8.
std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept;

// Line (1-based) and column (1-based, in bytes) of a byte offset in `text`.
std::pair<std::uint64_t, std::uint64_t> line_and_column(std::string_view text, std::size_t offset);

// A value from an input file, made safe to quote in a one-line error message: control
// characters and invalid UTF-8 bytes are written as \n, \t, \xNN, and text longer than
// `max_bytes` is cut at a character boundary and ends with "...".
std::string excerpt_for_message(std::string_view text, std::size_t max_bytes = 60);

}  // namespace stakegraph::io
