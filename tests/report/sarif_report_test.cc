// The SARIF writer: exact fragments of a hand-made report that uses every
// feature, then the whole log checked by ../shared/tools/validate-sarif
// (official schema plus GitHub's ingestion rules) for that report and for the
// repository's own registry and rules.
#include "report/sarif_report.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "load/registry_loader.h"
#include "rules/evaluator.h"
#include "check/fingerprint.h"
#include "rules/rule_compiler.h"
#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;

// A report with every kind of result: fail, review, pass, waived, a fail whose
// waiver expired, baseline new/unchanged/absent, and waiver notes.
struct Fixture {
  Registry registry;
  RuleSet rules;
  Report report;

  Fixture() {
    registry.files = {"./registry/organization.yaml", "registry/providers/ads.yaml",
                      "./registry/providers/db.yaml", "registry/taxonomy.yaml", "waivers.yaml"};
    registry.providers.resize(2);
    registry.providers[0].id = {"ads", Location{1, 1, 5}};
    registry.providers[1].id = {"db", Location{2, 1, 5}};

    Rule ads;
    ads.id = "no-student-data-to-advertisers";
    ads.path = "rules/student-privacy/no-student-data-to-advertisers.yaml";
    ads.loc = Location{0, 1, 5};
    ads.title = "No student data goes to advertisers";
    ads.severity = Severity::kError;
    ads.description = "An advertising provider receives no `student` data.\n";
    ads.rationale = "SOPIPA forbids targeted advertising.\n";
    ads.remediation = "Stop the flow.\n";
    ads.references = {
        {"SOPIPA [CA]", "https://example.org/sopipa", "Cal. Bus. & Prof. Code § 22584"},
        {"Pledge", "https://example.org/pledge", ""}};
    ads.tags = {"student-privacy", "advertising"};
    Rule policy;
    policy.id = "privacy-policy-recorded";
    policy.path = "rules/governance/privacy-policy-recorded.yaml";
    policy.loc = Location{1, 1, 5};
    policy.title = "A privacy policy is recorded";
    policy.severity = Severity::kWarning;
    policy.description = "Every provider records the URL of its privacy policy.";
    Rule sources;
    sources.id = "sources-cite-row";
    sources.path = "rules/governance/sources-cite-row.yaml";
    sources.loc = Location{2, 1, 5};
    sources.title = "Sources cite a row";
    sources.severity = Severity::kNote;
    rules.files = {ads.path, policy.path, sources.path};
    rules.rules = {ads, policy, sources};

    Finding fail{"no-student-data-to-advertisers",
                 "ads",
                 Severity::kError,
                 Outcome::kFail,
                 Location{1, 9, 17},
                 "Ads may receive data about students",
                 {}};
    fail.evidence = {{"data_flows[0].subjects[1]", Location{1, 9, 17},
                      "data_flows[0] shares user.name about student"},
                     {"purposes[0]", Location{1, 4, 5}, "purposes[0] is marketing.advertising"}};
    fail.fingerprint = "fp-fail";
    fail.baseline = BaselineState::kNew;
    Finding pass{"no-student-data-to-advertisers",
                 "db",
                 Severity::kError,
                 Outcome::kPass,
                 Location{2, 1, 5},
                 "No student data goes to advertisers",
                 {}};
    pass.fingerprint = "fp-pass";
    Finding review{"privacy-policy-recorded",
                   "ads",
                   Severity::kWarning,
                   Outcome::kReview,
                   Location{1, 1, 1},
                   "Ads has no recorded privacy policy",
                   {}};
    review.evidence = {{"privacy_policy", Location{1, 1, 1}, "privacy_policy is not stated"}};
    review.fingerprint = "fp-review";
    review.baseline = BaselineState::kUnchanged;
    Finding waived{"privacy-policy-recorded",
                   "db",
                   Severity::kWarning,
                   Outcome::kWaived,
                   Location{2, 3, 17},
                   "Db has no recorded privacy policy",
                   {}};
    waived.evidence = {{"privacy_policy", Location{2, 3, 17}, "privacy_policy is \"\""}};
    waived.fingerprint = "fp-waived";
    waived.baseline = BaselineState::kUnchanged;
    waived.waiver = AppliedWaiver{Location{4, 3, 5},
                                  "Internal database; no public policy",
                                  "dpo@example.org",
                                  "2027-01-31",
                                  false,
                                  Outcome::kFail};
    Finding expired{"sources-cite-row", "ads", Severity::kNote, Outcome::kFail, Location{1, 20, 9},
                    "Ads cites no row", {}};
    expired.evidence = {{"sources[0]", Location{1, 20, 9}, "sources[0] cites no row"}};
    expired.fingerprint = "fp-expired";
    expired.waiver = AppliedWaiver{
        Location{4, 9, 5}, "Row numbers pending", "cto@example.org", "2026-10-01", true,
        Outcome::kFail};
    Finding na{
        "sources-cite-row",   "db", Severity::kNote, Outcome::kNotApplicable, Location{2, 1, 5},
        "Sources cite a row", {}};

    report.registry = &registry;
    report.rules = &rules;
    report.findings = {fail, pass, review, waived, expired, na};
    Date::Parse("2026-11-22", &report.as_of);
    report.summary = ComputeSummary(registry, rules, report.findings, report.policy);

    // Fixed since the baseline: one whose provider is gone (shown at the rule),
    // one whose rule is gone (shown at the provider).
    Finding gone{"privacy-policy-recorded",
                 "zoom",
                 Severity::kWarning,
                 Outcome::kFail,
                 Location{},
                 "Zoom has no recorded privacy policy",
                 {}};
    gone.fingerprint = "fp-gone";
    gone.baseline = BaselineState::kAbsent;
    Finding old_rule{"retired-rule",
                     "db",
                     Severity::kNote,
                     Outcome::kReview,
                     Location{},
                     "Db was checked by a retired rule",
                     {}};
    old_rule.fingerprint = "fp-old-rule";
    old_rule.baseline = BaselineState::kAbsent;
    report.absent = {old_rule, gone};  // not in order: the writer sorts them
    report.has_baseline = true;

    report.waiver_notes = {
        {"waivers.yaml", 9, 5, Severity::kWarning, "waiver for sources-cite-row/ads expired"},
        {"waivers.yaml", 14, 5, Severity::kError, "waiver matches no finding"}};
    report.category = "vendorlint/nightly/";
    report.exit_code = 1;
    report.start_time_utc = "2026-11-22T11:37:06Z";
    report.end_time_utc = "2026-11-22T11:37:07Z";
  }
};

