// A part of a version 3 file, whole (io/formats/sgpb_v3.hpp, load_sgpb_subgraph).
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "io/formats/proto_convert.hpp"
#include "io/formats/sgpb_v3.hpp"
#include "io/formats/sgpb_v3_tables.hpp"
#include "io/formats/topology_subgraph.hpp"

namespace stakegraph::io {

using namespace detail;

graph::Graph load_sgpb_subgraph(const std::string& path, const TopologyArrays& t,
                                const std::vector<std::uint32_t>& nodes) {
  InducedGraph sub = induced_graph(t, nodes);
  graph::Graph& g = sub.graph;
  File file(path);
  V3File v3;
  std::uint32_t version = 0;
  if (!open_v3(file, v3, version) || v3.header.node_count() != t.node_count() ||
      v3.header.edge_count() != t.edge_count() || v3.header.evidence_count() != t.evidence_count)
    fail(file.name(), 0, "the file changed while it was read");
  const pb::Header& h = v3.header;
  // The node and edge tables again: the nodes' aliases and attributes, the edges' sign,
  // Goldstein mean and dates (the topology arrays hold neither).
  std::uint64_t node_count = 0, edge_count = 0, evidence = 0;
  std::size_t next_node = 0, next_edge = 0;
  read_tables(
      file, v3,
      [&](const pb::NodeTable& table) {
        bool wanted = false;
        decode_node_table(
            table, node_count, h.node_count(),
            [&](std::uint32_t i, std::string_view, std::string_view, graph::Kind) {
              wanted = next_node < nodes.size() && nodes[next_node] == table.first() + i;
              if (wanted) ++next_node;
            },
            [&](std::uint32_t, const pb::NodeExtra& x) {
              if (!wanted) return;
              const auto v = static_cast<graph::NodeIndex>(next_node - 1);
              for (const auto& a : x.aliases()) g.add_alias(v, a);
              set_attributes_from_proto(g, v, x.attributes());
            });
        node_count += table.count();
      },
      [&](const pb::EdgeTable& table) {
        std::uint64_t e = edge_count;
        decode_edge_table(table, h, edge_count, node_count, evidence, [&](const DecodedEdge& d) {
          if (next_edge < sub.edge_numbers.size() && sub.edge_numbers[next_edge] == e) {
            if (d.source != t.sources[e] || d.target != t.targets[e] ||
                d.relation != t.relations[e])
              throw graph::InvalidArgument("the edge table changed while it was read");
            graph::EdgeData& data = g.edge_data(sub.edges[next_edge]);
            data.sign = d.sign;
            if (d.has_goldstein) data.goldstein = d.goldstein;
            data.first_seen = d.first_seen;
            data.last_seen = d.last_seen;
            ++next_edge;
          }
          ++e;
        });
        edge_count += table.count();
      },
      [&] { return node_count; });
  if (node_count != h.node_count() || edge_count != h.edge_count() ||
      evidence != h.evidence_count() || next_node != nodes.size() || next_edge != sub.edges.size())
    fail(file.name(), sizeof kSgpbMagic,
         "the header's counts do not match the node and edge tables");
  // Their evidence and the articles it cites.
  std::vector<std::pair<std::uint64_t, graph::EdgeRef>> edges;
  edges.reserve(sub.edges.size());
  for (std::size_t k = 0; k < sub.edges.size(); ++k)
    edges.emplace_back(sub.edge_numbers[k], sub.edges[k]);
  if (!edges.empty()) load_sgpb_edge_evidence(path, t, std::move(edges), g);
  return std::move(g);
}

}  // namespace stakegraph::io
