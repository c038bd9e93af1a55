// Connected components over the block-partitioned CSR (graph/distributed/algorithms.hpp).
// Each rank unions the edges of its rows into a union-find over all n nodes (path halving,
// union by index: the smaller root wins), keeps only its forest (the pairs v -> root(v) with
// v != root(v), at most n - 1), and the forests are merged up a binary tree: in round k the
// ranks r with r mod 2^(k+1) = 2^k send their forest to r - 2^k, which unions it into its
// own. After ceil(log2 p) rounds rank 0 holds every component and relabels them canonically
// (largest first, ties by smallest node), as graph::connected_components does.
// Cost: O(E / p alpha(n)) local work, log2 p rounds of at most 8 (n - 1) bytes per message.
// Engine::kParallelBgl: pbgl_components.cpp instead.
// modularity: graph::modularity's sums carried from rank to rank (algorithms.hpp).
#include <algorithm>
#include <boost/mpi/collectives/broadcast.hpp>
#include <boost/serialization/vector.hpp>
#include <numeric>
#include <string>

#include "graph/distributed/algorithms.hpp"
#include "graph/distributed/local_csr.hpp"
#include "graph/distributed/pbgl_kernels.hpp"
#include "graph/error.hpp"

namespace stakegraph::graph::distributed {

namespace mpi = boost::mpi;

namespace {

struct UnionFind {
  std::vector<std::uint32_t> parent;
  explicit UnionFind(std::uint32_t n) : parent(n) {
    std::iota(parent.begin(), parent.end(), std::uint32_t{0});
  }
  std::uint32_t find(std::uint32_t v) {
    while (parent[v] != v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  }
  void unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (a < b)
      parent[b] = a;
    else
      parent[a] = b;
  }
  // Flattened forest as pairs (v, root) for every non-root v.
  std::vector<std::uint32_t> forest() {
    std::vector<std::uint32_t> out;
    for (std::uint32_t v = 0; v < parent.size(); ++v) {
      const std::uint32_t r = find(v);
      if (r != v) {
        out.push_back(v);
        out.push_back(r);
      }
    }
    return out;
  }
};

constexpr int kForestTag = 11;
constexpr int kSumsTag = 12;

}  // namespace

ComponentsResult connected_components(const mpi::communicator& comm, const Csr* root,
                                      Engine engine) {
  return connected_components(comm, scatter_csr(comm, root), engine);
}

ComponentsResult connected_components(const mpi::communicator& comm, const LocalCsr& local,
                                      Engine engine) {
  int which = static_cast<int>(engine);
  mpi::broadcast(comm, which, 0);
  if (static_cast<Engine>(which) == Engine::kParallelBgl)
    return pbgl_connected_components(comm, local);
  const std::uint32_t n = local.part.n;
  UnionFind uf(n);
  for (std::uint32_t lv = 0; lv < local.local_count(); ++lv) {
    for (std::uint64_t i = local.offsets[lv]; i < local.offsets[lv + 1]; ++i)
      uf.unite(local.first + lv, local.targets[i]);
  }
  const int rank = comm.rank();
  for (int step = 1; step < comm.size(); step *= 2) {
    if (rank % (2 * step) == step) {
      comm.send(rank - step, kForestTag, uf.forest());
      break;
    }
    if (rank % (2 * step) == 0 && rank + step < comm.size()) {
      std::vector<std::uint32_t> pairs;
      comm.recv(rank + step, kForestTag, pairs);
      for (std::size_t i = 0; i + 1 < pairs.size(); i += 2) uf.unite(pairs[i], pairs[i + 1]);
    }
  }
  ComponentsResult res;
  if (rank != 0) return res;
  res.membership.resize(n);
  for (std::uint32_t v = 0; v < n; ++v) res.membership[v] = uf.find(v);
  res.count = relabel_by_size(res.membership);
  return res;
}

double modularity(const mpi::communicator& comm, const LocalCsr& local,
                  std::vector<std::uint32_t> membership, double resolution) {
  const std::uint32_t n = local.part.n;
  std::string error;
  if (comm.rank() == 0) {
    if (local.directed) {
      error = "modularity needs the undirected graph view";
    } else if (membership.size() != n) {
      error = "modularity: membership has " + std::to_string(membership.size()) + " entries for " +
              std::to_string(n) + " nodes";
    } else if (std::any_of(membership.begin(), membership.end(),
                           [n](std::uint32_t c) { return c >= n; })) {
      error = "modularity: label out of range";
    }
  }
  mpi::broadcast(comm, error, 0);
  if (!error.empty()) throw InvalidArgument(error);
  mpi::broadcast(comm, resolution, 0);
  mpi::broadcast(comm, membership, 0);
  std::uint32_t labels = 0;
  for (std::uint32_t c : membership) labels = std::max(labels, c + 1);
  // sums[0]: 2m; sums[1 + c]: weight inside c; sums[1 + labels + c]: total degree of c. The
  // running sums of the ranks before this one come in; this rank's rows continue them.
  std::vector<double> sums(1 + 2 * static_cast<std::size_t>(labels), 0.0);
  const int rank = comm.rank(), p = comm.size();
  const int count = static_cast<int>(sums.size());
  if (rank > 0)
    MPI_Recv(sums.data(), count, MPI_DOUBLE, rank - 1, kSumsTag, comm, MPI_STATUS_IGNORE);
  double* inside = sums.data() + 1;
  double* total = inside + labels;
  for (std::uint32_t lv = 0; lv < local.local_count(); ++lv) {
    const std::uint32_t c = membership[local.first + lv];
    for (std::uint64_t i = local.offsets[lv]; i < local.offsets[lv + 1]; ++i) {
      const double w = local.weights.empty() ? 1.0 : static_cast<double>(local.weights[i]);
      sums[0] += w;
      total[c] += w;
      if (membership[local.targets[i]] == c) inside[c] += w;
    }
  }
  if (rank + 1 < p) {
    MPI_Send(sums.data(), count, MPI_DOUBLE, rank + 1, kSumsTag, comm);
  } else if (rank != 0) {
    MPI_Send(sums.data(), count, MPI_DOUBLE, 0, kSumsTag, comm);
  }
  if (rank != 0) return 0.0;
  if (p > 1) MPI_Recv(sums.data(), count, MPI_DOUBLE, p - 1, kSumsTag, comm, MPI_STATUS_IGNORE);
  const double two_m = sums[0];
  if (two_m <= 0.0) return 0.0;
  double q = 0.0;
  for (std::uint32_t c = 0; c < labels; ++c) {
    if (total[c] == 0.0) continue;
    const double d = total[c] / two_m;
    q += inside[c] / two_m - resolution * d * d;
  }
  return q;
}

}  // namespace stakegraph::graph::distributed
