// CAMEO event code -> PLOVER event type and sign, through the CAMEO2PLOVER table that the
// GDELT importer already compiles in (data/cameo/cameo_plover.tsv, io::CameoTables). Part of
// stakegraph::extract (not of the dictionary target) because it reuses that table.
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
  int sign = 0;      // +1 cooperative, -1 conflictual (graph::relation_sign)
  bool own = false;  // user_event(): a code outside the table, the dictionary's own
  bool is_event() const noexcept { return (known || own) && !statement; }
};

// Exact code, else its first 3, else its first 2 characters (as the GDELT importer does).
PloverEvent plover_event(std::string_view cameo_code);

// The event a verbs dictionary of the user's own codes: plover_event(), except that a code
// outside the table (the dictionary's own, as PETRARCH's validation set's "901" or "174K") is
// still an event, as PETRARCH codes whatever code its dictionary gives: `own`, typed
// related_to (PLOVER has no type for it; the caller keeps the code itself). An empty code or
// "---" is no event; a statement (root 01) stays a statement.
//   user_event("901");  // own, related_to, sign 0      user_event("112");  // as plover_event
PloverEvent user_event(std::string_view cameo_code);

}  // namespace stakegraph::io::extract::dictionary
