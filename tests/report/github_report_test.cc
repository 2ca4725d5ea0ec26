// The GitHub workflow-command writer: exact lines for a hand-made report, the
// level of each kind of finding, and GitHub's escaping of data and properties.
#include "report/github_report.h"

#include <gtest/gtest.h>

#include <sstream>

#include <fmt/format.h>

#include "report/fixtures/sample_report.h"

namespace vendorlint {
namespace {

using testing::EmptyReport;
using testing::NastyReport;
using testing::RealReport;
using testing::SampleReport;

TEST(GithubReport, SampleGolden) {
  SampleReport fx;
  // Errors, warnings, notices; within each what fails the gate or is new
  // first (the expired waiver, an error), then fails, reviews, waived, waiver
  // notes; the summary notice last, always a notice (it counts toward
  // GitHub's per-step limit of 10 errors otherwise).
  EXPECT_EQ(
      WriteGithubAnnotations(fx.report),
      "::error file=registry/waivers.yaml,line=3,col=5,title=vendorlint waivers::"
      "waiver for encrypted-at-rest/db expired on 2026-10-01\n"
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
      "::warning file=registry/waivers.yaml,line=9,col=5,title=vendorlint waivers::"
      "waiver for reviewed-yearly/ads expires in 12 days\n"
      "::notice file=registry/providers/ads.yaml,line=20,col=16,title=reviewed-yearly::"
      "waived by dpo until 2026-12-04: Review booked for December "
      "(was fail: Ads was last reviewed on 2025-01-10)"
      "%0A- last_reviewed: last_reviewed is 2025-01-10 (registry/providers/ads.yaml:20:16)\n"
      // The gate passes: the one error fail is already in the baseline.
      "::notice title=vendorlint::2 providers, 3 rules: 1 pass, 2 fail, 1 review, 1 waived, "
      "1 not applicable; gate: PASS (--fail-on error); baseline: 2 new, 1 fixed; "
      "the full report is in the job summary\n");
}

TEST(GithubReport, EmptyReportIsOnlyTheSummary) {
  EmptyReport fx;
  EXPECT_EQ(WriteGithubAnnotations(fx.report),
            "::notice title=vendorlint::0 providers, 0 rules: 0 pass, 0 fail, 0 review, "
            "0 waived, 0 not applicable; gate: PASS (--fail-on error); the full report is in "
            "the job summary\n");
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
            "::notice title=vendorlint::1 providers, 1 rules: 0 pass, 1 fail, 0 review, 0 waived, "
            "0 not applicable; gate: FAIL (--fail-on error); the full report is in the job "
            "summary\n");
}

TEST(GithubReport, NoteWithoutLineOrFile) {
  EmptyReport fx;
  fx.report.waiver_notes = {
      Diagnostic{"registry/waivers.yaml", 0, 0, Severity::kWarning, "the file is empty"},
      Diagnostic{"", 0, 0, Severity::kError, "no waivers file"}};
  std::string out = WriteGithubAnnotations(fx.report);
  EXPECT_NE(out.find("::error title=vendorlint waivers::no waivers file\n"
                     "::warning file=registry/waivers.yaml,title=vendorlint waivers::the file is "
                     "empty\n"),
            std::string::npos)
      << out;
}

// GitHub shows 10 errors, 10 warnings and 10 notices per step and drops the
// rest silently: the real registry's 121 annotations become the 10 most
// important warnings and every error, then a notice that counts the rest.
TEST(GithubReport, RealRegistryStaysWithinGithubsLimits) {
  RealReport fx;
  std::string out = WriteGithubAnnotations(fx.report);
  const ReportSummary& s = fx.report.summary;
  size_t all = s.count(Outcome::kFail) + s.count(Outcome::kReview) + s.count(Outcome::kWaived) +
               fx.report.waiver_notes.size();
  std::istringstream lines(out);
  std::string line;
  size_t errors = 0, warnings = 0, notices = 0, n = 0;
  std::string last;
  while (std::getline(lines, line)) {
    ++n;
    EXPECT_EQ(line.find('\r'), std::string::npos);
    if (line.starts_with("::error ")) ++errors;
    if (line.starts_with("::warning ")) ++warnings;
    if (line.starts_with("::notice ")) ++notices;
    // Errors before warnings before notices.
    if (line.starts_with("::error ")) EXPECT_EQ(warnings + notices, 0u) << line;
    if (line.starts_with("::warning ")) EXPECT_EQ(notices, 0u) << line;
    last = line;
  }
  EXPECT_LE(errors, 10u);
  EXPECT_EQ(warnings, 10u);
  EXPECT_EQ(notices, 1u);
  size_t shown = n - 1;
  EXPECT_NE(last.find(fmt::format("; {} more annotations not shown (", all - shown)),
            std::string::npos)
      << last;
  EXPECT_TRUE(last.ends_with("GitHub shows 10 errors, 10 warnings and 10 notices per step; the "
                             "full report is in the job summary"))
      << last;
  EXPECT_EQ(out, WriteGithubAnnotations(fx.report));  // deterministic
}

// Within a level, what fails the gate comes before what does not: with
// --fail-on warning, warning fails are shown before reviews.
TEST(GithubReport, PressingFirst) {
  RealReport fx;
  fx.report.policy.fail_on = Severity::kWarning;
  std::string out = WriteGithubAnnotations(fx.report);
  EXPECT_EQ(out.find("needs review: "), std::string::npos) << out;
}

// Exit-2 diagnostics: ::error lines within the same limits, then a notice.
TEST(GithubReport, Diagnostics) {
  std::vector<Diagnostic> diags = {
      {"registry/providers/a.yaml", 3, 7, Severity::kError, "unknown key `purpose`, did you mean `purposes`?"},
      {"registry/providers/b.yaml", 0, 0, Severity::kWarning, "file is empty"}};
  EXPECT_EQ(WriteGithubDiagnostics(diags, "registry"),
            "::error file=registry/providers/a.yaml,line=3,col=7,title=vendorlint::"
            "unknown key `purpose`, did you mean `purposes`?\n"
            "::warning file=registry/providers/b.yaml,title=vendorlint::file is empty\n"
            "::notice title=vendorlint::1 error in registry; nothing was evaluated; every "
            "message is in the log\n");
  diags.assign(12, diags[0]);
  std::string out = WriteGithubDiagnostics(diags, "registry");
  EXPECT_TRUE(out.ends_with("::notice title=vendorlint::12 errors in registry; nothing was "
                            "evaluated; 2 more annotations not shown (2 error, 0 warning, 0 "
                            "notice): GitHub shows 10 errors, 10 warnings and 10 notices per "
                            "step; every message is in the log\n"))
      << out;
}

}  // namespace
}  // namespace vendorlint
