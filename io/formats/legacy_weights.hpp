// Reading graph files written before edges had a user-defined weight (.sgpb without
// Header.user_weights, JSON with "format_version": 1). Such files stored one `weight` per
// edge: 1 for article extraction (and for CSV rows without a weight), the mean Goldstein
// score for GDELT edges, the file's weight for GraphML/CSV/JSON imports.
//
// The rule (decided for issue 15): an edge with GDELT evidence (rule "gdelt:...") gets that
// number as its Goldstein mean and no weight; any other edge whose weight is exactly 1 gets
// no weight (1 was the default; analytics then read its evidence count, as the product
// always meant by "weighted"); any other weight is kept as the user's.
// GraphML and CSV files carry no writer version: their weight is always read as the user's
// (a GDELT GraphML exported before holds Goldstein means there: export it again).
// Complexity: O(E + evidence of GDELT edges).
#pragma once

#include "graph/graph.hpp"

namespace stakegraph::io {

// Applies the rule above to every edge of `g`.
void upgrade_legacy_weights(graph::Graph& g);

}  // namespace stakegraph::io
