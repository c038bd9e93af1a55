// `.sgpb` format version 3 (io/formats/sgpb.hpp has the frame envelope; proto/stakegraph.proto the
// messages): the topology first, as little-endian arrays in checksummed frames, then the
// articles and the evidence in frames of their own, then a footer holding the frame index
// and a 16-byte trailer (uint64le offset of the footer frame, "SGPBEND\n").
//
//   header | node tables | edge tables | article chunks | evidence chunks | node index |
//   footer | trailer
//
// The node index (io/formats/sgpb_v3_index.hpp: name, alias and id keys, each node's edges in
// show's order with its degrees, article keys) lets `show` read one node and its first edges
// without scanning the tables; files written before it have none and open as before (every reader
// here skips it, but load_sgpb_node).
// Node tables hold kinds (1 byte each) and ids and names as string tables (uint32le ends +
// one blob), plus the aliases and attributes of the nodes that have some. Edge tables hold,
// per edge in the file's edge order, source and target node numbers, relation, sign, flags,
// first and last seen dates, evidence count, and the weights and Goldstein means of the
// edges that have one. Evidence chunks hold the evidence items of all edges, edge by edge.
//
// load_sgpb_topology reads the header, the trailer, the footer and its index, then only the
// node and edge tables: the article and evidence frames are skipped by their lengths, never
// read. Every frame is checked before use (its head against the index, its length against
// the file, its CRC-32), so a damaged or truncated file is a io::ParseError naming the
// byte offset of the frame at fault (or of the trailer); the file is read with read(), not
// mapped, so a file truncated while it is read is an error, never a SIGBUS.
// Complexity: O(V + E) time and memory for the topology, plus O(evidence) for a full read.
#pragma once

#include <array>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/graph.hpp"
#include "io/formats/topology_arrays.hpp"
#include "proto/stakegraph.pb.h"

