// Timed runs of the distributed read of a .sgpb file by frame ranges (cli/mpi/frame_read.hpp)
// under MPI, for bench/mpi.md:
//   mpirun --oversubscribe -np P build/bench/mpi_read_bench FILE.sgpb
// Every rank reads its share of FILE (version 3: the node tables of its block and a byte share
// of the edge tables; versions 1-2: byte shares of the node and edge frames) and the ranks
// exchange it into their blocks of rows (undirected view, weights = evidence counts), then
// PageRank runs on those rows. Rank 0 prints per step the wall time of the whole collective,
// and per rank the bytes it read and its peak resident memory (getrusage: the read's peak,
// then the peak after PageRank). Not Google Benchmark: its loop does not fit a collective
// over ranks.
#include <sys/resource.h>

#include <boost/mpi/collectives/gather.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <boost/serialization/vector.hpp>
#include <chrono>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "cli/mpi/frame_read.hpp"
#include "graph/distributed/algorithms.hpp"

namespace {

namespace mpi = boost::mpi;
namespace sg = stakegraph::graph;
namespace dist = stakegraph::graph::distributed;
namespace mpi_cli = stakegraph::cli::mpi_cli;

long peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void report(const mpi::communicator& world, const char* step, double s,
            const std::vector<unsigned long long>& mine) {
  std::vector<std::vector<unsigned long long>> all;
  mpi::gather(world, mine, all, 0);
  if (world.rank() != 0) return;
  std::printf("%-10s np=%d  %8.3f s  per rank (MB read, peak RSS MiB):", step, world.size(), s);
  for (const auto& r : all)
    std::printf(" (%.1f, %.0f)", static_cast<double>(r[0]) / 1e6,
                static_cast<double>(r[1]) / 1024.0);
  std::printf("\n");
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  mpi::environment env(argc, argv);
  mpi::communicator world;
  if (argc != 2) {
    if (world.rank() == 0) std::fprintf(stderr, "usage: mpi_read_bench FILE.sgpb\n");
    return 2;
  }
  try {
    world.barrier();
    auto t0 = std::chrono::steady_clock::now();
    const mpi_cli::DistributedGraph g =
        mpi_cli::read_distributed(world, argv[1], {.weighted = true});
    world.barrier();
    double s = seconds_since(t0);
    if (world.rank() == 0)
      std::printf("%s: %u nodes, %llu file bytes\n", argv[1], g.rows.part.n,
                  static_cast<unsigned long long>(g.stats.file_bytes));
    report(world, "read", s, {g.stats.bytes_read, static_cast<unsigned long long>(peak_rss_kib())});
    world.barrier();
    t0 = std::chrono::steady_clock::now();
    const sg::CentralityResult r = dist::pagerank(world, g.rows, {.weighted = true});
    world.barrier();
    s = seconds_since(t0);
    report(world, "pagerank", s, {0ull, static_cast<unsigned long long>(peak_rss_kib())});
    if (world.rank() == 0) std::printf("pagerank: %u iterations\n", r.iterations);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "mpi_read_bench: rank %d: %s\n", world.rank(), e.what());
    return 1;
  }
  return 0;
}
