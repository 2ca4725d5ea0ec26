// Issue 8 item 4: input reaches terminals and CI logs only escaped. A provider
// name, an unknown key, a file name and a rule-test case name holding a line
// break, an ANSI escape or a bidi override come out as ONE visible line in
// every format and in every diagnostic; echoed input is cut short.
#include <gtest/gtest.h>

#include <algorithm>

#include <filesystem>
#include <sstream>

#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;
using testing::CopyProject;
using testing::ReadFileOrDie;
using testing::RunVendorlint;
using testing::WriteFileOrDie;

const char kAsOf[] = "--as-of=2026-11-22";
// The attack, as a YAML double-quoted string: a line break starting a GitHub
// workflow command, and a right-to-left override.
const char kEvilYaml[] = R"("x\n::error::pwned \u202E evil")";
// What every format must show instead (before its own escaping).
const char kShown[] = R"(x\n::error::pwned \u202E evil)";
const char kRlo[] = "\xE2\x80\xAE";  // U+202E, raw

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// No line of `s` is an injected command or holds a raw control, ESC or RLO.
void ExpectNoInjection(const std::string& s) {
  for (const std::string& line : Lines(s)) {
    EXPECT_FALSE(line.starts_with("::error::pwned")) << line;
    EXPECT_FALSE(line.starts_with("::stop-commands")) << line;
  }
  EXPECT_EQ(s.find(kRlo), std::string::npos);
  EXPECT_EQ(s.find('\x1b'), std::string::npos);
  EXPECT_EQ(s.find('\r'), std::string::npos);
}

std::string ProjectWithEvilName() {
  std::string dir = CopyProject();
  std::string path = dir + "/registry/providers/algolia.yaml";
  std::string text = ReadFileOrDie(path);
  size_t at = text.find("name: Algolia\n");
  EXPECT_NE(at, std::string::npos);
  text.replace(at, 14, std::string("name: ") + kEvilYaml + "\n");
  WriteFileOrDie(path, text);
  return dir;
}

