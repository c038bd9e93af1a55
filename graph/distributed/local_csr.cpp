// Scattering and broadcasting the CSR view (graph/distributed/local_csr.hpp).
#include "graph/distributed/local_csr.hpp"

#include <algorithm>
#include <boost/mpi/collectives/all_reduce.hpp>
#include <boost/mpi/collectives/broadcast.hpp>
#include <boost/serialization/vector.hpp>
#include <cmath>
#include <functional>
#include <stdexcept>

namespace stakegraph::graph::distributed {

namespace mpi = boost::mpi;

int BlockPartition::owner(std::uint32_t v) const {
  int r = static_cast<int>(static_cast<std::uint64_t>(v) * static_cast<std::uint64_t>(ranks) /
                           std::max<std::uint64_t>(n, 1));
  r = std::clamp(r, 0, ranks - 1);
  while (r > 0 && begin(r) > v) --r;
  while (r + 1 < ranks && begin(r + 1) <= v) ++r;
  return r;
}

std::uint64_t LocalCsr::bytes() const {
  return offsets.size() * 8 + targets.size() * 4 + weights.size() * 4 + in_offsets.size() * 8 +
         in_sources.size() * 4 + in_weights.size() * 4;
}

namespace {

// Rows [first, last) of one direction, offsets rebased to 0.
void slice_rows(const std::vector<std::uint64_t>& offsets, const std::vector<std::uint32_t>& ids,
                const std::vector<float>& weights, std::uint32_t first, std::uint32_t last,
                std::vector<std::uint64_t>& out_offsets, std::vector<std::uint32_t>& out_ids,
                std::vector<float>& out_weights) {
  const std::uint64_t base = offsets[first];
  out_offsets.resize(last - first + 1);
  for (std::uint32_t v = first; v <= last; ++v) out_offsets[v - first] = offsets[v] - base;
  out_ids.assign(ids.begin() + static_cast<std::ptrdiff_t>(base),
                 ids.begin() + static_cast<std::ptrdiff_t>(offsets[last]));
  if (!weights.empty()) {
    out_weights.assign(weights.begin() + static_cast<std::ptrdiff_t>(base),
                       weights.begin() + static_cast<std::ptrdiff_t>(offsets[last]));
  } else {
    out_weights.clear();
  }
}

enum Tag : int { kOffsets = 1, kTargets, kWeights, kInOffsets, kInSources, kInWeights };

}  // namespace

LocalCsr scatter_csr(const mpi::communicator& comm, const Csr* root) {
  LocalCsr local;
  std::uint32_t n = root ? root->n : 0;
  bool flags[2] = {root ? root->directed : false, root ? root->weighted : false};
  mpi::broadcast(comm, n, 0);
  mpi::broadcast(comm, flags, 2, 0);
  local.part = {n, comm.size()};
  local.rank = comm.rank();
  local.first = local.part.begin(comm.rank());
  local.last = local.part.begin(comm.rank() + 1);
  local.directed = flags[0];
  local.weighted = flags[1];
  if (comm.rank() == 0) {
    for (int r = comm.size() - 1; r >= 0; --r) {
      LocalCsr part;
      const std::uint32_t first = local.part.begin(r), last = local.part.begin(r + 1);
      slice_rows(root->offsets, root->targets, root->weights, first, last, part.offsets,
                 part.targets, part.weights);
      if (root->directed) {
        slice_rows(root->in_offsets, root->in_sources, root->in_weights, first, last,
                   part.in_offsets, part.in_sources, part.in_weights);
      }
      if (r == 0) {
        local.offsets = std::move(part.offsets);
        local.targets = std::move(part.targets);
        local.weights = std::move(part.weights);
        local.in_offsets = std::move(part.in_offsets);
        local.in_sources = std::move(part.in_sources);
        local.in_weights = std::move(part.in_weights);
      } else {
        comm.send(r, kOffsets, part.offsets);
        comm.send(r, kTargets, part.targets);
        comm.send(r, kWeights, part.weights);
        comm.send(r, kInOffsets, part.in_offsets);
        comm.send(r, kInSources, part.in_sources);
        comm.send(r, kInWeights, part.in_weights);
      }
    }
  } else {
    comm.recv(0, kOffsets, local.offsets);
    comm.recv(0, kTargets, local.targets);
    comm.recv(0, kWeights, local.weights);
    comm.recv(0, kInOffsets, local.in_offsets);
    comm.recv(0, kInSources, local.in_sources);
    comm.recv(0, kInWeights, local.in_weights);
  }
  return local;
}

void broadcast_csr(const mpi::communicator& comm, const Csr* root, Csr& copy) {
  // Boost.MPI's broadcast takes a non-const reference, and only reads it on the root.
  Csr& c = comm.rank() == 0 ? const_cast<Csr&>(*root) : copy;
  mpi::broadcast(comm, c.n, 0);
  mpi::broadcast(comm, c.directed, 0);
  mpi::broadcast(comm, c.weighted, 0);
  mpi::broadcast(comm, c.offsets, 0);
  mpi::broadcast(comm, c.targets, 0);
  mpi::broadcast(comm, c.weights, 0);
  mpi::broadcast(comm, c.in_offsets, 0);
  mpi::broadcast(comm, c.in_sources, 0);
  mpi::broadcast(comm, c.in_weights, 0);
}

namespace {

template <typename T>
MPI_Datatype mpi_type();
template <>
MPI_Datatype mpi_type<std::uint64_t>() {
  return MPI_UINT64_T;
}
template <>
MPI_Datatype mpi_type<std::uint32_t>() {
  return MPI_UINT32_T;
}
template <>
MPI_Datatype mpi_type<float>() {
  return MPI_FLOAT;
}

// Every rank's `mine`, joined in rank order, on every rank.
template <typename T>
std::vector<T> all_joined(const mpi::communicator& comm, const std::vector<T>& mine) {
  const auto p = static_cast<std::size_t>(comm.size());
  std::vector<int> counts(p), displs(p);
  const int count = static_cast<int>(mine.size());
  MPI_Allgather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, comm);
  std::uint64_t total = 0;
  for (std::size_t r = 0; r < p; ++r) {
    displs[r] = static_cast<int>(total);
    total += static_cast<std::uint64_t>(counts[r]);
  }
  if (total > 0x7FFFFFFFull) throw std::length_error("gather_csr: more than 2^31 entries");
  std::vector<T> out(total);
  MPI_Allgatherv(mine.data(), count, mpi_type<T>(), out.data(), counts.data(), displs.data(),
                 mpi_type<T>(), comm);
  return out;
}

// One direction's rows: the local offsets (from 0) joined into global ones.
void join_rows(const mpi::communicator& comm, const LocalCsr& local,
               const std::vector<std::uint64_t>& offsets, const std::vector<std::uint32_t>& ids,
               const std::vector<float>& weights, std::vector<std::uint64_t>& out_offsets,
               std::vector<std::uint32_t>& out_ids, std::vector<float>& out_weights) {
  std::vector<std::uint64_t> degrees(local.local_count());
  for (std::uint32_t lv = 0; lv < local.local_count(); ++lv)
    degrees[lv] = offsets[lv + 1] - offsets[lv];
  const std::vector<std::uint64_t> all = all_joined(comm, degrees);
  out_offsets.assign(all.size() + 1, 0);
  for (std::size_t v = 0; v < all.size(); ++v) out_offsets[v + 1] = out_offsets[v] + all[v];
  out_ids = all_joined(comm, ids);
  if (local.weighted) out_weights = all_joined(comm, weights);
}

}  // namespace

Csr gather_csr(const mpi::communicator& comm, const LocalCsr& local) {
  Csr c;
  c.n = local.part.n;
  c.directed = local.directed;
  c.weighted = local.weighted;
  join_rows(comm, local, local.offsets, local.targets, local.weights, c.offsets, c.targets,
            c.weights);
  if (local.directed)
    join_rows(comm, local, local.in_offsets, local.in_sources, local.in_weights, c.in_offsets,
              c.in_sources, c.in_weights);
  return c;
}

bool any_unusable_weight(const mpi::communicator& comm, const LocalCsr& local, EdgeCost cost) {
  int cost_code = static_cast<int>(cost);
  mpi::broadcast(comm, cost_code, 0);
  bool bad = false;
  if (static_cast<EdgeCost>(cost_code) != EdgeCost::kHops)
    for (float w : local.weights) bad = bad || !(w > 0.0f) || !std::isfinite(w);
  return mpi::all_reduce(comm, bad, std::logical_or<bool>());
}

}  // namespace stakegraph::graph::distributed
