// GraphML: round trips keep nodes (ids, names, kinds, aliases, attributes), edges,
// relations, signs and weights; files in the shape NetworkX and igraph write load with
// defaults; bad input (empty, junk, invalid UTF-8, truncation at every byte, XML errors,
// unknown names, dangling ids) is a ParseError naming the file and line, and libxml2 never
// prints anything itself.
#include "io/formats/graphml.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::io {
namespace {

namespace fs = std::filesystem;

std::string to_graphml(const graph::Graph& g) {
  std::ostringstream out;
  write_graphml(g, out);
  return out.str();
}

// Parses `text` expecting a ParseError on `line` (0: any line) whose message names the file,
// contains `needle` and is one line; libxml2 must print nothing. Returns the message.
std::string expect_error(const std::string& text, std::uint64_t line, const std::string& needle) {
  ::testing::internal::CaptureStderr();
  std::string what;
  try {
    parse_graphml(text, "in.graphml");
    ADD_FAILURE() << "no error for: " << text.substr(0, 300);
  } catch (const io::ParseError& e) {
    what = e.what();
    EXPECT_EQ(e.file(), "in.graphml") << what;
    if (line) {
      EXPECT_EQ(e.line(), line) << what;
    }
    EXPECT_NE(what.find(needle), std::string::npos) << "expected '" << needle << "' in: " << what;
    EXPECT_EQ(what.find('\n'), std::string::npos) << what;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not a ParseError: " << e.what();
  }
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  return what;
}

// A GraphML document with the given keys and graph body.
std::string doc(const std::string& keys, const std::string& body,
                const std::string& edgedefault = "directed") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n" +
         keys + "<graph edgedefault=\"" + edgedefault + "\">\n" + body + "</graph>\n</graphml>\n";
}

const std::string kKeys =
    "<key id=\"k\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
    "<key id=\"r\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
    "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "<key id=\"f\" for=\"edge\" attr.name=\"first_seen\" attr.type=\"string\"/>\n";

TEST(Graphml, StoryGraphRoundTrip) {
  const graph::Graph g = test_support::story_graph();
  const graph::Graph h = parse_graphml(to_graphml(g), "story.graphml");
  EXPECT_EQ(test_support::graph_difference(g, h, /*compare_evidence=*/false), "");
  EXPECT_EQ(test_support::graph_difference(h, g, false), "");
  // Dates survive too; evidence does not (documented).
  const auto us = *h.find_by_id("united-states"), hw = *h.find_by_id("huawei");
  const graph::EdgeData& ban = h.edge(*h.find_edge(us, hw, graph::Relation::kSanction));
  EXPECT_EQ(ban.first_seen, 20190201);
  EXPECT_EQ(ban.last_seen, 20190515);
  EXPECT_TRUE(ban.evidence.empty());
}

TEST(Graphml, RandomGraphsRoundTrip) {
  for (unsigned seed : {4u, 5u, 6u}) {
    const graph::Graph g = test_support::random_graph(150, 1200, seed, false);
    const graph::Graph h = parse_graphml(to_graphml(g), "random.graphml");
    EXPECT_EQ(test_support::graph_difference(g, h, false), "") << "seed " << seed;
    EXPECT_EQ(test_support::graph_difference(h, g, false), "") << "seed " << seed;
  }
}

TEST(Graphml, OddTextAndAttributesRoundTrip) {
  // Names, aliases, ids and attributes with XML metacharacters, whitespace that attribute
  // normalization would eat, the alias separator and its escape, non-ASCII text, and
  // attribute keys that clash with our own key names.
  graph::Graph g;
  const auto a =
      g.add_node_with_id("id <&> \"q\" 'a'", "A & B <Co> \"Ltd\" 'x'", graph::Kind::kVendor);
  g.add_alias(a, "pipe | inside");
  g.add_alias(a, "back\\slash\\");
  g.add_alias(a, " spaced ");
  g.add_alias(a, "caf\xC3\xA9 \xE4\xBB\xBB");
  g.set_attribute(a, "kind", "not the kind");
  g.set_attribute(a, "attribute.x", "prefixed");
  g.set_attribute(a, "note", "tab\there\nnewline\r\ncrlf  two  spaces");
  g.set_attribute(a, "empty", "");
  g.set_attribute(a, "", "an attribute without a name");  // found by fuzz_graphml
  g.set_attribute(a, "attribute.", "the prefix alone");
  const auto b = g.add_node_with_id("b", "line\nbreak", graph::Kind::kAllegation);
  g.add_edge(a, b, graph::Relation::kImplicates, 0.1);
  g.add_edge(b, a, graph::Relation::kAssault, -1e-300);
  g.add_edge(b, b, graph::Relation::kLinkedTo, 123456789.125);
  const graph::Graph h = parse_graphml(to_graphml(g), "odd.graphml");
  EXPECT_EQ(test_support::graph_difference(g, h, false), "");
  EXPECT_EQ(test_support::graph_difference(h, g, false), "");
  EXPECT_EQ(h.node(0).aliases, g.node(0).aliases);
  EXPECT_EQ(h.node(0).attributes, g.node(0).attributes);
}