TEST(InputEscaping, ProviderNameIsOneEscapedLineInText) {
  std::string dir = ProjectWithEvilName();
  auto r = RunVendorlint({"check", kAsOf, "--rule", "privacy-policy-recorded", "--provider",
                          "algolia", "--verbose"},
                         dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;  // a warning: the gate passes
  ExpectNoInjection(r.out);
  EXPECT_NE(r.out.find(std::string("         ") + kShown + " has no recorded HTTPS privacy policy link\n"),
            std::string::npos)
      << r.out;
}

TEST(InputEscaping, ProviderNameIsOneEscapedLineInMarkdown) {
  std::string dir = ProjectWithEvilName();
  auto r = RunVendorlint({"check", kAsOf, "--format", "markdown", "--rule",
                          "privacy-policy-recorded", "--provider", "algolia"},
                         dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;  // a warning: the gate passes
  ExpectNoInjection(r.out);
  // Markdown escapes the backslashes of the visible escapes, so they render.
  EXPECT_NE(r.out.find("| `privacy-policy-recorded` | warning | `algolia` | "
                       "x\\\\n::error::pwned \\\\u202E evil has no recorded HTTPS privacy policy link |"),
            std::string::npos)
      << r.out;
}

TEST(InputEscaping, ProviderNameCannotStartAGithubCommand) {
  std::string dir = ProjectWithEvilName();
  auto r = RunVendorlint({"check", kAsOf, "--format", "github", "--rule",
                          "privacy-policy-recorded", "--provider", "algolia"},
                         dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;  // a warning: the gate passes
  ExpectNoInjection(r.out);
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;  // one annotation, one summary
  EXPECT_EQ(lines[0],
            "::warning file=registry/providers/algolia.yaml,line=1,col=5,title=privacy-policy-recorded"
            "::x\\n::error::pwned \\u202E evil has no recorded HTTPS privacy policy link"
            "%0A- privacy_policy: privacy_policy is not stated (registry/providers/algolia.yaml:1:5)");
}

TEST(InputEscaping, ProviderNameIsEscapedInJsonSarifAndJunit) {
  std::string dir = ProjectWithEvilName();
  for (const char* format : {"json", "sarif", "junit"}) {
    SCOPED_TRACE(format);
    auto r = RunVendorlint({"check", kAsOf, "--format", format, "--rule",
                            "privacy-policy-recorded", "--provider", "algolia"},
                           dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;  // a warning: the gate passes
    ExpectNoInjection(r.out);
    std::string rlo = std::string(format) == "junit" ? "&#x202E;" : "\\u202e";
    EXPECT_NE(r.out.find("pwned " + rlo + " evil"), std::string::npos) << r.out;
  }
}

// An unknown key: the diagnostic is one line, escaped.
TEST(InputEscaping, UnknownKeyDiagnosticIsOneEscapedLine) {
  std::string dir = CopyProject();
  std::string path = dir + "/registry/providers/algolia.yaml";
  const std::string before = ReadFileOrDie(path);
  const auto line = std::count(before.begin(), before.end(), '\n') + 1;  // the appended key's
  WriteFileOrDie(path, before + kEvilYaml + ": 1\n");
  auto r = RunVendorlint({"validate"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  ExpectNoInjection(r.err);
  EXPECT_NE(r.err.find("registry/providers/algolia.yaml:" + std::to_string(line) +
                       ":1: error: unknown key `" +
                       kShown + "` in provider (expected one of: "),
            std::string::npos)
      << r.err;
}

// A file name is input too: ESC, a line break and U+202E in a provider file's
// name reach the diagnostics escaped.
TEST(InputEscaping, FileNameInDiagnosticsIsEscaped) {
  std::string dir = CopyProject();
  std::string name = "a\x1b[31m\n::error::pwned\xE2\x80\xAE.yaml";
  WriteFileOrDie(dir + "/registry/providers/" + name, "id: algolia-2\nname: A\n");
  auto r = RunVendorlint({"validate"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  ExpectNoInjection(r.err);
  EXPECT_NE(r.err.find("registry/providers/a\\x1B[31m\\n::error::pwned\\u202E.yaml:"),
            std::string::npos)
      << r.err;
}

// A rule-test case name with a line break, in `vendorlint test` output.
TEST(InputEscaping, RuleTestCaseNameIsOneEscapedLine) {
  std::string dir = CopyProject();
  std::string path = dir + "/rules/governance/privacy-policy-recorded.test.yaml";
  std::string text = ReadFileOrDie(path);
  std::string from = "  - name: plain http link fails\n    expect: fail\n";
  size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, from.size(), std::string("  - name: ") + kEvilYaml + "\n    expect: pass\n");
  WriteFileOrDie(path, text);
  auto r = RunVendorlint({"test"}, dir);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  std::string all = r.out + r.err;
  ExpectNoInjection(all);
  EXPECT_NE(all.find(std::string("case \"") + kShown + "\": expected pass, got fail"),
            std::string::npos)
      << all;
}

// A 100 KB unknown key is echoed as an 80-code-point excerpt with its size.
TEST(InputEscaping, LongUnknownKeyIsEchoedTruncated) {
  std::string dir = CopyProject();
  std::string path = dir + "/registry/providers/algolia.yaml";
  // An explicit key (`? k`): YAML caps implicit keys at 1024 characters.
  const std::string before = ReadFileOrDie(path);
  const auto line = std::count(before.begin(), before.end(), '\n') + 1;  // the appended key's
  WriteFileOrDie(path, before + "? " + std::string(100000, 'k') + "\n: 1\n");
  auto r = RunVendorlint({"validate"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_LT(r.err.size(), 1000u);
  EXPECT_NE(r.err.find("algolia.yaml:" + std::to_string(line) + ":3: error: unknown key `" +
                       std::string(80, 'k') +
                       "… (100000 bytes)` in provider (expected one of: "),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace vendorlint

namespace vendorlint {
namespace {

// Rule text is input too: `rules` and `explain` print it escaped.
TEST(InputEscaping, RuleTitleIsOneEscapedLineInRulesAndExplain) {
  std::string dir = testing::CopyProject();
  std::string path = dir + "/rules/governance/privacy-policy-recorded.yaml";
  std::string text = testing::ReadFileOrDie(path);
  std::string from = "title: Every provider has its privacy documentation recorded, at an HTTPS address\n";
  size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, from.size(), std::string("title: ") + kEvilYaml + "\n");
  testing::WriteFileOrDie(path, text);
  for (const char* command : {"rules", "explain"}) {
    SCOPED_TRACE(command);
    std::vector<std::string> args = {command};
    if (std::string(command) == "explain") args.push_back("privacy-policy-recorded");
    auto r = testing::RunVendorlint(args, dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    ExpectNoInjection(r.out);
    EXPECT_NE(r.out.find(kShown), std::string::npos) << r.out;
  }
}

}  // namespace
}  // namespace vendorlint
