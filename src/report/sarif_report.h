// `--format sarif`: a SARIF 2.1.0 log (OASIS, errata 01) with one run, shaped
// for GitHub code scanning as well as for spec-following viewers.
//
// Mapping (the reasons are next to the code in sarif_report.cc and, for
// rules, sarif_rules.cc):
//  - every rule becomes a tool.driver.rules[] entry; fail and review findings,
//    waived ones (with an accepted external suppression), passes (only with
//    --include-passes) and, with --baseline, absent ones become results;
//  - result.kind says fail/review/pass; level is the rule's severity for
//    kind "fail" and "none" otherwise, as SARIF §3.27.10 requires;
//  - locations are repository-relative URIs under the uriBaseId SRCROOT.
//
// GitHub code scanning ignores result.kind, baselineState and suppressions:
// every result it receives becomes an alert. Passes, waived and absent results
// are for SARIF viewers; see docs/output.md for what to upload to GitHub.
#ifndef VENDORLINT_REPORT_SARIF_REPORT_H_
#define VENDORLINT_REPORT_SARIF_REPORT_H_

#include <string>
#include <string_view>

#include "report/report.h"
// SarifRuleName, part of this format's API, is declared with the rule
// descriptors it names.
#include "report/sarif_rules.h"

namespace vendorlint {

// The project's home page: SARIF tool.driver.informationUri.
inline constexpr const char* kVendorlintInformationUri = "https://github.com/vendorlint/vendorlint";

std::string WriteSarifReport(const Report& report);

// A report path (relative to where vendorlint ran) as an artifactLocation.uri:
// '/'-separated, normalised ("./registry/x.yaml" -> "registry/x.yaml") and
// percent-encoded; an absolute path becomes a file: URI.
std::string SarifArtifactUri(std::string_view path);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_SARIF_REPORT_H_
