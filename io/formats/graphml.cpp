#include "io/formats/graphml.hpp"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>
#include <ostream>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/formats/xml_text.hpp"
#include "io/input.hpp"

namespace stakegraph::io {
namespace {

constexpr std::string_view kAliasSeparator = " | ";
constexpr std::string_view kAttributePrefix = "attribute.";

// ---- writing --------------------------------------------------------------------------------

std::string join_aliases(const std::vector<std::string>& aliases) {
  std::string out;
  for (std::size_t i = 0; i < aliases.size(); ++i) {
    if (i) out += kAliasSeparator;
    for (char c : aliases[i]) {
      if (c == '|' || c == '\\') out += '\\';
      out += c;
    }
  }
  return out;
}

// The inverse of join_aliases; also accepts a bare "|" separator.
std::vector<std::string> split_aliases(std::string_view s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  std::string current;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      current += s[++i];
    } else if (s[i] == '|') {
      if (!current.empty() && current.back() == ' ') current.pop_back();
      out.push_back(std::move(current));
      current.clear();
      if (i + 1 < s.size() && s[i + 1] == ' ') ++i;
    } else {
      current += s[i];
    }
  }
  out.push_back(std::move(current));
  return out;
}

void write_key(std::ostream& out, std::string_view id, const char* domain, std::string_view name,
               const char* type) {
  out << "  <key id=\"";
  write_xml_escaped(out, id);
  out << "\" for=\"" << domain << "\" attr.name=\"";
  write_xml_escaped(out, name);
  out << "\" attr.type=\"" << type << "\"/>\n";
}

void write_data(std::ostream& out, std::string_view key, std::string_view value) {
  out << "<data key=\"";
  write_xml_escaped(out, key);
  out << "\">";
  write_xml_escaped(out, value);
  out << "</data>";
}

// ---- reading --------------------------------------------------------------------------------

// What a declared <key> means to us, by its attr.name.
enum class Field {
  kIgnored,
  kName,
  kLabel,
  kKind,
  kAliases,
  kAttribute,
  kRelation,
  kWeight,
  kGoldstein,
  kFirstSeen,
  kLastSeen
};

struct Key {
  Field node_field = Field::kIgnored;
  Field edge_field = Field::kIgnored;
  std::string attribute;  // for Field::kAttribute
  std::optional<std::string> default_value;
};

// Values of the <data> children of one node or edge, by key.
using DataValues = std::vector<std::pair<const Key*, std::string>>;

struct PendingEdge {
  long line = 0;
  std::string source, target;
  DataValues data;
};

std::string to_string(const xmlChar* s) {
  return s ? std::string(reinterpret_cast<const char*>(s)) : std::string();
}

