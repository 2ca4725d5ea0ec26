// `--format text` (the default), what matters first: the verdict with counts,
// the findings that fail the gate with evidence and the fix, other fails one
// line each, the top review questions, the rest as counts, then one summary
// line with the gate verdict (tools read it). See docs/output.md.
#ifndef VENDORLINT_REPORT_TEXT_REPORT_H_
#define VENDORLINT_REPORT_TEXT_REPORT_H_

#include <string>

#include "report/report.h"

namespace vendorlint {

struct TextOptions {
  bool color = false;  // ANSI colours (the CLI decides: terminal and NO_COLOR)
  bool verbose = false;  // every finding with every evidence item
  bool quiet = false;    // only the verdict and the findings that fail the gate
};

std::string WriteTextReport(const Report& report, const TextOptions& options);

// The last line of the text report, e.g.
// "35 providers, 22 rules: 600 pass, 12 fail, 40 review, 118 not applicable; gate: FAIL (--fail-on
// error)".
std::string SummaryLine(const Report& report);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_TEXT_REPORT_H_
