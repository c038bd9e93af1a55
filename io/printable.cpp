#include "io/printable.hpp"

#include <cstddef>

namespace stakegraph::io {
namespace {

// The length of the well-formed UTF-8 sequence at text[i] (1-4), or 0 when the bytes there
// are not one (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
std::size_t utf8_length(std::string_view text, std::size_t i) noexcept {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c == 0xE0)
    n = 3, lo = 0xA0;
  else if (c >= 0xE1 && c <= 0xEC)
    n = 3;
  else if (c == 0xED)
    n = 3, hi = 0x9F;
  else if (c >= 0xEE && c <= 0xEF)
    n = 3;
  else if (c == 0xF0)
    n = 4, lo = 0x90;
  else if (c >= 0xF1 && c <= 0xF3)
    n = 4;
  else if (c == 0xF4)
    n = 4, hi = 0x8F;
  else
    return 0;
  if (i + n > text.size()) return 0;
  if (b(1) < lo || b(1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (b(k) < 0x80 || b(k) > 0xBF) return 0;
  return n;
}

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

// Calls put(std::string_view) with the pieces of the printable text; returns false at the
// first piece that differs from the input when `check` is set.
template <typename Put>
bool convert(std::string_view text, std::string_view keep, Put put, bool check) {
  std::size_t run = 0;  // start of the pending run of unchanged bytes
  std::size_t i = 0;
  const auto flush = [&] {
    if (i > run) put(text.substr(run, i - run));
  };
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t n = utf8_length(text, i);
    const bool c0 = c < 0x20 || c == 0x7F;
    const bool c1 = n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
    // U+FFFE and U+FFFF: no characters at all, and not allowed in XML.
    const bool non_character = n == 3 && text.compare(i, 2, "\xEF\xBF") == 0 &&
                               static_cast<unsigned char>(text[i + 2]) >= 0xBE;
    const bool kept = c0 && keep.find(static_cast<char>(c)) != std::string_view::npos;
    if (n != 0 && !c1 && !non_character && (!c0 || kept)) {
      i += n;
      continue;
    }
    if (check) return false;
    flush();
    if (c0) {
      // U+2400 + c, or U+2421 for DEL: E2 90 80+c / E2 90 A1.
      const char picture[] = {'\xE2', '\x90', static_cast<char>(c == 0x7F ? 0xA1 : 0x80 + c)};
      put(std::string_view(picture, 3));
    } else {
      put(std::string_view(kReplacement, 3));
    }
    i += n == 0 ? 1 : n;
    run = i;
  }
  flush();
  return true;
}

}  // namespace

std::string printable(std::string_view text, std::string_view keep) {
  std::string out;
  out.reserve(text.size());
  convert(
      text, keep, [&](std::string_view piece) { out += piece; }, false);
  return out;
}

bool is_printable(std::string_view text, std::string_view keep) noexcept {
  return convert(
      text, keep, [](std::string_view) {}, true);
}

}  // namespace stakegraph::io
