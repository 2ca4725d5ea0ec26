// `vendorlint reconcile PAGE`: how a published service-providers page
// (load/published_page.h) has drifted from the registry (docs/render.md).
//
// Rows are grouped by the name the page gives them (case-insensitive), and a
// group is matched to one provider, strongest rule first across the page:
//   1. the provider's name;  2. a `sources[].row` of the provider (how a
//   disclosure names it: an alias, no drift);  3. its `formerly` (drift: the
//   page uses a former name);  4. the same link, one provider only (drift:
//   named differently);  5. one name is the other's first words ("Amazon",
//   "Amazon Web Services (AWS)"), the closest in length only (drift: named
//   differently). For 4 and 5 a provider already matched by another row
//   still counts: a guess that could be two providers is no match.
// Rules 3 and 4 are the rename rules of `vendorlint diff`
// (check/provider_match.h).
//
// Links are compared after trivial normalisation: scheme and host lowercased,
// one trailing '/' dropped, the characters the renderer percent-encodes
// decoded. http and https are NOT the same: a page that links http:// where
// the registry has https:// (or the reverse) is a `scheme` drift of its own.
// Sections are compared only when the page has sectioned tables
// (public_sections.h gives the registry's); a heading matches a section by its
// name or context key, case-insensitively.
#ifndef VENDORLINT_CHECK_RECONCILE_H_
#define VENDORLINT_CHECK_RECONCILE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "load/published_page.h"
#include "model/registry.h"

namespace vendorlint {

enum class DriftKind : uint8_t {
  kNotInRegistry,  // a page row no provider matches
  kNotOnPage,      // a provider no page row matches
  kName,           // matched, but the page uses a former or another name
  kLink,           // the row's link is not one of the provider's
  kScheme,         // the same link but for http vs https
  kSection,        // listed under another section, or a section the registry lacks
  kDuplicate,      // the same provider twice in one section
};
const char* DriftKindName(DriftKind k);  // not_in_registry, not_on_page, name, link, ...

struct DriftItem {
  DriftKind kind = DriftKind::kNotInRegistry;
  std::string provider;   // the registry id; "" when none matched
  std::string page_name;  // as the page names it; "" when not on the page
  std::string file;       // the page, or the provider's registry file
  uint32_t line = 0;
  uint32_t column = 0;
  std::string message;  // one sentence, unescaped
};

struct Reconciliation {
  size_t rows = 0;          // provider rows on the page
  size_t matched_rows = 0;  // rows matched to a provider
  size_t providers = 0;     // providers in the registry
  // Page items in page order, then registry items by provider id.
  std::vector<DriftItem> drift;
};

Reconciliation Reconcile(const PublishedPage& page, const Registry& registry);

// The URL as compared (see above); exposed for tests.
std::string NormalizeUrl(std::string_view url);

}  // namespace vendorlint

#endif  // VENDORLINT_CHECK_RECONCILE_H_
