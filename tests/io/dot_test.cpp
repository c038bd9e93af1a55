// DOT export (io/render/dot.hpp): golden files for small drawn graphs, the drawing rules, text
// escaping, and a round trip through Graphviz's own DOT parser.
//
// Golden files live in tests/io/golden/. To regenerate them after an intended change:
//   STAKEGRAPH_UPDATE_GOLDEN=1 build/tests/io_dot_test
// then review the diff (git diff tests/io/golden/).
#include <graphviz/cgraph.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include "graph/error.hpp"
#include "io/render/dot.hpp"
#include "io/render/renderer.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::io {
namespace {

using graph::Graph;
using graph::Kind;
using graph::NodeIndex;
using graph::Relation;

const std::filesystem::path kGoldenDir =
    std::filesystem::path(STAKEGRAPH_SOURCE_DIR) / "tests" / "io" / "golden";

std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Compares `actual` with the golden file exactly (or rewrites it when
// STAKEGRAPH_UPDATE_GOLDEN is set); reports the first differing line.
void expect_golden(const std::string& name, const std::string& actual) {
  const auto path = kGoldenDir / name;
  if (std::getenv("STAKEGRAPH_UPDATE_GOLDEN") != nullptr) {
    std::filesystem::create_directories(kGoldenDir);
    std::ofstream(path, std::ios::binary) << actual;
    GTEST_SKIP() << "rewrote " << path;
  }
  ASSERT_TRUE(std::filesystem::exists(path))
      << path << " is missing: run with STAKEGRAPH_UPDATE_GOLDEN=1 to create it";
  const std::string expected = read_text(path);
  if (expected == actual) return;
  std::istringstream a(actual), e(expected);
  std::string la, le;
  for (int line = 1;; ++line) {
    const bool ga = static_cast<bool>(std::getline(a, la));
    const bool ge = static_cast<bool>(std::getline(e, le));
    if (!ga && !ge) break;
    if (la != le || ga != ge) {
      ADD_FAILURE() << name << ":" << line << " differs\n  expected: " << le
                    << "\n  actual:   " << la;
      return;
    }
  }
  ADD_FAILURE() << name << " differs (line endings?)";
}

std::string dot_of(const Graph& g, const DrawOptions& options = {}) {
  std::ostringstream out;
  write_dot(g, out, options);
  return out.str();
}

// Drawn:
//   Alpha (vendor) -supplies-> Beta (operator) -part_of-> Gamma (government)
//   Gamma -SANCTION-> Alpha        [hedged: the only evidence is hedged]
//   Delta (person) -part_of-> Gamma
//   Beta -allied_with- Delta       [3 evidence]
// Clusters: {Alpha, Beta} = 0 "camp A", {Gamma, Delta} = 1 (no caption). Path highlighted:
// Alpha -> Beta -> Gamma. Focus: Gamma.
struct Camps {
  Graph g;
  NodeIndex alpha, beta, gamma, delta;
  graph::EdgeRef ab, bg;
};

Camps camps_graph() {
  Camps c;
  Graph& g = c.g;
  const auto art = g.add_article({.id = "a1", .title = "Camps", .date = 20200102});
  c.alpha = g.add_node("Alpha", Kind::kVendor);
  c.beta = g.add_node("Beta", Kind::kOperator);
  c.gamma = g.add_node("Gamma", Kind::kGovernment);
  c.delta = g.add_node("Delta", Kind::kPerson);
  auto ev = [&](std::uint32_t i, bool hedged) {
    graph::Evidence e;
    e.article = art;
    e.sentence = i;
    e.start = i * 10;
    e.end = i * 10 + 5;
    e.text = "sentence " + std::to_string(i);
    e.hedged = hedged;
    return e;
  };
  c.ab = g.add_edge(c.alpha, c.beta, Relation::kSupplies);
  g.add_evidence(c.ab, ev(0, false));
  c.bg = g.add_edge(c.beta, c.gamma, Relation::kPartOf);
  g.add_evidence(g.add_edge(c.gamma, c.alpha, Relation::kSanction), ev(1, true));
  g.add_edge(c.delta, c.gamma, Relation::kPartOf);
  const auto bd = g.add_edge(c.beta, c.delta, Relation::kAlliedWith);
  for (std::uint32_t i = 2; i < 5; ++i) g.add_evidence(bd, ev(i, false));
  return c;
}

DrawOptions camps_options(const Camps& c) {
  DrawOptions o;
  o.title = "Camps & <friends> \"quoted\" \\ end";
  o.layout = "dot";
  o.cluster_of = {0, 0, 1, 1};
  o.cluster_labels = {{0, "camp A"}};
  o.highlighted_nodes = {c.alpha, c.beta, c.gamma};
  o.highlighted_edges = {c.ab, c.bg};
  o.focus = c.gamma;
  return o;
}

// Node ids that DOT treats specially (keywords, numbers, spaces, quotes) and names with
// every character that escString or XML could misread.
Graph awkward_graph() {
  Graph g;
  const auto a = g.add_node_with_id("node", "Name with \\N and \\n and \\l", Kind::kMedia);
  const auto b = g.add_node_with_id("graph", "Graph \"quoted\" ends with \\", Kind::kAgency);
  const auto c = g.add_node_with_id("a b", "AT&amp;T & <b>bold</b>", Kind::kAllegation);
  const auto d = g.add_node_with_id("-1.5", "Z\xC3\xBCrich \xE4\xBB\xBB", Kind::kUnspecified);
  const auto e = g.add_node_with_id("strict", "line one\nline two", Kind::kOrganization);
  g.add_alias(a, "alias \\\\ two");
  g.add_edge(a, b, Relation::kReports);
  g.add_edge(b, c, Relation::kAccuse);
  g.add_edge(c, d, Relation::kImplicates);
  g.add_edge(d, e, Relation::kLinkedTo);
  g.add_edge(e, a, Relation::kRelatedTo);
  return g;
}

TEST(DotGolden, StoryGraphPlain) {
  expect_golden("story.dot", dot_of(test_support::story_graph()));
}

TEST(DotGolden, CampsWithClustersPathFocusAndTitle) {
  const Camps c = camps_graph();
  expect_golden("camps.dot", dot_of(c.g, camps_options(c)));
}

TEST(DotGolden, AwkwardIdsAndNames) {
  DrawOptions o;
  o.legend = false;
  expect_golden("awkward.dot", dot_of(awkward_graph(), o));
}

TEST(DotGolden, EmptyGraph) { expect_golden("empty.dot", dot_of(Graph{})); }

TEST(DotText, EscapeLabelDoublesBackslashesAndEscapesAmpersands) {
  EXPECT_EQ(escape_label("plain"), "plain");
  EXPECT_EQ(escape_label("C:\\N"), "C:\\\\N");
  EXPECT_EQ(escape_label("a & b"), "a &amp; b");
  EXPECT_EQ(escape_label("&amp;"), "&amp;amp;");
  EXPECT_EQ(escape_label("one\ntwo\r\n"), "one\\ntwo\\n");
  EXPECT_EQ(escape_label("\"q\" <x>"), "\"q\" <x>");
  EXPECT_EQ(escape_label("\xE4\xBB\xBB"), "\xE4\xBB\xBB");
  EXPECT_EQ(escape_label("end\\"), "end\\\\");
}

TEST(DotText, EscapeTooltipQuadruplesBackslashes) {
  EXPECT_EQ(escape_tooltip("C:\\N & x\n"), "C:\\\\\\\\N &amp; x\\n");
}

TEST(DotText, EscapeHtml) {
  EXPECT_EQ(escape_html("a & <b> \"c\" \\"), "a &amp; &lt;b&gt; &quot;c&quot; \\");
}

TEST(DotText, EdgeTooltipListsEveryEvidenceWithTitleAndDate) {
  const Graph g = test_support::story_graph();
  const auto us = *g.find_node("United States");
  const auto hw = *g.find_node("Huawei");
  const auto e = *g.find_edge(us, hw, Relation::kSanction);
  EXPECT_EQ(edge_tooltip(g, e),
            "United States -SANCTION-> Huawei\n"
            "conflictual; 2 evidence\n"
            "\xE2\x80\xA2 \"Huawei has been frozen out of the US market.\" \xE2\x80\x94 "
            "US government 'urges' allies (2019-02-01)\n"
            "\xE2\x80\xA2 \"Washington \"banned\" C:\\ <Huawei> & co.\" \xE2\x80\x94 "
            "Ban \"widens\" \\ <&> (2019-05-15)");
  const auto de = *g.find_node("Germany");
  EXPECT_EQ(edge_tooltip(g, *g.find_edge(us, de, Relation::kRequest)),
            "United States -REQUEST-> Germany\n"
            "conflictual; 1 evidence (1 hedged)\n"
            "\xE2\x80\xA2 \"The US is reportedly urging \xE2\x80\x9C"
            "allies\xE2\x80\x9D.\" "
            "[hedged] \xE2\x80\x94 US government 'urges' allies (2019-02-01)");
  // Symmetric: stored once, the endpoint with the smaller index as source; no arrow.
  const auto ally = g.find_edge(us, de, Relation::kAlliedWith);
  ASSERT_TRUE(ally);
  EXPECT_EQ(edge_tooltip(g, *ally), "United States -allied_with- Germany\ncooperative; 0 evidence");
}

TEST(DotText, EdgeTooltipCutsLongEvidence) {
  Graph g;
  const auto a = g.add_node("A", Kind::kVendor), b = g.add_node("B", Kind::kVendor);
  const auto e = g.add_edge(a, b, Relation::kAccuse);
  for (std::uint32_t i = 0; i < kTooltipEvidence + 3; ++i) {
    graph::Evidence ev;
    ev.sentence = i;
    // 2-byte characters so that a cut in the middle of one would show.
    for (int k = 0; k < 400; ++k) ev.text += "\xC3\xA9";
    ev.text += std::to_string(i);
    g.add_evidence(e, ev);
  }
  const std::string t = edge_tooltip(g, e);
  EXPECT_NE(t.find("\xE2\x80\xA6 and 3 more"), std::string::npos);
  EXPECT_EQ(std::count(t.begin(), t.end(), '\n'), 2 + static_cast<long>(kTooltipEvidence));
  // Every sentence cut on a character boundary: no lone continuation byte before the ellipsis.
  EXPECT_EQ(t.find("\xC3\xE2"), std::string::npos);
  EXPECT_NE(t.find("(no article) (undated)"), std::string::npos);
}

TEST(DotText, NodeTooltipHasKindAliasesAndDegree) {
  const Graph g = test_support::story_graph();
  EXPECT_EQ(node_tooltip(g, *g.find_node("United States")),
            "United States\nkind: government\naliases: US; Washington\n"
            "degree: 4 (in 1, out 3)\nid: united-states");
  EXPECT_EQ(node_tooltip(g, *g.find_node("BT")),
            "BT\nkind: operator\naliases: (none)\ndegree: 1 (in 1, out 0)\nid: bt");
}

// Attribute `name` of a DotNode/DotEdge, "" when absent.
std::string attr(const std::vector<DotAttr>& attrs, const std::string& name) {
  for (const auto& a : attrs)
    if (a.name == name) return a.value;
  return "";
}

TEST(DotDocument, DrawingRulesHoldForEveryNodeAndEdge) {
  const Graph g = test_support::random_graph(60, 200, 7);
  const DotDocument doc = make_dot_document(g);
  ASSERT_EQ(doc.nodes.size(), g.node_count());
  ASSERT_EQ(doc.edges.size(), g.edge_count());
  for (NodeIndex v = 0; v < g.node_count(); ++v) {
    const auto& n = doc.nodes[v];
    const KindStyle& s = kind_style(g.node(v).kind);
    EXPECT_EQ(n.name, g.node(v).id);
    EXPECT_EQ(attr(n.attrs, "id"), "node-" + g.node(v).id);
    EXPECT_EQ(attr(n.attrs, "label"), escape_label(g.node(v).name));
    EXPECT_EQ(attr(n.attrs, "shape"), s.shape);
    EXPECT_EQ(attr(n.attrs, "fillcolor"), s.fillcolor);
    EXPECT_EQ(attr(n.attrs, "tooltip"), escape_tooltip(node_tooltip(g, v)));
  }
  std::size_t i = 0;
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it, ++i) {
    const auto& d = g.edge(*it);
    const auto& e = doc.edges[i];
    EXPECT_EQ(e.tail, g.source(*it));
    EXPECT_EQ(e.head, g.target(*it));
    EXPECT_EQ(attr(e.attrs, "label"), graph::relation_name(d.relation));
    EXPECT_EQ(attr(e.attrs, "color"), sign_color(d.sign));
    const bool hedged =
        !d.evidence.empty() && std::all_of(d.evidence.begin(), d.evidence.end(),
                                           [](const graph::Evidence& x) { return x.hedged; });
    EXPECT_EQ(attr(e.attrs, "style") == "dashed", hedged);
    EXPECT_EQ(attr(e.attrs, "dir") == "none", graph::is_symmetric(d.relation));
    EXPECT_EQ(attr(e.attrs, "tooltip"), escape_tooltip(edge_tooltip(g, *it)));
  }
}

TEST(DotDocument, StylesAreDistinctPerKindAndPenwidthGrows) {
  std::set<std::pair<std::string_view, std::string_view>> seen;
  for (Kind k : graph::all_kinds()) {
    const KindStyle& s = kind_style(k);
    EXPECT_TRUE(seen.insert({s.shape, s.fillcolor}).second) << graph::kind_name(k);
  }
  EXPECT_NE(sign_color(1), sign_color(-1));
  EXPECT_NE(sign_color(1), sign_color(0));
  EXPECT_NE(sign_color(-1), sign_color(0));
  EXPECT_DOUBLE_EQ(edge_penwidth(0), 1.0);
  for (std::size_t n = 0; n < 20; ++n) EXPECT_LT(edge_penwidth(n), edge_penwidth(n + 1));
  EXPECT_LE(edge_penwidth(100000), 6.0);
}

TEST(DotDocument, LegendNamesOnlyTheKindsAndStylesPresent) {
  const Camps c = camps_graph();
  DrawOptions o;
  const DotDocument doc = make_dot_document(c.g, o);
  const std::string legend = attr(doc.graph_attrs, "label");
  for (const char* present : {"vendor", "operator", "government", "person", "cooperative",
                              "conflictual", "all evidence hedged", "more evidence"})
    EXPECT_NE(legend.find(present), std::string::npos) << present;
  for (const char* absent : {"media", "agency", "allegation", "neutral", "highlighted"})
    EXPECT_EQ(legend.find(absent), std::string::npos) << absent;
  EXPECT_EQ(doc.nodes.size(), c.g.node_count());  // the legend adds no node

  o.legend = false;
  EXPECT_EQ(attr(make_dot_document(c.g, o).graph_attrs, "label"), "");
}

TEST(DotDocument, BigDotDrawingsPutRelationLabelsOutside) {
  DrawOptions o;
  o.layout = "dot";
  const Graph small = test_support::random_graph(50, kDotInlineLabelEdges, 2);
  ASSERT_LE(small.edge_count(), kDotInlineLabelEdges);
  DotDocument doc = make_dot_document(small, o);
  EXPECT_NE(attr(doc.edges[0].attrs, "label"), "");
  EXPECT_EQ(attr(doc.edges[0].attrs, "xlabel"), "");
  EXPECT_EQ(attr(doc.graph_attrs, "nslimit"), "");

  const Graph big = test_support::random_graph(100, kDotInlineLabelEdges + 50, 2);
  ASSERT_GT(big.edge_count(), kDotInlineLabelEdges);
  doc = make_dot_document(big, o);
  for (const DotEdge& e : doc.edges) {
    EXPECT_EQ(attr(e.attrs, "label"), "");
    EXPECT_NE(attr(e.attrs, "xlabel"), "");
  }
  EXPECT_EQ(attr(doc.graph_attrs, "nslimit"), "2");
  o.layout = "sfdp";  // only dot ranks labels
  EXPECT_NE(attr(make_dot_document(big, o).edges[0].attrs, "label"), "");
}

// Drawn, with merge_parallel:
//   A -SANCTION, ACCUSE-> B     (3 evidence, 2 of them hedged: one edge, red)
//   A -supplies-> C             (one relation: drawn as without merging)
//   B -SANCTION, supplies-> C   (signs differ: purple)
//   A -REQUEST, THREATEN, REJECT +2-> D   (all evidence hedged: dashed)
//   C -allied_with, linked_to- D          (both symmetric: no arrowhead)
TEST(DotDocument, MergedParallelEdges) {
  Graph g;
  const NodeIndex a = g.add_node("A", Kind::kGovernment), b = g.add_node("B", Kind::kVendor),
                  c = g.add_node("C", Kind::kOperator), d = g.add_node("D", Kind::kGovernment);
  const auto art = g.add_article({.id = "art", .title = "Story", .date = 20200102});
  auto say = [&](graph::EdgeRef e, std::string text, bool hedged) {
    graph::Evidence ev;
    ev.article = art;
    ev.end = static_cast<std::uint32_t>(text.size());
    ev.text = std::move(text);
    ev.hedged = hedged;
    g.add_evidence(e, ev);
  };
  const auto sanction = g.add_edge(a, b, Relation::kSanction);
  say(sanction, "A banned B.", false);
  say(sanction, "A may ban B.", true);
  say(g.add_edge(a, b, Relation::kAccuse), "A reportedly accused B.", true);
  g.add_edge(a, c, Relation::kSupplies);
  g.add_edge(b, c, Relation::kSanction);
  g.add_edge(b, c, Relation::kSupplies);
  for (Relation r : {Relation::kRequest, Relation::kThreaten, Relation::kReject, Relation::kProtest,
                     Relation::kAccuse})
    say(g.add_edge(a, d, r), "A allegedly did something to D.", true);
  g.add_edge(c, d, Relation::kAlliedWith);
  g.add_edge(c, d, Relation::kLinkedTo);
  ASSERT_EQ(g.edge_count(), 12u);

  DrawOptions o;
  const DotDocument separate = make_dot_document(g, o);
  EXPECT_EQ(separate.edges.size(), 12u);
  o.merge_parallel = true;
  const DotDocument doc = make_dot_document(g, o);
  ASSERT_EQ(doc.edges.size(), 5u);
  EXPECT_EQ(drawn_edge_count(g, true), 5u);
  std::map<std::pair<NodeIndex, NodeIndex>, const DotEdge*> by_pair;
  for (const DotEdge& e : doc.edges) by_pair[{e.tail, e.head}] = &e;
  ASSERT_EQ(by_pair.size(), 5u);

  const DotEdge& ab = *by_pair.at({a, b});
  EXPECT_EQ(attr(ab.attrs, "id"), "edges-" + g.node(a).id + "-" + g.node(b).id);
  EXPECT_EQ(attr(ab.attrs, "label"), "SANCTION, ACCUSE");
  EXPECT_EQ(attr(ab.attrs, "color"), sign_color(-1));
  EXPECT_EQ(attr(ab.attrs, "penwidth"), "3");  // edge_penwidth(3 evidence)
  EXPECT_EQ(attr(ab.attrs, "style"), "");      // one sentence is not hedged
  EXPECT_EQ(attr(ab.attrs, "dir"), "");
  const std::string tip = attr(ab.attrs, "tooltip");
  EXPECT_EQ(tip.rfind("A \xE2\x86\x92 B: 2 relations, 3 evidence\\nA -SANCTION-> B\\n", 0), 0u)
      << tip;
  for (const char* sentence : {"A banned B.", "A may ban B.", "A reportedly accused B."})
    EXPECT_NE(tip.find(sentence), std::string::npos) << sentence;

  // A single relation is drawn exactly as without merging.
  const DotEdge& ac = *by_pair.at({a, c});
  for (const DotEdge& e : separate.edges) {
    if (e.tail == a && e.head == c) {
      EXPECT_EQ(e.attrs, ac.attrs);
    }
  }

  EXPECT_EQ(attr(by_pair.at({b, c})->attrs, "label"), "SANCTION, supplies");
  EXPECT_EQ(attr(by_pair.at({b, c})->attrs, "color"), "#7b68a6");
  const DotEdge& ad = *by_pair.at({a, d});
  EXPECT_EQ(attr(ad.attrs, "label"), "REQUEST, THREATEN, REJECT +2");
  EXPECT_EQ(attr(ad.attrs, "style"), "dashed");
  EXPECT_NE(attr(ad.attrs, "tooltip").find("5 relations, 5 evidence"), std::string::npos);
  EXPECT_EQ(attr(by_pair.at({c, d})->attrs, "dir"), "none");

  // A pair tied by many relations: at most kTooltipEvidence sentences and relations listed.
  const NodeIndex x = g.add_node("X", Kind::kGovernment), y = g.add_node("Y", Kind::kGovernment);
  for (int r = 1; r <= 12; ++r) {
    const auto e = g.add_edge(x, y, static_cast<Relation>(r));
    say(e, "First.", false);
    say(e, "Second.", false);
  }
  const DotDocument many = make_dot_document(g, o);
  const DotEdge* xy = nullptr;
  for (const DotEdge& e : many.edges)
    if (e.tail == x && e.head == y) xy = &e;
  ASSERT_NE(xy, nullptr);
  const std::string many_tip = attr(xy->attrs, "tooltip");
  std::size_t bullets = 0;
  for (std::size_t at = many_tip.find("\xE2\x80\xA2"); at != std::string::npos;
       at = many_tip.find("\xE2\x80\xA2", at + 1))
    ++bullets;
  EXPECT_EQ(bullets, kTooltipEvidence) << many_tip;
  EXPECT_NE(many_tip.find("12 relations, 24 evidence"), std::string::npos) << many_tip;
  EXPECT_NE(many_tip.find("and 2 more relations"), std::string::npos) << many_tip;

  const std::string legend = attr(doc.graph_attrs, "label");
  EXPECT_NE(legend.find("relations of both signs"), std::string::npos);
  EXPECT_EQ(attr(separate.graph_attrs, "label").find("relations of both signs"), std::string::npos);
}

TEST(DotDocument, ClustersOfOneNodeGetNoBox) {
  const Camps c = camps_graph();
  DrawOptions o;
  o.cluster_of = {0, 0, 5, -1};
  const DotDocument doc = make_dot_document(c.g, o);
  ASSERT_EQ(doc.clusters.size(), 1u);
  EXPECT_EQ(doc.clusters[0].name, "cluster_0");
  EXPECT_EQ(attr(doc.clusters[0].attrs, "label"), "cluster 0");
  EXPECT_EQ(doc.nodes[c.alpha].cluster, 0);
  EXPECT_EQ(doc.nodes[c.beta].cluster, 0);
  EXPECT_EQ(doc.nodes[c.gamma].cluster, -1);
  EXPECT_EQ(doc.nodes[c.delta].cluster, -1);
}

TEST(DotDocument, HighlightFadesEverythingElse) {
  const Camps c = camps_graph();
  const DotDocument doc = make_dot_document(c.g, camps_options(c));
  EXPECT_EQ(attr(doc.nodes[c.delta].attrs, "fontcolor"), "#9a9a9a");
  EXPECT_EQ(attr(doc.nodes[c.alpha].attrs, "fontcolor"), "");
  std::size_t lit = 0, faded = 0;
  for (const auto& e : doc.edges) {
    const std::string color = attr(e.attrs, "color");
    if (color.size() == 9)
      ++faded;  // #rrggbbaa
    else
      ++lit;
  }
  EXPECT_EQ(lit, 2u);
  EXPECT_EQ(faded, c.g.edge_count() - 2);
}

TEST(DotDocument, BadOptionsAreRejected) {
  const Camps c = camps_graph();
  DrawOptions o;
  o.cluster_of = {0, 1};
  EXPECT_THROW(make_dot_document(c.g, o), graph::InvalidArgument);
  o = {};
  o.highlighted_nodes = {99};
  EXPECT_THROW(make_dot_document(c.g, o), graph::InvalidArgument);
  o = {};
  o.focus = 4;
  EXPECT_THROW(make_dot_document(c.g, o), graph::InvalidArgument);
}

// Graphviz's own parser reads back what agwrite wrote: every node with its id, label and
// tooltip, every edge. (Called from the test thread while no Renderer is working.)
void expect_round_trip(const Graph& g, const DrawOptions& options) {
  const DotDocument doc = make_dot_document(g, options);
  const std::string text = dot_of(g, options);
  Agraph_t* parsed = agmemread(text.c_str());
  ASSERT_NE(parsed, nullptr) << text;
  std::size_t nodes = 0, edges = 0;
  for (Agnode_t* n = agfstnode(parsed); n != nullptr; n = agnxtnode(parsed, n)) {
    ++nodes;
    edges += static_cast<std::size_t>(agdegree(parsed, n, 0, 1));
  }
  EXPECT_EQ(nodes, g.node_count());
  EXPECT_EQ(edges, g.edge_count());
  for (const DotNode& dn : doc.nodes) {
    Agnode_t* n = agnode(parsed, const_cast<char*>(dn.name.c_str()), 0);
    ASSERT_NE(n, nullptr) << dn.name;
    for (const char* a : {"id", "label", "tooltip", "shape"})
      EXPECT_EQ(std::string(agget(n, const_cast<char*>(a))), attr(dn.attrs, a))
          << dn.name << " " << a;
  }
  if (!attr(doc.graph_attrs, "label").empty()) {
    EXPECT_TRUE(aghtmlstr(agget(parsed, const_cast<char*>("label"))));
  }
  agclose(parsed);
}

TEST(DotRoundTrip, StoryGraph) { expect_round_trip(test_support::story_graph(), {}); }

TEST(DotRoundTrip, AwkwardIdsAndNames) { expect_round_trip(awkward_graph(), {}); }

TEST(DotRoundTrip, Camps) {
  const Camps c = camps_graph();
  expect_round_trip(c.g, camps_options(c));
}

// The DOT writer against its oracle, cgraph's own agwrite (Renderer::write_dot), on seeded
// random documents: clusters (more than ten, so that "cluster_10" sorts before "cluster_2" by
// name), nodes with default-valued, empty, HTML and awkward attributes, parallel edges and
// self-loops, isolated nodes, and long texts that agwrite breaks over several lines.
DotDocument random_document(std::mt19937_64& rng) {
  auto pick = [&rng](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  const std::vector<std::string> texts = {"",
                                          "a",
                                          "-",
                                          ".",
                                          "-1.5",
                                          "1-2",
                                          "1.2.3",
                                          "x_y",
                                          "node",
                                          "Graph",
                                          "a b",
                                          "q\"uote\"",
                                          "back\\slash",
                                          "\\N",
                                          "Zürich 任",
                                          "tab\tand\nnewline",
                                          "dash-dot.",
                                          "filled",
                                          "#ff0000",
                                          "<b>x</b>",
                                          "end\\",
                                          "AT&amp;T",
                                          "12",
                                          ".5",
                                          "_",
                                          "edge"};
  auto text = [&]() -> std::string {
    if (pick(6) != 0) return texts[pick(texts.size())];
    std::string t;  // a long text of words and punctuation
    const std::size_t words = 20 + pick(60);
    for (std::size_t i = 0; i < words; ++i) {
      t += texts[1 + pick(texts.size() - 1)];
      const std::string_view separators = " ,;\\\"-./:";
      t += separators[pick(separators.size())];
    }
    return t;
  };
  const std::vector<std::string> names = {"color", "label",    "style",    "id",       "tooltip",
                                          "shape", "fontsize", "penwidth", "fillcolor"};
  // cgraph keeps one string per content, its HTML mark set by the first use: an HTML value
  // here never equals a plain one (make_dot_document's only HTML value is the legend).
  int html_values = 0;
  auto value = [&](bool html) {
    return html ? "<i>" + std::to_string(html_values++) + "</i>" + text() : text();
  };
  auto attrs = [&](std::size_t most) {
    std::vector<DotAttr> a;
    for (std::size_t i = pick(most + 1); i > 0; --i) {
      const bool html = pick(8) == 0;
      a.push_back({names[pick(names.size())], value(html), html});
    }
    return a;
  };
  DotDocument doc;
  doc.graph_attrs = {{"fontname", "Helvetica"}, {"pad", "0.2"}};
  if (pick(2) == 0) {
    const bool html = pick(2) == 0;
    doc.graph_attrs.push_back({"label", value(html), html});
  }
  doc.node_defaults = {{"style", "filled"}, {"fontsize", "11"}};
  if (pick(2) == 0) doc.node_defaults.push_back({"label", text()});
  doc.edge_defaults = {{"fontsize", "9"}};
  const std::size_t clusters = pick(14);
  for (std::size_t c = 0; c < clusters; ++c)
    doc.clusters.push_back({"cluster_" + std::to_string(c), attrs(4)});
  const std::size_t n = pick(30);
  for (std::size_t v = 0; v < n; ++v) {
    DotNode node{"n" + std::to_string(v) + texts[pick(texts.size())], attrs(5), -1};
    if (clusters > 0 && pick(3) == 0) node.cluster = static_cast<int>(pick(clusters));
    if (pick(4) != 0) node.attrs.push_back({"id", "node-" + std::to_string(v)});
    doc.nodes.push_back(std::move(node));
  }
  for (std::size_t e = n == 0 ? 0 : pick(3 * n); e > 0; --e)
    doc.edges.push_back({pick(n), pick(n), attrs(4)});
  // Node names must differ, as make_dot_document makes them.
  std::set<std::string> seen;
  for (DotNode& node : doc.nodes)
    while (!seen.insert(node.name).second) node.name += "~";
  return doc;
}

// agwrite's text with its cluster subgraphs in creation order. cgraph 2.42 orders subgraphs by
// their id, which for a named subgraph is the address of its name string: the heap decides
// (creation order in a fresh process, anything once memory is reused). write_dot writes them
// in creation order.
std::string clusters_in_creation_order(const std::string& dot) {
  std::istringstream in(dot);
  std::string line, head, tail;
  std::map<int, std::string> clusters;
  int current = -1;
  while (std::getline(in, line)) {
    line += '\n';
    if (current < 0 && line.rfind("\tsubgraph cluster_", 0) == 0) {
      current = std::stoi(line.substr(std::string("\tsubgraph cluster_").size()));
      clusters[current] = line;
    } else if (current >= 0) {
      clusters[current] += line;
      if (line == "\t}\n") current = -1;
    } else {
      (clusters.empty() ? head : tail) += line;
    }
  }
  for (const auto& [index, text] : clusters) head += text;
  return head + tail;
}

TEST(DotWrite, SameBytesAsGraphvizAgwrite) {
  Renderer renderer;
  std::mt19937_64 rng(20261206);
  for (int round = 0; round < 300; ++round) {
    const DotDocument doc = random_document(rng);
    std::ostringstream ours, theirs;
    write_dot(doc, ours);
    renderer.write_dot(doc, theirs);
    const std::string agwrite = clusters_in_creation_order(theirs.str());
    if (ours.str() == agwrite) continue;
    std::istringstream a(ours.str()), b(agwrite);
    std::string la, lb;
    int line = 1;
    while (std::getline(a, la) && std::getline(b, lb) && la == lb) ++line;
    FAIL() << "round " << round << ", line " << line << ":\n  ours:    " << la
           << "\n  agwrite: " << lb;
  }
}

TEST(DotWrite, FailingStreamThrows) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  EXPECT_THROW(write_dot(test_support::story_graph(), out), graph::Error);
}

}  // namespace
}  // namespace stakegraph::io
