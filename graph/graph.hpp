// The typed stakeholder graph: one concrete Boost.Graph adjacency_list (bidirectional, vecS
// vertices, one edge per (source, target, relation)) behind the Graph class, with lookup of
// nodes by canonical name, alias or id, evidence kept on every edge, and idempotent merge.
//
// Conventions:
// - Names are compared folded (fold_name): case-insensitive, periods dropped ("U.S." = "US"),
//   other punctuation and runs of spaces as one space, a leading "the" ignored.
// - A canonical name belongs to one node. An alias belongs to the first node that claimed it;
//   later claims are kept on the node (aliases = every surface form seen) but not indexed.
// - Symmetric relations (allied_with, linked_to) are stored once per unordered pair, the
//   endpoint with the smaller index as source. related_to keeps its direction (an edge
//   list's row says which way it goes).
// - Evidence is identified by (article, sentence, start, end, text); adding the same
//   evidence twice changes nothing, so merging the same article twice changes nothing.
// Complexity: node lookup O(1) expected; add_edge O(1) expected (an edge index is built on
// first use, O(E)); add_evidence O(1) expected (an edge with more than kHashEvidenceAbove
// items gets a hash index of its evidence on first use); merge O(V' + E' + evidence') of the
// merged graph.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "graph/date.hpp"
#include "graph/ontology.hpp"

namespace stakegraph::graph {

inline constexpr std::uint32_t kNoArticle = 0xFFFFFFFFu;

struct Article {
  std::string id;
  std::string title;
  Date date = kNoDate;
  std::string source;
  std::string url;
  std::string path;
  std::string text_hash;
};

struct Evidence {
  std::uint32_t article = kNoArticle;  // index into Graph::articles(), kNoArticle if none
  std::uint32_t sentence = 0;
  std::uint32_t start = 0;  // byte span [start, end) in the article body
  std::uint32_t end = 0;
  std::string text;
  bool hedged = false;
  std::string speaker;
  std::string rule;
  float confidence = 1.0f;
  std::uint32_t mentions = 0;  // imports (GDELT NumMentions)
  std::uint32_t sources = 0;   // imports (GDELT NumArticles)
  Date date = kNoDate;         // when it differs from the article's date
};

struct NodeData {
  std::string id;
  std::string name;
  Kind kind = Kind::kOrganization;
  std::vector<std::string> aliases;
  std::vector<std::pair<std::string, std::string>> attributes;  // sorted by key
};

// Weights (see graph/edge_weight.hpp for how analytics read them): `weight` is the
// user-defined weight a file carried (GraphML/CSV/JSON "weight"), absent otherwise (article
// extraction and GDELT never set it); `goldstein` is the mean Goldstein score (-10..10) of
// an edge's GDELT rows, absent for other edges. The evidence count is evidence_total().
struct EdgeData {
  Relation relation = Relation::kRelatedTo;
  std::int8_t sign = 0;
  std::optional<double> weight;
  std::optional<double> goldstein;
  Date first_seen = kNoDate;
  Date last_seen = kNoDate;
  std::vector<Evidence> evidence;
  // Evidence items the edge has in its file but that were not loaded (a topology-only load,
  // io/formats/sgpb_v3.hpp); 0 in a graph loaded whole. Counts and evidence weights read
  // evidence_total().
  std::uint32_t unloaded_evidence = 0;
  std::size_t evidence_total() const noexcept { return evidence.size() + unloaded_evidence; }
};

using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeData, EdgeData>;
using NodeIndex = BoostGraph::vertex_descriptor;  // 0 .. node_count()-1
using EdgeRef = BoostGraph::edge_descriptor;

// Folds a name for comparison (see the file comment). "The U.S." -> "us".
std::string fold_name(std::string_view name);

// An id-safe slug of a name: [a-z0-9-], never empty. "Deutsche Telekom" -> "deutsche-telekom".
std::string slugify(std::string_view name);

class Graph final {
 public:
  Graph() = default;
  // Copies and moves rebuild the edge index lazily: its edge descriptors point into the
  // adjacency_list they came from, never into another graph's.
  Graph(const Graph& other);
  Graph(Graph&& other) noexcept;
  Graph& operator=(const Graph& other);
  Graph& operator=(Graph&& other) noexcept;
  ~Graph() = default;

  // ---- nodes ----
  // Finds the node named `name` (canonical name, then alias) or creates it with `kind`.
  // An existing node keeps its kind (kUnspecified creates an organization). Throws
  // InvalidArgument for an empty name.
  NodeIndex add_node(std::string_view name, Kind kind);
  // Creates a node with this exact id (used by readers of files that carry ids). Throws
  // InvalidArgument if the id or the canonical name is already taken or empty.
  NodeIndex add_node_with_id(std::string_view id, std::string_view name, Kind kind);
  // Records a surface form of the node. Ignored when equal (folded) to its name or an alias.
  void add_alias(NodeIndex v, std::string_view alias);
  void set_attribute(NodeIndex v, std::string_view key, std::string_view value);
  void set_kind(NodeIndex v, Kind kind);

