// Issue-level scenarios for reports, waivers and baselines, through the
// binary: a waiver that expired yesterday fails the nightly run again; a
// baseline fails the gate only on new findings and survives reformatting;
// the SARIF and JUnit the CLI writes pass the official validators.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;
using testing::CopyProject;
using testing::MakeTempDir;
using testing::ReadFileOrDie;
using testing::RunVendorlint;
using testing::SharedDir;
using testing::SourceDir;
using testing::WriteFileOrDie;

const char kRule[] = "internal-tools-hold-personal-data-only-incidentally";

void WriteZendeskWaiver(const std::string& dir, const std::string& expires) {
  WriteFileOrDie(dir + "/registry/waivers.yaml",
                 std::string("waivers:\n"
                             "  - rule: ") +
                     kRule +
                     "\n"
                     "    provider: zendesk\n"
                     "    justification: Support tickets are routine by design; DPA signed.\n"
                     "    approved_by: Privacy officer\n"
                     "    expires: " +
                     expires + "\n");
}

TEST(CheckWaivers, AWaiverDatedYesterdayFailsTheNightlyRunAgain) {
  std::string dir = CopyProject();
  WriteZendeskWaiver(dir, "2026-11-21");
  std::vector<std::string> args = {"check", "--rule", kRule};

  // --verbose lists waived findings with their waiver; the default only counts them.
  auto valid =
      RunVendorlint({"check", "--rule", kRule, "--as-of", "2026-11-21", "--verbose"}, dir);
  EXPECT_EQ(valid.exit_code, 0) << valid.out << valid.err;  // valid through its expiry day
  EXPECT_NE(valid.out.find("  WAIVED zendesk  registry/providers/zendesk.yaml:"), std::string::npos)
      << valid.out;
  EXPECT_NE(valid.out.find("waived by Privacy officer until 2026-11-21"), std::string::npos);

  auto expired = RunVendorlint({"check", "--rule", kRule, "--as-of", "2026-11-22"}, dir);
  EXPECT_EQ(expired.exit_code, 1) << expired.out << expired.err;
  EXPECT_NE(expired.out.find("  FAIL   zendesk"), std::string::npos) << expired.out;
  EXPECT_NE(expired.out.find("(waiver expired on 2026-11-21)"), std::string::npos) << expired.out;
  EXPECT_NE(expired.out.find("registry/waivers.yaml:2:5: error: waiver for rule `" +
                             std::string(kRule) + "` on provider `zendesk` expired on 2026-11-21"),
            std::string::npos)
      << expired.out;

  // Audits ignore waivers.
  auto audit =
      RunVendorlint({"check", "--rule", kRule, "--as-of", "2026-11-21", "--no-waivers"}, dir);
  EXPECT_EQ(audit.exit_code, 1);
  EXPECT_EQ(audit.out.find("WAIVED"), std::string::npos);
}

TEST(CheckWaivers, ExpiringSoonIsAWarning) {
  std::string dir = CopyProject();
  WriteZendeskWaiver(dir, "2026-12-01");
  auto r = RunVendorlint({"check", "--rule", kRule, "--as-of", "2026-11-22"}, dir);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("registry/waivers.yaml:2:5: warning: waiver for rule `" +
                       std::string(kRule) + "` on provider `zendesk` expires on 2026-12-01"),
            std::string::npos)
      << r.out;
  auto quiet = RunVendorlint(
      {"check", "--rule", kRule, "--as-of", "2026-11-22", "--warn-expiring", "5"}, dir);
  EXPECT_EQ(quiet.out.find("expires on"), std::string::npos) << quiet.out;
}

