#include "load/byte_checks.h"
#include "util/escape.h"

#include <algorithm>

#include <fmt/format.h>

namespace vendorlint::yaml::internal {

namespace {

bool IsContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

unsigned char ByteAt(std::string_view s, size_t i) { return static_cast<unsigned char>(s[i]); }

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  block_continuations_.reserve(text.size() / kBlock + 1);
  uint32_t continuations = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i % kBlock == 0) block_continuations_.push_back(continuations);
    const unsigned char b = ByteAt(text, i);
    if (b == '\n') starts_.push_back(i + 1);
    if (IsContinuation(b)) ++continuations;
  }
  // So that an offset equal to the text size has a block too.
  if (text.size() % kBlock == 0) block_continuations_.push_back(continuations);
}

size_t LineIndex::ContinuationsBefore(size_t offset) const {
  const size_t block = offset / kBlock;
  size_t count = block_continuations_[block];
  for (size_t i = block * kBlock; i < offset; ++i) {
    if (IsContinuation(ByteAt(text_, i))) ++count;
  }
  return count;
}

LineIndex::Position LineIndex::At(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const size_t index = static_cast<size_t>(it - starts_.begin()) - 1;
  const size_t start = starts_[index];
  const size_t code_points =
      (offset - start) - (ContinuationsBefore(offset) - ContinuationsBefore(start));
  return {static_cast<uint32_t>(index + 1), static_cast<uint32_t>(code_points + 1)};
}

std::string_view LineIndex::Line(uint32_t line) const {
  size_t start = starts_[line - 1];
  size_t end = line < starts_.size() ? starts_[line] - 1 : text_.size();
  std::string_view s = text_.substr(start, end - start);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

std::string CodePointName(char32_t cp) {
  return fmt::format("U+{:04X}", static_cast<uint32_t>(cp));
}

size_t CheckBytes(std::string_view text, size_t max, std::vector<Problem>* out) {
  size_t total = 0;
  uint32_t line = 1;
  uint32_t column = 1;
  auto report = [&](size_t offset, std::string message) {
    if (total++ < max) out->push_back({offset, line, column, std::move(message)});
  };
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const unsigned char b = ByteAt(text, i);
    if (b < 0x80) {
      if (b == '\n') {
        ++line;
        column = 1;
        ++i;
        continue;
      }
      if (b == '\r') {
        if (i + 1 >= n || text[i + 1] != '\n') {
          report(i, "carriage return without a line feed (use LF or CRLF line endings)");
        }
      } else if (b == 0) {
        report(i, "NUL byte");
      } else if ((b < 0x20 && b != '\t') || b == 0x7F) {
        report(i, "control character " + CodePointName(b));
      }
      ++column;
      ++i;
      continue;
    }
    char32_t cp = 0;
    const size_t len = DecodeUtf8(text, i, &cp);
    if (len == 0) {
      report(i, fmt::format("invalid UTF-8 byte 0x{:02X}", b));
      // One report per broken sequence: skip the continuation bytes after it.
      ++i;
      for (int k = 0; k < 3 && i < n && IsContinuation(ByteAt(text, i)); ++k) ++i;
      ++column;
      continue;
    }
    if (cp <= 0x9F) {
      report(i, "control character " + CodePointName(cp));
    } else if (cp == 0xFEFF) {
      report(i, "byte-order mark after the start of the file");
    } else if (cp == 0xFFFE || cp == 0xFFFF) {
      report(i, "non-character " + CodePointName(cp));
    }
    i += len;
    ++column;
  }
  return total;
}

std::string CheckScalarValue(std::string_view value) {
  for (size_t i = 0; i < value.size();) {
    char32_t cp = 0;
    const size_t len = DecodeUtf8(value, i, &cp);
    // yaml-cpp 0.7 decodes `\N` and `\_` to a single byte, not to UTF-8.
    if (len == 0)
      return "invalid UTF-8 (yaml-cpp cannot decode `\\N` and `\\_`; write the character)";
    if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F)) {
      return "control character " + CodePointName(cp);
    }
    if (cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF) return "character " + CodePointName(cp);
    i += len;
  }
  return "";
}

std::string Printable(std::string_view s, size_t max_code_points) {
  return Excerpt(s, max_code_points);
}

std::string FormatSize(uint64_t bytes) {
  constexpr uint64_t kKiB = 1024;
  constexpr uint64_t kMiB = 1024 * kKiB;
  if (bytes >= kMiB && bytes % kMiB == 0) return fmt::format("{} MiB", bytes / kMiB);
  if (bytes >= kKiB && bytes % kKiB == 0) return fmt::format("{} KiB", bytes / kKiB);
  return fmt::format("{} byte{}", bytes, bytes == 1 ? "" : "s");
}

}  // namespace vendorlint::yaml::internal