// The text between the first `from` at or after `start` and the following
// `to` (inclusive), or "" if absent.
std::string Slice(const std::string& s, const std::string& from, const std::string& to,
                  size_t start = 0) {
  size_t a = s.find(from, start);
  if (a == std::string::npos) return "";
  size_t b = s.find(to, a + from.size());
  if (b == std::string::npos) return "";
  return s.substr(a, b + to.size() - a);
}

// One result object, found by its fingerprint (results are indented by 8).
std::string ResultWith(const std::string& sarif, const std::string& fingerprint) {
  size_t at = sarif.find("\"vendorlint/v1\": \"" + fingerprint + "\"");
  if (at == std::string::npos) return "";
  size_t begin = sarif.rfind("\n        {\n", at);
  size_t end = sarif.find("\n        }", at);
  if (begin == std::string::npos || end == std::string::npos) return "";
  return sarif.substr(begin + 1, end + 10 - begin - 1);
}

TEST(SarifReport, NamesAndUris) {
  EXPECT_EQ(SarifRuleName("no-student-data-to-advertisers"), "NoStudentDataToAdvertisers");
  EXPECT_EQ(SarifRuleName("flows-name-their-subjects"), "FlowsNameTheirSubjects");
  EXPECT_EQ(SarifRuleName("x2-y"), "X2Y");
  EXPECT_EQ(SarifArtifactUri("./registry/providers/ads.yaml"), "registry/providers/ads.yaml");
  EXPECT_EQ(SarifArtifactUri("registry//providers/./ads.yaml"), "registry/providers/ads.yaml");
  EXPECT_EQ(SarifArtifactUri("registry/my vendor.yaml"), "registry/my%20vendor.yaml");
  EXPECT_EQ(SarifArtifactUri("c:x/100%.yaml"), "c%3Ax/100%25.yaml");
  EXPECT_EQ(SarifArtifactUri("/srv/repo/registry/a.yaml"), "file:///srv/repo/registry/a.yaml");
}

