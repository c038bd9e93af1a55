#include "cli/timeline.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/analytics.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/printable_output.hpp"
#include "graph/error.hpp"
#include "graph/timeline.hpp"
#include "io/formats/formats.hpp"
#include "io/formats/query_views.hpp"
#include "proto/query.pb.h"

namespace stakegraph::cli {
namespace {

constexpr std::size_t kBarWidth = 40;

std::string plural(std::uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void print_text(const graph::Graph& g, const graph::TimelineOptions& t,
                const graph::TimelineResult& r, const TimelineOptions& o, std::ostream& out) {
  out << "timeline of " << o.graph;
  if (!t.nodes.empty()) {
    out << " for ";
    for (std::size_t i = 0; i < t.nodes.size(); ++i)
      out << (i ? ", " : "") << g.node(t.nodes[i]).name;
  }
  out << ", by " << o.by;
  if (!o.since.empty() || !o.until.empty())
    out << ", " << (o.since.empty() ? "..." : o.since) << " to "
        << (o.until.empty() ? "..." : o.until);
  if (!o.relations.empty()) {
    out << ", relation";
    for (const auto& rel : t.relations) out << " " << graph::relation_name(rel);
  }
  out << "\n";
  if (r.periods.empty()) {
    out << "no dated evidence\n";
  } else {
    std::uint64_t most = 1;
    std::size_t width = 6;  // "period"
    for (const auto& p : r.periods) {
      most = std::max(most, p.evidence);
      width = std::max(width, p.label.size());
    }
    char line[96];
    std::snprintf(line, sizeof line, "%-*s %9s %7s\n", static_cast<int>(width), "period",
                  "evidence", "edges");
    out << line;
    for (const auto& p : r.periods) {
      std::snprintf(line, sizeof line, "%-*s %9llu %7llu", static_cast<int>(width), p.label.c_str(),
                    static_cast<unsigned long long>(p.evidence),
                    static_cast<unsigned long long>(p.edges));
      // A bar of at least one mark for any non-zero count.
      const std::size_t bar =
          p.evidence == 0 ? 0 : std::max<std::size_t>(1, p.evidence * kBarWidth / most);
      out << line << (bar > 0 ? "  " + std::string(bar, '#') : "") << "\n";
    }
  }
  out << plural(r.evidence, "evidence item", "evidence items") << " in "
      << plural(r.periods.size(), "period", "periods") << ", on "
      << plural(r.edges, "edge", "edges") << "\n";
  if (r.undated > 0)
    out << "note: " << plural(r.undated, "evidence item has", "evidence items have")
        << " no date (neither on the item nor on its article) and "
        << (r.undated == 1 ? "is" : "are") << " not counted\n";
  if (r.outside > 0)
    out << "note: " << plural(r.outside, "dated evidence item falls", "dated evidence items fall")
        << " outside --since/--until\n";
}

// A count for the uint32 fields of TimelineResult (saturating; see proto/query.proto).
std::uint32_t u32(std::uint64_t n) {
  return static_cast<std::uint32_t>(std::min<std::uint64_t>(n, 0xFFFFFFFFu));
}

void print_json(const graph::Graph& g, const graph::TimelineOptions& t,
                const graph::TimelineResult& r, const TimelineOptions& o, std::ostream& text) {
  pb::TimelineResult out;
  out.set_by(o.by);
  out.set_since(t.since == graph::kNoDate ? "" : graph::format_iso_date(t.since));
  out.set_until(t.until == graph::kNoDate ? "" : graph::format_iso_date(t.until));
  for (graph::NodeIndex v : t.nodes) *out.add_nodes() = io::node_view(g, v);
  for (graph::Relation rel : t.relations) out.add_relations(static_cast<pb::Relation>(rel));
  for (const auto& p : r.periods) {
    pb::TimelinePeriod* x = out.add_periods();
    x->set_start(graph::format_iso_date(p.start));
    x->set_end(graph::format_iso_date(p.end));
    x->set_label(p.label);
    x->set_evidence(u32(p.evidence));
    x->set_edges(u32(p.edges));
  }
  out.set_edges(u32(r.edges));
  out.set_evidence(u32(r.evidence));
  out.set_undated(u32(r.undated));
  out.set_outside(u32(r.outside));
  print_message_json(out, text);
}

}  // namespace

void run_timeline(const TimelineOptions& o, std::ostream& out) {
  graph::TimelineOptions t;
  const auto by = graph::parse_period(o.by);  // checked by CLI11 (IsMember) on the command line
  if (!by)
    throw graph::InvalidArgument("--by: unknown period '" + o.by +
                                 "' (one of: day, week, month, year)");
  t.by = *by;
  if (!o.since.empty()) t.since = parse_date_option(o.since, "--since");
  if (!o.until.empty()) t.until = parse_date_option(o.until, "--until");
  if (t.since != graph::kNoDate && t.until != graph::kNoDate && t.since > t.until)
    throw graph::InvalidArgument("--since " + o.since + " is after --until " + o.until);
  for (const auto& rel : o.relations) t.relations.push_back(parse_relation_option(rel));
  const graph::Graph g = io::load_graph(o.graph);
  for (const auto& name : o.nodes) {
    const graph::NodeIndex v = resolve_node(g, name, o.graph);
    if (std::find(t.nodes.begin(), t.nodes.end(), v) == t.nodes.end()) t.nodes.push_back(v);
  }
  const graph::TimelineResult r = graph::timeline(g, t);
  if (o.json) {
    print_json(g, t, r, o, out);
  } else {
    print_text(g, t, r, o, out);
  }
}

void setup_timeline(CLI::App& app) {
  auto o = std::make_shared<TimelineOptions>();
  CLI::App* sub = app.add_subcommand(
      "timeline",
      "Evidence items (and distinct edges) per day, week, month or year, from the evidence\n"
      "and article dates: of the whole graph, or of the edges touching the given nodes.");
  sub->add_option("GRAPH", o->graph, "graph file")->required();
  sub->add_option("NODE", o->nodes, "node names, aliases or ids (default: the whole graph)");
  sub->add_option("--by", o->by, "period: day, week (ISO, from Monday), month (default), year")
      ->check(CLI::IsMember({"day", "week", "month", "year"}));
  sub->add_option("--since", o->since, "only evidence dated on or after YYYY-MM-DD");
  sub->add_option("--until", o->until, "only evidence dated on or before YYYY-MM-DD");
  sub->add_option("--relation", o->relations, "only edges of this relation (repeatable)")
      ->allow_extra_args(false);
  sub->add_flag("--json", o->json, "print the TimelineResult message of proto/query.proto");
  sub->callback([o] {
    std::optional<PrintableOutput> text;  // text only: JSON is escaped by protobuf
    if (!o->json) text.emplace(std::cout);
    run_timeline(*o, std::cout);
  });
}

}  // namespace stakegraph::cli
