// The analytics kernels that the subcommands call, as a table of replaceable functions. The
// `stakegraph` program uses the single-process kernels of graph/ (the defaults); the
// `stakegraph-mpi` program (cli/mpi/, built with -DSTAKEGRAPH_MPI=ON) replaces some of them on
// rank 0 with distributed ones (graph/distributed/), so that both programs share every line of
// option parsing, loading, filtering and printing, and print the same output.
// No MPI here: this file only names the kernels.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graph/betweenness.hpp"
#include "graph/centrality.hpp"
#include "graph/cluster.hpp"
#include "graph/components.hpp"
#include "graph/csr.hpp"
#include "graph/graph.hpp"
#include "graph/paths.hpp"
#include "graph/subgraph.hpp"

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
  // `keep_edges`: the processes also keep their parts of the edge list (for induced()).
  // `relations`: the view holds only the edges of these relations (empty: all), as
  // graph/paths.cpp's view for PathOptions::relations; the weights' check is every edge's.
  virtual std::optional<graph::WeightSource> read(
      bool directed, const std::function<graph::WeightSource(bool)>& source_of, bool allow_zero,
      bool keep_edges = false, const std::vector<graph::Relation>& relations = {}) = 0;
  virtual std::size_t node_count() const = 0;  // the file's header
  virtual std::size_t edge_count() const = 0;
  struct Totals {
    std::size_t articles = 0, evidence = 0;           // the file's header
    std::vector<std::uint64_t> by_kind, by_relation;  // by graph::Kind, graph::Relation
  };
  virtual Totals totals() const = 0;  // after read()
  virtual graph::CentralityResult pagerank(const graph::PageRankOptions& o) = 0;
  // Betweenness of the view read (graph::betweenness_centrality's conventions).
  virtual graph::CentralityResult betweenness(const graph::BetweennessOptions& o) = 0;
  // The connected components of the (undirected) view read, numbered as
  // graph::connected_components numbers them, and graph::modularity of them at `resolution`
  // on that view: ClusterResult's membership, count and modularity, as graph::cluster gives
  // them for ClusterMethod::kComponents.
  virtual graph::ClusterResult components(double resolution) = 0;
  // The ids, names and kinds of `nodes`, in the list's order.
  virtual Labels labels(const std::vector<std::uint32_t>& nodes) = 0;
  // The node that `query` names, as graph::Graph::find_node finds it in the file loaded whole
  // (io::find_node's rules: folded name, else alias, else id; the first in file order);
  // nullopt when none.
  virtual std::optional<std::uint32_t> find_node(const std::string& query) = 0;
  // graph::distances_from(view, source, cost) on the view read, never entering `avoid`;
  // `reverse` (a directed view): the distances to `source`. By node; +infinity: unreached.
  virtual std::vector<double> distances(std::uint32_t source, bool reverse, graph::EdgeCost cost,
                                        const std::vector<std::uint32_t>& avoid) = 0;
  // io::induced_graph of the file on `nodes` (file numbers, sorted, unique; read() with
  // keep_edges): the graph, its edges in the order added, and where each edge's evidence lies
  // in the file's evidence list (first item, count), with the header's node, edge and
  // evidence counts (for io::load_sgpb_evidence_ranges).
  struct Induced {
    graph::Graph graph;
    std::vector<graph::EdgeRef> edges;
    std::vector<std::array<std::uint64_t, 2>> evidence;
    std::array<std::uint64_t, 3> counts{};
  };
  virtual Induced induced(const std::vector<std::uint32_t>& nodes) = 0;
  // The nodes of graph::filter(file, f), as a mask by node: a node is kept when its kind is
  // among f.kinds (all when empty) and, with f.drop_isolated, when it also keeps an edge (one
  // of f.relations, all when empty, whose two ends are kept). Only filters that read no
  // evidence: f.since, f.until, f.exclude_hedged and f.signs must be unset (InvalidArgument
  // otherwise). With f.drop_isolated, read() must have kept the edges (keep_edges).
  // Cost: O(V) bytes on every process while the mask is made (the kinds' mask all-gathered
  // when kinds are given, and the edges' ends reduced to the caller), O(E / p) edges scanned.
  virtual std::vector<bool> kept_nodes(const graph::FilterOptions& f) = 0;
  // Restricts the view read (read() with keep_edges) to the subgraph graph::filter(file, f)
  // keeps (kinds and relations only, as kept_nodes): its nodes keep the file's order,
  // numbered from 0 as graph::filter numbers them, and pagerank, betweenness, components,
  // labels, node_count and edge_count then apply to the subgraph, in its numbers (until the
  // next read()). Returns the file numbers of the kept nodes (ascending) and whether some kept
  // edge has a user weight; nullopt when a weight of a kept edge is negative (or zero, when
  // !allow_zero; the caller then takes the path that names the edge).
  struct Restricted {
    std::vector<std::uint32_t> kept;
    bool user_weights = false;
  };
  virtual std::optional<Restricted> restrict_view(const graph::FilterOptions& f,
                                                  bool allow_zero) = 0;
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
