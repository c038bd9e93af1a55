#include "cli/path.hpp"

// stakegraph path GRAPH FROM TO: the shortest path between two nodes (by hops, or weighted
// where a hop costs 1 / evidence count), the k shortest loopless paths, or all shortest
// paths, optionally through some relations or node kinds only and avoiding nodes
// (graph/paths.hpp). Every hop is printed with its relation and one evidence sentence; --json
// prints the PathResult message of proto/query.proto.
//
// On a .sgpb file of format version 3, the shortest path (no --k, no --all) without
// --since, --until or --no-hedged is found without loading the whole graph: the topology
// arrays are read (io/formats/topology_arrays.hpp), the distances from FROM computed on the same
// constrained CSR view as graph/paths.cpp builds (relations, kinds, avoided nodes,
// direction, weights), and the distances to TO; graph::shortest_path runs on the nodes on a
// shortest path with every edge among them (io/formats/topology_subgraph.hpp, the whole graph's
// order): the search settles those nodes in the same order there, so it finds the same
// path. Only the hops' evidence is read (io::load_sgpb_edge_evidence: their evidence frames
// and the articles cited). The old path (the graph loaded whole) serves the rest: --k, --all, the
// date and hedging filters (they read evidence), a node the arrays do not find (its error
// suggests names), an endpoint among --avoid, weights a weighted path refuses (both errors
// are the old path's) and files of other formats or versions.
// In a distributed job (stakegraph-mpi) on such a file, the processes hold the graph in parts
// and the same path is found without loading it here (run_path_on_whole_file).
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/analytics.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/kernels.hpp"
#include "cli/printable_output.hpp"
#include "cli/weight_option.hpp"
#include "graph/error.hpp"
#include "graph/paths.hpp"
#include "io/formats/formats.hpp"
#include "io/formats/query_views.hpp"
#include "io/formats/sgpb_v3.hpp"
#include "io/formats/topology_arrays.hpp"
#include "io/formats/topology_subgraph.hpp"
#include "proto/query.pb.h"

