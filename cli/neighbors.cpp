// stakegraph neighbors GRAPH NODE: a node's neighbourhood up to --depth hops (the ego
// network of graph/subgraph.hpp: every node within reach and all edges among them),
// optionally through some relations, kinds or dates only. Text lists the nodes by distance,
// then the edges; --json prints the NeighborsResult of proto/query.proto.
#include <algorithm>
#include <deque>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

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

struct NeighborsOptions {
  std::string graph;
  std::string node;
  int depth = 1;
  std::string direction = "both";
  std::vector<std::string> kinds;
  std::vector<std::string> relations;
  std::string since;
  std::string until;
  bool json = false;
};

void run_neighbors(const NeighborsOptions& o) {
  const graph::Graph g = io::load_graph(o.graph);
  const graph::NodeIndex center = resolve_node(g, o.node, o.graph);
  graph::EgoOptions ego;
  ego.depth = o.depth;
  ego.direction = o.direction == "out"  ? graph::Direction::kOut
                  : o.direction == "in" ? graph::Direction::kIn
                                        : graph::Direction::kBoth;
  ego.filter = make_filter(o.kinds, o.relations, o.since, o.until);
  const graph::Graph h = graph::ego_network(g, center, ego);
  const auto c = h.find_by_id(g.node(center).id);
  if (!c) {
    throw graph::InvalidArgument("'" + g.node(center).name +
                                 "' is excluded by --kind/--relation/--since/--until");
  }
  const auto& bg = h.boost_graph();
  if (o.json) {
    pb::NeighborsResult r;
    for (graph::NodeIndex v = 0; v < h.node_count(); ++v) *r.add_nodes() = io::node_view(h, v);
    for (auto [it, end] = boost::edges(bg); it != end; ++it) *r.add_edges() = io::edge_view(h, *it);
    r.set_center(io::valid_utf8(h.node(*c).id));
    print_message_json(r);
    return;
  }
  // Distances from the centre in the neighbourhood, along the chosen direction.
  std::vector<int> dist(h.node_count(), -1);
  std::deque<graph::NodeIndex> queue{*c};
  dist[*c] = 0;
  while (!queue.empty()) {
    const graph::NodeIndex u = queue.front();
    queue.pop_front();
    auto visit = [&](graph::NodeIndex w) {
      if (dist[w] < 0) {
        dist[w] = dist[u] + 1;
        queue.push_back(w);
      }
    };
    if (ego.direction != graph::Direction::kIn)
      for (auto [it, end] = boost::out_edges(u, bg); it != end; ++it) visit(boost::target(*it, bg));
    if (ego.direction != graph::Direction::kOut)
      for (auto [it, end] = boost::in_edges(u, bg); it != end; ++it) visit(boost::source(*it, bg));
  }
  std::cout << h.node(*c).name << " (" << graph::kind_name(h.node(*c).kind) << "): "
            << h.node_count() - 1 << " nodes within " << o.depth
            << (o.depth == 1 ? " hop" : " hops") << ", " << h.edge_count() << " edges\n";
  for (int d = 1; d <= o.depth; ++d) {
    std::vector<graph::NodeIndex> ring;
    for (graph::NodeIndex v = 0; v < h.node_count(); ++v)
      if (dist[v] == d) ring.push_back(v);
    if (ring.empty()) continue;
    std::sort(ring.begin(), ring.end(),
              [&](auto a, auto b) { return h.node(a).name < h.node(b).name; });
    std::cout << "depth " << d << " (" << ring.size() << ")\n";
    for (graph::NodeIndex v : ring)
      std::cout << "  " << h.node(v).name << "  (" << graph::kind_name(h.node(v).kind) << ")\n";
  }
  std::cout << "edges\n";
  for (auto [it, end] = boost::edges(bg); it != end; ++it) {
    const graph::EdgeData& d = h.edge(*it);
    std::cout << "  " << h.node(h.source(*it)).name << " -" << graph::relation_name(d.relation)
              << "-> " << h.node(h.target(*it)).name << "  (" << d.evidence.size()
              << " evidence)\n";
  }
}

}  // namespace

void setup_neighbors(CLI::App& app) {
  auto o = std::make_shared<NeighborsOptions>();
  CLI::App* sub = app.add_subcommand(
      "neighbors", "A node's neighbourhood: every node within --depth hops and the edges among them.");
  sub->add_option("GRAPH", o->graph, "graph file (.sgpb, .json, .graphml, .csv)")->required();
  sub->add_option("NODE", o->node, "node name, alias or id")->required();
  sub->add_option("--depth,-d", o->depth, "hops from the node (default 1)")
      ->check(CLI::Range(0, 1000));
  sub->add_option("--direction", o->direction, "out | in | both (default both)")
      ->check(CLI::IsMember({"out", "in", "both"}));
  sub->add_option("--kind", o->kinds, "keep only nodes of this kind (repeatable)")
      ->allow_extra_args(false);
  sub->add_option("--relation", o->relations, "keep only edges of this relation (repeatable)")
      ->allow_extra_args(false);
  sub->add_option("--since", o->since, "keep evidence dated on or after YYYY-MM-DD");
  sub->add_option("--until", o->until, "keep evidence dated on or before YYYY-MM-DD");
  sub->add_flag("--json", o->json,
                "print {\"nodes\": [Node...], \"edges\": [EdgeView...], \"center\"} "
                "(proto/query.proto)");
  sub->callback([o] {
    const PrintableOutput text(std::cout);
    run_neighbors(*o);
  });
}

}  // namespace stakegraph::cli
