// Which number an analytics kernel reads as an edge's weight: the user-defined weight a file
// carried, the evidence count, or none (every edge 1). The Csr, path and signed views
// (graph/csr.hpp, graph/paths.hpp, graph/camps.hpp) read edges through edge_weight().
//
// Conventions:
// - kWeight: EdgeData::weight; an edge without one counts 1 (as NetworkX and igraph read a
//   missing weight attribute).
// - kEvidence: the number of evidence items (EdgeData::evidence_total(), loaded or not); an
//   edge without evidence counts 1.
// - kNone: 1 for every edge.
// - The Goldstein mean of GDELT edges (EdgeData::goldstein) is never a weight: it is signed
//   (-10..10) and says how cooperative an event is, not how strong a tie is.
// - The default of the CLI (default_weight_source) is kWeight when some edge of the graph has
//   a weight, else kEvidence.
// Complexity: edge_weight O(1); has_weights and find_negative_weight O(E).
#pragma once

#include <optional>
#include <string_view>

#include "graph/graph.hpp"

namespace stakegraph::graph {

enum class WeightSource : std::uint8_t { kNone, kEvidence, kWeight };

// "none", "evidence", "weight".
std::string_view weight_source_name(WeightSource s) noexcept;
// The inverse of weight_source_name; nullopt for anything else.
std::optional<WeightSource> parse_weight_source(std::string_view name) noexcept;

// The weight of an edge under `source` (see the file comment).
double edge_weight(const EdgeData& e, WeightSource source) noexcept;

// Whether some edge carries a user-defined weight.
bool has_weights(const Graph& g) noexcept;

// kWeight when has_weights(g), else kEvidence.
WeightSource default_weight_source(const Graph& g) noexcept;

// The first edge (in edge order) whose weight under `source` is negative, or, with
// `allow_zero` false, not positive; nullopt when every weight is allowed. NaN counts as not
// allowed. Self-loops are skipped (no kernel reads them).
std::optional<EdgeRef> find_bad_weight(const Graph& g, WeightSource source, bool allow_zero);

// Throws InvalidArgument when find_bad_weight finds an edge: "<what> needs positive edge
// weights (or non-negative, with allow_zero): edge A -> B (relation) has weight W; use
// --weight evidence or --weight none". Does nothing for kNone.
void require_positive_weights(const Graph& g, WeightSource source, bool allow_zero,
                              std::string_view what);

}  // namespace stakegraph::graph
