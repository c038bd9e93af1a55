// DOT export and the drawing rules of the relationship diagram: the one DOT writer shared by
// `convert`, `extract --format dot` and `render`.
//
// make_dot_document() turns a graph into a DotDocument, a plain description of the Graphviz
// graph to build (attributes of the graph, nodes, edges and cluster boxes); it calls no
// Graphviz function. write_dot() writes a document as DOT text, the bytes Graphviz 2.42's
// agwrite writes for it (io/render/dot_writer.cpp; no Graphviz call either); io::Renderer
// (io/render/renderer.hpp) builds the document through cgraph and lays it out and renders it
// (SVG, PNG, PDF).
//
// Drawing rules:
// - Node: cgraph name and SVG `id` from the node id ("huawei" -> id "node-huawei"); label =
//   canonical name; shape and colour by kind (kind_style); tooltip = name, kind, aliases,
//   degree (in the drawn graph) and id.
// - Edge: label = relation; colour by sign (green cooperative, red conflictual, grey
//   neutral); dashed when it has evidence and all of it is hedged; penwidth grows with the
//   evidence count (edge_penwidth); symmetric relations have no arrowhead; SVG `id`
//   "edge-<source id>-<relation>-<target id>"; tooltip = the edge, then each evidence
//   sentence with its article title and date (at most kTooltipEvidence, each sentence cut at
//   kTooltipSentenceBytes).
// - Parallel edges (several relations from one node to another) are drawn one by one, or
//   with DrawOptions::merge_parallel as one edge per ordered pair: label = the relations
//   (at most three, then "+n"), colour = their common sign or purple when they differ,
//   penwidth by their total evidence, dashed when all of it is hedged, SVG `id`
//   "edges-<source id>-<target id>", tooltip = each relation with its first sentences
//   (at most kTooltipEvidence sentences in all). A 10^7-edge news graph's top 100 nodes
//   are joined by about 97,000 relations: merged, at most one edge per ordered pair.
// - With the dot layout and more than kDotInlineLabelEdges edges, relation labels are
//   drawn as xlabels (placed after layout) and node placement is bounded (nslimit): dot gives
//   each inline edge label a rank of its own, which took a 200-node, 400-edge graph from
//   under 1 s to about 15 s of layout.
// - Legend: an HTML-like table in the graph's own label (never a node): the title, then one
//   row per kind and per edge style that appears in the drawing.
// - Clusters: a `cluster_<n>` subgraph (a box) for every cluster with two nodes or more;
//   single-node clusters are drawn without a box.
// - Highlight: when any node or edge is highlighted, everything else is faded.
// Text goes through escape_label and escape_tooltip (see there).
// Complexity: O(V + E + evidence shown).
#pragma once

#include <cstddef>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.hpp"

