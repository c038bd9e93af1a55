// stakegraph-mpi: the distributed program (built with -DSTAKEGRAPH_MPI=ON), run as
//   mpirun -np N stakegraph-mpi centrality|clusters|path|stats GRAPH ...
// Rank 0 runs the same subcommand code as `stakegraph` (cli/*.cpp: options, loading, printing)
// with the analytics kernels replaced by the distributed ones of graph/distributed/; the other
// ranks wait in a loop for rank 0 to name a kernel, run their part of it, and go back to
// waiting until rank 0 says it is done. Output and exit codes are those of `stakegraph`.
//
// Reading: rank 0 reads the graph file for the subcommand's own work (names, filters,
// printing). The rows of pagerank and components come from the frames: every rank reads its
// share of the .sgpb file's frames and the ranks exchange them (cli/mpi/frame_read.hpp; format
// versions 1-3), when the view is the whole graph (checked by a hash of the rows; weights read
// as evidence counts, so a file with user weights under the default --weight is scattered);
// otherwise (a filtered view, another format) and for the other kernels rank 0 scatters each
// rank its block of rows.
// A version 3 file's whole-graph pagerank (also personalised), betweenness and components
// (also under the filters by kind and relation, printed or --subgraph), shortest path (also
// by relation and kind) and stats do not load the graph on rank 0: the ranks hold it in parts and
// rank 0 prints from what they gather to it (cli/mpi/whole_file.hpp, cli::WholeFile).
// --verbose prints what each rank read, and in all what rank 0 read from graph files.
// Faults: an error that every rank sees (bad options, bad input on rank 0 before the
// kernels) is printed once by rank 0 and mapped to the usual exit code; an error on one rank
// inside a kernel is printed as "stakegraph-mpi: rank R: error: ..." and aborts the whole job
// (MPI_Abort, exit status 1 from mpirun). A rank killed by a signal ends the job too (mpirun).
#include <CLI/CLI.hpp>
#include <boost/mpi/collectives/broadcast.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <functional>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>

#include "cli/article_input.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/kernels.hpp"
#include "cli/mpi/frame_read.hpp"
#include "cli/mpi/import.hpp"
#include "cli/mpi/ingest.hpp"
#include "cli/mpi/whole_file.hpp"
#include "graph/distributed/algorithms.hpp"
#include "graph/error.hpp"
#include "io/formats/offset_reader.hpp"

