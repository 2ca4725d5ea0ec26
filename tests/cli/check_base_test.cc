// `vendorlint check --base REF|DIR`: the base's findings are computed in the
// same run, the gate fails only on new ones, and the Markdown opens with the
// high-impact changes, the Art. 28 notice of a new processor and the new
// findings.
#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

#include "pull_request_fixture.h"
#include "test_support.h"

namespace vendorlint {
namespace {

using testing::CopyProject;
using testing::EditLikeAPullRequest;
using testing::ReadFileOrDie;
using testing::RunVendorlint;
using testing::SourceDir;
using testing::WriteFileOrDie;

int Git(const std::string& dir, const std::string& args) {
  std::string cmd = "cd '" + dir + "' && git -c user.name=t -c user.email=t@example.invalid " +
                    args + " >/dev/null 2>&1";
  return std::system(cmd.c_str());
}

const char kOpening[] =
    "## vendorlint: ❌ gate failed\n"
    "\n"
    "### Privacy impact against `main:registry`\n"
    "\n"
    "3 high, 0 medium, 0 low impact changes (`vendorlint diff --base` lists them all)\n"
    "\n"
    "| provider | change | where | why |\n"
    "|---|---|---|---|\n"
    "| `newvendor` | provider added: New Vendor | "
    "[registry/providers/newvendor.yaml:1](registry/providers/newvendor.yaml#L1) | a new "
    "processor of personal data |\n"
    "| `sendgrid` | subjects widened: student newly included: \\[teacher, parent, "
    "school\\_leader\\] → \\[teacher, parent, school\\_leader, student\\] | "
    "[registry/providers/sendgrid.yaml:10](registry/providers/sendgrid.yaml#L10) | students newly "
    "reached |\n"
    "| `sendgrid` | exclusion dropped | "
    "[registry/providers/sendgrid.yaml:1](registry/providers/sendgrid.yaml#L1) | a protection "
    "dropped |\n"
    "\n"
    "#### Art. 28 notice: New Vendor\n"
    "\n"
    "- **Who:** New Vendor, New Vendor Inc. (US)\n"
    "- **Where:** processing: US; storage: US\n"
    "- **What data:** user.contact.email about teacher\n"
    "- **For what:** analytics.reporting.product\\_usage\n"
    "\n"
    "### New findings (7)\n"
    "\n"
    "| outcome | rule | severity | provider | message | location |\n"
    "|---|---|---|---|---|---|\n"
    "| fail | `messaging-vendors-get-adult-contacts-only` | error | `sendgrid` | SendGrid sends "
    "email or SMS and receives contact details of minors | "
    "[sendgrid.yaml:11](registry/providers/sendgrid.yaml#L11) |\n";

TEST(CheckBase, MarkdownOpensWithTheHighImpactChangesTheNoticeAndTheNewFindings) {
  std::string root = CopyProject();
  ASSERT_EQ(Git(root, "init -q -b main"), 0);
  ASSERT_EQ(Git(root, "add registry rules"), 0);
  ASSERT_EQ(Git(root, "commit -q -m base"), 0);
  EditLikeAPullRequest(root);
  auto r = RunVendorlint({"check", "--base", "main", "--format", "markdown", "--as-of=2026-11-22"},
                         root);
  EXPECT_EQ(r.exit_code, 1) << r.err;  // SendGrid's new fail
  EXPECT_EQ(r.out.substr(0, std::string(kOpening).size()), kOpening);
  EXPECT_NE(r.out.find("Gate: `--fail-on error` · baseline: 7 new, 0 fixed"), std::string::npos)
      << r.out;
}

TEST(CheckBase, TheGateFailsOnlyOnNewFindings) {
  std::string root = CopyProject();
  std::string base = SourceDir() + "/registry";
  // Nothing changed: the real registry's failures are all known to the base.
  auto same = RunVendorlint({"check", "--base", base, "--as-of=2026-11-22"}, root);
  EXPECT_EQ(same.exit_code, 0) << same.out << same.err;
  auto plain = RunVendorlint({"check", "--as-of=2026-11-22"}, root);
  EXPECT_EQ(plain.exit_code, 1);
  EditLikeAPullRequest(root);
  auto changed = RunVendorlint({"check", "--base", base, "--as-of=2026-11-22", "--format", "json"},
                               root);
  EXPECT_EQ(changed.exit_code, 1) << changed.err;
}

TEST(CheckBase, BaseAndBaselineContradictEachOther) {
  auto r = RunVendorlint({"check", "--base", "registry", "--baseline", "b.yaml"}, SourceDir());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "vendorlint: error: --base and --baseline both say which findings are known; give one "
            "(--base computes the base's findings in the same run)\n");
}

}  // namespace
}  // namespace vendorlint
