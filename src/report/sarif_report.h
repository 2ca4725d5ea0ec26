// SARIF 2.1.0 logs (OASIS, errata 01) with one run, in two flavours:
//
// `--format sarif`, for GitHub code scanning, which ignores result.kind,
// baselineState and suppressions and opens an alert for every result: only
// fails (at the rule's severity) and reviews (at "note"; at the severity with
// --strict) are results. Never passes, waived or absent ones. GitHub's limits
// (25,000 results, 10 MB gzip-compressed) are never exceeded: beyond them the
// most severe results are kept and the rest is named in
// invocations[0].toolExecutionNotifications.
//
// `--format sarif-dashboard`, for viewers that honour kind: passes, fails,
// reviews (kind says which; level is "none" unless kind is "fail", as SARIF
// §3.27.10 requires), waived ones with an accepted external suppression and,
// with --baseline, absent ones. No limits.
//
// Both: every rule is a tool.driver.rules[] entry; locations are
// repository-relative URIs under the uriBaseId SRCROOT, with the line's text
// as region.snippet; versionControlProvenance when run in a git repository.
#ifndef VENDORLINT_REPORT_SARIF_REPORT_H_
#define VENDORLINT_REPORT_SARIF_REPORT_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.h"
// SarifRuleName, part of this format's API, is declared with the rule
// descriptors it names.
#include "report/sarif_rules.h"

namespace vendorlint {

// The project's home page: SARIF tool.driver.informationUri.
inline constexpr const char* kVendorlintInformationUri = "https://github.com/vendorlint/vendorlint";

// GitHub's limits for one upload (docs: "SARIF support for code scanning").
struct SarifLimits {
  size_t max_results = 25000;
  size_t max_gzip_bytes = 10'000'000;
};

struct SarifOutput {
  std::string text;
  // What a limit left out, one sentence each (also in the log); empty if nothing.
  std::vector<std::string> omissions;
};

// The code-scanning log written to `out`; returns what a limit left out.
// Under a limit it is written twice: once to measure (gzip-compressed, not
// kept) and once to `out`, so memory does not grow with the log.
std::vector<std::string> WriteCodeScanningSarif(const Report& report, std::ostream& out,
                                                const SarifLimits& limits = {});
// The same, held as text (tests, small reports).
SarifOutput WriteCodeScanningSarif(const Report& report, const SarifLimits& limits = {});
// The code-scanning log's text with the default limits.
std::string WriteSarifReport(const Report& report);
std::string WriteSarifDashboardReport(const Report& report);
// The same, written to `out` as it goes (results made a batch at a time).
void WriteSarifDashboardReport(const Report& report, std::ostream& out);

// A report path (relative to where vendorlint ran) as an artifactLocation.uri:
// '/'-separated, normalised ("./registry/x.yaml" -> "registry/x.yaml") and
// percent-encoded; an absolute path becomes a file: URI.
std::string SarifArtifactUri(std::string_view path);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_SARIF_REPORT_H_
