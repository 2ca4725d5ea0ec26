#include "load/limited_read.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "load/byte_checks.h"

namespace vendorlint::yaml {

std::string TooLargeMessage(const Limits& limits, std::optional<uint64_t> size) {
  return fmt::format("file is larger than {}{}; split it (the limit is fixed)",
                     internal::FormatSize(limits.max_bytes),
                     size ? fmt::format(" ({} bytes)", *size) : "");
}

namespace {

// realpath(3), or nullopt when the path does not resolve (the open that
// follows then reports why).
std::optional<std::string> RealPath(const std::string& path) {
  char* resolved = ::realpath(path.c_str(), nullptr);
  if (resolved == nullptr) return std::nullopt;
  std::string out(resolved);
  ::free(resolved);
  return out;
}

// Whether a resolved path lies inside a resolved root folder.
bool Inside(std::string_view real, const std::string& root) {
  return real.starts_with(root == "/" ? root : root + "/");
}

// O_NONBLOCK: opening a FIFO must not wait for a writer.
constexpr int kOpenFlags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;

// What the openers return besides a descriptor or -1 (errno set).
constexpr int kRefused = -3;         // refused and reported in `diags`
constexpr int kNotInOpenedDir = -2;  // not for the opened folder: resolve the whole path

// Resolves the whole path and opens it if it lies inside the root. Returns
// the descriptor, -1 with errno set when the open fails, or kRefused.
int OpenChecked(const std::string& path, const Limits& limits, std::vector<Diagnostic>* diags) {
  std::string open_path = path;
  int nofollow = 0;
  {
    // Without a root, the file's own folder is the root.
    std::string root_dir = limits.root;
    if (root_dir.empty()) {
      size_t slash = path.rfind('/');
      root_dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
    }
    std::optional<std::string> real = RealPath(path);
    std::optional<std::string> root =
        limits.resolved_root.empty() || limits.root.empty() ? RealPath(root_dir)
                                                            : limits.resolved_root;
    if (real && root) {
      if (!Inside(*real, *root)) {
        diags->push_back({path, 0, 0, Severity::kError,
                          fmt::format("refused: a symbolic link to a file outside `{}`; only "
                                      "files inside it are read (replace the link with the "
                                      "file itself)",
                                      root_dir)});
        return kRefused;
      }
      // The resolved path has no links left: what was checked is what is read.
      open_path = *real;
      nofollow = O_NOFOLLOW;
    }
  }
  return ::open(open_path.c_str(), kOpenFlags | nofollow);
}

// The fast path for a file named `<limits.dir>/<name>` (yaml::Limits::dir_fd):
// only the name itself could lead elsewhere, and O_NOFOLLOW refuses it if it
// is a link. Returns the descriptor or -1 with errno set; kNotInOpenedDir
// when the path is not of that form or the name is a link (ELOOP).
int OpenInOpenedDir(const std::string& path, const Limits& limits) {
  const std::string& dir = limits.dir;
  if (limits.dir_fd < 0 || dir.empty() || path.size() <= dir.size() + 1 ||
      !path.starts_with(dir) || path[dir.size()] != '/') {
    return kNotInOpenedDir;
  }
  const std::string name = path.substr(dir.size() + 1);
  if (name.find('/') != std::string::npos || name == "." || name == "..") return kNotInOpenedDir;
  const int fd = ::openat(limits.dir_fd, name.c_str(), kOpenFlags | O_NOFOLLOW);
  if (fd < 0 && errno == ELOOP) return kNotInOpenedDir;
  return fd;
}

}  // namespace

OpenedFolder::OpenedFolder(const std::string& dir, Limits* limits) {
  if (limits->resolved_root.empty()) return;
  std::optional<std::string> real = RealPath(dir);
  if (!real || !Inside(*real, limits->resolved_root)) return;
  fd_ = ::open(real->c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
  if (fd_ < 0) return;
  limits->dir = dir;
  limits->dir_fd = fd_;
}

OpenedFolder::~OpenedFolder() {
  if (fd_ >= 0) ::close(fd_);
}

bool ReadFileLimited(const std::string& path, const Limits& limits, std::string* out,
                     std::vector<Diagnostic>* diags) {
  auto fail = [&](std::string message) {
    diags->push_back({path, 0, 0, Severity::kError, std::move(message)});
    return false;
  };
  int fd = OpenInOpenedDir(path, limits);
  if (fd == kNotInOpenedDir) fd = OpenChecked(path, limits, diags);
  if (fd == kRefused) return false;
  if (fd < 0) return fail(std::string("cannot read file: ") + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return fail(std::string("cannot read file: ") + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) return fail("cannot read file: it is a directory");
  if (!S_ISREG(st.st_mode)) return fail("cannot read file: not a regular file");
  if (static_cast<uint64_t>(st.st_size) > limits.max_bytes) {
    return fail(TooLargeMessage(limits, static_cast<uint64_t>(st.st_size)));
  }
  // Read at most max_bytes + 1 bytes: the file may have grown since fstat.
  out->clear();
  const size_t cap = limits.max_bytes + (limits.max_bytes < SIZE_MAX ? 1 : 0);
  out->resize(std::min<size_t>(static_cast<size_t>(st.st_size), limits.max_bytes) + 1);
  size_t got = 0;
  while (got < cap) {
    if (got == out->size()) out->resize(std::min(cap, out->size() * 2));
    const ssize_t n = ::read(fd, out->data() + got, out->size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      out->clear();
      return fail(std::string("cannot read file: ") + std::strerror(errno));
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  out->resize(got);
  if (got > limits.max_bytes) {
    out->clear();
    return fail(TooLargeMessage(limits, std::nullopt));
  }
  return true;
}

}  // namespace vendorlint::yaml
