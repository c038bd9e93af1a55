// The distributed kernels (graph/distributed/) against the single-process ones (graph/) on the
// NetworkX oracle graphs (copied into tests/data/oracles/) and on seeded random graphs.
// This binary runs under MPI: ctest starts it with `mpirun -np 1`, 2 and 4 (tests/CMakeLists
// .txt); every rank runs every test (the kernels are collective), rank 0 holds the inputs and
// checks the results, the other ranks pass nullptr and check that they get nothing back.
// Tolerances: PageRank 1e-9 absolute after the same number of iterations; betweenness 1e-9
// relative; components, BFS levels and delta-stepping distances exactly.
#include <gtest/gtest.h>

#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "graph/betweenness.hpp"
#include "graph/centrality.hpp"
#include "graph/components.hpp"
#include "graph/distributed/algorithms.hpp"
#include "graph/distributed/local_csr.hpp"
#include "graph/paths.hpp"
#include "tests/graph/oracle.hpp"

namespace {

namespace mpi = boost::mpi;
namespace sg = stakegraph::graph;
namespace dist = stakegraph::graph::distributed;
using stakegraph::test_support::load_oracle;
using stakegraph::test_support::oracle_names;
using stakegraph::test_support::random_edges;

mpi::communicator& world() {
  static mpi::communicator c;
  return c;
}
bool root() { return world().rank() == 0; }

// The graphs every test runs on: the oracles, plus random graphs (sparse with isolated nodes
// and several components, dense, directed, weighted).
struct Case {
  std::string name;
  sg::Csr csr;
};

std::vector<Case> cases(bool weighted) {
  std::vector<Case> out;
  for (const auto& name : oracle_names()) {
    const auto o = load_oracle(name);
    if (weighted && o.weights.empty()) continue;
    out.push_back({name, o.csr(weighted)});
  }
  for (bool directed : {false, true}) {
    for (auto [n, m, seed] : {std::tuple{300u, 280ul, 1ull}, std::tuple{200u, 1500ul, 2ull},
                              std::tuple{3u, 1ul, 3ull}}) {
      const auto e = random_edges(n, m, seed, weighted ? 5 : 0);
      out.push_back(
          {"random n=" + std::to_string(n) + " m=" + std::to_string(m) +
               (directed ? " directed" : ""),
           sg::build_csr(n, e.edges, e.weights, {.directed = directed, .weighted = weighted})});
    }
  }
  return out;
}

// A path 0 - 1 - 2 and a separate edge 3 - 4, node 5 isolated:
//   0 --- 1 --- 2      3 --- 4      5
sg::Csr drawn() { return sg::build_csr(6, {{0, 1}, {1, 2}, {3, 4}}, {}, {}); }

TEST(DistributedKernels, BlockPartitionOwnsEveryNodeOnce) {
  for (std::uint32_t n : {0u, 1u, 3u, 10u, 1000u}) {
    for (int p : {1, 2, 3, 4, 7}) {
      const dist::BlockPartition part{n, p};
      EXPECT_EQ(part.begin(0), 0u);
      EXPECT_EQ(part.begin(p), n);
      for (std::uint32_t v = 0; v < n; ++v) {
        const int r = part.owner(v);
        ASSERT_LE(part.begin(r), v);
        ASSERT_LT(v, part.begin(r + 1));
      }
    }
  }
}

TEST(DistributedKernels, ScatterGivesEachRankItsRows) {
  const sg::Csr c = drawn();
  const dist::LocalCsr local = dist::scatter_csr(world(), root() ? &c : nullptr);
  // Every rank checks its own rows against the drawn graph (known to all).
  ASSERT_EQ(local.offsets.size(), local.local_count() + 1);
  for (std::uint32_t lv = 0; lv < local.local_count(); ++lv) {
    const std::uint32_t v = local.first + lv;
    ASSERT_EQ(local.offsets[lv + 1] - local.offsets[lv], c.degree(v));
    for (std::uint64_t i = 0; i < c.degree(v); ++i)
      EXPECT_EQ(local.targets[local.offsets[lv] + i], c.targets[c.offsets[v] + i]);
  }
}

TEST(DistributedKernels, DrawnGraph) {
  const sg::Csr c = drawn();
  const auto comp = dist::connected_components(world(), root() ? &c : nullptr);
  dist::DistanceOptions d;
  d.source = 1;
  const auto hops = dist::distances(world(), root() ? &c : nullptr, d);
  if (!root()) {
    EXPECT_TRUE(comp.membership.empty());
    EXPECT_TRUE(hops.dist.empty());
    return;
  }
  EXPECT_EQ(comp.count, 3u);
  EXPECT_EQ(comp.membership, (std::vector<std::uint32_t>{0, 0, 0, 1, 1, 2}));
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(hops.dist, (std::vector<double>{1, 0, 1, inf, inf, inf}));
}

TEST(DistributedKernels, PageRankEqualsSingleProcess) {
  for (bool weighted : {false, true}) {
    for (const auto& k : cases(weighted)) {
      for (bool personalized : {false, true}) {
        sg::PageRankOptions o{.weighted = weighted};
        if (personalized) o.personalization = {0, k.csr.n - 1};
        const auto got =
            dist::pagerank(world(), root() ? &k.csr : nullptr, root() ? o : sg::PageRankOptions{});
        if (!root()) {
          EXPECT_TRUE(got.scores.empty());
          continue;
        }
        const auto want = sg::pagerank(k.csr, o);
        SCOPED_TRACE(k.name + (weighted ? " weighted" : "") +
                     (personalized ? " personalized" : ""));
        ASSERT_EQ(got.scores.size(), want.scores.size());
        EXPECT_EQ(got.iterations, want.iterations);
        EXPECT_EQ(got.converged, want.converged);
        for (std::size_t v = 0; v < want.scores.size(); ++v)
          EXPECT_NEAR(got.scores[v], want.scores[v], 1e-9) << "node " << v;
      }
    }
  }
}

TEST(DistributedKernels, PageRankRefusesBadDampingOnEveryRank) {
  const sg::Csr c = drawn();
  EXPECT_THROW(dist::pagerank(world(), root() ? &c : nullptr, {.damping = 1.5}),
               sg::InvalidArgument);
}

TEST(DistributedKernels, ComponentsEqualSingleProcess) {
  for (const auto& k : cases(false)) {
    const auto got = dist::connected_components(world(), root() ? &k.csr : nullptr);
    if (!root()) continue;
    const auto want = sg::connected_components(k.csr);
    SCOPED_TRACE(k.name);
    EXPECT_EQ(got.count, want.count);
    EXPECT_EQ(got.membership, want.membership);
  }
}

TEST(DistributedKernels, DistancesEqualSingleProcess) {
  for (bool weighted : {false, true}) {
    for (const auto& k : cases(weighted)) {
      for (std::uint32_t source : {0u, k.csr.n / 2}) {
        for (sg::EdgeCost cost :
             {sg::EdgeCost::kHops, sg::EdgeCost::kInverseWeight, sg::EdgeCost::kWeight}) {
          if (!weighted && cost != sg::EdgeCost::kHops) continue;
          dist::DistanceOptions d;
          d.source = source;
          d.cost = cost;
          const auto got = dist::distances(world(), root() ? &k.csr : nullptr, d);
          if (!root()) continue;
          const auto want = sg::distances_from(k.csr, source, cost);
          SCOPED_TRACE(k.name + " source " + std::to_string(source) + " cost " +
                       std::to_string(static_cast<int>(cost)));
          EXPECT_EQ(got.dist, want);  // exactly: BFS levels and least sums alike
        }
      }
    }
  }
}

// Reverse search (distances to the source) equals a forward search on the reversed graph;
// blocked nodes are never entered.
TEST(DistributedKernels, ReverseAndBlocked) {
  //   0 -> 1 -> 2 -> 3, and 0 -> 4 -> 3
  const sg::Csr c =
      sg::build_csr(5, {{0, 1}, {1, 2}, {2, 3}, {0, 4}, {4, 3}}, {}, {.directed = true});
  dist::DistanceOptions d;
  d.source = 3;
  d.reverse = true;
  const auto to3 = dist::distances(world(), root() ? &c : nullptr, d);
  d.source = 0;
  d.reverse = false;
  d.blocked = {0, 0, 0, 0, 1};
  const auto blocked = dist::distances(world(), root() ? &c : nullptr, d);
  if (!root()) return;
  EXPECT_EQ(to3.dist, (std::vector<double>{2, 2, 1, 0, 1}));
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(blocked.dist, (std::vector<double>{0, 1, 2, 3, inf}));
}

TEST(DistributedKernels, BetweennessEqualsSingleProcess) {
  for (bool weighted : {false, true}) {
    for (const auto& k : cases(weighted)) {
      for (std::uint32_t samples : {0u, 7u}) {
        for (bool normalized : {false, true}) {
          sg::BetweennessOptions o{
              .normalized = normalized,
              .cost = weighted ? sg::EdgeCost::kInverseWeight : sg::EdgeCost::kHops,
              .samples = samples,
              .seed = 42};
          const auto got = dist::betweenness(world(), root() ? &k.csr : nullptr,
                                             root() ? o : sg::BetweennessOptions{});
          if (!root()) continue;
          const auto want = sg::betweenness_centrality(k.csr, o);
          SCOPED_TRACE(k.name + (weighted ? " weighted" : "") + " samples " +
                       std::to_string(samples) + (normalized ? " normalized" : ""));
          ASSERT_EQ(got.scores.size(), want.scores.size());
          EXPECT_EQ(got.samples, want.samples);
          EXPECT_DOUBLE_EQ(got.error_bound, want.error_bound);
          for (std::size_t v = 0; v < want.scores.size(); ++v)
            EXPECT_NEAR(got.scores[v], want.scores[v],
                        1e-9 * std::max(1.0, std::abs(want.scores[v])))
                << "node " << v;
        }
      }
    }
  }
}

// And against NetworkX itself where the oracle has the value (betweenness, BFS distances).
TEST(DistributedKernels, OracleValues) {
  for (const auto& name : oracle_names()) {
    const auto o = load_oracle(name);
    const sg::Csr c = o.csr();
    const auto bc = dist::betweenness(world(), root() ? &c : nullptr, {.normalized = true});
    dist::DistanceOptions d;
    const auto& bs = o.data.at("bfs_source");
    const std::uint32_t source = o.index.at(bs.is_string() ? bs.get<std::string>() : bs.dump());
    d.source = source;
    const auto hops = dist::distances(world(), root() ? &c : nullptr, d);
    if (!root()) continue;
    SCOPED_TRACE(name);
    const auto want = o.values("betweenness_normalized");
    for (std::size_t v = 0; v < want.size(); ++v) EXPECT_NEAR(bc.scores[v], want[v], 1e-9);
    for (const auto& [node, level] : o.data.at("bfs_distances").items())
      EXPECT_EQ(hops.dist[o.index.at(node)], level.get<double>()) << node;
  }
}

}  // namespace

int main(int argc, char** argv) {
  mpi::environment env(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  if (world().rank() != 0) {
    // One report (rank 0's); the others' failures still fail the job through their status.
    auto& listeners = ::testing::UnitTest::GetInstance()->listeners();
    delete listeners.Release(listeners.default_result_printer());
  }
  return RUN_ALL_TESTS();
}
