// JSON graph files: round trips keep every field (story graph, seeded random graphs), the
// ontology's minimal shape loads with defaults, and every kind of bad input (empty, junk,
// invalid UTF-8, truncation at every byte, wrong types, unknown names, dangling ids) is a
// ParseError naming the file, line and column, never a crash.
#include "io/formats/json_format.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::io {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string to_json(const graph::Graph& g) {
  std::ostringstream out;
  write_json(g, out);
  return out.str();
}

// Parses `text` expecting a ParseError on `line` (0: any line) whose message names the file,
// contains `needle` and is one line. Returns the message.
std::string expect_error(const std::string& text, std::uint64_t line, const std::string& needle) {
  try {
    parse_json(text, "in.json");
  } catch (const io::ParseError& e) {
    const std::string what = e.what();
    EXPECT_EQ(e.file(), "in.json") << what;
    EXPECT_EQ(what.rfind("in.json", 0), 0u) << what;
    if (line) {
      EXPECT_EQ(e.line(), line) << what;
    }
    EXPECT_NE(what.find(needle), std::string::npos) << "expected '" << needle << "' in: " << what;
    EXPECT_EQ(what.find('\n'), std::string::npos) << what;
    return what;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not a ParseError: " << e.what();
    return "";
  }
  ADD_FAILURE() << "no error for: " << text.substr(0, 200);
  return "";
}

TEST(JsonFormat, StoryGraphRoundTripKeepsEverything) {
  const graph::Graph g = test_support::story_graph();
  const graph::Graph h = parse_json(to_json(g), "story.json");
  EXPECT_EQ(test_support::graph_difference(g, h), "");
  EXPECT_EQ(test_support::graph_difference(h, g), "");
  // Writing what was read gives the same bytes.
  EXPECT_EQ(to_json(h), to_json(g));
}

TEST(JsonFormat, RandomGraphsRoundTrip) {
  for (unsigned seed : {1u, 2u, 3u}) {
    const graph::Graph g = test_support::random_graph(200, 1500, seed);
    const graph::Graph h = parse_json(to_json(g), "random.json");
    EXPECT_EQ(test_support::graph_difference(g, h), "") << "seed " << seed;
    EXPECT_EQ(test_support::graph_difference(h, g), "") << "seed " << seed;
  }
}

// Issue 13 (bounded cost): the writer put a node's attributes into an ordered JSON object,
// which looks for each key linearly (80,000 attributes: 6.4 s). They are written in key
// order, once each, and read back whole.
TEST(JsonFormat, NodeWithManyAttributesRoundTrips) {
  graph::Graph g;
  const graph::NodeIndex v = g.add_node("Acme", graph::Kind::kVendor);
  for (int i = 3000; i > 0; --i) g.set_attribute(v, "key " + std::to_string(i), std::to_string(i));
  const std::string text = to_json(g);
  EXPECT_LT(text.find("\"key 1\""), text.find("\"key 10\""));
  EXPECT_LT(text.find("\"key 2999\""), text.find("\"key 3\""));
  const graph::Graph h = parse_json(text, "attributes.json");
  EXPECT_EQ(h.node(0).attributes, g.node(v).attributes);
}

TEST(JsonFormat, EmptyGraphRoundTrips) {
  const std::string text = to_json(graph::Graph{});
  EXPECT_EQ(
      text,
      "{\n  \"format_version\": 2,\n  \"nodes\": [],\n  \"edges\": [],\n  \"articles\": []\n}\n");
  const graph::Graph h = parse_json(text, "empty.json");
  EXPECT_EQ(h.node_count(), 0u);
  EXPECT_EQ(h.edge_count(), 0u);
}

