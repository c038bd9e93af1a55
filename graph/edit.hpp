// Editing a graph's nodes: merging one graph into another (nodes matched by name), and a set
// of node edits (merge two nodes, rename, retype, drop an edge, add an alias) applied at once
// with a union-find over the merged nodes.
//
// merge_graph(into, other, options): every article, node, edge and evidence item of `other`
// joins `into`. A node of `other` is matched to a node of `into` by its canonical name (then
// `into`'s aliases), and with options.match_aliases also by one of its aliases equal to a
// canonical name of `into`; an unmatched node is created with a fresh id (ids are local to
// each graph). Edges are matched by (source, target, relation) as Graph::add_edge does;
// evidence is deduplicated (Graph::add_evidence), its article index remapped. Nodes, edges
// and evidence are visited in `other`'s order, so what is new is appended in that order.
// Merging the same graph twice changes nothing. Graph::merge is merge_graph with the default
// options; the extraction pipeline (io/extract_pipeline.hpp) merges each article's graph with
// the options io::extraction_merge_options() gives.
// Complexity: O(V' + E' + evidence' + total length of other's names) expected, for `other`
// of V' nodes and E' edges (name lookups are hashed).
//
// apply_edits(g, edits): the edited copy of `g` (ids kept). Nodes are named by name, alias or
// id (Graph::find_node, always in `g` as given); an edit naming a node or edge `g` lacks is
// skipped and counted. Order: merges (union-find: a chain A->B, B->C puts all three in C),
// renames (of the merged node), then a rename onto the name of another node merges the two
// (the later one in node order into the first, which keeps its kind), retypes, aliases,
// dropped edges (resolved to the merged nodes; a symmetric relation either way round). A
// merged node keeps the id and kind of the node it is merged into; its name and aliases
// become aliases there, its attributes fill the ones missing, and its edges join the kept
// node's (evidence merged, an edge between the two is dropped, first_seen/last_seen span
// both). Complexity: O(V + E + evidence + edits * dropped edges) (the graph is rebuilt).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "graph/graph.hpp"

namespace stakegraph::graph {

struct MergeOptions {
  // Also match a node of `other` by an alias of it that is a canonical name in `into`
  // (Graph::merge does: "Huawei Technologies" with alias "Huawei" joins the node "Huawei").
  bool match_aliases = true;
  // Attributes of `other`'s node replace those of the node it joins; off: they only fill the
  // keys that node lacks.
  bool replace_attributes = false;
  // An edge of `other` widens the matched edge's first_seen/last_seen by its own dates (edges
  // without evidence: imports); off: dates come from the evidence added only (the article
  // dates of `into`).
  bool carry_edge_dates = true;
  // An edge between two nodes of `other` that join one node of `into` is kept as a self-loop;
  // off: it is left out, with its evidence.
  bool keep_collapsed_edges = true;
};

struct MergeResult {
  std::size_t nodes_added = 0;
  std::size_t edges_added = 0;
  std::size_t evidence_added = 0;
  std::size_t edges_collapsed = 0;  // left out (keep_collapsed_edges off)
};

// Merges `other` into `into` (see the file comment). Throws what Graph::add_article throws
// (too many articles); `into` then holds what was merged so far.
MergeResult merge_graph(Graph& into, const Graph& other, const MergeOptions& options = {});
// The same, moving `other`'s evidence (its text) instead of copying it; `other` is left valid
// but with its evidence unspecified.
MergeResult merge_graph(Graph& into, Graph&& other, const MergeOptions& options = {});

// Node edits applied by apply_edits (see the file comment); names are names, aliases or ids.
struct NodeEdits {
  struct Merge {
    std::string from, into;
  };
  struct Rename {
    std::string node, name;
  };
  struct Retype {
    std::string node;
    Kind kind;
  };
  struct DropEdge {
    std::string source;
    Relation relation;
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

  bool empty() const noexcept {
    return merges.empty() && renames.empty() && retypes.empty() && drops.empty() && aliases.empty();
  }
};

struct EditResult {
  Graph graph;              // the edited graph
  std::size_t applied = 0;  // edits done
  std::size_t skipped = 0;  // edits naming a node or edge `g` does not have
};

// The graph `g` with `edits` applied (see the file comment). A rename to a name that folds to
// nothing is skipped. Throws nothing of its own.
EditResult apply_edits(const Graph& g, const NodeEdits& edits);

}  // namespace stakegraph::graph
