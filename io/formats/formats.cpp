#include "io/formats/formats.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <new>
#include <string_view>
#include <vector>

#include "graph/error.hpp"
#include "io/atomic_file.hpp"
#include "io/error.hpp"
#include "io/formats/csv.hpp"
#include "io/formats/gexf.hpp"
#include "io/formats/graphml.hpp"
#include "io/formats/json_format.hpp"
#include "io/formats/protobuf_log.hpp"
#include "io/formats/sgpb.hpp"
#include "io/formats/sgpb_v3.hpp"
#include "io/input.hpp"
#include "io/render/dot.hpp"

namespace stakegraph::io {

std::string_view format_name(Format f) noexcept {
  switch (f) {
    case Format::kSgpb:
      return "sgpb";
    case Format::kJson:
      return "json";
    case Format::kGraphml:
      return "graphml";
    case Format::kCsv:
      return "csv";
    case Format::kDot:
      return "dot";
    case Format::kGexf:
      return "gexf";
  }
  return "";
}

std::optional<Format> parse_format(std::string_view name) noexcept {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!lower.empty() && lower[0] == '.') lower.erase(0, 1);
  for (Format f :
       {Format::kSgpb, Format::kJson, Format::kGraphml, Format::kCsv, Format::kDot, Format::kGexf})
    if (lower == format_name(f)) return f;
  if (lower == "gv") return Format::kDot;
  return std::nullopt;
}

std::optional<Format> format_from_path(const std::string& path) noexcept {
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext.empty()) return std::nullopt;
  return parse_format(ext);
}

namespace {

// The format of standard input from its first byte (white space skipped): the .sgpb magic,
// '{' or '[' JSON, '<' GraphML, anything else CSV.
Format sniff_stdin() {
  while (std::cin.peek() == ' ' || std::cin.peek() == '\t' || std::cin.peek() == '\r' ||
         std::cin.peek() == '\n')
    std::cin.get();
  const int c = std::cin.peek();
  if (c == kSgpbMagic[0]) return Format::kSgpb;
  if (c == '{' || c == '[') return Format::kJson;
  if (c == '<') return Format::kGraphml;
  return Format::kCsv;
}

graph::Graph load_graph_unchecked(const std::string& path, std::optional<Format> format,
                                  const LoadOptions& options) {
  if (!format && path == "-") format = sniff_stdin();
  if (!format) format = format_from_path(path);
  if (!format)
    throw graph::InvalidArgument(path +
                                 ": unknown graph format (use .sgpb, .json, .graphml or .csv)");
  check_input_file(path);
  if (!options.csv_nodes.empty() && *format != Format::kCsv)
    throw graph::InvalidArgument(path + ": a nodes file (--nodes) goes with a CSV edge list only");
  if (*format != Format::kSgpb && path != "-" && has_sgpb_magic(path))
    throw io::ParseError::at_offset(
        path, 0, "this is a .sgpb graph file, not " + std::string(format_name(*format)));
  switch (*format) {
    case Format::kSgpb:
      return load_sgpb(path);
    case Format::kJson:
      return load_json(path);
    case Format::kGraphml:
      return load_graphml(path);
    case Format::kCsv:
      if (!options.csv_nodes.empty()) {
        check_input_file(options.csv_nodes);
        return load_csv(path, options.csv_nodes);
      }
      return load_csv(path);
    case Format::kDot:
    case Format::kGexf:
      throw graph::InvalidArgument(path + ": " + std::string(format_name(*format)) +
                                   " is write-only; read .sgpb, .json, .graphml or .csv");
  }
  throw graph::InvalidArgument(path + ": unknown graph format");
}

}  // namespace

namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool csv_header_has_source_and_target(std::string_view head) {
  if (head.compare(0, 3, "\xEF\xBB\xBF") == 0) head.remove_prefix(3);
  // The first non-blank line.
  std::string_view line;
  while (!head.empty()) {
    const auto nl = head.find('\n');
    line = head.substr(0, nl);
    head = nl == std::string_view::npos ? std::string_view() : head.substr(nl + 1);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) break;
  }
  bool source = false, target = false;
  for (std::size_t start = 0; start <= line.size();) {
    const auto comma = line.find(',', start);
    std::string field = lower_ascii(line.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    std::erase_if(field, [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '"'; });
    source = source || field == "source";
    target = target || field == "target";
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return source && target;
}

// A nodes file of ours (or empty): its header has an id or a name column.
bool looks_like_csv_nodes_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  if (!std::getline(in, line)) return true;
  if (line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
  const std::string lower = lower_ascii(line);
  return lower.rfind("id,", 0) == 0 || lower.rfind("name,", 0) == 0 || lower == "id" ||
         lower == "name";
}

}  // namespace

bool looks_like_graph_file(const std::string& path, Format format) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (head.find_first_not_of(" \t\r\n") == std::string::npos) return true;
  switch (format) {
    case Format::kSgpb:
      return head.size() >= sizeof kSgpbMagic &&
             head.compare(0, sizeof kSgpbMagic, kSgpbMagic, sizeof kSgpbMagic) == 0;
    case Format::kJson: {
      const auto first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
      return first != std::string::npos && head[first] == '{' &&
             (head.find("\"format_version\"") != std::string::npos ||
              head.find("\"nodes\"") != std::string::npos ||
              head.find("\"edges\"") != std::string::npos);
    }
    case Format::kGraphml:
      return head.find("<graphml") != std::string::npos;
    case Format::kGexf:
      return head.find("<gexf") != std::string::npos;
    case Format::kCsv:
      return csv_header_has_source_and_target(head);
    case Format::kDot: {
      const std::string lower = lower_ascii(head);
      return lower.find("graph") != std::string::npos && lower.find('{') != std::string::npos;
    }
  }
  return false;
}

