#include "io/formats/json_format.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/formats/legacy_weights.hpp"
#include "io/input.hpp"

namespace stakegraph::io {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// ---- writing --------------------------------------------------------------------------------

// The double closest to the shortest decimal form of `f`, so that 0.1f is written "0.1" and
// reads back as the same float.
double float_for_json(float f) {
  char buf[32];
  const auto end = std::to_chars(buf, buf + sizeof buf, f).ptr;
  double d = f;
  std::from_chars(buf, end, d);
  return d;
}

std::string dump(const ordered_json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

ordered_json node_json(const graph::Graph& g, graph::NodeIndex v) {
  const graph::NodeData& d = g.node(v);
  // Built as a sorted json object (the node's attributes are sorted and unique): inserting
  // into an ordered_json looks for the key linearly, O(n^2) for a node's n attributes
  // (80,000 took 6.4 s; issue 13).
  json sorted_attributes = json::object();
  for (const auto& [key, value] : d.attributes) sorted_attributes.emplace(key, value);
  ordered_json attributes = sorted_attributes;
  ordered_json n{{"id", d.id},
                 {"name", d.name},
                 {"kind", graph::kind_name(d.kind)},
                 {"aliases", d.aliases},
                 {"attributes", std::move(attributes)}};
  // The event-data actor code (CAMEO) at the top level, as event-data tools read it.
  for (const auto& [key, value] : d.attributes)
    if (key == "code") n["code"] = value;
  return n;
}

// The CAMEO event code of an edge coded by a dictionary verb pattern: from the first
// evidence whose rule is "cameo:<code>:<verb block>" (io/extract.hpp), else "".
std::string edge_cameo(const graph::EdgeData& d) {
  for (const graph::Evidence& x : d.evidence)
    if (x.rule.rfind("cameo:", 0) == 0) {
      const std::size_t colon = x.rule.find(':', 6);
      return x.rule.substr(6, colon == std::string::npos ? std::string::npos : colon - 6);
    }
  return {};
}

ordered_json edge_json(const graph::Graph& g, graph::EdgeRef e) {
  const graph::EdgeData& d = g.edge(e);
  ordered_json evidence = ordered_json::array();
  for (const graph::Evidence& x : d.evidence) {
    evidence.push_back(ordered_json{
        {"article", x.article == graph::kNoArticle ? std::string() : g.articles()[x.article].id},
        {"sentence", x.sentence},
        {"start", x.start},
        {"end", x.end},
        {"text", x.text},
        {"hedged", x.hedged},
        {"speaker", x.speaker},
        {"rule", x.rule},
        {"confidence", float_for_json(x.confidence)},
        {"mentions", x.mentions},
        {"sources", x.sources},
        {"date", graph::format_iso_date(x.date)}});
  }
  ordered_json j{{"source", g.node(g.source(e)).id},
                 {"target", g.node(g.target(e)).id},
                 {"relation", graph::relation_name(d.relation)},
                 {"sign", static_cast<int>(d.sign)}};
  // Absent weights are left out (none is neither 0 nor 1).
  if (d.weight) j["weight"] = *d.weight;
  if (d.goldstein) j["goldstein"] = *d.goldstein;
  j["first_seen"] = graph::format_iso_date(d.first_seen);
  j["last_seen"] = graph::format_iso_date(d.last_seen);
  j["evidence_count"] = d.evidence.size();
  j["evidence"] = std::move(evidence);
  if (std::string cameo = edge_cameo(d); !cameo.empty()) j["cameo"] = std::move(cameo);
  return j;
}

ordered_json article_json(const graph::Article& a) {
  return ordered_json{{"id", a.id},
                      {"title", a.title},
                      {"date", graph::format_iso_date(a.date)},
                      {"source", a.source},
                      {"url", a.url},
                      {"path", a.path},
                      {"text_hash", a.text_hash}};
}

// ---- reading: typed fields ------------------------------------------------------------------

// A field of the wrong type or value; `what` starts with the field's path.
class FieldError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

[[noreturn]] void field_error(const std::string& where, std::string_view key,
                              const std::string& what) {
  throw FieldError(where + "." + std::string(key) + ": " + what);
}

// The field, or nullptr when it is missing or null.
const json* field(const json& obj, const char* key) {
  const auto it = obj.find(key);
  return it == obj.end() || it->is_null() ? nullptr : &*it;
}

std::string string_field(const json& obj, const char* key, const std::string& where) {
  const json* f = field(obj, key);
  if (!f) return {};
  if (!f->is_string())
    field_error(where, key, std::string("expected a string, found ") + f->type_name());
  return f->get<std::string>();
}

std::uint32_t uint32_field(const json& obj, const char* key, const std::string& where) {
  const json* f = field(obj, key);
  if (!f) return 0;
  if (!f->is_number_unsigned() ||
      f->get<std::uint64_t>() > std::numeric_limits<std::uint32_t>::max())
    field_error(where, key,
                "expected an integer from 0 to 4294967295, found " +
                    (f->is_number() ? f->dump() : std::string(f->type_name())));
  return static_cast<std::uint32_t>(f->get<std::uint64_t>());
}

double number_field(const json& obj, const char* key, const std::string& where, double def) {
  const json* f = field(obj, key);
  if (!f) return def;
  if (!f->is_number())
    field_error(where, key, std::string("expected a number, found ") + f->type_name());
  const double d = f->get<double>();
  if (!std::isfinite(d)) field_error(where, key, "expected a finite number");
  return d;
}

bool bool_field(const json& obj, const char* key, const std::string& where) {
  const json* f = field(obj, key);
  if (!f) return false;
  if (!f->is_boolean())
    field_error(where, key, std::string("expected true or false, found ") + f->type_name());
  return f->get<bool>();
}

graph::Date date_field(const json& obj, const char* key, const std::string& where) {
  const std::string s = string_field(obj, key, where);
  if (s.empty()) return graph::kNoDate;
  const auto d = graph::parse_iso_date(s);
  if (!d)
    field_error(where, key, "invalid date '" + excerpt_for_message(s) + "' (expected YYYY-MM-DD)");
  return *d;
}

std::vector<std::string> strings_field(const json& obj, const char* key, const std::string& where) {
  std::vector<std::string> out;
  const json* f = field(obj, key);
  if (!f) return out;
  if (!f->is_array())
    field_error(where, key, std::string("expected an array of strings, found ") + f->type_name());
  for (const json& x : *f) {
    if (!x.is_string())
      field_error(
          where, key,
          std::string("expected an array of strings, found an element of type ") + x.type_name());
    out.push_back(x.get<std::string>());
  }
  return out;
}

void require_object(const json& j, const std::string& where) {
  if (!j.is_object()) throw FieldError(where + ": expected an object, found " + j.type_name());
}

// ---- reading: elements ----------------------------------------------------------------------

// An edge kept until every node is known: (source, target) are ids, evidence articles ids.
struct PendingEdge {
  std::size_t offset = 0;  // of the edge's '{' in the file
  std::string where;       // "edges[3]"
  std::string source, target;
  graph::EdgeData data;
  std::vector<std::string> evidence_articles;
};

enum class Section { kNone, kNodes, kEdges, kArticles, kFormatVersion };

// Builds the graph from the stream of elements handed over by the parser callback.
class JsonGraphReader final {
 public:
  // Builds into `g`, which must be empty.
  JsonGraphReader(const std::string& text, std::string name, graph::Graph& g)
      : text_(text), name_(std::move(name)), g_(g) {}

  [[noreturn]] void fail(std::size_t offset, const std::string& what) const {
    const auto [line, column] = line_and_column(text_, offset);
    throw io::ParseError(name_, line, column, what);
  }

  // Runs `read` for the element `where` at `offset`: a field error, or the graph refusing
  // what was read (a duplicate id, an empty name), becomes a ParseError at that offset.
  template <class Read>
  void guarded(std::size_t offset, const std::string& where, Read&& read) const {
    try {
      read();
    } catch (const FieldError& e) {
      fail(offset, e.what());
    } catch (const io::ParseError&) {
      throw;
    } catch (const graph::Error& e) {
      fail(offset, where + ": " + e.what());
    }
  }

  void add_node(const json& j, std::size_t offset) {
    const std::string where = "nodes[" + std::to_string(node_count_++) + "]";
    guarded(offset, where, [&] {
      require_object(j, where);
      std::string id = string_field(j, "id", where);
      std::string name = string_field(j, "name", where);
      if (id.empty() && name.empty())
        throw FieldError(where + ": a node needs an \"id\" or a \"name\"");
      if (name.empty()) name = id;
      graph::Kind kind = graph::Kind::kOrganization;
      if (const std::string k = string_field(j, "kind", where); !k.empty()) {
        const auto parsed = graph::parse_kind(k);
        if (!parsed) field_error(where, "kind", "unknown kind '" + excerpt_for_message(k) + "'");
        kind = *parsed;
      }
      const auto aliases = strings_field(j, "aliases", where);
      std::vector<std::pair<std::string, std::string>> attributes;
      if (const json* a = field(j, "attributes")) {
        if (!a->is_object())
          field_error(where, "attributes",
                      std::string("expected an object, found ") + a->type_name());
        for (const auto& [key, value] : a->items()) {
          if (!value.is_string())
            field_error(where, "attributes." + key,
                        std::string("expected a string, found ") + value.type_name());
          attributes.emplace_back(key, value.get<std::string>());
        }
      }
      if (id.empty()) id = free_id(name);
      const graph::NodeIndex v = g_.add_node_with_id(id, name, kind);
      for (const auto& alias : aliases) g_.add_alias(v, alias);
      for (const auto& [key, value] : attributes) g_.set_attribute(v, key, value);
    });
  }

  void add_edge(const json& j, std::size_t offset) {
    PendingEdge p;
    p.offset = offset;
    p.where = "edges[" + std::to_string(pending_.size()) + "]";
    const std::string& where = p.where;
    try {
      require_object(j, where);
      p.source = string_field(j, "source", where);
      p.target = string_field(j, "target", where);
      if (p.source.empty()) throw FieldError(where + ": an edge needs a \"source\" node id");
      if (p.target.empty()) throw FieldError(where + ": an edge needs a \"target\" node id");
      p.data.relation = graph::Relation::kRelatedTo;
      if (const std::string r = string_field(j, "relation", where); !r.empty()) {
        const auto parsed = graph::parse_relation(r);
        if (!parsed)
          field_error(where, "relation", "unknown relation '" + excerpt_for_message(r) + "'");
        p.data.relation = *parsed;
      }
      if (const json* s = field(j, "sign")) {
        if (!s->is_number_integer() || s->get<std::int64_t>() < -1 || s->get<std::int64_t>() > 1)
          field_error(where, "sign", "expected -1, 0 or 1, found " + s->dump());
      }
      if (field(j, "weight")) p.data.weight = number_field(j, "weight", where, 1.0);
      if (field(j, "goldstein")) p.data.goldstein = number_field(j, "goldstein", where, 0.0);
      p.data.first_seen = date_field(j, "first_seen", where);
      p.data.last_seen = date_field(j, "last_seen", where);
      if (const json* evidence = field(j, "evidence")) {
        if (!evidence->is_array())
          field_error(where, "evidence",
                      std::string("expected an array, found ") + evidence->type_name());
        // Evidence objects were taken out while parsing (add_evidence_item); what is left
        // in the array is not an object.
        std::size_t i = evidence_items_.size();
        for (const json& x : *evidence)
          require_object(x, where + ".evidence[" + std::to_string(i++) + "]");
      }
      p.data.evidence = std::move(evidence_items_);
      p.evidence_articles = std::move(evidence_articles_);
      evidence_items_.clear();
      evidence_articles_.clear();
    } catch (const FieldError& e) {
      fail(offset, e.what());
    }
    pending_.push_back(std::move(p));
  }

  // One evidence object of the edge being parsed, taken out of the document as soon as it
  // is complete: nlohmann's callback parser scans the whole enclosing array after each
  // object it keeps, which made an edge of n evidence items O(n^2) to read.
  void add_evidence_item(const json& x, std::size_t edge_offset) {
    const std::string at = "edges[" + std::to_string(pending_.size()) + "].evidence[" +
                           std::to_string(evidence_items_.size()) + "]";
    try {
      require_object(x, at);
      graph::Evidence ev;
      evidence_articles_.push_back(string_field(x, "article", at));
      ev.sentence = uint32_field(x, "sentence", at);
      ev.start = uint32_field(x, "start", at);
      ev.end = uint32_field(x, "end", at);
      ev.text = string_field(x, "text", at);
      ev.hedged = bool_field(x, "hedged", at);
      ev.speaker = string_field(x, "speaker", at);
      ev.rule = string_field(x, "rule", at);
      ev.confidence = static_cast<float>(number_field(x, "confidence", at, 1.0));
      ev.mentions = uint32_field(x, "mentions", at);
      ev.sources = uint32_field(x, "sources", at);
      ev.date = date_field(x, "date", at);
      evidence_items_.push_back(std::move(ev));
    } catch (const FieldError& e) {
      fail(edge_offset, e.what());
    }
  }

  // A new edge element starts: no evidence taken yet.
  void start_edge() {
    evidence_items_.clear();
    evidence_articles_.clear();
  }

  void add_article(const json& j, std::size_t offset) {
    const std::string where = "articles[" + std::to_string(article_count_++) + "]";
    guarded(offset, where, [&] {
      require_object(j, where);
      graph::Article a;
      a.id = string_field(j, "id", where);
      if (a.id.empty()) throw FieldError(where + ": an article needs an \"id\"");
      if (g_.find_article(a.id))
        throw FieldError(where + ": duplicate article id '" + excerpt_for_message(a.id) + "'");
      a.title = string_field(j, "title", where);
      a.date = date_field(j, "date", where);
      a.source = string_field(j, "source", where);
      a.url = string_field(j, "url", where);
      a.path = string_field(j, "path", where);
      a.text_hash = string_field(j, "text_hash", where);
      g_.add_article(std::move(a));
    });
  }

  // Adds the edges read so far, now that every node and article is known.
  void finish() {
    for (PendingEdge& p : pending_) {
      const auto s = g_.find_by_id(p.source);
      if (!s)
        fail(p.offset,
             p.where + ".source: '" + excerpt_for_message(p.source) + "' is not a node id");
      const auto t = g_.find_by_id(p.target);
      if (!t)
        fail(p.offset,
             p.where + ".target: '" + excerpt_for_message(p.target) + "' is not a node id");
      for (std::size_t i = 0; i < p.data.evidence.size(); ++i) {
        const std::string& id = p.evidence_articles[i];
        if (id.empty()) continue;
        const auto a = g_.find_article(id);
        p.data.evidence[i].article = a ? *a : g_.add_article(graph::Article{.id = id});
      }
      const graph::EdgeRef e = g_.add_edge(*s, *t, p.data.relation, p.data.weight);
      graph::EdgeData& d = g_.edge_data(e);
      if (!d.goldstein) d.goldstein = p.data.goldstein;
      if (d.evidence.empty()) {
        // A new edge: take the evidence as listed (add_evidence's duplicate check would be
        // quadratic in the evidence of one edge).
        d.evidence = std::move(p.data.evidence);
        for (const graph::Evidence& ev : d.evidence) note_date(d, graph::evidence_date(g_, ev));
      } else {
        for (graph::Evidence& ev : p.data.evidence) g_.add_evidence(e, std::move(ev));
      }
      note_date(d, p.data.first_seen);
      note_date(d, p.data.last_seen);
      p.data.evidence = {};
    }
    pending_.clear();
  }

 private:
  static void note_date(graph::EdgeData& d, graph::Date date) {
    if (date == graph::kNoDate) return;
    if (d.first_seen == graph::kNoDate || date < d.first_seen) d.first_seen = date;
    if (d.last_seen == graph::kNoDate || date > d.last_seen) d.last_seen = date;
  }

  // The id the Graph itself would give a new node of this name.
  std::string free_id(const std::string& name) const {
    const std::string base = graph::slugify(name);
    std::string id = base;
    for (std::size_t n = 2; g_.find_by_id(id); ++n) id = base + "-" + std::to_string(n);
    return id;
  }

  const std::string& text_;
  std::string name_;
  graph::Graph& g_;
  std::vector<PendingEdge> pending_;
  std::vector<graph::Evidence> evidence_items_;  // of the edge being parsed
  std::vector<std::string> evidence_articles_;
  std::size_t node_count_ = 0;
  std::size_t article_count_ = 0;
};

// A character iterator that publishes how far the parser has read, so that parser events
// can be given a position in the file (nlohmann's SAX events carry none).
class TrackedIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackedIterator(const char* p, const char** cursor) : p_(p), cursor_(cursor) {}
  reference operator*() const { return *p_; }
  TrackedIterator& operator++() {
    *cursor_ = ++p_;
    return *this;
  }
  TrackedIterator operator++(int) {
    TrackedIterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const TrackedIterator& o) const { return p_ == o.p_; }

 private:
  const char* p_;
  const char** cursor_;
};

// nlohmann's message without its "[json.exception...] parse error at line L, column C: "
// prefix (we print our own position).
std::string syntax_message(const std::string& what) {
  std::string msg = what;
  if (const auto column = msg.find("column "); column != std::string::npos) {
    if (const auto colon = msg.find(": ", column); colon != std::string::npos)
      msg.erase(0, colon + 2);
  } else if (msg.rfind("[json.exception.", 0) == 0 && msg.find("] ") != std::string::npos) {
    msg.erase(0, msg.find("] ") + 2);
  }
  if (msg.rfind("syntax error ", 0) == 0) msg.erase(0, 13);
  // "last read: '...'" may quote a long token: keep the message short.
  return "invalid JSON: " + excerpt_for_message(msg, 200);
}

// Offset of the opening quote of the first string longer than `limit` bytes, open or closed.
// Quotes outside strings delimit strings in any JSON text; a backslash escapes one byte.
std::optional<std::size_t> find_overlong_string(std::string_view text, std::size_t limit) {
  std::size_t i = 0;
  while ((i = text.find('"', i)) != std::string_view::npos) {
    const std::size_t open = i++;
    while (i < text.size() && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
    if (std::min(i, text.size()) - open - 1 > limit) return open;
    ++i;
  }
  return std::nullopt;
}

}  // namespace

void write_json(const graph::Graph& g, std::ostream& out) {
  out << "{\n  \"format_version\": " << kJsonFormatVersion << ",\n  \"nodes\": [";
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v)
    out << (v ? ",\n    " : "\n    ") << dump(node_json(g, v));
  out << (g.node_count() ? "\n  ]" : "]") << ",\n  \"edges\": [";
  bool first = true;
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it) {
    out << (first ? "\n    " : ",\n    ") << dump(edge_json(g, *it));
    first = false;
  }
  out << (first ? "]" : "\n  ]") << ",\n  \"articles\": [";
  for (std::size_t i = 0; i < g.articles().size(); ++i)
    out << (i ? ",\n    " : "\n    ") << dump(article_json(g.articles()[i]));
  out << (g.articles().empty() ? "]" : "\n  ]") << "\n}\n";
}

