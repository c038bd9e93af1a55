#include "graph/components.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

#include "graph/error.hpp"

namespace stakegraph::graph {
namespace {

constexpr std::uint32_t kUnset = std::numeric_limits<std::uint32_t>::max();

// Breadth-first labelling of the parts of `g` in which consecutive nodes satisfy `same`.
// Labels are the order in which roots are found (increasing smallest node index).
template <class Same>
std::uint32_t bfs_label(const Csr& g, std::vector<std::uint32_t>& label, Same same) {
  label.assign(g.n, kUnset);
  std::vector<std::uint32_t> queue(g.n);
  std::uint32_t next = 0;
  const bool both = g.directed;
  for (std::uint32_t root = 0; root < g.n; ++root) {
    if (label[root] != kUnset) continue;
    std::size_t head = 0, tail = 0;
    queue[tail++] = root;
    label[root] = next;
    while (head < tail) {
      const std::uint32_t v = queue[head++];
      for (std::uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
        const std::uint32_t u = g.targets[i];
        if (label[u] == kUnset && same(v, u)) {
          label[u] = next;
          queue[tail++] = u;
        }
      }
      if (both) {
        for (std::uint64_t i = g.in_offsets[v]; i < g.in_offsets[v + 1]; ++i) {
          const std::uint32_t u = g.in_sources[i];
          if (label[u] == kUnset && same(v, u)) {
            label[u] = next;
            queue[tail++] = u;
          }
        }
      }
    }
    ++next;
  }
  return next;
}

}  // namespace

std::uint32_t relabel_by_size(std::vector<std::uint32_t>& membership) {
  const std::size_t n = membership.size();
  std::vector<std::uint32_t> size(n, 0), first(n, kUnset);
  for (std::size_t v = 0; v < n; ++v) {
    const std::uint32_t c = membership[v];
    if (c >= n) throw InvalidArgument("relabel_by_size: label out of range");
    if (size[c]++ == 0) first[c] = static_cast<std::uint32_t>(v);
  }
  std::vector<std::uint32_t> used;
  for (std::uint32_t c = 0; c < n; ++c)
    if (size[c] > 0) used.push_back(c);
  std::sort(used.begin(), used.end(), [&](std::uint32_t a, std::uint32_t b) {
    return size[a] != size[b] ? size[a] > size[b] : first[a] < first[b];
  });
  std::vector<std::uint32_t> id(n, kUnset);
  for (std::uint32_t k = 0; k < used.size(); ++k) id[used[k]] = k;
  for (auto& c : membership) c = id[c];
  return static_cast<std::uint32_t>(used.size());
}

ComponentsResult connected_components(const Csr& g) {
  ComponentsResult r;
  bfs_label(g, r.membership, [](std::uint32_t, std::uint32_t) { return true; });
  r.count = relabel_by_size(r.membership);
  return r;
}

std::uint32_t split_disconnected(const Csr& g, std::vector<std::uint32_t>& membership) {
  if (membership.size() != g.n)
    throw InvalidArgument("split_disconnected: membership has " +
                          std::to_string(membership.size()) + " entries for " +
                          std::to_string(g.n) + " nodes");
  std::vector<std::uint32_t> label;
  bfs_label(g, label,
            [&](std::uint32_t v, std::uint32_t u) { return membership[v] == membership[u]; });
  membership = std::move(label);
  return relabel_by_size(membership);
}

ComponentsResult strong_components(const Csr& g) {
  if (!g.directed) throw InvalidArgument("strong components need a directed graph view");
  const std::uint32_t n = g.n;
  ComponentsResult r;
  r.membership.assign(n, kUnset);
  std::vector<std::uint32_t> index(n, kUnset), low(n, 0);
  std::vector<std::uint32_t> stack;       // Tarjan's node stack
  std::vector<std::uint64_t> frame_edge;  // DFS call stack: next edge to scan
  std::vector<std::uint32_t> frame_node;
  stack.reserve(n);
  std::uint32_t counter = 0, next = 0;
  for (std::uint32_t root = 0; root < n; ++root) {
    if (index[root] != kUnset) continue;
    index[root] = low[root] = counter++;
    stack.push_back(root);
    frame_node.push_back(root);
    frame_edge.push_back(g.offsets[root]);
    while (!frame_node.empty()) {
      const std::uint32_t v = frame_node.back();
      std::uint64_t& i = frame_edge.back();
      if (i < g.offsets[v + 1]) {
        const std::uint32_t u = g.targets[i++];
        if (index[u] == kUnset) {
          index[u] = low[u] = counter++;
          stack.push_back(u);
          frame_node.push_back(u);
          frame_edge.push_back(g.offsets[u]);
        } else if (r.membership[u] == kUnset) {  // on the stack
          low[v] = std::min(low[v], index[u]);
        }
        continue;
      }
      if (low[v] == index[v]) {
        std::uint32_t u;
        do {
          u = stack.back();
          stack.pop_back();
          r.membership[u] = next;
        } while (u != v);
        ++next;
      }
      frame_node.pop_back();
      frame_edge.pop_back();
      if (!frame_node.empty()) {
        const std::uint32_t parent = frame_node.back();
        low[parent] = std::min(low[parent], low[v]);
      }
    }
  }
  r.count = relabel_by_size(r.membership);
  return r;
}

std::vector<std::vector<std::uint32_t>> cluster_members(
    const std::vector<std::uint32_t>& membership, std::uint32_t count) {
  std::vector<std::vector<std::uint32_t>> out(count);
  for (std::uint32_t v = 0; v < membership.size(); ++v) {
    if (membership[v] >= count) throw InvalidArgument("cluster_members: label out of range");
    out[membership[v]].push_back(v);
  }
  return out;
}

}  // namespace stakegraph::graph