namespace stakegraph::io {

// What to draw besides the graph itself. Every index and edge reference refers to the graph
// being drawn: the same Graph object (an EdgeRef of a copy points into the copy).
struct DrawOptions {
  std::string title;                                // shown above the legend; "" for none
  bool legend = true;                               // the kinds and edge styles that appear
  std::string layout;                               // written as the graph's `layout` attribute
                                                    // ("" for none); adds that engine's settings
  std::vector<int> cluster_of;                      // empty, or one per node: cluster, -1 none
  std::map<int, std::string> cluster_labels;        // captions; default "cluster <n>"
  std::vector<graph::NodeIndex> highlighted_nodes;  // with any highlight, the rest fades
  std::vector<graph::EdgeRef> highlighted_edges;
  std::optional<graph::NodeIndex> focus;  // drawn with a double border
  // One drawn edge per ordered pair of nodes instead of one per relation: labelled with the
  // relations ("SANCTION, ACCUSE +2"), coloured by their common sign (purple when they differ),
  // as wide as all their evidence. A pair with one relation is drawn as without merging.
  bool merge_parallel = false;
};

// One attribute; `html` marks an HTML-like label (written <...> in DOT).
struct DotAttr {
  std::string name;
  std::string value;
  bool html = false;
  bool operator==(const DotAttr&) const = default;
};

struct DotNode {
  std::string name;  // the node id
  std::vector<DotAttr> attrs;
  int cluster = -1;  // index into DotDocument::clusters, -1 for the root graph
};

struct DotEdge {
  std::size_t tail = 0;  // indices into DotDocument::nodes
  std::size_t head = 0;
  std::vector<DotAttr> attrs;
};

struct DotCluster {
  std::string name;  // "cluster_<n>"
  std::vector<DotAttr> attrs;
};

struct DotDocument {
  std::string name = "stakegraph";
  std::vector<DotAttr> graph_attrs;
  std::vector<DotAttr> node_defaults;  // declared first, in this order
  std::vector<DotAttr> edge_defaults;
  std::vector<DotCluster> clusters;
  std::vector<DotNode> nodes;
  std::vector<DotEdge> edges;
};

// How a node kind is drawn.
struct KindStyle {
  std::string_view shape;
  std::string_view style;      // "filled" or "filled,rounded"
  std::string_view fillcolor;  // "#rrggbb"
  std::string_view color;      // border
};
const KindStyle& kind_style(graph::Kind kind) noexcept;

// Edge colour by sign (+1, -1, 0) and penwidth by evidence count: 1 for none, growing with
// log2(count + 1), at most 6.
std::string_view sign_color(int sign) noexcept;
double edge_penwidth(std::size_t evidence_count) noexcept;

inline constexpr std::size_t kDotInlineLabelEdges = 150;
inline constexpr std::size_t kTooltipEvidence = 10;
inline constexpr std::size_t kTooltipSentenceBytes = 300;

// The number of edges the drawing of `g` has: g.edge_count(), or with merge_parallel the
// number of ordered node pairs joined by an edge.
std::size_t drawn_edge_count(const graph::Graph& g, bool merge_parallel);

// The SVG `id` of a node's drawing: "node-" and the node id, every byte outside
// [A-Za-z0-9_.-] written as %XX ("huawei" -> "node-huawei").
std::string svg_node_id(const graph::Graph& g, graph::NodeIndex v);

// One edge of the drawing and the edges of the graph it draws: one, or with merge_parallel
// every relation from one node to another. svg_id: "edge-<source>-<relation>-<target>" for
// one edge, "edges-<source>-<target>" for several (node ids written as in svg_node_id).
struct DrawnEdge {
  std::string svg_id;
  std::vector<graph::EdgeRef> edges;  // never empty
};
// The drawn edges of `g` in drawing order: every edge of the graph is in exactly one. O(E log E).
std::vector<DrawnEdge> drawn_edges(const graph::Graph& g, bool merge_parallel);

// Tooltip texts, unescaped (plain UTF-8, lines separated by '\n').
std::string node_tooltip(const graph::Graph& g, graph::NodeIndex v);
std::string edge_tooltip(const graph::Graph& g, graph::EdgeRef e);

// Escapes plain text for a Graphviz label (an escString): '\' -> "\\" (Graphviz reads "\N",
// "\n", "\l"... as escapes and turns "\\" back into one backslash), '&' -> "&amp;" (labels
// go through HTML-entity decoding), newline -> "\n", '\r' dropped. Quotes need no escaping
// here: agwrite quotes them in DOT and the SVG renderer escapes them in XML.
std::string escape_label(std::string_view text);

// Escapes plain text for a tooltip. Graphviz 2.42 reads a tooltip in two passes: entities
// decoded, then "\n"/"\l"/"\r" made line breaks and other "\x" made "x", then "\N", "\G",
// "\E", "\T", "\H", "\L" substituted and "\\" made "\". A literal backslash therefore takes
// four; otherwise as escape_label.
std::string escape_tooltip(std::string_view text);

// Escapes plain text for an HTML-like label (XML character data): & < > ".
std::string escape_html(std::string_view text);

// Builds the description of the drawing. Throws graph::InvalidArgument when cluster_of is
// neither empty nor one per node, or a highlighted or focus index is out of range.
DotDocument make_dot_document(const graph::Graph& g, const DrawOptions& options = {});

// Writes `doc` as DOT: byte for byte what cgraph's agwrite (Graphviz 2.42) writes for the graph
// io::Renderer builds from it (tests/io/dot_test.cpp compares the two on random documents).
// Conventions of agwrite kept: attributes sorted by name; graph, node and edge defaults first
// (the non-empty ones); a node or edge lists only the attributes that differ from the default;
// cluster subgraphs first (in document order; agwrite orders them by the address of the name
// string), then the nodes in order, each node's out-edges after it (by head), an edge's
// head written just before the edge when no earlier node points to it; identifiers quoted
// unless plain (letters, digits, '_', non-ASCII bytes, or a number), keywords quoted; strings
// broken with "\\\n" after 128 characters, at a non-identifier character followed by an
// identifier one; the node label defaults to "\\N" (Graphviz declares it before any other).
// Names and values end at a NUL byte, as C strings. Throws graph::InvalidArgument for an edge
// endpoint out of range and graph::Error when the stream fails. O(size of the document + E log E).
void write_dot(const DotDocument& doc, std::ostream& out);

// make_dot_document() + write_dot(doc). Throws as both.
void write_dot(const graph::Graph& g, std::ostream& out);
void write_dot(const graph::Graph& g, std::ostream& out, const DrawOptions& options);

}  // namespace stakegraph::io
