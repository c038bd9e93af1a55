// Graphs shared by several tests.
#pragma once

#include <random>
#include <string>

#include "graph/graph.hpp"

namespace stakegraph::test_support {

// The seed story, drawn:
//   United States (US, Washington) -REQUEST-> Germany      [hedged]
//   United States -SANCTION-> Huawei                        [2 evidence, 2 articles]
//   Huawei -supplies-> BT, EE, Vodafone, Three
//   The Wall Street Journal -reports-> United States
//   Huawei -REJECT-> espionage via backdoors -implicates-> Huawei
//   Germany -allied_with- United States
// Attributes, aliases, quotes, backslashes and non-ASCII text appear in names and evidence.
inline graph::Graph story_graph() {
  using namespace graph;
  Graph g;
  const auto a1 = g.add_article({.id = "seed",
                                 .title = "US government 'urges' allies",
                                 .date = 20190201,
                                 .source = "TechRadar",
                                 .url = "https://x/1",
                                 .path = "samples/articles/seed.txt",
                                 .text_hash = "ab12"});
  const auto a2 =
      g.add_article({.id = "second", .title = "Ban \"widens\" \\ <&>", .date = 20190515});
  const NodeIndex us = g.add_node("United States", Kind::kGovernment);
  g.add_alias(us, "US");
  g.add_alias(us, "Washington");
  g.set_attribute(us, "iso3166", "US");
  const NodeIndex de = g.add_node("Germany", Kind::kGovernment);
  const NodeIndex hw = g.add_node("Huawei", Kind::kVendor);
  g.add_alias(hw, "the Chinese company");
  const NodeIndex wsj = g.add_node("The Wall Street Journal", Kind::kMedia);
  const NodeIndex esp = g.add_node("espionage via backdoors", Kind::kAllegation);
  const NodeIndex ren =
      g.add_node("Ren Zhengfei \xE4\xBB\xBB\xE6\xAD\xA3\xE9\x9D\x9E", Kind::kPerson);
  auto evidence = [](std::uint32_t art, std::uint32_t i, std::string text, bool hedged) {
    Evidence e;
    e.article = art;
    e.sentence = i;
    e.start = i * 50;
    e.end = i * 50 + static_cast<std::uint32_t>(text.size());
    e.text = std::move(text);
    e.hedged = hedged;
    e.rule = "test";
    e.confidence = 0.75f;
    return e;
  };
  g.add_evidence(g.add_edge(us, de, Relation::kRequest),
                 evidence(a1, 1,
                          "The US is reportedly urging \xE2\x80\x9C"
                          "allies\xE2\x80\x9D.",
                          true));
  const EdgeRef ban = g.add_edge(us, hw, Relation::kSanction);
  g.add_evidence(ban, evidence(a1, 4, "Huawei has been frozen out of the US market.", false));
  g.add_evidence(ban, evidence(a2, 0, "Washington \"banned\" C:\\ <Huawei> & co.", false));
  for (const char* op : {"BT", "EE", "Vodafone", "Three"}) {
    const NodeIndex o = g.add_node(op, Kind::kOperator);
    g.add_evidence(g.add_edge(hw, o, Relation::kSupplies),
                   evidence(a1, 7, "BT, EE, Vodafone and Three are all customers.", false));
  }
  g.add_evidence(g.add_edge(wsj, us, Relation::kReports), evidence(a1, 2, "A report...", true));
  g.add_evidence(g.add_edge(hw, esp, Relation::kReject), evidence(a1, 6, "Huawei denied.", false));
  g.add_edge(esp, hw, Relation::kImplicates, 0.5);
  g.add_edge(de, us, Relation::kAlliedWith);
  g.add_edge(ren, hw, Relation::kPartOf);
  return g;
}

// A random multi-relation graph with `n` nodes and about `m` edges (seeded).
inline graph::Graph random_graph(std::size_t n, std::size_t m, unsigned seed,
                                 bool with_evidence = true) {
  using namespace graph;
  Graph g;
  std::mt19937_64 rng(seed);
  const auto art = g.add_article({.id = "random", .date = 20200101});
  for (std::size_t i = 0; i < n; ++i)
    g.add_node("node " + std::to_string(i), static_cast<Kind>(1 + rng() % (kKindCount - 1)));
  for (std::size_t i = 0; i < m; ++i) {
    const auto s = static_cast<NodeIndex>(rng() % n), t = static_cast<NodeIndex>(rng() % n);
    const auto r = static_cast<Relation>(1 + rng() % (kRelationCount - 1));
    const EdgeRef e = g.add_edge(s, t, r, 1.0 + static_cast<double>(rng() % 10));
    if (with_evidence) {
      Evidence ev;
      ev.article = art;
      ev.sentence = static_cast<std::uint32_t>(i);
      ev.start = static_cast<std::uint32_t>(i * 10);
      ev.end = ev.start + 9;
      ev.text = "sentence " + std::to_string(i);
      ev.hedged = rng() % 4 == 0;
      g.add_evidence(e, ev);
    }
  }
  return g;
}

// Structural equality: same node ids, names, kinds, aliases, attributes; same edges with the
// same relation, weight, dates and evidence; same articles. Returns "" or the first difference.
inline std::string graph_difference(const graph::Graph& a, const graph::Graph& b,
                                    bool compare_evidence = true) {
  using namespace graph;
  if (a.node_count() != b.node_count())
    return "node count " + std::to_string(a.node_count()) + " vs " + std::to_string(b.node_count());
  if (a.edge_count() != b.edge_count())
    return "edge count " + std::to_string(a.edge_count()) + " vs " + std::to_string(b.edge_count());
  for (NodeIndex v = 0; v < a.node_count(); ++v) {
    const NodeData& x = a.node(v);
    const auto w = b.find_by_id(x.id);
    if (!w) return "node id " + x.id + " missing";
    const NodeData& y = b.node(*w);
    if (x.name != y.name || x.kind != y.kind) return "node " + x.id + " name/kind differ";
    if (x.aliases != y.aliases) return "node " + x.id + " aliases differ";
    if (x.attributes != y.attributes) return "node " + x.id + " attributes differ";
  }
  for (auto [it, end] = boost::edges(a.boost_graph()); it != end; ++it) {
    const EdgeData& x = a.edge(*it);
    const auto s = b.find_by_id(a.node(a.source(*it)).id);
    const auto t = b.find_by_id(a.node(a.target(*it)).id);
    const std::string label = a.node(a.source(*it)).id + " -" +
                              std::string(relation_name(x.relation)) + "-> " +
                              a.node(a.target(*it)).id;
    const auto e = b.find_edge(*s, *t, x.relation);
    if (!e) return "edge " + label + " missing";
    const EdgeData& y = b.edge(*e);
    if (x.weight != y.weight || x.goldstein != y.goldstein || x.sign != y.sign)
      return "edge " + label + " weight/sign differ";
    if (!compare_evidence) continue;
    if (x.first_seen != y.first_seen || x.last_seen != y.last_seen)
      return "edge " + label + " dates differ";
    if (x.evidence.size() != y.evidence.size()) return "edge " + label + " evidence count differs";
    for (std::size_t i = 0; i < x.evidence.size(); ++i) {
      const Evidence &p = x.evidence[i], &q = y.evidence[i];
      const std::string pa = p.article == kNoArticle ? "" : a.articles()[p.article].id;
      const std::string qa = q.article == kNoArticle ? "" : b.articles()[q.article].id;
      if (pa != qa || p.sentence != q.sentence || p.start != q.start || p.end != q.end ||
          p.text != q.text || p.hedged != q.hedged || p.speaker != q.speaker || p.rule != q.rule ||
          p.confidence != q.confidence)
        return "edge " + label + " evidence " + std::to_string(i) + " differs";
    }
  }
  if (compare_evidence) {
    if (a.articles().size() != b.articles().size()) return "article count differs";
    for (const Article& x : a.articles()) {
      const auto i = b.find_article(x.id);
      if (!i) return "article " + x.id + " missing";
      const Article& y = b.articles()[*i];
      if (x.title != y.title || x.date != y.date || x.source != y.source || x.url != y.url ||
          x.path != y.path || x.text_hash != y.text_hash)
        return "article " + x.id + " fields differ";
    }
  }
  return "";
}

}  // namespace stakegraph::test_support
