#include "rules/rule_test_runner.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "load/organization_loader.h"
#include "load/provider_loader.h"
#include "load/schema_reader.h"
#include "model/registry.h"
#include "rules/evaluator.h"
#include "rules/monotonicity.h"
#include "rules/rule_compiler.h"
#include "util/escape.h"

namespace vendorlint {
namespace {

constexpr std::string_view kExpectations[] = {"pass", "fail", "review", "not_applicable"};
// Not constexpr: `settings` borrows the organisation loader's table.
const KeySpec kCaseKeys[] = {
    {"name", true, KeyShape::kString, "The case's name, unique in the file."},
    {"expect", true, KeyShape::kString, "pass | fail | review | not_applicable.", kExpectations},
    {"provider", true, KeyShape::kProvider,
     "The provider the rule is evaluated for; id, name and sources have defaults."},
    {"others", false, KeyShape::kProviderList,
     "Other providers in the test registry (hosts for `hosted_on`)."},
    {"as_of", false, KeyShape::kDate, "The evaluation date; required when the rule compares dates."},
    {"settings", false, KeyShape::kMapping,
     "The organisation's settings for this case (as in organization.yaml); default: its defaults.",
     {}, OrganizationSettingsKeyTable()},
};
constexpr KeySpec kTestFileKeys[] = {
    {"rule", true, KeyShape::kString, "The id of the rule this file tests."},
    {"cases", true, KeyShape::kMappingList,
     "Test cases; at least one pass and one fail.", {}, kCaseKeys},
};


namespace fs = std::filesystem;

constexpr std::string_view kTestSuffix = ".test.yaml";

yaml::Node Scalar(const yaml::Node& at, std::string value) {
  yaml::Node n;
  n.kind = yaml::NodeKind::kScalar;
  n.line = at.line;
  n.column = at.column;
  n.scalar = std::move(value);
  return n;
}

// A case's provider mapping with the documented defaults filled in, so that a
// case only states what the rule looks at. Added nodes carry the mapping's
// position.
yaml::Node WithDefaults(const yaml::Node& n, bool default_id) {
  yaml::Node out = n;
  if (!out.IsMapping()) return out;
  auto has = [&](std::string_view key) {
    return std::any_of(out.entries.begin(), out.entries.end(),
                       [&](const auto& e) { return e.first.scalar == key; });
  };
  if (default_id && !has("id"))
    out.entries.emplace_back(Scalar(n, "id"), Scalar(n, "test-provider"));
  if (!has("name")) out.entries.emplace_back(Scalar(n, "name"), Scalar(n, "Test Provider"));
  if (!has("sources")) {
    yaml::Node source;
    source.kind = yaml::NodeKind::kMapping;
    source.line = n.line;
    source.column = n.column;
    source.entries.emplace_back(Scalar(n, "disclosure"), Scalar(n, "test"));
    yaml::Node list;
    list.kind = yaml::NodeKind::kSequence;
    list.line = n.line;
    list.column = n.column;
    list.items.push_back(std::move(source));
    out.entries.emplace_back(Scalar(n, "sources"), std::move(list));
  }
  return out;
}

struct Runner {
  const RuleTestOptions& options;
  const Taxonomy& taxonomy;
  const RuleSet& rules;
  std::vector<Diagnostic> out;         // everything to print, in order
  std::vector<Diagnostic> mismatches;  // of the current test file, with their notes
  RuleTestResult result;

