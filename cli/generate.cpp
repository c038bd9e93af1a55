#include "cli/generate.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "graph/error.hpp"
#include "graph/generate.hpp"
#include "io/formats/formats.hpp"

namespace stakegraph::cli {

void run_generate(const GenerateOptions& o, std::ostream& summary) {
  if (o.output.empty()) throw graph::InvalidArgument("generate needs -o GRAPH (.sgpb, .json, ...)");
  if (!io::format_from_path(o.output))
    throw graph::InvalidArgument("-o " + o.output +
                                 ": unknown extension (use .sgpb, .json, .graphml, .csv, .dot)");
  graph::GenerateOptions g;
  if (o.profile == "gdelt") {
    g = graph::gdelt_profile(o.edges, o.seed);
  } else if (!o.profile.empty()) {
    throw graph::InvalidArgument("--profile: unknown profile '" + o.profile + "' (one of: gdelt)");
  } else {
    g.nodes = o.nodes;
    g.exponent = o.exponent;
    g.evidence_mean = o.evidence_mean;
    g.min_degree = o.min_degree;
    g.self_loop_share = o.self_loop_share;
  }
  g.edges = o.edges;
  g.seed = o.seed;
  if (o.nodes_given) g.nodes = o.nodes;
  if (o.exponent_given) g.exponent = o.exponent;
  if (o.evidence_given) g.evidence_mean = o.evidence_mean;
  if (o.min_degree_given) g.min_degree = o.min_degree;
  if (o.self_loops_given) g.self_loop_share = o.self_loop_share;
  for (const std::string& kw : o.kind_hub_weights) {
    try {
      graph::set_kind_hub_weight(g, kw);
    } catch (const graph::InvalidArgument& e) {
      throw graph::InvalidArgument(std::string("--kind-hub-weight ") + e.what());
    }
  }
  g.evidence_text = !o.no_text;
  const bool show = !o.quiet && ::isatty(STDERR_FILENO) && o.edges >= 100000;
  const auto start = std::chrono::steady_clock::now();
  if (show) {
    g.progress = [](std::uint64_t done, std::uint64_t total) {
      std::fprintf(stderr, "\rgenerating: %3d%% (%llu / %llu edges)",
                   static_cast<int>(100.0 * static_cast<double>(done) / static_cast<double>(total)),
                   static_cast<unsigned long long>(done), static_cast<unsigned long long>(total));
      std::fflush(stderr);
    };
    std::fprintf(stderr, "drawing %llu edges on %u nodes...",
                 static_cast<unsigned long long>(g.edges), g.nodes);
    std::fflush(stderr);
  }
  const graph::Graph graph = graph::generate_graph(g);
  if (show) {
    std::fprintf(stderr, "\nwriting %s...\n", o.output.c_str());
    std::fflush(stderr);
  }
  io::save_graph(graph, o.output, std::nullopt, {.force = o.force});
  if (!o.quiet) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    summary << "generated " << graph.node_count() << " nodes, " << graph.edge_count() << " edges, "
            << graph.evidence_count() << " evidence in " << o.output << " ("
            << static_cast<int>(seconds * 100) / 100.0 << " s)\n";
  }
}

void setup_generate(CLI::App& app) {
  auto o = std::make_shared<GenerateOptions>();
  CLI::App* sub = app.add_subcommand(
      "generate",
      "Generate a synthetic news graph: power-law degrees (Chung-Lu), kinds and relations "
      "mixed like news event data, evidence on every edge; seeded and deterministic.");
  auto* nodes = sub->add_option("--nodes", o->nodes,
                                "number of nodes (default 1000; with --profile gdelt, edges x "
                                "254/409 as in the GDELT sample)")
                    ->check(CLI::Range(1u, (1u << 29) - 1));
  sub->add_option("--edges", o->edges, "number of edges (default 5000)");
  sub->add_option("--seed", o->seed, "random seed (default 1)");
  auto* exponent =
      sub->add_option("--exponent", o->exponent, "power-law degree exponent, > 1 (default 2.3)");
  auto* evidence = sub->add_option("--evidence-mean", o->evidence_mean,
                                   "mean evidence items per edge, >= 1 (default 1.5)");
  auto* min_degree = sub->add_option(
      "--min-degree", o->min_degree,
      "0 or 1: with 1, every node gets an edge (to a partner drawn by fitness) before the "
      "power-law edges, so no node is isolated; the edge count stays exact (default 0)");
  auto* self_loops = sub->add_option(
      "--self-loop-share", o->self_loop_share,
      "share of the edges that are self-loops (v -> v, v drawn by fitness), in [0, 1) "
      "(default 0)");
  sub->add_option("--kind-hub-weight", o->kind_hub_weights,
                  "KIND=WEIGHT, repeatable: couples kinds to degree; nodes take kinds in "
                  "fitness order, a kind with weight 4 being 4 times as likely as one with "
                  "weight 1 to take each next hub position; the kind mix is unchanged "
                  "(default 1 for every kind: no coupling)");
  sub->add_option("--profile", o->profile,
                  "start from a calibrated preset: 'gdelt' = the fit on the GDELT sample "
                  "(kind, relation and self-loop shares, exponent, hub weights, min degree 1, "
                  "nodes per edge; see bench/README.md); other options override it")
      ->check(CLI::IsMember({"gdelt"}));
  sub->add_flag("--no-text", o->no_text, "leave evidence sentences empty (smaller files)");
  sub->add_flag("--quiet,-q", o->quiet, "no progress or summary on stderr");
  sub->add_flag("--force", o->force,
                "overwrite the output even when it is not a graph file of that format (by\n"
                "default an existing file that is not, say a package.json, is refused)");
  sub->add_option("-o,--output", o->output,
                  "graph file to write (.sgpb, .json, .graphml, .csv, .dot)")
      ->required();
  sub->callback([o, nodes, exponent, evidence, min_degree, self_loops] {
    o->nodes_given = nodes->count() > 0;
    o->exponent_given = exponent->count() > 0;
    o->evidence_given = evidence->count() > 0;
    o->min_degree_given = min_degree->count() > 0;
    o->self_loops_given = self_loops->count() > 0;
    run_generate(*o, std::cerr);
  });
}

}  // namespace stakegraph::cli
