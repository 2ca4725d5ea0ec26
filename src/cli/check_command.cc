// `vendorlint check`: the gate. Options are checked first; then load the
// registry, compile the rules, load waivers and the baseline (any invalid
// input exits 2 before evaluation); evaluate; fingerprint; apply waivers and
// the baseline; compute the verdict; write every report atomically.
#include <chrono>
#include <ctime>
#include <filesystem>
#include <ostream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/commands.h"
#include "check/waiver_loader.h"
#include "report/formats.h"
#include "report/report.h"
#include "report/text_report.h"
#include "check/baseline.h"
#include "rules/evaluator.h"
#include "check/fingerprint.h"
#include "check/waivers.h"
#include "check/questions.h"

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
    out->push_back(t);
  }
  return ok;
}

// The waivers file to use, or "" for none.
std::string WaiversPath(const CliOptions& o) {
  if (o.no_waivers) return "";
  if (!o.waivers.empty()) return o.waivers;
  std::string implicit = o.registry_dir + "/waivers.yaml";
  std::error_code ec;
  return std::filesystem::is_regular_file(implicit, ec) ? implicit : "";
}

}  // namespace

int RunCheck(const CliOptions& o, std::ostream& out, std::ostream& err) {
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
  if (o.color != "auto" && o.color != "always" && o.color != "never")
    return UsageError(err, fmt::format("--color must be auto, always or never, not '{}'", o.color));
  Date as_of = Date::Today();
  if (!o.as_of.empty() && !Date::Parse(o.as_of, &as_of))
    return UsageError(err,
                      fmt::format("--as-of must be a date written YYYY-MM-DD, not '{}'", o.as_of));
  if (o.warn_expiring < 0)
    return UsageError(
        err, fmt::format("--warn-expiring must be 0 or more days, not {}", o.warn_expiring));
  if (o.no_waivers && !o.waivers.empty())
    return UsageError(err, "--waivers and --no-waivers contradict each other");
  std::vector<ReportTarget> targets;
  if (!ParseReportTargets(o, &targets, err)) return kExitInvalid;

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
  if (!selection_ok) return kExitInvalid;

  std::vector<Waiver> waivers;
  std::string waivers_path = WaiversPath(o);
  std::vector<Diagnostic> diags;
  if (!waivers_path.empty()) {
    uint32_t file_id = static_cast<uint32_t>(reg.files.size());
    reg.files.push_back(waivers_path);
    if (!LoadWaivers(waivers_path, file_id, yaml::Limits{}, rules, reg, &waivers, &diags)) {
      ReportInvalidInput(diags, waivers_path, err);
      return kExitInvalid;
    }
  }
  std::vector<BaselineEntry> baseline;
  if (!o.baseline.empty()) {
    if (!ReadBaseline(o.baseline, 0, &baseline, &diags)) {
      ReportInvalidInput(diags, o.baseline, err);
      return kExitInvalid;
    }
  }

  Report report;
  report.registry = &reg;
  report.rules = &rules;
  report.as_of = as_of;
  report.policy = policy;
  report.category = o.category;
  report.include_passes = o.include_passes;
  report.start_time_utc = started;
  EvalFilter filter{o.rule_ids, o.provider_ids, {}};
  report.findings = EvaluateAll(rules, reg, EvalContext{as_of, o.threads}, filter);
  AssignFingerprints(reg, &report.findings);
  if (!waivers_path.empty()) {
    ApplyWaivers(waivers, reg, as_of, o.warn_expiring, &report.findings, &report.waiver_notes);
  }
  if (!o.baseline.empty()) {
    report.has_baseline = true;
    ApplyBaseline(baseline, &report.findings, &report.absent);
  }
  report.questions = BuildQuestions(reg, report.findings);
  report.unstated_fails = GroupUnstatedFails(report.findings);
  report.summary = ComputeSummary(reg, rules, report.findings, policy);
  report.exit_code = report.summary.gate_pass ? kExitPass : kExitFail;
  report.end_time_utc = NowUtc();

  // Files first, each atomically; a failure to write one is an error (2),
  // and no file is left half-written.
  RenderOptions render;
  render.markdown_link_base = o.markdown_link_base;
  std::string error;
  if (!o.write_baseline.empty() &&
      !WriteFileAtomically(o.write_baseline, WriteBaseline(report.findings), &error))
    return UsageError(err, error);
  for (const auto& t : targets) {
    if (!WriteFileAtomically(t.path, RenderReport(t.format, report, render), &error))
      return UsageError(err, error);
  }
  render.color = o.format == "text" && UseColor(o, o.output.empty());
  std::string text = RenderReport(o.format, report, render);
  if (o.output.empty()) {
    out << text;
  } else {
    if (!WriteFileAtomically(o.output, text, &error)) return UsageError(err, error);
  }
  if (!o.output.empty() || o.format != "text") err << SummaryLine(report) << "\n";
  return report.exit_code;
}

}  // namespace vendorlint
