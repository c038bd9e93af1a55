// graph/names.hpp and io/display_width.hpp: white space folding, accent- and case-folded
// comparison keys, transliterated ids (ASCII ids unchanged), display widths. Expected values
// written by hand from the Unicode and ICU tables (ICU's Latin-ASCII and Any-Latin).
#include <gtest/gtest.h>

#include "graph/error.hpp"
#include "graph/graph.hpp"
#include "graph/names.hpp"
#include "io/display_width.hpp"

namespace stakegraph::graph {
namespace {

TEST(Names, CleanNameFoldsWhiteSpaceAndLineBreaks) {
  EXPECT_EQ(clean_name("Margaret\nThatcher"), "Margaret Thatcher");
  EXPECT_EQ(clean_name("  Margaret \r\n\t Thatcher  "), "Margaret Thatcher");
  EXPECT_EQ(clean_name("Soci\xC3\xA9t\xC3\xA9\xC2\xA0G\xC3\xA9n\xC3\xA9rale"),  // no-break space
            "Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale");
  EXPECT_EQ(clean_name("Huawei"), "Huawei");
  EXPECT_EQ(clean_name("Evil\x1B[31m"), "Evil\x1B[31m");  // not white space: kept
  EXPECT_EQ(clean_name(" \n "), "");
}

TEST(Names, FoldIgnoresCaseAndAccents) {
  EXPECT_EQ(fold_name("SOCI\xC3\x89T\xC3\x89 G\xC3\x89N\xC3\x89RALE"), "societe generale");
  EXPECT_EQ(fold_name("Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale"), "societe generale");
  EXPECT_EQ(fold_name("Se\xCC\x81nat"), "senat");  // e + combining acute
  EXPECT_EQ(fold_name("\xC5\x81\xC3\xB3"
                      "d\xC5\xBA"),
            "lodz");
  EXPECT_EQ(fold_name("Stra\xC3\x9F"
                      "e"),
            "strasse");
  // Other scripts: case-folded, not transliterated (homophones stay apart).
  EXPECT_EQ(fold_name("\xD0\x93\xD0\x90\xD0\x97"), fold_name("\xD0\xB3\xD0\xB0\xD0\xB7"));
  EXPECT_NE(fold_name("\xE5\x8D\x8E\xE4\xB8\xBA"), "hua wei");
  // ASCII as before.
  EXPECT_EQ(fold_name("The U.S."), "us");
  EXPECT_EQ(fold_name("Huawei\xE2\x80\x99s"), "huaweis");
}

TEST(Names, SlugsTransliterateNonAsciiAndKeepAsciiIds) {
  EXPECT_EQ(slugify("Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale"), "societe-generale");
  EXPECT_EQ(slugify("\xD0\x93\xD0\xB0\xD0\xB7\xD0\xBF\xD1\x80\xD0\xBE\xD0\xBC"), "gazprom");
  EXPECT_EQ(slugify("\xE5\x8D\x8E\xE4\xB8\xBA"), "hua-wei");
  EXPECT_EQ(slugify("Deutsche Telekom"), "deutsche-telekom");
  EXPECT_EQ(slugify("U.S. Commerce Department"), "us-commerce-department");
  EXPECT_EQ(slugify("???"), "node");
  EXPECT_EQ(slugify("\xE2\x98\x85"), "node");  // a star: nothing to transliterate
}

TEST(Names, GraphStoresCleanNamesAndFindsFoldedOnes) {
  Graph g;
  const NodeIndex v =
      g.add_node("Soci\xC3\xA9t\xC3\xA9\nG\xC3\xA9n\xC3\xA9rale", Kind::kOrganization);
  EXPECT_EQ(g.node(v).name, "Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale");
  EXPECT_EQ(g.node(v).id, "societe-generale");
  EXPECT_EQ(g.find_node("SOCIETE GENERALE"), v);
  EXPECT_EQ(g.find_node("SOCI\xC3\x89T\xC3\x89 G\xC3\x89N\xC3\x89RALE"), v);
  EXPECT_EQ(g.add_node("Societe Generale", Kind::kOrganization), v);  // the same node
  // A file written before accent folding may hold both spellings as two nodes: both load.
  Graph old;
  old.add_node_with_id("a", "Soci\xC3\xA9t\xC3\xA9", Kind::kOrganization);
  EXPECT_NO_THROW(old.add_node_with_id("b", "Societe", Kind::kOrganization));
  EXPECT_EQ(old.node_count(), 2u);
  // ASCII duplicates are refused, as always.
  old.add_node_with_id("h", "Huawei", Kind::kVendor);
  EXPECT_THROW(old.add_node_with_id("c", "HUAWEI", Kind::kVendor), InvalidArgument);
}

TEST(DisplayWidth, CountsColumnsNotBytes) {
  EXPECT_EQ(io::display_width("Huawei"), 6u);
  EXPECT_EQ(io::display_width("Soci\xC3\xA9t\xC3\xA9"), 7u);
  EXPECT_EQ(io::display_width("Se\xCC\x81nat"), 5u);             // combining mark: 0
  EXPECT_EQ(io::display_width("\xE5\x8D\x8E\xE4\xB8\xBA"), 4u);  // two wide ideographs
  EXPECT_EQ(io::display_width("\xEF\xBC\xA1"), 2u);              // fullwidth A
  EXPECT_EQ(io::display_width("a\xFF"
                              "b"),
            3u);  // invalid byte: 1
  EXPECT_EQ(io::pad_to_width("\xE5\x8D\x8E", 4), "\xE5\x8D\x8E  ");
}

}  // namespace
}  // namespace stakegraph::graph
