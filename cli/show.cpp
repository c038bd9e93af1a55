// stakegraph show (cli/show.hpp). A version 3 .sgpb file is not loaded whole: the node's
// edges and the evidence of those printed are read (io::load_sgpb_node).
#include "cli/show.hpp"

#include <algorithm>
#include <iostream>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "cli/analytics.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/printable_output.hpp"
#include "cli/text_output.hpp"
#include "graph/error.hpp"
#include "graph/subgraph.hpp"
#include "io/formats/formats.hpp"
#include "io/formats/query_views.hpp"
#include "io/formats/sgpb_v3.hpp"

namespace stakegraph::cli {
namespace {

void print_edge_text(const graph::Graph& g, graph::EdgeRef e, std::ostream& out) {
  const graph::EdgeData& d = g.edge(e);
  out << "  " << g.node(g.source(e)).name << " -" << graph::relation_name(d.relation) << "-> "
      << g.node(g.target(e)).name;
  if (d.first_seen != graph::kNoDate) {
    out << "  [" << graph::format_iso_date(d.first_seen);
    if (d.last_seen != d.first_seen) out << " .. " << graph::format_iso_date(d.last_seen);
    out << "]";
  }
  out << "  (" << d.evidence.size() << " evidence)\n";
  for (const graph::Evidence& ev : d.evidence) {
    out << "      ";
    if (ev.hedged) out << "(hedged) ";
    out << "\"" << ev.text << "\"";
    if (ev.article != graph::kNoArticle) {
      const graph::Article& a = g.articles()[ev.article];
      out << "  -- " << (a.title.empty() ? a.id : a.title);
      if (a.date != graph::kNoDate) out << ", " << graph::format_iso_date(a.date);
    }
    out << "\n";
  }
}

// The node's degrees and number of edges in the whole graph, when the graph read holds only
// its first edges.
struct Degrees {
  std::uint64_t out = 0, in = 0, total = 0;
};

struct ShowGraph {
  graph::Graph graph;
  std::optional<Degrees> degrees;
};

// What show reads: of a version 3 .sgpb file, the node, its edges, their evidence and the
// articles cited (io::load_sgpb_node), or, when no node is found, the topology (for
// resolve_node's message and its suggestions); any other file whole.
// Without --since/--until, only the edges printed (--limit) need their evidence, and of a
// file whose node index has edge lists only those edges are read (with the degrees).
// With --since/--until, the edges whose own dates miss the range are not read when the file
// says edge dates hold their evidence's (io::SgpbNodeOptions::since/until).
ShowGraph load_for_show(const ShowOptions& o, std::size_t limit,
                        const graph::FilterOptions& dates) {
  if (o.graph == "-" || io::format_from_path(o.graph) != io::Format::kSgpb)
    return {io::load_graph(o.graph), std::nullopt};
  try {
    const std::size_t first = dates.selects_everything() ? limit : 0;
    auto part = io::load_sgpb_node(o.graph, {.node = o.node,
                                             .evidence_edges = first,
                                             .edges = first,
                                             .since = dates.since,
                                             .until = dates.until});
    if (!part) return {io::load_graph(o.graph), std::nullopt};
    if (part->node)
      return {std::move(part->graph), Degrees{part->out_degree, part->in_degree, part->edge_total}};
  } catch (const std::bad_alloc&) {
    throw graph::Error(o.graph + ": out of memory while reading");
  }
  return {io::load_graph_topology(o.graph).graph, std::nullopt};
}

}  // namespace

void run_show(const ShowOptions& o, std::ostream& out) {
  const graph::FilterOptions dates = make_filter({}, {}, o.since, o.until);
  const std::size_t limit = o.json && !o.limit_given ? 0 : o.limit;
  const ShowGraph read = load_for_show(o, limit, dates);
  const graph::Graph& full = read.graph;
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
  std::vector<graph::EdgeRef> out_edges, in_edges;
  for (auto [it, end] = boost::out_edges(v, bg); it != end; ++it) out_edges.push_back(*it);
  for (auto [it, end] = boost::in_edges(v, bg); it != end; ++it)
    if (g.source(*it) != v) in_edges.push_back(*it);
  // The graph read may hold only the edges shown (io::SgpbNodeOptions::edges): the degrees
  // are then the file's.
  const bool counted = read.degrees && dates.selects_everything();
  const std::size_t total = counted ? read.degrees->total : out_edges.size() + in_edges.size();
  const std::size_t shown = limit == 0 ? total : std::min(limit, total);
  if (o.json) {
    pb::ShowResult r;
    *r.mutable_node() = io::node_view(g, v);
    for (std::size_t i = 0; i < shown; ++i)
      *r.add_edges() =
          io::edge_view(g, i < out_edges.size() ? out_edges[i] : in_edges[i - out_edges.size()]);
    if (shown < total) r.set_more_edges(static_cast<std::uint32_t>(total - shown));
    print_message_json(r, out);
    return;
  }
  const graph::NodeData& d = g.node(v);
  out << d.name << "  (" << graph::kind_name(d.kind) << ", id " << d.id << ")\n";
  if (!d.aliases.empty()) {
    out << "aliases:";
    for (const auto& a : d.aliases) out << " \"" << a << "\"";
    out << "\n";
  }
  for (const auto& [k, val] : d.attributes) out << k << ": " << val << "\n";
  std::size_t left = shown;
  out << "outgoing (" << (counted ? read.degrees->out : boost::out_degree(v, bg)) << ")\n";
  for (std::size_t i = 0; i < out_edges.size() && left > 0; ++i, --left)
    print_edge_text(g, out_edges[i], out);
  out << "incoming (" << (counted ? read.degrees->in : boost::in_degree(v, bg)) << ")\n";
  for (std::size_t i = 0; i < in_edges.size() && left > 0; ++i, --left)
    print_edge_text(g, in_edges[i], out);
  if (shown < total) out << more_edges_line(total - shown) << "\n";
}

void setup_show(CLI::App& app) {
  auto opts = std::make_shared<ShowOptions>();
  CLI::App* sub = app.add_subcommand(
      "show", "Show one node (by name, alias or id), its edges and their evidence.");
  sub->add_option("GRAPH", opts->graph, "graph file")->required();
  sub->add_option("NODE", opts->node, "node name, alias or id")->required();
  sub->add_option("--since", opts->since, "only evidence dated on or after YYYY-MM-DD");
  sub->add_option("--until", opts->until, "only evidence dated on or before YYYY-MM-DD");
  sub->add_flag("--json", opts->json,
                "print {\"node\": Node, \"edges\": [EdgeView...], \"more_edges\"} "
                "(proto/query.proto)");
  add_edge_limit_option(sub, opts->limit, opts->limit_given,
                        "show at most N edges (default 20; 0: all), then count the rest; "
                        "--json prints every edge unless --limit is given");
  sub->callback([opts] {
    const PrintableOutput text(std::cout);
    run_show(*opts, std::cout);
  });
}

}  // namespace stakegraph::cli
