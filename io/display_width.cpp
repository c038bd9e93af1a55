#include "io/display_width.hpp"

#include <cstdint>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace stakegraph::io {

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  std::size_t i = 0;
  while (i < text.size()) {
    if (s[i] < 0x80) {
      width += s[i] >= 0x20 && s[i] != 0x7F;
      ++i;
      continue;
    }
    // U8_NEXT takes int32 offsets: decode from a window of at most 4 bytes.
    const std::size_t left = text.size() - i;
    const std::int32_t n = left < 4 ? static_cast<std::int32_t>(left) : 4;
    std::int32_t k = 0;
    UChar32 c = 0;
    U8_NEXT(s + i, k, n, c);
    i += static_cast<std::size_t>(k);
    if (c < 0) {
      ++width;
      continue;
    }
    const auto category = static_cast<UCharCategory>(u_charType(c));
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK ||
        category == U_FORMAT_CHAR || category == U_CONTROL_CHAR)
      continue;
    const auto eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

std::string pad_to_width(std::string_view text, std::size_t width) {
  std::string out(text);
  const std::size_t w = display_width(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

}  // namespace stakegraph::io
