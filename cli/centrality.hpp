// stakegraph centrality GRAPH --metric M: rank the nodes of a graph by degree, betweenness,
// closeness, harmonic, PageRank or eigenvector centrality (graph/centrality.hpp,
// graph/betweenness.hpp). Filters (--kind, --relation, --since, --until, --no-hedged)
// restrict the nodes printed, ranked among the whole graph; with --subgraph the scores are
// computed on the filtered part only (cli/filters.hpp). Text prints a ranked table (padded
// by display width) under a header saying which; --json prints the CentralityResult message
// of proto/query.proto, sorted by score (highest first). The whole graph of a version 3
// .sgpb file (no filter, --write or --personalize) is ranked from its topology arrays,
// without a graph::Graph (io/formats/topology_arrays.hpp); the output is the same. In a
// distributed job (stakegraph-mpi) on such a file, PageRank and betweenness are printed from
// the results gathered to rank 0, also with --personalize and with the filters by --kind and
// --relation (restricting the nodes printed, or with --subgraph the graph ranked; cli/kernels.hpp,
// WholeFile).
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/filters.hpp"
#include "cli/progress.hpp"
#include "cli/weight_option.hpp"
#include "graph/edge_weight.hpp"

namespace stakegraph::cli {

struct CentralityOptions {  // the options, as on the command line
  std::string graph;
  std::string metric;
  std::size_t top = 20;
  FilterFlags filters;
  bool directed = false;
  bool undirected = false;
  WeightOption weight;
  graph::WeightSource source = graph::WeightSource::kNone;  // set by run_centrality (from `weight`)
  std::string write;                                        // --write OUT
  std::string nodes;                                        // --nodes FILE (CSV OUT)
  bool force = false;
  bool normalized = false;
  std::uint32_t samples = 0;
  std::uint64_t seed = 0;
  double confidence = 0.95;
  double damping = 0.85;
  std::vector<std::string> personalize;
  std::string degree_mode = "total";
  int threads = 0;
  bool json = false;
  ProgressCliOptions progress;
  // Which options were given (to reject those that do not apply to the metric).
  bool samples_given = false, seed_given = false, damping_given = false, confidence_given = false,
       mode_given = false;
};

// Adds the `centrality` subcommand to `app`; its callback runs run_centrality on standard
// output (made printable for the terminal, cli/printable_output.hpp).
void setup_centrality(CLI::App& app);

// Writes the ranking of `o.graph` by `o.metric` on `out` (text or JSON, see the file
// comment); progress lines and warnings (no convergence, a subgraph without edges) go to
// standard error. Throws graph::InvalidArgument for options that do not apply to the metric
// or a weight the metric cannot use, graph::NotFound for an unknown --personalize node, and
// what the readers and the --write writer throw. Cost: loading plus the metric's (see
// graph/centrality.hpp and graph/betweenness.hpp).
void run_centrality(const CentralityOptions& o, std::ostream& out);

}  // namespace stakegraph::cli
