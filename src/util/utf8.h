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

// True when `text` has nothing to read: only whitespace (ASCII and Unicode
// spaces: U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F,
// U+205F, U+3000) and invisible characters (U+180E, U+200B-U+200D, U+2060,
// U+FEFF), or nothing. A justification of one zero-width space is blank.
// Malformed UTF-8 is not blank.
bool IsBlankText(std::string_view text);

}  // namespace vendorlint

#endif  // VENDORLINT_UTIL_UTF8_H_
