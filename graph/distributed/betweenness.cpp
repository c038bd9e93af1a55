// Betweenness over MPI (graph/distributed/algorithms.hpp): the Csr is broadcast to every
// rank (Parallel BGL's non_distributed_brandes_betweenness_centrality scheme: the graph is
// replicated, the sources are divided), source i goes to rank i mod p, each rank runs Brandes
// (2001) for its sources, and the per-node sums are reduced on rank 0 and scaled by the
// single-process kernel's conventions (halved undirected, normalized by (n-1)(n-2), n / k
// when sampled). Sampled sources are drawn by graph::betweenness_sample_sources, the
// single-process kernel's own draw, so the same seed selects the same sources.
// Per source: one BFS (or Dijkstra with costs) that records the visiting order, then the
// dependencies are pulled from successors in reverse order (dist(w) = dist(v) + cost(v, w),
// exact floating-point equality, as the single-process kernel and NetworkX).
// Cost: O(V E / p) time per rank unweighted; memory: the whole Csr on every rank plus O(V).
// Communication: the broadcast of the Csr once, and one reduction of 8 V bytes.
#include <boost/mpi/collectives/all_reduce.hpp>
#include <boost/mpi/collectives/broadcast.hpp>
#include <boost/mpi/collectives/reduce.hpp>
#include <boost/serialization/vector.hpp>
#include <cmath>
#include <string>

#include "graph/distributed/algorithms.hpp"
#include "graph/distributed/local_csr.hpp"
#include "graph/distributed/pbgl_kernels.hpp"
#include "graph/error.hpp"

