// Curation of extracted graphs: `--corrections FILE` (Protobuf text format, message
// stakegraph.pb.Corrections in proto/lexicon.proto) merges two nodes, renames, retypes, drops
// an edge or adds an alias. Applied after every extract and ingest, so a mistake is fixed once.
// Nodes are named by name, alias or id; an unknown node is skipped (the correction may be for
// articles not ingested yet). A merged node keeps the id and kind of the node it is merged
// into; its name and aliases become aliases there, its attributes fill the ones missing, and
// its edges join the kept node's (evidence merged, an edge between the two is dropped). A
// rename onto the name of another node merges the two (graph::apply_edits, graph/edit.hpp,
// does the editing). Complexity: O(V + E + evidence) (the graph is rebuilt).
#pragma once

#include <string>

#include "graph/edit.hpp"
#include "graph/graph.hpp"

namespace stakegraph::io {

struct CorrectionStats {
  std::size_t applied = 0;
  std::size_t skipped = 0;  // naming nodes or edges the graph does not have
};

// Parsed corrections (proto/lexicon.proto): the node edits of graph/edit.hpp (merges,
// renames, retypes, dropped edges, aliases), which apply() makes with graph::apply_edits.
class CorrectionSet final {
 public:
  // Throws graph::NotFound for a missing file, io::ParseError (line, column) when malformed.
  static CorrectionSet load(const std::string& path);
  static CorrectionSet parse(const std::string& text, const std::string& name);
  bool empty() const noexcept { return edits_.empty(); }
  const graph::NodeEdits& edits() const noexcept { return edits_; }

  // Returns the corrected graph.
  graph::Graph apply(const graph::Graph& g, CorrectionStats* stats = nullptr) const;

 private:
  graph::NodeEdits edits_;
};

}  // namespace stakegraph::io