TEST(JsonFormat, EvidenceFieldsAndOddValuesRoundTrip) {
  // a -COERCE-> b with one evidence using every field; odd floats and dates.
  graph::Graph g;
  const auto art = g.add_article({.id = "a1", .date = 20200229});
  const auto a = g.add_node("a", graph::Kind::kAgency);
  const auto b = g.add_node("b \"quoted\" \\ \t tab", graph::Kind::kPerson);
  const auto e = g.add_edge(a, b, graph::Relation::kCoerce, 0.1);
  graph::Evidence ev;
  ev.article = art;
  ev.sentence = 4294967295u;
  ev.start = 7;
  ev.end = 9;
  ev.text = "line\nbreak \xF0\x9F\x98\x80";  // U+1F600
  ev.hedged = true;
  ev.speaker = "Ren";
  ev.rule = "gdelt";
  ev.confidence = 0.1f;
  ev.mentions = 12;
  ev.sources = 3;
  ev.date = 19991231;
  g.add_evidence(e, ev);
  graph::Evidence no_article;
  no_article.text = "no article";
  g.add_evidence(e, no_article);
  const graph::Graph h = parse_json(to_json(g), "odd.json");
  EXPECT_EQ(test_support::graph_difference(g, h), "");
  const graph::Evidence& x = h.edge(*h.find_edge(0, 1, graph::Relation::kCoerce)).evidence[0];
  EXPECT_EQ(x.mentions, 12u);
  EXPECT_EQ(x.sources, 3u);
  EXPECT_EQ(x.date, 19991231);
  EXPECT_EQ(x.confidence, 0.1f);
  EXPECT_EQ(h.edge(*h.find_edge(0, 1, graph::Relation::kCoerce)).evidence[1].article,
            graph::kNoArticle);
  // The float is written in its short form, not as 0.10000000149011612.
  EXPECT_NE(to_json(g).find("\"confidence\":0.1,"), std::string::npos) << to_json(g);
}

TEST(JsonFormat, WritesTheDocumentedShape) {
  const graph::Graph g = test_support::story_graph();
  const std::string text = to_json(g);
  // UTF-8 is written as is, not as \u escapes.
  EXPECT_NE(text.find("Ren Zhengfei \xE4\xBB\xBB\xE6\xAD\xA3\xE9\x9D\x9E"), std::string::npos);
  EXPECT_EQ(text.find("\\u"), std::string::npos);
  const json j = json::parse(text);
  EXPECT_EQ(j["format_version"], 2);
  ASSERT_EQ(j["nodes"].size(), g.node_count());
  ASSERT_EQ(j["edges"].size(), g.edge_count());
  ASSERT_EQ(j["articles"].size(), 2u);
  for (const json& n : j["nodes"])
    for (const char* f : {"id", "name", "kind", "aliases", "attributes"})
      EXPECT_TRUE(n.contains(f)) << f;
  for (const json& e : j["edges"])
    for (const char* f : {"source", "target", "relation", "sign", "first_seen", "last_seen",
                          "evidence_count", "evidence"})
      EXPECT_TRUE(e.contains(f)) << f;
  for (const json& a : j["articles"])
    for (const char* f : {"id", "title", "date", "source", "url", "path", "text_hash"})
      EXPECT_TRUE(a.contains(f)) << f;
  const json& us = j["nodes"][0];
  EXPECT_EQ(us["id"], "united-states");
  EXPECT_EQ(us["kind"], "government");
  EXPECT_EQ(us["aliases"], json({"US", "Washington"}));
  EXPECT_EQ(us["attributes"], json({{"iso3166", "US"}}));
  bool found = false;
  for (const json& e : j["edges"]) {
    if (e["relation"] != "SANCTION") continue;
    found = true;
    EXPECT_EQ(e["source"], "united-states");
    EXPECT_EQ(e["target"], "huawei");
    EXPECT_EQ(e["sign"], -1);
    EXPECT_FALSE(e.contains("weight"));  // issue 15: extraction sets no weight
    EXPECT_EQ(e["evidence_count"], 2);
    EXPECT_EQ(e["first_seen"], "2019-02-01");
    EXPECT_EQ(e["last_seen"], "2019-05-15");
    ASSERT_EQ(e["evidence"].size(), 2u);
    const json& ev = e["evidence"][1];
    EXPECT_EQ(ev["article"], "second");
    EXPECT_EQ(ev["text"], "Washington \"banned\" C:\\ <Huawei> & co.");
    for (const char* f : {"sentence", "start", "end", "hedged", "speaker", "rule", "confidence",
                          "mentions", "sources", "date"})
      EXPECT_TRUE(ev.contains(f)) << f;
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(j["articles"][0]["date"], "2019-02-01");
  EXPECT_EQ(j["articles"][0]["text_hash"], "ab12");
}

TEST(JsonFormat, ReadsTheOntologysMinimalShape) {
  // Huawei -supplies-> BT, as shared/tools/score_extraction.py reads it.
  const graph::Graph g = parse_json(R"({"nodes": [
      {"id": "n1", "name": "Huawei", "kind": "vendor", "aliases": ["the Chinese company"]},
      {"id": "n2", "name": "BT", "kind": "operator", "aliases": []}],
    "edges": [{"source": "n1", "target": "n2", "relation": "supplies"}]})",
                                    "min.json");
  ASSERT_EQ(g.node_count(), 2u);
  ASSERT_EQ(g.edge_count(), 1u);
  const auto hw = g.find_by_id("n1");
  ASSERT_TRUE(hw);
  EXPECT_EQ(g.node(*hw).name, "Huawei");
  EXPECT_EQ(g.node(*hw).kind, graph::Kind::kVendor);
  EXPECT_EQ(g.find_named("the Chinese company"), hw);
  const auto e = g.find_edge(*hw, *g.find_by_id("n2"), graph::Relation::kSupplies);
  ASSERT_TRUE(e);
  EXPECT_EQ(g.edge(*e).sign, 1);
  EXPECT_FALSE(g.edge(*e).weight.has_value());
  EXPECT_TRUE(g.edge(*e).evidence.empty());
}

