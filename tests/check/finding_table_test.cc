// The finding table must give back exactly the findings the list pipeline
// (EvaluateAll, AssignFingerprints, ApplyWaivers, ApplyBaseline, questions,
// groups, summary) makes, whatever the number of threads and however a writer
// asks for them. Checked on the real registry and policy pack.
#include "check/finding_table.h"
#include "check/fixtures/real_pack.h"
#include "check/fixtures/waiver_for.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "check/baseline.h"
#include "check/fingerprint.h"
#include "check/questions.h"
#include "check/waivers.h"
#include "load/registry_loader.h"
#include "rules/evaluator.h"
#include "rules/rule_compiler.h"

namespace vendorlint {
namespace {

void ExpectSameFinding(const Finding& a, const Finding& b, size_t i) {
  SCOPED_TRACE("finding " + std::to_string(i) + ": " + a.rule_id + " / " + a.provider_id);
  EXPECT_EQ(a.rule_id, b.rule_id);
  EXPECT_EQ(a.provider_id, b.provider_id);
  EXPECT_EQ(a.severity, b.severity);
  EXPECT_EQ(a.outcome, b.outcome);
  EXPECT_EQ(a.loc, b.loc);
  EXPECT_EQ(a.message, b.message);
  EXPECT_EQ(a.fingerprint, b.fingerprint);
  EXPECT_EQ(a.baseline, b.baseline);
  ASSERT_EQ(a.evidence.size(), b.evidence.size());
  for (size_t k = 0; k < a.evidence.size(); ++k) {
    const Evidence& x = a.evidence[k];
    const Evidence& y = b.evidence[k];
    EXPECT_EQ(x.path, y.path);
    EXPECT_EQ(x.loc, y.loc);
    EXPECT_EQ(x.message, y.message);
    EXPECT_EQ(x.unknown.kind, y.unknown.kind);
    EXPECT_EQ(x.unknown.provider_id, y.unknown.provider_id);
    EXPECT_EQ(x.unknown.path, y.unknown.path);
  }
  ASSERT_EQ(a.waiver.has_value(), b.waiver.has_value());
  if (a.waiver) {
    EXPECT_EQ(a.waiver->loc, b.waiver->loc);
    EXPECT_EQ(a.waiver->justification, b.waiver->justification);
    EXPECT_EQ(a.waiver->expires, b.waiver->expires);
    EXPECT_EQ(a.waiver->expired, b.waiver->expired);
    EXPECT_EQ(a.waiver->original, b.waiver->original);
  }
}


class FindingTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(testing::LoadRealRegistryAndPack(&reg_, &rules_));
    ctx_.as_of = Date{2026, 11, 22};
    // Waivers made from the findings themselves: a valid one on the first
    // fail, an expired one on the first review, one narrowed to the first
    // fail's evidence, and a stale one on a pass.
    std::vector<Finding> plain = EvaluateAll(rules_, reg_, ctx_);
    const Finding* fail = nullptr;
    const Finding* review = nullptr;
    const Finding* pass = nullptr;
    const Finding* second_fail = nullptr;
    for (const Finding& f : plain) {
      if (f.outcome == Outcome::kFail && !fail) {
        fail = &f;
      } else if (f.outcome == Outcome::kFail && !second_fail && !f.evidence.empty()) {
        second_fail = &f;
      }
      if (f.outcome == Outcome::kReview && !review) review = &f;
      if (f.outcome == Outcome::kPass && !pass) pass = &f;
    }
    ASSERT_TRUE(fail && review && pass && second_fail);
    waivers_.push_back(testing::WaiverFor(*fail, Date{2027, 1, 1}, 2));
    waivers_.push_back(testing::WaiverFor(*review, Date{2026, 11, 1}, 8));
    waivers_.push_back(
        testing::WaiverFor(*second_fail, Date{2026, 12, 1}, 14,
                           second_fail->evidence[0].path.Format()));
    waivers_.push_back(testing::WaiverFor(*pass, Date{2027, 1, 1}, 20));
  }

