// One function per subcommand. Each returns an exit code (cli.h).
#ifndef VENDORLINT_CLI_COMMANDS_H_
#define VENDORLINT_CLI_COMMANDS_H_

#include <iosfwd>
#include <vector>

#include "cli/cli.h"
#include "model/registry.h"
#include "rules/rule.h"
#include "util/location.h"

namespace vendorlint {

int RunValidate(const CliOptions& o, std::ostream& out, std::ostream& err);
int RunProviders(const CliOptions& o, std::ostream& out, std::ostream& err);
int RunCheck(const CliOptions& o, std::ostream& out, std::ostream& err);
int RunRules(const CliOptions& o, std::ostream& out, std::ostream& err);
int RunExplain(const CliOptions& o, std::ostream& out, std::ostream& err);
int RunTest(const CliOptions& o, std::ostream& out, std::ostream& err);
int RunTaxonomy(const CliOptions& o, std::ostream& out, std::ostream& err);
int RunDiff(const CliOptions& o, std::ostream& out, std::ostream& err);
int RunMap(const CliOptions& o, std::ostream& out, std::ostream& err);
int RunExport(const CliOptions& o, std::ostream& out, std::ostream& err);
int RunRender(const CliOptions& o, std::ostream& out, std::ostream& err);
int RunReconcile(const CliOptions& o, std::ostream& out, std::ostream& err);
// Writes `content` to --output (all or nothing) or to `out`; the exit code.
int WriteCommandOutput(const CliOptions& o, const std::string& content, std::ostream& out,
                       std::ostream& err);
int RunSchema(const CliOptions& o, std::ostream& out, std::ostream& err);
// The kinds `vendorlint schema` prints: provider, rule, rule-test, ...
std::vector<std::string> SchemaKinds();
// providers --where and its shortcuts, on a loaded registry.
int RunProvidersWhere(const CliOptions& o, Registry& reg, std::ostream& out, std::ostream& err);
// The predicate --where and the shortcuts ask, as YAML flow text ("" if none).
std::string WherePredicateText(const CliOptions& o);

// Loads the registry, printing diagnostics to `err`. False if invalid.
bool LoadRegistryOrReport(const CliOptions& o, Registry* reg, std::ostream& err);
void PrintDiagnostics(const std::vector<Diagnostic>& diags, std::ostream& err);
// Prints the diagnostics, then "vendorlint: N errors in WHERE; nothing was
// evaluated". For every input that stops a run with exit 2. With
// `annotations` (check --format github) also as workflow commands there.
void ReportInvalidInput(const std::vector<Diagnostic>& diags, const std::string& where,
                        std::ostream& err, std::ostream* annotations = nullptr);
// Compiles the rules against the registry's taxonomy, printing diagnostics.
bool LoadRulesOrReport(const CliOptions& o, const Taxonomy& taxonomy, RuleSet* rules,
                       std::ostream& err);
// Loads only <registry>/taxonomy.yaml: what compiling rules needs (rules,
// explain, test), so a broken provider file does not stop them.
bool LoadTaxonomyOrReport(const CliOptions& o, Taxonomy* taxonomy, std::ostream& err);
// Every id given with --rule / --provider must exist (with a suggestion).
bool CheckSelection(const std::vector<std::string>& wanted, const std::vector<std::string>& known,
                    const char* what, std::ostream& err);
// Colour for text on stdout: --color, NO_COLOR and whether stdout is a terminal.
bool UseColor(const CliOptions& o, bool to_stdout);
// The waivers file `check` applies, or "" for none: --waivers, else
// <registry>/waivers.yaml when it exists, nothing with --no-waivers.
std::string WaiversPath(const CliOptions& o);
// Prints "vendorlint: error: MESSAGE" and returns kExitInvalid.
int UsageError(std::ostream& err, const std::string& message);

}  // namespace vendorlint

#endif  // VENDORLINT_CLI_COMMANDS_H_
