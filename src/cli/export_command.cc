// `vendorlint export ropa|subprocessors`: records for auditors (issue 13).
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "report/output_files.h"

namespace vendorlint {

int RunExport(const CliOptions& o, std::ostream&, std::ostream& err) {
  return UsageError(err, fmt::format("export {} is not available yet", o.arguments.at(0)));
}

}  // namespace vendorlint