  // The list pipeline, as `check` ran it before the table.
  std::vector<Finding> ListPipeline(const std::vector<BaselineEntry>* baseline,
                                    std::vector<Finding>* absent, std::vector<Diagnostic>* notes) {
    std::vector<Finding> findings = EvaluateAll(rules_, reg_, ctx_);
    AssignFingerprints(reg_, &findings);
    ApplyWaivers(waivers_, reg_, ctx_.as_of, 30, &findings, notes);
    if (baseline) ApplyBaseline(*baseline, &findings, absent);
    return findings;
  }

  FindingTable Table(unsigned threads, std::vector<Diagnostic>* notes) {
    FindingTableInput in;
    in.rules = &rules_;
    in.registry = &reg_;
    in.ctx = ctx_;
    in.ctx.threads = threads;
    in.waivers = &waivers_;
    in.warn_expiring_days = 30;
    return FindingTable::Build(in, notes);
  }

  Registry reg_;
  RuleSet rules_;
  EvalContext ctx_;
  std::vector<Waiver> waivers_;
};

TEST_F(FindingTableTest, GivesBackTheListPipelinesFindingsOnAnyThreadCount) {
  std::vector<Diagnostic> list_notes;
  std::vector<Finding> expected = ListPipeline(nullptr, nullptr, &list_notes);
  ASSERT_GT(expected.size(), 500u);
  for (unsigned threads : {1u, 2u, 3u}) {
    SCOPED_TRACE("threads " + std::to_string(threads));
    std::vector<Diagnostic> notes;
    FindingTable table = Table(threads, &notes);
    ASSERT_EQ(table.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      ExpectSameFinding(table.Materialise(i), expected[i], i);
      EXPECT_EQ(table.rule_id(i), expected[i].rule_id);
      EXPECT_EQ(table.provider_id(i), expected[i].provider_id);
      EXPECT_EQ(table.outcome(i), expected[i].outcome);
      EXPECT_EQ(table.fingerprint(i), expected[i].fingerprint);
    }
    // The waivers did something: one waived, one expired, one stale note.
    ReportSummary s = table.Summarise(GatePolicy{});
    ReportSummary want = ComputeSummary(reg_, rules_, expected, GatePolicy{});
    EXPECT_EQ(s.counts, want.counts);
    EXPECT_EQ(s.providers, want.providers);
    EXPECT_EQ(s.rules, want.rules);
    EXPECT_EQ(s.gate_pass, want.gate_pass);
    EXPECT_EQ(s.count(Outcome::kWaived), 2u);
    ASSERT_EQ(notes.size(), list_notes.size());
    for (size_t k = 0; k < notes.size(); ++k) EXPECT_EQ(notes[k].Format(), list_notes[k].Format());
    EXPECT_EQ(notes.size(), 3u);  // expired (applied), expires soon, stale

    std::vector<Question> questions = table.TakeQuestions().All();
    std::vector<Question> want_questions = BuildQuestions(reg_, expected);
    ASSERT_EQ(questions.size(), want_questions.size());
    ASSERT_FALSE(questions.empty());
    for (size_t k = 0; k < questions.size(); ++k) {
      EXPECT_EQ(questions[k].fact, want_questions[k].fact);
      EXPECT_EQ(questions[k].question, want_questions[k].question);
      EXPECT_EQ(questions[k].loc, want_questions[k].loc);
      EXPECT_EQ(questions[k].blocks, want_questions[k].blocks);
    }
    std::vector<UnstatedFailGroup> groups = table.TakeUnstatedFails();
    std::vector<UnstatedFailGroup> want_groups = GroupUnstatedFails(expected);
    ASSERT_EQ(groups.size(), want_groups.size());
    for (size_t k = 0; k < groups.size(); ++k) {
      EXPECT_EQ(groups[k].rule_id, want_groups[k].rule_id);
      EXPECT_EQ(groups[k].field, want_groups[k].field);
      EXPECT_EQ(groups[k].findings, want_groups[k].findings);
    }
  }
}

