// Applying waivers: which findings a waiver silences, the expiry boundary,
// expiring-soon and stale notes, narrowing by evidence path, precedence.
#include "check/waivers.h"

#include <gtest/gtest.h>

#include "load/registry_loader.h"
#include "check/waiver_loader.h"
#include "rules/rule_fixtures.h"
#include "rules/evaluator.h"
#include "test_support.h"

namespace vendorlint {
namespace {

using testing::FormatAll;

Waiver MakeWaiver(const std::string& rule, const std::string& provider, Date expires, uint32_t line,
                  const std::string& evidence = "") {
  Waiver w;
  w.path = "waivers.yaml";
  w.loc = Location{3, line, 5};
  w.rule.value = rule;
  w.provider.value = provider;
  if (!evidence.empty()) w.evidence = LocatedString{evidence, Location{3, line + 1, 15}};
  w.justification.value = "Accepted: " + rule;
  w.approved_by.value = "DPO";
  w.expires.value = expires;
  return w;
}

Finding MakeFinding(const std::string& rule, const std::string& provider, Outcome outcome,
                    std::vector<std::string> paths = {"storage.encrypted_at_rest"}) {
  Finding f;
  f.rule_id = rule;
  f.provider_id = provider;
  f.outcome = outcome;
  f.message = "Message";
  if (outcome == Outcome::kFail || outcome == Outcome::kReview) {
    for (auto& p : paths) f.evidence.push_back({p, {}, p + " is a fact"});
  }
  return f;
}

std::vector<std::string> Format(const std::vector<Diagnostic>& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags) out.push_back(d.Format());
  return out;
}

using Lines = std::vector<std::string>;

const Date kExpiry{2026, 11, 21};
const Registry kNoRegistry;

TEST(Waivers, EvidencePathCoversWholeSteps) {
  EXPECT_TRUE(EvidencePathCovers("data_flows[1]", "data_flows[1]"));
  EXPECT_TRUE(EvidencePathCovers("data_flows[1]", "data_flows[1].subjects[0]"));
  EXPECT_TRUE(EvidencePathCovers("data_flows[1].subjects", "data_flows[1].subjects[0]"));
  EXPECT_TRUE(EvidencePathCovers("storage", "storage.encrypted_at_rest"));
  EXPECT_FALSE(EvidencePathCovers("data_flows[1]", "data_flows[12]"));
  EXPECT_FALSE(EvidencePathCovers("data_flows[1].subject", "data_flows[1].subjects[0]"));
  EXPECT_FALSE(EvidencePathCovers("storage.encrypted_at_rest", "storage"));
}

TEST(Waivers, AValidWaiverWaivesFailAndReview) {
  std::vector<Finding> fs = {MakeFinding("r", "p", Outcome::kFail),
                             MakeFinding("r", "q", Outcome::kReview),
                             MakeFinding("s", "p", Outcome::kFail)};
  std::vector<Waiver> ws = {MakeWaiver("r", "p", kExpiry, 3), MakeWaiver("r", "q", kExpiry, 9)};
  std::vector<Diagnostic> notes;
  ApplyWaivers(ws, kNoRegistry, Date{2026, 1, 1}, 30, &fs, &notes);
  EXPECT_TRUE(notes.empty()) << FormatAll(notes);
  EXPECT_EQ(fs[0].outcome, Outcome::kWaived);
  ASSERT_TRUE(fs[0].waiver.has_value());
  EXPECT_EQ(fs[0].waiver->loc, (Location{3, 3, 5}));
  EXPECT_EQ(fs[0].waiver->justification, "Accepted: r");
  EXPECT_EQ(fs[0].waiver->approved_by, "DPO");
  EXPECT_EQ(fs[0].waiver->expires, "2026-11-21");
  EXPECT_FALSE(fs[0].waiver->expired);
  EXPECT_EQ(fs[0].waiver->original, Outcome::kFail);
  EXPECT_EQ(fs[0].message, "Message");
  EXPECT_EQ(fs[1].outcome, Outcome::kWaived);
  EXPECT_EQ(fs[1].waiver->original, Outcome::kReview);
  // Another rule for the same provider is not touched.
  EXPECT_EQ(fs[2].outcome, Outcome::kFail);
  EXPECT_FALSE(fs[2].waiver.has_value());
}

TEST(Waivers, ExpiredYesterdayNoLongerWaives) {
  std::vector<Finding> fs = {MakeFinding("r", "p", Outcome::kFail)};
  std::vector<Diagnostic> notes;
  ApplyWaivers({MakeWaiver("r", "p", kExpiry, 3)}, kNoRegistry, Date{2026, 11, 22}, 30, &fs,
               &notes);
  EXPECT_EQ(fs[0].outcome, Outcome::kFail);
  ASSERT_TRUE(fs[0].waiver.has_value());
  EXPECT_TRUE(fs[0].waiver->expired);
  EXPECT_EQ(fs[0].waiver->original, Outcome::kFail);
  EXPECT_EQ(fs[0].message, "Message (waiver expired on 2026-11-21)");
  EXPECT_EQ(Format(notes), Lines{"waivers.yaml:3:5: error: waiver for rule `r` on provider `p` "
                                 "expired on 2026-11-21; the finding counts again"});
}

TEST(Waivers, ValidThroughItsExpiryDay) {
  std::vector<Finding> fs = {MakeFinding("r", "p", Outcome::kReview)};
  std::vector<Diagnostic> notes;
  ApplyWaivers({MakeWaiver("r", "p", kExpiry, 3)}, kNoRegistry, kExpiry, 30, &fs, &notes);
  EXPECT_EQ(fs[0].outcome, Outcome::kWaived);
  EXPECT_FALSE(fs[0].waiver->expired);
  EXPECT_EQ(Format(notes), Lines{"waivers.yaml:3:5: warning: waiver for rule `r` on provider `p` "
                                 "expires on 2026-11-21 (today)"});
}

TEST(Waivers, ExpiringSoonWarns) {
  auto notes_for = [](Date as_of, int warn_days) {
    std::vector<Finding> fs = {MakeFinding("r", "p", Outcome::kFail)};
    std::vector<Diagnostic> notes;
    ApplyWaivers({MakeWaiver("r", "p", kExpiry, 3)}, kNoRegistry, as_of, warn_days, &fs, &notes);
    EXPECT_EQ(fs[0].outcome, Outcome::kWaived);
    return Format(notes);
  };
  EXPECT_EQ(notes_for(Date{2026, 11, 11}, 30),
            Lines{"waivers.yaml:3:5: warning: waiver for rule `r` on provider `p` expires on "
                  "2026-11-21 (in 10 days)"});
  EXPECT_EQ(notes_for(Date{2026, 11, 20}, 30),
            Lines{"waivers.yaml:3:5: warning: waiver for rule `r` on provider `p` expires on "
                  "2026-11-21 (in 1 day)"});
  EXPECT_EQ(notes_for(Date{2026, 10, 22}, 30).size(), 1u);  // exactly 30 days
  EXPECT_EQ(notes_for(Date{2026, 10, 21}, 30), Lines{});    // 31 days
  EXPECT_EQ(notes_for(Date{2026, 11, 11}, 5), Lines{});
  EXPECT_EQ(notes_for(Date{2026, 11, 21}, -1), Lines{});  // disabled
}

TEST(Waivers, StaleWaiversWarn) {
  std::vector<Finding> fs = {MakeFinding("r", "p", Outcome::kPass),
                             MakeFinding("r", "q", Outcome::kNotApplicable)};
  std::vector<Waiver> ws = {MakeWaiver("r", "q", kExpiry, 9), MakeWaiver("r", "p", kExpiry, 3),
                            // Not evaluated in this run (filtered out): no note.
                            MakeWaiver("other", "p", kExpiry, 15)};
  std::vector<Diagnostic> notes;
  ApplyWaivers(ws, kNoRegistry, Date{2026, 1, 1}, 30, &fs, &notes);
  EXPECT_EQ(fs[0].outcome, Outcome::kPass);
  EXPECT_FALSE(fs[0].waiver.has_value());
  // Sorted by line, whatever the order of the waivers.
  EXPECT_EQ(Format(notes),
            (Lines{"waivers.yaml:3:5: warning: waiver for rule `r` on provider `p` matches no "
                   "finding (stale); remove it",
                   "waivers.yaml:9:5: warning: waiver for rule `r` on provider `q` matches no "
                   "finding (stale); remove it"}));
}

TEST(Waivers, EvidenceNarrowsTheWaiver) {
  const std::vector<std::string> paths = {"data_flows[12].subjects[0]", "data_flows[12]",
                                          "data_flows[1].subjects[1]", "data_flows[1]"};
  auto apply = [&](const std::string& evidence, std::vector<Diagnostic>* notes) {
    std::vector<Finding> fs = {MakeFinding("r", "p", Outcome::kFail, paths)};
    ApplyWaivers({MakeWaiver("r", "p", kExpiry, 3, evidence)}, kNoRegistry, Date{2026, 1, 1}, 30,
                 &fs, notes);
    return fs[0].outcome;
  };
  std::vector<Diagnostic> notes;
  EXPECT_EQ(apply("data_flows[1]", &notes), Outcome::kWaived);
  EXPECT_EQ(apply("data_flows[12].subjects", &notes), Outcome::kWaived);
  EXPECT_EQ(apply("data_flows[1].subjects[1]", &notes), Outcome::kWaived);
  EXPECT_TRUE(notes.empty()) << FormatAll(notes);
  EXPECT_EQ(apply("data_flows[2]", &notes), Outcome::kFail);
  EXPECT_EQ(apply("data_flows[1].subjects[0]", &notes), Outcome::kFail);
  EXPECT_EQ(Format(notes),
            (Lines{"waivers.yaml:3:5: warning: waiver for rule `r` on provider `p` at "
                   "`data_flows[2]` matches no finding (stale); remove it",
                   "waivers.yaml:3:5: warning: waiver for rule `r` on provider `p` at "
                   "`data_flows[1].subjects[0]` matches no finding (stale); remove it"}));
}

TEST(Waivers, ValidBeatsExpiredAndNarrowBeatsBroad) {
  std::vector<Finding> fs = {MakeFinding("r", "p", Outcome::kFail, {"data_flows[0]"})};
  std::vector<Waiver> ws = {MakeWaiver("r", "p", Date{2026, 1, 1}, 3),  // expired
                            MakeWaiver("r", "p", kExpiry, 9),
                            MakeWaiver("r", "p", Date{2026, 12, 31}, 15, "data_flows[0]")};
  std::vector<Diagnostic> notes;
  ApplyWaivers(ws, kNoRegistry, Date{2026, 6, 1}, 30, &fs, &notes);
  EXPECT_EQ(fs[0].outcome, Outcome::kWaived);
  EXPECT_EQ(fs[0].waiver->loc.line, 15u);
  EXPECT_EQ(fs[0].waiver->expires, "2026-12-31");
  EXPECT_EQ(fs[0].message, "Message");
  EXPECT_EQ(Format(notes), Lines{"waivers.yaml:3:5: warning: waiver for rule `r` on provider `p` "
                                 "expired on 2026-01-01; remove it (another waiver covers the "
                                 "finding)"});
}

TEST(Waivers, AppliedToARealEvaluation) {
  LoadOptions o;
  o.registry_dir = testing::SourceDir() + "/tests/load/fixtures/mini";
  Registry reg;
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(LoadRegistry(o, &reg, &diags)) << FormatAll(diags);
  Rule rule;
  ASSERT_TRUE(testing::CompileRuleFromText(
      reg.taxonomy, "encrypted",
      testing::RuleText("encrypted", "  {field: storage.encrypted_at_rest, equals: true}"), &rule,
      &diags))
      << FormatAll(diags);
  RuleSet rules;
  rules.rules.push_back(rule);
  std::string path = testing::MakeTempDir() + "/waivers.yaml";
  testing::WriteFileOrDie(path,
                          "waivers:\n"
                          "  - rule: encrypted\n"
                          "    provider: db\n"
                          "    evidence: storage.encrypted_at_rest\n"
                          "    justification: The host encrypts its disks.\n"
                          "    approved_by: DPO\n"
                          "    expires: 2026-03-01\n");
  uint32_t file_id = static_cast<uint32_t>(reg.files.size());
  reg.files.push_back(path);
  std::vector<Waiver> ws;
  ASSERT_TRUE(LoadWaivers(path, file_id, yaml::Limits{}, rules, reg, &ws, &diags))
      << FormatAll(diags);
  EvalContext ctx;
  ctx.as_of = Date{2026, 2, 20};
  std::vector<Finding> fs = EvaluateAll(rules, reg, ctx);
  ASSERT_EQ(fs.size(), 2u);
  ASSERT_EQ(fs[1].provider_id, "db");
  ASSERT_EQ(fs[1].outcome, Outcome::kReview);
  std::vector<Diagnostic> notes;
  ApplyWaivers(ws, reg, ctx.as_of, kDefaultWarnExpiringDays, &fs, &notes);
  EXPECT_EQ(fs[0].outcome, Outcome::kPass);
  EXPECT_EQ(fs[1].outcome, Outcome::kWaived);
  EXPECT_EQ(reg.FilePath(fs[1].waiver->loc), path);
  EXPECT_EQ(fs[1].waiver->loc.line, 2u);
  EXPECT_EQ(Format(notes), Lines{path + ":2:5: warning: waiver for rule `encrypted` on provider "
                                        "`db` at `storage.encrypted_at_rest` expires on "
                                        "2026-03-01 (in 9 days)"});
}

}  // namespace
}  // namespace vendorlint
