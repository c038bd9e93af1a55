// The topology of a `.sgpb` file of format version 3 as plain arrays (io/formats/sgpb_v3.hpp), for
// analytics commands that compute on the whole graph and print a few rows: the analytics
// view (graph::Csr) is built from the arrays directly, without a graph::Graph (no Boost
// adjacency list, no name maps, no per-edge objects), and names are read only for the rows
// printed.
//
// Conventions (the same as graph::Graph loaded from the file, so that every result is equal):
// - Nodes are numbered in file order; a node's name is cleaned (graph::clean_name) as
//   Graph::add_node_with_id stores it; a kind of 0 in the file is an organization.
// - Edges are in file order; an edge of a symmetric relation has the smaller endpoint as its
//   source (as graph::Graph stores it).
// - Weights read as graph::edge_weight reads them (evidence counts, the file's own weights,
//   or none), summed over parallel edges by graph::build_csr in the same order.
// - Ids and names are held only when TopologyArraysOptions::labels says so; otherwise
//   load_node_labels reads those of the nodes a command prints (the node tables holding
//   them, again) after it computed on the arrays.
// - With labels, a file Graph would refuse for two nodes of one id or two ASCII names that
//   fold alike (graph::Graph::add_node_with_id) is refused with the same message: every
//   node's id and folded ASCII name are hashed (64 bits) and the hashes sorted; only when
//   two are equal (a duplicate, or a collision, about 10^-6 at 10^7 nodes) is the file read
//   again with the names themselves compared, which says which node (or finds none).
//   Without labels, duplicates are not looked for (as load_sgpb_node): a writer from a Graph
//   never makes them and each frame's checksum keeps what it wrote; the commands that find
//   nodes by name read labels. An empty id or a name that folds to nothing is refused either
//   way.
// Memory: about 13 bytes per edge (source, target, relation, evidence count), plus 16 per
// edge with a user weight, plus 1 byte per node (its kind) and, with labels, the node string
// tables; 1 byte per edge (the relation) without `edges`. With labels, while the node tables
// are read, 8 bytes per node and per ASCII name (the hashes), plus 8 per node while they are
// sorted.
// Complexity: load O(V + E) (with labels, the hashes bucketed by their top bits, each bucket
// sorted: O(V log V) at worst), plus O(V + E) again in the rare case above; csr_of
// O(V + E log d) as graph::build_csr.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/csr.hpp"
#include "graph/edge_weight.hpp"
#include "graph/ontology.hpp"

namespace stakegraph::io {

struct TopologyArraysOptions {
  // Every node's id and name (TopologyArrays::id and name); false: none held (read the
  // printed nodes' with load_node_labels).
  bool labels = true;
  // Sources, targets, evidence counts and user weights of the edges; false: relations only
  // (counts by relation).
  bool edges = true;
};

struct TopologyArrays {
  std::string path;                            // the file read
  bool labeled = true;                         // ids, names and aliases held
  std::vector<std::uint64_t> node_table_ends;  // each node table's end (node number)
  // Nodes: kinds, ids and cleaned names as string tables (end offsets into one blob).
  std::vector<graph::Kind> kinds;
  std::string ids, names;
  std::vector<std::uint64_t> id_ends, name_ends;
  // The nodes' aliases as the file holds them (node number, alias), in file order.
  std::vector<std::pair<std::uint64_t, std::string>> aliases;
  // Edges: endpoints, relation and evidence count per edge; the user weights of the edges
  // that have one, as (edge number, weight) by edge number. Without `edges`: relations only.
  std::vector<std::uint32_t> sources, targets;
  std::vector<graph::Relation> relations;
  std::vector<std::uint32_t> evidence;
  std::vector<std::pair<std::uint64_t, double>> weights;
  std::uint64_t article_count = 0;
  std::uint64_t evidence_count = 0;
  std::uint64_t bytes_read = 0;  // from the file

  std::size_t node_count() const noexcept { return kinds.size(); }
  std::size_t edge_count() const noexcept { return relations.size(); }
  std::string_view id(std::size_t v) const noexcept {
    return std::string_view(ids).substr(v == 0 ? 0 : id_ends[v - 1],
                                        id_ends[v] - (v == 0 ? 0 : id_ends[v - 1]));
  }
  std::string_view name(std::size_t v) const noexcept {
    return std::string_view(names).substr(v == 0 ? 0 : name_ends[v - 1],
                                          name_ends[v] - (v == 0 ? 0 : name_ends[v - 1]));
  }
  // Frees the edge arrays (once the analytics view is built); the nodes stay.
  void release_edges();
  // Bytes held by the arrays (capacity).
  std::size_t memory_bytes() const noexcept;
};

// The ids and cleaned names of some nodes (sorted by node number, no repeats), as
// TopologyArrays::id and name give them when loaded with labels.
struct NodeLabels {
  std::vector<std::uint32_t> nodes;  // sorted
  std::vector<std::string> ids, names;
  // Of node v, which must be in `nodes`.
  std::string_view id(std::size_t v) const noexcept { return ids[at(v)]; }
  std::string_view name(std::size_t v) const noexcept { return names[at(v)]; }
  std::size_t at(std::size_t v) const noexcept;
};

// Whether some edge carries a user-defined weight (graph::has_weights).
bool has_weights(const TopologyArrays& t) noexcept;

// Whether every edge's weight under `source` is positive (non-negative with `allow_zero`),
// self-loops skipped: false exactly when graph::find_bad_weight finds an edge in the same
// graph loaded whole.
bool weights_allowed(const TopologyArrays& t, graph::WeightSource source, bool allow_zero);

// The analytics view of the arrays: equal to graph::build_csr(g, options) of the same file
// loaded as a graph::Graph.
graph::Csr csr_of(const TopologyArrays& t, const graph::CsrOptions& options = {});
// The same (bit for bit), the edge arrays taken (release_edges) and the view built from them
// in place (graph::build_csr_from_arrays): about half the peak, for commands that need the
// nodes only afterwards.
graph::Csr take_csr(TopologyArrays& t, const graph::CsrOptions& options = {});

}  // namespace stakegraph::io