// Build evaluates chunks of pairs on every thread while one thread at a time
// merges them in order, each thread at most a few chunks ahead: on a registry
// of hundreds of chunks, with more threads than cores, nothing may be merged
// twice, skipped or out of order (questions list their findings in order).
TEST_F(FindingTableTest, HundredsOfChunksMergeInOrderOnAnyThreadCount) {
  std::vector<Provider> copies;
  for (int k = 0; k < 60; ++k) {
    for (const Provider& p : reg_.providers) {
      copies.push_back(p);
      copies.back().id.value = fmt::format("{}-{:03}", p.id.value, k);
    }
  }
  reg_.providers.insert(reg_.providers.end(), copies.begin(), copies.end());
  std::sort(reg_.providers.begin(), reg_.providers.end(),
            [](const Provider& a, const Provider& b) { return a.id.value < b.id.value; });
  std::vector<Diagnostic> list_notes;
  std::vector<Finding> expected = ListPipeline(nullptr, nullptr, &list_notes);
  ASSERT_GT(expected.size(), 50000u);  // about 200 chunks of 256 pairs
  const size_t groups_wanted = GroupUnstatedFails(expected).size();
  const std::vector<Question> questions_wanted = BuildQuestions(reg_, expected);
  for (unsigned threads : {1u, 2u, 7u}) {
    SCOPED_TRACE("threads " + std::to_string(threads));
    std::vector<Diagnostic> notes;
    FindingTable table = Table(threads, &notes);
    ASSERT_EQ(table.size(), expected.size());
    size_t mismatches = 0;
    for (size_t i = 0; i < expected.size(); ++i) {
      if (table.outcome(i) != expected[i].outcome ||
          table.fingerprint(i) != expected[i].fingerprint) {
        ++mismatches;
      }
    }
    EXPECT_EQ(mismatches, 0u);
    EXPECT_EQ(table.Summarise(GatePolicy{}).count(Outcome::kWaived), 2u);
    EXPECT_EQ(table.TakeUnstatedFails().size(), groups_wanted);
    std::vector<Question> questions = table.TakeQuestions().All();
    ASSERT_EQ(questions.size(), questions_wanted.size());
    for (size_t k = 0; k < questions.size(); ++k) {
      EXPECT_EQ(questions[k].fact, questions_wanted[k].fact);
      EXPECT_EQ(questions[k].blocks, questions_wanted[k].blocks);
    }
    ASSERT_EQ(notes.size(), list_notes.size());
  }
}

TEST_F(FindingTableTest, QuestionTableCountsTheReviewsItBlocks) {
  std::vector<Diagnostic> notes;
  std::vector<Finding> expected = ListPipeline(nullptr, nullptr, &notes);
  QuestionBuilder b(reg_);
  for (size_t i = 0; i < expected.size(); ++i) b.Add(i, expected[i]);
  QuestionTable t = b.Finish();
  EXPECT_EQ(t.reviews_blocked(), ReviewsWithQuestions(BuildQuestions(reg_, expected)));
  EXPECT_GT(t.reviews_blocked(), 0u);
}

TEST_F(FindingTableTest, BaselineStatesAndAbsentEntriesMatchTheListPipeline) {
  // A baseline of every other open finding, plus one the run no longer has.
  std::vector<Diagnostic> notes;
  std::vector<Finding> plain = ListPipeline(nullptr, nullptr, &notes);
  std::vector<BaselineEntry> all = BaselineOf(plain);
  std::vector<BaselineEntry> baseline;
  for (size_t k = 0; k < all.size(); k += 2) baseline.push_back(all[k]);
  BaselineEntry gone = all.front();
  gone.fingerprint = "0123456789abcdef";
  gone.provider_id = "gone-provider";
  baseline.push_back(gone);

  std::vector<Finding> absent_list;
  std::vector<Finding> expected = ListPipeline(&baseline, &absent_list, &notes);
  FindingTable table = Table(2, &notes);
  std::vector<Finding> absent_table;
  table.ApplyBaseline(baseline, &absent_table);
  size_t unchanged = 0;
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(table.baseline(i), expected[i].baseline) << i;
    unchanged += table.baseline(i) == BaselineState::kUnchanged;
  }
  EXPECT_EQ(unchanged, baseline.size() - 1);
  ASSERT_EQ(absent_table.size(), 1u);
  ASSERT_EQ(absent_list.size(), 1u);
  EXPECT_EQ(absent_table[0].provider_id, "gone-provider");
  EXPECT_EQ(absent_table[0].fingerprint, absent_list[0].fingerprint);

  // A baseline file written from the table is the one written from the list.
  EXPECT_EQ(WriteBaseline(table.BaselineFindings()), WriteBaseline(expected));

  // A forged entry (a real fingerprint under another rule's label) is caught.
  std::vector<BaselineEntry> forged = {all[1]};
  forged[0].rule_id = "some-other-rule";
  std::vector<Diagnostic> list_diags, table_diags;
  EXPECT_FALSE(CheckBaselineLabels(forged, expected, "baseline.yaml", &list_diags));
  EXPECT_FALSE(table.CheckBaselineLabels(forged, "baseline.yaml", &table_diags));
  ASSERT_EQ(table_diags.size(), 1u);
  EXPECT_EQ(table_diags[0].Format(), list_diags[0].Format());
  EXPECT_TRUE(table.CheckBaselineLabels(all, "baseline.yaml", &table_diags));
}

