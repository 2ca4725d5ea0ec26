// `vendorlint check` end to end: the gate's exit codes, pinned findings on
// both disclosure editions, the pull-request scenario, determinism.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;
using testing::CopyProject;
using testing::MakeTempDir;
using testing::ReadFileOrDie;
using testing::RunVendorlint;
using testing::SourceDir;
using testing::WriteFileOrDie;

using testing::ExpectGolden;

const char kAsOf[] = "--as-of=2026-11-22";

TEST(Check, PinsTheFindingsOfTheLaterEdition) {
  auto r = RunVendorlint({"check", kAsOf}, SourceDir());
  EXPECT_EQ(r.exit_code, 1) << r.err;  // the real registry fails the gate today
  EXPECT_EQ(r.err, "");
  ExpectGolden(r.out, "registry.check.txt");
}

TEST(Check, PinsTheFindingsOfTheEarlierEdition) {
  auto r = RunVendorlint(
      {"check", kAsOf, "--format", "json", "--registry", "tests/fixtures/registry-earlier"},
      SourceDir());
  // The earlier edition fails only warning rules: its one error failure (Twitter
  // getting student data) came from spelling "user" as four subjects.
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // Machine formats on stdout leave the human summary to stderr.
  EXPECT_TRUE(r.err.starts_with("33 providers, 29 rules: ")) << r.err;
  EXPECT_TRUE(r.err.ends_with("; gate: PASS (--fail-on error)\n")) << r.err;
  ExpectGolden(r.out, "registry-earlier.check.json");
}

TEST(Check, AStudentFlowToAnAdVendorTurnsTheGateRed) {
  std::string dir = CopyProject();
  std::vector<std::string> args = {"check", kAsOf, "--rule", "no-student-data-to-advertisers"};
  auto before = RunVendorlint(args, dir);
  EXPECT_EQ(before.exit_code, 0) << before.out << before.err;

  // The pull request: Facebook Ads now gets student names.
  std::string path = dir + "/registry/providers/facebook-ads.yaml";
  std::string text = ReadFileOrDie(path);
  size_t at = text.find("exclusions:");
  ASSERT_NE(at, std::string::npos);
  text.insert(at,
              "  - direction: shared\n"
              "    subjects: [student]\n"
              "    categories: [user.name]\n");
  WriteFileOrDie(path, text);
  int flow_line = 0;
  for (size_t i = 0; i < at; ++i) flow_line += text[i] == '\n';
  auto after = RunVendorlint(args, dir);
  EXPECT_EQ(after.exit_code, 1) << after.out << after.err;
  EXPECT_NE(after.out.find("no-student-data-to-advertisers [error]"), std::string::npos)
      << after.out;
  EXPECT_NE(after.out.find("  FAIL   facebook-ads no-student-data-to-advertisers [error]  "
                           "registry/providers/facebook-ads.yaml:" +
                           std::to_string(flow_line + 2) + ":"),
            std::string::npos)
      << after.out;
  EXPECT_NE(after.out.find("data_flows[3]"), std::string::npos) << after.out;
  EXPECT_NE(after.out.find("gate: FAIL"), std::string::npos) << after.out;
}

TEST(Check, ExitCodesFollowFailOnAndStrict) {
  std::string src = SourceDir();
  EXPECT_EQ(RunVendorlint({"check", kAsOf, "--fail-on", "none"}, src).exit_code, 0);
  // Only review findings for this rule: they fail the gate only with --strict.
  std::vector<std::string> review_only = {"check", kAsOf, "--rule",
                                          "personal-data-encrypted-at-rest"};
  EXPECT_EQ(RunVendorlint(review_only, src).exit_code, 0);
  review_only.push_back("--strict");
  EXPECT_EQ(RunVendorlint(review_only, src).exit_code, 1);
  // A warning rule's failures fail the gate at --fail-on warning only.
  std::vector<std::string> warning_rule = {"check", kAsOf, "--rule", "privacy-policy-recorded"};
  EXPECT_EQ(RunVendorlint(warning_rule, src).exit_code, 0);
  warning_rule.insert(warning_rule.end(), {"--fail-on", "warning"});
  EXPECT_EQ(RunVendorlint(warning_rule, src).exit_code, 1);
}

