// stakegraph clusters GRAPH: connected components, strongly connected components, Louvain
// communities, label propagation, or signed camps. Computed on the whole graph; filters
// (--kind, --relation, --since, --until, --no-hedged) restrict the members listed, and with
// --subgraph the clusters are computed on the filtered part only (cli/filters.hpp).
// Clusters are numbered from 1, largest first, in the text and in the diagrams of `render
// --clusters` and the report (the same numbers for the same graph and options); the JSON
// "id" is the 0-based index (cluster id + 1 is the number shown). Text lists the
// clusters with their members' names; --json prints the ClusterResult message of
// proto/query.proto. The whole graph's clusters of a version 3 .sgpb file (no filter or
// --write; not camps) are computed from its topology arrays, without a graph::Graph
// (io/formats/topology_arrays.hpp); the output is the same. In a distributed job
// (stakegraph-mpi) on such a file, the components are printed from the membership gathered to
// rank 0, also with the filters by --kind and --relation (restricting the members listed, or
// with --subgraph the graph clustered).
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/filters.hpp"
#include "cli/progress.hpp"
#include "cli/weight_option.hpp"
#include "graph/edge_weight.hpp"

namespace stakegraph::cli {

struct ClustersOptions {  // the options, as on the command line
  std::string graph;
  std::string method = "louvain";
  double resolution = 1.0;
  std::uint64_t seed = 1;
  int restarts = 4;
  WeightOption weight;
  graph::WeightSource source = graph::WeightSource::kNone;  // set by run_clusters (from `weight`)
  std::string write;                                        // --write OUT
  std::string nodes;                                        // --nodes FILE (CSV OUT)
  bool force = false;
  FilterFlags filters;
  std::size_t min_size = 1;
  bool json = false;
  ProgressCliOptions progress;
};

// Adds the `clusters` subcommand to `app`; its callback runs run_clusters on standard
// output (made printable for the terminal, cli/printable_output.hpp).
void setup_clusters(CLI::App& app);

// Writes the clusters of `o.graph` by `o.method` (graph::cluster, graph/cluster.hpp) on
// `out`, text or the ClusterResult of proto/query.proto, and with o.write saves the graph
// with each node's cluster id; progress lines go to standard error. Throws
// graph::InvalidArgument for an unknown method, kind, relation or date or a negative weight
// (naming the edge), and what the readers and the writer throw. Cost: loading plus the
// method's (graph/cluster.hpp).
void run_clusters(const ClustersOptions& o, std::ostream& out);

}  // namespace stakegraph::cli
