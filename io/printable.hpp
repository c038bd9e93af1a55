// Text made safe to show: control characters, which names may carry (JSON allows them),
// replaced by visible stand-ins before they reach a terminal, an error message, an SVG or a
// GraphML file. Raw, an ESC sequence from a file name or a node name would drive the
// terminal (colours, cursor moves, a rewritten title bar), and a control character makes an
// SVG or GraphML file invalid XML 1.0 (and stops Graphviz's HTML-label parser).
//
// C0 controls U+0000-U+001F become the Unicode control pictures U+2400-U+241F (ESC shows as
// "␛"), DEL becomes U+2421 "␡"; C1 controls U+0080-U+009F (CSI is U+009B), the
// non-characters U+FFFE and U+FFFF and bytes that are not UTF-8 become U+FFFD "�".
// Everything else passes unchanged. The mapping is not reversible: it is for display and
// for formats that cannot carry these characters.
// Complexity: O(n).
#pragma once

#include <string>
#include <string_view>

namespace stakegraph::io {

// `text` with its control characters and invalid UTF-8 replaced as above, except the ASCII
// control characters listed in `keep` (e.g. "\n\t"), which pass through.
std::string printable(std::string_view text, std::string_view keep = {});

// True when printable(text, keep) == text (nothing to replace).
bool is_printable(std::string_view text, std::string_view keep = {}) noexcept;

}  // namespace stakegraph::io