namespace {

// What a write error says, naming the file: the writers' own messages (Graphviz's "cannot
// write DOT", nlohmann's type errors) do not.
[[noreturn]] void rethrow_naming(const std::string& name) {
  try {
    throw;
  } catch (const std::bad_alloc&) {
    throw graph::Error(name + ": out of memory while writing");
  } catch (const graph::InvalidArgument&) {
    throw;
  } catch (const std::exception& e) {
    const std::string what = e.what();
    if (what.compare(0, name.size() + 1, name + ":") == 0) throw;
    throw graph::Error(name + ": cannot write: " + what);
  }
}

void save_graph_unchecked(const graph::Graph& g, const std::string& path,
                          std::optional<Format> format, const SaveOptions& options) {
  if (!format) format = format_from_path(path);
  if (!format)
    throw graph::InvalidArgument(path +
                                 ": unknown graph format (use .sgpb, .json, .graphml, .csv, "
                                 ".dot or .gexf, or --to)");
  if (!options.force && !is_stdout_path(path)) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!ec && std::filesystem::is_regular_file(status) && !looks_like_graph_file(path, *format))
      throw graph::Error(path + ": exists and is not a " + std::string(format_name(*format)) +
                         " graph file: refusing to overwrite it (remove it first, or use "
                         "--force)");
  }
  if (!options.csv_nodes.empty() && *format != Format::kCsv)
    throw graph::InvalidArgument(path + ": a nodes file (--nodes) goes with a CSV edge list only");
  GexfOptions gexf;
  if (options.gexf_version == "1.2draft" || options.gexf_version == "1.2")
    gexf.version = GexfVersion::k1_2draft;
  else if (!options.gexf_version.empty() && options.gexf_version != "1.3")
    throw graph::InvalidArgument("GEXF version '" + options.gexf_version +
                                 "': one of 1.3, 1.2draft");
  if (!options.csv_nodes.empty()) {
    if (!options.force && !is_stdout_path(options.csv_nodes)) {
      std::error_code ec;
      const auto status = std::filesystem::status(options.csv_nodes, ec);
      if (!ec && std::filesystem::is_regular_file(status) &&
          !looks_like_csv_nodes_file(options.csv_nodes))
        throw graph::Error(options.csv_nodes +
                           ": exists and is not a CSV nodes file: refusing to overwrite it "
                           "(remove it first, or use --force)");
    }
    AtomicFile nodes(options.csv_nodes);
    write_csv_nodes(g, nodes.stream());
    nodes.commit();
  }
  if (options.sgpb_version != 0 && *format != Format::kSgpb)
    throw graph::InvalidArgument("a .sgpb format version goes with a .sgpb output only");
  if (*format == Format::kSgpb && is_stdout_path(path) && options.stdout_stream) {
    // As save_sgpb does for std::cout: Protobuf's log of a string that is not UTF-8 fails
    // the write (io/formats/protobuf_log.hpp).
    route_protobuf_log();
    take_protobuf_log();
    const std::uint32_t version = options.sgpb_version ? options.sgpb_version : kSgpbFormatVersion;
    write_sgpb(g, *options.stdout_stream, {.format_version = version});
    const std::vector<std::string> log = take_protobuf_log();
    if (!log.empty()) throw graph::Error("standard output: cannot write: " + log.front());
    return;
  }
  if (*format == Format::kSgpb) {
    save_sgpb(g, path,
              {.format_version = options.sgpb_version ? options.sgpb_version : kSgpbFormatVersion});
    return;
  }
  auto write = [&](std::ostream& out) {
    switch (*format) {
      case Format::kJson:
        write_json(g, out);
        break;
      case Format::kGraphml:
        write_graphml(g, out);
        break;
      case Format::kCsv:
        write_csv(g, out);
        break;
      case Format::kDot:
        write_dot(g, out);
        break;
      case Format::kGexf:
        write_gexf(g, out, gexf);
        break;
      case Format::kSgpb:
        break;
    }
  };
  if (is_stdout_path(path)) {
    std::ostream& out = options.stdout_stream ? *options.stdout_stream : std::cout;
    write(out);
    out.flush();
    if (!out) throw graph::Error("cannot write to standard output");
    return;
  }
  AtomicFile file(path);
  write(file.stream());
  file.commit();
}

}  // namespace

graph::Graph load_graph(const std::string& path, std::optional<Format> format,
                        const LoadOptions& options) {
  try {
    return load_graph_unchecked(path, format, options);
  } catch (const std::bad_alloc&) {
    // The partial graph is gone by now: there is memory again for the message.
    throw graph::Error(path + ": out of memory while reading");
  }
}

TopologyLoad load_graph_topology(const std::string& path, std::optional<Format> format) {
  try {
    if (!format && path != "-") format = format_from_path(path);
    if (format == Format::kSgpb && path != "-") {
      SgpbTopology t = load_sgpb_topology(path);
      return {std::move(t.graph), t.article_count};
    }
  } catch (const std::bad_alloc&) {
    throw graph::Error(path + ": out of memory while reading");
  }
  TopologyLoad t{load_graph(path, format), 0};
  t.article_count = t.graph.articles().size();
  return t;
}

std::optional<TopologyArrays> load_topology_arrays(const std::string& path,
                                                   const TopologyArraysOptions& options) {
  if (path == "-" || format_from_path(path) != Format::kSgpb) return std::nullopt;
  try {
    return load_sgpb_topology_arrays(path, options);
  } catch (const std::bad_alloc&) {
    throw graph::Error(path + ": out of memory while reading");
  }
}

void save_graph(const graph::Graph& g, const std::string& path, std::optional<Format> format,
                const SaveOptions& options) {
  try {
    save_graph_unchecked(g, path, format, options);
  } catch (...) {
    rethrow_naming(is_stdout_path(path) ? std::string("standard output") : path);
  }
}

}  // namespace stakegraph::io
