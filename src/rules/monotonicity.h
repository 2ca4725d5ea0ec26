// The monotonicity check of `vendorlint test` (docs/rules.md, "Monotonicity"):
// leaving a fact out of the registry must never give a better outcome than
// stating it. For a test case's provider, every stated fact is dropped in
// turn and the rule evaluated again; a finding that moves from flagged (fail,
// review) to clear (pass, not_applicable) is a defect of the rule.
#ifndef VENDORLINT_RULES_MONOTONICITY_H_
#define VENDORLINT_RULES_MONOTONICITY_H_

#include <string>
#include <vector>

#include "load/yaml_document.h"
#include "rules/finding.h"

namespace vendorlint {

// The provider mapping with one stated fact left out.
struct DroppedFact {
  std::string path;  // `storage.encrypted_at_rest`, `data_flows[1].subjects`
  uint32_t line = 0;  // the dropped key's node in the test file
  uint32_t column = 0;
  yaml::Node provider;
};

// Every fact of a provider mapping that can be left out, one per result, in
// document order: each key of the provider mapping except `id`, `name` and
// `sources` (the test runner fills those in), and recursively each key of a
// nested mapping (`storage`, ...) and of each mapping in a list (`data_flows`,
// `exclusions`, ...). List items themselves are never dropped: a list states
// its items completely (`subjects: [student]` says "only students"), so a
// shorter list is a different fact, not less information. Keys whose absence
// the language defines as a value (a flow's `qualifiers`, `purpose(s)`,
// `context(s)`; `storage.hosted_on`; `exclusions`) are not dropped either, and
// dropping a mapping that holds one keeps it.
std::vector<DroppedFact> DropEachFact(const yaml::Node& provider);

// True when `after` is better than `before` in the monotonicity order:
// flagged (fail, review) -> clear (pass, not_applicable). fail -> review is
// not an improvement (a stated fact becomes unknown), nor is pass <->
// not_applicable (both are clear).
bool ImprovesOnDrop(Outcome before, Outcome after);

}  // namespace vendorlint

#endif  // VENDORLINT_RULES_MONOTONICITY_H_
