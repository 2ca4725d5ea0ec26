#include "rules/rule_compiler.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "rule_fixtures.h"
#include "test_support.h"

namespace vendorlint {
namespace {

using testing::CompileRuleFromText;
using testing::FormatAll;
using testing::RuleText;

class RuleCompilerTest : public ::testing::Test {
 protected:
  // Compiles a rule `t` whose require (line 10) is `require`; returns the
  // formatted diagnostics ("" when it compiled).
  std::string Errors(const std::string& require, const std::string& applies_to = "",
                     const std::string& extra = "") {
    Rule rule;
    std::vector<Diagnostic> diags;
    bool ok =
        CompileRuleFromText(tax_, "t", RuleText("t", require, applies_to, extra), &rule, &diags);
    EXPECT_EQ(ok, diags.empty()) << FormatAll(diags);
    return FormatAll(diags);
  }
  Taxonomy tax_ = testing::TestTaxonomy();
};

constexpr const char* kPath = "rules/test/t.yaml";

std::string At(int line, int col, const std::string& msg) {
  return std::string(kPath) + ":" + std::to_string(line) + ":" + std::to_string(col) +
         ": error: " + msg + "\n";
}

TEST_F(RuleCompilerTest, ValidRuleCompiles) {
  Rule rule;
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(CompileRuleFromText(
      tax_, "t",
      RuleText("t", "  {field: storage.encrypted_at_rest, equals: true}",
               "  {field: storage.stores_data, equals: true}",
               "message: '{provider.name} does not encrypt'\nwaivable: false\n"),
      &rule, &diags))
      << FormatAll(diags);
  EXPECT_EQ(rule.id, "t");
  EXPECT_EQ(rule.title, "A test rule");
  EXPECT_EQ(rule.severity, Severity::kError);
  ASSERT_EQ(rule.references.size(), 1u);
  EXPECT_EQ(rule.references[0].citation, "16 CFR 312.2");
  EXPECT_EQ(rule.tags, std::vector<std::string>{"test"});
  EXPECT_FALSE(rule.waivable);
  EXPECT_TRUE(rule.applies_to.has_value());
  EXPECT_EQ(rule.message, "{provider.name} does not encrypt");
  EXPECT_FALSE(rule.uses_dates);
  EXPECT_EQ(rule.loc.line, 1u);
  EXPECT_EQ(rule.loc.column, 5u);
}

TEST_F(RuleCompilerTest, UnknownPredicateOperatorSuggests) {
  EXPECT_EQ(Errors("  any_off: []"),
            At(11, 3, "unknown predicate operator `any_off`; did you mean `any_of`?"));
}

TEST_F(RuleCompilerTest, ConditionOperatorWithoutField) {
  EXPECT_EQ(
      Errors("  includes_any: [student]"),
      At(11, 3, "`includes_any` is a field condition operator; add `field: <path>` beside it"));
}

TEST_F(RuleCompilerTest, UnknownConditionOperatorSuggestsFromFieldType) {
  EXPECT_EQ(Errors("  field: purposes\n  includes_anyy: [analytics]"),
            At(12, 3,
               "unknown operator `includes_anyy` in condition on `purposes`; did you mean "
               "`includes_any`?"));
}

TEST_F(RuleCompilerTest, UnknownFieldInFlowScope) {
  EXPECT_EQ(
      Errors("  any:\n    in: data_flows\n    where: {field: subject, includes_any: [student]}"),
      At(13, 20, "unknown field `subject` in data flow scope; did you mean `subjects`?"));
}

TEST_F(RuleCompilerTest, FlowFieldAtProviderScopePointsToQuantifier) {
  EXPECT_EQ(Errors("  {field: categories, includes_any: [user]}"),
            At(11, 11,
               "unknown field `categories` in provider scope; `categories` is a field of "
               "each item in `data_flows`: use any, all or none with `in: data_flows`"));
}

TEST_F(RuleCompilerTest, ProviderFieldInFlowScopeSuggestsPrefix) {
  EXPECT_EQ(
      Errors("  any:\n    in: data_flows\n    where: {field: storage.encrypted_at_rest, equals: "
             "true}"),
      At(13, 20,
         "unknown field `storage.encrypted_at_rest` in data flow scope; write "
         "`provider.storage.encrypted_at_rest` for the provider's field"));
  EXPECT_EQ(
      Errors("  any:\n    in: data_flows\n    where: {field: provider.storage.encrypted_at_rest, "
             "equals: true}"),
      "");
}

TEST_F(RuleCompilerTest, UnknownTaxonomyKeySuggests) {
  EXPECT_EQ(
      Errors("  {field: purposes, includes_any: [analytcs]}"),
      At(11, 36,
         "unknown purpose \"analytcs\" in `includes_any`; did you mean `analytics`? (new keys go "
         "in taxonomy.yaml under `purposes`)"));
}

TEST_F(RuleCompilerTest, TaxonomyKeyOfTheWrongKind) {
  // `student` is a data subject, not a data category.
  EXPECT_EQ(Errors("  none: {in: data_flows, where: {field: categories, includes_any: [student]}}"),
            At(11, 68,
               "unknown data category \"student\" in `includes_any`; `student` is a data "
               "subject, not a data category"));
}

TEST_F(RuleCompilerTest, BadRegexReportedAtPattern) {
  EXPECT_EQ(Errors("  {field: name, matches: '(abc'}"),
            At(11, 26, "invalid regular expression in `matches`: missing ): (abc"));
}

TEST_F(RuleCompilerTest, OperatorOnWrongFieldType) {
  EXPECT_EQ(Errors("  {field: storage.encrypted_at_rest, includes_any: [student]}"),
            At(11, 38,
               "operator `includes_any` does not apply to `storage.encrypted_at_rest`, a "
               "fact (true, false or unknown); use one of: equals, not_equals, exists"));
  EXPECT_EQ(Errors("  {field: qualifiers, includes_any_with: {minor: true}}", "", ""),
            At(11, 11,
               "unknown field `qualifiers` in provider scope; `qualifiers` is a field of "
               "each item in `data_flows`: use any, all or none with `in: data_flows`"));
  EXPECT_EQ(Errors("  any: {in: data_flows, where: {field: qualifiers, includes_any_with: {minor: "
                   "true}}}"),
            At(11, 52,
               "operator `includes_any_with` does not apply to `qualifiers`, a list of "
               "qualifiers; use one of: includes_any, includes_all, includes_none, only, "
               "empty"));
}

TEST_F(RuleCompilerTest, WrongValueTypes) {
  EXPECT_EQ(Errors("  {field: storage.encrypted_at_rest, equals: \"true\"}"),
            At(11, 46, "`equals` must be true or false, not \"true\" (a quoted string)"));
  EXPECT_EQ(Errors("  {field: last_reviewed, within_days: -3}"),
            At(11, 39, "`within_days` must be a number of days from 0 to 365000, not -3"));
  EXPECT_EQ(Errors("  {field: purposes, includes_any: analytics}"),
            At(11, 35, "`includes_any` must be a list of purposes, not \"analytics\""));
  EXPECT_EQ(Errors("  {field: purposes, includes_any: []}"),
            At(11, 35, "`includes_any` needs at least one purpose"));
  EXPECT_EQ(Errors("  all_of: []"), At(11, 11, "`all_of` needs at least one predicate"));
  EXPECT_EQ(Errors("  not: [x]"),
            At(11, 8,
               "a predicate must be a mapping with one operator key (all_of, any_of, not, "
               "any, all, none, host, field), not a list"));
}

TEST_F(RuleCompilerTest, EnumAndQualifierValuesAreChecked) {
  EXPECT_EQ(Errors("  any: {in: data_flows, where: {field: direction, equals: share}}"),
            At(11, 59,
               "`equals` must be one of shared, received, collected, not \"share\"; did you mean "
               "`shared`?"));
  EXPECT_EQ(Errors("  any: {in: data_flows, where: {field: qualifiers, includes_any: [hashd]}}"),
            At(11, 67,
               "`qualifier` must be one of hashed, pseudonymised, anonymised, aggregated, "
               "optional, incidental, on_request, conditional, not \"hashd\"; did you mean "
               "`hashed`?"));
}

TEST_F(RuleCompilerTest, OrganizationSettingsOperand) {
  EXPECT_EQ(Errors("  {field: entity.country, one_of: organization.settings.student_data_countries}"),
            "");
  EXPECT_EQ(
      Errors("  {field: locations.processing, only: organization.settings.countries_of_concern}"),
      "");
  EXPECT_EQ(Errors("  {field: locations.storage, includes_none: organization.settings.countries_of_concen}"),
            At(11, 45,
               "unknown setting `organization.settings.countries_of_concen`; did you mean "
               "`countries_of_concern`?"));
  EXPECT_EQ(Errors("  {field: role, one_of: organization.settings.student_data_countries}"),
            At(11, 25,
               "`one_of` on `role` takes a list, not a setting: only fields of places "
               "(entity.country, locations.*) can be compared with organization.settings"));
  EXPECT_EQ(Errors("  {field: locations.storage, only: organization.name}"),
            At(11, 36,
               "unknown setting `organization.name` (settings of places: "
               "organization.settings.student_data_countries, "
               "organization.settings.countries_of_concern)"));
}

TEST_F(RuleCompilerTest, RegistryV2ValuesAreChecked) {
  EXPECT_EQ(Errors("  {field: role, equals: procesor}"),
            At(11, 25,
               "`equals` must be one of processor, sub_processor, controller, third_party, not "
               "\"procesor\"; did you mean `processor`?"));
  EXPECT_EQ(Errors("  {field: entity.country, equals: CM1}"),
            At(11, 35,
               "`equals` must be one of the 249 values of `entity.country` (docs/registry.md), "
               "not \"CM1\"; did you mean `CM`?"));
  EXPECT_EQ(Errors("  {field: locations.storage, includes_any: [globl]}"),
            At(11, 45,
               "`locations.storage item` must be one of the 252 values of `locations.storage` "
               "(docs/registry.md), not \"globl\"; did you mean `global`?"));
  EXPECT_EQ(Errors("  {field: contracts.transfer_mechanisms, includes_any: [scc, scc]}"),
            At(11, 62, "value `scc` is listed twice in `includes_any`"));
  EXPECT_EQ(Errors("  {field: retention.days, equals: thirty}"),
            At(11, 35,
               "`equals` must be a whole number written in decimal without leading zeros, not "
               "\"thirty\""));
  EXPECT_EQ(Errors("  {field: retention.days, includes_any: [30]}"),
            At(11, 27,
               "operator `includes_any` does not apply to `retention.days`, a whole number; "
               "use one of: equals, not_equals, one_of, exists"));
}

TEST_F(RuleCompilerTest, UnknownAttributeSuggests) {
  EXPECT_EQ(Errors("  any: {in: data_flows, where: {field: subjects, includes_any_with: {minr: "
                   "true}}}"),
            At(11, 70, "unknown data subject attribute `minr`; did you mean `minor`?"));
  EXPECT_EQ(Errors("  {field: purposes, only_with: {minor: true}}"),
            At(11, 33,
               "unknown purpose attribute `minor` (declared for purposes: "
               "integral_to_service)"));
}

TEST_F(RuleCompilerTest, OneOperatorPerPredicate) {
  EXPECT_EQ(Errors("  all_of: [{field: id, exists: true}]\n  any_of: [{field: id, exists: true}]"),
            At(12, 3,
               "a predicate has exactly one operator key, but this one has `all_of` and "
               "`any_of`; combine them with all_of or any_of"));
  EXPECT_EQ(Errors("  {field: name, equals: x, one_of: [y]}"),
            At(11, 28,
               "condition on `name` has more than one operator (`equals` and `one_of`); "
               "combine separate conditions with all_of or any_of"));
  EXPECT_EQ(Errors("  {field: name}"),
            At(11, 3,
               "condition on `name` has no operator; add one of: equals, not_equals, "
               "one_of, matches, exists"));
  EXPECT_EQ(Errors("  {field: name, exists: true, not: {field: id, exists: true}}"),
            At(11, 31,
               "`not` cannot appear beside `field`: a predicate has exactly one operator "
               "key"));
}

TEST_F(RuleCompilerTest, QuantifiersOnlyAtProviderScope) {
  EXPECT_EQ(Errors("  any:\n    in: data_flows\n    where:\n      any: {in: exclusions}"),
            At(14, 7,
               "`any` cannot be used inside `where` (data flow scope): quantifiers and "
               "`host` work at provider scope only"));
  EXPECT_EQ(Errors("  all: {in: flows}"),
            At(11, 13, "`in` must be one of data_flows, exclusions, sources, not \"flows\""));
  EXPECT_EQ(Errors("  none: {in: data_flows, wher: {field: direction, exists: true}}"),
            At(11, 26, "unknown key `wher` in `none` quantifier; did you mean `where`?"));
  EXPECT_EQ(Errors("  host: {chain: true}"), At(11, 9, "missing required key `where` in `host`"));
}

TEST_F(RuleCompilerTest, RuleKeysAndMessage) {
  EXPECT_EQ(Errors("  {field: id, exists: true}", "", "requires: x\n"),
            At(12, 1, "unknown key `requires` in rule; did you mean `require`?"));
  EXPECT_EQ(Errors("  {field: id, exists: true}", "", "message: '{provider.nme} is bad'\n"),
            At(12, 10,
               "unknown placeholder `{provider.nme}` in `message`; did you mean "
               "`provider.name`?"));
  EXPECT_EQ(Errors("  {field: id, exists: true}", "", "message: 'oops {'\n"),
            At(12, 10, "`message` has a `{` without a closing `}`"));
  EXPECT_EQ(Errors("  {field: id, exists: true}", "", "review_message: '{rule.tite} maybe'\n"),
            At(12, 17,
               "unknown placeholder `{rule.tite}` in `review_message`; did you mean "
               "`rule.title`?"));
}

TEST_F(RuleCompilerTest, IdMustEqualFileName) {
  Rule rule;
  std::vector<Diagnostic> diags;
  EXPECT_FALSE(CompileRuleFromText(tax_, "other", RuleText("t", "  {field: id, exists: true}"),
                                   &rule, &diags));
  EXPECT_EQ(FormatAll(diags),
            "rules/test/other.yaml:1:5: error: rule id `t` must equal the file "
            "name `other` (without .yaml)\n");
}

TEST_F(RuleCompilerTest, MissingKeysAllReported) {
  Rule rule;
  std::vector<Diagnostic> diags;
  EXPECT_FALSE(CompileRuleFromText(tax_, "t", "id: t\ntitle: x\nseverity: fatal\n", &rule, &diags));
  EXPECT_EQ(FormatAll(diags),
            "rules/test/t.yaml:3:11: error: `severity` must be one of error, warning, note, not "
            "\"fatal\"\n"
            "rules/test/t.yaml:1:1: error: missing required key `description` in rule\n"
            "rules/test/t.yaml:1:1: error: missing required key `rationale` in rule\n"
            "rules/test/t.yaml:1:1: error: missing required key `references` in rule\n"
            "rules/test/t.yaml:1:1: error: missing required key `tags` in rule\n"
            "rules/test/t.yaml:1:1: error: missing required key `remediation` in rule\n"
            "rules/test/t.yaml:1:1: error: missing required key `require` in rule\n");
}

TEST_F(RuleCompilerTest, EveryErrorInOneRun) {
  std::string errors = Errors(
      "  all_of:\n"
      "    - {field: purposes, includes_any: [analytcs]}\n"
      "    - {field: name, matches: '['}\n"
      "    - {field: storage.encrypted, equals: true}\n");
  EXPECT_NE(errors.find(":12:40: error: unknown purpose"), std::string::npos) << errors;
  EXPECT_NE(errors.find(":13:30: error: invalid regular expression"), std::string::npos) << errors;
  EXPECT_NE(errors.find(":14:15: error: unknown field `storage.encrypted`"), std::string::npos)
      << errors;
}

TEST_F(RuleCompilerTest, DatesAreRecorded) {
  Rule rule;
  std::vector<Diagnostic> diags;
  ASSERT_TRUE(CompileRuleFromText(
      tax_, "t", RuleText("t", "  {field: last_reviewed, within_days: 365}"), &rule, &diags));
  EXPECT_TRUE(rule.uses_dates);
}

class RuleLoadTest : public ::testing::Test {
 protected:
  void Write(const std::string& rel, const std::string& text) {
    testing::WriteFileOrDie(dir_ + "/" + rel, text);
  }
  std::string dir_ = testing::MakeTempDir();
  Taxonomy tax_ = testing::TestTaxonomy();
};

TEST_F(RuleLoadTest, DuplicateIdsAcrossFiles) {
  Write("a/x.yaml", RuleText("x", "  {field: id, exists: true}"));
  Write("b/x.yaml", RuleText("x", "  {field: id, exists: true}"));
  RuleSet set;
  std::vector<Diagnostic> diags;
  EXPECT_FALSE(LoadRules(dir_, tax_, yaml::Limits{}, &set, &diags));
  EXPECT_EQ(FormatAll(diags), dir_ +
                                  "/b/x.yaml:1:5: error: duplicate rule id `x` (also defined at " +
                                  dir_ + "/a/x.yaml:1:5)\n");
  ASSERT_EQ(set.rules.size(), 1u);
  EXPECT_EQ(set.rules[0].path, dir_ + "/a/x.yaml");
}

TEST_F(RuleLoadTest, LoadsSortedSkipsTestsAndReadmeAndReportsBrokenRules) {
  Write("security/zeta.yaml", RuleText("zeta", "  {field: id, exists: true}"));
  Write("privacy/alpha.yaml", RuleText("alpha", "  {field: id, exists: true}"));
  Write("privacy/alpha.test.yaml", "not: a rule");
  Write("README.md", "# rules");
  Write("privacy/broken.yaml", RuleText("broken", "  {field: nope, exists: true}"));
  Write("privacy/old.yml", "id: old");
  RuleSet set;
  std::vector<Diagnostic> diags;
  EXPECT_FALSE(LoadRules(dir_, tax_, yaml::Limits{}, &set, &diags, 4));
  ASSERT_EQ(set.rules.size(), 2u);
  EXPECT_EQ(set.rules[0].id, "alpha");
  EXPECT_EQ(set.rules[1].id, "zeta");
  EXPECT_NE(set.Find("zeta"), nullptr);
  EXPECT_EQ(set.Find("broken"), nullptr);
  ASSERT_EQ(diags.size(), 2u) << FormatAll(diags);
  EXPECT_EQ(diags[0].file, dir_ + "/privacy/broken.yaml");
  EXPECT_EQ(diags[0].line, 11u);
  EXPECT_EQ(diags[1].Format(), dir_ +
                                   "/privacy/old.yml: error: rule and test files must end in "
                                   ".yaml, not .yml");
}

TEST_F(RuleLoadTest, MissingDirectory) {
  RuleSet set;
  std::vector<Diagnostic> diags;
  EXPECT_FALSE(LoadRules(dir_ + "/nope", tax_, yaml::Limits{}, &set, &diags));
  EXPECT_EQ(FormatAll(diags), dir_ + "/nope: error: rules directory not found\n");
}

TEST_F(RuleLoadTest, ResultDoesNotDependOnThreads) {
  for (int i = 0; i < 12; ++i) {
    std::string id = "rule-" + std::to_string(i);
    Write(
        "t" + std::to_string(i % 3) + "/" + id + ".yaml",
        RuleText(id, i % 4 == 0 ? "  {field: bad, exists: true}" : "  {field: id, exists: true}"));
  }
  RuleSet one, many;
  std::vector<Diagnostic> d1, d8;
  LoadRules(dir_, tax_, yaml::Limits{}, &one, &d1, 1);
  LoadRules(dir_, tax_, yaml::Limits{}, &many, &d8, 8);
  EXPECT_EQ(FormatAll(d1), FormatAll(d8));
  ASSERT_EQ(one.rules.size(), many.rules.size());
  for (size_t i = 0; i < one.rules.size(); ++i) EXPECT_EQ(one.rules[i].id, many.rules[i].id);
}

}  // namespace
}  // namespace vendorlint
