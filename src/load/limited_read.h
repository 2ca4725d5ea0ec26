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

// The message for a file over limits.max_bytes (`size`: its size, when known).
std::string TooLargeMessage(const Limits& limits, std::optional<uint64_t> size);

}  // namespace vendorlint::yaml

#endif  // VENDORLINT_LOAD_LIMITED_READ_H_
