// The vendorlint binary: commands, usage errors and exit codes (0 pass,
// 1 gate fails, 2 invalid input or usage).
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;
using testing::MakeTempDir;
using testing::RunVendorlint;
using testing::SourceDir;
using testing::WriteFileOrDie;

std::string Mini() { return SourceDir() + "/tests/load/fixtures/mini"; }

std::string MiniCopy() {
  std::string dir = MakeTempDir() + "/reg";
  fs::copy(Mini(), dir, fs::copy_options::recursive);
  return dir;
}

TEST(Cli, HelpAndVersion) {
  auto r = RunVendorlint({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(r.out.starts_with("usage: vendorlint <command> [options]\n")) << r.out;
  r = RunVendorlint({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "vendorlint 0.1.0\n");
}

// One line naming the problem, then where to read more; never the whole help.
TEST(Cli, UsageErrorsExitTwo) {
  auto r = RunVendorlint({"validate", "--no-such-option"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "vendorlint: error: unknown option '--no-such-option' for validate\n"
            "see `vendorlint validate --help`\n");

  r = RunVendorlint({"frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "vendorlint: error: unknown command 'frobnicate'\nsee `vendorlint --help`\n");

  r = RunVendorlint({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "vendorlint: error: no command given\nsee `vendorlint --help`\n");

  r = RunVendorlint({"validate", "extra"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "vendorlint: error: unexpected argument 'extra'\nsee `vendorlint validate --help`\n");
  EXPECT_EQ(r.out, "");
}

TEST(Cli, ValidateSummarisesAValidRegistry) {
  std::string rules = MakeTempDir();
  auto r = RunVendorlint({"validate", "--registry", Mini(), "--rules", rules});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // Each input says where it came from (the lookup order of docs/install.md).
  EXPECT_EQ(r.out, Mini() + ": valid: 2 providers, 2 data flows, 1 contexts\n" + rules +
                       ": valid: 0 rules, 0 test cases (from --rules)\n" + Mini() +
                       "/taxonomy.yaml: valid: taxonomy (from the registry)\n");
  EXPECT_EQ(r.err, "");
}

TEST(Cli, ValidateReportsEveryErrorAndExitsTwo) {
  std::string dir = MiniCopy();
  WriteFileOrDie(dir + "/providers/bad.yaml",
                 "id: bad\nname: Bad\nname: Again\nsources: [{disclosure: example-2026}]\n");
  WriteFileOrDie(dir + "/providers/worse.yaml",
                 "id: worse\nname: W\nstorage: {encrypted_at_rest: maybe}\n"
                 "sources: [{disclosure: example-2026}]\n");
  auto r = RunVendorlint({"validate", "--registry", "reg", "--rules", MakeTempDir()},
                         fs::path(dir).parent_path().string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "reg/providers/bad.yaml:3:1: error: duplicate key `name` (first at line 2)\n"
            "reg/providers/worse.yaml:3:30: error: `encrypted_at_rest` must be true, false or "
            "unknown, not \"maybe\"\n"
            "vendorlint: 2 errors in reg; nothing was evaluated\n");
}

TEST(Cli, HostileInputIsRejectedWithALocation) {
  std::string dir = MiniCopy();
  WriteFileOrDie(dir + "/providers/lol.yaml",
                 "id: lol\nname: &a [x, x]\nsummary: *a\nsources: [{disclosure: example-2026}]\n");
  auto r = RunVendorlint({"validate", "--registry", dir, "--rules", MakeTempDir()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(dir + "/providers/lol.yaml:2:7: error: anchors are not allowed"),
            std::string::npos)
      << r.err;
}

TEST(Cli, ProvidersTable) {
  auto r = RunVendorlint({"providers", "--registry", Mini()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "ID     CONTEXTS  PURPOSES                   SHARED ABOUT     RECEIVED ABOUT  "
            "ENCRYPTED AT REST\n"
            "cloud  product   essential.service.storage  parent, student  none            true\n"
            "db     product   essential.service.storage  unknown          none            "
            "unknown\n");
}

}  // namespace
}  // namespace vendorlint
