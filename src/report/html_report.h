// The HTML report: one self-contained file for people (issue 13). Inline CSS,
// no script, nothing loaded from the network (registry URLs are shown as text
// and only http(s) ones become plain links); prints to PDF with its own print
// styles. Every string that comes from the registry, the rules or the waivers
// is HTML-escaped.
//
// Sections: verdict and counts; gate-failing findings with evidence,
// citations and remediation; findings needing review; changes since the
// baseline; the data map (report/data_map.h, inline SVG; left out above 500
// providers); a provider x rule matrix whose cells link to the finding (or,
// for pass and not applicable, to the rule; left out above 500 providers too); other findings; a section per provider with its flows and facts;
// waivers with approver and expiry; the rules.
#ifndef VENDORLINT_REPORT_HTML_REPORT_H_
#define VENDORLINT_REPORT_HTML_REPORT_H_

#include <ostream>
#include <string>
#include <string_view>

#include "report/report.h"

namespace vendorlint {

// & < > " ' as entities; other control characters (the loader rejects them)
// as U+FFFD.
std::string HtmlEscape(std::string_view s);

// A fragment id made of [a-z0-9-] and "_XX" escapes, unique per input.
std::string HtmlAnchor(std::string_view prefix, std::string_view a, std::string_view b = "");

std::string WriteHtmlReport(const Report& report);
// The same, written to `out` as it is made: the report is never held whole,
// and only the findings it prints in full are made (a batch at a time).
void WriteHtmlReport(const Report& report, std::ostream& out);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_HTML_REPORT_H_
