#include "io/extract/wordnet.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "graph/error.hpp"
#include "io/atomic_file.hpp"
#include "io/error.hpp"

namespace stakegraph::io::extract {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPosNames[4] = {"noun", "verb", "adj", "adv"};
constexpr char kPosLetters[4] = {'n', 'v', 'a', 'r'};
constexpr WordClass kPosClass[4] = {WordClass::kNoun, WordClass::kVerb, WordClass::kAdj,
                                    WordClass::kAdv};

// A file read line by line; fail() throws ParseError naming the file and the current line.
class Lines final {
 public:
  explicit Lines(const fs::path& path) : path_(path.string()), in_(path, std::ios::binary) {
    if (!in_) throw graph::Error(path_ + ": cannot open");
  }
  bool next(std::string& line) {
    if (!std::getline(in_, line)) {
      if (in_.bad()) throw graph::Error(path_ + ": cannot read");
      return false;
    }
    ++line_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
  }
  [[noreturn]] void fail(const std::string& what) const { throw ParseError(path_, line_, 0, what); }

 private:
  std::string path_;
  std::ifstream in_;
  std::uint64_t line_ = 0;
};

std::vector<std::string_view> fields(std::string_view line) {
  std::vector<std::string_view> f;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    const std::size_t b = i;
    while (i < line.size() && line[i] != ' ') ++i;
    if (i > b) f.push_back(line.substr(b, i - b));
  }
  return f;
}

bool number(std::string_view s, std::uint64_t& v, int base = 10) {
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, base);
  return ec == std::errc() && p == s.data() + s.size();
}

// Lower-case ASCII letters with single inner '-' or '\''.
bool single_word(std::string_view w) {
  if (w.empty()) return false;
  bool prev_letter = false;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') {
      prev_letter = true;
    } else if ((c == '-' || c == '\'') && prev_letter) {
      prev_letter = false;
    } else {
      return false;
    }
  }
  return prev_letter;
}

// The license header of WordNet's database files: lines that open with two spaces.
bool license_line(std::string_view line) {
  return line.size() >= 2 && line[0] == ' ' && line[1] == ' ';
}

}  // namespace

