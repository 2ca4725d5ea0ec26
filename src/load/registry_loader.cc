#include "load/registry_loader.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "load/limited_read.h"
#include "load/organization_loader.h"
#include "util/parallel_for.h"
#include "load/provider_loader.h"
#include "load/schema_reader.h"
#include "load/taxonomy_loader.h"

namespace vendorlint {
namespace fs = std::filesystem;

namespace {

std::string Join(const std::string& dir, const std::string& name) {
  return (fs::path(dir) / name).generic_string();
}

// Lists providers/*.yaml, sorted; other entries are reported. *bytes is the
// sum of their sizes.
bool ListProviderFiles(const std::string& dir, std::vector<std::string>* names, uint64_t* bytes,
                       std::vector<Diagnostic>* diags) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    diags->push_back(Diagnostic{dir, 0, 0, Severity::kError,
                                fmt::format("cannot list provider files: {}", ec.message())});
    return false;
  }
  for (const auto& entry : it) {
    std::string name = entry.path().filename().string();
    if (name.starts_with(".")) continue;
    std::error_code type_ec;
    bool regular = entry.is_regular_file(type_ec);
    // A `.yaml` entry that is not a regular file (a dangling link, a FIFO, a
    // folder) is still meant as a provider: reading it says what is wrong.
    bool is_dir = entry.is_directory(type_ec);
    if (name.ends_with(".yaml") && (regular || !is_dir)) {
      names->push_back(name);
      std::error_code size_ec;
      uintmax_t size = entry.file_size(size_ec);
      if (!size_ec) *bytes += size;
    } else if (name.ends_with(".yml")) {
      diags->push_back(Diagnostic{Join(dir, name), 0, 0, Severity::kError,
                                  "provider files must end in `.yaml`; rename it to `" +
                                      name.substr(0, name.size() - 4) + ".yaml`"});
    } else if (regular && !name.ends_with(".md")) {
      diags->push_back(Diagnostic{Join(dir, name), 0, 0, Severity::kError,
                                  "unexpected file in providers/: only `<id>.yaml` files belong "
                                  "here"});
    } else if (!regular && !name.ends_with(".md")) {
      diags->push_back(Diagnostic{Join(dir, name), 0, 0, Severity::kError,
                                  "unexpected entry in providers/: only `<id>.yaml` files belong "
                                  "here"});
    }
  }
  std::sort(names->begin(), names->end());
  return true;
}

void CapDiagnostics(size_t max_errors, std::vector<Diagnostic>* diags) {
  SortDiagnostics(diags);
  if (max_errors == 0 || diags->size() <= max_errors) return;
  size_t dropped = diags->size() - max_errors;
  diags->resize(max_errors);
  diags->push_back(Diagnostic{"vendorlint", 0, 0, Severity::kError,
                              fmt::format("too many errors: {} more not shown", dropped)});
}

}  // namespace

namespace {

// LoadTaxonomyFile, keeping the bytes read when *bytes is given (the parse
// cache keys every provider on them).
bool LoadTaxonomy(const std::string& path, uint32_t file_id, const yaml::Limits& limits,
                  Taxonomy* out, std::vector<Diagnostic>* diags, std::string* bytes) {
  std::string local_bytes;
  if (bytes == nullptr) bytes = &local_bytes;
  yaml::Node root;
  if (!yaml::ReadFileLimited(path, limits, bytes, diags) ||
      !yaml::ParseDocument(path, *bytes, limits, &root, diags))
    return false;
  // Sorted by position like every other file's diagnostics.
  std::vector<Diagnostic> local;
  SchemaContext ctx(path, file_id, &local);
  bool ok = ReadTaxonomy(&ctx, root, out);
  SortDiagnostics(&local);
  diags->insert(diags->end(), local.begin(), local.end());
  return ok;
}

// What the parse cache did for one provider file.
enum class CacheOutcome : uint8_t { kNone, kReused, kParsed, kRejected };

// Reads one provider file, through the cache when there is one. `d` is the
// file's own diagnostics list.
CacheOutcome LoadProviderFile(const std::string& path, uint32_t file_id,
                              const std::string& expected_id, const LoadOptions& options,
                              const Taxonomy& taxonomy, const ParseCache* cache, Provider* p,
                              std::vector<Diagnostic>* d, bool* stored) {
  // Reading (and its checks: size, links outside the registry) is never
  // cached: it is what tells whether the bytes changed.
  // One buffer per loader thread, reused file after file: a warm load is
  // mostly reading, and allocating and freeing 20,000 buffers showed up.
  thread_local std::string bytes;
  if (!yaml::ReadFileLimited(path, options.limits, &bytes, d)) return CacheOutcome::kNone;
  CacheOutcome outcome = CacheOutcome::kNone;
  ParseCache::Digest key{};
  if (cache != nullptr) {
    key = cache->KeyOf(expected_id, bytes);
    switch (cache->Load(key, path, file_id, bytes.size(), p, d)) {
      case ParseCache::Lookup::kHit:
        return CacheOutcome::kReused;
      case ParseCache::Lookup::kMissing:
        outcome = CacheOutcome::kParsed;
        break;
      case ParseCache::Lookup::kRejected:
        outcome = CacheOutcome::kRejected;
        break;
    }
  }
  // Only what the parse reports goes into an entry.
  std::vector<Diagnostic> parsed;
  yaml::Node root;
  bool depends_on_today = false;
  if (yaml::ParseDocument(path, bytes, options.limits, &root, &parsed)) {
    SchemaContext ctx(path, file_id, &parsed);
    ReadProvider(&ctx, root, taxonomy, expected_id, p);
    depends_on_today = ctx.depends_on_today();
  }
  if (cache != nullptr && !depends_on_today)
    *stored = cache->Store(key, path, file_id, bytes.size(), *p, parsed);
  d->insert(d->end(), std::make_move_iterator(parsed.begin()),
            std::make_move_iterator(parsed.end()));
  return outcome;
}

}  // namespace

