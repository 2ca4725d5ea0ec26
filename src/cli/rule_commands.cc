// Commands over rules: check, rules, explain, test. (Wired to src/rules/ once
// the engine lands.)
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "load/registry_loader.h"

namespace vendorlint {

int RunValidate(const CliOptions& o, std::ostream& out, std::ostream& err) {
  Registry reg;
  if (!LoadRegistryOrReport(o, &reg, err)) return kExitInvalid;
  out << fmt::format("{}: valid: {} providers, {} data flows, {} contexts\n", o.registry_dir,
                     reg.providers.size(), reg.FlowCount(), reg.organization.contexts.size());
  return kExitPass;
}

int RunCheck(const CliOptions&, std::ostream&, std::ostream& err) {
  err << "vendorlint: error: check is not available yet\n";
  return kExitInvalid;
}
int RunRules(const CliOptions& o, std::ostream& out, std::ostream& err) { return RunCheck(o, out, err); }
int RunExplain(const CliOptions& o, std::ostream& out, std::ostream& err) { return RunCheck(o, out, err); }
int RunTest(const CliOptions& o, std::ostream& out, std::ostream& err) { return RunCheck(o, out, err); }

}  // namespace vendorlint
