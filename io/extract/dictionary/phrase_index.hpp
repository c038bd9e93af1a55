// Word interning and a word-level trie for longest-phrase look-ups over token sequences.
// WordTable: word -> dense id (open addressing over the ids, heterogeneous look-up by
// std::string_view, no allocation per look-up). PhraseIndex: phrases of words -> a value, as a
// trie whose edges live in one open-addressing table keyed by (node, word id); longest()
// walks it from a token: O(k) probes for k words. Both tables grow by doubling (load <= 1/2),
// so building is amortized O(1) per word and needs no allocation per entry.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace stakegraph::io::extract::dictionary {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};

inline constexpr std::uint32_t kNoId = ~std::uint32_t{0};

class WordTable final {
 public:
  std::uint32_t intern(std::string_view w);
  std::uint32_t find(std::string_view w) const noexcept;  // kNoId when absent
  std::string_view word(std::uint32_t id) const { return words_[id]; }
  std::size_t size() const noexcept { return words_.size(); }
  std::size_t memory_bytes() const;

 private:
  void grow();
  std::vector<std::string> words_;
  std::vector<std::uint64_t> slots_;  // (hash low 32 bits << 32 | id + 1), 0 = empty
};

// uint64 key -> uint32 value, open addressing with linear probing; key ~0 is reserved.
class FlatMap64 final {
 public:
  std::uint32_t find(std::uint64_t key) const noexcept;  // kNoId when absent
  // Inserts when absent; returns the value stored for the key.
  std::uint32_t insert(std::uint64_t key, std::uint32_t value);
  std::size_t size() const noexcept { return size_; }
  std::size_t memory_bytes() const noexcept { return keys_.capacity() * 12; }

 private:
  void grow();
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> values_;
  std::size_t size_ = 0;
};

class PhraseIndex final {
 public:
  // Inserts the phrase; returns false (and keeps the old value) when it is already present.
  bool insert(std::span<const std::string> words, std::uint32_t value);
  struct Hit {
    std::size_t length = 0;
    std::uint32_t value = kNoId;
  };
  // Longest phrase equal to tokens[i, i + length).
  Hit longest(std::span<const std::string_view> tokens, std::size_t i) const;
  std::size_t phrase_count() const noexcept { return phrases_; }
  std::size_t memory_bytes() const;

 private:
  WordTable words_;
  FlatMap64 edges_;                           // (node << 32 | word) -> child node
  std::vector<std::uint32_t> values_{kNoId};  // per node; node 0 is the root
  std::size_t phrases_ = 0;
};

}  // namespace stakegraph::io::extract::dictionary
