#include "io/gdelt/lexicon_lookup.hpp"

#include <optional>
#include <string_view>

#include "io/lexicon.hpp"

namespace stakegraph::io {

GdeltActorLookup gdelt_lexicon_lookup(const Lexicon& lexicon) {
  GdeltActorLookup l;
  l.country_name = [&lexicon](std::string_view alpha3) {
    return lexicon.government_by_iso(alpha3);
  };
  l.entity = [&lexicon](std::string_view name) -> std::optional<GdeltActorLookup::Entity> {
    if (const LexiconEntry* e = lexicon.find(name))
      return GdeltActorLookup::Entity{e->name, e->kind};
    return std::nullopt;
  };
  return l;
}

}  // namespace stakegraph::io
