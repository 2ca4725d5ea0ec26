// The country vocabulary of registry v2 (docs/registry.md, "Countries"): ISO 3166-1 alpha-2
// codes, upper case, plus three named regions. Locations, the entity's country and the
// organisation's settings are written in it.
#ifndef VENDORLINT_MODEL_COUNTRY_H_
#define VENDORLINT_MODEL_COUNTRY_H_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vendorlint {

struct CountryCode {
  const char* code;    // "CN"
  const char* alpha3;  // "CHN": only to suggest the alpha-2 code
  const char* name;    // "China"
};

inline constexpr size_t kIsoCountryCount = 249;
// All officially assigned ISO 3166-1 alpha-2 codes, sorted (country_codes.cc, generated).
extern const CountryCode kIsoCountries[kIsoCountryCount];

// Named regions a disclosure may state instead of countries. `global` means "anywhere".
inline constexpr std::string_view kRegionEu = "EU";
inline constexpr std::string_view kRegionEea = "EEA";
inline constexpr std::string_view kRegionGlobal = "global";

bool IsIsoCountry(std::string_view code);
bool IsRegion(std::string_view s);
// Every ISO code then the regions: the vocabulary of location lists, for suggestions.
const std::vector<std::string>& CountryAndRegionNames();
// Only the ISO codes (the entity's headquarters country is one country).
const std::vector<std::string>& CountryNames();

// Whether a stated location `stated` covers the country or region `asked`:
// true (the same, or a country inside the stated region), unknown (the stated
// place is broader: `global` may or may not include CN; `EU` may include DE),
// false otherwise.
enum class Covers : uint8_t { kNo, kYes, kMaybe };
Covers LocationCovers(std::string_view stated, std::string_view asked);

// The 28 CFR Part 202 countries of concern: the default of
// organization.yaml `settings.countries_of_concern`.
std::span<const std::string_view> DefaultCountriesOfConcern();

}  // namespace vendorlint

#endif  // VENDORLINT_MODEL_COUNTRY_H_
