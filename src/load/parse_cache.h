// A content-addressed cache of parsed provider files (`--cache DIR`): the
// Provider model and the diagnostics of one providers/<id>.yaml, keyed by a
// SHA-256 of its bytes, its file name's id, the taxonomy's bytes, the loader's
// limits and the tool (version, entry format, the executable's identity), so
// that a warm run reads and hashes each file but parses only the changed ones.
//
// Entries live in pack files (load/cache_pack.h). Open reads every pack of
// this context (a few large reads, not one file per entry); Store collects a
// run's new entries in memory and Finish writes them as ONE new pack, under a
// temporary name renamed into place. When that would make more than
// Tuning::max_packs packs, Finish compacts instead: one pack with every entry
// this run used or made, then the other entries of this context, newest packs
// first, while the pack stays under Tuning::keep_bytes; then it removes the
// packs it had seen (other contexts' and unusable ones too) and the entry
// files of the old one-file-per-entry layout. A run that only reads writes
// nothing. Concurrent runs are safe: packs are never changed in place, a
// reader holds what it read, and a pack removed under it is just a miss.
//
// The cache is only a cache: an entry is used when everything about it checks
// out, and otherwise ignored and rebuilt. Refused, each silently: packs that
// are not regular files (symbolic links are not followed), that belong to
// another user or are writable by others, that are larger than
// Tuning::max_pack_bytes, whose header, sizes, trailer or index do not check
// out (cache_pack.h); entries whose digest or key differ, that are larger
// than the file they stand for could need, or that do not decode in full
// (load/provider_codec.h). The folder itself must belong to the user and not
// be writable by group or others (else the run goes on without the cache and
// says why). Names are hex digests only, so nothing is written outside it.
//
// Thread-safety: Load and Store may run concurrently (the loader's threads);
// Open and Finish run alone.
#ifndef VENDORLINT_LOAD_PARSE_CACHE_H_
#define VENDORLINT_LOAD_PARSE_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "load/cache_pack.h"
#include "load/sha256.h"
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
  size_t packs_read = 0;     // packs of this context that checked out
  size_t packs_ignored = 0;  // pack files that did not (another context's are not counted)
  bool compacted = false;    // the run merged the packs into one
};

struct ParseCacheTuning {
  // More packs than this after a run: that run compacts them into one.
  size_t max_packs = 8;
  // A compaction keeps every entry the run used or made, and adds the
  // others (newest packs first) while the pack stays under this many bytes.
  uint64_t keep_bytes = uint64_t{64} << 20;
  // A larger pack file is not read (nor written): no pack we write comes
  // near it (a 512 MiB registry's entries are about half its size).
  uint64_t max_pack_bytes = uint64_t{1} << 30;
};


class ParseCache {
 public:
  using Digest = Sha256Digest;
  enum class Lookup : uint8_t { kHit, kMissing, kRejected };

  using Tuning = ParseCacheTuning;

  // Opens `dir`, creating it (mode 0700) when missing, and reads its packs.
  // `taxonomy_bytes` and `limits` become part of every key. Returns nullptr
  // and sets *why (one sentence with the fix) when the folder cannot be used
  // safely.
  static std::unique_ptr<ParseCache> Open(const std::string& dir, std::string_view taxonomy_bytes,
                                          const yaml::Limits& limits, std::string* why,
                                          const Tuning& tuning = Tuning{});
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

  // Keeps the entry for `key` for Finish; returns false when the result
  // cannot be cached (provider_codec.h) or is too large.
  bool Store(const Digest& key, const std::string& path, uint32_t file_id, size_t source_bytes,
             const Provider& p, const std::vector<Diagnostic>& diags) const;

  // Writes the stored entries as one pack, compacting when due (above).
  // Returns false when there were entries and they could not be written (a
  // cache never fails a run).
  bool Finish();

  size_t packs_read() const { return packs_.size(); }
  size_t packs_ignored() const { return packs_ignored_; }
  bool compacted() const { return compacted_; }

  // The default folder: $XDG_CACHE_HOME/vendorlint, else $HOME/.cache/vendorlint;
  // "" when neither variable is set to an absolute path.
  static std::string DefaultDir();

 private:
  struct Pack {
    std::string name;
    int64_t mtime_ns = 0;
    CachePack pack;
    // Which entries this run used (each key is looked up by one thread only:
    // keys include the file name, unique in a registry).
    mutable std::vector<uint8_t> used;
  };
  struct NewEntry {
    Digest key{};
    size_t offset = 0;
    size_t length = 0;
    Digest sum{};
  };

  ParseCache(int dir_fd, const Digest& context, const Tuning& tuning)
      : dir_fd_(dir_fd), context_(context), tuning_(tuning) {}
  void ReadFolder();
  void RemoveOldFiles(const std::string& kept) const;

  int dir_fd_;
  Digest context_;  // everything but the file itself that its parse depends on
  Tuning tuning_;
  std::vector<Pack> packs_;              // this context's valid packs, by name
  std::vector<std::string> pack_names_;  // every pack file seen at Open
  std::vector<std::string> old_files_;   // the old layout's `<key>.vlc` entries
  std::vector<std::string> temp_files_;  // `.tmp-*`: another run's, or a crashed one's
  size_t packs_ignored_ = 0;
  bool compacted_ = false;

  mutable std::mutex mu_;  // guards the two below
  mutable std::string new_data_;
  mutable std::vector<NewEntry> new_entries_;
};

}  // namespace vendorlint

#endif  // VENDORLINT_LOAD_PARSE_CACHE_H_
