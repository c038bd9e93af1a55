#include "io/render/dot.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <ostream>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

#include "graph/error.hpp"
#include "io/printable.hpp"

namespace stakegraph::io {
namespace {

using graph::EdgeRef;
using graph::Graph;
using graph::Kind;
using graph::NodeIndex;

constexpr std::string_view kFont = "Helvetica";
constexpr std::string_view kFadedAlpha = "38";  // appended to #rrggbb colours
constexpr std::string_view kFadedText = "#9a9a9a";
constexpr std::string_view kHighlightColor = "#1f1f1f";
// A merged edge whose relations do not share one sign (DrawOptions::merge_parallel).
constexpr std::string_view kMixedColor = "#7b68a6";
constexpr int kMixedSign = 2;  // in the legend's set of signs
// At most this many relation names in a merged edge's label ("A, B, C +2").
constexpr std::size_t kMergedLabelRelations = 3;

// Indexed by the Kind value; kUnspecified is drawn as an organization.
constexpr std::array<KindStyle, graph::kKindCount> kKindStyles = {{
    {"box", "filled,rounded", "#d9d9d9", "#636363"},    // unspecified
    {"house", "filled", "#9ecae1", "#2171b5"},          // government
    {"octagon", "filled", "#dadaeb", "#6a51a3"},        // agency
    {"box", "filled", "#fdae6b", "#d94801"},            // vendor
    {"hexagon", "filled", "#a1d99b", "#238b45"},        // operator
    {"note", "filled", "#ffffb2", "#b59f00"},           // media
    {"ellipse", "filled", "#fbb4c9", "#c51b7d"},        // person
    {"box", "filled,rounded", "#d9d9d9", "#636363"},    // organization
    {"parallelogram", "filled", "#fc9272", "#cb181d"},  // allegation
}};

// Light fills for cluster boxes, cycled.
constexpr std::array<std::string_view, 8> kClusterFills = {
    "#f2f7fb", "#fdf3ea", "#eff8ee", "#f6f3fa", "#fdf0f4", "#fbfbea", "#eef7f7", "#f4f4f4"};

std::string_view shape_word(const KindStyle& s) {
  if (s.shape == "box") return s.style == "filled,rounded" ? "rounded box" : "box";
  if (s.shape == "ellipse") return "oval";
  return s.shape;
}

std::string format_number(double x) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, 2);
  std::string s(buf, ec == std::errc() ? end : buf);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// Cuts `s` to at most `max` bytes on a UTF-8 character boundary, adding "…" when cut.
std::string truncate_utf8(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "\xE2\x80\xA6";
}

// Bytes outside [A-Za-z0-9_.-] as %XX: a stable, unique, XML- and CSS-friendly SVG id.
std::string id_token(std::string_view id) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(id.size());
  for (unsigned char c : id) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '_' || c == '.' || c == '-';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string with_alpha(std::string_view color, std::string_view alpha) {
  return std::string(color) + std::string(alpha);
}

std::string edge_arrow(const Graph& g, EdgeRef e) {
  const auto r = g.edge(e).relation;
  const std::string rel(graph::relation_name(r));
  return graph::is_symmetric(r) ? " -" + rel + "- " : " -" + rel + "-> ";
}

std::string_view sign_word(int sign) {
  return sign > 0 ? "cooperative" : sign < 0 ? "conflictual" : "neutral";
}

bool all_hedged(const graph::EdgeData& d) {
  return !d.evidence.empty() && std::all_of(d.evidence.begin(), d.evidence.end(),
                                            [](const graph::Evidence& ev) { return ev.hedged; });
}

// Identity of an edge of `g`: the graph keeps one edge per (source, target, relation), and
// unlike the descriptor's property pointer this key survives copying the graph.
using EdgeKey = std::tuple<NodeIndex, NodeIndex, graph::Relation>;
EdgeKey edge_key(const Graph& g, EdgeRef e) {
  return {g.source(e), g.target(e), g.edge(e).relation};
}

std::string legend_html(const std::string& title, const std::set<Kind>& kinds,
                        const std::set<int>& signs, bool any_hedged, bool any_multi,
                        bool any_highlight, bool legend) {
  std::string t;  // the legend's rows: a swatch, then what it means
  if (legend) {
    for (Kind k : kinds) {
      const KindStyle& s = kind_style(k);
      t += "<TR><TD BGCOLOR=\"" + std::string(s.fillcolor) + "\" COLOR=\"" + std::string(s.color) +
           "\" BORDER=\"1\" WIDTH=\"24\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\"></TD>"
           "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">" +
           std::string(graph::kind_name(k == Kind::kUnspecified ? Kind::kOrganization : k)) + " (" +
           std::string(shape_word(s)) + ")</FONT></TD></TR>";
    }
    for (int sign : {1, -1, 0, kMixedSign}) {
      if (!signs.contains(sign)) continue;
      const bool mixed = sign == kMixedSign;
      t += "<TR><TD><FONT COLOR=\"" + std::string(mixed ? kMixedColor : sign_color(sign)) +
           "\">\xE2\x94\x81\xE2\x94\x81\xE2\x94\x81</FONT></TD><TD ALIGN=\"LEFT\"><FONT "
           "POINT-SIZE=\"10\">" +
           std::string(mixed      ? "relations of both signs"
                       : sign > 0 ? "cooperative"
                       : sign < 0 ? "conflictual"
                                  : "neutral tie") +
           "</FONT></TD></TR>";
    }
    if (any_hedged)
      t += "<TR><TD>\xE2\x95\x8C\xE2\x95\x8C\xE2\x95\x8C</TD><TD ALIGN=\"LEFT\"><FONT "
           "POINT-SIZE=\"10\">all evidence hedged</FONT></TD></TR>";
    if (any_multi)
      t += "<TR><TD>\xE2\x94\x80 \xE2\x94\x81</TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">"
           "thicker: more evidence</FONT></TD></TR>";
    if (any_highlight)
      t += "<TR><TD><FONT COLOR=\"" + std::string(kHighlightColor) +
           "\">\xE2\x94\x81\xE2\x94\x81\xE2\x94\x81</FONT></TD><TD ALIGN=\"LEFT\"><FONT "
           "POINT-SIZE=\"10\">highlighted</FONT></TD></TR>";
  }
  // The title goes in the text column: a cell spanning both columns would widen the swatch
  // column too (Graphviz spreads a spanning cell's width over its columns). A table needs a
  // row: nothing to show, no label.
  if (!title.empty())
    t = std::string(legend ? "<TR><TD></TD>" : "<TR>") +
        "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"16\"><B>" + escape_html(title) +
        "</B></FONT></TD></TR>" + t;
  if (t.empty()) return t;
  return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"2\">" + t +
         "</TABLE>";
}

void add_layout_settings(std::vector<DotAttr>& attrs, std::string_view layout,
                         bool outside_labels) {
  attrs.push_back({"layout", std::string(layout)});
  if (layout == "dot") {
    attrs.push_back({"rankdir", "LR"});
    attrs.push_back({"nodesep", "0.3"});
    attrs.push_back({"ranksep", "0.7"});
    // Graphviz 2.42's default ranking fails on cluster subgraphs ("trouble in init_rank")
    // and then frees freed memory in gvFreeLayout; the global ranker handles them.
    attrs.push_back({"newrank", "true"});
    // Big drawings: bound the network-simplex passes that place nodes (a near-optimal
    // placement instead of minutes of iterations; see kDotInlineLabelEdges).
    if (outside_labels) attrs.push_back({"nslimit", "2"});
  } else if (layout == "circo") {
    attrs.push_back({"mindist", "0.6"});
    attrs.push_back({"overlap", "false"});
  } else {  // neato, fdp, sfdp: remove node overlaps, keep a margin around each node
    attrs.push_back({"overlap", "prism"});
    attrs.push_back({"sep", "+8"});
    // Straight edges: curved ones that avoid nodes (splines=true) took a 200-node, 400-edge
    // drawing from 0.2 s to 7-11 s of routing.
  }
}

}  // namespace

