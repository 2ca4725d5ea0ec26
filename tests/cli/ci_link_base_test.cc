// Markdown links are absolute when CI variables say where the repository is.
#include "cli/ci_link_base.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "test_support.h"

namespace vendorlint {
namespace {

std::string With(const std::map<std::string, std::string>& vars) {
  return CiLinkBase([&](const char* name) {
    auto it = vars.find(name);
    return it == vars.end() ? std::string() : it->second;
  });
}

TEST(CiLinkBase, GithubGitlabOrRelative) {
  EXPECT_EQ(With({{"GITHUB_SERVER_URL", "https://github.com"},
                  {"GITHUB_REPOSITORY", "o/r"},
                  {"GITHUB_SHA", "abc123"}}),
            "https://github.com/o/r/blob/abc123/");
  EXPECT_EQ(With({{"CI_PROJECT_URL", "https://gitlab.example/g/p/"}, {"CI_COMMIT_SHA", "def"}}),
            "https://gitlab.example/g/p/-/blob/def/");
  // Incomplete: relative links rather than wrong ones.
  EXPECT_EQ(With({{"GITHUB_SERVER_URL", "https://github.com"}, {"GITHUB_REPOSITORY", "o/r"}}),
            "");
  EXPECT_EQ(With({{"CI_PROJECT_URL", "https://gitlab.example/g/p"}}), "");
  EXPECT_EQ(With({}), "");
}

TEST(CiLinkBase, CheckMarkdownLinksFollowTheCiVariables) {
  std::vector<std::string> args = {"check", "--as-of=2026-11-22", "--format", "markdown",
                                   "--rule", "no-student-data-to-marketing-vendors"};
  auto relative = testing::RunVendorlint(args, testing::SourceDir());
  EXPECT_NE(relative.out.find("](registry/providers/blueshift.yaml#L22)"), std::string::npos)
      << relative.out;
  auto github = testing::RunVendorlint(args, testing::SourceDir(),
                                       {"GITHUB_SERVER_URL=https://github.com",
                                        "GITHUB_REPOSITORY=o/r", "GITHUB_SHA=abc123"});
  EXPECT_NE(github.out.find(
                "](https://github.com/o/r/blob/abc123/registry/providers/blueshift.yaml#L22)"),
            std::string::npos)
      << github.out;
  auto gitlab = testing::RunVendorlint(
      args, testing::SourceDir(),
      {"CI_PROJECT_URL=https://gitlab.example/g/p", "CI_COMMIT_SHA=def"});
  EXPECT_NE(gitlab.out.find(
                "](https://gitlab.example/g/p/-/blob/def/registry/providers/blueshift.yaml#L22)"),
            std::string::npos)
      << gitlab.out;
  // --markdown-link-base wins over the environment.
  args.insert(args.end(), {"--markdown-link-base", "https://x.example/"});
  auto given = testing::RunVendorlint(args, testing::SourceDir(),
                                      {"GITHUB_SERVER_URL=https://github.com",
                                       "GITHUB_REPOSITORY=o/r", "GITHUB_SHA=abc123"});
  EXPECT_NE(given.out.find("](https://x.example/registry/providers/blueshift.yaml#L22)"),
            std::string::npos)
      << given.out;
}

}  // namespace
}  // namespace vendorlint
