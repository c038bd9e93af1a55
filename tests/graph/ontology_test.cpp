// The ontology's names, signs and older PLOVER synonyms.
#include "graph/ontology.hpp"

#include <gtest/gtest.h>

#include "graph/date.hpp"

namespace stakegraph::graph {
namespace {

TEST(Ontology, NamesRoundTrip) {
  for (Kind k : all_kinds()) EXPECT_EQ(parse_kind(kind_name(k)), k);
  for (Relation r : all_relations()) EXPECT_EQ(parse_relation(relation_name(r)), r);
  EXPECT_EQ(kind_name(Kind::kOperator), "operator");
  EXPECT_EQ(relation_name(Relation::kPartOf), "part_of");
  EXPECT_EQ(relation_name(Relation::kSanction), "SANCTION");
}

TEST(Ontology, ParsingIsLenient) {
  EXPECT_EQ(parse_relation("sanction"), Relation::kSanction);
  EXPECT_EQ(parse_relation("part-of"), Relation::kPartOf);
  EXPECT_EQ(parse_relation("DEMAND"), Relation::kRequest);
  EXPECT_EQ(parse_relation("DISAPPROVE"), Relation::kAccuse);
  EXPECT_EQ(parse_relation("INVESTIGATE"), Relation::kAccuse);
  EXPECT_EQ(parse_relation("FIGHT"), Relation::kAssault);
  EXPECT_EQ(parse_kind("Government"), Kind::kGovernment);
  EXPECT_FALSE(parse_kind("country"));
  EXPECT_FALSE(parse_relation(""));
}

TEST(Ontology, SignsAsTheOntologySays) {
  EXPECT_EQ(relation_sign(Relation::kAgree), 1);
  EXPECT_EQ(relation_sign(Relation::kRetreat), 1);
  EXPECT_EQ(relation_sign(Relation::kRequest), -1);
  EXPECT_EQ(relation_sign(Relation::kAssault), -1);
  for (Relation r : {Relation::kAlliedWith, Relation::kMemberOf, Relation::kPartOf, Relation::kOwns,
                     Relation::kSupplies})
    EXPECT_EQ(relation_sign(r), 1) << relation_name(r);
  EXPECT_EQ(relation_sign(Relation::kImplicates), -1);
  for (Relation r :
       {Relation::kLinkedTo, Relation::kOperatesIn, Relation::kReports, Relation::kRelatedTo})
    EXPECT_EQ(relation_sign(r), 0) << relation_name(r);
  EXPECT_TRUE(is_event(Relation::kCoerce));
  EXPECT_FALSE(is_event(Relation::kOwns));
  EXPECT_TRUE(is_symmetric(Relation::kLinkedTo));
  EXPECT_FALSE(is_symmetric(Relation::kSupplies));
  EXPECT_FALSE(is_symmetric(Relation::kRelatedTo));  // an edge list row keeps its direction
}

TEST(Date, ParseAndFormat) {
  EXPECT_EQ(parse_iso_date("2019-05-15"), 20190515);
  EXPECT_EQ(parse_iso_date("20190515"), 20190515);
  EXPECT_EQ(parse_iso_date("2019-05-15T10:00:00Z"), 20190515);
  EXPECT_EQ(parse_iso_date("2020-02-29"), 20200229);
  EXPECT_FALSE(parse_iso_date("2019-02-29"));
  EXPECT_FALSE(parse_iso_date("2019-13-01"));
  EXPECT_FALSE(parse_iso_date("2019-05-15x"));
  EXPECT_FALSE(parse_iso_date("May 2019"));
  EXPECT_EQ(format_iso_date(20190515), "2019-05-15");
  EXPECT_EQ(format_iso_date(kNoDate), "");
}

}  // namespace
}  // namespace stakegraph::graph