// An attribute of the reader's current element, nullopt when absent.
std::optional<std::string> attribute(xmlTextReaderPtr reader, const char* name) {
  xmlChar* v = xmlTextReaderGetAttribute(reader, reinterpret_cast<const xmlChar*>(name));
  if (!v) return std::nullopt;
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

std::string_view trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// The encoding named in the XML declaration, "" when there is none.
std::string declared_encoding(std::string_view text) {
  if (text.substr(0, 5) != "<?xml") return {};
  const std::string_view decl = text.substr(0, text.find("?>"));
  const auto at = decl.find("encoding");
  if (at == std::string_view::npos) return {};
  const auto quote = decl.find_first_of("\"'", at);
  if (quote == std::string_view::npos) return {};
  const auto close = decl.find(decl[quote], quote + 1);
  if (close == std::string_view::npos) return {};
  std::string enc(decl.substr(quote + 1, close - quote - 1));
  std::transform(enc.begin(), enc.end(), enc.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return enc;
}

// Feeds libxml2 from memory in chunks (xmlReaderForMemory takes an int size).
struct MemoryInput {
  const char* data;
  std::size_t size;
  std::size_t pos = 0;

  static int read(void* context, char* buffer, int len) {
    auto* in = static_cast<MemoryInput*>(context);
    const std::size_t n = std::min(static_cast<std::size_t>(len), in->size - in->pos);
    std::memcpy(buffer, in->data + in->pos, n);
    in->pos += n;
    return static_cast<int>(n);
  }
  static int close(void*) { return 0; }
};

// libxml2 reports some errors (encoding conversion, I/O) through its generic error function,
// which prints on stderr, instead of the reader's error handler. While a reader runs they
// are dropped (library code never prints); the reader still fails on them (status < 0).
// libxml2 keeps this function per thread.
class QuietGenericErrors final {
 public:
  QuietGenericErrors() : fn_(xmlGenericError), context_(xmlGenericErrorContext) {
    xmlSetGenericErrorFunc(nullptr, &QuietGenericErrors::ignore);
  }
  ~QuietGenericErrors() { xmlSetGenericErrorFunc(context_, fn_); }
  QuietGenericErrors(const QuietGenericErrors&) = delete;
  QuietGenericErrors& operator=(const QuietGenericErrors&) = delete;

 private:
  static void ignore(void*, const char*, ...) {}
  xmlGenericErrorFunc fn_;
  void* context_;
};

class GraphmlReader final {
 public:
  // Builds into `g`, which must be empty.
  GraphmlReader(const std::string& text, std::string name, graph::Graph& g)
      : text_(text), name_(std::move(name)), g_(g) {}
  ~GraphmlReader() {
    if (reader_) xmlFreeTextReader(reader_);
  }
  GraphmlReader(const GraphmlReader&) = delete;
  GraphmlReader& operator=(const GraphmlReader&) = delete;

  void read() {
    if (trim(text_).empty())
      throw io::ParseError(name_, 0, 0, "empty file, not a GraphML document");
    const bool utf16 = text_.size() >= 2 && ((text_[0] == '\xFE' && text_[1] == '\xFF') ||
                                             (text_[0] == '\xFF' && text_[1] == '\xFE'));
    const std::string encoding = declared_encoding(text_);
    if (!utf16 && (encoding.empty() || encoding == "utf-8" || encoding == "utf8")) {
      if (const auto bad = find_invalid_utf8(text_)) {
        const auto [line, column] = line_and_column(text_, *bad);
        throw io::ParseError(name_, line, column,
                             "invalid UTF-8 (byte offset " + std::to_string(*bad) + ")");
      }
    }
    if (const auto nul = text_.find('\0'); !utf16 && nul != std::string::npos) {
      const auto [line, column] = line_and_column(text_, nul);
      throw io::ParseError(name_, line, column, "NUL byte in a text file (is this a binary file?)");
    }
    const std::size_t bom = text_.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    const std::size_t first = text_.find_first_not_of(" \t\r\n", bom);
    if (!utf16 && first == std::string::npos)
      throw io::ParseError(name_, 0, 0, "empty file, not a GraphML document");
    if (!utf16 && text_[first] != '<') {
      const auto [line, column] = line_and_column(text_, first);
      throw io::ParseError(name_, line, column,
                           "not a GraphML document: expected '<', found '" +
                               excerpt_for_message(text_.substr(first, 1)) + "'");
    }
    xmlInitParser();
    const QuietGenericErrors quiet;
    input_ = MemoryInput{text_.data(), text_.size()};
    reader_ = xmlReaderForIO(&MemoryInput::read, &MemoryInput::close, &input_, nullptr, nullptr,
                             XML_PARSE_NONET | XML_PARSE_BIG_LINES);
    if (!reader_) throw graph::Error(name_ + ": cannot start the XML parser");
    xmlTextReaderSetStructuredErrorHandler(reader_, &GraphmlReader::on_error, this);

    int status;
    while ((status = xmlTextReaderRead(reader_)) == 1) {
      switch (xmlTextReaderNodeType(reader_)) {
        case XML_READER_TYPE_ELEMENT:
          start_element();
          break;
        case XML_READER_TYPE_END_ELEMENT:
          end_element();
          break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          if (in_data_) data_text_ += to_string(xmlTextReaderConstValue(reader_));
          break;
        default:
          break;
      }
    }
    if (status < 0 || error_) {
      // An error on the last line with elements still open is a truncated file (libxml2's
      // streaming reader words it "Extra content at the end of the document").
      const std::size_t last = text_.find_last_not_of(" \t\r\n");
      const auto [last_line, last_column] = line_and_column(text_, last);
      const bool at_end =
          error_line_ > last_line || (error_line_ == last_line && error_column_ >= last_column);
      if (!open_.empty() && (!error_ || at_end))
        throw io::ParseError(name_, last_line, 0,
                             "truncated file: <" + excerpt_for_message(open_.back().first) +
                                 "> opened at line " + std::to_string(open_.back().second) +
                                 " is not closed");
      if (!seen_root_ && error_ && at_end)
        throw io::ParseError(name_, error_line_, error_column_,
                             "truncated file: invalid XML: " + error_message_);
      if (error_)
        throw io::ParseError(name_, error_line_, error_column_, "invalid XML: " + error_message_);
      throw io::ParseError(name_, current_line(), 0, "invalid XML");
    }
    if (!seen_root_)
      throw io::ParseError(name_, 0, 0, "not a GraphML document (no <graphml> element)");
    add_edges();
  }

 private:
  static void on_error(void* self, xmlErrorPtr error) {
    auto* r = static_cast<GraphmlReader*>(self);
    if (!error || error->level < XML_ERR_ERROR || r->error_) return;
    r->error_ = true;
    r->error_line_ = error->line > 0 ? static_cast<std::uint64_t>(error->line) : 0;
    r->error_column_ = error->int2 > 0 ? static_cast<std::uint64_t>(error->int2) : 0;
    std::string msg = error->message ? error->message : "XML error";
    msg = msg.substr(0, msg.find('\n'));
    r->error_message_ = excerpt_for_message(trim(msg), 200);
  }

  long current_line() const {
    const xmlNodePtr node = xmlTextReaderCurrentNode(reader_);
    return node ? xmlGetLineNo(node) : 0;
  }

  [[noreturn]] void fail(long line, const std::string& what) const {
    throw io::ParseError(name_, line > 0 ? static_cast<std::uint64_t>(line) : 0, 0, what);
  }

  std::string required_attribute(const char* attr, const char* element) const {
    auto v = attribute(reader_, attr);
    if (!v || v->empty()) fail(current_line(), std::string("<") + element + "> without " + attr);
    return *v;
  }

  void start_element() {
    const std::string local = to_string(xmlTextReaderConstLocalName(reader_));
    const int depth = xmlTextReaderDepth(reader_);
    const bool empty = xmlTextReaderIsEmptyElement(reader_) == 1;
    if (!empty) open_.emplace_back(local, current_line());
    if (depth == 0) {
      if (local != "graphml")
        fail(current_line(), "not a GraphML document (the root element is <" +
                                 excerpt_for_message(local) + ">, not <graphml>)");
      seen_root_ = true;
      return;
    }
    if (local == "key" && depth == 1) {
      declare_key();
    } else if (local == "default" && current_key_) {
      in_data_ = true;
      data_text_.clear();
      data_key_ = nullptr;
      if (empty) end_data();
    } else if (local == "graph") {
      if (depth != 1) fail(current_line(), "nested graphs are not supported");
      if (auto d = attribute(reader_, "edgedefault"); d && *d != "directed" && *d != "undirected")
        fail(current_line(), "edgedefault must be \"directed\" or \"undirected\"");
    } else if (local == "node" && depth == 2) {
      in_node_ = true;
      item_line_ = current_line();
      node_id_ = required_attribute("id", "node");
      values_.clear();
      if (empty) end_node();
    } else if (local == "edge" && depth == 2) {
      in_edge_ = true;
      item_line_ = current_line();
      edge_source_ = required_attribute("source", "edge");
      edge_target_ = required_attribute("target", "edge");
      values_.clear();
      if (empty) end_edge();
    } else if (local == "hyperedge") {
      fail(current_line(), "hyperedges are not supported");
    } else if (local == "data" && (in_node_ || in_edge_) && depth == 3) {
      const std::string key = required_attribute("key", "data");
      const auto it = keys_.find(key);
      if (it == keys_.end())
        fail(current_line(),
             "<data> key '" + excerpt_for_message(key) + "' is not declared by a <key>");
      in_data_ = true;
      data_text_.clear();
      data_key_ = &it->second;
      if (empty) end_data();
    }
  }

  void end_element() {
    const std::string local = to_string(xmlTextReaderConstLocalName(reader_));
    if (!open_.empty()) open_.pop_back();
    if (in_data_ && (local == "data" || local == "default"))
      end_data();
    else if (local == "key")
      current_key_ = nullptr;
    else if (in_node_ && local == "node")
      end_node();
    else if (in_edge_ && local == "edge")
      end_edge();
  }

  void declare_key() {
    const std::string id = required_attribute("id", "key");
    const std::string domain = attribute(reader_, "for").value_or("all");
    const std::string attr_name = attribute(reader_, "attr.name").value_or("");
    Key k;
    if (!attr_name.empty() && (domain == "node" || domain == "all")) {
      k.node_field = attr_name == "name"      ? Field::kName
                     : attr_name == "label"   ? Field::kLabel
                     : attr_name == "kind"    ? Field::kKind
                     : attr_name == "aliases" ? Field::kAliases
                                              : Field::kAttribute;
      k.attribute = attr_name.rfind(kAttributePrefix, 0) == 0
                        ? attr_name.substr(kAttributePrefix.size())
                        : attr_name;
    }
    if (domain == "edge" || domain == "all") {
      k.edge_field = attr_name == "relation"     ? Field::kRelation
                     : attr_name == "weight"     ? Field::kWeight
                     : attr_name == "goldstein"  ? Field::kGoldstein
                     : attr_name == "first_seen" ? Field::kFirstSeen
                     : attr_name == "last_seen"  ? Field::kLastSeen
                                                 : Field::kIgnored;
    }
    // Data values point to their Key: unordered_map keeps elements in place.
    const auto it = keys_.insert_or_assign(id, std::move(k)).first;
    current_key_ = xmlTextReaderIsEmptyElement(reader_) == 1 ? nullptr : &it->second;
  }

  void end_data() {
    in_data_ = false;
    if (data_key_) {
      values_.emplace_back(data_key_, std::move(data_text_));
    } else if (current_key_) {
      current_key_->default_value = std::move(data_text_);
    }
    data_text_.clear();
  }

  // The value for `field`: the item's own data, else the key's default; nullopt if neither.
  std::optional<std::string> value_of(Field field, bool node, const Key** key = nullptr) const {
    for (const auto& [k, v] : values_)
      if ((node ? k->node_field : k->edge_field) == field) {
        if (key) *key = k;
        return v;
      }
    for (const auto& [id, k] : keys_)
      if ((node ? k.node_field : k.edge_field) == field && k.default_value) {
        if (key) *key = &k;
        return k.default_value;
      }
    return std::nullopt;
  }

  void end_node() {
    in_node_ = false;
    try {
      // A file from Gephi names nodes by "label" only; ours carry both (the same text).
      std::optional<std::string> named = value_of(Field::kName, true);
      if (!named) named = value_of(Field::kLabel, true);
      std::string name = named.value_or(node_id_);
      graph::Kind kind = graph::Kind::kOrganization;
      if (auto k = value_of(Field::kKind, true); k && !trim(*k).empty()) {
        const auto parsed = graph::parse_kind(trim(*k));
        if (!parsed)
          fail(item_line_, "node '" + excerpt_for_message(node_id_) + "': unknown kind '" +
                               excerpt_for_message(*k) + "'");
        kind = *parsed;
      }
      const graph::NodeIndex v = g_.add_node_with_id(node_id_, name, kind);
      if (auto a = value_of(Field::kAliases, true))
        for (const std::string& alias : split_aliases(*a)) g_.add_alias(v, alias);
      // Attributes: every attribute key with a value or a default.
      std::vector<const Key*> done;
      for (const auto& [k, value] : values_) {
        if (k->node_field != Field::kAttribute) continue;
        g_.set_attribute(v, k->attribute, value);
        done.push_back(k);
      }
      for (const auto& [id, k] : keys_) {
        if (k.node_field == Field::kAttribute && k.default_value &&
            std::find(done.begin(), done.end(), &k) == done.end())
          g_.set_attribute(v, k.attribute, *k.default_value);
      }
    } catch (const io::ParseError&) {
      throw;
    } catch (const graph::Error& e) {
      fail(item_line_, e.what());
    }
  }

  void end_edge() {
    in_edge_ = false;
    pending_.push_back(PendingEdge{item_line_, std::move(edge_source_), std::move(edge_target_),
                                   std::move(values_)});
    values_.clear();
  }

  graph::Date date_value(Field field, long line) const {
    const auto s = value_of(field, false);
    if (!s || trim(*s).empty()) return graph::kNoDate;
    const auto d = graph::parse_iso_date(trim(*s));
    if (!d) fail(line, "invalid date '" + excerpt_for_message(*s) + "' (expected YYYY-MM-DD)");
    return *d;
  }

  // A finite number in the edge's `field` (nullopt when absent or blank).
  std::optional<double> number_value(Field field, const char* what, long line) const {
    const auto w = value_of(field, false);
    if (!w || trim(*w).empty()) return std::nullopt;
    const std::string_view text = trim(*w);
    double x = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(x))
      fail(line, std::string("invalid ") + what + " '" + excerpt_for_message(*w) +
                     "' (expected a finite number)");
    return x;
  }

  void add_edges() {
    for (PendingEdge& p : pending_) {
      values_ = std::move(p.data);
      const auto s = g_.find_by_id(p.source);
      if (!s) fail(p.line, "edge source '" + excerpt_for_message(p.source) + "' is not a node id");
      const auto t = g_.find_by_id(p.target);
      if (!t) fail(p.line, "edge target '" + excerpt_for_message(p.target) + "' is not a node id");
      graph::Relation relation = graph::Relation::kRelatedTo;
      if (auto r = value_of(Field::kRelation, false); r && !trim(*r).empty()) {
        const auto parsed = graph::parse_relation(trim(*r));
        if (!parsed) fail(p.line, "unknown relation '" + excerpt_for_message(*r) + "'");
        relation = *parsed;
      }
      const std::optional<double> weight = number_value(Field::kWeight, "weight", p.line);
      const std::optional<double> goldstein = number_value(Field::kGoldstein, "goldstein", p.line);
      const graph::Date first = date_value(Field::kFirstSeen, p.line);
      const graph::Date last = date_value(Field::kLastSeen, p.line);
      graph::EdgeData& d = g_.edge_data(g_.add_edge(*s, *t, relation, weight));
      if (!d.goldstein) d.goldstein = goldstein;
      for (graph::Date date : {first, last}) {
        if (date == graph::kNoDate) continue;
        if (d.first_seen == graph::kNoDate || date < d.first_seen) d.first_seen = date;
        if (d.last_seen == graph::kNoDate || date > d.last_seen) d.last_seen = date;
      }
    }
    pending_.clear();
    values_.clear();
  }

  const std::string& text_;
  std::string name_;
  MemoryInput input_{nullptr, 0};
  xmlTextReaderPtr reader_ = nullptr;
  bool error_ = false;
  std::uint64_t error_line_ = 0, error_column_ = 0;
  std::string error_message_;

  bool seen_root_ = false;
  std::unordered_map<std::string, Key> keys_;
  Key* current_key_ = nullptr;  // the <key> whose <default> may follow
  bool in_node_ = false, in_edge_ = false, in_data_ = false;
  long item_line_ = 0;
  std::string node_id_, edge_source_, edge_target_;
  const Key* data_key_ = nullptr;
  std::string data_text_;
  DataValues values_;
  std::vector<std::pair<std::string, long>> open_;  // elements not yet closed, with their line
  std::vector<PendingEdge> pending_;
  graph::Graph& g_;
};

}  // namespace

