// io::printable: every control character and invalid byte has a visible stand-in, the rest
// (ASCII, multi-byte UTF-8, U+00A0 and up) passes unchanged, `keep` lets chosen ASCII
// controls through.
#include "io/printable.hpp"

#include <gtest/gtest.h>

#include <string>

#include "graph/graph.hpp"
#include "io/render/dot.hpp"

namespace stakegraph {
namespace {

using io::is_printable;
using io::printable;

TEST(Printable, PlainTextUnchanged) {
  for (const std::string s : {"", "Huawei", "Ren Zhengfei \xE4\xBB\xBB\xE6\xAD\xA3\xE9\x9D\x9E",
                              "caf\xC3\xA9 \xC2\xA0nbsp", "\xF0\x9F\x98\x80 emoji"}) {
    EXPECT_EQ(printable(s), s);
    EXPECT_TRUE(is_printable(s));
  }
}

TEST(Printable, C0AndDelBecomeControlPictures) {
  EXPECT_EQ(printable("a\x1b[31mb"), "a\xE2\x90\x9B[31mb");      // ESC -> U+241B
  EXPECT_EQ(printable(std::string("\0", 1)), "\xE2\x90\x80");    // NUL -> U+2400
  EXPECT_EQ(printable("\x07\x7F"), "\xE2\x90\x87\xE2\x90\xA1");  // BEL, DEL -> U+2421
  EXPECT_EQ(printable("a\nb\tc\r"),
            "a\xE2\x90\x8A"
            "b\xE2\x90\x89"
            "c\xE2\x90\x8D");
  EXPECT_FALSE(is_printable("a\x1b"));
}

TEST(Printable, KeptControlsPass) {
  EXPECT_EQ(printable("a\nb\tc\x1b", "\n\t"), "a\nb\tc\xE2\x90\x9B");
  EXPECT_TRUE(is_printable("a\nb", "\n"));
}

TEST(Printable, C1NonCharactersAndInvalidBytesBecomeReplacement) {
  const std::string r = "\xEF\xBF\xBD";
  EXPECT_EQ(printable("\xC2\x9B"
                      "2J"),
            r + "2J");                  // CSI, U+009B
  EXPECT_EQ(printable("\xC2\x85"), r);  // NEL
  EXPECT_EQ(printable("\x9B"
                      "2J"),
            r + "2J");  // a lone byte 0x9B
  EXPECT_EQ(printable("a\xFF"
                      "b"),
            "a" + r + "b");
  EXPECT_EQ(printable("\xC0\xAF"), r + r);          // overlong '/'
  EXPECT_EQ(printable("\xED\xA0\x80"), r + r + r);  // a surrogate
  EXPECT_EQ(printable("\xE4\xBB"), r + r);          // cut short
  EXPECT_EQ(printable("\xEF\xBF\xBF"), r);          // U+FFFF
  EXPECT_EQ(printable("\xEF\xBF\xBD"), r);          // U+FFFD itself passes
  EXPECT_TRUE(is_printable("\xEF\xBF\xBD"));
}

// The output never holds a byte a terminal or XML 1.0 refuses, whatever the input.
TEST(Printable, EveryByteValueIsHandled) {
  for (int a = 0; a < 256; ++a)
    for (int b = 0; b < 256; b += 5) {
      const std::string in{static_cast<char>(a), static_cast<char>(b), 'x'};
      const std::string out = printable(in);
      EXPECT_TRUE(is_printable(out)) << a << " " << b;
      for (unsigned char c : out) EXPECT_FALSE(c < 0x20 || c == 0x7F) << a << " " << b;
    }
}

// The DOT writer's text goes through printable: labels, tooltips, HTML labels and the node
// names Graphviz copies into the SVG's <title>. Two ids that differ only by a control
// character and its picture stay two nodes:
//   "a\x01" (name "A\e[1m")     "a\u2401" (name "B")
TEST(PrintableDot, DotDocumentHasNoControlCharacters) {
  graph::Graph g;
  g.add_node_with_id("a\x01", "A\x1b[1m", graph::Kind::kGovernment);
  g.add_node_with_id("a\xE2\x90\x81", "B", graph::Kind::kGovernment);
  const io::DotDocument doc = io::make_dot_document(g, {.title = "T\x07"});
  ASSERT_EQ(doc.nodes.size(), 2u);
  EXPECT_EQ(doc.nodes[1].name, "a\xE2\x90\x81");
  EXPECT_EQ(doc.nodes[0].name, "a\xE2\x90\x81~2");
  std::string all;
  for (const auto& n : doc.nodes)
    for (const auto& a : n.attrs) all += a.value;
  for (const auto& a : doc.graph_attrs) all += a.value;
  EXPECT_TRUE(is_printable(all, "\n"));
  EXPECT_NE(all.find("A\xE2\x90\x9B[1m"), std::string::npos);
  EXPECT_NE(all.find("T\xE2\x90\x87"), std::string::npos);
  EXPECT_EQ(io::escape_label("x\ty\x1b"), "x\ty\xE2\x90\x9B");
  EXPECT_EQ(io::escape_html("<\x01>"), "&lt;\xE2\x90\x81&gt;");
}

}  // namespace
}  // namespace stakegraph
