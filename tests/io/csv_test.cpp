// CSV edge lists: round trips keep every edge (endpoint names and kinds, relation, weight);
// RFC 4180 quoting (commas, quotes, newlines inside fields); columns in any order with
// defaults; and bad input (empty, junk, invalid UTF-8, NUL bytes, a huge line, bad quoting,
// bad values) is a ParseError naming the file and line, never a crash.
#include "io/formats/csv.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "graph/centrality.hpp"
#include "graph/csr.hpp"
#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/input.hpp"
#include "tests/test_graphs.hpp"

namespace stakegraph::io {
namespace {

namespace fs = std::filesystem;

std::string to_csv(const graph::Graph& g) {
  std::ostringstream out;
  write_csv(g, out);
  return out.str();
}

// An edge as a CSV row carries it: endpoint names and kinds, relation, weight. Symmetric
// relations are keyed with their endpoints in name order.
using EdgeRow = std::tuple<std::string, std::string, std::string, double, std::string, std::string>;

std::set<EdgeRow> edge_rows(const graph::Graph& g) {
  std::set<EdgeRow> rows;
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
    const graph::EdgeData& d = g.edge(*it);
    const graph::NodeData* s = &g.node(g.source(*it));
    const graph::NodeData* t = &g.node(g.target(*it));
    if (graph::is_symmetric(d.relation) && t->name < s->name) std::swap(s, t);
    rows.emplace(s->name, t->name, std::string(graph::relation_name(d.relation)),
                 d.weight.value_or(1.0), std::string(graph::kind_name(s->kind)),
                 std::string(graph::kind_name(t->kind)));
  }
  return rows;
}

// Parses `text` expecting a ParseError on `line` (0: any line) whose message names the file,
// contains `needle` and is one line.
void expect_error(const std::string& text, std::uint64_t line, const std::string& needle) {
  try {
    parse_csv(text, "in.csv");
    ADD_FAILURE() << "no error for: " << text.substr(0, 200);
  } catch (const io::ParseError& e) {
    const std::string what = e.what();
    EXPECT_EQ(e.file(), "in.csv") << what;
    EXPECT_EQ(what.rfind("in.csv", 0), 0u) << what;
    if (line) {
      EXPECT_EQ(e.line(), line) << what;
    }
    EXPECT_NE(what.find(needle), std::string::npos) << "expected '" << needle << "' in: " << what;
    EXPECT_EQ(what.find('\n'), std::string::npos) << what;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not a ParseError: " << e.what();
  }
}

TEST(Csv, StoryGraphRoundTripKeepsTheEdges) {
  const graph::Graph g = test_support::story_graph();
  const std::string text = to_csv(g);
  const graph::Graph h = parse_csv(text, "story.csv");
  EXPECT_EQ(h.edge_count(), g.edge_count());
  EXPECT_EQ(h.node_count(), g.node_count());  // every story node has an edge
  EXPECT_EQ(edge_rows(h), edge_rows(g));
  EXPECT_EQ(text.substr(0, text.find('\n')),
            "source,target,relation,weight,source_kind,target_kind,goldstein,evidence_count,"
            "first_seen,last_seen");
  // Issue 15: an edge without a weight (extraction) has an empty weight cell.
  EXPECT_NE(text.find("\nUnited States,Huawei,SANCTION,,government,vendor,,"), std::string::npos);
  EXPECT_NE(text.find("\nespionage via backdoors,Huawei,implicates,0.5,allegation,vendor,,"),
            std::string::npos);
}

TEST(Csv, RandomGraphsRoundTrip) {
  for (unsigned seed : {7u, 8u, 9u}) {
    const graph::Graph g = test_support::random_graph(300, 2000, seed, false);
    const graph::Graph h = parse_csv(to_csv(g), "random.csv");
    EXPECT_EQ(h.edge_count(), g.edge_count()) << "seed " << seed;
    EXPECT_EQ(edge_rows(h), edge_rows(g)) << "seed " << seed;
  }
}

TEST(Csv, QuotedFieldsRoundTrip) {
  // Names with commas, quotes, newlines (LF and CRLF), surrounding spaces, non-ASCII text;
  // weights that need all 17 digits.
  graph::Graph g;
  const auto a = g.add_node("Smith, John", graph::Kind::kPerson);
  const auto b = g.add_node("The \"Big\" One", graph::Kind::kMedia);
  const auto c = g.add_node("two\nlines and\r\nCRLF", graph::Kind::kAgency);
  const auto d = g.add_node(" padded\t", graph::Kind::kVendor);
  const auto e = g.add_node("\xE4\xBB\xBB\xE6\xAD\xA3\xE9\x9D\x9E", graph::Kind::kPerson);
  g.add_edge(a, b, graph::Relation::kAccuse, 0.1);
  g.add_edge(b, c, graph::Relation::kReports, 1.0 / 3.0);
  g.add_edge(c, d, graph::Relation::kOwns, -2.5e-300);
  g.add_edge(d, e, graph::Relation::kLinkedTo, 1e300);
  const std::string text = to_csv(g);
  EXPECT_NE(text.find("\"Smith, John\",\"The \"\"Big\"\" One\",ACCUSE,0.1,person,media,"),
            std::string::npos)
      << text;
  const graph::Graph h = parse_csv(text, "quoted.csv");
  EXPECT_EQ(edge_rows(h), edge_rows(g));
  EXPECT_EQ(h.node_count(), 5u);
}

TEST(Csv, ColumnsInAnyOrderWithDefaults) {
  // Header in another order, other case, an extra column; CRLF line ends, a byte order
  // mark, blank lines, spaces around unquoted fields.
  //   Huawei -supplies-> BT (2.5), BT -related_to-> EE (1), Huawei -supplies-> BT again (7).
  const std::string text =
      "\xEF\xBB\xBF Weight ,TARGET,comment,Source,target_kind,source_kind,relation\r\n"
      "2.5, BT ,\"first, with comma\",Huawei,operator,vendor,supplies\r\n"
      "\r\n"
      ",EE,,BT,,,\r\n"
      "7,BT,repeated,Huawei,,,supplies\r\n"
      "\r\n";
  const graph::Graph g = parse_csv(text, "order.csv");
  ASSERT_EQ(g.node_count(), 3u);
  ASSERT_EQ(g.edge_count(), 2u);
  const auto hw = *g.find_named("Huawei"), bt = *g.find_named("BT"), ee = *g.find_named("EE");
  EXPECT_EQ(g.node(hw).kind, graph::Kind::kVendor);
  EXPECT_EQ(g.node(bt).kind, graph::Kind::kOperator);
  EXPECT_EQ(g.node(ee).kind, graph::Kind::kOrganization);
  EXPECT_EQ(g.node(bt).name, "BT");
  const auto supplies = g.find_edge(hw, bt, graph::Relation::kSupplies);
  ASSERT_TRUE(supplies);
  EXPECT_EQ(g.edge(*supplies).weight, 9.5);  // a repeated row adds its weight
  const auto related = g.find_edge(bt, ee, graph::Relation::kRelatedTo);
  ASSERT_TRUE(related);
  EXPECT_FALSE(g.edge(*related).weight.has_value());  // issue 15: an empty cell is no weight
  EXPECT_EQ(g.edge(*related).sign, 0);
}

TEST(Csv, OnlySourceAndTarget) {
  const graph::Graph g = parse_csv("source,target\na,b\nb,c", "min.csv");  // no final newline
  EXPECT_EQ(g.node_count(), 3u);
  EXPECT_EQ(g.edge_count(), 2u);
  EXPECT_TRUE(g.find_edge(1, 2, graph::Relation::kRelatedTo));
}

// Issue 13: a plain edge list (no relation column: related_to) is directed data. Drawn:
//
//   a --> b <-- c
//         ^
//         d
//
// It was stored as a->b, b->c, b->d (related_to was kept once per unordered pair, the
// smaller node index first), so directed PageRank put b's rank on c and d. NetworkX
// (pagerank, alpha 0.85, pure-Python version) on the drawing: b 0.5419847328238852, a, c
// and d 0.1526717557253716 each.
TEST(Csv, EdgeListKeepsItsDirection) {
  const graph::Graph g = parse_csv("source,target\na,b\nc,b\nd,b\n", "star.csv");
  ASSERT_EQ(g.edge_count(), 3u);
  const auto a = *g.find_named("a"), b = *g.find_named("b"), c = *g.find_named("c"),
             d = *g.find_named("d");
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it)
    EXPECT_EQ(g.target(*it), b) << g.node(g.source(*it)).name << " -> "
                                << g.node(g.target(*it)).name;
  EXPECT_FALSE(g.find_edge(b, c, graph::Relation::kRelatedTo));
  const graph::Csr csr = graph::build_csr(g, {.directed = true});
  const graph::CentralityResult r = graph::pagerank(csr, {.tolerance = 1e-13});
  EXPECT_NEAR(r.scores[b], 0.5419847328238852, 1e-9);
  for (auto v : {a, c, d}) EXPECT_NEAR(r.scores[v], 0.1526717557253716, 1e-9);
  // b -> a is another edge than a -> b, and the file's text comes back in its direction.
  const graph::Graph both = parse_csv("source,target\na,b\nb,a\n", "both.csv");
  EXPECT_EQ(both.edge_count(), 2u);
  EXPECT_EQ(to_csv(g),
            "source,target,relation,weight,source_kind,target_kind,goldstein,evidence_count,"
            "first_seen,last_seen\n"
            "a,b,related_to,,organization,organization,,0,,\n"
            "c,b,related_to,,organization,organization,,0,,\n"
            "d,b,related_to,,organization,organization,,0,,\n");
}

