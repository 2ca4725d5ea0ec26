#include "cli/inputs.h"

#include <cstdlib>
#include <filesystem>

#include "load/parse_cache.h"

namespace vendorlint {

namespace fs = std::filesystem;

std::string InstalledShareDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec || exe.empty()) return "";
  return (exe.parent_path() / ".." / "share" / "vendorlint").lexically_normal().generic_string();
}

std::string ResolveCacheDir(const std::string& value) {
  if (value.empty() || value == "off") return "";
  if (value == "auto") return ParseCache::DefaultDir();
  return value;
}

void ResolveInputs(CliOptions* o, const std::string& share_dir) {
  // The cache is off unless asked for, on the command line or in the
  // environment (so a CI job uses it only when its set-up says so).
  if (o->cache_given) {
    o->cache_dir = ResolveCacheDir(o->cache);
  } else {
    const char* env = std::getenv("VENDORLINT_CACHE");
    o->cache_dir = ResolveCacheDir(env != nullptr ? env : "");
  }
  std::error_code ec;
  if (o->rules_given) {
    o->rules_source = "from --rules";
  } else if (fs::is_directory(o->rules_dir, ec) || share_dir.empty() ||
             !fs::is_directory(share_dir + "/rules", ec)) {
    o->rules_source = "from ./" + o->rules_dir;
  } else {
    o->rules_dir = share_dir + "/rules";
    o->rules_source = "the installed default pack: there is no ./rules";
  }

  std::string local = (fs::path(o->registry_dir) / "taxonomy.yaml").generic_string();
  if (!o->taxonomy.empty()) {
    o->taxonomy_source = "from --taxonomy";
  } else if (fs::is_regular_file(local, ec) || share_dir.empty() ||
             !fs::is_regular_file(share_dir + "/taxonomy.yaml", ec)) {
    o->taxonomy = local;
    o->taxonomy_source = "from the registry";
  } else {
    o->taxonomy = share_dir + "/taxonomy.yaml";
    o->taxonomy_source = "the installed default: the registry has no taxonomy.yaml";
  }
}

}  // namespace vendorlint
