// The OLD side of `diff` and of `check --base`: a registry folder, or the
// --registry folder at a git revision read through git (cli/git_tree.h) into
// a private temporary folder that is removed once the registry is in memory.
#ifndef VENDORLINT_CLI_BASE_REGISTRY_H_
#define VENDORLINT_CLI_BASE_REGISTRY_H_

#include <iosfwd>
#include <string>

#include "cli/cli.h"
#include "model/registry.h"

namespace vendorlint {

// Loads registry folder `dir` with its own taxonomy.yaml (else --taxonomy or
// the resolved default). `shown` replaces `dir` in diagnostics. Prints them;
// false (after "nothing was evaluated") when the registry is invalid.
bool LoadRegistryAt(const CliOptions& o, const std::string& dir, const std::string& shown,
                    Registry* reg, std::ostream& err);

// `base` is a folder (when one exists at that path) or a git revision whose
// --registry folder is read. Sets *label ("DIR" or "REF:registry"). False
// after printing the error (usage or invalid input: exit 2).
bool LoadBaseRegistry(const CliOptions& o, const std::string& base, Registry* reg,
                      std::string* label, std::ostream& err);
// Only the git form (`diff --base REF`).
bool LoadGitBaseRegistry(const CliOptions& o, const std::string& rev, Registry* reg,
                         std::string* label, std::ostream& err);

}  // namespace vendorlint

#endif  // VENDORLINT_CLI_BASE_REGISTRY_H_
