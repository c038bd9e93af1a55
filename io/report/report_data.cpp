#include "io/report/report_data.hpp"

#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <set>
#include <tuple>

#include "graph/betweenness.hpp"
#include "graph/camps.hpp"
#include "graph/centrality.hpp"
#include "graph/communities.hpp"
#include "graph/components.hpp"
#include "graph/csr.hpp"
#include "graph/edge_weight.hpp"
#include "graph/error.hpp"
#include "io/input.hpp"
#include "io/render/dot.hpp"
#include "proto/query.pb.h"

namespace stakegraph::io::report {
namespace {

using graph::EdgeRef;
using graph::Graph;
using graph::NodeIndex;
using Json = nlohmann::ordered_json;

// `text` with every invalid UTF-8 byte replaced by U+FFFD, so that marks are counted on the
// text the page shows.
std::string valid_utf8(std::string_view text) {
  std::string out;
  while (const auto bad = find_invalid_utf8(text)) {
    out.append(text.substr(0, *bad));
    out.append("\xEF\xBF\xBD");
    text.remove_prefix(*bad + 1);
  }
  out.append(text);
  return out;
}

bool ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

unsigned char ascii_lower(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a') : c;
}

bool equal_folded(std::string_view text, std::size_t at, std::string_view form) {
  for (std::size_t i = 0; i < form.size(); ++i)
    if (ascii_lower(static_cast<unsigned char>(text[at + i])) !=
        ascii_lower(static_cast<unsigned char>(form[i])))
      return false;
  return true;
}

// UTF-16 code units of the valid UTF-8 text before byte `at`, counted from `from` (whose
// count is `units`).
std::size_t utf16_units(std::string_view text, std::size_t from, std::size_t at,
                        std::size_t units) {
  for (std::size_t i = from; i < at; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    units += (c >= 0xF0) ? 2 : 1;      // a 4-byte sequence is a surrogate pair
  }
  return units;
}

// Days since 1970-01-01 of a yyyymmdd date (proleptic Gregorian; H. Hinnant's
// days_from_civil).
long days_of(graph::Date d) {
  long y = d / 10000;
  const long m = (d / 100) % 100, day = d % 100;
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// The day after d.
graph::Date next_day(graph::Date d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int y = d / 10000, m = (d / 100) % 100, day = d % 100;
  if (m < 1 || m > 12) return (y + 1) * 10000 + 101;  // not a date: on to the next year
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int length = m == 2 && leap ? 29 : kDays[m - 1];
  if (++day > length) {
    day = 1;
    if (++m > 12) {
      m = 1;
      ++y;
    }
  }
  return y * 10000 + m * 100 + day;
}

std::string kind_of(const graph::NodeData& n) {
  return std::string(
      graph::kind_name(n.kind == graph::Kind::kUnspecified ? graph::Kind::kOrganization : n.kind));
}

// A query-result message as JSON, printed the way the CLI prints it (proto field names,
// every primitive field).
Json message_json(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;
  std::string text;
  const auto status = google::protobuf::util::MessageToJsonString(message, &text, options);
  if (!status.ok())
    throw graph::Error("report: cannot print a result as JSON: " + status.ToString());
  return Json::parse(text);
}

// Nodes ordered by score, highest first, ties by id (as `stakegraph centrality` lists them).
std::vector<NodeIndex> ranked(const Graph& g, const std::vector<double>& scores) {
  std::vector<NodeIndex> order(g.node_count());
  std::iota(order.begin(), order.end(), NodeIndex{0});
  std::stable_sort(order.begin(), order.end(), [&](NodeIndex a, NodeIndex b) {
    if (scores[a] != scores[b]) return scores[a] > scores[b];
    return g.node(a).id < g.node(b).id;
  });
  return order;
}

Json centrality_json(const Graph& g, const char* metric, const graph::CentralityResult& r,
                     const std::vector<NodeIndex>& order) {
  pb::CentralityResult out;
  out.set_metric(metric);
  for (NodeIndex v : order) {
    pb::NodeScore* s = out.add_scores();
    s->set_id(valid_utf8(g.node(v).id));
    s->set_name(valid_utf8(g.node(v).name));
    s->set_kind(static_cast<pb::Kind>(g.node(v).kind));
    s->set_score(r.scores[v]);
  }
  if (r.samples > 0) {
    out.set_samples(r.samples);
    out.set_error_bound(r.error_bound);
    out.set_confidence(graph::BetweennessOptions{}.confidence);
  }
  return message_json(out);
}

struct Camps {
  graph::CampsResult result;
  Json json;
  Json frustration = Json::array();
};

Camps camps_of(const Graph& g) {
  Camps c;
  const graph::SignedGraph s = graph::build_signed(g);
  c.result = graph::camps(s);
  const std::vector<std::uint32_t>& camp = c.result.membership;
  pb::ClusterResult msg;
  msg.set_method("camps");
  msg.set_modularity(graph::modularity(graph::build_csr(g), camp));
  msg.set_frustration(c.result.frustration);
  msg.set_optimal(c.result.exact);
  const auto members = graph::cluster_members(camp, c.result.count);
  for (std::uint32_t k = 0; k < c.result.count; ++k) {
    pb::Cluster* cl = msg.add_clusters();
    cl->set_id(k);
    for (std::uint32_t v : members[k]) {
      cl->add_members(valid_utf8(g.node(v).name));
      cl->add_ids(valid_utf8(g.node(v).id));
    }
  }
  c.json = message_json(msg);
  std::vector<double> inside(c.result.count, 0.0), across(c.result.count, 0.0);
  for (std::uint32_t u = 0; u < s.n; ++u) {
    for (std::uint64_t i = s.offsets[u]; i < s.offsets[u + 1]; ++i) {
      const std::uint32_t v = s.targets[i];
      const double w = s.weights[i];
      if (v <= u) continue;  // each pair once
      if (camp[u] == camp[v] && w < 0) inside[camp[u]] -= w;
      if (camp[u] != camp[v] && w > 0) {
        across[camp[u]] += w;
        across[camp[v]] += w;
      }
    }
  }
  for (std::uint32_t k = 0; k < c.result.count; ++k)
    c.frustration.push_back({{"id", k}, {"inside", inside[k]}, {"across", across[k]}});
  return c;
}

// The names by which the edge's endpoints may appear in its sentences: names first, then
// aliases, without repeats, at most kMaxMarkForms.
std::vector<std::string> endpoint_forms(const Graph& g, EdgeRef e) {
  std::vector<std::string> forms;
  std::set<std::string> seen;
  auto add = [&](const std::string& f) {
    if (forms.size() < kMaxMarkForms && seen.insert(f).second) forms.push_back(valid_utf8(f));
  };
  const graph::NodeData& s = g.node(g.source(e));
  const graph::NodeData& t = g.node(g.target(e));
  add(s.name);
  add(t.name);
  for (const auto& a : s.aliases) add(a);
  for (const auto& a : t.aliases) add(a);
  return forms;
}

Json marks_json(const std::vector<std::pair<std::size_t, std::size_t>>& marks) {
  Json out = Json::array();
  for (const auto& [from, to] : marks) out.push_back(Json::array({from, to}));
  return out;
}

Json timeline_json(const std::map<graph::Date, std::size_t>& per_day, std::size_t undated) {
  Json t;
  Json bins = Json::array();
  if (!per_day.empty()) {
    const graph::Date first = per_day.begin()->first, last = per_day.rbegin()->first;
    const bool days = days_of(last) - days_of(first) <= kTimelineDaysUpTo;
    t["unit"] = days ? "day" : "month";
    if (days) {
      for (graph::Date d = first; d <= last; d = next_day(d)) {
        const auto it = per_day.find(d);
        bins.push_back({{"period", graph::format_iso_date(d)},
                        {"count", it == per_day.end() ? 0 : it->second}});
      }
    } else {
      std::map<int, std::size_t> months;  // yyyymm
      for (const auto& [d, n] : per_day) months[d / 100] += n;
      for (int m = first / 100; m <= last / 100; m = (m % 100 == 12) ? m + 89 : m + 1) {
        const auto it = months.find(m);
        bins.push_back({{"period", graph::format_iso_date(m * 100 + 1).substr(0, 7)},
                        {"count", it == months.end() ? 0 : it->second}});
      }
    }
  } else {
    t["unit"] = "day";
  }
  t["bins"] = std::move(bins);
  t["undated"] = undated;
  return t;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> find_marks(std::string_view text,
                                                            const std::vector<std::string>& forms) {
  std::vector<const std::string*> order;
  for (const std::string& f : forms)
    if (!f.empty()) order.push_back(&f);
  std::stable_sort(order.begin(), order.end(), [](const std::string* a, const std::string* b) {
    return a->size() > b->size();
  });
  std::vector<std::pair<std::size_t, std::size_t>> bytes;  // accepted [from, to), bytes
  for (const std::string* form : order) {
    const std::size_t n = form->size();
    for (std::size_t at = 0; at + n <= text.size(); ++at) {
      if (!equal_folded(text, at, *form)) continue;
      const bool starts = at == 0 || !ascii_alnum(static_cast<unsigned char>(text[at - 1])) ||
                          !ascii_alnum(static_cast<unsigned char>((*form)[0]));
      const bool ends = at + n == text.size() ||
                        !ascii_alnum(static_cast<unsigned char>(text[at + n])) ||
                        !ascii_alnum(static_cast<unsigned char>((*form)[n - 1]));
      if (!starts || !ends) continue;
      const bool overlaps = std::any_of(bytes.begin(), bytes.end(), [&](const auto& m) {
        return at < m.second && m.first < at + n;
      });
      if (overlaps) continue;
      bytes.emplace_back(at, at + n);
      at += n - 1;
    }
  }
  std::sort(bytes.begin(), bytes.end());
  std::vector<std::pair<std::size_t, std::size_t>> units;
  std::size_t pos = 0, count = 0;
  for (const auto& [from, to] : bytes) {
    const std::size_t a = utf16_units(text, pos, from, count);
    const std::size_t b = utf16_units(text, from, to, a);
    units.emplace_back(a, b);
    pos = to;
    count = b;
  }
  return units;
}

std::string report_data_json(const Graph& g, const ReportDataOptions& options) {
  const std::size_t n = g.node_count();
  Json doc;
  doc["format"] = "stakegraph-report";
  doc["format_version"] = kReportFormatVersion;
  doc["title"] = valid_utf8(options.title);
  doc["graph_file"] = valid_utf8(options.graph_file);
  doc["selection"] = valid_utf8(options.selection);
  doc["weight"] = std::string(graph::weight_source_name(options.weight));

  // Centralities and camps on the report's graph.
  const bool weighted = options.weight != graph::WeightSource::kNone;
  if (weighted) graph::require_positive_weights(g, options.weight, false, "the report's ranks");
  const graph::Csr undirected =
      graph::build_csr(g, {.weighted = weighted, .source = options.weight});
  graph::PageRankOptions po;
  po.weighted = weighted;
  const graph::CentralityResult pr = graph::pagerank(undirected, po);
  graph::BetweennessOptions bo;
  bo.cost = weighted ? graph::EdgeCost::kInverseWeight : graph::EdgeCost::kHops;
  if (n > kReportExactBetweennessUpTo) bo.samples = kReportBetweennessSamples;
  const graph::CentralityResult bc = graph::betweenness_centrality(undirected, bo);
  const std::vector<NodeIndex> pr_order = ranked(g, pr.scores);
  const std::vector<NodeIndex> bc_order = ranked(g, bc.scores);
  std::vector<std::size_t> pr_rank(n), bc_rank(n);
  for (std::size_t i = 0; i < n; ++i) {
    pr_rank[pr_order[i]] = i + 1;
    bc_rank[bc_order[i]] = i + 1;
  }
  Camps camps = camps_of(g);

  Json nodes = Json::array();
  for (NodeIndex v = 0; v < n; ++v) {
    const graph::NodeData& d = g.node(v);
    Json aliases = Json::array();
    for (const auto& a : d.aliases) aliases.push_back(valid_utf8(a));
    Json attributes = Json::object();
    std::string cameo;
    for (const auto& [k, value] : d.attributes) {
      attributes[valid_utf8(k)] = valid_utf8(value);
      if (k == "cameo") cameo = valid_utf8(value);
    }
    nodes.push_back({{"id", valid_utf8(d.id)},
                     {"name", valid_utf8(d.name)},
                     {"kind", kind_of(d)},
                     {"aliases", std::move(aliases)},
                     {"attributes", std::move(attributes)},
                     {"svg", svg_node_id(g, v)},
                     {"cameo", cameo},
                     {"in_degree", boost::in_degree(v, g.boost_graph())},
                     {"out_degree", boost::out_degree(v, g.boost_graph())},
                     {"pagerank", pr.scores[v]},
                     {"pagerank_rank", pr_rank[v]},
                     {"betweenness", bc.scores[v]},
                     {"betweenness_rank", bc_rank[v]},
                     {"camp", camps.result.membership[v]}});
  }

  // Edges in drawing order, each with the id of the drawn edge that shows it.
  Json edges = Json::array();
  std::map<std::uint32_t, std::pair<std::size_t, std::size_t>> per_article;  // edges, evidence
  std::map<graph::Date, std::size_t> per_day;
  std::set<graph::Date> dates;
  std::size_t undated = 0;
  for (const DrawnEdge& drawn : drawn_edges(g, options.merge_parallel)) {
    for (EdgeRef e : drawn.edges) {
      const graph::EdgeData& d = g.edge(e);
      const std::vector<std::string> forms = endpoint_forms(g, e);
      Json evidence = Json::array();
      std::set<std::uint32_t> articles;
      bool all_hedged = !d.evidence.empty();
      for (const graph::Evidence& x : d.evidence) {
        const graph::Date when = graph::evidence_date(g, x);
        if (when == graph::kNoDate) {
          ++undated;
        } else {
          ++per_day[when];
          dates.insert(when);
        }
        if (x.article != graph::kNoArticle) {
          ++per_article[x.article].second;
          articles.insert(x.article);
        }
        all_hedged = all_hedged && x.hedged;
        const std::string text = valid_utf8(x.text);
        evidence.push_back(
            {{"article", x.article == graph::kNoArticle ? std::string()
                                                        : valid_utf8(g.articles()[x.article].id)},
             {"sentence", x.sentence},
             {"start", x.start},
             {"end", x.end},
             {"text", text},
             {"hedged", x.hedged},
             {"speaker", valid_utf8(x.speaker)},
             {"rule", valid_utf8(x.rule)},
             {"date", graph::format_iso_date(x.date)},
             {"evidence_date", graph::format_iso_date(when)},
             {"marks", marks_json(find_marks(text, forms))}});
      }
      for (std::uint32_t a : articles) ++per_article[a].first;
      edges.push_back({{"source", valid_utf8(g.node(g.source(e)).id)},
                       {"target", valid_utf8(g.node(g.target(e)).id)},
                       {"relation", graph::relation_name(d.relation)},
                       {"sign", d.sign},
                       {"weight", d.weight ? Json(*d.weight) : Json()},
                       {"first_seen", graph::format_iso_date(d.first_seen)},
                       {"last_seen", graph::format_iso_date(d.last_seen)},
                       {"svg", drawn.svg_id},
                       {"hedged", all_hedged},
                       {"evidence", std::move(evidence)}});
    }
  }

  // Cited articles, by date (undated last), then title and id.
  std::vector<std::uint32_t> cited;
  for (const auto& [a, counts] : per_article) cited.push_back(a);
  std::sort(cited.begin(), cited.end(), [&](std::uint32_t x, std::uint32_t y) {
    const graph::Article& a = g.articles()[x];
    const graph::Article& b = g.articles()[y];
    const auto key = [](const graph::Article& r) {
      return std::make_tuple(r.date == graph::kNoDate, r.date, r.title, r.id);
    };
    return key(a) < key(b);
  });
  Json articles = Json::array();
  for (std::uint32_t a : cited) {
    const graph::Article& r = g.articles()[a];
    articles.push_back({{"id", valid_utf8(r.id)},
                        {"title", valid_utf8(r.title)},
                        {"date", graph::format_iso_date(r.date)},
                        {"source", valid_utf8(r.source)},
                        {"url", valid_utf8(r.url)},
                        {"edges", per_article[a].first},
                        {"evidence", per_article[a].second}});
  }

  doc["nodes"] = std::move(nodes);
  doc["edges"] = std::move(edges);
  doc["articles"] = std::move(articles);
  doc["pagerank"] = centrality_json(g, "pagerank", pr, pr_order);
  doc["betweenness"] = centrality_json(g, "betweenness", bc, bc_order);
  doc["camps"] = std::move(camps.json);
  doc["camp_frustration"] = std::move(camps.frustration);
  doc["timeline"] = timeline_json(per_day, undated);
  Json date_list = Json::array();
  for (graph::Date d : dates) date_list.push_back(graph::format_iso_date(d));
  doc["dates"] = std::move(date_list);
  return doc.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace stakegraph::io::report
