#include "io/formats/xml_text.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>

#include "io/input.hpp"

namespace stakegraph::io {

// Writes `s` as XML character data or attribute value (see the header for what is replaced).
void write_xml_escaped(std::ostream& out, std::string_view s) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '&':
          out << "&amp;";
          break;
        case '<':
          out << "&lt;";
          break;
        case '>':
          out << "&gt;";
          break;
        case '"':
          out << "&quot;";
          break;
        case '\t':
          out << "&#9;";
          break;
        case '\n':
          out << "&#10;";
          break;
        case '\r':
          out << "&#13;";
          break;
        default:
          if (c < 0x20)
            out << kReplacement;
          else
            out << static_cast<char>(c);
      }
      ++i;
      continue;
    }
    const std::size_t len = (c & 0xE0) == 0xC0   ? 2
                            : (c & 0xF0) == 0xE0 ? 3
                            : (c & 0xF8) == 0xF0 ? 4
                                                 : 1;
    const std::string_view seq = s.substr(i, len);
    // EF BF BE and EF BF BF are U+FFFE and U+FFFF, which XML does not allow.
    const bool non_character = seq == "\xEF\xBF\xBE" || seq == "\xEF\xBF\xBF";
    if (len == 1 || seq.size() < len || find_invalid_utf8(seq) || non_character) {
      out << kReplacement;
      ++i;
    } else {
      out << seq;
      i += len;
    }
  }
}

// Shortest decimal form that reads back as the same double; XML Schema spellings for
// the non-finite values.
std::string format_double(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "INF" : "-INF";
  char buf[64];
  const auto end = std::to_chars(buf, buf + sizeof buf, d).ptr;
  return std::string(buf, end);
}

namespace {

AttributeType type_of(std::string_view s) {
  if (s.empty() || s.front() == '+' || s.front() == ' ' || s.back() == ' ')
    return AttributeType::kString;
  const std::string_view digits = s.front() == '-' ? s.substr(1) : s;
  if (digits.empty() || !(digits.front() >= '0' && digits.front() <= '9'))
    return AttributeType::kString;
  if (digits.size() > 1 && digits[0] == '0' && digits[1] != '.') return AttributeType::kString;
  std::int64_t i = 0;
  if (auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), i);
      ec == std::errc() && end == s.data() + s.size() && !(s == "-0"))
    return i >= std::numeric_limits<std::int32_t>::min() &&
                   i <= std::numeric_limits<std::int32_t>::max()
               ? AttributeType::kInt
               : AttributeType::kDouble;
  double d = 0.0;
  if (auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
      ec == std::errc() && end == s.data() + s.size() && std::isfinite(d))
    return AttributeType::kDouble;
  return AttributeType::kString;
}

}  // namespace

std::map<std::string, AttributeType> attribute_types(const graph::Graph& g) {
  std::map<std::string, AttributeType> types;
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v) {
    for (const auto& [key, value] : g.node(v).attributes) {
      const AttributeType t = type_of(value);
      auto [it, added] = types.try_emplace(key, t);
      // The widest type seen: kInt < kDouble < kString.
      if (!added && static_cast<int>(t) > static_cast<int>(it->second)) it->second = t;
    }
  }
  return types;
}

std::string_view attribute_type_name(AttributeType t) noexcept {
  switch (t) {
    case AttributeType::kInt:
      return "int";
    case AttributeType::kDouble:
      return "double";
    case AttributeType::kString:
      return "string";
  }
  return "string";
}

}  // namespace stakegraph::io
