#include "util/location.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

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
  if (line == 0) return fmt::format("{}: {}: {}", file, SeverityName(severity), message);
  return fmt::format("{}:{}:{}: {}: {}", file, line, column, SeverityName(severity), message);
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