  void RunFile(const std::string& path, const Rule& rule);
  void RunCase(SchemaContext* ctx, const yaml::Node& c, const Rule& rule, Registry* reg,
               std::set<std::string>* names, size_t* pass_cases, size_t* fail_cases);
  // Evaluates `rule` on the provider `subject_id` of `providers` (moved into *reg).
  Finding EvaluateIn(const Rule& rule, std::vector<Provider> providers,
                     const std::string& subject_id, const EvalContext& ectx, Registry* reg) const;
  // Drops each stated fact of the case's provider in turn (monotonicity.h);
  // false, with an error per improving drop, if any outcome improves.
  bool CheckMonotonicity(const Rule& rule, const yaml::Node& provider_node,
                         const std::vector<Provider>& others, Outcome stated,
                         const EvalContext& ectx, Registry* reg, const std::string& path,
                         const std::string& case_name);
};

void Runner::RunFile(const std::string& path, const Rule& rule) {
  std::vector<Diagnostic> diags;
  yaml::Node root;
  yaml::Limits limits = options.limits;
  if (limits.root.empty()) limits.root = options.rules_dir;  // test files stay inside it too
  if (!yaml::ParseFile(path, limits, &root, &diags)) {
    // An empty, comment-only, unreadable or unparseable test file tests
    // nothing: a failure, or a pull request could switch a rule's tests off.
    result.failed += std::max<size_t>(1, CountErrors(diags));
    out.insert(out.end(), diags.begin(), diags.end());
    return;
  }
  SchemaContext ctx(path, 0, &diags);
  MappingReader m(&ctx, root, "rule test file", KeyNames(kTestFileKeys));
  if (const yaml::Node* r = m.Require("rule")) {
    LocatedString id;
    if (ReadId(&ctx, *r, "rule", &id) && id.value != rule.id) {
      ctx.Error(*r, fmt::format("`rule` must be `{}`, the rule this file tests (its name without "
                                ".test.yaml)",
                                rule.id));
    }
  }
  const yaml::Node* cases = m.Require("cases");
  if (cases != nullptr && (!cases->IsSequence() || cases->items.empty())) {
    ctx.Error(*cases, cases->IsSequence() ? std::string("`cases` needs at least one case")
                                          : std::string("`cases` must be a list of test cases"));
    cases = nullptr;
  }
  if (cases != nullptr) {
    Registry reg;
    reg.files = {path};
    reg.taxonomy = taxonomy;
    std::set<std::string> names;
    size_t pass_cases = 0, fail_cases = 0;
    for (const yaml::Node& c : cases->items) {
      RunCase(&ctx, c, rule, &reg, &names, &pass_cases, &fail_cases);
    }
    if (pass_cases == 0 || fail_cases == 0) {
      ctx.Error(*cases, fmt::format("rule `{}` needs at least one `pass` case and one `fail` "
                                    "case (has {} pass, {} fail)",
                                    rule.id, pass_cases, fail_cases));
    }
  }
  // A file's errors first (sorted), then its mismatches in case order.
  result.failed += CountErrors(diags);
  SortDiagnostics(&diags);
  out.insert(out.end(), diags.begin(), diags.end());
  out.insert(out.end(), mismatches.begin(), mismatches.end());
  mismatches.clear();
}

void Runner::RunCase(SchemaContext* ctx, const yaml::Node& c, const Rule& rule, Registry* reg,
                     std::set<std::string>* names, size_t* pass_cases, size_t* fail_cases) {
  size_t before = ctx->errors();
  MappingReader m(ctx, c, "test case", KeyNames(kCaseKeys));
  if (!m.is_mapping()) return;
  LocatedString name;
  if (const yaml::Node* n = m.Require("name")) {
    if (ReadString(ctx, *n, "name", &name) && !names->insert(name.value).second)
      ctx->Error(*n, fmt::format("two cases are named {}", Quote(name.value)));
  }
  Outcome expect = Outcome::kPass;
  if (const yaml::Node* e = m.Require("expect")) {
    size_t i = 0;
    if (ReadEnum(ctx, *e, "expect", {std::begin(kExpectations), std::end(kExpectations)}, &i)) {
      ParseOutcome(std::string(kExpectations[i]), &expect);
      if (expect == Outcome::kPass) ++*pass_cases;
      if (expect == Outcome::kFail) ++*fail_cases;
    }
  }
  EvalContext ectx;
  ectx.as_of = Date{2000, 1, 1};  // unused: date rules must give as_of
  if (const yaml::Node* a = m.Find("as_of")) {
    Located<Date> d;
    if (ReadDate(ctx, *a, "as_of", &d)) ectx.as_of = d.value;
  } else if (rule.uses_dates) {
    ctx->Error(c, fmt::format("case needs `as_of` (YYYY-MM-DD): rule `{}` compares dates, and "
                              "its tests must not depend on today's date",
                              rule.id));
  }
  // The organisation's settings for rules that read them: the defaults of an
  // organization.yaml without `settings`, or the case's own.
  reg->organization.settings = DefaultOrganizationSettings();
  if (const yaml::Node* st = m.Find("settings"))
    ReadOrganizationSettings(ctx, *st, &reg->organization.settings);
  std::vector<Provider> providers(1);
  const yaml::Node* provider_node = m.Require("provider");
  if (provider_node != nullptr)
    ReadProvider(ctx, WithDefaults(*provider_node, true), taxonomy, "", &providers[0]);
  if (const yaml::Node* others = m.Find("others")) {
    if (!others->IsSequence()) {
      ctx->Error(*others, "`others` must be a list of provider mappings");
    } else {
      for (const yaml::Node& o : others->items) {
        providers.emplace_back();
        ReadProvider(ctx, WithDefaults(o, false), taxonomy, "", &providers.back());
      }
    }
  }
  if (ctx->errors() != before) return;

  std::set<std::string> ids;
  for (const Provider& p : providers) {
    if (!ids.insert(p.id.value).second)
      ctx->ErrorAt(p.id.loc.line, p.id.loc.column,
                   fmt::format("provider id `{}` is used twice in this case", p.id.value));
  }
  std::vector<Diagnostic> ref_diags;
  CheckProviderReferences(providers, {}, reg->files.paths(), &ref_diags);
  for (const Diagnostic& d : ref_diags) ctx->ErrorAt(d.line, d.column, d.message);
  if (ctx->errors() != before) return;

  const std::string subject_id = providers[0].id.value;
  std::vector<Provider> others(providers.begin() + 1, providers.end());
  Finding f = EvaluateIn(rule, std::move(providers), subject_id, ectx, reg);
  const std::string& path = ctx->path();
  // `validate` reads every case but leaves outcomes to `vendorlint test`.
  if (!options.check_outcomes) {
    ++result.passed;
    return;
  }
  if (f.outcome != expect) {
    ++result.failed;
    mismatches.push_back(
        Diagnostic{path, c.line, c.column, Severity::kError,
                   fmt::format("rule {} case \"{}\": expected {}, got {}", rule.id,
                               Excerpt(name.value), OutcomeName(expect), OutcomeName(f.outcome))});
    for (const Evidence& e : f.evidence)
      mismatches.push_back(Diagnostic{path, e.loc.line, e.loc.column, Severity::kNote, e.message});
    return;
  }
  if (options.check_monotonicity &&
      !CheckMonotonicity(rule, *provider_node, others, f.outcome, ectx, reg, path, name.value)) {
    ++result.failed;
    return;
  }
  ++result.passed;
}

Finding Runner::EvaluateIn(const Rule& rule, std::vector<Provider> providers,
                           const std::string& subject_id, const EvalContext& ectx,
                           Registry* reg) const {
  reg->providers = std::move(providers);
  std::sort(reg->providers.begin(), reg->providers.end(),
            [](const Provider& a, const Provider& b) { return a.id.value < b.id.value; });
  return Evaluate(rule, *reg->FindProvider(subject_id), *reg, ectx);
}

bool Runner::CheckMonotonicity(const Rule& rule, const yaml::Node& provider_node,
                               const std::vector<Provider>& others, Outcome stated,
                               const EvalContext& ectx, Registry* reg, const std::string& path,
                               const std::string& case_name) {
  bool ok = true;
  for (DroppedFact& drop : DropEachFact(provider_node)) {
    // A drop that leaves the provider invalid (a required key) is no
    // statement the registry could make; skip it.
    std::vector<Diagnostic> scratch;
    SchemaContext quiet(path, 0, &scratch);
    std::vector<Provider> providers(1);
    if (!ReadProvider(&quiet, WithDefaults(drop.provider, true), taxonomy, "", &providers[0]))
      continue;
    providers.insert(providers.end(), others.begin(), others.end());
    std::vector<Diagnostic> ref_diags;
    CheckProviderReferences(providers, {}, reg->files.paths(), &ref_diags);
    if (!ref_diags.empty()) continue;
    const std::string id = providers[0].id.value;
    Finding after = EvaluateIn(rule, std::move(providers), id, ectx, reg);
    if (!ImprovesOnDrop(stated, after.outcome)) continue;
    ok = false;
    mismatches.push_back(Diagnostic{
        path, drop.line, drop.column, Severity::kError,
        fmt::format("rule {} case \"{}\": leaving out {} turns {} into {}: an unstated fact must "
                    "never give a better outcome than a stated one (see docs/rules.md, "
                    "\"Monotonicity\")",
                    rule.id, Excerpt(case_name), drop.path, OutcomeName(stated),
                    OutcomeName(after.outcome))});
  }
  return ok;
}

}  // namespace

RuleTestReport CollectRuleTests(const RuleTestOptions& options, const Taxonomy& taxonomy) {
  RuleSet rules;
  std::vector<Diagnostic> load_diags;
  LoadRules(options.rules_dir, taxonomy, options.limits, &rules, &load_diags, options.threads);
  Runner runner{options, taxonomy, rules, {}, {}, {}};
  runner.result.failed += CountErrors(load_diags);
  runner.out = std::move(load_diags);

  auto wanted = [&](const std::string& id) {
    return options.rule_ids.empty() || std::find(options.rule_ids.begin(), options.rule_ids.end(),
                                                 id) != options.rule_ids.end();
  };

  // Test files, and the rule each belongs to (same folder, same stem).
  std::vector<std::string> tests;
  std::error_code ec;
  if (fs::is_directory(options.rules_dir, ec)) {
    fs::recursive_directory_iterator it(options.rules_dir, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().filename().string().ends_with(kTestSuffix))
        tests.push_back(it->path().string());
    }
  }
  std::sort(tests.begin(), tests.end());
  std::set<std::string> tested;
  std::vector<Diagnostic> orphans;
  for (const std::string& t : tests) {
    std::string rule_path = t.substr(0, t.size() - kTestSuffix.size()) + ".yaml";
    const Rule* rule = nullptr;
    for (const Rule& r : rules.rules)
      if (r.path == rule_path) rule = &r;
    if (rule == nullptr) {
      // A rule that failed to compile has been reported already.
      if (!fs::exists(rule_path, ec)) {
        orphans.push_back(
            Diagnostic{t, 0, 0, Severity::kError,
                       fmt::format("test file without a rule: {} does not exist", rule_path)});
      }
      continue;
    }
    tested.insert(rule->id);
    if (wanted(rule->id)) runner.RunFile(t, *rule);
  }
  for (const Rule& r : rules.rules) {
    if (tested.count(r.id) || !wanted(r.id)) continue;
    std::string test_path = r.path.substr(0, r.path.size() - 5) + std::string(kTestSuffix);
    orphans.push_back(
        Diagnostic{r.path, r.loc.line, r.loc.column, Severity::kError,
                   fmt::format("rule `{}` has no test file (expected {})", r.id, test_path)});
  }
  runner.result.failed += orphans.size();
  runner.out.insert(runner.out.end(), orphans.begin(), orphans.end());

  return RuleTestReport{runner.result, std::move(runner.out)};
}

RuleTestResult RunRuleTests(const RuleTestOptions& options, const Taxonomy& taxonomy,
                            std::ostream& os) {
  RuleTestReport report = CollectRuleTests(options, taxonomy);
  for (const Diagnostic& d : report.diagnostics) os << d.Format() << '\n';
  os << report.result.passed << " passed, " << report.result.failed << " failed\n";
  return report.result;
}

std::span<const KeySpec> RuleTestKeyTable() { return kTestFileKeys; }

}  // namespace vendorlint
