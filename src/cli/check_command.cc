// `vendorlint check`: the gate. Options are checked first; then load the
// registry, compile the rules, load waivers and the baseline (any invalid
// input exits 2 before evaluation); evaluate; fingerprint; apply waivers and
// the baseline (an entry forged against its fingerprint exits 2 here, before
// any verdict or report); compute the verdict; write every report, all or none
// (report/output_files.h).
#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <ostream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "check/baseline.h"
#include "check/finding_table.h"
#include "check/fingerprint.h"
#include "check/question_groups.h"
#include "check/questions.h"
#include "check/waiver_loader.h"
#include "check/waivers.h"
#include "check/registry_diff.h"
#include "cli/base_registry.h"
#include "cli/ci_link_base.h"
#include "cli/commands.h"
#include "cli/git_provenance.h"
#include "report/formats.h"
#include "report/output_files.h"
#include "report/report.h"
#include "report/text_report.h"
#include "rules/evaluator.h"

namespace vendorlint {
namespace {

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

struct ReportTarget {
  std::string format;
  std::string path;
};

// Parses --report, and checks that no two files are one and that every path
// (-o, --report, --write-baseline) can be written (report/output_files.h).
bool ParseReportTargets(const CliOptions& o, std::vector<ReportTarget>* out, std::ostream& err) {
  bool ok = true;
  for (const auto& spec : o.reports) {
    size_t eq = spec.find('=');
    ReportTarget t;
    if (eq != std::string::npos) t = {spec.substr(0, eq), spec.substr(eq + 1)};
    if (eq == std::string::npos || t.path.empty() || !IsReportFormat(t.format)) {
      UsageError(err, fmt::format("--report takes FORMAT=PATH with FORMAT one of {}, not '{}'",
                                  fmt::join(ReportFormatNames(), ", "), spec));
      ok = false;
      continue;
    }
    for (const auto& seen : *out) {
      if (seen.path == t.path) {
        UsageError(err, fmt::format("--report names '{}' twice", t.path));
        ok = false;
      }
    }
    if (!o.output.empty() && t.path == o.output) {
      UsageError(err, fmt::format("--report and --output both name '{}'", t.path));
      ok = false;
    }
    if (!o.write_baseline.empty() && t.path == o.write_baseline) {
      UsageError(err, fmt::format("--report and --write-baseline both name '{}'", t.path));
      ok = false;
    }
    out->push_back(t);
  }
  if (!o.output.empty() && o.output == o.write_baseline) {
    UsageError(err, fmt::format("--output and --write-baseline both name '{}'", o.output));
    ok = false;
  }
  // What each path names (a folder, a link, a device...) is checked before
  // anything is loaded or created.
  std::vector<std::string> paths;
  if (!o.output.empty()) paths.push_back(o.output);
  for (const auto& t : *out) paths.push_back(t.path);
  if (!o.write_baseline.empty()) paths.push_back(o.write_baseline);
  for (const auto& p : paths) {
    std::string error;
    if (!CheckOutputPath(p, &error)) {
      UsageError(err, error);
      ok = false;
    }
  }
  return ok;
}

// Formats for people, which ask the same question about several providers
// once (Report::question_groups); the machine formats keep every question.
bool PrintsQuestionGroups(const std::string& format) {
  return format == "text" || format == "markdown" || format == "html";
}

}  // namespace

int RunCheck(const CliOptions& options, std::ostream& out, std::ostream& err) {
  CliOptions o = options;
  std::string started = NowUtc();
  // Options first: a usage error must not cost a load.
  GatePolicy policy;
  if (!ParseFailOn(o.fail_on, &policy))
    return UsageError(
        err, fmt::format("--fail-on must be error, warning, note or none, not '{}'", o.fail_on));
  policy.strict = o.strict;
  if (!IsReportFormat(o.format))
    return UsageError(err, fmt::format("--format must be one of {}, not '{}'",
                                       fmt::join(ReportFormatNames(), ", "), o.format));
  if (o.verbose && o.quiet) return UsageError(err, "--verbose and --quiet cannot be used together");
  if (o.color != "auto" && o.color != "always" && o.color != "never")
    return UsageError(err, fmt::format("--color must be auto, always or never, not '{}'", o.color));
  Date as_of = Date::Today();
  if (!o.as_of.empty() && !Date::Parse(o.as_of, &as_of))
    return UsageError(err,
                      fmt::format("--as-of must be a date written YYYY-MM-DD, not '{}'", o.as_of));
  if (o.warn_expiring < 0)
    return UsageError(
        err, fmt::format("--warn-expiring must be 0 or more days, not {}", o.warn_expiring));
  // Code scanning ignores `kind`: passes in the uploaded SARIF would open as
  // alerts. They live in a log of their own now.
  if (o.include_passes)
    return UsageError(err,
                      "--include-passes is gone: GitHub code scanning opens an alert for every "
                      "SARIF result, passes included; write the passes to a dashboard log "
                      "instead: --report sarif-dashboard=PATH");
  if (o.no_waivers && !o.waivers.empty())
    return UsageError(err, "--waivers and --no-waivers contradict each other");
  if (!o.base.empty() && !o.baseline.empty())
    return UsageError(err, "--base and --baseline both say which findings are known; give one "
                           "(--base computes the base's findings in the same run)");
  std::vector<ReportTarget> targets;
  if (!ParseReportTargets(o, &targets, err)) return kExitInvalid;
  // The most common pull-request mistake is a broken registry file: with
  // --format github it annotates the diff like a finding does.
  if (o.format == "github") o.annotations = &out;

  Registry reg;
  if (!LoadRegistryOrReport(o, &reg, err)) return kExitInvalid;
  RuleSet rules;
  if (!LoadRulesOrReport(o, reg.taxonomy, &rules, err)) return kExitInvalid;
  // A gate that checks nothing must not pass: a mistyped --rules would
  // otherwise turn every pull request green.
  if (rules.rules.empty())
    return UsageError(err, fmt::format("no rules found under {}: nothing to check", o.rules_dir));
  std::vector<std::string> rule_ids, provider_ids;
  for (const auto& r : rules.rules) rule_ids.push_back(r.id);
  for (const auto& p : reg.providers) provider_ids.push_back(p.id.value);
  bool selection_ok = CheckSelection(o.rule_ids, rule_ids, "rule", err);
  selection_ok = CheckSelection(o.provider_ids, provider_ids, "provider", err) && selection_ok;
  std::vector<std::string> tags;
  for (const auto& r : rules.rules) tags.insert(tags.end(), r.tags.begin(), r.tags.end());
  selection_ok = CheckSelection(o.tags, tags, "tag", err) && selection_ok;
  if (!selection_ok) return kExitInvalid;

  std::vector<Waiver> waivers;
  std::string waivers_path = WaiversPath(o);
  std::vector<Diagnostic> diags;
  if (!waivers_path.empty()) {
    if (!LoadWaivers(waivers_path, yaml::Limits{}, rules, &reg, &waivers, &diags)) {
      ReportInvalidInput(diags, waivers_path, err, o.annotations);
      return kExitInvalid;
    }
  }
  // --base: the base registry, evaluated with the same rules in this run; its
  // findings are the baseline, and the registry diff opens the Markdown.
  Registry base_reg;
  std::string base_label;
  if (!o.base.empty() && !LoadBaseRegistry(o, o.base, &base_reg, &base_label, err))
    return kExitInvalid;
  std::vector<BaselineEntry> baseline;
  if (!o.baseline.empty()) {
    if (!ReadBaseline(o.baseline, &reg.files, &baseline, &diags)) {
      ReportInvalidInput(diags, o.baseline, err, o.annotations);
      return kExitInvalid;
    }
  }

  Report report;
  report.registry = &reg;
  report.rules = &rules;
  report.as_of = as_of;
  report.policy = policy;
  report.category = o.category;
  report.start_time_utc = started;
  // The findings live in a compact table and are made again, a batch at a
  // time, when a writer asks for them (check/finding_table.h).
  FindingTableInput table_input;
  table_input.rules = &rules;
  table_input.registry = &reg;
  table_input.ctx = EvalContext{as_of, o.threads};
  table_input.filter = EvalFilter{o.rule_ids, o.provider_ids, o.tags};
  table_input.waivers = waivers_path.empty() ? nullptr : &waivers;
  table_input.warn_expiring_days = o.warn_expiring;
  FindingTable table = FindingTable::Build(table_input, &report.waiver_notes);
  report.table = &table;
  RegistryDiff changes;
  if (!o.base.empty()) {
    // The base's findings are only a baseline: its table (without waivers)
    // gives the fails and reviews without holding every finding.
    FindingTableInput base_input = table_input;
    base_input.registry = &base_reg;
    base_input.filter = EvalFilter{o.rule_ids, {}, o.tags};
    base_input.waivers = nullptr;
    table.ApplyBaseline(FindingTable::Build(base_input, nullptr), &report.absent);
    report.has_baseline = true;
    changes = DiffRegistries(base_reg, reg);
    report.changes = &changes;
    report.base_registry = &base_reg;
    report.base_label = base_label;
  }
  if (!o.baseline.empty()) {
    // A forged entry is invalid input: no verdict, no report.
    if (!table.CheckBaselineLabels(baseline, o.baseline, &diags)) {
      ReportInvalidInput(diags, o.baseline, err);
      return kExitInvalid;
    }
    report.has_baseline = true;
    table.ApplyBaseline(baseline, &report.absent);
  }
  QuestionTable questions = table.TakeQuestions();
  report.question_table = &questions;
  std::vector<std::string> formats = {o.format};
  for (const auto& t : targets) formats.push_back(t.format);
  if (std::any_of(formats.begin(), formats.end(), PrintsQuestionGroups)) {
    report.question_groups =
        GroupQuestions(questions.size(), [&](size_t i) { return questions.At(i); });
  }
  report.unstated_fails = table.TakeUnstatedFails();
  report.summary = table.Summarise(policy);
  report.exit_code = report.summary.gate_pass ? kExitPass : kExitFail;
  report.end_time_utc = NowUtc();

  bool sarif = o.format.starts_with("sarif");
  for (const auto& t : targets) sarif = sarif || t.format.starts_with("sarif");
  if (sarif) {
    LoadSourceLines(&report);
    ReadGitProvenance(&report.repository_uri, &report.revision_id);
  }

  // Files first, all or none: every report is staged, then all are put in
  // place; a failure to write one is an error (2) and leaves the old ones.
  RenderOptions render;
  // Links are absolute when CI says where the repository is, unless
  // --markdown-link-base says otherwise; relative elsewhere.
  render.markdown_link_base =
      o.markdown_link_base.empty() ? CiLinkBaseFromEnvironment() : o.markdown_link_base;
  render.verbose = o.verbose;
  render.quiet = o.quiet;
  std::string error;
  std::vector<std::string> notices;
  OutputFiles files;
  // Only the baseline must survive a crash: a report is made again by running again.
  bool staged = o.write_baseline.empty() ||
                files.Stage(o.write_baseline, WriteBaseline(table.BaselineFindings()), &error,
                            OutputFiles::Durability::kFsync);
  for (const auto& t : targets) {
    staged =
        staged &&
        files.Stage(
            t.path, [&](std::ostream& os) { RenderReport(t.format, report, render, os, &notices); },
            &error);
  }
  render.color = o.format == "text" && UseColor(o, o.output.empty());
  std::string text;
  // A report for standard output is printed after the files are in place: a
  // large one waits in a spool file, not in memory.
  Spool spool;
  bool spooled = false;
  const bool large = o.format == "json" || o.format == "junit" || o.format == "sarif-dashboard" ||
                     o.format == "html";
  if (o.output.empty() && large) {
    std::string spool_error;
    spooled = spool.Write(
        [&](std::ostream& os) { RenderReport(o.format, report, render, os, &notices); },
        &spool_error);
  }
  if (o.output.empty() && !spooled) {
    text = RenderReport(o.format, report, render, &notices);
  } else if (staged && !o.output.empty()) {
    staged = files.Stage(
        o.output, [&](std::ostream& os) { RenderReport(o.format, report, render, os, &notices); },
        &error);
  }
  // Each once, though --format sarif and --report sarif=... may both say it.
  std::sort(notices.begin(), notices.end());
  notices.erase(std::unique(notices.begin(), notices.end()), notices.end());
  for (const auto& n : notices) err << "vendorlint: warning: " << n << "\n";
  out.flush();  // a report may go to /dev/stdout itself
  if (!staged || !files.Commit(&error)) return UsageError(err, error);
  if (spooled) spool.CopyTo(out);
  if (o.output.empty() && !spooled) out << text;
  if (!o.output.empty() || o.format != "text") err << SummaryLine(report) << "\n";
  return report.exit_code;
}

}  // namespace vendorlint
