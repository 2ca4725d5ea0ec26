// Where SARIF's versionControlProvenance comes from: the origin remote as a
// URI without credentials, and HEAD, only when both exist.
#include "cli/git_provenance.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "test_support.h"

namespace vendorlint {
namespace {

using testing::ReadFileOrDie;
using testing::RunVendorlint;

TEST(GitProvenance, RemoteUrlAsUri) {
  EXPECT_EQ(RemoteUrlAsUri("https://github.com/org/registry.git"),
            "https://github.com/org/registry.git");
  EXPECT_EQ(RemoteUrlAsUri("https://x-access-token:ghs_secret@github.com/org/registry"),
            "https://github.com/org/registry");
  EXPECT_EQ(RemoteUrlAsUri("https://user@gitlab.example/org/r.git"),
            "https://gitlab.example/org/r.git");
  EXPECT_EQ(RemoteUrlAsUri("git@github.com:org/registry.git"), "ssh://git@github.com/org/registry.git");
  EXPECT_EQ(RemoteUrlAsUri("ssh://git@host:2222/org/r.git"), "ssh://git@host:2222/org/r.git");
  EXPECT_EQ(RemoteUrlAsUri("ssh://git:pw@host/r.git"), "ssh://host/r.git");
  EXPECT_EQ(RemoteUrlAsUri("/srv/git/registry.git"), "");
  EXPECT_EQ(RemoteUrlAsUri("../registry"), "");
  EXPECT_EQ(RemoteUrlAsUri(""), "");
}

// Through the binary, in a real repository: the same state gives the same log.
TEST(GitProvenance, CheckInAGitRepository) {
  if (std::system("command -v git >/dev/null 2>&1") != 0) GTEST_SKIP() << "git is not installed";
  std::string dir = testing::CopyProject();
  std::string git = "cd '" + dir + "' && git -c init.defaultBranch=main";
  ASSERT_EQ(std::system((git + " init -q && " + git +
                         " remote add origin https://bot:s3cr3t-Tok@example.com/org/registry.git && " +
                         git + " add -A && " + git +
                         " -c user.name=t -c user.email=t@example.com commit -q -m x "
                         "--date=2026-01-01T00:00:00Z && git rev-parse HEAD > head.txt")
                            .c_str()),
            0);
  std::string head = ReadFileOrDie(dir + "/head.txt");
  head.pop_back();
  auto a = RunVendorlint({"check", "--as-of", "2026-11-22", "--format", "sarif"}, dir);
  ASSERT_EQ(a.exit_code, 1) << a.err;
  EXPECT_NE(a.out.find("\"repositoryUri\": \"https://example.com/org/registry.git\",\n"
                       "          \"revisionId\": \"" + head + "\","),
            std::string::npos)
      << a.out.substr(0, 3000);
  EXPECT_EQ(a.out.find("s3cr3t"), std::string::npos);
  auto b = RunVendorlint({"check", "--as-of", "2026-11-22", "--format", "sarif"}, dir);
  // startTimeUtc/endTimeUtc differ between runs; everything else is the same.
  auto strip = [](std::string s) {
    for (const char* key : {"\"startTimeUtc\": \"", "\"endTimeUtc\": \""}) {
      size_t at = s.find(key);
      if (at != std::string::npos) s.erase(at, std::string(key).size() + 21);
    }
    return s;
  };
  EXPECT_EQ(strip(a.out), strip(b.out));

  // Outside a repository: no provenance.
  std::string plain = testing::CopyProject();
  auto c = RunVendorlint({"check", "--as-of", "2026-11-22", "--format", "sarif"}, plain);
  EXPECT_EQ(c.out.find("versionControlProvenance"), std::string::npos);
}

}  // namespace
}  // namespace vendorlint
