// stakegraph-mpi's WholeFile: a version 3 .sgpb file held in parts by the ranks
// (cli/mpi/whole_file.hpp).
#include "cli/mpi/whole_file.hpp"

#include <boost/mpi/collectives/broadcast.hpp>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <utility>

#include "cli/mpi/frame_read.hpp"
#include "graph/distributed/algorithms.hpp"
#include "io/sgpb_v3_frames.hpp"

namespace stakegraph::cli::mpi_cli {
namespace {

namespace mpi = boost::mpi;

// This rank's part of the file last read (every rank).
std::optional<DistributedGraph> g_parts;

// Collective: rank 0 passes the file and the view, the others receive them. Rank 0 gets
// every rank's FrameReadStats.
std::vector<FrameReadStats> read_step(const mpi::communicator& comm, std::string path,
                                      graph::CsrOptions o) {
  int view[3] = {o.directed ? 1 : 0, o.weighted ? 1 : 0, static_cast<int>(o.source)};
  mpi::broadcast(comm, path, 0);
  mpi::broadcast(comm, view, 3, 0);
  o = {.directed = view[0] != 0,
       .weighted = view[1] != 0,
       .source = static_cast<graph::WeightSource>(view[2])};
  g_parts.reset();
  g_parts = read_distributed(comm, path, o);
  return gather_stats(comm, g_parts->stats);
}

class PartsFile final : public WholeFile {
 public:
  PartsFile(const mpi::communicator& comm, std::string path, Announce announce, bool verbose)
      : comm_(comm), path_(std::move(path)), announce_(std::move(announce)), verbose_(verbose) {}

  ~PartsFile() override {
    try {
      announce_(kWholeClose, [] { g_parts.reset(); });
    } catch (...) {  // the job ends anyway
    }
  }

  std::optional<graph::WeightSource> read(
      bool directed, const std::function<graph::WeightSource(bool)>& source_of,
      bool allow_zero) override {
    graph::WeightSource source = source_of(false);
    read_as(directed, source);
    if (g_parts->user_weights && source_of(true) != source) {
      source = source_of(true);
      read_as(directed, source);  // the file's own weights: each rank reads its share again
    }
    if (source == graph::WeightSource::kWeight &&
        !(allow_zero ? g_parts->weights_non_negative : g_parts->weights_positive))
      return std::nullopt;
    return source;
  }

  std::size_t node_count() const override { return nodes_; }
  std::size_t edge_count() const override { return edges_; }
  Totals totals() const override {
    return {g_parts->article_count, g_parts->evidence_count, g_parts->by_kind,
            g_parts->by_relation};
  }

  graph::CentralityResult pagerank(const graph::PageRankOptions& o) override {
    graph::CentralityResult r;
    announce_(kWholePageRank,
              [&] { r = graph::distributed::pagerank(comm_, g_parts->rows, o); });
    return r;
  }

  Labels labels(const std::vector<std::uint32_t>& nodes) override {
    Labels out;
    announce_(kWholeLabels, [&] {
      NodeLabels l = gather_labels(comm_, *g_parts, nodes);
      out = {std::move(l.ids), std::move(l.names), std::move(l.kinds)};
    });
    return out;
  }

 private:
  void read_as(bool directed, graph::WeightSource source) {
    const graph::CsrOptions o{.directed = directed,
                              .weighted = source != graph::WeightSource::kNone,
                              .source = source};
    std::vector<FrameReadStats> stats;
    announce_(kWholeRead, [&] { stats = read_step(comm_, path_, o); });
    nodes_ = g_parts->rows.part.n;
    edges_ = g_parts->edge_count;
    if (!verbose_) return;
    for (const FrameReadStats& s : stats) std::fprintf(stderr, "%s\n", describe(s).c_str());
    std::fprintf(stderr,
                 "stakegraph-mpi: rows built from the ranks' frames; rank 0 prints from the "
                 "results and the labels gathered to it (no whole-graph load)\n");
  }

  const mpi::communicator& comm_;
  std::string path_;
  Announce announce_;
  bool verbose_;
  std::size_t nodes_ = 0, edges_ = 0;
};

}  // namespace

std::unique_ptr<WholeFile> open_whole_file(const mpi::communicator& comm, const std::string& path,
                                           Announce announce, bool verbose) {
  if (path == "-" || !io::sgpb_v3_readable(path)) return nullptr;
  return std::make_unique<PartsFile>(comm, path, std::move(announce), verbose);
}

void serve_whole_file(const mpi::communicator& comm, int step) {
  if (step != kWholeRead && step != kWholeClose && !g_parts)
    throw std::logic_error("whole-file step before any read");
  switch (step) {
    case kWholeRead:
      read_step(comm, {}, {});
      break;
    case kWholePageRank:
      graph::distributed::pagerank(comm, g_parts->rows, {});
      break;
    case kWholeLabels:
      gather_labels(comm, *g_parts, {});
      break;
    case kWholeClose:
    default:
      g_parts.reset();
      break;
  }
}

}  // namespace stakegraph::cli::mpi_cli
