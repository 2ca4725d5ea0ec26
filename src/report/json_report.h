// `--format json`: the versioned machine-readable contract in docs/output.md.
#ifndef VENDORLINT_REPORT_JSON_REPORT_H_
#define VENDORLINT_REPORT_JSON_REPORT_H_

#include <ostream>
#include <string>

#include "report/report.h"

namespace vendorlint {

// Version of the JSON document's shape; bumped on any incompatible change.
inline constexpr const char* kJsonReportVersion = "1.0";

// Writes the report to `out` as it goes: memory does not grow with its size.
void WriteJsonReport(const Report& report, std::ostream& out);
std::string WriteJsonReport(const Report& report);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_JSON_REPORT_H_