TEST(Graphml, CharactersXmlCannotCarryBecomeReplacementCharacters) {
  graph::Graph g;
  g.add_node("bell\x07 and bad \xFF byte", graph::Kind::kPerson);
  const graph::Graph h = parse_graphml(to_graphml(g), "ctl.graphml");
  ASSERT_EQ(h.node_count(), 1u);
  EXPECT_EQ(h.node(0).name, "bell\xEF\xBF\xBD and bad \xEF\xBF\xBD byte");
}

TEST(Graphml, WritesTypedKeysAndDirectedGraph) {
  const std::string text = to_graphml(test_support::story_graph());
  for (
      const char* key : {
          R"(<key id="name" for="node" attr.name="name" attr.type="string"/>)",
          R"(<key id="label" for="node" attr.name="label" attr.type="string"/>)",
          R"(<key id="kind" for="node" attr.name="kind" attr.type="string"/>)",
          R"(<key id="aliases" for="node" attr.name="aliases" attr.type="string"/>)",
          R"(<key id="a0" for="node" attr.name="iso3166" attr.type="string"/>)",
          R"(<key id="relation" for="edge" attr.name="relation" attr.type="string"/>)",
          R"(<key id="sign" for="edge" attr.name="sign" attr.type="int"/>)",
          R"(<key id="weight" for="edge" attr.name="weight" attr.type="double"/>)",
          R"(<key id="evidence_count" for="edge" attr.name="evidence_count" attr.type="int"/>)",
          R"(<key id="first_seen" for="edge" attr.name="first_seen" attr.type="string"/>)",
          R"(<key id="last_seen" for="edge" attr.name="last_seen" attr.type="string"/>)",
          R"(<graph id="stakegraph" edgedefault="directed">)",
          R"(<node id="united-states"><data key="name">United States</data><data key="label">United States</data><data key="kind">government</data><data key="aliases">US | Washington</data><data key="a0">US</data></node>)",
          R"(<data key="relation">SANCTION</data><data key="sign">-1</data><data key="evidence_count">2</data><data key="first_seen">2019-02-01</data><data key="last_seen">2019-05-15</data>)",
      })
    EXPECT_NE(text.find(key), std::string::npos) << key;
}

TEST(Graphml, ReadsNetworkxStyleFiles) {
  // What nx.write_graphml writes for an undirected graph with a node attribute "club" and
  // float edge weights: keys named d0.., no kind, no relation; node names are the ids.
  //   0 -- 1 (weight 4), 1 -- 2 (weight 0.5), 3 isolated
  const std::string text =
      "<?xml version='1.0' encoding='utf-8'?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
      "  <key id=\"d1\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\" />\n"
      "  <key id=\"d0\" for=\"node\" attr.name=\"club\" attr.type=\"string\" />\n"
      "  <graph edgedefault=\"undirected\">\n"
      "    <node id=\"0\">\n      <data key=\"d0\">Mr. Hi</data>\n    </node>\n"
      "    <node id=\"1\">\n      <data key=\"d0\">Officer</data>\n    </node>\n"
      "    <node id=\"2\" />\n    <node id=\"3\" />\n"
      "    <edge source=\"0\" target=\"1\">\n      <data key=\"d1\">4.0</data>\n    </edge>\n"
      "    <edge source=\"1\" target=\"2\">\n      <data key=\"d1\">0.5</data>\n    </edge>\n"
      "  </graph>\n</graphml>\n";
  const graph::Graph g = parse_graphml(text, "nx.graphml");
  ASSERT_EQ(g.node_count(), 4u);
  ASSERT_EQ(g.edge_count(), 2u);
  for (graph::NodeIndex v = 0; v < 4; ++v) {
    EXPECT_EQ(g.node(v).id, std::to_string(v));
    EXPECT_EQ(g.node(v).name, std::to_string(v));
    EXPECT_EQ(g.node(v).kind, graph::Kind::kOrganization);
  }
  ASSERT_EQ(g.node(0).attributes.size(), 1u);
  EXPECT_EQ(g.node(0).attributes[0], std::make_pair(std::string("club"), std::string("Mr. Hi")));
  const auto e01 = g.find_edge(0, 1, graph::Relation::kRelatedTo);
  ASSERT_TRUE(e01);
  EXPECT_EQ(g.edge(*e01).weight, 4.0);
  EXPECT_EQ(g.edge(*e01).sign, 0);
  EXPECT_EQ(g.edge(*g.find_edge(1, 2, graph::Relation::kRelatedTo)).weight, 0.5);
}

