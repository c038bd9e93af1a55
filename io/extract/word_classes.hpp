// The part-of-speech tagger's table of open word classes (data/wordnet/wordclasses.tsv, derived
// from WordNet 3.0 by io/extract/wordnet.hpp): for each single lower-case English word the
// open classes it can have -- common noun, proper noun, verb, adjective, adverb -- each with a
// weight (how often WordNet's sense-tagged corpus saw the word in that class, plus one per
// sense: larger is more usual), and a look-up that also finds the regular inflections
// ("walks", "walked", "taller") through WordNet's own suffix rules (morphy: the base form is
// looked up in the table).
//
// File format (TSV, UTF-8, sorted by word in byte order, one word a line):
//   word<TAB>classes            header line, then lines starting with '#' are comments
//   cut<TAB>n24 v171 a7         classes: n (common noun), p (proper noun: every noun sense of
//                               the word is capitalised in WordNet), v, a, r (adverb), each
//                               followed by its weight (decimal, >= 1), in the order n p v a r
// An irregular form from WordNet's exception lists ("went", "mice", "worse") has its own row
// with the class and weight of its base form.
//
// Complexity: parsing O(bytes); find() and classes() O(word length) expected (a hash index).
// Reference: G. A. Miller, "WordNet: a lexical database for English", CACM 38(11), 1995;
// the morphy rules are those of WordNet's morphy(7WN) manual page.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stakegraph::io::extract {

// The open classes of the table, in the file's order.
enum class WordClass : std::uint8_t { kNoun = 0, kProper, kVerb, kAdj, kAdv };
inline constexpr std::size_t kWordClassCount = 5;
inline constexpr char kWordClassLetters[kWordClassCount + 1] = "npvar";

// A word's weight in each class (0: the word never has that class).
struct ClassWeights {
  std::array<std::uint32_t, kWordClassCount> w{};
  std::uint32_t& operator[](WordClass c) { return w[static_cast<std::size_t>(c)]; }
  std::uint32_t operator[](WordClass c) const { return w[static_cast<std::size_t>(c)]; }
  bool empty() const {
    for (auto x : w)
      if (x) return false;
    return true;
  }
  bool operator==(const ClassWeights&) const = default;
};

// What the look-up found of a word: its weights, and for the verb class whether the word is
// the bare form (the lemma itself or an irregular form listed as a bare verb) or an
// inflection, and which suffix made an inflection ("s", "ed", "ing", "er", "est"; "" for the
// word as listed).
struct WordLookup {
  ClassWeights weights;
  bool listed = false;      // the word itself has a row
  bool bare_verb = false;   // the word as written is a listed verb (not by a suffix rule)
  std::string_view suffix;  // the suffix rule that found a class, "" if none was needed
};

class WordClassTable final {
 public:
  WordClassTable() = default;
  // Parses the TSV text (see the file comment); `file` names it in errors. Throws
  // io::ParseError naming the file and line for a missing header, a malformed row, an
  // unknown class letter, a zero or unparsable weight, or rows out of order or repeated.
  static WordClassTable parse(std::string text, const std::string& file);
  // Reads and parses `path`. Throws graph::Error naming the file when it cannot be read.
  static WordClassTable load(const std::string& path);
  // The shipped table: data/wordnet/wordclasses.tsv, found as the other data folders are
  // (io/data_dir.hpp: $STAKEGRAPH_DATA/words, else share/stakegraph/words beside the program),
  // read once on first use (thread-safe) and kept. Throws graph::Error when it is missing.
  static const WordClassTable& shipped();

  // The row of `word` (lower case), nullptr when it has none.
  const ClassWeights* find(std::string_view word) const;
  // The row of `word`, else the classes its base forms give by the morphy suffix rules (noun:
  // -s -ses -xes -zes -ches -shes -men -ies; verb: -s -ies -es -ed -ing; adjective: -er -est),
  // merged class by class (a word listed in a class keeps that class's own weight).
  WordLookup classes(std::string_view word) const;

  std::size_t size() const { return rows_.size(); }
  std::size_t bytes() const { return text_ ? text_->size() : 0; }
  const std::vector<std::pair<std::string_view, ClassWeights>>& rows() const { return rows_; }

 private:
  void build_index();
  // The file's bytes, on the heap so that the rows' views stay valid when the table moves.
  std::unique_ptr<std::string> text_;
  // Open addressing over the rows (row index + 1, 0 when empty), at most half full.
  std::vector<std::uint32_t> slots_;
  std::vector<std::pair<std::string_view, ClassWeights>> rows_;
};

// A table's TSV text (header, the comment lines given, then the rows in byte order of word).
// Rows with no class are left out. O(rows log rows).
std::string write_word_classes_tsv(std::vector<std::pair<std::string, ClassWeights>> rows,
                                   const std::vector<std::string>& comments);

}  // namespace stakegraph::io::extract
