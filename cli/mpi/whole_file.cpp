// stakegraph-mpi's WholeFile: a version 3 .sgpb file held in parts by the ranks
// (cli/mpi/whole_file.hpp).
#include "cli/mpi/whole_file.hpp"

#include <algorithm>
#include <boost/mpi/collectives/all_reduce.hpp>
#include <boost/mpi/collectives/broadcast.hpp>
#include <boost/mpi/collectives/gather.hpp>
#include <boost/serialization/vector.hpp>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <utility>

#include "cli/mpi/frame_read.hpp"
#include "graph/distributed/algorithms.hpp"
#include "graph/error.hpp"
#include "graph/names.hpp"
#include "io/formats/sgpb_v3_frames.hpp"

namespace stakegraph::cli::mpi_cli {
namespace {

namespace mpi = boost::mpi;

// This rank's part of the file last read (every rank), and of the subgraph the view was
// restricted to since (WholeFile::restrict_view).
std::optional<DistributedGraph> g_parts;
std::optional<SubgraphRows> g_sub;

// The rows the kernels run on: the subgraph's when the view was restricted.
const graph::distributed::LocalCsr& rows_in_use() { return g_sub ? g_sub->rows : g_parts->rows; }

// Collective: rank 0 passes the file and the view, the others receive them. Rank 0 gets
// every rank's FrameReadStats.
std::vector<FrameReadStats> read_step(const mpi::communicator& comm, std::string path,
                                      graph::CsrOptions o, bool keep_edges,
                                      const std::vector<graph::Relation>& relations) {
  int view[4] = {o.directed ? 1 : 0, o.weighted ? 1 : 0, static_cast<int>(o.source),
                 keep_edges ? 1 : 0};
  std::vector<int> kept;
  for (const graph::Relation r : relations) kept.push_back(static_cast<int>(r));
  mpi::broadcast(comm, path, 0);
  mpi::broadcast(comm, view, 4, 0);
  mpi::broadcast(comm, kept, 0);
  o = {.directed = view[0] != 0,
       .weighted = view[1] != 0,
       .source = static_cast<graph::WeightSource>(view[2])};
  std::vector<graph::Relation> kept_relations;
  for (const int r : kept) kept_relations.push_back(static_cast<graph::Relation>(r));
  g_sub.reset();
  g_parts.reset();
  g_parts = read_distributed(comm, path, o, view[3] != 0, kept_relations);
  return gather_stats(comm, g_parts->stats);
}

// Collective: the node that rank 0's `query` names (WholeFile::find_node), on rank 0. Each
// rank finds the first match of each rule among its own nodes; the least over the ranks of
// the first rule that matches anywhere wins.
std::optional<std::uint32_t> find_step(const mpi::communicator& comm, std::string query) {
  mpi::broadcast(comm, query, 0);
  constexpr std::uint64_t kNone = ~std::uint64_t{0};
  const DistributedGraph& g = *g_parts;
  std::uint64_t mine[3] = {kNone, kNone, kNone};  // by name, alias, id
  const std::string folded = graph::fold_name(query);
  for (std::size_t lv = 0; lv < g.ids.size(); ++lv) {
    const std::uint64_t v = g.rows.first + lv;
    if (mine[0] == kNone && !folded.empty() && graph::fold_name(g.names[lv]) == folded) mine[0] = v;
    if (mine[2] == kNone && g.ids[lv] == query) mine[2] = v;
  }
  if (!folded.empty())
    for (const auto& [v, alias] : g.aliases)
      if (graph::fold_name(graph::clean_name(alias)) == folded) {
        mine[1] = v;
        break;
      }
  // MPI_UINT64_T explicitly: Boost.MPI's minimum on std::uint64_t compared them as signed
  // (all ones, "none", came out least).
  std::uint64_t least[3];
  MPI_Allreduce(mine, least, 3, MPI_UINT64_T, MPI_MIN, comm);
  for (const std::uint64_t v : least)
    if (v != kNone) return static_cast<std::uint32_t>(v);
  return std::nullopt;
}

// Collective: graph::distances_from on the parts' rows (WholeFile::distances), on rank 0.
std::vector<double> distances_step(const mpi::communicator& comm,
                                   graph::distributed::DistanceOptions o) {
  return graph::distributed::distances(comm, g_parts->rows, std::move(o)).dist;
}

// Collective: WholeFile::induced of rank 0's `nodes`. Each rank sends rank 0 the edges of its
// share of the edge list whose two ends are among the nodes (8 numbers each: edge number,
// source, target, relation, evidence count, first evidence item, whether it has a user
// weight, the weight's bits); the shares follow each other in rank order, so rank 0 receives
// them in file order.
WholeFile::Induced induced_step(const mpi::communicator& comm, std::vector<std::uint32_t> nodes) {
  const NodeLabels labels = gather_labels(comm, *g_parts, nodes);
  mpi::broadcast(comm, nodes, 0);
  const io::SgpbV3Edges& e = g_parts->edges;
  auto among = [&](std::uint32_t v) { return std::binary_search(nodes.begin(), nodes.end(), v); };
  std::vector<std::uint64_t> mine;
  std::uint64_t item = g_parts->evidence_first;
  std::size_t w = 0;
  for (std::size_t i = 0; i < e.sources.size(); ++i) {
    const std::uint64_t number = e.first + i;
    while (w < e.user_weight_values.size() && e.user_weight_values[w].first < number) ++w;
    const std::uint32_t count = e.evidence_counts[i];
    if (among(e.sources[i]) && among(e.targets[i])) {
      const bool weighted =
          w < e.user_weight_values.size() && e.user_weight_values[w].first == number;
      std::uint64_t bits = 0;
      if (weighted) std::memcpy(&bits, &e.user_weight_values[w].second, sizeof bits);
      mine.insert(mine.end(),
                  {number, e.sources[i], e.targets[i], static_cast<std::uint64_t>(e.relations[i]),
                   count, item, weighted ? 1u : 0u, bits});
    }
    item += count;
  }
  WholeFile::Induced out;
  if (comm.rank() != 0) {
    mpi::gather(comm, mine, 0);
    return out;
  }
  std::vector<std::vector<std::uint64_t>> all;
  mpi::gather(comm, mine, all, 0);
  out.counts = g_parts->header_counts;
  graph::Graph& g = out.graph;
  for (std::size_t k = 0; k < nodes.size(); ++k)
    g.add_node_with_id(labels.ids[k], labels.names[k], labels.kinds[k]);
  auto index_of = [&](std::uint64_t v) {
    return static_cast<graph::NodeIndex>(
        std::lower_bound(nodes.begin(), nodes.end(), static_cast<std::uint32_t>(v)) -
        nodes.begin());
  };
  for (const std::vector<std::uint64_t>& part : all) {
    for (std::size_t k = 0; k + 8 <= part.size(); k += 8) {
      graph::EdgeData d;
      d.relation = static_cast<graph::Relation>(part[k + 3]);
      d.unloaded_evidence = static_cast<std::uint32_t>(part[k + 4]);
      if (part[k + 6] != 0) {
        double weight = 0.0;
        std::memcpy(&weight, &part[k + 7], sizeof weight);
        d.weight = weight;
      }
      out.edges.push_back(
          g.append_edge_unchecked(index_of(part[k + 1]), index_of(part[k + 2]), std::move(d)));
      out.evidence.push_back({part[k + 5], part[k + 4]});
    }
  }
  return out;
}

// Collective: the components of the parts' rows (rank 0's engine) and their modularity on
// the same rows, on rank 0.
graph::ClusterResult components_step(const mpi::communicator& comm,
                                     graph::distributed::Engine engine, double resolution) {
  const graph::distributed::LocalCsr& rows = rows_in_use();
  graph::ComponentsResult c = graph::distributed::connected_components(comm, rows, engine);
  graph::ClusterResult r;
  r.modularity = graph::distributed::modularity(comm, rows, c.membership, resolution);
  r.membership = std::move(c.membership);
  r.count = c.count;
  return r;
}

// MPI_Reduce with MPI_BOR of `bytes` into rank 0's, in chunks that an int counts.
void or_to_root(const mpi::communicator& comm, std::vector<std::uint8_t>& bytes) {
  constexpr std::size_t kChunk = std::size_t{1} << 30;
  for (std::size_t at = 0; at < bytes.size(); at += kChunk) {
    const int count = static_cast<int>(std::min(kChunk, bytes.size() - at));
    if (comm.rank() == 0)
      MPI_Reduce(MPI_IN_PLACE, bytes.data() + at, count, MPI_UINT8_T, MPI_BOR, 0, comm);
    else
      MPI_Reduce(bytes.data() + at, nullptr, count, MPI_UINT8_T, MPI_BOR, 0, comm);
  }
}

// Rank 0's filter as sent to every rank: kinds and relations as integers, drop_isolated.
struct SentFilter {
  std::vector<int> kinds, relations;
  int drop = 0;
};

// Collective: rank 0's kinds, relations and drop_isolated, broadcast to every rank.
SentFilter broadcast_filter(const mpi::communicator& comm, const graph::FilterOptions& f) {
  SentFilter out;
  out.drop = f.drop_isolated ? 1 : 0;
  for (const graph::Kind k : f.kinds) out.kinds.push_back(static_cast<int>(k));
  for (const graph::Relation r : f.relations) out.relations.push_back(static_cast<int>(r));
  mpi::broadcast(comm, out.kinds, 0);
  mpi::broadcast(comm, out.relations, 0);
  mpi::broadcast(comm, out.drop, 0);
  return out;
}

// Collective: WholeFile::kept_nodes of rank 0's filter, on rank 0 (the others: empty). Each
// rank marks the kinds of its own block; with drop_isolated the marks are all-gathered (when
// kinds are given), each rank marks the two ends of every edge of its share that the filter
// keeps, and the ends are OR-reduced to rank 0, which keeps the marked nodes of kept kinds.
std::vector<bool> kept_step(const mpi::communicator& comm, const graph::FilterOptions& f) {
  const auto [kinds, relations, drop] = broadcast_filter(comm, f);
  const DistributedGraph& g = *g_parts;
  const graph::distributed::BlockPartition& part = g.rows.part;
  const std::size_t n = part.n;
  auto among = [](const std::vector<int>& set, int x) {
    return set.empty() || std::find(set.begin(), set.end(), x) != set.end();
  };
  // The kinds' marks of the whole graph where needed (rank 0 always; every rank for the
  // edges' ends when kinds are given), else of this rank's block only.
  std::vector<std::uint8_t> kind_ok;
  if (!kinds.empty()) {
    std::vector<std::uint8_t> mine(g.kinds.size());
    for (std::size_t lv = 0; lv < g.kinds.size(); ++lv)
      mine[lv] = among(kinds, static_cast<int>(g.kinds[lv])) ? 1 : 0;
    std::vector<int> counts(static_cast<std::size_t>(comm.size())), displs(counts.size());
    for (int r = 0; r < comm.size(); ++r) {
      counts[static_cast<std::size_t>(r)] = static_cast<int>(part.size(r));
      displs[static_cast<std::size_t>(r)] = static_cast<int>(part.begin(r));
    }
    if (drop != 0 || comm.rank() == 0) kind_ok.assign(n, 0);
    if (drop != 0)
      MPI_Allgatherv(mine.data(), static_cast<int>(mine.size()), MPI_UINT8_T, kind_ok.data(),
                     counts.data(), displs.data(), MPI_UINT8_T, comm);
    else
      MPI_Gatherv(mine.data(), static_cast<int>(mine.size()), MPI_UINT8_T, kind_ok.data(),
                  counts.data(), displs.data(), MPI_UINT8_T, 0, comm);
  }
  auto kind_kept = [&](std::size_t v) { return kinds.empty() || kind_ok[v] != 0; };
  std::vector<std::uint8_t> ends;
  if (drop != 0) {
    const io::SgpbV3Edges& e = g.edges;
    if (e.relations.size() != e.sources.size())
      throw std::logic_error("kept_nodes: the edges were not kept by read()");
    ends.assign(n, 0);
    for (std::size_t i = 0; i < e.sources.size(); ++i) {
      const std::uint32_t s = e.sources[i], t = e.targets[i];
      if (among(relations, static_cast<int>(e.relations[i])) && kind_kept(s) && kind_kept(t))
        ends[s] = ends[t] = 1;
    }
    or_to_root(comm, ends);
  }
  if (comm.rank() != 0) return {};
  std::vector<bool> kept(n);
  for (std::size_t v = 0; v < n; ++v) kept[v] = kind_kept(v) && (drop == 0 || ends[v] != 0);
  return kept;
}

// Collective: WholeFile::restrict_view of rank 0's filter (kinds, relations, drop_isolated).
void subgraph_step(const mpi::communicator& comm, const graph::FilterOptions& f) {
  const auto [kinds, relations, drop] = broadcast_filter(comm, f);
  std::vector<graph::Kind> k;
  std::vector<graph::Relation> r;
  for (const int x : kinds) k.push_back(static_cast<graph::Kind>(x));
  for (const int x : relations) r.push_back(static_cast<graph::Relation>(x));
  g_sub.reset();
  g_sub = subgraph_rows(comm, *g_parts, k, r, drop != 0);
}

class PartsFile final : public WholeFile {
 public:
  PartsFile(const mpi::communicator& comm, std::string path, Announce announce, bool verbose,
            graph::distributed::Engine engine)
      : comm_(comm),
        path_(std::move(path)),
        announce_(std::move(announce)),
        verbose_(verbose),
        engine_(engine) {}

