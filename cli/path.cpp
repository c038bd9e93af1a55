#include "cli/path.hpp"

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/analytics.hpp"
#include "cli/commands.hpp"
#include "cli/printable_output.hpp"
#include "cli/common.hpp"
#include "cli/kernels.hpp"
#include "cli/weight_option.hpp"
#include "graph/error.hpp"
#include "graph/paths.hpp"
#include "io/formats.hpp"
#include "io/query_views.hpp"
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
      out << "  " << g.node(h.from).name
                << (h.forward ? " -" + rel + "-> " : " <-" + rel + "- ") << g.node(h.to).name
                << "  (" << d.evidence.size() << " evidence)\n";
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

}  // namespace

void run_path(const PathOptions& o, std::ostream& out) {
  if (o.all && o.k != 1) throw graph::InvalidArgument("--all and --k exclude each other");
  if (o.k == 0) throw graph::InvalidArgument("--k must be at least 1");
  graph::FilterOptions dates = make_filter({}, {}, o.since, o.until);
  dates.exclude_hedged = o.no_hedged;
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
  if (o.all) kernels().check_supported("path", "--all");
  if (o.k > 1) kernels().check_supported("path", "--k");
  if (o.all) {
    r = graph::all_shortest_paths(g, from, to, p, o.limit);
  } else if (o.k > 1) {
    r = graph::k_shortest_paths(g, from, to, o.k, p);
  } else {
    r = kernels().shortest_path(g, from, to, p);
  }
  if (o.json) {
    print_json_result(g, r, out);
  } else {
    print_text(g, r, from, to, weighted, out);
  }
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
