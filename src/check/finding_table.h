// The findings of one check run without holding them: one compact record per
// (rule, provider) pair (outcome, fingerprint hash, waiver, baseline state),
// enough for the summary, the gate, baselines and waivers. A full Finding,
// with its message and evidence, is made again from the model only when a
// writer asks for it (Materialise, ForEach), a bounded chunk at a time, so a
// check's memory does not grow with the findings it writes (issue 14).
//
// Contracts:
//  - Finding i of the table is finding i of EvaluateAll (same filter) after
//    AssignFingerprints, ApplyWaivers and ApplyBaseline: byte for byte the
//    same values (tests/check/finding_table_test.cc).
//  - Evaluation is deterministic, so a finding made again equals the one
//    recorded; pass and not_applicable findings are made without evaluating.
//  - The table refers to the rules, registry and waivers it was built from:
//    they must outlive it and stay unchanged.
//  - Results do not depend on the number of threads.
#ifndef VENDORLINT_CHECK_FINDING_TABLE_H_
#define VENDORLINT_CHECK_FINDING_TABLE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "check/baseline.h"
#include "check/gate.h"
#include "check/questions.h"
#include "check/waivers.h"
#include "model/registry.h"
#include "model/waiver.h"
#include "rules/evaluator.h"
#include "rules/finding.h"
#include "rules/rule.h"

namespace vendorlint {

struct FindingTableInput {
  const RuleSet* rules = nullptr;
  const Registry* registry = nullptr;
  EvalContext ctx;  // as_of, and the threads everything runs on
  EvalFilter filter;
  // Applied as ApplyWaivers does; null: no waivers (and no notes).
  const std::vector<Waiver>* waivers = nullptr;
  int warn_expiring_days = kDefaultWarnExpiringDays;
};

class FindingTable {
 public:
  // Evaluates every pair (in parallel, in bounded batches), fingerprints,
  // applies the waivers (their notes go to *waiver_notes) and collects the
  // questions and unstated-fail groups, which the table then hands out once
  // (TakeQuestions, TakeUnstatedFails).
  static FindingTable Build(const FindingTableInput& in, std::vector<Diagnostic>* waiver_notes);

  size_t size() const { return records_.size(); }
  const std::string& rule_id(size_t i) const { return RuleOf(i).id; }
  const std::string& provider_id(size_t i) const { return ProviderOf(i).id.value; }
  Outcome outcome(size_t i) const { return records_[i].outcome; }
  Severity severity(size_t i) const { return RuleOf(i).severity; }
  BaselineState baseline(size_t i) const { return records_[i].baseline; }
  // Whether a waiver (valid or expired) applies to finding i.
  bool has_waiver(size_t i) const { return records_[i].waiver >= 0; }
  std::string fingerprint(size_t i) const;
  // Finding i's message, made without evaluating (as Light has it).
  std::string message(size_t i) const;

  // Finding i in full.
  Finding Materialise(size_t i) const;
  // Finding i without evidence or waiver details: what the gate, summary and
  // baselines read (ids, severity, outcome, message, fingerprint, baseline).
  Finding Light(size_t i) const;

  // Calls fn(i, finding) in index order, one call at a time, for every
  // finding whose outcome is in `which`; findings are made in parallel chunks
  // (util/ordered_pipeline.h), and fn runs on whichever of the run's threads
  // hands the next chunk on, so it must not throw or rely on the thread.
  void ForEach(OutcomeSet which, const std::function<void(size_t, const Finding&)>& fn) const;
  // The same for the findings at `indices` (ascending).
  void ForEach(std::span<const size_t> indices,
               const std::function<void(size_t, const Finding&)>& fn) const;
  // Renders the findings whose outcome is in `which` in chunks: render(chunk)
  // runs on every thread, emit(text) in order, one call at a time, on any of
  // them (as ForEach's fn).
  void RenderChunks(OutcomeSet which,
                    const std::function<std::string(std::span<const Finding>)>& render,
                    const std::function<void(const std::string&)>& emit) const;

  // The fail, review and waived findings, light (see Light): what a baseline
  // file holds and what ApplyBaseline compares.
  std::vector<Finding> BaselineFindings() const;
  // CheckBaselineLabels against every finding of the table.
  bool CheckBaselineLabels(const std::vector<BaselineEntry>& baseline, const std::string& path,
                           std::vector<Diagnostic>* diags) const;
  // ApplyBaseline on the table: marks fail, review and waived findings new or
  // unchanged; appends the entries no finding has to *absent.
  void ApplyBaseline(const std::vector<BaselineEntry>& baseline, std::vector<Finding>* absent);
  // The same with `base`'s fail, review and waived findings as the baseline
  // (`check --base`), compared by identity without making them: only the
  // absent ones are made (light, without a location).
  void ApplyBaseline(const FindingTable& base, std::vector<Finding>* absent);

  // ComputeSummary over the table.
  ReportSummary Summarise(const GatePolicy& policy) const;

  QuestionTable TakeQuestions() { return std::move(questions_); }
  std::vector<UnstatedFailGroup> TakeUnstatedFails() { return std::move(unstated_fails_); }

 private:
  struct Record {
    uint64_t hash = 0;                  // the fingerprint before hex16 (FingerprintHash)
    int32_t waiver = -1;                // the applied waiver's index, or -1
    Outcome outcome = Outcome::kPass;   // after waivers
    Outcome original = Outcome::kPass;  // as evaluated
    BaselineState baseline = BaselineState::kNone;
  };

  // What a baseline entry is matched on: the fingerprint (hash and suffix),
  // the rule and the provider; `index` is the finding's.
  struct BaselineKey {
    uint64_t hash = 0;
    uint32_t suffix = 0;
    std::string_view rule;
    std::string_view provider;
    size_t index = 0;
    bool operator<(const BaselineKey& o) const {
      return std::tie(hash, suffix, rule, provider) < std::tie(o.hash, o.suffix, o.rule, o.provider);
    }
  };
  // The keys of the fail, review and waived findings, sorted.
  std::vector<BaselineKey> BaselineKeys() const;

  const Rule& RuleOf(size_t i) const { return *pairs_.rules[i / pairs_.providers.size()]; }
  const Provider& ProviderOf(size_t i) const {
    return *pairs_.providers[i % pairs_.providers.size()];
  }
  FindingTableInput in_;
  PairSelection pairs_;
  std::vector<Record> records_;
  std::map<size_t, uint32_t> suffixes_;  // fingerprint collisions: index -> n (>= 2)
  QuestionTable questions_;
  std::vector<UnstatedFailGroup> unstated_fails_;
};

}  // namespace vendorlint

#endif  // VENDORLINT_CHECK_FINDING_TABLE_H_
