// The analytics kernels that the subcommands call, as a table of replaceable functions. The
// `stakegraph` program uses the single-process kernels of graph/ (the defaults); the
// `stakegraph-mpi` program (cli/mpi/, built with -DSTAKEGRAPH_MPI=ON) replaces some of them on
// rank 0 with distributed ones (graph/distributed/), so that both programs share every line of
// option parsing, loading, filtering and printing, and print the same output.
// No MPI here: this file only names the kernels.
#pragma once

#include <functional>

#include "graph/betweenness.hpp"
#include "graph/centrality.hpp"
#include "graph/components.hpp"
#include "graph/csr.hpp"
#include "graph/graph.hpp"
#include "graph/paths.hpp"

namespace stakegraph::cli {

struct Kernels {
  std::function<graph::CentralityResult(const graph::Csr&, const graph::PageRankOptions&)>
      pagerank = [](const graph::Csr& c, const graph::PageRankOptions& o) {
        return graph::pagerank(c, o);
      };
  std::function<graph::CentralityResult(const graph::Csr&, const graph::BetweennessOptions&)>
      betweenness = [](const graph::Csr& c, const graph::BetweennessOptions& o) {
        return graph::betweenness_centrality(c, o);
      };
  std::function<graph::ComponentsResult(const graph::Csr&)> connected_components =
      [](const graph::Csr& c) { return graph::connected_components(c); };
  std::function<graph::PathResult(const graph::Graph&, graph::NodeIndex, graph::NodeIndex,
                                  const graph::PathOptions&)>
      shortest_path =
          [](const graph::Graph& g, graph::NodeIndex from, graph::NodeIndex to,
             const graph::PathOptions& o) { return graph::shortest_path(g, from, to, o); };
  // Subcommand options that the kernels in use cannot serve (e.g. "--metric closeness"):
  // called with the subcommand and the offending choice, throws graph::InvalidArgument.
  std::function<void(const char* command, const std::string& choice)> check_supported =
      [](const char*, const std::string&) {};
};

// The table in use (the single-process kernels unless a program replaced them).
Kernels& kernels();

}  // namespace stakegraph::cli
