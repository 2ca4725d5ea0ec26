// Where a Markdown report's location links point when CI says where the
// repository is: the CLI reads the environment, the writer only gets the
// prefix (report writers never read the environment).
#ifndef VENDORLINT_CLI_CI_LINK_BASE_H_
#define VENDORLINT_CLI_CI_LINK_BASE_H_

#include <functional>
#include <string>

namespace vendorlint {

// "https://github.com/o/r/blob/SHA/" from GITHUB_SERVER_URL, GITHUB_REPOSITORY
// and GITHUB_SHA; "https://gitlab.example/g/p/-/blob/SHA/" from CI_PROJECT_URL
// and CI_COMMIT_SHA; "" (relative links) when neither set is complete.
// `getenv` returns "" for an unset variable.
std::string CiLinkBase(const std::function<std::string(const char*)>& getenv);

// The same from the process environment.
std::string CiLinkBaseFromEnvironment();

}  // namespace vendorlint

#endif  // VENDORLINT_CLI_CI_LINK_BASE_H_
