// What every report writer receives: the findings of one `check` run and what
// produced them. Writers only format; they decide nothing (the gate verdict is
// computed once, in ComputeSummary).
#ifndef VENDORLINT_REPORT_REPORT_H_
#define VENDORLINT_REPORT_REPORT_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "util/date.h"
#include "model/registry.h"
#include "check/questions.h"
#include "rules/finding.h"
#include "rules/rule.h"

namespace vendorlint {

// Which findings fail the gate.
struct GatePolicy {
  // Fails at or above this severity count; "none" (fail_on_none) never fails.
  Severity fail_on = Severity::kError;
  bool fail_on_none = false;
  bool strict = false;  // `review` counts as `fail`
};

// Parses error | warning | note | none.
bool ParseFailOn(std::string_view s, GatePolicy* out);

struct ReportSummary {
  size_t providers = 0;
  size_t rules = 0;
  std::array<size_t, 5> counts{};  // indexed by Outcome
  bool gate_pass = true;

  size_t count(Outcome o) const { return counts[static_cast<size_t>(o)]; }
};

// True if this finding makes the gate fail under `policy`.
bool FailsGate(const Finding& f, const GatePolicy& policy);
// Counts outcomes and the rules and providers the findings cover (what a
// --rule / --provider selection evaluated), and decides the gate.
ReportSummary ComputeSummary(const Registry& registry, const RuleSet& rules,
                             const std::vector<Finding>& findings, const GatePolicy& policy);

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
  // The unknown facts behind the review findings, one question each, most
  // blocking first (check/questions.h); Question::blocks index `findings`.
  std::vector<Question> questions;
  // Fails that come down to one unstated field, said once per rule by the
  // human-readable formats (text, Markdown); JSON and SARIF keep each finding.
  std::vector<UnstatedFailGroup> unstated_fails;
  // Problems with waivers (expired, expiring soon, matching nothing), as
  // located warnings/errors in the waivers file. Shown by every format.
  std::vector<Diagnostic> waiver_notes;

  // Run metadata for SARIF and JUnit.
  std::string category;         // --category: SARIF automationDetails.id
  bool include_passes = false;  // --include-passes: SARIF results for passes
  int exit_code = 0;            // what this run exits with
  std::string start_time_utc;   // ISO 8601, e.g. 2026-11-22T11:37:06Z
  std::string end_time_utc;

  // The path of a location's file as reports print it.
  const std::string& Path(const Location& loc) const { return registry->files.at(loc.file); }
};

// Writes `content` to `path` through a temporary file in the same folder and
// a rename, so that readers never see a half-written report. Missing parent
// folders are created. False (with *error set) on failure; an existing file is
// then left untouched.
bool WriteFileAtomically(const std::string& path, std::string_view content, std::string* error);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_REPORT_H_