// Issue 13: rows repeating (source, target, relation) kept the first weight silently. They
// are one edge whose weight is the sum of theirs (without a weight column: the row count).
TEST(Csv, RepeatedRowsSumTheirWeights) {
  const graph::Graph g =
      parse_csv("source,target,weight\na,b,5\na,b,7\nb,a,1\na,b,-3\n", "dup.csv");
  ASSERT_EQ(g.edge_count(), 2u);
  const auto a = *g.find_named("a"), b = *g.find_named("b");
  EXPECT_EQ(g.edge(*g.find_edge(a, b, graph::Relation::kRelatedTo)).weight, 9.0);
  EXPECT_EQ(g.edge(*g.find_edge(b, a, graph::Relation::kRelatedTo)).weight, 1.0);
  const graph::Graph counted = parse_csv("source,target\nx,y\nx,y\nx,y\n", "count.csv");
  EXPECT_EQ(counted.edge(*counted.find_edge(0, 1, graph::Relation::kRelatedTo)).weight, 3.0);
}

TEST(Csv, KindsAndRelations) {
  // The first kind given wins over later ones and over rows that give none; an unknown kind
  // is organization until a known one comes; older PLOVER names are accepted.
  const graph::Graph g = parse_csv(
      "source,target,relation,source_kind,target_kind\n"
      "a,b,DEMAND,,wizard\n"
      "b,a,fight,person,agency\n"
      "a,c,part-of,media,government\n",
      "kinds.csv");
  const auto a = *g.find_named("a"), b = *g.find_named("b"), c = *g.find_named("c");
  EXPECT_EQ(g.node(a).kind, graph::Kind::kAgency);
  EXPECT_EQ(g.node(b).kind, graph::Kind::kPerson);
  EXPECT_EQ(g.node(c).kind, graph::Kind::kGovernment);
  EXPECT_TRUE(g.find_edge(a, b, graph::Relation::kRequest));
  EXPECT_TRUE(g.find_edge(b, a, graph::Relation::kAssault));
  EXPECT_TRUE(g.find_edge(a, c, graph::Relation::kPartOf));
  const graph::Graph unknown = parse_csv("source,target,source_kind\nx,y,wizard\n", "k.csv");
  EXPECT_EQ(unknown.node(0).kind, graph::Kind::kOrganization);
}

