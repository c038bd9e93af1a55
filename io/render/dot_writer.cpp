// DOT text of a DotDocument, without Graphviz: the layout of cgraph's agwrite (Graphviz 2.42)
// for the graph io::Renderer builds from the document (see io/render/dot.hpp for the rules).
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/error.hpp"
#include "io/render/dot.hpp"

namespace stakegraph::io {
namespace {

// agwrite breaks quoted strings after this many characters.
constexpr int kMaxOutputLine = 128;

// C strings: cgraph reads a name or value up to its first NUL byte.
std::string_view c_string(std::string_view s) { return s.substr(0, s.find('\0')); }

// Characters of an unquoted identifier: letters, digits, '_' and every non-ASCII byte.
bool is_plain(unsigned char c) { return std::isalnum(c) != 0 || c == '_' || c >= 0x80; }
// Characters a long string is not broken before or after (not '_': as agwrite).
bool is_id_char(unsigned char c) {
  return std::isalnum(c) != 0 || c == '.' || c == '-' || c >= 0x80;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

// A name or value as agwrite writes it: <html>, a plain identifier or number as is, anything
// else (and the keywords) quoted with '"' escaped and long strings broken.
std::string canonical(std::string_view text, bool html = false) {
  text = c_string(text);
  if (html) {
    std::string out(1, '<');
    out.append(text);
    out += '>';
    return out;
  }
  if (text.empty()) return "\"\"";
  std::string out = "\"";
  int count = 0;  // characters since the last line break
  int dots = 0;
  bool needs_quotes = false;
  bool break_pending = false;
  const auto first = static_cast<unsigned char>(text[0]);
  bool maybe_number = std::isdigit(first) != 0 || first == '.' || first == '-';
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '"') {
      out += '\\';
      needs_quotes = true;
    } else if (maybe_number) {
      const bool more = (c == '-' && count != 0) || (c == '.' && dots++ != 0) ||
                        (c != '-' && c != '.' && std::isdigit(c) == 0);
      if (more) {
        maybe_number = false;
        needs_quotes = true;
      }
    } else if (!is_plain(c)) {
      needs_quotes = true;
    }
    out += static_cast<char>(c);
    ++count;
    if (i + 1 == text.size()) break;
    const auto next = static_cast<unsigned char>(text[i + 1]);
    const auto last = static_cast<unsigned char>(out.back());
    const bool may_break = !(is_id_char(last) || last == '\\') && is_id_char(next);
    if (break_pending && may_break) {
      out += "\\\n";
      needs_quotes = true;
      break_pending = false;
      count = 0;
    } else if (count >= kMaxOutputLine) {
      if (may_break) {
        out += "\\\n";
        needs_quotes = true;
        count = 0;
      } else {
        break_pending = true;
      }
    }
  }
  out += '"';
  if (needs_quotes || (count == 1 && (text[0] == '.' || text[0] == '-'))) return out;
  for (std::string_view keyword : {"node", "edge", "strict", "graph", "digraph", "subgraph"})
    if (equals_ignoring_case(keyword, text)) return out;
  return std::string(text);
}

struct Value {
  std::string text;
  bool html = false;
};
// Attributes by name (agwrite's order: strcmp of the names).
using Attrs = std::map<std::string, Value, std::less<>>;

void put(Attrs& attrs, const DotAttr& a) {
  attrs[std::string(c_string(a.name))] = {std::string(c_string(a.value)), a.html};
}

class Writer final {
 public:
  Writer(const DotDocument& doc, std::ostream& out) : doc_(doc), out_(out) {}

  void write() {
    for (const DotAttr& a : doc_.graph_attrs) put(root_graph_, a);
    // The first declaration of a node or edge attribute gives its default; attributes only
    // set on nodes or edges default to "". Graphviz's context declares the node label first,
    // as "\N" (the node's name), for every graph.
    node_defaults_.insert({"label", {"\\N", false}});
    for (const DotAttr& a : doc_.node_defaults) node_defaults_.insert({a.name, {a.value, a.html}});
    for (const DotAttr& a : doc_.edge_defaults) edge_defaults_.insert({a.name, {a.value, a.html}});
    for (const DotNode& n : doc_.nodes)
      for (const DotAttr& a : n.attrs) node_defaults_.insert({a.name, {}});
    for (const DotEdge& e : doc_.edges)
      for (const DotAttr& a : e.attrs) edge_defaults_.insert({a.name, {}});
    for (Attrs* defaults : {&node_defaults_, &edge_defaults_}) {
      Attrs clean;
      for (auto& [name, value] : *defaults)
        clean.insert(
            {std::string(c_string(name)), {std::string(c_string(value.text)), value.html}});
      *defaults = std::move(clean);
    }
    index();

    out_ << "digraph " << canonical(doc_.name) << " {\n";
    level_ = 1;
    write_defaults("graph", root_graph_, true);
    write_defaults("node", node_defaults_, true);
    write_defaults("edge", edge_defaults_, true);
    for (std::size_t c = 0; c < doc_.clusters.size(); ++c) write_cluster(c);
    for (std::size_t v = 0; v < doc_.nodes.size(); ++v) {
      if (writes_node(v, v)) write_node(v);
      std::size_t previous = v;
      for (std::size_t e : out_edges_[v]) {
        const std::size_t head = doc_.edges[e].head;
        if (head != previous && writes_node(head, v)) {
          write_node(head);
          previous = head;
        }
        write_edge(e);
      }
    }
    out_ << "}\n";
    out_.flush();
  }

