#include "io/extract/word_classes.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <mutex>

#include "graph/error.hpp"
#include "io/data_dir.hpp"
#include "io/error.hpp"

namespace stakegraph::io::extract {
namespace {

constexpr std::string_view kHeader = "word\tclasses";

int class_index(char c) {
  for (std::size_t i = 0; i < kWordClassCount; ++i)
    if (kWordClassLetters[i] == c) return static_cast<int>(i);
  return -1;
}

bool ends_with(std::string_view s, std::string_view suf) {
  return s.size() > suf.size() && s.substr(s.size() - suf.size()) == suf;
}

struct Rule {
  WordClass cls;
  std::string_view suffix, ending;
};
// morphy(7WN)'s detachment rules, in its order.
constexpr Rule kRules[] = {
    {WordClass::kNoun, "s", ""},      {WordClass::kNoun, "ses", "s"},
    {WordClass::kNoun, "xes", "x"},   {WordClass::kNoun, "zes", "z"},
    {WordClass::kNoun, "ches", "ch"}, {WordClass::kNoun, "shes", "sh"},
    {WordClass::kNoun, "men", "man"}, {WordClass::kNoun, "ies", "y"},
    {WordClass::kVerb, "s", ""},      {WordClass::kVerb, "ies", "y"},
    {WordClass::kVerb, "es", "e"},    {WordClass::kVerb, "es", ""},
    {WordClass::kVerb, "ed", "e"},    {WordClass::kVerb, "ed", ""},
    {WordClass::kVerb, "ing", "e"},   {WordClass::kVerb, "ing", ""},
    {WordClass::kAdj, "er", ""},      {WordClass::kAdj, "est", ""},
    {WordClass::kAdj, "er", "e"},     {WordClass::kAdj, "est", "e"},
};

}  // namespace

WordClassTable WordClassTable::parse(std::string text, const std::string& file) {
  WordClassTable t;
  t.text_ = std::make_unique<std::string>(std::move(text));
  const std::string_view all = *t.text_;
  std::size_t pos = 0;
  std::uint64_t line_no = 0;
  bool header = false;
  while (pos < all.size()) {
    std::size_t nl = all.find('\n', pos);
    if (nl == std::string_view::npos) nl = all.size();
    std::string_view line = all.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!header) {
      if (line != kHeader)
        throw ParseError(file, line_no, 1, "expected the header line 'word<TAB>classes'");
      header = true;
      continue;
    }
    if (line.empty() || line.front() == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0)
      throw ParseError(file, line_no, 1, "expected 'word<TAB>classes'");
    const std::string_view word = line.substr(0, tab);
    ClassWeights cw;
    std::string_view rest = line.substr(tab + 1);
    std::size_t col = tab + 2;
    int last = -1;
    while (!rest.empty()) {
      const std::size_t sp = rest.find(' ');
      const std::string_view item = rest.substr(0, sp);
      const int c = item.empty() ? -1 : class_index(item.front());
      if (c < 0) throw ParseError(file, line_no, col, "expected a class letter (n, p, v, a, r)");
      if (c <= last)
        throw ParseError(file, line_no, col, "classes repeated or out of the order n p v a r");
      last = c;
      std::uint32_t w = 0;
      const char* b = item.data() + 1;
      const char* e = item.data() + item.size();
      const auto [ptr, ec] = std::from_chars(b, e, w);
      if (ec != std::errc() || ptr != e || w == 0)
        throw ParseError(file, line_no, col, "expected a positive weight after the class letter");
      cw.w[static_cast<std::size_t>(c)] = w;
      if (sp == std::string_view::npos) break;
      rest.remove_prefix(sp + 1);
      col += sp + 1;
    }
    if (cw.empty()) throw ParseError(file, line_no, tab + 2, "no class");
    if (!t.rows_.empty() && !(t.rows_.back().first < word))
      throw ParseError(file, line_no, 1, "word repeated or out of byte order");
    t.rows_.emplace_back(word, cw);
  }
  if (!header) throw ParseError(file, 1, 1, "empty file: expected the header line");
  t.build_index();
  return t;
}

WordClassTable WordClassTable::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw graph::Error(path + ": cannot open");
  const std::streamoff size = in.tellg();
  if (size < 0) throw graph::Error(path + ": cannot read");
  std::string text(static_cast<std::size_t>(size), '\0');  // one buffer, no copies
  in.seekg(0);
  if (!in.read(text.data(), size)) throw graph::Error(path + ": cannot read");
  return parse(std::move(text), path);
}

const WordClassTable& WordClassTable::shipped() {
  static std::once_flag once;
  static std::unique_ptr<WordClassTable> table;
  std::call_once(once, [] {
    const std::string dir = find_data_dir("wordnet");
    if (dir.empty())
      throw graph::Error(
          "word classes: no data/wordnet directory found (set STAKEGRAPH_DATA to the data "
          "directory)");
    table = std::make_unique<WordClassTable>(load(dir + "/wordclasses.tsv"));
  });
  return *table;
}

namespace {
std::uint64_t word_hash(std::string_view w) {
  std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a
  for (unsigned char c : w) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}
}  // namespace

void WordClassTable::build_index() {
  std::size_t capacity = 16;
  while (capacity < 2 * rows_.size()) capacity *= 2;
  slots_.assign(capacity, 0);
  const std::size_t mask = capacity - 1;
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    std::size_t i = word_hash(rows_[r].first) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = static_cast<std::uint32_t>(r + 1);
  }
}

const ClassWeights* WordClassTable::find(std::string_view word) const {
  if (slots_.empty()) return nullptr;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = word_hash(word) & mask; slots_[i] != 0; i = (i + 1) & mask) {
    const auto& row = rows_[slots_[i] - 1];
    if (row.first == word) return &row.second;
  }
  return nullptr;
}

WordLookup WordClassTable::classes(std::string_view word) const {
  WordLookup r;
  if (const ClassWeights* own = find(word)) {
    r.weights = *own;
    r.listed = true;
    r.bare_verb = (*own)[WordClass::kVerb] > 0;
  }
  std::array<char, 64> buf;  // the base form: no allocation
  for (const Rule& rule : kRules) {
    if (r.weights[rule.cls] > 0 || !ends_with(word, rule.suffix)) continue;
    const std::size_t stem = word.size() - rule.suffix.size();
    if (stem + rule.ending.size() > buf.size()) continue;
    std::copy(word.begin(), word.begin() + static_cast<std::ptrdiff_t>(stem), buf.begin());
    std::copy(rule.ending.begin(), rule.ending.end(),
              buf.begin() + static_cast<std::ptrdiff_t>(stem));
    const ClassWeights* b = find(std::string_view(buf.data(), stem + rule.ending.size()));
    if (!b || (*b)[rule.cls] == 0) continue;
    r.weights[rule.cls] = (*b)[rule.cls];
    if (r.suffix.empty()) r.suffix = rule.suffix;
  }
  return r;
}

std::string write_word_classes_tsv(std::vector<std::pair<std::string, ClassWeights>> rows,
                                   const std::vector<std::string>& comments) {
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out(kHeader);
  out += '\n';
  for (const auto& c : comments) out += "# " + c + "\n";
  for (const auto& [word, cw] : rows) {
    if (cw.empty()) continue;
    out += word;
    char sep = '\t';
    for (std::size_t i = 0; i < kWordClassCount; ++i) {
      if (!cw.w[i]) continue;
      out += sep;
      out += kWordClassLetters[i];
      out += std::to_string(cw.w[i]);
      sep = ' ';
    }
    out += '\n';
  }
  return out;
}

}  // namespace stakegraph::io::extract
