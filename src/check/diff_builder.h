// Shared by registry_diff.cc and flow_diff.cc: collecting one provider's
// changes and comparing key lists through the taxonomy (registry_diff.h).
#ifndef VENDORLINT_CHECK_DIFF_BUILDER_H_
#define VENDORLINT_CHECK_DIFF_BUILDER_H_

#include <string>
#include <vector>

#include "check/registry_diff.h"
#include "model/registry.h"
#include "model/taxonomy.h"

namespace vendorlint {

// One provider's changes as they are found.
struct DiffBuilder {
  const Taxonomy* taxonomy = nullptr;  // NEW's
  std::string provider;
  std::string provider_name;
  std::vector<RegistryChange>* out = nullptr;

  void Add(ChangeKind kind, Impact impact, std::string reason, std::string path,
           std::string before, std::string after, std::string message, Location loc) const;
};

// "[a, b]", "[]" for a known empty list, "(not stated)" when unknown.
std::string DiffListText(const KeyList& list);
std::string DiffListText(const std::vector<std::string>& keys);
std::vector<std::string> Keys(const KeyList& list);

// Whether `key` is covered by `list`: equal to, under (hierarchical kinds) or
// included by (subjects) one of its keys. An unknown list covers everything.
bool Covered(const Taxonomy& t, TaxonomyKind kind, const std::string& key, const KeyList& list);

// The NEW keys OLD does not cover (widened) and the OLD keys NEW does not cover
// (narrowed), in list order.
struct KeyDelta {
  std::vector<std::string> widened;
  std::vector<std::string> narrowed;
  bool empty() const { return widened.empty() && narrowed.empty(); }
};
KeyDelta CompareKeys(const Taxonomy& t, TaxonomyKind kind, const KeyList& before,
                     const KeyList& after);

// Whether a data subject is or may include a minor (`minor: true`, or it
// includes a subject that is: `user` includes `student`).
bool SubjectReachesMinors(const Taxonomy& t, const std::string& key);
// Whether any subject of the list reaches minors; an unknown list may.
bool ListReachesMinors(const Taxonomy& t, const KeyList& subjects);

// Emits the widened and narrowed changes of one key list. `widen_impact` and
// `widen_reason` rate the widening; narrowing is low.
void EmitKeyDelta(const DiffBuilder& b, TaxonomyKind kind, const KeyList& before,
                  const KeyList& after, const std::string& path, const std::string& noun,
                  Impact widen_impact, const std::string& widen_reason, Location fallback);

// The flows and exclusions of a provider present in both registries
// (flow_diff.cc). `prov` paths are relative to the provider.
void DiffFlows(const DiffBuilder& b, const Provider& before, const Provider& after);
void DiffExclusions(const DiffBuilder& b, const Provider& before, const Provider& after);

// Whether OLD provider `po` already moved all of flow `f`'s data (same
// direction, categories and subjects covered) in one of its flows.
bool FlowMovedBefore(const Taxonomy& t, const Provider& po, const DataFlow& f);

// The text of an optional string ("" when absent).
inline std::string Text(const std::optional<LocatedString>& s) { return s ? s->value : ""; }
inline Location LocOr(const Location& a, const Location& b) { return a.valid() ? a : b; }

}  // namespace vendorlint

#endif  // VENDORLINT_CHECK_DIFF_BUILDER_H_
