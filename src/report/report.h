// What every report writer receives: the findings of one `check` run and what
// produced them. Writers only format; they decide nothing: the gate and every
// per-finding decision (new, accepted, fixed, counts as a failure) come from
// the check layer (check/gate.h) through Report::VerdictOf.
#ifndef VENDORLINT_REPORT_REPORT_H_
#define VENDORLINT_REPORT_REPORT_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "util/date.h"
#include "check/gate.h"
#include "model/registry.h"
#include "rules/finding.h"
#include "rules/rule.h"

namespace vendorlint {

struct Report {
  const Registry* registry = nullptr;
  const RuleSet* rules = nullptr;
  std::vector<Finding> findings;  // sorted by rule id, then provider id
  Date as_of;
  GatePolicy policy;
  ReportSummary summary;

  // With --baseline: findings recorded in the baseline that this run no longer
  // produces (fixed), with baseline == kAbsent. Only fingerprint, rule_id,
  // provider_id, severity and message are meaningful.
  std::vector<Finding> absent;
  bool has_baseline = false;
  // Problems with waivers (expired, expiring soon, matching nothing), as
  // located warnings/errors in the waivers file. Shown by every format.
  std::vector<Diagnostic> waiver_notes;

  // Run metadata for SARIF and JUnit.
  std::string category;         // --category: SARIF automationDetails.id
  bool include_passes = false;  // --include-passes: SARIF results for passes
  int exit_code = 0;            // what this run exits with
  std::string start_time_utc;   // ISO 8601, e.g. 2026-11-22T11:37:06Z
  std::string end_time_utc;

  // What the check run decided about `f` (check/gate.h), under this report's
  // policy and baseline.
  FindingVerdict VerdictOf(const Finding& f) const {
    return DecideFinding(f, policy, has_baseline);
  }

  // The path of a location's file as reports print it.
  const std::string& Path(const Location& loc) const { return registry->files.at(loc.file); }
};

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_REPORT_H_
