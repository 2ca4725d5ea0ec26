// The result of evaluating one rule against one provider: plain values, kept
// apart from how they are printed (the report writers in src/report/ do that).
#ifndef VENDORLINT_RULES_FINDING_H_
#define VENDORLINT_RULES_FINDING_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/location.h"

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

// One registry fact that decided a finding. `loc` indexes Registry::files.
struct Evidence {
  std::string path;     // relative to the provider: `data_flows[2].subjects[0]`
  Location loc;         // that exact node (or the nearest existing one if unstated)
  std::string message;  // a sentence stating the fact
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
};

}  // namespace vendorlint

#endif  // VENDORLINT_RULES_FINDING_H_
