// `vendorlint map`: the data map (report/data_map.h) on its own, as DOT or SVG.
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "report/data_map.h"
#include "report/output_files.h"

namespace vendorlint {

// Writes `content` to -o FILE (all or nothing, report/output_files.h) or to
// `out`. Returns the exit code.
int WriteCommandOutput(const CliOptions& o, const std::string& content, std::ostream& out,
                       std::ostream& err) {
  if (o.output.empty()) {
    out << content;
    return kExitPass;
  }
  std::string error;
  out.flush();
  if (!WriteOutputFile(o.output, content, &error)) return UsageError(err, error);
  return kExitPass;
}

int RunMap(const CliOptions& o, std::ostream& out, std::ostream& err) {
  if (!o.output.empty()) {
    std::string error;
    if (!CheckOutputPath(o.output, &error)) return UsageError(err, error);
  }
  Registry reg;
  if (!LoadRegistryOrReport(o, &reg, err)) return kExitInvalid;
  std::string dot = DataMapDot(reg);
  if (o.format == "dot") return WriteCommandOutput(o, dot, out, err);
  std::string svg, error;
  if (!RenderDotToSvg(dot, &svg, &error)) return UsageError(err, error);
  // A standalone file gets its XML declaration back.
  return WriteCommandOutput(o, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n" + svg,
                            out, err);
}

}  // namespace vendorlint
