// The result of evaluating one rule against one provider: plain values, kept
// apart from how they are printed (the report writers in src/report/ do that).
#ifndef VENDORLINT_RULES_FINDING_H_
#define VENDORLINT_RULES_FINDING_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/location.h"
#include "model/taxonomy.h"
#include "rules/evidence_path.h"

namespace vendorlint {

enum class Outcome : uint8_t {
  kPass,           // applies (or may apply) and `require` holds
  kFail,           // applies and `require` does not hold
  kReview,         // cannot be decided: a fact it depends on is not stated
  kNotApplicable,  // `applies_to` is false for this provider
  kWaived,         // a fail or review silenced by a waiver (set by the waiver code)
};
// "pass", "fail", "review", "not_applicable", "waived".
const char* OutcomeName(Outcome o);
bool ParseOutcome(std::string_view s, Outcome* out);

// A set of outcomes, one bit each (OutcomeBit): which findings a writer wants.
using OutcomeSet = uint8_t;
constexpr OutcomeSet OutcomeBit(Outcome o) {
  return static_cast<OutcomeSet>(1u << static_cast<unsigned>(o));
}
inline constexpr OutcomeSet kAllOutcomes = 0x1f;
constexpr bool InSet(OutcomeSet set, Outcome o) { return (set & OutcomeBit(o)) != 0; }

// Why an evidence item's fact is unknown: what a review waits for. The check
// layer turns these into questions (check/questions.h), one per fact.
enum class UnknownKind : uint8_t {
  kNone,        // the fact is known (or the item summarises a record)
  kUnstated,    // the registry does not state the field
  kBroaderKey,  // a registry key broader than the key a rule names
  kAttribute,   // the taxonomy does not state an entry's attribute
};

struct UnknownFact {
  UnknownKind kind = UnknownKind::kNone;
  std::string provider_id;  // whose fact: the provider's, or its host's for `host[..]` paths
  // The field as the rule language names it: `storage.encrypted_at_rest`,
  // `subjects` (kUnstated, kBroaderKey); the taxonomy kind's field for kAttribute.
  std::string field;
  // Relative to that provider: `data_flows[2].categories[0]`, `storage.encrypted_at_rest`.
  std::string path;
  std::string value;   // kBroaderKey: the registry's key (`user`); kAttribute: the entry
  // kBroaderKey: the rule's narrower keys, joined by ", "; kAttribute: the attribute name.
  std::string detail;
  TaxonomyKind taxonomy_kind = TaxonomyKind::kCategory;  // kBroaderKey, kAttribute
};

// One registry fact that decided a finding. `loc` indexes Registry::files.
struct Evidence {
  EvidencePath path;    // relative to the provider: `data_flows[2].subjects[0]`
  Location loc;         // that exact node (or the nearest existing one if unstated)
  std::string message;  // a sentence stating the fact
  // Set when this fact is unknown: an unstated field (whatever the condition
  // made of it), or a broad key or taxonomy attribute that made it unknown.
  UnknownFact unknown;
};

// Where a finding stands against a baseline (--baseline): SARIF's
// baselineState. kNone when no baseline was given.
enum class BaselineState : uint8_t { kNone, kNew, kUnchanged, kAbsent };
const char* BaselineStateName(BaselineState s);  // "", "new", "unchanged", "absent"

// The waiver that matched a finding (see docs/waivers.md). When it has not
// expired the finding's outcome is kWaived and `original` keeps what it was;
// an expired waiver leaves the outcome alone and is reported with the finding.
struct AppliedWaiver {
  Location loc;  // the waiver entry (indexes Registry::files)
  std::string justification;
  std::string approved_by;
  std::string expires;  // YYYY-MM-DD
  bool expired = false;
  Outcome original = Outcome::kFail;
};

struct Finding {
  std::string rule_id;
  std::string provider_id;
  Severity severity = Severity::kError;  // the rule's
  Outcome outcome = Outcome::kPass;
  // fail/review: the most specific node that causes the finding (the first
  // evidence item's); otherwise the provider's `id` node.
  Location loc;
  std::string message;             // the rule's message template, rendered (title for pass/n.a.)
  std::vector<Evidence> evidence;  // fail and review only; most specific first

  // Stable identity across runs: independent of line numbers, formatting and
  // the order of list items (see fingerprint.h). Set by AssignFingerprints.
  std::string fingerprint;
  BaselineState baseline = BaselineState::kNone;
  std::optional<AppliedWaiver> waiver;
};

}  // namespace vendorlint

#endif  // VENDORLINT_RULES_FINDING_H_