TEST(SarifReport, LogAndDriver) {
  Fixture fx;
  std::string s = WriteSarifReport(fx.report);
  EXPECT_TRUE(s.starts_with(R"j({
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "version": "2.1.0",
  "runs": [
    {
      "tool": {
        "driver": {
          "name": "vendorlint",
          "version": ")j" VENDORLINT_VERSION R"j(",
          "semanticVersion": ")j" VENDORLINT_VERSION R"j(",
          "informationUri": "https://github.com/vendorlint/vendorlint",
          "rules": [
            {
              "id": "no-student-data-to-advertisers",
              "name": "NoStudentDataToAdvertisers",
              "shortDescription": {
                "text": "No student data goes to advertisers"
              },
              "fullDescription": {
                "text": "An advertising provider receives no `student` data."
              },
              "help": {
                "text": "An advertising provider receives no `student` data.\n\nWhy: SOPIPA forbids targeted advertising.\n\nHow to fix: Stop the flow.\n\nReferences:\n- SOPIPA [CA] (Cal. Bus. & Prof. Code § 22584): https://example.org/sopipa\n- Pledge: https://example.org/pledge",
                "markdown": "An advertising provider receives no `student` data.\n\n## Why\n\nSOPIPA forbids targeted advertising.\n\n## How to fix\n\nStop the flow.\n\n## References\n\n- [SOPIPA \\[CA\\]](https://example.org/sopipa): Cal. Bus. & Prof. Code § 22584\n- [Pledge](https://example.org/pledge)"
              },
              "helpUri": "https://example.org/sopipa",
              "defaultConfiguration": {
                "level": "error"
              },
              "properties": {
                "tags": [
                  "student-privacy",
                  "advertising"
                ],
                "precision": "high",
                "security-severity": "8.0"
              }
            },
            {
              "id": "privacy-policy-recorded",
              "name": "PrivacyPolicyRecorded",
)j")) << s;
  // A rule without rationale, remediation or references: help is the
  // description; no helpUri; the other severities.
  EXPECT_NE(s.find(R"j(
              "help": {
                "text": "Every provider records the URL of its privacy policy.",
                "markdown": "Every provider records the URL of its privacy policy."
              },
              "defaultConfiguration": {
                "level": "warning"
              },
              "properties": {
                "tags": [],
                "precision": "high",
                "security-severity": "5.0"
              }
)j"),
            std::string::npos)
      << s;
  // No description at all: fullDescription and help fall back to the title.
  EXPECT_NE(s.find(R"j(
              "name": "SourcesCiteRow",
              "shortDescription": {
                "text": "Sources cite a row"
              },
              "fullDescription": {
                "text": "Sources cite a row"
              },
              "help": {
                "text": "Sources cite a row",
                "markdown": "Sources cite a row"
              },
              "defaultConfiguration": {
                "level": "note"
              },
              "properties": {
                "tags": [],
                "precision": "high",
                "security-severity": "2.0"
              }
)j"),
            std::string::npos)
      << s;
}

TEST(SarifReport, RunMetadata) {
  Fixture fx;
  std::string s = WriteSarifReport(fx.report);
  EXPECT_NE(s.find(R"j(
      "invocations": [
        {
          "executionSuccessful": true,
          "exitCode": 1,
          "startTimeUtc": "2026-11-22T11:37:06Z",
          "endTimeUtc": "2026-11-22T11:37:07Z",
          "toolExecutionNotifications": [
            {
              "locations": [
                {
                  "physicalLocation": {
                    "artifactLocation": {
                      "uri": "waivers.yaml",
                      "uriBaseId": "SRCROOT"
                    },
                    "region": {
                      "startLine": 9,
                      "startColumn": 5
                    }
                  }
                }
              ],
              "message": {
                "text": "waiver for sources-cite-row/ads expired"
              },
              "level": "warning"
            },
            {
)j"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find(R"j(
                "text": "waiver matches no finding"
              },
              "level": "error"
            }
          ]
        }
      ],
      "originalUriBaseIds": {
        "SRCROOT": {
          "description": {
            "text": "The root of the repository; vendorlint runs there and reports paths relative to it."
          }
        }
      },
      "automationDetails": {
        "id": "vendorlint/nightly/"
      },
      "columnKind": "unicodeCodePoints",
      "results": [
)j"),
            std::string::npos)
      << s;
  EXPECT_TRUE(s.ends_with(R"j(
      ],
      "properties": {
        "asOf": "2026-11-22"
      }
    }
  ]
}
)j")) << s;

  // Exit 2 (invalid inputs) is an unsuccessful execution; no times, no
  // category, no notes: those keys are left out.
  fx.report.exit_code = 2;
  fx.report.start_time_utc.clear();
  fx.report.end_time_utc.clear();
  fx.report.category.clear();
  fx.report.waiver_notes.clear();
  s = WriteSarifReport(fx.report);
  EXPECT_NE(s.find(R"j(
      "invocations": [
        {
          "executionSuccessful": false,
          "exitCode": 2
        }
      ],
)j"),
            std::string::npos)
      << s;
  EXPECT_EQ(s.find("automationDetails"), std::string::npos);
}

// The questions behind the reviews go in the run's property bag, beside
// asOf, so that results stay one per finding.
TEST(SarifReport, QuestionsAreRunProperties) {
  Fixture fx;
  ASSERT_FALSE(fx.report.findings.empty());
  fx.report.findings[0].fingerprint = "0123456789abcdef";
  fx.report.questions = {Question{"ads: storage.encrypted_at_rest",
                                  "Does Ads encrypt stored data at rest?",
                                  fx.report.findings[0].loc, {0}}};
  std::string s = WriteSarifReport(fx.report);
  const Location& loc = fx.report.findings[0].loc;
  EXPECT_TRUE(s.ends_with(R"j(
      ],
      "properties": {
        "asOf": "2026-11-22",
        "questions": [
          {
            "fact": "ads: storage.encrypted_at_rest",
            "question": "Does Ads encrypt stored data at rest?",
            "file": ")j" + fx.report.Path(loc) + R"j(",
            "line": )j" + std::to_string(loc.line) + R"j(,
            "column": )j" + std::to_string(loc.column) + R"j(,
            "blocks": [
              "0123456789abcdef"
            ]
          }
        ]
      }
    }
  ]
}
)j")) << s;
}

TEST(SarifReport, FailWithEvidenceAndBaselineNew) {
  Fixture fx;
  std::string s = WriteSarifReport(fx.report);
  // Code scanning: no kind (it defaults to fail, which is all GitHub reads).
  std::string fail = ResultWith(s, "fp-fail");
  EXPECT_EQ(fail, R"j(        {
          "ruleId": "no-student-data-to-advertisers",
          "ruleIndex": 0,
          "level": "error",
          "message": {
            "text": "Ads may receive data about students. Evidence: data_flows[0] shares user.name about student; purposes[0] is marketing.advertising."
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "registry/providers/ads.yaml",
                  "uriBaseId": "SRCROOT"
                },
                "region": {
                  "startLine": 9,
                  "startColumn": 17
                }
              },
              "logicalLocations": [
                {
                  "name": "ads",
                  "kind": "object"
                }
              ],
              "message": {
                "text": "data_flows[0] shares user.name about student"
              }
            }
          ],
          "relatedLocations": [
            {
              "id": 1,
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "registry/providers/ads.yaml",
                  "uriBaseId": "SRCROOT"
                },
                "region": {
                  "startLine": 4,
                  "startColumn": 5
                }
              },
              "message": {
                "text": "purposes[0] is marketing.advertising"
              }
            }
          ],
          "partialFingerprints": {
            "vendorlint/v1": "fp-fail"
          },
          "baselineState": "new"
        })j");
  // The dashboard: the same result with its kind.
  std::string with_kind = fail;
  with_kind.replace(with_kind.find("\"level\""), 0, "\"kind\": \"fail\",\n          ");
  EXPECT_EQ(ResultWith(WriteSarifDashboardReport(fx.report), "fp-fail"), with_kind);
}

