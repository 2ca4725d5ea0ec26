#include "report/formats.h"

#include <algorithm>

#include "report/github_report.h"
#include "report/html_report.h"
#include "report/json_report.h"
#include "report/junit_report.h"
#include "report/markdown_report.h"
#include "report/sarif_report.h"
#include "report/text_report.h"

namespace vendorlint {

const std::vector<std::string>& ReportFormatNames() {
  static const std::vector<std::string> kNames = {
      "text", "json", "sarif", "sarif-dashboard", "junit", "github", "markdown", "html"};
  return kNames;
}

bool IsReportFormat(std::string_view name) {
  const auto& names = ReportFormatNames();
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string RenderReport(std::string_view format, const Report& report,
                         const RenderOptions& options, std::vector<std::string>* notices) {
  if (format == "json") return WriteJsonReport(report);
  if (format == "sarif") {
    SarifOutput sarif = WriteCodeScanningSarif(report);
    if (notices) notices->insert(notices->end(), sarif.omissions.begin(), sarif.omissions.end());
    return sarif.text;
  }
  if (format == "sarif-dashboard") return WriteSarifDashboardReport(report);
  if (format == "junit") return WriteJunitReport(report);
  if (format == "github") return WriteGithubAnnotations(report);
  if (format == "html") return WriteHtmlReport(report);
  if (format == "markdown") {
    MarkdownOptions md;
    md.link_base = options.markdown_link_base;
    return WriteMarkdownReport(report, md);
  }
  return WriteTextReport(report, TextOptions{options.color, options.verbose, options.quiet});
}

void RenderReport(std::string_view format, const Report& report, const RenderOptions& options,
                  std::ostream& out, std::vector<std::string>* notices) {
  if (format == "json") return WriteJsonReport(report, out);
  if (format == "junit") return WriteJunitReport(report, out);
  if (format == "sarif-dashboard") return WriteSarifDashboardReport(report, out);
  if (format == "sarif") {
    std::vector<std::string> omissions = WriteCodeScanningSarif(report, out);
    if (notices) notices->insert(notices->end(), omissions.begin(), omissions.end());
    return;
  }
  if (format == "html") return WriteHtmlReport(report, out);
  const std::string text = RenderReport(format, report, options, notices);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace vendorlint
