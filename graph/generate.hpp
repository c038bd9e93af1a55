// Synthetic news graphs: a seeded Chung-Lu random graph with power-law expected degrees,
// node kinds and relations drawn from a mix like that of real news-event graphs, and
// evidence on every edge. Used by benchmarks, tests and `stakegraph generate`; the mix
// parameters live in GenerateOptions so that they can be calibrated on real data (GDELT:
// bench/calibrate_generator.cpp, whose fit is gdelt_profile() below).
//
// Model (Chung and Lu 2002, as in Goh et al. 2001's "static model"): node i (0-based) gets
// fitness w_i = (i + 1)^(-1 / (exponent - 1)); each edge picks its source and its target
// independently in proportion to fitness (Walker's alias method), so that expected degrees
// are proportional to w_i and the degree distribution has a power-law tail
// P(k) ~ k^(-exponent). A relation is drawn per edge from relation_weights. Symmetric
// relations are stored with the smaller node first (as Graph does). The edge set has no
// duplicate (source, target, relation): duplicates are dropped and redrawn until exactly
// `edges` edges exist. Three options shape the graph further (all off by default, and then
// the graph is the plain model above, the same as before they existed):
// - min_degree = 1: before the Chung-Lu edges, nodes are visited in index order (highest
//   fitness first) and each node that has no edge yet gets one, to a partner drawn by
//   fitness (direction by a coin flip, relation from relation_weights). These edges count
//   towards `edges`; the Chung-Lu edges fill the rest, so no node is isolated and the total
//   is still exactly `edges`. Between n / 2 and n - 1 edges go to this phase, so it needs
//   edges - self-loops >= nodes - 1.
// - self_loop_share: exactly round(self_loop_share * edges) of the edges are self-loops
//   (v, v, relation), v drawn by fitness (the hubs talk to themselves: USA -> USA in GDELT),
//   the relation from relation_weights; the others are never self-loops (s != t redrawn).
// - kind_hub_weights (kind-by-degree coupling): each node first draws a kind from
//   kind_weights, independently (so the kind mix is unchanged); then these kinds are handed
//   to the nodes in fitness order: node 0 (the top hub) takes one of the drawn kinds with
//   probability proportional to kind_hub_weights[kind] (per drawn copy), node 1 one of the
//   remaining ones, and so on (weighted sampling without replacement, Efraimidis and
//   Spirakis 2006: sort by u^(1 / weight)). A kind with weight 4 against 1 is 4 times as
//   likely as another to take each next hub position; equal weights (the default) leave
//   kinds independent of degree.
//
// Determinism: everything comes from one xoshiro256** stream seeded by splitmix64(seed); the
// same options give the same graph on every platform.
//
// Evidence: each edge gets 1 + Geometric extra evidence items (mean evidence_mean), each in
// a synthetic article dated uniformly in [first_date, last_date]; first_seen/last_seen follow.
//
// Complexity: O(V log V + E log E) time (the duplicate check sorts the edge keys; the kind
// coupling sorts the nodes), times the number of redraw rounds (a few; more on dense
// hub-heavy graphs, whose hub pairs saturate); memory: 16 bytes per edge for the edge list
// and 8 for the keys, plus the Graph itself for generate_graph (about 700 bytes per edge with
// gdelt_profile: 1.03 evidence items with text per edge and 0.62 nodes per edge; measured by
// bench/large_bench.cpp).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string_view>
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
// All 1: kinds independent of degree.
std::array<double, kKindCount> uniform_kind_hub_weights();

struct GenerateOptions {
  std::uint32_t nodes = 1000;
  std::uint64_t edges = 5000;
  std::uint64_t seed = 1;
  double exponent = 2.3;  // power-law exponent of the degree distribution, > 1
  std::array<double, kKindCount> kind_weights = default_kind_weights();
  std::array<double, kRelationCount> relation_weights = default_relation_weights();
  std::uint32_t min_degree = 0;  // 0 or 1 (every node gets an edge); see the file comment
  double self_loop_share = 0.0;  // in [0, 1): share of the edges that are self-loops
  // > 0 for every kind with a kind weight: how strongly a kind takes the hub positions.
  std::array<double, kKindCount> kind_hub_weights = uniform_kind_hub_weights();
  double evidence_mean = 1.5;       // mean evidence items per edge, >= 1
  double evidence_per_article = 8;  // evidence items per synthetic article (on average)
  Date first_date = 20150101;
  Date last_date = 20241231;
  bool evidence_text = true;  // a short synthetic sentence per evidence item
  // Called now and then with (edges done, edges total) while the Graph is built.
  std::function<void(std::uint64_t, std::uint64_t)> progress;
};

// The structure alone: node kinds and (source, target, relation) edges, sorted by
// (source, target, relation). What benchmarks feed to build_csr.
struct GeneratedEdges {
  std::uint32_t nodes = 0;
  std::vector<Kind> kinds;                                     // per node
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;  // (source, target)
  std::vector<Relation> relations;                             // per edge
};

// Throws InvalidArgument for nodes < 2 with edges > 0, an exponent <= 1, weights that are
// negative, not finite or all zero, a kind hub weight not finite or <= 0 for a kind that
// has a kind weight, min_degree other than 0 or 1 (or 1 with fewer than nodes - 1 edges
// besides the self-loops), self_loop_share outside [0, 1), evidence_mean < 1, first_date
// after last_date or an invalid date, or more edges (or self-loops) than the node pairs and
// relations can hold (also when redrawing duplicates stops making progress).
GeneratedEdges generate_edges(const GenerateOptions& options);

// The same structure as a Graph: nodes named "<Kind> <i>" ("Government 17", id "n17"),
// evidence and articles as described above.
Graph generate_graph(const GenerateOptions& options);

// Reads "KIND=WEIGHT" (`generate --kind-hub-weight`: "vendor=3", "person=0.5") and sets
// options.kind_hub_weights[KIND] to WEIGHT. KIND is a kind name as parse_kind reads it (not
// "unspecified"); WEIGHT a number as std::stod reads it, the whole rest of the text (its
// range is checked by generate_edges). Throws InvalidArgument "SPEC: expected KIND=WEIGHT
// ..." otherwise, options unchanged. O(length of spec).
void set_kind_hub_weight(GenerateOptions& options, std::string_view spec);

// The options fitted on the GDELT sample by bench/calibrate_generator.cpp (the sample's kind
// and relation shares, self-loop share and evidence per edge; the exponent and the kind hub
// weights fitted on the KS distance of the degree distributions and the L1 distance of the
// edge endpoints' kinds; min_degree 1, as an imported event graph has no isolated node),
// for `edges` edges on round(edges * kGdeltNodesPerEdge) nodes (the sample's ratio).
// bench/gdelt.md ("Generator calibration") gives the fit and the distances it reaches.
inline constexpr double kGdeltNodesPerEdge = 254.0 / 409.0;
GenerateOptions gdelt_profile(std::uint64_t edges, std::uint64_t seed = 1);

}  // namespace stakegraph::graph