// `check --base`: the base registry's table as the baseline gives the states
// and absent findings that the base's finding list (BaselineOf) gave.
TEST_F(FindingTableTest, BaseTableAsBaselineMatchesTheBasesFindingList) {
  Registry base;
  LoadOptions lo;
  lo.registry_dir = std::string(VL_SOURCE_DIR) + "/tests/fixtures/registry-earlier";
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(LoadRegistry(lo, &base, &diags));
  std::vector<Finding> base_findings = EvaluateAll(rules_, base, ctx_);
  AssignFingerprints(base, &base_findings);
  const std::vector<BaselineEntry> baseline = BaselineOf(base_findings);
  std::vector<Diagnostic> notes;
  std::vector<Finding> absent_list;
  std::vector<Finding> expected = ListPipeline(&baseline, &absent_list, &notes);

  FindingTable table = Table(2, &notes);
  FindingTableInput base_in;
  base_in.rules = &rules_;
  base_in.registry = &base;
  base_in.ctx = ctx_;
  base_in.ctx.threads = 2;
  std::vector<Finding> absent_table;
  table.ApplyBaseline(FindingTable::Build(base_in, nullptr), &absent_table);

  std::array<size_t, 4> states{};
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(table.baseline(i), expected[i].baseline) << i;
    ++states[static_cast<size_t>(table.baseline(i))];
  }
  // Both kinds occur: the comparison means something.
  EXPECT_GT(states[static_cast<size_t>(BaselineState::kNew)], 0u);
  EXPECT_GT(states[static_cast<size_t>(BaselineState::kUnchanged)], 0u);
  ASSERT_FALSE(absent_list.empty());
  ASSERT_EQ(absent_table.size(), absent_list.size());
  for (size_t k = 0; k < absent_list.size(); ++k) {
    ExpectSameFinding(absent_table[k], absent_list[k], k);
    EXPECT_EQ(absent_table[k].baseline, BaselineState::kAbsent);
  }
}

TEST_F(FindingTableTest, WritersGetTheWantedOutcomesInOrderInBoundedChunks) {
  std::vector<Diagnostic> notes;
  std::vector<Finding> expected = ListPipeline(nullptr, nullptr, &notes);
  FindingTable table = Table(2, &notes);
  const OutcomeSet open = OutcomeBit(Outcome::kFail) | OutcomeBit(Outcome::kReview);
  std::vector<size_t> seen;
  table.ForEach(open, [&](size_t i, const Finding& f) {
    seen.push_back(i);
    ExpectSameFinding(f, expected[i], i);
  });
  std::vector<size_t> want;
  for (size_t i = 0; i < expected.size(); ++i)
    if (InSet(open, expected[i].outcome)) want.push_back(i);
  EXPECT_EQ(seen, want);

  // Chunks are rendered on worker threads and emitted in order; none holds
  // more than a few hundred findings.
  std::string rendered;
  size_t largest = 0;
  std::mutex m;
  table.RenderChunks(
      kAllOutcomes,
      [&](std::span<const Finding> chunk) {
        {
          std::lock_guard<std::mutex> lock(m);
          largest = std::max(largest, chunk.size());
        }
        std::string s;
        for (const Finding& f : chunk) s += f.fingerprint + "\n";
        return s;
      },
      [&](const std::string& s) { rendered += s; });
  std::string sequential;
  for (const Finding& f : expected) sequential += f.fingerprint + "\n";
  EXPECT_EQ(rendered, sequential);
  EXPECT_LE(largest, 512u);
}

}  // namespace
}  // namespace vendorlint
