// JSON graph files in the ontology's shape (shared/ONTOLOGY.md, "JSON export"), plus every
// field of the schema (proto/stakegraph.proto, same snake_case names):
//
//   {"format_version": 2,
//    "nodes": [{"id", "name", "kind", "aliases": [...], "attributes": {...}}],
//    "edges": [{"source", "target", "relation", "sign", "weight", "goldstein", "first_seen",
//               "last_seen", "evidence_count",
//               "evidence": [{"article", "sentence", "start", "end", "text", "hedged",
//                             "speaker", "rule", "confidence", "mentions", "sources",
//                             "date"}]}],
//    "articles": [{"id", "title", "date", "source", "url", "path", "text_hash"}]}
//
// Writing: every field, one node, edge or article per line; UTF-8 written as is (a byte that
// is not valid UTF-8, which no reader of ours lets in, is written as U+FFFD); numbers in
// their shortest round-trip form; dates as "YYYY-MM-DD", "" when unknown.
//
// Reading is streamed (one element in memory at a time, edges kept until every node is
// known), so the keys may come in any order. Rules:
// - The top level is an object with a "format_version" key (the writer's marker), or else
//   with both "nodes" and "edges" (the ontology's minimal shape, as read by
//   shared/tools/score_extraction.py); any other JSON ({}, a package.json) is an error, not
//   an empty graph. Unknown keys, and unknown fields of an element, are ignored.
//   "format_version", when present, must be an integer no newer than kJsonFormatVersion.
// - A missing or null optional field (or an empty kind or relation) takes its default:
//   kind "organization", aliases [], attributes {}, relation "related_to", weight and
//   goldstein none (an edge's "evidence_count" is ignored: it is the evidence's length),
//   confidence 1, hedged false, numbers 0, strings and dates "".
// - Node: "id" or "name" is required. A node without id gets one from its name (the name's
//   slug, made unique with "-2", "-3"...); a node without name is named by its id.
// - Edge: "source" and "target" are node ids (nodes may come after the edges in the file).
//   "sign" is derived from the relation; a sign in the file is only checked to be -1, 0 or
//   1. A repeated (source, target, relation) adds its evidence to the first edge.
// - Evidence: "article" is an article id; an id missing from "articles" becomes an article
//   with only that id. "" means no article.
// - Article: "id" is required and unique.
// Errors are io::ParseError with the file, line and column: JSON syntax (and truncation)
// at the offending byte; invalid UTF-8 at the first bad byte; unknown kinds or relations,
// bad dates, wrong JSON types, duplicate ids or names, edges naming unknown node ids at the
// start of the element at fault, with its path ("edges[3].evidence[0].start: ...").
// Complexity: O(size of the file) time; memory O(graph) plus one element.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>

#include "graph/graph.hpp"

namespace stakegraph::io {

// Version 2: "weight" is the user-defined weight, left out when the edge has none, and
// "goldstein" the GDELT mean; version 1 files are read by io/formats/legacy_weights.hpp's rule.
inline constexpr int kJsonFormatVersion = 2;
// The longest string value a JSON graph may hold (a name, a sentence, a title): longer ones
// are refused before parsing, as nlohmann's lexer would copy such a token several times over.
inline constexpr std::size_t kMaxJsonStringBytes = 16u << 20;

void write_json(const graph::Graph& g, std::ostream& out);
// Reads a JSON graph file ("-" for standard input). Throws graph::NotFound for a missing
// file, graph::Error for an unreadable one, io::ParseError (file, line, column) for
// content that is not a JSON graph as described above.
graph::Graph load_json(const std::string& path);
// The same from text in memory; `name` names the input in error messages.
graph::Graph parse_json(const std::string& text, const std::string& name);

}  // namespace stakegraph::io
