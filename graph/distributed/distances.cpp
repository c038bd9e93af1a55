// Single-source distances over the block-partitioned CSR (graph/distributed/algorithms.hpp).
// Each rank keeps the tentative distances of its own nodes only. A round relaxes the rows of
// the nodes that are active on this rank and sends every candidate (node, distance) to the
// node's owner in one all-to-all exchange; the owner keeps the smaller value.
// - Hops (or an unweighted view): breadth-first search, one round per level; the active
//   nodes are the frontier. A rank sends each node at most once over the whole search
//   (a bitmap of n bytes remembers which), so a BFS sends at most min(n, its entries)
//   candidates per rank in all.
// - Costs: delta-stepping (Meyer and Sanders 2003). Distances fall in buckets of width
//   delta; a phase takes the lowest non-empty bucket over all ranks and relaxes its nodes'
//   rows until no node of that bucket changes, then moves on. Light and heavy edges are
//   relaxed together (the simplest correct variant: a node may be relaxed more than once in
//   a bucket, never with a wrong final value). Each candidate is sent as two doubles (node,
//   distance): 16 bytes on the wire (MPI_Alltoallv, after an MPI_Alltoall of the counts).
// The final distances are the least sums along a path, added hop by hop from the source as
// graph::distances_from adds them, so both give the same doubles.
// Engine::kParallelBgl: the same checks and options, then pbgl_distances.cpp searches.
#include <algorithm>
#include <boost/mpi/collectives/all_reduce.hpp>
#include <boost/mpi/collectives/broadcast.hpp>
#include <boost/mpi/collectives/gatherv.hpp>
#include <boost/serialization/vector.hpp>
#include <cmath>
#include <limits>
#include <set>
#include <string>

#include "graph/distributed/algorithms.hpp"
#include "graph/distributed/local_csr.hpp"
#include "graph/distributed/pbgl_kernels.hpp"
#include "graph/error.hpp"

namespace stakegraph::graph::distributed {

namespace mpi = boost::mpi;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Rows {
  const std::vector<std::uint64_t>* offsets;
  const std::vector<std::uint32_t>* ids;
  const std::vector<float>* weights;
};

// Sends out[r] to rank r and receives every rank's message for this one, concatenated, in
// `in`: counts by MPI_Alltoall, then the doubles by MPI_Alltoallv (no serialization).
void exchange(const mpi::communicator& comm, const std::vector<std::vector<double>>& out,
              std::vector<double>& in) {
  const auto p = static_cast<std::size_t>(comm.size());
  std::vector<int> send_counts(p), recv_counts(p), send_displs(p), recv_displs(p);
  std::vector<double> send;
  for (std::size_t r = 0; r < p; ++r) {
    send_counts[r] = static_cast<int>(out[r].size());
    send_displs[r] = static_cast<int>(send.size());
    send.insert(send.end(), out[r].begin(), out[r].end());
  }
  MPI_Alltoall(send_counts.data(), 1, MPI_INT, recv_counts.data(), 1, MPI_INT, comm);
  int total = 0;
  for (std::size_t r = 0; r < p; ++r) {
    recv_displs[r] = total;
    total += recv_counts[r];
  }
  in.resize(static_cast<std::size_t>(total));
  MPI_Alltoallv(send.data(), send_counts.data(), send_displs.data(), MPI_DOUBLE, in.data(),
                recv_counts.data(), recv_displs.data(), MPI_DOUBLE, comm);
}

// The rounds of a PBGL search, from its distances: BFS levels (the largest level), or
// delta-stepping phases (the distinct buckets floor(d / delta) of the reached nodes:
// delta-stepping processes exactly the buckets that end up holding a node).
std::uint32_t count_rounds(const std::vector<double>& dist, bool unit, double delta) {
  std::uint32_t levels = 0;
  std::set<double> buckets;
  for (double d : dist) {
    if (d == kInf) continue;
    if (unit)
      levels = std::max(levels, static_cast<std::uint32_t>(d));
    else
      buckets.insert(std::floor(d / delta));
  }
  return unit ? levels : static_cast<std::uint32_t>(buckets.size());
}

}  // namespace