  // By canonical name, then alias, then id. nullopt when nothing matches.
  std::optional<NodeIndex> find_node(std::string_view name_alias_or_id) const;
  std::optional<NodeIndex> find_by_id(std::string_view id) const;
  // By canonical name, then alias (ids not considered).
  std::optional<NodeIndex> find_named(std::string_view name) const;

  // ---- edges ----
  // Finds or creates the edge (s, t, relation); a new edge gets the relation's sign and the
  // given user weight (none by default); an existing edge without a weight takes it. Throws
  // InvalidArgument for an out-of-range node or kUnspecified relation.
  EdgeRef add_edge(NodeIndex s, NodeIndex t, Relation relation,
                   std::optional<double> weight = std::nullopt);
  std::optional<EdgeRef> find_edge(NodeIndex s, NodeIndex t, Relation relation) const;
  // Appends an edge the caller knows to be new (readers of our own checksummed files);
  // skips the edge index, which is rebuilt on the next add_edge/find_edge.
  EdgeRef append_edge_unchecked(NodeIndex s, NodeIndex t, EdgeData data);
  // Adds evidence unless the same evidence is already on the edge; returns whether it was
  // added. Updates first_seen / last_seen from the evidence or article date.
  bool add_evidence(EdgeRef e, Evidence evidence);

  // ---- articles ----
  // Finds the article with this id or adds it; returns its index.
  std::uint32_t add_article(Article article);
  std::optional<std::uint32_t> find_article(std::string_view id) const;
  const std::vector<Article>& articles() const noexcept { return articles_; }

  // ---- merge ----
  // Adds every node, edge, article and evidence of `other`: nodes matched by name or alias
  // (never duplicated), edges by (source, target, relation), evidence deduplicated. An edge
  // keeps its weight and Goldstein mean; it takes `other`'s where it has none. Merging the
  // same graph twice changes nothing.
  void merge(const Graph& other);

  // ---- access ----
  std::size_t node_count() const noexcept { return boost::num_vertices(g_); }
  std::size_t edge_count() const noexcept { return boost::num_edges(g_); }
  std::size_t evidence_count() const noexcept;
  const NodeData& node(NodeIndex v) const { return g_[v]; }
  const EdgeData& edge(EdgeRef e) const { return g_[e]; }
  EdgeData& edge_data(EdgeRef e) { return g_[e]; }
  NodeIndex source(EdgeRef e) const { return boost::source(e, g_); }
  NodeIndex target(EdgeRef e) const { return boost::target(e, g_); }
  const BoostGraph& boost_graph() const noexcept { return g_; }

  // Reserves space for a known number of nodes (readers).
  void reserve_nodes(std::size_t n);

  // Up to this many evidence items on an edge, add_evidence scans them for a duplicate;
  // beyond, it keeps a hash index of that edge's evidence (built on first use).
  static constexpr std::size_t kHashEvidenceAbove = 16;

 private:
  // The evidence of one edge by hash of its identity; `covered` items of the edge's evidence
  // vector are indexed (items appended by other means are indexed on the next add_evidence).
  struct EvidenceIndex {
    std::size_t covered = 0;
    std::unordered_multimap<std::uint64_t, std::uint32_t> by_hash;
  };
  struct EdgeKey {
    NodeIndex s, t;
    Relation r;
    bool operator==(const EdgeKey&) const = default;
  };
  struct EdgeKeyHash {
    std::size_t operator()(const EdgeKey& k) const noexcept {
      std::uint64_t h = k.s * 0x9E3779B97F4A7C15ull;
      h ^= (k.t + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2));
      h ^= static_cast<std::uint64_t>(k.r) * 0xC2B2AE3D27D4EB4Full;
      return static_cast<std::size_t>(h ^ (h >> 29));
    }
  };

  NodeIndex create_node(std::string id, std::string_view name, Kind kind);
  std::string unique_id(std::string_view name) const;
  void ensure_edge_index() const;
  EdgeKey key_of(NodeIndex s, NodeIndex t, Relation r) const;
  void note_date(EdgeData& e, Date d);

  BoostGraph g_;
  std::unordered_map<std::string, NodeIndex> by_name_;   // folded canonical name
  std::unordered_map<std::string, NodeIndex> by_alias_;  // folded alias (first claim)
  std::unordered_map<std::string, NodeIndex> by_id_;
  std::vector<Article> articles_;
  std::unordered_map<std::string, std::uint32_t> article_by_id_;
  // Built lazily on the first add_edge/find_edge so that loading a graph stays cheap.
  mutable std::unordered_map<EdgeKey, EdgeRef, EdgeKeyHash> edge_index_;
  mutable bool edge_index_valid_ = true;
  // Keyed by the edge's property object, which stays in place as edges are added (the edge
  // list is a std::list); never copied: a copy or a moved-to graph rebuilds on first use.
  std::unordered_map<const EdgeData*, EvidenceIndex> evidence_index_;
};

// Evidence date: its own date, else its article's date, else kNoDate.
Date evidence_date(const Graph& g, const Evidence& e);

}  // namespace stakegraph::graph
