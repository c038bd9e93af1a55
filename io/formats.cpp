#include "io/formats.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <new>

#include "graph/error.hpp"
#include "io/atomic_file.hpp"
#include "io/csv.hpp"
#include "io/dot.hpp"
#include "io/graphml.hpp"
#include "io/input.hpp"
#include "io/json_format.hpp"
#include "io/sgpb.hpp"

namespace stakegraph::io {

std::string_view format_name(Format f) noexcept {
  switch (f) {
    case Format::kSgpb: return "sgpb";
    case Format::kJson: return "json";
    case Format::kGraphml: return "graphml";
    case Format::kCsv: return "csv";
    case Format::kDot: return "dot";
  }
  return "";
}

std::optional<Format> parse_format(std::string_view name) noexcept {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!lower.empty() && lower[0] == '.') lower.erase(0, 1);
  for (Format f : {Format::kSgpb, Format::kJson, Format::kGraphml, Format::kCsv, Format::kDot})
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

graph::Graph load_graph_unchecked(const std::string& path, std::optional<Format> format) {
  if (!format) format = format_from_path(path);
  if (!format)
    throw graph::InvalidArgument(path +
                                 ": unknown graph format (use .sgpb, .json, .graphml or .csv)");
  check_input_file(path);
  if (*format != Format::kSgpb && path != "-" && has_sgpb_magic(path))
    throw graph::ParseError::at_offset(
        path, 0, "this is a .sgpb graph file, not " + std::string(format_name(*format)));
  switch (*format) {
    case Format::kSgpb: return load_sgpb(path);
    case Format::kJson: return load_json(path);
    case Format::kGraphml: return load_graphml(path);
    case Format::kCsv: return load_csv(path);
    case Format::kDot:
      throw graph::InvalidArgument(path + ": DOT is write-only; read .sgpb, .json, .graphml or .csv");
  }
  throw graph::InvalidArgument(path + ": unknown graph format");
}

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
                          std::optional<Format> format) {
  if (!format) format = format_from_path(path);
  if (!format)
    throw graph::InvalidArgument(
        path + ": unknown graph format (use .sgpb, .json, .graphml, .csv or .dot, or --to)");
  if (*format == Format::kSgpb) {
    save_sgpb(g, path);
    return;
  }
  auto write = [&](std::ostream& out) {
    switch (*format) {
      case Format::kJson: write_json(g, out); break;
      case Format::kGraphml: write_graphml(g, out); break;
      case Format::kCsv: write_csv(g, out); break;
      case Format::kDot: write_dot(g, out); break;
      case Format::kSgpb: break;
    }
  };
  if (is_stdout_path(path)) {
    write(std::cout);
    std::cout.flush();
    if (!std::cout) throw graph::Error("cannot write to standard output");
    return;
  }
  AtomicFile file(path);
  write(file.stream());
  file.commit();
}

}  // namespace

graph::Graph load_graph(const std::string& path, std::optional<Format> format) {
  try {
    return load_graph_unchecked(path, format);
  } catch (const std::bad_alloc&) {
    // The partial graph is gone by now: there is memory again for the message.
    throw graph::Error(path + ": out of memory while reading");
  }
}

void save_graph(const graph::Graph& g, const std::string& path, std::optional<Format> format) {
  try {
    save_graph_unchecked(g, path, format);
  } catch (...) {
    rethrow_naming(is_stdout_path(path) ? std::string("standard output") : path);
  }
}

}  // namespace stakegraph::io