TEST(JsonFormat, MissingFieldsTakeDefaults) {
  // Edges before nodes; a node without id, one without kind, one named only by its id;
  // an edge without relation; evidence naming an article the file does not list; nulls;
  // unknown fields and keys; an older PLOVER name.
  const graph::Graph g = parse_json(R"({
    "generator": {"name": "someone else", "list": [1, 2, {"x": []}]},
    "edges": [
      {"source": "huawei", "target": "x7", "evidence": [{"article": "art9", "text": "t"}]},
      {"source": "x7", "target": "huawei", "relation": "DEMAND", "weight": 2, "sign": null,
       "comment": "ignored"}],
    "nodes": [
      {"name": "Huawei", "kind": "vendor", "aliases": null},
      {"id": "x7", "kind": null, "attributes": {"k": "v"}},
      {"name": "Huawei Technologies"}]})",
                                    "defaults.json");
  ASSERT_EQ(g.node_count(), 3u);
  const auto hw = g.find_by_id("huawei");
  const auto x7 = g.find_by_id("x7");
  ASSERT_TRUE(hw && x7);
  EXPECT_EQ(g.node(*x7).name, "x7");
  EXPECT_EQ(g.node(*x7).kind, graph::Kind::kOrganization);
  EXPECT_EQ(g.node(*x7).attributes.at(0).second, "v");
  EXPECT_TRUE(g.find_by_id("huawei-technologies"));
  const auto related = g.find_edge(*hw, *x7, graph::Relation::kRelatedTo);
  ASSERT_TRUE(related);
  const graph::EdgeData& d = g.edge(*related);
  EXPECT_FALSE(d.weight.has_value());
  EXPECT_EQ(d.sign, 0);
  ASSERT_EQ(d.evidence.size(), 1u);
  ASSERT_NE(d.evidence[0].article, graph::kNoArticle);
  EXPECT_EQ(g.articles()[d.evidence[0].article].id, "art9");
  EXPECT_EQ(d.evidence[0].confidence, 1.0f);
  const auto request = g.find_edge(*x7, *hw, graph::Relation::kRequest);
  ASSERT_TRUE(request);
  EXPECT_EQ(g.edge(*request).weight, 2.0);
  EXPECT_EQ(g.edge(*request).sign, -1);
}

TEST(JsonFormat, NodeWithoutIdGetsAFreeId) {
  const graph::Graph g = parse_json(
      R"({"nodes": [{"id": "bt", "name": "British Telecom"}, {"name": "BT"}], "edges": []})",
      "ids.json");
  ASSERT_EQ(g.node_count(), 2u);
  EXPECT_EQ(g.node(1).id, "bt-2");
}

