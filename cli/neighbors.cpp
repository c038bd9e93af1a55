#include "cli/neighbors.hpp"

// stakegraph neighbors GRAPH NODE: a node's neighbourhood up to --depth hops (the ego
// network of graph/subgraph.hpp: every node within reach and all edges among them). Filters
// (--kind, --relation, --since, --until, --no-hedged) restrict what is printed: the walk
// goes through the whole graph and the nodes and edges the filters keep are listed; with
// --subgraph the walk goes through the filtered part only (cli/filters.hpp). Text lists the
// nodes by distance, then the first --limit edges (default 20) and a count of the rest;
// --json prints the NeighborsResult of proto/query.proto (every edge unless --limit is given).
//
// On a .sgpb file of format version 3 the whole graph is not loaded: the topology arrays are
// read (io/formats/topology_arrays.hpp), the nodes within --depth hops of the centre found on
// them (the whole graph's walk, a superset of the filtered walk), and the same code below
// runs on those nodes with every edge among them (io/formats/topology_subgraph.hpp: same
// order as the whole graph, so the same output): their topology for the text with filters
// that read no evidence (--kind, --relation, --subgraph); for --json (it lists evidence,
// aliases, attributes, dates) and --since, --until and --no-hedged (they read evidence) the
// same nodes and edges whole, with their evidence (io::load_sgpb_subgraph). The old path
// (the graph loaded as a graph::Graph) serves a node the arrays do not find (its error
// suggests names) and files of other formats or versions.
#include <algorithm>
#include <cstdint>
#include <deque>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/analytics.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/filters.hpp"
#include "cli/printable_output.hpp"
#include "cli/text_output.hpp"
#include "graph/error.hpp"
#include "graph/subgraph.hpp"
#include "io/formats/formats.hpp"
#include "io/formats/query_views.hpp"
#include "io/formats/sgpb_v3.hpp"
#include "io/formats/topology_arrays.hpp"
#include "io/formats/topology_subgraph.hpp"

namespace stakegraph::cli {
namespace {

graph::Direction direction_of(const std::string& d) {
  if (d == "out") return graph::Direction::kOut;
  if (d == "in") return graph::Direction::kIn;
  if (d == "both") return graph::Direction::kBoth;
  throw graph::InvalidArgument("--direction: unknown direction '" + d +
                               "' (one of: out, in, both)");
}

// The nodes within o.depth hops of `center` along o.direction, in the whole graph of `t`
// (BFS over the arrays' CSR rows, both ways unless a direction is chosen): sorted.
std::vector<std::uint32_t> ball_of(const io::TopologyArrays& t, std::uint32_t center,
                                   const NeighborsOptions& o) {
  const graph::Csr c = io::constrained_csr(t, {.directed = true});
  const graph::Direction dir = direction_of(o.direction);
  std::vector<int> dist(t.node_count(), -1);
  std::vector<std::uint32_t> queue{center};
  dist[center] = 0;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const std::uint32_t u = queue[head];
    if (dist[u] == o.depth) continue;
    auto visit = [&](std::uint32_t w) {
      if (dist[w] < 0) {
        dist[w] = dist[u] + 1;
        queue.push_back(w);
      }
    };
    if (dir != graph::Direction::kIn)
      for (std::uint64_t i = c.offsets[u]; i < c.offsets[u + 1]; ++i) visit(c.targets[i]);
    if (dir != graph::Direction::kOut)
      for (std::uint64_t i = c.in_offsets[u]; i < c.in_offsets[u + 1]; ++i) visit(c.in_sources[i]);
  }
  std::sort(queue.begin(), queue.end());
  return queue;
}

// The graph to compute on and the centre in it (see the top of this file).
struct NeighborsGraph {
  graph::Graph g;
  graph::NodeIndex center = 0;
};

NeighborsGraph load_for_neighbors(const NeighborsOptions& o) {
  // --json and the filters that read evidence need the ball whole (aliases, attributes,
  // every edge field, evidence: io::load_sgpb_subgraph); the text otherwise its topology.
  const bool whole = o.json || filter_reads_evidence(filter_of(o.filters));
  if (auto t = io::load_topology_arrays(o.graph)) {
    if (const auto v = io::find_node(*t, o.node)) {
      const std::vector<std::uint32_t> ball = ball_of(*t, *v, o);
      NeighborsGraph out;
      out.g = whole ? io::load_sgpb_subgraph(o.graph, *t, ball) : io::induced_graph(*t, ball).graph;
      out.center = static_cast<graph::NodeIndex>(std::lower_bound(ball.begin(), ball.end(), *v) -
                                                 ball.begin());
      return out;
    }
  }
  // Text lists evidence counts only: the topology alone unless the filters read evidence;
  // --json lists the evidence itself.
  NeighborsGraph out;
  out.g = whole ? io::load_graph(o.graph) : io::load_graph_topology(o.graph).graph;
  out.center = resolve_node(out.g, o.node, o.graph);
  return out;
}

}  // namespace

