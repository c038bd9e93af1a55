// Checks on messages read from Protobuf text format (lexicons, extraction
// corrections): a string field may hold any bytes once the parser has decoded
// escapes ("Soci\351t\351"), and a string that is not UTF-8 would make every
// graph written from it unreadable. Also the error collector both readers use.
// Complexity: O(size of the message).
#pragma once

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/message.h>
#include <google/protobuf/text_format.h>

#include <cstdint>
#include <optional>
#include <string>

namespace stakegraph::io {

// Keeps the first error of a text format parse (line and column 1-based).
class TextFormatErrors final : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override;
  bool has_error = false;
  int line_ = 0, column_ = 0;
  std::string message_;
};

// A string field whose value is not valid UTF-8: where it was written in the
// text (1-based line and column, from the parser's `locations`; 0 when
// unknown), the field's name and an excerpt of its value with the bad bytes
// escaped.
struct InvalidUtf8Field {
  std::uint64_t line = 0, column = 0;
  std::string field;
  std::string excerpt;
};

// The first string field (depth first, in field order) of `message` that is not
// valid UTF-8.
std::optional<InvalidUtf8Field> find_invalid_utf8_field(
    const google::protobuf::Message& message,
    const google::protobuf::TextFormat::ParseInfoTree& locations);

}  // namespace stakegraph::io
