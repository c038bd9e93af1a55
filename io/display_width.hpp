// Terminal display width of UTF-8 text, for tables padded by columns rather than bytes:
// East Asian wide and fullwidth characters take 2 columns, combining marks, format and
// control characters 0, everything else 1 (Unicode East_Asian_Width, UAX #11, through ICU).
// Invalid UTF-8 bytes take 1 column each (printed as U+FFFD by io::printable).
// Complexity: O(n).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace stakegraph::io {

std::size_t display_width(std::string_view text);

// `text` followed by spaces up to `width` columns (unchanged when already as wide or wider).
std::string pad_to_width(std::string_view text, std::size_t width);

}  // namespace stakegraph::io
