// `--format github`: GitHub Actions workflow commands, which the runner turns
// into annotations on the run and on the pull request's diff. One line each:
//
//   ::<level> file=<path>,line=<L>,col=<C>,title=<rule-id>::<message>
//
// Mapping:
//   fail, severity error    -> ::error    <message>
//   fail, severity warning  -> ::warning  <message>
//   fail, severity note     -> ::notice   <message>
//   review                  -> ::warning  needs review: <message>
//                              (with --strict, where review counts as fail: like a fail)
//   waived                  -> ::notice   waived by <who> until <date>: <why>
//                                         (was <outcome>: <message>)
//   waiver note             -> error: ::error, warning: ::warning, note: ::notice
//                              (title "vendorlint waivers", at the waiver's line)
//   last line               -> ::notice title=vendorlint::<summary line>[; baseline: ...]
//                              [; N more annotations not shown (...)]; the full report is
//                              in the job summary
//
// Pass and not_applicable findings produce nothing. GitHub shows only 10
// errors, 10 warnings and 10 notices of a step in its UI and drops the rest
// silently, so at most that many are written, the most important first:
// errors, then warnings, then notices; within a level, what fails the gate
// or is new since the baseline first, then report order (findings by rule and
// provider, then waiver notes). The closing notice counts what was left out
// (it is the tenth notice). The evidence (and an expired waiver) follow the
// message as further lines; with a baseline the title of a new finding ends in
// " (new)" and the summary counts new and fixed findings (fixed ones have no
// location left to annotate).
//
// Escaping: every input-derived string is first made one visible line
// (util/escape.h: LF -> `\n`, ESC -> `\x1B`, U+202E -> `\u202E`), then encoded as
// actions/toolkit's command.ts does: % -> %25, CR -> %0D, LF -> %0A, and in
// property values also : -> %3A and , -> %2C. Only the writer's own line breaks
// (before evidence) become %0A, so input can never start a `::command`.
// A location with no line (line 0) omits line and col.
#ifndef VENDORLINT_REPORT_GITHUB_REPORT_H_
#define VENDORLINT_REPORT_GITHUB_REPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "report/report.h"

namespace vendorlint {

std::string WriteGithubAnnotations(const Report& report);

// Exit-2 diagnostics as workflow commands (title "vendorlint"), with the same
// limits and order, then a notice: "N errors in WHERE; nothing was evaluated".
std::string WriteGithubDiagnostics(const std::vector<Diagnostic>& diags, std::string_view where);

// The message part of a workflow command (after the second "::").
std::string GithubEscapeData(std::string_view s);
// A property value (file=, title=, ...).
std::string GithubEscapeProperty(std::string_view s);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_GITHUB_REPORT_H_