TEST(Csv, HeaderOnlyIsAnEmptyGraph) {
  for (const char* text : {"source,target\n", "source,target", "source,target\n\n\n"}) {
    const graph::Graph g = parse_csv(text, "header.csv");
    EXPECT_EQ(g.node_count(), 0u);
    EXPECT_EQ(g.edge_count(), 0u);
  }
  EXPECT_EQ(to_csv(graph::Graph{}),
            "source,target,relation,weight,source_kind,target_kind,goldstein,evidence_count,"
            "first_seen,last_seen\n");
}

TEST(Csv, EmptyJunkAndEncoding) {
  expect_error("", 0, "empty file");
  expect_error("\n \r\n", 0, "empty file");
  expect_error("\xEF\xBB\xBF", 0, "empty file");
  std::string junk;
  for (int i = 0; i < 512; ++i) junk += static_cast<char>((i * 7919 + 5) & 0xFF);
  expect_error(junk, 0, "in.csv");
  expect_error("source,target\na,b\nc,d\xC3\x28\n", 3, "invalid UTF-8 (byte offset 21)");
  expect_error(std::string("source,target\na,b\0c\n", 20), 2, "NUL byte");
  expect_error("{\"nodes\": []}", 1, "header: quote inside an unquoted field");
  expect_error("{nodes: []}", 1, "the header needs 'source' and 'target' columns");
}

