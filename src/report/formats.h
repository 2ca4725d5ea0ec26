// The report formats `--format` and `--report FORMAT=PATH` accept, and one
// entry point that renders any of them.
#ifndef VENDORLINT_REPORT_FORMATS_H_
#define VENDORLINT_REPORT_FORMATS_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.h"

namespace vendorlint {

// "text", "json", "sarif", "sarif-dashboard", "junit", "github", "markdown", "html".
const std::vector<std::string>& ReportFormatNames();
bool IsReportFormat(std::string_view name);

struct RenderOptions {
  bool color = false;              // text only
  bool verbose = false;            // text only: every finding and evidence item
  bool quiet = false;              // text only: the verdict and the gate's failures
  std::string markdown_link_base;  // markdown only: prefix of location links
};

// Renders `report` in `format` (which must satisfy IsReportFormat). What the
// format had to leave out (SARIF's limits) is added to *notices, for stderr.
std::string RenderReport(std::string_view format, const Report& report,
                         const RenderOptions& options, std::vector<std::string>* notices = nullptr);

// The same, written to `out` as it is made: JSON, the dashboard SARIF, JUnit
// and HTML never hold the whole report (or every finding) in memory.
void RenderReport(std::string_view format, const Report& report, const RenderOptions& options,
                  std::ostream& out, std::vector<std::string>* notices = nullptr);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_FORMATS_H_
