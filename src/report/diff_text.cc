// `diff --format text`: the changes grouped by provider, two lines each.
#include <fmt/format.h>

#include "report/diff_report.h"

namespace vendorlint {

std::string DiffLocationText(const DiffReportInput& in, const RegistryChange& c) {
  if (!c.loc.valid()) return "";
  return fmt::format("{}:{}:{}", in.files->at(c.loc.file), c.loc.line, c.loc.column);
}

std::string DiffSummaryLine(const DiffReportInput& in) {
  const RegistryDiff& d = *in.diff;
  size_t cosmetic = d.Count(Impact::kNone);
  size_t n = d.changes.size() - cosmetic;
  std::string line = fmt::format("{} change{}: {} high, {} medium, {} low", n, n == 1 ? "" : "s",
                                 d.Count(Impact::kHigh), d.Count(Impact::kMedium),
                                 d.Count(Impact::kLow));
  if (cosmetic > 0)
    line += in.cosmetic ? fmt::format("; {} cosmetic", cosmetic)
                        : fmt::format("; {} cosmetic not shown (--cosmetic lists them)", cosmetic);
  return line;
}

std::string WriteDiffText(const DiffReportInput& in) {
  std::string out = fmt::format("vendorlint diff {} -> {}\n", in.old_label, in.new_label);
  std::string provider;
  for (const auto& c : in.diff->changes) {
    if (c.impact == Impact::kNone && !in.cosmetic) continue;
    if (c.provider != provider) {
      provider = c.provider;
      out += fmt::format("\n{} ({})\n", c.provider, c.provider_name);
    }
    std::string where = DiffLocationText(in, c);
    out += fmt::format("  {:<6} {:<8} {}{}{}\n", ImpactName(c.impact), ChangeKindName(c.kind),
                       c.path.empty() ? "provider" : c.path, where.empty() ? "" : "  ", where);
    out += fmt::format("         {}", c.message);
    if (!c.before.empty() && !c.after.empty())
      out += fmt::format(": {} -> {}", c.before, c.after);
    else if (!c.after.empty())
      out += fmt::format(": {}", c.after);
    else if (!c.before.empty())
      out += fmt::format(": was {}", c.before);
    out += fmt::format(" ({})\n", c.reason);
  }
  out += fmt::format("\n{}\n", DiffSummaryLine(in));
  return out;
}

}  // namespace vendorlint
