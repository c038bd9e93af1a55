#include "io/extract_corrections.hpp"

#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/text_format.h>

#include <utility>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/input.hpp"
#include "io/text_proto.hpp"
#include "proto/lexicon.pb.h"

namespace stakegraph::io {
CorrectionSet CorrectionSet::load(const std::string& path) {
  check_input_file(path);
  return parse(read_file(path), path);
}

CorrectionSet CorrectionSet::parse(const std::string& text, const std::string& name) {
  pb::Corrections msg;
  google::protobuf::TextFormat::Parser parser;
  TextFormatErrors errors;
  parser.RecordErrorsTo(&errors);
  google::protobuf::TextFormat::ParseInfoTree locations;
  parser.WriteLocationsTo(&locations);
  bool parsed = false;
  {
    google::protobuf::LogSilencer quiet;  // invalid UTF-8 is reported below, not logged
    parsed = parser.ParseFromString(text, &msg);
  }
  if (!parsed || errors.has_error)
    throw io::ParseError(name, static_cast<std::uint64_t>(errors.line_),
                         static_cast<std::uint64_t>(errors.column_),
                         errors.message_.empty() ? "invalid corrections"
                                                 : excerpt_for_message(errors.message_, 200));
  // The corrections' names become node names, aliases and ids in a graph that is written.
  if (auto bad = find_invalid_utf8(text))
    throw io::ParseError::at_offset(name, *bad, "invalid UTF-8");
  if (const auto bad = find_invalid_utf8_field(msg, locations))
    throw io::ParseError(name, bad->line, bad->column,
                         bad->field + ": invalid UTF-8 in \"" + bad->excerpt + "\"");
  CorrectionSet c;
  for (const auto& m : msg.merge()) c.edits_.merges.push_back({m.from(), m.into()});
  for (const auto& m : msg.rename()) c.edits_.renames.push_back({m.node(), m.name()});
  for (const auto& m : msg.retype()) {
    auto k = graph::parse_kind(m.kind());
    if (!k)
      throw io::ParseError(name, 0, 0,
                           "retype \"" + m.node() + "\": unknown kind \"" + m.kind() + "\"");
    c.edits_.retypes.push_back({m.node(), *k});
  }
  for (const auto& m : msg.drop_edge()) {
    auto r = graph::parse_relation(m.relation());
    if (!r)
      throw io::ParseError(name, 0, 0, "drop_edge: unknown relation \"" + m.relation() + "\"");
    c.edits_.drops.push_back({m.source(), *r, m.target()});
  }
  for (const auto& m : msg.add_alias()) c.edits_.aliases.push_back({m.node(), m.alias()});
  return c;
}

graph::Graph CorrectionSet::apply(const graph::Graph& g, CorrectionStats* stats) const {
  graph::EditResult r = graph::apply_edits(g, edits_);
  if (stats) *stats = {.applied = r.applied, .skipped = r.skipped};
  return std::move(r.graph);
}

}  // namespace stakegraph::io