// Code scanning gets fails and reviews only; a review at level note, says so
// in its message, and is at its severity with --strict (a fail for the gate).
TEST(SarifReport, CodeScanningHasFailsAndReviewsOnly) {
  Fixture fx;
  std::string s = WriteSarifReport(fx.report);
  EXPECT_EQ(s.find("fp-pass"), std::string::npos);
  EXPECT_EQ(s.find("fp-waived"), std::string::npos);
  EXPECT_EQ(s.find("fp-gone"), std::string::npos);
  EXPECT_EQ(s.find("fp-old-rule"), std::string::npos);
  for (const char* kind : {"\"kind\": \"fail\"", "\"kind\": \"pass\"", "\"kind\": \"review\""})
    EXPECT_EQ(s.find(kind), std::string::npos) << kind;
  EXPECT_EQ(s.find("suppressions"), std::string::npos);
  EXPECT_EQ(s.find("\"purpose\""), std::string::npos);
  EXPECT_NE(s.find("\"vendorlint/v1\": \"fp-expired\""), std::string::npos);
  std::string review = ResultWith(s, "fp-review");
  EXPECT_NE(review.find(R"j("ruleIndex": 1,
          "level": "note",
          "message": {
            "text": "Needs review: Ads has no recorded privacy policy. Evidence: privacy_policy is not stated."
          },)j"),
            std::string::npos)
      << review;
  fx.report.policy.strict = true;
  review = ResultWith(WriteSarifReport(fx.report), "fp-review");
  EXPECT_NE(review.find("\"ruleIndex\": 1,\n          \"level\": \"warning\","),
            std::string::npos)
      << review;
  // The expired-waiver fail, the fail and the review: three results.
  size_t n = 0;
  for (size_t at = 0; (at = s.find("\n          \"ruleId\": ", at)) != std::string::npos; ++at) ++n;
  EXPECT_EQ(n, 3u);
}

