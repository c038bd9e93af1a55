// JSON graph files in the ontology's shape (shared/ONTOLOGY.md, "JSON export"), plus every
// field of the schema: {"format_version", "nodes": [{"id", "name", "kind", "aliases",
// "attributes"}], "edges": [{"source", "target", "relation", "sign", "weight", "first_seen",
// "last_seen", "evidence": [{"article", "sentence", "start", "end", "text", "hedged",
// "speaker", "rule", "confidence", ...}]}], "articles": [...]}.
#pragma once

#include <iosfwd>
#include <string>

#include "graph/graph.hpp"

namespace stakegraph::io {

void write_json(const graph::Graph& g, std::ostream& out);
// Throws graph::ParseError with file, line and column.
graph::Graph load_json(const std::string& path);
graph::Graph parse_json(const std::string& text, const std::string& name);

}  // namespace stakegraph::io
