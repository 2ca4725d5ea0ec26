// Commands that compile rules: validate, check, rules, explain, test.
// Data flows one way: load the registry, compile the rules against its
// taxonomy, evaluate, report. Any invalid input stops before evaluation (2).
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <ostream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "check/baseline.h"
#include "check/waiver_loader.h"
#include "cli/commands.h"
#include "load/registry_loader.h"
#include "report/json_report.h"
#include "report/report.h"
#include "report/text_report.h"
#include "rules/evaluator.h"
#include "rules/rule_compiler.h"
#include "rules/rule_test_runner.h"
#include "util/did_you_mean.h"
#include "util/escape.h"

namespace vendorlint {
namespace {}  // namespace

int UsageError(std::ostream& err, const std::string& message) {
  err << "vendorlint: error: " << message << "\n";
  return kExitInvalid;
}

bool LoadRulesOrReport(const CliOptions& o, const Taxonomy& taxonomy, RuleSet* rules,
                       std::ostream& err) {
  std::vector<Diagnostic> diags;
  bool ok = LoadRules(o.rules_dir, taxonomy, yaml::Limits{}, rules, &diags, o.threads);
  if (ok) {
    PrintDiagnostics(diags, err);
  } else {
    ReportInvalidInput(diags, o.rules_dir, err, o.annotations);
  }
  return ok;
}

bool LoadTaxonomyOrReport(const CliOptions& o, Taxonomy* taxonomy, std::ostream& err) {
  std::vector<Diagnostic> diags;
  std::string path = o.taxonomy.empty()
                         ? (std::filesystem::path(o.registry_dir) / "taxonomy.yaml").generic_string()
                         : o.taxonomy;
  if (LoadTaxonomyFile(path, 0, yaml::Limits{}, taxonomy, &diags)) return true;
  ReportInvalidInput(diags, path, err, o.annotations);
  return false;
}

// Every id named with --rule / --provider must exist: a typo would otherwise
// silently select nothing and pass the gate.
bool CheckSelection(const std::vector<std::string>& wanted, const std::vector<std::string>& known,
                    const char* what, std::ostream& err) {
  bool ok = true;
  for (const auto& w : wanted) {
    if (std::find(known.begin(), known.end(), w) != known.end()) continue;
    err << fmt::format("vendorlint: error: unknown {} `{}`{}\n", what, w,
                       DidYouMeanSuffix(w, known));
    ok = false;
  }
  return ok;
}

bool UseColor(const CliOptions& o, bool to_stdout) {
  if (o.color == "always") return true;
  if (o.color == "never" || !to_stdout) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  return isatty(STDOUT_FILENO) == 1;
}

std::string WaiversPath(const CliOptions& o) {
  if (o.no_waivers) return "";
  if (!o.waivers.empty()) return o.waivers;
  std::string implicit = o.registry_dir + "/waivers.yaml";
  std::error_code ec;
  return std::filesystem::is_regular_file(implicit, ec) ? implicit : "";
}

// Everything `check` and `test` would load, so that a green `validate` means
// neither of them stops at invalid input: the registry, the rules, every
// rule's test file, the waivers and a given baseline.
int RunValidate(const CliOptions& o, std::ostream& out, std::ostream& err) {
  if (o.no_waivers && !o.waivers.empty())
    return UsageError(err, "--waivers and --no-waivers contradict each other");
  Registry reg;
  if (!LoadRegistryOrReport(o, &reg, err)) return kExitInvalid;
  RuleSet rules;
  if (!LoadRulesOrReport(o, reg.taxonomy, &rules, err)) return kExitInvalid;
  RuleTestOptions test_options;
  test_options.rules_dir = o.rules_dir;
  test_options.threads = o.threads;
  test_options.check_outcomes = false;
  RuleTestReport tests = CollectRuleTests(test_options, reg.taxonomy);
  if (CountErrors(tests.diagnostics) > 0) {
    ReportInvalidInput(tests.diagnostics, o.rules_dir, err);
    return kExitInvalid;
  }
  std::vector<std::string> lines;
  lines.push_back(fmt::format("{}: valid: {} providers, {} data flows, {} contexts", o.registry_dir,
                              reg.providers.size(), reg.FlowCount(),
                              reg.organization.contexts.size()));
  lines.push_back(fmt::format("{}: valid: {} rules, {} test cases ({})", o.rules_dir,
                              rules.rules.size(), tests.result.passed, o.rules_source));
  // The file the taxonomy came from (the file table is sorted by path, so it is
  // not at a fixed index).
  const std::string taxonomy_file =
      o.taxonomy.empty() ? (std::filesystem::path(o.registry_dir) / "taxonomy.yaml").string()
                         : o.taxonomy;
  lines.push_back(fmt::format("{}: valid: taxonomy ({})", taxonomy_file, o.taxonomy_source));
  std::vector<Diagnostic> diags;
  const std::string waivers_path = WaiversPath(o);
  if (!waivers_path.empty()) {
    std::vector<Waiver> waivers;
    if (!LoadWaivers(waivers_path, yaml::Limits{}, rules, &reg, &waivers, &diags)) {
      ReportInvalidInput(diags, waivers_path, err);
      return kExitInvalid;
    }
    lines.push_back(fmt::format("{}: valid: {} waivers", waivers_path, waivers.size()));
  }
  if (!o.baseline.empty()) {
    std::vector<BaselineEntry> baseline;
    if (!ReadBaseline(o.baseline, &reg.files, &baseline, &diags)) {
      ReportInvalidInput(diags, o.baseline, err);
      return kExitInvalid;
    }
    lines.push_back(fmt::format("{}: valid: {} findings", o.baseline, baseline.size()));
  }
  for (const auto& line : lines) out << line << "\n";
  return kExitPass;
}

int RunRules(const CliOptions& o, std::ostream& out, std::ostream& err) {
  Taxonomy taxonomy;
  if (!LoadTaxonomyOrReport(o, &taxonomy, err)) return kExitInvalid;
  RuleSet rules;
  if (!LoadRulesOrReport(o, taxonomy, &rules, err)) return kExitInvalid;
  size_t width = 2;
  for (const auto& r : rules.rules) width = std::max(width, r.id.size());
  out << fmt::format("{:<{}}  {:<8}  {}\n", "ID", width, "SEVERITY", "TITLE");
  for (const auto& r : rules.rules)
    out << fmt::format("{:<{}}  {:<8}  {}\n", r.id, width, SeverityName(r.severity),
                       Escape(r.title));
  out << fmt::format("{} rules\n", rules.rules.size());
  return kExitPass;
}

namespace {

const char* TriWord(Tri t) { return TriName(t); }

// `explain RULE --provider ID`: the finding, and how each half of the rule
// came out for that provider, with the facts that decided it.
int ExplainForProvider(const CliOptions& o, const Rule& r, std::ostream& out, std::ostream& err) {
  if (o.provider_ids.size() > 1) return UsageError(err, "explain takes one --provider");
  Date as_of = Date::Today();
  if (!o.as_of.empty() && !Date::Parse(o.as_of, &as_of))
    return UsageError(err,
                      fmt::format("--as-of must be a date written YYYY-MM-DD, not '{}'", o.as_of));
  Registry reg;
  if (!LoadRegistryOrReport(o, &reg, err)) return kExitInvalid;
  std::vector<std::string> ids;
  for (const auto& p : reg.providers) ids.push_back(p.id.value);
  if (!CheckSelection(o.provider_ids, ids, "provider", err)) return kExitInvalid;
  const Provider& p = *reg.FindProvider(o.provider_ids[0]);
  EvalContext ctx{as_of, 1};
  const Finding f = Evaluate(r, p, reg, ctx);
  auto print = [&](const char* part, Tri value, const std::vector<Evidence>& ev) {
    out << fmt::format("{}: {}\n", part, TriWord(value));
    for (const Evidence& e : ev) {
      // The message names the path already ("purposes[2] is ...").
      out << fmt::format("  - {} ({}:{}:{})\n", e.message, reg.files.at(e.loc.file), e.loc.line,
                         e.loc.column);
    }
  };
  out << fmt::format("{} for {}: {}\n", r.id, p.id.value, OutcomeName(f.outcome));
  if (r.uses_dates) out << fmt::format("(dates as of {})\n", as_of.ToString());
  out << "\n";
  Tri applies = Tri::kTrue;
  if (r.applies_to) {
    std::vector<Evidence> ev;
    applies = EvaluatePredicate(*r.applies_to, p, reg, ctx, &ev);
    print("applies_to", applies, ev);
  } else {
    out << "applies_to: (none: the rule applies to every provider)\n";
  }
  std::string why;
  if (applies == Tri::kFalse) {
    out << "require: not evaluated\n";
    why = "applies_to is false, so the rule does not apply to this provider";
  } else {
    std::vector<Evidence> ev;
    Tri require = EvaluatePredicate(r.require, p, reg, ctx, &ev);
    print("require", require, ev);
    if (require == Tri::kTrue) {
      why = "require holds";
    } else if (require == Tri::kUnknown) {
      why = "require is unknown: the registry does not state a fact it depends on";
    } else if (applies == Tri::kTrue) {
      why = "the rule applies and require does not hold";
    } else {
      why = "require does not hold, but whether the rule applies is unknown";
    }
  }
  out << fmt::format("\n{}: {}\n", OutcomeName(f.outcome), why);
  if (f.outcome == Outcome::kFail || f.outcome == Outcome::kReview) {
    std::string fix = r.remediation;
    while (!fix.empty() && (fix.back() == '\n' || fix.back() == ' ')) fix.pop_back();
    out << fmt::format("\nRemediation:\n  {}\n", fix);
  }
  return kExitPass;
}

}  // namespace

int RunExplain(const CliOptions& o, std::ostream& out, std::ostream& err) {
  if (o.rule.empty()) return UsageError(err, "explain needs a rule id: vendorlint explain RULE");
  Taxonomy taxonomy;
  if (!LoadTaxonomyOrReport(o, &taxonomy, err)) return kExitInvalid;
  RuleSet rules;
  if (!LoadRulesOrReport(o, taxonomy, &rules, err)) return kExitInvalid;
  const Rule* r = rules.Find(o.rule);
  if (r == nullptr) {
    std::vector<std::string> ids;
    for (const auto& rule : rules.rules) ids.push_back(rule.id);
    return UsageError(err,
                      fmt::format("unknown rule `{}`{}", Excerpt(o.rule), DidYouMeanSuffix(o.rule, ids)));
  }
  if (!o.provider_ids.empty()) return ExplainForProvider(o, *r, out, err);
  // Rule text is input: each field escaped to one line (util/escape.h).
  auto trim = [](std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return Escape(s);
  };
  auto E = [](std::string_view s) { return Escape(s); };
  out << fmt::format("{} [{}]\n{}\n\n", r->id, SeverityName(r->severity), E(r->title));
  out << fmt::format("Description:\n  {}\n\n", trim(r->description));
  out << fmt::format("Rationale:\n  {}\n\n", trim(r->rationale));
  out << "References:\n";
  for (const auto& ref : r->references) {
    out << fmt::format("  - {}{}\n    {}\n", E(ref.title),
                       ref.citation.empty() ? "" : fmt::format(" ({})", E(ref.citation)),
                       E(ref.url));
  }
  out << fmt::format("\nRemediation:\n  {}\n\n", trim(r->remediation));
  out << fmt::format("Tags: {}\n", E(fmt::format("{}", fmt::join(r->tags, ", "))));
  out << fmt::format("Waivable: {}\n", r->waivable ? "yes" : "no");
  out << fmt::format("Defined in: {}\n", E(r->path));
  return kExitPass;
}

int RunTest(const CliOptions& o, std::ostream& out, std::ostream& err) {
  std::error_code ec;
  if (!std::filesystem::is_directory(o.rules_dir, ec))
    return UsageError(err,
                      fmt::format("rules folder not found: {} (use --rules DIR)", o.rules_dir));
  Taxonomy taxonomy;
  if (!LoadTaxonomyOrReport(o, &taxonomy, err)) return kExitInvalid;
  RuleTestOptions options;
  options.rules_dir = o.rules_dir;
  options.rule_ids = o.rule_ids;
  options.threads = o.threads;
  RuleTestResult result = RunRuleTests(options, taxonomy, out);
  if (result.passed + result.failed == 0)
    return UsageError(err, fmt::format("no rules found under {}: nothing to test", o.rules_dir));
  return result.ok() ? kExitPass : kExitFail;
}

}  // namespace vendorlint
