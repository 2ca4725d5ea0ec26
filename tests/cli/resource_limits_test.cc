// Issue 8 items 5 and 6 through the binary: files that resolve outside their
// root are refused unread, and each unbounded resource has a documented limit
// with a clear error (docs/registry.md and docs/rules.md, "Limits").
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;
using testing::CopyProject;
using testing::MakeTempDir;
using testing::ReadFileOrDie;
using testing::RunVendorlint;
using testing::WriteFileOrDie;

const char kAsOf[] = "--as-of=2026-11-22";
const char kSecret[] = "token: SECRET-TOKEN-3f9a\n";

void ReplaceOrDie(const std::string& path, const std::string& from, const std::string& to) {
  std::string text = ReadFileOrDie(path);
  size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  WriteFileOrDie(path, text);
}

// A rule of the test's own in rules/limits/ (not one of the pack's, whose
// wording changes): `require` and `message` as given.
void WriteTestRule(const std::string& dir, const std::string& id, const std::string& require,
                   const std::string& message) {
  fs::create_directories(dir + "/rules/limits");
  WriteFileOrDie(dir + "/rules/limits/" + id + ".yaml",
                 "id: " + id +
                     "\ntitle: A rule of the limits tests\nseverity: warning\n"
                     "description: For tests.\nrationale: For tests.\n"
                     "references:\n  - title: none\n    url: https://example.com/\n"
                     "    citation: none\ntags: [test]\nremediation: None.\nrequire:\n" +
                     require + "message: \"" + message + "\"\n");
}

// A secret outside the project, and the project.
struct Outside {
  std::string dir = CopyProject();
  std::string secret = MakeTempDir() + "/secret.yaml";
  Outside() { WriteFileOrDie(secret, kSecret); }
};

TEST(SymlinkLimits, ProviderLinkedOutsideTheRegistryIsRefusedUnread) {
  Outside o;
  fs::create_symlink(o.secret, o.dir + "/registry/providers/zz.yaml");
  auto r = RunVendorlint({"check", kAsOf}, o.dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "registry/providers/zz.yaml: error: refused: a symbolic link to a file outside "
            "`registry`; only files inside it are read (replace the link with the file itself)\n"
            "vendorlint: 1 error in registry; nothing was evaluated\n");
  EXPECT_EQ(r.err.find("SECRET"), std::string::npos);
}

