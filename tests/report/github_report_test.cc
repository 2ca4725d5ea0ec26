// The GitHub workflow-command writer: exact lines for a hand-made report, the
// level of each kind of finding, and GitHub's escaping of data and properties.
#include "report/github_report.h"

#include <gtest/gtest.h>

#include <sstream>

#include "report/fixtures/sample_report.h"

namespace vendorlint {
namespace {

using testing::EmptyReport;
using testing::NastyReport;
using testing::RealReport;
using testing::SampleReport;

TEST(GithubReport, SampleGolden) {
  SampleReport fx;
  // Fails first, then reviews, then waived; then waiver notes and the summary.
  EXPECT_EQ(
      WriteGithubAnnotations(fx.report),
      "::error file=registry/providers/db.yaml,line=12,col=24,title=encrypted-at-rest::"
      "DB stores personal data unencrypted (waiver expired on 2026-10-01)"
      "%0A- storage.encrypted_at_rest: storage.encrypted_at_rest is false "
      "(registry/providers/db.yaml:12:24)"
      "%0Aexpired waiver approved by ciso: Migration to encrypted volumes "
      "(registry/waivers.yaml:3:5)\n"
      "::warning file=registry/providers/ads.yaml,line=9,col=17,title=no-ads (new)::"
      "Ads receives student data"
      "%0A- data_flows[0].subjects[1]: data_flows[0] shares user.name about student "
      "(registry/providers/ads.yaml:9:17)"
      "%0A- purposes[0]: purposes[0] is advertising (registry/providers/ads.yaml:4:5)\n"
      "::warning file=registry/providers/ads.yaml,line=7,col=3,title=encrypted-at-rest (new)::"
      "needs review: Ads does not say whether it encrypts at rest"
      "%0A- storage.encrypted_at_rest: storage.encrypted_at_rest is not stated "
      "(registry/providers/ads.yaml:7:3)\n"
      "::notice file=registry/providers/ads.yaml,line=20,col=16,title=reviewed-yearly::"
      "waived by dpo until 2026-12-04: Review booked for December "
      "(was fail: Ads was last reviewed on 2025-01-10)"
      "%0A- last_reviewed: last_reviewed is 2025-01-10 (registry/providers/ads.yaml:20:16)\n"
      "::error file=registry/waivers.yaml,line=3,col=5,title=vendorlint waivers::"
      "waiver for encrypted-at-rest/db expired on 2026-10-01\n"
      "::warning file=registry/waivers.yaml,line=9,col=5,title=vendorlint waivers::"
      "waiver for reviewed-yearly/ads expires in 12 days\n"
      // The gate passes: the one error fail is already in the baseline.
      "::notice title=vendorlint::2 providers, 3 rules: 1 pass, 2 fail, 1 review, 1 waived, "
      "1 not applicable; gate: PASS (--fail-on error); baseline: 2 new, 1 fixed\n");
}

TEST(GithubReport, EmptyReportIsOnlyTheSummary) {
  EmptyReport fx;
  EXPECT_EQ(WriteGithubAnnotations(fx.report),
            "::notice title=vendorlint::0 providers, 0 rules: 0 pass, 0 fail, 0 review, "
            "0 waived, 0 not applicable; gate: PASS (--fail-on error)\n");
}

TEST(GithubReport, LevelFollowsSeverityAndStrict) {
  SampleReport fx;
  fx.report.findings[2].severity = Severity::kNote;  // no-ads/ads, a fail
  fx.report.policy.strict = true;                    // review/ads becomes an error
  fx.report.has_baseline = false;
  std::string out = WriteGithubAnnotations(fx.report);
  EXPECT_NE(out.find("::notice file=registry/providers/ads.yaml,line=9,col=17,title=no-ads::"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("::error file=registry/providers/ads.yaml,line=7,col=3,"
                     "title=encrypted-at-rest::needs review: "),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find("(new)"), std::string::npos) << out;
  EXPECT_EQ(out.find("baseline:"), std::string::npos) << out;
}

TEST(GithubReport, EscapesDataAndProperties) {
  // Input line breaks become a visible \r\n (util/escape.h), never %0D%0A: a
  // message from input cannot start a line of its own in the log.
  EXPECT_EQ(GithubEscapeData("100%: a, b\r\nc"), "100%25: a, b\\r\\nc");
  EXPECT_EQ(GithubEscapeProperty("100%: a, b\r\nc"), "100%25%3A a%2C b\\r\\nc");
  EXPECT_EQ(GithubEscapeData("x\n::error::pwned \x1b[31m \u202E"),
            "x\\n::error::pwned \\x1B[31m \\u202E");
  EXPECT_EQ(GithubEscapeData("%0A is not a newline"), "%250A is not a newline");
  EXPECT_EQ(GithubEscapeProperty("::error::"), "%3A%3Aerror%3A%3A");
}

TEST(GithubReport, NastyGolden) {
  NastyReport fx;
  EXPECT_EQ(WriteGithubAnnotations(fx.report),
            "::error file=registry/providers/odd%3Aname%2Cv2 (x).yaml,line=4,col=2,title=no-ads::"
            "100%25 sure: a, b | c <b>&amp;</b> \"q\" 'a' *x* [l](u)\\nnext\\x01"
            "line\\r\\nend%0A- notes: notes say \"50%25\" | <maybe> "
            "(registry/providers/odd:name,v2 (x).yaml:4:2)\n"
            "::notice file=registry/waivers.yaml,line=2,col=1,title=vendorlint waivers::"
            "50%25 done, see: <notes> & | more\n"
            "::error title=vendorlint::1 providers, 1 rules: 0 pass, 1 fail, 0 review, 0 waived, "
            "0 not applicable; gate: FAIL (--fail-on error)\n");
}

TEST(GithubReport, NoteWithoutLineOrFile) {
  EmptyReport fx;
  fx.report.waiver_notes = {
      Diagnostic{"registry/waivers.yaml", 0, 0, Severity::kWarning, "the file is empty"},
      Diagnostic{"", 0, 0, Severity::kError, "no waivers file"}};
  std::string out = WriteGithubAnnotations(fx.report);
  EXPECT_NE(out.find("::warning file=registry/waivers.yaml,title=vendorlint waivers::the file is "
                     "empty\n::error title=vendorlint waivers::no waivers file\n"),
            std::string::npos)
      << out;
}

// One command per line, one line per fail, review or waived finding, each
// pointing at a registry file.
TEST(GithubReport, RealRegistryOneLinePerFinding) {
  RealReport fx;
  std::string out = WriteGithubAnnotations(fx.report);
  const ReportSummary& s = fx.report.summary;
  size_t expected = s.count(Outcome::kFail) + s.count(Outcome::kReview) +
                    s.count(Outcome::kWaived) + fx.report.waiver_notes.size() + 1;
  std::istringstream lines(out);
  std::string line;
  size_t n = 0;
  while (std::getline(lines, line)) {
    ++n;
    EXPECT_TRUE(line.starts_with("::error ") || line.starts_with("::warning ") ||
                line.starts_with("::notice "))
        << line;
    if (n < expected) {
      EXPECT_TRUE(line.find(" file=registry/") != std::string::npos) << line;
    }
    EXPECT_EQ(line.find('\r'), std::string::npos);
  }
  EXPECT_EQ(n, expected);
  EXPECT_EQ(out, WriteGithubAnnotations(fx.report));  // deterministic
}

}  // namespace
}  // namespace vendorlint
