#include "io/formats/proto_convert.hpp"

#include <algorithm>
#include <vector>

#include "graph/error.hpp"
#include "io/error.hpp"

namespace stakegraph::io {

using graph::Date;

static_assert(static_cast<int>(graph::Kind::kAllegation) == pb::allegation);
static_assert(static_cast<int>(graph::Kind::kOperator) == pb::operator_);
static_assert(static_cast<int>(graph::Relation::kAssault) == pb::ASSAULT);
static_assert(static_cast<int>(graph::Relation::kSupplies) == pb::supplies);
static_assert(static_cast<int>(graph::Relation::kRelatedTo) == pb::related_to);
static_assert(graph::kKindCount == pb::Kind_ARRAYSIZE);
static_assert(graph::kRelationCount == pb::Relation_ARRAYSIZE);

namespace {

Date parse_date_field(const std::string& s) {
  if (s.empty()) return graph::kNoDate;
  auto d = graph::parse_iso_date(s);
  if (!d) throw graph::InvalidArgument("invalid date '" + s + "' (expected YYYY-MM-DD)");
  return *d;
}

}  // namespace

pb::Article to_proto(const graph::Article& a) {
  pb::Article m;
  m.set_id(a.id);
  m.set_title(a.title);
  m.set_date(graph::format_iso_date(a.date));
  m.set_source(a.source);
  m.set_url(a.url);
  m.set_path(a.path);
  m.set_text_hash(a.text_hash);
  return m;
}

graph::Article from_proto(const pb::Article& m) {
  graph::Article a;
  a.id = m.id();
  a.title = m.title();
  a.date = parse_date_field(m.date());
  a.source = m.source();
  a.url = m.url();
  a.path = m.path();
  a.text_hash = m.text_hash();
  return a;
}

pb::Node to_proto(const graph::Graph& g, graph::NodeIndex v) {
  const graph::NodeData& d = g.node(v);
  pb::Node m;
  m.set_id(d.id);
  m.set_name(d.name);
  m.set_kind(static_cast<pb::Kind>(d.kind));
  for (const auto& a : d.aliases) m.add_aliases(a);
  for (const auto& [k, val] : d.attributes) (*m.mutable_attributes())[k] = val;
  return m;
}

void evidence_to_proto(const graph::Graph& g, const graph::Evidence& ev, pb::Evidence* x) {
  if (ev.article != graph::kNoArticle) x->set_article(g.articles()[ev.article].id);
  x->set_sentence(ev.sentence);
  x->set_start(ev.start);
  x->set_end(ev.end);
  x->set_text(ev.text);
  x->set_hedged(ev.hedged);
  x->set_speaker(ev.speaker);
  x->set_rule(ev.rule);
  x->set_confidence(ev.confidence);
  x->set_mentions(ev.mentions);
  x->set_sources(ev.sources);
  x->set_date(graph::format_iso_date(ev.date));
}

pb::Edge to_proto(const graph::Graph& g, graph::EdgeRef e, bool with_evidence) {
  const graph::EdgeData& d = g.edge(e);
  pb::Edge m;
  m.set_source(g.node(g.source(e)).id);
  m.set_target(g.node(g.target(e)).id);
  m.set_relation(static_cast<pb::Relation>(d.relation));
  m.set_sign(d.sign);
  if (d.weight) m.set_weight(*d.weight);
  if (d.goldstein) m.set_goldstein(*d.goldstein);
  m.set_first_seen(graph::format_iso_date(d.first_seen));
  m.set_last_seen(graph::format_iso_date(d.last_seen));
  if (with_evidence)
    for (const graph::Evidence& ev : d.evidence) evidence_to_proto(g, ev, m.add_evidence());
  return m;
}

graph::Evidence evidence_from_proto(graph::Graph& g, const pb::Evidence& x) {
  graph::Evidence ev;
  if (!x.article().empty()) {
    auto a = g.find_article(x.article());
    ev.article = a ? *a : g.add_article(graph::Article{.id = x.article()});
  }
  ev.sentence = x.sentence();
  ev.start = x.start();
  ev.end = x.end();
  ev.text = x.text();
  ev.hedged = x.hedged();
  ev.speaker = x.speaker();
  ev.rule = x.rule();
  ev.confidence = static_cast<float>(x.confidence());
  ev.mentions = x.mentions();
  ev.sources = x.sources();
  ev.date = parse_date_field(x.date());
  return ev;
}

graph::NodeIndex add_from_proto(graph::Graph& g, const pb::Node& m) {
  const auto kind = m.kind() == pb::KIND_UNSPECIFIED ? graph::Kind::kOrganization
                                                     : static_cast<graph::Kind>(m.kind());
  const graph::NodeIndex v =
      m.id().empty() ? g.add_node(m.name(), kind) : g.add_node_with_id(m.id(), m.name(), kind);
  for (const auto& a : m.aliases()) g.add_alias(v, a);
  set_attributes_from_proto(g, v, m.attributes());
  return v;
}

void set_attributes_from_proto(graph::Graph& g, graph::NodeIndex v,
                               const google::protobuf::Map<std::string, std::string>& m) {
  std::vector<const google::protobuf::MapPair<std::string, std::string>*> sorted;
  sorted.reserve(m.size());
  for (const auto& kv : m) sorted.push_back(&kv);
  std::sort(sorted.begin(), sorted.end(),
            [](const auto* a, const auto* b) { return a->first < b->first; });
  for (const auto* kv : sorted) g.set_attribute(v, kv->first, kv->second);
}

graph::EdgeRef add_from_proto(graph::Graph& g, const pb::Edge& m, bool known_new) {
  const auto s = g.find_by_id(m.source());
  if (!s) throw graph::NotFound("edge source '" + m.source() + "' is not a node id");
  const auto t = g.find_by_id(m.target());
  if (!t) throw graph::NotFound("edge target '" + m.target() + "' is not a node id");
  if (m.relation() <= pb::RELATION_UNSPECIFIED || m.relation() >= pb::Relation_ARRAYSIZE)
    throw graph::InvalidArgument("edge " + m.source() + " -> " + m.target() +
                                 " has no valid relation");
  const auto rel = static_cast<graph::Relation>(m.relation());
  graph::EdgeData d;
  d.relation = rel;
  d.sign = static_cast<std::int8_t>(graph::relation_sign(rel));
  if (m.has_weight()) d.weight = m.weight();
  if (m.has_goldstein()) d.goldstein = m.goldstein();
  d.first_seen = parse_date_field(m.first_seen());
  d.last_seen = parse_date_field(m.last_seen());
  d.evidence.reserve(static_cast<std::size_t>(m.evidence_size()));
  for (const pb::Evidence& x : m.evidence()) d.evidence.push_back(evidence_from_proto(g, x));
  if (known_new) return g.append_edge_unchecked(*s, *t, std::move(d));
  graph::EdgeRef e = g.add_edge(*s, *t, rel, d.weight);
  graph::EdgeData& dst = g.edge_data(e);
  if (!dst.goldstein) dst.goldstein = d.goldstein;
  for (Date date : {d.first_seen, d.last_seen}) {
    if (date == graph::kNoDate) continue;
    if (dst.first_seen == graph::kNoDate || date < dst.first_seen) dst.first_seen = date;
    if (dst.last_seen == graph::kNoDate || date > dst.last_seen) dst.last_seen = date;
  }
  for (auto& ev : d.evidence) g.add_evidence(e, std::move(ev));
  return e;
}

pb::Graph to_proto(const graph::Graph& g) {
  pb::Graph m;
  m.set_format_version(1);
  for (const auto& a : g.articles()) *m.add_articles() = to_proto(a);
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v) *m.add_nodes() = to_proto(g, v);
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it)
    *m.add_edges() = to_proto(g, *it);
  return m;
}

graph::Graph from_proto(const pb::Graph& m, const std::string& file) {
  graph::Graph g;
  try {
    for (const auto& a : m.articles()) g.add_article(from_proto(a));
    for (const auto& n : m.nodes()) add_from_proto(g, n);
    for (const auto& e : m.edges()) add_from_proto(g, e);
  } catch (const io::ParseError&) {
    throw;
  } catch (const graph::Error& e) {
    throw io::ParseError(file, 0, 0, e.what());
  }
  return g;
}

}  // namespace stakegraph::io
