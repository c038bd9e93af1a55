#include "io/formats/gexf.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "io/formats/xml_text.hpp"

namespace stakegraph::io {
namespace {

using Spell = std::pair<graph::Date, graph::Date>;

// Days since the epoch of a yyyymmdd date (for "consecutive day" tests).
int day_number(graph::Date d) {
  const std::chrono::year_month_day ymd{std::chrono::year(d / 10000),
                                        std::chrono::month(static_cast<unsigned>(d / 100 % 100)),
                                        std::chrono::day(static_cast<unsigned>(d % 100))};
  return std::chrono::sys_days(ymd).time_since_epoch().count();
}

// Sorted, overlapping or adjacent (next day) spells merged.
std::vector<Spell> merge_spells(std::vector<Spell> spells) {
  std::sort(spells.begin(), spells.end());
  std::vector<Spell> out;
  for (const Spell& s : spells) {
    if (!out.empty() && day_number(s.first) <= day_number(out.back().second) + 1) {
      out.back().second = std::max(out.back().second, s.second);
    } else {
      out.push_back(s);
    }
  }
  return out;
}

std::vector<Spell> edge_spells(const graph::Graph& g, const graph::EdgeData& d) {
  std::vector<Spell> days;
  for (const graph::Evidence& ev : d.evidence)
    if (const graph::Date when = graph::evidence_date(g, ev); when != graph::kNoDate)
      days.emplace_back(when, when);
  if (days.empty() && d.first_seen != graph::kNoDate)
    days.emplace_back(d.first_seen, d.last_seen == graph::kNoDate ? d.first_seen : d.last_seen);
  return merge_spells(std::move(days));
}

void write_attr(std::ostream& out, const char* name, std::string_view value) {
  out << ' ' << name << "=\"";
  write_xml_escaped(out, value);
  out << '"';
}

void write_value(std::ostream& out, std::string_view id, std::string_view value) {
  out << "<attvalue";
  write_attr(out, "for", id);
  write_attr(out, "value", value);
  out << "/>";
}

void write_spells(std::ostream& out, const std::vector<Spell>& spells) {
  if (spells.empty()) return;
  out << "<spells>";
  for (const auto& [start, end] : spells)
    out << "<spell start=\"" << graph::format_iso_date(start) << "\" end=\""
        << graph::format_iso_date(end) << "\"/>";
  out << "</spells>";
}

void declare(std::ostream& out, std::string_view id, std::string_view title, const char* type) {
  out << "      <attribute";
  write_attr(out, "id", id);
  write_attr(out, "title", title);
  out << " type=\"" << type << "\"/>\n";
}

const char* gexf_type(AttributeType t) {
  switch (t) {
    case AttributeType::kInt:
      return "integer";
    case AttributeType::kDouble:
      return "double";
    case AttributeType::kString:
      return "string";
  }
  return "string";
}

}  // namespace

void write_gexf(const graph::Graph& g, std::ostream& out, const GexfOptions& options) {
  const bool v13 = options.version == GexfVersion::k1_3;
  const char* ns = v13 ? "http://gexf.net/1.3" : "http://www.gexf.net/1.2draft";
  const auto& bg = g.boost_graph();

  std::vector<std::vector<Spell>> edge_spell;
  std::vector<std::vector<Spell>> node_spell(g.node_count());
  edge_spell.reserve(g.edge_count());
  bool dynamic = false;
  for (auto [it, end] = boost::edges(bg); it != end; ++it) {
    edge_spell.push_back(edge_spells(g, bg[*it]));
    const auto& s = edge_spell.back();
    dynamic = dynamic || !s.empty();
    for (graph::NodeIndex v : {g.source(*it), g.target(*it)})
      node_spell[v].insert(node_spell[v].end(), s.begin(), s.end());
  }
  for (auto& s : node_spell) s = merge_spells(std::move(s));

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<gexf xmlns=\"" << ns << "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      << "    xsi:schemaLocation=\"" << ns << ' ' << ns << "/gexf.xsd\" version=\""
      << (v13 ? "1.3" : "1.2") << "\">\n"
      << "  <meta><creator>stakegraph</creator></meta>\n"
      << "  <graph defaultedgetype=\"directed\" mode=\"" << (dynamic ? "dynamic" : "static")
      << "\" timeformat=\"date\">\n";

  const auto types = attribute_types(g);
  std::map<std::string, std::string> attribute_id;  // node attribute key -> "a<N>"
  out << "    <attributes class=\"node\" mode=\"static\">\n";
  declare(out, "kind", "kind", "string");
  declare(out, "aliases", "aliases", "string");
  for (const auto& [key, type] : types) {
    const std::string id = "a" + std::to_string(attribute_id.size());
    attribute_id.emplace(key, id);
    const bool clash = key == "kind" || key == "aliases" || key == "label";
    declare(out, id, clash ? "attribute." + key : key, gexf_type(type));
  }
  out << "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n";
  declare(out, "relation", "relation", "string");
  declare(out, "sign", "sign", "integer");
  declare(out, "goldstein", "goldstein", "double");
  declare(out, "evidence_count", "evidence_count", "integer");
  declare(out, "first_seen", "first_seen", "string");
  declare(out, "last_seen", "last_seen", "string");
  out << "    </attributes>\n    <nodes>\n";
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v) {
    const graph::NodeData& d = g.node(v);
    out << "      <node";
    write_attr(out, "id", d.id);
    write_attr(out, "label", d.name);
    out << "><attvalues>";
    write_value(out, "kind", graph::kind_name(d.kind));
    if (!d.aliases.empty()) {
      std::string joined;
      for (const std::string& a : d.aliases) joined += (joined.empty() ? "" : " | ") + a;
      write_value(out, "aliases", joined);
    }
    for (const auto& [key, value] : d.attributes) write_value(out, attribute_id.at(key), value);
    out << "</attvalues>";
    write_spells(out, node_spell[v]);
    out << "</node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  std::size_t n = 0;
  for (auto [it, end] = boost::edges(bg); it != end; ++it, ++n) {
    const graph::EdgeData& d = bg[*it];
    out << "      <edge id=\"e" << n << '"';
    write_attr(out, "source", g.node(g.source(*it)).id);
    write_attr(out, "target", g.node(g.target(*it)).id);
    write_attr(out, "label", graph::relation_name(d.relation));
    if (d.weight) out << " weight=\"" << format_double(*d.weight) << '"';
    out << "><attvalues>";
    write_value(out, "relation", graph::relation_name(d.relation));
    write_value(out, "sign", std::to_string(static_cast<int>(d.sign)));
    if (d.goldstein) write_value(out, "goldstein", format_double(*d.goldstein));
    write_value(out, "evidence_count", std::to_string(d.evidence.size()));
    if (d.first_seen != graph::kNoDate)
      write_value(out, "first_seen", graph::format_iso_date(d.first_seen));
    if (d.last_seen != graph::kNoDate)
      write_value(out, "last_seen", graph::format_iso_date(d.last_seen));
    out << "</attvalues>";
    write_spells(out, edge_spell[n]);
    out << "</edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace stakegraph::io
