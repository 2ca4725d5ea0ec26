#include "load/cache_pack.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace vendorlint {
namespace {

// Bumped whenever the pack layout changes (the payloads' encoding has its own
// number, part of the context: load/parse_cache.cc).
constexpr uint32_t kPackFormat = 1;
constexpr char kMagic[4] = {'V', 'L', 'P', 'K'};

uint64_t ReadLe(std::string_view s, size_t at, size_t n) {
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) v |= static_cast<uint64_t>(static_cast<uint8_t>(s[at + i])) << (8 * i);
  return v;
}

void AppendLe(uint64_t v, size_t n, std::string* out) {
  for (size_t i = 0; i < n; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

Sha256Digest DigestAt(std::string_view s, size_t at) {
  Sha256Digest d{};
  std::memcpy(d.data(), s.data() + at, d.size());
  return d;
}

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

std::string MakeHeader(const Sha256Digest& context, uint64_t count, uint64_t data_bytes) {
  std::string h(kMagic, sizeof(kMagic));
  AppendLe(kPackFormat, 4, &h);
  h += DigestBytes(context);
  AppendLe(count, 4, &h);
  AppendLe(0, 4, &h);
  AppendLe(data_bytes, 8, &h);
  return h;
}

}  // namespace

bool PackEntrySum(const Sha256Digest& key, std::string_view payload, Sha256Digest* out) {
  return Sha256({DigestBytes(key), payload}, out);
}

CachePack::Header CachePack::CheckHeader(std::string_view header, uint64_t file_size,
                                         const Sha256Digest& context) {
  if (header.size() < kHeaderBytes || file_size < kHeaderBytes + kTrailerBytes ||
      header.substr(0, sizeof(kMagic)) != std::string_view(kMagic, sizeof(kMagic)) ||
      ReadLe(header, 4, 4) != kPackFormat || ReadLe(header, 44, 4) != 0)
    return Header::kInvalid;
  const uint64_t count = ReadLe(header, 40, 4);
  const uint64_t data_bytes = ReadLe(header, 48, 8);
  // Each term is checked against the file's size before it is added, so
  // that no sum can wrap around.
  const uint64_t room = file_size - kHeaderBytes - kTrailerBytes;
  if (data_bytes > room || count > (room - data_bytes) / kRecordBytes ||
      count * kRecordBytes != room - data_bytes)
    return Header::kInvalid;
  if (header.substr(8, 32) != DigestBytes(context)) return Header::kOtherContext;
  return Header::kOk;
}

bool CachePack::Parse(std::string bytes, const Sha256Digest& context, CachePack* out) {
  *out = CachePack{};
  std::string_view all(bytes);
  if (CheckHeader(all, all.size(), context) != Header::kOk) return false;
  const uint64_t count = ReadLe(all, 40, 4);
  const uint64_t data_bytes = ReadLe(all, 48, 8);
  const size_t index_at = kHeaderBytes + static_cast<size_t>(data_bytes);
  std::string_view index = all.substr(index_at, static_cast<size_t>(count) * kRecordBytes);
  Sha256Digest trailer{};
  if (!Sha256({all.substr(0, kHeaderBytes), index}, &trailer) ||
      all.substr(all.size() - kTrailerBytes) != DigestBytes(trailer))
    return false;
  for (size_t i = 0; i < count; ++i) {
    std::string_view r = index.substr(i * kRecordBytes, kRecordBytes);
    const uint64_t offset = ReadLe(r, 32, 8);
    const uint64_t length = ReadLe(r, 40, 4);
    if (offset > data_bytes || length > data_bytes - offset) return false;
    if (i > 0 && index.substr((i - 1) * kRecordBytes, 32) >= r.substr(0, 32)) return false;
  }
  out->bytes_ = std::move(bytes);
  out->count_ = static_cast<size_t>(count);
  out->data_bytes_ = data_bytes;
  return true;
}

std::string_view CachePack::Record(size_t i) const {
  return std::string_view(bytes_).substr(
      kHeaderBytes + static_cast<size_t>(data_bytes_) + i * kRecordBytes, kRecordBytes);
}

size_t CachePack::Find(const Sha256Digest& key) const {
  const std::string_view k = DigestBytes(key);
  size_t lo = 0, hi = count_;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = Record(mid).substr(0, 32).compare(k);
    if (c == 0) return mid;
    if (c < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return count_;
}

Sha256Digest CachePack::Key(size_t i) const { return DigestAt(Record(i), 0); }

Sha256Digest CachePack::Sum(size_t i) const { return DigestAt(Record(i), 44); }

size_t CachePack::Length(size_t i) const { return static_cast<size_t>(ReadLe(Record(i), 40, 4)); }

bool CachePack::Payload(size_t i, std::string_view* out) const {
  std::string_view r = Record(i);
  const size_t offset = static_cast<size_t>(ReadLe(r, 32, 8));
  std::string_view payload =
      std::string_view(bytes_).substr(kHeaderBytes + offset, static_cast<size_t>(ReadLe(r, 40, 4)));
  Sha256Digest sum{};
  if (!PackEntrySum(DigestAt(r, 0), payload, &sum) || DigestBytes(sum) != r.substr(44, 32))
    return false;
  *out = payload;
  return true;
}

std::string CachePack::Name(const Sha256Digest& trailer) {
  return "pack-" + DigestHex(trailer, 16) + ".vlp";
}

bool CachePack::IsName(std::string_view name) {
  if (name.size() != 5 + 32 + 4 || !name.starts_with("pack-") || !name.ends_with(".vlp"))
    return false;
  return std::all_of(name.begin() + 5, name.end() - 4,
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool WritePack(int fd, const Sha256Digest& context, const std::vector<PackEntry>& entries,
               std::string* name) {
  uint64_t data_bytes = 0;
  std::string index;
  index.reserve(entries.size() * CachePack::kRecordBytes);
  for (const PackEntry& e : entries) {
    index += DigestBytes(e.key);
    AppendLe(data_bytes, 8, &index);
    AppendLe(e.payload.size(), 4, &index);
    index += DigestBytes(e.sum);
    data_bytes += e.payload.size();
  }
  const std::string header = MakeHeader(context, entries.size(), data_bytes);
  Sha256Digest trailer{};
  if (!Sha256({header, index}, &trailer)) return false;
  *name = CachePack::Name(trailer);
  // Payloads go out through one buffer: a few large writes, not one per entry.
  std::string buffer = header;
  constexpr size_t kFlushBytes = size_t{1} << 20;
  for (const PackEntry& e : entries) {
    buffer += e.payload;
    if (buffer.size() >= kFlushBytes) {
      if (!WriteAll(fd, buffer)) return false;
      buffer.clear();
    }
  }
  buffer += index;
  buffer += DigestBytes(trailer);
  return WriteAll(fd, buffer);
}

}  // namespace vendorlint
