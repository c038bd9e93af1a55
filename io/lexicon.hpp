// The extraction lexicon: the named actors the extractor recognises (governments, agencies,
// vendors, operators, media, organizations, persons), their surface forms, and the verb
// patterns of the PLOVER event types. Loaded at run time from Protobuf text files
// (proto/lexicon.proto): the shipped data/lexicon/*.textpb plus any --lexicon FILE, so adding
// a company needs no rebuild. Governments of every country come from Debian's iso-codes
// package (io/iso_codes.hpp, read at run time), under that file's canonical name (the common
// name where iso-codes gives one, else its name); the name (unless a sorting form such as
// "Bolivia, Plurinational State of"), the official name, alpha-2 and alpha-3 codes become
// lookups. The shipped data adds short names ("Russia", "Britain"),
// demonyms ("Chinese"), capital and seat metonyms ("Beijing", "Whitehall") and
// administrations ("the Trump administration").
//
// Matching: surface forms are indexed by their folded token sequence (lowercase, periods and
// a leading "the" dropped; "U.S." = "US"), so lookup of an n-gram is one hash probe. For the
// extractor's hot path the same forms (and demonyms) also form a trie over token ids: a
// token's folded text is interned once (token_id), then each further token of an n-gram is
// one integer hash probe (trie_step), and a walk stops as soon as no form has that prefix.
// Complexity: loading O(total size of the files); find() O(length of the phrase);
// token_id() O(token length); trie_step() O(1) expected.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/ontology.hpp"
#include "io/iso_codes.hpp"

namespace stakegraph::io {

struct LexiconEntry {
  std::string name;  // canonical name ("United States")
  graph::Kind kind = graph::Kind::kOrganization;
  std::vector<std::string> aliases;   // other surface forms ("US", "Washington")
  std::string part_of;                // canonical name of the parent (agencies, persons)
  std::string iso2, iso3;             // governments only
  std::vector<std::string> demonyms;  // governments only ("Chinese", "Sino")
  bool exact_case = false;            // surface must match the case of a form ("ARM", "Three")
  std::string country;                // iso3 of the home country (companies, bodies)
};

// One verb pattern of the verb lexicon (see proto/lexicon.proto, VerbPattern).
struct VerbPattern {
  graph::Relation relation = graph::Relation::kUnspecified;
  std::vector<std::string> forms;    // inflected forms of the head ("banned", "bans")
  std::vector<std::string> objects;  // when set, one of these nouns must follow the head
  std::vector<std::string> preps;    // when set, the target follows one of these words
  bool complement = false;           // "urged X to <verb> Y": X is the target, Y a stance
  bool complement_only = false;      // only with that complement ("ordered X to pay", not
                                     // "ordered the recall")
  bool reciprocal = false;           // "A and B agreed": A->B and B->A
  bool reverse = false;              // the grammatical object is the source ("lost to")
  std::string name;                  // rule name recorded on the evidence
};

struct LexiconOptions {
  bool builtin = true;                         // load the shipped data/lexicon/*.textpb
  std::string data_dir;                        // override of the shipped data directory
  std::string iso_codes_path = kIsoCodesJson;  // iso-codes JSON; "" to skip
  std::vector<std::string> extra_files;        // --lexicon FILE...
};

class Lexicon final {
 public:
  Lexicon() = default;

  // Loads iso-codes and the lexicon files. Throws graph::NotFound naming the file for a
  // missing iso-codes JSON ("install the iso-codes package") or lexicon file, and
  // io::ParseError (file, line, column) for a malformed one.
  static Lexicon load(const LexiconOptions& options = {});

  // Adds the entries and verb patterns of one Protobuf text file. Entries whose name is
  // already known extend that entry (aliases, part_of, kind); otherwise they are new.
  void add_file(const std::string& path);
  void add_text(const std::string& text, const std::string& name);
  // Adds every country of an iso-codes JSON file as a government.
  void add_iso_codes(const std::string& path);
  // Adds (or extends) one entry.
  std::size_t add_entry(const LexiconEntry& e);

  // The entry whose name or alias is `surface` (folded), or nullptr.
  const LexiconEntry* find(std::string_view surface) const;
  // As find(), for an already folded key (see fold_key()). `needs_cap`, when given, is set
  // to whether the form was written capitalised (then a lower-case surface does not match).
  const LexiconEntry* find_folded(std::string_view folded, bool* needs_cap = nullptr) const;
  // Government whose demonym is `word` ("Chinese" -> China), or nullptr.
  const LexiconEntry* find_demonym(std::string_view word) const;

  // ---- API for other importers (GDELT): one node per actor whichever source ----
  // Canonical government name for an ISO 3166 alpha-3 ("USA") or alpha-2 ("US") code,
  // case-insensitive. nullopt for an unknown code.
  std::optional<std::string> government_by_iso(std::string_view code) const;
  // Canonical name of the actor named `name` (name or alias), or nullopt.
  std::optional<std::string> canonical_name(std::string_view name) const;
  // Kind of the actor named `name` (name or alias), or nullopt.
  std::optional<graph::Kind> kind_of(std::string_view name) const;

