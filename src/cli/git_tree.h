// Reads a folder of the current git repository as it was at a revision, for
// `diff --base REF` and (later) `check --base REF`: through git itself
// (`git rev-parse`, `git ls-tree`, `git cat-file`), never a checkout, so the
// working tree and the index are untouched. git runs without a shell; a
// revision starting with '-' is refused (it would be read as an option).
#ifndef VENDORLINT_CLI_GIT_TREE_H_
#define VENDORLINT_CLI_GIT_TREE_H_

#include <string>
#include <vector>

namespace vendorlint {

// Runs `git ARGS...` in the current folder. True when git exits 0; *out holds
// its standard output (stderr is dropped).
bool RunGit(const std::vector<std::string>& args, std::string* out);

// Writes the regular files under `folder` (relative to the current folder, as
// given to --registry) at revision `rev` into `dest` (an existing empty
// folder), keeping their paths below `folder`. False with *error, a complete
// sentence, when this is not a git repository, `rev` is not a commit, the
// folder lies outside the repository or does not exist at `rev`, it holds a
// symbolic link or a submodule, or the files exceed 256 MiB together.
bool ReadGitFolder(const std::string& rev, const std::string& folder, const std::string& dest,
                   std::string* error);

}  // namespace vendorlint

#endif  // VENDORLINT_CLI_GIT_TREE_H_