namespace {

// The search on the ranks' blocks, with rank 0's options (checked).
DistanceResult search(const mpi::communicator& comm, const LocalCsr& local, DistanceOptions o);

// Throws rank 0's `error` on every rank, if any.
void agree(const mpi::communicator& comm, std::string error) {
  mpi::broadcast(comm, error, 0);
  if (!error.empty()) throw InvalidArgument(error);
}

// Rank 0's checks of the options against a graph of n nodes ("" when they pass).
std::string option_error(std::uint32_t n, const DistanceOptions& o) {
  if (o.source >= n) return "distances: source out of range";
  if (!o.blocked.empty() && o.blocked.size() != n)
    return "distances: blocked list of the wrong size";
  return {};
}

}  // namespace

DistanceResult distances(const mpi::communicator& comm, const Csr* root, DistanceOptions o) {
  std::string error;
  if (comm.rank() == 0) {
    error = option_error(root->n, o);
    if (error.empty()) {
      try {
        check_costs(*root, o.cost);
      } catch (const InvalidArgument& e) {
        error = e.what();
      }
    }
  }
  agree(comm, error);
  return search(comm, scatter_csr(comm, root), std::move(o));
}

DistanceResult distances(const mpi::communicator& comm, const LocalCsr& local, DistanceOptions o) {
  // check_costs's test on every block (rank 0's cost).
  const bool any_bad = any_unusable_weight(comm, local, o.cost);
  std::string error;
  if (comm.rank() == 0) {
    error = option_error(local.part.n, o);
    if (error.empty() && any_bad && local.weighted)
      error = "weighted paths need positive finite edge weights";
  }
  agree(comm, error);
  return search(comm, local, std::move(o));
}

