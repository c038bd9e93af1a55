#include "cli/common.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "cli/json_views.hpp"
#include "graph/error.hpp"
#include "io/formats/query_views.hpp"
#include "io/printable.hpp"

namespace stakegraph::cli {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

namespace {

template <typename T>
std::string join_names(const T& items) {
  std::string s;
  for (const auto& x : items) {
    if (!s.empty()) s += ", ";
    s += std::string(x);
  }
  return s;
}

}  // namespace

std::vector<std::string> closest_names(const graph::Graph& g, const std::string& name,
                                       std::size_t n) {
  const std::string q = graph::fold_name(name);
  std::vector<std::pair<std::size_t, graph::NodeIndex>> scored;
  scored.reserve(g.node_count());
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v) {
    const std::string folded = graph::fold_name(g.node(v).name);
    std::size_t d = edit_distance(q, folded.substr(0, std::max(q.size() * 2, std::size_t{8})));
    if (!q.empty() && folded.find(q) != std::string::npos) d = std::min<std::size_t>(d, 1);
    scored.emplace_back(d, v);
  }
  const std::size_t k = std::min(n, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(k), scored.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < k; ++i) out.push_back(g.node(scored[i].second).name);
  return out;
}

graph::NodeIndex resolve_node(const graph::Graph& g, const std::string& name,
                              const std::string& graph_file) {
  if (auto v = g.find_node(name)) return *v;
  std::string msg = graph_file + ": no node named '" + name + "'";
  const auto near = closest_names(g, name);
  if (!near.empty()) msg += " (did you mean: " + join_names(near) + "?)";
  throw graph::NotFound(msg);
}

graph::Kind parse_kind_option(const std::string& s) {
  if (auto k = graph::parse_kind(s)) return *k;
  std::vector<std::string_view> names;
  for (auto k : graph::all_kinds()) names.push_back(graph::kind_name(k));
  throw graph::InvalidArgument("unknown kind '" + s + "' (one of: " + join_names(names) + ")");
}

graph::Relation parse_relation_option(const std::string& s) {
  if (auto r = graph::parse_relation(s)) return *r;
  std::vector<std::string_view> names;
  for (auto r : graph::all_relations()) names.push_back(graph::relation_name(r));
  throw graph::InvalidArgument("unknown relation '" + s + "' (one of: " + join_names(names) + ")");
}

graph::Date parse_date_option(const std::string& s, const char* option) {
  if (auto d = graph::parse_iso_date(s)) return *d;
  throw graph::InvalidArgument(std::string(option) + ": invalid date '" + s +
                               "' (expected YYYY-MM-DD)");
}

graph::FilterOptions make_filter(const std::vector<std::string>& kinds,
                                 const std::vector<std::string>& relations,
                                 const std::string& since, const std::string& until) {
  graph::FilterOptions f;
  for (const auto& k : kinds) f.kinds.push_back(parse_kind_option(k));
  for (const auto& r : relations) f.relations.push_back(parse_relation_option(r));
  if (!since.empty()) f.since = parse_date_option(since, "--since");
  if (!until.empty()) f.until = parse_date_option(until, "--until");
  if (f.since != graph::kNoDate && f.until != graph::kNoDate && f.since > f.until)
    throw graph::InvalidArgument("--since " + since + " is after --until " + until);
  return f;
}

nlohmann::json node_json(const graph::Graph& g, graph::NodeIndex v) {
  return nlohmann::json::parse(message_json(io::node_view(g, v)).dump());
}

nlohmann::json edge_json(const graph::Graph& g, graph::EdgeRef e, bool with_evidence) {
  io::EdgeViewOptions options;
  if (!with_evidence) options.max_evidence = 0;
  nlohmann::json j = nlohmann::json::parse(message_json(io::edge_view(g, e, options)).dump());
  if (!with_evidence) j.erase("evidence");
  return j;
}

io::FileLock lock_for_update(const std::string& path, bool no_wait) {
  io::FileLockOptions options;
  options.wait = !no_wait;
  options.on_wait = [&path](const std::string& lock) {
    std::fprintf(stderr,
                 "stakegraph: waiting for another run writing %s to finish (lock file %s)\n",
                 io::printable(path).c_str(), io::printable(lock).c_str());
    std::fflush(stderr);
  };
  return io::FileLock(path, options);
}

void print_json(const nlohmann::json& j, std::ostream& out) {
  out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace stakegraph::cli