// Beyond GitHub's limits the most severe results are kept (in report order)
// and the log says what was left out.
TEST(SarifReport, LimitsKeepTheMostSevere) {
  Fixture fx;
  SarifOutput out = WriteCodeScanningSarif(fx.report, SarifLimits{2, 10'000'000});
  const std::string omission =
      "the code-scanning SARIF holds the 2 most severe of 3 results: GitHub accepts at most 2 "
      "results and 10000000 bytes gzip-compressed per upload. Left out: 0 error, 0 warning and 1 "
      "note results. Every result is in the JSON report and the dashboard SARIF (--report "
      "sarif-dashboard=PATH).";
  EXPECT_EQ(out.omissions, std::vector<std::string>{omission});
  EXPECT_NE(out.text.find("\"vendorlint/v1\": \"fp-fail\""), std::string::npos);
  EXPECT_NE(out.text.find("\"vendorlint/v1\": \"fp-review\""), std::string::npos);
  EXPECT_EQ(out.text.find("\"vendorlint/v1\": \"fp-expired\""), std::string::npos);
  EXPECT_NE(out.text.find(R"j(
          "toolExecutionNotifications": [
            {
              "message": {
                "text": ")j" + omission + R"j("
              },
              "level": "warning"
            },)j"),
            std::string::npos)
      << out.text;

  // A gzip limit that not even one result fits: none are kept, and it says so.
  out = WriteCodeScanningSarif(fx.report, SarifLimits{25000, 1});
  ASSERT_EQ(out.omissions.size(), 1u);
  EXPECT_TRUE(out.omissions[0].starts_with("the code-scanning SARIF holds the 0 most severe of 3 "
                                           "results"))
      << out.omissions[0];
  EXPECT_NE(out.text.find("\n      \"results\": [],\n"), std::string::npos);
  // Within the limits: nothing said.
  EXPECT_TRUE(WriteCodeScanningSarif(fx.report).omissions.empty());
}

TEST(SarifReport, ProvenanceAndSnippets) {
  Fixture fx;
  fx.report.repository_uri = "https://example.com/org/registry.git";
  fx.report.revision_id = "0123456789abcdef0123456789abcdef01234567";
  fx.report.file_lines.resize(fx.registry.files.size());
  fx.report.file_lines[1] = std::vector<std::string>(9, "");
  fx.report.file_lines[1][8] = "      subjects: [teacher, student]";
  std::string s = WriteSarifReport(fx.report);
  EXPECT_NE(s.find(R"j(
      "versionControlProvenance": [
        {
          "repositoryUri": "https://example.com/org/registry.git",
          "revisionId": "0123456789abcdef0123456789abcdef01234567",
          "mappedTo": {
            "uriBaseId": "SRCROOT"
          }
        }
      ],
      "originalUriBaseIds": {)j"),
            std::string::npos)
      << s;
  EXPECT_NE(ResultWith(s, "fp-fail").find(R"j(
                "region": {
                  "startLine": 9,
                  "startColumn": 17,
                  "snippet": {
                    "text": "      subjects: [teacher, student]"
                  }
                }
              },)j"),
            std::string::npos)
      << ResultWith(s, "fp-fail");
  // Lines that were not loaded have no snippet.
  EXPECT_EQ(ResultWith(s, "fp-review").find("snippet"), std::string::npos);
}

TEST(SarifReport, DashboardSaysItHonoursKind) {
  Fixture fx;
  std::string s = WriteSarifDashboardReport(fx.report);
  EXPECT_TRUE(s.ends_with(R"j(
      ],
      "properties": {
        "asOf": "2026-11-22",
        "vendorlintSarif": "dashboard",
        "purpose": "Every evaluated outcome for compliance dashboards: result.kind says pass, fail or review; waived results carry a suppression and fixed ones baselineState absent. For viewers that honour kind; not for GitHub code scanning, which ignores kind and would open an alert for every result."
      }
    }
  ]
}
)j")) << s;
}