TEST(CheckWaivers, AnInvalidWaiversFileStopsEverything) {
  std::string dir = CopyProject();
  std::string report = dir + "/out/report.sarif";
  auto first = RunVendorlint({"check", "--fail-on", "none", "--report", "sarif=" + report}, dir);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  std::string before = ReadFileOrDie(report);
  WriteFileOrDie(dir + "/registry/waivers.yaml",
                 "waivers:\n  - rule: no-such-rule\n    provider: zendesk\n"
                 "    justification: x\n    approved_by: y\n    expires: 2026-13-01\n");
  auto bad = RunVendorlint({"check", "--fail-on", "none", "--report", "sarif=" + report}, dir);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.out, "");
  EXPECT_NE(bad.err.find("registry/waivers.yaml:2:11: error: unknown rule `no-such-rule`"),
            std::string::npos)
      << bad.err;
  EXPECT_NE(bad.err.find("registry/waivers.yaml:6:14: error:"), std::string::npos) << bad.err;
  EXPECT_EQ(ReadFileOrDie(report), before);
}

// The same provider file, reformatted: comments, blank lines, block lists,
// so that every line moves.
std::string Reformat(const std::string& yaml) {
  std::string out = "# Reformatted by hand.\n\n# Facts unchanged.\n";
  size_t start = 0;
  while (start < yaml.size()) {
    size_t end = yaml.find('\n', start);
    std::string line = yaml.substr(start, end - start);
    if (line == "contexts: [website]") line = "contexts:\n  - website";
    out += line + "\n";
    if (!line.empty() && line[0] != ' ' && line[0] != '-') out += "\n";
    start = end + 1;
  }
  return out;
}

TEST(CheckBaseline, FailsOnlyOnNewFindingsAndSurvivesReformatting) {
  std::string dir = CopyProject();
  auto write = RunVendorlint(
      {"check", "--as-of", "2026-11-22", "--write-baseline", "baseline.yaml", "--format", "json"},
      dir);
  EXPECT_EQ(write.exit_code, 1);  // the real registry fails today
  std::string json_before = write.out;

  std::string fb = dir + "/registry/providers/facebook-ads.yaml";
  WriteFileOrDie(fb, Reformat(ReadFileOrDie(fb)));
  auto same = RunVendorlint({"check", "--as-of", "2026-11-22", "--baseline", "baseline.yaml"}, dir);
  EXPECT_EQ(same.exit_code, 0) << same.out;  // nothing new: the gate passes
  EXPECT_NE(same.out.find("New since the baseline: none\n"), std::string::npos) << same.out;
  EXPECT_NE(same.out.find("Fixed since the baseline: none\n"), std::string::npos) << same.out;

  // Fingerprints do not move with the lines.
  auto json_after = RunVendorlint({"check", "--as-of", "2026-11-22", "--format", "json"}, dir);
  auto fingerprints = [](const std::string& json) {
    std::vector<std::string> out;
    for (size_t at = json.find("\"fingerprint\": "); at != std::string::npos;
         at = json.find("\"fingerprint\": ", at + 1))
      out.push_back(json.substr(at, 35));
    return out;
  };
  EXPECT_EQ(fingerprints(json_before), fingerprints(json_after.out));
  EXPECT_NE(json_before, json_after.out);  // the line numbers did move

  // A new student flow to the ad vendor is new, and fails the gate.
  std::string text = ReadFileOrDie(fb);
  size_t at = text.find("exclusions:");
  text.insert(at,
              "  - direction: shared\n    subjects: [student]\n    categories: [user.name]\n\n");
  WriteFileOrDie(fb, text);
  auto fresh =
      RunVendorlint({"check", "--as-of", "2026-11-22", "--baseline", "baseline.yaml"}, dir);
  EXPECT_EQ(fresh.exit_code, 1) << fresh.out;
  size_t new_section = fresh.out.find("New since the baseline:\n");
  ASSERT_NE(new_section, std::string::npos) << fresh.out;
  size_t fixed_section = fresh.out.find("Fixed since the baseline: none\n", new_section);
  size_t hit = fresh.out.find("  FAIL   no-student-data-to-advertisers facebook-ads", new_section);
  EXPECT_LT(hit, fixed_section) << fresh.out;
}

// Runs a validator from ../shared/tools; "" when it passes.
std::string Validate(const std::string& tool, const std::vector<std::string>& args) {
  auto r = testing::RunSharedTool(tool, args);
  return r.exit_code == 0 ? "" : r.output.empty() ? "failed" : r.output;
}

