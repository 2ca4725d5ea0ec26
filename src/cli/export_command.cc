// `vendorlint export ropa|subprocessors`: records for auditors
// (report/records.h). Which formats each record takes is checked before the
// registry is loaded.
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "report/output_files.h"
#include "report/records.h"

namespace vendorlint {
namespace {

int ExportUsage(std::ostream& err, const std::string& message) {
  return UsageError(err, message + "\nsee `vendorlint export --help`");
}

}  // namespace

int RunExport(const CliOptions& o, std::ostream& out, std::ostream& err) {
  const std::string& what = o.arguments.at(0);
  bool ropa = what == "ropa";
  if (!ropa && what != "subprocessors")
    return ExportUsage(err, fmt::format("export writes ropa or subprocessors, not '{}'", what));
  if (ropa && o.format != "csv" && o.format != "xlsx")
    return ExportUsage(err, fmt::format("export ropa writes csv or xlsx, not '{}'", o.format));
  if (!ropa && o.format == "xlsx")
    return ExportUsage(err, "export subprocessors writes csv, json or markdown, not 'xlsx'");
  if (!o.output.empty()) {
    std::string error;
    if (!CheckOutputPath(o.output, &error)) return UsageError(err, error);
  }
  Registry reg;
  if (!LoadRegistryOrReport(o, &reg, err)) return kExitInvalid;
  RecordTable table = ropa ? RopaTable(reg) : SubprocessorTable(reg);
  std::string content;
  if (o.format == "xlsx") {
    std::string error;
    if (!TableXlsx(table, &content, &error)) return UsageError(err, error);
  } else if (o.format == "json") {
    content = TableJson(table);
  } else if (o.format == "markdown") {
    content = TableMarkdown(table);
  } else {
    content = TableCsv(table);
  }
  return WriteCommandOutput(o, content, out, err);
}

}  // namespace vendorlint
