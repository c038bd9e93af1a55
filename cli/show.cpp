// stakegraph show GRAPH NODE: one node (by name, alias or id), its edges and their evidence.
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/printable_output.hpp"
#include "cli/common.hpp"
#include "io/formats.hpp"

namespace stakegraph::cli {
namespace {

struct ShowOptions {
  std::string graph;
  std::string node;
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
  const graph::Graph g = io::load_graph(o.graph);
  const graph::NodeIndex v = resolve_node(g, o.node, o.graph);
  const auto& bg = g.boost_graph();
  if (o.json) {
    nlohmann::json edges = nlohmann::json::array();
    for (auto [it, end] = boost::out_edges(v, bg); it != end; ++it)
      edges.push_back(edge_json(g, *it));
    for (auto [it, end] = boost::in_edges(v, bg); it != end; ++it)
      if (g.source(*it) != v) edges.push_back(edge_json(g, *it));
    print_json({{"node", node_json(g, v)}, {"edges", edges}});
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
  sub->add_flag("--json", opts->json, "print {\"node\": {...}, \"edges\": [...]} as JSON");
  sub->callback([opts] {
    const PrintableOutput text(std::cout);
    run_show(*opts);
  });
}

}  // namespace stakegraph::cli
