#include "report/output_files.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <streambuf>

#include <fmt/format.h>

#include "report/signal_cleanup.h"

namespace vendorlint {
namespace {

enum class Kind {
  kFile,        // replaced through a temporary file and a rename
  kDevice,      // character device or FIFO: opened and written through
  kSocket,      // Unix socket: connected to and written through
  kDescriptor,  // /dev/stdout and friends: that open descriptor
};

struct Classified {
  Kind kind = Kind::kFile;
  bool exists = false;  // kFile: a regular file is there now
  struct stat st {};    // kFile and exists: its metadata
  int fd = -1;          // kDescriptor
};

std::string CannotWrite(const std::string& path, int err) {
  return fmt::format("cannot write {}: {}", path, std::strerror(err));
}

// The descriptor a path like /dev/stdout names, or -1. These are written
// directly: reopening them would fail for sockets and, for a regular file
// redirected with `>`, start again at offset 0.
int DescriptorOf(const std::string& path) {
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (!path.starts_with(prefix)) continue;
    std::string_view digits = std::string_view(path).substr(prefix.size());
    if (digits.empty() || digits.size() > 9 || (digits.size() > 1 && digits[0] == '0')) return -1;
    int fd = -1;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), fd);
    if (ec != std::errc() || end != digits.data() + digits.size()) return -1;
    return fd;
  }
  return -1;
}

bool IsWriteThrough(mode_t mode) { return S_ISCHR(mode) || S_ISFIFO(mode) || S_ISSOCK(mode); }

bool Classify(const std::string& path, Classified* c, std::string* error) {
  if (path.empty()) {
    *error = "an empty path is not a file name: give the report a file name";
    return false;
  }
  if (int fd = DescriptorOf(path); fd >= 0) {
    if (fcntl(fd, F_GETFD) == -1) {
      *error = CannotWrite(path, errno);
      return false;
    }
    c->kind = Kind::kDescriptor;
    c->fd = fd;
    return true;
  }
  if (path.back() == '/') {
    *error = fmt::format("{} ends in '/', so it names a folder: give the report a file name", path);
    return false;
  }
  struct stat st {};
  if (lstat(path.c_str(), &st) != 0) {
    if (errno != ENOENT) {
      *error = CannotWrite(path, errno);
      return false;
    }
    c->kind = Kind::kFile;  // a new file (parent folders may be missing too)
    return true;
  }
  if (S_ISLNK(st.st_mode)) {
    struct stat target {};
    if (stat(path.c_str(), &target) == 0 && IsWriteThrough(target.st_mode)) {
      st = target;  // e.g. /dev/stdout -> /proc/self/fd/1 spelt another way
    } else if (stat(path.c_str(), &target) == 0 && S_ISDIR(target.st_mode)) {
      *error = fmt::format("{} is a folder: give the report a file name", path);
      return false;
    } else {
      *error = fmt::format(
          "{} is a symbolic link; vendorlint does not write reports through links, which a pull "
          "request could plant: pass the real path",
          path);
      return false;
    }
  }
  if (S_ISDIR(st.st_mode)) {
    *error = fmt::format("{} is a folder: give the report a file name", path);
    return false;
  }
  if (S_ISREG(st.st_mode)) {
    c->kind = Kind::kFile;
    c->exists = true;
    c->st = st;
    return true;
  }
  if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
    c->kind = Kind::kDevice;
    return true;
  }
  if (S_ISSOCK(st.st_mode)) {
    c->kind = Kind::kSocket;
    return true;
  }
  *error = fmt::format(
      "{} is a block device; reports go to files, character devices, FIFOs or sockets", path);
  return false;
}

// 0 or the errno of the failed write.
int WriteAll(int fd, std::string_view data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    done += static_cast<size_t>(n);
  }
  return 0;
}

int ConnectUnixSocket(const std::string& path) {
  sockaddr_un addr{};
  if (path.size() >= sizeof addr.sun_path) {
    errno = ENAMETOOLONG;
    return -1;
  }
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  if (connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    int e = errno;
    close(fd);
    errno = e;
    return -1;
  }
  return fd;
}

// A stream buffer over a file descriptor that remembers the first write error.
class FdStreambuf : public std::streambuf {
 public:
  explicit FdStreambuf(int fd) : fd_(fd), buf_(1 << 16) {
    setp(buf_.data(), buf_.data() + buf_.size());
  }
  ~FdStreambuf() override { sync(); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type ch) override {
    if (sync() != 0) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n >= static_cast<std::streamsize>(buf_.size())) {
      if (sync() != 0) return 0;
      if (error_ == 0) error_ = WriteAll(fd_, std::string_view(s, static_cast<size_t>(n)));
      return error_ == 0 ? n : 0;
    }
    return std::streambuf::xsputn(s, n);
  }
  int sync() override {
    const size_t n = static_cast<size_t>(pptr() - pbase());
    if (n > 0 && error_ == 0) error_ = WriteAll(fd_, std::string_view(pbase(), n));
    setp(buf_.data(), buf_.data() + buf_.size());
    return error_ == 0 ? 0 : -1;
  }

 private:
  int fd_;
  std::vector<char> buf_;
  int error_ = 0;
};

