#include "io/csv.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>
#include <ostream>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/error.hpp"
#include "io/input.hpp"

namespace stakegraph::io {
namespace {

// ---- writing --------------------------------------------------------------------------------

void write_field(std::ostream& out, std::string_view s) {
  const bool quote = s.empty() || s.find_first_of(",\"\r\n") != std::string_view::npos ||
                     s.front() == ' ' || s.front() == '\t' || s.back() == ' ' || s.back() == '\t';
  if (!quote) {
    out << s;
    return;
  }
  out << '"';
  for (char c : s) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

std::string format_double(double d) {
  char buf[64];
  const auto end = std::to_chars(buf, buf + sizeof buf, d).ptr;
  return std::string(buf, end);
}

// ---- reading --------------------------------------------------------------------------------

struct CsvField {
  std::string value;
  bool quoted = false;
};

// Splits RFC 4180 text into records. Line numbers count physical lines from 1.
class CsvParser final {
 public:
  // Parsing starts at byte `start` (after a byte order mark).
  CsvParser(std::string_view text, const std::string& name, std::size_t start)
      : text_(text), name_(name), pos_(start) {}

  [[noreturn]] void fail(std::size_t offset, const std::string& what) const {
    const auto [line, column] = line_and_column(text_, offset);
    throw graph::ParseError(name_, line, column, context_ + what);
  }

  // Prefixed to error messages ("header: ").
  void set_context(std::string context) { context_ = std::move(context); }

  // Reads the next record into `fields`; false at the end of the text. record_line() is the
  // line the record starts on.
  bool next(std::vector<CsvField>& fields) {
    fields.clear();
    if (pos_ >= text_.size()) return false;
    record_line_ = line_;
    for (;;) {
      CsvField f;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        read_quoted(f);
      } else {
        read_unquoted(f);
      }
      fields.push_back(std::move(f));
      if (pos_ >= text_.size()) return true;
      const char c = text_[pos_];
      if (c == ',') {
        ++pos_;
        continue;
      }
      // End of line: LF or CRLF.
      pos_ += c == '\r' ? 2 : 1;
      ++line_;
      return true;
    }
  }

  std::uint64_t record_line() const { return record_line_; }

 private:
  bool at_line_end(std::size_t i) const {
    return i >= text_.size() || text_[i] == '\n' ||
           (text_[i] == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n');
  }

  void read_quoted(CsvField& f) {
    const std::size_t open = pos_;
    f.quoted = true;
    ++pos_;
    for (;;) {
      const std::size_t q = text_.find('"', pos_);
      if (q == std::string_view::npos)
        fail(open, "unterminated quoted field (no closing '\"' before the end of the file)");
      const std::string_view part = text_.substr(pos_, q - pos_);
      line_ += static_cast<std::uint64_t>(std::count(part.begin(), part.end(), '\n'));
      f.value.append(part);
      pos_ = q + 1;
      if (pos_ < text_.size() && text_[pos_] == '"') {  // "" inside quotes
        f.value += '"';
        ++pos_;
        continue;
      }
      break;
    }
    if (pos_ < text_.size() && text_[pos_] != ',' && !at_line_end(pos_))
      fail(pos_, "unexpected character after the closing quote of a field");
  }

  void read_unquoted(CsvField& f) {
    std::size_t end = pos_;
    while (end < text_.size() && text_[end] != ',' && !at_line_end(end)) {
      if (text_[end] == '"')
        fail(end, "quote inside an unquoted field (enclose the whole field in quotes)");
      ++end;
    }
    std::string_view v = text_.substr(pos_, end - pos_);
    const auto b = v.find_first_not_of(" \t");
    v = b == std::string_view::npos ? std::string_view()
                                    : v.substr(b, v.find_last_not_of(" \t") - b + 1);
    f.value.assign(v);
    pos_ = end;
  }

  std::string_view text_;
  const std::string& name_;
  std::size_t pos_;
  std::string context_;
  std::uint64_t line_ = 1;
  std::uint64_t record_line_ = 1;
};

struct Columns {
  int source = -1, target = -1, relation = -1, weight = -1, source_kind = -1, target_kind = -1;
};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool blank(const std::vector<CsvField>& fields) {
  return fields.size() == 1 && !fields[0].quoted && fields[0].value.empty();
}

}  // namespace

void write_csv(const graph::Graph& g, std::ostream& out) {
  out << "source,target,relation,weight,source_kind,target_kind\n";
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
    const graph::EdgeData& d = g.edge(*it);
    const graph::NodeData& s = g.node(g.source(*it));
    const graph::NodeData& t = g.node(g.target(*it));
    write_field(out, s.name);
    out << ',';
    write_field(out, t.name);
    out << ',' << graph::relation_name(d.relation) << ',' << format_double(d.weight) << ','
        << graph::kind_name(s.kind) << ',' << graph::kind_name(t.kind) << '\n';
  }
}

graph::Graph load_csv(const std::string& path) {
  const std::string text = read_file(path);
  return parse_csv(text, path == "-" ? "<stdin>" : path);
}

graph::Graph parse_csv(const std::string& text, const std::string& name) {
  const std::size_t bom = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  if (text.find_first_not_of(" \t\r\n", bom) == std::string::npos)
    throw graph::ParseError(name, 0, 0,
                            "empty file, not a CSV edge list (expected a header "
                            "line with source and target columns)");
  CsvParser parser(text, name, bom);
  if (const auto bad = find_invalid_utf8(text))
    parser.fail(*bad, "invalid UTF-8 (byte offset " + std::to_string(*bad) + ")");
  if (const auto nul = text.find('\0'); nul != std::string::npos)
    parser.fail(nul, "NUL byte in a text file (is this a binary file?)");
  for (std::size_t start = 0, line = 1; start < text.size(); ++line) {
    const auto nl = text.find('\n', start);
    const std::size_t end = nl == std::string::npos ? text.size() : nl;
    if (end - start > kMaxLineBytes)
      throw graph::ParseError(
          name, line, 0,
          "line longer than the limit of " + std::to_string(kMaxLineBytes) + " bytes");
    start = end + 1;
  }

  std::vector<CsvField> fields;
  parser.set_context("header: ");
  while (parser.next(fields) && blank(fields)) {
  }
  parser.set_context("");
  if (fields.empty() || blank(fields))
    throw graph::ParseError(name, 0, 0, "no header line (expected source and target columns)");
  const std::uint64_t header_line = parser.record_line();
  const std::size_t width = fields.size();
  Columns cols;
  for (std::size_t i = 0; i < width; ++i) {
    const std::string col = lower(fields[i].value);
    int* slot = col == "source"        ? &cols.source
                : col == "target"      ? &cols.target
                : col == "relation"    ? &cols.relation
                : col == "weight"      ? &cols.weight
                : col == "source_kind" ? &cols.source_kind
                : col == "target_kind" ? &cols.target_kind
                                       : nullptr;
    if (!slot) continue;
    if (*slot >= 0)
      throw graph::ParseError(name, header_line, 0,
                              "column '" + col + "' appears twice in the header");
    *slot = static_cast<int>(i);
  }
  if (cols.source < 0 || cols.target < 0)
    throw graph::ParseError(
        name, header_line, 0,
        "the header needs 'source' and 'target' columns, found: " +
            excerpt_for_message(std::string_view(text).substr(bom, text.find('\n') - bom), 120));

  graph::Graph g;
  std::vector<bool> kind_known;  // by node: its kind came from the file
  auto get = [&](int col) -> const std::string& {
    static const std::string kEmpty;
    return col < 0 ? kEmpty : fields[static_cast<std::size_t>(col)].value;
  };
  while (parser.next(fields)) {
    if (blank(fields)) continue;
    const std::uint64_t line = parser.record_line();
    auto fail = [&](const std::string& what) { throw graph::ParseError(name, line, 0, what); };
    if (fields.size() != width)
      fail("expected " + std::to_string(width) + " fields as in the header, found " +
           std::to_string(fields.size()));
    auto node = [&](int name_col, int kind_col, const char* role) {
      const std::string& node_name = get(name_col);
      if (node_name.empty()) fail(std::string("empty ") + role);
      const std::optional<graph::Kind> kind =
          get(kind_col).empty() ? std::nullopt : graph::parse_kind(get(kind_col));
      graph::NodeIndex v = 0;
      try {
        v = g.add_node(node_name, kind.value_or(graph::Kind::kOrganization));
      } catch (const graph::Error& e) {
        fail(std::string(role) + " '" + excerpt_for_message(node_name) + "': " + e.what());
      }
      if (v >= kind_known.size()) kind_known.resize(v + 1, false);
      if (kind && !kind_known[v]) {
        g.set_kind(v, *kind);
        kind_known[v] = true;
      }
      return v;
    };
    const graph::NodeIndex s = node(cols.source, cols.source_kind, "source");
    const graph::NodeIndex t = node(cols.target, cols.target_kind, "target");
    graph::Relation relation = graph::Relation::kRelatedTo;
    if (const std::string& r = get(cols.relation); !r.empty()) {
      const auto parsed = graph::parse_relation(r);
      if (!parsed) fail("unknown relation '" + excerpt_for_message(r) + "'");
      relation = *parsed;
    }
    double weight = 1.0;
    if (const std::string& w = get(cols.weight); !w.empty()) {
      const char* first = w.data() + (w[0] == '+' ? 1 : 0);
      const auto [end, ec] = std::from_chars(first, w.data() + w.size(), weight);
      if (ec != std::errc() || end != w.data() + w.size() || !std::isfinite(weight))
        fail("invalid weight '" + excerpt_for_message(w) + "' (expected a finite number)");
    }
    // A repeated row is the same edge again: its weight adds up (rows without a weight
    // column count the edge's rows).
    if (const auto e = g.find_edge(s, t, relation)) {
      g.edge_data(*e).weight += weight;
    } else {
      g.add_edge(s, t, relation, weight);
    }
  }
  return g;
}

}  // namespace stakegraph::io
