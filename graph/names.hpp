// Node names: how they are cleaned, compared and turned into ids. Unicode-aware through ICU
// (transliteration and case folding); ASCII text takes a fast path with the same results as
// before ICU was used, so that the ids of ASCII names never change.
//
// - clean_name: runs of Unicode white space (spaces, tabs, line breaks, no-break spaces)
//   become one space, leading and trailing white space is dropped. "Margaret\nThatcher" ->
//   "Margaret Thatcher". Other characters are kept as they are.
// - fold_name: the key names are compared by. Latin letters lose their accents (ICU
//   "Latin-ASCII": "Société" = "Societe", "Łódź" = "Lodz", "ß" = "ss"), everything is
//   case-folded, periods and apostrophes are dropped ("U.S." = "US", "Huawei's" =
//   "Huaweis"), other punctuation and runs of spaces become one space, a leading "the" is
//   ignored. Other scripts keep their letters (case-folded): "Газпром" = "ГАЗПРОМ", but no
//   transliteration, so two Chinese names that sound alike stay apart.
// - slugify: an id-safe slug [a-z0-9-], never empty ("node" when nothing is left), from the
//   ICU transliteration "Any-Latin; Latin-ASCII": "Société Générale" -> "societe-generale",
//   "Газпром" -> "gazprom", "华为" -> "hua-wei".
// Invalid UTF-8 bytes count as U+FFFD (not a letter). Thread-safe (one ICU transliterator
// per thread, created on first use).
// Complexity: O(n) in the name's length; non-ASCII names pay for an ICU transliteration
// (microseconds).
#pragma once

#include <string>
#include <string_view>

namespace stakegraph::graph {

std::string clean_name(std::string_view name);
std::string fold_name(std::string_view name);
// fold_name(name) into `out` (cleared first): for an ASCII name, no allocation once `out`
// has room (readers that fold millions of names reuse one buffer).
void fold_name_into(std::string_view name, std::string& out);
std::string slugify(std::string_view name);

}  // namespace stakegraph::graph