namespace {

DistanceResult search(const mpi::communicator& comm, const LocalCsr& local, DistanceOptions o) {
  int cost = static_cast<int>(o.cost);
  mpi::broadcast(comm, o.source, 0);
  mpi::broadcast(comm, cost, 0);
  o.cost = static_cast<EdgeCost>(cost);
  mpi::broadcast(comm, o.reverse, 0);
  mpi::broadcast(comm, o.blocked, 0);
  mpi::broadcast(comm, o.delta, 0);
  int engine = static_cast<int>(o.engine);
  mpi::broadcast(comm, engine, 0);
  const bool pbgl = static_cast<Engine>(engine) == Engine::kParallelBgl;
  const BlockPartition& part = local.part;
  const bool use_in = o.reverse && local.directed;
  const Rows rows{use_in ? &local.in_offsets : &local.offsets,
                  use_in ? &local.in_sources : &local.targets,
                  use_in ? &local.in_weights : &local.weights};
  // Decided from the view, not from this rank's rows (a rank may hold no entries at all):
  // every rank must take the same branch, or the collectives below would not match.
  const bool unit = o.cost == EdgeCost::kHops || !local.weighted;
  auto entry_cost = [&](std::uint64_t i) {
    if (unit) return 1.0;
    const double w = static_cast<double>((*rows.weights)[i]);
    return o.cost == EdgeCost::kInverseWeight ? 1.0 / w : w;
  };
  auto blocked = [&](std::uint32_t v) { return !o.blocked.empty() && o.blocked[v] != 0; };

  std::vector<double> dist(local.local_count(), kInf);
  std::vector<std::uint8_t> active(local.local_count(), 0);
  std::vector<std::uint32_t> active_list;
  if (part.owner(o.source) == comm.rank()) {
    dist[o.source - local.first] = 0.0;
    active[o.source - local.first] = 1;
    active_list.push_back(o.source - local.first);
  }
  double delta = o.delta;
  if (!unit && !(delta > 0.0)) {
    // The mean entry cost over the whole graph.
    double sum = 0.0;
    for (std::uint64_t i = 0; i < rows.ids->size(); ++i) sum += entry_cost(i);
    const double total = mpi::all_reduce(comm, sum, std::plus<double>());
    const auto entries = mpi::all_reduce(comm, static_cast<std::uint64_t>(rows.ids->size()),
                                         std::plus<std::uint64_t>());
    delta = entries > 0 ? total / static_cast<double>(entries) : 1.0;
  }
  const auto p = static_cast<std::size_t>(comm.size());
  std::vector<std::vector<double>> out(p);
  std::vector<double> in;
  // BFS only: the nodes this rank has already sent a candidate for (n bytes per rank), so
  // that each rank sends each node at most once over the whole search.
  std::vector<std::uint8_t> sent(unit && !pbgl ? part.n : 0, 0);
  if (!sent.empty() && part.owner(o.source) == comm.rank()) sent[o.source] = 1;
  DistanceResult res;
  // One relaxation round over the local nodes in `frontier`; returns how many local nodes
  // improved (they are made active).
  auto relax = [&](const std::vector<std::uint32_t>& frontier) {
    for (auto& v : out) v.clear();
    for (std::uint32_t lv : frontier) {
      const double d = dist[lv];
      for (std::uint64_t i = (*rows.offsets)[lv]; i < (*rows.offsets)[lv + 1]; ++i) {
        const std::uint32_t w = (*rows.ids)[i];
        if (blocked(w)) continue;
        if (unit) {
          // BFS: the first candidate for w is its level; later ones cannot improve it.
          if (sent[w]) continue;
          sent[w] = 1;
        }
        auto& box = out[static_cast<std::size_t>(part.owner(w))];
        box.push_back(static_cast<double>(w));
        box.push_back(d + entry_cost(i));
      }
    }
    exchange(comm, out, in);
    std::uint64_t improved = 0;
    for (std::size_t k = 0; k + 1 < in.size(); k += 2) {
      const auto lw = static_cast<std::uint32_t>(in[k]) - local.first;
      if (in[k + 1] < dist[lw]) {
        dist[lw] = in[k + 1];
        if (!active[lw]) {
          active[lw] = 1;
          active_list.push_back(lw);
        }
        ++improved;
      }
    }
    return improved;
  };

  if (pbgl) {
    PbglSearch search{
        .source = o.source, .in_rows = use_in, .unit = unit, .delta = delta, .blocked = o.blocked};
    if (!unit) {
      search.costs.resize(rows.ids->size());
      for (std::uint64_t i = 0; i < rows.ids->size(); ++i) search.costs[i] = entry_cost(i);
    }
    dist = pbgl_distances(comm, local, search);
  } else {
    if (unit) {
      // BFS: the active list is the frontier; a node improves only once (first reached).
      while (true) {
        const std::vector<std::uint32_t> frontier = std::move(active_list);
        active_list.clear();
        relax(frontier);
        const auto next = mpi::all_reduce(comm, static_cast<std::uint64_t>(active_list.size()),
                                          std::plus<std::uint64_t>());
        if (next == 0) break;
        ++res.rounds;
      }
    } else {
      while (true) {
        // The lowest bucket holding an active node, over all ranks.
        double lowest = kInf;
        for (std::uint32_t lv : active_list)
          lowest = std::min(lowest, std::floor(dist[lv] / delta));
        const double bucket = mpi::all_reduce(comm, lowest, mpi::minimum<double>());
        if (bucket == kInf) break;
        ++res.rounds;
        while (true) {
          std::vector<std::uint32_t> frontier, rest;
          for (std::uint32_t lv : active_list) {
            if (std::floor(dist[lv] / delta) <= bucket) {
              frontier.push_back(lv);
              active[lv] = 0;
            } else {
              rest.push_back(lv);
            }
          }
          active_list = std::move(rest);
          const auto busy = mpi::all_reduce(comm, static_cast<std::uint64_t>(frontier.size()),
                                            std::plus<std::uint64_t>());
          if (busy == 0) break;
          relax(frontier);
        }
      }
    }
  }
  std::vector<int> sizes(p);
  for (int r = 0; r < comm.size(); ++r)
    sizes[static_cast<std::size_t>(r)] = static_cast<int>(part.size(r));
  if (comm.rank() == 0) {
    res.dist.resize(part.n);
    mpi::gatherv(comm, dist.data(), static_cast<int>(dist.size()), res.dist.data(), sizes, 0);
    if (pbgl) res.rounds = count_rounds(res.dist, unit, delta);
  } else {
    mpi::gatherv(comm, dist.data(), static_cast<int>(dist.size()), 0);
  }
  return res;
}

}  // namespace

}  // namespace stakegraph::graph::distributed
