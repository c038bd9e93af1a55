#include "graph/cluster.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "graph/camps.hpp"
#include "graph/communities.hpp"
#include "graph/error.hpp"

namespace stakegraph::graph {
namespace {

constexpr std::array<std::pair<ClusterMethod, std::string_view>, 5> kMethodNames{{
    {ClusterMethod::kComponents, "components"},
    {ClusterMethod::kStrongComponents, "strong-components"},
    {ClusterMethod::kLouvain, "louvain"},
    {ClusterMethod::kLabelPropagation, "label-propagation"},
    {ClusterMethod::kCamps, "camps"},
}};

}  // namespace

std::string_view cluster_method_name(ClusterMethod m) noexcept {
  for (const auto& [method, name] : kMethodNames)
    if (method == m) return name;
  return "";
}

std::optional<ClusterMethod> parse_cluster_method(std::string_view name) noexcept {
  for (const auto& [method, n] : kMethodNames)
    if (n == name) return method;
  return std::nullopt;
}

bool cluster_method_adds_weights(ClusterMethod m) noexcept {
  return m != ClusterMethod::kComponents && m != ClusterMethod::kStrongComponents;
}

ClusterResult cluster(const Csr& undirected, const std::function<const Csr&()>& directed,
                      const ClusterOptions& o) {
  ClusterResult out;
  switch (o.method) {
    case ClusterMethod::kComponents:
    case ClusterMethod::kStrongComponents: {
      ComponentsResult r;
      if (o.method == ClusterMethod::kStrongComponents)
        r = strong_components(directed());
      else
        r = o.components ? o.components(undirected) : connected_components(undirected);
      out.membership = std::move(r.membership);
      out.count = r.count;
      break;
    }
    case ClusterMethod::kLouvain: {
      LouvainOptions lo{.resolution = o.resolution, .seed = o.seed, .restarts = o.restarts};
      lo.progress = o.progress;
      CommunityResult r = louvain(undirected, lo);
      out.membership = std::move(r.membership);
      out.count = r.count;
      out.seed = r.seed;
      out.levels = r.levels;
      break;
    }
    case ClusterMethod::kLabelPropagation: {
      CommunityResult r = label_propagation(undirected, {.seed = o.seed});
      out.membership = std::move(r.membership);
      out.count = r.count;
      out.iterations = r.iterations;
      break;
    }
    case ClusterMethod::kCamps:
      throw InvalidArgument("camps need the signed graph: call cluster on the graph");
  }
  out.modularity = modularity(undirected, out.membership, o.resolution);
  return out;
}

ClusterResult cluster(const Graph& g, const ClusterOptions& o) {
  const bool weighted = o.source != WeightSource::kNone;
  if (cluster_method_adds_weights(o.method))
    require_positive_weights(g, o.source, true, cluster_method_name(o.method));
  const Csr undirected = build_csr(g, {.weighted = weighted, .source = o.source});
  if (o.method != ClusterMethod::kCamps) {
    std::optional<Csr> directed;
    return cluster(
        undirected,
        [&]() -> const Csr& {
          if (!directed) directed = build_csr(g, {.directed = true});
          return *directed;
        },
        o);
  }
  const SignedGraph s = build_signed(g, {.weighted = weighted, .source = o.source});
  CampsResult r = camps(s, {.seed = o.seed, .restarts = std::max(8, o.restarts)});
  ClusterResult out;
  out.membership = std::move(r.membership);
  out.count = r.count;
  out.is_signed = true;
  out.frustration = r.frustration;
  out.optimal = r.exact;
  out.signed_ties = s.targets.size() / 2;
  out.modularity = modularity(undirected, out.membership, o.resolution);
  return out;
}

}  // namespace stakegraph::graph
