// CAMEO actor role (type) codes as `stakegraph import gdelt` reads them: how an actor with
// that role becomes a node (the table in io/gdelt/gdelt.hpp). From the CAMEO actor codebook
// (Schrodt et al.), types section: GOV government, MIL military, COP police, ...
// Complexity: find_gdelt_role is a scan of a 35-row table.
#pragma once

#include <string_view>

#include "graph/ontology.hpp"

namespace stakegraph::io {

enum class GdeltRoleClass {
  kGovernment,  // GOV: the country's government
  kAgency,      // an arm of the state: "<country> police", part_of the government
  kNamed,       // MNC IGO NGO...: the actor's own name
  kGroup,       // a group within the country: "<country> media"
};

struct GdeltRole {
  std::string_view code;  // "COP"
  GdeltRoleClass cls;
  std::string_view label;  // "police": nodes "<country> police"
  graph::Kind kind;
};

// The role of a 3-letter CAMEO type code, or nullptr when the code is not a role.
const GdeltRole* find_gdelt_role(std::string_view code) noexcept;

}  // namespace stakegraph::io