TEST(SarifReport, PassAndReviewHaveLevelNone) {
  Fixture fx;
  std::string s = WriteSarifDashboardReport(fx.report);
  std::string pass = ResultWith(s, "fp-pass");
  EXPECT_NE(pass.find(R"j("ruleIndex": 0,
          "kind": "pass",
          "level": "none",
          "message": {
            "text": "No student data goes to advertisers."
          },)j"),
            std::string::npos)
      << pass;
  EXPECT_EQ(pass.find("relatedLocations"), std::string::npos);
  EXPECT_EQ(pass.find("baselineState"), std::string::npos);
  std::string review = ResultWith(s, "fp-review");
  EXPECT_NE(review.find(R"j("ruleIndex": 1,
          "kind": "review",
          "level": "none",
          "message": {
            "text": "Ads has no recorded privacy policy. Evidence: privacy_policy is not stated."
          },)j"),
            std::string::npos)
      << review;
  EXPECT_NE(review.find(R"j("baselineState": "unchanged")j"), std::string::npos);

  // Not-applicable is never reported: sources-cite-row has only the expired one.
  size_t sources = 0;
  for (size_t at = 0; (at = s.find("\"ruleId\": \"sources-cite-row\"", at)) != std::string::npos;
       ++at)
    ++sources;
  EXPECT_EQ(sources, 1u);

}

TEST(SarifReport, WaivedIsSuppressedExpiredIsNot) {
  Fixture fx;
  std::string s = WriteSarifDashboardReport(fx.report);
  std::string waived = ResultWith(s, "fp-waived");
  // A waived fail stays kind fail at the rule's level, with an accepted
  // external suppression that points at the waiver entry.
  EXPECT_NE(waived.find(R"j("ruleIndex": 1,
          "kind": "fail",
          "level": "warning",
          "message": {
            "text": "Db has no recorded privacy policy. Evidence: privacy_policy is \"\". Waived until 2027-01-31 (approved by dpo@example.org): Internal database; no public policy."
          },)j"),
            std::string::npos)
      << waived;
  EXPECT_TRUE(waived.ends_with(R"j(
          "baselineState": "unchanged",
          "suppressions": [
            {
              "kind": "external",
              "status": "accepted",
              "justification": "Internal database; no public policy",
              "location": {
                "physicalLocation": {
                  "artifactLocation": {
                    "uri": "waivers.yaml",
                    "uriBaseId": "SRCROOT"
                  },
                  "region": {
                    "startLine": 3,
                    "startColumn": 5
                  }
                }
              },
              "properties": {
                "approvedBy": "dpo@example.org",
                "expires": "2027-01-31"
              }
            }
          ]
        })j"))
      << waived;

  std::string expired = ResultWith(s, "fp-expired");
  EXPECT_EQ(expired.find("suppressions"), std::string::npos) << expired;
  EXPECT_NE(expired.find(R"j("ruleIndex": 2,
          "kind": "fail",
          "level": "note",
          "message": {
            "text": "Ads cites no row. Evidence: sources[0] cites no row. A waiver for this finding (approved by cto@example.org) expired on 2026-10-01."
          },)j"),
            std::string::npos)
      << expired;
  EXPECT_NE(expired.find(R"j(
          "relatedLocations": [
            {
              "id": 1,
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "waivers.yaml",
                  "uriBaseId": "SRCROOT"
                },
                "region": {
                  "startLine": 9,
                  "startColumn": 5
                }
              },
              "message": {
                "text": "waiver (expired on 2026-10-01)"
              }
            }
          ],)j"),
            std::string::npos)
      << expired;

  // A waived review stays kind review (level none).
  fx.report.findings[3].waiver->original = Outcome::kReview;
  waived = ResultWith(WriteSarifDashboardReport(fx.report), "fp-waived");
  EXPECT_NE(waived.find("\"kind\": \"review\",\n          \"level\": \"none\","), std::string::npos)
      << waived;
  EXPECT_NE(waived.find("\"suppressions\""), std::string::npos);
}

