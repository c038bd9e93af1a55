#include "cli/clusters.hpp"

#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/analytics.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/filters.hpp"
#include "cli/kernels.hpp"
#include "cli/node_rows.hpp"
#include "cli/printable_output.hpp"
#include "cli/progress.hpp"
#include "cli/weight_option.hpp"
#include "graph/cluster.hpp"
#include "graph/components.hpp"
#include "graph/csr.hpp"
#include "graph/error.hpp"
#include "graph/subgraph.hpp"
#include "io/formats/formats.hpp"
#include "io/formats/topology_arrays.hpp"
#include "proto/query.pb.h"

namespace stakegraph::cli {
namespace {

// The options of graph::cluster from the command's (method by name, weights resolved),
// with Louvain's passes reported on `progress`.
graph::ClusterMethod method_of(const ClustersOptions& o) {
  const auto method = graph::parse_cluster_method(o.method);
  if (!method) throw graph::InvalidArgument("unknown method '" + o.method + "'");
  return *method;
}

graph::ClusterOptions cluster_options(const ClustersOptions& o, Progress& progress) {
  graph::ClusterOptions c{.method = method_of(o),
                          .resolution = o.resolution,
                          .seed = o.seed,
                          .restarts = o.restarts,
                          .source = o.source};
  if (progress.enabled())
    c.progress = [&progress](std::uint64_t done, std::uint64_t total) {
      progress.update(std::to_string(done) + "/" + std::to_string(total) + " passes",
                      static_cast<double>(done) / static_cast<double>(total));
    };
  c.components = kernels().connected_components;
  return c;
}

// One line of method-specific facts for the text header ("" for the components).
std::string detail_of(const ClustersOptions& o, const graph::ClusterResult& r) {
  std::ostringstream detail;
  if (r.is_signed) {
    detail << "frustration " << r.frustration << " ("
           << (r.optimal ? "optimal" : "best found; some components too large to prove optimal")
           << "), " << r.signed_ties << " signed ties";
  } else if (o.method == "louvain") {
    detail << "resolution " << o.resolution << ", seed " << r.seed << ", " << r.levels << " levels";
  } else if (o.method == "label-propagation") {
    detail << "seed " << o.seed << ", " << r.iterations << " sweeps";
  }
  return detail.str();
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
void print_json_result(const Rows& rows, const ClustersOptions& o, const graph::ClusterResult& r,
                       const std::vector<std::vector<std::uint32_t>>& members,
                       const std::vector<std::vector<std::uint32_t>>& listed, std::ostream& out) {
  pb::ClusterResult msg;
  msg.set_method(o.method);
  msg.set_modularity(r.modularity);
  if (r.is_signed) {
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
  print_message_json(msg, out);
}

// Prints the clusters (text or JSON); `printed`: the nodes the filters keep.
template <class Rows>
void print_clusters(const Rows& rows, const ClustersOptions& o, const graph::ClusterResult& r,
                    const std::vector<std::vector<std::uint32_t>>& members,
                    const std::vector<bool>& printed, bool on_subgraph, std::ostream& out) {
  const auto listed = listed_members(members, printed);
  if (o.json) {
    print_json_result(rows, o, r, members, listed, out);
    return;
  }
  std::size_t shown = 0;
  for (std::uint32_t c = 0; c < r.count; ++c)
    shown += members[c].size() >= o.min_size && !listed[c].empty();
  out << o.method << ": " << r.count << " clusters over " << rows.node_count() << " nodes";
  if (on_subgraph) {
    out << " of the subgraph selected by " << describe_filters(o.filters);
  } else if (o.filters.any()) {
    out << " of the whole graph (" << shown << " with members passing "
        << describe_filters(o.filters) << " shown, only those members listed; "
        << "--subgraph computes on them only)";
  }
  if (shown < r.count && !o.filters.any())
    out << " (" << shown << " of size >= " << o.min_size << " shown)";
  out << ", modularity " << std::setprecision(4) << std::fixed << r.modularity << std::defaultfloat
      << std::setprecision(6);
  if (const std::string detail = detail_of(o, r); !detail.empty()) out << "; " << detail;
  out << "\n";
  for (std::uint32_t c = 0; c < r.count; ++c) {
    if (members[c].size() < o.min_size || listed[c].empty()) continue;
    out << "cluster " << c + 1 << " (" << members[c].size();
    if (listed[c].size() < members[c].size()) out << ", " << listed[c].size() << " listed";
    out << "): ";
    for (std::size_t i = 0; i < listed[c].size(); ++i)
      out << (i ? ", " : "") << rows.name(listed[c][i]);
    out << "\n";
  }
}

// The whole graph's clusters (no filter, nothing saved; not camps) on a .sgpb file of format
// version 3: computed on the view built from the file's arrays, without a graph::Graph
// (io/formats/topology_arrays.hpp); the output is the same. False when this does not apply, or when
// a weight is not allowed (the graph's path says which edge).
bool cluster_from_arrays(ClustersOptions o, std::ostream& out) {
  if (o.filters.any() || !o.write.empty() || o.method == "camps") return false;
  std::optional<io::TopologyArrays> t = io::load_topology_arrays(o.graph);
  if (!t) return false;
  o.source = resolve_weight(o.weight, io::has_weights(*t));
  if (graph::cluster_method_adds_weights(method_of(o)) && !io::weights_allowed(*t, o.source, true))
    return false;
  const bool weighted = o.source != graph::WeightSource::kNone;
  const graph::Csr undirected = io::csr_of(*t, {.weighted = weighted, .source = o.source});
  std::optional<graph::Csr> directed;
  if (o.method == "strong-components") directed = io::csr_of(*t, {.directed = true});
  const ArrayRows rows{*t, t->edge_count()};
  t->release_edges();
  Progress progress("clusters", o.progress);
  progress.step(o.method);
  const graph::ClusterResult r = graph::cluster(
      undirected, [&]() -> const graph::Csr& { return *directed; }, cluster_options(o, progress));
  progress.finish(std::to_string(r.count) + " clusters");
  print_clusters(rows, o, r, graph::cluster_members(r.membership, r.count),
                 std::vector<bool>(rows.node_count(), true), false, out);
  return true;
}

// The whole graph's connected components (as cluster_from_arrays) on a file that the
// processes of a distributed job hold in parts (kernels().open_whole_file): the membership
// and the modularity are gathered here, and only the labels of the members listed (the
// clusters of at least --min-size members) are fetched. The output is the same. Also with
// the filters by kinds and relations that restrict the members listed (the nodes they keep
// found by the processes, WholeFile::kept_nodes), and with such filters under --subgraph
// (the components of the subgraph the processes restrict their parts to,
// WholeFile::restrict_view). False when this does not apply (--write, dates or hedging; a
// subgraph whose edges have user weights and the file's not, or the reverse: the weights
// are resolved on the subgraph) or when a weight is negative (the modularity's sums then
// take the graph's path).
bool cluster_whole_file(ClustersOptions o, std::ostream& out) {
  if (o.method != "components" || !o.write.empty()) return false;
  std::optional<graph::FilterOptions> shown, computed;
  if (!parts_filters(o.filters, shown, computed)) return false;
  const std::unique_ptr<WholeFile> file = kernels().open_whole_file(o.graph);
  if (!file) return false;
  const std::optional<graph::WeightSource> source = file->read(
      false, [&](bool has_weights) { return resolve_weight(o.weight, has_weights); }, true,
      (shown && shown->drop_isolated) || computed);
  if (!source) return false;
  o.source = *source;
  if (computed) {
    const std::optional<WholeFile::Restricted> sub = file->restrict_view(*computed, true);
    if (!sub || resolve_weight(o.weight, sub->user_weights) != o.source) return false;
  }
  Progress progress("clusters", o.progress);
  progress.step(o.method);
  const graph::ClusterResult r = file->components(o.resolution);
  progress.finish(std::to_string(r.count) + " clusters");
  const auto members = graph::cluster_members(r.membership, r.count);
  const std::vector<bool> kept =
      shown ? file->kept_nodes(*shown) : std::vector<bool>(file->node_count(), true);
  std::vector<std::uint32_t> wanted;
  for (const auto& m : members)
    if (m.size() >= o.min_size)
      for (const std::uint32_t v : m)
        if (kept[v]) wanted.push_back(v);
  const FetchedRows rows = fetch_rows(*file, wanted);
  print_clusters(rows, o, r, members, kept, computed.has_value(), out);
  return true;
}

}  // namespace

void run_clusters(const ClustersOptions& given, std::ostream& out) {
  ClustersOptions o = given;
  method_of(o);  // an unknown method is a usage error, before any loading
  kernels().check_supported("clusters", o.method);
  if (cluster_whole_file(o, out)) return;
  if (cluster_from_arrays(o, out)) return;
  const graph::FilterOptions filter = filter_of(o.filters);
  const bool on_subgraph = o.filters.subgraph && !filter.selects_everything();
  // The topology alone unless the filters read evidence or --write saves the whole graph.
  const bool needs_evidence = filter_reads_evidence(filter) || !o.write.empty();
  const graph::Graph g =
      load_filtered(o.graph, on_subgraph ? filter : graph::FilterOptions{}, needs_evidence);
  o.source = resolve_weight(o.weight, g);
  Progress progress("clusters", o.progress);
  progress.step(o.method);
  const graph::ClusterResult r = graph::cluster(g, cluster_options(o, progress));
  progress.finish(std::to_string(r.count) + " clusters");
  const auto members = graph::cluster_members(r.membership, r.count);
  if (!o.write.empty()) {
    const std::vector<double> ids(r.membership.begin(), r.membership.end());
    write_node_values(g, o.method, ids, o.write, o.nodes, o.force);
  }
  print_clusters(
      GraphRows{g}, o, r, members,
      on_subgraph ? std::vector<bool>(g.node_count(), true) : printed_nodes(g, o.filters),
      on_subgraph, out);
}

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
    run_clusters(*opts, std::cout);
  });
}

}  // namespace stakegraph::cli
