// Word interning, the flat hash map and the phrase trie (see phrase_index.hpp).
#include "io/extract/dictionary/phrase_index.hpp"

namespace stakegraph::io::extract::dictionary {

namespace {

std::uint64_t mix(std::uint64_t x) noexcept {  // splitmix64 finalizer
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

std::uint64_t hash_word(std::string_view w) noexcept {
  std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a, then mixed
  for (unsigned char c : w) h = (h ^ c) * 0x100000001b3ull;
  return mix(h);
}

}  // namespace

// ---- WordTable ------------------------------------------------------------------------------

std::uint32_t WordTable::find(std::string_view w) const noexcept {
  if (slots_.empty()) return kNoId;
  const std::uint64_t tag = hash_word(w) & 0xffffffffu;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = tag & mask;; i = (i + 1) & mask) {
    const std::uint64_t s = slots_[i];
    if (s == 0) return kNoId;
    if ((s >> 32) == tag) {
      const auto id = static_cast<std::uint32_t>(s) - 1;
      if (words_[id] == w) return id;
    }
  }
}

void WordTable::grow() {
  std::vector<std::uint64_t> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, 0);
  const std::size_t mask = slots_.size() - 1;
  for (std::uint64_t s : old) {
    if (s == 0) continue;
    std::size_t i = (s >> 32) & mask;  // the slot keeps the hash's low 32 bits
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

std::uint32_t WordTable::intern(std::string_view w) {
  if (const std::uint32_t id = find(w); id != kNoId) return id;
  if ((words_.size() + 1) * 2 > slots_.size()) grow();
  const auto id = static_cast<std::uint32_t>(words_.size());
  words_.emplace_back(w);
  const std::uint64_t tag = hash_word(w) & 0xffffffffu;
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = tag & mask;
  while (slots_[i] != 0) i = (i + 1) & mask;
  slots_[i] = (tag << 32) | (std::uint64_t{id} + 1);
  return id;
}

std::size_t WordTable::memory_bytes() const {
  std::size_t b = words_.capacity() * sizeof(std::string) + slots_.capacity() * 8;
  for (const auto& w : words_) b += w.size() > 15 ? w.capacity() + 1 : 0;
  return b;
}

// ---- FlatMap64 ------------------------------------------------------------------------------

std::uint32_t FlatMap64::find(std::uint64_t key) const noexcept {
  if (keys_.empty()) return kNoId;
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t i = mix(key) & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) return values_[i];
    if (keys_[i] == ~std::uint64_t{0}) return kNoId;
  }
}

void FlatMap64::grow() {
  std::vector<std::uint64_t> old_keys = std::move(keys_);
  std::vector<std::uint32_t> old_values = std::move(values_);
  const std::size_t n = old_keys.empty() ? 64 : old_keys.size() * 2;
  keys_.assign(n, ~std::uint64_t{0});
  values_.assign(n, kNoId);
  for (std::size_t k = 0; k < old_keys.size(); ++k) {
    if (old_keys[k] == ~std::uint64_t{0}) continue;
    std::size_t i = mix(old_keys[k]) & (n - 1);
    while (keys_[i] != ~std::uint64_t{0}) i = (i + 1) & (n - 1);
    keys_[i] = old_keys[k];
    values_[i] = old_values[k];
  }
}

std::uint32_t FlatMap64::insert(std::uint64_t key, std::uint32_t value) {
  if ((size_ + 1) * 2 > keys_.size()) grow();
  const std::size_t mask = keys_.size() - 1;
  std::size_t i = mix(key) & mask;
  for (; keys_[i] != ~std::uint64_t{0}; i = (i + 1) & mask)
    if (keys_[i] == key) return values_[i];
  keys_[i] = key;
  values_[i] = value;
  ++size_;
  return value;
}

// ---- PhraseIndex ----------------------------------------------------------------------------

bool PhraseIndex::insert(std::span<const std::string> words, std::uint32_t value) {
  if (words.empty()) return false;
  std::uint32_t node = 0;
  for (const std::string& w : words) {
    const std::uint64_t key = (std::uint64_t{node} << 32) | words_.intern(w);
    const auto next = static_cast<std::uint32_t>(values_.size());
    node = edges_.insert(key, next);
    if (node == next) values_.push_back(kNoId);
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
    node = edges_.find((std::uint64_t{node} << 32) | w);
    if (node == kNoId) break;
    if (values_[node] != kNoId) best = {j - i + 1, values_[node]};
  }
  return best;
}

std::size_t PhraseIndex::memory_bytes() const {
  return words_.memory_bytes() + values_.capacity() * sizeof(std::uint32_t) + edges_.memory_bytes();
}

}  // namespace stakegraph::io::extract::dictionary
