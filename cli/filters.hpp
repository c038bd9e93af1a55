// The filter options of the query subcommands (--kind, --relation, --since, --until,
// --no-hedged) and what they mean: a filter restricts what is PRINTED, the computation runs
// on the whole graph (centrality ranks vendors among everything, clusters are the whole
// graph's); --subgraph restricts what is COMPUTED to the filtered part (the graph the
// filters leave, graph::filter). Each command's output says which.
// Complexity: the filter is graph::filter, O(V + E + evidence).
#pragma once

#include <optional>

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "graph/graph.hpp"
#include "graph/subgraph.hpp"

namespace stakegraph::cli {

struct FilterFlags {
  std::vector<std::string> kinds;
  std::vector<std::string> relations;
  std::string since;
  std::string until;
  bool no_hedged = false;
  bool subgraph = false;  // compute on the filtered part, not only print it

  // Whether any filter option was given.
  bool any() const noexcept {
    return !kinds.empty() || !relations.empty() || !since.empty() || !until.empty() || no_hedged;
  }
  // Whether an edge filter (relation, dates, hedging) was given.
  bool on_edges() const noexcept {
    return !relations.empty() || !since.empty() || !until.empty() || no_hedged;
  }
};

// Adds --kind, --relation, --since, --until, --no-hedged and, with a non-empty
// `subgraph_help`, --subgraph to `sub`.
void add_filter_options(CLI::App* sub, FilterFlags& f, const std::string& subgraph_help);

// The graph::FilterOptions of the flags (exclude_hedged from --no-hedged). Throws
// graph::InvalidArgument for an unknown kind or relation or a bad date.
graph::FilterOptions filter_of(const FilterFlags& f);

// The filter options as given, for messages: "--kind vendor --since 2024-01-01".
std::string describe_filters(const FilterFlags& f);

// The filter whose nodes a listing prints when the filters restrict printing: filter_of(f),
// with drop_isolated when an edge filter was given (a node is printed only if it keeps an
// edge). Throws as filter_of.
graph::FilterOptions printed_filter(const FilterFlags& f);

// The filters of a run on a file's parts (kernels().open_whole_file, stakegraph-mpi): what is
// printed (`shown`: printed_filter) or, with --subgraph, what is computed (`computed`:
// filter_of); both empty without filters. False when a filter reads evidence (dates,
// hedging): such runs load the graph. Throws as filter_of.
bool parts_filters(const FilterFlags& f, std::optional<graph::FilterOptions>& shown,
                   std::optional<graph::FilterOptions>& computed);

// The nodes a listing prints when the filters restrict printing: the nodes of
// graph::filter(g, filter_of(f)) (with an edge filter, only nodes keeping an edge), as a
// mask over the nodes of `g`.
std::vector<bool> printed_nodes(const graph::Graph& g, const FilterFlags& f);

}  // namespace stakegraph::cli