TEST(Check, SummaryCountsWhatTheSelectionEvaluated) {
  auto r = RunVendorlint({"check", kAsOf, "--rule", "sources-cite-row", "--rule",
                          "sources-cite-row", "--provider", "aws", "--provider", "aws"},
                         SourceDir());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(
      r.out.ends_with("1 providers, 1 rules: 1 pass, 0 fail, 0 review, 0 waived, 0 not "
                      "applicable; gate: PASS (--fail-on error)\n"))
      << r.out;
}

TEST(Check, UsageErrorsExitTwoBeforeEvaluating) {
  std::string src = SourceDir();
  auto r = RunVendorlint({"check", "--fail-on", "fatal"}, src);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "vendorlint: error: --fail-on must be error, warning, note or none, not 'fatal'\n"
            "see `vendorlint check --help`\n");
  r = RunVendorlint({"check", "--color", "allways"}, src);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "vendorlint: error: --color must be auto, always or never, not 'allways'; did you "
            "mean `always`?\n"
            "see `vendorlint check --help`\n");
  r = RunVendorlint({"check", "--as-of", "2026-02-30"}, src);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "vendorlint: error: --as-of must be a date written YYYY-MM-DD, not '2026-02-30'\n"
            "see `vendorlint check --help`\n");
  r = RunVendorlint({"check", "--format", "xml"}, src);
  EXPECT_EQ(r.exit_code, 2);
  r = RunVendorlint({"check", "--rule", "no-student-data-to-advertiser", "--provider", "awz"}, src);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "vendorlint: error: unknown rule `no-student-data-to-advertiser`; did you mean "
            "`no-student-data-to-advertisers`?\n"
            "vendorlint: error: unknown provider `awz`; did you mean `aws`?\n");
}

TEST(Check, AGateWithoutRulesIsAnError) {
  std::string empty = MakeTempDir();
  auto r = RunVendorlint({"check", kAsOf, "--rules", empty}, SourceDir());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "vendorlint: error: no rules found under " + empty + ": nothing to check\n");
  auto t = RunVendorlint({"test", "--rules", empty}, SourceDir());
  EXPECT_EQ(t.exit_code, 2);
  EXPECT_EQ(t.err, "vendorlint: error: no rules found under " + empty + ": nothing to test\n");
  auto missing = RunVendorlint({"test", "--rules", "no-such-dir"}, SourceDir());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err,
            "vendorlint: error: rules folder not found: no-such-dir (use --rules DIR)\n");
}

TEST(Check, ABrokenRuleStopsEverythingAndKeepsTheOldReport) {
  std::string dir = CopyProject();
  std::string report = dir + "/report.json";
  auto ok = RunVendorlint({"check", kAsOf, "--format", "json", "--output", report}, dir);
  EXPECT_EQ(ok.exit_code, 1);
  EXPECT_EQ(ok.out, "");
  std::string first = ReadFileOrDie(report);
  EXPECT_TRUE(first.starts_with("{\n  \"format_version\": \"1.0\",")) << first.substr(0, 100);

  WriteFileOrDie(dir + "/rules/security/broken.yaml",
                 "id: broken\ntitle: T\nseverity: error\ndescription: d\nrationale: r\n"
                 "references: [{title: t, url: https://example.com/x}]\ntags: [x]\n"
                 "remediation: r\nrequire: {field: storage.encrypted_at_rest, equal: true}\n");
  auto bad = RunVendorlint({"check", kAsOf, "--format", "json", "--output", report}, dir);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.out, "");
  EXPECT_NE(bad.err.find("rules/security/broken.yaml:9:"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("did you mean `equals`?"), std::string::npos) << bad.err;
  EXPECT_EQ(ReadFileOrDie(report), first);  // untouched
}

TEST(Check, OutputIsIdenticalForAnyThreadCount) {
  std::string src = SourceDir();
  auto one = RunVendorlint({"check", kAsOf, "--format", "json", "--threads", "1"}, src);
  auto two = RunVendorlint({"check", kAsOf, "--format", "json", "--threads", "2"}, src);
  auto many = RunVendorlint({"check", kAsOf, "--format", "json", "--threads", "7"}, src);
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.out, many.out);
}

