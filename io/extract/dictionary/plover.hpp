// CAMEO event code -> PLOVER event type and sign, through the CAMEO2PLOVER table that the
// GDELT importer already compiles in (data/cameo/cameo_plover.tsv, io::CameoTables). Part of
// stakegraph_io (not of the dictionary target) because it reuses that table.
//
//   PloverEvent e = plover_event("112");  // known, relation ACCUSE, sign -1
//   plover_event("010");                  // known, statement (root 01 has no PLOVER type)
//   plover_event("999");                  // !known
#pragma once

#include <string_view>

#include "graph/ontology.hpp"

namespace stakegraph::io::extract::dictionary {

struct PloverEvent {
  bool known = false;      // the code (or its 3- or 2-character prefix) is in the table
  bool statement = false;  // CAMEO root 01: no PLOVER type
  graph::Relation relation = graph::Relation::kUnspecified;
  int sign = 0;            // +1 cooperative, -1 conflictual (graph::relation_sign)
  bool is_event() const noexcept { return known && !statement; }
};

// Exact code, else its first 3, else its first 2 characters (as the GDELT importer does).
PloverEvent plover_event(std::string_view cameo_code);

}  // namespace stakegraph::io::extract::dictionary
