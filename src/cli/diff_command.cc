// `vendorlint diff OLD NEW` and `vendorlint diff --base REF`: the semantic
// registry diff (check/registry_diff.h) written as text, Markdown or JSON.
#include <ostream>

#include <fmt/format.h>

#include "check/registry_diff.h"
#include "cli/commands.h"
#include "cli/base_registry.h"
#include "report/diff_report.h"
#include "report/output_files.h"

namespace vendorlint {

int RunDiff(const CliOptions& o, std::ostream& out, std::ostream& err) {
  Impact fail_on = Impact::kNone;
  if (!o.fail_on_impact.empty()) ParseImpact(o.fail_on_impact, &fail_on);
  bool base = !o.base.empty();
  if (base && !o.arguments.empty())
    return UsageError(err, "diff takes either OLD NEW or --base REF (which compares REF's "
                           "--registry with the working tree), not both");
  if (!base && o.arguments.size() != 2)
    return UsageError(err, "diff needs two registry folders, OLD NEW, or --base REF");
  if (!o.output.empty()) {
    std::string error;
    if (!CheckOutputPath(o.output, &error)) return UsageError(err, error);
  }
  Registry old_reg, new_reg;
  std::string old_label, new_label;
  if (base) {
    new_label = o.registry_dir;
    if (!LoadGitBaseRegistry(o, o.base, &old_reg, &old_label, err)) return kExitInvalid;
    if (!LoadRegistryAt(o, o.registry_dir, o.registry_dir, &new_reg, err)) return kExitInvalid;
  } else {
    old_label = o.arguments[0];
    new_label = o.arguments[1];
    // Both are loaded before stopping, so that one run names every problem.
    bool ok_old = LoadRegistryAt(o, old_label, old_label, &old_reg, err);
    bool ok_new = LoadRegistryAt(o, new_label, new_label, &new_reg, err);
    if (!ok_old || !ok_new) return kExitInvalid;
  }
  RegistryDiff diff = DiffRegistries(old_reg, new_reg);
  DiffReportInput in;
  in.diff = &diff;
  in.files = &new_reg.files;
  in.old_label = old_label;
  in.new_label = new_label;
  in.cosmetic = o.cosmetic;
  in.link_base = o.markdown_link_base;
  std::string text = o.format == "json"       ? WriteDiffJson(in)
                     : o.format == "markdown" ? WriteDiffMarkdown(in)
                                              : WriteDiffText(in);
  if (o.output.empty()) {
    out << text;
  } else {
    OutputFiles files;
    std::string error;
    out.flush();
    if (!files.Stage(o.output, std::move(text), &error) || !files.Commit(&error))
      return UsageError(err, error);
  }
  if (!o.output.empty() || o.format != "text") err << DiffSummaryLine(in) << "\n";
  bool fails = !o.fail_on_impact.empty() && fail_on != Impact::kNone && diff.Highest() >= fail_on;
  return fails ? kExitFail : kExitPass;
}

}  // namespace vendorlint
