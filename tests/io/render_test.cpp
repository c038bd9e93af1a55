// Rendering through Graphviz (io/render/renderer.hpp): SVG structure and tooltips read back with
// libxml2, PNG/PDF signatures, non-overlapping layouts for every engine, the large-graph
// rules, atomic output, concurrent callers, and the `stakegraph render` command's errors.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "graph/camps.hpp"
#include "graph/error.hpp"
#include "graph/subgraph.hpp"
#include "io/extract.hpp"
#include "io/formats/formats.hpp"
#include "io/formats/sgpb.hpp"
#include "io/render/dot.hpp"
#include "io/render/renderer.hpp"
#include "tests/cli/run.hpp"
#include "tests/support/data.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::io {
namespace {

using graph::Graph;
using graph::Kind;
using graph::NodeIndex;
using graph::Relation;

constexpr const char* kXlink = "http://www.w3.org/1999/xlink";

// Names and evidence with everything that escaping can get wrong.
Graph tricky_graph() {
  Graph g = test_support::story_graph();
  const auto art =
      g.add_article({.id = "tricky", .title = "T\\N \"x\" & <y> \xC3\xA9", .date = 20200301});
  const auto a = g.add_node("Back\\slash \\N \\n & <tag> \"q\" \xE2\x82\xAC", Kind::kAgency);
  const auto b = g.add_node("AT&amp;T ends\\", Kind::kOperator);
  graph::Evidence ev;
  ev.article = art;
  ev.text = "He said \"\\N\" & \\l <b>bold</b> &lt; \xE4\xB8\xAD\xE6\x96\x87 end\\";
  ev.speaker = "Ren \\ Zhengfei";
  g.add_evidence(g.add_edge(a, b, Relation::kThreaten), ev);
  g.add_evidence(g.add_edge(b, *g.find_node("Huawei"), Relation::kCooperate), ev);
  return g;
}

struct XmlDoc {
  xmlDocPtr doc = nullptr;
  explicit XmlDoc(const std::string& text)
      : doc(xmlReadMemory(text.data(), static_cast<int>(text.size()), "drawing.svg", nullptr,
                          XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)) {}
  ~XmlDoc() { xmlFreeDoc(doc); }
  XmlDoc(const XmlDoc&) = delete;
  XmlDoc& operator=(const XmlDoc&) = delete;
};

std::string prop(xmlNodePtr n, const char* name, const char* ns = nullptr) {
  xmlChar* v = ns ? xmlGetNsProp(n, BAD_CAST name, BAD_CAST ns) : xmlGetProp(n, BAD_CAST name);
  if (v == nullptr) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

bool named(xmlNodePtr n, const char* name) {
  return n->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

void collect_groups(xmlNodePtr n, const std::string& cls, std::vector<xmlNodePtr>& out) {
  for (; n != nullptr; n = n->next) {
    if (named(n, "g") && prop(n, "class") == cls) out.push_back(n);
    collect_groups(n->children, cls, out);
  }
}

xmlNodePtr first_descendant(xmlNodePtr n, const char* name) {
  for (xmlNodePtr c = n->children; c != nullptr; c = c->next) {
    if (named(c, name)) return c;
    if (xmlNodePtr d = first_descendant(c, name)) return d;
  }
  return nullptr;
}

std::string all_text(xmlNodePtr n, const char* element) {
  std::string s;
  for (xmlNodePtr c = n->children; c != nullptr; c = c->next) {
    if (named(c, element)) {
      xmlChar* t = xmlNodeGetContent(c);
      s += reinterpret_cast<const char*>(t);
      xmlFree(t);
    } else {
      s += all_text(c, element);
    }
  }
  return s;
}

struct Svg {
  std::vector<xmlNodePtr> nodes, edges, clusters;
  std::string text;  // every <text> of the drawing
};

Svg read_svg(const XmlDoc& x) {
  Svg s;
  xmlNodePtr root = xmlDocGetRootElement(x.doc);
  collect_groups(root, "node", s.nodes);
  collect_groups(root, "edge", s.edges);
  collect_groups(root, "cluster", s.clusters);
  s.text = all_text(root, "text");
  return s;
}

TEST(RenderSvg, OneNodeGroupPerNodeWithStableIdsAndExactTooltips) {
  for (const Graph& g : {test_support::story_graph(), tricky_graph()}) {
    Renderer r;
    const std::string svg = r.render(g, ImageFormat::kSvg);
    XmlDoc x(svg);
    ASSERT_NE(x.doc, nullptr) << "SVG does not parse as XML";
    const Svg s = read_svg(x);
    ASSERT_EQ(s.nodes.size(), g.node_count());  // the legend adds no node group
    ASSERT_EQ(s.edges.size(), g.edge_count());
    std::map<std::string, xmlNodePtr> by_id;
    for (xmlNodePtr n : s.nodes) by_id[prop(n, "id")] = n;
    for (NodeIndex v = 0; v < g.node_count(); ++v) {
      const std::string id = "node-" + g.node(v).id;
      ASSERT_TRUE(by_id.contains(id)) << id;
      xmlNodePtr a = first_descendant(by_id[id], "a");
      ASSERT_NE(a, nullptr) << id;
      EXPECT_EQ(prop(a, "title", kXlink), node_tooltip(g, v)) << id;
      EXPECT_EQ(all_text(by_id[id], "text"), g.node(v).name) << id;
    }
    std::map<std::string, xmlNodePtr> edge_by_id;
    for (xmlNodePtr e : s.edges) edge_by_id[prop(e, "id")] = e;
    for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
      const std::string id = "edge-" + g.node(g.source(*it)).id + "-" +
                             std::string(graph::relation_name(g.edge(*it).relation)) + "-" +
                             g.node(g.target(*it)).id;
      ASSERT_TRUE(edge_by_id.contains(id)) << id;
      xmlNodePtr a = first_descendant(edge_by_id[id], "a");
      ASSERT_NE(a, nullptr) << id;
      EXPECT_EQ(prop(a, "title", kXlink), edge_tooltip(g, *it)) << id;
    }
  }
}

TEST(RenderSvg, EmptyGraphIsAValidDrawing) {
  Renderer r;
  XmlDoc x(r.render(Graph{}, ImageFormat::kSvg));
  ASSERT_NE(x.doc, nullptr);
  EXPECT_TRUE(read_svg(x).nodes.empty());
  EXPECT_EQ(r.render(Graph{}, ImageFormat::kPng).substr(1, 3), "PNG");
}

TEST(RenderSvg, LegendShowsKindsAndEdgeStylesAsText) {
  Renderer r;
  RenderOptions o;
  o.draw.title = "Seed story <&> \\N \"q\"";
  XmlDoc x(r.render(test_support::story_graph(), ImageFormat::kSvg, o));
  ASSERT_NE(x.doc, nullptr);
  const Svg s = read_svg(x);
  for (const char* t :
       {"Seed story <&> \\N \"q\"", "government (house)", "vendor (box)", "operator (hexagon)",
        "media (note)", "person (oval)", "allegation (parallelogram)", "cooperative", "conflictual",
        "neutral tie", "all evidence hedged"})
    EXPECT_NE(s.text.find(t), std::string::npos) << t;
  EXPECT_EQ(s.text.find("agency"), std::string::npos);  // no agency in the story
}

TEST(RenderSvg, ClustersAreBoxes) {
  Graph g = test_support::story_graph();
  RenderOptions o;
  o.draw.cluster_of.assign(g.node_count(), -1);
  // Two clusters of two and more nodes, one of a single node (no box).
  o.draw.cluster_of[*g.find_node("United States")] = 1;
  o.draw.cluster_of[*g.find_node("Germany")] = 1;
  o.draw.cluster_of[*g.find_node("BT")] = 2;
  o.draw.cluster_of[*g.find_node("EE")] = 2;
  o.draw.cluster_of[*g.find_node("Three")] = 2;
  o.draw.cluster_of[*g.find_node("Huawei")] = 3;
  o.draw.cluster_labels[1] = "western camp";
  for (Layout l : {Layout::kDot, Layout::kFdp}) {
    o.layout = l;
    Renderer r;
    XmlDoc x(r.render(g, ImageFormat::kSvg, o));
    ASSERT_NE(x.doc, nullptr);
    const Svg s = read_svg(x);
    EXPECT_EQ(s.clusters.size(), 2u) << layout_name(l);
    EXPECT_EQ(s.nodes.size(), g.node_count());
    EXPECT_NE(s.text.find("western camp"), std::string::npos);
  }
  o.layout = Layout::kSfdp;
  Renderer r;
  EXPECT_THROW(r.render(g, ImageFormat::kSvg, o), graph::InvalidArgument);
}

TEST(RenderImages, PngAndPdfHaveTheirSignatures) {
  Renderer r;
  const Graph g = test_support::story_graph();
  const std::string png = r.render(g, ImageFormat::kPng);
  ASSERT_GT(png.size(), 10000u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  // IHDR: width and height, big-endian, at bytes 16..23.
  auto be32 = [&](std::size_t at) {
    return (static_cast<unsigned>(static_cast<unsigned char>(png[at])) << 24) |
           (static_cast<unsigned>(static_cast<unsigned char>(png[at + 1])) << 16) |
           (static_cast<unsigned>(static_cast<unsigned char>(png[at + 2])) << 8) |
           static_cast<unsigned>(static_cast<unsigned char>(png[at + 3]));
  };
  EXPECT_EQ(png.substr(12, 4), "IHDR");
  EXPECT_GT(be32(16), 200u);
  EXPECT_GT(be32(20), 200u);
  const std::string pdf = r.render(g, ImageFormat::kPdf);
  ASSERT_GT(pdf.size(), 5000u);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
}

unsigned png_dimension(const std::string& png, std::size_t at) {
  unsigned v = 0;
  for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(png[at + i]);
  return v;
}

TEST(RenderImages, BigPngIsScaledDownToTheLimit) {
  // A chain of 80 nodes drawn left to right: about 13,000 pixels wide at 96 dpi, few high.
  Graph g;
  for (int i = 0; i < 80; ++i) g.add_node("chain node " + std::to_string(i), Kind::kVendor);
  for (NodeIndex v = 0; v + 1 < 80; ++v) g.add_edge(v, v + 1, Relation::kSupplies);
  Renderer r;
  const std::string png = r.render(g, ImageFormat::kPng);
  ASSERT_EQ(png.substr(1, 3), "PNG");
  const unsigned w = png_dimension(png, 16), h = png_dimension(png, 20);
  EXPECT_LE(std::max(w, h), static_cast<unsigned>(kMaxPngPixels) + 2) << w << "x" << h;
  EXPECT_GE(std::max(w, h), static_cast<unsigned>(kMaxPngPixels) / 2) << w << "x" << h;
}

TEST(RenderImages, GraphvizHasTheNeededPlugins) {
  Renderer r;
  const auto formats = r.available_formats();
  for (const char* f : {"svg", "png", "pdf", "dot"})
    EXPECT_NE(std::find(formats.begin(), formats.end(), f), formats.end()) << f;
}

// Two boxes overlap when their interiors intersect (touching edges is allowed).
bool overlap(const NodeBox& a, const NodeBox& b) {
  constexpr double kSlack = 0.5;  // points: rounding in Graphviz
  return std::abs(a.x - b.x) * 2 < a.width + b.width - 2 * kSlack &&
         std::abs(a.y - b.y) * 2 < a.height + b.height - 2 * kSlack;
}

void expect_no_overlap(const Graph& g, const RenderOptions& o, const std::string& what) {
  Renderer r;
  const auto boxes = r.layout_boxes(g, o);
  ASSERT_EQ(boxes.size(), g.node_count()) << what;
  for (const auto& b : boxes) {
    EXPECT_GT(b.width, 0) << what << " " << b.id;
    EXPECT_GT(b.height, 0) << what << " " << b.id;
  }
  for (std::size_t i = 0; i < boxes.size(); ++i)
    for (std::size_t j = i + 1; j < boxes.size(); ++j)
      EXPECT_FALSE(overlap(boxes[i], boxes[j]))
          << what << ": " << boxes[i].id << " at (" << boxes[i].x << "," << boxes[i].y << ") "
          << boxes[i].width << "x" << boxes[i].height << " overlaps " << boxes[j].id << " at ("
          << boxes[j].x << "," << boxes[j].y << ") " << boxes[j].width << "x" << boxes[j].height;
}

TEST(RenderLayout, NoTwoNodeBoxesOverlapOnTheStoryGraph) {
  for (Layout l : {Layout::kDot, Layout::kNeato, Layout::kFdp, Layout::kSfdp, Layout::kCirco}) {
    RenderOptions o;
    o.layout = l;
    expect_no_overlap(test_support::story_graph(), o, std::string(layout_name(l)));
  }
}

// The seed story as the README's main command draws it: the graph extracted from the seed
// article with the shipped lexicon, camps as cluster boxes, the automatic engine (dot for
// clusters) and a title; and the same for the whole samples graph.
void expect_no_overlap_with_camps(const Graph& g, const std::string& what) {
  RenderOptions o;
  const auto membership = graph::camps(graph::build_signed(g)).membership;
  o.draw.cluster_of.assign(membership.begin(), membership.end());
  for (std::uint32_t c : membership)
    o.draw.cluster_labels.emplace(static_cast<int>(c), "camp " + std::to_string(c + 1));
  o.draw.title = "Huawei and its stakeholders";
  ASSERT_GT(std::set<std::uint32_t>(membership.begin(), membership.end()).size(), 1u) << what;
  expect_no_overlap(g, o, what);
}

TEST(RenderLayout, NoTwoNodeBoxesOverlapOnTheSeedGraph) {
  const std::string seed =
      std::string(STAKEGRAPH_SOURCE_DIR) + "/samples/articles/seed-huawei-allies.txt";
  const auto lexicon = Lexicon::load();
  Extractor extractor(lexicon);
  Graph g;
  for_each_article(seed, [&](ArticleText& a) { extractor.extract(a, g); });
  ASSERT_GE(g.node_count(), 10u) << "the seed article should give a real story graph";
  expect_no_overlap_with_camps(g, "seed article, camps");
  const std::string samples = std::string(STAKEGRAPH_SOURCE_DIR) + "/samples/stakeholders.sgpb";
  const Graph all = load_sgpb(samples);
  expect_no_overlap_with_camps(all, "samples/stakeholders.sgpb, camps");
  // The README's diagram: the ego network of Huawei, depth 2.
  const auto huawei = all.find_node("Huawei");
  ASSERT_TRUE(huawei.has_value());
  expect_no_overlap_with_camps(graph::ego_network(all, *huawei, {.depth = 2}),
                               "samples/stakeholders.sgpb, focus Huawei depth 2, camps");
}

TEST(RenderLayout, NoTwoNodeBoxesOverlapOnARandomGraph) {
  const Graph g = test_support::random_graph(80, 160, 3);
  for (Layout l : {Layout::kDot, Layout::kSfdp}) {
    RenderOptions o;
    o.layout = l;
    expect_no_overlap(g, o, "random " + std::string(layout_name(l)));
  }
}

TEST(RenderLayout, AutomaticEngineAndLimits) {
  RenderOptions o;
  EXPECT_EQ(choose_layout(kAutoSfdpAbove, 10, o), Layout::kDot);
  EXPECT_EQ(choose_layout(kAutoSfdpAbove + 1, 10, o), Layout::kSfdp);
  // Few nodes tied by many edges (the hubs of a news graph): dot would take minutes.
  EXPECT_EQ(choose_layout(100, kAutoSfdpAboveEdges, o), Layout::kDot);
  EXPECT_EQ(choose_layout(100, kAutoSfdpAboveEdges + 1, o), Layout::kSfdp);
  o.draw.cluster_of = {0};
  EXPECT_EQ(choose_layout(kAutoSfdpAbove, 10, o), Layout::kDot);
  EXPECT_EQ(choose_layout(kAutoSfdpAbove + 1, 10, o), Layout::kFdp);
  EXPECT_EQ(choose_layout(100, kAutoSfdpAboveEdges + 1, o), Layout::kFdp);
  for (Layout l : {Layout::kNeato, Layout::kSfdp, Layout::kCirco}) {
    o.layout = l;
    EXPECT_THROW(choose_layout(10, 10, o), graph::InvalidArgument) << layout_name(l);
  }
  o.layout = Layout::kFdp;
  EXPECT_EQ(choose_layout(10, 10, o), Layout::kFdp);
  o = {};
  o.layout = Layout::kDot;
  EXPECT_EQ(choose_layout(5000, 50000, o), Layout::kDot);  // an explicit engine is kept

  EXPECT_EQ(parse_layout("SFDP"), Layout::kSfdp);
  EXPECT_FALSE(parse_layout("twopi"));
  EXPECT_EQ(image_format_from_path("a/b.SVG"), ImageFormat::kSvg);
  EXPECT_EQ(image_format_from_path("x.gv"), ImageFormat::kDot);
  EXPECT_FALSE(image_format_from_path("x.jpg"));
  EXPECT_FALSE(image_format_from_path("noext"));
}

TEST(RenderLayout, RefusesTooManyDrawnEdges) {
  // Drawn edges are counted after merging: 60 nodes, 400 edges; a limit of 100.
  const Graph g = test_support::random_graph(60, 400, 9, false);
  Renderer r;
  RenderOptions o;
  o.max_edges = 100;
  o.merge_parallel = true;
  try {
    r.render(g, ImageFormat::kDot, o);
    FAIL() << "no error";
  } catch (const graph::InvalidArgument& e) {
    EXPECT_NE(std::string(e.what()).find("edges (the limit is 100)"), std::string::npos)
        << e.what();
  }
  o.max_edges = 0;
  EXPECT_NO_THROW(r.render(g, ImageFormat::kDot, o));
}

TEST(RenderLayout, RefusesHugeDrawingsUnlessNarrowed) {
  const Graph g = test_support::random_graph(kMaxRenderNodes + 1, kMaxRenderNodes, 5, false);
  Renderer r;
  try {
    r.render(g, ImageFormat::kSvg);
    FAIL() << "no error";
  } catch (const graph::InvalidArgument& e) {
    EXPECT_NE(std::string(e.what()).find("refusing to draw 2001 nodes"), std::string::npos)
        << e.what();
  }
  RenderOptions o;
  for (NodeIndex v = 0; v < g.node_count(); ++v) o.ranking.push_back(g.node_count() - 1 - v);
  o.top = 40;
  XmlDoc x(r.render(g, ImageFormat::kSvg, o));
  ASSERT_NE(x.doc, nullptr);
  const Svg s = read_svg(x);
  ASSERT_EQ(s.nodes.size(), 40u);
  // The first 40 of the ranking are the 40 last nodes.
  for (xmlNodePtr n : s.nodes) {
    const std::string id = prop(n, "id").substr(5);
    const auto v = g.find_by_id(id);
    ASSERT_TRUE(v) << id;
    EXPECT_GE(*v, g.node_count() - 40);
  }
}

// Six nodes, every ordered pair tied by up to all relations of a list: far more edges than
// pairs, as among the hubs of a news graph.
Graph dense_multigraph(std::size_t relations_per_pair) {
  Graph g;
  std::vector<NodeIndex> v;
  for (const char* name : {"A", "B", "C", "D", "E", "F"})
    v.push_back(g.add_node(name, graph::Kind::kGovernment));
  const Relation rels[] = {Relation::kSanction, Relation::kAccuse,    Relation::kRequest,
                           Relation::kSupplies, Relation::kCooperate, Relation::kThreaten,
                           Relation::kReject,   Relation::kConsult};
  for (NodeIndex a : v)
    for (NodeIndex b : v)
      if (a != b)
        for (std::size_t r = 0; r < relations_per_pair && r < std::size(rels); ++r)
          g.add_edge(a, b, rels[(a + b + r) % std::size(rels)]);
  return g;
}

TEST(RenderSelection, ParallelEdgesMergedAboveTheAutomaticLimitOrWhenAsked) {
  const Graph few = dense_multigraph(2);   // 60 edges, 30 ordered pairs
  const Graph many = dense_multigraph(8);  // 240 edges
  ASSERT_EQ(few.edge_count(), 60u);
  RenderOptions o;
  EXPECT_FALSE(select_for_drawing(few, o).draw.merge_parallel);
  o.merge_parallel = true;
  EXPECT_TRUE(select_for_drawing(few, o).draw.merge_parallel);
  o.merge_parallel = false;
  o.draw.merge_parallel = true;
  EXPECT_FALSE(select_for_drawing(few, o).draw.merge_parallel);  // the explicit choice wins
  o = {};
  o.draw.merge_parallel = true;
  EXPECT_TRUE(select_for_drawing(few, o).draw.merge_parallel);

  // Above kAutoMergeAbove edges: merged by default, also after a top selection.
  Graph big = dense_multigraph(8);
  for (int i = 0; big.edge_count() <= kAutoMergeAbove; ++i)
    big.add_edge(big.add_node("X" + std::to_string(i), graph::Kind::kPerson), 0,
                 Relation::kReports);
  o = {};
  EXPECT_TRUE(select_for_drawing(big, o).draw.merge_parallel);
  o.ranking = {0, 1, 2, 3, 4, 5};
  o.top = 6;
  const Selection top = select_for_drawing(big, o);
  ASSERT_EQ(top.graph->edge_count(), many.edge_count());
  EXPECT_FALSE(top.draw.merge_parallel);  // 240 edges drawn: under the limit

  // Drawn: one edge per ordered pair, and the SVG has exactly as many edges.
  Renderer r;
  o = {};
  o.merge_parallel = true;
  XmlDoc x(r.render(many, ImageFormat::kSvg, o));
  ASSERT_NE(x.doc, nullptr);
  EXPECT_EQ(read_svg(x).edges.size(), 30u);
  EXPECT_EQ(drawn_edge_count(many, true), 30u);
  EXPECT_EQ(drawn_edge_count(many, false), 240u);
}

TEST(RenderSelection, TopRemapsClustersAndHighlights) {
  const Graph g = test_support::story_graph();
  const auto us = *g.find_node("United States"), hw = *g.find_node("Huawei"),
             bt = *g.find_node("BT");
  RenderOptions o;
  o.ranking = {hw, us, bt};
  o.top = 2;
  o.draw.cluster_of.assign(g.node_count(), 7);
  o.draw.highlighted_nodes = {us, bt};
  o.draw.highlighted_edges = {*g.find_edge(us, hw, Relation::kSanction),
                              *g.find_edge(hw, bt, Relation::kSupplies)};
  o.draw.focus = bt;
  const Selection s = select_for_drawing(g, o);
  ASSERT_EQ(s.graph->node_count(), 2u);
  EXPECT_EQ(s.draw.cluster_of, (std::vector<int>{7, 7}));
  ASSERT_EQ(s.draw.highlighted_nodes.size(), 1u);
  EXPECT_EQ(s.graph->node(s.draw.highlighted_nodes[0]).name, "United States");
  ASSERT_EQ(s.draw.highlighted_edges.size(), 1u);
  EXPECT_EQ(s.graph->edge(s.draw.highlighted_edges[0]).relation, Relation::kSanction);
  EXPECT_FALSE(s.draw.focus);
}

TEST(RenderFile, WritesAtomicallyAndChecksTheExtension) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("sg_render_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  Renderer r;
  const Graph g = test_support::story_graph();
  for (const char* name : {"a.svg", "a.png", "a.pdf", "a.dot"}) {
    r.render_to_file(g, (dir / name).string());
    EXPECT_GT(std::filesystem::file_size(dir / name), 500u) << name;
  }
  EXPECT_THROW(r.render_to_file(g, (dir / "a.jpg").string()), graph::InvalidArgument);
  EXPECT_THROW(r.render_to_file(g, (dir / "missing" / "a.svg").string()), graph::Error);
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    ++files;
    EXPECT_NE(e.path().filename().string()[0], '.') << e.path();  // a temporary file
  }
  EXPECT_EQ(files, 4u);
  std::filesystem::remove_all(dir);
}

TEST(RenderThreads, ConcurrentCallersGetTheSameDrawing) {
  const Graph g = test_support::story_graph();
  Renderer reference;
  const std::string expected = reference.render(g, ImageFormat::kSvg);
  std::atomic<int> same{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      Renderer r;  // one context per caller; all Graphviz work runs on one thread
      for (int i = 0; i < 3; ++i)
        if (r.render(g, ImageFormat::kSvg) == expected) ++same;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(same.load(), 12);
}

// Graphviz 2.42's old dot ranking fails on the camps of the bundled sample graph when the
// cluster members are created first ("trouble in init_rank"), and gvLayout still returns 0;
// freeing that layout frees memory twice. The renderer must report the error (read from
// agerrors), not free the broken layout, and keep working for the next drawing.
// io/render/dot.cpp sets newrank, which avoids the failure; the test removes it. Run in a
// child process (a death test) that ends with _Exit: the broken layout is leaked on purpose
// and LeakSanitizer must not count it; in an ASan build a double free in the child fails the test.
int failed_layout_scenario() {
  const Graph g =
      load_graph(std::string(STAKEGRAPH_TEST_DATA_DIR) + "/render/init_rank_failure.sgpb");
  DrawOptions draw;
  const auto camps = graph::camps(graph::build_signed(g)).membership;
  draw.cluster_of.assign(camps.begin(), camps.end());
  draw.layout = "dot";
  const DotDocument doc = make_dot_document(g, draw);
  // The same drawing with the old ranking and the nodes created cluster by cluster.
  DotDocument old = doc;
  std::erase_if(old.graph_attrs, [](const DotAttr& a) { return a.name == "newrank"; });
  std::vector<std::size_t> order(doc.nodes.size()), position(doc.nodes.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  auto box = [&](std::size_t i) {
    return doc.nodes[i].cluster < 0 ? 1 << 30 : doc.nodes[i].cluster;
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return box(a) < box(b); });
  old.nodes.clear();
  for (std::size_t i = 0; i < order.size(); ++i) {
    position[order[i]] = i;
    old.nodes.push_back(doc.nodes[order[i]]);
  }
  for (DotEdge& e : old.edges) {
    e.tail = position[e.tail];
    e.head = position[e.head];
  }
  Renderer r;
  try {
    r.render_document(old, Layout::kDot, ImageFormat::kSvg);
    std::fprintf(stderr, "no error: has Graphviz changed?\n");
    return 10;
  } catch (const graph::Error& e) {
    const std::string what = e.what();
    if (what.find("layout with dot failed: Error: trouble in init_rank") == std::string::npos) {
      std::fprintf(stderr, "unexpected message: %s\n", e.what());
      return 11;
    }
    if (what.find('\n') != std::string::npos) return 12;  // one line
  }
  // The renderer goes on: the drawing with newrank, and another graph.
  XmlDoc x(r.render_document(doc, Layout::kDot, ImageFormat::kSvg));
  if (x.doc == nullptr || read_svg(x).nodes.size() != g.node_count()) return 13;
  XmlDoc y(r.render(test_support::story_graph(), ImageFormat::kSvg));
  if (y.doc == nullptr || read_svg(y).nodes.size() != test_support::story_graph().node_count())
    return 14;
  std::fprintf(stderr, "scenario complete\n");
  return 0;
}

TEST(RenderErrors, AFailedLayoutIsAnErrorAndTheRendererGoesOn) {
  STAKEGRAPH_NEED_FILE(std::string(STAKEGRAPH_TEST_DATA_DIR) + "/render/init_rank_failure.sgpb");
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(std::_Exit(failed_layout_scenario()), ::testing::ExitedWithCode(0),
              "scenario complete");
}

// ---- the `stakegraph render` command ----

class RenderCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("sg_render_cli_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    graph_ = (dir_ / "story.sgpb").string();
    save_sgpb(test_support::story_graph(), graph_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string out(const std::string& name) const { return (dir_ / name).string(); }

  std::filesystem::path dir_;
  std::string graph_;
};

TEST_F(RenderCli, DrawsEveryFormat) {
  for (const char* name : {"s.svg", "s.png", "s.pdf", "s.dot"}) {
    const auto r = test_support::run_stakegraph("render " + graph_ + " -o " + out(name));
    EXPECT_EQ(r.status, 0) << name << ": " << r.err;
    EXPECT_TRUE(std::filesystem::exists(out(name))) << name;
  }
  const std::string dot = test_support::slurp(out("s.dot"));
  EXPECT_EQ(dot.rfind("digraph stakegraph {", 0), 0u) << dot.substr(0, 80);
}

TEST_F(RenderCli, UsageErrorsAreOneLineWithExitTwo) {
  struct Case {
    std::string args;
    int status;
    std::string says;
  };
  const std::vector<Case> cases = {
      {"render " + graph_ + " -o " + out("x.svg") + " --layout twopi", 2, "twopi"},
      {"render " + graph_ + " -o " + out("x.jpg"), 2, ".svg, .png, .pdf or .dot"},
      {"render " + graph_ + " -o " + out("x.svg") + " --focus Huawie", 1, "Huawei"},
      {"render " + out("missing.sgpb") + " -o " + out("x.svg"), 1, "missing.sgpb"},
      {"render " + graph_ + " -o " + out("x.svg") + " --kind planet", 2, "planet"},
      {"render " + graph_ + " -o " + out("x.svg") + " --clusters camps --layout sfdp", 2,
       "dot or fdp"},
      {"render " + graph_ + " -o " + out("x.svg") + " --clusters stars", 2, "stars"},
      {"render " + graph_ + " -o " + out("x.svg") + " --top 3 --by fame", 2, "fame"},
      {"render " + graph_ + " -o " + out("x.svg") + " --parallel-edges some", 2, "some"},
  };
  for (const auto& c : cases) {
    const auto r = test_support::run_stakegraph(c.args);
    EXPECT_EQ(r.status, c.status) << c.args << "\n" << r.err;
    EXPECT_EQ(test_support::count_lines(r.err), 1u) << c.args << "\n" << r.err;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << c.args << "\n" << r.err;
    EXPECT_FALSE(std::filesystem::exists(out("x.svg"))) << c.args;
  }
}

TEST_F(RenderCli, RefusesHugeGraphsAndSuggestsTopOrFocus) {
  const std::string big = out("big.sgpb");
  save_sgpb(test_support::random_graph(kMaxRenderNodes + 10, 3000, 1, false), big);
  const auto r = test_support::run_stakegraph("render " + big + " -o " + out("big.svg"));
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(test_support::count_lines(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find("--top"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--focus"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out("big.svg")));
}

// Issue 13: 2,000 nodes tied by 100,000 distinct pairs (merging parallel edges does not
// help) ran in sfdp for over 300 s. More than kMaxRenderEdges drawn edges is a usage error
// with the same advice, given before any layout; with --top it draws.
TEST_F(RenderCli, RefusesTooManyDrawnEdgesAndSuggestsTopOrFocus) {
  const std::string big = out("dense.sgpb");
  save_sgpb(test_support::random_graph(kMaxRenderNodes, 100000, 3, false), big);
  auto r = test_support::run_stakegraph("render " + big + " -o " + out("dense.svg"), "", "", 120);
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_EQ(test_support::count_lines(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find("edges are too many to draw (limit 10000, parallel edges merged)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("--top"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--focus"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out("dense.svg")));
  r = test_support::run_stakegraph("render " + big + " -o " + out("top.dot") + " --top 30");
  EXPECT_EQ(r.status, 0) << r.err;
}

TEST_F(RenderCli, FocusDrawsTheEgoNetwork) {
  const auto r = test_support::run_stakegraph("render " + graph_ + " -o " + out("f.svg") +
                                              " --focus BT --depth 1 --title 'BT and friends'");
  ASSERT_EQ(r.status, 0) << r.err;
  XmlDoc x(test_support::slurp(out("f.svg")));
  ASSERT_NE(x.doc, nullptr);
  const Svg s = read_svg(x);
  ASSERT_EQ(s.nodes.size(), 2u);  // BT and Huawei
  EXPECT_NE(s.text.find("BT and friends"), std::string::npos);
}

TEST_F(RenderCli, FiltersByKindRelationAndHedging) {
  const auto r = test_support::run_stakegraph("render " + graph_ + " -o " + out("k.svg") +
                                              " --kind vendor --kind operator --relation supplies");
  ASSERT_EQ(r.status, 0) << r.err;
  XmlDoc x(test_support::slurp(out("k.svg")));
  ASSERT_NE(x.doc, nullptr);
  const Svg s = read_svg(x);
  EXPECT_EQ(s.nodes.size(), 5u);
  EXPECT_EQ(s.edges.size(), 4u);

  const auto h =
      test_support::run_stakegraph("render " + graph_ + " -o " + out("h.svg") + " --no-hedged");
  ASSERT_EQ(h.status, 0) << h.err;
  XmlDoc y(test_support::slurp(out("h.svg")));
  ASSERT_NE(y.doc, nullptr);
  // The hedged REQUEST and reports edges are gone; edges without evidence stay.
  EXPECT_EQ(read_svg(y).edges.size(), test_support::story_graph().edge_count() - 2);
}

// Edge groups of an SVG drawn with `--path`: the highlighted ones have the highlight colour.
std::size_t highlighted_edges(const Svg& s) {
  std::size_t n = 0;
  for (xmlNodePtr e : s.edges) {
    xmlNodePtr path = first_descendant(e, "path");
    if (path != nullptr && prop(path, "stroke") == "#1f1f1f") ++n;
  }
  return n;
}

TEST_F(RenderCli, PathIsHighlightedAndTheRestFaded) {
  // The Wall Street Journal -reports-> United States -SANCTION-> Huawei -supplies-> BT
  const auto r = test_support::run_stakegraph("render " + graph_ + " -o " + out("p.svg") +
                                              " --path 'The Wall Street Journal' BT");
  ASSERT_EQ(r.status, 0) << r.err;
  XmlDoc x(test_support::slurp(out("p.svg")));
  ASSERT_NE(x.doc, nullptr);
  const Svg s = read_svg(x);
  EXPECT_EQ(s.nodes.size(), test_support::story_graph().node_count());
  EXPECT_EQ(highlighted_edges(s), 3u);
  std::size_t faded = 0;
  for (xmlNodePtr e : s.edges) {
    xmlNodePtr path = first_descendant(e, "path");
    if (path != nullptr && !prop(path, "stroke-opacity").empty()) ++faded;
  }
  EXPECT_EQ(faded, s.edges.size() - 3);

  // With --top the path's nodes are drawn even when they are not among the top N.
  const auto t = test_support::run_stakegraph("render " + graph_ + " -o " + out("t.svg") +
                                              " --top 1 --path 'The Wall Street Journal' BT");
  ASSERT_EQ(t.status, 0) << t.err;
  XmlDoc y(test_support::slurp(out("t.svg")));
  ASSERT_NE(y.doc, nullptr);
  const Svg ts = read_svg(y);
  EXPECT_EQ(ts.nodes.size(), 4u);  // the path's 4 nodes (Huawei, the top node, is one of them)
  EXPECT_EQ(highlighted_edges(ts), 3u);
}

TEST_F(RenderCli, PathErrors) {
  auto r = test_support::run_stakegraph("render " + graph_ + " -o " + out("x.svg") +
                                        " --path Huawie BT");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("did you mean"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Huawei"), std::string::npos) << r.err;
  r = test_support::run_stakegraph("render " + graph_ + " -o " + out("x.svg") +
                                   " --kind operator --path BT EE");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("no path between 'BT' and 'EE'"), std::string::npos) << r.err;
  EXPECT_EQ(test_support::count_lines(r.err), 1u) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out("x.svg")));
}

TEST_F(RenderCli, ClustersByEveryMethod) {
  for (const char* method : {"components", "louvain", "camps"}) {
    const auto r = test_support::run_stakegraph("render " + graph_ + " -o " + out("c.svg") +
                                                " --clusters " + method);
    ASSERT_EQ(r.status, 0) << method << ": " << r.err;
    XmlDoc x(test_support::slurp(out("c.svg")));
    ASSERT_NE(x.doc, nullptr) << method;
    const Svg s = read_svg(x);
    EXPECT_EQ(s.nodes.size(), test_support::story_graph().node_count()) << method;
    EXPECT_GE(s.clusters.size(), 1u) << method;
    if (std::string(method) == "components") {
      EXPECT_EQ(s.clusters.size(), 1u);  // the story graph is connected
    }
  }
}

TEST_F(RenderCli, ParallelEdgesMergedOnRequest) {
  const std::string dense = out("dense.sgpb");
  save_sgpb(dense_multigraph(2), dense);  // 60 relations between 30 ordered pairs
  auto edges_drawn = [&](const std::string& extra) -> std::size_t {
    const auto r = test_support::run_stakegraph("render " + dense + " -o " + out("p.svg") + extra);
    EXPECT_EQ(r.status, 0) << extra << ": " << r.err;
    XmlDoc x(test_support::slurp(out("p.svg")));
    return x.doc == nullptr ? 0 : read_svg(x).edges.size();
  };
  EXPECT_EQ(edges_drawn(""), 60u);  // under the automatic limit: one edge per relation
  EXPECT_EQ(edges_drawn(" --parallel-edges merge"), 30u);
  EXPECT_EQ(edges_drawn(" --parallel-edges separate"), 60u);
}

TEST_F(RenderCli, TopByEveryRanking) {
  for (const char* by : {"degree", "pagerank", "betweenness"}) {
    const auto r = test_support::run_stakegraph("render " + graph_ + " -o " + out("t.svg") +
                                                " --top 3 --by " + by);
    ASSERT_EQ(r.status, 0) << by << ": " << r.err;
    XmlDoc x(test_support::slurp(out("t.svg")));
    ASSERT_NE(x.doc, nullptr) << by;
    const Svg s = read_svg(x);
    ASSERT_EQ(s.nodes.size(), 3u) << by;
    std::set<std::string> ids;
    for (xmlNodePtr n : s.nodes) ids.insert(prop(n, "id"));
    EXPECT_TRUE(ids.contains("node-huawei")) << by;  // the hub ranks first by every measure
  }
}

}  // namespace
}  // namespace stakegraph::io