namespace stakegraph::cli {
namespace {

// The evidence shown for a hop: the first unhedged evidence, else the first one.
const graph::Evidence* pick_evidence(const graph::EdgeData& d) {
  for (const graph::Evidence& e : d.evidence)
    if (!e.hedged) return &e;
  return d.evidence.empty() ? nullptr : &d.evidence.front();
}

std::string format_cost(double c) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", c);
  return buf;
}

void print_text(const graph::Graph& g, const graph::PathResult& r, graph::NodeIndex from,
                graph::NodeIndex to, bool weighted, std::ostream& out) {
  if (r.paths.empty()) {
    out << "no path from " << g.node(from).name << " to " << g.node(to).name << "\n";
    return;
  }
  for (std::size_t i = 0; i < r.paths.size(); ++i) {
    const graph::Path& p = r.paths[i];
    out << "path " << (i + 1) << ": " << p.length() << (p.length() == 1 ? " hop" : " hops");
    if (weighted) out << ", cost " << format_cost(p.cost);
    out << "\n";
    if (p.hops.empty()) out << "  " << g.node(from).name << "\n";
    for (const graph::PathHop& h : p.hops) {
      const graph::EdgeData& d = g.edge(h.edge);
      const std::string rel(graph::relation_name(d.relation));
      out << "  " << g.node(h.from).name << (h.forward ? " -" + rel + "-> " : " <-" + rel + "- ")
          << g.node(h.to).name << "  (" << d.evidence.size() << " evidence)\n";
      if (const graph::Evidence* e = pick_evidence(d)) {
        out << "      ";
        if (e->hedged) out << "(hedged) ";
        out << "\"" << e->text << "\"";
        if (e->article != graph::kNoArticle) {
          const graph::Article& a = g.articles()[e->article];
          out << "  -- " << (a.title.empty() ? a.id : a.title);
          if (a.date != graph::kNoDate) out << ", " << graph::format_iso_date(a.date);
        }
        out << "\n";
      }
    }
  }
  if (r.truncated) out << "(more shortest paths exist: raise --limit)\n";
}

void print_json_result(const graph::Graph& g, const graph::PathResult& r, std::ostream& text) {
  pb::PathResult out;
  for (const graph::Path& p : r.paths) {
    pb::Path* q = out.add_paths();
    q->set_length(static_cast<std::uint32_t>(p.length()));
    q->set_cost(p.cost);
    for (const graph::PathHop& h : p.hops) {
      const graph::EdgeData& d = g.edge(h.edge);
      pb::PathHop* x = q->add_hops();
      x->set_source(valid_utf8(g.node(g.source(h.edge)).id));
      x->set_relation(static_cast<pb::Relation>(d.relation));
      x->set_target(valid_utf8(g.node(g.target(h.edge)).id));
      x->set_source_name(valid_utf8(g.node(g.source(h.edge)).name));
      x->set_target_name(valid_utf8(g.node(g.target(h.edge)).name));
      x->set_evidence_count(static_cast<std::uint32_t>(d.evidence.size()));
      if (const graph::Evidence* e = pick_evidence(d)) {
        x->set_evidence(valid_utf8(e->text));
        *x->mutable_cited() = io::evidence_view(g, *e);
      }
    }
  }
  if (r.truncated) out.set_truncated(true);
  print_message_json(out, text);
}

void print_result(const graph::Graph& g, const graph::PathResult& r, graph::NodeIndex from,
                  graph::NodeIndex to, bool weighted, bool json, std::ostream& out) {
  if (json) {
    print_json_result(g, r, out);
  } else {
    print_text(g, r, from, to, weighted, out);
  }
}

// The nodes on a shortest path from `from` to `to` (within 1e-9 relative of its length),
// ascending, given the distances from `from` (`dist`) and to `to` (`back`, read only when
// `to` is reached), and the two endpoints in any case (no path: they alone).
std::vector<std::uint32_t> nodes_on_shortest_paths(const std::vector<double>& dist,
                                                   const std::vector<double>& back,
                                                   std::uint32_t from, std::uint32_t to) {
  const bool reached = dist[to] != std::numeric_limits<double>::infinity();
  const double reach = dist[to] + 1e-9 * std::max(1.0, dist[to]);
  std::vector<std::uint32_t> nodes;
  for (std::size_t v = 0; v < dist.size(); ++v)
    if ((reached && dist[v] + back[v] <= reach) || v == from || v == to)
      nodes.push_back(static_cast<std::uint32_t>(v));
  return nodes;
}

// Node v's number in the subgraph induced by `nodes` (ascending), if v is one of them.
std::optional<graph::NodeIndex> index_in(const std::vector<std::uint32_t>& nodes, std::uint32_t v) {
  const auto it = std::lower_bound(nodes.begin(), nodes.end(), v);
  if (it == nodes.end() || *it != v) return std::nullopt;
  return static_cast<graph::NodeIndex>(it - nodes.begin());
}

// The shortest path on the topology arrays (see the top of this file); false when this
// case is the old path's.
bool run_path_on_arrays(const PathOptions& o, std::ostream& out) {
  std::optional<io::TopologyArrays> t = io::load_topology_arrays(o.graph);
  if (!t) return false;
  const auto from = io::find_node(*t, o.from);
  const auto to = io::find_node(*t, o.to);
  if (!from || !to) return false;
  std::vector<std::uint32_t> avoid;
  for (const auto& a : o.avoid) {
    const auto v = io::find_node(*t, a);
    if (!v || *v == *from || *v == *to) return false;
    avoid.push_back(*v);
  }
  graph::PathOptions p;
  p.weights = resolve_weight(o.weight, io::has_weights(*t));
  const bool weighted = p.weights != graph::WeightSource::kNone;
  if (weighted && !io::weights_allowed(*t, p.weights, false)) return false;
  p.cost = weighted ? graph::EdgeCost::kInverseWeight : graph::EdgeCost::kHops;
  p.directed = o.directed;
  for (const auto& r : o.relations) p.relations.push_back(parse_relation_option(r));
  for (const auto& k : o.kinds) p.kinds.push_back(parse_kind_option(k));

  // Distances from FROM on graph/paths.cpp's view of the whole graph.
  io::ConstrainedCsrOptions view{.directed = o.directed,
                                 .weighted = true,
                                 .source = p.weights,
                                 .relations = p.relations,
                                 .allowed = std::vector<std::uint8_t>(t->node_count(), 1),
                                 .skip_self_loops = true};
  if (!p.kinds.empty())
    for (std::size_t v = 0; v < t->node_count(); ++v)
      view.allowed[v] = std::find(p.kinds.begin(), p.kinds.end(), t->kinds[v]) != p.kinds.end();
  for (const std::uint32_t v : avoid) view.allowed[v] = 0;
  view.allowed[*from] = view.allowed[*to] = 1;
  const std::vector<double> dist =
      graph::distances_from(io::constrained_csr(*t, view), *from, p.cost);
  // The nodes on a shortest path: distance from FROM plus distance to TO equal to TO's
  // distance (with a margin for rounding). The search's choices stay among them: a node's
  // parent, and every node whose relaxation ties it, is on a shortest path when the node is,
  // and they are settled in the same order as in the whole graph. No path: the two nodes
  // alone (the search finds none there either).
  const bool reached = dist[*to] != std::numeric_limits<double>::infinity();
  std::vector<double> back;
  if (reached) {
    view.reversed = o.directed;
    back = graph::distances_from(io::constrained_csr(*t, view), *to, p.cost);
  }
  const std::vector<std::uint32_t> nodes = nodes_on_shortest_paths(dist, back, *from, *to);
  io::InducedGraph sub = io::induced_graph(*t, nodes);
  for (const std::uint32_t v : avoid)
    if (const auto w = index_in(nodes, v)) p.avoid.push_back(*w);
  const graph::NodeIndex s = *index_in(nodes, *from), e = *index_in(nodes, *to);
  const graph::PathResult r = kernels().shortest_path(sub.graph, s, e, p);

  // The hops' evidence.
  std::vector<std::pair<std::uint64_t, graph::EdgeRef>> hops;
  for (const graph::Path& path : r.paths)
    for (const graph::PathHop& h : path.hops) {
      const std::size_t k = static_cast<std::size_t>(
          std::find(sub.edges.begin(), sub.edges.end(), h.edge) - sub.edges.begin());
      if (std::none_of(hops.begin(), hops.end(), [&](const auto& x) { return x.second == h.edge; }))
        hops.emplace_back(sub.edge_numbers.at(k), h.edge);
    }
  if (!hops.empty()) io::load_sgpb_edge_evidence(o.graph, *t, hops, sub.graph);
  print_result(sub.graph, r, s, e, weighted, o.json, out);
  return true;
}

// The shortest path as run_path_on_arrays finds it, on a file that the processes of a
// distributed job hold in parts (kernels().open_whole_file): the endpoints are found by the
// processes that hold them, the distances from FROM and to TO are computed by them and
// gathered here, and only the nodes on a shortest path come here (with their labels and every
// edge among them, io::induced_graph's subgraph), then the hops' evidence is read from its
// frames. The output is the same. --relation: the processes' view holds the edges of those
// relations only; --kind: the nodes of other kinds are found by the processes
// (WholeFile::kept_nodes) and never entered, the endpoints aside (as run_path_on_arrays's
// view). False when this does not apply (as run_path_on_arrays; an unknown relation or kind
// too: its error comes from there).
bool run_path_on_whole_file(const PathOptions& o, std::ostream& out) {
  graph::PathOptions p;
  for (const auto& r : o.relations) {
    const std::optional<graph::Relation> x = graph::parse_relation(r);
    if (!x) return false;
    p.relations.push_back(*x);
  }
  for (const auto& k : o.kinds) {
    const std::optional<graph::Kind> x = graph::parse_kind(k);
    if (!x) return false;
    p.kinds.push_back(*x);
  }
  const std::unique_ptr<WholeFile> file = kernels().open_whole_file(o.graph);
  if (!file) return false;
  const std::optional<graph::WeightSource> source = file->read(
      o.directed, [&](bool has_weights) { return resolve_weight(o.weight, has_weights); }, false,
      true, p.relations);
  if (!source) return false;
  p.weights = *source;
  const auto from = file->find_node(o.from);
  const auto to = file->find_node(o.to);
  if (!from || !to) return false;
  std::vector<std::uint32_t> avoid;
  for (const auto& a : o.avoid) {
    const auto v = file->find_node(a);
    if (!v || *v == *from || *v == *to) return false;
    avoid.push_back(*v);
  }
  const bool weighted = p.weights != graph::WeightSource::kNone;
  p.cost = weighted ? graph::EdgeCost::kInverseWeight : graph::EdgeCost::kHops;
  p.directed = o.directed;
  // The nodes never entered: --avoid, and the nodes of other kinds than --kind's.
  std::vector<std::uint32_t> blocked = avoid;
  if (!p.kinds.empty()) {
    graph::FilterOptions kinds;
    kinds.kinds = p.kinds;
    const std::vector<bool> kept = file->kept_nodes(kinds);
    for (std::uint32_t v = 0; v < kept.size(); ++v)
      if (!kept[v] && v != *from && v != *to) blocked.push_back(v);
  }
  const std::vector<double> dist = file->distances(*from, false, p.cost, blocked);
  const bool reached = dist[*to] != std::numeric_limits<double>::infinity();
  std::vector<double> back;
  if (reached) back = file->distances(*to, o.directed, p.cost, blocked);
  const std::vector<std::uint32_t> nodes = nodes_on_shortest_paths(dist, back, *from, *to);
  WholeFile::Induced sub = file->induced(nodes);
  for (const std::uint32_t v : avoid)
    if (const auto w = index_in(nodes, v)) p.avoid.push_back(*w);
  const graph::NodeIndex s = *index_in(nodes, *from), e = *index_in(nodes, *to);
  // The single-process search on the few nodes (run_path_on_arrays's choice among them).
  const graph::PathResult r = graph::shortest_path(sub.graph, s, e, p);
  std::vector<io::EvidenceRange> hops;
  for (const graph::Path& path : r.paths)
    for (const graph::PathHop& h : path.hops) {
      const std::size_t k = static_cast<std::size_t>(
          std::find(sub.edges.begin(), sub.edges.end(), h.edge) - sub.edges.begin());
      if (std::none_of(hops.begin(), hops.end(), [&](const auto& x) { return x.edge == h.edge; }))
        hops.push_back({sub.evidence.at(k)[0], sub.evidence.at(k)[1], h.edge});
    }
  if (!hops.empty()) io::load_sgpb_evidence_ranges(o.graph, sub.counts, hops, sub.graph);
  print_result(sub.graph, r, s, e, weighted, o.json, out);
  return true;
}

}  // namespace

