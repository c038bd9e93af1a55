// stakegraph generate --nodes N --edges M --seed S -o G.sgpb: a synthetic news graph with
// power-law degrees and a news-like mix of kinds and relations (graph/generate.hpp), written
// atomically in any writable format. Progress goes to stderr when it is a terminal.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "graph/error.hpp"
#include "graph/generate.hpp"
#include "io/formats.hpp"

namespace stakegraph::cli {
namespace {

struct GenerateCliOptions {
  std::uint32_t nodes = 1000;
  std::uint64_t edges = 5000;
  std::uint64_t seed = 1;
  double exponent = 2.3;
  double evidence_mean = 1.5;
  bool no_text = false;
  bool quiet = false;
  std::string output;
};

void run_generate(const GenerateCliOptions& o) {
  if (o.output.empty()) throw graph::InvalidArgument("generate needs -o GRAPH (.sgpb, .json, ...)");
  if (!io::format_from_path(o.output))
    throw graph::InvalidArgument("-o " + o.output +
                                 ": unknown extension (use .sgpb, .json, .graphml, .csv, .dot)");
  graph::GenerateOptions g;
  g.nodes = o.nodes;
  g.edges = o.edges;
  g.seed = o.seed;
  g.exponent = o.exponent;
  g.evidence_mean = o.evidence_mean;
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
                 static_cast<unsigned long long>(o.edges), o.nodes);
    std::fflush(stderr);
  }
  const graph::Graph graph = graph::generate_graph(g);
  if (show) {
    std::fprintf(stderr, "\nwriting %s...\n", o.output.c_str());
    std::fflush(stderr);
  }
  io::save_graph(graph, o.output);
  if (!o.quiet) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << "generated " << graph.node_count() << " nodes, " << graph.edge_count()
              << " edges, " << graph.evidence_count() << " evidence in " << o.output << " ("
              << static_cast<int>(seconds * 100) / 100.0 << " s)\n";
  }
}

}  // namespace

void setup_generate(CLI::App& app) {
  auto o = std::make_shared<GenerateCliOptions>();
  CLI::App* sub = app.add_subcommand(
      "generate",
      "Generate a synthetic news graph: power-law degrees (Chung-Lu), kinds and relations "
      "mixed like news event data, evidence on every edge; seeded and deterministic.");
  sub->add_option("--nodes", o->nodes, "number of nodes (default 1000)")
      ->check(CLI::Range(1u, (1u << 29) - 1));
  sub->add_option("--edges", o->edges, "number of edges (default 5000)");
  sub->add_option("--seed", o->seed, "random seed (default 1)");
  sub->add_option("--exponent", o->exponent, "power-law degree exponent, > 1 (default 2.3)");
  sub->add_option("--evidence-mean", o->evidence_mean,
                  "mean evidence items per edge, >= 1 (default 1.5)");
  sub->add_flag("--no-text", o->no_text, "leave evidence sentences empty (smaller files)");
  sub->add_flag("--quiet,-q", o->quiet, "no progress or summary on stderr");
  sub->add_option("-o,--output", o->output, "graph file to write (.sgpb, .json, .graphml, .csv, .dot)")
      ->required();
  sub->callback([o] { run_generate(*o); });
}

}  // namespace stakegraph::cli
