#include "util/location.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "util/escape.h"

namespace vendorlint {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "error";
}

std::string Diagnostic::Format() const {
  // File names and messages carry input (keys, values, names): one escaped
  // line, and a message that echoed too much is cut (a backstop; the places
  // that quote input already use Excerpt).
  std::string text = Escape(TruncateUtf8(message, kMaxDiagnosticBytes));
  std::string path = Escape(file);
  if (line == 0) return fmt::format("{}: {}: {}", path, SeverityName(severity), text);
  return fmt::format("{}:{}:{}: {}: {}", path, line, column, SeverityName(severity), text);
}

void SortDiagnostics(std::vector<Diagnostic>* diags) {
  auto key = [](const Diagnostic& d) {
    return std::tie(d.file, d.line, d.column, d.message, d.severity);
  };
  std::stable_sort(diags->begin(), diags->end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  diags->erase(std::unique(diags->begin(), diags->end(),
                           [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
               diags->end());
}

size_t CountErrors(const std::vector<Diagnostic>& diags) {
  return static_cast<size_t>(std::count_if(diags.begin(), diags.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kError;
  }));
}

}  // namespace vendorlint