WordnetResult derive_word_classes(const WordnetOptions& o) {
  const fs::path dir(o.wordnet_dir);
  std::unordered_map<std::string, ClassWeights> table;
  std::string line;

  // index.POS: lemma pos synset_cnt p_cnt [ptr_symbol]{p_cnt} sense_cnt tagsense_cnt
  // [synset_offset]{synset_cnt}
  WordnetResult r;
  for (int p = 0; p < 4; ++p) {
    Lines in(dir / (std::string("index.") + kPosNames[p]));
    while (in.next(line)) {
      if (line.empty() || license_line(line)) continue;
      const auto f = fields(line);
      std::uint64_t synsets = 0, pointers = 0, senses = 0, tagged = 0;
      if (f.size() < 6 || !number(f[2], synsets) || !number(f[3], pointers))
        in.fail("expected 'lemma pos synset_cnt p_cnt ...'");
      if (f[1].size() != 1 || f[1][0] != kPosLetters[p])
        in.fail(std::string("expected part of speech '") + kPosLetters[p] + "'");
      if (f.size() != 6 + pointers + synsets || !number(f[4 + pointers], senses) ||
          !number(f[5 + pointers], tagged) || senses != synsets)
        in.fail("expected p_cnt pointers, sense_cnt, tagsense_cnt and synset_cnt offsets");
      for (std::size_t i = 6 + pointers; i < f.size(); ++i) {
        std::uint64_t off = 0;
        if (f[i].size() != 8 || !number(f[i], off)) in.fail("expected an 8-digit synset offset");
      }
      if (!single_word(f[0])) continue;
      table[std::string(f[0])][kPosClass[p]] += static_cast<std::uint32_t>(senses);
      ++r.lemmas[p];
    }
  }

  // cntlist.rev: sense_key sense_number tag_cnt; sense_key = lemma%ss_type:lex_filenum:...
  {
    Lines in(dir / "cntlist.rev");
    while (in.next(line)) {
      if (line.empty()) continue;
      const auto f = fields(line);
      std::uint64_t sense = 0, count = 0;
      if (f.size() != 3 || !number(f[1], sense) || !number(f[2], count))
        in.fail("expected 'sense_key sense_number tag_cnt'");
      const std::size_t pct = f[0].find('%');
      if (pct == std::string_view::npos || pct == 0 || pct + 2 >= f[0].size() ||
          f[0][pct + 2] != ':' || f[0][pct + 1] < '1' || f[0][pct + 1] > '5')
        in.fail("expected a sense key 'lemma%ss_type:...' with ss_type 1 to 5");
      const std::string lemma(f[0].substr(0, pct));
      static constexpr WordClass kByType[5] = {WordClass::kNoun, WordClass::kVerb, WordClass::kAdj,
                                               WordClass::kAdv, WordClass::kAdj};
      const WordClass c = kByType[f[0][pct + 1] - '1'];
      const auto it = table.find(lemma);
      if (it == table.end() || it->second[c] == 0) continue;  // not a single-word lemma
      it->second[c] += static_cast<std::uint32_t>(count);
    }
  }

  // data.noun: synset_offset lex_filenum ss_type w_cnt [word lex_id]{w_cnt} ...
  std::unordered_set<std::string> lower_noun, capital_noun;
  {
    Lines in(dir / "data.noun");
    std::string folded;
    while (in.next(line)) {
      if (line.empty() || license_line(line)) continue;
      const auto f = fields(line);
      std::uint64_t words = 0, pointers = 0;
      if (f.size() < 4 || !number(f[3], words, 16) || f[2] != "n" || f.size() < 5 + 2 * words ||
          f[4 + 2 * words].size() != 3 || !number(f[4 + 2 * words], pointers))
        in.fail("expected 'synset_offset lex_filenum n w_cnt [word lex_id]{w_cnt} p_cnt ...'");
      for (std::size_t i = 0; i < words; ++i) {
        const std::string_view w = f[4 + 2 * i];
        folded.assign(w);
        bool capital = false;
        for (char& c : folded)
          if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
            capital = true;
          }
        if (!single_word(folded)) continue;
        (capital ? capital_noun : lower_noun).insert(folded);
      }
    }
  }
  for (auto& [word, cw] : table) {
    if (cw[WordClass::kNoun] == 0 || !capital_noun.count(word) || lower_noun.count(word)) continue;
    cw[WordClass::kProper] = cw[WordClass::kNoun];
    cw[WordClass::kNoun] = 0;
    ++r.proper;
  }

  // POS.exc: form base... ; the bases' weights as read from the index (not from other forms).
  std::vector<std::pair<std::string, std::pair<WordClass, std::uint32_t>>> added;
  for (int p = 0; p < 4; ++p) {
    Lines in(dir / (std::string(kPosNames[p]) + ".exc"));
    while (in.next(line)) {
      if (line.empty()) continue;
      const auto f = fields(line);
      if (f.size() < 2) in.fail("expected 'form base...'");
      if (!single_word(f[0])) continue;
      for (std::size_t i = 1; i < f.size(); ++i) {
        const auto it = table.find(std::string(f[i]));
        if (it == table.end()) continue;
        WordClass c = kPosClass[p];
        std::uint32_t w = it->second[c];
        if (c == WordClass::kNoun && w == 0) {
          c = WordClass::kProper;
          w = it->second[c];
        }
        if (w == 0 || f[i] == f[0]) continue;
        added.push_back({std::string(f[0]), {c, w}});
      }
    }
  }
  std::unordered_set<std::string> irregular;
  for (const auto& [form, cw] : added) {
    table[form][cw.first] += cw.second;
    irregular.insert(form);
  }
  r.exceptions = irregular.size();

  r.rows.assign(table.begin(), table.end());
  r.tsv = write_word_classes_tsv(
      r.rows,
      {"Derived by `stakegraph dictionary wordnet` from WordNet 3.0 (index.*, cntlist.rev, "
       "data.noun, *.exc); WordNet 3.0 Copyright 2006 by Princeton University, licence in "
       "LICENSE beside this file.",
       "word<TAB>classes: n common noun, p proper noun, v verb, a adjective, r adverb; weight = "
       "SemCor tag count + number of senses."});
  std::sort(r.rows.begin(), r.rows.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  r.bytes = r.tsv.size();
  if (!o.output.empty()) {
    AtomicFile out(o.output);
    out.stream() << r.tsv;
    out.commit();
  }
  return r;
}

}  // namespace stakegraph::io::extract
