#include "check/gate.h"

#include <set>
#include <string_view>

namespace vendorlint {

bool ParseFailOn(std::string_view s, GatePolicy* out) {
  out->fail_on_none = false;
  if (s == "error") {
    out->fail_on = Severity::kError;
  } else if (s == "warning") {
    out->fail_on = Severity::kWarning;
  } else if (s == "note") {
    out->fail_on = Severity::kNote;
  } else if (s == "none") {
    out->fail_on_none = true;
  } else {
    return false;
  }
  return true;
}

FindingVerdict DecideFinding(const Finding& f, const GatePolicy& policy, bool has_baseline) {
  FindingVerdict v;
  v.counts_as_fail =
      f.outcome == Outcome::kFail || (policy.strict && f.outcome == Outcome::kReview);
  // A finding the baseline already records is accepted debt, not a new failure.
  v.accepted = f.baseline == BaselineState::kUnchanged && f.outcome != Outcome::kPass;
  // Severity enum order is error < warning < note: "at or above" is <=.
  v.fails_gate = !policy.fail_on_none && v.counts_as_fail && !v.accepted &&
                 f.severity <= policy.fail_on;
  v.new_since_baseline = has_baseline && f.baseline == BaselineState::kNew;
  // A new waived finding is new but silenced: not a new problem.
  v.is_new = v.new_since_baseline &&
             (f.outcome == Outcome::kFail || f.outcome == Outcome::kReview);
  v.fixed = f.baseline == BaselineState::kAbsent;
  return v;
}

bool FailsGate(const Finding& f, const GatePolicy& policy) {
  return DecideFinding(f, policy, /*has_baseline=*/false).fails_gate;
}

ReportSummary ComputeSummary(const Registry& registry, const RuleSet& rules,
                             const std::vector<Finding>& findings, const GatePolicy& policy) {
  ReportSummary s;
  // EvaluateAll yields one finding per evaluated (rule, provider) pair, so the
  // findings say what --rule / --provider selected. Without findings (an empty
  // registry) nothing was selected away.
  std::set<std::string_view> rule_ids, provider_ids;
  for (const auto& f : findings) {
    rule_ids.insert(f.rule_id);
    provider_ids.insert(f.provider_id);
  }
  s.providers = findings.empty() ? registry.providers.size() : provider_ids.size();
  s.rules = findings.empty() ? rules.rules.size() : rule_ids.size();
  for (const auto& f : findings) {
    ++s.counts[static_cast<size_t>(f.outcome)];
    if (FailsGate(f, policy)) s.gate_pass = false;
  }
  return s;
}

}  // namespace vendorlint