  const std::vector<LexiconEntry>& entries() const noexcept { return entries_; }
  const std::vector<VerbPattern>& verbs() const noexcept { return verbs_; }
  // Indices of the verb patterns having `folded_form` (words joined by one space) as a form;
  // nullptr when none. O(1) expected.
  const std::vector<std::size_t>* verbs_with_form(const std::string& folded_form) const;
  std::size_t max_phrase_tokens() const noexcept { return max_tokens_; }

  // ---- token-id trie over the folded forms and demonyms (hot path of the extractor) ----
  static constexpr std::uint32_t kNoToken = 0xFFFFFFFFu;
  static constexpr std::uint32_t kTrieRoot = 0;
  // Id of a folded token occurring in some form or demonym, else kNoToken.
  std::uint32_t token_id(std::string_view folded_token) const;
  // The trie node reached from `node` by token `id`, or kTrieRoot when no form continues so.
  std::uint32_t trie_step(std::uint32_t node, std::uint32_t id) const {
    if (id == kNoToken) return kTrieRoot;
    if (node == kTrieRoot) return id < root_.size() ? root_[id] : kTrieRoot;  // most steps
    return trie_.find((static_cast<std::uint64_t>(node) << 32) | id, kTrieRoot);
  }
  // The folded tokens of the trie, indexed by token id (token_id(vocabulary()[i]) == i).
  const std::vector<std::string>& vocabulary() const noexcept { return words_; }
  // The entry whose form ends at `node` (as find_folded()), or nullptr.
  const LexiconEntry* form_at(std::uint32_t node, bool* needs_cap = nullptr) const {
    const TrieNode& n = nodes_[node];
    if (n.form < 0) return nullptr;
    if (needs_cap) *needs_cap = n.needs_cap;
    return &entries_[static_cast<std::size_t>(n.form)];
  }
  // Indices of the verb patterns whose form ends at `node` (as verbs_with_form()), or nullptr.
  const std::vector<std::size_t>* verbs_at(std::uint32_t node) const {
    const std::int32_t v = nodes_[node].verbs;
    return v < 0 ? nullptr : &verb_lists_[static_cast<std::size_t>(v)];
  }
  // The government whose demonym ends at `node` (as find_demonym()), or nullptr.
  const LexiconEntry* demonym_at(std::uint32_t node) const {
    const TrieNode& n = nodes_[node];
    return n.demonym < 0 ? nullptr : &entries_[static_cast<std::size_t>(n.demonym)];
  }

  // The key surface forms are indexed by: tokens folded (lowercase ASCII, periods and
  // apostrophe-s kept apart, "the" dropped at the start) and joined by single spaces.
  static std::string fold_key(std::string_view surface);

 private:
  void index_form(std::string_view form, std::size_t entry);

  std::vector<LexiconEntry> entries_;
  std::vector<VerbPattern> verbs_;
  struct FormRef {
    std::size_t entry;
    bool needs_cap;
  };
  std::unordered_map<std::string, FormRef> by_form_;         // folded form -> entry
  std::unordered_map<std::string, std::size_t> by_name_;     // folded canonical -> entry
  std::unordered_map<std::string, std::size_t> by_demonym_;  // lowercase demonym -> entry
  std::unordered_map<std::string, std::size_t> by_iso_;      // upper-case code -> entry
  std::size_t max_tokens_ = 1;
  std::unordered_map<std::string, std::vector<std::size_t>> verb_forms_;

  struct TrieNode {
    std::int32_t form = -1;     // entry index of the form ending here
    std::int32_t demonym = -1;  // entry index of the demonym ending here
    bool needs_cap = false;
    std::int32_t verbs = -1;  // index into verb_lists_
  };
  std::uint32_t trie_insert(std::string_view key);  // node of a folded key (created)
  // Open-addressing hash map of trie edges (node << 32 | token) -> child node: one probe
  // of a flat array, no node allocations (the extractor steps it for every token).
  class EdgeMap {
   public:
    std::uint32_t find(std::uint64_t key, std::uint32_t missing) const {
      if (keys_.empty()) return missing;
      for (std::size_t i = slot(key);; i = (i + 1) & mask_) {
        if (keys_[i] == key) return values_[i];
        if (keys_[i] == kEmpty) return missing;
      }
    }
    // Inserts key -> value unless present; returns the stored value.
    std::uint32_t emplace(std::uint64_t key, std::uint32_t value);

   private:
    static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
    std::size_t slot(std::uint64_t key) const {
      return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_) & mask_;
    }
    std::vector<std::uint64_t> keys_;
    std::vector<std::uint32_t> values_;
    std::size_t size_ = 0, mask_ = 0;
    int shift_ = 64;
  };
  std::unordered_map<std::string, std::uint32_t> vocab_;  // folded token -> id
  std::vector<std::string> words_;                        // id -> folded token
  EdgeMap trie_;                                          // (node << 32 | token) -> node
  std::vector<std::uint32_t> root_;  // token id -> child of the root (kTrieRoot: none)
  std::vector<TrieNode> nodes_ = std::vector<TrieNode>(1);
  std::vector<std::vector<std::size_t>> verb_lists_;  // copies of verb_forms_ values
};

// The directory of the shipped lexicon (io/data_dir.hpp): $STAKEGRAPH_DATA/lexicon if it
// exists, else share/stakegraph/lexicon next to the executable (<build>/share/stakegraph in a
// build tree, <prefix>/share/stakegraph once installed); "share/stakegraph/lexicon" when none.
std::string default_lexicon_dir();

}  // namespace stakegraph::io
