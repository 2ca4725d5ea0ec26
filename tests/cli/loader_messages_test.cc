// Issue 8 item 9 through the binary: messages that say what is wrong.
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;
using testing::CopyProject;
using testing::ReadFileOrDie;
using testing::RunVendorlint;
using testing::WriteFileOrDie;

void ReplaceOrDie(const std::string& path, const std::string& from, const std::string& to) {
  std::string text = ReadFileOrDie(path);
  size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  WriteFileOrDie(path, text);
}

std::string FirstLine(const std::string& s) { return s.substr(0, s.find('\n')); }

// `validate` with algolia.yaml's `name: Algolia` line followed by `extra`.
std::string ValidateWith(const std::string& extra) {
  std::string dir = CopyProject();
  ReplaceOrDie(dir + "/registry/providers/algolia.yaml", "name: Algolia\n",
               "name: Algolia\n" + extra + "\n");
  auto r = RunVendorlint({"validate"}, dir);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  return FirstLine(r.err);
}

// File-level diagnostics have no line and column (docs/registry.md).
TEST(LoaderMessages, FileLevelDiagnosticsHaveNoLineAndColumn) {
  std::string dir = CopyProject();
  WriteFileOrDie(dir + "/registry/providers/empty.yaml", "");
  auto r = RunVendorlint({"validate"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "registry/providers/empty.yaml: error: file is empty\n"
            "vendorlint: 1 error in registry; nothing was evaluated\n");
}

TEST(LoaderMessages, UppercaseFileNameSaysToRenameTheFile) {
  std::string dir = CopyProject();
  fs::rename(dir + "/registry/providers/aws.yaml", dir + "/registry/providers/AWS.yaml");
  auto r = RunVendorlint({"validate"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(FirstLine(r.err),
            "registry/providers/AWS.yaml:1:5: error: file names must be lowercase, like ids: "
            "rename `AWS.yaml` to `aws.yaml`");
}

// mongodb-atlas is hosted on aws: an unreadable aws.yaml is one error, not
// also "`hosted_on` names unknown provider `aws`".
TEST(LoaderMessages, UnreadableProviderGivesNoFollowOnError) {
  std::string dir = CopyProject();
  fs::remove(dir + "/registry/providers/aws.yaml");
  fs::create_symlink("missing.yaml", dir + "/registry/providers/aws.yaml");
  auto r = RunVendorlint({"validate"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "registry/providers/aws.yaml: error: cannot read file: No such file or directory\n"
            "vendorlint: 1 error in registry; nothing was evaluated\n");
}

TEST(LoaderMessages, ValuesGetMessagesThatSayWhatIsWrong) {
  EXPECT_EQ(ValidateWith("links: [{kind: privacy_policy, url: \"https://[::1]/x\"}]"),
            "registry/providers/algolia.yaml:3:37: error: `url` is not a valid URL (it "
            "names an IP address (`[...]`); write the host name): \"https://[::1]/x\"");
  EXPECT_EQ(ValidateWith("last_reviewed: 1899-12-31"),
            "registry/providers/algolia.yaml:3:16: error: `last_reviewed` is before 1900, which "
            "vendorlint does not accept: \"1899-12-31\"");
  // The loader has no as-of date: "today" is the machine's.
  std::string future = ValidateWith("last_reviewed: 2999-01-01");
  EXPECT_TRUE(future.starts_with("registry/providers/algolia.yaml:3:16: error: `last_reviewed` is "
                                 "2999-01-01, after today ("))
      << future;
  EXPECT_TRUE(future.ends_with("): a review date cannot be in the future")) << future;
}

TEST(LoaderMessages, ZeroWidthSpaceIsBlank) {
  EXPECT_EQ(ValidateWith("notes: \"\\u200B\""),
            "registry/providers/algolia.yaml:3:8: error: `notes` must not be blank");
  std::string dir = CopyProject();
  WriteFileOrDie(dir + "/registry/waivers.yaml",
                 "waivers:\n"
                 "  - rule: privacy-policy-recorded\n"
                 "    provider: algolia\n"
                 "    justification: \"\\u200B\\u00A0\"\n"
                 "    approved_by: Security lead\n"
                 "    expires: 2026-12-31\n");
  auto r = RunVendorlint({"check", "--as-of=2026-11-22"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(FirstLine(r.err),
            "registry/waivers.yaml:4:20: error: `justification` must not be blank");
}

TEST(LoaderMessages, NumbersSayWhatIsWrong) {
  for (const auto& [value, message] : std::vector<std::pair<std::string, std::string>>{
           {"\"365\"", "not a quoted string: remove the quotes, not \"365\""},
           {"9223372036854775808",
            "between -9223372036854775808 and 9223372036854775807 (this one is out of range), "
            "not \"9223372036854775808\""},
           {"0365", "written in decimal without leading zeros, not \"0365\""}}) {
    SCOPED_TRACE(value);
    std::string dir = CopyProject();
    ReplaceOrDie(dir + "/rules/governance/providers-reviewed-within-a-year.yaml",
                 "within_days: 365}", "within_days: " + value + "}");
    auto r = RunVendorlint({"rules"}, dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("error: `within_days` must be a whole number " + message),
              std::string::npos)
        << r.err;
  }
}

}  // namespace
}  // namespace vendorlint
