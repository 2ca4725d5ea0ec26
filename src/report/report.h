// What every report writer receives: the findings of one `check` run and what
// produced them. Writers only format; they decide nothing: the gate and every
// per-finding decision (new, accepted, fixed, counts as a failure) come from
// the check layer (check/gate.h) through Report::VerdictOf.
#ifndef VENDORLINT_REPORT_REPORT_H_
#define VENDORLINT_REPORT_REPORT_H_

#include <array>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "check/finding_table.h"
#include "check/gate.h"
#include "check/questions.h"
#include "check/registry_diff.h"
#include "model/registry.h"
#include "check/question_groups.h"
#include "rules/finding.h"
#include "rules/rule.h"
#include "util/date.h"

namespace vendorlint {

struct Report {
  const Registry* registry = nullptr;
  const RuleSet* rules = nullptr;
  // The findings, sorted by rule id, then provider id: either held here, or
  // (`check`) in `table`, which makes them on demand. Writers read them
  // through the accessors below, which serve both.
  std::vector<Finding> findings;
  const FindingTable* table = nullptr;
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
  // (Or, from `check`, in `question_table`; read them through QuestionCount
  // and QuestionAt.)
  std::vector<Question> questions;
  const QuestionTable* question_table = nullptr;
  // The same question about several providers, once (check/question_groups.h);
  // what text, Markdown and HTML print. QuestionGroup::members are indices for
  // QuestionAt.
  std::vector<QuestionGroup> question_groups;
  // Fails that come down to one unstated field, said once per rule by the
  // human-readable formats (text, Markdown); JSON and SARIF keep each finding.
  std::vector<UnstatedFailGroup> unstated_fails;
  // With `check --base`: the registry changes from the base to this registry
  // (the base's findings are the baseline). Markdown opens with them; HTML
  // shows them after the verdict.
  const RegistryDiff* changes = nullptr;
  const Registry* base_registry = nullptr;
  std::string base_label;  // "origin/main:registry" or the base folder
  // Problems with waivers (expired, expiring soon, matching nothing), as
  // located warnings/errors in the waivers file. Shown by every format.
  std::vector<Diagnostic> waiver_notes;

  // Run metadata for SARIF and JUnit.
  std::string category;        // --category: SARIF automationDetails.id
  int exit_code = 0;           // what this run exits with
  std::string start_time_utc;  // ISO 8601, e.g. 2026-11-22T11:37:06Z
  std::string end_time_utc;
  // The git repository vendorlint ran in (SARIF versionControlProvenance);
  // empty when it did not run in one or it has no `origin` remote.
  std::string repository_uri;  // `origin` without credentials, as a URI
  std::string revision_id;     // HEAD's commit

  // The text of each registry file's lines, indexed like registry->files
  // (empty: not loaded). SARIF shows them as region.snippet so that a viewer
  // without the file still shows the line. LoadSourceLines fills file_text
  // (each file as one string, with where its lines start: a few bytes per
  // line rather than a string each); tests may fill file_lines instead.
  std::vector<std::vector<std::string>> file_lines;
  struct FileText {
    std::string text;
    std::vector<uint32_t> line_start;  // offset of line k + 1, then the end
  };
  std::vector<FileText> file_text;

  // The text of `loc`'s line without its line break, or "" if not loaded.
  std::string_view LineText(const Location& loc) const;

  // What the check run decided about `f` (check/gate.h), under this report's
  // policy and baseline.
  FindingVerdict VerdictOf(const Finding& f) const {
    return DecideFinding(f, policy, has_baseline);
  }

  // The findings, whichever holds them. Indices are those of Question::blocks
  // and UnstatedFailGroup::findings.
  size_t FindingCount() const { return table ? table->size() : findings.size(); }
  const std::string& RuleIdOf(size_t i) const {
    return table ? table->rule_id(i) : findings[i].rule_id;
  }
  const std::string& ProviderIdOf(size_t i) const {
    return table ? table->provider_id(i) : findings[i].provider_id;
  }
  Outcome OutcomeOf(size_t i) const { return table ? table->outcome(i) : findings[i].outcome; }
  std::string FingerprintOf(size_t i) const {
    return table ? table->fingerprint(i) : findings[i].fingerprint;
  }
  Severity SeverityOf(size_t i) const {
    return table ? table->severity(i) : findings[i].severity;
  }
  // Whether a waiver (valid, or expired on a fail or review) applies to finding i.
  bool HasWaiverAt(size_t i) const {
    return table ? table->has_waiver(i) : findings[i].waiver.has_value();
  }
  // Finding i's message, without making the finding (no evaluation).
  std::string MessageOf(size_t i) const {
    return table ? table->message(i) : findings[i].message;
  }
  // VerdictOf finding i, without making it.
  FindingVerdict VerdictAt(size_t i) const;
  // The findings at `indices` (in any order, each once), made in parallel
  // batches: result k is finding indices[k]. For the few a writer prints in full.
  std::vector<Finding> FindingsAt(std::span<const size_t> indices) const;
  // Calls fn(i, finding) in order for the findings at `indices` (ascending),
  // made in parallel batches; each exists only during its call.
  void ForEachFindingAt(std::span<const size_t> indices,
                        const std::function<void(size_t, const Finding&)>& fn) const;
  // Calls fn(i, finding) in order for every finding whose outcome is in
  // `which`. Each finding exists only during its call (copy what you keep).
  void ForEachFinding(OutcomeSet which,
                      const std::function<void(size_t, const Finding&)>& fn) const;
  // The same for writers whose output is a sequence of independent pieces:
  // render(chunk) may run on several threads at once; emit(text) runs on this
  // thread, in order.
  void RenderFindings(OutcomeSet which,
                      const std::function<std::string(std::span<const Finding>)>& render,
                      const std::function<void(const std::string&)>& emit) const;

  size_t QuestionCount() const {
    return question_table ? question_table->size() : questions.size();
  }
  Question QuestionAt(size_t i) const {
    return question_table ? question_table->At(i) : questions[i];
  }
  // How many reviews the questions block (ReviewsWithQuestions).
  size_t ReviewsBlocked() const {
    return question_table ? question_table->reviews_blocked() : ReviewsWithQuestions(questions);
  }

  // The path of a location's file as reports print it.
  const std::string& Path(const Location& loc) const { return registry->files.at(loc.file); }
};

// For findings listed in rule order (`indices`, as the writers list them):
// where each stands in its rule's run, 1-based, and how long the run is; what
// the human-readable writers fold a long run by. Read without making them.
struct RunPlace {
  size_t nth = 0;
  size_t of = 0;
};
std::vector<RunPlace> PlacesInRuleRuns(const Report& r, std::span<const size_t> indices);

// Reads every registry file into report->file_text. A file that cannot be
// read gets no lines (its snippets are left out; the run goes on).
void LoadSourceLines(Report* report);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_REPORT_H_
