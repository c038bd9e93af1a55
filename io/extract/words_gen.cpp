// The word-list compiler (see words_gen.hpp).
#include "io/extract/words_gen.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "graph/error.hpp"
#include "io/error.hpp"

namespace stakegraph::io::extract {
namespace {

enum class Column { kWord, kWords, kKinds, kRelation, kPlural };

constexpr std::size_t kMaxKinds = 3;  // std::array<graph::Kind, 3> in the rules

struct Row {
  std::size_t line = 0;
  std::vector<std::string> cells;
};

struct List {
  std::string file;
  std::string camel;  // "LocativePreps"
  bool table = false;
  std::vector<std::string> columns;
  std::vector<Column> types;
  std::vector<Row> rows;  // a .txt list: one cell a row
};

// Joins the pieces of a message (appended one by one: GCC 12 warns, a false positive of
// -Wrestrict, on "..." + std::string).
std::string cat(std::initializer_list<std::string_view> pieces) {
  std::string s;
  for (std::string_view p : pieces) s += p;
  return s;
}

[[noreturn]] void fail(const std::string& file, std::size_t line, const std::string& what) {
  throw ParseError(file, line, 0, what);
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// "locative_preps" -> "LocativePreps".
std::string camel_case(std::string_view snake) {
  std::string out;
  bool up = true;
  for (char c : snake) {
    if (c == '_') {
      up = true;
    } else {
      out.push_back(up && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
      up = false;
    }
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Checks one entry or cell: `what` names it in errors ("entry", "column 'kinds'").
void check_text(const std::string& file, std::size_t line, std::string_view s,
                const std::string& what, bool lower_case, bool spaces) {
  const std::string quoted = cat({"'", s, "'"});
  if (s.empty()) fail(file, line, cat({"empty ", what}));
  if (is_blank(s.front()) || is_blank(s.back()))
    fail(file, line, cat({"leading or trailing blank in ", what, " ", quoted}));
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) fail(file, line, cat({"control character in ", what, " ", quoted}));
    if (c == ' ' && !spaces) fail(file, line, cat({"blank inside ", what, " ", quoted}));
  }
  if (s.find("  ") != std::string_view::npos)
    fail(file, line, cat({"two blanks in a row in ", what, " ", quoted}));
  if (lower_case && std::any_of(s.begin(), s.end(), is_upper))
    fail(file, line,
         cat({"upper case in ", what, " ", quoted,
              " (the lists are lower case: the extractor compares folded words)"}));
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t b = 0;
  for (std::size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(s.substr(b, i - b));
      b = i + 1;
    }
  return out;
}

Column column_type(std::string_view name) {
  if (name == "kinds") return Column::kKinds;
  if (name == "relation") return Column::kRelation;
  if (name == "plural") return Column::kPlural;
  if (name == "words") return Column::kWords;
  return Column::kWord;
}

void check_cell(const List& l, std::size_t line, std::size_t col, const std::string& cell) {
  const std::string what = cat({"column '", l.columns[col], "'"});
  switch (l.types[col]) {
    case Column::kWord:
      check_text(l.file, line, cell, what, true, false);
      break;
    case Column::kWords:
      check_text(l.file, line, cell, what, true, true);
      break;
    case Column::kKinds: {
      check_text(l.file, line, cell, what, true, true);
      const auto kinds = split(cell, ' ');
      if (kinds.size() > kMaxKinds)
        fail(l.file, line, cat({what, ": more than ", std::to_string(kMaxKinds), " kinds"}));
      for (std::size_t i = 0; i < kinds.size(); ++i) {
        if (!std::all_of(kinds[i].begin(), kinds[i].end(), is_name_char))
          fail(l.file, line, cat({what, ": '", kinds[i], "' is no kind name"}));
        if (std::find(kinds.begin(), kinds.begin() + static_cast<std::ptrdiff_t>(i), kinds[i]) !=
            kinds.begin() + static_cast<std::ptrdiff_t>(i))
          fail(l.file, line, cat({what, ": kind '", kinds[i], "' twice"}));
      }
      break;
    }
    case Column::kRelation:
      check_text(l.file, line, cell, what, false, false);
      if (!std::all_of(cell.begin(), cell.end(),
                       [](char c) { return is_name_char(c) || is_upper(c); }))
        fail(l.file, line, cat({what, ": '", cell, "' is no relation name"}));
      break;
    case Column::kPlural:
      if (cell != "yes" && cell != "no")
        fail(l.file, line, cat({what, ": '", cell, "' is neither yes nor no"}));
      break;
  }
}

std::string read_file(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) fail(file, 0, "cannot read the file");
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) fail(file, 0, "cannot read the file");
  return s.str();
}

List parse(const std::string& file) {
  List l;
  l.file = file;
  const std::filesystem::path p(file);
  const std::string ext = p.extension().string();
  const std::string stem = p.stem().string();
  if ((ext != ".txt" && ext != ".tsv") || stem.empty() || !(stem[0] >= 'a' && stem[0] <= 'z') ||
      !std::all_of(stem.begin(), stem.end(), is_name_char))
    throw graph::InvalidArgument(
        cat({file, ": a word list is named lower_case_name.txt or lower_case_name.tsv"}));
  l.camel = camel_case(stem);
  l.table = ext == ".tsv";

  const std::string text = read_file(file);
  std::vector<std::string> lines = split(text, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();  // the last line's newline
  if (lines.empty() || lines[0].empty() || lines[0][0] != '#')
    fail(file, 1, "no header comment (a first line '# what the list is for')");
  std::unordered_map<std::string, std::size_t> seen;  // key -> line
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::size_t line = i + 1;
    const std::string& s = lines[i];
    if (!s.empty() && s[0] == '#') continue;
    if (!l.table) {
      check_text(file, line, s, "entry", true, true);
    } else if (l.columns.empty()) {
      l.columns = split(s, '\t');
      for (const auto& c : l.columns) {
        if (c.empty() || !std::all_of(c.begin(), c.end(), is_name_char) ||
            !(c[0] >= 'a' && c[0] <= 'z'))
          fail(file, line,
               cat({"column name '", c, "' (the header names the columns: lower_case)"}));
        if (std::count(l.columns.begin(), l.columns.end(), c) > 1)
          fail(file, line, cat({"column '", c, "' named twice"}));
        l.types.push_back(column_type(c));
      }
      continue;
    }
    Row row{line, l.table ? split(s, '\t') : std::vector<std::string>{s}};
    if (l.table) {
      if (row.cells.size() != l.columns.size())
        fail(file, line,
             cat({std::to_string(row.cells.size()), " columns, the header names ",
                  std::to_string(l.columns.size())}));
      for (std::size_t c = 0; c < row.cells.size(); ++c) check_cell(l, line, c, row.cells[c]);
    }
    const auto [at, fresh] = seen.emplace(row.cells[0], line);
    if (!fresh)
      fail(file, line,
           cat({"duplicate entry '", row.cells[0], "' (first on line ", std::to_string(at->second),
                ")"}));
    l.rows.push_back(std::move(row));
  }
  if (l.table && l.columns.empty()) fail(file, lines.size(), "no line naming the columns");
  if (l.rows.empty()) fail(file, lines.size(), "no entries");
  return l;
}

// A C++ string literal of `s` (UTF-8 passes through).
std::string literal(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

std::string enumerator(std::string_view type, std::string_view name) {
  return cat({"graph::", type, "::k", camel_case(lower(name))});
}

void write_list(const List& l, std::ostringstream& o) {
  o << "// " << l.file << "\n";
  o << "inline constexpr std::string_view k" << l.camel << "[] = {\n";
  for (const Row& r : l.rows) o << "    " << literal(r.cells[0]) << ",\n";
  o << "};\n\n";
}

// `out_line` counts the lines written so far: after the rows' `#line`s, one restores the
// generated file's own numbering.
void write_table(const List& l, std::ostringstream& o, const std::string& output_name,
                 std::size_t& out_line) {
  std::vector<std::size_t> words_size(l.columns.size(), 0);
  for (const Row& r : l.rows)
    for (std::size_t c = 0; c < r.cells.size(); ++c)
      if (l.types[c] == Column::kWords)
        words_size[c] = std::max(words_size[c], split(r.cells[c], ' ').size());
  const std::string row_type = l.camel + "Row";
  o << "// " << l.file << "\n";
  o << "struct " << row_type << " {\n";
  for (std::size_t c = 0; c < l.columns.size(); ++c) {
    switch (l.types[c]) {
      case Column::kWord:
        o << "  std::string_view ";
        break;
      case Column::kWords:
        o << "  std::array<std::string_view, " << words_size[c] << "> ";
        break;
      case Column::kKinds:
        o << "  std::array<graph::Kind, " << kMaxKinds << "> ";
        break;
      case Column::kRelation:
        o << "  graph::Relation ";
        break;
      case Column::kPlural:
        o << "  bool ";
        break;
    }
    o << l.columns[c] << ";\n";
  }
  o << "};\n";
  o << "inline constexpr " << row_type << " k" << l.camel << "[] = {\n";
  out_line += l.columns.size() + 4;
  for (const Row& r : l.rows) {
    o << "#line " << r.line << " " << literal(l.file) << "\n    {";
    for (std::size_t c = 0; c < r.cells.size(); ++c) {
      if (c > 0) o << ", ";
      const std::string& cell = r.cells[c];
      switch (l.types[c]) {
        case Column::kWord:
          o << literal(cell);
          break;
        case Column::kWords: {
          auto words = split(cell, ' ');
          words.resize(words_size[c]);
          o << "{";
          for (std::size_t w = 0; w < words.size(); ++w) o << (w ? ", " : "") << literal(words[w]);
          o << "}";
          break;
        }
        case Column::kKinds: {
          auto kinds = split(cell, ' ');
          kinds.resize(kMaxKinds, kinds.back());
          o << "{";
          for (std::size_t k = 0; k < kinds.size(); ++k)
            o << (k ? ", " : "") << enumerator("Kind", kinds[k]);
          o << "}";
          break;
        }
        case Column::kRelation:
          o << enumerator("Relation", cell);
          break;
        case Column::kPlural:
          o << (cell == "yes" ? "true" : "false");
          break;
      }
    }
    o << "},\n";
    out_line += 2;
  }
  out_line += 2;  // the #line below and the line after it
  o << "#line " << out_line << " " << literal(output_name) << "\n";
  o << "};\n\n";
  out_line += 1;
}

}  // namespace

WordDataResult compile_word_data(const WordDataOptions& options) {
  std::vector<List> lists;
  std::unordered_set<std::string> names;
  for (const auto& f : options.files) {
    lists.push_back(parse(f));
    if (!names.insert(lists.back().camel).second)
      throw graph::InvalidArgument(cat({f, ": a second list named k", lists.back().camel}));
  }
  WordDataResult result;
  std::ostringstream o;
  const std::string head =
      "// Generated by stakegraph_words_gen (io/extract/words_gen.hpp) from the word lists in\n"
      "// data/words/: do not edit, edit the lists. io/extract/words.hpp declares them.\n"
      "#pragma once\n"
      "\n"
      "#include <array>\n"
      "#include <string_view>\n"
      "\n"
      "#include \"graph/ontology.hpp\"\n"
      "\n"
      "namespace stakegraph::io::extract::word_data {\n"
      "\n";
  o << head;
  std::size_t out_line = static_cast<std::size_t>(std::count(head.begin(), head.end(), '\n'));
  for (const List& l : lists) {
    if (l.table) {
      write_table(l, o, options.output_name, out_line);
    } else {
      write_list(l, o);
      out_line += l.rows.size() + 4;
    }
    ++result.lists;
    result.entries += l.rows.size();
  }
  o << "}  // namespace stakegraph::io::extract::word_data\n";
  result.header = o.str();
  return result;
}

}  // namespace stakegraph::io::extract
