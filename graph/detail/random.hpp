// Random numbers shared by the kernels of graph/ (internal): splitmix64 (Steele, Lea and Flood,
// "Fast splittable pseudorandom number generators", OOPSLA 2014), an unbiased draw below a
// bound from it, and a Fisher-Yates shuffle driven by std::mt19937_64. Both generators are
// fully specified, so every platform gives the same numbers for a seed (tests pin results
// with fixed seeds). O(1) per number, O(n) per shuffle.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace stakegraph::graph::detail {

// The next number of the splitmix64 sequence of `state` (advanced).
inline std::uint64_t splitmix64(std::uint64_t& state) noexcept {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Uniform in [0, bound) from splitmix64, unbiased (rejection of the short last block).
// bound > 0.
inline std::uint64_t splitmix64_below(std::uint64_t& state, std::uint64_t bound) noexcept {
  const std::uint64_t threshold = (0 - bound) % bound;
  for (;;) {
    const std::uint64_t x = splitmix64(state);
    if (x >= threshold) return x % bound;
  }
}

// Fisher-Yates with mt19937_64 (rng() % i: the slight bias is part of the pinned results).
inline void shuffle(std::vector<std::uint32_t>& a, std::mt19937_64& rng) {
  for (std::size_t i = a.size(); i > 1; --i) std::swap(a[i - 1], a[rng() % i]);
}

}  // namespace stakegraph::graph::detail
