// Source locations and diagnostics: every value the loader produces and every
// error it reports carries one, so that findings point at the exact YAML node.
#ifndef VENDORLINT_UTIL_LOCATION_H_
#define VENDORLINT_UTIL_LOCATION_H_

#include <cstdint>
#include <string>
#include <vector>

namespace vendorlint {

// A position in a loaded file. `file` indexes Registry::files (or the file table
// of whatever owns the value); line and column are 1-based, the column counts
// Unicode code points. line == 0 means "no location" (e.g. an absent field).
struct Location {
  uint32_t file = 0;
  uint32_t line = 0;
  uint32_t column = 0;

  bool valid() const { return line != 0; }
  friend bool operator==(const Location&, const Location&) = default;
};

enum class Severity : uint8_t { kError, kWarning, kNote };
const char* SeverityName(Severity s);

// A message about an input file. Printed as `path:line:col: error: message`,
// always on one line: Format() escapes the path and the message (util/escape.h)
// and cuts a message over kMaxDiagnosticBytes.
inline constexpr size_t kMaxDiagnosticBytes = 2048;
struct Diagnostic {
  std::string file;
  uint32_t line = 0;  // 0: the message is about the file as a whole
  uint32_t column = 0;
  Severity severity = Severity::kError;
  std::string message;

  std::string Format() const;
};

// Sorts by file, line, column, then message; removes exact duplicates.
void SortDiagnostics(std::vector<Diagnostic>* diags);

// Number of diagnostics with Severity::kError.
size_t CountErrors(const std::vector<Diagnostic>& diags);

}  // namespace vendorlint

#endif  // VENDORLINT_UTIL_LOCATION_H_
