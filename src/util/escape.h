// The one place that renders input-derived text (provider names, rule messages,
// keys, values, file names, test case names) for an output sink. Every writer
// and every diagnostic goes through it, so that input can never inject lines,
// terminal escape sequences, GitHub workflow commands or bidi reordering into
// a terminal, a CI log or a pull-request comment.
#ifndef VENDORLINT_UTIL_ESCAPE_H_
#define VENDORLINT_UTIL_ESCAPE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace vendorlint {

enum class Sink : unsigned char {
  kText,            // terminal, plain text, diagnostics
  kMarkdown,        // kText, then Markdown/HTML punctuation escaped for a table cell
  kGithubData,      // kText, then the workflow-command data encoding (% CR LF)
  kGithubProperty,  // kGithubData plus `:` and `,` (a property value)
};

// Renders `s` for `sink`. kText makes every character that could change what a
// terminal or log shows visible and inert:
//   LF, CR, TAB          -> \n \r \t
//   other C0, DEL        -> \x1B style
//   C1 (U+0080-U+009F)   -> \u0085 style
//   U+061C, U+200E-200F, U+2028-2029, U+202A-202E, U+2066-2069, U+FEFF
//                        -> \u202E style (bidi controls and line separators)
//   malformed UTF-8      -> \xFF style, one per byte
// A backslash is left as it is: the result is for reading, not for parsing
// back. The output is therefore always one line of valid UTF-8.
std::string Escape(std::string_view s, Sink sink = Sink::kText);

// True for the code points kText shows as `\uXXXX` although they are not
// controls: bidi marks, embeddings, overrides and isolates, U+2028/U+2029,
// U+FEFF. The JSON and XML writers encode these (and C1 controls) as character
// references, which keeps the value and makes the file safe to cat.
bool IsInvisibleFormatChar(char32_t cp);

// Input echoed in a message: at most kEchoCodePoints code points of
// Escape(s, kText); when `s` is longer, the cut text ends in
// "… (N bytes)" with N the size of the whole input.
inline constexpr size_t kEchoCodePoints = 80;
std::string Excerpt(std::string_view s, size_t max_code_points = kEchoCodePoints);

// `s` cut to at most max_bytes bytes on a code point boundary; when cut, it
// ends in "… (N bytes)" (the marker fits within max_bytes when max_bytes >= 32).
// N is full_size when given (for a caller that stopped building `s` early),
// else s.size().
std::string TruncateUtf8(std::string_view s, size_t max_bytes, size_t full_size = 0);

}  // namespace vendorlint

#endif  // VENDORLINT_UTIL_ESCAPE_H_