TEST(Graphml, ReadsIgraphStyleFilesWithDefaults) {
  // igraph names keys v_<attr> / e_<attr>; defaults come from <default>. Edges before nodes.
  //   n0 (Huawei, vendor) -supplies-> n1 (BT, default kind operator), weight default 2
  const std::string text =
      doc("<key id=\"v_name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
          "<key id=\"v_kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\">"
          "<default>operator</default></key>\n"
          "<key id=\"e_relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
          "<key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"long\">"
          "<desc>weights</desc><default>2</default></key>\n",
          "<edge source=\"n0\" target=\"n1\"><data key=\"e_relation\">supplies</data></edge>\n"
          "<node id=\"n0\"><data key=\"v_name\">Huawei</data><data "
          "key=\"v_kind\">vendor</data></node>\n"
          "<node id=\"n1\"><data key=\"v_name\">BT</data></node>\n");
  const graph::Graph g = parse_graphml(text, "igraph.graphml");
  ASSERT_EQ(g.node_count(), 2u);
  EXPECT_EQ(g.node(0).name, "Huawei");
  EXPECT_EQ(g.node(0).kind, graph::Kind::kVendor);
  EXPECT_EQ(g.node(1).name, "BT");
  EXPECT_EQ(g.node(1).kind, graph::Kind::kOperator);
  const auto e = g.find_edge(0, 1, graph::Relation::kSupplies);
  ASSERT_TRUE(e);
  EXPECT_EQ(g.edge(*e).weight, 2.0);
  EXPECT_EQ(g.edge(*e).sign, 1);
}

TEST(Graphml, EmptyGraphAndEmptyDocument) {
  const graph::Graph h = parse_graphml(to_graphml(graph::Graph{}), "empty.graphml");
  EXPECT_EQ(h.node_count(), 0u);
  const graph::Graph bare = parse_graphml("<graphml/>", "bare.graphml");
  EXPECT_EQ(bare.node_count(), 0u);
}

TEST(Graphml, EmptyJunkAndEncodingErrors) {
  expect_error("", 0, "empty file");
  expect_error("  \n \n", 0, "empty file");
  std::string junk;
  for (int i = 0; i < 512; ++i) junk += static_cast<char>((i * 7919 + 13) & 0xFF);
  expect_error(junk, 0, "in.graphml");
  expect_error("PK\x03\x04 zip", 1, "not a GraphML document: expected '<', found 'P'");
  expect_error("source,target\na,b\n", 1, "not a GraphML document");
  expect_error("{\"nodes\": []}", 1, "not a GraphML document");
  expect_error("<graphml>\n<graph>\n<node id=\"a\"/>\n", 3,
               "truncated file: <graph> opened at line 2 is not closed");
  expect_error(doc(kKeys, "<node id=\"a\"/>\n<node id=\"b\xC3\x28\"/>\n"), 9, "invalid UTF-8");
  expect_error(doc(kKeys, std::string("<node id=\"a\0\"/>\n", 15)), 8, "NUL byte");
}

