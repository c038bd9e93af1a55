#include "cli/diff.hpp"

#include <date/date.h>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/analytics.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/printable_output.hpp"
#include "graph/diff.hpp"
#include "graph/error.hpp"
#include "graph/subgraph.hpp"
#include "io/formats/formats.hpp"
#include "io/formats/query_views.hpp"

namespace stakegraph::cli {
namespace {

// The day before `d` (a valid date).
graph::Date day_before(graph::Date d) {
  const date::year_month_day ymd{date::year{d / 10000},
                                 date::month{static_cast<unsigned>(d / 100 % 100)},
                                 date::day{static_cast<unsigned>(d % 100)}};
  const date::year_month_day p{date::sys_days{ymd} - date::days{1}};
  return static_cast<int>(p.year()) * 10000 + static_cast<int>(unsigned(p.month())) * 100 +
         static_cast<int>(unsigned(p.day()));
}

const char* sign_word(int s) { return s > 0 ? "+" : s < 0 ? "-" : "0"; }

void print_edge(const graph::Graph& g, graph::EdgeRef e, const char* mark, std::size_t evidence,
                std::ostream& out) {
  const graph::EdgeData& d = g.edge(e);
  out << "  " << mark << g.node(g.source(e)).name << " -" << graph::relation_name(d.relation)
      << "-> " << g.node(g.target(e)).name << "  (" << d.evidence.size() << " evidence";
  if (d.first_seen != graph::kNoDate) {
    out << ", " << graph::format_iso_date(d.first_seen);
    if (d.last_seen != d.first_seen) out << " .. " << graph::format_iso_date(d.last_seen);
  }
  out << ")\n";
  for (std::size_t i = 0; i < d.evidence.size() && i < evidence; ++i) {
    const graph::Evidence& ev = d.evidence[i];
    out << "      ";
    if (ev.hedged) out << "(hedged) ";
    if (!ev.speaker.empty()) out << ev.speaker << ": ";
    out << "\"" << ev.text << "\"";
    if (ev.article != graph::kNoArticle) {
      const graph::Article& a = g.articles()[ev.article];
      out << "  -- " << (a.title.empty() ? a.id : a.title);
    }
    const graph::Date when = graph::evidence_date(g, ev);
    if (when != graph::kNoDate) out << ", " << graph::format_iso_date(when);
    out << "\n";
  }
}

void print_text(const graph::Graph& before, const graph::Graph& after, const graph::GraphDiff& r,
                const std::string& before_name, const std::string& after_name, std::size_t evidence,
                std::ostream& out) {
  out << "before: " << before_name << " (" << before.node_count() << " nodes, "
      << before.edge_count() << " edges)\n"
      << "after:  " << after_name << " (" << after.node_count() << " nodes, " << after.edge_count()
      << " edges)\n";
  if (r.empty()) {
    out << "no difference\n";
    return;
  }
  auto nodes = [&out](const graph::Graph& g, const std::vector<graph::NodeIndex>& vs,
                      const char* title, const char* mark) {
    if (vs.empty()) return;
    out << title << " (" << vs.size() << ")\n";
    for (graph::NodeIndex v : vs)
      out << "  " << mark << g.node(v).name << "  (" << graph::kind_name(g.node(v).kind) << ")\n";
  };
  nodes(after, r.nodes_added, "nodes added", "+ ");
  nodes(before, r.nodes_removed, "nodes removed", "- ");
  if (!r.edges_added.empty()) out << "edges added (" << r.edges_added.size() << ")\n";
  for (graph::EdgeRef e : r.edges_added) print_edge(after, e, "+ ", evidence, out);
  if (!r.edges_removed.empty()) out << "edges removed (" << r.edges_removed.size() << ")\n";
  for (graph::EdgeRef e : r.edges_removed) print_edge(before, e, "- ", evidence, out);
  if (!r.sign_changes.empty()) out << "sign changes (" << r.sign_changes.size() << ")\n";
  for (const graph::SignChange& c : r.sign_changes) {
    out << "  " << before.node(c.a_before).name << " ~ " << before.node(c.b_before).name << ": "
        << sign_word(c.before) << " -> " << sign_word(c.after) << "\n";
    for (graph::EdgeRef e : c.before_edges) print_edge(before, e, "  before: ", evidence, out);
    for (graph::EdgeRef e : c.after_edges) print_edge(after, e, "  after:  ", evidence, out);
  }
}

void print_json_result(const graph::Graph& before, const graph::Graph& after,
                       const graph::GraphDiff& r, const std::string& before_name,
                       const std::string& after_name, std::size_t evidence, std::ostream& text) {
  pb::DiffResult out;
  out.set_before(valid_utf8(before_name));
  out.set_after(valid_utf8(after_name));
  const io::EdgeViewOptions ev{.max_evidence = evidence};
  for (graph::NodeIndex v : r.nodes_added) *out.add_nodes_added() = io::node_view(after, v);
  for (graph::NodeIndex v : r.nodes_removed) *out.add_nodes_removed() = io::node_view(before, v);
  for (graph::EdgeRef e : r.edges_added) *out.add_edges_added() = io::edge_view(after, e, ev);
  for (graph::EdgeRef e : r.edges_removed) *out.add_edges_removed() = io::edge_view(before, e, ev);
  for (const graph::SignChange& c : r.sign_changes) {
    pb::SignChange* x = out.add_sign_changes();
    x->set_a(valid_utf8(before.node(c.a_before).id));
    x->set_a_name(valid_utf8(before.node(c.a_before).name));
    x->set_b(valid_utf8(before.node(c.b_before).id));
    x->set_b_name(valid_utf8(before.node(c.b_before).name));
    x->set_before(c.before);
    x->set_after(c.after);
    for (graph::EdgeRef e : c.before_edges) *x->add_before_edges() = io::edge_view(before, e, ev);
    for (graph::EdgeRef e : c.after_edges) *x->add_after_edges() = io::edge_view(after, e, ev);
  }
  print_message_json(out, text);
}

}  // namespace

void run_diff(const DiffOptions& o, std::ostream& out) {
  graph::Graph before, after;
  std::string before_name, after_name;
  if (o.graphs.size() == 2) {
    if (!o.from.empty() || !o.to.empty() || !o.since.empty())
      throw graph::InvalidArgument(
          "diff of two graph files takes no --from/--to/--since (they cut one graph by date)");
    before = io::load_graph(o.graphs[0]);
    after = io::load_graph(o.graphs[1]);
    before_name = o.graphs[0];
    after_name = o.graphs[1];
  } else {
    if (o.from.empty())
      throw graph::InvalidArgument(
          "diff needs two graph files, or one with --from DATE (and --to DATE)");
    const graph::Date d1 = parse_date_option(o.from, "--from");
    graph::FilterOptions early = make_filter({}, {}, o.since, "");
    graph::FilterOptions late = make_filter({}, {}, o.from, o.to);
    early.until = day_before(d1);
    if (early.since != graph::kNoDate && early.since > early.until)
      throw graph::InvalidArgument("--since " + o.since + " is not before --from " + o.from);
    early.drop_isolated = late.drop_isolated = true;
    const graph::Graph g = io::load_graph(o.graphs[0]);
    before = graph::filter(g, early);
    after = graph::filter(g, late);
    before_name = o.graphs[0] + " before " + o.from + (o.since.empty() ? "" : " from " + o.since);
    after_name = o.graphs[0] + " from " + o.from + (o.to.empty() ? "" : " to " + o.to);
  }
  const graph::GraphDiff r = graph::diff_graphs(before, after);
  if (o.json) {
    print_json_result(before, after, r, before_name, after_name, o.evidence, out);
  } else {
    print_text(before, after, r, before_name, after_name, o.evidence, out);
  }
}

void setup_diff(CLI::App& app) {
  auto o = std::make_shared<DiffOptions>();
  CLI::App* sub = app.add_subcommand(
      "diff",
      "What appears, disappears or changes sign: between two graph files (diff BEFORE AFTER),\n"
      "or in one graph between its evidence before --from and its evidence from --from to\n"
      "--to (diff GRAPH --from D1 --to D2). Edges are shown with their evidence.");
  sub->add_option("GRAPH", o->graphs, "one graph file (with --from), or two (BEFORE AFTER)")
      ->required()
      ->expected(1, 2);
  sub->add_option("--from", o->from,
                  "the date that splits GRAPH: before it vs from it (YYYY-MM-DD)");
  sub->add_option("--to", o->to, "the later period ends on this date (default: no end)");
  sub->add_option("--since", o->since,
                  "the earlier period starts on this date (default: no start)");
  sub->add_option("--evidence", o->evidence, "evidence items shown per edge (default 1)");
  sub->add_flag("--json", o->json, "print the DiffResult message of proto/query.proto");
  sub->callback([o] {
    const PrintableOutput text(std::cout);
    run_diff(*o, std::cout);
  });
}

}  // namespace stakegraph::cli