graph::Graph load_json(const std::string& path) {
  const std::string text = read_file(path);
  return parse_json(text, path == "-" ? "<stdin>" : path);
}

graph::Graph parse_json(const std::string& text, const std::string& name) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    throw io::ParseError(name, 0, 0, "empty file, not a JSON graph");
  // The graph is built in place and returned by name: copying a Graph is avoided.
  graph::Graph g;
  JsonGraphReader reader(text, name, g);
  if (const auto bad = find_invalid_utf8(text))
    reader.fail(*bad, "invalid UTF-8 (byte offset " + std::to_string(*bad) + ")");
  if (const auto open = find_overlong_string(text, kMaxJsonStringBytes))
    reader.fail(*open, "a string of more than " + std::to_string(kMaxJsonStringBytes) +
                           " bytes (the limit for one JSON string)");

  const char* const begin = text.data();
  const char* cursor = begin;
  // Offset of the last byte the parser consumed (the token that raised the event).
  auto here = [&] { return cursor > begin ? static_cast<std::size_t>(cursor - begin) - 1 : 0; };

  // A JSON graph says so: a "format_version", or the ontology's "nodes" and "edges".
  bool has_version = false, has_nodes = false, has_edges = false;
  std::uint64_t version = 0;
  Section section = Section::kNone;   // the top-level key being read
  Section in_array = Section::kNone;  // the top-level array being read
  std::size_t element_offset = 0;
  bool in_evidence = false;  // inside an edge's "evidence" value
  using Event = json::parse_event_t;
  const json::parser_callback_t callback = [&](int depth, Event event, json& parsed) -> bool {
    if (depth == 0) {
      if (event == Event::object_start || event == Event::object_end) return true;
      reader.fail(here(), "a JSON graph is an object with \"nodes\" and \"edges\", not " +
                              std::string(event == Event::array_start ? "an array" : "a value"));
    }
    if (depth == 1) {
      switch (event) {
        case Event::key: {
          const std::string& key = parsed.get_ref<const std::string&>();
          section = key == "nodes"            ? Section::kNodes
                    : key == "edges"          ? Section::kEdges
                    : key == "articles"       ? Section::kArticles
                    : key == "format_version" ? Section::kFormatVersion
                                              : Section::kNone;
          has_version = has_version || section == Section::kFormatVersion;
          has_nodes = has_nodes || section == Section::kNodes;
          has_edges = has_edges || section == Section::kEdges;
          return true;
        }
        case Event::array_start:
          if (section == Section::kFormatVersion)
            reader.fail(here(), "format_version: expected an integer");
          in_array = section;
          return true;
        case Event::object_start:
          if (section == Section::kNone) return true;
          if (section == Section::kFormatVersion)
            reader.fail(here(), "format_version: expected an integer");
          break;
        case Event::value:
          if (section == Section::kFormatVersion) {
            if (!parsed.is_number_unsigned())
              reader.fail(here(), "format_version: expected an integer, found " + parsed.dump());
            if (parsed.get<std::uint64_t>() > static_cast<std::uint64_t>(kJsonFormatVersion))
              reader.fail(here(), "format_version " + parsed.dump() +
                                      " is newer than this stakegraph reads (" +
                                      std::to_string(kJsonFormatVersion) + ")");
            version = parsed.get<std::uint64_t>();
            return false;
          }
          if (section == Section::kNone) return false;
          break;
        case Event::array_end:
          in_array = Section::kNone;
          return false;
        case Event::object_end:
          return false;
      }
      const char* key = section == Section::kNodes      ? "nodes"
                        : section == Section::kEdges    ? "edges"
                        : section == Section::kArticles ? "articles"
                                                        : "format_version";
      reader.fail(here(), std::string(key) + ": expected an array, found " +
                              (event == Event::object_start ? "an object" : parsed.type_name()));
    }
    if (depth == 3 && in_array == Section::kEdges && event == Event::key) {
      in_evidence = parsed.get_ref<const std::string&>() == "evidence";
      return true;
    }
    if (depth == 4 && in_array == Section::kEdges && in_evidence && event == Event::object_end) {
      reader.add_evidence_item(parsed, element_offset);
      return false;  // taken: drop it from the document
    }
    if (depth == 2 && in_array != Section::kNone) {
      switch (event) {
        case Event::object_start:
          element_offset = here();
          in_evidence = false;
          if (in_array == Section::kEdges) reader.start_edge();
          return true;
        case Event::object_end:
          if (in_array == Section::kNodes)
            reader.add_node(parsed, element_offset);
          else if (in_array == Section::kEdges)
            reader.add_edge(parsed, element_offset);
          else if (in_array == Section::kArticles)
            reader.add_article(parsed, element_offset);
          return false;  // handled: drop it from the document
        case Event::array_start:
        case Event::value: {
          const char* what = in_array == Section::kNodes   ? "a node"
                             : in_array == Section::kEdges ? "an edge"
                                                           : "an article";
          reader.fail(here(), std::string("expected ") + what + " object, found " +
                                  (event == Event::array_start ? "an array" : parsed.type_name()));
        }
        default:
          return true;
      }
    }
    return true;
  };

  try {
    // Every element is consumed by the callback; what remains of the document is empty.
    const json rest = json::parse(TrackedIterator(begin, &cursor),
                                  TrackedIterator(begin + text.size(), &cursor), callback);
    (void)rest;
  } catch (const json::parse_error& e) {
    reader.fail(e.byte > 0 ? e.byte - 1 : 0, syntax_message(e.what()));
  } catch (const json::exception& e) {
    reader.fail(here(), syntax_message(e.what()));
  }
  if (!has_version && !(has_nodes && has_edges))
    throw io::ParseError(name, 0, 0,
                         "not a stakegraph JSON graph: no \"format_version\" key, nor both "
                         "\"nodes\" and \"edges\"");
  reader.finish();
  if (version == 1) upgrade_legacy_weights(g);  // written before user weights
  return g;
}

}  // namespace stakegraph::io
