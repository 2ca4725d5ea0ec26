// `vendorlint validate` loads everything `check` and `test` would: the
// registry, the rules, every rule's test file, the waivers and a given
// baseline. Through the binary, on a copy of the project.
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

// Each input says where it came from (the lookup order of docs/install.md).
const char kValid[] =
    "registry: valid: 29 providers, 42 data flows, 4 contexts\n"
    "rules: valid: 29 rules, 198 test cases (from ./rules)\n"
    "registry/taxonomy.yaml: valid: taxonomy (from the registry)\n";

TEST(Validate, TheProjectIsValid) {
  auto r = RunVendorlint({"validate"}, CopyProject());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, kValid);
  EXPECT_EQ(r.err, "");
}

TEST(Validate, ABrokenWaiversFileIsInvalid) {
  std::string dir = CopyProject();
  WriteFileOrDie(dir + "/registry/waivers.yaml", "waivers:\n  - rule: nope\n");
  auto r = RunVendorlint({"validate"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "registry/waivers.yaml:2:5: error: missing required key `approved_by` in waiver\n"
            "registry/waivers.yaml:2:5: error: missing required key `expires` in waiver\n"
            "registry/waivers.yaml:2:5: error: missing required key `justification` in waiver\n"
            "registry/waivers.yaml:2:5: error: missing required key `provider` in waiver\n"
            "registry/waivers.yaml:2:11: error: unknown rule `nope`\n"
            "vendorlint: 5 errors in registry/waivers.yaml; nothing was evaluated\n");
  // --no-waivers is what check would do too.
  r = RunVendorlint({"validate", "--no-waivers"}, dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(Validate, AValidWaiversFileIsCounted) {
  std::string dir = CopyProject();
  WriteFileOrDie(dir + "/w.yaml",
                 "waivers:\n"
                 "  - rule: personal-data-encrypted-at-rest\n"
                 "    provider: aws\n"
                 "    justification: reviewed\n"
                 "    approved_by: someone@example.com\n"
                 "    approved: 2026-11-01\n"  // the span is then fixed, whatever today is
                 "    expires: 2027-06-01\n");
  auto r = RunVendorlint({"validate", "--waivers", "w.yaml"}, dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, std::string(kValid) + "w.yaml: valid: 1 waivers\n");
}

TEST(Validate, ARuleWithoutATestFileIsInvalid) {
  std::string dir = CopyProject();
  fs::remove(dir + "/rules/governance/sources-cite-row.test.yaml");
  auto r = RunVendorlint({"validate"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "rules/governance/sources-cite-row.yaml:1:5: error: rule `sources-cite-row` has no "
            "test file (expected rules/governance/sources-cite-row.test.yaml)\n"
            "vendorlint: 1 error in rules; nothing was evaluated\n");
}

TEST(Validate, ATestCaseWithAnotherOutcomeIsNotInvalidInput) {
  // A mismatch is a test failure for `vendorlint test`, not a broken file.
  std::string dir = CopyProject();
  std::string path = dir + "/rules/governance/sources-cite-row.test.yaml";
  std::string text = ReadFileOrDie(path);
  size_t at = text.find("expect: pass");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 12, "expect: review");
  WriteFileOrDie(path, text);
  EXPECT_EQ(RunVendorlint({"validate"}, dir).exit_code, 0);
  EXPECT_EQ(RunVendorlint({"test"}, dir).exit_code, 1);
}

TEST(Validate, AGivenBaselineIsRead) {
  std::string dir = CopyProject();
  WriteFileOrDie(dir + "/base.yaml", "version: 9\n");
  auto r = RunVendorlint({"validate", "--baseline", "base.yaml"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "base.yaml:1:1: error: missing required key `findings` in baseline\n"
            "base.yaml:1:1: error: missing required key `vendorlint_baseline` in baseline\n"
            "base.yaml:1:1: error: unknown key `version` in baseline (expected one of: "
            "vendorlint_baseline, findings)\n"
            "vendorlint: 3 errors in base.yaml; nothing was evaluated\n");
  auto w = RunVendorlint({"check", "--as-of", "2026-11-22", "--fail-on", "none", "--write-baseline",
                          "b.yaml", "--provider", "aws"},
                         dir);
  ASSERT_EQ(w.exit_code, 0) << w.err;
  r = RunVendorlint({"validate", "--baseline", "b.yaml"}, dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with(kValid)) << r.out;
  EXPECT_TRUE(r.out.ends_with(" findings\n")) << r.out;
}

// What a person editing a provider file by hand sees for the usual mistakes.
TEST(Validate, MistakesInAProviderFileAreExplained) {
  std::string dir = CopyProject();
  WriteFileOrDie(dir + "/registry/providers/newco.yaml",
                 "id: newco\nname: NewCo\nstorage:\n\tstores_data: true\n");
  auto r = RunVendorlint({"validate"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(
      r.err,
      "registry/providers/newco.yaml:4:1: error: a tab indents this line, and YAML allows only "
      "spaces in indentation: replace the tab with spaces\n"
      "vendorlint: 1 error in registry; nothing was evaluated\n");

  std::string text = ReadFileOrDie(dir + "/registry/providers/algolia.yaml");
  size_t at = text.find("categories: [");
  ASSERT_NE(at, std::string::npos);
  text.insert(at + 13, "user.contact.name, ");
  WriteFileOrDie(dir + "/registry/providers/algolia.yaml", text);
  WriteFileOrDie(dir + "/registry/providers/newco.yaml",
                 "id: newco\nname: \"Amazon\" Web Services\n");
  r = RunVendorlint({"validate"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("error: unknown data category \"user.contact.name\" in `categories`; did "
                       "you mean `user.name`? (new keys go in taxonomy.yaml under "
                       "`data_categories`)\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("registry/providers/newco.yaml:2:16: error: the value ends at its closing "
                       "quote, so the text after it is an error; to start a value with a quote, "
                       "quote the whole value: name: '\"Amazon\" Web Services'\n"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace vendorlint
