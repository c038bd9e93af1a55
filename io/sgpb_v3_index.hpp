// The node index of a `.sgpb` file of format version 3 (io/sgpb_v3.hpp): what `show NODE`
// (io::load_sgpb_node) reads to find a node, its edges and the articles its evidence cites
// without scanning every table. Internal to io/ (namespace io::detail).
//
// Written by the writer since format version 3 gained it (files without it still open: the
// readers scan the tables then). Its frames come after the evidence and before the footer,
// in this order: the index chunks (Frame field 9), then one directory (Frame field 10). They
// are encoded by hand in the Protobuf wire format (proto/stakegraph.proto reserves their
// field numbers but does not declare them, so that the generated code stays as it is):
//
//   IndexChunk { uint32 array = 1; uint64 first = 2; bytes data = 3; }
//     `data`: records [first, first + n) of one array, n = min(per chunk, count - first):
//     array 1, name keys, and 4, article keys: 12-byte records (uint64le key hash, uint32le
//       node or article number), sorted by (hash, number); a node has one key for its
//       folded name (graph::fold_name of graph::clean_name), one for each folded alias and
//       one for its id (as is); an article one for its id. The hash is 64-bit FNV-1a.
//     array 2, incidence offsets: node_count + 1 uint64le: node v's edges are entries
//       [offsets[v], offsets[v + 1]) of array 3.
//     array 3, incidence: uint32le edge numbers: for each node in order, every edge whose
//       source or target (as stored in the edge tables) it is, ascending (a self-loop once).
//   NodeIndex (the directory) {
//     uint64 node_count = 1; uint64 edge_count = 2; uint64 article_count = 3;
//     uint64 name_keys = 4; uint64 keys_per_chunk = 5; bytes name_key_firsts = 6;
//     uint64 incidence = 7; uint64 offsets_per_chunk = 8; uint64 entries_per_chunk = 9;
//     uint64 article_keys = 10; bytes article_key_firsts = 11;
//     bytes node_table_firsts = 12; bytes edge_table_firsts = 13;
//     bytes edge_table_evidence = 14; bytes article_firsts = 15; }
//     `*_key_firsts`: uint64le hash of each key chunk's first record; `node_table_firsts`,
//     `edge_table_firsts`, `article_firsts`: uint64le number of the first node, edge or
//     article of each node table, edge table or article frame, in file order;
//     `edge_table_evidence`: uint64le number of the first evidence item of each edge table.
//   The chunks are, in file order: name keys, offsets, incidence, article keys, each array's
//   chunks by `first`, each chunk holding the per-chunk count of records but the last.
//
// Every frame read is checked (its length against the footer's frame index, its CRC, its
// wire format, its array, first record and size against the directory); damage is an
// io::ParseError naming the frame's byte offset. Not checked without reading the tables:
// that the index says what the tables hold (a CRC-valid index is taken as written; the
// edges it leads to are checked to touch the node).
// Complexity: writing O(V + E + aliases + articles) time and memory, plus a sort of the
// keys; a lookup reads the directory and O(1) chunks per array (more for a hash shared by
// many keys or a node whose edges span several chunks).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.hpp"
#include "io/sgpb_v3_tables.hpp"

namespace stakegraph::io::detail {

enum IndexArray : std::uint32_t {
  kNameKeys = 1,
  kIncidenceOffsets = 2,
  kIncidence = 3,
  kArticleKeys = 4,
};

// 64-bit FNV-1a of the bytes of `s`.
std::uint64_t index_key(std::string_view s);

// What the writer noted while it wrote the tables and the article frames.
struct IndexLayout {
  std::vector<std::uint64_t> node_table_firsts, edge_table_firsts, edge_table_evidence,
      article_firsts;
};

// Writes the index chunks, then the directory, as frame payloads through emit(payload, body).
// `chunk_bytes`: a chunk's data stays within it (at least one record).
void write_node_index(const graph::Graph& g, const IndexLayout& layout, std::uint64_t chunk_bytes,
                      const std::function<void(const std::string&, int)>& emit);

// The directory, read and checked against the file's frames.
struct NodeIndexDir {
  std::uint64_t at = 0;  // byte offset of its frame
  std::uint64_t name_keys = 0, keys_per_chunk = 0, incidence = 0, offsets_per_chunk = 0,
                entries_per_chunk = 0, article_keys = 0;
  std::vector<std::uint64_t> name_key_firsts, article_key_firsts, node_table_firsts,
      edge_table_firsts, edge_table_evidence, article_firsts;
  std::vector<FrameAt> name_chunks, offset_chunks, incidence_chunks, article_chunks;  // index
  std::vector<FrameAt> node_tables, edge_tables, article_frames;  // the file's, in order
};

// The file's node index; nullopt when it has none (the frame before the footer is not a
// directory). Throws io::ParseError.
std::optional<NodeIndexDir> read_node_index(File& file, const V3File& v3,
                                            const std::vector<FrameAt>& frames);

// The numbers (nodes for kNameKeys, articles for kArticleKeys) of the keys whose hash is
// `hash`, ascending; hash collisions included (the caller checks each). Throws io::ParseError.
std::vector<std::uint32_t> index_lookup(File& file, const NodeIndexDir& x, IndexArray array,
                                        std::uint64_t hash);

// The edges of node v (file numbers, ascending). Throws io::ParseError.
std::vector<std::uint32_t> incident_edges(File& file, const NodeIndexDir& x, std::uint64_t v,
                                          std::uint64_t node_count, std::uint64_t edge_count);

}  // namespace stakegraph::io::detail
