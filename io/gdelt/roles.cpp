#include "io/gdelt/roles.hpp"

namespace stakegraph::io {
namespace {

using graph::Kind;

constexpr GdeltRole kRoles[] = {
    {"GOV", GdeltRoleClass::kGovernment, "government", Kind::kGovernment},
    {"MIL", GdeltRoleClass::kAgency, "military", Kind::kAgency},
    {"COP", GdeltRoleClass::kAgency, "police", Kind::kAgency},
    {"JUD", GdeltRoleClass::kAgency, "judiciary", Kind::kAgency},
    {"LEG", GdeltRoleClass::kAgency, "legislature", Kind::kAgency},
    {"SPY", GdeltRoleClass::kAgency, "intelligence services", Kind::kAgency},
    {"MED", GdeltRoleClass::kGroup, "media", Kind::kMedia},
    {"BUS", GdeltRoleClass::kGroup, "business", Kind::kOrganization},
    {"MNC", GdeltRoleClass::kNamed, "multinational corporations", Kind::kOrganization},
    {"IGO", GdeltRoleClass::kNamed, "intergovernmental organizations", Kind::kOrganization},
    {"NGO", GdeltRoleClass::kNamed, "non-governmental organizations", Kind::kOrganization},
    {"NGM", GdeltRoleClass::kNamed, "non-governmental movements", Kind::kOrganization},
    {"IMG", GdeltRoleClass::kNamed, "international militarized groups", Kind::kOrganization},
    {"OPP", GdeltRoleClass::kGroup, "opposition", Kind::kOrganization},
    {"PTY", GdeltRoleClass::kGroup, "political parties", Kind::kOrganization},
    {"REB", GdeltRoleClass::kGroup, "rebels", Kind::kOrganization},
    {"INS", GdeltRoleClass::kGroup, "insurgents", Kind::kOrganization},
    {"SEP", GdeltRoleClass::kGroup, "separatists", Kind::kOrganization},
    {"UAF", GdeltRoleClass::kGroup, "armed groups", Kind::kOrganization},
    {"CRM", GdeltRoleClass::kGroup, "criminals", Kind::kOrganization},
    {"CVL", GdeltRoleClass::kGroup, "civilians", Kind::kOrganization},
    {"LAB", GdeltRoleClass::kGroup, "labor", Kind::kOrganization},
    {"EDU", GdeltRoleClass::kGroup, "education", Kind::kOrganization},
    {"HLH", GdeltRoleClass::kGroup, "health", Kind::kOrganization},
    {"REF", GdeltRoleClass::kGroup, "refugees", Kind::kOrganization},
    {"AGR", GdeltRoleClass::kGroup, "agriculture", Kind::kOrganization},
    {"DEV", GdeltRoleClass::kGroup, "development", Kind::kOrganization},
    {"ENV", GdeltRoleClass::kGroup, "environmental groups", Kind::kOrganization},
    {"HRI", GdeltRoleClass::kGroup, "human rights groups", Kind::kOrganization},
    {"ELI", GdeltRoleClass::kGroup, "elites", Kind::kOrganization},
    {"MOD", GdeltRoleClass::kGroup, "moderates", Kind::kOrganization},
    {"RAD", GdeltRoleClass::kGroup, "radicals", Kind::kOrganization},
    {"REL", GdeltRoleClass::kGroup, "religious groups", Kind::kOrganization},
    {"SET", GdeltRoleClass::kGroup, "settlers", Kind::kOrganization},
    {"UIS", GdeltRoleClass::kGroup, "unidentified state actors", Kind::kOrganization},
};

}  // namespace

const GdeltRole* find_gdelt_role(std::string_view code) noexcept {
  for (const GdeltRole& r : kRoles)
    if (r.code == code) return &r;
  return nullptr;
}

}  // namespace stakegraph::io
