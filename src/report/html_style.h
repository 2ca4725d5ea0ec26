// The HTML report's inline style sheet, screen and print (html_report.h).
#ifndef VENDORLINT_REPORT_HTML_STYLE_H_
#define VENDORLINT_REPORT_HTML_STYLE_H_

namespace vendorlint {

// System fonts only: a web font would be a network request.
inline constexpr const char* kHtmlStyle = R"css(
:root { --fail: #c62828; --review: #ef8f00; --pass: #2e7d32; --waived: #6a5acd; --na: #bdbdbd; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  font-size: 14px; line-height: 1.45; color: #1b1b1b; margin: 0 auto; max-width: 1180px; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 32px 0 8px;
  border-bottom: 2px solid #dde6f3; padding-bottom: 4px; } h3 { font-size: 15px; margin: 18px 0 6px; }
.meta { color: #555; margin: 0 0 12px; }
.verdict { display: inline-block; padding: 6px 14px; border-radius: 6px; font-weight: 700;
  font-size: 16px; color: #fff; }
.verdict.failed { background: var(--fail); } .verdict.passed { background: var(--pass); }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid #d0d0d0; padding: 3px 7px; text-align: left; vertical-align: top; }
th { background: #f3f5f8; }
.counts td { text-align: right; min-width: 64px; }
code, .path { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
.finding { border: 1px solid #d0d0d0; border-left: 6px solid var(--na); border-radius: 4px;
  padding: 8px 12px; margin: 10px 0; }
.finding.fail { border-left-color: var(--fail); } .finding.review { border-left-color: var(--review); }
.finding.waived { border-left-color: var(--waived); }
.finding:target, .finding-line:target { outline: 3px solid #1565c0; }
.finding-lines { padding-left: 0; list-style: none; } .finding-line { margin: 2px 0; }
.finding h3 { margin: 0 0 4px; }
.label { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase;
  padding: 1px 6px; border-radius: 3px; color: #fff; background: var(--na); }
.label.fail { background: var(--fail); } .label.review { background: var(--review); }
.label.waived { background: var(--waived); } .label.pass { background: var(--pass); }
.label.high { background: var(--fail); } .label.medium { background: var(--review); }
.changes { width: 100%; } .changes .path { overflow-wrap: anywhere; }
.matrix { font-size: 12px; }
.matrix th.rule { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap;
  font-weight: 500; padding: 6px 2px; vertical-align: bottom; text-align: left; }
.matrix td.cell { text-align: center; padding: 0; width: 24px; height: 22px; }
.matrix td.cell a { display: block; color: #fff; text-decoration: none; font-weight: 700; line-height: 22px; }
.matrix td.pass { background: var(--pass); } .matrix td.fail { background: var(--fail); }
.matrix td.review { background: var(--review); } .matrix td.waived { background: var(--waived); }
.matrix td.not_applicable { background: #eeeeee; } .matrix td.not_applicable a { color: #777; }
.legend span { display: inline-block; margin-right: 12px; }
.swatch { display: inline-block; width: 12px; height: 12px; vertical-align: middle; margin-right: 4px; }
.map { overflow-x: auto; border: 1px solid #d0d0d0; padding: 8px; }
.map svg { max-width: 100%; height: auto; }
.provider { border-top: 1px solid #dde6f3; margin-top: 18px; }
dl.facts { display: grid; grid-template-columns: 200px 1fr; gap: 2px 12px; margin: 6px 0; }
dl.facts dt { color: #555; } dl.facts dd { margin: 0; }
.student { color: var(--fail); font-weight: 700; }
.notstated { color: #8a6d00; font-style: italic; }
.url { word-break: break-all; }
nav ul { columns: 2; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  nav { display: none; }
  h2 { break-after: avoid; } .finding, tr, dl.facts { break-inside: avoid; }
  /* The map on one page, scaled down (it is vector: a PDF viewer zooms it),
     rather than cut across pages with a blank page before it. */
  .map { overflow: visible; border: none; padding: 0; break-inside: avoid; }
  .map svg { width: auto; max-width: 100%; height: auto; max-height: 235mm; }
  a { color: inherit; text-decoration: none; }
  /* The matrix starts on a page of its own; its header row repeats (thead). */
  #matrix { break-before: page; } .matrix thead { display: table-header-group; }
  .matrix { font-size: 10px; } .matrix td.cell { height: 17px; }
  .matrix td.cell a { line-height: 17px; }
  #changes tr, #changes .notice { break-inside: avoid; }
  .provider { break-before: auto; }
}
)css";

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_HTML_STYLE_H_