TEST(CheckReports, SarifAndJunitFromTheCliPassTheValidators) {
  VL_SKIP_WITHOUT_SHARED();
  std::string dir = CopyProject();
  WriteZendeskWaiver(dir, "2026-12-31");
  auto r = RunVendorlint({"check", "--as-of", "2026-11-22", "--category", "vendorlint/test/",
                          "--report", "sarif=out/v.sarif", "--report", "junit=out/v.xml",
                          "--report", "markdown=out/v.md", "--report", "github=out/v.txt",
                          "--report", "sarif-dashboard=out/dashboard.sarif"},
                         dir);
  // Zendesk's finding is waived here; Blueshift's still fails the gate.
  ASSERT_EQ(r.exit_code, 1) << r.err;
  std::string sarif = ReadFileOrDie(dir + "/out/v.sarif");
  EXPECT_NE(sarif.find("\"uri\": \"registry/providers/zendesk.yaml\""), std::string::npos);
  // The waived finding is not for code scanning; the dashboard has it.
  EXPECT_EQ(sarif.find("\"kind\": \"external\""), std::string::npos);
  std::string dashboard = ReadFileOrDie(dir + "/out/dashboard.sarif");
  EXPECT_NE(dashboard.find("\"kind\": \"external\""), std::string::npos);  // the waiver
  EXPECT_NE(dashboard.find("\"kind\": \"pass\""), std::string::npos);
  EXPECT_NE(sarif.find("\"id\": \"vendorlint/test/\""), std::string::npos);
  if (std::system("command -v node >/dev/null 2>&1") == 0) {
    EXPECT_EQ(Validate("validate-sarif", {"--github", dir + "/out/v.sarif"}), "");
    EXPECT_EQ(Validate("validate-sarif", {dir + "/out/dashboard.sarif"}), "");
  } else {
    std::fprintf(stderr, "note: node is missing: SARIF schema validation skipped\n");
  }
  if (std::system("command -v xmllint >/dev/null 2>&1") == 0) {
    EXPECT_EQ(Validate("validate-junit", {"--strict", dir + "/out/v.xml"}), "");
    EXPECT_EQ(Validate("validate-junit", {"--strict", "--ant", dir + "/out/v.xml"}), "");
  } else {
    std::fprintf(stderr, "note: xmllint is missing: JUnit validation skipped\n");
  }
  EXPECT_TRUE(ReadFileOrDie(dir + "/out/v.md").starts_with("## vendorlint: "));
  EXPECT_TRUE(ReadFileOrDie(dir + "/out/v.txt").starts_with("::"));
}

TEST(CheckReports, IncludePassesPointsAtTheDashboard) {
  std::string dir = CopyProject();
  auto r = RunVendorlint({"check", "--include-passes", "--format", "sarif"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "vendorlint: error: --include-passes is gone: GitHub code scanning opens an alert for "
            "every SARIF result, passes included; write the passes to a dashboard log instead: "
            "--report sarif-dashboard=PATH\n");
}

// A broken registry file is the most common pull-request mistake: with
// --format github it annotates the diff too (stdout), besides stderr.
TEST(CheckReports, GithubFormatAnnotatesInvalidInput) {
  std::string dir = CopyProject();
  std::string path = dir + "/registry/providers/algolia.yaml";
  std::string text = ReadFileOrDie(path);
  text.replace(text.find("contexts:"), 9, "context:");
  WriteFileOrDie(path, text);
  auto r = RunVendorlint({"check", "--format", "github"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.starts_with(
      "::error file=registry/providers/algolia.yaml,line=3,col=1,title=vendorlint::"))
      << r.out;
  EXPECT_TRUE(r.out.ends_with("; nothing was evaluated; every message is in the log\n")) << r.out;
  EXPECT_NE(r.err.find("registry/providers/algolia.yaml:3:1: error: "), std::string::npos)
      << r.err;
  // Other formats keep stdout empty.
  auto text_run = RunVendorlint({"check"}, dir);
  EXPECT_EQ(text_run.exit_code, 2);
  EXPECT_EQ(text_run.out, "");
}

}  // namespace
}  // namespace vendorlint