 private:
  void index() {
    const std::size_t n = doc_.nodes.size();
    out_edges_.assign(n, {});
    has_in_.assign(n, false);
    first_predecessor_.assign(n, n);
    for (std::size_t e = 0; e < doc_.edges.size(); ++e) {
      const DotEdge& edge = doc_.edges[e];
      if (edge.tail >= n || edge.head >= n)
        throw graph::InvalidArgument("drawing: edge endpoint out of range");
      out_edges_[edge.tail].push_back(e);
      has_in_[edge.head] = true;
      first_predecessor_[edge.head] = std::min(first_predecessor_[edge.head], edge.tail);
    }
    // cgraph keeps a node's out-edges ordered by head node, then by creation.
    for (std::vector<std::size_t>& edges : out_edges_)
      std::stable_sort(edges.begin(), edges.end(), [this](std::size_t a, std::size_t b) {
        return doc_.edges[a].head < doc_.edges[b].head;
      });
    in_cluster_.assign(n, false);
    written_.assign(n, false);
    for (std::size_t v = 0; v < n; ++v)
      in_cluster_[v] = doc_.nodes[v].cluster >= 0 &&
                       static_cast<std::size_t>(doc_.nodes[v].cluster) < doc_.clusters.size();
  }

  // agwrite's test for writing node v while at node `at` of the root graph: not in a cluster,
  // no edge into it from a node before `at`, and alone or with an attribute of its own.
  bool writes_node(std::size_t v, std::size_t at) const {
    if (in_cluster_[v] || v < at || first_predecessor_[v] < at) return false;
    const bool no_edges = !has_in_[v] && out_edges_[v].empty();
    return no_edges || !own_attrs(doc_.nodes[v].attrs, node_defaults_).empty();
  }

  // The attributes that differ from the defaults, by name.
  static std::vector<std::pair<std::string, Value>> own_attrs(const std::vector<DotAttr>& attrs,
                                                              const Attrs& defaults) {
    Attrs set;
    for (const DotAttr& a : attrs) put(set, a);
    std::vector<std::pair<std::string, Value>> own;
    for (auto& [name, value] : set)
      if (value.text != defaults.at(name).text) own.emplace_back(name, value);
    return own;
  }

  void indent() {
    for (int i = 0; i < level_; ++i) out_ << '\t';
  }

  // "graph [a=1,\n\tb=2\n];" with the attributes of a non-empty value; a cluster lists every
  // attribute set on it, empty or not.
  void write_defaults(std::string_view kind, const Attrs& attrs, bool root) {
    int count = 0;
    for (const auto& [name, value] : attrs) {
      if (value.text.empty() && root) continue;
      if (count++ == 0) {
        indent();
        out_ << kind << " [";
        ++level_;
      } else {
        out_ << ",\n";
        indent();
      }
      out_ << canonical(name) << '=' << canonical(value.text, value.html);
    }
    if (count == 0) return;
    --level_;
    if (count > 1) {
      out_ << '\n';
      indent();
    }
    out_ << "];\n";
  }

  void write_attrs(const std::vector<std::pair<std::string, Value>>& attrs) {
    if (attrs.empty()) return;
    out_ << "\t[";
    ++level_;
    bool first = true;
    for (const auto& [name, value] : attrs) {
      if (!first) {
        out_ << ",\n";
        indent();
      }
      first = false;
      out_ << canonical(name) << '=' << canonical(value.text, value.html);
    }
    out_ << ']';
    --level_;
  }

  void write_node(std::size_t v) {
    indent();
    out_ << canonical(doc_.nodes[v].name);
    if (!written_[v]) write_attrs(own_attrs(doc_.nodes[v].attrs, node_defaults_));
    written_[v] = true;
    out_ << ";\n";
  }

  void write_edge(std::size_t e) {
    const DotEdge& edge = doc_.edges[e];
    indent();
    out_ << canonical(doc_.nodes[edge.tail].name) << " -> "
         << canonical(doc_.nodes[edge.head].name);
    write_attrs(own_attrs(edge.attrs, edge_defaults_));
    out_ << ";\n";
  }

  void write_cluster(std::size_t c) {
    const DotCluster& cluster = doc_.clusters[c];
    indent();
    out_ << "subgraph " << canonical(cluster.name) << " {\n";
    ++level_;
    Attrs attrs;
    for (const DotAttr& a : cluster.attrs) put(attrs, a);
    write_defaults("graph", attrs, false);
    for (std::size_t v = 0; v < doc_.nodes.size(); ++v)
      if (in_cluster_[v] && static_cast<std::size_t>(doc_.nodes[v].cluster) == c) write_node(v);
    --level_;
    indent();
    out_ << "}\n";
  }

  const DotDocument& doc_;
  std::ostream& out_;
  int level_ = 0;
  Attrs root_graph_, node_defaults_, edge_defaults_;
  std::vector<std::vector<std::size_t>> out_edges_;
  std::vector<bool> has_in_, in_cluster_, written_;
  std::vector<std::size_t> first_predecessor_;
};

}  // namespace

void write_dot(const DotDocument& doc, std::ostream& out) {
  Writer(doc, out).write();
  if (!out) throw graph::Error("cannot write DOT: output stream failed");
}

}  // namespace stakegraph::io
