#include "io/report/report_html.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "graph/error.hpp"
#include "io/render/dot.hpp"

namespace stakegraph::io::report {

// Defined in the generated report_assets.cpp (io/report/report_assets.cpp.in).
extern const char* const kReportScript;
extern const char* const kReportStyle;

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The elements Graphviz's SVG renderer writes (and a few plain shapes); nothing that runs
// code, embeds other documents or loads anything.
constexpr std::array<std::string_view, 18> kSvgElements = {
    "svg",   "g",       "title",  "desc", "polygon",        "polyline",
    "path",  "ellipse", "circle", "rect", "line",           "text",
    "tspan", "a",       "defs",   "stop", "lineargradient", "radialgradient"};

// A url(...) reference in an attribute value that points outside the document.
bool external_url(const std::string& value) {
  for (std::size_t at = value.find("url("); at != std::string::npos;
       at = value.find("url(", at + 4)) {
    std::size_t i = at + 4;
    while (i < value.size() && (value[i] == ' ' || value[i] == '\'' || value[i] == '"')) ++i;
    if (i >= value.size() || value[i] != '#') return true;
  }
  return false;
}

void check_element(const xmlNode* node) {
  for (const xmlNode* n = node; n != nullptr; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    const std::string name = lower(reinterpret_cast<const char*>(n->name));
    if (std::find(kSvgElements.begin(), kSvgElements.end(), name) == kSvgElements.end())
      throw graph::Error("report: the drawing holds a <" + name +
                         "> element, which is not inlined");
    for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
      const std::string attr = lower(reinterpret_cast<const char*>(a->name));
      xmlChar* raw = xmlNodeListGetString(n->doc, a->children, 1);
      const std::string value = raw != nullptr ? reinterpret_cast<const char*>(raw) : "";
      xmlFree(raw);
      if (attr.rfind("on", 0) == 0)
        throw graph::Error("report: the drawing holds an event handler (" + attr + ")");
      if (attr == "href" && (value.empty() || value[0] != '#'))
        throw graph::Error("report: the drawing holds a link to '" + value + "'");
      if (external_url(lower(value)))
        throw graph::Error("report: the drawing refers to an outside resource (" + attr + ")");
    }
    check_element(n->children);
  }
}

// Replaces element `n` by its children.
void unwrap(xmlNode* n) {
  for (xmlNode* child = n->children; child != nullptr;) {
    xmlNode* next = child->next;
    xmlUnlinkNode(child);
    xmlAddPrevSibling(n, child);  // may merge a text node into its new neighbour
    child = next;
  }
  xmlUnlinkNode(n);
  xmlFreeNode(n);
}

// True for the elements whose character data SVG draws.
bool holds_text(const xmlNode* n) {
  if (n == nullptr || n->type != XML_ELEMENT_NODE) return false;
  const std::string name = lower(reinterpret_cast<const char*>(n->name));
  return name == "text" || name == "tspan";
}

// Removes what the page does not need: comments, <title> elements (tooltips of ids), the
// links Graphviz wraps around nodes and edges to carry their tooltips (<g id="a_..."> and
// <a xlink:title="...">): the side panel shows all of it, and a 2,000-node drawing loses a
// third of its bytes and about 40,000 elements; and the line breaks between elements, which
// SVG does not draw but a browser keeps as text nodes (as many as the elements).
void simplify(xmlNode* first) {
  for (xmlNode* n = first; n != nullptr;) {
    xmlNode* next = n->next;
    if (n->type == XML_COMMENT_NODE ||
        (n->type == XML_TEXT_NODE && !holds_text(n->parent) && xmlIsBlankNode(n) != 0)) {
      xmlUnlinkNode(n);
      xmlFreeNode(n);
    } else if (n->type == XML_ELEMENT_NODE) {
      simplify(n->children);
      const std::string name = lower(reinterpret_cast<const char*>(n->name));
      xmlChar* id = xmlGetProp(n, reinterpret_cast<const xmlChar*>("id"));
      const bool link_group = name == "g" && id != nullptr &&
                              std::string_view(reinterpret_cast<char*>(id)).rfind("a_", 0) == 0;
      xmlFree(id);
      if (name == "title") {
        xmlUnlinkNode(n);
        xmlFreeNode(n);
      } else if (name == "a" || link_group) {
        unwrap(n);
      }
    }
    n = next;
  }
}

}  // namespace

