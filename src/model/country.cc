#include "model/country.h"

#include <algorithm>
#include <cstring>

namespace vendorlint {
namespace {

// EU member states (27) and the EEA's three further members.
constexpr std::string_view kEu[] = {"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES",
                                    "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
                                    "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"};
constexpr std::string_view kEeaOnly[] = {"IS", "LI", "NO"};

constexpr std::string_view kConcern[] = {"CN", "HK", "MO", "CU", "IR", "KP", "RU", "VE"};

bool InEu(std::string_view c) { return std::find(std::begin(kEu), std::end(kEu), c) != std::end(kEu); }
bool InEea(std::string_view c) {
  return InEu(c) || std::find(std::begin(kEeaOnly), std::end(kEeaOnly), c) != std::end(kEeaOnly);
}

}  // namespace

bool IsIsoCountry(std::string_view code) {
  return std::binary_search(std::begin(kIsoCountries), std::end(kIsoCountries), code,
                            [](const auto& a, const auto& b) {
                              auto key = [](const auto& x) -> std::string_view {
                                if constexpr (std::is_same_v<std::decay_t<decltype(x)>, CountryCode>)
                                  return x.code;
                                else
                                  return x;
                              };
                              return key(a) < key(b);
                            });
}

bool IsRegion(std::string_view s) { return s == kRegionEu || s == kRegionEea || s == kRegionGlobal; }

const std::vector<std::string>& CountryNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& c : kIsoCountries) v.emplace_back(c.code);
    return v;
  }();
  return names;
}

const std::vector<std::string>& CountryAndRegionNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v = CountryNames();
    v.emplace_back(kRegionEu);
    v.emplace_back(kRegionEea);
    v.emplace_back(kRegionGlobal);
    return v;
  }();
  return names;
}

Covers LocationCovers(std::string_view stated, std::string_view asked) {
  if (stated == asked || asked == kRegionGlobal) return Covers::kYes;
  if (stated == kRegionGlobal) return Covers::kMaybe;
  // A stated region covers a region inside it and may cover a country inside it.
  if (stated == kRegionEea) {
    if (asked == kRegionEu) return Covers::kMaybe;  // the EEA is the EU plus IS, LI, NO
    return IsIsoCountry(asked) && InEea(asked) ? Covers::kMaybe : Covers::kNo;
  }
  if (stated == kRegionEu) {
    if (asked == kRegionEea) return Covers::kYes;
    return IsIsoCountry(asked) && InEu(asked) ? Covers::kMaybe : Covers::kNo;
  }
  // A stated country lies inside the regions that contain it.
  if (asked == kRegionEu) return InEu(stated) ? Covers::kYes : Covers::kNo;
  if (asked == kRegionEea) return InEea(stated) ? Covers::kYes : Covers::kNo;
  return Covers::kNo;
}

std::span<const std::string_view> DefaultCountriesOfConcern() { return kConcern; }

}  // namespace vendorlint
