// Helpers shared by the extraction tests: run the extractor on a text, query and print the
// graph it gave. Tests draw their sentences themselves (never from evaluation articles).
#pragma once

#include <algorithm>
#include <string>

#include "graph/graph.hpp"
#include "io/article.hpp"
#include "io/extract.hpp"
#include "io/extract/dictionary/dictionary.hpp"
#include "io/lexicon.hpp"

namespace stakegraph::io::extract_support {

// The shipped lexicon, loaded once per test binary.
inline const Lexicon& lex() {
  static const Lexicon l = Lexicon::load();
  return l;
}

// The shipped event-data dictionaries, loaded once per test binary.
inline const extract::dictionary::Dictionaries& dicts() {
  static const extract::dictionary::Dictionaries d = extract::dictionary::load_dictionaries();
  return d;
}

// The graph extracted from one article whose body is `body`.
inline graph::Graph run(const std::string& body, bool with_dictionaries = false) {
  ArticleText a;
  a.id = "t";
  a.body = body;
  graph::Graph g;
  ExtractOptions o;
  if (with_dictionaries) o.dictionaries = &dicts();
  Extractor ex(lex(), o);
  ex.extract(a, g);
  return g;
}

// Whether the graph has the edge s -r-> t between nodes named (or aliased) s and t.
inline bool has(const graph::Graph& g, const std::string& s, graph::Relation r,
                const std::string& t) {
  auto sv = g.find_named(s), tv = g.find_named(t);
  return sv && tv && g.find_edge(*sv, *tv, r).has_value();
}

// Nodes and edges, one per line, for failure messages.
inline std::string dump(const graph::Graph& g) {
  std::string out;
  for (graph::NodeIndex v = 0; v < g.node_count(); ++v)
    out += "node " + g.node(v).name + " (" + std::string(graph::kind_name(g.node(v).kind)) + ")\n";
  for (auto [ei, ee] = boost::edges(g.boost_graph()); ei != ee; ++ei)
    out += g.node(g.source(*ei)).name + " -" +
           std::string(graph::relation_name(g.edge(*ei).relation)) + "-> " +
           g.node(g.target(*ei)).name + "\n";
  return out;
}

// The kind of the node named `name`, kUnspecified when there is none.
inline graph::Kind kind_of(const graph::Graph& g, const std::string& name) {
  auto v = g.find_named(name);
  return v ? g.node(*v).kind : graph::Kind::kUnspecified;
}

// Whether the node named `name` has the alias `alias`.
inline bool has_alias(const graph::Graph& g, const std::string& name, const std::string& alias) {
  auto v = g.find_named(name);
  if (!v) return false;
  const auto& a = g.node(*v).aliases;
  return std::find(a.begin(), a.end(), alias) != a.end();
}

}  // namespace stakegraph::io::extract_support