TEST(SymlinkLimits, TaxonomyAndOrganizationLinkedOutsideAreRefused) {
  for (const char* name : {"taxonomy.yaml", "organization.yaml"}) {
    SCOPED_TRACE(name);
    Outside o;
    fs::remove(o.dir + "/registry/" + name);
    fs::create_symlink(o.secret, o.dir + "/registry/" + name);
    auto r = RunVendorlint({"validate"}, o.dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find(std::string("registry/") + name + ": error: refused: a symbolic link"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(r.err.find("SECRET"), std::string::npos) << r.err;
  }
}

TEST(SymlinkLimits, RuleRuleTestWaiverAndBaselineLinkedOutsideAreRefused) {
  Outside o;
  fs::create_symlink(o.secret, o.dir + "/rules/security/leak.yaml");
  auto r = RunVendorlint({"check", kAsOf}, o.dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("rules/security/leak.yaml: error: refused: a symbolic link to a file "
                       "outside `rules`"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("SECRET"), std::string::npos) << r.err;
  fs::remove(o.dir + "/rules/security/leak.yaml");

  std::string test_file = o.dir + "/rules/governance/privacy-policy-recorded.test.yaml";
  fs::remove(test_file);
  fs::create_symlink(o.secret, test_file);
  r = RunVendorlint({"test"}, o.dir);
  EXPECT_NE(r.out.find("refused: a symbolic link") + r.err.find("refused: a symbolic link"),
            2 * std::string::npos)
      << r.out << r.err;
  EXPECT_EQ((r.out + r.err).find("SECRET"), std::string::npos);

  fs::create_symlink(o.secret, o.dir + "/waivers.yaml");
  r = RunVendorlint({"check", kAsOf, "--rule", "privacy-policy-recorded", "--waivers",
                     "waivers.yaml"},
                    o.dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("waivers.yaml: error: refused: a symbolic link to a file outside `.`"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("SECRET"), std::string::npos) << r.err;

  fs::create_symlink(o.secret, o.dir + "/baseline.yaml");
  r = RunVendorlint({"check", kAsOf, "--rule", "privacy-policy-recorded", "--baseline",
                     "baseline.yaml"},
                    o.dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("baseline.yaml: error: refused: a symbolic link"), std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("SECRET"), std::string::npos) << r.err;
}

TEST(SymlinkLimits, LinkInsideTheRegistryIsFollowed) {
  std::string dir = CopyProject();
  fs::rename(dir + "/registry/providers/algolia.yaml", dir + "/registry/algolia.yaml");
  fs::create_symlink("../algolia.yaml", dir + "/registry/providers/algolia.yaml");
  auto r = RunVendorlint({"validate"}, dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// The providers folder is resolved and opened once per load (yaml::Limits::dir_fd):
// a folder that is itself a link out of the registry must not let its files in.
TEST(SymlinkLimits, ProvidersFolderLinkedOutsideTheRegistryIsRefusedFileByFile) {
  std::string dir = CopyProject();
  std::string elsewhere = MakeTempDir() + "/providers";
  fs::rename(dir + "/registry/providers", elsewhere);
  fs::create_symlink(elsewhere, dir + "/registry/providers");
  auto r = RunVendorlint({"validate"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("registry/providers/algolia.yaml: error: refused: a symbolic link to a "
                       "file outside `registry`"),
            std::string::npos)
      << r.err;
  // Every file, not only the first: one refusal per provider file.
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(elsewhere)) files += e.path().extension() == ".yaml";
  size_t refused = 0;
  for (size_t at = r.err.find(": error: refused: "); at != std::string::npos;
       at = r.err.find(": error: refused: ", at + 1)) {
    ++refused;
  }
  EXPECT_EQ(refused, files) << r.err;
  EXPECT_GT(files, 20u);
}

TEST(SymlinkLimits, ProvidersFolderLinkedInsideTheRegistryIsFollowed) {
  std::string dir = CopyProject();
  fs::rename(dir + "/registry/providers", dir + "/registry/real-providers");
  fs::create_symlink("real-providers", dir + "/registry/providers");
  // A file link inside the linked folder that leads out is still refused.
  Outside o;
  fs::create_symlink(o.secret, dir + "/registry/real-providers/zz.yaml");
  auto r = RunVendorlint({"validate"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "registry/providers/zz.yaml: error: refused: a symbolic link to a file outside "
            "`registry`; only files inside it are read (replace the link with the file itself)\n"
            "vendorlint: 1 error in registry; nothing was evaluated\n");
  fs::remove(dir + "/registry/real-providers/zz.yaml");
  r = RunVendorlint({"validate"}, dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// A message template that repeats a long name: capped at 4 KiB with a marker
// giving the full size (it used to render 50 MB per finding).
TEST(ResourceLimits, RenderedMessageIsCapped) {
  std::string dir = CopyProject();
  ReplaceOrDie(dir + "/registry/providers/algolia.yaml", "name: Algolia\n",
               "name: " + std::string(100000, 'n') + "\n");
  std::string tmpl;
  for (int i = 0; i < 500; ++i) tmpl += "{provider.name}";
  WriteTestRule(dir, "long-message", "  field: privacy_policy\n  exists: true\n", tmpl);
  auto r = RunVendorlint({"check", kAsOf, "--rule", "long-message", "--provider",
                          "algolia", "--format", "json"},
                         dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_LT(r.out.size(), 12000u);
  std::string kept(4096 - std::string("… (50000000 bytes)").size(), 'n');
  EXPECT_NE(r.out.find("\"message\": \"" + kept + "… (50000000 bytes)\""), std::string::npos)
      << r.out.substr(0, 600);
}

// More than 512 MiB of provider files: refused from the listing, before any
// is read (sparse files: nothing is written).
TEST(ResourceLimits, RegistryBytesAreBounded) {
  std::string dir = CopyProject();
  for (int i = 0; i < 513; ++i) {
    std::string path = dir + "/registry/providers/big-" + std::to_string(i) + ".yaml";
    WriteFileOrDie(path, "");
    fs::resize_file(path, (1 << 20) - 1);
  }
  uintmax_t total = 0;
  for (const auto& e : fs::directory_iterator(dir + "/registry/providers"))
    if (e.path().extension() == ".yaml") total += e.file_size();
  auto r = RunVendorlint({"validate"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  // One error, and no other: no provider file was read.
  EXPECT_EQ(r.err, "registry/providers: error: provider files total " + std::to_string(total) +
                       " bytes; the limit is 512 MiB (split the registry)\n"
                       "vendorlint: 1 error in registry; nothing was evaluated\n");
}

// A `matches` over a value longer than 64 KiB is not run: unknown, with
// evidence that says why (a 1 MB value took 27 s).
TEST(ResourceLimits, MatchesLooksAtAtMost64KiB) {
  std::string dir = CopyProject();
  ReplaceOrDie(dir + "/registry/providers/algolia.yaml", "name: Algolia\n",
               "name: " + std::string(70000, 'a') + "\n");
  WriteTestRule(dir, "long-match", "  field: name\n  matches: '(?s).*a.{30}b.*'\n",
                "{provider.name} does not match");
  auto r = RunVendorlint({"check", kAsOf, "--rule", "long-match", "--provider",
                          "algolia", "--verbose"},
                         dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("REVIEW algolia"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("- name: is \"" + std::string(60, 'a') +
                       "… (70000 bytes)\", longer than the 64 KiB that `matches` looks at, so "
                       "unknown"),
            std::string::npos)
      << r.out;
}

// Did-you-mean against a large taxonomy: only the first 20 errors of a file
// get a suggestion (each scans the candidates), so 2,000 misspelt categories
// against 12,000 keys stay fast.
TEST(ResourceLimits, SuggestionsStopAfterTheFirstErrorsOfAFile) {
  std::string dir = CopyProject();
  std::string entries;
  for (int i = 0; i < 12000; ++i)
    entries += "  - {key: zcat" + std::to_string(10000 + i) + ", name: n, description: d}\n";
  ReplaceOrDie(dir + "/registry/taxonomy.yaml", "data_categories:\n", "data_categories:\n" + entries);
  std::string bad;
  for (int i = 0; i < 2000; ++i) bad += (i ? ", zcat" : "zcat") + std::to_string(10000 + i) + "q";
  ReplaceOrDie(dir + "/registry/providers/algolia.yaml", "categories: [user.location.precise]",
               "categories: [" + bad + "]");
  auto r = RunVendorlint({"validate"}, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown data category \"zcat10000q\" in `categories`; did you mean "
                       "`zcat10000`?"),
            std::string::npos)
      << r.err.substr(0, 2000);
  EXPECT_NE(r.err.find("unknown data category \"zcat10100q\" in `categories`\n"),
            std::string::npos)
      << r.err.substr(0, 2000);
}

}  // namespace
}  // namespace vendorlint
