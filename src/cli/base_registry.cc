#include "cli/base_registry.h"

#include <stdlib.h>

#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/git_tree.h"
#include "load/registry_loader.h"

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

}  // namespace

bool LoadRegistryAt(const CliOptions& o, const std::string& dir, const std::string& shown,
                    Registry* reg, std::ostream& err) {
  LoadOptions lo;
  lo.registry_dir = dir;
  std::error_code ec;
  std::string local = (fs::path(dir) / "taxonomy.yaml").generic_string();
  lo.taxonomy_path = o.taxonomy_source == "from --taxonomy" || !fs::is_regular_file(local, ec)
                         ? o.taxonomy
                         : local;
  lo.threads = o.threads;
  lo.cache_dir = o.cache_dir;
  std::vector<Diagnostic> diags;
  bool ok = LoadRegistry(lo, reg, &diags);
  if (dir != shown)
    for (auto& d : diags)
      if (d.file.starts_with(dir)) d.file = shown + d.file.substr(dir.size());
  if (ok) {
    PrintDiagnostics(diags, err);
  } else {
    ReportInvalidInput(diags, shown, err, o.annotations);
  }
  return ok;
}

bool LoadGitBaseRegistry(const CliOptions& o, const std::string& rev, Registry* reg,
                         std::string* label, std::ostream& err) {
  TempDir temp;
  if (temp.path().empty()) {
    UsageError(err, "could not create a temporary folder for --base");
    return false;
  }
  std::string error;
  if (!ReadGitFolder(rev, o.registry_dir, temp.path(), &error)) {
    UsageError(err, error);
    return false;
  }
  *label = fmt::format("{}:{}", rev, o.registry_dir);
  return LoadRegistryAt(o, temp.path(), *label, reg, err);
}

bool LoadBaseRegistry(const CliOptions& o, const std::string& base, Registry* reg,
                      std::string* label, std::ostream& err) {
  std::error_code ec;
  if (fs::is_directory(base, ec)) {
    *label = base;
    return LoadRegistryAt(o, base, base, reg, err);
  }
  return LoadGitBaseRegistry(o, base, reg, label, err);
}

}  // namespace vendorlint
