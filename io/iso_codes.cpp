#include "io/iso_codes.hpp"

#include <exception>
#include <filesystem>
#include <mutex>
#include <unordered_map>
#include <utility>

#include <nlohmann/json.hpp>

#include "graph/error.hpp"
#include "io/error.hpp"
#include "io/input.hpp"

namespace stakegraph::io {

std::vector<IsoCountry> read_iso_codes(const std::string& path) {
  if (!std::filesystem::exists(path))
    throw graph::NotFound(path +
                          ": iso-codes country list not found; install the Debian package "
                          "iso-codes (apt-get install iso-codes)");
  const std::string text = read_file(path);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw ParseError::at_offset(path, e.byte, "invalid JSON");
  }
  if (!j.is_object() || !j.contains("3166-1") || !j["3166-1"].is_array())
    throw ParseError(path, 0, 0, "no \"3166-1\" array");
  std::vector<IsoCountry> countries;
  for (const auto& c : j["3166-1"]) {
    if (!c.is_object()) throw ParseError(path, 0, 0, "a \"3166-1\" entry is not an object");
    IsoCountry country;
    try {
      country.iso_name = c.value("name", "");
      const std::string common = c.value("common_name", "");
      country.name = common.empty() ? country.iso_name : common;
      country.official_name = c.value("official_name", "");
      country.alpha2 = c.value("alpha_2", "");
      country.alpha3 = c.value("alpha_3", "");
    } catch (const nlohmann::json::type_error&) {
      throw ParseError(path, 0, 0, "a \"3166-1\" entry has a field that is not a string");
    }
    if (!country.name.empty()) countries.push_back(std::move(country));
  }
  return countries;
}

std::optional<std::string> iso_country_name(std::string_view alpha3) {
  static std::once_flag once;
  static std::unordered_map<std::string, std::string> names;
  static std::exception_ptr load_error;
  std::call_once(once, [] {
    try {
      for (auto& c : read_iso_codes(kIsoCodesJson))
        if (!c.alpha3.empty()) names.emplace(c.alpha3, std::move(c.name));
    } catch (...) {
      load_error = std::current_exception();
    }
  });
  if (load_error) std::rethrow_exception(load_error);
  if (auto it = names.find(std::string(alpha3)); it != names.end()) return it->second;
  return std::nullopt;
}

}  // namespace stakegraph::io
