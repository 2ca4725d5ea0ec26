// One function per subcommand. Each returns an exit code (cli.h).
#ifndef VENDORLINT_CLI_COMMANDS_H_
#define VENDORLINT_CLI_COMMANDS_H_

#include <iosfwd>
#include <vector>

#include "cli/cli.h"
#include "model/location.h"
#include "model/registry.h"

namespace vendorlint {

int RunValidate(const CliOptions& o, std::ostream& out, std::ostream& err);
int RunProviders(const CliOptions& o, std::ostream& out, std::ostream& err);
int RunCheck(const CliOptions& o, std::ostream& out, std::ostream& err);
int RunRules(const CliOptions& o, std::ostream& out, std::ostream& err);
int RunExplain(const CliOptions& o, std::ostream& out, std::ostream& err);
int RunTest(const CliOptions& o, std::ostream& out, std::ostream& err);

// Loads the registry, printing diagnostics to `err`. False if invalid.
bool LoadRegistryOrReport(const CliOptions& o, Registry* reg, std::ostream& err);
void PrintDiagnostics(const std::vector<Diagnostic>& diags, std::ostream& err);

}  // namespace vendorlint

#endif  // VENDORLINT_CLI_COMMANDS_H_
