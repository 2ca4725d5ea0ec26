// `--format junit`: JUnit XML for CI servers (Jenkins xUnit/JUnit, GitLab
// test reports). It must validate against ../shared/schemas/junit.xsd (the
// Jenkins xUnit junit-10.xsd) and the strict Apache Ant schema
// (junit-ant-strict.xsd), and pass ../shared/tools/validate-junit --strict.
//
// Mapping:
//  - <testsuites> without attributes (the Ant schema allows none); the totals
//    (tests, failures, errors, skipped) are on each suite.
//  - One <testsuite package="vendorlint" id="N" hostname="localhost"> per rule
//    (name = rule id), with <properties> severity, title and as_of, and empty
//    <system-out>/<system-err>; `timestamp` is the run's start (UTC, without
//    a zone as Ant wants it), or the --as-of date at midnight.
//  - One <testcase classname="vendorlint.<rule-id>" name="<provider-id>"> per
//    applicable pair: not_applicable pairs are left out, so `tests` counts
//    what was actually checked.
//  - The CI server agrees with the gate: a fail (or, with --strict, a review)
//    is a <failure type="<severity>"> exactly when it fails the gate; below
//    --fail-on it is <skipped> ("warning fail below --fail-on error: ...");
//    review -> <skipped> ("review: ..."); waived -> <skipped> ("waived by ...
//    until ..."); unchanged since the baseline -> <skipped>; pass -> an empty
//    testcase.
//    Bodies carry the location (path:line:col), the evidence and, for an
//    expired waiver, the waiver.
//  - Waiver notes form a last suite "vendorlint.waivers" of <skipped> cases
//    ("error: ...", "warning: ..."), so that CI shows them; they are not
//    failures because they do not decide the gate.
//  - errors is always 0: an invalid registry or rule set never gets as far as
//    a report.
// Output is deterministic: no hostname, and times come from Report metadata.
#ifndef VENDORLINT_REPORT_JUNIT_REPORT_H_
#define VENDORLINT_REPORT_JUNIT_REPORT_H_

#include <ostream>
#include <string>
#include <string_view>

#include "report/report.h"

namespace vendorlint {

// Writes to `out` as it goes (a suite per rule, its cases a batch at a time).
void WriteJunitReport(const Report& report, std::ostream& out);
std::string WriteJunitReport(const Report& report);

// `s` as XML 1.0 character data or attribute value (inside double quotes):
// & < > " ' as entities; TAB, LF and CR as character references when
// `attribute` is set (attribute-value normalisation would turn them into
// spaces); characters XML 1.0 forbids (C0 controls other than TAB/LF/CR,
// U+FFFE, U+FFFF) and malformed UTF-8 become U+FFFD.
std::string XmlEscape(std::string_view s, bool attribute);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_JUNIT_REPORT_H_
