// `diff --format markdown`: a pull-request comment. The high-impact changes
// come first and in full; medium and low follow in tables; cosmetic changes
// (with --cosmetic) last, folded. Each table stops before the comment would
// outgrow what GitHub accepts, with "... and N more".
#include <fmt/format.h>

#include "report/diff_report.h"
#include "report/markdown_report.h"

namespace vendorlint {
namespace {

constexpr size_t kMaxBytes = 60000;

std::string Where(const DiffReportInput& in, const RegistryChange& c) {
  if (!c.loc.valid()) return "";
  const std::string& path = in.files->at(c.loc.file);
  std::string base = in.link_base;
  if (!base.empty() && base.back() != '/') base += '/';
  return fmt::format("[{}:{}]({}{}#L{})", MarkdownEscape(path), c.loc.line, base, path,
                     c.loc.line);
}

std::string Value(const std::string& s) { return s.empty() ? "—" : MarkdownEscape(s); }

void Table(const DiffReportInput& in, Impact impact, const char* title, std::string* out) {
  size_t n = in.diff->Count(impact);
  if (n == 0) return;
  *out += fmt::format("\n### {} ({})\n\n", title, n);
  *out += "| Provider | Change | Before | After | Where | Why |\n";
  *out += "|---|---|---|---|---|---|\n";
  size_t shown = 0;
  for (const auto& c : in.diff->changes) {
    if (c.impact != impact) continue;
    std::string row = fmt::format("| {} (`{}`) | {} | {} | {} | {} | {} |\n", MarkdownEscape(c.provider_name),
                        c.provider, MarkdownEscape(c.message), Value(c.before), Value(c.after),
                        Where(in, c), MarkdownEscape(c.reason));
    // A GitHub comment holds 65536 characters; keep room for the later tables' headings.
    if (out->size() + row.size() > kMaxBytes) break;
    *out += row;
    ++shown;
  }
  if (shown < n)
    *out += fmt::format("\n... and {} more (the text and JSON outputs list every change)\n",
                        n - shown);
}

}  // namespace

std::string WriteDiffMarkdown(const DiffReportInput& in) {
  const RegistryDiff& d = *in.diff;
  Impact h = d.Highest();
  std::string out = fmt::format("## vendorlint diff: {} privacy impact\n\n",
                                h == Impact::kHigh     ? "🔴 high"
                                : h == Impact::kMedium ? "🟠 medium"
                                : h == Impact::kLow    ? "🟢 low"
                                                       : "no");
  out += fmt::format("`{}` → `{}`: {}\n", MarkdownEscape(in.old_label), MarkdownEscape(in.new_label),
                     MarkdownEscape(DiffSummaryLine(in)));
  Table(in, Impact::kHigh, "High impact", &out);
  Table(in, Impact::kMedium, "Medium impact", &out);
  Table(in, Impact::kLow, "Low impact", &out);
  if (in.cosmetic && d.Count(Impact::kNone) > 0) {
    out += "\n<details><summary>Cosmetic changes</summary>\n";
    Table(in, Impact::kNone, "Cosmetic", &out);
    out += "\n</details>\n";
  }
  return out;
}

}  // namespace vendorlint