TEST(SarifReport, AbsentFindingsComeLastAndPointAtWhatRemains) {
  Fixture fx;
  std::string s = WriteSarifDashboardReport(fx.report);
  // Sorted by rule: privacy-policy-recorded/zoom before retired-rule/db, both
  // after every current finding.
  size_t gone_at = s.find("fp-gone"), old_at = s.find("fp-old-rule");
  ASSERT_NE(gone_at, std::string::npos);
  ASSERT_NE(old_at, std::string::npos);
  EXPECT_LT(s.find("fp-expired"), gone_at);
  EXPECT_LT(gone_at, old_at);

  // The provider is gone: the rule file's `id`.
  EXPECT_EQ(ResultWith(s, "fp-gone"), R"j(        {
          "ruleId": "privacy-policy-recorded",
          "ruleIndex": 1,
          "kind": "fail",
          "level": "warning",
          "message": {
            "text": "Zoom has no recorded privacy policy. Fixed: this finding is in the baseline but no longer produced."
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "rules/governance/privacy-policy-recorded.yaml",
                  "uriBaseId": "SRCROOT"
                },
                "region": {
                  "startLine": 1,
                  "startColumn": 5
                }
              },
              "logicalLocations": [
                {
                  "name": "zoom",
                  "kind": "object"
                }
              ]
            }
          ],
          "partialFingerprints": {
            "vendorlint/v1": "fp-gone"
          },
          "baselineState": "absent"
        })j");
  // The rule is gone: no ruleIndex; the provider's `id` (its file was given
  // as "./registry/..."). A review stays a review.
  std::string old_rule = ResultWith(s, "fp-old-rule");
  EXPECT_NE(old_rule.find(R"j("ruleId": "retired-rule",
          "kind": "review",
          "level": "none",)j"),
            std::string::npos)
      << old_rule;
  EXPECT_NE(old_rule.find(R"j("uri": "registry/providers/db.yaml",)j"), std::string::npos);

  // Both gone: nothing true to point at, so no location.
  fx.report.absent = {fx.report.absent[0]};
  fx.report.absent[0].provider_id = "zoom";
  std::string orphan = ResultWith(WriteSarifDashboardReport(fx.report), "fp-old-rule");
  ASSERT_FALSE(orphan.empty());
  EXPECT_EQ(orphan.find("locations"), std::string::npos) << orphan;
}

TEST(SarifReport, EmptyResultsArrayIsWritten) {
  Fixture fx;
  fx.report.findings.clear();
  fx.report.absent.clear();
  std::string s = WriteSarifReport(fx.report);
  EXPECT_NE(s.find("\n      \"results\": [],\n"), std::string::npos) << s;
  s = WriteSarifDashboardReport(fx.report);
  EXPECT_NE(s.find("\n      \"results\": [],\n"), std::string::npos) << s;
}

TEST(SarifReport, Deterministic) {
  Fixture a, b;
  std::swap(b.report.absent[0], b.report.absent[1]);
  EXPECT_EQ(WriteSarifReport(a.report), WriteSarifReport(b.report));
  EXPECT_EQ(WriteSarifDashboardReport(a.report), WriteSarifDashboardReport(b.report));
}

TEST(SarifReport, LongDescriptionsAreShortenedButKeptInHelp) {
  Fixture fx;
  std::string word = "privacy ";
  std::string description;
  while (description.size() < 1100) description += word;
  fx.rules.rules[1].description = description;
  std::string s = WriteSarifReport(fx.report);
  std::string full = Slice(s, "\"fullDescription\": {\n                \"text\": \"privacy", "\"\n",
                           s.find("\"PrivacyPolicyRecorded\""));
  ASSERT_FALSE(full.empty());
  EXPECT_NE(full.find("privacy\u2026\""), std::string::npos) << full;
  EXPECT_LE(full.size(), 1024u + 60u);
  // help.text starts with the whole description.
  EXPECT_NE(s.find("\"text\": \"" + description.substr(0, description.size() - 1) + "\","),
            std::string::npos);
}

// ---------------------------------------------------------------- validation

// What ../shared/tools/validate-sarif --github said about one log.
struct Validation {
  int status = -1;
  std::string output;
  std::string skip;  // non-empty: why it could not run
};

// Runs the validator on `sarif`; `skip` is set when it cannot run here.
Validation Validate(const std::string& sarif, const std::string& name) {
  Validation v;
  if (std::system("command -v node >/dev/null 2>&1") != 0) {
    v.skip = "node is not installed: cannot run validate-sarif (apt-get install nodejs npm)";
    return v;
  }
  std::string path = testing::MakeTempDir() + "/" + name + ".sarif";
  testing::WriteFileOrDie(path, sarif);
  auto r = testing::RunSharedTool("validate-sarif", {"--github", path});
  v.status = r.exit_code;
  v.output = r.output;
  // Exit 2 is a setup problem (npm missing, no registry access), not a verdict.
  if (v.status == 2 && (v.output.find("npm") != std::string::npos ||
                        v.output.find("node not found") != std::string::npos)) {
    v.skip = "validate-sarif could not set itself up:\n" + v.output;
  }
  return v;
}

TEST(SarifReport, HandMadeReportValidates) {
  VL_SKIP_WITHOUT_SHARED();
  Fixture fx;
  Validation v = Validate(WriteSarifReport(fx.report), "every-feature");
  if (!v.skip.empty()) GTEST_SKIP() << v.skip;
  EXPECT_EQ(v.status, 0) << v.output;
  EXPECT_NE(v.output.find("OK (schema: valid; github checks: 0 error(s)"), std::string::npos)
      << v.output;
  v = Validate(WriteSarifDashboardReport(fx.report), "every-feature-dashboard");
  EXPECT_EQ(v.status, 0) << v.output;
}

