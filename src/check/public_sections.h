// The sections of the public service-providers page (`vendorlint render`,
// `vendorlint reconcile`, docs/render.md): one per top-level context, in the
// order organization.yaml lists its contexts (then other top-level contexts
// the providers use, by key), named as organization.yaml names them (else as
// the taxonomy does). A provider is in the section of every top-level context
// its `contexts` or its flows' contexts fall under; a provider with neither is
// in the section "Context not stated" (key ""). Shared by the renderer and the
// reconciler so that a rendered page reconciles clean.
#ifndef VENDORLINT_CHECK_PUBLIC_SECTIONS_H_
#define VENDORLINT_CHECK_PUBLIC_SECTIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/registry.h"

namespace vendorlint {

inline constexpr std::string_view kNoContextSection = "Context not stated";

struct PublicSection {
  std::string key;   // a top-level context key; "" for providers without contexts
  std::string name;  // the heading
};

// The sections that have at least one provider, in page order.
std::vector<PublicSection> PublicSections(const Registry& registry);

// The section keys of `p`, in page order of `sections`.
std::vector<std::string> ProviderSectionKeys(const Provider& p,
                                             const std::vector<PublicSection>& sections);

// Whether flow `f` of `p` belongs in section `key`: its effective contexts
// (its own, else the provider's) fall under `key`; a flow whose contexts are
// unknown belongs in every section of its provider.
bool FlowInSection(const Provider& p, const DataFlow& f, std::string_view key);

// `product` for `product.student_area`.
std::string_view TopLevelKey(std::string_view key);

}  // namespace vendorlint

#endif  // VENDORLINT_CHECK_PUBLIC_SECTIONS_H_