  ~PartsFile() override {
    try {
      announce_(kWholeClose, [] {
        g_sub.reset();
        g_parts.reset();
      });
    } catch (...) {  // the job ends anyway
    }
  }

  std::optional<graph::WeightSource> read(bool directed,
                                          const std::function<graph::WeightSource(bool)>& source_of,
                                          bool allow_zero, bool keep_edges,
                                          const std::vector<graph::Relation>& relations) override {
    graph::WeightSource source = source_of(false);
    read_as(directed, source, keep_edges, relations);
    if (g_parts->user_weights && source_of(true) != source) {
      source = source_of(true);
      // The file's own weights: each rank reads its share again.
      read_as(directed, source, keep_edges, relations);
    }
    if (source == graph::WeightSource::kWeight &&
        !(allow_zero ? g_parts->weights_non_negative : g_parts->weights_positive))
      return std::nullopt;
    return source;
  }

  std::size_t node_count() const override { return g_sub ? g_sub->rows.part.n : nodes_; }
  std::size_t edge_count() const override { return g_sub ? g_sub->edges : edges_; }

  std::optional<Restricted> restrict_view(const graph::FilterOptions& f, bool allow_zero) override {
    if (!f.signs.empty() || f.exclude_hedged || f.since != graph::kNoDate ||
        f.until != graph::kNoDate)
      throw graph::InvalidArgument("restrict_view: only kinds and relations are filtered by parts");
    announce_(kWholeSubgraph, [&] { subgraph_step(comm_, f); });
    if (!(allow_zero ? g_sub->weights_non_negative : g_sub->weights_positive)) return std::nullopt;
    return Restricted{g_sub->kept, g_sub->user_weights};
  }
  Totals totals() const override {
    return {g_parts->article_count, g_parts->evidence_count, g_parts->by_kind,
            g_parts->by_relation};
  }

