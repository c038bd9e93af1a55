// The HTML story report page: one self-contained file (the diagram's SVG, the data document
// of io/report/report_data.hpp, the page's script and style, all inline; no font, image or
// script is fetched, and the page's Content-Security-Policy forbids any request).
//
// Escaping, by context:
// - element text and attribute values written here (the title, the subtitle): escape_html
//   (io/render/dot.hpp: & < > ");
// - the data document, inside <script type="application/json">: embed_json_for_script, so
//   that no "</script", "<!--" or line separator in a name or sentence can end the element or
//   change how it parses; it is embedded in two parts (io/report/report_embed.hpp), the
//   evidence in an element of its own that the script parses when a panel first needs it;
// - the SVG: Graphviz escapes its text and attribute values as XML; inline_svg checks that
//   the drawing holds no script, event handler or external reference before it is inlined.
// Everything else the page shows is put in place by its script as text (textContent), never
// as markup. The script and style are the files io/report/report.js and report.css, compiled
// into the library at build time (io/CMakeLists.txt).
// Complexity: linear in the sizes of the SVG and the data document.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace stakegraph::io::report {

// JSON text made safe inside <script type="application/json">: '<' as \u003c, '>' as
// \u003e, '&' as \u0026, U+2028 and U+2029 as \u2028 and \u2029. These characters occur in
// JSON only inside strings, where JSON.parse reads the escapes back as the same characters.
std::string embed_json_for_script(std::string_view json);

// The SVG document Graphviz wrote, as an element for an HTML page: parsed (libxml2), checked,
// and written back as UTF-8 without what comes before <svg> (XML declaration, DOCTYPE), its
// comments, its <title> elements and the tooltip links around nodes and edges (<g id="a_...">
// and <a xlink:title>), which the side panel replaces, and the blank text between elements
// (outside <text> and <tspan>, where SVG draws nothing); the drawing itself is unchanged. Throws
// graph::Error when it is not well-formed XML, or holds an element other than the shapes,
// text, groups, links and gradients Graphviz writes (no script, foreignObject, image...), an
// event-handler attribute (on...), or a reference (href, xlink:href, url()) that is not a
// local "#..." one; Graphviz writes none of these for stakegraph's drawings, which set no URL.
// O(size of the SVG).
std::string inline_svg(std::string_view svg);

// Drawings of more drawn edges than this are inlined with their edges' labels apart: ten
// thousand relation labels, too small to read until zoomed in, were a fifth of the elements
// a dense page parsed, styled and laid out when it opened; the page draws them once zoomed in.
inline constexpr std::size_t kReportLabelledEdges = 1000;

struct InlinedSvg {
  std::string svg;          // as inline_svg, without the edges' labels when they are apart
  std::string edge_labels;  // "" when they stay in the drawing, else JSON (not yet escaped
                            // for HTML): {"styles": [{attribute: value, ...}, ...],
                            //  "labels": [[edge element id, style index, x, y, text], ...]}:
                            // each <text> child of a <g class="edge">, in drawing order, its
                            // attributes other than x and y as one of "styles" (each
                            // distinct set once), x and y as Graphviz wrote them
};

// inline_svg(svg), and when the drawing has more than `labelled_edges` edge groups (<g
// class="edge">), their <text> children taken out into InlinedSvg::edge_labels. Throws as
// inline_svg. O(size of the SVG).
InlinedSvg inline_svg_for_page(std::string_view svg,
                               std::size_t labelled_edges = kReportLabelledEdges);

struct ReportPage {
  std::string title;          // plain text
  std::string subtitle;       // plain text
  std::string svg;            // from inline_svg_for_page
  std::string edge_labels;    // likewise: its edge labels kept apart, or ""
  std::string data_json;      // the data document's "data" part, unescaped
  std::string evidence_json;  // its "evidence" part (io/report/report_embed.hpp), unescaped
};

// The whole page.
std::string report_html(const ReportPage& page);

// The page's script and style, as compiled in.
std::string_view report_script();
std::string_view report_style();

}  // namespace stakegraph::io::report
