#include "io/formats/csv.hpp"

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
#include "io/error.hpp"
#include "io/input.hpp"
#include "io/text.hpp"

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
    throw io::ParseError(name_, line, column, context_ + what);
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
  int source = -1, target = -1, relation = -1, weight = -1, source_kind = -1, target_kind = -1,
      goldstein = -1, first_seen = -1, last_seen = -1;
};

constexpr std::string_view kAttributePrefix = "attribute.";

bool blank(const std::vector<CsvField>& fields) {
  return fields.size() == 1 && !fields[0].quoted && fields[0].value.empty();
}

}  // namespace

void write_csv(const graph::Graph& g, std::ostream& out) {
  out << "source,target,relation,weight,source_kind,target_kind,goldstein,evidence_count,"
         "first_seen,last_seen\n";
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
    const graph::EdgeData& d = g.edge(*it);
    const graph::NodeData& s = g.node(g.source(*it));
    const graph::NodeData& t = g.node(g.target(*it));
    write_field(out, s.name);
    out << ',';
    write_field(out, t.name);
    out << ',' << graph::relation_name(d.relation) << ','
        << (d.weight ? format_double(*d.weight) : std::string()) << ',' << graph::kind_name(s.kind)
        << ',' << graph::kind_name(t.kind) << ','
        << (d.goldstein ? format_double(*d.goldstein) : std::string()) << ',' << d.evidence.size()
        << ',' << graph::format_iso_date(d.first_seen) << ',' << graph::format_iso_date(d.last_seen)
        << '\n';
  }
}

void write_csv_nodes(const graph::Graph& g, std::ostream& out) {
  std::vector<std::string> keys;  // attribute keys in order of first appearance
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v)
    for (const auto& [key, value] : g.node(v).attributes)
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  out << "id,name,kind,aliases";
  for (const std::string& key : keys) {
    const bool clash = key.empty() || key == "id" || key == "name" || key == "kind" ||
                       key == "aliases" || key.rfind(kAttributePrefix, 0) == 0;
    out << ',';
    write_field(out, clash ? std::string(kAttributePrefix) + key : key);
  }
  out << '\n';
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v) {
    const graph::NodeData& d = g.node(v);
    write_field(out, d.id);
    out << ',';
    write_field(out, d.name);
    out << ',' << graph::kind_name(d.kind) << ',';
    std::string aliases;
    for (std::size_t i = 0; i < d.aliases.size(); ++i) {
      if (i) aliases += " | ";
      for (char c : d.aliases[i]) {
        if (c == '|' || c == '\\') aliases += '\\';
        aliases += c;
      }
    }
    write_field(out, aliases);
    for (const std::string& key : keys) {
      out << ',';
      const auto it = std::find_if(d.attributes.begin(), d.attributes.end(),
                                   [&](const auto& kv) { return kv.first == key; });
      if (it != d.attributes.end()) write_field(out, it->second);
    }
    out << '\n';
  }
}

graph::Graph load_csv(const std::string& path) {
  const std::string text = read_file(path);
  return parse_csv(text, path == "-" ? "<stdin>" : path);
}

namespace {

// Checks the whole text (not empty, UTF-8, no NUL, line lengths) and reads the header into
// `fields`; `what` names the kind of file in messages.
CsvParser open_csv(const std::string& text, const std::string& name, const char* what,
                   const char* columns, std::vector<CsvField>& fields) {
  const std::size_t bom = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  if (text.find_first_not_of(" \t\r\n", bom) == std::string::npos)
    throw io::ParseError(name, 0, 0,
                         std::string("empty file, not a CSV ") + what +
                             " (expected a header line with " + columns + ")");
  CsvParser parser(text, name, bom);
  if (const auto bad = find_invalid_utf8(text))
    parser.fail(*bad, "invalid UTF-8 (byte offset " + std::to_string(*bad) + ")");
  if (const auto nul = text.find('\0'); nul != std::string::npos)
    parser.fail(nul, "NUL byte in a text file (is this a binary file?)");
  for (std::size_t start = 0, line = 1; start < text.size(); ++line) {
    const auto nl = text.find('\n', start);
    const std::size_t end = nl == std::string::npos ? text.size() : nl;
    if (end - start > kMaxLineBytes)
      throw io::ParseError(
          name, line, 0,
          "line longer than the limit of " + std::to_string(kMaxLineBytes) + " bytes");
    start = end + 1;
  }
  parser.set_context("header: ");
  while (parser.next(fields) && blank(fields)) {
  }
  parser.set_context("");
  if (fields.empty() || blank(fields))
    throw io::ParseError(name, 0, 0, std::string("no header line (expected ") + columns + ")");
  return parser;
}

}  // namespace

