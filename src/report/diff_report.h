// The writers of `vendorlint diff` (docs/output.md, "diff"): text, Markdown
// (a pull-request comment) and JSON. They format a RegistryDiff and decide
// nothing: impacts, reasons and messages come from check/registry_diff.h.
#ifndef VENDORLINT_REPORT_DIFF_REPORT_H_
#define VENDORLINT_REPORT_DIFF_REPORT_H_

#include <string>

#include "check/registry_diff.h"
#include "model/registry.h"
#include "util/source_files.h"

namespace vendorlint {

struct DiffReportInput {
  const RegistryDiff* diff = nullptr;
  const SourceFiles* files = nullptr;  // NEW's: what the changes' locations index
  std::string old_label;               // "tests/fixtures/registry-earlier" or "HEAD~1:registry"
  std::string new_label;
  bool cosmetic = false;  // list cosmetic changes too (else only counted)
  std::string link_base;  // Markdown: prefix of location links
};

std::string WriteDiffText(const DiffReportInput& in);
std::string WriteDiffMarkdown(const DiffReportInput& in);
std::string WriteDiffJson(const DiffReportInput& in);
// "12 changes: 3 high, 4 medium, 5 low; 7 cosmetic not shown (--cosmetic)".
std::string DiffSummaryLine(const DiffReportInput& in);
// "registry/providers/x.yaml:10:15", or "" without a location.
std::string DiffLocationText(const DiffReportInput& in, const RegistryChange& c);

// `check --base` Markdown: the high-impact changes of `diff` (a table), the
// counts of the others, and for each new processor of personal data what the
// GDPR Art. 28(2) notice to controllers must say: who (name, legal entity,
// country), where (processing and storage locations), what data (categories
// and subjects of the flows toward it) and for what (purposes). Facts the
// registry lacks are named as "not recorded", never left out.
std::string MarkdownPrivacyImpact(const RegistryDiff& diff, const Registry& registry,
                                  const std::string& base_label, const std::string& link_base);

}  // namespace vendorlint

#endif  // VENDORLINT_REPORT_DIFF_REPORT_H_
