// Reading an input file within the limits: never a file over the size limit
// (refused before it is read whole), never one that resolves outside the
// root (refused unread: a pull request must not make vendorlint print a file
// from elsewhere through a symbolic link), never blocking on a FIFO.
#ifndef VENDORLINT_LOAD_LIMITED_READ_H_
#define VENDORLINT_LOAD_LIMITED_READ_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "load/yaml_document.h"
#include "util/location.h"

namespace vendorlint::yaml {

// Reads a file, refusing (with a Diagnostic) files over limits.max_bytes
// without reading them whole, and files that resolve outside limits.root
// without reading them at all. Returns false on error. Thread-safe.
bool ReadFileLimited(const std::string& path, const Limits& limits, std::string* out,
                     std::vector<Diagnostic>* diags);

// A folder many files are read from, opened once (Limits::dir, dir_fd): if
// `dir` resolves inside limits->resolved_root, it is opened and both fields
// of *limits are set, until this object is destroyed; otherwise they are left
// unset and every file takes the full check (and one outside is refused).
// Not copyable; *limits must not be used for reads after it is destroyed.
class OpenedFolder {
 public:
  OpenedFolder(const std::string& dir, Limits* limits);
  ~OpenedFolder();
  OpenedFolder(const OpenedFolder&) = delete;
  OpenedFolder& operator=(const OpenedFolder&) = delete;

 private:
  int fd_ = -1;
};

// The message for a file over limits.max_bytes (`size`: its size, when known).
std::string TooLargeMessage(const Limits& limits, std::optional<uint64_t> size);

}  // namespace vendorlint::yaml

#endif  // VENDORLINT_LOAD_LIMITED_READ_H_
