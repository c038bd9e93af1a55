// Text helpers shared by the XML writers (GraphML, GEXF): escaping, numbers, and the type of
// a node attribute as the writers declare it.
// Complexity: linear in the text (attribute_types: in the attributes of every node).
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <string_view>

#include "graph/graph.hpp"

namespace stakegraph::io {

// Writes `s` as XML character data or attribute value: &, <, >, " escaped; tab, CR and LF
// as character references (so they survive attribute normalization); other control
// characters, U+FFFE, U+FFFF and invalid UTF-8 bytes as U+FFFD (XML 1.0 cannot carry them).
void write_xml_escaped(std::ostream& out, std::string_view s);

// Shortest decimal form that reads back as the same double; XML Schema spellings for the
// non-finite values ("NaN", "INF", "-INF").
std::string format_double(double d);

enum class AttributeType { kInt, kDouble, kString };

// The type of each node attribute key in use: kInt when every value is an integer in its
// canonical decimal form ("12", "-3"; not "012" nor "+3") within 32 bits, kDouble when
// every value is a finite number in a plain form (ints included; no leading zeros, no '+',
// no spaces), else kString. So scores and cluster ids written by `--write` are numbers to
// Gephi and Cytoscape, while codes like "010" stay text.
std::map<std::string, AttributeType> attribute_types(const graph::Graph& g);

// "int", "double", "string" (GraphML's attr.type and GEXF's type).
std::string_view attribute_type_name(AttributeType t) noexcept;

}  // namespace stakegraph::io
