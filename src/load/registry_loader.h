// Loads a whole registry folder: taxonomy.yaml, organization.yaml and
// providers/*.yaml (in parallel), then the cross-file checks. Results, including
// the order of diagnostics, are the same for any thread count.
#ifndef VENDORLINT_LOAD_REGISTRY_LOADER_H_
#define VENDORLINT_LOAD_REGISTRY_LOADER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "load/parse_cache.h"
#include "load/yaml_document.h"
#include "model/registry.h"

namespace vendorlint {

struct LoadOptions {
  std::string registry_dir = "registry";
  // The taxonomy file; empty: registry_dir/taxonomy.yaml.
  std::string taxonomy_path;
  // Paths in diagnostics and in Registry::files are `registry_dir/...` as given
  // (relative paths stay relative to the working directory).
  unsigned threads = 0;  // 0: one per core
  yaml::Limits limits;
  size_t max_errors = 200;  // across all files; the rest is summarised
  // Whole-registry bounds, checked from the directory listing before any
  // provider file is read (docs/registry.md "Limits"; no option changes them).
  size_t max_provider_files = 200000;
  uint64_t max_registry_bytes = uint64_t{512} << 20;  // all provider files together
  // The parse cache folder (load/parse_cache.h); empty: no cache. A folder
  // that cannot be used safely is reported as a warning and the load goes on
  // without it. Results are the same with and without the cache.
  std::string cache_dir;
  // When set, receives what the cache did (tests, `--verbose`, bench/).
  ParseCacheStats* cache_stats = nullptr;
  // How many packs, and how much, the cache keeps (tests make them small).
  ParseCache::Tuning cache_tuning;
};

// Returns true if the registry is valid. Diagnostics (sorted by file, line,
// column) are appended to *diags; when more than max_errors, the list is cut
// and a final note says how many were left out.
bool LoadRegistry(const LoadOptions& options, Registry* out, std::vector<Diagnostic>* diags);

// Loads only taxonomy.yaml (used by rule tests and the rule compiler).
bool LoadTaxonomyFile(const std::string& path, uint32_t file_id, const yaml::Limits& limits,
                      Taxonomy* out, std::vector<Diagnostic>* diags);

}  // namespace vendorlint

#endif  // VENDORLINT_LOAD_REGISTRY_LOADER_H_
