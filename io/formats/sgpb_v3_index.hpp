// The node index of a `.sgpb` file of format version 3 (io/formats/sgpb_v3.hpp): what `show NODE`
// (io::load_sgpb_node) reads to find a node, its edges and the articles its evidence cites
// without scanning every table. Internal to io/ (namespace io::detail).
//
// Written by the writer since format version 3 gained it (files without it still open: the
// readers scan the tables then). Its frames come after the evidence and before the footer.
// They are encoded by hand in the Protobuf wire format (proto/stakegraph.proto reserves
// their field numbers but does not declare them, so that the generated code stays as it is):
//
//   IndexChunk { uint32 array = 1; uint64 first = 2; bytes data = 3; }   (Frame field 9)
//     `data`: records [first, first + n) of one array, n = min(per chunk, count - first):
//     array 1, name keys, and 4, article keys: 12-byte records (uint64le key hash, uint32le
//       node or article number), sorted by (hash, number); a node has one key for its
//       folded name (graph::fold_name of graph::clean_name), one for each folded alias and
//       one for its id (as is); an article one for its id. The hash is 64-bit FNV-1a.
//     array 5, edge list records: node_count + 1 records of 8 bytes, one per node and one
//       past the last: uint32le start of the node's list in array 6, less the base of the
//       record's chunk (`list_bases`), and uint32le out-degree. Node v's list is entries
//       [start(v), start(v + 1)) of array 6.
//     array 6, edge lists: uint32le edge numbers, for each node in order its edges in the
//       order `show` lists them: its out-edges (of which its self-loops), then its in-edges
//       that are not self-loops, each part ascending. A symmetric relation's edge goes out
//       of its smaller endpoint, as graph::Graph stores it. So a node's list length is its
//       number of distinct edges, its out-degree is in its record and its in-degree is the
//       list length less the out-degree plus its self-loops.
//     array 7, self-loops: 12-byte records (uint64le node number, uint32le number of its
//       self-loops) of the nodes that have some, sorted by node.
//     array 8, the directory: one chunk (first 0), the last frame before the footer, whose
//       `data` is a NodeIndex message.
//   NodeIndex (the directory) {
//     uint64 node_count = 1; uint64 edge_count = 2; uint64 article_count = 3;
//     uint64 name_keys = 4; uint64 keys_per_chunk = 5; bytes name_key_firsts = 6;
//     uint64 article_keys = 10; bytes article_key_firsts = 11;
//     bytes node_table_firsts = 12; bytes edge_table_firsts = 13;
//     bytes edge_table_evidence = 14; bytes article_firsts = 15;
//     uint64 list_entries = 16; uint64 records_per_chunk = 17; uint64 entries_per_chunk = 18;
//     bytes list_bases = 19; uint64 loop_keys = 20; bytes loop_key_firsts = 21;
//     uint64 dates_cover_evidence = 22; }
//     `*_key_firsts`: uint64le hash (node number for loops) of each key chunk's first record;
//     `list_bases`: uint64le base of each record chunk (the start of its first node's list);
//     `node_table_firsts`, `edge_table_firsts`, `article_firsts`: uint64le number of the
//     first node, edge or article of each node table, edge table or article frame, in file
//     order; `edge_table_evidence`: uint64le number of the first evidence item of each edge
//     table; `dates_cover_evidence` 1 (written only then): every edge's [first_seen,
//     last_seen] (last_seen unset: first_seen alone) holds the date of each of its dated
//     evidence items (graph::evidence_date), so that a date range that misses an edge's dates
//     misses all its evidence (show --since/--until leaves such edges unread); absent in
//     files written before it, and when some edge's dates were given apart from its evidence.
//   The chunks are, in file order: name keys, edge list records, edge lists, article keys,
//   self-loops, each array's chunks by `first`, each chunk holding the per-chunk count of
//   records but the last (loop keys: keys_per_chunk), then the directory.
//
// Files written before the edge lists hold, instead of arrays 5 to 8, array 2 (incidence
// offsets: node_count + 1 uint64le) and array 3 (incidence: each node's edges, source or
// target, ascending, a self-loop once), and their directory is a frame of its own (Frame
// field 10: the NodeIndex above with uint64 incidence = 7, offsets_per_chunk = 8,
// entries_per_chunk = 9 instead of fields 16 to 21). They still open (the node's edges are
// then all read); readers written before the edge lists take a file that has them for one
// without an index (its last frame is not a Frame field 10) and scan its tables.
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
#include <utility>
#include <vector>

#include "graph/graph.hpp"
#include "io/formats/sgpb_v3_tables.hpp"

