// `check`'s text output on the real registry leads with what matters (issue 11
// §1): short by default, everything with --verbose, only the gate with --quiet.
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace vendorlint {
namespace {

using testing::ReadFileOrDie;
using testing::RunVendorlint;
using testing::SourceDir;

const char kAsOf[] = "--as-of=2026-11-22";

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string Head(const std::vector<std::string>& lines, size_t n) {
  std::string head;
  for (size_t i = 0; i < lines.size() && i < n; ++i) head += lines[i] + "\n";
  return head;
}

TEST(CheckText, TheRealRegistryFitsInEightyLinesWithTheGateFailuresFirst) {
  auto r = RunVendorlint({"check", kAsOf}, SourceDir());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto lines = Lines(r.out);
  EXPECT_LE(lines.size(), 80u) << r.out;
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "FAIL: 2 findings fail the gate (--fail-on error)");
  const std::string head = Head(lines, 20);
  EXPECT_NE(head.find("  FAIL   zendesk internal-tools-hold-personal-data-only-incidentally [error]"),
            std::string::npos)
      << head;
  EXPECT_NE(head.find("  FAIL   blueshift no-student-data-to-marketing-vendors [error]"),
            std::string::npos)
      << head;
  EXPECT_NE(r.out.find("         more: vendorlint explain no-student-data-to-marketing-vendors "
                       "--provider blueshift\n"),
            std::string::npos)
      << r.out;
  // Other tools read the summary line at the end.
  EXPECT_TRUE(r.out.ends_with("gate: FAIL (--fail-on error)\n")) << r.out;
  // The same question about many providers is asked once (32 groups of 290 questions).
  EXPECT_NE(r.out.find("  and 22 more (--verbose)\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  2. How long do these providers keep the data? (blocks 55)\n"), std::string::npos) << r.out;
}

TEST(CheckText, QuietShowsOnlyTheVerdictAndTheGateFailures) {
  auto def = RunVendorlint({"check", kAsOf}, SourceDir());
  auto r = RunVendorlint({"check", kAsOf, "--quiet"}, SourceDir());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.err, "");
  // The default output up to its "Other fails", then the summary line.
  const size_t other = def.out.find("\nOther fails");
  ASSERT_NE(other, std::string::npos) << def.out;
  const size_t summary = def.out.rfind("\n29 providers");
  EXPECT_EQ(r.out, def.out.substr(0, other + 1) + def.out.substr(summary + 1));
  EXPECT_EQ(r.out.find("Questions"), std::string::npos);
  EXPECT_EQ(r.out.find("Other fails"), std::string::npos);
  EXPECT_NE(r.out.find("         fix: "), std::string::npos);
}

TEST(CheckText, VerboseListsEveryFindingAndEvidenceItem) {
  auto r = RunVendorlint({"check", kAsOf, "--verbose"}, SourceDir());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.err, "");
  testing::ExpectGolden(r.out, "registry.check.verbose.txt");
  // Every review is listed, and every question with what it blocks.
  EXPECT_NE(r.out.find("  REVIEW asana  registry/providers/asana.yaml:9:18\n"), std::string::npos);
  EXPECT_EQ(r.out.find("(--verbose)"), std::string::npos);
  EXPECT_GT(Lines(r.out).size(), 1000u);
  // Evidence says its path once.
  EXPECT_NE(r.out.find("         - data_flows[0]: shares user (about user, website_visitor; "
                       "incidental) with Asana (registry/providers/asana.yaml:7:5)\n"),
            std::string::npos);
  EXPECT_EQ(r.out.find("- data_flows[0]: data_flows[0] "), std::string::npos);
}

TEST(CheckText, VerboseAndQuietTogetherAreAUsageError) {
  auto r = RunVendorlint({"check", kAsOf, "--verbose", "--quiet"}, SourceDir());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("vendorlint: error: --verbose and --quiet cannot be used together"),
            std::string::npos)
      << r.err;
}

TEST(CheckText, HelpDocumentsVerboseAndQuiet) {
  auto r = RunVendorlint({"check", "--help"}, SourceDir());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("--verbose"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--quiet"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace vendorlint
