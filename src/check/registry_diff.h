// The semantic diff of two registries (`vendorlint diff`, docs/output.md):
// what changed for privacy between an OLD and a NEW registry, one change per
// fact, each with an impact and the reason for it. A plain value computation:
// the writers (report/diff_*.cc) only format it.
//
// Providers are matched by id; a NEW provider left over is a rename of an OLD
// one left over when its `formerly` names the old id or name, else when the
// names are equal (case-insensitive), else when they share a link URL.
//
// Flows of a matched provider are matched one to one, best pair first: two
// flows can be paired only when their categories overlap (one key equal to or
// under the other); among those, the same direction weighs most, then the same
// effective contexts, then the share of categories in common; ties go to file
// order. Unpaired OLD flows are removed, unpaired NEW flows added. Exclusions
// are matched on what they exclude (direction, subjects, categories,
// contexts); a changed statement alone is cosmetic.
//
// Key lists are compared through the taxonomy of NEW: a key is covered by a
// list when it equals or lies under one of its keys (categories, purposes,
// contexts) or is included by one of them (subjects: `user` includes
// `student`). A NEW key not covered by OLD widens; an OLD key not covered by
// NEW narrows (`user.contact` -> `user.contact.email` narrows).
#ifndef VENDORLINT_CHECK_REGISTRY_DIFF_H_
#define VENDORLINT_CHECK_REGISTRY_DIFF_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/registry.h"

namespace vendorlint {

// Cosmetic changes (order, notes, descriptions, statements, sources, review
// dates) have kNone; they are hidden unless asked for.
enum class Impact : uint8_t { kNone, kLow, kMedium, kHigh };
const char* ImpactName(Impact i);
// "high" | "medium" | "low" | "none"; false for anything else.
bool ParseImpact(std::string_view s, Impact* out);

enum class ChangeKind : uint8_t {
  kAdded,     // a provider, flow, exclusion, qualifier, link, location ...
  kRemoved,   // a provider or flow
  kRenamed,   // a provider's id (or name)
  kWidened,   // a key list now reaches more
  kNarrowed,  // a key list now reaches less
  kDropped,   // a protection no longer stated: qualifier, exclusion, encryption
  kChanged,   // any other value
  kCosmetic,  // no privacy meaning
};
const char* ChangeKindName(ChangeKind k);

struct RegistryChange {
  std::string provider;       // the NEW id; the OLD id for a removed provider
  std::string provider_name;  // the NEW name; the OLD name for a removed provider
  ChangeKind kind = ChangeKind::kChanged;
  Impact impact = Impact::kLow;
  std::string reason;   // why this impact, one phrase
  std::string path;     // field path in NEW (in OLD for what NEW lacks): data_flows[2].subjects
  std::string before;   // the OLD value as text ("" when none)
  std::string after;    // the NEW value as text ("" when none)
  std::string message;  // one sentence
  Location loc;         // in NEW's file table; invalid when NEW has no such node
};

struct RegistryDiff {
  // By provider id, then in the order of the provider's fields.
  std::vector<RegistryChange> changes;

  size_t Count(Impact impact) const;
  // The highest impact of a non-cosmetic change; kNone when there is none.
  Impact Highest() const;
};

RegistryDiff DiffRegistries(const Registry& old_registry, const Registry& new_registry);

}  // namespace vendorlint

#endif  // VENDORLINT_CHECK_REGISTRY_DIFF_H_
