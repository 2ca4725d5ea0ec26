// A provider's facts in words, shared by the reports for people (HTML) and
// the records for auditors (RoPA, sub-processor list), so that they always
// say the same thing. An unknown is "not stated", never an empty string; a
// known empty list is "none".
#ifndef VENDORLINT_REPORT_REGISTRY_FACTS_H_
#define VENDORLINT_REPORT_REGISTRY_FACTS_H_

#include <optional>
#include <string>
#include <string_view>

#include "model/registry.h"

namespace vendorlint {

inline constexpr std::string_view kNotStated = "not stated";

std::string FactText(const TriFact& fact);                            // yes | no | not stated
std::string OptionalText(const std::optional<LocatedString>& value);  // value | not stated
std::string ListText(const KeyList& list);                            // "a, b" | none | not stated
// The taxonomy's names for the keys ("Email address (user.contact.email)"
// would be long: names only, falling back to the key).
std::string NamesText(const Taxonomy& taxonomy, TaxonomyKind kind, const KeyList& list);

std::string ProviderName(const Provider& p);  // name, else id
std::string RetentionText(const Retention& r);     // "30 days", "none kept", "as long as needed"
std::string DpaText(const Dpa& dpa);               // "signed 2024-02-01" | "not signed" | ...
// A flow's purposes: its own, else the provider's.
KeyList EffectivePurposes(const Provider& p, const DataFlow& f);

std::string LocationsText(const Locations& l);  // "processing: US, EU; storage: US"
std::string TransferSafeguardsText(const Contracts& c);  // "scc, dpf" | none | not stated
// What the registry says about security: encryption at rest, hashed passwords.
std::string SecurityText(const Storage& s);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_REGISTRY_FACTS_H_