TEST(Graphml, EveryTruncationIsAnError) {
  const std::string text = to_graphml(test_support::story_graph());
  const std::size_t end = text.rfind("</graphml>") + 9;
  ::testing::internal::CaptureStderr();
  for (std::size_t n = 0; n < end; n += 3) {
    try {
      parse_graphml(text.substr(0, n), "cut.graphml");
      ADD_FAILURE() << "a file cut at byte " << n << " was accepted";
    } catch (const io::ParseError& e) {
      EXPECT_EQ(e.file(), "cut.graphml");
    }
  }
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST(Graphml, XmlErrorsNameTheLine) {
  expect_error(doc(kKeys, "<node id=\"a\">\n</nod>\n"), 9, "invalid XML");
  expect_error(doc(kKeys, "<node id=\"a\" id=\"b\"/>\n"), 8, "invalid XML");
  expect_error(doc(kKeys, "<node id=\"a&\"/>\n"), 8, "invalid XML");
  expect_error("<?xml version=\"1.0\"?>\n<html><body/></html>\n", 2,
               "not a GraphML document (the root element is <html>");
}

TEST(Graphml, BadContentNamesTheLine) {
  const std::string nodes = "<node id=\"a\"/>\n<node id=\"b\"/>\n";  // lines 8, 9
  expect_error(doc(kKeys, nodes + "<node/>\n"), 10, "<node> without id");
  expect_error(doc(kKeys, nodes + "<node id=\"a\"/>\n"), 10, "duplicate node id 'a'");
  expect_error(doc(kKeys, nodes + "<node id=\"c\"><data key=\"k\">wizard</data></node>\n"), 10,
               "node 'c': unknown kind 'wizard'");
  expect_error(
      doc(kKeys, nodes + "<edge source=\"a\" target=\"b\">\n<data key=\"r\">HUGS</data></edge>\n"),
      10, "unknown relation 'HUGS'");
  expect_error(
      doc(kKeys, nodes + "<edge source=\"a\" target=\"b\"><data key=\"w\">heavy</data></edge>\n"),
      10, "invalid weight 'heavy'");
  expect_error(
      doc(kKeys, nodes + "<edge source=\"a\" target=\"b\"><data key=\"w\">INF</data></edge>\n"), 10,
      "invalid weight 'INF'");
  expect_error(
      doc(kKeys,
          nodes + "<edge source=\"a\" target=\"b\"><data key=\"f\">2019-02-30</data></edge>\n"),
      10, "invalid date '2019-02-30'");
  expect_error(doc(kKeys, nodes + "<edge source=\"a\" target=\"zz\"/>\n"), 10,
               "edge target 'zz' is not a node id");
  expect_error(doc(kKeys, nodes + "<edge source=\"a\"/>\n"), 10, "<edge> without target");
  expect_error(doc(kKeys, nodes + "<node id=\"c\"><data key=\"nope\">x</data></node>\n"), 10,
               "<data> key 'nope' is not declared");
  expect_error(doc(kKeys, nodes + "<node id=\"c\"><graph/></node>\n"), 10, "nested graphs");
  expect_error(doc(kKeys, nodes + "<hyperedge><endpoint node=\"a\"/></hyperedge>\n"), 10,
               "hyperedges");
  expect_error(doc(kKeys, nodes, "sideways"), 7, "edgedefault");
}

TEST(Graphml, ExternalEntitiesAreNotLoaded) {
  const std::string text =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE graphml [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
      "<graphml><key id=\"n\" for=\"node\" attr.name=\"name\"/>\n"
      "<graph><node id=\"a\"><data key=\"n\">x&secret;</data></node></graph></graphml>\n";
  ::testing::internal::CaptureStderr();
  try {
    const graph::Graph g = parse_graphml(text, "xxe.graphml");
    ASSERT_EQ(g.node_count(), 1u);
    EXPECT_EQ(g.node(0).name.find("root:"), std::string::npos);
  } catch (const io::ParseError& e) {
    EXPECT_EQ(std::string(e.what()).find("root:"), std::string::npos);
  }
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST(Graphml, LoadGraphmlNamesThePath) {
  const fs::path dir = fs::temp_directory_path() / ("graphml_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "bad.graphml").string();
  std::ofstream(path) << doc(kKeys, "<node id=\"a\">\n</node>\n<node id=\"a\"/>\n");
  try {
    load_graphml(path);
    ADD_FAILURE() << "no error";
  } catch (const io::ParseError& e) {
    EXPECT_EQ(std::string(e.what()).rfind(path + ":10: ", 0), 0u) << e.what();
  }
  EXPECT_THROW(load_graphml((dir / "missing.graphml").string()), graph::NotFound);
  const std::string good = (dir / "good.graphml").string();
  std::ofstream(good) << to_graphml(test_support::story_graph());
  EXPECT_EQ(test_support::graph_difference(load_graphml(good), test_support::story_graph(), false),
            "");
  fs::remove_all(dir);
}

// Found by fuzz_graphml: a file that is only a UTF-8 byte order mark (and blanks) is an empty
// file (the check for '<' read past the end of the text); bytes that a declared encoding
// cannot convert are a ParseError, and libxml2 prints nothing about them.
TEST(Graphml, ByteOrderMarkOnlyAndUnconvertibleBytes) {
  expect_error("\xEF\xBB\xBF", 0, "empty file");
  expect_error("\xEF\xBB\xBF \r\n", 0, "empty file");
  expect_error(
      "<?xml version=\"1.0\" encoding=\"UTF.8\"?>\n<graphml xmlns=\"http://gr"
      "\x96\x8f\x97\x92\x93\xd1"
      "dire<graphml>ctraphml>\n",
      0, "in.graphml");
}

}  // namespace
}  // namespace stakegraph::io