// Restores the working directory when the test ends, however it ends.
class ScopedCurrentPath {
 public:
  explicit ScopedCurrentPath(const fs::path& dir) : saved_(fs::current_path()) {
    fs::current_path(dir);
  }
  ~ScopedCurrentPath() {
    std::error_code ec;
    fs::current_path(saved_, ec);
  }
  ScopedCurrentPath(const ScopedCurrentPath&) = delete;
  ScopedCurrentPath& operator=(const ScopedCurrentPath&) = delete;

 private:
  fs::path saved_;
};

TEST(SarifReport, RepositoryRegistryValidates) {
  VL_SKIP_WITHOUT_SHARED();
  // From the source root with relative paths, as `vendorlint check` runs in
  // CI, so that the URIs are the repository-relative ones GitHub needs.
  ScopedCurrentPath cwd(testing::SourceDir());
  Registry reg;
  std::vector<Diagnostic> diags;
  LoadOptions lo;
  lo.registry_dir = "registry";
  ASSERT_TRUE(LoadRegistry(lo, &reg, &diags)) << (diags.empty() ? "" : diags[0].Format());
  RuleSet rules;
  ASSERT_TRUE(LoadRules("rules", reg.taxonomy, yaml::Limits{}, &rules, &diags))
      << (diags.empty() ? "" : diags[0].Format());
  ASSERT_FALSE(rules.rules.empty());

  Report report;
  report.registry = &reg;
  report.rules = &rules;
  ASSERT_TRUE(Date::Parse("2026-11-22", &report.as_of));
  report.findings = EvaluateAll(rules, reg, EvalContext{report.as_of, 1});
  AssignFingerprints(reg, &report.findings);
  report.summary = ComputeSummary(reg, rules, report.findings, report.policy);
  report.exit_code = report.summary.gate_pass ? 0 : 1;
  report.category = "vendorlint/";
  // Two fixed baseline entries: one for a provider still in the registry, one
  // for a provider that is gone (shown at the rule file).
  Finding fixed{rules.rules[0].id,
                reg.providers[0].id.value,
                rules.rules[0].severity,
                Outcome::kFail,
                Location{},
                "fixed since the baseline",
                {}};
  fixed.fingerprint = "0000000000000001";
  fixed.baseline = BaselineState::kAbsent;
  report.absent = {fixed, fixed};
  report.absent[1].provider_id = "no-such-provider";
  report.absent[1].fingerprint = "0000000000000002";
  report.has_baseline = true;
  std::string sarif = WriteSarifDashboardReport(report);

  // One result per pass, fail, review and waived finding and per absent one,
  // each with a fingerprint; every URI relative.
  auto count = [&](const std::string& needle) {
    size_t n = 0;
    for (size_t at = 0; (at = sarif.find(needle, at)) != std::string::npos; ++at) ++n;
    return n;
  };
  const ReportSummary& sum = report.summary;
  size_t expected = sum.count(Outcome::kPass) + sum.count(Outcome::kFail) +
                    sum.count(Outcome::kReview) + sum.count(Outcome::kWaived) +
                    report.absent.size();
  EXPECT_EQ(count("\n          \"ruleId\": "), expected);
  EXPECT_EQ(count("\"vendorlint/v1\": "), expected);
  EXPECT_EQ(count("\"baselineState\": \"absent\""), 2u);
  EXPECT_NE(sarif.find("\"uri\": \"" + rules.rules[0].path + "\""), std::string::npos);
  EXPECT_EQ(sarif.find("\"uri\": \"/"), std::string::npos);
  EXPECT_EQ(sarif.find("\"uri\": \"file:"), std::string::npos);
  EXPECT_EQ(sarif.find("\"uri\": \"./"), std::string::npos);

  Validation v = Validate(sarif, "repository-dashboard");
  if (!v.skip.empty()) GTEST_SKIP() << v.skip;
  EXPECT_EQ(v.status, 0) << v.output;
  EXPECT_NE(v.output.find("OK (schema: valid; github checks: 0 error(s)"), std::string::npos)
      << v.output;

  // The code-scanning log, with the lines' snippets.
  LoadSourceLines(&report);
  std::string scanning = WriteSarifReport(report);
  EXPECT_NE(scanning.find("\"snippet\": {\n"), std::string::npos);
  v = Validate(scanning, "repository");
  EXPECT_EQ(v.status, 0) << v.output;
  EXPECT_NE(v.output.find("OK (schema: valid; github checks: 0 error(s)"), std::string::npos)
      << v.output;
}

}  // namespace
}  // namespace vendorlint
