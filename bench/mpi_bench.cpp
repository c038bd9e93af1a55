// Timed runs of the distributed kernels (graph/distributed/) under MPI, for bench/mpi.md:
//   mpirun --oversubscribe -np P build/bench/mpi_bench EDGES [NODES]
// Rank 0 builds a seeded random graph (uniform endpoints, EDGES edges over NODES nodes,
// default EDGES / 8) as the single-process Csr, as stakegraph-mpi does after reading a
// file (and the same edges with seeded weights 1..5 for delta-stepping); then every kernel
// runs once (components, BFS and delta-stepping in both engines, Boost.MPI first, then
// Parallel BGL's) and rank 0 prints one line per kernel: wall time of the
// whole collective (scatter included), and per rank the rows held and the peak resident
// memory (getrusage). Not Google Benchmark: its loop does not fit a collective over ranks.
#include <sys/resource.h>

#include <boost/mpi/collectives/all_reduce.hpp>
#include <boost/mpi/collectives/gather.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "graph/csr.hpp"
#include "graph/distributed/algorithms.hpp"
#include "graph/distributed/local_csr.hpp"

namespace {

namespace mpi = boost::mpi;
namespace sg = stakegraph::graph;
namespace dist = stakegraph::graph::distributed;

long peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

template <typename F>
void timed(const mpi::communicator& world, const char* name, F&& f) {
  world.barrier();
  const auto t0 = std::chrono::steady_clock::now();
  const std::string detail = f();
  world.barrier();
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::vector<long> rss;
  mpi::gather(world, peak_rss_kib(), rss, 0);
  if (world.rank() != 0) return;
  std::printf("%-22s np=%d  %8.3f s  %s  peak RSS MiB per rank:", name, world.size(), s,
              detail.c_str());
  for (long k : rss) std::printf(" %.0f", static_cast<double>(k) / 1024.0);
  std::printf("\n");
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  mpi::environment env(argc, argv);
  mpi::communicator world;
  const std::uint64_t edges = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
  const auto nodes = static_cast<std::uint32_t>(argc > 2 ? std::strtoull(argv[2], nullptr, 10)
                                                         : std::max<std::uint64_t>(edges / 8, 2));
  sg::Csr c, cw;
  if (world.rank() == 0) {
    std::mt19937_64 rng(17);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> list;
    list.reserve(edges);
    while (list.size() < edges) {
      const auto s = static_cast<std::uint32_t>(rng() % nodes);
      const auto t = static_cast<std::uint32_t>(rng() % nodes);
      if (s != t) list.emplace_back(s, t);
    }
    c = sg::build_csr(nodes, list, {}, {});
    // The same edges with weights 1..5, for delta-stepping.
    std::vector<float> weights(list.size());
    for (float& w : weights) w = static_cast<float>(1 + rng() % 5);
    cw = sg::build_csr(nodes, list, weights, {.weighted = true});
    std::printf("graph: %u nodes, %llu edges, %llu CSR entries (undirected)\n", nodes,
                static_cast<unsigned long long>(edges),
                static_cast<unsigned long long>(c.entries()));
  }
  const sg::Csr* root = world.rank() == 0 ? &c : nullptr;
  timed(world, "scatter rows", [&] {
    const auto local = dist::scatter_csr(world, root);
    const auto most = mpi::all_reduce(world, local.bytes(), mpi::maximum<std::uint64_t>());
    return "largest block " + std::to_string(most >> 20) + " MiB";
  });
  timed(world, "pagerank", [&] {
    const auto r = dist::pagerank(world, root, {});
    return std::to_string(r.iterations) + " iterations";
  });
  // Components and distances in both engines (graph/distributed/algorithms.hpp).
  for (dist::Engine engine : {dist::Engine::kBoostMpi, dist::Engine::kParallelBgl}) {
    const bool pbgl = engine == dist::Engine::kParallelBgl;
    timed(world, pbgl ? "components (pbgl)" : "components", [&] {
      const auto r = dist::connected_components(world, root, engine);
      return world.rank() == 0 ? std::to_string(r.count) + " components" : std::string();
    });
    timed(world, pbgl ? "bfs (pbgl)" : "bfs", [&] {
      dist::DistanceOptions d;
      d.engine = engine;
      const auto r = dist::distances(world, root, d);
      return world.rank() == 0 ? std::to_string(r.rounds) + " levels" : std::string();
    });
    timed(world, pbgl ? "delta-stepping (pbgl)" : "delta-stepping", [&] {
      dist::DistanceOptions d;
      d.cost = sg::EdgeCost::kWeight;
      d.engine = engine;
      const auto r = dist::distances(world, world.rank() == 0 ? &cw : nullptr, d);
      return world.rank() == 0 ? std::to_string(r.rounds) + " buckets" : std::string();
    });
  }
  return 0;
}
