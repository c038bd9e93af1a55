// Article readers: text headers, first-line titles, JSON Lines, news dates, UTF-8 errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "graph/error.hpp"
#include "io/article.hpp"

namespace stakegraph::io {
namespace {

std::string write_tmp(const std::string& name, const std::string& text) {
  auto p = std::filesystem::temp_directory_path() / ("sg_article_" + name);
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

TEST(ArticleReader, HeaderLines) {
  auto a = parse_text_article(
      "Title: Huawei shut out\nDate: 2020-07-14\nSource: Wire\nURL: https://x/y\n\nBody one.\n",
      "dir/story-1.txt");
  EXPECT_EQ(a.id, "story-1");
  EXPECT_EQ(a.title, "Huawei shut out");
  EXPECT_EQ(a.date, 20200714);
  EXPECT_EQ(a.source, "Wire");
  EXPECT_EQ(a.url, "https://x/y");
  EXPECT_EQ(a.body, "Body one.\n");
}

TEST(ArticleReader, FirstLineTitleThenDateAndSource) {
  auto a = parse_text_article("Big headline\nDate: 2018-12-12\nSource: Staff\n\nFirst. Second.",
                              "x.txt");
  EXPECT_EQ(a.title, "Big headline");
  EXPECT_EQ(a.date, 20181212);
  EXPECT_EQ(a.source, "Staff");
  EXPECT_EQ(a.body, "First. Second.");
}

TEST(ArticleReader, FirstLineTitleThenBlankLine) {
  auto a = parse_text_article("# Headline\n\nThe body starts here.\n", "x.md");
  EXPECT_EQ(a.title, "Headline");
  EXPECT_EQ(a.body, "The body starts here.\n");
}

TEST(ArticleReader, NoHeaderAtAll) {
  auto a = parse_text_article("Just a paragraph of text that runs on.\nAnd on.", "x.txt");
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.body, "Just a paragraph of text that runs on.\nAnd on.");
}

TEST(ArticleReader, EmptyInput) {
  auto a = parse_text_article("", "empty.txt");
  EXPECT_EQ(a.body, "");
}

TEST(ArticleReader, InvalidUtf8NamesByteOffset) {
  try {
    parse_text_article(std::string("Title: x\n\nabc\xff def"), "bad.txt");
    FAIL() << "no error";
  } catch (const graph::ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.txt"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("byte offset 13"), std::string::npos) << e.what();
  }
}

TEST(ArticleReader, TypographicQuotesKept) {
  auto a = parse_text_article("T\n\n\xE2\x80\x9CNo,\xE2\x80\x9D he said \xE2\x80\x94 firmly.", "q.txt");
  EXPECT_EQ(a.body, "\xE2\x80\x9CNo,\xE2\x80\x9D he said \xE2\x80\x94 firmly.");
}

TEST(NewsDate, Forms) {
  EXPECT_EQ(parse_news_date("13-MAR-1987 05:16:38.71"), 19870313);
  EXPECT_EQ(parse_news_date("2019-05-23"), 20190523);
  EXPECT_EQ(parse_news_date("2019-05-23T10:00:00Z"), 20190523);
  EXPECT_EQ(parse_news_date("March 13, 1987"), 19870313);
  EXPECT_EQ(parse_news_date("13 March 1987"), 19870313);
  EXPECT_EQ(parse_news_date("Tuesday, 13 March 1987"), 19870313);
  EXPECT_FALSE(parse_news_date("31-FEB-1987"));
  EXPECT_FALSE(parse_news_date("yesterday"));
  EXPECT_FALSE(parse_news_date(""));
}

TEST(ArticleReader, JsonLinesStreamed) {
  auto p = write_tmp("a.jsonl",
                     "{\"title\":\"A\",\"date\":\"13-MAR-1987 05:16:38.71\",\"text\":\"One.\",\"x\":1}\n"
                     "\n"
                     "{\"title\":\"B\",\"date\":\"1987-03-14\",\"text\":\"Caf\\u00e9 two.\"}\n");
  std::vector<ArticleText> got;
  for_each_article(p, [&](ArticleText& a) { got.push_back(a); });
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].title, "A");
  EXPECT_EQ(got[0].date, 19870313);
  EXPECT_EQ(got[0].body, "One.");
  EXPECT_EQ(got[1].body, "Caf\xC3\xA9 two.");
  EXPECT_NE(got[0].id, got[1].id);
}

TEST(ArticleReader, JsonLinesErrors) {
  auto p = write_tmp("bad.jsonl", "{\"text\":\"ok\"}\n{\"text\": \n");
  EXPECT_THROW(for_each_article(p, [](ArticleText&) {}), graph::ParseError);
  auto q = write_tmp("arr.jsonl", "[1,2]\n");
  EXPECT_THROW(for_each_article(q, [](ArticleText&) {}), graph::ParseError);
  auto r = write_tmp("utf.jsonl", std::string("{\"text\":\"a\xc3\"}\n"));
  try {
    for_each_article(r, [](ArticleText&) {});
    FAIL();
  } catch (const graph::ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("byte offset 10"), std::string::npos) << e.what();
  }
}

TEST(ArticleReader, MissingFile) {
  EXPECT_THROW(for_each_article("/nonexistent/x.txt", [](ArticleText&) {}), graph::NotFound);
  EXPECT_THROW(list_article_files({"/nonexistent/dir"}), graph::NotFound);
}

}  // namespace
}  // namespace stakegraph::io