std::string embed_json_for_script(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
               (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

// The value of attribute `name` of `n`, "" if none.
std::string attribute(const xmlNode* n, const char* name) {
  xmlChar* raw = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string value = raw != nullptr ? reinterpret_cast<const char*>(raw) : "";
  xmlFree(raw);
  return value;
}

bool element_named(const xmlNode* n, std::string_view name) {
  return n->type == XML_ELEMENT_NODE && lower(reinterpret_cast<const char*>(n->name)) == name;
}

// The edge groups (<g class="edge">) under `first`, in document order.
void edge_groups(xmlNode* first, std::vector<xmlNode*>& out) {
  for (xmlNode* n = first; n != nullptr; n = n->next) {
    if (!element_named(n, "g")) continue;
    if (attribute(n, "class") == "edge")
      out.push_back(n);
    else
      edge_groups(n->children, out);
  }
}

// Takes the <text> children of `edges` out of the drawing, as InlinedSvg::edge_labels.
std::string take_edge_labels(const std::vector<xmlNode*>& edges) {
  using Json = nlohmann::ordered_json;
  Json styles = Json::array();
  std::map<std::string, std::size_t> style_index;  // a style's JSON text -> its index
  Json labels = Json::array();
  for (xmlNode* g : edges) {
    const std::string id = attribute(g, "id");
    for (xmlNode* n = g->children; n != nullptr;) {
      xmlNode* next = n->next;
      if (element_named(n, "text")) {
        Json style = Json::object();
        for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
          const std::string name = reinterpret_cast<const char*>(a->name);
          if (name != "x" && name != "y") style[name] = attribute(n, name.c_str());
        }
        const auto [it, added] = style_index.try_emplace(style.dump(), styles.size());
        if (added) styles.push_back(style);
        xmlChar* text = xmlNodeGetContent(n);
        labels.push_back(Json::array({id, it->second, attribute(n, "x"), attribute(n, "y"),
                                      text != nullptr ? reinterpret_cast<const char*>(text) : ""}));
        xmlFree(text);
        xmlUnlinkNode(n);
        xmlFreeNode(n);
      }
      n = next;
    }
  }
  Json out;
  out["styles"] = std::move(styles);
  out["labels"] = std::move(labels);
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::string inline_svg(std::string_view svg) {
  return inline_svg_for_page(svg, static_cast<std::size_t>(-1)).svg;
}

InlinedSvg inline_svg_for_page(std::string_view svg, std::size_t labelled_edges) {
  // Well-formed, and only harmless elements and attributes. The DOCTYPE's external DTD is
  // never loaded (no XML_PARSE_DTDLOAD; XML_PARSE_NONET besides) and entities stay unexpanded.
  const std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      xmlReadMemory(svg.data(), static_cast<int>(svg.size()), "drawing.svg", nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE),
      &xmlFreeDoc);
  if (!doc) throw graph::Error("report: the drawing is not well-formed SVG");
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr || lower(reinterpret_cast<const char*>(root->name)) != "svg")
    throw graph::Error("report: the drawing is not an SVG document");
  check_element(root);
  simplify(root->children);
  InlinedSvg out;
  std::vector<xmlNode*> edges;
  edge_groups(root->children, edges);
  if (edges.size() > labelled_edges) out.edge_labels = take_edge_labels(edges);

  // Written back as UTF-8 XML: the element alone (no declaration, no DOCTYPE), its text and
  // attribute values escaped by libxml2.
  const std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buffer(xmlBufferCreate(),
                                                                    &xmlBufferFree);
  xmlSaveCtxt* save = buffer ? xmlSaveToBuffer(buffer.get(), "UTF-8", XML_SAVE_NO_DECL) : nullptr;
  if (save == nullptr) throw graph::Error("report: cannot write the drawing");
  const long written = xmlSaveTree(save, root);
  xmlSaveClose(save);
  if (written < 0) throw graph::Error("report: cannot write the drawing");
  out.svg.assign(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
                 static_cast<std::size_t>(xmlBufferLength(buffer.get())));
  return out;
}

std::string_view report_script() { return kReportScript; }
std::string_view report_style() { return kReportStyle; }

std::string report_html(const ReportPage& page) {
  std::string html;
  html.reserve(page.svg.size() + page.data_json.size() + page.evidence_json.size() + 65536);
  html +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      // Nothing may be fetched: no network request, whatever the page holds.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
      "form-action 'none'; base-uri 'none'\">\n"
      "<meta name=\"generator\" content=\"stakegraph report\">\n<title>";
  html += escape_html(page.title);
  html += "</title>\n<style>\n";
  html += report_style();
  html +=
      "</style>\n<noscript><style>#diagram:not(.ready) > svg { display: block; "
      "}</style></noscript>\n"
      "</head>\n<body>\n<header>\n<h1 id=\"title\">";
  html += escape_html(page.title);
  html += "</h1>\n<p id=\"subtitle\">";
  html += escape_html(page.subtitle);
  html +=
      "</p>\n</header>\n"
      "<div id=\"noscript-note\">This report needs JavaScript for its panel, filters and "
      "tables; the diagram below is shown without it.</div>\n"
      "<main id=\"top\">\n"
      "<section id=\"diagram-area\" aria-label=\"diagram\">\n"
      "<div id=\"toolbar\">\n"
      "<div id=\"search-box\"><input id=\"search\" type=\"search\" autocomplete=\"off\" "
      "placeholder=\"Search a stakeholder (name or alias)\" aria-label=\"search\">"
      "<ul id=\"suggestions\" role=\"listbox\"></ul></div>\n"
      "<button id=\"zoom-in\" type=\"button\" title=\"zoom in\">+</button>"
      "<button id=\"zoom-out\" type=\"button\" title=\"zoom out\">&#8722;</button>"
      "<button id=\"zoom-fit\" type=\"button\" title=\"fit the diagram\">fit</button>\n"
      "<span id=\"status\"></span>\n"
      "</div>\n<div id=\"diagram\">\n";
  html += page.svg;
  html +=
      "</div>\n</section>\n"
      "<aside id=\"panel\" aria-live=\"polite\"><p class=\"hint\">Click a stakeholder or a "
      "relation in the diagram to see its evidence here.</p></aside>\n"
      "</main>\n"
      "<section id=\"filters\" aria-label=\"filters\"></section>\n"
      "<section id=\"timeline\" aria-label=\"timeline\"></section>\n"
      "<section id=\"tables\" aria-label=\"tables\"></section>\n"
      "<script type=\"application/json\" id=\"report-data\">";
  html += embed_json_for_script(page.data_json);
  html += "</script>\n<script type=\"application/json\" id=\"report-evidence\">";
  html += embed_json_for_script(page.evidence_json);
  html += "</script>\n<script type=\"application/json\" id=\"report-edge-labels\">";
  html += embed_json_for_script(page.edge_labels);
  html += "</script>\n<script>\n";
  html += report_script();
  html += "</script>\n</body>\n</html>\n";
  return html;
}

}  // namespace stakegraph::io::report