TEST(Csv, HugeLineIsRefused) {
  std::string text = "source,target\na,";
  text.append(kMaxLineBytes, 'b');
  text += "\nc,d\n";
  expect_error(text, 2, "line longer than the limit");
}

TEST(Csv, QuotingErrors) {
  expect_error("source,target\na,b\n\"unclosed,d\nx,y\n", 3, "unterminated quoted field");
  expect_error("source,target\na,b\nsay \"hi\",d\n", 3, "quote inside an unquoted field");
  expect_error("source,target\na,b\n\"c\"x,d\n", 3, "unexpected character after the closing quote");
  // A record spanning lines is reported at the line it starts on.
  expect_error("source,target\n\"multi\nline\",b,extra\n", 2, "expected 2 fields");
}

TEST(Csv, HeaderErrors) {
  expect_error("from,to\na,b\n", 1,
               "the header needs 'source' and 'target' columns, found: from,to");
  expect_error("source,weight\na,1\n", 1, "needs 'source' and 'target'");
  expect_error("\n\nsource,target,Source\na,b,c\n", 3, "column 'source' appears twice");
}

TEST(Csv, BadValues) {
  const std::string head = "source,target,relation,weight\na,b,supplies,1\n";
  expect_error(head + "a,b,supplies\n", 3, "expected 4 fields as in the header, found 3");
  expect_error(head + "a,b,supplies,1,extra\n", 3, "found 5");
  expect_error(head + ",b,supplies,1\n", 3, "empty source");
  expect_error(head + "a,\"\",supplies,1\n", 3, "empty target");
  expect_error(head + "a,---,supplies,1\n", 3, "target '---'");
  expect_error(head + "a,b,HUGS,1\n", 3, "unknown relation 'HUGS'");
  for (const char* w : {"heavy", "1.5x", "1,5", "inf", "nan", "1e999", "0x10", "--1"}) {
    std::string row = "a,b,supplies,\"" + std::string(w) + "\"\n";
    expect_error(head + row, 3, "invalid weight");
  }
  expect_error(head + "a,b,supplies,\"1\n2\"\n", 3, "invalid weight '1\\n2'");
  // A leading '+' and exponents are fine.
  const graph::Graph plus = parse_csv(head + "c,d,owns,+2.5e1\n", "plus.csv");
  EXPECT_EQ(plus.edge(*plus.find_edge(2, 3, graph::Relation::kOwns)).weight, 25.0);
}

TEST(Csv, EveryTruncationIsHandled) {
  // CSV has no end marker: a cut at a line end is a valid shorter file. Every cut must give
  // a graph or a ParseError, and a cut inside a quoted field is always an error.
  graph::Graph g = test_support::story_graph();
  g.add_edge(0, 1, graph::Relation::kCoerce);
  g.add_edge(g.add_node("Comma, Inc", graph::Kind::kVendor), 0, graph::Relation::kAid, 0.25);
  const std::string text = to_csv(g);
  const std::size_t open = text.find("\"Comma");
  ASSERT_NE(open, std::string::npos);
  for (std::size_t n = 0; n < text.size(); ++n) {
    try {
      const graph::Graph h = parse_csv(text.substr(0, n), "cut.csv");
      EXPECT_LE(h.edge_count(), g.edge_count());
      EXPECT_FALSE(n > open && n < open + 12) << "cut inside a quoted field at " << n;
    } catch (const io::ParseError& e) {
      EXPECT_EQ(e.file(), "cut.csv");
    }
  }
}

TEST(Csv, LoadCsvNamesThePath) {
  const fs::path dir = fs::temp_directory_path() / ("csv_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "bad.csv").string();
  std::ofstream(path) << "source,target,weight\na,b,1\na,c,x\n";
  try {
    load_csv(path);
    ADD_FAILURE() << "no error";
  } catch (const io::ParseError& e) {
    EXPECT_EQ(std::string(e.what()).rfind(path + ":3: invalid weight 'x'", 0), 0u) << e.what();
  }
  EXPECT_THROW(load_csv((dir / "missing.csv").string()), graph::NotFound);
  EXPECT_THROW(load_csv(dir.string()), graph::Error);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace stakegraph::io
