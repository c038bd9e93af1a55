#include "cli/stats.hpp"

#include <array>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "cli/analytics.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/kernels.hpp"
#include "cli/printable_output.hpp"
#include "io/formats/formats.hpp"
#include "io/formats/topology_arrays.hpp"

namespace stakegraph::cli {
namespace {

struct Counts {
  std::size_t nodes = 0, edges = 0, articles = 0, evidence = 0;
  std::map<std::string, std::size_t> by_kind, by_relation;
};

Counts counts_of(const StatsOptions& o) {
  Counts c;
  if (o.since.empty() && o.until.empty()) {
    // Without dates only counts are read: a .sgpb file of format version 3 gives them from
    // its node and edge tables as arrays (io/formats/topology_arrays.hpp), without a graph::Graph.
    // In a distributed job (stakegraph-mpi) the ranks count their parts of such a file.
    if (const std::unique_ptr<WholeFile> f = kernels().open_whole_file(o.graph)) {
      f->read(
          false, [](bool) { return graph::WeightSource::kNone; }, true);
      const WholeFile::Totals t = f->totals();
      c.nodes = f->node_count();
      c.edges = f->edge_count();
      c.articles = t.articles;
      c.evidence = t.evidence;
      for (std::size_t k = 0; k < t.by_kind.size(); ++k)
        if (t.by_kind[k] > 0)
          c.by_kind[std::string(graph::kind_name(static_cast<graph::Kind>(k)))] = t.by_kind[k];
      for (std::size_t r = 0; r < t.by_relation.size(); ++r)
        if (t.by_relation[r] > 0)
          c.by_relation[std::string(graph::relation_name(static_cast<graph::Relation>(r)))] =
              t.by_relation[r];
      return c;
    }
    if (const std::optional<io::TopologyArrays> t =
            io::load_topology_arrays(o.graph, {.labels = false, .edges = false})) {
      c.nodes = t->node_count();
      c.edges = t->edge_count();
      c.articles = t->article_count;
      c.evidence = t->evidence_count;
      std::array<std::size_t, graph::kKindCount> kinds{};
      for (const graph::Kind k : t->kinds) ++kinds[static_cast<std::size_t>(k)];
      for (std::size_t k = 0; k < kinds.size(); ++k)
        if (kinds[k] > 0)
          c.by_kind[std::string(graph::kind_name(static_cast<graph::Kind>(k)))] = kinds[k];
      std::array<std::size_t, graph::kRelationCount> relations{};
      for (const graph::Relation r : t->relations) ++relations[static_cast<std::size_t>(r)];
      for (std::size_t r = 0; r < relations.size(); ++r)
        if (relations[r] > 0)
          c.by_relation[std::string(graph::relation_name(static_cast<graph::Relation>(r)))] =
              relations[r];
      return c;
    }
  }
  // Otherwise the graph: with dates the evidence is loaded and filtered; without, other
  // files are loaded whole.
  graph::Graph g;
  if (o.since.empty() && o.until.empty()) {
    io::TopologyLoad t = io::load_graph_topology(o.graph);
    g = std::move(t.graph);
    c.articles = t.article_count;
  } else {
    g = load_filtered(o.graph, make_filter({}, {}, o.since, o.until));
    c.articles = g.articles().size();
  }
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v)
    ++c.by_kind[std::string(graph::kind_name(g.node(v).kind))];
  for (auto [it, end] = boost::edges(g.boost_graph()); it != end; ++it)
    ++c.by_relation[std::string(graph::relation_name(g.edge(*it).relation))];
  c.nodes = g.node_count();
  c.edges = g.edge_count();
  c.evidence = g.evidence_count();
  return c;
}

}  // namespace

void run_stats(const StatsOptions& o, std::ostream& out) {
  const Counts c = counts_of(o);
  const auto& [nodes, edges, articles, evidence, by_kind, by_relation] = c;
  if (o.json) {
    print_json({{"nodes", nodes},
                {"edges", edges},
                {"articles", articles},
                {"evidence", evidence},
                {"by_kind", by_kind},
                {"by_relation", by_relation}},
               out);
    return;
  }
  out << o.graph << "\n"
      << "  nodes     " << nodes << "\n"
      << "  edges     " << edges << "\n"
      << "  articles  " << articles << "\n"
      << "  evidence  " << evidence << "\n";
  out << "nodes by kind\n";
  for (const auto& [k, n] : by_kind) out << "  " << k << " " << n << "\n";
  out << "edges by relation\n";
  for (const auto& [r, n] : by_relation) out << "  " << r << " " << n << "\n";
}

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
    run_stats(*opts, std::cout);
  });
}

}  // namespace stakegraph::cli
