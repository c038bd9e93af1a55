// stakegraph-mpi's cli::WholeFile (cli/kernels.hpp): a version 3 .sgpb file read in parts by
// every rank (read_distributed, cli/mpi/frame_read.hpp), each keeping the rows, ids, names
// and kinds of its own block of nodes only. Rank 0 prints from the results gathered to it
// and from the labels (ids, names, kinds) of the nodes it prints, gathered from their owners
// (gather_labels); it never loads the whole graph.
// Protocol: rank 0 names each collective step to the other ranks through `announce` (main.cpp's
// kernel loop, which also maps a failure to the job's exit); the other ranks run
// serve_whole_file with that step's code. The parts are kept on every rank until the next
// read or kWholeClose (sent when rank 0's WholeFile is destroyed).
// Weights: the file is read with source_of(false) first; when some edge has a user weight and
// source_of(true) differs, the edge tables are read again under it (each rank its own share).
// Errors: as read_distributed (RankError on every rank, naming the first rank that failed).
// Kernels: pagerank, betweenness (the blocks all-gathered: every rank holds the CSR view),
// components with their modularity (graph/distributed/algorithms.hpp); for `path`, finding a
// node (each rank among its own nodes and aliases), distances from a node on the rows, and the
// subgraph induced by some nodes (each rank sends the edges of its share of the edge list,
// kept by read() with keep_edges, whose two ends are among them); the nodes a filter by
// kinds and relations keeps (kept_nodes: the kinds' marks all-gathered, each rank's share of
// the edges marking their ends, OR-reduced on rank 0; O(V) bytes per rank while it runs); and
// the view restricted to such a filter's subgraph (restrict_view: subgraph_rows, the kept
// nodes renumbered in file order and their rows rebuilt; later kernels and labels use them).
// Cost per rank: its share of the file; rank 0 also the index (O(tables)), the results (O(V)
// doubles) and the labels of the nodes it prints.
#pragma once

#include <boost/mpi/communicator.hpp>
#include <functional>
#include <memory>
#include <string>

#include "cli/kernels.hpp"
#include "graph/distributed/algorithms.hpp"

namespace stakegraph::cli::mpi_cli {

enum WholeFileStep : int {
  kWholeRead = 100,
  kWholePageRank,
  kWholeLabels,
  kWholeClose,
  kWholeBetweenness,
  kWholeComponents,
  kWholeFind,
  kWholeDistances,
  kWholeInduced,
  kWholeKept,
  kWholeSubgraph,
};

// Runs `work` on rank 0 after naming `step` to the other ranks.
using Announce = std::function<void(int step, const std::function<void()>& work)>;

// Rank 0: the WholeFile of `path` when it is a .sgpb file of format version 3 (its header is
// read here, on rank 0 alone), else nullptr. `verbose`: print on stderr what each rank read.
// `engine`: the kernels of components and hop-count betweenness.
std::unique_ptr<WholeFile> open_whole_file(const boost::mpi::communicator& comm,
                                           const std::string& path, Announce announce, bool verbose,
                                           graph::distributed::Engine engine);

// The other ranks: their part of `step` (one of WholeFileStep).
void serve_whole_file(const boost::mpi::communicator& comm, int step);

}  // namespace stakegraph::cli::mpi_cli
