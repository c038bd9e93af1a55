// The analytics kernels that the subcommands call, as a table of replaceable functions. The
// `stakegraph` program uses the single-process kernels of graph/ (the defaults); the
// `stakegraph-mpi` program (cli/mpi/, built with -DSTAKEGRAPH_MPI=ON) replaces some of them on
// rank 0 with distributed ones (graph/distributed/), so that both programs share every line of
// option parsing, loading, filtering and printing, and print the same output.
// No MPI here: this file only names the kernels.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graph/betweenness.hpp"
#include "graph/centrality.hpp"
#include "graph/components.hpp"
#include "graph/csr.hpp"
#include "graph/graph.hpp"
#include "graph/paths.hpp"

namespace stakegraph::cli {

// A graph file that the processes of a distributed job hold in parts (stakegraph-mpi on a
// .sgpb file of format version 3): no process loads the whole graph; the results are gathered
// on the calling process (rank 0), and so are the ids, names and kinds of the nodes it prints.
// Every call is collective (the calling process names it to the others).
class WholeFile {
 public:
  struct Labels {
    std::vector<std::string> ids, names;
    std::vector<graph::Kind> kinds;
  };
  virtual ~WholeFile() = default;
  // Reads the analytics view (graph::build_csr's conventions) with the weights under
  // source_of(whether some edge has a user weight); returns the source used, or nullopt when
  // a weight under it is negative (or zero, when !allow_zero; the caller then takes the path
  // that names the edge).
  virtual std::optional<graph::WeightSource> read(
      bool directed, const std::function<graph::WeightSource(bool)>& source_of,
      bool allow_zero) = 0;
  virtual std::size_t node_count() const = 0;  // the file's header
  virtual std::size_t edge_count() const = 0;
  struct Totals {
    std::size_t articles = 0, evidence = 0;              // the file's header
    std::vector<std::uint64_t> by_kind, by_relation;  // by graph::Kind, graph::Relation
  };
  virtual Totals totals() const = 0;  // after read()
  virtual graph::CentralityResult pagerank(const graph::PageRankOptions& o) = 0;
  // The ids, names and kinds of `nodes`, in the list's order.
  virtual Labels labels(const std::vector<std::uint32_t>& nodes) = 0;
};

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
  // The WholeFile of a graph file, when the program reads files in parts (null: it does not,
  // or not this file).
  std::function<std::unique_ptr<WholeFile>(const std::string& path)> open_whole_file =
      [](const std::string&) { return std::unique_ptr<WholeFile>(); };
};

// The table in use (the single-process kernels unless a program replaced them).
Kernels& kernels();

}  // namespace stakegraph::cli
