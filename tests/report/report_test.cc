// Report writers on hand-made findings: exact text and JSON, gate policy,
// atomic writes.
#include "report/report.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "report/json_report.h"
#include "report/text_report.h"
#include "test_support.h"

namespace vendorlint {
namespace {

struct Fixture {
  Registry registry;
  RuleSet rules;
  Report report;

  Fixture() {
    registry.files = {"registry/taxonomy.yaml", "registry/organization.yaml",
                      "registry/providers/ads.yaml", "registry/providers/db.yaml"};
    registry.providers.resize(2);
    registry.providers[0].id.value = "ads";
    registry.providers[1].id.value = "db";
    Rule r1;
    r1.id = "encrypted-at-rest";
    r1.title = "Stored personal data is encrypted at rest";
    r1.severity = Severity::kError;
    Rule r2;
    r2.id = "no-ads";
    r2.title = "No student data to advertisers";
    r2.severity = Severity::kWarning;
    rules.rules = {r1, r2};
    Finding a{"encrypted-at-rest",
              "ads",
              Severity::kError,
              Outcome::kReview,
              Location{2, 1, 5},
              "Ads does not say whether it encrypts at rest",
              {}};
    a.evidence.push_back({"storage.encrypted_at_rest", Location{2, 1, 5},
                          "storage.encrypted_at_rest is not stated"});
    Finding b{"encrypted-at-rest",
              "db",
              Severity::kError,
              Outcome::kPass,
              Location{3, 1, 5},
              "Stored personal data is encrypted at rest",
              {}};
    Finding c{"no-ads",
              "ads",
              Severity::kWarning,
              Outcome::kFail,
              Location{2, 9, 17},
              "Ads receives \"student\" data",
              {}};
    c.evidence.push_back({"data_flows[0].subjects[1]", Location{2, 9, 17},
                          "data_flows[0] shares user.name about student"});
    Finding d{"no-ads",
              "db",
              Severity::kWarning,
              Outcome::kNotApplicable,
              Location{3, 1, 5},
              "No student data to advertisers",
              {}};
    report.registry = &registry;
    report.rules = &rules;
    report.findings = {a, b, c, d};
    Date::Parse("2026-11-22", &report.as_of);
    report.summary = ComputeSummary(registry, rules, report.findings, report.policy);
  }
};

TEST(Report, GatePolicy) {
  Fixture fx;
  GatePolicy p;
  ASSERT_TRUE(ParseFailOn("error", &p));
  EXPECT_TRUE(ComputeSummary(fx.registry, fx.rules, fx.report.findings, p).gate_pass);
  ASSERT_TRUE(ParseFailOn("warning", &p));
  EXPECT_FALSE(ComputeSummary(fx.registry, fx.rules, fx.report.findings, p).gate_pass);
  ASSERT_TRUE(ParseFailOn("none", &p));
  EXPECT_TRUE(ComputeSummary(fx.registry, fx.rules, fx.report.findings, p).gate_pass);
  ASSERT_TRUE(ParseFailOn("error", &p));
  p.strict = true;  // the review on an error rule now fails the gate
  EXPECT_FALSE(ComputeSummary(fx.registry, fx.rules, fx.report.findings, p).gate_pass);
  EXPECT_FALSE(ParseFailOn("fatal", &p));
}

// --verbose: today's full listing, every finding grouped by rule with every
// evidence item, after the verdict.
TEST(Report, TextVerboseGroupsByRuleWithEvidence) {
  Fixture fx;
  TextOptions verbose;
  verbose.verbose = true;
  EXPECT_EQ(WriteTextReport(fx.report, verbose),
            "PASS: 0 findings fail the gate (--fail-on error)\n"
            "  2 providers, 2 rules: 1 fail (1 warning), 1 review (1 error), 1 pass, 0 waived, 1 "
            "not applicable\n"
            "\n"
            "encrypted-at-rest [error] Stored personal data is encrypted at rest\n"
            "  REVIEW ads  registry/providers/ads.yaml:1:5\n"
            "         Ads does not say whether it encrypts at rest\n"
            "         - storage.encrypted_at_rest: is not stated "
            "(registry/providers/ads.yaml:1:5)\n"
            "\n"
            "no-ads [warning] No student data to advertisers\n"
            "  FAIL   ads  registry/providers/ads.yaml:9:17\n"
            "         Ads receives \"student\" data\n"
            "         - data_flows[0].subjects[1]: data_flows[0] shares user.name about student "
            "(registry/providers/ads.yaml:9:17)\n"
            "\n"
            "2 providers, 2 rules: 1 pass, 1 fail, 1 review, 0 waived, 1 not applicable; gate: "
            "PASS (--fail-on error)\n");
}

// The default: a warning-level fail that does not fail the gate is one line
// tagged `warning`, without evidence or remediation.
TEST(Report, TextWarningFailIsOneTaggedLine) {
  Fixture fx;
  EXPECT_EQ(WriteTextReport(fx.report, {}),
            "PASS: 0 findings fail the gate (--fail-on error)\n"
            "  2 providers, 2 rules: 1 fail (1 warning), 1 review (1 error), 1 pass, 0 waived, 1 "
            "not applicable\n"
            "\n"
            "Other fails (not failing the gate):\n"
            "  warning no-ads ads: Ads receives \"student\" data  registry/providers/ads.yaml:9:17\n"
            "\n"
            "1 review, 1 pass, 0 waived, 1 not applicable (--verbose lists them)\n"
            "\n"
            "2 providers, 2 rules: 1 pass, 1 fail, 1 review, 0 waived, 1 not applicable; gate: "
            "PASS (--fail-on error)\n");
}

// The same fail under --fail-on warning fails the gate: listed first, with its
// evidence, the first sentence of the remediation and where to read more.
TEST(Report, TextGateFailureHasEvidenceAndRemediation) {
  Fixture fx;
  fx.rules.rules[1].remediation = "Stop sending student data.\nThen record the change.";
  ASSERT_TRUE(ParseFailOn("warning", &fx.report.policy));
  fx.report.summary =
      ComputeSummary(fx.registry, fx.rules, fx.report.findings, fx.report.policy);
  const std::string gate_failure =
      "FAIL: 1 finding fails the gate (--fail-on warning)\n"
      "  2 providers, 2 rules: 1 fail (1 warning), 1 review (1 error), 1 pass, 0 waived, 1 "
      "not applicable\n"
      "\n"
      "Failing the gate:\n"
      "  FAIL   ads no-ads [warning]  registry/providers/ads.yaml:9:17\n"
      "         Ads receives \"student\" data\n"
      "         - data_flows[0].subjects[1]: data_flows[0] shares user.name about student "
      "(registry/providers/ads.yaml:9:17)\n"
      "         fix: Stop sending student data.\n"
      "         more: vendorlint explain no-ads --provider ads\n";
  const std::string summary =
      "2 providers, 2 rules: 1 pass, 1 fail, 1 review, 0 waived, 1 not applicable; gate: "
      "FAIL (--fail-on warning)\n";
  EXPECT_EQ(WriteTextReport(fx.report, {}),
            gate_failure + "\n1 review, 1 pass, 0 waived, 1 not applicable (--verbose lists them)\n\n" +
                summary);
  TextOptions quiet;
  quiet.quiet = true;
  EXPECT_EQ(WriteTextReport(fx.report, quiet), gate_failure + "\n" + summary);
}

// A rule that fails the gate for many providers: its first five in full, the
// rest one line each under a line that says so; the next rule starts over.
TEST(Report, TextGateFailuresOfOneRuleAfterTheFifthAreOneLineEach) {
  Fixture fx;
  fx.rules.rules[1].remediation = "Stop sending student data.";
  ASSERT_TRUE(ParseFailOn("warning", &fx.report.policy));
  // no-ads fails for ads-0 .. ads-7 (findings stay sorted by rule, then provider).
  const Finding fail = fx.report.findings[2];
  ASSERT_EQ(fail.outcome, Outcome::kFail);
  ASSERT_EQ(fail.rule_id, "no-ads");
  std::vector<Finding> findings(fx.report.findings.begin(), fx.report.findings.begin() + 2);
  for (int k = 0; k < 8; ++k) {
    Finding f = fail;
    f.provider_id = fmt::format("ads-{}", k);
    findings.push_back(f);
  }
  findings.insert(findings.end(), fx.report.findings.begin() + 3, fx.report.findings.end());
  fx.report.findings = findings;
  fx.report.summary = ComputeSummary(fx.registry, fx.rules, fx.report.findings, fx.report.policy);
  const std::string out = WriteTextReport(fx.report, {});
  std::string expected = "Failing the gate:\n";
  for (int k = 0; k < 5; ++k)
    expected += fmt::format(
        "  FAIL   ads-{0} no-ads [warning]  registry/providers/ads.yaml:9:17\n"
        "         Ads receives \"student\" data\n"
        "         - data_flows[0].subjects[1]: data_flows[0] shares user.name about student "
        "(registry/providers/ads.yaml:9:17)\n"
        "         fix: Stop sending student data.\n"
        "         more: vendorlint explain no-ads --provider ads-{0}\n",
        k);
  expected +=
      "  3 more of no-ads, one line each (the fix above applies; --verbose shows their "
      "evidence):\n";
  for (int k = 5; k < 8; ++k)
    expected += fmt::format("  FAIL   ads-{} no-ads [warning]  registry/providers/ads.yaml:9:17\n", k);
  EXPECT_NE(out.find(expected + "\n"), std::string::npos) << out;
  EXPECT_NE(out.find("FAIL: 8 findings fail the gate"), std::string::npos) << out;
  // --verbose still shows every one with its evidence.
  TextOptions verbose;
  verbose.verbose = true;
  const std::string all = WriteTextReport(fx.report, verbose);
  for (int k = 0; k < 8; ++k)
    EXPECT_NE(all.find(fmt::format("ads-{}", k)), std::string::npos) << all;
  EXPECT_EQ(all.find("more of no-ads"), std::string::npos) << all;
}

TEST(Report, TextEvidenceDoesNotRepeatItsPath) {
  Fixture fx;
  fx.report.findings[0].evidence[0].message = "storage.encrypted_at_rest: unknown";
  TextOptions verbose;
  verbose.verbose = true;
  std::string out = WriteTextReport(fx.report, verbose);
  EXPECT_NE(out.find("         - storage.encrypted_at_rest: unknown (registry/"), std::string::npos)
      << out;
}

TEST(Report, TextColoursOnlyWhenAsked) {
  Fixture fx;
  std::string plain = WriteTextReport(fx.report, {false});
  std::string color = WriteTextReport(fx.report, {true});
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  // The verdict is coloured; a warning-level fail is dim, not red.
  EXPECT_TRUE(color.starts_with("\x1b[1;32mPASS\x1b[0m: 0 findings")) << color;
  EXPECT_NE(color.find("  \x1b[2mwarning\x1b[0m no-ads ads:"), std::string::npos) << color;
  EXPECT_EQ(color.find("\x1b[1;31m"), std::string::npos) << color;
  TextOptions verbose{true, true, false};
  EXPECT_NE(WriteTextReport(fx.report, verbose).find("\x1b[1;31mFAIL  \x1b[0m"), std::string::npos);
  ASSERT_TRUE(ParseFailOn("warning", &fx.report.policy));
  fx.report.summary =
      ComputeSummary(fx.registry, fx.rules, fx.report.findings, fx.report.policy);
  color = WriteTextReport(fx.report, {true});
  EXPECT_TRUE(color.starts_with("\x1b[1;31mFAIL\x1b[0m: 1 finding fails")) << color;
}

TEST(Report, JsonContract) {
  Fixture fx;
  EXPECT_EQ(WriteJsonReport(fx.report),
            R"({
  "format_version": "1.0",
  "tool": {
    "name": "vendorlint",
    "version": ")" VENDORLINT_VERSION R"("
  },
  "as_of": "2026-11-22",
  "summary": {
    "providers": 2,
    "rules": 2,
    "pass": 1,
    "fail": 1,
    "review": 1,
    "not_applicable": 1,
    "waived": 0,
    "gate": "pass"
  },
  "findings": [
    {
      "rule": "encrypted-at-rest",
      "provider": "ads",
      "outcome": "review",
      "severity": "error",
      "message": "Ads does not say whether it encrypts at rest",
      "location": {
        "file": "registry/providers/ads.yaml",
        "line": 1,
        "column": 5
      },
      "fingerprint": "",
      "evidence": [
        {
          "path": "storage.encrypted_at_rest",
          "message": "storage.encrypted_at_rest is not stated",
          "location": {
            "file": "registry/providers/ads.yaml",
            "line": 1,
            "column": 5
          }
        }
      ]
    },
    {
      "rule": "encrypted-at-rest",
      "provider": "db",
      "outcome": "pass",
      "severity": "error",
      "message": "Stored personal data is encrypted at rest",
      "location": {
        "file": "registry/providers/db.yaml",
        "line": 1,
        "column": 5
      },
      "fingerprint": "",
      "evidence": []
    },
    {
      "rule": "no-ads",
      "provider": "ads",
      "outcome": "fail",
      "severity": "warning",
      "message": "Ads receives \"student\" data",
      "location": {
        "file": "registry/providers/ads.yaml",
        "line": 9,
        "column": 17
      },
      "fingerprint": "",
      "evidence": [
        {
          "path": "data_flows[0].subjects[1]",
          "message": "data_flows[0] shares user.name about student",
          "location": {
            "file": "registry/providers/ads.yaml",
            "line": 9,
            "column": 17
          }
        }
      ]
    }
  ],
  "questions": [],
  "waiver_notes": []
}
)");
}

}  // namespace
}  // namespace vendorlint
