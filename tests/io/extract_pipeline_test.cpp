// The extraction pipeline of extract and ingest (io/extract_pipeline.hpp), in-process on a
// tiny article set written for this test (sentences of our own, the shipped lexicon):
//
//   a.txt  "Norway banned ZTE. Sweden banned ZTE."
//   b.txt  "Finland banned ZTE. Norway banned ZTE."     (its second sentence is a's first:
//                                                        syndicated copy, no evidence)
//   expected graph, nodes in the order first named:
//     Norway --SANCTION--> ZTE <--SANCTION-- Sweden
//                           ^
//                           +---SANCTION--- Finland
//   evidence: Norway->ZTE from a.txt only; Sweden->ZTE from a.txt; Finland->ZTE from b.txt.
#include "io/extract_pipeline.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "graph/edit.hpp"
#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/extract_corrections.hpp"
#include "tests/support/extract_support.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph::io {
namespace {

using graph::Relation;
using namespace extract_support;

class ExtractPipeline : public test_support::TempDirTest {
 protected:
  ExtractPipelineOptions options() {
    ExtractPipelineOptions o;
    o.files = {write("a.txt", "Title: a\n\nNorway banned ZTE. Sweden banned ZTE.\n"),
               write("b.txt", "Title: b\n\nFinland banned ZTE. Norway banned ZTE.\n")};
    o.lexicon = &lex();
    return o;
  }
};

// Edges in order with their evidence count: "Norway -SANCTION-> ZTE (1); ...".
std::string edges_of(const graph::Graph& g) {
  std::string out;
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
    if (!out.empty()) out += "; ";
    out += g.node(g.source(*it)).name + " -" +
           std::string(graph::relation_name(g.edge(*it).relation)) + "-> " +
           g.node(g.target(*it)).name + " (" + std::to_string(g.edge(*it).evidence.size()) + ")";
  }
  return out;
}

std::vector<std::string> names_of(const graph::Graph& g) {
  std::vector<std::string> out;
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v) out.push_back(g.node(v).name);
  return out;
}

TEST_F(ExtractPipeline, MergesArticlesInFileOrder) {
  const ExtractPipelineResult r = run_extract_pipeline({}, options());
  const graph::Graph& g = r.graph;
  EXPECT_EQ(names_of(g), (std::vector<std::string>{"Norway", "ZTE", "Sweden", "Finland"}))
      << dump(g);
  EXPECT_EQ(edges_of(g),
            "Norway -SANCTION-> ZTE (1); Sweden -SANCTION-> ZTE (1); Finland -SANCTION-> ZTE (1)");
  ASSERT_EQ(g.articles().size(), 2u);
  EXPECT_EQ(r.articles, 2u);
  EXPECT_EQ(r.stats.articles, 2u);
  EXPECT_EQ(r.stats.sentences, 4u);
  EXPECT_EQ(r.stats.skipped_syndicated, 1u);  // b's "Norway banned ZTE."
  const auto no = g.find_named("Norway"), zte = g.find_named("ZTE");
  ASSERT_TRUE(no && zte);
  const auto& evidence = g.edge(*g.find_edge(*no, *zte, Relation::kSanction)).evidence;
  ASSERT_EQ(evidence.size(), 1u);
  EXPECT_EQ(g.articles()[evidence[0].article].title, "a");
  EXPECT_EQ(evidence[0].text, "Norway banned ZTE.");
}

// The oracle: each article extracted alone (a fresh extractor, an empty graph) gives edges
// that the pipeline's graph has between the same names, b's syndicated sentence aside.
TEST_F(ExtractPipeline, HoldsEveryArticlesOwnEdges) {
  const ExtractPipelineOptions o = options();
  const graph::Graph g = run_extract_pipeline({}, o).graph;
  std::size_t checked = 0;
  for (const auto& file : o.files)
    for_each_article(file, [&](ArticleText& a) {
      const graph::Graph alone = Extractor(lex()).extract(a).graph;
      for (auto [it, end] = boost::edges(alone.boost_graph()); it != end; ++it) {
        const std::string s = alone.node(alone.source(*it)).name;
        const std::string t = alone.node(alone.target(*it)).name;
        EXPECT_TRUE(has(g, s, alone.edge(*it).relation, t)) << s << " -> " << t;
        ++checked;
      }
    });
  EXPECT_EQ(checked, 4u);
}