namespace stakegraph::graph::distributed {

namespace mpi = boost::mpi;

namespace {

// Adds the dependencies of one source to bc.
void brandes_source(const Adjacency& a, EdgeCost cost, bool costed, std::uint32_t s,
                    BfsWorkspace& bfs, DijkstraWorkspace& dij, std::vector<double>& sigma,
                    std::vector<double>& delta, std::vector<double>& bc) {
  const std::uint32_t* order = nullptr;
  std::uint32_t reached = 0;
  if (costed) {
    reached = dij.run(a, s, cost);
    order = dij.order().data();
  } else {
    reached = bfs.run(a, s);
    order = bfs.order().data();
  }
  auto on_dag = [&](std::uint32_t v, std::uint64_t i, std::uint32_t w) {
    if (costed) return dij.dist()[w] == dij.dist()[v] + a.cost(i, cost);
    return bfs.dist()[w] == bfs.dist()[v] + 1;
  };
  for (std::uint32_t k = 0; k < reached; ++k) {
    sigma[order[k]] = 0.0;
    delta[order[k]] = 0.0;
  }
  sigma[s] = 1.0;
  for (std::uint32_t k = 0; k < reached; ++k) {
    const std::uint32_t v = order[k];
    for (std::uint64_t i = a.offsets[v]; i < a.offsets[v + 1]; ++i) {
      const std::uint32_t w = a.targets[i];
      if (on_dag(v, i, w)) sigma[w] += sigma[v];
    }
  }
  for (std::uint32_t k = reached; k-- > 0;) {
    const std::uint32_t v = order[k];
    double d = 0.0;
    for (std::uint64_t i = a.offsets[v]; i < a.offsets[v + 1]; ++i) {
      const std::uint32_t w = a.targets[i];
      if (on_dag(v, i, w)) d += sigma[v] / sigma[w] * (1.0 + delta[w]);
    }
    delta[v] = d;
    if (v != s) bc[v] += d;
  }
}

// The single-process kernel's conventions on rank 0's sums over the sources: halved when
// undirected, normalized by (n-1)(n-2), times n / k when sampled, with the error bound.
void scale_scores(CentralityResult& res, std::uint32_t n, bool directed,
                  const BetweennessOptions& o) {
  const bool sampled = o.samples > 0 && o.samples < n;
  double scale = sampled ? static_cast<double>(n) / o.samples : 1.0;
  double pair_scale = 1.0;
  if (o.normalized) {
    pair_scale = n > 2 ? 1.0 / ((n - 1.0) * (n - 2.0)) : 0.0;
  } else if (!directed) {
    pair_scale = 0.5;
  }
  scale *= pair_scale;
  for (double& s : res.scores) s *= scale;
  if (sampled) {
    res.samples = o.samples;
    res.error_bound =
        betweenness_sampling_bound(n, o.samples, o.confidence) * (n - 1.0) * (n - 2.0) * pair_scale;
  }
}

// Engine::kParallelBgl, hop counts: rank 0's rows scattered, PBGL's Brandes
// (pbgl_betweenness.cpp) over the same sources as the single-process kernel.
// Engine::kParallelBgl, hop counts: PBGL's Brandes (pbgl_betweenness.cpp) on the ranks'
// blocks over the same sources as the single-process kernel.
CentralityResult pbgl_betweenness(const mpi::communicator& comm, const LocalCsr& local,
                                  const BetweennessOptions& o) {
  const std::uint32_t n = local.part.n;
  CentralityResult res;
  if (n == 0) return res;
  const bool sampled = o.samples > 0 && o.samples < n;
  std::vector<std::uint32_t> sources;
  if (sampled) sources = betweenness_sample_sources(n, o.samples, o.seed);
  res.scores = pbgl_betweenness_sums(comm, local, sources);
  if (comm.rank() != 0) return res;
  scale_scores(res, n, local.directed, o);
  return res;
}

// Throws on every rank rank 0's `error`, if any; then gives every rank rank 0's options and
// engine.
void agree(const mpi::communicator& comm, std::string error, BetweennessOptions& o,
           Engine& engine) {
  mpi::broadcast(comm, error, 0);
  if (!error.empty()) throw InvalidArgument(error);
  int cost = static_cast<int>(o.cost);
  mpi::broadcast(comm, cost, 0);
  o.cost = static_cast<EdgeCost>(cost);
  mpi::broadcast(comm, o.normalized, 0);
  mpi::broadcast(comm, o.samples, 0);
  mpi::broadcast(comm, o.seed, 0);
  mpi::broadcast(comm, o.confidence, 0);
  int eng = static_cast<int>(engine);
  mpi::broadcast(comm, eng, 0);
  engine = static_cast<Engine>(eng);
}

std::string confidence_error(const BetweennessOptions& o) {
  if (!(o.confidence > 0.0 && o.confidence < 1.0))
    return "betweenness: confidence must be in (0, 1)";
  return {};
}

// Brandes over this rank's sources on the whole Csr `c` (every rank holds it); the sums are
// reduced and scaled on rank 0.
CentralityResult brandes_replicated(const mpi::communicator& comm, const Csr& c,
                                    const BetweennessOptions& o) {
  const std::uint32_t n = c.n;
  CentralityResult res;
  if (n == 0) return res;
  const bool sampled = o.samples > 0 && o.samples < n;
  std::vector<std::uint32_t> sources;
  if (sampled) sources = betweenness_sample_sources(n, o.samples, o.seed);
  const std::uint64_t count = sampled ? sources.size() : n;
  const Adjacency a = out_adjacency(c);
  const bool costed = o.cost != EdgeCost::kHops && !c.weights.empty();
  BfsWorkspace bfs(costed ? 0 : n);
  DijkstraWorkspace dij(costed ? n : 0);
  std::vector<double> sigma(n), delta(n), bc(n, 0.0);
  const auto p = static_cast<std::uint64_t>(comm.size());
  for (std::uint64_t i = static_cast<std::uint64_t>(comm.rank()); i < count; i += p) {
    const auto s = sampled ? sources[i] : static_cast<std::uint32_t>(i);
    brandes_source(a, o.cost, costed, s, bfs, dij, sigma, delta, bc);
  }
  if (comm.rank() == 0) {
    res.scores.assign(n, 0.0);
    mpi::reduce(comm, bc.data(), static_cast<int>(n), res.scores.data(), std::plus<double>(), 0);
  } else {
    mpi::reduce(comm, bc.data(), static_cast<int>(n), std::plus<double>(), 0);
    return res;
  }
  scale_scores(res, n, c.directed, o);
  return res;
}

}  // namespace

CentralityResult betweenness(const mpi::communicator& comm, const Csr* root, BetweennessOptions o,
                             Engine engine) {
  std::string error;
  if (comm.rank() == 0) {
    error = confidence_error(o);
    try {
      if (error.empty()) check_costs(*root, o.cost);
    } catch (const InvalidArgument& e) {
      error = e.what();
    }
  }
  agree(comm, error, o, engine);
  if (engine == Engine::kParallelBgl && o.cost == EdgeCost::kHops)
    return pbgl_betweenness(comm, scatter_csr(comm, root), o);
  Csr copy;
  broadcast_csr(comm, root, copy);
  return brandes_replicated(comm, comm.rank() == 0 ? *root : copy, o);
}

CentralityResult betweenness(const mpi::communicator& comm, const LocalCsr& local,
                             BetweennessOptions o, Engine engine) {
  // check_costs's test on every block (rank 0's cost).
  const bool any_bad = any_unusable_weight(comm, local, o.cost);
  std::string error;
  if (comm.rank() == 0) {
    error = confidence_error(o);
    if (error.empty() && any_bad && local.weighted)
      error = "weighted paths need positive finite edge weights";
  }
  agree(comm, error, o, engine);
  if (engine == Engine::kParallelBgl && o.cost == EdgeCost::kHops)
    return pbgl_betweenness(comm, local, o);
  return brandes_replicated(comm, gather_csr(comm, local), o);
}

}  // namespace stakegraph::graph::distributed
