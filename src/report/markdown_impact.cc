// The privacy-impact opening of `check --base --format markdown`
// (diff_report.h).
#include <set>

#include <fmt/format.h>

#include "report/diff_report.h"
#include "report/markdown_report.h"

namespace vendorlint {
namespace {

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string KeysOf(const KeyList& l) {
  std::vector<std::string> v;
  for (const auto& k : l.items) v.push_back(k.value);
  return Join(v);
}

std::string LineLink(const Registry& reg, const Location& loc, const std::string& link_base) {
  if (!loc.valid()) return "";
  const std::string& path = reg.FilePath(loc);
  std::string base = link_base;
  if (!base.empty() && base.back() != '/') base += '/';
  return fmt::format("[{}:{}]({}{}#L{})", MarkdownEscape(path), loc.line, base, path, loc.line);
}

// What the Art. 28(2) notice about a new processor must say.
std::string Notice(const Provider& p) {
  std::string who = MarkdownEscape(p.name.value);
  if (p.entity.legal_name) who += ", " + MarkdownEscape(p.entity.legal_name->value);
  if (p.entity.country) who += " (" + MarkdownEscape(p.entity.country->value) + ")";
  if (!p.entity.legal_name && !p.entity.country) who += " (legal entity not recorded)";
  std::string where;
  if (p.locations.processing.known) where += "processing: " + KeysOf(p.locations.processing);
  if (p.locations.storage.known)
    where += std::string(where.empty() ? "" : "; ") + "storage: " + KeysOf(p.locations.storage);
  if (p.storage.hosted_on) where += (where.empty() ? "" : "; ") + std::string("hosted on ") + p.storage.hosted_on->value;
  if (where.empty()) where = "not recorded";
  std::vector<std::string> data;
  std::set<std::string> purposes;
  for (const auto& k : p.purposes.items) purposes.insert(k.value);
  for (const auto& f : p.data_flows.items) {
    if (f.direction.value == Direction::kReceived) continue;
    data.push_back(fmt::format("{} about {}{}", KeysOf(f.categories),
                               f.subjects.known ? KeysOf(f.subjects) : "(subjects not stated)",
                               f.direction.value == Direction::kCollected ? " (collected from users)" : ""));
    for (const auto& k : f.purposes.items) purposes.insert(k.value);
  }
  std::string what = p.data_flows.known ? MarkdownEscape(fmt::format("{}", fmt::join(data, "; ")))
                                        : "not recorded";
  if (what.empty()) what = "none sent (it stores data: see the registry)";
  std::string why = purposes.empty() ? "not recorded"
                                     : MarkdownEscape(Join({purposes.begin(), purposes.end()}));
  return fmt::format(
      "#### Art. 28 notice: {}\n\n- **Who:** {}\n- **Where:** {}\n- **What data:** {}\n- **For "
      "what:** {}\n\n",
      MarkdownEscape(p.name.value), who, MarkdownEscape(where), what, why);
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
  for (const auto& c : diff.changes) {
    if (c.impact != Impact::kHigh || c.kind != ChangeKind::kAdded || !c.path.empty()) continue;
    if (const Provider* p = registry.FindProvider(c.provider)) out += Notice(*p);
  }
  return out;
}

}  // namespace vendorlint