TEST_F(ExtractPipeline, ExistingGraphIsExtendedAndRememberedAndReRunChangesNothing) {
  ExtractPipelineOptions o = options();
  const graph::Graph first = run_extract_pipeline({}, o).graph;
  // The same files again: nothing new.
  const graph::Graph again = run_extract_pipeline(first, o).graph;
  EXPECT_EQ(edges_of(again), edges_of(first));
  EXPECT_EQ(names_of(again), names_of(first));
  // A new article repeating a sentence of the existing graph adds no evidence to it.
  o.files = {write("c.txt", "Title: c\n\nSweden banned ZTE. Denmark banned ZTE.\n")};
  const ExtractPipelineResult r = run_extract_pipeline(first, o);
  EXPECT_EQ(r.stats.skipped_syndicated, 1u);
  EXPECT_EQ(edges_of(r.graph),
            "Norway -SANCTION-> ZTE (1); Sweden -SANCTION-> ZTE (1); Finland -SANCTION-> ZTE (1); "
            "Denmark -SANCTION-> ZTE (1)");
}

TEST_F(ExtractPipeline, CallbacksAndCorrectionsLast) {
  ExtractPipelineOptions o = options();
  const CorrectionSet corr = CorrectionSet::parse(
      "rename { node: \"ZTE\" name: \"ZTE Corporation\" }\n"
      "drop_edge { source: \"Sweden\" relation: \"SANCTION\" target: \"ZTE\" }\n"
      "merge { from: \"Atlantis\" into: \"ZTE\" }\n",
      "fix.textpb");
  o.corrections = &corr;
  std::vector<std::string> calls;
  o.before_article = [&](const ArticleText& a, std::size_t file) {
    calls.push_back("before " + a.title + " " + std::to_string(file));
  };
  o.after_article = [&](std::size_t file, std::size_t articles) {
    calls.push_back("after " + std::to_string(file) + " " + std::to_string(articles));
  };
  o.on_file = [&](std::size_t done) { calls.push_back("file " + std::to_string(done)); };
  o.on_corrections = [&] { calls.push_back("corrections"); };
  const ExtractPipelineResult r = run_extract_pipeline({}, o);
  EXPECT_EQ(calls, (std::vector<std::string>{"before a 0", "after 0 1", "file 1", "before b 1",
                                             "after 1 2", "file 2", "corrections"}));
  EXPECT_EQ(edges_of(r.graph),
            "Norway -SANCTION-> ZTE Corporation (1); Finland -SANCTION-> ZTE Corporation (1)");
  EXPECT_EQ(r.corrections.applied, 2u);
  EXPECT_EQ(r.corrections.skipped, 1u);  // Atlantis is in no article
}

TEST_F(ExtractPipeline, Errors) {
  ExtractPipelineOptions o = options();
  o.lexicon = nullptr;
  EXPECT_THROW(run_extract_pipeline({}, o), graph::InvalidArgument);
  o = options();
  o.files.push_back(write("bad.txt", "Title: x\n\nab\xfe"));
  try {
    run_extract_pipeline({}, o);
    ADD_FAILURE() << "read a file that is not UTF-8";
  } catch (const ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.txt"), std::string::npos) << e.what();
  }
  o = options();
  o.files.push_back(path("missing.txt"));
  EXPECT_THROW(run_extract_pipeline({}, o), graph::Error);
}

}  // namespace
}  // namespace stakegraph::io