graph::Graph parse_csv(const std::string& text, const std::string& name) {
  return parse_csv(text, name, graph::Graph());
}

graph::Graph parse_csv(const std::string& text, const std::string& name, graph::Graph g) {
  const std::size_t bom = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  std::vector<CsvField> fields;
  CsvParser parser = open_csv(text, name, "edge list", "source and target columns", fields);
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
                : col == "goldstein"   ? &cols.goldstein
                : col == "first_seen"  ? &cols.first_seen
                : col == "last_seen"   ? &cols.last_seen
                                       : nullptr;
    if (!slot) continue;
    if (*slot >= 0)
      throw io::ParseError(name, header_line, 0,
                           "column '" + col + "' appears twice in the header");
    *slot = static_cast<int>(i);
  }
  if (cols.source < 0 || cols.target < 0)
    throw io::ParseError(
        name, header_line, 0,
        "the header needs 'source' and 'target' columns, found: " +
            excerpt_for_message(std::string_view(text).substr(bom, text.find('\n') - bom), 120));

  std::vector<bool> kind_known(g.node_count(), true);  // by node: its kind came from a file
  auto get = [&](int col) -> const std::string& {
    static const std::string kEmpty;
    return col < 0 ? kEmpty : fields[static_cast<std::size_t>(col)].value;
  };
  while (parser.next(fields)) {
    if (blank(fields)) continue;
    const std::uint64_t line = parser.record_line();
    auto fail = [&](const std::string& what) { throw io::ParseError(name, line, 0, what); };
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
    auto number = [&](int col, const char* what) -> std::optional<double> {
      const std::string& w = get(col);
      if (w.empty()) return std::nullopt;
      double x = 0.0;
      const char* first = w.data() + (w[0] == '+' ? 1 : 0);
      const auto [end, ec] = std::from_chars(first, w.data() + w.size(), x);
      if (ec != std::errc() || end != w.data() + w.size() || !std::isfinite(x))
        fail(std::string("invalid ") + what + " '" + excerpt_for_message(w) +
             "' (expected a finite number)");
      return x;
    };
    auto date = [&](int col) {
      const std::string& d = get(col);
      if (d.empty()) return graph::kNoDate;
      const auto parsed = graph::parse_iso_date(d);
      if (!parsed) fail("invalid date '" + excerpt_for_message(d) + "' (expected YYYY-MM-DD)");
      return *parsed;
    };
    const std::optional<double> weight = number(cols.weight, "weight");
    const std::optional<double> goldstein = number(cols.goldstein, "goldstein");
    const graph::Date first_seen = date(cols.first_seen), last_seen = date(cols.last_seen);
    // A repeated row is the same edge again: weights add up, a row without a weight
    // counting 1 (so rows without weights count the edge's rows).
    graph::EdgeRef e;
    if (const auto found = g.find_edge(s, t, relation)) {
      e = *found;
      graph::EdgeData& d = g.edge_data(e);
      d.weight = d.weight.value_or(1.0) + weight.value_or(1.0);
    } else {
      e = g.add_edge(s, t, relation, weight);
    }
    graph::EdgeData& d = g.edge_data(e);
    if (goldstein && !d.goldstein) d.goldstein = goldstein;
    for (graph::Date when : {first_seen, last_seen}) {
      if (when == graph::kNoDate) continue;
      if (d.first_seen == graph::kNoDate || when < d.first_seen) d.first_seen = when;
      if (d.last_seen == graph::kNoDate || when > d.last_seen) d.last_seen = when;
    }
  }
  return g;
}

