// One entry point for every graph file format: choose the format from the file extension
// (or by name), load and save. `.sgpb` (native, io/formats/sgpb.hpp), `.json`
// (io/formats/json_format.hpp), `.graphml` (io/formats/graphml.hpp), `.csv`
// (io/formats/csv.hpp, with an optional nodes file), `.dot` and `.gexf` (write only,
// io/render/dot.hpp, io/formats/gexf.hpp).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "graph/graph.hpp"
#include "io/formats/topology_arrays.hpp"

namespace stakegraph::io {

enum class Format { kSgpb, kJson, kGraphml, kCsv, kDot, kGexf };

std::string_view format_name(Format f) noexcept;
// "sgpb", "json", "graphml", "csv", "dot", "gexf" (case-insensitive); nullopt otherwise.
std::optional<Format> parse_format(std::string_view name) noexcept;
// From the extension of `path`; nullopt when it has none of the above.
std::optional<Format> format_from_path(const std::string& path) noexcept;

// Loads a graph. Format from the extension unless given. Throws graph::InvalidArgument
// for an unknown or write-only format, graph::NotFound for a missing file, and
// io::ParseError (file + line or offset) for content that is not what the format says,
// and graph::Error "PATH: out of memory while reading" when the graph does not fit.
struct LoadOptions {
  // CSV: the nodes file read before the edge list (io/formats/csv.hpp); InvalidArgument for another
  // format.
  std::string csv_nodes;
};
graph::Graph load_graph(const std::string& path, std::optional<Format> format = std::nullopt,
                        const LoadOptions& options = {});

// For commands that need no evidence text (the analytics): a .sgpb file of format version 3
// gives its topology alone (io::load_sgpb_topology: nodes and edges, each edge's evidence
// counted in EdgeData::unloaded_evidence, no articles), at the cost of reading its node and
// edge tables only; any other file is loaded whole (load_graph). `article_count` is the
// file's. Throws as load_graph.
struct TopologyLoad {
  graph::Graph graph;
  std::uint64_t article_count = 0;
};
TopologyLoad load_graph_topology(const std::string& path,
                                 std::optional<Format> format = std::nullopt);

// The arrays of `path` when it is a .sgpb file of format version 3 (by its extension and its
// header; io/formats/topology_arrays.hpp); nullopt for any other file (or "-"), which the
// caller loads as a graph::Graph. Throws graph::NotFound for a missing file and
// io::ParseError (file + byte offset) for a damaged version 3 file, as io::load_sgpb_topology.
std::optional<TopologyArrays> load_topology_arrays(const std::string& path,
                                                   const TopologyArraysOptions& options = {});

// Whether the file at `path` looks like a graph file of `format` (read from its first 64
// KiB): .sgpb magic; a JSON object with a "format_version", "nodes" or "edges" key; a
// <graphml> element; a CSV header with source and target columns; a DOT graph. An empty
// file counts as one (nothing to lose). False for a missing or unreadable file.
bool looks_like_graph_file(const std::string& path, Format format);

struct SaveOptions {
  // Overwrite an existing file even when it is not a graph of the format written (the CLI's
  // --force). By default such a file (a package.json under `-o package.json`) is refused.
  bool force = false;
  // CSV: also write the nodes file here (atomically, before the edge list); InvalidArgument
  // for another format.
  std::string csv_nodes;
  // GEXF: "1.3" (the default) or "1.2draft" (NetworkX 2.x reads only the drafts).
  std::string gexf_version;
  // .sgpb: the format version written (io/formats/sgpb.hpp: 0 or 3, the default; 2 for the layout
  // of version 2, as readers before version 3 and stakegraph-mpi's frame ranges read);
  // InvalidArgument for another format.
  std::uint32_t sgpb_version = 0;
  // Where "-" and "/dev/stdout" are written: std::cout when null (an in-process run of
  // `convert` passes its output stream).
  std::ostream* stdout_stream = nullptr;
};

// Saves atomically (or to stdout for "-" and "/dev/stdout"). Format from the extension
// unless given. Throws graph::Error naming the file, before writing, when an existing
// regular file is not a graph of that format (looks_like_graph_file) and options.force is
// not set. Every error is a graph::Error naming `path` ("standard output" for stdout), out of
// memory included.
void save_graph(const graph::Graph& g, const std::string& path,
                std::optional<Format> format = std::nullopt, const SaveOptions& options = {});

}  // namespace stakegraph::io