namespace {

namespace mpi = boost::mpi;
namespace sg = stakegraph::graph;
namespace dist = stakegraph::graph::distributed;
namespace mpi_cli = stakegraph::cli::mpi_cli;

// Rank 0: the GRAPH argument of the subcommand being run, --verbose and --engine (the kernels
// send rank 0's engine to the other ranks).
std::string g_graph;
bool g_verbose = false;
dist::Engine g_engine = dist::Engine::kBoostMpi;

enum Op : int { kQuit = 0, kPageRank, kBetweenness, kComponents, kDistances, kIngest, kImport };

using stakegraph::cli::one_line;

[[noreturn]] void abort_job(const mpi::communicator& world, const char* what) {
  std::cerr << "stakegraph-mpi: rank " << world.rank() << ": error: " << one_line(what) << "\n";
  std::cerr.flush();
  world.abort(1);
  std::abort();  // not reached: abort() ends every process of the job
}

// Runs one distributed kernel on rank 0 after naming it to the other ranks. Errors that the
// kernel reports on every rank alike (InvalidArgument, checked before any work) propagate to
// the CLI; any other failure in the middle of a collective aborts the job.
template <typename F>
auto on_all_ranks(const mpi::communicator& world, Op op, F&& kernel) {
  int code = op;
  mpi::broadcast(world, code, 0);
  try {
    return kernel();
  } catch (const sg::InvalidArgument&) {
    throw;
  } catch (const mpi_cli::RankError&) {
    throw;  // every rank saw it; rank 0 reports it (exit 1)
  } catch (const std::exception& e) {
    abort_job(world, e.what());
  }
}

// Fault injection for tests/mpi/mpi_cli_test.cpp only: STAKEGRAPH_MPI_TEST_FAIL_RANK=R makes
// rank R fail with an error, STAKEGRAPH_MPI_TEST_KILL_RANK=R kills it with SIGKILL, when it
// is given its first kernel.
void injected_fault(const mpi::communicator& world) {
  const std::string me = std::to_string(world.rank());
  if (const char* r = std::getenv("STAKEGRAPH_MPI_TEST_KILL_RANK"); r && me == r)
    std::raise(SIGKILL);
  if (const char* r = std::getenv("STAKEGRAPH_MPI_TEST_FAIL_RANK"); r && me == r)
    throw std::runtime_error("injected test fault (STAKEGRAPH_MPI_TEST_FAIL_RANK)");
}

// Like on_all_ranks, for a job whose errors are collected on rank 0 after the collective part
// (ingest): every error, whatever its type, goes to the CLI.
template <typename F>
auto on_all_ranks_checked(const mpi::communicator& world, Op op, F&& job) {
  int code = op;
  mpi::broadcast(world, code, 0);
  return job();
}

// The rows of a whole-graph kernel from the ranks' frames of the graph file, when they can
// be (frame_read.hpp); nullopt: scatter rank 0's Csr.
std::optional<dist::LocalCsr> frame_rows(const mpi::communicator& world, const sg::Csr* root) {
  std::vector<mpi_cli::FrameReadStats> stats;
  auto rows = mpi_cli::rows_from_frames(world, root, root ? g_graph : std::string(), &stats);
  if (world.rank() != 0 || !g_verbose) return rows;
  for (const mpi_cli::FrameReadStats& s : stats)
    std::fprintf(stderr, "%s\n", mpi_cli::describe(s).c_str());
  std::fprintf(stderr, "stakegraph-mpi: rows %s\n",
               rows ? "built from the ranks' frames"
                    : "scattered from rank 0 (a filtered view, or not a .sgpb file)");
  return rows;
}

sg::CentralityResult pagerank_kernel(const mpi::communicator& world, const sg::Csr* root,
                                     const sg::PageRankOptions& o) {
  if (auto rows = frame_rows(world, root)) return dist::pagerank(world, *rows, o);
  return dist::pagerank(world, root, o);
}

sg::ComponentsResult components_kernel(const mpi::communicator& world, const sg::Csr* root) {
  if (auto rows = frame_rows(world, root))
    return dist::connected_components(world, *rows, g_engine);
  return dist::connected_components(world, root, g_engine);
}

// The other ranks: run kernels until rank 0 says quit.
int serve(const mpi::communicator& world) {
  while (true) {
    int op = kQuit;
    mpi::broadcast(world, op, 0);
    try {
      if (op != kQuit) injected_fault(world);
      switch (op) {
        case kQuit:
          return 0;
        case kPageRank:
          pagerank_kernel(world, nullptr, {});
          break;
        case kBetweenness:
          dist::betweenness(world, nullptr);
          break;
        case kComponents:
          components_kernel(world, nullptr);
          break;
        case kDistances:
          dist::distances(world, nullptr);
          break;
        case kIngest:
          stakegraph::cli::mpi_cli::ingest_worker(world);
          break;
        case kImport:
          mpi_cli::import_gdelt_worker(world);
          break;
        case mpi_cli::kWholeRead:
        case mpi_cli::kWholePageRank:
        case mpi_cli::kWholeLabels:
        case mpi_cli::kWholeClose:
        case mpi_cli::kWholeBetweenness:
        case mpi_cli::kWholeComponents:
        case mpi_cli::kWholeFind:
        case mpi_cli::kWholeDistances:
        case mpi_cli::kWholeInduced:
        case mpi_cli::kWholeKept:
        case mpi_cli::kWholeSubgraph:
          mpi_cli::serve_whole_file(world, op);
          break;
        default:
          abort_job(world, "unknown kernel code from rank 0");
      }
    } catch (const sg::InvalidArgument&) {
      // Rank 0 refused the options and reports it; wait for the next kernel.
    } catch (const mpi_cli::RankError&) {
      // A rank failed in a collective step; every rank knows, rank 0 reports it.
    } catch (const std::bad_alloc&) {
      abort_job(world, "out of memory");
    } catch (const std::exception& e) {
      abort_job(world, e.what());
    }
  }
}

// The path between two nodes: distances from `from` and to `to` by the distributed search
// (BFS levels, or delta-stepping with costs), then the single-process search of rank 0 picks
// the hops among the nodes that lie on a shortest path (every other node is avoided), with
// its own tie rule, so the path printed is the one `stakegraph path` prints.
sg::PathResult distributed_path(const mpi::communicator& world, const sg::Graph& g,
                                sg::NodeIndex from, sg::NodeIndex to, sg::PathOptions o) {
  if (!o.relations.empty() || !o.kinds.empty()) {
    throw sg::InvalidArgument(
        "stakegraph-mpi path: --relation and --kind are distributed on version 3 .sgpb files "
        "only (use stakegraph path, or convert the file)");
  }
  for (sg::NodeIndex a : o.avoid)
    if (a == from || a == to) return sg::shortest_path(g, from, to, o);  // its own error
  const bool costed = o.cost != sg::EdgeCost::kHops;
  const sg::Csr c =
      sg::build_csr(g, {.directed = o.directed, .weighted = costed, .source = o.weights});
  dist::DistanceOptions d;
  d.cost = o.cost;
  d.engine = g_engine;
  if (!o.avoid.empty()) {
    d.blocked.assign(c.n, 0);
    for (sg::NodeIndex a : o.avoid) d.blocked[a] = 1;
  }
  d.source = static_cast<std::uint32_t>(from);
  const std::vector<double> forward =
      on_all_ranks(world, kDistances, [&] { return dist::distances(world, &c, d); }).dist;
  if (forward[to] == std::numeric_limits<double>::infinity()) return {};
  d.source = static_cast<std::uint32_t>(to);
  d.reverse = true;
  const std::vector<double> backward =
      on_all_ranks(world, kDistances, [&] { return dist::distances(world, &c, d); }).dist;
  const double total = forward[to];
  const double slack = costed ? 1e-9 * std::max(1.0, total) : 0.0;
  for (std::uint32_t v = 0; v < c.n; ++v) {
    if (!(forward[v] + backward[v] <= total + slack)) o.avoid.push_back(v);
  }
  return sg::shortest_path(g, from, to, o);
}

// stakegraph-mpi ingest: the options of stakegraph ingest (cli/ingest.cpp), run by every rank.
void setup_ingest(CLI::App& app, const mpi::communicator& world) {
  auto job = std::make_shared<stakegraph::cli::mpi_cli::IngestJob>();
  CLI::App* sub = app.add_subcommand(
      "ingest",
      "Extract articles (.txt, .md, .jsonl, directories) on every rank, a block of files each,\n"
      "and merge the parts on rank 0 into a graph file, created or updated.");
  sub->add_option("FILE", job->inputs, "articles or directories")->required();
  sub->add_option("-o,--output", job->output, "graph file (.sgpb)")->required();
  stakegraph::cli::add_extraction_options(sub, job->lexicons, job->corrections, job->dictionaries,
                                          job->date_order);
  sub->add_flag("-q,--quiet", job->quiet, "no progress bar (stakegraph-mpi has none)");
  sub->callback([job, &world] {
    static_cast<void>(stakegraph::cli::article_read_options(job->date_order));  // usage error first
    if (std::filesystem::path(job->output).extension() != ".sgpb") {
      throw sg::InvalidArgument(job->output +
                                ": ingest writes a .sgpb graph file (convert it "
                                "afterwards with `stakegraph convert`)");
    }
    const auto t0 = std::chrono::steady_clock::now();
    const auto s = on_all_ranks_checked(
        world, kIngest, [&] { return stakegraph::cli::mpi_cli::ingest_root(world, *job); });
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr,
                 "ingested %llu articles on %d ranks: %zu nodes, %zu edges in %s (%.2f s)\n",
                 static_cast<unsigned long long>(s.articles), world.size(), s.nodes, s.edges,
                 job->output.c_str(), secs);
  });
}