graph::Graph parse_csv_nodes(const std::string& text, const std::string& name) {
  std::vector<CsvField> fields;
  CsvParser parser = open_csv(text, name, "nodes file", "id or name columns", fields);
  const std::uint64_t header_line = parser.record_line();
  const std::size_t width = fields.size();
  int id = -1, node_name = -1, kind = -1, aliases = -1;
  std::vector<std::pair<std::size_t, std::string>> attributes;  // column, key
  for (std::size_t i = 0; i < width; ++i) {
    const std::string col = lower(fields[i].value);
    int* slot = col == "id"        ? &id
                : col == "name"    ? &node_name
                : col == "kind"    ? &kind
                : col == "aliases" ? &aliases
                                   : nullptr;
    if (!slot) {
      const std::string& key = fields[i].value;
      attributes.emplace_back(
          i, key.rfind(kAttributePrefix, 0) == 0 ? key.substr(kAttributePrefix.size()) : key);
      continue;
    }
    if (*slot >= 0)
      throw io::ParseError(name, header_line, 0,
                           "column '" + col + "' appears twice in the header");
    *slot = static_cast<int>(i);
  }
  if (id < 0 && node_name < 0)
    throw io::ParseError(name, header_line, 0, "a nodes file needs an 'id' or a 'name' column");
  graph::Graph g;
  while (parser.next(fields)) {
    if (blank(fields)) continue;
    const std::uint64_t line = parser.record_line();
    auto fail = [&](const std::string& what) { throw io::ParseError(name, line, 0, what); };
    if (fields.size() != width)
      fail("expected " + std::to_string(width) + " fields as in the header, found " +
           std::to_string(fields.size()));
    auto get = [&](int col) -> const std::string& {
      static const std::string kEmpty;
      return col < 0 ? kEmpty : fields[static_cast<std::size_t>(col)].value;
    };
    const std::string& node_id = get(id);
    const std::string& label = get(node_name).empty() ? node_id : get(node_name);
    if (label.empty()) fail("a node needs an id or a name");
    graph::Kind k = graph::Kind::kOrganization;
    if (!get(kind).empty()) {
      const auto parsed = graph::parse_kind(get(kind));
      if (!parsed) fail("unknown kind '" + excerpt_for_message(get(kind)) + "'");
      k = *parsed;
    }
    try {
      const graph::NodeIndex v =
          node_id.empty() ? g.add_node(label, k) : g.add_node_with_id(node_id, label, k);
      const std::string& a = get(aliases);
      std::string current;
      for (std::size_t i = 0; i <= a.size(); ++i) {
        if (i < a.size() && a[i] == '\\' && i + 1 < a.size()) {
          current += a[++i];
        } else if (i == a.size() || a[i] == '|') {
          while (!current.empty() && current.back() == ' ') current.pop_back();
          const auto lead = current.find_first_not_of(' ');
          if (lead != std::string::npos) g.add_alias(v, current.substr(lead));
          current.clear();
        } else {
          current += a[i];
        }
      }
      for (const auto& [col, key] : attributes)
        if (!fields[col].value.empty()) g.set_attribute(v, key, fields[col].value);
    } catch (const graph::Error& e) {
      fail("node '" + excerpt_for_message(label) + "': " + e.what());
    }
  }
  return g;
}

graph::Graph load_csv(const std::string& path, const std::string& nodes_path) {
  graph::Graph nodes = parse_csv_nodes(read_file(nodes_path), nodes_path);
  return parse_csv(read_file(path), path == "-" ? "<stdin>" : path, std::move(nodes));
}

}  // namespace stakegraph::io
