// stakegraph's side of the peer comparison (bench/peers/run_peers.py): loads an undirected
// edge list ("u v" per line, node ids 0..n-1), builds the CSR view, runs one algorithm and
// reports the time of the algorithm alone (load and CSR build timed apart), then writes one
// score per line for the agreement check.
//
//   stakegraph_peer betweenness|pagerank|bfs|closeness EDGES SCORES [--nodes N] [--threads T]
//
// Conventions matched to the peers: betweenness raw, each unordered pair once (igraph's);
// PageRank alpha 0.85 stopping when the total L1 change is below 1e-6 (graph-tool's rule);
// BFS hop distances from node 0 (-1 when unreachable); closeness as NetworkX (Wasserman-Faust).
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

#include "graph/betweenness.hpp"
#include "graph/centrality.hpp"
#include "graph/csr.hpp"
#include "graph/paths.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// CPU time of the whole process (all threads), in seconds.
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace stakegraph::graph;
  if (argc < 4) {
    std::cerr << "usage: stakegraph_peer ALGORITHM EDGES SCORES [--nodes N] [--threads T]\n";
    return 2;
  }
  const std::string algorithm = argv[1], edges_file = argv[2], scores_file = argv[3];
  std::uint32_t n = 0;
  int threads = 0;
  for (int i = 4; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--nodes")
      n = static_cast<std::uint32_t>(std::strtoul(argv[i + 1], nullptr, 10));
    else if (flag == "--threads")
      threads = std::atoi(argv[i + 1]);
  }

  auto t0 = Clock::now();
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  {
    std::FILE* f = std::fopen(edges_file.c_str(), "r");
    if (f == nullptr) {
      std::cerr << edges_file << ": cannot open\n";
      return 1;
    }
    unsigned long u = 0, v = 0;
    while (std::fscanf(f, "%lu %lu", &u, &v) == 2) {
      edges.emplace_back(static_cast<std::uint32_t>(u), static_cast<std::uint32_t>(v));
      n = std::max<std::uint32_t>(n, static_cast<std::uint32_t>(std::max(u, v) + 1));
    }
    std::fclose(f);
  }
  const double load = seconds_since(t0);
  t0 = Clock::now();
  const Csr c = build_csr(n, edges, {}, {});
  const double build = seconds_since(t0);

  std::vector<double> scores;
  std::uint32_t iterations = 0;
  t0 = Clock::now();
  const double cpu0 = cpu_seconds();
  if (algorithm == "betweenness") {
    scores = betweenness_centrality(c, {.threads = threads}).scores;
  } else if (algorithm == "pagerank") {
    const auto r = pagerank(c, {.tolerance = 1e-6 / n, .threads = threads});
    scores = r.scores;
    iterations = r.iterations;
  } else if (algorithm == "bfs") {
    scores = distances_from(c, 0);
  } else if (algorithm == "closeness") {
    scores = closeness_centrality(c, {.threads = threads}).scores;
  } else {
    std::cerr << "unknown algorithm " << algorithm << "\n";
    return 2;
  }
  const double run = seconds_since(t0);
  const double cpu = cpu_seconds() - cpu0;

  std::ofstream out(scores_file);
  out.precision(17);
  for (double s : scores) out << (s == std::numeric_limits<double>::infinity() ? -1.0 : s) << "\n";
  std::printf(
      "{\"algorithm\": \"%s\", \"nodes\": %u, \"edges\": %zu, \"load_seconds\": %.6f, "
      "\"csr_seconds\": %.6f, \"seconds\": %.6f, \"cpu_seconds\": %.6f, \"iterations\": %u, "
      "\"threads\": %d, "
      "\"csr_bytes_per_edge\": %.3f}\n",
      algorithm.c_str(), n, edges.size(), load, build, run, cpu, iterations,
      threads > 0 ? threads : omp_get_max_threads(),
      static_cast<double>(c.memory_bytes()) / static_cast<double>(edges.size()));
  return 0;
}