bool LoadTaxonomyFile(const std::string& path, uint32_t file_id, const yaml::Limits& limits,
                      Taxonomy* out, std::vector<Diagnostic>* diags) {
  return LoadTaxonomy(path, file_id, limits, out, diags, nullptr);
}

bool LoadRegistry(const LoadOptions& given, Registry* reg, std::vector<Diagnostic>* diags) {
  std::vector<Diagnostic> local;
  LoadOptions options = given;
  // Every registry file must resolve inside the registry folder.
  if (options.limits.root.empty()) options.limits.root = options.registry_dir;
  // Resolved once here rather than once per provider file.
  if (char* resolved = ::realpath(options.limits.root.c_str(), nullptr)) {
    options.limits.resolved_root = resolved;
    ::free(resolved);
  }
  const std::string& dir = options.registry_dir;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diags->push_back(
        Diagnostic{dir, 0, 0, Severity::kError, "registry folder not found (use --registry DIR)"});
    return false;
  }
  std::vector<std::string> names;
  std::string providers_dir = Join(dir, "providers");
  // The providers folder is resolved and opened once (yaml::Limits::dir_fd);
  // if it lies outside the root (a link), each file takes the full check and
  // is refused.
  yaml::OpenedFolder providers_folder(providers_dir, &options.limits);
  if (!fs::is_directory(providers_dir, ec)) {
    local.push_back(Diagnostic{providers_dir, 0, 0, Severity::kError,
                               "providers folder not found: add one `<id>.yaml` per provider"});
  } else {
    uint64_t bytes = 0;
    ListProviderFiles(providers_dir, &names, &bytes, &local);
    // Bounds on the whole registry, before reading any of it: memory and the
    // report grow with both (docs/registry.md "Limits").
    bool over = false;
    if (names.size() > options.max_provider_files) {
      local.push_back(Diagnostic{
          providers_dir, 0, 0, Severity::kError,
          fmt::format("{} provider files; the limit is {} (split the registry)", names.size(),
                      options.max_provider_files)});
      over = true;
    }
    if (bytes > options.max_registry_bytes) {
      local.push_back(Diagnostic{
          providers_dir, 0, 0, Severity::kError,
          fmt::format("provider files total {} bytes; the limit is {} MiB (split the registry)",
                      bytes, options.max_registry_bytes >> 20)});
      over = true;
    }
    if (over) {
      diags->insert(diags->end(), local.begin(), local.end());
      return false;
    }
  }
  // The file table, sorted by path (Registry's contract); each file's id is
  // looked up, never assumed from its kind.
  // The taxonomy may come from elsewhere (--taxonomy, or the installed one for
  // a registry-only repository: docs/install.md).
  const std::string taxonomy_path =
      options.taxonomy_path.empty() ? Join(dir, "taxonomy.yaml") : options.taxonomy_path;
  const std::string organization_path = Join(dir, "organization.yaml");
  std::vector<std::string> paths = {taxonomy_path, organization_path};
  for (const auto& n : names) paths.push_back(Join(providers_dir, n));
  std::sort(paths.begin(), paths.end());
  reg->files = SourceFiles{};
  for (const auto& p : paths) reg->files.Intern(p);
  // Slot 0 is organization.yaml, slots 1.. the providers.
  std::vector<uint32_t> slot_file = {*reg->files.Find(organization_path)};
  for (const auto& n : names) slot_file.push_back(*reg->files.Find(Join(providers_dir, n)));

  // Without a valid taxonomy every key would be reported unknown: stop there.
  const uint32_t taxonomy_id = *reg->files.Find(taxonomy_path);
  // A taxonomy from elsewhere (--taxonomy, or the installed default for a
  // registry-only repository) was chosen by the user, not by the registry:
  // its own folder is its root.
  yaml::Limits taxonomy_limits = options.limits;
  if (!options.taxonomy_path.empty()) {
    taxonomy_limits.root = fs::path(taxonomy_path).parent_path().string();
    taxonomy_limits.resolved_root.clear();
    taxonomy_limits.dir.clear();
    taxonomy_limits.dir_fd = -1;
  }
  std::string taxonomy_bytes;
  if (!LoadTaxonomy(taxonomy_path, taxonomy_id, taxonomy_limits, &reg->taxonomy, &local,
                    &taxonomy_bytes)) {
    CapDiagnostics(options.max_errors, &local);
    diags->insert(diags->end(), local.begin(), local.end());
    return false;
  }
  std::unique_ptr<ParseCache> cache;
  if (!options.cache_dir.empty()) {
    std::string why;
    cache = ParseCache::Open(options.cache_dir, taxonomy_bytes, options.limits, &why,
                             options.cache_tuning);
    if (cache == nullptr)
      local.push_back(Diagnostic{options.cache_dir, 0, 0, Severity::kWarning,
                                 "parse cache not used: " + why});
  }

  // Slot 0 is organization.yaml, slots 1.. the providers; each slot has its
  // own diagnostics so that the merged result does not depend on scheduling.
  std::vector<std::vector<Diagnostic>> slot_diags(names.size() + 1);
  std::vector<Provider> providers(names.size());
  std::vector<CacheOutcome> outcomes(names.size() + 1, CacheOutcome::kNone);
  std::vector<uint8_t> stored(names.size() + 1, 0);
  ParallelFor(names.size() + 1, options.threads, [&](size_t i) {
    const uint32_t file_id = slot_file[i];
    const std::string& path = reg->files[file_id];
    if (i == 0) {
      yaml::Node root;
      if (!yaml::ParseFile(path, options.limits, &root, &slot_diags[i])) return;
      SchemaContext ctx(path, file_id, &slot_diags[i]);
      ReadOrganization(&ctx, root, reg->taxonomy, &reg->organization);
    } else {
      const std::string& name = names[i - 1];
      bool s = false;
      outcomes[i] = LoadProviderFile(path, file_id, name.substr(0, name.size() - 5), options,
                                     reg->taxonomy, cache.get(), &providers[i - 1],
                                     &slot_diags[i], &s);
      stored[i] = s ? 1 : 0;
    }
  });
  for (auto& d : slot_diags) local.insert(local.end(), d.begin(), d.end());
  // This run's new entries go into one pack file, written once, here.
  const bool written = cache == nullptr || cache->Finish();
  if (options.cache_stats != nullptr) {
    ParseCacheStats& st = *options.cache_stats;
    st = ParseCacheStats{};
    st.used = cache != nullptr;
    if (cache != nullptr) {
      st.packs_read = cache->packs_read();
      st.packs_ignored = cache->packs_ignored();
      st.compacted = cache->compacted();
    }
    for (size_t i = 0; i < outcomes.size(); ++i) {
      switch (outcomes[i]) {
        case CacheOutcome::kNone:
          break;
        case CacheOutcome::kReused:
          ++st.reused;
          break;
        case CacheOutcome::kRejected:
          ++st.rejected;
          ++st.parsed;
          break;
        case CacheOutcome::kParsed:
          ++st.parsed;
          break;
      }
      st.stored += written ? size_t{stored[i]} : size_t{0};
    }
  }
  cache.reset();  // the packs read are not needed past the load

  // Ids must be unique (a mismatched id can collide with another file's).
  std::map<std::string, const Provider*> seen;
  for (const auto& p : providers) {
    if (p.id.value.empty()) continue;
    auto [it, inserted] = seen.emplace(p.id.value, &p);
    if (!inserted) {
      local.push_back(
          Diagnostic{reg->files[p.file], p.id.loc.line, p.id.loc.column, Severity::kError,
                     fmt::format("duplicate provider id `{}` (also in {}:{})", p.id.value,
                                 reg->files[it->second->file], it->second->id.loc.line)});
    }
  }
  std::vector<std::string> disclosure_ids;
  for (const auto& d : reg->organization.disclosures)
    if (!d.id.value.empty()) disclosure_ids.push_back(d.id.value);
  std::vector<std::string> file_ids;
  for (const auto& n : names) file_ids.push_back(n.substr(0, n.size() - 5));
  CheckProviderReferences(providers, disclosure_ids, reg->files.paths(), &local, file_ids);

  std::sort(providers.begin(), providers.end(), [](const Provider& a, const Provider& b) {
    return a.id.value != b.id.value ? a.id.value < b.id.value : a.file < b.file;
  });
  reg->providers = std::move(providers);
  bool ok = CountErrors(local) == 0;
  CapDiagnostics(options.max_errors, &local);
  diags->insert(diags->end(), local.begin(), local.end());
  return ok;
}

}  // namespace vendorlint