TEST(JsonFormat, RepeatedEdgeMergesItsEvidence) {
  const graph::Graph g = parse_json(R"({"nodes": [{"id": "a"}, {"id": "b"}], "edges": [
      {"source": "a", "target": "b", "relation": "allied_with", "evidence": [{"text": "one"}]},
      {"source": "b", "target": "a", "relation": "allied_with", "evidence": [{"text": "two"}]}]})",
                                    "rep.json");
  ASSERT_EQ(g.edge_count(), 1u);
  EXPECT_EQ(g.evidence_count(), 2u);
}

TEST(JsonFormat, EmptyAndBlankInput) {
  expect_error("", 0, "empty file");
  expect_error(" \n\t\r\n", 0, "empty file");
}

// Issue 13: any JSON object read as an empty graph ({} or a package.json), so a command
// writing to it replaced the user's file. A JSON graph carries "format_version" (our writer)
// or both "nodes" and "edges" (the ontology's shape); anything else names the file.
TEST(JsonFormat, ForeignJsonIsNotAnEmptyGraph) {
  expect_error("{}", 0, "not a stakegraph JSON graph");
  expect_error(R"({"name": "app", "version": "1.0.0", "scripts": {"test": "jest"}})", 0,
               "not a stakegraph JSON graph");
  expect_error(R"({"nodes": []})", 0, "not a stakegraph JSON graph");
  EXPECT_EQ(parse_json(R"({"format_version": 1})", "v.json").node_count(), 0u);
  EXPECT_EQ(parse_json(R"({"nodes": [], "edges": []})", "ontology.json").node_count(), 0u);
}

TEST(JsonFormat, BinaryJunk) {
  std::string junk;
  for (int i = 0; i < 512; ++i) junk += static_cast<char>((i * 7919) & 0xFF);
  expect_error(junk, 0, "in.json");
  expect_error(std::string("\x00\x01\x02\x03", 4), 1, "invalid JSON");
  expect_error("\x1F\x8B\x08\x00 gzip", 1, "");
}

TEST(JsonFormat, InvalidUtf8NamesLineAndColumn) {
  const std::string text = "{\"nodes\": [\n  {\"id\": \"a\"},\n  {\"id\": \"b\xC3\x28\"}]}";
  try {
    parse_json(text, "in.json");
    FAIL() << "no error";
  } catch (const io::ParseError& e) {
    EXPECT_EQ(e.line(), 3u);
    EXPECT_EQ(e.column(), 12u);
    EXPECT_NE(std::string(e.what()).find("invalid UTF-8"), std::string::npos) << e.what();
  }
  expect_error("{\"nodes\": [{\"id\": \"\xED\xA0\x80\"}]}", 1, "invalid UTF-8");  // surrogate
}

TEST(JsonFormat, SyntaxErrorsNameLineAndColumn) {
  try {
    parse_json("{\n  \"nodes\": [\n    {\"id\": \"a\",, \"name\": \"A\"}\n  ]\n}\n", "in.json");
    FAIL() << "no error";
  } catch (const io::ParseError& e) {
    EXPECT_EQ(e.line(), 3u) << e.what();
    EXPECT_EQ(e.column(), 16u) << e.what();
    EXPECT_EQ(std::string(e.what()).find("[json.exception"), std::string::npos) << e.what();
  }
  expect_error("{\"nodes\": [{\"id\": \"a\nb\"}]}", 1, "invalid JSON");  // raw newline in string
  expect_error(std::string("{\"nodes\": [{\"id\": \"a\0b\"}]}", 25), 1, "invalid JSON");  // NUL
  expect_error("{\"edges\": [{\"weight\": 1e999}]}", 1, "invalid JSON: number overflow");
  // A long bad token is not quoted whole.
  const std::string msg =
      expect_error("{\"nodes\": [{\"id\": \"" + std::string(100000, 'x') + "\n\"}]}", 1, "...");
  EXPECT_LT(msg.size(), 400u);
  expect_error("{} {}", 1, "invalid JSON");  // trailing data
}

