// Synthetic news graphs: a seeded Chung-Lu random graph with power-law expected degrees,
// node kinds and relations drawn from a mix like that of real news-event graphs, and
// evidence on every edge. Used by benchmarks, tests and `stakegraph generate`; the mix
// parameters live in GenerateOptions so that they can be calibrated on real data (GDELT).
//
// Model (Chung and Lu 2002, as in Goh et al. 2001's "static model"): node i (0-based) gets
// fitness w_i = (i + 1)^(-1 / (exponent - 1)); each edge picks its source and its target
// independently in proportion to fitness (Walker's alias method), so that expected degrees
// are proportional to w_i and the degree distribution has a power-law tail
// P(k) ~ k^(-exponent). Self-loops are redrawn. A relation is drawn per edge from
// relation_weights; a kind per node from kind_weights (independently of degree). Symmetric
// relations are stored with the smaller node first (as Graph does). The edge set has no
// duplicate (source, target, relation): duplicates are dropped and redrawn until exactly
// `edges` edges exist.
//
// Determinism: everything comes from one xoshiro256** stream seeded by splitmix64(seed); the
// same options give the same graph on every platform.
//
// Evidence: each edge gets 1 + Geometric extra evidence items (mean evidence_mean), each in
// a synthetic article dated uniformly in [first_date, last_date]; first_seen/last_seen follow.
//
// Complexity: O(V + E log E) time (the duplicate check sorts the edge keys); memory: 16 bytes
// per edge for the edge list, plus the Graph itself for generate_graph (about 300 bytes per
// edge with one evidence item and text).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "graph/date.hpp"
#include "graph/graph.hpp"
#include "graph/ontology.hpp"

namespace stakegraph::graph {

// Relative weights (need not sum to 1), indexed by the enum value; index 0 (unspecified) is
// ignored. The defaults are the shares one sees in GDELT-style event graphs: governments and
// organizations most common, CONSULT the most frequent event, then REQUEST, ACCUSE, SUPPORT.
std::array<double, kKindCount> default_kind_weights();
std::array<double, kRelationCount> default_relation_weights();

struct GenerateOptions {
  std::uint32_t nodes = 1000;
  std::uint64_t edges = 5000;
  std::uint64_t seed = 1;
  double exponent = 2.3;  // power-law exponent of the degree distribution, > 1
  std::array<double, kKindCount> kind_weights = default_kind_weights();
  std::array<double, kRelationCount> relation_weights = default_relation_weights();
  double evidence_mean = 1.5;      // mean evidence items per edge, >= 1
  double evidence_per_article = 8; // evidence items per synthetic article (on average)
  Date first_date = 20150101;
  Date last_date = 20241231;
  bool evidence_text = true;       // a short synthetic sentence per evidence item
  // Called now and then with (edges done, edges total) while the Graph is built.
  std::function<void(std::uint64_t, std::uint64_t)> progress;
};

// The structure alone: node kinds and (source, target, relation) edges, sorted by
// (source, target, relation). What benchmarks feed to build_csr.
struct GeneratedEdges {
  std::uint32_t nodes = 0;
  std::vector<Kind> kinds;                                       // per node
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;    // (source, target)
  std::vector<Relation> relations;                               // per edge
};

// Throws InvalidArgument for nodes < 2 with edges > 0, an exponent <= 1, weights that are
// negative, not finite or all zero, evidence_mean < 1, first_date after last_date or an
// invalid date, or more edges than the node pairs and relations can hold (also when
// redrawing duplicates stops making progress).
GeneratedEdges generate_edges(const GenerateOptions& options);

// The same structure as a Graph: nodes named "<Kind> <i>" ("Government 17", id "n17"),
// evidence and articles as described above.
Graph generate_graph(const GenerateOptions& options);

}  // namespace stakegraph::graph
