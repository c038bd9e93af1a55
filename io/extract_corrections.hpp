// Curation of extracted graphs: `--corrections FILE` (Protobuf text format, message
// stakegraph.pb.Corrections in proto/lexicon.proto) merges two nodes, renames, retypes, drops
// an edge or adds an alias. Applied after every extract and ingest, so a mistake is fixed once.
// Nodes are named by name, alias or id; an unknown node is skipped (the correction may be for
// articles not ingested yet). A merged node keeps the id and kind of the node it is merged
// into; its name and aliases become aliases there, its attributes fill the ones missing, and
// its edges join the kept node's (evidence merged, an edge between the two is dropped). A
// rename onto the name of another node merges the two. Complexity: O(V + E + evidence) (the
// graph is rebuilt).
#pragma once

#include <string>

#include "graph/graph.hpp"

namespace stakegraph::io {

struct CorrectionStats {
  std::size_t applied = 0;
  std::size_t skipped = 0;  // naming nodes or edges the graph does not have
};

// Parsed corrections (proto/lexicon.proto): a plain value with one public list per kind of
// correction (merges, renames, retypes, dropped edges, aliases), which apply() combines.
class CorrectionSet final {
 public:
  // Throws graph::NotFound for a missing file, io::ParseError (line, column) when malformed.
  static CorrectionSet load(const std::string& path);
  static CorrectionSet parse(const std::string& text, const std::string& name);
  bool empty() const noexcept;

  // Returns the corrected graph.
  graph::Graph apply(const graph::Graph& g, CorrectionStats* stats = nullptr) const;

  struct Merge {
    std::string from, into;
  };
  struct Rename {
    std::string node, name;
  };
  struct Retype {
    std::string node;
    graph::Kind kind;
  };
  struct DropEdge {
    std::string source;
    graph::Relation relation;
    std::string target;
  };
  struct AddAlias {
    std::string node, alias;
  };
  std::vector<Merge> merges;
  std::vector<Rename> renames;
  std::vector<Retype> retypes;
  std::vector<DropEdge> drops;
  std::vector<AddAlias> aliases;
};

}  // namespace stakegraph::io
