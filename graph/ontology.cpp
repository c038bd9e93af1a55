#include "graph/ontology.hpp"

#include <cctype>

namespace stakegraph::graph {
namespace {

constexpr std::array<std::string_view, kKindCount> kKindNames = {
    "",      "government", "agency",       "vendor",    "operator",
    "media", "person",     "organization", "allegation"};

constexpr std::array<std::string_view, kRelationCount> kRelationNames = {
    "",        "AGREE",      "CONSULT",   "SUPPORT",     "CONCEDE",   "COOPERATE",
    "AID",     "RETREAT",    "REQUEST",   "ACCUSE",      "REJECT",    "THREATEN",
    "PROTEST", "SANCTION",   "MOBILIZE",  "COERCE",      "ASSAULT",   "supplies",
    "owns",    "part_of",    "member_of", "allied_with", "linked_to", "operates_in",
    "reports", "implicates", "related_to"};

bool iequal(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = static_cast<char>(std::tolower(static_cast<unsigned char>(a[i])));
    char y = static_cast<char>(std::tolower(static_cast<unsigned char>(b[i])));
    if (x == '-') x = '_';
    if (y == '-') y = '_';
    if (x != y) return false;
  }
  return true;
}

}  // namespace

int relation_sign(Relation r) noexcept {
  const auto v = static_cast<int>(r);
  if (v >= 1 && v <= 7) return +1;
  if (v >= 8 && v <= 16) return -1;
  switch (r) {
    case Relation::kAlliedWith:
    case Relation::kMemberOf:
    case Relation::kPartOf:
    case Relation::kOwns:
    case Relation::kSupplies:
      return +1;
    case Relation::kImplicates:
      return -1;
    default:
      return 0;
  }
}

bool is_event(Relation r) noexcept {
  const auto v = static_cast<int>(r);
  return v >= 1 && v <= 16;
}

bool is_symmetric(Relation r) noexcept {
  // related_to is not: it is the relation of imports that name none (a CSV or GraphML edge
  // list), whose rows still say which way they go.
  return r == Relation::kAlliedWith || r == Relation::kLinkedTo;
}

std::string_view kind_name(Kind k) noexcept {
  const auto v = static_cast<std::size_t>(k);
  return v < kKindNames.size() ? kKindNames[v] : std::string_view{};
}

std::string_view relation_name(Relation r) noexcept {
  const auto v = static_cast<std::size_t>(r);
  return v < kRelationNames.size() ? kRelationNames[v] : std::string_view{};
}

std::optional<Kind> parse_kind(std::string_view name) noexcept {
  for (std::size_t i = 1; i < kKindNames.size(); ++i) {
    if (iequal(name, kKindNames[i])) return static_cast<Kind>(i);
  }
  return std::nullopt;
}

std::optional<Relation> parse_relation(std::string_view name) noexcept {
  for (std::size_t i = 1; i < kRelationNames.size(); ++i) {
    if (iequal(name, kRelationNames[i])) return static_cast<Relation>(i);
  }
  if (iequal(name, "DEMAND")) return Relation::kRequest;
  if (iequal(name, "DISAPPROVE") || iequal(name, "INVESTIGATE")) return Relation::kAccuse;
  if (iequal(name, "FIGHT")) return Relation::kAssault;
  return std::nullopt;
}

const std::array<Kind, kKindCount - 1>& all_kinds() noexcept {
  static const std::array<Kind, kKindCount - 1> kinds = [] {
    std::array<Kind, kKindCount - 1> a{};
    for (int i = 1; i < kKindCount; ++i) a[static_cast<std::size_t>(i - 1)] = static_cast<Kind>(i);
    return a;
  }();
  return kinds;
}

const std::array<Relation, kRelationCount - 1>& all_relations() noexcept {
  static const std::array<Relation, kRelationCount - 1> rels = [] {
    std::array<Relation, kRelationCount - 1> a{};
    for (int i = 1; i < kRelationCount; ++i)
      a[static_cast<std::size_t>(i - 1)] = static_cast<Relation>(i);
    return a;
  }();
  return rels;
}

}  // namespace stakegraph::graph
