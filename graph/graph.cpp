#include "graph/graph.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <tuple>

#include "graph/error.hpp"
#include "graph/names.hpp"

namespace stakegraph::graph {

Graph::Graph(const Graph& other)
    : g_(other.g_),
      by_name_(other.by_name_),
      by_alias_(other.by_alias_),
      by_id_(other.by_id_),
      articles_(other.articles_),
      article_by_id_(other.article_by_id_),
      edge_index_valid_(false) {}

namespace {

// Boost 1.74's adjacency_list has no move constructor (std::move copies it) and its swap()
// copies too: a moved Graph was a deep copy, twice the memory for a moment (a 10^7-edge graph
// did not fit in 8 GiB). Its two containers are public: swap them. The out- and in-edge
// entries point into the nodes of the edge list, which std::list::swap leaves in place.
void swap_boost_graphs(BoostGraph& a, BoostGraph& b) noexcept {
  a.m_edges.swap(b.m_edges);
  a.m_vertices.swap(b.m_vertices);
}

}  // namespace

Graph::Graph(Graph&& other) noexcept
    : by_name_(std::move(other.by_name_)),
      by_alias_(std::move(other.by_alias_)),
      by_id_(std::move(other.by_id_)),
      articles_(std::move(other.articles_)),
      article_by_id_(std::move(other.article_by_id_)),
      edge_index_valid_(false) {
  swap_boost_graphs(g_, other.g_);
  other.edge_index_.clear();
  other.edge_index_valid_ = false;
  other.evidence_index_.clear();
}

Graph& Graph::operator=(const Graph& other) {
  if (this != &other) {
    Graph copy(other);
    *this = std::move(copy);
  }
  return *this;
}

Graph& Graph::operator=(Graph&& other) noexcept {
  if (this != &other) {
    swap_boost_graphs(g_, other.g_);
    other.g_.clear();
    by_name_ = std::move(other.by_name_);
    by_alias_ = std::move(other.by_alias_);
    by_id_ = std::move(other.by_id_);
    articles_ = std::move(other.articles_);
    article_by_id_ = std::move(other.article_by_id_);
    edge_index_.clear();
    edge_index_valid_ = false;
    other.edge_index_.clear();
    other.edge_index_valid_ = false;
    evidence_index_.clear();
    other.evidence_index_.clear();
  }
  return *this;
}

std::string Graph::unique_id(std::string_view name) const {
  std::string base = slugify(name);
  if (!by_id_.count(base)) return base;
  for (std::size_t n = 2;; ++n) {
    std::string candidate = base + "-" + std::to_string(n);
    if (!by_id_.count(candidate)) return candidate;
  }
}

NodeIndex Graph::create_node(std::string id, std::string_view name, Kind kind) {
  NodeIndex v = boost::add_vertex(g_);
  NodeData& d = g_[v];
  d.id = std::move(id);
  d.name = std::string(name);
  d.kind = kind == Kind::kUnspecified ? Kind::kOrganization : kind;
  by_id_.emplace(d.id, v);
  by_name_.emplace(fold_name(name), v);
  return v;
}

NodeIndex Graph::add_node(std::string_view raw_name, Kind kind) {
  const std::string name = clean_name(raw_name);
  // Folded once for the look-ups and the new node's key (find_named and create_node would
  // fold it twice more: every article's graph creates its nodes here).
  std::string folded = fold_name(name);
  if (folded.empty()) throw InvalidArgument("a node needs a non-empty name");
  std::optional<NodeIndex> found;
  if (auto it = by_name_.find(folded); it != by_name_.end()) {
    found = it->second;
  } else if (auto at = by_alias_.find(folded); at != by_alias_.end()) {
    found = at->second;
  }
  if (found) {
    add_alias(*found, name);  // no-op when it is the canonical name or a known alias
    return *found;
  }
  std::string id = unique_id(name);
  const NodeIndex v = boost::add_vertex(g_);
  NodeData& d = g_[v];
  d.id = std::move(id);
  d.name = name;
  d.kind = kind == Kind::kUnspecified ? Kind::kOrganization : kind;
  by_id_.emplace(d.id, v);
  by_name_.emplace(std::move(folded), v);
  return v;
}

NodeIndex Graph::add_node_with_id(std::string_view id, std::string_view raw_name, Kind kind) {
  if (id.empty()) throw InvalidArgument("a node needs a non-empty id");
  const std::string name = clean_name(raw_name);
  const std::string folded = fold_name(name);
  if (folded.empty()) throw InvalidArgument("node '" + std::string(id) + "' has an empty name");
  if (by_id_.count(std::string(id)))
    throw InvalidArgument("duplicate node id '" + std::string(id) + "'");
  if (auto it = by_name_.find(folded); it != by_name_.end()) {
    // Files written before names were accent-folded may hold "Société" and "Societe" as two
    // nodes: both are kept (the second found by id only). ASCII duplicates were always
    // refused, and still are.
    const std::string& other = g_[it->second].name;
    const auto ascii = [](std::string_view s) {
      return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
    };
    if (ascii(name) && ascii(other)) throw InvalidArgument("duplicate node name '" + name + "'");
  }
  return create_node(std::string(id), name, kind);
}

void Graph::add_alias(NodeIndex v, std::string_view raw_alias) {
  if (v >= node_count()) throw InvalidArgument("add_alias: node index out of range");
  const std::string alias = clean_name(raw_alias);
  const std::string folded = fold_name(alias);
  if (folded.empty()) return;
  NodeData& d = g_[v];
  if (fold_name(d.name) == folded) return;
  // Every alias of every node is some node's name (by_name_) or claimed in by_alias_ (only
  // this function adds aliases, and neither map loses a key): an alias in neither is new to
  // v, and one whose first claim is v is v's already. Only the rest is looked for among v's
  // aliases, so that a node given many new aliases costs linear time, not quadratic (a JSON
  // node with 20,000 aliases took 5.8 s, a version 3 file's 7.7 s; issue 13).
  const auto claim = by_alias_.find(folded);
  if (claim != by_alias_.end() && claim->second == v) return;
  const bool named = by_name_.count(folded) != 0;
  if (claim != by_alias_.end() || named) {
    for (const auto& a : d.aliases) {
      if (fold_name(a) == folded) return;
    }
  }
  d.aliases.emplace_back(alias);
  if (!named) by_alias_.emplace(folded, v);
}

void Graph::set_attribute(NodeIndex v, std::string_view key, std::string_view value) {
  if (v >= node_count()) throw InvalidArgument("set_attribute: node index out of range");
  auto& attrs = g_[v].attributes;
  auto it = std::lower_bound(attrs.begin(), attrs.end(), key,
                             [](const auto& kv, std::string_view k) { return kv.first < k; });
  if (it != attrs.end() && it->first == key) {
    it->second = std::string(value);
  } else {
    attrs.emplace(it, std::string(key), std::string(value));
  }
}

void Graph::set_kind(NodeIndex v, Kind kind) {
  if (v >= node_count()) throw InvalidArgument("set_kind: node index out of range");
  if (kind != Kind::kUnspecified) g_[v].kind = kind;
}

std::optional<NodeIndex> Graph::find_named(std::string_view name) const {
  const std::string folded = fold_name(name);
  if (auto it = by_name_.find(folded); it != by_name_.end()) return it->second;
  if (auto it = by_alias_.find(folded); it != by_alias_.end()) return it->second;
  return std::nullopt;
}

std::optional<NodeIndex> Graph::find_node(std::string_view query) const {
  if (auto v = find_named(query)) return v;
  return find_by_id(query);
}

std::optional<NodeIndex> Graph::find_by_id(std::string_view id) const {
  if (auto it = by_id_.find(std::string(id)); it != by_id_.end()) return it->second;
  return std::nullopt;
}

Graph::EdgeKey Graph::key_of(NodeIndex s, NodeIndex t, Relation r) const {
  if (is_symmetric(r) && t < s) std::swap(s, t);
  return EdgeKey{s, t, r};
}

void Graph::ensure_edge_index() const {
  if (edge_index_valid_) return;
  edge_index_.clear();
  edge_index_.reserve(edge_count());
  for (auto [it, end] = boost::edges(g_); it != end; ++it) {
    const EdgeRef e = *it;
    edge_index_.emplace(key_of(boost::source(e, g_), boost::target(e, g_), g_[e].relation), e);
  }
  edge_index_valid_ = true;
}

std::optional<EdgeRef> Graph::find_edge(NodeIndex s, NodeIndex t, Relation relation) const {
  ensure_edge_index();
  if (auto it = edge_index_.find(key_of(s, t, relation)); it != edge_index_.end())
    return it->second;
  return std::nullopt;
}

EdgeRef Graph::add_edge(NodeIndex s, NodeIndex t, Relation relation, std::optional<double> weight) {
  if (s >= node_count() || t >= node_count())
    throw InvalidArgument("add_edge: node index out of range");
  if (relation == Relation::kUnspecified)
    throw InvalidArgument("add_edge: an edge needs a relation");
  if (auto e = find_edge(s, t, relation)) {
    if (weight && !g_[*e].weight) g_[*e].weight = weight;
    return *e;
  }
  const EdgeKey key = key_of(s, t, relation);
  EdgeData d;
  d.relation = relation;
  d.sign = static_cast<std::int8_t>(relation_sign(relation));
  d.weight = weight;
  EdgeRef e = boost::add_edge(key.s, key.t, std::move(d), g_).first;
  edge_index_.emplace(key, e);
  return e;
}

EdgeRef Graph::append_edge_unchecked(NodeIndex s, NodeIndex t, EdgeData data) {
  if (s >= node_count() || t >= node_count())
    throw InvalidArgument("append_edge_unchecked: node index out of range");
  if (data.relation == Relation::kUnspecified)
    throw InvalidArgument("append_edge_unchecked: an edge needs a relation");
  if (is_symmetric(data.relation) && t < s) std::swap(s, t);
  edge_index_valid_ = false;
  edge_index_.clear();
  return boost::add_edge(s, t, std::move(data), g_).first;
}

void Graph::note_date(EdgeData& e, Date d) {
  if (d == kNoDate) return;
  if (e.first_seen == kNoDate || d < e.first_seen) e.first_seen = d;
  if (e.last_seen == kNoDate || d > e.last_seen) e.last_seen = d;
}

namespace {

bool same_evidence(const Evidence& x, const Evidence& y) {
  return x.article == y.article && x.sentence == y.sentence && x.start == y.start &&
         x.end == y.end && x.text == y.text;
}

std::uint64_t evidence_hash(const Evidence& x) {
  std::uint64_t h = std::hash<std::string_view>{}(x.text);
  for (const std::uint32_t v : {x.article, x.sentence, x.start, x.end}) {
    h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    h *= 0xC2B2AE3D27D4EB4Full;
  }
  return h ^ (h >> 31);
}

}  // namespace

bool Graph::add_evidence(EdgeRef e, Evidence evidence) {
  EdgeData& d = g_[e];
  if (d.evidence.size() <= kHashEvidenceAbove) {
    for (const Evidence& x : d.evidence)
      if (same_evidence(x, evidence)) return false;
  } else {
    // Hashed: one edge may carry hundreds of thousands of items (GDELT, JSON imports).
    EvidenceIndex& index = evidence_index_[&d];
    if (index.covered > d.evidence.size()) index = EvidenceIndex{};
    if (index.covered == 0) index.by_hash.reserve(d.evidence.size() * 2);
    for (; index.covered < d.evidence.size(); ++index.covered)
      index.by_hash.emplace(evidence_hash(d.evidence[index.covered]),
                            static_cast<std::uint32_t>(index.covered));
    const std::uint64_t h = evidence_hash(evidence);
    for (auto [it, end] = index.by_hash.equal_range(h); it != end; ++it)
      if (same_evidence(d.evidence[it->second], evidence)) return false;
    index.by_hash.emplace(h, static_cast<std::uint32_t>(d.evidence.size()));
    ++index.covered;
  }
  note_date(d, evidence_date(*this, evidence));
  d.evidence.push_back(std::move(evidence));
  return true;
}

std::uint32_t Graph::add_article(Article article) {
  if (auto it = article_by_id_.find(article.id); it != article_by_id_.end()) return it->second;
  if (articles_.size() >= kNoArticle) throw InvalidArgument("too many articles in one graph");
  const auto index = static_cast<std::uint32_t>(articles_.size());
  article_by_id_.emplace(article.id, index);
  articles_.push_back(std::move(article));
  return index;
}

std::optional<std::uint32_t> Graph::find_article(std::string_view id) const {
  if (auto it = article_by_id_.find(std::string(id)); it != article_by_id_.end()) return it->second;
  return std::nullopt;
}

std::size_t Graph::evidence_count() const noexcept {
  std::size_t n = 0;
  for (auto [it, end] = boost::edges(g_); it != end; ++it) n += g_[*it].evidence_total();
  return n;
}

void Graph::reserve_nodes(std::size_t n) {
  g_.m_vertices.reserve(n);
  by_id_.reserve(n);
  by_name_.reserve(n);
}

Date evidence_date(const Graph& g, const Evidence& e) {
  if (e.date != kNoDate) return e.date;
  if (e.article != kNoArticle && e.article < g.articles().size())
    return g.articles()[e.article].date;
  return kNoDate;
}

}  // namespace stakegraph::graph
