#include "check/provider_match.h"

#include <cctype>

#include <fmt/format.h>

namespace vendorlint {

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

ProviderMatch MatchProvider(std::string_view other_id, std::string_view other_name,
                            std::span<const std::string> other_urls, const Provider& n,
                            bool (*same_url)(std::string_view, std::string_view)) {
  for (const auto& f : n.formerly.items)
    if ((!other_id.empty() && EqualsNoCase(f.value, other_id)) || EqualsNoCase(f.value, other_name))
      return {MatchKind::kFormerly, fmt::format("recorded in formerly ({})", f.value)};
  if (EqualsNoCase(other_name, n.name.value)) return {MatchKind::kSameName, "same name"};
  for (const auto& a : other_urls)
    for (const auto& c : n.links.items)
      if (same_url ? same_url(a, c.url.value) : a == c.url.value)
        return {MatchKind::kSameLink, fmt::format("same link ({})", c.url.value)};
  return {};
}

}  // namespace vendorlint