  graph::CentralityResult pagerank(const graph::PageRankOptions& o) override {
    graph::CentralityResult r;
    announce_(kWholePageRank, [&] { r = graph::distributed::pagerank(comm_, rows_in_use(), o); });
    return r;
  }

  graph::CentralityResult betweenness(const graph::BetweennessOptions& o) override {
    graph::CentralityResult r;
    announce_(kWholeBetweenness,
              [&] { r = graph::distributed::betweenness(comm_, rows_in_use(), o, engine_); });
    return r;
  }

  graph::ClusterResult components(double resolution) override {
    graph::ClusterResult r;
    announce_(kWholeComponents, [&] { r = components_step(comm_, engine_, resolution); });
    return r;
  }

  std::optional<std::uint32_t> find_node(const std::string& query) override {
    std::optional<std::uint32_t> v;
    announce_(kWholeFind, [&] { v = find_step(comm_, query); });
    return v;
  }

  std::vector<double> distances(std::uint32_t source, bool reverse, graph::EdgeCost cost,
                                const std::vector<std::uint32_t>& avoid) override {
    graph::distributed::DistanceOptions o;
    o.source = source;
    o.reverse = reverse;
    o.cost = cost;
    o.engine = engine_;
    if (!avoid.empty()) {
      o.blocked.assign(nodes_, 0);
      for (const std::uint32_t a : avoid) o.blocked[a] = 1;
    }
    std::vector<double> d;
    announce_(kWholeDistances, [&] { d = distances_step(comm_, std::move(o)); });
    return d;
  }