const KindStyle& kind_style(Kind kind) noexcept {
  const auto i = static_cast<std::size_t>(kind);
  return kKindStyles[i < kKindStyles.size() ? i : 0];
}

std::string_view sign_color(int sign) noexcept {
  return sign > 0 ? "#1a9850" : sign < 0 ? "#d73027" : "#737373";
}

double edge_penwidth(std::size_t evidence_count) noexcept {
  return std::min(6.0, 1.0 + std::log2(static_cast<double>(evidence_count) + 1.0));
}

namespace {

// Control characters and invalid UTF-8 become visible stand-ins first (io/printable.hpp):
// Graphviz would copy them into the SVG, which XML 1.0 forbids.
std::string escape_esc_string(std::string_view raw, std::string_view backslash) {
  const std::string text = printable(raw, "\n\r\t");
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '\\':
        out += backslash;
        break;
      case '&':
        out += "&amp;";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string escape_label(std::string_view text) { return escape_esc_string(text, "\\\\"); }

std::string escape_tooltip(std::string_view text) { return escape_esc_string(text, "\\\\\\\\"); }

std::string escape_html(std::string_view raw) {
  const std::string text = printable(raw, "\n\t");
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string node_tooltip(const Graph& g, NodeIndex v) {
  const graph::NodeData& n = g.node(v);
  const Kind kind = n.kind == Kind::kUnspecified ? Kind::kOrganization : n.kind;
  std::string s = n.name + "\nkind: " + std::string(graph::kind_name(kind)) + "\naliases: ";
  if (n.aliases.empty()) s += "(none)";
  for (std::size_t i = 0; i < n.aliases.size(); ++i) s += (i ? "; " : "") + n.aliases[i];
  const auto& bg = g.boost_graph();
  const auto in = boost::in_degree(v, bg), out = boost::out_degree(v, bg);
  s += "\ndegree: " + std::to_string(in + out) + " (in " + std::to_string(in) + ", out " +
       std::to_string(out) + ")\nid: " + n.id;
  return s;
}

namespace {

// The tooltip of one edge, showing at most `max_evidence` sentences.
std::string edge_tooltip_showing(const Graph& g, EdgeRef e, std::size_t max_evidence) {
  const graph::EdgeData& d = g.edge(e);
  std::string s = g.node(g.source(e)).name + edge_arrow(g, e) + g.node(g.target(e)).name;
  const auto hedged = static_cast<std::size_t>(std::count_if(
      d.evidence.begin(), d.evidence.end(), [](const graph::Evidence& ev) { return ev.hedged; }));
  s += "\n" + std::string(sign_word(d.sign)) + "; " + std::to_string(d.evidence.size()) +
       " evidence";
  if (hedged > 0) s += " (" + std::to_string(hedged) + " hedged)";
  const std::size_t shown = std::min(d.evidence.size(), max_evidence);
  for (std::size_t i = 0; i < shown; ++i) {
    const graph::Evidence& ev = d.evidence[i];
    s += "\n\xE2\x80\xA2 \"" + truncate_utf8(ev.text, kTooltipSentenceBytes) + "\"";
    if (ev.hedged) s += " [hedged]";
    if (!ev.speaker.empty()) s += " (said by " + ev.speaker + ")";
    s += " \xE2\x80\x94 ";
    if (ev.article != graph::kNoArticle && ev.article < g.articles().size()) {
      const graph::Article& a = g.articles()[ev.article];
      s += a.title.empty() ? a.id : a.title;
    } else {
      s += "(no article)";
    }
    const graph::Date date = graph::evidence_date(g, ev);
    s += " (" + (date == graph::kNoDate ? std::string("undated") : graph::format_iso_date(date)) +
         ")";
  }
  if (d.evidence.size() > shown)
    s += "\n\xE2\x80\xA6 and " + std::to_string(d.evidence.size() - shown) + " more";
  return s;
}

}  // namespace

std::string edge_tooltip(const Graph& g, EdgeRef e) {
  return edge_tooltip_showing(g, e, kTooltipEvidence);
}

namespace {

// The tooltip of a merged edge: the pair, then relation by relation.
std::string merged_edge_tooltip(const Graph& g, const std::vector<EdgeRef>& edges) {
  std::size_t evidence = 0;
  for (EdgeRef e : edges) evidence += g.edge(e).evidence.size();
  std::string s = g.node(g.source(edges.front())).name + " \xE2\x86\x92 " +
                  g.node(g.target(edges.front())).name + ": " + std::to_string(edges.size()) +
                  " relations, " + std::to_string(evidence) + " evidence";
  // Relation by relation, with its first sentences; at most kTooltipEvidence sentences in all.
  std::size_t budget = kTooltipEvidence;
  const std::size_t shown = std::min(edges.size(), kTooltipEvidence);
  for (std::size_t i = 0; i < shown; ++i) {
    const std::size_t left = shown - i;
    const std::size_t take = budget == 0 ? 0 : std::max<std::size_t>(1, budget / left);
    s += "\n" + edge_tooltip_showing(g, edges[i], take);
    budget -= std::min(budget, std::min(take, g.edge(edges[i]).evidence.size()));
  }
  if (edges.size() > shown)
    s += "\n\xE2\x80\xA6 and " + std::to_string(edges.size() - shown) + " more relations";
  return s;
}

// The drawn edges: one per edge of `g`, or one per ordered pair of nodes when merging.
std::vector<std::vector<EdgeRef>> drawn_edge_groups(const Graph& g, bool merge_parallel) {
  std::vector<std::vector<EdgeRef>> groups;
  groups.reserve(g.edge_count());
  if (!merge_parallel) {
    for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) groups.push_back({*it});
    return groups;
  }
  std::map<std::pair<NodeIndex, NodeIndex>, std::size_t> group_of;
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
    const auto [pos, fresh] = group_of.try_emplace({g.source(*it), g.target(*it)}, groups.size());
    if (fresh) groups.emplace_back();
    groups[pos->second].push_back(*it);
  }
  return groups;
}

}  // namespace

std::size_t drawn_edge_count(const Graph& g, bool merge_parallel) {
  return merge_parallel ? drawn_edge_groups(g, true).size() : g.edge_count();
}

std::string svg_node_id(const Graph& g, NodeIndex v) { return "node-" + id_token(g.node(v).id); }

std::vector<DrawnEdge> drawn_edges(const Graph& g, bool merge_parallel) {
  std::vector<std::vector<EdgeRef>> groups = drawn_edge_groups(g, merge_parallel);
  std::vector<DrawnEdge> drawn;
  drawn.reserve(groups.size());
  for (std::vector<EdgeRef>& group : groups) {
    const EdgeRef first = group.front();
    const std::string source = id_token(g.node(g.source(first)).id);
    const std::string target = id_token(g.node(g.target(first)).id);
    std::string id = group.size() == 1
                         ? "edge-" + source + "-" +
                               std::string(graph::relation_name(g.edge(first).relation)) + "-" +
                               target
                         : "edges-" + source + "-" + target;
    drawn.push_back({std::move(id), std::move(group)});
  }
  return drawn;
}

DotDocument make_dot_document(const Graph& g, const DrawOptions& options) {
  const std::size_t n = g.node_count();
  if (!options.cluster_of.empty() && options.cluster_of.size() != n)
    throw graph::InvalidArgument("drawing: cluster_of has " +
                                 std::to_string(options.cluster_of.size()) +
                                 " entries for a graph of " + std::to_string(n) + " nodes");
  for (NodeIndex v : options.highlighted_nodes)
    if (v >= n) throw graph::InvalidArgument("drawing: highlighted node index out of range");
  if (options.focus && *options.focus >= n)
    throw graph::InvalidArgument("drawing: focus node index out of range");

  std::vector<bool> node_lit(n, false);
  for (NodeIndex v : options.highlighted_nodes) node_lit[v] = true;
  std::set<EdgeKey> edge_lit;
  for (EdgeRef e : options.highlighted_edges) {
    if (g.source(e) >= n || g.target(e) >= n)
      throw graph::InvalidArgument("drawing: highlighted edge out of range");
    edge_lit.insert(edge_key(g, e));
  }
  const bool highlighting = !options.highlighted_nodes.empty() || !edge_lit.empty();

  DotDocument doc;
  doc.graph_attrs = {
      {"fontname", std::string(kFont)}, {"outputorder", "edgesfirst"}, {"pad", "0.2"}};
  // dot gives every inline edge label a rank of its own; past kDotInlineLabelEdges edges the
  // labels go outside (xlabel, placed after layout) so that the layout stays fast.
  const std::vector<DrawnEdge> drawn = drawn_edges(g, options.merge_parallel);
  const bool outside_labels = options.layout == "dot" && drawn.size() > kDotInlineLabelEdges;
  if (!options.layout.empty()) add_layout_settings(doc.graph_attrs, options.layout, outside_labels);
  doc.node_defaults = {{"fontname", std::string(kFont)},
                       {"fontsize", "11"},
                       {"style", "filled"},
                       {"margin", "0.12,0.06"}};
  doc.edge_defaults = {{"fontname", std::string(kFont)},
                       {"fontsize", "9"},
                       {"fontcolor", "#404040"},
                       {"arrowsize", "0.7"}};

  // Cluster boxes for clusters of two nodes or more, in cluster-number order.
  std::vector<int> box_of(n, -1);
  if (!options.cluster_of.empty()) {
    std::map<int, std::size_t> sizes;
    for (int c : options.cluster_of)
      if (c >= 0) ++sizes[c];
    std::map<int, int> box;
    for (const auto& [c, size] : sizes) {
      if (size < 2) continue;
      const auto it = options.cluster_labels.find(c);
      const std::string label =
          it != options.cluster_labels.end() ? it->second : "cluster " + std::to_string(c);
      box[c] = static_cast<int>(doc.clusters.size());
      doc.clusters.push_back(
          {"cluster_" + std::to_string(c),
           {{"label", escape_label(label)},
            {"style", "rounded,filled"},
            {"fillcolor", std::string(kClusterFills[doc.clusters.size() % kClusterFills.size()])},
            {"color", "#bdbdbd"},
            {"fontsize", "11"},
            {"fontcolor", "#525252"}}});
    }
    for (NodeIndex v = 0; v < n; ++v)
      if (const auto it = box.find(options.cluster_of[v]); it != box.end()) box_of[v] = it->second;
  }

  // Graphviz names: the node ids, made printable (they reach the SVG's <title>); an id that
  // this changes and that then equals another node's name gets a "~<n>" suffix, so that
  // every node keeps a name of its own.
  std::vector<std::string> dot_names(n);
  {
    std::set<std::string> taken;
    for (NodeIndex v = 0; v < n; ++v)
      if (is_printable(g.node(v).id)) taken.insert(dot_names[v] = g.node(v).id);
    for (NodeIndex v = 0; v < n; ++v) {
      if (!dot_names[v].empty() || g.node(v).id.empty()) continue;
      const std::string base = printable(g.node(v).id);
      std::string name = base;
      for (int k = 2; taken.count(name) != 0; ++k) name = base + "~" + std::to_string(k);
      taken.insert(dot_names[v] = name);
    }
  }

  std::set<Kind> kinds;
  doc.nodes.reserve(n);
  for (NodeIndex v = 0; v < n; ++v) {
    const graph::NodeData& nd = g.node(v);
    const Kind kind = nd.kind == Kind::kUnspecified ? Kind::kOrganization : nd.kind;
    kinds.insert(kind);
    const KindStyle& s = kind_style(kind);
    DotNode node{std::move(dot_names[v]), {}, box_of[v]};
    const bool faded = highlighting && !node_lit[v];
    node.attrs = {{"id", svg_node_id(g, v)},
                  {"label", escape_label(nd.name)},
                  {"tooltip", escape_tooltip(node_tooltip(g, v))},
                  {"shape", std::string(s.shape)}};
    if (s.style != "filled") node.attrs.push_back({"style", std::string(s.style)});
    node.attrs.push_back(
        {"fillcolor", faded ? with_alpha(s.fillcolor, kFadedAlpha) : std::string(s.fillcolor)});
    node.attrs.push_back(
        {"color", faded ? with_alpha(s.color, kFadedAlpha) : std::string(s.color)});
    if (faded) node.attrs.push_back({"fontcolor", std::string(kFadedText)});
    if (highlighting && node_lit[v]) node.attrs.push_back({"penwidth", "2.5"});
    if (options.focus && *options.focus == v) {
      node.attrs.push_back({"peripheries", "2"});
      node.attrs.push_back({"penwidth", "2"});
    }
    doc.nodes.push_back(std::move(node));
  }

  std::set<int> signs;
  bool any_hedged = false, any_multi = false;
  doc.edges.reserve(drawn.size());
  for (const DrawnEdge& drawn_edge : drawn) {
    const std::vector<EdgeRef>& group = drawn_edge.edges;
    const EdgeRef first = group.front();
    const NodeIndex source = g.source(first), target = g.target(first);
    // One relation: as it is. Several (merged): the relations listed, coloured by their
    // common sign (or kMixedColor), as wide as all their evidence, dashed when all of it is
    // hedged, without arrowhead when every relation is symmetric.
    bool lit = false, symmetric = true, hedged_all = true;
    std::size_t evidence = 0;
    std::set<int> group_signs;
    std::string rels;
    for (std::size_t i = 0; i < group.size(); ++i) {
      const graph::EdgeData& d = g.edge(group[i]);
      lit = lit || edge_lit.contains(edge_key(g, group[i]));
      symmetric = symmetric && graph::is_symmetric(d.relation);
      hedged_all = hedged_all && (d.evidence.empty() || all_hedged(d));
      evidence += d.evidence.size();
      group_signs.insert(d.sign > 0 ? 1 : d.sign < 0 ? -1 : 0);
      if (i < kMergedLabelRelations) {
        rels += (i ? ", " : "") + std::string(graph::relation_name(d.relation));
      } else if (i == kMergedLabelRelations) {
        rels += " +" + std::to_string(group.size() - kMergedLabelRelations);
      }
    }
    const bool hedged = hedged_all && evidence > 0;
    const bool mixed = group_signs.size() > 1;
    const int sign = mixed ? kMixedSign : *group_signs.begin();
    const bool faded = highlighting && !lit;
    signs.insert(sign);
    any_hedged = any_hedged || hedged;
    any_multi = any_multi || evidence > 1;
    DotEdge edge{source, target, {}};
    edge.attrs = {{"id", drawn_edge.svg_id},
                  {outside_labels ? "xlabel" : "label", escape_label(rels)},
                  {"tooltip", escape_tooltip(group.size() == 1 ? edge_tooltip(g, first)
                                                               : merged_edge_tooltip(g, group))}};
    const std::string color(lit ? kHighlightColor : mixed ? kMixedColor : sign_color(sign));
    edge.attrs.push_back({"color", faded ? with_alpha(color, kFadedAlpha) : color});
    if (faded) edge.attrs.push_back({"fontcolor", std::string(kFadedText)});
    double pen = edge_penwidth(evidence);
    if (lit) pen = std::max(pen, 3.0);
    if (pen != 1.0) edge.attrs.push_back({"penwidth", format_number(pen)});
    if (hedged) edge.attrs.push_back({"style", "dashed"});
    if (symmetric) edge.attrs.push_back({"dir", "none"});
    doc.edges.push_back(std::move(edge));
  }

  const std::string label =
      legend_html(options.title, kinds, signs, any_hedged, any_multi, highlighting, options.legend);
  if (!label.empty()) {
    doc.graph_attrs.push_back({"label", label, true});
    doc.graph_attrs.push_back({"labelloc", "t"});
    doc.graph_attrs.push_back({"labeljust", "l"});
  }
  return doc;
}

void write_dot(const Graph& g, std::ostream& out) { write_dot(g, out, DrawOptions{}); }

void write_dot(const Graph& g, std::ostream& out, const DrawOptions& options) {
  write_dot(make_dot_document(g, options), out);
}

}  // namespace stakegraph::io
