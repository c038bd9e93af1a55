// Builds a VerbDictionary from parsed parts; shared by the PETRARCH-format reader (verbs.cpp)
// and the derived-TSV reader (derived.cpp). Internal to io/extract/dictionary.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/extract/dictionary/dictionary.hpp"

namespace stakegraph::io::extract::dictionary {

class VerbBuilder final {
 public:
  VerbBuilder(VerbDictionary& d, std::string file, const ReadOptions& options)
      : d_(d), file_(std::move(file)), options_(options) {}

  // A new synset "&NAME" (members added next); an existing name is an error.
  void begin_synset(std::string_view name, std::uint64_t line);
  // A member of the current synset: lowercase words, or "&OTHER" to copy another synset.
  void add_synset_member(const std::vector<std::string>& words, std::uint64_t line);
  std::uint32_t block(std::string_view name, std::string_view code, std::uint64_t line);
  void add_form(std::uint32_t block, std::string_view code, std::string_view lemma,
                const std::vector<std::string>& front, const std::string& head,
                const std::vector<std::string>& back, std::uint64_t line);
  // "pre * post" as written (without "- " and without the code). Throws for a malformed
  // pattern; an undefined synset is an error (lenient: the pattern is skipped, warned).
  // `source_line` (default: `line`) is kept as Pattern::line: the derived format keeps the
  // line of the PETRARCH file the pattern came from.
  void add_pattern(std::uint32_t block, std::string_view code, std::string_view text,
                   std::uint64_t line, std::uint64_t source_line = 0);
  void add_transform(std::string_view text) { d_.transforms_.emplace_back(text); }
  // Indexes the inflections of stem words; call once at the end.
  void finish();

  [[noreturn]] void fail(std::uint64_t line, const std::string& what) const;
  void warn(std::uint64_t line, const std::string& what) {
    d_.warnings_.push_back({file_, line, what});
  }
  static bool valid_code(std::string_view code) noexcept;

 private:
  VerbDictionary& d_;
  std::string file_;
  ReadOptions options_;
  std::uint32_t synset_ = kNoId;
};

}  // namespace stakegraph::io::extract::dictionary