void write_graphml(const graph::Graph& g, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  write_key(out, "name", "node", "name", "string");
  write_key(out, "label", "node", "label", "string");  // Gephi and Cytoscape show it
  write_key(out, "kind", "node", "kind", "string");
  write_key(out, "aliases", "node", "aliases", "string");
  // One key per attribute name in use, in order of first appearance.
  std::vector<std::string> attribute_keys;
  std::unordered_map<std::string, std::string> attribute_key_id;
  const auto types = attribute_types(g);
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v) {
    for (const auto& [key, value] : g.node(v).attributes) {
      if (attribute_key_id.count(key)) continue;
      const std::string id = "a" + std::to_string(attribute_keys.size());
      attribute_key_id.emplace(key, id);
      attribute_keys.push_back(key);
      // A key that is one of ours, or carries the prefix, or is empty (a key without
      // attr.name is not an attribute to a reader) is written with the prefix; the reader
      // strips it.
      const bool clash = key.empty() || key == "name" || key == "label" || key == "kind" ||
                         key == "aliases" || key.rfind(kAttributePrefix, 0) == 0;
      write_key(out, id, "node", clash ? std::string(kAttributePrefix) + key : key,
                std::string(attribute_type_name(types.at(key))).c_str());
    }
  }
  write_key(out, "relation", "edge", "relation", "string");
  write_key(out, "sign", "edge", "sign", "int");
  // weight and goldstein are declared only when some edge has one, so that a tool sees no
  // weight rather than a missing (NaN) one. No default: an edge without a weight has none
  // (a round trip keeps it so; only a graph mixing both shows NaN in igraph).
  bool any_weight = false, any_goldstein = false;
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
    any_weight = any_weight || g.edge(*it).weight.has_value();
    any_goldstein = any_goldstein || g.edge(*it).goldstein.has_value();
  }
  if (any_weight) write_key(out, "weight", "edge", "weight", "double");
  if (any_goldstein) write_key(out, "goldstein", "edge", "goldstein", "double");
  write_key(out, "evidence_count", "edge", "evidence_count", "int");
  write_key(out, "first_seen", "edge", "first_seen", "string");
  write_key(out, "last_seen", "edge", "last_seen", "string");
  out << "  <graph id=\"stakegraph\" edgedefault=\"directed\">\n";
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v) {
    const graph::NodeData& d = g.node(v);
    out << "    <node id=\"";
    write_xml_escaped(out, d.id);
    out << "\">";
    write_data(out, "name", d.name);
    write_data(out, "label", d.name);
    write_data(out, "kind", graph::kind_name(d.kind));
    if (!d.aliases.empty()) write_data(out, "aliases", join_aliases(d.aliases));
    for (const auto& [key, value] : d.attributes) write_data(out, attribute_key_id.at(key), value);
    out << "</node>\n";
  }
  std::size_t n = 0;
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
    const graph::EdgeData& d = g.edge(*it);
    out << "    <edge id=\"e" << n++ << "\" source=\"";
    write_xml_escaped(out, g.node(g.source(*it)).id);
    out << "\" target=\"";
    write_xml_escaped(out, g.node(g.target(*it)).id);
    out << "\">";
    write_data(out, "relation", graph::relation_name(d.relation));
    write_data(out, "sign", std::to_string(static_cast<int>(d.sign)));
    if (d.weight) write_data(out, "weight", format_double(*d.weight));
    if (d.goldstein) write_data(out, "goldstein", format_double(*d.goldstein));
    write_data(out, "evidence_count", std::to_string(d.evidence.size()));
    if (d.first_seen != graph::kNoDate)
      write_data(out, "first_seen", graph::format_iso_date(d.first_seen));
    if (d.last_seen != graph::kNoDate)
      write_data(out, "last_seen", graph::format_iso_date(d.last_seen));
    out << "</edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

graph::Graph load_graphml(const std::string& path) {
  const std::string text = read_file(path);
  return parse_graphml(text, path == "-" ? "<stdin>" : path);
}

graph::Graph parse_graphml(const std::string& text, const std::string& name) {
  // The graph is built in place and returned by name: copying a Graph is avoided.
  graph::Graph g;
  GraphmlReader reader(text, name, g);
  reader.read();
  return g;
}

}  // namespace stakegraph::io
