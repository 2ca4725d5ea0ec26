// The lookup order for a repository without its own rules/ or taxonomy.yaml:
// --rules/--taxonomy, then ./rules and <registry>/taxonomy.yaml, then the
// installed share/vendorlint beside the executable (an unpacked package).
#include "cli/inputs.h"

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>

#include "test_support.h"

namespace vendorlint {
namespace {

namespace fs = std::filesystem;
using testing::MakeTempDir;
using testing::ReadFileOrDie;
using testing::SourceDir;

TEST(Inputs, LookupOrder) {
  std::string share = MakeTempDir();
  std::string repo = MakeTempDir();
  fs::create_directories(share + "/rules");
  testing::WriteFileOrDie(share + "/taxonomy.yaml", "");
  fs::create_directories(repo + "/registry");
  fs::path saved = fs::current_path();
  fs::current_path(repo);

  CliOptions o;  // nothing local: the installed pack and taxonomy
  ResolveInputs(&o, share);
  EXPECT_EQ(o.rules_dir, share + "/rules");
  EXPECT_EQ(o.rules_source, "the installed default pack: there is no ./rules");
  EXPECT_EQ(o.taxonomy, share + "/taxonomy.yaml");
  EXPECT_EQ(o.taxonomy_source, "the installed default: the registry has no taxonomy.yaml");

  fs::create_directories(repo + "/rules");  // local ones win
  testing::WriteFileOrDie(repo + "/registry/taxonomy.yaml", "");
  o = CliOptions{};
  ResolveInputs(&o, share);
  EXPECT_EQ(o.rules_dir, "rules");
  EXPECT_EQ(o.rules_source, "from ./rules");
  EXPECT_EQ(o.taxonomy, "registry/taxonomy.yaml");
  EXPECT_EQ(o.taxonomy_source, "from the registry");

  o = CliOptions{};  // options win over everything
  o.rules_dir = "elsewhere";
  o.rules_given = true;
  o.taxonomy = "t.yaml";
  ResolveInputs(&o, share);
  EXPECT_EQ(o.rules_dir, "elsewhere");
  EXPECT_EQ(o.rules_source, "from --rules");
  EXPECT_EQ(o.taxonomy, "t.yaml");
  EXPECT_EQ(o.taxonomy_source, "from --taxonomy");

  fs::remove_all(repo + "/rules");  // nothing anywhere: the local paths, reported missing later
  o = CliOptions{};
  ResolveInputs(&o, "");
  EXPECT_EQ(o.rules_dir, "rules");
  EXPECT_EQ(o.rules_source, "from ./rules");
  fs::current_path(saved);
}

// Through a copy of the binary in an install-shaped tree (bin/ beside
// share/vendorlint/), run in a repository that holds only registry/.
TEST(Inputs, RelocatedInstallGatesARegistryOnlyRepository) {
  std::string prefix = MakeTempDir() + "/opt/vl";
  fs::create_directories(prefix + "/bin");
  fs::create_directories(prefix + "/share/vendorlint");
  fs::copy_file(testing::BinaryPath(), prefix + "/bin/vendorlint");
  fs::permissions(prefix + "/bin/vendorlint", fs::perms::owner_all);
  fs::copy(SourceDir() + "/rules", prefix + "/share/vendorlint/rules", fs::copy_options::recursive);
  fs::copy_file(SourceDir() + "/registry/taxonomy.yaml",
                prefix + "/share/vendorlint/taxonomy.yaml");
  std::string repo = MakeTempDir();
  fs::copy(SourceDir() + "/registry", repo + "/registry", fs::copy_options::recursive);
  fs::remove(repo + "/registry/taxonomy.yaml");

  std::string out = repo + "/out.txt";
  int rc = std::system(("cd '" + repo + "' && '" + prefix + "/bin/vendorlint' validate > '" + out +
                        "' 2>&1")
                           .c_str());
  ASSERT_EQ(rc, 0) << ReadFileOrDie(out);
  std::string text = ReadFileOrDie(out);
  EXPECT_NE(text.find(prefix + "/share/vendorlint/rules: valid: "), std::string::npos)
      << text;
  EXPECT_NE(text.find(" test cases (the installed default pack: there is no ./rules)\n" + prefix +
                      "/share/vendorlint/taxonomy.yaml: valid: taxonomy (the installed "
                      "default: the registry has no taxonomy.yaml)\n"),
            std::string::npos)
      << text;
  rc = std::system(("cd '" + repo + "' && '" + prefix +
                    "/bin/vendorlint' check --as-of 2026-11-22 > '" + out + "' 2>&1")
                       .c_str());
  EXPECT_EQ(WEXITSTATUS(rc), 1) << ReadFileOrDie(out);
  EXPECT_NE(ReadFileOrDie(out).find("; gate: FAIL (--fail-on error)"), std::string::npos);
}

}  // namespace
}  // namespace vendorlint
