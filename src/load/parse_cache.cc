#include "load/parse_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>
#include <openssl/evp.h>

#include "load/provider_codec.h"
#include "util/date.h"

namespace vendorlint {
namespace fs = std::filesystem;

namespace {

// Bumped whenever the entry layout or provider_codec.cc's encoding changes.
constexpr uint32_t kEntryFormat = 1;
constexpr char kMagic[4] = {'V', 'L', 'P', 'C'};
constexpr size_t kDigestBytes = 32;
// magic, format (4 bytes, little-endian), key; the payload; then the SHA-256
// of everything before it.
constexpr size_t kHeaderBytes = sizeof(kMagic) + 4 + kDigestBytes;

// An entry holds the model of one file and at most Limits::max_errors
// diagnostics of at most kMaxDiagnosticBytes each: a few times the file's
// size plus room for those. Anything larger is not an entry we wrote, and
// reading it would let a planted file make a run allocate without bound.
size_t MaxEntryBytes(size_t source_bytes) { return 8 * source_bytes + (size_t{256} << 10); }

// SHA-256 (OpenSSL's libcrypto): the key must not collide even for files an
// adversary writes (a pull request's provider file could otherwise be made to
// load another file's cached model), and the same digest checks an entry's
// integrity. With SHA extensions it hashes well over 1 GB/s, a small share of
// reading and parsing the same bytes.
bool Sha256(std::initializer_list<std::string_view> parts, ParseCache::Digest* out) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  if (ctx == nullptr) return false;
  bool ok = EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) == 1;
  for (std::string_view p : parts) ok = ok && EVP_DigestUpdate(ctx, p.data(), p.size()) == 1;
  unsigned int len = 0;
  ok = ok && EVP_DigestFinal_ex(ctx, out->data(), &len) == 1 && len == kDigestBytes;
  EVP_MD_CTX_free(ctx);
  return ok;
}

std::string_view View(const ParseCache::Digest& d) {
  return {reinterpret_cast<const char*>(d.data()), d.size()};
}

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

bool ReadAll(int fd, size_t size, std::string* out) {
  out->resize(size);
  size_t done = 0;
  while (done < size) {
    ssize_t n = read(fd, out->data() + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  // The file must not have grown since fstat.
  char extra = 0;
  return read(fd, &extra, 1) == 0;
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

// Owned by us and writable by no one else: what a planted entry or folder
// would not be.
bool OwnedAndPrivate(const struct stat& st) {
  return st.st_uid == geteuid() && (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

}  // namespace

std::string ParseCache::DefaultDir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg != nullptr && xdg[0] == '/') return (fs::path(xdg) / "vendorlint").generic_string();
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] == '/')
    return (fs::path(home) / ".cache" / "vendorlint").generic_string();
  return "";
}

std::string ParseCache::EntryName(const Digest& key) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string name;
  for (uint8_t b : key) {
    name.push_back(kHex[b >> 4]);
    name.push_back(kHex[b & 0xf]);
  }
  return name + ".vlc";
}

std::unique_ptr<ParseCache> ParseCache::Open(const std::string& dir,
                                             std::string_view taxonomy_bytes,
                                             const yaml::Limits& limits, std::string* why) {
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
  if (!Sha256({taxonomy_bytes}, &taxonomy) || !Sha256({header, View(taxonomy)}, &context)) {
    *why = "SHA-256 is not available";
    close(fd);
    return nullptr;
  }
  return std::unique_ptr<ParseCache>(new ParseCache(fd, context));
}

ParseCache::~ParseCache() { close(dir_fd_); }

ParseCache::Digest ParseCache::KeyOf(std::string_view expected_id, std::string_view bytes) const {
  Digest key{};
  // The id's length first, so that (id, bytes) pairs cannot run together.
  // A failed hash gives the zero key, which Load and Store refuse.
  if (!Sha256({View(context_), U32Bytes(expected_id.size()), expected_id, bytes}, &key))
    key = Digest{};
  return key;
}

ParseCache::Lookup ParseCache::Load(const Digest& key, const std::string& path, uint32_t file_id,
                                    size_t source_bytes, Provider* p,
                                    std::vector<Diagnostic>* diags) const {
  if (key == Digest{}) return Lookup::kMissing;
  const std::string name = EntryName(key);
  int fd = openat(dir_fd_, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return errno == ENOENT ? Lookup::kMissing : Lookup::kRejected;
  struct stat st {};
  thread_local std::string entry;  // reused, like the loader's file buffer
  bool read_ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && OwnedAndPrivate(st) &&
                 st.st_size >= 0 &&
                 static_cast<uint64_t>(st.st_size) <= MaxEntryBytes(source_bytes) &&
                 static_cast<size_t>(st.st_size) >= kHeaderBytes + kDigestBytes &&
                 ReadAll(fd, static_cast<size_t>(st.st_size), &entry);
  close(fd);
  if (!read_ok) return Lookup::kRejected;

  std::string_view all(entry);
  std::string_view signed_part = all.substr(0, all.size() - kDigestBytes);
  Digest sum{};
  if (all.substr(0, sizeof(kMagic)) != std::string_view(kMagic, sizeof(kMagic)) ||
      all.substr(sizeof(kMagic), 4) != U32Bytes(kEntryFormat) ||
      all.substr(sizeof(kMagic) + 4, kDigestBytes) != View(key) || !Sha256({signed_part}, &sum) ||
      all.substr(signed_part.size()) != View(sum))
    return Lookup::kRejected;
  Provider decoded;
  std::vector<Diagnostic> decoded_diags;
  if (!DecodeProviderResult(signed_part.substr(kHeaderBytes), path, file_id, &decoded,
                            &decoded_diags))
    return Lookup::kRejected;
  // A review date after today is an error the loader reports, and such
  // results are never stored; if the clock went back, parse again.
  if (decoded.last_reviewed && Date::Today() < decoded.last_reviewed->value)
    return Lookup::kRejected;
  *p = std::move(decoded);
  diags->insert(diags->end(), std::make_move_iterator(decoded_diags.begin()),
                std::make_move_iterator(decoded_diags.end()));
  return Lookup::kHit;
}

bool ParseCache::Store(const Digest& key, const std::string& path, uint32_t file_id,
                       size_t source_bytes, const Provider& p,
                       const std::vector<Diagnostic>& diags) const {
  if (key == Digest{}) return false;
  std::string entry(kMagic, sizeof(kMagic));
  entry += U32Bytes(kEntryFormat);
  entry += View(key);
  if (!EncodeProviderResult(p, diags, path, file_id, &entry)) return false;
  Digest sum{};
  if (!Sha256({entry}, &sum)) return false;
  entry += View(sum);
  if (entry.size() > MaxEntryBytes(source_bytes)) return false;

  const std::string name = EntryName(key);
  // Unique among this folder's writers: the pid and a per-process counter
  // (O_EXCL refuses anything already there, a planted link included).
  const std::string temp =
      fmt::format(".tmp-{}-{}-{}", name.substr(0, 16), getpid(), temp_counter_++);
  int fd =
      openat(dir_fd_, temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  // No fsync: a torn entry after a crash fails its checksum and is rebuilt.
  bool ok = WriteAll(fd, entry);
  ok = close(fd) == 0 && ok;
  // rename() replaces whatever had the name (a corrupt entry, a link) atomically:
  // a concurrent reader sees the old entry or the new one, never a mix.
  ok = ok && renameat(dir_fd_, temp.c_str(), dir_fd_, name.c_str()) == 0;
  if (!ok) unlinkat(dir_fd_, temp.c_str(), 0);
  return ok;
}

}  // namespace vendorlint
