// `vendorlint render` (report/public_page.h) and `vendorlint reconcile PAGE`
// (load/published_page.h, check/reconcile.h): the public service-providers
// page written from the registry, and a published page checked against it.
#include <ostream>

#include <fmt/format.h>

#include "check/reconcile.h"
#include "cli/commands.h"
#include "load/published_page.h"
#include "report/output_files.h"
#include "report/public_page.h"
#include "report/reconcile_report.h"

namespace vendorlint {

int RunRender(const CliOptions& o, std::ostream& out, std::ostream& err) {
  if (!o.output.empty()) {
    std::string error;
    if (!CheckOutputPath(o.output, &error)) return UsageError(err, error);
  }
  Registry reg;
  if (!LoadRegistryOrReport(o, &reg, err)) return kExitInvalid;
  return WriteCommandOutput(o, o.format == "html" ? PublicPageHtml(reg) : PublicPageMarkdown(reg),
                            out, err);
}

int RunReconcile(const CliOptions& o, std::ostream& out, std::ostream& err) {
  const std::string& path = o.arguments.at(0);
  // The page and the registry are both read before stopping, so that one run
  // names every problem.
  PublishedPage page;
  std::vector<Diagnostic> diags;
  bool page_ok = ReadPublishedPage(path, &page, &diags);
  if (!page_ok) ReportInvalidInput(diags, path, err);
  Registry reg;
  bool reg_ok = LoadRegistryOrReport(o, &reg, err);
  if (!page_ok || !reg_ok) return kExitInvalid;
  Reconciliation r = Reconcile(page, reg);
  out << (o.format == "json" ? ReconcileJson(r, path, o.registry_dir)
                             : ReconcileText(r, path, o.registry_dir));
  return r.drift.empty() ? kExitPass : kExitFail;
}

}  // namespace vendorlint
