// The Report accessors serve a Report that holds its findings (tests, other
// commands) and one backed by check's FindingTable alike: Markdown, HTML and
// GitHub, which read findings only through them, write the same bytes from
// both. Checked on the real registry and policy pack, with waivers (valid and
// expired) and a baseline, under several gate policies.
#include "report/report.h"
#include "check/fixtures/real_pack.h"
#include "check/fixtures/waiver_for.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "check/baseline.h"
#include "check/finding_table.h"
#include "check/fingerprint.h"
#include "check/question_groups.h"
#include "check/questions.h"
#include "check/waivers.h"
#include "load/registry_loader.h"
#include "report/github_report.h"
#include "report/html_report.h"
#include "report/markdown_report.h"
#include "rules/evaluator.h"
#include "rules/rule_compiler.h"

namespace vendorlint {
namespace {


class ReportAccessorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(testing::LoadRealRegistryAndPack(&reg_, &rules_));
    ctx_.as_of = Date{2026, 11, 22};
    ctx_.threads = 2;
    // A valid waiver on the first fail (waived), an expired one on the first
    // review (still a review, with its waiver shown).
    std::vector<Finding> plain = EvaluateAll(rules_, reg_, ctx_);
    const Finding* fail = nullptr;
    const Finding* review = nullptr;
    for (const Finding& f : plain) {
      if (f.outcome == Outcome::kFail && !fail) fail = &f;
      if (f.outcome == Outcome::kReview && !review) review = &f;
    }
    ASSERT_TRUE(fail && review);
    waivers_.push_back(testing::WaiverFor(*fail, Date{2027, 1, 1}, 2));
    waivers_.push_back(testing::WaiverFor(*review, Date{2026, 11, 1}, 8));

    // The held report, made as the list pipeline makes it.
    held_.findings = EvaluateAll(rules_, reg_, ctx_);
    AssignFingerprints(reg_, &held_.findings);
    ApplyWaivers(waivers_, reg_, ctx_.as_of, 30, &held_.findings, &held_.waiver_notes);
    // A baseline of every other open finding, and one the run no longer has.
    std::vector<BaselineEntry> all = BaselineOf(held_.findings);
    for (size_t k = 0; k < all.size(); k += 2) baseline_.push_back(all[k]);
    BaselineEntry gone = all.front();
    gone.fingerprint = "0123456789abcdef";
    gone.provider_id = "gone-provider";
    baseline_.push_back(gone);
    ApplyBaseline(baseline_, &held_.findings, &held_.absent);
    held_.questions = BuildQuestions(reg_, held_.findings);
    held_.question_groups = GroupQuestions(held_.questions);
    held_.unstated_fails = GroupUnstatedFails(held_.findings);
    Fill(&held_);

    // The same run backed by the table, as `check` makes it.
    FindingTableInput in;
    in.rules = &rules_;
    in.registry = &reg_;
    in.ctx = ctx_;
    in.waivers = &waivers_;
    in.warn_expiring_days = 30;
    table_ = FindingTable::Build(in, &backed_.waiver_notes);
    table_.ApplyBaseline(baseline_, &backed_.absent);
    backed_.table = &table_;
    questions_ = table_.TakeQuestions();
    backed_.question_table = &questions_;
    backed_.question_groups =
        GroupQuestions(questions_.size(), [&](size_t i) { return questions_.At(i); });
    backed_.unstated_fails = table_.TakeUnstatedFails();
    Fill(&backed_);
  }

  void Fill(Report* r) {
    r->registry = &reg_;
    r->rules = &rules_;
    r->as_of = ctx_.as_of;
    r->has_baseline = true;
  }

  // Both reports under `policy`, with or without the baseline.
  void SetPolicy(const GatePolicy& policy, bool has_baseline) {
    for (Report* r : {&held_, &backed_}) {
      r->policy = policy;
      r->has_baseline = has_baseline;
    }
    held_.summary = ComputeSummary(reg_, rules_, held_.findings, policy);
    backed_.summary = table_.Summarise(policy);
  }

  Registry reg_;
  RuleSet rules_;
  EvalContext ctx_;
  std::vector<Waiver> waivers_;
  std::vector<BaselineEntry> baseline_;
  Report held_;
  FindingTable table_;
  QuestionTable questions_;
  Report backed_;
};

TEST_F(ReportAccessorsTest, ReadTheSameFindingWhicheverHoldsThem) {
  ASSERT_EQ(backed_.FindingCount(), held_.FindingCount());
  size_t waivers = 0;
  for (size_t i = 0; i < held_.FindingCount(); ++i) {
    const Finding& f = held_.findings[i];
    EXPECT_EQ(backed_.HasWaiverAt(i), f.waiver.has_value()) << i;
    EXPECT_EQ(held_.HasWaiverAt(i), f.waiver.has_value()) << i;
    EXPECT_EQ(backed_.MessageOf(i), f.message) << i;
    EXPECT_EQ(held_.MessageOf(i), f.message) << i;
    waivers += f.waiver.has_value();
  }
  EXPECT_EQ(waivers, 2u);  // the valid and the expired one
  // FindingsAt: in the order asked, whatever it is.
  const std::vector<size_t> at = {7, 2, held_.FindingCount() - 1, 0};
  for (const Report* r : {&held_, &backed_}) {
    std::vector<Finding> made = r->FindingsAt(at);
    ASSERT_EQ(made.size(), at.size());
    for (size_t k = 0; k < at.size(); ++k) {
      EXPECT_EQ(made[k].rule_id, held_.findings[at[k]].rule_id);
      EXPECT_EQ(made[k].provider_id, held_.findings[at[k]].provider_id);
      EXPECT_EQ(made[k].message, held_.findings[at[k]].message);
      EXPECT_EQ(made[k].evidence.size(), held_.findings[at[k]].evidence.size());
    }
  }
  EXPECT_TRUE(backed_.FindingsAt({}).empty());
}

TEST_F(ReportAccessorsTest, MarkdownHtmlAndGithubAreTheSameBytesFromATable) {
  GatePolicy strict;
  strict.strict = true;
  GatePolicy warning;
  ASSERT_TRUE(ParseFailOn("warning", &warning));
  GatePolicy none;
  ASSERT_TRUE(ParseFailOn("none", &none));
  for (const GatePolicy& policy : {GatePolicy{}, strict, warning, none}) {
    for (bool has_baseline : {true, false}) {
      SCOPED_TRACE(std::string("strict ") + (policy.strict ? "yes" : "no") + ", fail-on " +
                   (policy.fail_on_none ? "none" : SeverityName(policy.fail_on)) +
                   (has_baseline ? ", baseline" : ""));
      SetPolicy(policy, has_baseline);
      EXPECT_EQ(WriteMarkdownReport(backed_), WriteMarkdownReport(held_));
      // Small limits cut every section part way.
      MarkdownOptions small;
      small.max_rows = 3;
      small.max_bytes = 12000;
      const std::string md = WriteMarkdownReport(held_, small);
      EXPECT_EQ(WriteMarkdownReport(backed_, small), md);
      EXPECT_NE(md.find("... and "), std::string::npos);
      const std::string html = WriteHtmlReport(held_);
      EXPECT_EQ(WriteHtmlReport(backed_), html);
      std::ostringstream streamed;
      WriteHtmlReport(backed_, streamed);
      EXPECT_EQ(streamed.str(), html);
      const std::string github = WriteGithubAnnotations(held_);
      EXPECT_EQ(WriteGithubAnnotations(backed_), github);
      EXPECT_NE(github.find("more annotations not shown"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace vendorlint
