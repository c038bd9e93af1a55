// CAMEO -> PLOVER for dictionary codes (see plover.hpp).
#include "io/extract/dictionary/plover.hpp"

#include "io/gdelt/gdelt.hpp"

namespace stakegraph::io::extract::dictionary {

PloverEvent plover_event(std::string_view cameo_code) {
  const auto t = CameoTables::builtin().event_type(cameo_code);
  PloverEvent e;
  e.known = t.known;
  e.statement = t.statement;
  e.relation = t.relation;
  if (t.known && !t.statement) e.sign = graph::relation_sign(t.relation);
  return e;
}

PloverEvent user_event(std::string_view cameo_code) {
  PloverEvent e = plover_event(cameo_code);
  if (e.known || cameo_code.empty() || cameo_code == "---") return e;
  e.own = true;
  e.relation = graph::Relation::kRelatedTo;
  e.sign = 0;
  return e;
}

}  // namespace stakegraph::io::extract::dictionary