void run_path(const PathOptions& o, std::ostream& out) {
  if (o.all && o.k != 1) throw graph::InvalidArgument("--all and --k exclude each other");
  if (o.k == 0) throw graph::InvalidArgument("--k must be at least 1");
  // Before any loading: a program whose kernels cannot serve them refuses them at once.
  if (o.all) kernels().check_supported("path", "--all");
  if (o.k > 1) kernels().check_supported("path", "--k");
  graph::FilterOptions dates = make_filter({}, {}, o.since, o.until);
  dates.exclude_hedged = o.no_hedged;
  if (!o.all && o.k == 1 && dates.selects_everything() &&
      (run_path_on_whole_file(o, out) || run_path_on_arrays(o, out)))
    return;
  const graph::Graph full = io::load_graph(o.graph);
  // Names are resolved on the whole graph (suggestions), then found by id in the copy.
  const std::string from_id = full.node(resolve_node(full, o.from, o.graph)).id;
  const std::string to_id = full.node(resolve_node(full, o.to, o.graph)).id;
  std::vector<std::string> avoid_ids;
  for (const auto& a : o.avoid) avoid_ids.push_back(full.node(resolve_node(full, a, o.graph)).id);
  graph::Graph filtered;
  if (!dates.selects_everything()) filtered = graph::filter(full, dates);
  const graph::Graph& g = dates.selects_everything() ? full : filtered;

  graph::PathOptions p;
  p.weights = resolve_weight(o.weight, full);
  const bool weighted = p.weights != graph::WeightSource::kNone;
  if (weighted) graph::require_positive_weights(g, p.weights, false, "a weighted path");
  p.cost = weighted ? graph::EdgeCost::kInverseWeight : graph::EdgeCost::kHops;
  p.directed = o.directed;
  for (const auto& r : o.relations) p.relations.push_back(parse_relation_option(r));
  for (const auto& k : o.kinds) p.kinds.push_back(parse_kind_option(k));
  for (const auto& id : avoid_ids) p.avoid.push_back(*g.find_by_id(id));
  const graph::NodeIndex from = *g.find_by_id(from_id);
  const graph::NodeIndex to = *g.find_by_id(to_id);

  graph::PathResult r;
  if (o.all) {
    r = graph::all_shortest_paths(g, from, to, p, o.limit);
  } else if (o.k > 1) {
    r = graph::k_shortest_paths(g, from, to, o.k, p);
  } else {
    r = kernels().shortest_path(g, from, to, p);
  }
  print_result(g, r, from, to, weighted, o.json, out);
}

