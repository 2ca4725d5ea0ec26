// UTF-8 decoding shared by the YAML front end (which validates input) and the
// report writers (which must never emit malformed UTF-8).
#ifndef VENDORLINT_UTIL_UTF8_H_
#define VENDORLINT_UTIL_UTF8_H_

#include <cstddef>
#include <string_view>

namespace vendorlint {

// Decodes one UTF-8 sequence at text[i]. Returns its length (1-4) and sets *cp,
// or returns 0 if the bytes at i are not a well-formed sequence (overlong,
// surrogate, above U+10FFFF, truncated, or a stray continuation byte).
size_t DecodeUtf8(std::string_view text, size_t i, char32_t* cp);

}  // namespace vendorlint

#endif  // VENDORLINT_UTIL_UTF8_H_
