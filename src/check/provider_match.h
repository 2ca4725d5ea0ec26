// How a provider known elsewhere (in another registry, or as a row of a
// published page) is one of this registry's providers under another id or
// name: the rename rules `vendorlint diff` and `vendorlint reconcile` share.
//
// In order of strength: the provider's `formerly` names the other's id or name;
// the names are equal (case-insensitive); a link URL is the same.
#ifndef VENDORLINT_CHECK_PROVIDER_MATCH_H_
#define VENDORLINT_CHECK_PROVIDER_MATCH_H_

#include <span>
#include <string>
#include <string_view>

#include "model/registry.h"

namespace vendorlint {

enum class MatchKind : uint8_t { kNone, kFormerly, kSameName, kSameLink };

struct ProviderMatch {
  MatchKind kind = MatchKind::kNone;
  std::string reason;  // "recorded in formerly (MongoLab)", "same name", "same link (URL)"
};

// Whether `n` is the provider another list knows as `other_id` (may be empty),
// named `other_name`, with the link URLs `other_urls`; `same_url` decides when
// two URLs are the same.
ProviderMatch MatchProvider(std::string_view other_id, std::string_view other_name,
                            std::span<const std::string> other_urls, const Provider& n,
                            bool (*same_url)(std::string_view, std::string_view) = nullptr);

// Case-insensitive ASCII comparison.
bool EqualsNoCase(std::string_view a, std::string_view b);

}  // namespace vendorlint

#endif  // VENDORLINT_CHECK_PROVIDER_MATCH_H_
