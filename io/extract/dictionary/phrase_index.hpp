// Word interning and a word-level trie for longest-phrase look-ups over token sequences.
// WordTable: word -> dense id (heterogeneous look-up by std::string_view, no allocation).
// PhraseIndex: phrases of words -> a value, stored as a trie whose edges live in one hash map
// keyed by (node, word id); longest() walks it from a token: O(k) look-ups for k words.
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
  std::uint32_t find(std::string_view w) const noexcept {  // kNoId when absent
    auto it = ids_.find(w);
    return it == ids_.end() ? kNoId : it->second;
  }
  std::string_view word(std::uint32_t id) const { return words_[id]; }
  std::size_t size() const noexcept { return words_.size(); }
  std::size_t memory_bytes() const;

 private:
  std::vector<std::string> words_;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> ids_;
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
  std::unordered_map<std::uint64_t, std::uint32_t> edges_;  // (node << 32 | word) -> node
  std::vector<std::uint32_t> values_{kNoId};                // per node; node 0 is the root
  std::size_t phrases_ = 0;
};

}  // namespace stakegraph::io::extract::dictionary
