// A content-addressed cache of parsed provider files (`--cache DIR`): the
// Provider model and the diagnostics of one providers/<id>.yaml, keyed by a
// SHA-256 of its bytes, its file name's id, the taxonomy's bytes, the loader's
// limits and the tool (version, entry format, the executable's identity), so
// that a warm run reads and hashes each file but parses only the changed ones.
//
// The cache is only a cache: an entry is used when everything about it checks
// out, and otherwise ignored and rebuilt. Refused, each silently as a miss:
// entries that are not regular files (symbolic links are not followed), that
// belong to another user or are writable by others, that are larger than the
// file they stand for could need, whose magic, format, key or checksum differ,
// or that do not decode in full (load/provider_codec.h). The folder itself
// must belong to the user and not be writable by group or others (else the
// run goes on without the cache and says why). Entries are written to a
// temporary name and renamed into place, so concurrent runs never see half an
// entry; names are hex digests only, so nothing is written outside the folder.
//
// Thread-safety: Load and Store may run concurrently (the loader's threads).
#ifndef VENDORLINT_LOAD_PARSE_CACHE_H_
#define VENDORLINT_LOAD_PARSE_CACHE_H_

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "load/yaml_document.h"
#include "model/registry.h"
#include "util/location.h"

namespace vendorlint {

// What one load did with the cache, per provider file.
struct ParseCacheStats {
  bool used = false;    // the folder could be opened (else a warning says why not)
  size_t reused = 0;    // loaded from an entry, not parsed
  size_t parsed = 0;    // parsed (no usable entry)
  size_t rejected = 0;  // of those parsed: an entry was there but refused
  size_t stored = 0;    // entries written
};

class ParseCache {
 public:
  using Digest = std::array<uint8_t, 32>;
  enum class Lookup : uint8_t { kHit, kMissing, kRejected };

  // Opens `dir`, creating it (mode 0700) when missing. `taxonomy_bytes` and
  // `limits` become part of every key. Returns nullptr and sets *why (one
  // sentence with the fix) when the folder cannot be used safely.
  static std::unique_ptr<ParseCache> Open(const std::string& dir, std::string_view taxonomy_bytes,
                                          const yaml::Limits& limits, std::string* why);
  ~ParseCache();
  ParseCache(const ParseCache&) = delete;
  ParseCache& operator=(const ParseCache&) = delete;

  // The key of a provider file with these bytes, named `<expected_id>.yaml`.
  Digest KeyOf(std::string_view expected_id, std::string_view bytes) const;

  // On kHit fills *p and appends the file's diagnostics (file = path) to
  // *diags; otherwise leaves both untouched. `source_bytes` (the file's size)
  // bounds the size of an acceptable entry.
  Lookup Load(const Digest& key, const std::string& path, uint32_t file_id, size_t source_bytes,
              Provider* p, std::vector<Diagnostic>* diags) const;

  // Writes the entry for `key`; returns false when the result cannot be
  // cached (provider_codec.h) or the write failed (a cache never fails a run).
  bool Store(const Digest& key, const std::string& path, uint32_t file_id, size_t source_bytes,
             const Provider& p, const std::vector<Diagnostic>& diags) const;

  // The entry file name for `key` (64 hex digits and ".vlc"), for tests.
  static std::string EntryName(const Digest& key);

  // The default folder: $XDG_CACHE_HOME/vendorlint, else $HOME/.cache/vendorlint;
  // "" when neither variable is set to an absolute path.
  static std::string DefaultDir();

 private:
  ParseCache(int dir_fd, const Digest& context) : dir_fd_(dir_fd), context_(context) {}

  int dir_fd_;
  Digest context_;  // everything but the file itself that its parse depends on
  mutable std::atomic<uint64_t> temp_counter_{0};
};

}  // namespace vendorlint

#endif  // VENDORLINT_LOAD_PARSE_CACHE_H_
