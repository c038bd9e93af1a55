// CSV edge lists with RFC 4180 quoting: fields separated by ',', a field that contains ',',
// '"', CR or LF is enclosed in double quotes, a '"' inside it doubled ("say ""hi""").
//
// Columns: `source,target[,relation][,weight][,source_kind][,target_kind]` in any order; the
// header (required: the first non-blank line) decides, names compared case-insensitively.
// Other columns are ignored; a missing source or target column is an error. source and
// target hold node NAMES (not ids): a node is found or created by name (Graph::add_node:
// compared folded, ids made from the name). A node's kind is the first kind the file gives
// it; unknown or missing kinds are `organization`. A missing or empty relation is
// `related_to` (which keeps the row's direction: source -> target), a missing or empty
// weight 1. A repeated (source, target, relation) is one edge whose weight is the sum of the
// rows' weights (without weights: the number of rows); for allied_with and linked_to, which
// have no direction, b,a repeats a,b. Relations as graph::parse_relation reads them.
//
// Also read: goldstein (a number), first_seen and last_seen (YYYY-MM-DD) columns. An empty
// weight is none (graph/edge_weight.hpp); a repeated row adds its weight (none counting 1).
//
// Writing: the header `source,target,relation,weight,source_kind,target_kind,goldstein,
// evidence_count,first_seen,last_seen`, then one line per edge (LF line ends), numbers in
// their shortest round-trip form, an absent weight or goldstein and an unknown date empty.
// Isolated nodes, ids, aliases and node attributes go to the nodes file (write_csv_nodes:
// `--nodes FILE` in the CLI), evidence is not written (use .sgpb or .json for it).
//
// Nodes file: the header `id,name,kind,aliases`, then one column per node attribute key
// (a key that clashes with those four, is empty or starts "attribute." is written
// "attribute.<key>" and read back without the prefix); aliases joined by " | " ('|' and '\'
// escaped with '\'); an empty cell is no attribute. Reading needs an id or a name column;
// other columns are attributes. Read before the edge list (load_csv with a nodes path), its
// nodes keep their ids, kinds and attributes, and the edge list's names find them.
//
// Reading accepts LF or CRLF line ends and a leading UTF-8 byte order mark, skips blank
// lines, and trims spaces and tabs around unquoted fields. A header only gives an empty
// graph. Errors are io::ParseError with file and line (and column where it helps):
// empty file, invalid UTF-8, NUL bytes, a line longer than io::kMaxLineBytes, an
// unterminated quoted field, a quote inside an unquoted field, text after a closing quote,
// a line whose field count differs from the header's, an empty source or target, a name
// with nothing to fold (only punctuation), an unknown relation, a weight that is not a
// finite number.
// Complexity: O(size of the file) time; memory O(graph) plus the file's text.
#pragma once

#include <iosfwd>
#include <string>

#include "graph/graph.hpp"

namespace stakegraph::io {

void write_csv(const graph::Graph& g, std::ostream& out);
// Reads a CSV edge list ("-" for standard input). Throws graph::NotFound for a missing file,
// graph::Error for an unreadable one, io::ParseError with file and line as above.
graph::Graph load_csv(const std::string& path);
// The same from text in memory; `name` names the input in error messages.
graph::Graph parse_csv(const std::string& text, const std::string& name);
// The edge list read into `g` (the nodes of a nodes file).
graph::Graph parse_csv(const std::string& text, const std::string& name, graph::Graph g);

// The nodes file (see above).
void write_csv_nodes(const graph::Graph& g, std::ostream& out);
graph::Graph parse_csv_nodes(const std::string& text, const std::string& name);
// The nodes file at `nodes_path`, then the edge list at `path` ("-": standard input).
graph::Graph load_csv(const std::string& path, const std::string& nodes_path);

}  // namespace stakegraph::io
