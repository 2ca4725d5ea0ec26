#include "cli/ci_link_base.h"

#include <cstdlib>

namespace vendorlint {
namespace {

std::string WithoutTrailingSlash(std::string s) {
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

}  // namespace

std::string CiLinkBase(const std::function<std::string(const char*)>& getenv) {
  const std::string server = WithoutTrailingSlash(getenv("GITHUB_SERVER_URL"));
  const std::string repository = getenv("GITHUB_REPOSITORY");
  const std::string sha = getenv("GITHUB_SHA");
  if (!server.empty() && !repository.empty() && !sha.empty())
    return server + "/" + repository + "/blob/" + sha + "/";
  const std::string project = WithoutTrailingSlash(getenv("CI_PROJECT_URL"));
  const std::string commit = getenv("CI_COMMIT_SHA");
  if (!project.empty() && !commit.empty()) return project + "/-/blob/" + commit + "/";
  return "";
}

std::string CiLinkBaseFromEnvironment() {
  return CiLinkBase([](const char* name) {
    const char* v = std::getenv(name);
    return std::string(v == nullptr ? "" : v);
  });
}

}  // namespace vendorlint
