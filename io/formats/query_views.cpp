#include "io/formats/query_views.hpp"

#include <algorithm>

#include "io/input.hpp"

namespace stakegraph::io {

std::string valid_utf8(std::string_view text) {
  std::string out;
  while (true) {
    const auto bad = find_invalid_utf8(text);
    if (!bad) break;
    out.append(text.substr(0, *bad));
    out.append("\xEF\xBF\xBD");
    text.remove_prefix(*bad + 1);
  }
  out.append(text);
  return out;
}

pb::Node node_view(const graph::Graph& g, graph::NodeIndex v) {
  const graph::NodeData& d = g.node(v);
  pb::Node n;
  n.set_id(valid_utf8(d.id));
  n.set_name(valid_utf8(d.name));
  n.set_kind(static_cast<pb::Kind>(d.kind));
  for (const auto& a : d.aliases) n.add_aliases(valid_utf8(a));
  for (const auto& [k, val] : d.attributes)
    (*n.mutable_attributes())[valid_utf8(k)] = valid_utf8(val);
  return n;
}

pb::EvidenceView evidence_view(const graph::Graph& g, const graph::Evidence& e) {
  pb::EvidenceView x;
  x.set_text(valid_utf8(e.text));
  x.set_hedged(e.hedged);
  x.set_speaker(valid_utf8(e.speaker));
  if (e.article != graph::kNoArticle && e.article < g.articles().size()) {
    const graph::Article& a = g.articles()[e.article];
    x.set_article(valid_utf8(a.id));
    x.set_title(valid_utf8(a.title));
    x.set_url(valid_utf8(a.url));
    x.set_source(valid_utf8(a.source));
  }
  x.set_date(graph::format_iso_date(graph::evidence_date(g, e)));
  x.set_sentence(e.sentence);
  x.set_start(e.start);
  x.set_end(e.end);
  x.set_rule(valid_utf8(e.rule));
  x.set_confidence(e.confidence);
  x.set_mentions(e.mentions);
  x.set_sources(e.sources);
  return x;
}

pb::EdgeView edge_view(const graph::Graph& g, graph::EdgeRef e, const EdgeViewOptions& options) {
  const graph::EdgeData& d = g.edge(e);
  const graph::NodeData& s = g.node(g.source(e));
  const graph::NodeData& t = g.node(g.target(e));
  pb::EdgeView x;
  x.set_source(valid_utf8(s.id));
  x.set_target(valid_utf8(t.id));
  x.set_relation(static_cast<pb::Relation>(d.relation));
  x.set_sign(d.sign);
  if (d.weight) x.set_weight(*d.weight);
  if (d.goldstein) x.set_goldstein(*d.goldstein);
  x.set_first_seen(graph::format_iso_date(d.first_seen));
  x.set_last_seen(graph::format_iso_date(d.last_seen));
  const std::size_t n = std::min(d.evidence.size(), options.max_evidence);
  for (std::size_t i = 0; i < n; ++i) *x.add_evidence() = evidence_view(g, d.evidence[i]);
  x.set_source_name(valid_utf8(s.name));
  x.set_target_name(valid_utf8(t.name));
  x.set_evidence_count(static_cast<std::uint32_t>(d.evidence.size()));
  return x;
}

}  // namespace stakegraph::io
