// stakegraph centrality GRAPH --metric M: rank the nodes of a graph (or of its filtered part)
// by degree, betweenness, closeness, harmonic, PageRank or eigenvector centrality
// (graph/centrality.hpp, graph/betweenness.hpp). Text prints a ranked table; --json prints
// the CentralityResult message of proto/query.proto, sorted by score (highest first).
#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

#include "cli/analytics.hpp"
#include "cli/commands.hpp"
#include "cli/printable_output.hpp"
#include "cli/common.hpp"
#include "cli/kernels.hpp"
#include "cli/weight_option.hpp"
#include "graph/betweenness.hpp"
#include "graph/centrality.hpp"
#include "graph/csr.hpp"
#include "graph/edge_weight.hpp"
#include "graph/error.hpp"
#include "proto/query.pb.h"

namespace stakegraph::cli {
namespace {

struct CentralityOptions {
  std::string graph;
  std::string metric;
  std::size_t top = 20;
  std::vector<std::string> kinds;
  std::vector<std::string> relations;
  std::string since;
  std::string until;
  bool directed = false;
  bool undirected = false;
  WeightOption weight;
  graph::WeightSource source = graph::WeightSource::kNone;  // resolved on the loaded graph
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
  // Which options were given (to reject those that do not apply to the metric).
  bool samples_given = false, seed_given = false, damping_given = false,
       confidence_given = false, mode_given = false;
};

graph::CentralityResult compute(const graph::Graph& g, const CentralityOptions& o) {
  const bool weighted = o.source != graph::WeightSource::kNone;
  const std::string& m = o.metric;
  // Path lengths 1 / weight need positive weights; PageRank and eigenvector non-negative
  // ones; weighted degree (strength) takes any.
  if (m != "degree") {
    const bool costs = m == "betweenness" || m == "closeness" || m == "harmonic";
    graph::require_positive_weights(g, o.source, !costs, m);
  }
  const graph::Csr c = graph::build_csr(
      g, {.directed = o.directed, .weighted = weighted, .source = o.source});
  const graph::EdgeCost cost =
      weighted ? graph::EdgeCost::kInverseWeight : graph::EdgeCost::kHops;
  if (m == "degree") {
    graph::DegreeMode mode = graph::DegreeMode::kTotal;
    if (o.degree_mode == "in") mode = graph::DegreeMode::kIn;
    else if (o.degree_mode == "out") mode = graph::DegreeMode::kOut;
    return graph::degree_centrality(
        c, {.mode = mode, .weighted = weighted, .normalized = o.normalized});
  }
  if (m == "betweenness") {
    return kernels().betweenness(c, {.normalized = o.normalized,
                                             .cost = cost,
                                             .samples = o.samples,
                                             .seed = o.seed,
                                             .confidence = o.confidence,
                                             .threads = o.threads});
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
    for (const auto& name : o.personalize) {
      const auto v = g.find_by_id(name);
      if (!v) {
        throw graph::InvalidArgument("--personalize '" + name +
                                     "': node excluded by --kind/--relation/--since/--until");
      }
      p.personalization.push_back(static_cast<std::uint32_t>(*v));
    }
    return kernels().pagerank(c, p);
  }
  return graph::eigenvector_centrality(c, {.weighted = weighted, .threads = o.threads});
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

void run_centrality(CentralityOptions o) {
  check_options(o);
  kernels().check_supported("centrality", o.metric);
  const graph::FilterOptions filter = make_filter(o.kinds, o.relations, o.since, o.until);
  // Resolve --personalize on the whole graph first, so that an unknown name gets the usual
  // suggestions; compute() then finds the node again in the filtered copy.
  graph::Graph g = load_filtered(o.graph, {});
  o.source = resolve_weight(o.weight, g);  // on the whole file: "when the file has weights"
  for (auto& name : o.personalize) name = g.node(resolve_node(g, name, o.graph)).id;
  if (!filter.selects_everything()) g = graph::filter(g, filter);

  const graph::CentralityResult r = compute(g, o);
  if (!r.converged) {
    std::cerr << "stakegraph: warning: " << o.metric << " did not converge in " << r.iterations
              << " iterations; scores are the last iterate\n";
  }
  if (!o.write.empty()) write_node_values(g, o.metric, r.scores, o.write, o.nodes, o.force);
  std::vector<graph::NodeIndex> order(r.scores.size());
  std::iota(order.begin(), order.end(), graph::NodeIndex{0});
  std::stable_sort(order.begin(), order.end(), [&](graph::NodeIndex a, graph::NodeIndex b) {
    if (r.scores[a] != r.scores[b]) return r.scores[a] > r.scores[b];
    return g.node(a).id < g.node(b).id;
  });
  if (o.top > 0 && order.size() > o.top) order.resize(o.top);

  if (o.json) {
    pb::CentralityResult out;
    out.set_metric(o.metric);
    for (graph::NodeIndex v : order) {
      pb::NodeScore* s = out.add_scores();
      s->set_id(valid_utf8(g.node(v).id));
      s->set_name(valid_utf8(g.node(v).name));
      s->set_kind(static_cast<pb::Kind>(g.node(v).kind));
      s->set_score(r.scores[v]);
    }
    if (r.samples > 0) {
      out.set_samples(r.samples);
      out.set_error_bound(r.error_bound);
      out.set_confidence(o.confidence);
    }
    print_message_json(out);
    return;
  }
  std::cout << o.metric << " (" << (o.directed ? "directed" : "undirected")
            << (o.source == graph::WeightSource::kNone
                    ? std::string()
                    : ", weighted (" + std::string(graph::weight_source_name(o.source)) + ")")
            << (o.normalized ? ", normalized" : "") << ", "
            << g.node_count() << " nodes, " << g.edge_count() << " edges)\n";
  if (r.samples > 0) {
    std::cout << "sampled: " << r.samples << " sources, seed " << o.seed << "; every score within "
              << r.error_bound << " of the exact value with probability " << o.confidence
              << "\n";
  }
  std::size_t name_width = 4;
  for (graph::NodeIndex v : order) name_width = std::max(name_width, g.node(v).name.size());
  name_width = std::min<std::size_t>(name_width, 48);
  std::cout << std::setw(5) << "rank" << "  " << std::setw(14) << std::left << "score" << "  "
            << std::setw(static_cast<int>(name_width)) << "name" << "  kind\n"
            << std::right;
  std::size_t rank = 0;
  for (graph::NodeIndex v : order) {
    char score[32];
    std::snprintf(score, sizeof score, "%.6g", r.scores[v]);
    std::cout << std::setw(5) << ++rank << "  " << std::setw(14) << std::left << score << "  "
              << std::setw(static_cast<int>(name_width)) << g.node(v).name << "  "
              << graph::kind_name(g.node(v).kind) << "\n"
              << std::right;
  }
}

}  // namespace

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
  sub->add_option("--kind", o->kinds, "keep only nodes of this kind (repeatable)")
      ->allow_extra_args(false);
  sub->add_option("--relation", o->relations, "keep only edges of this relation (repeatable)")
      ->allow_extra_args(false);
  sub->add_option("--since", o->since, "keep evidence dated on or after YYYY-MM-DD");
  sub->add_option("--until", o->until, "keep evidence dated on or before YYYY-MM-DD");
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
  sub->callback([o, mode, samples, seed, confidence, damping] {
    const PrintableOutput text(std::cout);
    o->mode_given = mode->count() > 0;
    o->samples_given = samples->count() > 0;
    o->seed_given = seed->count() > 0;
    o->confidence_given = confidence->count() > 0;
    o->damping_given = damping->count() > 0;
    run_centrality(*o);
  });
}

}  // namespace stakegraph::cli
