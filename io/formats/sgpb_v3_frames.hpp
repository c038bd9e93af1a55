// Reading a `.sgpb` file of format version 3 (io/formats/sgpb_v3.hpp) by ranges of its tables, for
// readers that share a file: each process of a distributed job reads only its own frames
// (stakegraph-mpi, cli/mpi/frame_read.hpp). No MPI here.
//
// index_sgpb_v3 reads the header, the trailer and the footer with its frame index (all
// checked, as io::load_sgpb_topology opens a file), and the first bytes (at most 32) of each
// node table, which give the table's first node and its count; it checks that the node
// tables follow each other and hold the header's node count. It reads no edge table.
// read_sgpb_v3_nodes reads the node tables that hold a range of node numbers, whole (CRC and
// every check of the table), and keeps the ids, cleaned names (graph::clean_name), kinds and
// aliases of that range only. read_sgpb_v3_edges reads a range of edge tables, whole and checked,
// and keeps each edge's endpoints (the smaller first for a symmetric relation, as graph::Graph
// stores it), its weight under a graph::WeightSource (graph::edge_weight), and whether some
// edge has a user weight.
// Checks left to the caller, who sees every range: that the edge ranges follow each other
// and hold the header's edge and evidence counts (SgpbV3Edges::first, count, evidence), and
// that node ids are unique.
// Errors: io::ParseError naming the file and the byte offset of the frame at fault
// (truncation, CRC mismatch, undecodable or inconsistent table); graph::NotFound for a missing
// file; graph::Error when the file changed size since it was indexed.
// Complexity: index O(frames) small reads plus the footer; a range O(its bytes).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "graph/csr.hpp"
#include "graph/graph.hpp"

namespace stakegraph::io {

struct SgpbV3Table {
  std::uint64_t offset = 0;  // of the frame's 8-byte head
  std::uint32_t length = 0;  // of its payload
  std::uint64_t first = 0;   // node tables: number of the first node (edge tables: 0)
  std::uint64_t count = 0;   // node tables: nodes in the table (edge tables: 0)
  std::uint64_t bytes() const { return 8 + static_cast<std::uint64_t>(length); }
};

struct SgpbV3Index {
  std::uint64_t file_bytes = 0;
  std::uint64_t node_count = 0, edge_count = 0, evidence_count = 0;  // the header's
  std::uint64_t article_count = 0;
  std::vector<SgpbV3Table> node_tables, edge_tables;  // in file order
  std::uint64_t bytes_read = 0;
};

// Whether `path` is a .sgpb file of format version 3 (its magic and header frame); never
// throws.
bool sgpb_v3_readable(const std::string& path);

// The index of a version 3 file; nullopt when the file is not of version 3.
std::optional<SgpbV3Index> index_sgpb_v3(const std::string& path);

struct SgpbV3Nodes {
  std::uint64_t first = 0;  // the range asked for: nodes [first, first + ids.size())
  std::vector<std::string> ids, names;
  std::vector<graph::Kind> kinds;
  std::vector<std::pair<std::uint64_t, std::string>> aliases;  // (node number, alias), file order
  std::uint64_t bytes_read = 0;
};

// Nodes [first, last) of `index` (last <= node_count).
SgpbV3Nodes read_sgpb_v3_nodes(const std::string& path, const SgpbV3Index& index,
                               std::uint64_t first, std::uint64_t last);

struct SgpbV3Edges {
  std::uint64_t first = 0, count = 0;  // edges [first, first + count) of the file
  std::uint64_t evidence = 0;          // the sum of their evidence counts
  std::vector<std::uint32_t> sources, targets;
  std::vector<float> weights;  // under `source`, one per edge; empty when not asked for
  bool user_weights = false;   // some edge of the range has a user weight (graph::has_weights)
  std::vector<std::uint64_t> by_relation;  // edges by graph::Relation (kRelationCount entries)
  // With `details` only, per edge of the range: its relation and evidence count, and the user
  // weights as (edge number in the file, weight), in file order.
  std::vector<graph::Relation> relations;
  std::vector<std::uint32_t> evidence_counts;
  std::vector<std::pair<std::uint64_t, double>> user_weight_values;
  std::uint64_t bytes_read = 0;
};

// Edge tables [first_table, last_table) of `index`; weights under `source` when `weighted`;
// `details`: also each edge's relation, evidence count and user weight.
SgpbV3Edges read_sgpb_v3_edges(const std::string& path, const SgpbV3Index& index,
                               std::size_t first_table, std::size_t last_table, bool weighted,
                               graph::WeightSource source, bool details = false);

}  // namespace stakegraph::io
