// One pack file of the parse cache (load/parse_cache.h): many entries, each a
// provider file's encoded load result (load/provider_codec.h), in one file
// that a run writes once, under a temporary name renamed into place.
//
// Layout (integers little-endian):
//   header   "VLPK", format (u32), context (32 bytes: what every key of the
//            pack was made with), entry count (u32), zero (u32), data size (u64)
//   data     the payloads, back to back, in key order
//   index    per entry, in strictly increasing key order: key (32), offset
//            into data (u64), length (u32), SHA-256 of key and payload (32)
//   trailer  SHA-256 of header and index
// The sizes in the header must add up to the file's size exactly, every
// index record must lie inside the data, and the trailer must match before
// anything else of the file is believed; each payload is checked against its
// own digest when it is used, so one bad entry costs one parse, not the pack.
// A pack is named after its trailer (`pack-<32 hex digits>.vlp`): two runs
// that write the same entries write the same file.
#ifndef VENDORLINT_LOAD_CACHE_PACK_H_
#define VENDORLINT_LOAD_CACHE_PACK_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "load/sha256.h"

namespace vendorlint {

// One entry to write.
struct PackEntry {
  Sha256Digest key{};
  std::string_view payload;
  Sha256Digest sum{};  // PackEntrySum(key, payload)
};

// The digest an index record holds for `payload` under `key`.
bool PackEntrySum(const Sha256Digest& key, std::string_view payload, Sha256Digest* out);

class CachePack {
 public:
  static constexpr size_t kHeaderBytes = 56;
  static constexpr size_t kRecordBytes = 76;
  static constexpr size_t kTrailerBytes = 32;
  enum class Header : uint8_t { kOk, kOtherContext, kInvalid };

  // Checks a file's first kHeaderBytes bytes against its size and `context`,
  // before the rest is read: a header whose sizes do not add up to
  // `file_size` is kInvalid, so no length it claims is ever allocated.
  static Header CheckHeader(std::string_view header, uint64_t file_size,
                            const Sha256Digest& context);

  // Takes a whole file. Returns false (leaving *out empty) unless it is a
  // valid pack of `context`: header, sizes, trailer, index order and bounds.
  static bool Parse(std::string bytes, const Sha256Digest& context, CachePack* out);

  size_t size() const { return count_; }
  // The record with `key`, or size() when there is none.
  size_t Find(const Sha256Digest& key) const;
  Sha256Digest Key(size_t i) const;
  // The payload of record i, when it matches its digest.
  bool Payload(size_t i, std::string_view* out) const;
  // The payload's length as the index gives it (for size caps).
  size_t Length(size_t i) const;
  Sha256Digest Sum(size_t i) const;

  // Name of a pack whose trailer is `trailer`, and whether `name` is one.
  static std::string Name(const Sha256Digest& trailer);
  static bool IsName(std::string_view name);

 private:
  std::string_view Record(size_t i) const;

  std::string bytes_;
  size_t count_ = 0;
  uint64_t data_bytes_ = 0;
};

// Writes a pack of `entries` (sorted by key, keys unique) for `context` to
// `fd`; sets *name to its file name. False when a write failed.
bool WritePack(int fd, const Sha256Digest& context, const std::vector<PackEntry>& entries,
               std::string* name);

}  // namespace vendorlint

#endif  // VENDORLINT_LOAD_CACHE_PACK_H_
