// Helpers shared by the libFuzzer targets of tests/fuzz/: a check whose failure is a finding
// (it prints one line and aborts, so libFuzzer saves the input), a hook that makes any
// libprotobuf log message a finding, and a comparison of two graphs for the round-trip
// checks (a graph a reader accepted, written and read back, must come back the same as far
// as the format carries it), and the body of the reader targets that make them.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>

#include <google/protobuf/stubs/logging.h>

#include "graph/error.hpp"
#include "graph/graph.hpp"

namespace stakegraph::fuzz {

[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz check failed: %s\n", what.c_str());
  std::abort();
}

inline void check(bool ok, const std::string& what) {
  if (!ok) fail(what);
}

// Makes any message libprotobuf would log (on stderr) a finding: library code never prints,
// so a reader must keep libprotobuf quiet on damaged input (google::protobuf::LogSilencer).
inline void fail_on_protobuf_log() {
  google::protobuf::SetLogHandler([](google::protobuf::LogLevel, const char* file, int line,
                                     const std::string& message) {
    fail("libprotobuf logged (" + std::string(file) + ":" + std::to_string(line) + "): " + message);
  });
}

// What a format carries, for graph_difference().
struct Carried {
  bool ids = true;  // node ids (else nodes are matched by canonical name)
  bool aliases = true;
  bool attributes = true;
  bool isolated = true;  // nodes without edges
  bool dates = true;     // edge first_seen / last_seen
  bool evidence = true;  // evidence and articles
};

// Same double, NaN equal to NaN and -0 equal to +0 (writers print the shortest round-trip
// form, which need not keep the sign of zero).
inline bool same_double(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return a == b;
}

// "" when `b` holds what `a` holds (as far as `what` says), else the first difference.
inline std::string graph_difference(const graph::Graph& a, const graph::Graph& b,
                                    const Carried& what) {
  using namespace graph;
  auto find = [&](const Graph& g, const NodeData& n) {
    return what.ids ? g.find_by_id(n.id) : g.find_named(n.name);
  };
  if (a.edge_count() != b.edge_count())
    return "edge count " + std::to_string(a.edge_count()) + " vs " + std::to_string(b.edge_count());
  if (what.isolated && a.node_count() != b.node_count())
    return "node count " + std::to_string(a.node_count()) + " vs " + std::to_string(b.node_count());
  for (NodeIndex v = 0; v < a.node_count(); ++v) {
    const NodeData& x = a.node(v);
    if (!what.isolated && boost::out_degree(v, a.boost_graph()) == 0 &&
        boost::in_degree(v, a.boost_graph()) == 0)
      continue;
    const auto w = find(b, x);
    if (!w) return "node '" + x.id + "' missing";
    const NodeData& y = b.node(*w);
    if (x.name != y.name) return "node '" + x.id + "' name '" + x.name + "' vs '" + y.name + "'";
    if (x.kind != y.kind) return "node '" + x.id + "' kind differs";
    if (what.ids && x.id != y.id) return "node '" + x.id + "' id differs";
    if (what.aliases && x.aliases != y.aliases) return "node '" + x.id + "' aliases differ";
    if (what.attributes && x.attributes != y.attributes)
      return "node '" + x.id + "' attributes differ";
  }
  for (auto [it, end] = boost::edges(a.boost_graph()); it != end; ++it) {
    const EdgeData& x = a.edge(*it);
    const NodeData& sn = a.node(a.source(*it));
    const NodeData& tn = a.node(a.target(*it));
    const std::string label = sn.id + " -" + std::string(relation_name(x.relation)) + "-> " + tn.id;
    const auto s = find(b, sn);
    const auto t = find(b, tn);
    if (!s || !t) return "edge " + label + ": endpoint missing";
    const auto e = b.find_edge(*s, *t, x.relation);
    if (!e) return "edge " + label + " missing";
    const EdgeData& y = b.edge(*e);
    if (x.weight.has_value() != y.weight.has_value() ||
        (x.weight && !same_double(*x.weight, *y.weight)) ||
        x.goldstein.has_value() != y.goldstein.has_value() ||
        (x.goldstein && !same_double(*x.goldstein, *y.goldstein)))
      return "edge " + label + " weight differs";
    if (x.sign != y.sign) return "edge " + label + " sign differs";
    if (what.dates && (x.first_seen != y.first_seen || x.last_seen != y.last_seen))
      return "edge " + label + " dates differ";
    if (!what.evidence) continue;
    if (x.evidence.size() != y.evidence.size()) return "edge " + label + " evidence count differs";
    for (std::size_t i = 0; i < x.evidence.size(); ++i) {
      const Evidence &p = x.evidence[i], &q = y.evidence[i];
      const std::string pa = p.article == kNoArticle ? "" : a.articles().at(p.article).id;
      const std::string qa = q.article == kNoArticle ? "" : b.articles().at(q.article).id;
      if (pa != qa || p.sentence != q.sentence || p.start != q.start || p.end != q.end ||
          p.text != q.text || p.hedged != q.hedged || p.speaker != q.speaker || p.rule != q.rule ||
          !same_double(p.confidence, q.confidence) || p.mentions != q.mentions ||
          p.sources != q.sources || p.date != q.date)
        return "edge " + label + " evidence " + std::to_string(i) + " differs";
    }
  }
  if (what.evidence) {
    if (a.articles().size() != b.articles().size()) return "article count differs";
    for (const Article& x : a.articles()) {
      const auto i = b.find_article(x.id);
      if (!i) return "article '" + x.id + "' missing";
      const Article& y = b.articles()[*i];
      if (x.title != y.title || x.date != y.date || x.source != y.source || x.url != y.url ||
          x.path != y.path || x.text_hash != y.text_hash)
        return "article '" + x.id + "' fields differ";
    }
  }
  return "";
}

// The body of a reader's target: `parse(text, name)` must either reject the input with a
// graph::Error or give a graph that `write(graph, stream)` then `parse` give back the same,
// as far as `carried` says the format carries it. `format` names the files ("csv").
template <class Parse, class Write>
void check_read_and_round_trip(const std::uint8_t* data, std::size_t size,
                               const std::string& format, Parse parse, Write write,
                               const Carried& carried) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  graph::Graph g;
  try {
    g = parse(text, "fuzz." + format);
  } catch (const graph::Error&) {
    return;
  }
  std::ostringstream out;
  write(g, out);
  const graph::Graph back = parse(out.str(), "rewritten." + format);
  const std::string diff = graph_difference(g, back, carried);
  check(diff.empty(), format + " round trip: " + diff);
}

}  // namespace stakegraph::fuzz