// Runs `write` into `fd`; 0 or the errno of the first failed write.
int WriteThrough(int fd, const std::function<void(std::ostream&)>& write) {
  FdStreambuf buf(fd);
  {
    std::ostream os(&buf);
    write(os);
    os.flush();
  }
  buf.pubsync();
  return buf.error();
}

// Copies what is in `from` (from its start) to `to`; 0 or an errno.
int CopyFile(int from, int to) {
  if (lseek(from, 0, SEEK_SET) != 0) return errno;
  std::vector<char> buf(1 << 16);
  for (;;) {
    ssize_t n = read(from, buf.data(), buf.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) return 0;
    if (int err = WriteAll(to, std::string_view(buf.data(), static_cast<size_t>(n)))) return err;
  }
}

mode_t NewFileMode() {
  // umask(2) can only be read by setting it; nothing else runs while
  // reports are written.
  mode_t mask = umask(022);
  umask(mask);
  return static_cast<mode_t>(0644 & ~mask);
}

}  // namespace

struct OutputFiles::Target {
  std::string path;
  Kind kind = Kind::kFile;
  int fd = -1;          // kDescriptor
  std::string content;  // write-through kinds: written by Commit
  int spool = -1;       // write-through kinds staged from a stream: the content
  ~Target() {
    if (spool >= 0) close(spool);
  }
  std::string temp;  // kFile: the staged temporary file ("" once renamed)
  int slot = -1;     // kFile: its signal-cleanup slot
};

struct OutputFiles::Folder {
  std::string path;
  int slot = -1;
};

bool CheckOutputPath(const std::string& path, std::string* error) {
  Classified c;
  return Classify(path, &c, error);
}

OutputFiles::OutputFiles() = default;
OutputFiles::~OutputFiles() { Abort(); }

bool OutputFiles::CreateParents(const std::string& path, std::string* error) {
  // CI jobs write reports into folders of their own (reports/...): create
  // the missing ones, outermost first, and remember them for Abort.
  std::vector<std::filesystem::path> missing;
  for (std::filesystem::path p = std::filesystem::path(path).parent_path(); !p.empty();
       p = p.parent_path()) {
    struct stat st {};
    if (lstat(p.c_str(), &st) == 0) break;
    if (errno != ENOENT) {
      *error = CannotWrite(path, errno);
      return false;
    }
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (mkdir(it->c_str(), 0777) != 0) {
      if (errno == EEXIST) continue;  // created meanwhile by someone else: not ours
      *error = CannotWrite(path, errno);
      return false;
    }
    auto folder = std::make_unique<Folder>();
    folder->path = it->string();
    folder->slot = RegisterCleanupPath(folder->path.c_str(), true);
    folders_.push_back(std::move(folder));
  }
  return true;
}

bool OutputFiles::Stage(const std::string& path, std::string content, std::string* error,
                        Durability durability) {
  Classified c;
  if (!Classify(path, &c, error)) return false;
  if (c.kind != Kind::kFile) {
    auto t = std::make_unique<Target>();
    t->path = path;
    t->kind = c.kind;
    t->fd = c.fd;
    t->content = std::move(content);
    targets_.push_back(std::move(t));
    return true;
  }
  return Stage(
      path,
      [&](std::ostream& os) {
        os.write(content.data(), static_cast<std::streamsize>(content.size()));
      },
      error, durability);
}

