// The distributed graph read by frame ranges: every rank reads its own share of a .sgpb
// file's frames (io/formats/sgpb_frames.hpp) and the ranks exchange what they read so that each
// ends up with the CSR rows of its block of nodes (graph/distributed/local_csr.hpp) and the
// ids (names) of those nodes only.
//
// Partition: nodes keep their index in the file (the order load_sgpb gives them); rank r
// owns the block partition's nodes [first, last) (BlockPartition). Frames are shared out by
// bytes: the node frames and the edge frames are each cut into p contiguous ranges of about
// equal size (a frame goes to the rank its middle byte falls to), so a rank reads about
// 1 / p of the file; articles frames are read by nobody (the CSR view does not use them).
// Rank 0 lists the frames (index_sgpb: 9 bytes per frame plus the header and footer) and
// broadcasts the list.
// Exchange (three all-to-alls of Boost.MPI): each node's (id, index) goes to the rank that
// hashes the id (FNV-1a, the directory) and (index, id) to the node's owner; each edge goes
// to the directory rank of its source id, which resolves it and forwards it to the
// directory rank of its target id, which resolves that and sends the arcs to the owners of
// their rows. Rows are then sorted and merged as graph::build_csr does (parallel edges
// merged, weights = evidence counts, self-loops dropped), so the blocks equal the scatter of
// the single-process Csr.
// Errors: a failure on any rank (damaged frame, unknown node id, count mismatch) is shared
// by all ranks before the next exchange and thrown on every rank as RankError, naming the
// first rank that failed and its reason ("rank 1: FILE: byte offset N: corrupted frame:
// checksum mismatch").
// Cost per rank: its share of the file's bytes; messages of O((V + E) / p) ids and arcs;
// memory O(V / p) names and directory entries plus its rows.
// Format version 3 (io/formats/sgpb_v3_frames.hpp): rank 0 reads the header, the footer's frame
// index and the first bytes of each node table (its first node and count), and broadcasts them;
// each rank then reads the node tables that hold its own block (ids and cleaned names of its
// nodes only) and a share of the edge tables cut by bytes as above. Edge tables hold node
// numbers, so each edge's arcs go straight to the owners of their rows (one all-to-all), and
// the ids go to their directory ranks only to check that they are unique. The ranks' edge
// ranges are checked to follow each other and to hold the header's edge and evidence counts.
// Node ids are checked unique, and so are folded ASCII names, as graph::Graph wants them (each
// id and folded name to its directory rank).
// For the commands that print (stakegraph-mpi), each rank also keeps the kinds of its nodes,
// and the ranks agree on the counts of `stats` and on the weights' signs (DistributedGraph).
// A damaged or truncated table fails the rank that reads it ("rank R: FILE: byte offset N:
// ..."); damage to the header, footer or index fails rank 0 before anything else is read.
// Collective: every rank calls each function here with the same arguments (rank 0's count).
#pragma once

#include <array>
#include <boost/mpi/communicator.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "graph/csr.hpp"
#include "graph/distributed/local_csr.hpp"
#include "graph/error.hpp"
#include "graph/graph.hpp"
#include "io/formats/sgpb_v3_frames.hpp"