// stakegraph-mpi import gdelt: the options of stakegraph import gdelt (cli/import.cpp).
void setup_import(CLI::App& app, const mpi::communicator& world) {
  CLI::App* sub = app.add_subcommand("import", "Import event data into a graph file.");
  sub->require_subcommand(1);
  auto opts = std::make_shared<stakegraph::cli::ImportGdeltOptions>();
  CLI::App* gd = sub->add_subcommand(
      "gdelt",
      "Import GDELT event files as `stakegraph import gdelt` does (the same graph and\n"
      "output): every rank reads, checks and filters a block of the files, and rank 0\n"
      "builds the graph from the rows they keep, in file order.");
  stakegraph::cli::add_import_gdelt_options(gd, *opts);
  gd->callback([opts, &world] {
    mpi_cli::check_import_gdelt(*opts);
    on_all_ranks_checked(world, kImport, [&] { mpi_cli::import_gdelt_root(world, *opts); });
  });
}

void use_distributed_kernels(const mpi::communicator& world) {
  stakegraph::cli::Kernels& k = stakegraph::cli::kernels();
  k.pagerank = [&world](const sg::Csr& c, const sg::PageRankOptions& o) {
    return on_all_ranks(world, kPageRank, [&] { return pagerank_kernel(world, &c, o); });
  };
  k.betweenness = [&world](const sg::Csr& c, const sg::BetweennessOptions& o) {
    return on_all_ranks(world, kBetweenness,
                        [&] { return dist::betweenness(world, &c, o, g_engine); });
  };
  k.connected_components = [&world](const sg::Csr& c) {
    return on_all_ranks(world, kComponents, [&] { return components_kernel(world, &c); });
  };
  k.shortest_path = [&world](const sg::Graph& g, sg::NodeIndex from, sg::NodeIndex to,
                             const sg::PathOptions& o) {
    return distributed_path(world, g, from, to, o);
  };
  k.open_whole_file = [&world](const std::string& path) {
    return mpi_cli::open_whole_file(
        world, path,
        [&world](int step, const std::function<void()>& work) {
          on_all_ranks(world, static_cast<Op>(step), work);
        },
        g_verbose, g_engine);
  };
  k.check_supported = [](const char* command, const std::string& choice) {
    const std::string cmd = command;
    const bool ok = (cmd == "centrality" && (choice == "pagerank" || choice == "betweenness")) ||
                    (cmd == "clusters" && choice == "components") || cmd == "stats";
    if (!ok) {
      throw sg::InvalidArgument("stakegraph-mpi " + cmd + ": " + choice +
                                " is not distributed (see stakegraph-mpi " + cmd +
                                " --help); run it with stakegraph");
    }
  };
}