namespace stakegraph::io {

inline constexpr char kSgpbTrailerMagic[8] = {'S', 'G', 'P', 'B', 'E', 'N', 'D', '\n'};
inline constexpr std::uint64_t kSgpbTrailerBytes = 16;

struct SgpbV3WriteOptions {
  std::uint64_t target_frame_bytes = 4u << 20;  // a table or chunk closes at this size
  std::uint64_t max_item_bytes = 0;             // no item larger (frame limit minus framing)
  std::uint64_t evidence_total = 0;             // of the graph (the writer's checks count it)
  bool node_edge_lists = true;  // io/formats/sgpb_v3_index.hpp (false: as before them)
};

// The header's counts within the graph size limits and this machine's memory (io/formats/sgpb.hpp,
// the same check for every version); throws graph::Error saying which.
void check_sgpb_declared_size(const pb::Header& h);

// Writes the frames after the magic (the caller wrote it and checked every string). Throws
// graph::Error for an item larger than a frame and on I/O failure.
void write_sgpb_v3_frames(const graph::Graph& g, std::ostream& out, const SgpbV3WriteOptions& o);

// Reads the rest of a version 3 file from `in`, positioned after the header frame (which was
// read and checked: `header`, `header_bytes` = 8 + its payload length, starting at byte 8).
// The whole graph, evidence included. Throws io::ParseError (name + byte offset).
graph::Graph read_sgpb_v3_rest(std::istream& in, const std::string& name, const pb::Header& header,
                               std::uint32_t header_bytes);

// The topology of a graph file, for commands that need no evidence text.
struct SgpbTopology {
  // Nodes whole; edges with relation, sign, weight, Goldstein mean and first/last seen. For a
  // version 3 file: no articles and no evidence (EdgeData::unloaded_evidence says how many
  // items each edge has in the file). An older file is read whole (its layout has no
  // topology of its own): everything is there and unloaded_evidence is 0.
  graph::Graph graph;
  std::uint64_t article_count = 0;
  std::uint64_t evidence_count = 0;
  std::uint32_t format_version = 0;
  bool evidence_loaded = false;  // true for files before version 3
  std::uint64_t bytes_read = 0;  // version 3: bytes read from the file
};

// Throws graph::NotFound for a missing file and io::ParseError for a damaged one (as
// load_sgpb; a version 3 file's evidence and article frames are not checked, since they are
// not read).
SgpbTopology load_sgpb_topology(const std::string& path);

// The same tables as plain arrays, without a graph::Graph (io/formats/topology_arrays.hpp: what
// io::load_topology_arrays returns); nullopt when the file is not of version 3 (or is "-").
// Throws as load_sgpb_topology.
std::optional<TopologyArrays> load_sgpb_topology_arrays(const std::string& path,
                                                        const TopologyArraysOptions& o = {});

// The labels of `nodes` (any order, repeats allowed) of the file `t` was read from (loaded
// without labels), read from the node tables holding them: O(V / table + the tables read).
// Throws io::ParseError naming the byte offset for a damaged table, or when the file no
// longer has the header and the tables `t` was read from.
NodeLabels load_node_labels(const TopologyArrays& t, std::vector<std::uint32_t> nodes);

// One node of a version 3 file with what `show` prints of it, without the rest of the graph:
// `graph` holds the node (with its aliases and attributes), its neighbours (id, name and kind
// only), the edges between the node and them in file order (the node's every edge) with
// their evidence, and the articles that evidence cites; nodes are in file order, so that
// every edge has the source and target it has in the whole graph. `node` is the node in
// `graph`, found by name, alias or id as graph::Graph::find_node finds it in the whole
// graph; nullopt when no node is found (`graph` is then empty). nullopt when the file is
// not of version 3 (or is "-").
// A file with the node index (io/formats/sgpb_v3_index.hpp; written since it exists): reads the
// index's directory, the key chunk of the query's hash and the node tables of the nodes it
// names (each checked against the query), the node's edge list record and its first
// SgpbNodeOptions::edges entries (all of them in a file whose index has no edge lists), the
// edge tables holding those edges, the node tables of their neighbours, the evidence frames
// holding the evidence wanted and the article frames holding the articles it cites (of
// these two, only the items wanted are decoded). A file without
// it: the node and edge tables (the node tables of the neighbours twice), every article
// frame when the evidence cites an article. Evidence frames are found by the `first` item
// number at the start of each (checked again when the frame is read whole). Every frame
// read is checked as by load_sgpb_topology: a damaged file is an io::ParseError naming the
// byte offset. Unlike the whole load, node ids and names are not checked for duplicates
// across the file.
// Complexity: with the index, O(frames) for the frame index plus the frames named above
// (each at most a table's size: O(degree) frames); without, O(V + E) over the tables, plus
// O(degree + evidence of the node + the article frames); memory O(a frame + degree + its
// evidence).
struct SgpbNodeOptions {
  std::string node;  // name, alias or id
  // Only the first N of the node's edges in show's order (its out-edges, then its in-edges
  // that are not self-loops, in file order) get their evidence (and articles); the others
  // keep their evidence count in EdgeData::unloaded_evidence. 0: every edge.
  std::size_t evidence_edges = 0;
  // Only the first N of the node's edges in show's order are read at all (and their
  // neighbours), when the file's node index has edge lists; every edge otherwise. 0: every
  // edge.
  std::size_t edges = 0;
  // A date range (graph::FilterOptions::since/until, inclusive; kNoDate: open) the caller
  // will filter the node's edges by (graph::filter): when one of them is set and the file's
  // node index says that each edge's dates hold its evidence's (field 22), the edges whose
  // [first_seen, last_seen] misses the range (or that have no first_seen), which graph::filter
  // would drop, are left out (nor their evidence, articles and neighbours read). The degrees
  // (out_degree, in_degree, edge_total) still count them. Otherwise no effect.
  graph::Date since = graph::kNoDate, until = graph::kNoDate;
};
struct SgpbNodeLoad {
  graph::Graph graph;
  std::optional<graph::NodeIndex> node;
  // The node's degrees in the whole file, as Boost counts them in the whole graph (a
  // self-loop is an out- and an in-edge), and its number of edges (a self-loop once):
  // `graph` holds fewer edges when SgpbNodeOptions::edges cut them.
  std::uint64_t out_degree = 0, in_degree = 0, edge_total = 0;
  std::uint64_t bytes_read = 0;          // from the file
  std::uint64_t edges_cut_by_dates = 0;  // left out by SgpbNodeOptions::since/until
};
std::optional<SgpbNodeLoad> load_sgpb_node(const std::string& path, const SgpbNodeOptions& o);

// The evidence of a few edges of a version 3 file whose topology `t` was read
// (load_sgpb_topology_arrays), for a graph built from it (io/formats/topology_subgraph.hpp): each
// pair is the file's edge number and the edge of `g` that stands for it, whose evidence
// becomes the file's (unloaded_evidence 0); the articles that evidence cites are added to
// `g`. Reads the header, footer and only the evidence frames that hold those edges' items
// (as load_sgpb_node), and the article frames when some item cites an article.
// Throws io::ParseError (file + byte offset) for a damaged file, or one whose header no
// longer matches `t`.
// Complexity: O(E) over t's counts, plus the frames read.
void load_sgpb_edge_evidence(const std::string& path, const TopologyArrays& t,
                             std::vector<std::pair<std::uint64_t, graph::EdgeRef>> edges,
                             graph::Graph& g);

// The nodes `nodes` (file numbers, sorted, without repeats) of a version 3 file whose
// topology `t` was read (load_topology_arrays) and every edge among them, whole: what
// graph::induced_subgraph gives of the file loaded whole (nodes with their aliases and
// attributes, edges with every field and their evidence, in file order: io::induced_graph),
// but that it holds only the articles the evidence cites. Reads the header, footer, node and
// edge tables (again: the arrays lack aliases, attributes, signs, Goldstein means and
// dates), the evidence frames holding those edges' items and, when some item cites an
// article, the article frames. `neighbors --json` and its date and hedging filters run on it.
// Throws io::ParseError (file + byte offset) for a damaged file or one that no longer
// matches `t`, graph::InvalidArgument for a node number out of range.
// Complexity: O(V + E) over the tables, plus the evidence frames read and O(k + m) graph
// building for k nodes and m edges kept.
graph::Graph load_sgpb_subgraph(const std::string& path, const TopologyArrays& t,
                                const std::vector<std::uint32_t>& nodes);

// The same when the caller knows where each edge's evidence lies in the file's evidence list
// (items [first, first + count): an edge's items follow those of the edges before it), e.g.
// from the edge tables it read in parts (stakegraph-mpi): nothing but the header, the footer
// and the frames above is read. `counts`: the header's node, edge and evidence counts as the
// caller read them (a file that no longer declares them is an io::ParseError).
struct EvidenceRange {
  std::uint64_t first = 0, count = 0;
  graph::EdgeRef edge;
};
void load_sgpb_evidence_ranges(const std::string& path, const std::array<std::uint64_t, 3>& counts,
                               std::vector<EvidenceRange> edges, graph::Graph& g);

}  // namespace stakegraph::io
