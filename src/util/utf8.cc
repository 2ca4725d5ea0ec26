#include "util/utf8.h"

namespace vendorlint {
namespace {

bool IsContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }
unsigned char ByteAt(std::string_view s, size_t i) { return static_cast<unsigned char>(s[i]); }

}  // namespace

size_t DecodeUtf8(std::string_view text, size_t i, char32_t* cp) {
  const size_t n = text.size();
  const unsigned char b0 = ByteAt(text, i);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  char32_t value;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    value = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    value = b0 & 0x0Fu;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    value = b0 & 0x07u;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;  // continuation byte, C0/C1 overlong lead, or F5..FF
  }
  if (i + len > n) return 0;
  const unsigned char b1 = ByteAt(text, i + 1);
  if (b1 < lo || b1 > hi) return 0;
  value = (value << 6) | (b1 & 0x3Fu);
  for (size_t k = 2; k < len; ++k) {
    const unsigned char b = ByteAt(text, i + k);
    if (!IsContinuation(b)) return 0;
    value = (value << 6) | (b & 0x3Fu);
  }
  *cp = value;
  return len;
}

}  // namespace vendorlint

namespace vendorlint {

bool IsBlankText(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    size_t len = DecodeUtf8(text, i, &cp);
    if (len == 0) return false;
    bool blank = cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 ||
                 cp == 0x1680 || cp == 0x180E || (cp >= 0x2000 && cp <= 0x200D) ||
                 cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x2060 ||
                 cp == 0x3000 || cp == 0xFEFF;
    if (!blank) return false;
    i += len;
  }
  return true;
}

}  // namespace vendorlint