constexpr const char* kNote =
    "\nstakegraph-mpi runs distributed: centrality --metric pagerank | betweenness; clusters "
    "--method components; path (one shortest path, without --all/--k; --relation/--kind on version "
    "3 .sgpb files only); "
    "stats (on rank 0); ingest (files split over ranks, merged on rank 0); import gdelt (files "
    "read and filtered on every rank, graph built on rank 0). Louvain, label propagation, camps, "
    "strong components, closeness, "
    "harmonic, eigenvector and degree are not distributed (Parallel BGL has none of them in "
    "stakegraph's definitions): use stakegraph.";

int run_cli(const mpi::communicator& world, int argc, char** argv) {
  CLI::App app{
      "stakegraph-mpi: stakegraph's analytics distributed over MPI ranks. Run it as\n"
      "  mpirun -np N stakegraph-mpi SUBCOMMAND GRAPH ...\n"
      "Output and exit codes are those of stakegraph.",
      "stakegraph-mpi"};
  app.set_version_flag("--version", "stakegraph-mpi 0.1.0");
  app.require_subcommand(1);
  app.fallthrough(false);
  using namespace stakegraph::cli;
  setup_stats(app);
  setup_centrality(app);
  setup_path(app);
  setup_clusters(app);
  setup_ingest(app, world);
  setup_import(app, world);
  for (const char* name : {"stats", "centrality", "path", "clusters"}) {
    CLI::App* sub = app.get_subcommand(name);
    sub->footer(kNote);
    sub->get_option("GRAPH")->each([](const std::string& file) { g_graph = file; });
  }
  app.add_flag("--verbose", g_verbose,
               "print on stderr which frames of the graph file each rank read");
  app.add_option("--engine", g_engine,
                 "kernels of clusters --method components, path and centrality --metric "
                 "betweenness (hop counts): boost-mpi (default) or pbgl (Parallel BGL's; the "
                 "same results, slower: bench/README.md)")
      ->transform(CLI::CheckedTransformer(std::map<std::string, dist::Engine>{
          {"boost-mpi", dist::Engine::kBoostMpi}, {"pbgl", dist::Engine::kParallelBgl}}));
  app.footer(kNote);
  return parse_and_run(app, argc, argv, {.program = "stakegraph-mpi"}, std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  mpi::environment env(argc, argv);
  mpi::communicator world;
  if (world.rank() != 0) return serve(world);
  use_distributed_kernels(world);
  const int code = run_cli(world, argc, argv);
  if (g_verbose) {
    std::fprintf(stderr, "stakegraph-mpi: bytes of graph files read by rank 0 in all: %llu\n",
                 static_cast<unsigned long long>(stakegraph::io::offset_reader_total().load()));
  }
  int quit = kQuit;
  mpi::broadcast(world, quit, 0);
  return code;
}