void run_neighbors(const NeighborsOptions& o, std::ostream& out) {
  const graph::Direction direction = direction_of(o.direction);  // usage errors first
  if (o.depth < 0) throw graph::InvalidArgument("--depth must be 0 or more");
  const NeighborsGraph loaded = load_for_neighbors(o);
  const graph::Graph& g = loaded.g;
  const graph::NodeIndex center = loaded.center;
  graph::EgoOptions ego;
  ego.depth = o.depth;
  ego.direction = direction;
  const graph::FilterOptions filter = filter_of(o.filters);
  const bool on_subgraph = o.filters.subgraph && !filter.selects_everything();
  if (on_subgraph) ego.filter = filter;
  const graph::Graph h = graph::ego_network(g, center, ego);
  const auto c = h.find_by_id(g.node(center).id);
  const bool kind_kept = filter.kinds.empty() ||
                         std::find(filter.kinds.begin(), filter.kinds.end(), g.node(center).kind) !=
                             filter.kinds.end();
  if (!c || !kind_kept) {
    throw graph::InvalidArgument("'" + g.node(center).name + "' is excluded by " +
                                 describe_filters(o.filters));
  }
  // What is listed: the nodes and edges of the neighbourhood that the filters keep.
  const std::vector<bool> printed =
      on_subgraph ? std::vector<bool>(h.node_count(), true) : printed_nodes(h, o.filters);
  const graph::Graph shown_graph =
      on_subgraph || !o.filters.any() ? graph::Graph() : graph::filter(h, filter);
  const graph::Graph& kept = on_subgraph || !o.filters.any() ? h : shown_graph;
  std::vector<graph::EdgeRef> edges;
  for (auto [it, end] = boost::edges(kept.boost_graph()); it != end; ++it) edges.push_back(*it);
  const std::size_t limit = o.json && !o.limit_given ? 0 : o.limit;
  const std::size_t shown = limit == 0 ? edges.size() : std::min(limit, edges.size());
  const auto& bg = h.boost_graph();
  if (o.json) {
    pb::NeighborsResult r;
    for (graph::NodeIndex v = 0; v < h.node_count(); ++v)
      if (printed[v] || v == *c) *r.add_nodes() = io::node_view(h, v);
    for (std::size_t i = 0; i < shown; ++i) *r.add_edges() = io::edge_view(kept, edges[i]);
    if (shown < edges.size()) r.set_more_edges(static_cast<std::uint32_t>(edges.size() - shown));
    r.set_center(io::valid_utf8(h.node(*c).id));
    print_message_json(r, out);
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
  out << h.node(*c).name << " (" << graph::kind_name(h.node(*c).kind) << "): " << h.node_count() - 1
      << " nodes within " << o.depth << (o.depth == 1 ? " hop" : " hops") << ", " << h.edge_count()
      << " edges";
  if (on_subgraph) {
    out << " of the subgraph selected by " << describe_filters(o.filters);
  } else if (o.filters.any()) {
    std::size_t n = 0;
    for (graph::NodeIndex v = 0; v < h.node_count(); ++v) n += printed[v] && v != *c;
    out << " in the whole graph; showing the " << n << " nodes and " << edges.size()
        << " edges that pass " << describe_filters(o.filters)
        << " (--subgraph walks through them only)";
  }
  out << "\n";
  for (int d = 1; d <= o.depth; ++d) {
    std::vector<graph::NodeIndex> ring;
    for (graph::NodeIndex v = 0; v < h.node_count(); ++v)
      if (dist[v] == d && printed[v]) ring.push_back(v);
    if (ring.empty()) continue;
    std::sort(ring.begin(), ring.end(),
              [&](auto a, auto b) { return h.node(a).name < h.node(b).name; });
    out << "depth " << d << " (" << ring.size() << ")\n";
    for (graph::NodeIndex v : ring)
      out << "  " << h.node(v).name << "  (" << graph::kind_name(h.node(v).kind) << ")\n";
  }
  out << "edges\n";
  for (std::size_t i = 0; i < shown; ++i) {
    const graph::EdgeData& d = kept.edge(edges[i]);
    out << "  " << kept.node(kept.source(edges[i])).name << " -" << graph::relation_name(d.relation)
        << "-> " << kept.node(kept.target(edges[i])).name << "  (" << d.evidence_total()
        << " evidence)\n";
  }
  if (shown < edges.size()) out << more_edges_line(edges.size() - shown) << "\n";
}

void setup_neighbors(CLI::App& app) {
  auto o = std::make_shared<NeighborsOptions>();
  CLI::App* sub = app.add_subcommand(
      "neighbors",
      "A node's neighbourhood: every node within --depth hops and the edges among them.");
  sub->add_option("GRAPH", o->graph, "graph file (.sgpb, .json, .graphml, .csv)")->required();
  sub->add_option("NODE", o->node, "node name, alias or id")->required();
  sub->add_option("--depth,-d", o->depth, "hops from the node (default 1)")
      ->check(CLI::Range(0, 1000));
  sub->add_option("--direction", o->direction, "out | in | both (default both)")
      ->check(CLI::IsMember({"out", "in", "both"}));
  add_filter_options(sub, o->filters,
                     "walk through the filtered part only (default: walk the whole graph and "
                     "list the nodes and edges the filters keep)");
  sub->add_flag("--json", o->json,
                "print {\"nodes\": [Node...], \"edges\": [EdgeView...], \"center\", "
                "\"more_edges\"} (proto/query.proto)");
  add_edge_limit_option(sub, o->limit, o->limit_given,
                        "list at most N edges (default 20; 0: all), then count the rest; "
                        "--json lists every edge unless --limit is given");
  sub->callback([o] {
    const PrintableOutput text(std::cout);
    run_neighbors(*o, std::cout);
  });
}

}  // namespace stakegraph::cli
