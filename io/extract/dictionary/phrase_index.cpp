// Word interning and the phrase trie (see phrase_index.hpp).
#include "io/extract/dictionary/phrase_index.hpp"

namespace stakegraph::io::extract::dictionary {

std::uint32_t WordTable::intern(std::string_view w) {
  if (auto it = ids_.find(w); it != ids_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(words_.size());
  words_.emplace_back(w);
  ids_.emplace(std::string(w), id);
  return id;
}

std::size_t WordTable::memory_bytes() const {
  std::size_t b = words_.capacity() * sizeof(std::string);
  for (const auto& w : words_) b += 2 * (w.size() > 15 ? w.capacity() + 1 : 0);
  // Node of the hash map: the key string, the id, the hash and the link; plus the buckets.
  b += ids_.size() * (sizeof(std::string) + 8 + 2 * sizeof(void*)) +
       ids_.bucket_count() * sizeof(void*);
  return b;
}

bool PhraseIndex::insert(std::span<const std::string> words, std::uint32_t value) {
  if (words.empty()) return false;
  std::uint32_t node = 0;
  for (const std::string& w : words) {
    const std::uint64_t key = (std::uint64_t{node} << 32) | words_.intern(w);
    auto it = edges_.find(key);
    if (it == edges_.end()) {
      const auto child = static_cast<std::uint32_t>(values_.size());
      values_.push_back(kNoId);
      it = edges_.emplace(key, child).first;
    }
    node = it->second;
  }
  if (values_[node] != kNoId) return false;
  values_[node] = value;
  ++phrases_;
  return true;
}

PhraseIndex::Hit PhraseIndex::longest(std::span<const std::string_view> tokens,
                                      std::size_t i) const {
  Hit best;
  std::uint32_t node = 0;
  for (std::size_t j = i; j < tokens.size(); ++j) {
    const std::uint32_t w = words_.find(tokens[j]);
    if (w == kNoId) break;
    auto it = edges_.find((std::uint64_t{node} << 32) | w);
    if (it == edges_.end()) break;
    node = it->second;
    if (values_[node] != kNoId) best = {j - i + 1, values_[node]};
  }
  return best;
}

std::size_t PhraseIndex::memory_bytes() const {
  return words_.memory_bytes() + values_.capacity() * sizeof(std::uint32_t) +
         edges_.size() * (16 + 2 * sizeof(void*)) + edges_.bucket_count() * sizeof(void*);
}

}  // namespace stakegraph::io::extract::dictionary
