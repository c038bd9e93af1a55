#include "cli/centrality.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <iomanip>
#include <iostream>
#include <memory>
#include <numeric>
#include <optional>
#include <queue>
#include <string>
#include <string_view>
#include <vector>

#include "cli/analytics.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/filters.hpp"
#include "cli/kernels.hpp"
#include "cli/node_rows.hpp"
#include "cli/printable_output.hpp"
#include "cli/progress.hpp"
#include "cli/text_output.hpp"
#include "cli/weight_option.hpp"
#include "graph/betweenness.hpp"
#include "graph/centrality.hpp"
#include "graph/csr.hpp"
#include "graph/edge_weight.hpp"
#include "graph/error.hpp"
#include "graph/subgraph.hpp"
#include "io/display_width.hpp"
#include "io/formats/formats.hpp"
#include "io/formats/sgpb_v3.hpp"
#include "io/formats/topology_arrays.hpp"
#include "proto/query.pb.h"

namespace stakegraph::cli {
namespace {

// The metric on the analytics view `c`; `personalization`: PageRank's teleport nodes.
graph::CentralityResult compute_on(const graph::Csr& c, const CentralityOptions& o,
                                   std::vector<std::uint32_t> personalization, Progress& progress) {
  const bool weighted = o.source != graph::WeightSource::kNone;
  const std::string& m = o.metric;
  const graph::EdgeCost cost = weighted ? graph::EdgeCost::kInverseWeight : graph::EdgeCost::kHops;
  if (m == "degree") {
    graph::DegreeMode mode = graph::DegreeMode::kTotal;
    if (o.degree_mode == "in")
      mode = graph::DegreeMode::kIn;
    else if (o.degree_mode == "out")
      mode = graph::DegreeMode::kOut;
    return graph::degree_centrality(
        c, {.mode = mode, .weighted = weighted, .normalized = o.normalized});
  }
  if (m == "betweenness") {
    graph::BetweennessOptions b{.normalized = o.normalized,
                                .cost = cost,
                                .samples = o.samples,
                                .seed = o.seed,
                                .confidence = o.confidence,
                                .threads = o.threads};
    if (progress.enabled())
      b.progress = [&progress](std::uint64_t done, std::uint64_t total) {
        progress.update(with_commas(done) + "/" + with_commas(total) + " sources",
                        static_cast<double>(done) / static_cast<double>(total));
      };
    return kernels().betweenness(c, b);
  }
  if (m == "closeness") {
    return graph::closeness_centrality(
        c, {.cost = cost, .normalized = o.normalized, .threads = o.threads});
  }
  if (m == "harmonic") {
    return graph::harmonic_centrality(
        c, {.cost = cost, .normalized = o.normalized, .threads = o.threads});
  }
  if (m == "pagerank") {
    graph::PageRankOptions p{.damping = o.damping, .weighted = weighted, .threads = o.threads};
    p.personalization = std::move(personalization);
    return kernels().pagerank(c, p);
  }
  return graph::eigenvector_centrality(c, {.weighted = weighted, .threads = o.threads});
}

// Path lengths 1 / weight need positive weights; PageRank and eigenvector non-negative
// ones; weighted degree (strength) takes any. Whether zero weights are allowed.
bool allows_zero_weights(const std::string& metric) {
  return !(metric == "betweenness" || metric == "closeness" || metric == "harmonic");
}

graph::CentralityResult compute(const graph::Graph& g, const CentralityOptions& o,
                                Progress& progress) {
  const bool weighted = o.source != graph::WeightSource::kNone;
  if (o.metric != "degree")
    graph::require_positive_weights(g, o.source, allows_zero_weights(o.metric), o.metric);
  const graph::Csr c =
      graph::build_csr(g, {.directed = o.directed, .weighted = weighted, .source = o.source});
  std::vector<std::uint32_t> personalization;
  for (const auto& name : o.personalize) {
    const auto v = g.find_by_id(name);
    if (!v) {
      throw graph::InvalidArgument("--personalize '" + name +
                                   "': node excluded by the filters of --subgraph");
    }
    personalization.push_back(static_cast<std::uint32_t>(*v));
  }
  return compute_on(c, o, std::move(personalization), progress);
}

void check_options(const CentralityOptions& o) {
  static const std::vector<std::string> metrics{"degree",   "betweenness", "closeness",
                                                "harmonic", "pagerank",    "eigenvector"};
  if (std::find(metrics.begin(), metrics.end(), o.metric) == metrics.end()) {
    throw graph::InvalidArgument("--metric: unknown metric '" + o.metric +
                                 "' (one of: degree, betweenness, closeness, harmonic, "
                                 "pagerank, eigenvector)");
  }
  auto only_for = [&](bool given, const char* option, const char* metric) {
    if (given && o.metric != metric)
      throw graph::InvalidArgument(std::string(option) + " applies to --metric " + metric +
                                   " only");
  };
  only_for(o.samples_given, "--samples", "betweenness");
  only_for(o.seed_given, "--seed", "betweenness");
  only_for(o.confidence_given, "--confidence", "betweenness");
  only_for(o.damping_given, "--damping", "pagerank");
  only_for(!o.personalize.empty(), "--personalize", "pagerank");
  only_for(o.mode_given, "--mode", "degree");
  if (o.seed_given && !o.samples_given)
    throw graph::InvalidArgument("--seed needs --samples (exact betweenness uses no randomness)");
  if (o.samples_given && o.samples == 0)
    throw graph::InvalidArgument("--samples must be at least 1");
}

// Prints the ranking of the nodes `printed` selects (text or JSON).
// `matching`: the number of nodes that pass the filters, when `printed` holds only those
// that can be printed of them (top_candidates); default: the nodes printed.
template <class Rows>
void print_ranking(const CentralityOptions& o, const graph::CentralityResult& r,
                   const std::vector<bool>& printed, const Rows& rows, bool on_subgraph,
                   std::ostream& text, std::optional<std::size_t> passing = std::nullopt) {
  std::vector<graph::NodeIndex> order;
  for (graph::NodeIndex v = 0; v < r.scores.size(); ++v)
    if (printed[v]) order.push_back(v);
  const std::size_t matching = passing.value_or(order.size());
  std::stable_sort(order.begin(), order.end(), [&](graph::NodeIndex a, graph::NodeIndex b) {
    if (r.scores[a] != r.scores[b]) return r.scores[a] > r.scores[b];
    return rows.id(a) < rows.id(b);
  });
  if (o.top > 0 && order.size() > o.top) order.resize(o.top);

  if (o.json) {
    pb::CentralityResult msg;
    msg.set_metric(o.metric);
    for (graph::NodeIndex v : order) {
      pb::NodeScore* s = msg.add_scores();
      s->set_id(valid_utf8(rows.id(v)));
      s->set_name(valid_utf8(rows.name(v)));
      s->set_kind(static_cast<pb::Kind>(rows.kind(v)));
      s->set_score(r.scores[v]);
    }
    if (r.samples > 0) {
      msg.set_samples(r.samples);
      msg.set_error_bound(r.error_bound);
      msg.set_confidence(o.confidence);
    }
    print_message_json(msg, text);
    return;
  }
  text << o.metric << " (" << (o.directed ? "directed" : "undirected")
       << (o.source == graph::WeightSource::kNone
               ? std::string()
               : ", weighted (" + std::string(graph::weight_source_name(o.source)) + ")")
       << (o.normalized ? ", normalized" : "") << ", " << rows.node_count() << " nodes, "
       << rows.edge_count() << " edges)";
  if (on_subgraph) {
    text << " computed on the subgraph selected by " << describe_filters(o.filters);
  } else if (o.filters.any()) {
    text << " computed on the whole graph; showing the " << matching << " nodes that pass "
         << describe_filters(o.filters) << " (--subgraph computes on them only)";
  }
  text << "\n";
  if (r.samples > 0) {
    text << "sampled: " << r.samples << " sources, seed " << o.seed << "; every score within "
         << r.error_bound << " of the exact value with probability " << o.confidence << "\n";
  }
  constexpr std::size_t kMaxNameWidth = 48;
  std::size_t name_width = 4;
  for (graph::NodeIndex v : order)
    name_width = std::max(name_width, io::display_width(rows.name(v)));
  name_width = std::min(name_width, kMaxNameWidth);
  text << std::setw(5) << "rank"
       << "  " << std::setw(14) << std::left << "score"
       << "  " << cell("name", name_width) << "  kind\n"
       << std::right;
  std::size_t rank = 0;
  for (graph::NodeIndex v : order) {
    char score[32];
    std::snprintf(score, sizeof score, "%.6g", r.scores[v]);
    text << std::setw(5) << ++rank << "  " << std::setw(14) << std::left << score << "  "
         << cell(rows.name(v), name_width) << "  " << graph::kind_name(rows.kind(v)) << "\n"
         << std::right;
  }
}

// Warns that a computed subgraph of `nodes` nodes and `edges` edges has no edges.
void warn_if_edgeless(const CentralityOptions& o, std::size_t nodes, std::size_t edges) {
  if (edges == 0 && nodes > 1) {
    std::cerr << "stakegraph: warning: the subgraph selected by " << describe_filters(o.filters)
              << " has no edges: every node scores the same (drop --subgraph to rank these "
                 "nodes within the whole graph)\n";
  }
}

// Runs the metric with its progress line and warns when it did not converge.
template <class Compute>
graph::CentralityResult run_metric(const CentralityOptions& o, std::size_t nodes,
                                   Compute&& compute_with) {
  Progress progress("centrality", o.progress);
  progress.step(o.metric);
  const graph::CentralityResult r = [&] {
    // Closeness and harmonic report nothing on their own: a heartbeat says they run.
    std::optional<Progress::Heartbeat> beat;
    if (o.metric == "closeness" || o.metric == "harmonic") beat.emplace(progress);
    return compute_with(progress);
  }();
  progress.finish(with_commas(nodes) + " nodes ranked");
  if (!r.converged) {
    std::cerr << "stakegraph: warning: " << o.metric << " did not converge in " << r.iterations
              << " iterations; scores are the last iterate\n";
  }
  return r;
}

// The nodes print_ranking can print of the whole graph's ranking of the nodes `shown` with
// --top `top`: the top nodes with every node that ties the last of them (print_ranking
// breaks ties by id), so that its output is the same as with every node shown; every node
// shown when a score of them is NaN (no order to cut by) or `top` is 0.
std::vector<bool> top_candidates(const std::vector<double>& scores, std::size_t top,
                                 std::vector<bool> shown) {
  const std::size_t n = scores.size();
  const auto count = static_cast<std::size_t>(std::count(shown.begin(), shown.end(), true));
  if (top == 0 || top >= count) return shown;
  for (std::size_t v = 0; v < n; ++v)
    if (shown[v] && std::isnan(scores[v])) return shown;
  // The N-th highest score (N = top, counted with repeats): the least of the N highest,
  // kept in a min-heap (no copy of the scores).
  std::priority_queue<double, std::vector<double>, std::greater<double>> highest;
  for (std::size_t v = 0; v < n; ++v) {
    if (!shown[v]) continue;
    const double x = scores[v];
    if (highest.size() < top)
      highest.push(x);
    else if (x > highest.top())
      highest.pop(), highest.push(x);
  }
  const double last = highest.top();
  for (std::size_t v = 0; v < n; ++v) shown[v] = shown[v] && scores[v] >= last;
  return shown;
}

// The whole graph ranked (no filter, no --personalize, nothing saved) on a .sgpb file of
// format version 3: the analytics view is built from the file's arrays, without a
// graph::Graph and without the nodes' labels (io/formats/topology_arrays.hpp); the labels of the
// nodes that can be printed (top_candidates) are read afterwards. The output is the same.
// False when this does not apply, or when a weight is not allowed (the graph's path says
// which edge).
bool rank_from_arrays(CentralityOptions o, std::ostream& out) {
  if (o.filters.any() || !o.write.empty() || !o.personalize.empty()) return false;
  std::optional<io::TopologyArrays> t = io::load_topology_arrays(o.graph, {.labels = false});
  if (!t) return false;
  o.source = resolve_weight(o.weight, io::has_weights(*t));
  if (o.metric != "degree" && !io::weights_allowed(*t, o.source, allows_zero_weights(o.metric)))
    return false;
  const bool weighted = o.source != graph::WeightSource::kNone;
  const std::size_t edges = t->edge_count();
  const graph::Csr c =
      io::take_csr(*t, {.directed = o.directed, .weighted = weighted, .source = o.source});
  const graph::CentralityResult r = run_metric(
      o, t->node_count(), [&](Progress& progress) { return compute_on(c, o, {}, progress); });
  std::vector<bool> printed =
      top_candidates(r.scores, o.top, std::vector<bool>(r.scores.size(), true));
  std::vector<std::uint32_t> wanted;
  for (std::uint32_t v = 0; v < printed.size(); ++v)
    if (printed[v]) wanted.push_back(v);
  const ArrayRows rows{*t, edges, io::load_node_labels(*t, std::move(wanted))};
  print_ranking(o, r, printed, rows, false, out);
  return true;
}

// PageRank or betweenness of the whole graph (as rank_from_arrays) on a file that the
// processes of a distributed job hold in parts (kernels().open_whole_file): the scores are
// gathered here and only the labels of the nodes that can be printed are fetched: the top
// nodes, with every node that ties the last of them (print_ranking breaks ties by id). The
// output is the same (betweenness: within the rounding of sums taken in another order).
// Also with --personalize (the nodes found by the processes that hold them), with the
// filters by kinds and relations that restrict what is printed (the nodes they keep found by
// the processes, WholeFile::kept_nodes), and with such filters under --subgraph (the scores
// computed on the subgraph the processes restrict their parts to, WholeFile::restrict_view).
// False when this does not apply (--write, dates or hedging, a --personalize name not found
// or outside the subgraph: its error suggests names) or when a weight is not allowed (the
// graph's path says which edge).
bool rank_whole_file(CentralityOptions o, std::ostream& out) {
  if ((o.metric != "pagerank" && o.metric != "betweenness") || !o.write.empty()) return false;
  std::optional<graph::FilterOptions> shown, computed;
  if (!parts_filters(o.filters, shown, computed)) return false;
  const std::unique_ptr<WholeFile> file = kernels().open_whole_file(o.graph);
  if (!file) return false;
  const bool allow_zero = allows_zero_weights(o.metric);
  const std::optional<graph::WeightSource> source = file->read(
      o.directed, [&](bool has_weights) { return resolve_weight(o.weight, has_weights); },
      allow_zero, (shown && shown->drop_isolated) || computed);
  if (!source) return false;
  o.source = *source;
  std::optional<WholeFile::Restricted> sub;
  if (computed && !(sub = file->restrict_view(*computed, allow_zero))) return false;
  std::vector<std::uint32_t> personalization;
  for (const std::string& name : o.personalize) {
    std::optional<std::uint32_t> v = file->find_node(name);
    if (v && sub) {
      const auto at = std::lower_bound(sub->kept.begin(), sub->kept.end(), *v);
      v = at != sub->kept.end() && *at == *v
              ? std::optional<std::uint32_t>(static_cast<std::uint32_t>(at - sub->kept.begin()))
              : std::nullopt;
    }
    if (!v) return false;
    personalization.push_back(*v);
  }
  const std::size_t n = file->node_count();
  if (computed) warn_if_edgeless(o, n, file->edge_count());
  const bool weighted = o.source != graph::WeightSource::kNone;
  const graph::CentralityResult r = run_metric(o, n, [&](Progress&) {
    if (o.metric == "betweenness")
      return file->betweenness(
          {.normalized = o.normalized,
           .cost = weighted ? graph::EdgeCost::kInverseWeight : graph::EdgeCost::kHops,
           .samples = o.samples,
           .seed = o.seed,
           .confidence = o.confidence,
           .threads = o.threads});
    graph::PageRankOptions p{.damping = o.damping, .weighted = weighted, .threads = o.threads};
    p.personalization = std::move(personalization);
    return file->pagerank(p);
  });
  std::vector<bool> kept = shown ? file->kept_nodes(*shown) : std::vector<bool>(n, true);
  const auto passing = static_cast<std::size_t>(std::count(kept.begin(), kept.end(), true));
  const std::vector<bool> printed = top_candidates(r.scores, o.top, std::move(kept));
  std::vector<std::uint32_t> wanted;
  for (std::uint32_t v = 0; v < n; ++v)
    if (printed[v]) wanted.push_back(v);
  const FetchedRows rows = fetch_rows(*file, wanted);
  print_ranking(o, r, printed, rows, computed.has_value(), out, passing);
  return true;
}

}  // namespace

void run_centrality(const CentralityOptions& given, std::ostream& out) {
  CentralityOptions o = given;
  check_options(o);
  kernels().check_supported("centrality", o.metric);
  if (rank_whole_file(o, out)) return;
  if (rank_from_arrays(o, out)) return;
  const graph::FilterOptions filter = filter_of(o.filters);
  // Resolve --personalize on the whole graph first, so that an unknown name gets the usual
  // suggestions; compute() then finds the node again in the filtered copy.
  // The topology alone unless the filters read evidence or --write saves the whole graph.
  const bool needs_evidence = filter_reads_evidence(filter) || !o.write.empty();
  graph::Graph g = load_filtered(o.graph, {}, needs_evidence);
  o.source = resolve_weight(o.weight, g);  // on the whole file: "when the file has weights"
  for (auto& name : o.personalize) name = g.node(resolve_node(g, name, o.graph)).id;
  const bool on_subgraph = o.filters.subgraph && !filter.selects_everything();
  if (on_subgraph) g = graph::filter(g, filter);
  const std::vector<bool> printed =
      on_subgraph ? std::vector<bool>(g.node_count(), true) : printed_nodes(g, o.filters);
  if (on_subgraph) warn_if_edgeless(o, g.node_count(), g.edge_count());

  const graph::CentralityResult r =
      run_metric(o, g.node_count(), [&](Progress& progress) { return compute(g, o, progress); });
  if (!o.write.empty()) write_node_values(g, o.metric, r.scores, o.write, o.nodes, o.force);
  print_ranking(o, r, printed, GraphRows{g}, on_subgraph, out);
}

void setup_centrality(CLI::App& app) {
  auto o = std::make_shared<CentralityOptions>();
  CLI::App* sub = app.add_subcommand(
      "centrality",
      "Rank nodes by degree, betweenness, closeness, harmonic, PageRank or eigenvector "
      "centrality (NetworkX's conventions).");
  sub->add_option("GRAPH", o->graph, "graph file (.sgpb, .json, .graphml, .csv)")->required();
  sub->add_option("--metric,-m", o->metric,
                  "degree | betweenness | closeness | harmonic | pagerank | eigenvector")
      ->required();
  sub->add_option("--top,-n", o->top, "print the N highest scores (0: all; default 20)");
  add_filter_options(sub, o->filters,
                     "compute the scores on the filtered part only (default: rank the nodes "
                     "the filters keep within the whole graph)");
  auto* directed = sub->add_flag("--directed", o->directed, "follow edge direction");
  auto* undirected =
      sub->add_flag("--undirected", o->undirected, "ignore edge direction (the default)");
  directed->excludes(undirected);
  add_weight_option(sub, o->weight,
                    "weighted degree, PageRank and eigenvector; for betweenness, closeness "
                    "and harmonic a hop costs 1 / weight");
  sub->add_flag("--normalized", o->normalized,
                "normalize like NetworkX (degree / (n-1); betweenness / ((n-1)(n-2)); "
                "Wasserman-Faust closeness; harmonic / (n-1))");
  auto* mode = sub->add_option("--mode", o->degree_mode, "degree: total | in | out (directed)")
                   ->check(CLI::IsMember({"total", "in", "out"}));
  auto* samples = sub->add_option("--samples", o->samples,
                                  "betweenness: estimate from N sampled sources (with a bound)");
  auto* seed = sub->add_option("--seed", o->seed, "betweenness: seed of the source sample");
  auto* confidence =
      sub->add_option("--confidence", o->confidence,
                      "betweenness: probability of the stated error bound (default 0.95)")
          ->check(CLI::Range(0.0, 1.0));
  auto* damping = sub->add_option("--damping", o->damping, "pagerank: damping (default 0.85)")
                      ->check(CLI::Range(0.0, 1.0));
  sub->add_option("--personalize", o->personalize,
                  "pagerank: teleport to this node only (name, alias or id; repeatable)")
      ->allow_extra_args(false);
  sub->add_option("--threads", o->threads, "threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
  sub->add_option("--write", o->write,
                  "also save the graph with the scores as node attribute METRIC (.sgpb, "
                  ".json, .graphml, .gexf; .csv with --nodes) for Gephi, Cytoscape...");
  sub->add_option("--nodes", o->nodes, "--write to .csv: the nodes file (with the scores)");
  sub->add_flag("--force", o->force, "--write: overwrite a file that is not a graph file");
  sub->add_flag("--json", o->json,
                "print {\"metric\", \"scores\": [{\"id\", \"name\", \"kind\", \"score\"}]}");
  add_progress_options(sub, o->progress);
  sub->callback([o, mode, samples, seed, confidence, damping] {
    const PrintableOutput text(std::cout);
    o->mode_given = mode->count() > 0;
    o->samples_given = samples->count() > 0;
    o->seed_given = seed->count() > 0;
    o->confidence_given = confidence->count() > 0;
    o->damping_given = damping->count() > 0;
    run_centrality(*o, std::cout);
  });
}

}  // namespace stakegraph::cli