  Induced induced(const std::vector<std::uint32_t>& nodes) override {
    Induced r;
    announce_(kWholeInduced, [&] { r = induced_step(comm_, nodes); });
    return r;
  }

  std::vector<bool> kept_nodes(const graph::FilterOptions& f) override {
    if (!f.signs.empty() || f.exclude_hedged || f.since != graph::kNoDate ||
        f.until != graph::kNoDate)
      throw graph::InvalidArgument("kept_nodes: only kinds and relations are filtered by parts");
    std::vector<bool> kept;
    announce_(kWholeKept, [&] { kept = kept_step(comm_, f); });
    return kept;
  }

  Labels labels(const std::vector<std::uint32_t>& nodes) override {
    Labels out;
    std::vector<std::uint32_t> in_file = nodes;  // a restricted view's numbers: the file's
    if (g_sub)
      for (std::uint32_t& v : in_file) v = g_sub->kept.at(v);
    announce_(kWholeLabels, [&] {
      NodeLabels l = gather_labels(comm_, *g_parts, in_file);
      out = {std::move(l.ids), std::move(l.names), std::move(l.kinds)};
    });
    return out;
  }

 private:
  void read_as(bool directed, graph::WeightSource source, bool keep_edges,
               const std::vector<graph::Relation>& relations) {
    const graph::CsrOptions o{
        .directed = directed, .weighted = source != graph::WeightSource::kNone, .source = source};
    std::vector<FrameReadStats> stats;
    announce_(kWholeRead, [&] { stats = read_step(comm_, path_, o, keep_edges, relations); });
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
  graph::distributed::Engine engine_;
  std::size_t nodes_ = 0, edges_ = 0;
};

}  // namespace

std::unique_ptr<WholeFile> open_whole_file(const mpi::communicator& comm, const std::string& path,
                                           Announce announce, bool verbose,
                                           graph::distributed::Engine engine) {
  if (path == "-" || !io::sgpb_v3_readable(path)) return nullptr;
  return std::make_unique<PartsFile>(comm, path, std::move(announce), verbose, engine);
}

void serve_whole_file(const mpi::communicator& comm, int step) {
  if (step != kWholeRead && step != kWholeClose && !g_parts)
    throw std::logic_error("whole-file step before any read");
  switch (step) {
    case kWholeRead:
      read_step(comm, {}, {}, false, {});
      break;
    case kWholePageRank:
      graph::distributed::pagerank(comm, rows_in_use(), {});
      break;
    case kWholeSubgraph:
      subgraph_step(comm, {});
      break;
    case kWholeLabels:
      gather_labels(comm, *g_parts, {});
      break;
    case kWholeBetweenness:
      graph::distributed::betweenness(comm, rows_in_use(), {});
      break;
    case kWholeComponents:
      components_step(comm, graph::distributed::Engine::kBoostMpi, 1.0);
      break;
    case kWholeFind:
      find_step(comm, {});
      break;
    case kWholeDistances:
      distances_step(comm, {});
      break;
    case kWholeInduced:
      induced_step(comm, {});
      break;
    case kWholeKept:
      kept_step(comm, {});
      break;
    case kWholeClose:
    default:
      g_sub.reset();
      g_parts.reset();
      break;
  }
}

}  // namespace stakegraph::cli::mpi_cli