// A string over kMaxJsonStringBytes, closed or cut off, is refused at its opening quote
// before nlohmann copies it; one at the limit, with escaped quotes inside, is read.
TEST(JsonFormat, OverlongStringsAreRefusedAtTheirQuote) {
  const std::string at_limit(kMaxJsonStringBytes - 2, 'x');
  const graph::Graph g = parse_json(
      "{\"nodes\": [{\"id\": \"a\", \"name\": \"\\\"" + at_limit + "\"}], \"edges\": []}",
      "in.json");
  ASSERT_EQ(g.node_count(), 1u);
  EXPECT_EQ(g.node(0).name.size(), kMaxJsonStringBytes - 1);
  const std::string over(kMaxJsonStringBytes + 1, 'x');
  for (const std::string& tail : {std::string("\"}]}"), std::string()}) {
    try {
      parse_json("{\"nodes\": [\n  {\"id\": \"a\", \"name\": \"" + over + tail, "in.json");
      ADD_FAILURE() << "no error";
    } catch (const io::ParseError& e) {
      EXPECT_EQ(e.line(), 2u) << e.what();
      EXPECT_EQ(e.column(), 23u) << e.what();
      EXPECT_NE(std::string(e.what()).find("limit for one JSON string"), std::string::npos);
    }
  }
}

TEST(JsonFormat, EveryTruncationIsAnError) {
  const std::string text = to_json(test_support::story_graph());
  const std::size_t end = text.rfind('}');
  for (std::size_t n = 0; n < end; ++n) {
    try {
      parse_json(text.substr(0, n), "cut.json");
      ADD_FAILURE() << "a file cut at byte " << n << " was accepted";
    } catch (const io::ParseError& e) {
      EXPECT_EQ(e.file(), "cut.json");
    }
  }
}

TEST(JsonFormat, WrongShapes) {
  expect_error("[1, 2]", 1, "is an object");
  expect_error("42", 1, "is an object");
  expect_error("{\"nodes\": {\"id\": \"a\"}}", 1, "nodes: expected an array, found an object");
  expect_error("{\"nodes\": \"a\"}", 1, "nodes: expected an array, found string");
  expect_error("{\"edges\": 3}", 1, "edges: expected an array");
  expect_error("{\"nodes\": [\n\"a\"]}", 2, "expected a node object, found string");
  expect_error("{\"edges\": [[\"a\", \"b\"]]}", 1, "expected an edge object, found an array");
  expect_error("{\"format_version\": 99, \"nodes\": []}", 1, "newer");
  expect_error("{\"format_version\": \"1\"}", 1, "format_version: expected an integer");
}

TEST(JsonFormat, WrongFieldTypesNameTheElement) {
  const std::string head = "{\n\"nodes\": [\n  {\"id\": \"a\"},\n  {\"id\": \"b\"},\n  ";
  expect_error(head + "{\"id\": \"c\", \"name\": 5}]}", 5,
               "nodes[2].name: expected a string, found number");
  expect_error(head + "{\"id\": \"c\", \"aliases\": \"x\"}]}", 5,
               "nodes[2].aliases: expected an array");
  expect_error(head + "{\"id\": \"c\", \"aliases\": [1]}]}", 5, "nodes[2].aliases");
  expect_error(head + "{\"id\": \"c\", \"attributes\": {\"k\": 1}}]}", 5, "nodes[2].attributes.k");
  expect_error(head + "{}]}", 5, "nodes[2]: a node needs an \"id\" or a \"name\"");
  const std::string edges = head + "{\"id\": \"c\"}],\n\"edges\": [\n  ";
  expect_error(edges + "{\"source\": \"a\", \"target\": \"b\", \"weight\": \"heavy\"}]}", 7,
               "edges[0].weight: expected a number, found string");
  expect_error(edges + "{\"source\": \"a\", \"target\": \"b\", \"sign\": 2}]}", 7, "edges[0].sign");
  expect_error(edges + "{\"source\": \"a\", \"target\": \"b\", \"evidence\": {}}]}", 7,
               "edges[0].evidence: expected an array");
  expect_error(edges + "{\"source\": \"a\", \"target\": \"b\", \"evidence\": [{\"start\": -1}]}]}",
               7, "edges[0].evidence[0].start: expected an integer");
  expect_error(edges + "{\"source\": \"a\", \"target\": \"b\", \"evidence\": [{\"end\": 1.5}]}]}",
               7, "edges[0].evidence[0].end");
  expect_error(
      edges +
          "{\"source\": \"a\", \"target\": \"b\", \"evidence\": [{\"sentence\": 4294967296}]}]}",
      7, "edges[0].evidence[0].sentence");
  expect_error(
      edges + "{\"source\": \"a\", \"target\": \"b\", \"evidence\": [{\"hedged\": \"yes\"}]}]}", 7,
      "edges[0].evidence[0].hedged: expected true or false");
  expect_error(edges + "{\"source\": \"a\", \"target\": \"b\", \"evidence\": [3]}]}", 7,
               "edges[0].evidence[0]: expected an object");
  expect_error(edges + "{\"source\": 1, \"target\": \"b\"}]}", 7,
               "edges[0].source: expected a string");
  expect_error(edges + "{\"target\": \"b\"}]}", 7, "edges[0]: an edge needs a \"source\"");
}

