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
// (io/topology_arrays.hpp); the output is the same.
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/analytics.hpp"
#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "cli/printable_output.hpp"
#include "cli/common.hpp"
#include "cli/filters.hpp"
#include "cli/kernels.hpp"
#include "cli/node_rows.hpp"
#include "cli/weight_option.hpp"
#include "graph/camps.hpp"
#include "graph/communities.hpp"
#include "graph/components.hpp"
#include "graph/csr.hpp"
#include "graph/error.hpp"
#include "graph/subgraph.hpp"
#include "io/topology_arrays.hpp"
#include "proto/query.pb.h"

namespace stakegraph::cli {
namespace {

struct ClustersOptions {
  std::string graph;
  std::string method = "louvain";
  double resolution = 1.0;
  std::uint64_t seed = 1;
  int restarts = 4;
  WeightOption weight;
  graph::WeightSource source = graph::WeightSource::kNone;  // resolved on the loaded graph
  std::string write;                                        // --write OUT
  std::string nodes;                                        // --nodes FILE (CSV OUT)
  bool force = false;
  FilterFlags filters;
  std::size_t min_size = 1;
  bool json = false;
  ProgressCliOptions progress;
};

struct Outcome {
  std::vector<std::uint32_t> membership;
  std::uint32_t count = 0;
  double modularity = 0.0;
  bool signed_result = false;
  double frustration = 0.0;
  bool optimal = true;
  std::string detail;  // one line of method-specific facts for the text header
};

// The methods that run on the analytics view: `undirected` (weighted as o.source says),
// and `directed()` (unweighted, for strong components). Not camps (the signed graph).
template <class Directed>
Outcome cluster_on(const graph::Csr& undirected, Directed&& directed, const ClustersOptions& o,
                   Progress& progress) {
  Outcome out;
  std::ostringstream detail;
  if (o.method == "components" || o.method == "strong-components") {
    const graph::ComponentsResult r = o.method == "components"
                                          ? kernels().connected_components(undirected)
                                          : graph::strong_components(directed());
    out.membership = r.membership;
    out.count = r.count;
  } else if (o.method == "louvain") {
    graph::LouvainOptions lo{.resolution = o.resolution, .seed = o.seed, .restarts = o.restarts};
    if (progress.enabled())
      lo.progress = [&progress](std::uint64_t done, std::uint64_t total) {
        progress.update(std::to_string(done) + "/" + std::to_string(total) + " passes",
                        static_cast<double>(done) / static_cast<double>(total));
      };
    const graph::CommunityResult r = graph::louvain(undirected, lo);
    out.membership = r.membership;
    out.count = r.count;
    detail << "resolution " << o.resolution << ", seed " << r.seed << ", " << r.levels << " levels";
  } else if (o.method == "label-propagation") {
    const graph::CommunityResult r = graph::label_propagation(undirected, {.seed = o.seed});
    out.membership = r.membership;
    out.count = r.count;
    detail << "seed " << o.seed << ", " << r.iterations << " sweeps";
  } else {
    throw graph::InvalidArgument("unknown method '" + o.method + "'");
  }
  out.modularity = graph::modularity(undirected, out.membership, o.resolution);
  out.detail = detail.str();
  return out;
}

// Louvain, label propagation, camps and modularity add weights up: none may be negative.
bool checks_weights(const std::string& method) {
  return method != "components" && method != "strong-components";
}

Outcome cluster(const graph::Graph& g, const ClustersOptions& o, Progress& progress) {
  const bool weighted = o.source != graph::WeightSource::kNone;
  if (checks_weights(o.method)) graph::require_positive_weights(g, o.source, true, o.method);
  const graph::Csr undirected =
      graph::build_csr(g, {.weighted = weighted, .source = o.source});
  if (o.method != "camps")
    return cluster_on(
        undirected, [&] { return graph::build_csr(g, {.directed = true}); }, o, progress);
  Outcome out;
  std::ostringstream detail;
  const graph::SignedGraph s = graph::build_signed(g, {.weighted = weighted, .source = o.source});
  const graph::CampsResult r =
      graph::camps(s, {.seed = o.seed, .restarts = std::max(8, o.restarts)});
  out.membership = r.membership;
  out.count = r.count;
  out.signed_result = true;
  out.frustration = r.frustration;
  out.optimal = r.exact;
  detail << "frustration " << r.frustration << " ("
         << (r.exact ? "optimal" : "best found; some components too large to prove optimal")
         << "), " << s.targets.size() / 2 << " signed ties";
  out.modularity = graph::modularity(undirected, out.membership, o.resolution);
  out.detail = detail.str();
  return out;
}

// The members of each cluster that are listed: those the filters keep (all with --subgraph,
// where the graph is already the filtered part).
std::vector<std::vector<std::uint32_t>> listed_members(
    const std::vector<std::vector<std::uint32_t>>& members, const std::vector<bool>& printed) {
  std::vector<std::vector<std::uint32_t>> out(members.size());
  for (std::size_t c = 0; c < members.size(); ++c)
    for (std::uint32_t v : members[c])
      if (printed[v]) out[c].push_back(v);
  return out;
}

template <class Rows>
void print_json_result(const Rows& rows, const ClustersOptions& o, const Outcome& r,
                       const std::vector<std::vector<std::uint32_t>>& members,
                       const std::vector<std::vector<std::uint32_t>>& listed) {
  pb::ClusterResult msg;
  msg.set_method(o.method);
  msg.set_modularity(r.modularity);
  if (r.signed_result) {
    msg.set_frustration(r.frustration);
    msg.set_optimal(r.optimal);
  }
  for (std::uint32_t c = 0; c < r.count; ++c) {
    if (members[c].size() < o.min_size || listed[c].empty()) continue;
    pb::Cluster* cl = msg.add_clusters();
    cl->set_id(c);  // an index: shown as c + 1 in text, diagrams and the report
    for (std::uint32_t v : listed[c]) {
      cl->add_members(valid_utf8(rows.name(v)));
      cl->add_ids(valid_utf8(rows.id(v)));
    }
  }
  print_message_json(msg);
}

// Prints the clusters (text or JSON); `printed`: the nodes the filters keep.
template <class Rows>
void print_clusters(const Rows& rows, const ClustersOptions& o, const Outcome& r,
                    const std::vector<std::vector<std::uint32_t>>& members,
                    const std::vector<bool>& printed, bool on_subgraph) {
  const auto listed = listed_members(members, printed);
  if (o.json) {
    print_json_result(rows, o, r, members, listed);
    return;
  }
  std::size_t shown = 0;
  for (std::uint32_t c = 0; c < r.count; ++c)
    shown += members[c].size() >= o.min_size && !listed[c].empty();
  std::cout << o.method << ": " << r.count << " clusters over " << rows.node_count() << " nodes";
  if (on_subgraph) {
    std::cout << " of the subgraph selected by " << describe_filters(o.filters);
  } else if (o.filters.any()) {
    std::cout << " of the whole graph (" << shown << " with members passing "
              << describe_filters(o.filters) << " shown, only those members listed; "
              << "--subgraph computes on them only)";
  }
  if (shown < r.count && !o.filters.any())
    std::cout << " (" << shown << " of size >= " << o.min_size << " shown)";
  std::cout << ", modularity " << std::setprecision(4) << std::fixed << r.modularity
            << std::defaultfloat << std::setprecision(6);
  if (!r.detail.empty()) std::cout << "; " << r.detail;
  std::cout << "\n";
  for (std::uint32_t c = 0; c < r.count; ++c) {
    if (members[c].size() < o.min_size || listed[c].empty()) continue;
    std::cout << "cluster " << c + 1 << " (" << members[c].size();
    if (listed[c].size() < members[c].size()) std::cout << ", " << listed[c].size() << " listed";
    std::cout << "): ";
    for (std::size_t i = 0; i < listed[c].size(); ++i)
      std::cout << (i ? ", " : "") << rows.name(listed[c][i]);
    std::cout << "\n";
  }
}

// The whole graph's clusters (no filter, nothing saved; not camps) on a .sgpb file of format
// version 3: computed on the view built from the file's arrays, without a graph::Graph
// (io/topology_arrays.hpp); the output is the same. False when this does not apply, or when
// a weight is not allowed (the graph's path says which edge).
bool cluster_from_arrays(ClustersOptions o) {
  if (o.filters.any() || !o.write.empty() || o.method == "camps") return false;
  std::optional<io::TopologyArrays> t = io::load_topology_arrays(o.graph);
  if (!t) return false;
  o.source = resolve_weight(o.weight, io::has_weights(*t));
  if (checks_weights(o.method) && !io::weights_allowed(*t, o.source, true)) return false;
  const bool weighted = o.source != graph::WeightSource::kNone;
  const graph::Csr undirected = io::csr_of(*t, {.weighted = weighted, .source = o.source});
  std::optional<graph::Csr> directed;
  if (o.method == "strong-components") directed = io::csr_of(*t, {.directed = true});
  const ArrayRows rows{*t, t->edge_count()};
  t->release_edges();
  Progress progress("clusters", o.progress);
  progress.step(o.method);
  const Outcome r = cluster_on(
      undirected, [&]() -> const graph::Csr& { return *directed; }, o, progress);
  progress.finish(std::to_string(r.count) + " clusters");
  print_clusters(rows, o, r, graph::cluster_members(r.membership, r.count),
                 std::vector<bool>(rows.node_count(), true), false);
  return true;
}

void run_clusters(ClustersOptions o) {
  kernels().check_supported("clusters", o.method);
  if (cluster_from_arrays(o)) return;
  const graph::FilterOptions filter = filter_of(o.filters);
  const bool on_subgraph = o.filters.subgraph && !filter.selects_everything();
  // The topology alone unless the filters read evidence or --write saves the whole graph.
  const bool needs_evidence = filter_reads_evidence(filter) || !o.write.empty();
  const graph::Graph g =
      load_filtered(o.graph, on_subgraph ? filter : graph::FilterOptions{}, needs_evidence);
  o.source = resolve_weight(o.weight, g);
  Progress progress("clusters", o.progress);
  progress.step(o.method);
  const Outcome r = cluster(g, o, progress);
  progress.finish(std::to_string(r.count) + " clusters");
  const auto members = graph::cluster_members(r.membership, r.count);
  if (!o.write.empty()) {
    const std::vector<double> ids(r.membership.begin(), r.membership.end());
    write_node_values(g, o.method, ids, o.write, o.nodes, o.force);
  }
  print_clusters(GraphRows{g}, o, r, members,
                 on_subgraph ? std::vector<bool>(g.node_count(), true) : printed_nodes(g, o.filters),
                 on_subgraph);
}

}  // namespace

void setup_clusters(CLI::App& app) {
  auto opts = std::make_shared<ClustersOptions>();
  CLI::App* sub = app.add_subcommand(
      "clusters",
      "Find clusters: connected or strongly connected components, Louvain communities, label "
      "propagation, or camps of the signed graph (who stands with whom).");
  sub->add_option("GRAPH", opts->graph, "graph file (.sgpb, .json, .graphml, .csv)")->required();
  sub->add_option("--method", opts->method,
                  "components | strong-components | louvain | label-propagation | camps "
                  "(default louvain). camps partitions the signed graph (cooperative +, "
                  "conflictual -, neutral relations ignored) into any number of groups with "
                  "the fewest + ties between and - ties within")
      ->check(CLI::IsMember(
          {"components", "strong-components", "louvain", "label-propagation", "camps"}));
  sub->add_option("--resolution", opts->resolution,
                  "Louvain resolution gamma > 0 (default 1; larger gives smaller communities); "
                  "also used for the modularity reported")
      ->check(CLI::PositiveNumber);
  sub->add_option("--seed", opts->seed, "random seed (louvain, label-propagation, camps)");
  sub->add_option("--restarts", opts->restarts,
                  "louvain: independent seeded runs (seeds S, S+1, ...), the best modularity "
                  "kept (default 4); camps: local-search starts (at least 8)")
      ->check(CLI::Range(1, 1000));
  add_weight_option(sub, opts->weight,
                    "an edge without evidence counts 1, one without a weight too");
  sub->add_option("--write", opts->write,
                  "also save the graph with each node's cluster id as node attribute METHOD "
                  "(.sgpb, .json, .graphml, .gexf; .csv with --nodes) for Gephi, Cytoscape...");
  sub->add_option("--nodes", opts->nodes, "--write to .csv: the nodes file (with the ids)");
  sub->add_flag("--force", opts->force, "--write: overwrite a file that is not a graph file");
  add_filter_options(sub, opts->filters,
                     "compute the clusters of the filtered part only (default: the whole "
                     "graph's clusters, listing the members the filters keep)");
  sub->add_option("--min-size", opts->min_size, "list only clusters of at least N members")
      ->check(CLI::PositiveNumber);
  sub->add_flag("--json", opts->json,
                "print {\"method\", \"modularity\", \"clusters\": [{\"id\", \"members\": "
                "[names], \"ids\": [node ids]}]} (camps add \"frustration\" and \"optimal\")");
  add_progress_options(sub, opts->progress);
  sub->callback([opts] {
    const PrintableOutput text(std::cout);
    run_clusters(*opts);
  });
}

}  // namespace stakegraph::cli
