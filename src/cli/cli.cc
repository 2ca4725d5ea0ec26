#include "cli/cli.h"

#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/inputs.h"

namespace vendorlint {

std::string VersionString() { return fmt::format("vendorlint {}", VENDORLINT_VERSION); }

std::string Usage() {
  return R"(usage: vendorlint <command> [options]

Checks a registry of third-party service providers against policy rules.

commands:
  validate    load and check the registry and the rules; print a summary
  providers   print a table of the registry's providers
  check       evaluate the rules against the registry (the CI gate)
  rules       list the rules
  explain ID  print a rule's description, rationale, references and remediation
  test        run every rule's tests (rules/**/<id>.test.yaml)

options:
  --registry DIR     registry folder (default: registry)
  --rules DIR        rules folder (default: ./rules, else the installed
                     share/vendorlint/rules)
  --taxonomy FILE    taxonomy (default: <registry>/taxonomy.yaml, else the
                     installed share/vendorlint/taxonomy.yaml)
  --threads N        threads for loading files (default: one per core)
  --format FMT       check output: text | json | sarif | junit | github | markdown
                     (default: text)
  -o, --output FILE  write the check report to FILE instead of stdout
  --report FMT=FILE  also write a report in FMT to FILE (repeatable)
  --fail-on LEVEL    error | warning | note | none (default: error)
  --strict           count `review` outcomes as failures for the gate
  --as-of DATE       evaluate date rules as of DATE, YYYY-MM-DD (default: today, UTC)
  --rule ID          only this rule (repeatable)
  --provider ID      only this provider (repeatable)
  --color WHEN       auto | always | never (default: auto; NO_COLOR disables)
  --waivers FILE     waivers to apply (default: <registry>/waivers.yaml if present)
  --no-waivers       ignore waivers (audits)
  --warn-expiring N  warn about waivers expiring within N days (default: 30)
  --baseline FILE    fail the gate only on findings that are not in FILE
  --write-baseline FILE
                     record the current findings in FILE
  --category ID      SARIF automationDetails.id, e.g. vendorlint/nightly/
  --include-passes   SARIF: add results for passes (for compliance percentages)
  --markdown-link-base URL
                     Markdown: prefix for links to registry lines
  -h, --help         show this help
  --version          show the version

exit codes:
  0  the gate passes (no fail at or above --fail-on)
  1  the gate fails, or a rule test does not give its expected outcome
  2  invalid input or usage: nothing was evaluated
)";
}

int RunCli(const CliOptions& options, std::ostream& out, std::ostream& err) {
  CliOptions o = options;
  ResolveInputs(&o, InstalledShareDir());
  if (o.command.empty()) {
    err << "vendorlint: error: no command given\n\n" << Usage();
    return kExitInvalid;
  }
  if (o.command == "validate") return RunValidate(o, out, err);
  if (o.command == "providers") return RunProviders(o, out, err);
  if (o.command == "check") return RunCheck(o, out, err);
  if (o.command == "rules") return RunRules(o, out, err);
  if (o.command == "explain") return RunExplain(o, out, err);
  if (o.command == "test") return RunTest(o, out, err);
  err << fmt::format("vendorlint: error: unknown command '{}'\n\n", o.command) << Usage();
  return kExitInvalid;
}

}  // namespace vendorlint
