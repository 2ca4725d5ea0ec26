// Byte- and character-level checks on a YAML file, and the positions and
// message helpers that all of the front end's checks share. CheckBytes runs
// before yaml-cpp sees the file, so that yaml-cpp never has to cope with broken
// UTF-8 or control characters; CheckScalarValue holds decoded values to the
// same standard. Internal to the YAML front end (yaml_document.cc and
// lexical_checks.cc).
#ifndef VENDORLINT_LOAD_BYTE_CHECKS_H_
#define VENDORLINT_LOAD_BYTE_CHECKS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/utf8.h"

namespace vendorlint::yaml::internal {

// Maps byte offsets to 1-based line and column; lines end at LF, columns count
// code points (every byte that is not a UTF-8 continuation byte). A lookup
// costs O(log lines + kBlock), also on a single 1 MiB line.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  struct Position {
    uint32_t line = 1;
    uint32_t column = 1;
  };
  // `offset` is clamped to the text size.
  Position At(size_t offset) const;
  size_t line_count() const { return starts_.size(); }
  // Byte offset of the start of 1-based `line` (1 <= line <= line_count()).
  size_t LineStart(uint32_t line) const { return starts_[line - 1]; }
  // The bytes of 1-based `line`, without its LF (and without a CR before it).
  std::string_view Line(uint32_t line) const;

 private:
  static constexpr size_t kBlock = 256;
  // Continuation bytes before text_[offset].
  size_t ContinuationsBefore(size_t offset) const;

  std::string_view text_;
  std::vector<size_t> starts_;
  std::vector<uint32_t> block_continuations_;  // continuation bytes before each block
};

struct Problem {
  size_t offset = 0;
  uint32_t line = 0;  // 0: about the whole file
  uint32_t column = 0;
  std::string message;
};

using vendorlint::DecodeUtf8;  // model/utf8.h

// "U+0007" style.
std::string CodePointName(char32_t cp);

// Checks every byte of `text` (the file without a leading BOM): well-formed
// UTF-8; no NUL, C0 controls other than TAB, LF and CR, DEL, C1 controls,
// non-characters U+FFFE/U+FFFF, byte-order marks, or a CR that does not start
// a CRLF. Appends at most `max` problems, in file order; returns how many
// there were in total.
size_t CheckBytes(std::string_view text, size_t max, std::vector<Problem>* out);

// Describes a decoded scalar value's first character that a registry must not
// contain (a control character or an invalid UTF-8 sequence coming from an
// escape sequence), or returns "" when the value is clean.
std::string CheckScalarValue(std::string_view value);

// `s` for a message: Excerpt (util/escape.h) — control and bidi characters
// escaped, cut after `max_code_points` with "… (N bytes)".
std::string Printable(std::string_view s, size_t max_code_points = 40);

// A file size in words: "1 MiB", "512 KiB", "1000 bytes".
std::string FormatSize(uint64_t bytes);

}  // namespace vendorlint::yaml::internal

#endif  // VENDORLINT_LOAD_BYTE_CHECKS_H_
