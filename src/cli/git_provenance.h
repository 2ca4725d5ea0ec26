// Which commit of which repository a run checked, for SARIF
// versionControlProvenance (GitHub links alerts to it; other viewers fetch
// the files from it).
#ifndef VENDORLINT_CLI_GIT_PROVENANCE_H_
#define VENDORLINT_CLI_GIT_PROVENANCE_H_

#include <string>

namespace vendorlint {

// Runs `git remote get-url origin` and `git rev-parse HEAD` in the current
// folder. Both outputs are set, or neither (not a git repository, no origin,
// no git): SARIF requires repositoryUri whenever it names a revision.
void ReadGitProvenance(std::string* repository_uri, std::string* revision_id);

// A remote URL as a URI without credentials: "https://user:token@host/x" ->
// "https://host/x"; scp-like "git@host:org/repo.git" ->
// "ssh://git@host/org/repo.git". "" for anything else (a local path).
std::string RemoteUrlAsUri(std::string_view url);

}  // namespace vendorlint

#endif  // VENDORLINT_CLI_GIT_PROVENANCE_H_
