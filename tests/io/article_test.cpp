// Article readers: text headers, first-line titles, JSON Lines, news dates, UTF-8 errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "graph/error.hpp"
#include "io/article.hpp"
#include "io/error.hpp"
#include "tests/temp_dir.hpp"

namespace stakegraph::io {
namespace {

// Reader tests on files: each in a scratch directory of its own.
class ArticleFiles : public test_support::TempDirTest {
 protected:
  std::string write_tmp(const std::string& name, const std::string& text) {
    return write(name, text);
  }
};

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

TEST(ArticleReader, TitleThenBlankLineThenMetadata) {
  // A blank line between the title and its metadata lines: still the header.
  auto a =
      parse_text_article("Headline\n\nDate: 2021-03-04\nSource: Desk\n\nBody here.\n", "x.txt");
  EXPECT_EQ(a.title, "Headline");
  EXPECT_EQ(a.date, 20210304);
  EXPECT_EQ(a.source, "Desk");
  EXPECT_EQ(a.body, "Body here.\n");
  // A paragraph after the blank line is body, even with a colon in it.
  auto b = parse_text_article("Headline\n\nNote: the body starts here.\n", "x.txt");
  EXPECT_EQ(b.title, "Headline");
  EXPECT_EQ(b.body, "Note: the body starts here.\n");
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
  } catch (const io::ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.txt"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("byte offset 13"), std::string::npos) << e.what();
  }
}

TEST(ArticleReader, TypographicQuotesKept) {
  auto a =
      parse_text_article("T\n\n\xE2\x80\x9CNo,\xE2\x80\x9D he said \xE2\x80\x94 firmly.", "q.txt");
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

TEST_F(ArticleFiles, JsonLinesStreamed) {
  auto p =
      write_tmp("a.jsonl",
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

TEST_F(ArticleFiles, JsonLinesErrors) {
  auto p = write_tmp("bad.jsonl", "{\"text\":\"ok\"}\n{\"text\": \n");
  EXPECT_THROW(for_each_article(p, [](ArticleText&) {}), io::ParseError);
  auto q = write_tmp("arr.jsonl", "[1,2]\n");
  EXPECT_THROW(for_each_article(q, [](ArticleText&) {}), io::ParseError);
  auto r = write_tmp("utf.jsonl", std::string("{\"text\":\"a\xc3\"}\n"));
  try {
    for_each_article(r, [](ArticleText&) {});
    FAIL();
  } catch (const io::ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("byte offset 10"), std::string::npos) << e.what();
  }
}

// JSON Lines are read in 64 KiB pieces: lines just under, at and over a piece's size (with
// and without a final newline) come through whole, with their line numbers.
TEST_F(ArticleFiles, JsonLinesAcrossReadPieces) {
  for (const bool final_newline : {true, false}) {
    std::string text;
    std::vector<std::size_t> sizes;
    for (const std::size_t len : {65534u, 65535u, 65536u, 65537u, 131071u, 131072u, 15u}) {
      const std::string prefix = "{\"text\":\"", suffix = "\"}";
      const std::size_t body = len - prefix.size() - suffix.size();
      text += prefix + std::string(body, 'x') + suffix + "\n";
      sizes.push_back(body);
    }
    if (!final_newline) text.pop_back();
    const auto p = write_tmp("pieces.jsonl", text);
    std::vector<std::size_t> got;
    for_each_article(p, [&](ArticleText& a) { got.push_back(a.body.size()); });
    EXPECT_EQ(got, sizes) << "final newline: " << final_newline;
  }
}

TEST_F(ArticleFiles, EmptyFilesAndDirectoriesAreErrors) {
  for (const char* name : {"empty.txt", "blank.md", "empty.jsonl", "blank.jsonl"}) {
    const auto p = write_tmp(name, std::string(name).find("blank") == 0 ? " \n\n \n" : "");
    try {
      for_each_article(p, [](ArticleText&) { ADD_FAILURE() << "an article"; });
      ADD_FAILURE() << name << ": no error";
    } catch (const io::ParseError& e) {
      EXPECT_NE(std::string(e.what()).find(p + ": empty file"), std::string::npos) << e.what();
    }
  }
  std::filesystem::create_directories(path("nothing"));
  write_tmp("nothing/notes.pdf", "x");
  EXPECT_THROW(list_article_files({path("nothing")}), graph::NotFound);
}

TEST(ArticleReader, NulByteNamesByteOffset) {
  try {
    parse_text_article(std::string("Title: x\n\nab\0c \xff", 16), "bin.txt");
    FAIL() << "no error";
  } catch (const io::ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("bin.txt: byte offset 12: NUL byte"), std::string::npos)
        << e.what();
  }
}

TEST(ArticleReader, MissingFile) {
  EXPECT_THROW(for_each_article("/nonexistent/x.txt", [](ArticleText&) {}), graph::NotFound);
  EXPECT_THROW(list_article_files({"/nonexistent/dir"}), graph::NotFound);
}

// Found by fuzz_article: a title line of '#'s only threw std::out_of_range (the Markdown
// heading marks were stripped past the end of the line).
TEST(ArticleReader, TitleOfHashesOnly) {
  for (const char* text : {"###\n\nBody.", "####  \nDate: 2019-05-23\n\nBody."}) {
    const ArticleText a = parse_text_article(text, "hashes.md");
    EXPECT_EQ(a.title, "") << text;
    EXPECT_EQ(a.body, "Body.") << text;
  }
}

}  // namespace
}  // namespace stakegraph::io