void setup_path(CLI::App& app) {
  auto o = std::make_shared<PathOptions>();
  CLI::App* sub = app.add_subcommand(
      "path",
      "Shortest, k shortest or all shortest paths between two nodes, each hop with its "
      "relation and one evidence sentence.");
  sub->add_option("GRAPH", o->graph, "graph file (.sgpb, .json, .graphml, .csv)")->required();
  sub->add_option("FROM", o->from, "start node (name, alias or id)")->required();
  sub->add_option("TO", o->to, "end node (name, alias or id)")->required();
  sub->add_option("--k,-k", o->k, "the k shortest loopless paths (Yen; default 1)");
  sub->add_flag("--all", o->all, "every shortest path (up to --limit)");
  sub->add_option("--limit", o->limit, "--all: at most this many paths (default 1000)");
  add_weight_option(sub, o->weight, "a hop costs 1 / weight (Dijkstra); none: fewest hops");
  sub->add_flag("--directed", o->directed, "follow edge direction (default: either way)");
  sub->add_option("--relation", o->relations, "use only edges of this relation (repeatable)")
      ->allow_extra_args(false);
  sub->add_option("--kind", o->kinds,
                  "pass only through nodes of this kind (repeatable; endpoints always allowed)")
      ->allow_extra_args(false);
  sub->add_option("--avoid", o->avoid, "never pass through this node (repeatable)")
      ->allow_extra_args(false);
  sub->add_option("--since", o->since, "use evidence dated on or after YYYY-MM-DD");
  sub->add_option("--until", o->until, "use evidence dated on or before YYYY-MM-DD");
  sub->add_flag("--no-hedged", o->no_hedged, "use no hedged evidence (and no edge left without)");
  sub->add_flag("--json", o->json,
                "print {\"paths\": [{\"length\", \"cost\", \"hops\": [{\"source\", "
                "\"relation\", \"target\", \"evidence\", \"source_name\", \"target_name\", "
                "\"evidence_count\", \"cited\": EvidenceView}]}]} (proto/query.proto)");
  sub->callback([o] {
    const PrintableOutput text(std::cout);
    run_path(*o, std::cout);
  });
}

}  // namespace stakegraph::cli
