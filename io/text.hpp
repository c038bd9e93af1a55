// ASCII text helpers shared by the readers (io_base). Bytes outside ASCII pass unchanged, so
// UTF-8 text stays valid. O(length).
#pragma once

#include <string>
#include <string_view>

namespace stakegraph::io {

// "Foo.SVG" -> "foo.svg": A-Z lowered, every other byte kept.
std::string lower(std::string_view s);

// `s` without leading and trailing ASCII white space (space, \t, \n, \v, \f, \r).
std::string_view trim(std::string_view s) noexcept;

}  // namespace stakegraph::io
