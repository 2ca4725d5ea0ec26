// The per-finding decisions of check/gate.h that every report writer reads.
#include "check/gate.h"

#include <gtest/gtest.h>

namespace vendorlint {
namespace {

Finding Make(Outcome o, Severity s, BaselineState b) {
  Finding f;
  f.rule_id = "r";
  f.provider_id = "p";
  f.outcome = o;
  f.severity = s;
  f.baseline = b;
  return f;
}

TEST(GateTest, FailCountsAndGates) {
  GatePolicy p;
  FindingVerdict v = DecideFinding(Make(Outcome::kFail, Severity::kError, BaselineState::kNone), p,
                                   false);
  EXPECT_TRUE(v.counts_as_fail);
  EXPECT_TRUE(v.fails_gate);
  EXPECT_FALSE(v.accepted);
  EXPECT_FALSE(v.is_new);  // no baseline: nothing is new
  // Below --fail-on: still a failure to show, but the gate passes.
  v = DecideFinding(Make(Outcome::kFail, Severity::kWarning, BaselineState::kNone), p, false);
  EXPECT_TRUE(v.counts_as_fail);
  EXPECT_FALSE(v.fails_gate);
  p.fail_on_none = true;
  EXPECT_FALSE(FailsGate(Make(Outcome::kFail, Severity::kError, BaselineState::kNone), p));
}

TEST(GateTest, ReviewFailsOnlyWhenStrict) {
  GatePolicy p;
  Finding review = Make(Outcome::kReview, Severity::kError, BaselineState::kNone);
  EXPECT_FALSE(DecideFinding(review, p, false).counts_as_fail);
  EXPECT_FALSE(FailsGate(review, p));
  p.strict = true;
  EXPECT_TRUE(DecideFinding(review, p, false).counts_as_fail);
  EXPECT_TRUE(FailsGate(review, p));
}

TEST(GateTest, BaselineStates) {
  GatePolicy p;
  FindingVerdict v =
      DecideFinding(Make(Outcome::kFail, Severity::kError, BaselineState::kUnchanged), p, true);
  EXPECT_TRUE(v.accepted);
  EXPECT_FALSE(v.fails_gate);
  EXPECT_FALSE(v.is_new);
  v = DecideFinding(Make(Outcome::kReview, Severity::kError, BaselineState::kNew), p, true);
  EXPECT_TRUE(v.is_new);
  EXPECT_TRUE(v.new_since_baseline);
  // A new waived finding is new since the baseline but not a new problem.
  v = DecideFinding(Make(Outcome::kWaived, Severity::kError, BaselineState::kNew), p, true);
  EXPECT_FALSE(v.is_new);
  EXPECT_TRUE(v.new_since_baseline);
  // Without --baseline, a stale state decides nothing.
  v = DecideFinding(Make(Outcome::kFail, Severity::kError, BaselineState::kNew), p, false);
  EXPECT_FALSE(v.is_new);
  EXPECT_FALSE(v.new_since_baseline);
  EXPECT_TRUE(
      DecideFinding(Make(Outcome::kFail, Severity::kError, BaselineState::kAbsent), p, true).fixed);
}

}  // namespace
}  // namespace vendorlint
