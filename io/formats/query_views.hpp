// The one JSON shape of nodes, edges and evidence (proto/query.proto): builds the messages
// that every --json prints, so that show, neighbors, path and diff print the same objects.
// Evidence views carry their article's title, url, source and date; strings are made valid
// UTF-8 (an invalid byte becomes U+FFFD), as protobuf requires.
// Complexity: O(size of what is built): a node's aliases and attributes, an edge's evidence
// (up to `max_evidence` items).
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>

#include "graph/graph.hpp"
#include "proto/query.pb.h"
#include "proto/stakegraph.pb.h"

namespace stakegraph::io {

// `text` with every invalid UTF-8 byte replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

pb::Node node_view(const graph::Graph& g, graph::NodeIndex v);

pb::EvidenceView evidence_view(const graph::Graph& g, const graph::Evidence& e);

struct EdgeViewOptions {
  // Evidence items listed (the first ones, in the edge's order); evidence_count says how
  // many there are in all.
  std::size_t max_evidence = std::numeric_limits<std::size_t>::max();
};

pb::EdgeView edge_view(const graph::Graph& g, graph::EdgeRef e,
                       const EdgeViewOptions& options = {});

}  // namespace stakegraph::io
