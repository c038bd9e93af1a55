// graph/edge_weight.hpp: which number analytics read as an edge's weight, the default, and
// the check for weights an algorithm cannot take; and the Csr built from each source.
//
//   a ==(supplies, weight 2.5, 2 evidence)==> b
//   a --(SUPPORT, no weight, 1 evidence)----> b      (parallel: merged in the Csr)
//   b --(ACCUSE, weight -1, goldstein -4)---> c
#include <gtest/gtest.h>

#include "graph/csr.hpp"
#include "graph/edge_weight.hpp"
#include "graph/error.hpp"

namespace stakegraph::graph {
namespace {

struct Drawn {
  Graph g;
  EdgeRef supplies, support, accuse;
  Drawn() {
    const NodeIndex a = g.add_node("a", Kind::kVendor), b = g.add_node("b", Kind::kOperator),
                    c = g.add_node("c", Kind::kGovernment);
    supplies = g.add_edge(a, b, Relation::kSupplies, 2.5);
    g.add_evidence(supplies, Evidence{.sentence = 0, .text = "one"});
    g.add_evidence(supplies, Evidence{.sentence = 1, .text = "two"});
    support = g.add_edge(a, b, Relation::kSupport);
    g.add_evidence(support, Evidence{.text = "three"});
    accuse = g.add_edge(b, c, Relation::kAccuse, -1.0);
    g.edge_data(accuse).goldstein = -4.0;
  }
};

TEST(EdgeWeightTest, EachSourceReadsItsNumber) {
  const Drawn d;
  const EdgeData& s = d.g.edge(d.supplies);
  const EdgeData& p = d.g.edge(d.support);
  const EdgeData& x = d.g.edge(d.accuse);
  EXPECT_EQ(edge_weight(s, WeightSource::kWeight), 2.5);
  EXPECT_EQ(edge_weight(s, WeightSource::kEvidence), 2.0);
  EXPECT_EQ(edge_weight(s, WeightSource::kNone), 1.0);
  EXPECT_EQ(edge_weight(p, WeightSource::kWeight), 1.0);    // no weight counts 1
  EXPECT_EQ(edge_weight(x, WeightSource::kEvidence), 1.0);  // no evidence counts 1
  EXPECT_EQ(edge_weight(x, WeightSource::kWeight), -1.0);   // never the Goldstein mean
  EXPECT_EQ(parse_weight_source("evidence"), WeightSource::kEvidence);
  EXPECT_EQ(parse_weight_source("goldstein"), std::nullopt);
  EXPECT_EQ(weight_source_name(WeightSource::kWeight), "weight");
}

TEST(EdgeWeightTest, DefaultIsTheFilesWeightsWhenThereAreAny) {
  const Drawn d;
  EXPECT_EQ(default_weight_source(d.g), WeightSource::kWeight);
  Graph plain;
  const EdgeRef e = plain.add_edge(plain.add_node("a", Kind::kVendor),
                                   plain.add_node("b", Kind::kVendor), Relation::kSupplies);
  plain.edge_data(e).goldstein = 3.0;  // a Goldstein mean is not a weight
  EXPECT_EQ(default_weight_source(plain), WeightSource::kEvidence);
  // add_edge on an existing edge gives it a weight it lacked, keeps one it has.
  plain.add_edge(plain.source(e), plain.target(e), Relation::kSupplies, 6.0);
  plain.add_edge(plain.source(e), plain.target(e), Relation::kSupplies, 7.0);
  EXPECT_EQ(plain.edge(e).weight, 6.0);
}

TEST(EdgeWeightTest, BadWeightsAreFoundAndNamed) {
  const Drawn d;
  EXPECT_EQ(find_bad_weight(d.g, WeightSource::kWeight, true), d.accuse);
  EXPECT_EQ(find_bad_weight(d.g, WeightSource::kEvidence, false), std::nullopt);
  EXPECT_EQ(find_bad_weight(d.g, WeightSource::kNone, false), std::nullopt);
  try {
    require_positive_weights(d.g, WeightSource::kWeight, true, "pagerank");
    FAIL() << "no error";
  } catch (const InvalidArgument& e) {
    EXPECT_STREQ(e.what(),
                 "pagerank needs non-negative edge weights: edge 'b' -> 'c' (ACCUSE) has weight "
                 "-1; use --weight evidence or --weight none");
  }
  Graph zero;
  zero.add_edge(zero.add_node("a", Kind::kVendor), zero.add_node("b", Kind::kVendor),
                Relation::kSupplies, 0.0);
  EXPECT_EQ(find_bad_weight(zero, WeightSource::kWeight, true), std::nullopt);
  EXPECT_TRUE(find_bad_weight(zero, WeightSource::kWeight, false).has_value());
}

TEST(EdgeWeightTest, CsrSumsTheChosenWeightOverParallelEdges) {
  const Drawn d;
  const Csr w = build_csr(d.g, {.weighted = true, .source = WeightSource::kWeight});
  // a's row: b with 2.5 + 1 (the SUPPORT edge has no weight: 1).
  ASSERT_EQ(w.degree(0), 1u);
  EXPECT_FLOAT_EQ(w.weights[w.offsets[0]], 3.5f);
  const Csr e = build_csr(d.g, {.weighted = true, .source = WeightSource::kEvidence});
  EXPECT_FLOAT_EQ(e.weights[e.offsets[0]], 3.0f);  // 2 + 1 evidence items
}

}  // namespace
}  // namespace stakegraph::graph
