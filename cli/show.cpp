// stakegraph show GRAPH NODE [--since D] [--until D] [--json]: one node (by name, alias or
// id), its edges and their evidence (of those dates only, with --since/--until).
#include <iostream>
#include <memory>
#include <string>

#include "cli/analytics.hpp"
#include "cli/commands.hpp"
#include "cli/printable_output.hpp"
#include "cli/common.hpp"
#include "graph/error.hpp"
#include "graph/subgraph.hpp"
#include "io/formats.hpp"
#include "io/query_views.hpp"

namespace stakegraph::cli {
namespace {

struct ShowOptions {
  std::string graph;
  std::string node;
  std::string since, until;
  bool json = false;
};

void print_edge_text(const graph::Graph& g, graph::EdgeRef e) {
  const graph::EdgeData& d = g.edge(e);
  std::cout << "  " << g.node(g.source(e)).name << " -" << graph::relation_name(d.relation)
            << "-> " << g.node(g.target(e)).name;
  if (d.first_seen != graph::kNoDate) {
    std::cout << "  [" << graph::format_iso_date(d.first_seen);
    if (d.last_seen != d.first_seen) std::cout << " .. " << graph::format_iso_date(d.last_seen);
    std::cout << "]";
  }
  std::cout << "  (" << d.evidence.size() << " evidence)\n";
  for (const graph::Evidence& ev : d.evidence) {
    std::cout << "      ";
    if (ev.hedged) std::cout << "(hedged) ";
    std::cout << "\"" << ev.text << "\"";
    if (ev.article != graph::kNoArticle) {
      const graph::Article& a = g.articles()[ev.article];
      std::cout << "  -- " << (a.title.empty() ? a.id : a.title);
      if (a.date != graph::kNoDate) std::cout << ", " << graph::format_iso_date(a.date);
    }
    std::cout << "\n";
  }
}

void run_show(const ShowOptions& o) {
  const graph::FilterOptions dates = make_filter({}, {}, o.since, o.until);
  const graph::Graph full = io::load_graph(o.graph);
  const std::string id = full.node(resolve_node(full, o.node, o.graph)).id;
  // --since/--until: the node with the edges and evidence of those dates only.
  graph::Graph filtered;
  if (!dates.selects_everything()) filtered = graph::filter(full, dates);
  const graph::Graph& g = dates.selects_everything() ? full : filtered;
  const auto found = g.find_by_id(id);
  if (!found)
    throw graph::NotFound(o.graph + ": '" + full.node(*full.find_by_id(id)).name +
                          "' has no evidence dated within --since/--until");
  const graph::NodeIndex v = *found;
  const auto& bg = g.boost_graph();
  if (o.json) {
    pb::ShowResult r;
    *r.mutable_node() = io::node_view(g, v);
    for (auto [it, end] = boost::out_edges(v, bg); it != end; ++it)
      *r.add_edges() = io::edge_view(g, *it);
    for (auto [it, end] = boost::in_edges(v, bg); it != end; ++it)
      if (g.source(*it) != v) *r.add_edges() = io::edge_view(g, *it);
    print_message_json(r);
    return;
  }
  const graph::NodeData& d = g.node(v);
  std::cout << d.name << "  (" << graph::kind_name(d.kind) << ", id " << d.id << ")\n";
  if (!d.aliases.empty()) {
    std::cout << "aliases:";
    for (const auto& a : d.aliases) std::cout << " \"" << a << "\"";
    std::cout << "\n";
  }
  for (const auto& [k, val] : d.attributes) std::cout << k << ": " << val << "\n";
  std::cout << "outgoing (" << boost::out_degree(v, bg) << ")\n";
  for (auto [it, end] = boost::out_edges(v, bg); it != end; ++it) print_edge_text(g, *it);
  std::cout << "incoming (" << boost::in_degree(v, bg) << ")\n";
  for (auto [it, end] = boost::in_edges(v, bg); it != end; ++it) print_edge_text(g, *it);
}

}  // namespace

void setup_show(CLI::App& app) {
  auto opts = std::make_shared<ShowOptions>();
  CLI::App* sub = app.add_subcommand(
      "show", "Show one node (by name, alias or id), its edges and their evidence.");
  sub->add_option("GRAPH", opts->graph, "graph file")->required();
  sub->add_option("NODE", opts->node, "node name, alias or id")->required();
  sub->add_option("--since", opts->since, "only evidence dated on or after YYYY-MM-DD");
  sub->add_option("--until", opts->until, "only evidence dated on or before YYYY-MM-DD");
  sub->add_flag("--json", opts->json,
                "print {\"node\": Node, \"edges\": [EdgeView...]} (proto/query.proto)");
  sub->callback([opts] {
    const PrintableOutput text(std::cout);
    run_show(*opts);
  });
}

}  // namespace stakegraph::cli
