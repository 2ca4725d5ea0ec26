// Issue 8, item 7: baseline entries whose rule/provider labels did not match
// their fingerprint silenced every fail, error severity included, and turned
// the gate green. Now such an entry is a located error (exit 2), and an entry
// silences only the finding it records.
#include <gtest/gtest.h>

#include <string>

#include "test_support.h"

namespace vendorlint {
namespace {

using testing::CopyProject;
using testing::ReadFileOrDie;
using testing::RunVendorlint;
using testing::WriteFileOrDie;

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = 0; (at = text.find(what, at)) != std::string::npos; at += what.size()) ++n;
  return n;
}

// Replaces the value of every `    KEY: "..."` line.
std::string Relabel(std::string text, const std::string& key, const std::string& value) {
  std::string prefix = "\n    " + key + ": \"";
  for (size_t at = 0; (at = text.find(prefix, at)) != std::string::npos;) {
    size_t start = at + prefix.size();
    size_t end = text.find('"', start);
    text.replace(start, end - start, value);
    at = start;
  }
  return text;
}

TEST(BaselineLabels, AForgedBaselineNoLongerTurnsTheGateGreen) {
  std::string dir = CopyProject();
  auto write = RunVendorlint({"check", "--write-baseline", "baseline.yaml"}, dir);
  ASSERT_EQ(write.exit_code, 1) << write.err;
  std::string real = ReadFileOrDie(dir + "/baseline.yaml");
  size_t entries = Count(real, "  - fingerprint: ");
  ASSERT_GT(entries, 10u);
  // Every open finding, relabelled as the pack's one `note` rule: a reviewer
  // sees a baseline of notes; the fingerprints silence every error.
  WriteFileOrDie(dir + "/forged.yaml", Relabel(real, "rule", "sources-cite-row"));
  auto r = RunVendorlint({"check", "--baseline", "forged.yaml"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  // The first entry (line 5) is about another rule than sources-cite-row.
  size_t first_rule = real.find("    rule: \"") + 11;
  std::string rule = real.substr(first_rule, real.find('"', first_rule) - first_rule);
  size_t first_provider = real.find("    provider: \"") + 15;
  std::string provider =
      real.substr(first_provider, real.find('"', first_provider) - first_provider);
  ASSERT_NE(rule, "sources-cite-row");
  size_t first_fp = real.find("  - fingerprint: \"") + 18;
  std::string fp = real.substr(first_fp, 16);
  EXPECT_TRUE(r.err.starts_with(
      "forged.yaml:5:5: error: baseline entry labelled rule `sources-cite-row`, provider `" +
      provider + "` has the fingerprint " + fp + " of the finding of rule `" + rule +
      "` about provider `" + provider +
      "`: its labels do not match its fingerprint, so it was edited by hand or forged; write the "
      "baseline again with --write-baseline\n"))
      << r.err;
  size_t relabelled = entries - Count(real, "    rule: \"sources-cite-row\"");
  EXPECT_TRUE(r.err.ends_with("vendorlint: " + std::to_string(relabelled) +
                              " errors in forged.yaml; nothing was evaluated\n"))
      << r.err.substr(r.err.size() - 300);
  EXPECT_EQ(Count(r.err, ": error: baseline entry labelled"), relabelled);

  // The real baseline still accepts every finding it records.
  EXPECT_EQ(RunVendorlint({"check", "--baseline", "baseline.yaml"}, dir).exit_code, 0);
}

TEST(BaselineLabels, AHandEditedLabelIsCaught) {
  std::string dir = CopyProject();
  ASSERT_EQ(RunVendorlint({"check", "--write-baseline", "baseline.yaml"}, dir).exit_code, 1);
  std::string text = ReadFileOrDie(dir + "/baseline.yaml");
  // The second entry (lines 11-16) now claims to be about another provider.
  size_t second = text.find("  - fingerprint: ", text.find("  - fingerprint: ") + 1);
  size_t at = text.find("    provider: \"", second) + 15;
  std::string provider = text.substr(at, text.find('"', at) - at);
  std::string other = provider == "aws" ? "zendesk" : "aws";
  text.replace(at, provider.size(), other);
  WriteFileOrDie(dir + "/baseline.yaml", text);
  auto r = RunVendorlint({"check", "--baseline", "baseline.yaml"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  ASSERT_EQ(Count(r.err, "\n"), 2u) << r.err;
  EXPECT_TRUE(r.err.starts_with("baseline.yaml:11:5: error: baseline entry labelled rule `"))
      << r.err;
  EXPECT_NE(r.err.find("`, provider `" + other + "` has the fingerprint "), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("` about provider `" + provider + "`: its labels do not match"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(r.err.ends_with("vendorlint: 1 error in baseline.yaml; nothing was evaluated\n"));
}

}  // namespace
}  // namespace vendorlint
