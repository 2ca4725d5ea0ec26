#include "rules/rule_test_runner.h"

#include <gtest/gtest.h>

#include <sstream>

#include "rule_fixtures.h"
#include "test_support.h"

namespace vendorlint {
namespace {

using testing::RuleText;

class RuleTestRunnerTest : public ::testing::Test {
 protected:
  RuleTestResult Run(const std::string& rules_dir, std::string* output) {
    RuleTestOptions options;
    options.rules_dir = rules_dir;
    std::ostringstream out;
    RuleTestResult r = RunRuleTests(options, tax_, out);
    *output = out.str();
    return r;
  }
  void Write(const std::string& rel, const std::string& text) {
    testing::WriteFileOrDie(dir_ + "/" + rel, text);
  }
  // A rule `r` that requires encryption at rest, and a test file for it.
  void WriteEncryptionRule(const std::string& cases) {
    Write("s/r.yaml", RuleText("r", "  {field: storage.encrypted_at_rest, equals: true}"));
    Write("s/r.test.yaml", "rule: r\ncases:\n" + cases);
  }
  Taxonomy tax_ = testing::TestTaxonomy();
  std::string dir_ = testing::MakeTempDir();
};

constexpr const char* kGoodCases =
    "  - name: encrypted\n"
    "    expect: pass\n"
    "    provider: {storage: {encrypted_at_rest: true}}\n"
    "  - name: not encrypted\n"
    "    expect: fail\n"
    "    provider: {storage: {encrypted_at_rest: false}}\n";

TEST_F(RuleTestRunnerTest, FixtureRulesPass) {
  std::string out;
  RuleTestResult r = Run(testing::SourceDir() + "/tests/rules/fixtures/rules", &out);
  EXPECT_TRUE(r.ok()) << out;
  EXPECT_EQ(r.passed, 9u);
  EXPECT_EQ(out, "9 passed, 0 failed\n");
}

TEST_F(RuleTestRunnerTest, MismatchIsReportedAtTheCaseWithEvidence) {
  WriteEncryptionRule(std::string(kGoodCases) +
                      "  - name: silent\n"
                      "    expect: fail\n"
                      "    provider:\n"
                      "      id: quiet\n"
                      "      storage: {stores_data: true}\n");
  std::string out;
  RuleTestResult r = Run(dir_, &out);
  EXPECT_EQ(r.passed, 2u);
  EXPECT_EQ(r.failed, 1u);
  EXPECT_EQ(out, dir_ +
                     "/s/r.test.yaml:9:5: error: rule r case \"silent\": expected fail, got "
                     "review\n" +
                     dir_ +
                     "/s/r.test.yaml:13:16: note: storage.encrypted_at_rest is not stated\n"
                     "2 passed, 1 failed\n");
}

TEST_F(RuleTestRunnerTest, RuleWithoutTestsIsAnError) {
  Write("s/r.yaml", RuleText("r", "  {field: storage.encrypted_at_rest, equals: true}"));
  std::string out;
  RuleTestResult r = Run(dir_, &out);
  EXPECT_EQ(r.failed, 1u);
  EXPECT_EQ(out, dir_ + "/s/r.yaml:1:5: error: rule `r` has no test file (expected " + dir_ +
                     "/s/r.test.yaml)\n0 passed, 1 failed\n");
}

TEST_F(RuleTestRunnerTest, TestsWithoutRuleAndBrokenRulesAreErrors) {
  Write("s/gone.test.yaml", "rule: gone\ncases: []\n");
  Write("s/broken.yaml", RuleText("broken", "  {field: nope, exists: true}"));
  Write("s/broken.test.yaml", "rule: broken\ncases: []\n");
  std::string out;
  RuleTestResult r = Run(dir_, &out);
  EXPECT_EQ(r.failed, 2u) << out;
  EXPECT_NE(out.find(dir_ + "/s/broken.yaml:11:11: error: unknown field `nope`"), std::string::npos)
      << out;
  EXPECT_NE(out.find(dir_ + "/s/gone.test.yaml: error: test file without a rule: " + dir_ +
                     "/s/gone.yaml does not exist\n"),
            std::string::npos)
      << out;
  EXPECT_TRUE(out.ends_with("0 passed, 2 failed\n")) << out;
}

TEST_F(RuleTestRunnerTest, NeedsPassAndFailCases) {
  WriteEncryptionRule(
      "  - name: encrypted\n"
      "    expect: pass\n"
      "    provider: {storage: {encrypted_at_rest: true}}\n");
  std::string out;
  RuleTestResult r = Run(dir_, &out);
  EXPECT_EQ(r.passed, 1u);
  EXPECT_EQ(r.failed, 1u);
  EXPECT_EQ(out, dir_ +
                     "/s/r.test.yaml:3:3: error: rule `r` needs at least one `pass` case and "
                     "one `fail` case (has 1 pass, 0 fail)\n1 passed, 1 failed\n");
}

TEST_F(RuleTestRunnerTest, BrokenCasesAreReportedWhereTheyAre) {
  WriteEncryptionRule(std::string(kGoodCases) +
                      "  - name: typo\n"
                      "    expect: passs\n"
                      "    provider: {storage: {encrypted: true}}\n"
                      "  - name: encrypted\n"
                      "    expect: pass\n"
                      "    provider: {storage: {encrypted_at_rest: true}}\n"
                      "  - name: two with one id\n"
                      "    expect: pass\n"
                      "    provider: {}\n"
                      "    others: [{id: test-provider}]\n");
  std::string out;
  RuleTestResult r = Run(dir_, &out);
  EXPECT_EQ(r.passed, 2u);
  EXPECT_EQ(r.failed, 4u) << out;
  EXPECT_NE(out.find("r.test.yaml:10:13: error: `expect` must be one of pass, fail, review, "
                     "not_applicable, not \"passs\"; did you mean `pass`?\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("r.test.yaml:11:26: error: unknown key `encrypted` in storage"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("r.test.yaml:12:11: error: two cases are named \"encrypted\"\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("error: provider id `test-provider` is used twice in this case\n"),
            std::string::npos)
      << out;
}

TEST_F(RuleTestRunnerTest, DateRulesNeedAsOf) {
  Write("s/d.yaml", RuleText("d", "  {field: last_reviewed, within_days: 30}"));
  Write("s/d.test.yaml",
        "rule: d\ncases:\n"
        "  - {name: recent, expect: pass, as_of: 2025-02-01, provider: {last_reviewed: "
        "2025-01-15}}\n"
        "  - {name: old, expect: fail, provider: {last_reviewed: 2020-01-15}}\n");
  std::string out;
  RuleTestResult r = Run(dir_, &out);
  EXPECT_EQ(r.passed, 1u);
  EXPECT_EQ(out, dir_ +
                     "/s/d.test.yaml:4:5: error: case needs `as_of` (YYYY-MM-DD): rule `d` "
                     "compares dates, and its tests must not depend on today's date\n"
                     "1 passed, 1 failed\n");
}

TEST_F(RuleTestRunnerTest, RuleIdMustMatch) {
  Write("s/r.yaml", RuleText("r", "  {field: storage.encrypted_at_rest, equals: true}"));
  Write("s/r.test.yaml", std::string("rule: q\ncases:\n") + kGoodCases);
  std::string out;
  RuleTestResult r = Run(dir_, &out);
  EXPECT_EQ(r.passed, 2u);
  EXPECT_EQ(out, dir_ +
                     "/s/r.test.yaml:1:7: error: `rule` must be `r`, the rule this file tests "
                     "(its name without .test.yaml)\n2 passed, 1 failed\n");
}

TEST_F(RuleTestRunnerTest, FilterByRuleId) {
  WriteEncryptionRule(kGoodCases);
  Write("s/other.yaml", RuleText("other", "  {field: id, exists: true}"));
  RuleTestOptions options;
  options.rules_dir = dir_;
  options.rule_ids = {"r"};
  std::ostringstream out;
  RuleTestResult r = RunRuleTests(options, tax_, out);
  EXPECT_EQ(out.str(), "2 passed, 0 failed\n");
  EXPECT_TRUE(r.ok());
}

// The old wrong pass: a provider's own encryption counted, and a provider
// silent on it was not concerned at all. Dropping `encrypted_at_rest: false`
// turns the fail into not_applicable, which the checker must report at the
// dropped key.
TEST_F(RuleTestRunnerTest, MonotonicityViolationIsReportedAtTheDroppedKey) {
  Write("s/r.yaml", RuleText("r", "  {field: storage.encrypted_at_rest, equals: true}",
                             "  {field: storage.encrypted_at_rest, exists: true}"));
  Write("s/r.test.yaml",
        "rule: r\n"
        "cases:\n"
        "  - name: encrypted\n"
        "    expect: pass\n"
        "    provider: {storage: {encrypted_at_rest: true}}\n"
        "  - name: not encrypted\n"
        "    expect: fail\n"
        "    provider:\n"
        "      storage: {stores_data: true, encrypted_at_rest: false}\n");
  std::string out;
  RuleTestResult r = Run(dir_, &out);
  EXPECT_EQ(r.passed, 1u);
  EXPECT_EQ(r.failed, 1u);
  EXPECT_EQ(out, dir_ +
                     "/s/r.test.yaml:9:7: error: rule r case \"not encrypted\": leaving out "
                     "storage turns fail into not_applicable: an unstated fact must never give a "
                     "better outcome than a stated one (see docs/rules.md, \"Monotonicity\")\n" +
                     dir_ +
                     "/s/r.test.yaml:9:36: error: rule r case \"not encrypted\": leaving out "
                     "storage.encrypted_at_rest turns fail into not_applicable: an unstated fact "
                     "must never give a better outcome than a stated one (see docs/rules.md, "
                     "\"Monotonicity\")\n"
                     "1 passed, 1 failed\n");
  // The same rule passes its tests when the check is off: the failure above
  // is the checker's alone.
  RuleTestOptions options;
  options.rules_dir = dir_;
  options.check_monotonicity = false;
  std::ostringstream quiet;
  EXPECT_TRUE(RunRuleTests(options, tax_, quiet).ok()) << quiet.str();
}

// fail -> review is not an improvement (a stated fact became unknown), and a
// flow's `qualifiers` are never dropped (absent means none).
TEST_F(RuleTestRunnerTest, MonotoneRuleHasNoViolations) {
  Write("s/r.yaml",
        RuleText("r",
                 "  none:\n"
                 "    in: data_flows\n"
                 "    where:\n"
                 "      all_of:\n"
                 "        - {field: subjects, includes_any: [student]}\n"
                 "        - {field: qualifiers, includes_none: [aggregated]}\n"));
  Write("s/r.test.yaml",
        "rule: r\n"
        "cases:\n"
        "  - name: student data fails\n"
        "    expect: fail\n"
        "    provider:\n"
        "      data_flows: [{direction: shared, subjects: [student], categories: [user.name]}]\n"
        "  - name: aggregated passes\n"
        "    expect: pass\n"
        "    provider:\n"
        "      data_flows:\n"
        "        - {direction: shared, subjects: [student], categories: [user.name], "
        "qualifiers: [aggregated]}\n");
  std::string out;
  RuleTestResult r = Run(dir_, &out);
  EXPECT_TRUE(r.ok()) << out;
  EXPECT_EQ(out, "2 passed, 0 failed\n");
}

}  // namespace
}  // namespace vendorlint