TEST(Check, ColourOnlyWhenAskedOrOnATerminal) {
  std::string src = SourceDir();
  std::vector<std::string> args = {"check", kAsOf, "--rule", "privacy-policy-recorded"};
  auto plain = RunVendorlint(args, src);  // stdout is a file: no colour
  EXPECT_EQ(plain.out.find('\x1b'), std::string::npos);
  args.insert(args.end(), {"--color", "always"});
  auto color = RunVendorlint(args, src, {"NO_COLOR="});
  EXPECT_NE(color.out.find('\x1b'), std::string::npos);
}

// Through a pseudo-terminal, as a person at a terminal sees it: colour by
// default, none when NO_COLOR is set.
TEST(Check, ColourOnATerminalHonoursNoColor) {
  // --verbose: the warning-level fails are listed with their outcome.
  std::vector<std::string> args = {"check", "--as-of", "2026-11-22", "--rule",
                                   "privacy-policy-recorded", "--verbose"};
  auto tty = testing::RunVendorlintOnTerminal(args, SourceDir(), {"-NO_COLOR"});
  EXPECT_EQ(tty.exit_code, 0);
  ASSERT_NE(tty.out.find("FAIL"), std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find("\x1b[1;31mFAIL  \x1b[0m"), std::string::npos) << tty.out;
  auto no_color = testing::RunVendorlintOnTerminal(args, SourceDir(), {"NO_COLOR=1"});
  ASSERT_NE(no_color.out.find("FAIL"), std::string::npos) << no_color.out;
  EXPECT_EQ(no_color.out.find('\x1b'), std::string::npos) << no_color.out;
}

TEST(Check, RulesExplainAndTestCommands) {
  std::string src = SourceDir();
  auto rules = RunVendorlint({"rules"}, src);
  EXPECT_EQ(rules.exit_code, 0) << rules.err;
  EXPECT_TRUE(rules.out.starts_with("ID ")) << rules.out;
  EXPECT_NE(rules.out.find("no-student-data-to-advertisers"), std::string::npos);

  auto explain = RunVendorlint({"explain", "personal-data-encrypted-at-rest"}, src);
  EXPECT_EQ(explain.exit_code, 0) << explain.err;
  EXPECT_TRUE(explain.out.starts_with("personal-data-encrypted-at-rest [error]\n")) << explain.out;
  EXPECT_NE(explain.out.find("References:\n"), std::string::npos);
  EXPECT_NE(explain.out.find("SC-28"), std::string::npos);
  auto unknown = RunVendorlint({"explain", "personal-data-encrypted"}, src);
  EXPECT_EQ(unknown.exit_code, 2);

  auto test = RunVendorlint({"test"}, src);
  EXPECT_EQ(test.exit_code, 0) << test.out << test.err;
  EXPECT_NE(test.out.find(" passed, 0 failed\n"), std::string::npos) << test.out;
}

TEST(Check, RuleCommandsNeedOnlyTheTaxonomy) {
  std::string dir = CopyProject();
  WriteFileOrDie(dir + "/registry/providers/aws.yaml", "id: aws\nname: [broken\n");
  EXPECT_EQ(RunVendorlint({"explain", "personal-data-encrypted-at-rest"}, dir).exit_code, 0);
  EXPECT_EQ(RunVendorlint({"rules"}, dir).exit_code, 0);
  EXPECT_EQ(RunVendorlint({"test"}, dir).exit_code, 0);
  EXPECT_EQ(RunVendorlint({"check"}, dir).exit_code, 2);  // the gate needs the providers

  WriteFileOrDie(dir + "/registry/taxonomy.yaml", "data_categories: 1\n");
  auto r = RunVendorlint({"rules"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.err.starts_with("registry/taxonomy.yaml:1:1: error: ")) << r.err;
  EXPECT_TRUE(r.err.ends_with("in registry/taxonomy.yaml; nothing was evaluated\n")) << r.err;
}

TEST(Check, RuleTestMismatchExitsOne) {
  std::string dir = CopyProject();
  std::string path = dir + "/rules/security/personal-data-encrypted-at-rest.test.yaml";
  std::string text = ReadFileOrDie(path);
  size_t at = text.find("expect: pass");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 12, "expect: fail");
  WriteFileOrDie(path, text);
  auto r = RunVendorlint({"test"}, dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("expected fail, got pass"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" passed, 1 failed\n"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace vendorlint