bool OutputFiles::Stage(const std::string& path, const std::function<void(std::ostream&)>& write,
                        std::string* error, Durability durability) {
  Classified c;
  if (!Classify(path, &c, error)) return false;
  auto t = std::make_unique<Target>();
  t->path = path;
  t->kind = c.kind;
  t->fd = c.fd;
  if (c.kind != Kind::kFile) {
    // An unnamed file in /tmp holds the content until Commit writes it.
    std::string spool = (std::filesystem::temp_directory_path() / "vendorlint-XXXXXX").string();
    int fd = mkostemp(spool.data(), O_CLOEXEC);
    if (fd < 0) {
      *error = CannotWrite(path, errno);
      return false;
    }
    unlink(spool.c_str());
    t->spool = fd;
    targets_.push_back(std::move(t));
    if (int err = WriteThrough(fd, write)) {
      *error = CannotWrite(path, err);
      return false;
    }
    return true;
  }
  if (!CreateParents(path, error)) return false;
  std::filesystem::path target(path);
  std::filesystem::path dir = target.parent_path().empty() ? "." : target.parent_path();
  t->temp = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  int fd = mkostemp(t->temp.data(), O_CLOEXEC);
  if (fd < 0) {
    *error = CannotWrite(path, errno);
    return false;
  }
  Target& staged = *t;
  staged.slot = RegisterCleanupPath(staged.temp.c_str(), false);
  targets_.push_back(std::move(t));
  if (staged.slot < 0) {
    close(fd);
    *error = fmt::format("cannot write {}: too many report files in one run (at most {})", path,
                         kMaxCleanupPaths / 2);
    return false;
  }
  int err = WriteThrough(fd, write);
  // A replaced report keeps its permission bits (not set-id bits) and, where allowed, its
  // owner; a new one gets 0644 minus umask (mkstemp creates 0600).
  if (err == 0 && fchmod(fd, c.exists ? (c.st.st_mode & 0777) : NewFileMode()) != 0) err = errno;
  if (err == 0 && c.exists && fchown(fd, c.st.st_uid, c.st.st_gid) != 0) {
    // Only root may give a file away; anyone else keeps owning their report.
  }
  if (err == 0 && durability == Durability::kFsync && fsync(fd) != 0) err = errno;
  if (close(fd) != 0 && err == 0) err = errno;
  if (err != 0) {
    *error = CannotWrite(path, err);
    return false;
  }
  return true;
}

bool OutputFiles::Commit(std::string* error) {
  // Devices first: they are the writes that can still fail (/dev/full, a
  // closed pipe), and nothing has replaced an old report yet.
  for (const auto& t : targets_) {
    if (t->kind == Kind::kFile) continue;
    int err = 0;
    auto put = [&](int to) {
      return t->spool >= 0 ? CopyFile(t->spool, to) : WriteAll(to, t->content);
    };
    if (t->kind == Kind::kDescriptor) {
      err = put(t->fd);
    } else {
      int fd = t->kind == Kind::kSocket ? ConnectUnixSocket(t->path)
                                        : open(t->path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
      if (fd < 0) {
        err = errno;
      } else {
        struct stat st {};
        if (fstat(fd, &st) != 0) {
          err = errno;
        } else if (!IsWriteThrough(st.st_mode)) {
          err = EEXIST;  // replaced by a file meanwhile: do not write into it
        } else {
          err = put(fd);
        }
        if (close(fd) != 0 && err == 0) err = errno;
      }
    }
    if (err != 0) {
      *error = CannotWrite(t->path, err);
      Abort();
      return false;
    }
  }
  for (const auto& t : targets_) {
    if (t->kind != Kind::kFile) continue;
    if (std::rename(t->temp.c_str(), t->path.c_str()) != 0) {
      *error = CannotWrite(t->path, errno);
      Abort();
      return false;
    }
    UnregisterCleanupPath(t->slot);
    t->temp.clear();
  }
  for (const auto& f : folders_) UnregisterCleanupPath(f->slot);
  folders_.clear();
  targets_.clear();
  return true;
}

void OutputFiles::Abort() {
  for (const auto& t : targets_) {
    if (t->temp.empty()) continue;
    unlink(t->temp.c_str());
    UnregisterCleanupPath(t->slot);
  }
  targets_.clear();
  for (auto it = folders_.rbegin(); it != folders_.rend(); ++it) {
    rmdir((*it)->path.c_str());
    UnregisterCleanupPath((*it)->slot);
  }
  folders_.clear();
}

Spool::~Spool() {
  if (fd_ >= 0) close(fd_);
}

bool Spool::Write(const std::function<void(std::ostream&)>& write, std::string* error) {
  std::string path = (std::filesystem::temp_directory_path() / "vendorlint-XXXXXX").string();
  fd_ = mkostemp(path.data(), O_CLOEXEC);
  if (fd_ < 0) {
    *error = CannotWrite(path, errno);
    return false;
  }
  unlink(path.c_str());
  if (int err = WriteThrough(fd_, write)) {
    *error = CannotWrite(path, err);
    return false;
  }
  return true;
}

void Spool::CopyTo(std::ostream& out) const {
  if (fd_ < 0 || lseek(fd_, 0, SEEK_SET) != 0) return;
  std::vector<char> buf(1 << 16);
  for (;;) {
    ssize_t n = read(fd_, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    out.write(buf.data(), n);
  }
}

bool WriteOutputFile(const std::string& path, std::string_view content, std::string* error) {
  OutputFiles files;
  return files.Stage(path, std::string(content), error) && files.Commit(error);
}

}  // namespace vendorlint
