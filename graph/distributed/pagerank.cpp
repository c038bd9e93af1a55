// PageRank over the block-partitioned CSR (graph/distributed/algorithms.hpp).
// Each rank keeps the whole iterate x (replicated, n doubles) and its block's in-rows; a step
// computes the new values of its block exactly as graph::pagerank does (same sums in the same
// order), sums its share of the change, and all-gathers the block into x. The dangling sum is
// taken over the whole (replicated) iterate in node order, like the single-process kernel, so
// per-node values are identical; only the convergence test's sum of changes is added in
// another order (it decides the iteration count, which the tests compare).
// Per iteration: O((V + E) / p) work, an all-gather of 8 V bytes and an all-reduce of one
// double. Memory per rank: 24 V bytes (x, next block, 1 / out-weight) plus the rows.
#include <boost/mpi/collectives/all_gatherv.hpp>
#include <boost/mpi/collectives/all_reduce.hpp>
#include <boost/mpi/collectives/broadcast.hpp>
#include <boost/serialization/vector.hpp>
#include <cmath>

#include "graph/distributed/algorithms.hpp"
#include "graph/distributed/local_csr.hpp"
#include "graph/error.hpp"

namespace stakegraph::graph::distributed {

namespace mpi = boost::mpi;

namespace {

// Checks the options on rank 0 against n nodes; every rank learns the verdict (all throw or
// none) and the options.
void share_options(const mpi::communicator& comm, std::uint32_t n, PageRankOptions& o) {
  std::string error;
  if (comm.rank() == 0) {
    if (!(o.damping >= 0.0 && o.damping < 1.0))
      error = "pagerank: damping must be in [0, 1)";
    else if (!(o.tolerance > 0.0))
      error = "pagerank: tolerance must be positive";
    for (std::uint32_t v : o.personalization)
      if (v >= n) error = "pagerank: personalization node out of range";
  }
  mpi::broadcast(comm, error, 0);
  if (!error.empty()) throw InvalidArgument(error);
  mpi::broadcast(comm, o.damping, 0);
  mpi::broadcast(comm, o.tolerance, 0);
  mpi::broadcast(comm, o.max_iterations, 0);
  mpi::broadcast(comm, o.weighted, 0);
  mpi::broadcast(comm, o.personalization, 0);
}

CentralityResult run(const mpi::communicator& comm, const LocalCsr& local,
                     const PageRankOptions& o) {
  // 1 / out-weight of every node: each rank sums its block's out-rows (in row order, as
  // graph::pagerank does) and the blocks are all-gathered.
  std::vector<int> sizes(static_cast<std::size_t>(comm.size()));
  for (int r = 0; r < comm.size(); ++r)
    sizes[static_cast<std::size_t>(r)] = static_cast<int>(local.part.size(r));
  std::vector<double> inv_out(local.part.n, 0.0);
  {
    const bool out_weighted = o.weighted && !local.weights.empty();
    std::vector<double> mine(local.local_count(), 0.0);
    for (std::uint32_t lv = 0; lv < local.local_count(); ++lv) {
      double w = 0.0;
      if (out_weighted) {
        for (std::uint64_t i = local.offsets[lv]; i < local.offsets[lv + 1]; ++i)
          w += static_cast<double>(local.weights[i]);
      } else {
        w = static_cast<double>(local.offsets[lv + 1] - local.offsets[lv]);
      }
      if (w > 0.0) mine[lv] = 1.0 / w;
    }
    mpi::all_gatherv(comm, mine.data(), inv_out.data(), sizes);
  }
  CentralityResult res;
  const std::uint32_t n = local.part.n;
  if (n == 0) return res;

  std::vector<double> p(n, 0.0);
  if (o.personalization.empty()) {
    std::fill(p.begin(), p.end(), 1.0 / n);
  } else {
    for (std::uint32_t v : o.personalization) p[v] = 1.0;
    double sum = 0.0;
    for (double x : p) sum += x;
    for (double& x : p) x /= sum;
  }
  std::vector<std::uint32_t> dangling;
  for (std::uint32_t v = 0; v < n; ++v)
    if (inv_out[v] == 0.0) dangling.push_back(v);

  // In-rows of the block (undirected: the rows themselves).
  const std::vector<std::uint64_t>& in_off = local.directed ? local.in_offsets : local.offsets;
  const std::vector<std::uint32_t>& in_src = local.directed ? local.in_sources : local.targets;
  const std::vector<float>& in_w = local.directed ? local.in_weights : local.weights;
  const bool weighted = o.weighted && !in_w.empty();

  std::vector<double> x(n, 1.0 / n), next(local.local_count()), contrib(n);
  const double alpha = o.damping;
  res.converged = false;
  for (std::uint32_t it = 0; it < o.max_iterations; ++it) {
    double dangling_sum = 0.0;
    for (std::uint32_t v : dangling) dangling_sum += x[v];
    for (std::uint32_t v = 0; v < n; ++v) contrib[v] = x[v] * inv_out[v];
    double err = 0.0;
    for (std::uint32_t lv = 0; lv < local.local_count(); ++lv) {
      const std::uint32_t v = local.first + lv;
      double s = 0.0;
      if (weighted) {
        for (std::uint64_t i = in_off[lv]; i < in_off[lv + 1]; ++i)
          s += contrib[in_src[i]] * static_cast<double>(in_w[i]);
      } else {
        for (std::uint64_t i = in_off[lv]; i < in_off[lv + 1]; ++i) s += contrib[in_src[i]];
      }
      const double value = alpha * (s + dangling_sum * p[v]) + (1.0 - alpha) * p[v];
      next[lv] = value;
      err += std::abs(value - x[v]);
    }
    const double total_err = mpi::all_reduce(comm, err, std::plus<double>());
    mpi::all_gatherv(comm, next.data(), x.data(), sizes);
    res.iterations = it + 1;
    if (total_err < n * o.tolerance) {
      res.converged = true;
      break;
    }
  }
  if (comm.rank() == 0) res.scores = std::move(x);
  return res;
}

}  // namespace

CentralityResult pagerank(const mpi::communicator& comm, const Csr* root, PageRankOptions o) {
  share_options(comm, comm.rank() == 0 ? root->n : 0, o);
  const LocalCsr local = scatter_csr(comm, root);
  return run(comm, local, o);
}

CentralityResult pagerank(const mpi::communicator& comm, const LocalCsr& local, PageRankOptions o) {
  share_options(comm, local.part.n, o);
  return run(comm, local, o);
}

}  // namespace stakegraph::graph::distributed