namespace stakegraph::io::detail {

enum IndexArray : std::uint32_t {
  kNameKeys = 1,
  kIncidenceOffsets = 2,  // files written before the edge lists
  kIncidence = 3,         // files written before the edge lists
  kArticleKeys = 4,
  kListRecords = 5,
  kEdgeLists = 6,
  kLoopKeys = 7,
  kDirectory = 8,
};

// 64-bit FNV-1a of the bytes of `s`.
std::uint64_t index_key(std::string_view s);

// What the writer noted while it wrote the tables and the article frames.
struct IndexLayout {
  std::vector<std::uint64_t> node_table_firsts, edge_table_firsts, edge_table_evidence,
      article_firsts;
  // (source, target) of each edge in file order, as the writer walked the graph's edge list
  // once; empty: write_node_index walks it.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edge_ends;
};

// Writes the index chunks, then the directory, as frame payloads through emit(payload, body).
// `chunk_bytes`: a chunk's data stays within it (at least one record). `edge_lists` false:
// the index as written before the edge lists (incidence arrays, directory in Frame field 10),
// for tests of such files. `dates_cover_evidence`: every edge's dates hold its dated
// evidence's (io::dates_cover_evidence), written as the directory's field 22 (edge lists only).
void write_node_index(const graph::Graph& g, const IndexLayout& layout, std::uint64_t chunk_bytes,
                      const std::function<void(const std::string&, int)>& emit,
                      bool edge_lists = true, bool dates_cover_evidence = false);

// The directory, read and checked against the file's frames.
struct NodeIndexDir {
  std::uint64_t at = 0;               // byte offset of its frame
  bool edge_lists = false;            // arrays 5-7 (else 2 and 3: a file written before the lists)
  bool dates_cover_evidence = false;  // field 22 (with edge lists only)
  std::uint64_t name_keys = 0, keys_per_chunk = 0, incidence = 0, offsets_per_chunk = 0,
                entries_per_chunk = 0, article_keys = 0, loop_keys = 0;
  // With edge lists: `incidence` counts the list entries, `offsets_per_chunk` the records.
  std::vector<std::uint64_t> name_key_firsts, article_key_firsts, loop_key_firsts, list_bases,
      node_table_firsts, edge_table_firsts, edge_table_evidence, article_firsts;
  // offset_chunks and incidence_chunks: arrays 5 and 6 with edge lists, else 2 and 3.
  std::vector<FrameAt> name_chunks, offset_chunks, incidence_chunks, article_chunks,
      loop_chunks;                                                // index
  std::vector<FrameAt> node_tables, edge_tables, article_frames;  // the file's, in order
};

// The file's node index; nullopt when it has none (the frame before the footer is neither a
// directory nor an index chunk). Throws io::ParseError.
std::optional<NodeIndexDir> read_node_index(File& file, const V3File& v3,
                                            const std::vector<FrameAt>& frames);

// The numbers (nodes for kNameKeys, articles for kArticleKeys, self-loop counts for
// kLoopKeys) of the keys whose hash (node number for kLoopKeys) is `hash`, ascending; hash
// collisions included (the caller checks each). Throws io::ParseError.
std::vector<std::uint32_t> index_lookup(File& file, const NodeIndexDir& x, IndexArray array,
                                        std::uint64_t hash);

// The keys of `array` whose hash is one of `hashes` (ascending, without repeats), as (hash,
// number) pairs in the order of the keys ((hash, number) ascending); hash collisions
// included. Each key chunk that can hold one of the hashes is read once: a lookup of many
// hashes (show's cited articles) reads each chunk at most once instead of once per hash.
// Throws io::ParseError.
// Complexity: O(hashes + chunks) plus the chunks read (O(keys per chunk) each).
std::vector<std::pair<std::uint64_t, std::uint32_t>> index_lookup_all(
    File& file, const NodeIndexDir& x, IndexArray array, const std::vector<std::uint64_t>& hashes);

// The edges of node v (file numbers, ascending), of a file without edge lists. Throws
// io::ParseError.
std::vector<std::uint32_t> incident_edges(File& file, const NodeIndexDir& x, std::uint64_t v,
                                          std::uint64_t node_count, std::uint64_t edge_count);

// Node v's edge list (x.edge_lists): its first `limit` entries (0: all) in show's order
// (out-edges, then in-edges that are not self-loops; each part ascending, checked), with its
// degrees. Reads v's record chunk (two at a chunk's end), the list chunks of those entries
// and, for the self-loops, one chunk of array 7 (none when the file has no self-loops).
// Throws io::ParseError.
struct NodeEdgeList {
  std::uint64_t out_degree = 0, in_degree = 0;  // as Boost's, self-loops in both
  std::uint64_t total = 0;                      // list length: out + in - self-loops
  std::vector<std::uint32_t> edges;             // the first min(limit, total) entries
};
NodeEdgeList node_edge_list(File& file, const NodeIndexDir& x, std::uint64_t v,
                            std::uint64_t node_count, std::uint64_t edge_count,
                            std::uint64_t limit);

}  // namespace stakegraph::io::detail
