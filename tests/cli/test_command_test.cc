// Issue 8, item 2: `vendorlint test` exited 0 when a rule's test file was
// empty, comment-only or failed to parse ("133 passed, 0 failed"), so a pull
// request could switch a rule's tests off. Every test file that tests nothing
// is a failure: printed, counted, exit 1 (docs/rules.md, "Testing rules").
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "test_support.h"

namespace vendorlint {
namespace {

using testing::CopyProject;
using testing::ReadFileOrDie;
using testing::RunVendorlint;
using testing::WriteFileOrDie;

const char kTestFile[] = "rules/security/personal-data-encrypted-at-rest.test.yaml";

// The pack's own count of passing cases, from an untouched copy.
size_t PassedCases(const std::string& out) {
  return std::stoul(out.substr(out.rfind('\n', out.size() - 2) + 1));
}

TEST(TestCommand, ABrokenTestFileFailsTheRun) {
  std::string pristine = CopyProject();
  auto base = RunVendorlint({"test"}, pristine);
  ASSERT_EQ(base.exit_code, 0) << base.out;
  // The cases of the file about to be broken no longer pass.
  size_t own_cases = 0;
  for (size_t at = 0; (at = ReadFileOrDie(pristine + "/" + kTestFile).find("- name:", at)) !=
                      std::string::npos;
       ++at) {
    ++own_cases;
  }
  ASSERT_GT(own_cases, 1u);
  size_t passed = PassedCases(base.out) - own_cases;

  struct Case {
    std::string content, error;
  };
  const Case cases[] = {
      {"", std::string(kTestFile) + ": error: file is empty"},
      {"# the tests are off for now\n", std::string(kTestFile) + ": error: file is empty"},
      {"rule: [\n", std::string(kTestFile) +
                        ":2:1: error: YAML syntax error: end of sequence flow not found"},
      {"rule: personal-data-encrypted-at-rest\ncases: []\n",
       std::string(kTestFile) + ":2:8: error: `cases` needs at least one case"},
  };
  for (const Case& c : cases) {
    std::string dir = CopyProject();
    WriteFileOrDie(dir + "/" + kTestFile, c.content);
    auto r = RunVendorlint({"test"}, dir);
    EXPECT_EQ(r.exit_code, 1) << c.content;
    EXPECT_EQ(r.out, c.error + "\n" + std::to_string(passed) + " passed, 1 failed\n");
  }
}

TEST(TestCommand, AMissingTestFileFailsTheRun) {
  std::string dir = CopyProject();
  std::filesystem::remove(dir + "/" + kTestFile);
  auto r = RunVendorlint({"test"}, dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("error: rule `personal-data-encrypted-at-rest` has no test file (expected "
                       "rules/security/personal-data-encrypted-at-rest.test.yaml)\n"),
            std::string::npos)
      << r.out;
  EXPECT_TRUE(r.out.ends_with(" passed, 1 failed\n")) << r.out;
}

}  // namespace
}  // namespace vendorlint
