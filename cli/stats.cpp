// stakegraph stats GRAPH [--since D] [--until D]: counts of nodes, edges, articles and
// evidence, by kind and relation (of the evidence dated within --since/--until).
#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "cli/analytics.hpp"
#include "cli/commands.hpp"
#include "cli/printable_output.hpp"
#include "cli/common.hpp"
#include "io/formats.hpp"

namespace stakegraph::cli {
namespace {

struct StatsOptions {
  std::string graph;
  std::string since, until;
  bool json = false;
};

void run_stats(const StatsOptions& o) {
  // Without dates only counts are read: a .sgpb file of format version 3 gives them from its
  // topology (cli/analytics.hpp); with dates the evidence is loaded and filtered.
  graph::Graph g;
  std::uint64_t articles = 0;
  if (o.since.empty() && o.until.empty()) {
    io::TopologyLoad t = io::load_graph_topology(o.graph);
    g = std::move(t.graph);
    articles = t.article_count;
  } else {
    g = load_filtered(o.graph, make_filter({}, {}, o.since, o.until));
    articles = g.articles().size();
  }
  std::map<std::string, std::size_t> by_kind, by_relation;
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v)
    ++by_kind[std::string(graph::kind_name(g.node(v).kind))];
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it)
    ++by_relation[std::string(graph::relation_name(g.edge(*it).relation))];
  const std::size_t evidence = g.evidence_count();
  if (o.json) {
    print_json({{"nodes", g.node_count()},
                {"edges", g.edge_count()},
                {"articles", articles},
                {"evidence", evidence},
                {"by_kind", by_kind},
                {"by_relation", by_relation}});
    return;
  }
  std::cout << o.graph << "\n"
            << "  nodes     " << g.node_count() << "\n"
            << "  edges     " << g.edge_count() << "\n"
            << "  articles  " << articles << "\n"
            << "  evidence  " << evidence << "\n";
  std::cout << "nodes by kind\n";
  for (const auto& [k, n] : by_kind) std::cout << "  " << k << " " << n << "\n";
  std::cout << "edges by relation\n";
  for (const auto& [r, n] : by_relation) std::cout << "  " << r << " " << n << "\n";
}

}  // namespace

void setup_stats(CLI::App& app) {
  auto opts = std::make_shared<StatsOptions>();
  CLI::App* sub = app.add_subcommand("stats", "Count nodes, edges, articles and evidence.");
  sub->add_option("GRAPH", opts->graph, "graph file (.sgpb, .json, .graphml, .csv)")->required();
  sub->add_option("--since", opts->since, "count only evidence dated on or after YYYY-MM-DD");
  sub->add_option("--until", opts->until, "count only evidence dated on or before YYYY-MM-DD");
  sub->add_flag("--json", opts->json,
                "print {\"nodes\", \"edges\", \"articles\", \"evidence\", \"by_kind\", "
                "\"by_relation\"}");
  sub->callback([opts] {
    const PrintableOutput text(std::cout);
    run_stats(*opts);
  });
}

}  // namespace stakegraph::cli
