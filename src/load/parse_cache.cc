#include "load/parse_cache.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>

#include <fmt/format.h>

#include "load/provider_codec.h"
#include "util/date.h"

namespace vendorlint {
namespace fs = std::filesystem;

namespace {

// Bumped whenever provider_codec.cc's encoding changes; part of the context,
// so entries of another encoding are never looked at.
constexpr uint32_t kEntryFormat = 2;

// Temporary files another run left behind this long ago died with it.
constexpr time_t kStaleTempSeconds = 24 * 60 * 60;

// An entry holds the model of one file and at most Limits::max_errors
// diagnostics of at most kMaxDiagnosticBytes each: a few times the file's
// size plus room for those. Anything larger is not an entry we wrote.
size_t MaxEntryBytes(size_t source_bytes) { return 8 * source_bytes + (size_t{256} << 10); }

std::string U32Bytes(uint64_t v) {
  std::string s(4, '\0');
  for (size_t i = 0; i < 4; ++i) s[i] = static_cast<char>((v >> (8 * i)) & 0xff);
  return s;
}

// The running executable's size and modification time: a rebuilt vendorlint
// (same version, different loader) must not read its predecessor's entries.
std::string ToolIdentity() {
  struct stat st {};
  if (stat("/proc/self/exe", &st) != 0) return "";
  return fmt::format("{}:{}.{}", st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

bool PreadAll(int fd, size_t size, uint64_t at, char* out) {
  size_t done = 0;
  while (done < size) {
    ssize_t n = pread(fd, out + done, size - done, static_cast<off_t>(at + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

// Owned by us and writable by no one else: what a planted file or folder
// would not be.
bool OwnedAndPrivate(const struct stat& st) {
  return st.st_uid == geteuid() && (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

bool IsHex(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// With the pid, makes temporary names unique among this folder's writers
// (O_EXCL refuses anything already there, a planted link included).
std::atomic<uint64_t> temp_counter{0};

}  // namespace

std::string ParseCache::DefaultDir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg != nullptr && xdg[0] == '/') return (fs::path(xdg) / "vendorlint").generic_string();
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] == '/')
    return (fs::path(home) / ".cache" / "vendorlint").generic_string();
  return "";
}

std::unique_ptr<ParseCache> ParseCache::Open(const std::string& dir,
                                             std::string_view taxonomy_bytes,
                                             const yaml::Limits& limits, std::string* why,
                                             const Tuning& tuning) {
  std::error_code ec;
  fs::path path(dir);
  if (!fs::exists(fs::symlink_status(path, ec))) {
    if (path.has_parent_path() && !path.parent_path().empty())
      fs::create_directories(path.parent_path(), ec);
    // Only the cache folder itself is made private; its parents are the
    // user's (~/.cache).
    if (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
      *why = fmt::format("cannot create it: {}", std::strerror(errno));
      return nullptr;
    }
  }
  // The folder may be reached through a symbolic link (a user's ~/.cache
  // often is); what counts is the folder it resolves to.
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    *why = fmt::format("cannot open it as a folder: {}", std::strerror(errno));
    return nullptr;
  }
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISDIR(st.st_mode)) {
    *why = "it is not a folder";
    close(fd);
    return nullptr;
  }
  if (st.st_uid != geteuid()) {
    *why = "it belongs to another user; use a folder of your own";
    close(fd);
    return nullptr;
  }
  if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
    *why = fmt::format("others can write to it; run `chmod go-w {}`", dir);
    close(fd);
    return nullptr;
  }
  Digest taxonomy{}, context{};
  std::string header = fmt::format(
      "vendorlint parse cache\n{}\n{}\n{}\n{} {} {} {}\n", kEntryFormat, VENDORLINT_VERSION,
      ToolIdentity(), limits.max_bytes, limits.max_depth, limits.max_nodes, limits.max_errors);
  if (!Sha256({taxonomy_bytes}, &taxonomy) ||
      !Sha256({header, DigestBytes(taxonomy)}, &context)) {
    *why = "SHA-256 is not available";
    close(fd);
    return nullptr;
  }
  std::unique_ptr<ParseCache> cache(new ParseCache(fd, context, tuning));
  cache->ReadFolder();
  return cache;
}

ParseCache::~ParseCache() { close(dir_fd_); }

// Lists the folder and reads every usable pack of this context whole: one
// open and a few large reads per pack, however many entries it holds.
void ParseCache::ReadFolder() {
  int list_fd = openat(dir_fd_, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR* d = list_fd < 0 ? nullptr : fdopendir(list_fd);
  if (d == nullptr) {
    if (list_fd >= 0) close(list_fd);
    return;
  }
  while (const dirent* e = readdir(d)) {
    std::string_view name = e->d_name;
    if (CachePack::IsName(name)) {
      pack_names_.emplace_back(name);
    } else if (name.size() == 64 + 4 && name.ends_with(".vlc") && IsHex(name.substr(0, 64))) {
      old_files_.emplace_back(name);
    } else if (name.starts_with(".tmp-")) {
      temp_files_.emplace_back(name);
    }
  }
  closedir(d);
  // Sorted, so that lookups try packs in the same order whatever the listing's.
  std::sort(pack_names_.begin(), pack_names_.end());
  for (const std::string& name : pack_names_) {
    int fd = openat(dir_fd_, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
      // Removed since the listing (another run compacted): just a miss.
      if (errno != ENOENT) ++packs_ignored_;
      continue;
    }
    struct stat st {};
    std::string bytes;
    char header[CachePack::kHeaderBytes];
    CachePack::Header h = CachePack::Header::kInvalid;
    bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && OwnedAndPrivate(st) &&
              st.st_size >= 0 && static_cast<uint64_t>(st.st_size) <= tuning_.max_pack_bytes &&
              PreadAll(fd, sizeof(header), 0, header);
    if (ok) {
      h = CachePack::CheckHeader(std::string_view(header, sizeof(header)),
                                 static_cast<uint64_t>(st.st_size), context_);
      // Only now, with its sizes known to add up to the file's, is it read.
      if (h == CachePack::Header::kOk) {
        bytes.resize(static_cast<size_t>(st.st_size));
        ok = PreadAll(fd, bytes.size(), 0, bytes.data());
      }
    }
    close(fd);
    if (ok && h == CachePack::Header::kOtherContext) continue;  // another taxonomy or tool
    Pack p;
    if (!ok || h != CachePack::Header::kOk ||
        !CachePack::Parse(std::move(bytes), context_, &p.pack)) {
      ++packs_ignored_;
      continue;
    }
    p.name = name;
    p.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    p.used.assign(p.pack.size(), 0);
    packs_.push_back(std::move(p));
  }
}

ParseCache::Digest ParseCache::KeyOf(std::string_view expected_id, std::string_view bytes) const {
  Digest key{};
  // The id's length first, so that (id, bytes) pairs cannot run together.
  // A failed hash gives the zero key, which Load and Store refuse.
  if (!Sha256({DigestBytes(context_), U32Bytes(expected_id.size()), expected_id, bytes}, &key))
    key = Digest{};
  return key;
}

ParseCache::Lookup ParseCache::Load(const Digest& key, const std::string& path, uint32_t file_id,
                                    size_t source_bytes, Provider* p,
                                    std::vector<Diagnostic>* diags) const {
  if (key == Digest{}) return Lookup::kMissing;
  bool rejected = false;
  // Another pack may hold a good copy of an entry that failed its checks.
  for (const Pack& pack : packs_) {
    const size_t i = pack.pack.Find(key);
    if (i == pack.pack.size()) continue;
    std::string_view payload;
    Provider decoded;
    std::vector<Diagnostic> decoded_diags;
    if (pack.pack.Length(i) > MaxEntryBytes(source_bytes) || !pack.pack.Payload(i, &payload) ||
        !DecodeProviderResult(payload, path, file_id, &decoded, &decoded_diags) ||
        // A review date after today is an error the loader reports, and such
        // results are never stored; if the clock went back, parse again.
        (decoded.last_reviewed && Date::Today() < decoded.last_reviewed->value)) {
      rejected = true;
      continue;
    }
    pack.used[i] = 1;
    *p = std::move(decoded);
    diags->insert(diags->end(), std::make_move_iterator(decoded_diags.begin()),
                  std::make_move_iterator(decoded_diags.end()));
    return Lookup::kHit;
  }
  return rejected ? Lookup::kRejected : Lookup::kMissing;
}

bool ParseCache::Store(const Digest& key, const std::string& path, uint32_t file_id,
                       size_t source_bytes, const Provider& p,
                       const std::vector<Diagnostic>& diags) const {
  if (key == Digest{}) return false;
  thread_local std::string payload;  // reused, like the loader's file buffer
  payload.clear();
  if (!EncodeProviderResult(p, diags, path, file_id, &payload)) return false;
  Digest sum{};
  if (payload.size() > MaxEntryBytes(source_bytes) || !PackEntrySum(key, payload, &sum))
    return false;
  std::lock_guard<std::mutex> lock(mu_);
  if (new_data_.size() + payload.size() > tuning_.max_pack_bytes) return false;
  new_entries_.push_back(NewEntry{key, new_data_.size(), payload.size(), sum});
  new_data_ += payload;
  return true;
}

bool ParseCache::Finish() {
  std::lock_guard<std::mutex> lock(mu_);
  if (new_entries_.empty()) return true;
  // In order of priority: what this run made, what it used, then the rest.
  std::vector<PackEntry> entries;
  uint64_t total = 0;
  for (const NewEntry& e : new_entries_) {
    entries.push_back(
        PackEntry{e.key, std::string_view(new_data_).substr(e.offset, e.length), e.sum});
    total += e.length + CachePack::kRecordBytes;
  }
  const bool compact = pack_names_.size() + 1 > tuning_.max_packs;
  if (compact) {
    for (const Pack& pack : packs_) {
      for (size_t i = 0; i < pack.pack.size(); ++i) {
        std::string_view payload;
        if (pack.used[i] && pack.pack.Payload(i, &payload)) {
          entries.push_back(PackEntry{pack.pack.Key(i), payload, pack.pack.Sum(i)});
          total += payload.size() + CachePack::kRecordBytes;
        }
      }
    }
    std::vector<const Pack*> newest;
    for (const Pack& pack : packs_) newest.push_back(&pack);
    std::stable_sort(newest.begin(), newest.end(), [](const Pack* a, const Pack* b) {
      return a->mtime_ns > b->mtime_ns;
    });
    for (const Pack* pack : newest) {
      for (size_t i = 0; i < pack->pack.size(); ++i) {
        const uint64_t cost = pack->pack.Length(i) + CachePack::kRecordBytes;
        std::string_view payload;
        // Each is checked: a compaction does not carry corruption forward.
        if (pack->used[i] || total + cost > tuning_.keep_bytes || !pack->pack.Payload(i, &payload))
          continue;
        entries.push_back(PackEntry{pack->pack.Key(i), payload, pack->pack.Sum(i)});
        total += cost;
      }
    }
  }
  // By key, first (highest priority) copy of each.
  std::stable_sort(entries.begin(), entries.end(),
                   [](const PackEntry& a, const PackEntry& b) { return a.key < b.key; });
  entries.erase(std::unique(entries.begin(), entries.end(),
                            [](const PackEntry& a, const PackEntry& b) { return a.key == b.key; }),
                entries.end());
  if (total + CachePack::kHeaderBytes + CachePack::kTrailerBytes > tuning_.max_pack_bytes)
    return false;

  // The clock too: processes in different pid namespaces may share a folder.
  const std::string temp =
      fmt::format(".tmp-pack-{}-{}-{}", getpid(), temp_counter++,
                  std::chrono::steady_clock::now().time_since_epoch().count());
  int fd =
      openat(dir_fd_, temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  std::string name;
  // No fsync: a torn pack after a crash fails its checks and is rebuilt.
  bool ok = WritePack(fd, context_, entries, &name);
  ok = close(fd) == 0 && ok;
  // rename() replaces whatever had the name (a corrupt pack, a link)
  // atomically: a concurrent reader sees the old file or the new one.
  ok = ok && renameat(dir_fd_, temp.c_str(), dir_fd_, name.c_str()) == 0;
  if (!ok) {
    unlinkat(dir_fd_, temp.c_str(), 0);
    return false;
  }
  if (compact) {
    RemoveOldFiles(name);
    compacted_ = true;
  }
  return true;
}

// After a compaction: the packs it replaced, whatever their context or state
// (a run reading one keeps what it read), the old layout's entry files, and
// temporary files old enough to be a crashed run's. unlink() removes a
// symbolic link, never what it points to.
void ParseCache::RemoveOldFiles(const std::string& kept) const {
  for (const std::string& name : pack_names_)
    if (name != kept) unlinkat(dir_fd_, name.c_str(), 0);
  for (const std::string& name : old_files_) unlinkat(dir_fd_, name.c_str(), 0);
  const time_t now = time(nullptr);
  for (const std::string& name : temp_files_) {
    struct stat st {};
    if (fstatat(dir_fd_, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISDIR(st.st_mode) &&
        st.st_mtim.tv_sec + kStaleTempSeconds < now)
      unlinkat(dir_fd_, name.c_str(), 0);
  }
}

}  // namespace vendorlint
