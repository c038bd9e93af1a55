// GraphML (http://graphml.graphdrawing.org/) export and import with typed keys, so that
// Gephi, Cytoscape, NetworkX (nx.read_graphml) and igraph (Graph.Read_GraphML) load it.
//
// Writing: one <graph edgedefault="directed">; <node id> is our node id, <edge> carries
// source and target node ids and an id "e<N>". Declared keys (<key attr.name attr.type>):
//   node: name (string), label (string, the name again: Gephi and Cytoscape show labels),
//         kind (string), aliases (string), and one key per node attribute (attr.name = the
//         attribute's key, attr.type int, double or string by its values: io/formats/xml_text.hpp;
//         an empty key, a key that would clash with name, label, kind or aliases, and a key
//         starting "attribute." are written as "attribute.<key>", and read back without the
//         prefix);
//   edge: relation (string), sign (int), weight (double, the user-defined weight; declared
//         only when some edge has one, default 1), goldstein (double, GDELT's mean;
//         declared only when some edge has one), evidence_count (int), first_seen,
//         last_seen (string, YYYY-MM-DD or "" when unknown).
// Aliases are joined with " | "; a '|' or '\' inside an alias is escaped with a backslash.
// Empty aliases and unknown dates are left out (a missing <data> reads as the default).
// Everything is XML-escaped; tab, CR and LF are written as character references so that
// they survive attribute normalization, and the characters XML 1.0 cannot carry (other
// control characters, U+FFFE, U+FFFF, invalid UTF-8 bytes) are written as U+FFFD.
// Numbers are written in their shortest round-trip form ("NaN", "INF" when not finite).
// Evidence and articles are not carried by GraphML (use .sgpb or .json for them); only
// their count (evidence_count) is written.
//
// Reading (libxml2's streaming reader; no network access, no external entities): keys are
// found by attr.name, whatever their ids, so files written by NetworkX or igraph load.
// A missing attribute takes the key's <default> or else: name = the label (Gephi's files),
// else the node id, kind organization, aliases none, relation related_to, weight and
// goldstein none, dates unknown (a weight is always the user's: io/formats/legacy_weights.hpp).
// Other node keys
// with an attr.name become node attributes (as text); other edge keys (sign,
// evidence_count, ...) are ignored: the sign follows from the relation. Undirected graphs
// (edgedefault="undirected") load with each edge once, as written. Edges may come before
// their nodes. Not supported (ParseError): nested graphs, hyperedges, undeclared data keys.
// Errors are io::ParseError naming the file and line (and column for XML syntax
// errors): XML errors and truncation as libxml2 reports them, invalid UTF-8 (in a file
// declared or assumed UTF-8), a root element other than <graphml>, a node without id,
// duplicate node ids or names, unknown kinds or relations, non-numeric or non-finite
// weights, bad dates, edges naming unknown node ids.
// Complexity: O(size of the file) time; memory O(graph) plus the file's text.
#pragma once

#include <iosfwd>
#include <string>

#include "graph/graph.hpp"

namespace stakegraph::io {

void write_graphml(const graph::Graph& g, std::ostream& out);
// Reads a GraphML file ("-" for standard input). Throws graph::NotFound for a missing file,
// graph::Error for an unreadable one, io::ParseError (file + line) as described above.
graph::Graph load_graphml(const std::string& path);
// The same from text in memory; `name` names the input in error messages.
graph::Graph parse_graphml(const std::string& text, const std::string& name);

}  // namespace stakegraph::io
