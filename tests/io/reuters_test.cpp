// The 30 real 1987 Reuters articles on the UK-Japan telecoms row (tests/data/reuters):
// no crash, a conflictual PLOVER edge between the United Kingdom and Japan backed by at
// least three different articles, and Cable and Wireless as a node.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "io/article.hpp"
#include "io/extract.hpp"
#include "io/lexicon.hpp"
#include "tests/support/data.hpp"

namespace stakegraph::io {
namespace {

namespace fs = std::filesystem;

TEST(Reuters, UkJapanRow) {
  const fs::path file =
      test_support::test_data("reuters/reuters21578_uk_japan_telecom_row_1987.jsonl");
  STAKEGRAPH_NEED_FILE(file);
  const Lexicon lex = Lexicon::load();
  Extractor ex(lex);
  graph::Graph g;
  std::size_t articles = 0;
  for_each_article(file.string(), [&](ArticleText& a) {
    ex.extract(a, g);
    ++articles;
  });
  EXPECT_EQ(articles, 30u);
  auto uk = g.find_named("United Kingdom");
  auto jp = g.find_named("Japan");
  ASSERT_TRUE(uk && jp);
  std::set<std::uint32_t> best;
  for (auto [ei, ee] = boost::edges(g.boost_graph()); ei != ee; ++ei) {
    auto s = g.source(*ei), t = g.target(*ei);
    if (!((s == *uk && t == *jp) || (s == *jp && t == *uk))) continue;
    const auto& ed = g.edge(*ei);
    if (!graph::is_event(ed.relation) || graph::relation_sign(ed.relation) >= 0) continue;
    std::set<std::uint32_t> arts;
    for (const auto& ev : ed.evidence) arts.insert(ev.article);
    if (arts.size() > best.size()) best = arts;
  }
  EXPECT_GE(best.size(), 3u);
  auto cw = g.find_named("Cable and Wireless");
  ASSERT_TRUE(cw);
  EXPECT_EQ(g.node(*cw).kind, graph::Kind::kOperator);
}

}  // namespace
}  // namespace stakegraph::io
