// The privacy-impact opening of `check --base --format markdown`
// (diff_report.h).
#include <fmt/format.h>

#include "report/diff_report.h"
#include "report/markdown_report.h"
#include "report/processor_notice.h"

namespace vendorlint {
namespace {

std::string LineLink(const Registry& reg, const Location& loc, const std::string& link_base) {
  if (!loc.valid()) return "";
  const std::string& path = reg.FilePath(loc);
  std::string base = link_base;
  if (!base.empty() && base.back() != '/') base += '/';
  return fmt::format("[{}:{}]({}{}#L{})", MarkdownEscape(path), loc.line, base, path, loc.line);
}

std::string Notice(const Provider& p) {
  ProcessorNotice n = NoticeFor(p);
  return fmt::format(
      "#### Art. 28 notice: {}\n\n- **Who:** {}\n- **Where:** {}\n- **What data:** {}\n- **For "
      "what:** {}\n\n",
      MarkdownEscape(n.name), MarkdownEscape(n.who), MarkdownEscape(n.where), MarkdownEscape(n.what),
      MarkdownEscape(n.why));
}

}  // namespace

std::string MarkdownPrivacyImpact(const RegistryDiff& diff, const Registry& registry,
                                  const std::string& base_label, const std::string& link_base) {
  std::string out = fmt::format(
      "### Privacy impact against `{}`\n\n{} high, {} medium, {} low impact change{} "
      "(`vendorlint diff --base` lists them all)\n\n",
      MarkdownEscape(base_label), diff.Count(Impact::kHigh), diff.Count(Impact::kMedium),
      diff.Count(Impact::kLow),
      diff.changes.size() - diff.Count(Impact::kNone) == 1 ? "" : "s");
  if (diff.Count(Impact::kHigh) > 0) {
    out += "| provider | change | where | why |\n|---|---|---|---|\n";
    for (const auto& c : diff.changes) {
      if (c.impact != Impact::kHigh) continue;
      std::string change = MarkdownEscape(c.message);
      if (!c.before.empty() && !c.after.empty())
        change += ": " + MarkdownEscape(c.before) + " → " + MarkdownEscape(c.after);
      out += fmt::format("| {} | {} | {} | {} |\n", fmt::format("`{}`", c.provider), change,
                         LineLink(registry, c.loc, link_base), MarkdownEscape(c.reason));
    }
    out += "\n";
  }
  for (const Provider* p : NewProcessors(diff, registry)) out += Notice(*p);
  return out;
}

}  // namespace vendorlint
