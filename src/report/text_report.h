// `--format text` (the default): findings grouped by rule, each with its
// location and evidence, then one summary line with the gate verdict.
#ifndef VENDORLINT_REPORT_TEXT_REPORT_H_
#define VENDORLINT_REPORT_TEXT_REPORT_H_

#include <string>

#include "report/report.h"

namespace vendorlint {

struct TextOptions {
  bool color = false;  // ANSI colours (the CLI decides: terminal and NO_COLOR)
};

std::string WriteTextReport(const Report& report, const TextOptions& options);

// The last line of the text report, e.g.
// "35 providers, 22 rules: 600 pass, 12 fail, 40 review, 118 not applicable; gate: FAIL (--fail-on
// error)".
std::string SummaryLine(const Report& report);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_TEXT_REPORT_H_