namespace stakegraph::cli::mpi_cli {

// A failure of one rank, thrown on every rank alike.
class RankError : public graph::Error {
 public:
  using graph::Error::Error;
};

struct FrameReadStats {
  int rank = 0;
  std::uint64_t node_frames_first = 0, node_frames_last = 0;  // frame numbers [first, last)
  std::uint64_t edge_frames_first = 0, edge_frames_last = 0;
  std::uint64_t nodes = 0, edges = 0;  // items read from those frames
  std::uint64_t bytes_read = 0;        // bytes this rank read (rank 0: the index too)
  std::uint64_t file_bytes = 0;
};

struct DistributedGraph {
  graph::distributed::LocalCsr rows;
  std::vector<std::string> ids;    // of the owned nodes [rows.first, rows.last)
  std::vector<std::string> names;  // the same nodes' names (version 3 files; else empty)
  std::vector<graph::Kind> kinds;  // and kinds (version 3 files; else empty)
  // Version 3 files, the same on every rank: whether some edge has a user weight, and whether
  // every weight read (self-loops aside) is >= 0, and > 0 (false for NaN).
  bool user_weights = false, weights_non_negative = true, weights_positive = true;
  // Version 3 files, the same on every rank: the header's counts, nodes by graph::Kind and
  // edges by graph::Relation (kKindCount and kRelationCount entries).
  std::uint64_t edge_count = 0, article_count = 0, evidence_count = 0;
  std::vector<std::uint64_t> by_kind, by_relation;
  // Version 3 files: the aliases of the owned nodes, (node number, alias) in file order.
  std::vector<std::pair<std::uint64_t, std::string>> aliases;
  // Version 3 files read with keep_edges: this rank's share of the edge list as read (with
  // io::read_sgpb_v3_edges' details, and the weights of the view), the number of the first evidence
  // item of that share (its edges' items follow), and the header's node, edge and evidence counts.
  io::SgpbV3Edges edges;
  std::uint64_t evidence_first = 0;
  std::array<std::uint64_t, 3> header_counts{};
  FrameReadStats stats;
};

// Rank 0 receives every rank's stats, by rank (the others: an empty vector).
std::vector<FrameReadStats> gather_stats(const boost::mpi::communicator& comm,
                                         const FrameReadStats& mine);

// One line saying what a rank read ("stakegraph-mpi: rank R read node frames [a, b) ...").
std::string describe(const FrameReadStats& s);

// Reads `path` (a .sgpb file) as the CSR view `options` of graph::build_csr (version 3 files:
// weights under options.source; versions 1-2: evidence counts).
// `keep_edges` (version 3 files): keep this rank's share of the edges (DistributedGraph::edges).
// `relations` (version 3 files; InvalidArgument on every rank for others): the rows hold only
// the edges of these relations (empty: all); the counts and the weights' signs stay those of
// every edge.
DistributedGraph read_distributed(const boost::mpi::communicator& comm, const std::string& path,
                                  const graph::CsrOptions& options, bool keep_edges = false,
                                  const std::vector<graph::Relation>& relations = {});

// Rank 0 receives the names of `nodes` (rank 0's list of node numbers) from the ranks that
// own them, in the order of the list (empty strings for a file without names, version 1-2);
// the other ranks receive an empty vector. Cost: the list broadcast, and the names gathered.
std::vector<std::string> gather_names(const boost::mpi::communicator& comm,
                                      const DistributedGraph& g, std::vector<std::uint32_t> nodes);

// The CSR view of graph::filter(file, f) for a filter by kinds and relations (empty: all),
// with f.drop_isolated as `drop_isolated`, from the parts of `g` (read_distributed with
// keep_edges): the kept nodes keep their file order, numbered from 0 (block partition of
// them); the kept edges' arcs go to the owners of their rows, merged as graph::build_csr
// merges them (g's view: directed, weights). Collective.
// Cost per rank: O(V) bytes (the kept marks of the whole graph, all-gathered and
// OR-reduced) and O(V / 64) numbers, its share of the edges scanned, one all-to-all.
struct SubgraphRows {
  graph::distributed::LocalCsr rows;
  std::vector<std::uint32_t> kept;  // rank 0: the file numbers of the kept nodes, ascending
  std::uint64_t edges = 0;          // the subgraph's edges (self-loops and parallel ones too)
  // Over the kept edges, as DistributedGraph's over all: whether one has a user weight, and
  // whether every weight (self-loops aside) is >= 0, and > 0.
  bool user_weights = false, weights_non_negative = true, weights_positive = true;
};
SubgraphRows subgraph_rows(const boost::mpi::communicator& comm, const DistributedGraph& g,
                           const std::vector<graph::Kind>& kinds,
                           const std::vector<graph::Relation>& relations, bool drop_isolated);

struct NodeLabels {
  std::vector<std::string> ids, names;
  std::vector<graph::Kind> kinds;
};

// Like gather_names: the ids, names and kinds of `nodes` (version 3 files), in list order.
NodeLabels gather_labels(const boost::mpi::communicator& comm, const DistributedGraph& g,
                         std::vector<std::uint32_t> nodes);

// The rows of the kernels when they can come from the frames: rank 0 passes the Csr it built
// and the graph file it read (empty: none); the others pass nullptr and "". When the file is a
// .sgpb and the ranks' blocks read from it equal the blocks of rank 0's Csr (an unfiltered
// view; checked by a hash of every row, summed over the ranks), returns every rank's block;
// otherwise (a filtered view, another format) nullopt, and the caller scatters rank 0's Csr.
// `stats` (rank 0) receives every rank's FrameReadStats, by rank, when the frames were read.
std::optional<graph::distributed::LocalCsr> rows_from_frames(
    const boost::mpi::communicator& comm, const graph::Csr* root, const std::string& path,
    std::vector<FrameReadStats>* stats = nullptr);

}  // namespace stakegraph::cli::mpi_cli
