// Conversions between the in-memory Graph (graph/) and the Protobuf schema (proto/).
// Node ids, names, aliases, attributes, edges, evidence and articles survive a round trip.
#pragma once

#include <string>

#include "graph/graph.hpp"
#include "proto/stakegraph.pb.h"

namespace stakegraph::io {

pb::Article to_proto(const graph::Article& a);
graph::Article from_proto(const pb::Article& a);

pb::Node to_proto(const graph::Graph& g, graph::NodeIndex v);
// Without evidence when `with_evidence` is false (the .sgpb writer splits large edges).
pb::Edge to_proto(const graph::Graph& g, graph::EdgeRef e, bool with_evidence = true);
// Fills `x` from one evidence item of `g` (its article by id).
void evidence_to_proto(const graph::Graph& g, const graph::Evidence& ev, pb::Evidence* x);

// Adds a node from its message. Throws graph::InvalidArgument on a duplicate id or name.
graph::NodeIndex add_from_proto(graph::Graph& g, const pb::Node& n);

// Sets node v's attributes from a message's map, in key order: a map's own order is
// unspecified, and attributes set out of order cost a shift of the node's sorted attributes
// each (80,000 attributes read from a file took 13.7 s). O(n log n) for n attributes.
void set_attributes_from_proto(graph::Graph& g, graph::NodeIndex v,
                               const google::protobuf::Map<std::string, std::string>& m);
// Adds an edge from its message; endpoints are looked up by id, evidence articles by id
// (an article not yet known is added as a stub with that id). Throws graph::NotFound for an
// unknown endpoint and graph::InvalidArgument for a missing relation. With `known_new`, the
// caller guarantees the edge is not in the graph yet (our own files), which skips the
// duplicate check.
graph::EdgeRef add_from_proto(graph::Graph& g, const pb::Edge& e, bool known_new = false);

// One evidence message as the graph holds it; its article is looked up by id (added as a
// stub when unknown). Throws graph::InvalidArgument for a bad date.
graph::Evidence evidence_from_proto(graph::Graph& g, const pb::Evidence& x);

pb::Graph to_proto(const graph::Graph& g);
// `file` names the input in error messages.
graph::Graph from_proto(const pb::Graph& m, const std::string& file);

}  // namespace stakegraph::io
