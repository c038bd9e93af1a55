#include "graph/names.hpp"

#include <cctype>
#include <cstdint>
#include <memory>

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace stakegraph::graph {
namespace {

bool is_ascii(std::string_view s) noexcept {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// One transliterator per thread and id: ICU transliterators keep per-call state and are not
// safe to share between threads. Null when ICU cannot build it (no ICU data): the callers
// then keep the text as it is.
icu::Transliterator* transliterator(const char* id, std::unique_ptr<icu::Transliterator>& slot) {
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
    if (U_FAILURE(status)) slot.reset();
  }
  return slot.get();
}

// `text` through the ICU transform `id`, case-folded when `fold_case`.
std::string transform(std::string_view text, bool any_script, bool fold_case) {
  thread_local std::unique_ptr<icu::Transliterator> latin, any;
  icu::Transliterator* t = any_script ? transliterator("Any-Latin; Latin-ASCII", any)
                                      : transliterator("Latin-ASCII", latin);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
  if (t) t->transliterate(u);
  if (fold_case) u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

// The ASCII part of fold_name into `out` (cleared first); bytes >= 0x80 (letters of other
// scripts) are kept as they are.
void fold_bytes_into(std::string_view name, std::string& out) {
  out.clear();
  bool space = false;
  for (unsigned char c : name) {
    if (c == '.' || c == '\'') continue;
    // std::isalnum and std::tolower of the "C" locale (the program never sets another),
    // without their calls: millions of names are folded when a large file is read.
    const bool upper = c >= 'A' && c <= 'Z';
    if (c >= 0x80 || upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(static_cast<char>(upper ? c - 'A' + 'a' : c));
    } else {
      space = true;
    }
  }
  if (out.size() > 4 && out.compare(0, 4, "the ") == 0) out.erase(0, 4);
}

std::string fold_bytes(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  fold_bytes_into(name, out);
  return out;
}

}  // namespace

std::string clean_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  const auto* s = reinterpret_cast<const std::uint8_t*>(name.data());
  bool pending_space = false;
  std::size_t i = 0;
  while (i < name.size()) {
    std::size_t next = i + 1;
    bool white = false;
    if (s[i] < 0x80) {
      white = s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r');
    } else {
      const std::size_t left = name.size() - i;
      const std::int32_t n = left < 4 ? static_cast<std::int32_t>(left) : 4;
      std::int32_t k = 0;
      UChar32 c = 0;
      U8_NEXT(s + i, k, n, c);
      next = i + static_cast<std::size_t>(k);
      white = c >= 0 && u_isUWhiteSpace(c);
    }
    if (white) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.append(name.substr(i, next - i));
    }
    i = next;
  }
  return out;
}

std::string fold_name(std::string_view name) {
  if (is_ascii(name)) return fold_bytes(name);
  return fold_bytes(transform(name, /*any_script=*/false, /*fold_case=*/true));
}

void fold_name_into(std::string_view name, std::string& out) {
  if (is_ascii(name))
    fold_bytes_into(name, out);
  else
    fold_bytes_into(transform(name, /*any_script=*/false, /*fold_case=*/true), out);
}

std::string slugify(std::string_view name) {
  const std::string ascii = is_ascii(name) ? std::string(name) : transform(name, true, false);
  std::string out;
  bool dash = false;
  for (unsigned char c : ascii) {
    if (c == '.' || c == '\'') continue;
    if (c < 0x80 && std::isalnum(c)) {
      if (dash && !out.empty()) out.push_back('-');
      dash = false;
      out.push_back(static_cast<char>(std::tolower(c)));
    } else {
      dash = true;
    }
  }
  if (out.empty()) out = "node";
  return out;
}

}  // namespace stakegraph::graph
