// The ontology's vocabulary (shared/ONTOLOGY.md) as C++ types: node kinds, relations, their
// signs and directions, and the conversions to and from the names used in files and on the
// CLI. Numeric values equal proto/stakegraph.proto's (checked in io/formats/proto_convert.cpp).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace stakegraph::graph {

enum class Kind : std::uint8_t {
  kUnspecified = 0,
  kGovernment = 1,
  kAgency = 2,
  kVendor = 3,
  kOperator = 4,
  kMedia = 5,
  kPerson = 6,
  kOrganization = 7,
  kAllegation = 8,
};
inline constexpr int kKindCount = 9;

enum class Relation : std::uint8_t {
  kUnspecified = 0,
  // PLOVER event types, cooperative
  kAgree = 1,
  kConsult = 2,
  kSupport = 3,
  kConcede = 4,
  kCooperate = 5,
  kAid = 6,
  kRetreat = 7,
  // PLOVER event types, conflictual
  kRequest = 8,
  kAccuse = 9,
  kReject = 10,
  kThreaten = 11,
  kProtest = 12,
  kSanction = 13,
  kMobilize = 14,
  kCoerce = 15,
  kAssault = 16,
  // standing ties
  kSupplies = 17,
  kOwns = 18,
  kPartOf = 19,
  kMemberOf = 20,
  kAlliedWith = 21,
  kLinkedTo = 22,
  kOperatesIn = 23,
  kReports = 24,
  kImplicates = 25,
  kRelatedTo = 26,
};
inline constexpr int kRelationCount = 27;

// Sign of a relation for signed analyses: +1 cooperative, -1 conflictual, 0 neutral.
// PLOVER types by their sign; ties as the ontology lists them.
int relation_sign(Relation r) noexcept;

// True for the 16 PLOVER event types.
bool is_event(Relation r) noexcept;

// allied_with, linked_to: direction carries no meaning (stored once per unordered pair).
// related_to, the untyped link of edge lists without a relation, keeps the direction its
// source gave it: a plain edge list is directed data.
bool is_symmetric(Relation r) noexcept;

// The ontology's names: "government", "SANCTION", "part_of". kUnspecified -> "".
std::string_view kind_name(Kind k) noexcept;
std::string_view relation_name(Relation r) noexcept;

// Parse a name as written in files or on the CLI. Case-insensitive; also accepts the older
// PLOVER names DEMAND (REQUEST), DISAPPROVE and INVESTIGATE (ACCUSE), FIGHT (ASSAULT), and
// '-' for '_'. Returns nullopt for anything else.
std::optional<Kind> parse_kind(std::string_view name) noexcept;
std::optional<Relation> parse_relation(std::string_view name) noexcept;

// All valid kinds and relations, in enum order (kUnspecified excluded).
const std::array<Kind, kKindCount - 1>& all_kinds() noexcept;
const std::array<Relation, kRelationCount - 1>& all_relations() noexcept;

}  // namespace stakegraph::graph
