// Field tests shared by the GDELT reader (io/gdelt/gdelt.cpp) and importer (io/gdelt/import.cpp):
// internal to those two files, not part of the io/ interface. ASCII only (GDELT codes,
// numbers and header names are ASCII); each is linear in the length of its input.
#pragma once

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <string_view>
#include <system_error>

namespace stakegraph::io::gdelt_text {

// True when `s` is one or more ASCII digits.
inline bool all_digits(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Parses all of `s` (digits only: no sign, no space) into `out`; false on anything else or
// on overflow of T, leaving `out` unspecified.
template <typename T>
bool parse_uint(std::string_view s, T& out) noexcept {
  if (!all_digits(s)) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

// Parses all of `s` as a finite decimal number (std::from_chars syntax) into `out`.
inline bool parse_double(std::string_view s, double& out) noexcept {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && std::isfinite(out);
}

// True when `a` and `b` are equal ignoring ASCII case.
inline bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

}  // namespace stakegraph::io::gdelt_text
