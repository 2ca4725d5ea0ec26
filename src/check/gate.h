// The gate and every per-finding decision a report shows: whether a finding
// fails the gate, counts as a failure, is accepted debt from the baseline, or
// is new or fixed since it. Decided here, in the check layer, in one place;
// the report writers (src/report/) only read the answers.
//
// Why a function rather than flags stored on Finding: a Report is a plain
// value that callers (and tests) may still adjust (policy, has_baseline)
// before writing it; an answer derived from the Report as it is written can
// never be stale. DecideFinding is cheap and pure.
//
// Thread-safety: pure functions over values.
#ifndef VENDORLINT_CHECK_GATE_H_
#define VENDORLINT_CHECK_GATE_H_

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

#include "model/registry.h"
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

// What the check run decides about one finding.
struct FindingVerdict {
  // A fail, or a review under --strict, whatever its severity and baseline
  // state: shown as a failure (JUnit <failure>, an annotation at its level).
  bool counts_as_fail = false;
  // Recorded in the baseline (BaselineState::kUnchanged): known debt, which
  // never fails the gate and is not shown as a failure.
  bool accepted = false;
  // Makes the gate fail: counts_as_fail, not accepted, severity at or above
  // --fail-on (never with --fail-on none).
  bool fails_gate = false;
  // With a baseline: not in it (fail, review or waived; BaselineState::kNew).
  bool new_since_baseline = false;
  // With a baseline: a new fail or review, i.e. a new problem ("(new)").
  bool is_new = false;
  // In the baseline but no longer produced (Report::absent).
  bool fixed = false;
};

// The verdict on `f` under `policy`; `has_baseline` says whether --baseline
// was given (without it nothing is new).
FindingVerdict DecideFinding(const Finding& f, const GatePolicy& policy, bool has_baseline);

// True if this finding makes the gate fail under `policy`
// (DecideFinding(...).fails_gate).
bool FailsGate(const Finding& f, const GatePolicy& policy);

struct ReportSummary {
  size_t providers = 0;
  size_t rules = 0;
  std::array<size_t, 5> counts{};  // indexed by Outcome
  bool gate_pass = true;

  size_t count(Outcome o) const { return counts[static_cast<size_t>(o)]; }
};

// Counts outcomes and the rules and providers the findings cover (what a
// --rule / --provider selection evaluated), and decides the gate.
ReportSummary ComputeSummary(const Registry& registry, const RuleSet& rules,
                             const std::vector<Finding>& findings, const GatePolicy& policy);

}  // namespace vendorlint

#endif  // VENDORLINT_CHECK_GATE_H_
