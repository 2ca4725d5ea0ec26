// `--format markdown`: a GitHub-flavoured Markdown summary for pull-request
// comments and $GITHUB_STEP_SUMMARY.
//
// Layout (sections only when they have content):
//   ## vendorlint: ✅ gate passed | ❌ gate failed
//   counts table: pass, fail, review, waived, not applicable, providers, rules, as of
//   the gate options (and, with a baseline, how many findings are new and fixed)
//   ### New findings / ### Fixed findings   (with a baseline only; new = fail or review
//                                            findings the baseline lacks, new waived ones
//                                            are in the waived table)
//   ### ❌ Failing the gate                  (each finding with its evidence, the fix and
//                                            `vendorlint explain`)
//   ### Other fails (not failing the gate)  (rule, severity, provider, message, location;
//                                            one row per rule for an unstated field)
//   ### Questions that would settle N reviews (each unknown fact once)
//   <details> Needs review                  (each item with its evidence)
//   ### Waived findings                     (with their waivers)
//   ### Waiver notes
// Locations link to the registry line: `<link_base><path>#L<line>`; with an
// empty link_base the link is relative (registry/providers/x.yaml#L12).
//
// Text from the registry, rules and waivers is escaped (Escape(s,
// Sink::kMarkdown), util/escape.h): line breaks, control characters and bidi
// controls as visible `\n`, `\x1B`, `\u202E`; then & < > as entities and
// Markdown punctuation (\ ` * _ [ ] ~ |) with a backslash, so that a message
// can neither break a table, reorder text nor inject HTML.
// A GitHub comment holds at most 65536 characters: each list or table stops
// after max_rows rows, or earlier when the document would outgrow max_bytes,
// and ends with "... and N more".
#ifndef VENDORLINT_REPORT_MARKDOWN_REPORT_H_
#define VENDORLINT_REPORT_MARKDOWN_REPORT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "report/report.h"

namespace vendorlint {

struct MarkdownOptions {
  // Prefix of location links, e.g. "https://github.com/org/repo/blob/<sha>/";
  // a missing trailing "/" is added. Empty: links relative to the project root.
  std::string link_base;
  size_t max_rows = 100;     // per table or list
  size_t max_bytes = 65536;  // the whole document (bytes >= characters)
};

std::string WriteMarkdownReport(const Report& report, const MarkdownOptions& options);
std::string WriteMarkdownReport(const Report& report);

// `s` as inline Markdown text that is safe in a table cell (see above).
std::string MarkdownEscape(std::string_view s);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_MARKDOWN_REPORT_H_
