// A hardened YAML front end. yaml-cpp's parser is driven with our own event
// handler and the events are turned into a small plain tree (yaml::Node) that
// keeps every node's position. Nothing of yaml-cpp escapes this layer: its
// exceptions become Diagnostics, its Node type is never used.
//
// Rejected, each as a Diagnostic at the offending position:
//  - files over Limits::max_bytes, invalid UTF-8, NUL and other C0/C1 control
//    characters (TAB, LF and CRLF are allowed; a lone CR is not), U+FFFE/FFFF,
//    a byte-order mark after offset 0 (one at offset 0 is skipped);
//  - directives (%YAML, %TAG), tags (`!foo`, `!!str`), anchors and aliases;
//  - more than one document, and an empty stream or document (`---` alone);
//  - nesting deeper than Limits::max_depth, more than Limits::max_nodes nodes;
//  - duplicate mapping keys, and mapping keys that are null or collections
//    (plain and quoted scalar keys are fine; `a` and "a" are the same key);
//  - escape sequences that produce control characters;
//  - whatever yaml-cpp reports as a syntax error, and the syntax errors that
//    yaml-cpp 0.7 lets pass which load/lexical_checks.h knows how to find.
// Byte-level problems are all reported (up to a cap) before any parsing.
#ifndef VENDORLINT_LOAD_YAML_DOCUMENT_H_
#define VENDORLINT_LOAD_YAML_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/location.h"

namespace vendorlint::yaml {

struct Limits {
  size_t max_bytes = 1 << 20;  // 1 MiB
  int max_depth = 32;          // nested collections
  size_t max_nodes = 200000;
  size_t max_errors = 50;  // per file
  // When set, the folder every file read must resolve inside (after following
  // symbolic links): a link to a file elsewhere is refused, unread, so that a
  // pull request cannot make vendorlint print a file from outside the
  // repository. The loaders set it (the registry folder, the rules folder);
  // empty: the file's own folder (waivers, baseline).
  std::string root;
  // realpath(root), when the caller has resolved it once for many files (the
  // registry loader: one lookup per run instead of one per file); empty: each
  // read resolves `root` itself.
  std::string resolved_root;
  // When set (dir_fd >= 0): `dir` is a folder many files are read from (the
  // registry's providers/) and `dir_fd` an open descriptor of it, opened
  // after the caller resolved `dir` once and checked it lies inside the
  // root. A file named `<dir>/<name>` is then opened with
  // openat(dir_fd, name, O_NOFOLLOW) instead of resolving every component of
  // its path again (five readlink calls for each of 20,000 files were 40% of
  // a warm load's system calls); the descriptor also pins the folder, so a
  // component swapped for a link meanwhile leads nowhere. A name that is
  // itself a link takes the full check. Not owned: the caller keeps it open
  // while reads use these limits.
  std::string dir;
  int dir_fd = -1;
};

enum class NodeKind : uint8_t { kNull, kScalar, kSequence, kMapping };
const char* NodeKindName(NodeKind k);  // "null", "scalar", "sequence", "mapping"

struct Node {
  NodeKind kind = NodeKind::kNull;
  uint32_t line = 0;        // 1-based
  uint32_t column = 0;      // 1-based, in code points
  bool quoted = false;      // scalar written in '...', "...", | or > style
  std::string scalar;       // kScalar only: the value as written (after unescaping)
  std::vector<Node> items;  // kSequence
  std::vector<std::pair<Node, Node>> entries;  // kMapping, in document order

  // Declared here, defaulted in the .cc file: with an implicit default
  // constructor clang (with libstdc++) rejects std::pair<Node, Node> while
  // Node is still incomplete.
  Node();

  bool IsNull() const { return kind == NodeKind::kNull; }
  bool IsScalar() const { return kind == NodeKind::kScalar; }
  bool IsSequence() const { return kind == NodeKind::kSequence; }
  bool IsMapping() const { return kind == NodeKind::kMapping; }
};

// Parses `bytes` (the whole content of `path`) as exactly one YAML document.
// On success fills *root and returns true. On failure appends at least one
// Diagnostic (file = path) to *diags and returns false; *root is unspecified.
// Never throws; never recurses deeper than a small multiple of max_depth.
bool ParseDocument(std::string_view path, std::string_view bytes, const Limits& limits, Node* root,
                   std::vector<Diagnostic>* diags);

// ReadFileLimited (load/limited_read.h) then ParseDocument: the way every
// loader reads a file.
bool ParseFile(const std::string& path, const Limits& limits, Node* root,
               std::vector<Diagnostic>* diags);

}  // namespace vendorlint::yaml

#endif  // VENDORLINT_LOAD_YAML_DOCUMENT_H_
