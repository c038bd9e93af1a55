// The countries of Debian's iso-codes package (ISO 3166-1, read at run time from
// /usr/share/iso-codes/json/iso_3166-1.json), with the one naming rule every importer uses:
// a country's canonical name is the file's common name where it gives one ("Iran",
// "South Korea"), else its name ("United States"). The lexicon (io/lexicon.hpp) makes each
// country a government under that name; the GDELT importer (io/gdelt/gdelt.hpp) names a
// country actor with it when no lexicon is given.
// Complexity: reading O(file size); iso_country_name() O(1) expected after the first call.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stakegraph::io {

inline constexpr const char* kIsoCodesJson = "/usr/share/iso-codes/json/iso_3166-1.json";

struct IsoCountry {
  std::string name;            // canonical: common name, else name ("Iran")
  std::string iso_name;        // the file's name ("Iran, Islamic Republic of")
  std::string official_name;   // "" where the file has none
  std::string alpha2, alpha3;  // "IR", "IRN"
};

// The countries of an iso-codes JSON file, in file order; entries without a name are left
// out. Throws graph::NotFound naming the file when it does not exist ("install the Debian
// package iso-codes") and io::ParseError naming it (with the byte offset for invalid JSON)
// when it is not an iso-codes 3166-1 file.
std::vector<IsoCountry> read_iso_codes(const std::string& path);

// Canonical name (as IsoCountry::name) of the country with ISO 3166 alpha-3 code `alpha3`
// in kIsoCodesJson; nullopt for a code the file does not have. The file is read once per
// process; when it is absent or unreadable every call throws that error again.
std::optional<std::string> iso_country_name(std::string_view alpha3);

}  // namespace stakegraph::io
