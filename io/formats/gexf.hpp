// GEXF export (https://gexf.net), Gephi's own format, with the time of every node and edge
// as spells so that Gephi's timeline plays the graph over time. Write only.
//
// Writing: <gexf version="1.3"> (namespace http://gexf.net/1.3, Gephi 0.9 and later) or, for
// readers that know only the older draft (NetworkX 2.x's read_gexf), 1.2draft (namespace
// http://www.gexf.net/1.2draft); both carry the same elements here. One <graph
// defaultedgetype="directed" timeformat="date">, mode "dynamic" when some spell is written,
// else "static".
//   node: id = our node id, label = its name; attributes kind, aliases (" | "-joined), and one
//         per node attribute key (type integer, double or string by its values:
//         io/formats/xml_text.hpp; so `centrality --write` scores are numbers to Gephi);
//   edge: id "e<N>", source, target, label = the relation, weight = the user-defined weight
//         (left out when the edge has none: Gephi then counts 1); attributes relation, sign
//         (integer), goldstein (double, GDELT's mean, only on edges that have one),
//         evidence_count (integer), first_seen, last_seen (YYYY-MM-DD, only when known).
// Spells (<spells><spell start end/>, dates YYYY-MM-DD, both ends inclusive): an edge's are
// the dates of its evidence (graph::evidence_date), consecutive days merged into one spell;
// an edge without dated evidence but with first_seen/last_seen gets [first_seen, last_seen];
// a node's are the union of its edges' spells, merged the same way. A node or edge without
// any date gets no spells (present all the time).
// Text is escaped as for GraphML (io/formats/xml_text.hpp).
// Complexity: O(V + E + evidence log evidence) time, O(V + E + dates) memory.
#pragma once

#include <iosfwd>

#include "graph/graph.hpp"

namespace stakegraph::io {

enum class GexfVersion { k1_3, k1_2draft };

struct GexfOptions {
  GexfVersion version = GexfVersion::k1_3;
};

void write_gexf(const graph::Graph& g, std::ostream& out, const GexfOptions& options = {});

}  // namespace stakegraph::io
