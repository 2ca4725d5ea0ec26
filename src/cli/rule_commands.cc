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

#include "cli/commands.h"
#include "util/did_you_mean.h"
#include "load/registry_loader.h"
#include "report/json_report.h"
#include "report/report.h"
#include "report/text_report.h"
#include "rules/evaluator.h"
#include "rules/rule_compiler.h"
#include "rules/rule_test_runner.h"
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
    ReportInvalidInput(diags, o.rules_dir, err);
  }
  return ok;
}

bool LoadTaxonomyOrReport(const CliOptions& o, Taxonomy* taxonomy, std::ostream& err) {
  std::vector<Diagnostic> diags;
  std::string path = (std::filesystem::path(o.registry_dir) / "taxonomy.yaml").generic_string();
  if (LoadTaxonomyFile(path, 0, yaml::Limits{}, taxonomy, &diags)) return true;
  ReportInvalidInput(diags, path, err);
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

int RunValidate(const CliOptions& o, std::ostream& out, std::ostream& err) {
  Registry reg;
  if (!LoadRegistryOrReport(o, &reg, err)) return kExitInvalid;
  RuleSet rules;
  if (!LoadRulesOrReport(o, reg.taxonomy, &rules, err)) return kExitInvalid;
  out << fmt::format("{}: valid: {} providers, {} data flows, {} contexts\n", o.registry_dir,
                     reg.providers.size(), reg.FlowCount(), reg.organization.contexts.size());
  out << fmt::format("{}: valid: {} rules\n", o.rules_dir, rules.rules.size());
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