TEST(JsonFormat, BadValuesNameTheElement) {
  const std::string head = "{\"nodes\": [\n  {\"id\": \"a\"},\n  {\"id\": \"b\"},\n  ";
  expect_error(head + "{\"id\": \"c\", \"kind\": \"wizard\"}]}", 4,
               "nodes[2].kind: unknown kind 'wizard'");
  expect_error(head + "{\"id\": \"a\"}]}", 4, "duplicate node id 'a'");
  expect_error(head + "{\"id\": \"c\", \"name\": \"B\"}]}", 4, "duplicate node name");
  expect_error(head + "{\"id\": \"c\", \"name\": \"...\"}]}", 4, "empty name");
  const std::string edges =
      head + "{\"id\": \"c\"}],\n\"edges\": [\n  {\"source\": \"a\", \"target\": \"b\"},\n  ";
  expect_error(edges + "{\"source\": \"a\", \"target\": \"b\", \"relation\": \"HUGS\"}]}", 7,
               "edges[1].relation: unknown relation 'HUGS'");
  expect_error(edges + "{\"source\": \"a\", \"target\": \"zz\"}]}", 7,
               "edges[1].target: 'zz' is not a node id");
  expect_error(edges + "{\"source\": \"q\\nq\", \"target\": \"a\"}]}", 7,
               "edges[1].source: 'q\\nq' is not a node id");
  expect_error(edges + "{\"source\": \"a\", \"target\": \"b\", \"first_seen\": \"2019-02-30\"}]}",
               7, "edges[1].first_seen: invalid date '2019-02-30'");
  expect_error(
      edges + "{\"source\": \"a\", \"target\": \"b\", \"evidence\": [{\"date\": \"yesterday\"}]}]}",
      7, "edges[1].evidence[0].date: invalid date");
  expect_error("{\"articles\": [{\"id\": \"x\"},\n {\"id\": \"x\"}]}", 2,
               "duplicate article id 'x'");
  expect_error("{\"articles\": [{\"title\": \"no id\"}]}", 1,
               "articles[0]: an article needs an \"id\"");
  expect_error("{\"articles\": [{\"id\": \"x\", \"date\": \"2019-13-01\"}]}", 1,
               "articles[0].date");
  // A long value is cut in the message.
  const std::string msg = expect_error(
      head + "{\"id\": \"c\", \"kind\": \"" + std::string(5000, 'k') + "\"}]}", 4, "...");
  EXPECT_LT(msg.size(), 300u);
}

TEST(JsonFormat, LoadJsonNamesThePath) {
  const fs::path dir = fs::temp_directory_path() / ("json_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "bad.json").string();
  std::ofstream(path) << "{\"nodes\": [\n{\"id\": \"a\", \"kind\": \"nope\"}]}";
  try {
    load_json(path);
    ADD_FAILURE() << "no error";
  } catch (const io::ParseError& e) {
    EXPECT_EQ(std::string(e.what()).rfind(path + ":2:1: ", 0), 0u) << e.what();
  }
  EXPECT_THROW(load_json((dir / "missing.json").string()), graph::NotFound);
  EXPECT_THROW(load_json(dir.string()), graph::Error);
  const std::string good = (dir / "good.json").string();
  std::ofstream(good) << to_json(test_support::story_graph());
  EXPECT_EQ(test_support::graph_difference(load_json(good), test_support::story_graph()), "");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace stakegraph::io
