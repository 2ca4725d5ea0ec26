// `--format junit`: JUnit XML for CI servers (Jenkins xUnit/JUnit, GitLab
// test reports). It must validate against ../shared/schemas/junit.xsd (the
// Jenkins xUnit junit-10.xsd) and pass ../shared/tools/validate-junit.
//
// Mapping:
//  - <testsuites name="vendorlint"> with the totals (tests, failures, errors)
//    and the run's wall time. The schema has no `skipped` on <testsuites>, so
//    that total is only on the suites.
//  - One <testsuite> per rule (name = rule id), with <properties> severity,
//    title and as_of; `timestamp` is the run's start time when known.
//  - One <testcase classname="vendorlint.<rule-id>" name="<provider-id>"> per
//    applicable pair: not_applicable pairs are left out, so `tests` counts
//    what was actually checked.
//  - fail -> <failure type="<severity>">; review -> <skipped> ("review: ..."),
//    or <failure> under --strict, where review counts as fail; waived ->
//    <skipped> ("waived by ... until ..."); pass -> an empty testcase.
//    Bodies carry the location (path:line:col), the evidence and, for an
//    expired waiver, the waiver.
//  - Waiver notes form a last suite "vendorlint.waivers": an error note is a
//    <failure>, a warning or note a <skipped>, so that CI shows them too.
//  - errors is always 0: an invalid registry or rule set never gets as far as
//    a report.
// Output is deterministic: no hostname, and times come from Report metadata.
#ifndef VENDORLINT_REPORT_JUNIT_REPORT_H_
#define VENDORLINT_REPORT_JUNIT_REPORT_H_

#include <string>
#include <string_view>

#include "report/report.h"

namespace vendorlint {

std::string WriteJunitReport(const Report& report);

// `s` as XML 1.0 character data or attribute value (inside double quotes):
// & < > " ' as entities; TAB, LF and CR as character references when
// `attribute` is set (attribute-value normalisation would turn them into
// spaces); characters XML 1.0 forbids (C0 controls other than TAB/LF/CR,
// U+FFFE, U+FFFF) and malformed UTF-8 become U+FFFD.
std::string XmlEscape(std::string_view s, bool attribute);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_JUNIT_REPORT_H_
