// When yaml-cpp rejects a file, its messages ("illegal map value", "end of
// map not found") name the parser's state, not the author's mistake. This
// looks at the source lines where yaml-cpp stopped and recognises the common
// mistakes of people editing YAML by hand: a tab in the indentation, an
// unquoted `: ` inside a value, text after a quoted value, a key or a list
// item out of line with its siblings. Internal to the YAML front end.
#ifndef VENDORLINT_LOAD_SYNTAX_HINTS_H_
#define VENDORLINT_LOAD_SYNTAX_HINTS_H_

#include <cstddef>
#include <string_view>

#include "load/byte_checks.h"

namespace vendorlint::yaml::internal {

// If the lines at `error_offset` (where yaml-cpp stopped) show one of the
// common mistakes, fills `out` with its position and a message that says what
// is wrong and how to fix it, and returns true. Otherwise returns false and
// the caller keeps yaml-cpp's own message.
bool ExplainSyntaxError(std::string_view text, const LineIndex& lines, size_t error_offset,
                        Problem* out);

}  // namespace vendorlint::yaml::internal

#endif  // VENDORLINT_LOAD_SYNTAX_HINTS_H_
