// `vendorlint diff OLD NEW` and `vendorlint diff --base REF`: the semantic
// registry diff (check/registry_diff.h) written as text, Markdown or JSON.
#include <stdlib.h>

#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "check/registry_diff.h"
#include "cli/commands.h"
#include "cli/git_tree.h"
#include "load/registry_loader.h"
#include "report/diff_report.h"
#include "report/output_files.h"

namespace vendorlint {
namespace fs = std::filesystem;

namespace {

// A private temporary folder, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir() {
    std::error_code ec;
    std::string tmpl = (fs::temp_directory_path(ec) / "vendorlint-base-XXXXXX").string();
    if (mkdtemp(tmpl.data()) != nullptr) path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Loads one side. `shown` replaces `dir` in diagnostics (the temporary copy of
// a git revision is named REF:path).
bool LoadSide(const CliOptions& o, const std::string& dir, const std::string& shown,
              Registry* reg, std::ostream& err) {
  LoadOptions lo;
  lo.registry_dir = dir;
  std::error_code ec;
  std::string local = (fs::path(dir) / "taxonomy.yaml").generic_string();
  lo.taxonomy_path = o.taxonomy_source == "from --taxonomy" || !fs::is_regular_file(local, ec)
                         ? o.taxonomy
                         : local;
  lo.threads = o.threads;
  std::vector<Diagnostic> diags;
  bool ok = LoadRegistry(lo, reg, &diags);
  if (dir != shown)
    for (auto& d : diags)
      if (d.file.starts_with(dir)) d.file = shown + d.file.substr(dir.size());
  if (ok) {
    PrintDiagnostics(diags, err);
  } else {
    ReportInvalidInput(diags, shown, err);
  }
  return ok;
}

}  // namespace

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
  TempDir temp;
  if (base) {
    if (temp.path().empty()) return UsageError(err, "could not create a temporary folder");
    std::string error;
    if (!ReadGitFolder(o.base, o.registry_dir, temp.path(), &error))
      return UsageError(err, error);
    old_label = fmt::format("{}:{}", o.base, o.registry_dir);
    new_label = o.registry_dir;
    if (!LoadSide(o, temp.path(), old_label, &old_reg, err)) return kExitInvalid;
    if (!LoadSide(o, o.registry_dir, o.registry_dir, &new_reg, err)) return kExitInvalid;
  } else {
    old_label = o.arguments[0];
    new_label = o.arguments[1];
    // Both are loaded before stopping, so that one run names every problem.
    bool ok_old = LoadSide(o, old_label, old_label, &old_reg, err);
    bool ok_new = LoadSide(o, new_label, new_label, &new_reg, err);
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
